"""Cache of walking graphs, keyed by the network layer's content: in the session and on disk.

Building the graph (reading every line, noding, spatial index) is the slow part of a catchment run.
Running again with other points, bands or a different speed reuses the graph as long as the layer,
its file on disk (modification time and size), its filter, its feature count and extent, the
selection (when only selected features are used), the cost field, the target CRS and the node
tolerance are unchanged. The last few graphs are kept in the session; graphs of file layers are
also written to disk (a folder of numpy ``.npy`` arrays per graph, loaded memory-mapped in
milliseconds by the next process, e.g. the next ``qgis_process`` call of a batch job).

Disk cache: ``<QGIS profile>/cache/ankunft_graphs`` (or the folder in ``ANKUNFT_GRAPH_CACHE``;
``ANKUNFT_GRAPH_CACHE=off`` switches it off). At most ``ANKUNFT_GRAPH_CACHE_MB`` (default 2048) MB:
the least recently used graphs are removed beyond that. A graph is validated when loaded (format
version, key, array shapes) and rebuilt when stale or damaged; an older graph of the same source is
removed when a new one is written. ``clear(disk=True)`` or deleting the folder empties it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import OrderedDict

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.network import WalkGraph, release_memory, wkb_line_parts
from ..core.values import FACTOR
from .number_reading import read_field

MAX_GRAPHS = 3
_CACHE: OrderedDict = OrderedDict()
FORMAT = 3  # disk format version: a graph written by another version is rebuilt (3: incidence, snapping pieces and KD-tree)
DEFAULT_LIMIT_MB = 2048
MIN_EDGES_ON_DISK = 2000  # smaller graphs build in a blink: not worth a file


def _decoded(layer) -> dict:
    try:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    except Exception:  # noqa: BLE001 - an unusual provider: no file stamp
        parts = {}
    return parts if isinstance(parts, dict) else {}


def _file_stamp(layer: QgsVectorLayer) -> tuple:
    path = _decoded(layer).get("path")
    if path and os.path.exists(path):
        st = os.stat(path)
        stamps = [st.st_mtime_ns, st.st_size]
        for extra in ("-wal", "-shm"):  # GeoPackage write-ahead log
            if os.path.exists(path + extra):
                stamps.append(os.stat(path + extra).st_mtime_ns)
        return (path, *stamps)
    return ()


def layer_key(layer, parameter_value, extra: tuple = ()) -> str | None:
    """A key that changes whenever the layer's content may have changed; None when unknown.
    (Not the layer id: a file given as a path is loaded as a new layer on every run. A memory
    layer's source holds its own uid.)"""
    if layer is None or not isinstance(layer, QgsVectorLayer):
        return None
    selected = ""
    if isinstance(parameter_value, QgsProcessingFeatureSourceDefinition) and parameter_value.selectedFeaturesOnly:
        ids = sorted(layer.selectedFeatureIds())
        selected = hashlib.sha1(",".join(map(str, ids)).encode(), usedforsecurity=False).hexdigest()
    if layer.isEditable() and layer.isModified():
        return None  # uncommitted edits: never cache
    ext = layer.extent()
    decoded = _decoded(layer)
    # a file layer by its path and layer name (the same layer given as 'x.gpkg|layername=a' or as
    # "ogr:dbname='x.gpkg' table=\"a\"" is the same network)
    source_id = (
        (os.path.realpath(decoded["path"]), decoded.get("layerName") or str(decoded.get("layerId") or ""))
        if decoded.get("path") else layer.source()
    )
    parts = (
        layer.providerType(),
        source_id,
        layer.subsetString(),
        layer.featureCount(),
        "{:.3f},{:.3f},{:.3f},{:.3f}".format(ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()),
        _file_stamp(layer),
        selected,
        *extra,
    )
    return hashlib.sha1(repr(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def get(key):
    if key is None or key not in _CACHE:
        return None
    _CACHE.move_to_end(key)
    return _CACHE[key]


def put(key, value) -> None:
    if key is None:
        return
    _CACHE[key] = value
    _CACHE.move_to_end(key)
    while len(_CACHE) > MAX_GRAPHS:
        _CACHE.popitem(last=False)


def clear(disk: bool = False) -> None:
    """Forget the session's graphs (and with ``disk`` the graphs stored on disk)."""
    _CACHE.clear()
    if disk:
        folder = cache_dir()
        if folder and os.path.isdir(folder):
            shutil.rmtree(folder, ignore_errors=True)


# -- on disk ----------------------------------------------------------------------------------------
def cache_dir() -> str | None:
    """The disk cache folder, or None when switched off."""
    env = os.environ.get("ANKUNFT_GRAPH_CACHE", "")
    if env.lower() in ("off", "0", "no", "false"):
        return None
    if env:
        return env
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "cache", "ankunft_graphs")


def _limit_bytes() -> int:
    try:
        return int(float(os.environ.get("ANKUNFT_GRAPH_CACHE_MB", DEFAULT_LIMIT_MB)) * 1024 * 1024)
    except ValueError:
        return DEFAULT_LIMIT_MB * 1024 * 1024


def _entry_size(path: str) -> int:
    return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))


