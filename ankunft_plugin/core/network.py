"""A walking network as a sparse graph: build once, snap points onto edges, bounded searches.

numpy/scipy only (shapely only where geometry is read). All coordinates in a metric CRS (metres).

- ``WalkGraph.from_lines`` nodes the lines at every shared vertex (endpoints and interior vertices
  that coincide within ``node_tolerance``), so OSM ways that cross at a common node are connected and
  bridges (crossing without a common vertex) are not. Every way is walkable in both directions.
- ``snap`` projects points onto edges (not only onto nodes) using a KD-tree on the midpoints of the
  densified segments plus exact segment projection.
- ``distances`` and ``nearest`` are walking costs in metres that include the straight snap distance
  of both ends; a start and an end on the same edge are handled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

DEFAULT_SPEED_KMH = 4.5
MIN_COMPONENT_SHARE = 0.01  # a connected part under this share of the network length is a small fragment
SNAP_CHUNK = 1 << 16  # points snapped at a time
ZERO = 1e-9  # an exact zero cost stored in a sparse matrix (zeros are "no entry" there)


def release_memory() -> None:
    """Hand freed heap memory back to the operating system (glibc's ``malloc_trim``; nothing elsewhere).
    Building a large graph frees hundreds of MB of temporary arrays that glibc would otherwise keep
    for the process: at 1.5 M edges the process holds ~0.45 GB less afterwards."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl …)
        pass


def metres_to_minutes(m, speed_kmh: float = DEFAULT_SPEED_KMH):
    """Walking minutes for a distance in metres at ``speed_kmh``."""
    factor = speed_kmh * 1000.0 / 60.0
    return np.asarray(m, dtype=float) / factor if np.ndim(m) else float(m) / factor


def minutes_to_metres(minutes, speed_kmh: float = DEFAULT_SPEED_KMH):
    """Metres walked in ``minutes`` at ``speed_kmh``."""
    factor = speed_kmh * 1000.0 / 60.0
    return np.asarray(minutes, dtype=float) * factor if np.ndim(minutes) else float(minutes) * factor


@dataclass
class Snap:
    edge: np.ndarray  # (p,) int edge index (-1 where not snapped)
    t: np.ndarray  # (p,) fraction along the edge from edge_u (0..1)
    dist: np.ndarray  # (p,) straight distance point -> network (m); inf where no network
    ok: np.ndarray  # (p,) bool: dist <= max_dist
    moved: np.ndarray | None = None  # (p,) bool: moved off a small fragment (``snap(prefer=…)``)
    on_minor: np.ndarray | None = None  # (p,) bool: snapped, but left on a small fragment

    @property
    def n(self) -> int:
        return len(self.edge)

    def take(self, idx) -> Snap:
        """The snap of the points ``idx`` (in that order)."""
        idx = np.asarray(idx, dtype=np.int64)
        sub = [None if a is None else a[idx] for a in (self.moved, self.on_minor)]
        return Snap(self.edge[idx], self.t[idx], self.dist[idx], self.ok[idx], *sub)


def _line_parts(lines):
    """Coordinate arrays (k, 2) of every part of ``lines`` (shapely geometries or arrays);
    returns (parts, owner index). None/empty/invalid geometries are skipped."""
    parts, owner = [], []
    for i, g in enumerate(lines):
        if g is None:
            continue
        if isinstance(g, list) and g and isinstance(g[0], np.ndarray) and g[0].ndim == 2:
            for arr in g:  # the parts of one multi-line as coordinate arrays
                if arr.shape[0] >= 2:
                    parts.append(np.asarray(arr, dtype=float)[:, :2])
                    owner.append(i)
            continue
        if isinstance(g, (np.ndarray, list, tuple)):
            arr = np.asarray(g, dtype=float)
            if arr.ndim == 2 and arr.shape[0] >= 2:
                parts.append(arr[:, :2])
                owner.append(i)
            continue
        if getattr(g, "is_empty", True):
            continue
        geoms = getattr(g, "geoms", None)
        sub = list(geoms) if geoms is not None else [g]
        for s in sub:
            if s.is_empty or s.geom_type not in ("LineString", "LinearRing"):
                continue
            arr = np.asarray(s.coords, dtype=float)
            if arr.shape[0] >= 2:
                parts.append(arr[:, :2])
                owner.append(i)
    return parts, np.asarray(owner, dtype=np.int64)


def lines_from_wkb(blobs) -> list:
    """Coordinates of (Multi)LineString WKB blobs (2D, Z, M, ZM; ISO and EWKB-style flags) as lists
    of (k, 2) arrays, fast (no geometry objects). None/empty/other types give None."""
    import struct

    out = []
    for blob in blobs:
        if not blob:
            out.append(None)
            continue
        try:
            parts = []
            _read_wkb(memoryview(bytes(blob)), 0, parts, struct)
            out.append(parts or None)
        except (ValueError, struct.error, IndexError):
            out.append(None)
    return out


def _read_wkb(buf, pos, parts, struct):
    order = "<" if buf[pos] == 1 else ">"
    (gtype,) = struct.unpack_from(order + "I", buf, pos + 1)
    pos += 5
    dims = 2
    if gtype & 0x80000000:
        dims += 1
    if gtype & 0x40000000:
        dims += 1
    if gtype & 0x20000000:  # EWKB SRID
        pos += 4
    gtype &= 0x0FFFFFFF
    base = gtype % 1000
    if gtype >= 1000:
        dims = 2 + {1: 1, 2: 1, 3: 2}.get(gtype // 1000, 0)
    if base == 2:
        (n,) = struct.unpack_from(order + "I", buf, pos)
        pos += 4
        arr = np.frombuffer(buf, dtype=order + "f8", count=n * dims, offset=pos).reshape(n, dims)[:, :2]
        if n >= 2:
            parts.append(np.array(arr, dtype=float))
        return pos + 8 * n * dims
    if base in (5, 7):  # MultiLineString, GeometryCollection
        (n,) = struct.unpack_from(order + "I", buf, pos)
        pos += 4
        for _ in range(n):
            pos = _read_wkb(buf, pos, parts, struct)
        return pos
    raise ValueError("not a line")


@dataclass
class LineParts:
    """Line parts as flat arrays: the vertices of part i are ``xy[ptr[i]:ptr[i+1]]``; ``owner[i]`` is
    the index of the input line (feature) it belongs to; ``n_lines`` inputs in all."""

    xy: np.ndarray
    ptr: np.ndarray
    owner: np.ndarray
    n_lines: int

    @property
    def n_parts(self) -> int:
        return len(self.owner)

    def per_line(self) -> list:
        """One entry per input line: a list of its parts' (k, 2) arrays, or None (``lines_from_wkb``'s form)."""
        out: list = [None] * self.n_lines
        for i, (a, b) in enumerate(zip(self.ptr[:-1].tolist(), self.ptr[1:].tolist())):
            o = int(self.owner[i])
            if out[o] is None:
                out[o] = []
            out[o].append(self.xy[a:b])
        return out

    def empty_lines(self) -> int:
        """Inputs without any usable part (no geometry, empty, not a line)."""
        return int(self.n_lines - len(np.unique(self.owner)))


_LINE_DIMS = {2: 2, 1002: 3, 2002: 3, 3002: 4}


def wkb_line_parts(blobs) -> LineParts:
    """The (Multi)LineStrings of WKB blobs (a list of bytes/None, or a numpy array of fixed-size
    records) as ``LineParts``, vectorised with numpy for the common cases – little-endian LineStrings
    and single-part MultiLineStrings, 2D/Z/M/ZM, ISO or EWKB flags without SRID – and blob by blob
    (``_read_wkb``) for the rest. Anything that is not a line is skipped."""
    import struct

    if isinstance(blobs, np.ndarray) and blobs.dtype.kind == "V":
        n = len(blobs)
        size = blobs.dtype.itemsize
        buf = np.frombuffer(blobs.tobytes(), dtype=np.uint8)
        off = np.arange(n, dtype=np.int64) * size
        length = np.full(n, size, dtype=np.int64)
    else:
        items = [b"" if b is None else bytes(b) for b in blobs]
        n = len(items)
        length = np.array([len(b) for b in items], dtype=np.int64)
        off = np.zeros(n, dtype=np.int64)
        if n:
            np.cumsum(length[:-1], out=off[1:])
        buf = np.frombuffer(b"".join(items), dtype=np.uint8) if n else np.zeros(0, dtype=np.uint8)

    def u32(pos):
        pos = np.minimum(pos, max(len(buf) - 4, 0))
        return (buf[pos].astype(np.uint32) | (buf[pos + 1].astype(np.uint32) << 8)
                | (buf[pos + 2].astype(np.uint32) << 16) | (buf[pos + 3].astype(np.uint32) << 24)) if len(buf) >= 4 else np.zeros(len(pos), np.uint32)

    def dims_of(t):
        iso = t & 0x0FFFFFFF
        d = np.full(len(t), 0, dtype=np.int64)
        for code, k in _LINE_DIMS.items():
            d[iso == code] = k
        flags = (t & 0xE0000000) != 0
        ew = flags & (iso == 2) & ((t & 0x20000000) == 0)
        d[ew] = 2 + ((t[ew] & 0x80000000) != 0) + ((t[ew] & 0x40000000) != 0)
        d[flags & ~ew] = 0
        return d

    ok = length >= 9
    le = np.zeros(n, dtype=bool)
    le[ok] = buf[off[ok]] == 1
    t = np.zeros(n, dtype=np.uint32)
    t[le] = u32(off[le] + 1)
    base = (t & 0x0FFFFFFF) % 1000
    # plain LineStrings
    d_line = np.where(le & (base == 2), dims_of(t), 0)
    is_line = d_line > 0
    # single-part MultiLineStrings holding a little-endian LineString
    multi = le & (base == 5) & ((t & 0xE0000000) == 0) & (length >= 18)
    one = np.zeros(n, dtype=bool)
    one[multi] = (u32(off[multi] + 5) == 1) & (buf[off[multi] + 9] == 1)
    t_in = np.zeros(n, dtype=np.uint32)
    t_in[one] = u32(off[one] + 10)
    d_multi = np.where(one & ((t_in & 0x0FFFFFFF) % 1000 == 2), dims_of(t_in), 0)
    is_multi = d_multi > 0
    fast = is_line | is_multi
    head = np.where(is_line, 5, 14)  # position of the vertex count
    dims = np.where(is_line, d_line, d_multi)
    cnt = np.zeros(n, dtype=np.int64)
    cnt[fast] = u32(off[fast] + head[fast]).astype(np.int64)
    need = head + 4 + cnt * dims * 8
    fast &= (need <= length) & (cnt >= 2)
    parts_xy, parts_n, parts_owner = [], [], []
    idx = np.flatnonzero(fast)
    if len(idx):
        c = cnt[idx]
        start = off[idx] + head[idx] + 4
        xy = _gather_xy(buf, start, c, dims[idx])
        parts_xy.append(xy)
        parts_n.append(c)
        parts_owner.append(idx)
    # the rest, blob by blob
    rest = np.flatnonzero(~fast & (length > 0))
    if len(rest):
        xs, ns, ows = [], [], []
        for i in rest.tolist():
            blob = buf[off[i] : off[i] + length[i]].tobytes()
            parts: list = []
            try:
                _read_wkb(memoryview(blob), 0, parts, struct)
            except (ValueError, struct.error, IndexError):
                continue
            for arr in parts:
                xs.append(arr)
                ns.append(len(arr))
                ows.append(i)
        if xs:
            parts_xy.append(np.concatenate(xs))
            parts_n.append(np.asarray(ns, dtype=np.int64))
            parts_owner.append(np.asarray(ows, dtype=np.int64))
    if not parts_xy:
        return LineParts(np.zeros((0, 2)), np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int64), n)
    xy = np.concatenate(parts_xy)
    counts = np.concatenate(parts_n)
    owner = np.concatenate(parts_owner)
    # parts in input order (the fast ones first otherwise): sort by owner, keep their vertices together
    order = np.argsort(owner, kind="stable")
    if not np.array_equal(order, np.arange(len(order))):
        ptr0 = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=ptr0[1:])
        take = np.concatenate([np.arange(ptr0[k], ptr0[k + 1]) for k in order.tolist()])
        xy, counts, owner = xy[take], counts[order], owner[order]
    ptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=ptr[1:])
    return LineParts(xy, ptr, owner, n)