def load_disk(key: str):
    """The graph stored under ``key`` (memory-mapped), or None (absent, stale or damaged: removed)."""
    folder = cache_dir()
    if not key or not folder:
        return None
    path = os.path.join(folder, key)
    meta_path = os.path.join(path, "meta.json")
    if not os.path.isfile(meta_path):
        return None
    try:
        with open(meta_path, encoding="utf-8") as fh:
            meta = json.load(fh)
        if meta.get("format") != FORMAT or meta.get("key") != key:
            raise ValueError("stale")
        arrays = {name: np.load(os.path.join(path, name + ".npy"), mmap_mode="r", allow_pickle=False) for name in meta["arrays"]}
        n, m = int(meta["nodes"]), int(meta["edges"])
        if (len(arrays["node_xy"]) != n or len(arrays["edge_u"]) != m or len(arrays["coord_ptr"]) != m + 1
                or int(arrays["coord_ptr"][-1]) != len(arrays["coord_xy"]) or len(arrays["csr_indptr"]) != n + 1):
            raise ValueError("shapes")
        graph = WalkGraph.from_arrays(arrays)
    except (OSError, ValueError, KeyError, TypeError):  # damaged or from another version: rebuild
        shutil.rmtree(path, ignore_errors=True)
        return None
    for name in ("null_geometries", "factor_missing", "factor_blocked"):
        setattr(graph, name, int(meta.get(name, 0)))
    graph.disk_path = path
    try:
        os.utime(meta_path)  # most recently used
    except OSError:
        pass
    return graph


def save_disk(key: str, graph: WalkGraph, source_id: str) -> str | None:
    """Write ``graph`` under ``key`` (atomically: a temporary folder renamed), remove older graphs of
    the same source and keep the folder under its size limit. Returns the path or None."""
    folder = cache_dir()
    if not key or not folder or graph.n_edges < MIN_EDGES_ON_DISK:
        return None
    path = os.path.join(folder, key)
    if os.path.isdir(path):
        return path
    tmp = "{}.tmp{}".format(path, os.getpid())
    try:
        os.makedirs(tmp, exist_ok=True)
        arrays = graph.to_arrays()
        for name, arr in arrays.items():
            np.save(os.path.join(tmp, name + ".npy"), np.ascontiguousarray(arr), allow_pickle=False)
        meta = {
            "format": FORMAT, "key": key, "source": source_id, "nodes": graph.n_nodes, "edges": graph.n_edges,
            "arrays": sorted(arrays), "created": time.strftime("%Y-%m-%d %H:%M:%S"),
            "null_geometries": int(getattr(graph, "null_geometries", 0)),
            "factor_missing": int(getattr(graph, "factor_missing", 0)),
            "factor_blocked": int(getattr(graph, "factor_blocked", 0)),
        }
        with open(os.path.join(tmp, "meta.json"), "w", encoding="utf-8") as fh:
            json.dump(meta, fh)
        os.replace(tmp, path)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return None
    _tidy(folder, keep=key, source_id=source_id)
    graph.disk_path = path
    return path


def disk_path_of(graph) -> str | None:
    return getattr(graph, "disk_path", None)


def _tidy(folder: str, keep: str, source_id: str) -> None:
    """Remove stale graphs of ``source_id`` and the least recently used beyond the size limit."""
    entries = []
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        meta_path = os.path.join(path, "meta.json")
        if not os.path.isdir(path):
            continue
        if not os.path.isfile(meta_path):
            if ".tmp" in name and time.time() - os.path.getmtime(path) > 3600:
                shutil.rmtree(path, ignore_errors=True)  # left over by a process that died
            continue
        try:
            with open(meta_path, encoding="utf-8") as fh:
                src = json.load(fh).get("source")
        except (OSError, ValueError):
            src = None
        if name != keep and src == source_id:
            shutil.rmtree(path, ignore_errors=True)  # the same source, changed since: stale
            continue
        entries.append((os.path.getmtime(meta_path), name, _entry_size(path)))
    total = sum(e[2] for e in entries)
    limit = _limit_bytes()
    for _mtime, name, size in sorted(entries):
        if total <= limit:
            break
        if name == keep and len(entries) > 1:
            continue
        shutil.rmtree(os.path.join(folder, name), ignore_errors=True)
        total -= size


def _find_layer(source, context):
    """The project layer behind a feature source, when it can be found unambiguously."""
    project = context.project() if context is not None else None
    if project is None:
        return None
    layers = [
        lyr
        for lyr in project.mapLayersByName(source.sourceName())
        if isinstance(lyr, QgsVectorLayer) and lyr.featureCount() == source.featureCount()
    ]
    return layers[0] if len(layers) == 1 else None


def _ogr_bulk(layer, parameter_value, source, crs, cost_field: str):
    """(WKB array, cost values or None, feature ids) read straight from the file with GDAL's Arrow
    interface (GDAL >= 3.6): one call per batch of features instead of one Python step per feature.
    Only for a plain file layer of the OGR provider in the target CRS, without selection or pending
    edits (the rest goes through QGIS); None when it does not apply."""
    if layer is None or layer.providerType() != "ogr" or (layer.isEditable() and layer.isModified()):
        return None
    if isinstance(parameter_value, QgsProcessingFeatureSourceDefinition) and (
        parameter_value.selectedFeaturesOnly or parameter_value.featureLimit not in (-1, None)
    ):
        return None
    if crs is None or not crs.isValid() or layer.crs() != crs or source.sourceCrs() != crs:
        return None
    parts = _decoded(layer)
    path = parts.get("path")
    if not path or not os.path.isfile(path):
        return None
    from osgeo import gdal, ogr

    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None
    from ..core.gdalio import gdal_exceptions

    try:
        with gdal_exceptions():
            ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
            name = parts.get("layerName")
            if name:
                lyr = ds.GetLayerByName(name)
            elif parts.get("layerId") not in (None, ""):
                lyr = ds.GetLayer(int(parts["layerId"]))
            else:
                lyr = ds.GetLayer(0) if ds.GetLayerCount() == 1 else None
            if lyr is None:
                return None
            subset = layer.subsetString()
            if subset:
                lyr.SetAttributeFilter(subset)
            defn = lyr.GetLayerDefn()
            names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
            if cost_field and cost_field not in names:
                return None
            lyr.SetIgnoredFields([n for n in names if n != cost_field])
            geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
            fid_col = lyr.GetFIDColumn() or "OGC_FID"
            blobs, costs, fids = [], [], []
            for batch in lyr.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO"]):
                geoms = batch.get(geom_col)
                if geoms is None:
                    return None
                blobs.append(geoms)
                if fid_col in batch:
                    fids.append(np.asarray(batch[fid_col], dtype=np.int64))
                if cost_field:
                    costs.extend(batch[cost_field].tolist())
            lyr = ds = None
    except (RuntimeError, ValueError, TypeError):
        return None
    count = sum(len(b) for b in blobs)
    if count != source.featureCount():
        return None  # the provider sees something else (e.g. a filter OGR does not know): go through QGIS
    if len({b.dtype for b in blobs}) > 1 or any(b.dtype.kind != "V" for b in blobs):
        wkb = [None if x is None else bytes(x) for b in blobs for x in b]
    else:
        wkb = np.concatenate(blobs) if blobs else np.zeros(0, dtype="V1")
    fid_arr = np.concatenate(fids) if fids else np.arange(count, dtype=np.int64)
    return wkb, (costs if cost_field else None), fid_arr


def read_lines(source, crs, context, feedback, cost_field: str = "", progress=(0.0, 10.0), layer=None,
               parameter_value=None):
    """``read_line_parts`` with the lines as one entry per feature (a list of (k, 2) arrays, or None)."""
    parts, factors, fids, nulls = read_line_parts(source, crs, context, feedback, cost_field, progress, layer, parameter_value)
    return parts.per_line(), factors, fids, nulls