def _gather_xy(buf: np.ndarray, start: np.ndarray, count: np.ndarray, dims: np.ndarray) -> np.ndarray:
    """(sum(count), 2) float x/y of the vertices of WKB coordinate runs in the bytes ``buf``: run i starts at
    byte ``start[i]`` with ``count[i]`` vertices of ``dims[i]`` doubles each (only x and y are taken).
    Vertex by vertex through a 16-byte window view of ``buf`` (no index array per byte)."""
    tot = int(count.sum())
    if tot == 0:
        return np.zeros((0, 2))
    vert = np.repeat(start, count) + (np.arange(tot) - np.repeat(np.cumsum(count) - count, count)) * np.repeat(dims * 8, count)
    window = np.lib.stride_tricks.sliding_window_view(buf, 16)
    return np.ascontiguousarray(window[vert]).view("<f8").reshape(tot, 2).astype(float, copy=False)


def _row_key(q: np.ndarray) -> np.ndarray | None:
    """One int64 per row of the int64 pairs ``q`` that sorts like the rows (lexicographically), or None
    when the range does not fit."""
    if len(q) == 0:
        return None
    lo = q.min(axis=0)
    span = q.max(axis=0) - lo + 1
    if span[0] <= 0 or span[1] <= 0 or float(span[0]) * float(span[1]) >= 2.0**62:
        return None
    return (q[:, 0] - lo[0]) * span[1] + (q[:, 1] - lo[1])


def _cluster(xy: np.ndarray, tol: float) -> np.ndarray:
    """Label points so that points within ``tol`` of each other (transitively) share a label."""
    n = len(xy)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    # exact duplicates first (cheap), then merge near-duplicates with a KD-tree
    q = np.round(xy / max(tol, 1e-12)).astype(np.int64) if tol > 0 else xy
    key = _row_key(q) if tol > 0 else None
    if key is not None:  # one int64 per row, ordered like the rows: a 1-D sort instead of a row sort
        _, first, inv = np.unique(key, return_index=True, return_inverse=True)
    else:
        _, first, inv = np.unique(q, axis=0, return_index=True, return_inverse=True)
    inv = inv.ravel()
    ux = xy[first]
    if tol > 0 and len(ux) > 1:
        pairs = cKDTree(ux).query_pairs(tol, output_type="ndarray")
        if len(pairs):
            m = len(ux)
            g = sparse.coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(m, m))
            _, lab = connected_components(g, directed=False)
            return lab[inv].astype(np.int64)
    return inv.astype(np.int64)