def read_line_parts(source, crs, context, feedback, cost_field: str = "", progress=(0.0, 10.0), layer=None,
                    parameter_value=None):
    """Line parts (``LineParts``, in ``crs``), the cost factors (NaN where missing), the feature ids
    and the number of features without a line, in one pass: straight from the file through GDAL
    when possible (``_ogr_bulk``), else through QGIS (which transforms to ``crs``)."""
    bulk = _ogr_bulk(layer, parameter_value, source, crs, cost_field)
    if bulk is not None:
        blobs, costs, fids = bulk
    else:
        request = QgsFeatureRequest()
        if cost_field:
            request.setSubsetOfAttributes([cost_field], source.fields())
        else:
            request.setNoAttributes()
        if crs is not None and crs.isValid() and source.sourceCrs() != crs:
            request.setDestinationCrs(crs, context.transformContext())
        total = source.featureCount()
        step = (progress[1] - progress[0]) / total if total and total > 0 else 0.0
        blobs, fids, costs = [], [], []
        for i, feat in enumerate(source.getFeatures(request)):
            if i % 2000 == 0 and feedback is not None:
                if feedback.isCanceled():
                    raise QgsProcessingException(QCoreApplication.translate("AnkunftGraphCache", "Cancelled."))
                if step:
                    feedback.setProgress(progress[0] + i * step)
            blobs.append(feat.geometry().asWkb())  # empty for a feature without geometry
            fids.append(feat.id())
            if cost_field:
                costs.append(feat[cost_field])
        fids = np.asarray(fids, dtype=np.int64)
    parts = wkb_line_parts(blobs)
    nulls = parts.empty_lines()
    factors = None
    if cost_field:
        factors, _problems = read_field(costs, FACTOR, cost_field, feedback)
    return parts, factors, fids, nulls


def get_graph(source, crs, context, feedback, cost_field: str = "", layer=None, parameter_value=None,
              node_tolerance: float = 0.01, progress=(0.0, 10.0)):
    """The walking graph of ``source`` in ``crs`` (metric): from the session cache when the layer is
    unchanged, else read and built (and cached). Raises a clear message when there are no lines."""
    if layer is None:
        layer = _find_layer(source, context)
    extra = (crs.authid() or crs.toWkt(), cost_field or "", float(node_tolerance), source.featureCount())
    key = layer_key(layer, parameter_value, extra)
    graph = get(key)
    if graph is not None:
        if feedback is not None:
            feedback.pushInfo(QCoreApplication.translate("AnkunftGraphCache", "Walking network '{layer}': using the graph built earlier in this session.").format(
                layer=source.sourceName()))
        return graph
    graph = load_disk(key) if layer is not None and _file_stamp(layer) else None
    if graph is not None:
        if feedback is not None:
            feedback.pushInfo(QCoreApplication.translate("AnkunftGraphCache", "Walking network '{layer}': using the graph stored on disk ({path}).").format(
                layer=source.sourceName(), path=graph.disk_path))
        put(key, graph)
        return graph
    parts, factors, fids, nulls = read_line_parts(source, crs, context, feedback, cost_field, progress, layer=layer,
                                                  parameter_value=parameter_value)
    release_memory()  # the raw WKB and its parsing temporaries
    if parts.n_parts == 0:
        raise QgsProcessingException(
            QCoreApplication.translate("AnkunftGraphCache", "The walking network '{layer}' has no line geometries ({n} features, {nulls} without geometry). Choose a line layer of streets and footpaths.").format(
                layer=source.sourceName(), n=parts.n_lines, nulls=nulls)
        )
    missing = blocked = 0
    if factors is not None:
        missing = int(np.sum(np.isnan(factors)))
        blocked = int(np.sum(factors <= 0))
        factors = np.where(np.isnan(factors), 1.0, factors)  # no value: plain length
    graph = WalkGraph.from_parts(parts, factors=factors, node_tolerance=node_tolerance)
    del parts
    release_memory()
    graph.source_fids = fids
    graph.null_geometries = nulls
    graph.factor_missing = missing  # cost factor missing: counted with factor 1
    graph.factor_blocked = blocked  # factor <= 0: the line is not walkable
    put(key, graph)
    if layer is not None and _file_stamp(layer):
        save_disk(key, graph, "{}|{}".format(layer.providerType(), layer.source()))
        release_memory()  # temporaries of the snapping index
    return graph