class LocalCosts:
    """Node costs of searches limited to some nodes (``WalkGraph.search_local``): ``d`` (starts,
    local nodes) over the sorted global node ids ``nodes``. Row ``r`` (``costs[r]``) is indexed by
    global node ids like a dense row of ``WalkGraph.search`` (inf outside). ``loc`` maps global to
    local ids (-1 outside); it is shared per thread: call ``release`` when done with the rows."""

    def __init__(self, d: np.ndarray, nodes: np.ndarray, loc: np.ndarray | None = None):
        self.d = d
        self.nodes = nodes
        self.loc = loc

    def __len__(self) -> int:
        return self.d.shape[0]

    def __getitem__(self, r):
        if isinstance(r, tuple):  # D[..., node_ids]: (starts, len(node_ids)) like a dense result
            idx = np.asarray(r[-1], dtype=np.int64)
            ext = np.concatenate([self.d, np.full((self.d.shape[0], 1), np.inf)], axis=1)
            if self.loc is not None:
                return ext[:, self.loc[idx]]
            pos = np.minimum(np.searchsorted(self.nodes, idx), max(len(self.nodes) - 1, 0))
            hit = (self.nodes[pos] == idx) if len(self.nodes) else np.zeros(idx.shape, bool)
            return ext[:, np.where(hit, pos, -1)]
        return LocalRow(self.d[r], self.nodes, self.loc)

    def release(self) -> None:
        if self.loc is not None:
            self.loc[self.nodes] = -1
            self.loc = None


class LocalRow:
    """One start's costs of a ``LocalCosts``: ``row[node_ids]`` gives the costs (inf where not searched)."""

    def __init__(self, d: np.ndarray, nodes: np.ndarray, loc: np.ndarray | None = None):
        self.d = np.append(d, np.inf)
        self.nodes = nodes
        self.loc = loc

    def __getitem__(self, idx):
        if isinstance(idx, tuple):  # D[..., ids]
            idx = idx[-1]
        idx = np.asarray(idx, dtype=np.int64)
        if len(self.nodes) == 0:
            return np.full(idx.shape, np.inf)
        if self.loc is not None:
            return self.d[self.loc[idx]]  # -1 (outside) picks the appended inf
        pos = np.searchsorted(self.nodes, idx)
        pos = np.minimum(pos, len(self.nodes) - 1)
        hit = self.nodes[pos] == idx
        return self.d[np.where(hit, pos, -1)]

    def within(self, limit: float) -> np.ndarray:
        """Global ids of the nodes with cost <= limit."""
        return self.nodes[limit >= self.d[:-1]]


def _tree_arrays(tree, prefix: str = "kd_") -> dict:
    """A KD-tree as arrays named ``prefix``… (its pickling state, without pickle), for the disk cache."""
    import scipy

    state = tree.__getstate__()
    if len(state) != 10 or state[8] is not None:
        return {}
    buf, data, n, m, leafsize, maxes, mins, indices = state[:8]
    out = {"buffer": np.asarray(buf).view(np.uint8), "data": data, "indices": indices, "maxes": maxes, "mins": mins,
           "shape": np.array([n, m, leafsize], dtype=np.int64), "scipy": np.frombuffer(scipy.__version__.encode("ascii"), dtype=np.uint8)}
    return {prefix + k: v for k, v in out.items()}


def _tree_from_arrays(arrays: dict, points: int, prefix: str = "kd_"):
    """The KD-tree of ``_tree_arrays`` (data memory-mapped, not copied), or None when the arrays are absent,
    from another scipy version or do not fit (then it is built again)."""
    import scipy

    arrays = {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}
    if "buffer" not in arrays or bytes(np.asarray(arrays["scipy"])).decode("ascii", "replace") != scipy.__version__:
        return None
    n, m, leafsize = (int(x) for x in arrays["shape"])
    if n != points or m != 2 or arrays["data"].shape != (n, 2) or len(arrays["indices"]) != n:
        return None
    try:
        tree = cKDTree.__new__(cKDTree)
        tree.__setstate__((np.asarray(arrays["buffer"]).view("S1"), arrays["data"], n, m, leafsize,
                           np.asarray(arrays["maxes"]), np.asarray(arrays["mins"]), arrays["indices"], None, None))
        if n:  # a sanity check: the first point finds itself
            d, _i = tree.query(np.asarray(arrays["data"][0]), k=1)
            if d != 0.0:
                return None
    except (TypeError, ValueError, AttributeError, RuntimeError):
        return None
    return tree


@dataclass(eq=False)
class _Pieces:
    """The snapping index's items: the segments of every passable edge cut into pieces of at most the
    piece length (so that a KD-tree on the pieces' midpoints finds near segments well). Compact: per
    segment its first vertex, length and cumulative length, per piece its segment and number; the
    pieces' ends, edges and offsets are computed for the pieces asked for."""

    graph: object
    seg: np.ndarray  # (pieces,) segment of each piece
    k: np.ndarray  # (pieces,) number of the piece within its segment
    nps: np.ndarray  # (segments,) pieces per segment
    vtx: np.ndarray  # (segments,) first vertex (index into coord_xy)
    slen: np.ndarray  # (segments,) length
    cum: np.ndarray  # (segments,) cumulative length over all segments
    first: np.ndarray  # (segments,) first segment of the segment's edge
    half: float  # half of the longest piece

    def __post_init__(self):
        self._edge = None
        self.full = len(self.seg) == int(np.sum(self.nps))  # all pieces (not a subset)

    @classmethod
    def of(cls, g) -> _Pieces | None:
        nverts = np.diff(g.coord_ptr)
        counts = np.where(np.isfinite(g.edge_cost), nverts - 1, 0)  # only passable edges are snap targets
        total_n = int(counts.sum())
        if total_n == 0:
            return None
        csum = np.cumsum(counts)
        vtx = np.repeat(g.coord_ptr[:-1] - (csum - counts), counts) + np.arange(total_n)
        d = g.coord_xy[vtx + 1] - g.coord_xy[vtx]
        slen = np.hypot(d[:, 0], d[:, 1])
        del d
        cum = np.cumsum(slen)
        first = np.repeat(csum - counts, counts)
        piece = max(25.0, float(slen.sum()) / 2_000_000.0)
        nps = np.maximum(1, np.ceil(slen / piece).astype(np.int64))
        itype = np.int32 if total_n < 2**31 - 1 else np.int64
        seg = np.repeat(np.arange(total_n, dtype=itype), nps)
        k = (np.arange(len(seg), dtype=np.int64) - np.repeat(np.cumsum(nps) - nps, nps)).astype(np.int32)
        half = float(np.max(slen / nps)) / 2.0
        return cls(g, seg, k, nps.astype(np.int32), vtx, slen, cum, first, half)

    @property
    def n(self) -> int:
        return len(self.seg)

    NAMES = ("seg", "k", "nps", "vtx", "slen", "cum", "first")

    def to_arrays(self) -> dict:
        out = {"pc_" + n: getattr(self, n) for n in self.NAMES}
        out["pc_half"] = np.array([self.half])
        return out

    @classmethod
    def from_arrays(cls, graph, arrays: dict) -> _Pieces | None:
        if "pc_seg" not in arrays:
            return None
        return cls(graph, *(arrays["pc_" + n] for n in cls.NAMES), float(arrays["pc_half"][0]))

    def subset(self, keep) -> _Pieces:
        """The pieces where ``keep`` (bool per piece) is True, as an index of their own."""
        sub = _Pieces(self.graph, self.seg[keep], self.k[keep], self.nps, self.vtx, self.slen, self.cum, self.first, self.half)
        if self._edge is not None:
            sub._edge = self._edge[keep]
        return sub

    def _fractions(self, idx):
        s = self.seg[idx]
        n = self.nps[s]
        k = self.k[idx]
        return s, k / n, (k + 1) / n

    def ends(self, idx):
        """Start and end points of the pieces ``idx`` (any shape; coordinates in a last axis of 2)."""
        s, f0, f1 = self._fractions(idx)
        a = self.graph.coord_xy[self.vtx[s]]
        d = self.graph.coord_xy[self.vtx[s] + 1] - a
        return a + d * f0[..., None], a + d * f1[..., None]

    def midpoints(self) -> np.ndarray:
        """Midpoints of all pieces (for the KD-tree), in chunks of segments to keep the temporaries small."""
        if not self.full:
            a, b = self.ends(np.arange(self.n))
            return (a + b) / 2.0
        out = np.empty((self.n, 2))
        xy = self.graph.coord_xy
        nseg = len(self.nps)
        first_piece = np.cumsum(self.nps) - self.nps
        step = 1 << 19
        for s0 in range(0, nseg, step):
            s1 = min(s0 + step, nseg)
            n = self.nps[s0:s1]
            p0 = int(first_piece[s0])
            p1 = p0 + int(n.sum())
            a = xy[self.vtx[s0:s1]]
            d = np.repeat(xy[self.vtx[s0:s1] + 1] - a, n, axis=0)
            a = np.repeat(a, n, axis=0)
            k = self.k[p0:p1]
            nn = np.repeat(n, n)
            out[p0:p1] = ((a + d * (k / nn)[:, None]) + (a + d * ((k + 1) / nn)[:, None])) / 2.0
        return out

    def edge(self, idx=None) -> np.ndarray:
        """The edge of the pieces ``idx`` (all pieces without ``idx``)."""
        if idx is None:
            if self._edge is None:
                self._edge = self.edge(np.arange(self.n))
            return self._edge
        if self._edge is not None:
            return self._edge[idx]
        return np.searchsorted(self.graph.coord_ptr, self.vtx[self.seg[idx]], side="right") - 1

    def offset_length(self, idx):
        """Offset along its edge of the start of the pieces ``idx``, and their lengths."""
        s, f0, _f1 = self._fractions(idx)
        before = np.where(self.first[s] > 0, self.cum[np.maximum(self.first[s] - 1, 0)], 0.0)
        seg_off = np.where(s > 0, self.cum[np.maximum(s - 1, 0)], 0.0) - before
        return seg_off + self.slen[s] * f0, self.slen[s] / self.nps[s]


def _with_starts(base, k: int, rows, cols, vals):
    """``base`` (n, n) plus ``k`` virtual start nodes (rows n..n+k-1), linked one way to the nodes
    ``cols`` with ``vals`` (start number ``rows``): the matrix a search from the starts runs on."""
    n = base.shape[0]
    extra = sparse.coo_matrix((vals, (rows + n, cols)), shape=(n + k, n + k))
    big = sparse.bmat([[base, None], [None, sparse.csr_matrix((k, k))]], format="csr")
    return (big + extra.tocsr()).tocsr()


class WalkGraph:
    """Undirected walking graph with edge geometries; see the module docstring."""

    def __init__(self, node_xy, edge_u, edge_v, edge_len, edge_cost, edge_coords=None, edge_line=None,
                 coord_xy=None, coord_ptr=None, component=None):
        self.node_xy = np.asarray(node_xy, dtype=float).reshape(-1, 2)
        self.edge_u = np.asarray(edge_u, dtype=np.int64)
        self.edge_v = np.asarray(edge_v, dtype=np.int64)
        self.edge_len = np.asarray(edge_len, dtype=float)
        self.edge_cost = np.asarray(edge_cost, dtype=float)
        # edge geometries as one flat array: the vertices of edge e are coord_xy[coord_ptr[e]:coord_ptr[e+1]]
        if coord_xy is None:
            parts = list(edge_coords) if edge_coords is not None else []
            nv = np.array([len(c) for c in parts], dtype=np.int64)
            coord_ptr = np.zeros(len(parts) + 1, dtype=np.int64)
            np.cumsum(nv, out=coord_ptr[1:])
            coord_xy = np.concatenate([np.asarray(c, dtype=float)[:, :2] for c in parts]) if parts else np.zeros((0, 2))
        self.coord_xy = np.asarray(coord_xy, dtype=float).reshape(-1, 2)
        self.coord_ptr = np.asarray(coord_ptr, dtype=np.int64)
        # index of the input line each edge comes from (-1 when unknown)
        self.edge_line = (
            np.asarray(edge_line, dtype=np.int64) if edge_line is not None else np.full(len(self.edge_u), -1)
        )
        self._matrix = None
        self._seg = None
        self._tree = None
        self._incidence = None
        self._node_tree = None
        self._edge_coords = None
        self.component = np.asarray(component, dtype=np.int64) if component is not None else self._components()

    @property
    def edge_coords(self) -> list:
        """The vertices of every edge as a list of (k, 2) arrays (views into ``coord_xy``)."""
        if self._edge_coords is None:
            ptr = self.coord_ptr.tolist()
            self._edge_coords = [self.coord_xy[a:b] for a, b in zip(ptr[:-1], ptr[1:])]
        return self._edge_coords

    def node_tree(self) -> cKDTree:
        """KD-tree of the nodes (for searches limited to what a point can reach)."""
        if self._node_tree is None:
            self._node_tree = cKDTree(self.node_xy)
        return self._node_tree

    def min_cost_factor(self) -> float:
        """Smallest cost per metre of any passable edge (1 without cost factors): a walk of cost c
        never leaves the disk of radius c / min_cost_factor around its start."""
        f = self.__dict__.get("_min_factor")
        if f is None:
            ok = np.isfinite(self.edge_cost) & (self.edge_len > 0)
            f = float(max(np.min(self.edge_cost[ok] / self.edge_len[ok]), 1e-6)) if ok.any() else 1.0
            self.__dict__["_min_factor"] = f
        return f

    # -- persistence -------------------------------------------------------------------------------
    ARRAYS = ("node_xy", "edge_u", "edge_v", "edge_len", "edge_cost", "edge_line", "coord_xy", "coord_ptr", "component")

    def to_arrays(self) -> dict:
        """Everything needed to rebuild the graph without its input, as named numpy arrays: the graph,
        its search matrix (CSR), the edges of every node (incidence), the snapping index (its pieces
        and their KD-tree) and the nodes' KD-tree, so that the next process neither computes nor builds them."""
        out = {n: getattr(self, n) for n in self.ARRAYS}
        m = self.matrix()
        out.update(csr_data=m.data, csr_indices=m.indices, csr_indptr=m.indptr)
        inc_ptr, inc_edges = self.incidence()
        out.update(inc_ptr=inc_ptr, inc_edges=inc_edges)
        seg = self._segments()
        if seg is not None:
            out.update(seg.to_arrays())
            out.update(_tree_arrays(self._tree))
        if self.n_nodes:
            out.update(_tree_arrays(self.node_tree(), "nkd_"))
        return out

    @classmethod
    def from_arrays(cls, arrays: dict) -> WalkGraph:
        """The graph of ``to_arrays`` (arrays may be memory-mapped: nothing is copied)."""
        g = cls(*(arrays[n] for n in ("node_xy", "edge_u", "edge_v", "edge_len", "edge_cost")), None,
                arrays["edge_line"], coord_xy=arrays["coord_xy"], coord_ptr=arrays["coord_ptr"],
                component=arrays["component"])
        n = len(g.node_xy)
        if "csr_data" in arrays:
            g._matrix = sparse.csr_matrix((arrays["csr_data"], arrays["csr_indices"], arrays["csr_indptr"]), shape=(n, n))
        if "inc_ptr" in arrays:
            g._incidence = (arrays["inc_ptr"], arrays["inc_edges"])
        g._seg = _Pieces.from_arrays(g, arrays)
        if g._seg is not None:
            g._tree = _tree_from_arrays(arrays, g._seg.n)  # None: built when the first point is snapped
        g._node_tree = _tree_from_arrays(arrays, n, "nkd_")
        return g

    # -- construction ------------------------------------------------------------------------------
    @classmethod
    def from_lines(cls, lines, factors=None, node_tolerance: float = 0.01) -> WalkGraph:
        """Graph of ``lines`` (shapely (Multi)LineStrings, (k, 2) arrays, or lists of such arrays for
        multi-part lines, e.g. from ``lines_from_wkb``; metric CRS).

        ``factors`` (one per line, optional) multiply the length into the search cost; a factor that is
        not a positive finite number makes the line impassable (kept as geometry, never searched)."""
        if isinstance(lines, LineParts):
            return cls.from_parts(lines, factors, node_tolerance)
        parts, owner = _line_parts(lines)
        if not parts:
            return cls(np.zeros((0, 2)), [], [], [], [], [], [])
        counts = np.array([len(p) for p in parts])
        ptr = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum(counts, out=ptr[1:])
        return cls.from_parts(LineParts(np.concatenate(parts), ptr, owner, len(lines)), factors, node_tolerance)

    @classmethod
    def from_parts(cls, lp: LineParts, factors=None, node_tolerance: float = 0.01) -> WalkGraph:
        """Graph of the line parts ``lp`` (flat coordinates, e.g. from ``wkb_line_parts``); see ``from_lines``."""
        if lp.n_parts == 0:
            return cls(np.zeros((0, 2)), [], [], [], [], [], [])
        owner = lp.owner
        xy = lp.xy
        part_of = np.repeat(np.arange(lp.n_parts), np.diff(lp.ptr))
        lab = _cluster(xy, node_tolerance)
        # drop consecutive repeats of one node within a part
        keep = np.ones(len(xy), dtype=bool)
        keep[1:] = ~((lab[1:] == lab[:-1]) & (part_of[1:] == part_of[:-1]))
        xy, lab, part_of = xy[keep], lab[keep], part_of[keep]
        start = np.ones(len(xy), dtype=bool)
        start[1:] = part_of[1:] != part_of[:-1]
        end = np.ones(len(xy), dtype=bool)
        end[:-1] = part_of[:-1] != part_of[1:]
        single = start & end  # a part that collapsed to one point
        # a vertex is a node when it ends a part or occurs more than once in the whole network
        occurrences = np.bincount(lab)
        is_node = (start | end | (occurrences[lab] > 1)) & ~single
        # segment lengths along the concatenation (0 across part boundaries)
        seg = np.zeros(len(xy))
        d = np.hypot(np.diff(xy[:, 0]), np.diff(xy[:, 1]))
        same = part_of[1:] == part_of[:-1]
        seg[1:] = np.where(same, d, 0.0)
        cum = np.cumsum(seg)
        node_pos = np.flatnonzero(is_node)
        a, b = node_pos[:-1], node_pos[1:]
        valid = part_of[a] == part_of[b]
        a, b = a[valid], b[valid]
        elen = cum[b] - cum[a]
        good = elen > 0
        a, b, elen = a[good], b[good], elen[good]
        # renumber nodes compactly
        # (labels are 0..max: a lookup table instead of a sort)
        ends = np.concatenate([lab[a], lab[b]])
        seen = np.zeros(int(lab.max()) + 1 if len(lab) else 0, dtype=bool)
        seen[ends] = True
        used = np.flatnonzero(seen)
        remap = np.cumsum(seen) - 1
        node_id = remap[ends]
        del ends, seen, remap
        eu = node_id[: len(a)]
        ev = node_id[len(a) :]
        node_xy = np.zeros((len(used), 2))
        node_xy[eu] = xy[a]
        node_xy[ev] = xy[b]
        line_of = owner[part_of[a]]
        if factors is None:
            f = np.ones(len(a))
        else:
            fac = np.asarray(factors, dtype=float)
            f = fac[line_of]
            f = np.where(np.isfinite(f) & (f > 0), f, np.inf)
        nv = b - a + 1
        coord_ptr = np.zeros(len(a) + 1, dtype=np.int64)
        np.cumsum(nv, out=coord_ptr[1:])
        take = np.repeat(a - coord_ptr[:-1], nv) + np.arange(int(coord_ptr[-1]))
        coord_xy = xy[take].copy()
        # the end coordinates exactly on their node
        coord_xy[coord_ptr[:-1]] = node_xy[eu]
        coord_xy[coord_ptr[1:] - 1] = node_xy[ev]
        return cls(node_xy, eu, ev, elen, elen * f, None, line_of, coord_xy=coord_xy, coord_ptr=coord_ptr)

    def _components(self) -> np.ndarray:
        n = len(self.node_xy)
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        g = sparse.coo_matrix((np.ones(len(self.edge_u)), (self.edge_u, self.edge_v)), shape=(n, n))
        _, lab = connected_components(g, directed=False)
        # renumber by size: 0 = the component with the most length
        length = np.bincount(lab[self.edge_u], weights=self.edge_len, minlength=lab.max() + 1)
        order = np.argsort(-length, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        return rank[lab].astype(np.int64)

    # -- basic properties --------------------------------------------------------------------------
    @property
    def n_nodes(self) -> int:
        return len(self.node_xy)

    @property
    def n_edges(self) -> int:
        return len(self.edge_u)

    @property
    def edge_component(self) -> np.ndarray:
        return self.component[self.edge_u] if self.n_edges else np.zeros(0, dtype=np.int64)

    def major_edges(self, min_share: float = MIN_COMPONENT_SHARE) -> np.ndarray:
        """Bool per edge: on a connected part that holds at least ``min_share`` of the network length.
        The others are small disconnected fragments (a courtyard path, a piece cut off at the edge of
        the extract): a point there reaches almost nothing, so points are snapped onto the connected
        network instead (``snap(prefer=…)``, ``snap_connected``)."""
        if self.n_edges == 0:
            return np.zeros(0, dtype=bool)
        comp = self.edge_component
        length = np.bincount(comp, weights=self.edge_len)
        return (length >= min_share * length.sum())[comp]

    def fragments(self, min_share: float = MIN_COMPONENT_SHARE) -> tuple[int, float]:
        """(number, total length in m) of the small disconnected fragments (see ``major_edges``)."""
        if self.n_edges == 0:
            return 0, 0.0
        minor = ~self.major_edges(min_share)
        return len(np.unique(self.edge_component[minor])), float(self.edge_len[minor].sum())

    def snap_connected(self, xy, max_dist: float = 200.0, min_share: float = MIN_COMPONENT_SHARE,
                       strict: bool = False) -> Snap:
        """``snap`` preferring the connected network (``major_edges``): a point nearest to a small
        fragment is moved onto the connected network when that lies within ``max_dist`` too
        (``Snap.moved``), else it stays on the fragment (``Snap.on_minor``); ``strict``: it is not
        snapped at all (``ok`` False)."""
        major = self.major_edges(min_share)
        if strict:
            s = self.snap(xy, max_dist, edge_mask=major)
            s.moved = np.zeros(s.n, dtype=bool)
            s.on_minor = np.zeros(s.n, dtype=bool)
            return s
        return self.snap(xy, max_dist, prefer=major)

    def summary(self) -> dict:
        """Counts for the log: nodes, edges, components, dangles, share of length outside component 0."""
        if self.n_edges == 0:
            return {"nodes": 0, "edges": 0, "components": 0, "dangles": 0, "length_m": 0.0, "outside_share": 0.0}
        deg = np.bincount(np.concatenate([self.edge_u, self.edge_v]), minlength=self.n_nodes)
        total = float(self.edge_len.sum())
        outside = float(self.edge_len[self.edge_component != 0].sum())
        return {
            "nodes": self.n_nodes,
            "edges": self.n_edges,
            "components": int(self.component.max()) + 1,
            "dangles": int((deg == 1).sum()),
            "length_m": total,
            "outside_share": outside / total if total > 0 else 0.0,
        }

    def matrix(self) -> sparse.csr_matrix:
        """Symmetric (n, n) cost matrix; parallel edges reduced to the cheapest; impassable edges left out."""
        if self._matrix is None:
            n = self.n_nodes
            ok = np.isfinite(self.edge_cost) & (self.edge_u != self.edge_v)
            u, v, c = self.edge_u[ok], self.edge_v[ok], np.maximum(self.edge_cost[ok], ZERO)
            lo, hi = np.minimum(u, v), np.maximum(u, v)
            order = np.lexsort((c, hi, lo))
            lo, hi, c = lo[order], hi[order], c[order]
            first = np.ones(len(lo), dtype=bool)
            first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
            lo, hi, c = lo[first], hi[first], c[first]
            m = sparse.coo_matrix(
                (np.concatenate([c, c]), (np.concatenate([lo, hi]), np.concatenate([hi, lo]))), shape=(n, n)
            )
            self._matrix = m.tocsr()
        return self._matrix

    def incidence(self):
        """(indptr, edges): the edges touching each node, CSR-style."""
        if self._incidence is None:
            n = self.n_nodes
            nodes = np.concatenate([self.edge_u, self.edge_v])
            edges = np.concatenate([np.arange(self.n_edges), np.arange(self.n_edges)])
            order = np.argsort(nodes, kind="stable")
            indptr = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(np.bincount(nodes, minlength=n), out=indptr[1:])
            self._incidence = (indptr, edges[order])
        return self._incidence

    # -- snapping ------------------------------------------------------------------------------------
    def _segments(self):
        """The snapping index's items: pieces (<= piece length) of every passable edge's segments
        (``_Pieces``) and their KD-tree (``_tree``); None without passable segments."""
        if self._seg is None:
            self._seg = _Pieces.of(self) if self.n_edges else None
            self._tree = None
            if self._seg is None:
                return None
        if self._tree is None:
            # a sliding-midpoint tree builds twice as fast and answers as fast for line midpoints
            self._tree = cKDTree(self._seg.midpoints(), balanced_tree=False, compact_nodes=False)
        return self._seg

    def _masked_index(self, edge_mask):
        """Pieces and KD-tree of the edges where ``edge_mask`` is True (cached per mask)."""
        import hashlib

        seg = self._segments()
        if seg is None:
            return None, None
        mask = np.asarray(edge_mask, dtype=bool)
        key = hashlib.sha1(np.packbits(mask).tobytes(), usedforsecurity=False).hexdigest()
        cache = self.__dict__.setdefault("_masked_cache", {})
        if key not in cache:
            keep = mask[seg.edge()]
            if not keep.any():
                cache[key] = (None, None)
            else:
                sub = seg.subset(keep)
                cache[key] = (sub, cKDTree(sub.midpoints()))
        return cache[key]

    @staticmethod
    def _project(seg, pts, cand):
        """Exact distance from pts (p, 2) to candidate sub-segments cand (p, k); returns dist, frac."""
        a, b = seg.ends(cand)
        d = b - a
        dd = np.einsum("...i,...i->...", d, d)
        w = pts[:, None, :] - a
        with np.errstate(invalid="ignore", divide="ignore"):
            f = np.where(dd > 0, np.einsum("...i,...i->...", w, d) / dd, 0.0)
        f = np.clip(f, 0.0, 1.0)
        proj = a + d * f[..., None]
        dist = np.hypot(pts[:, None, 0] - proj[..., 0], pts[:, None, 1] - proj[..., 1])
        return dist, f

    def snap(self, xy, max_dist: float = 200.0, edge_mask=None, prefer=None) -> Snap:
        """Snap points onto the nearest edge (exact projection). Points with NaN coordinates or
        beyond ``max_dist`` get ``ok=False``; their ``dist`` is still the distance to the network.
        ``edge_mask`` (bool per edge, optional) restricts the snap targets, e.g. to the connected network.
        ``prefer`` (bool per edge, optional): a point snapped onto an edge outside it is moved onto the
        nearest preferred edge when that lies within ``max_dist`` too (``Snap.moved``); the others
        stay (``Snap.on_minor``)."""
        if prefer is not None:
            prefer = np.asarray(prefer, dtype=bool)
            s = self.snap(xy, max_dist, edge_mask=edge_mask)
            s.moved = np.zeros(s.n, dtype=bool)
            off = np.zeros(s.n, dtype=bool)
            off[s.ok] = ~prefer[s.edge[s.ok]]
            if off.any() and prefer.any():
                idx = np.flatnonzero(off)
                pm = prefer if edge_mask is None else prefer & np.asarray(edge_mask, dtype=bool)
                alt = self.snap(np.asarray(xy, dtype=float).reshape(-1, 2)[idx], max_dist, edge_mask=pm)
                go = idx[alt.ok]
                s.edge[go], s.t[go], s.dist[go] = alt.edge[alt.ok], alt.t[alt.ok], alt.dist[alt.ok]
                s.moved[go] = True
                off[go] = False
            s.on_minor = off
            return s
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        p = len(xy)
        edge = np.full(p, -1, dtype=np.int64)
        t = np.zeros(p)
        dist = np.full(p, np.inf)
        if edge_mask is None:
            seg, tree = self._segments(), self._tree
        else:
            seg, tree = self._masked_index(edge_mask)
        if seg is None or p == 0:
            return Snap(edge, t, dist, np.zeros(p, dtype=bool))
        valid = np.isfinite(xy).all(axis=1)
        idx = np.flatnonzero(valid)
        # in chunks: the candidates' temporaries stay small (~40 MB) for a city's million buildings
        for c0 in range(0, len(idx), SNAP_CHUNK):
            part = idx[c0 : c0 + SNAP_CHUNK]
            edge[part], t[part], dist[part] = self._snap_points(seg, tree, xy[part])
        ok = dist <= max_dist
        edge[~ok] = -1
        return Snap(edge, t, dist, ok)

    def _snap_points(self, seg, tree, pts):
        """(edge, t, dist) of the nearest piece of ``seg`` (KD-tree ``tree``) for the finite points ``pts``."""
        nseg = seg.n
        k = min(8, nseg)
        dm, cand = tree.query(pts, k=k)
        dm, cand = dm.reshape(len(pts), k), cand.reshape(len(pts), k)
        dist_c, f_c = self._project(seg, pts, cand)
        j = np.argmin(dist_c, axis=1)
        rows = np.arange(len(pts))
        best = dist_c[rows, j]
        best_seg = cand[rows, j]
        best_f = f_c[rows, j]
        del dist_c, f_c
        # a closer sub-segment can only have its midpoint within best + half piece length
        if k < nseg:
            unsure = np.flatnonzero(dm[:, -1] <= best + seg.half)
            for r in unsure:
                cands = np.asarray(tree.query_ball_point(pts[r], best[r] + seg.half + 1e-9), dtype=np.int64)
                if len(cands) == 0:
                    continue
                dc, fc = self._project(seg, pts[r : r + 1], cands[None, :])
                jj = int(np.argmin(dc[0]))
                if dc[0, jj] < best[r]:
                    best[r], best_seg[r], best_f[r] = dc[0, jj], cands[jj], fc[0, jj]
        e = seg.edge(best_seg)
        off, plen = seg.offset_length(best_seg)
        along = off + plen * best_f
        el = self.edge_len[e]
        t = np.clip(np.where(el > 0, along / np.where(el > 0, el, 1.0), 0.0), 0.0, 1.0)
        return e, t, best

    # -- searches --------------------------------------------------------------------------------
    def _start_offsets(self, snap: Snap, idx):
        """Cost from snapped points ``idx`` to the two ends of their edge (inf on impassable edges)."""
        e = snap.edge[idx]
        c = self.edge_cost[e]
        off_u = snap.dist[idx] + snap.t[idx] * c
        off_v = snap.dist[idx] + (1.0 - snap.t[idx]) * c
        return e, off_u, off_v

    def _start_arcs(self, e, off_u, off_v):
        """(start number, node, cost) of the links from each start (on edge ``e``, offsets from
        ``_start_offsets``) to the ends of its edge, impassable ones left out. On a loop edge (both ends
        one node) only the cheaper way round is kept: a sparse matrix adds duplicate entries up, which
        would put the start's own node at the cost of the whole loop."""
        loop = self.edge_u[e] == self.edge_v[e]
        off_v = np.where(loop, np.minimum(off_u, off_v), off_v)
        off_u = np.where(loop, np.inf, off_u)
        k = len(e)
        rows = np.concatenate([np.arange(k), np.arange(k)])
        cols = np.concatenate([self.edge_u[e], self.edge_v[e]])
        vals = np.maximum(np.concatenate([off_u, off_v]), ZERO)
        ok = np.isfinite(vals)
        return rows[ok], cols[ok], vals[ok]

    def _augmented(self, snap: Snap, idx):
        """Graph matrix plus one virtual node per start ``idx`` (rows n..n+k-1), linked one way to the
        ends of its edge with the start offsets."""
        rows, cols, vals = self._start_arcs(*self._start_offsets(snap, idx))
        return _with_starts(self.matrix(), len(idx), rows, cols, vals)

    def search(self, snap: Snap, idx, limit: float) -> np.ndarray:
        """Bounded Dijkstra from the snapped starts ``idx``: (len(idx), n_nodes) costs (inf beyond ``limit``)."""
        idx = np.asarray(idx, dtype=np.int64)
        if len(idx) == 0 or self.n_nodes == 0:
            return np.full((len(idx), self.n_nodes), np.inf)
        g = self._augmented(snap, idx)
        n = self.n_nodes
        d = dijkstra(g, directed=True, indices=np.arange(n, n + len(idx)), limit=limit)
        return d[:, :n]

    def search_local(self, snap: Snap, idx, limit: float) -> LocalCosts:
        """Bounded Dijkstra from the snapped starts ``idx`` on the nodes they can reach at all: those
        within ``limit`` / ``min_cost_factor`` (straight line) of the ends of their edge. Same costs as
        ``search`` (every walk is at least as long as the straight line), but the work and the result
        depend on the reach, not on the size of the network."""
        idx = np.asarray(idx, dtype=np.int64)
        n = self.n_nodes
        if len(idx) == 0 or n == 0:
            return LocalCosts(np.full((len(idx), 0), np.inf), np.zeros(0, dtype=np.int64))
        e, off_u, off_v = self._start_offsets(snap, idx)
        fmin = self.min_cost_factor()
        centres = np.concatenate([self.node_xy[self.edge_u[e]], self.node_xy[self.edge_v[e]]])
        radii = (limit - np.concatenate([off_u, off_v])) / fmin + 1e-6
        keep = np.isfinite(radii) & (radii >= 0)
        tree = self.node_tree()
        found = [np.concatenate([self.edge_u[e], self.edge_v[e]])]
        for c, r in zip(centres[keep], radii[keep]):
            found.append(np.asarray(tree.query_ball_point(c, r), dtype=np.int64))
        nodes = np.unique(np.concatenate(found))
        k = len(idx)
        nl = len(nodes)
        rows, cols, vals = self._start_arcs(e, off_u, off_v)
        g = _with_starts(self.matrix()[nodes][:, nodes], k, rows, np.searchsorted(nodes, cols), vals)
        d = dijkstra(g, directed=True, indices=np.arange(nl, nl + k), limit=limit)
        loc = self._local_map()
        loc[nodes] = np.arange(nl)
        return LocalCosts(d[:, :nl], nodes, loc)

    def _local_map(self) -> np.ndarray:
        """A global -> local node id map (all -1) for this thread, reused between searches."""
        import threading

        store = self.__dict__.setdefault("_loc_maps", {})
        key = threading.get_ident()
        loc = store.get(key)
        if loc is None or len(loc) != self.n_nodes:
            dt = np.int32 if self.n_nodes < 2**31 - 1 else np.int64
            loc = store[key] = np.full(self.n_nodes, -1, dtype=dt)
        return loc

    def via_ends(self, D: np.ndarray, e, t) -> tuple[np.ndarray, np.ndarray]:
        """Cost to the positions ``t`` (fraction from edge_u) along edges ``e``, given node costs ``D``
        (one row, or one row per start): through edge_u and through edge_v; unreachable → inf."""
        c = self.edge_cost[e]
        with np.errstate(invalid="ignore"):
            via_u = D[..., self.edge_u[e]] + t * c
            via_v = D[..., self.edge_v[e]] + (1.0 - t) * c
        return np.where(np.isnan(via_u), np.inf, via_u), np.where(np.isnan(via_v), np.inf, via_v)

    def end_costs(self, D: np.ndarray, src_snap: Snap, src_idx, dst_snap: Snap, dst_idx) -> np.ndarray:
        """(len(src_idx), len(dst_idx)) costs from node costs ``D`` of the starts to snapped ends,
        including the end snap distance and the direct way along a shared edge."""
        e = dst_snap.edge[dst_idx]
        c = self.edge_cost[e]
        tt = dst_snap.t[dst_idx]
        via_u, via_v = self.via_ends(D, e, tt)
        out = np.minimum(via_u, via_v)
        se = src_snap.edge[src_idx]
        same = se[:, None] == e[None, :]
        if same.any():
            r, q = np.nonzero(same)
            direct = src_snap.dist[src_idx][r] + np.abs(src_snap.t[src_idx][r] - tt[q]) * c[q]
            out[r, q] = np.minimum(out[r, q], direct)
        out = np.where(np.isnan(out), np.inf, out)
        return out + dst_snap.dist[dst_idx][None, :]

    def distances(self, src_xy, dst_xy, limit: float, max_snap: float = 200.0, batch: int = 64, workers: int = 1,
                  src_snap: Snap | None = None, dst_snap: Snap | None = None):
        """(n_src, n_dst) csr matrix of walking costs (m) <= ``limit``, snap distances included; an exact
        zero is stored as 1e-9; unsnapped starts or ends have no entries. ``src_snap``/``dst_snap`` (optional) give
        the starts' and ends' snap (e.g. ``snap_connected``), instead of snapping ``src_xy``/``dst_xy``."""
        src_xy = np.asarray(src_xy, dtype=float).reshape(-1, 2)
        dst_xy = np.asarray(dst_xy, dtype=float).reshape(-1, 2)
        ns, nd = len(src_xy), len(dst_xy)
        if ns == 0 or nd == 0 or self.n_edges == 0:
            return sparse.csr_matrix((ns, nd))
        ss = src_snap if src_snap is not None else self.snap(src_xy, max_snap)
        ds = dst_snap if dst_snap is not None else self.snap(dst_xy, max_snap)
        sidx = np.flatnonzero(ss.ok)
        didx = np.flatnonzero(ds.ok)
        chunks = [sidx[i : i + batch] for i in range(0, len(sidx), batch)]

        def work(ch):
            if np.isfinite(limit):  # only the nodes the starts can reach: independent of the network's size
                D = self.search_local(ss, ch, limit)
                try:
                    # only the ends on edges touching a searched node (the starts' own edges included)
                    de = ds.edge[didx]
                    near = (D.loc[self.edge_u[de]] >= 0) | (D.loc[self.edge_v[de]] >= 0)
                    cand = didx[near]
                    cost = self.end_costs(D, ss, ch, ds, cand)
                finally:
                    D.release()
                r, q = np.nonzero(cost <= limit)
                return ch[r], cand[q], np.maximum(cost[r, q], ZERO)
            D = self.search(ss, ch, limit)
            cost = self.end_costs(D, ss, ch, ds, didx)
            r, q = np.nonzero(cost <= limit)
            return ch[r], didx[q], np.maximum(cost[r, q], ZERO)

        if workers > 1 and len(chunks) > 1:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(workers) as ex:
                results = list(ex.map(work, chunks))
        else:
            results = [work(ch) for ch in chunks]
        if not results:
            return sparse.csr_matrix((ns, nd))
        rows = np.concatenate([r[0] for r in results])
        cols = np.concatenate([r[1] for r in results])
        vals = np.concatenate([r[2] for r in results])
        return sparse.csr_matrix((vals, (rows, cols)), shape=(ns, nd))

    def nearest(self, src_xy, dst_xy, max_snap: float = 200.0, limit: float = np.inf, src_snap: Snap | None = None,
                dst_snap: Snap | None = None):
        """For each end: cost (m) to the nearest start (inf if unreachable/unsnapped) and that start's
        index (-1). One multi-source search. ``src_snap``/``dst_snap`` as in ``distances``."""
        src_xy = np.asarray(src_xy, dtype=float).reshape(-1, 2)
        dst_xy = np.asarray(dst_xy, dtype=float).reshape(-1, 2)
        nd = len(dst_xy)
        cost = np.full(nd, np.inf)
        which = np.full(nd, -1, dtype=np.int64)
        if len(src_xy) == 0 or nd == 0 or self.n_edges == 0:
            return cost, which
        ss = src_snap if src_snap is not None else self.snap(src_xy, max_snap)
        ds = dst_snap if dst_snap is not None else self.snap(dst_xy, max_snap)
        sidx = np.flatnonzero(ss.ok)
        didx = np.flatnonzero(ds.ok)
        if len(sidx) == 0 or len(didx) == 0:
            return cost, which
        n = self.n_nodes
        g = self._augmented(ss, sidx)
        D, _pred, srcs = dijkstra(
            g, directed=True, indices=np.arange(n, n + len(sidx)), limit=limit, min_only=True, return_predecessors=True
        )
        D = D[:n]
        srcs = srcs[:n]
        e = ds.edge[didx]
        c = self.edge_cost[e]
        tt = ds.t[didx]
        via_u, via_v = self.via_ends(D, e, tt)
        use_v = via_v < via_u
        best = np.where(use_v, via_v, via_u)
        src_node = np.where(use_v, srcs[self.edge_v[e]], srcs[self.edge_u[e]])
        bsrc = np.where(np.isfinite(best) & (src_node >= n), src_node - n, -1)
        bsrc = np.where(bsrc >= 0, sidx[np.clip(bsrc, 0, None)], -1)
        # starts on the same edge as an end: the direct way along the edge
        se = ss.edge[sidx]
        order = np.argsort(se, kind="stable")
        se_sorted = se[order]
        lo = np.searchsorted(se_sorted, e, side="left")
        hi = np.searchsorted(se_sorted, e, side="right")
        cnt = hi - lo
        has = np.flatnonzero(cnt > 0)
        if len(has):
            rep_q = np.repeat(has, cnt[has])
            pos = np.concatenate([np.arange(lo[q], hi[q]) for q in has])
            s_loc = sidx[order[pos]]
            direct = ss.dist[s_loc] + np.abs(ss.t[s_loc] - tt[rep_q]) * c[rep_q]
            for q, dval, s in zip(rep_q.tolist(), direct.tolist(), s_loc.tolist()):
                if dval < best[q]:
                    best[q] = dval
                    bsrc[q] = s
        total = best + ds.dist[didx]
        total = np.where(total <= limit, total, np.inf)
        cost[didx] = total
        which[didx] = np.where(np.isfinite(total), bsrc, -1)
        return cost, which
