"""Social infrastructure overlay and the arrival "ecosystem" (recommendations 2, 3 and 5).

numpy/scipy/shapely only, no QGIS import. The QGIS shell (``processing/infrastructure_overlay.py``)
reads the layers, this module does the method:

1. **Category scheme** (``load_scheme``): the built-in ``resources/categories/scheme.json`` or a
   user's JSON (a whole scheme) or CSV (extra rules, put before the built-in ones). Each facility
   gets one category key by, in this order,
   a category-field value (``value_rules``, category keys and labels), OpenStreetMap tags
   (``tag_rules``: amenity, social_facility, office, healthcare, shop, religion, …; the first
   matching rule wins), the layer name (``layer_rules``, e.g. the Berlin POI files
   ``berlin-points-of-interest-libraries-details``), and the facility name (``name_rules``: only
   where a tag or layer rule says ``refine_by_name`` — e.g. the generic Berlin ``offices`` layer,
   in which "Jobcenter Mitte" is *work* — or where nothing else matched). Whatever stays unknown is
   ``other`` and reported with the token that could not be matched.
2. **Representative points** (``representative_points``): where the residents are assumed to
   live. With buildings: every building's point on surface, weighted by its footprint share of the
   area (the area's population spread over its buildings by footprint area); else a regular grid
   inside the area (residents evenly spread); else, or for tiny areas, one point on the surface
   (``core/demand.place``, shared with the siting and the walking catchments).
3. **Ecosystem** (``analyse``): per area and category the count of facilities inside, per 1,000
   inhabitants, and the walking minutes to the nearest facility, measured from the representative
   points: the population-weighted **median** over the area's points (with one point per area:
   that point's minutes) — the time within which half of the residents reach the nearest
   facility. A category is *reachable* when that median is within ``max_minutes``.
   ``eco_score`` = share of the scored categories reachable; ``eco_missing`` = the others;
   ``lang_match`` = share of the residents' languages offered by a facility within ``max_minutes``;
   ``priority`` = arrival quarters (``aq_class`` established/emerging) with a low ``eco_score``.
   Per facility: population (and arrivals, and residents of arrival quarters) within its walking
   catchment. Counts of people below the confidentiality threshold are blanked (NaN).

Distances come from two callables so the method is independent of the engine:
``nearest(src_xy, dst_xy) -> (metres (n_dst,), which src (n_dst,))`` and
``distances(src_xy, dst_xy, limit) -> csr (n_src, n_dst)`` with entries <= limit only (a zero is
stored as a tiny positive number). ``StraightLine`` gives both on straight lines; the walking
network's ``WalkGraph.nearest``/``WalkGraph.distances`` (``core/network.py``) have the same form.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.spatial import cKDTree

from .confidentiality import DEFAULT_THRESHOLD, suppress_counts, suppress_derived
from .demand import Placement, building_points, place, points_in_polygons
from .network import DEFAULT_SPEED_KMH, ZERO, metres_to_minutes, minutes_to_metres
from .vocabulary import ARRIVAL_CLASS_KEYS, OTHER_CATEGORY, PRIORITY_KEYS

_PLUGIN_DIR = Path(__file__).resolve().parents[1]
# resources/ sits beside the package in the repository and inside it in the installed plugin
BUILTIN_SCHEME = next(
    (
        base / "resources" / "categories" / "scheme.json"
        for base in (_PLUGIN_DIR, _PLUGIN_DIR.parent)
        if (base / "resources" / "categories" / "scheme.json").exists()
    ),
    _PLUGIN_DIR.parent / "resources" / "categories" / "scheme.json",
)
OTHER = OTHER_CATEGORY
AQ_CLASSES = ARRIVAL_CLASS_KEYS
PRIORITY_CODES = PRIORITY_KEYS
OSM_TAG_KEYS = (
    "amenity",
    "social_facility",
    "social_facility:for",
    "office",
    "healthcare",
    "shop",
    "religion",
    "leisure",
    "public_transport",
    "highway",
    "railway",
)


class SchemeError(ValueError):
    """A category scheme file that cannot be used; the message says what is wrong where."""


# --------------------------------------------------------------------------------------------
# the category scheme
# --------------------------------------------------------------------------------------------
@dataclass
class Category:
    key: str
    field: str
    label_en: str
    label_de: str
    in_score: bool = True
    description_en: str = ""
    description_de: str = ""

    def label(self, lang: str = "en") -> str:
        return self.label_de if (lang or "en")[:2].lower() == "de" and self.label_de else self.label_en


@dataclass
class Rule:
    category: str
    refine_by_name: bool = False
    key: str = ""  # tag key (tag rules)
    values: frozenset = frozenset()  # tag values ("*" = any) or category-field values
    pattern: str = ""  # layer-name fragment or name regex
    regex: re.Pattern | None = None
    exclude: re.Pattern | None = None


def _norm(text) -> str:
    """Lower case, separators unified to '-', for layer names and values."""
    t = str(text or "").strip().lower()
    return re.sub(r"[\s_./\\]+", "-", t)


@dataclass
class Scheme:
    categories: list[Category]
    tag_rules: list[Rule] = field(default_factory=list)
    layer_rules: list[Rule] = field(default_factory=list)
    name_rules: list[Rule] = field(default_factory=list)
    value_rules: list[Rule] = field(default_factory=list)
    source: str = "built-in"

    def __post_init__(self):
        keys = [c.key for c in self.categories]
        if OTHER not in keys:
            self.categories.append(Category(OTHER, "oth", "Other (not assigned)", "Sonstiges (nicht zugeordnet)", False))
        self._index = {c.key: i for i, c in enumerate(self.categories)}
        # layer rules: the longest fragment first ("post-offices" before "offices")
        self.layer_rules = sorted(self.layer_rules, key=lambda r: -len(r.pattern))
        lookup = {}
        for c in self.categories:
            for text in (c.key, c.label_en, c.label_de, c.field):
                if text:
                    lookup[_norm(text)] = c.key
        for r in self.value_rules:
            for v in r.values:
                lookup[_norm(v)] = r.category
        self._value_lookup = lookup

    # -- access -------------------------------------------------------------------------------
    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.categories]

    @property
    def score_keys(self) -> list[str]:
        return [c.key for c in self.categories if c.in_score and c.key != OTHER]

    def index(self, key: str) -> int:
        return self._index[key]

    def category(self, key: str) -> Category:
        return self.categories[self._index[key]]

    def label(self, key: str, lang: str = "en") -> str:
        return self.category(key).label(lang) if key in self._index else key

    # -- matching -----------------------------------------------------------------------------
    def match_value(self, value) -> str | None:
        """A category-field value: a category key, field code, label (en/de) or alias."""
        if value is None:
            return None
        text = _norm(value)
        if not text or text in ("null", "none"):
            return None
        return self._value_lookup.get(text)

    def match_tags(self, tags: dict) -> tuple[str | None, bool, str]:
        """(category, refine_by_name, 'key=value') of the first matching tag rule, or (None, False, '')."""
        if not tags:
            return None, False, ""
        for r in self.tag_rules:
            raw = tags.get(r.key)
            if raw is None:
                continue
            for v in str(raw).split(";"):
                v = v.strip().lower()
                if not v or v in ("no", "null"):
                    continue
                if "*" in r.values or v in r.values:
                    return r.category, r.refine_by_name, "{}={}".format(r.key, v)
        return None, False, ""

    def match_layer(self, layer_name: str) -> tuple[str | None, bool, str]:
        """(category, refine_by_name, fragment) of the longest layer-name fragment found."""
        text = _norm(layer_name)
        if not text:
            return None, False, ""
        for r in self.layer_rules:
            if r.pattern and r.pattern in text:
                return r.category, r.refine_by_name, r.pattern
        return None, False, ""

    def match_name(self, name) -> str | None:
        if name is None:
            return None
        text = str(name).strip().lower()
        if not text or text == "null":
            return None
        for r in self.name_rules:
            if r.regex is not None and r.regex.search(text) and not (r.exclude is not None and r.exclude.search(text)):
                return r.category
        return None

    def classify(self, tags=None, name=None, layer_match=(None, False, ""), value=None, use_value=False):
        """One facility's ``(category, source, token)``.

        ``source`` is ``field``, ``tag``, ``layer``, ``name`` or ``unknown``; ``token`` is what matched
        (or, for ``unknown``, what could not be matched: the category value, the first tag, the layer)."""
        if use_value:
            cat = self.match_value(value)
            if cat is not None:
                return cat, "field", str(value)
            if value is not None and str(value).strip() and str(value).strip().upper() != "NULL":
                return OTHER, "unknown", "{}".format(value)
        cat, refine, token = self.match_tags(tags or {})
        source = "tag"
        if cat is None:
            cat, refine, token = layer_match
            source = "layer"
        if cat is None or refine:
            by_name = self.match_name(name)
            if by_name is not None:
                return by_name, "name", str(name)
        if cat is None:
            tag_token = ", ".join("{}={}".format(k, v) for k, v in sorted((tags or {}).items()) if v not in (None, ""))
            return OTHER, "unknown", tag_token
        return cat, source, token


def _rule_from(d: dict, kind: str, where: str, known: set) -> Rule:
    cat = str(d.get("category", "")).strip()
    if not cat:
        raise SchemeError("{}: a {} rule without 'category'".format(where, kind))
    if cat not in known:
        raise SchemeError("{}: {} rule names the unknown category '{}' (known: {})".format(where, kind, cat, ", ".join(sorted(known))))
    refine = bool(d.get("refine_by_name", False))
    if kind == "tag":
        key = str(d.get("key", "")).strip().lower()
        vals = d.get("values", d.get("value", "*"))
        if isinstance(vals, str):
            vals = [v for v in re.split(r"[|;,]", vals) if v.strip()] or ["*"]
        if not key:
            raise SchemeError("{}: a tag rule without 'key'".format(where))
        return Rule(cat, refine, key=key, values=frozenset(str(v).strip().lower() for v in vals))
    if kind == "layer":
        pat = _norm(d.get("pattern", d.get("value", "")))
        if not pat:
            raise SchemeError("{}: a layer rule without 'pattern'".format(where))
        return Rule(cat, refine, pattern=pat)
    if kind == "name":
        pat = str(d.get("pattern", d.get("value", ""))).strip()
        if not pat:
            raise SchemeError("{}: a name rule without 'pattern'".format(where))
        try:
            rx = re.compile(pat, re.IGNORECASE)
            ex = re.compile(d["exclude"], re.IGNORECASE) if d.get("exclude") else None
        except re.error as err:
            raise SchemeError("{}: name rule '{}' is not a valid regular expression: {}".format(where, pat, err)) from err
        return Rule(cat, refine, pattern=pat, regex=rx, exclude=ex)
    vals = d.get("values", d.get("value", []))
    if isinstance(vals, str):
        vals = [v for v in re.split(r"[|;,]", vals) if v.strip()]
    return Rule(cat, refine, values=frozenset(str(v).strip() for v in vals))


def _category_from(d: dict, where: str) -> Category:
    key = str(d.get("key", "")).strip()
    if not key or not re.match(r"^[A-Za-z0-9_]+$", key):
        raise SchemeError("{}: category key '{}' must be letters, digits and _ only".format(where, key))
    code = str(d.get("field") or key[:6]).strip()
    if not re.match(r"^[A-Za-z0-9_]{1,6}$", code):
        raise SchemeError("{}: field code '{}' of category '{}' must be 1-6 letters/digits".format(where, code, key))
    in_score = d.get("in_score", True)
    if isinstance(in_score, str):
        in_score = in_score.strip().lower() not in ("0", "false", "no", "nein", "")
    return Category(
        key=key,
        field=code.lower(),
        label_en=str(d.get("label_en") or key),
        label_de=str(d.get("label_de") or d.get("label_en") or key),
        in_score=bool(in_score) and key != OTHER,
        description_en=str(d.get("description_en", "")),
        description_de=str(d.get("description_de", "")),
    )


def scheme_from_dict(data: dict, source: str = "built-in") -> Scheme:
    if not isinstance(data, dict) or not isinstance(data.get("categories"), list) or not data["categories"]:
        raise SchemeError("{}: a scheme needs a non-empty list 'categories'".format(source))
    cats = [_category_from(c, "{} categories[{}]".format(source, i)) for i, c in enumerate(data["categories"])]
    keys = [c.key for c in cats]
    dup = {k for k in keys if keys.count(k) > 1}
    codes = [c.field for c in cats]
    dup |= {k for k in codes if codes.count(k) > 1}
    if dup:
        raise SchemeError("{}: category keys/field codes used twice: {}".format(source, ", ".join(sorted(dup))))
    known = set(keys) | {OTHER}
    rules = {}
    for kind in ("tag", "layer", "name", "value"):
        items = data.get("{}_rules".format(kind), []) or []
        rules[kind] = [_rule_from(d, kind, "{} {}_rules[{}]".format(source, kind, i), known) for i, d in enumerate(items)]
    return Scheme(cats, rules["tag"], rules["layer"], rules["name"], rules["value"], source=source)


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _csv_mapping(text: str, base: dict, source: str) -> dict:
    """Merge a CSV mapping (columns rule,key,value,category[,label_en,label_de,in_score]) into ``base``."""
    sample = text[:4096]
    delim = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delim)
    if reader.fieldnames is None:
        raise SchemeError("{}: empty CSV".format(source))
    cols = {c.strip().lower(): c for c in reader.fieldnames if c}
    for need in ("rule", "category"):
        if need not in cols:
            raise SchemeError(
                "{}: the CSV needs the columns rule,key,value,category (optional label_en,label_de,in_score); "
                "found: {}".format(source, ", ".join(reader.fieldnames))
            )
    data = json.loads(json.dumps(base))
    cats = {c["key"]: c for c in data["categories"]}
    new_rules = {"tag": [], "layer": [], "name": [], "value": []}
    for line, row in enumerate(reader, start=2):
        get = lambda name, row=row: str(row.get(cols.get(name, ""), "") or "").strip()  # noqa: E731
        kind = get("rule").lower()
        cat = get("category")
        if not kind and not cat:
            continue
        where = "{} line {}".format(source, line)
        if kind in ("category", "kategorie"):
            entry = cats.get(cat, {"key": cat})
            for name in ("label_en", "label_de", "in_score", "field"):
                if get(name):
                    entry[name] = get(name)
            if cat not in cats:
                cats[cat] = entry
                data["categories"].insert(len(data["categories"]) - 1 if data["categories"] and data["categories"][-1].get("key") == OTHER else len(data["categories"]), entry)
            continue
        if kind not in new_rules:
            raise SchemeError("{}: rule '{}' must be one of tag, layer, name, value, category".format(where, kind))
        if cat not in cats and cat != OTHER:
            # a new category named only in a rule: add it with its key (or given labels) as label
            entry = {"key": cat, "label_en": get("label_en") or cat, "label_de": get("label_de") or get("label_en") or cat}
            cats[cat] = entry
            data["categories"].insert(max(0, len(data["categories"]) - 1), entry)
        rule = {"category": cat}
        if kind == "tag":
            rule.update(key=get("key"), values=get("value") or "*")
        elif kind in ("layer", "name"):
            rule.update(pattern=get("value"))
        else:
            rule.update(values=get("value"))
        new_rules[kind].append(rule)
    for kind, items in new_rules.items():
        data["{}_rules".format(kind)] = items + list(data.get("{}_rules".format(kind), []))
    return data


def load_scheme(path=None) -> Scheme:
    """The built-in scheme (``path`` None/empty), a whole scheme in JSON, or a CSV mapping whose rules
    come before the built-in ones (new category keys are added)."""
    base = json.loads(BUILTIN_SCHEME.read_text(encoding="utf-8"))
    if not path:
        return scheme_from_dict(base, "built-in")
    p = Path(path)
    if not p.exists():
        raise SchemeError("category scheme file '{}' does not exist".format(p))
    text = _read_text(p)
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise SchemeError("{}: not valid JSON ({})".format(p.name, err)) from err
        return scheme_from_dict(data, p.name)
    return scheme_from_dict(_csv_mapping(text, base, p.name), p.name)


# --------------------------------------------------------------------------------------------
# tags and languages
# --------------------------------------------------------------------------------------------
_HSTORE = re.compile(r'"((?:[^"\\]|\\.)*)"\s*=>\s*"((?:[^"\\]|\\.)*)"')


def parse_other_tags(text) -> dict:
    """The GDAL OSM driver's ``other_tags`` hstore text (``"a"=>"b","c"=>"d"``) as a dict."""
    if text is None:
        return {}
    s = str(text)
    if not s or s.upper() == "NULL":
        return {}
    return {k.lower(): v for k, v in _HSTORE.findall(s)}


# Nationalities or countries (German/English names, ISO 3166 alpha-2) -> main language (ISO 639-1),
# so an area field with residents' main nationalities can be matched against offered languages.
NATIONALITY_LANGUAGE = {
    "tr": "tr", "turkey": "tr", "türkei": "tr", "turkish": "tr", "türkisch": "tr",
    "sy": "ar", "syria": "ar", "syrien": "ar", "iq": "ar", "iraq": "ar", "irak": "ar", "lb": "ar", "lebanon": "ar",
    "libanon": "ar", "arabic": "ar", "arabisch": "ar", "arabic countries": "ar", "arabische länder": "ar",
    "ua": "uk", "ukraine": "uk", "ukrainian": "uk", "ukrainisch": "uk",
    "ru": "ru", "russia": "ru", "russland": "ru", "russian": "ru", "russisch": "ru", "former soviet union": "ru",
    "ehemalige sowjetunion": "ru", "kz": "ru", "kazakhstan": "ru", "kasachstan": "ru",
    "pl": "pl", "poland": "pl", "polen": "pl", "polish": "pl", "polnisch": "pl",
    "bg": "bg", "bulgaria": "bg", "bulgarien": "bg", "ro": "ro", "romania": "ro", "rumänien": "ro", "rumania": "ro",
    "hr": "hr", "croatia": "hr", "kroatien": "hr", "rs": "sr", "serbia": "sr", "serbien": "sr",
    "ba": "bs", "bosnia": "bs", "bosnien": "bs", "bosnia herzegovina": "bs",
    "ir": "fa", "iran": "fa", "af": "fa", "afghanistan": "fa", "persian": "fa", "farsi": "fa", "dari": "fa",
    "vn": "vi", "vietnam": "vi", "vietnamese": "vi", "vietnamesisch": "vi",
    "it": "it", "italy": "it", "italien": "it", "es": "es", "spain": "es", "spanien": "es",
    "fr": "fr", "france": "fr", "frankreich": "fr", "gr": "el", "greece": "el", "griechenland": "el",
    "gb": "en", "united kingdom": "en", "uk-gb": "en", "us": "en", "united states": "en", "usa": "en", "english": "en",
    "at": "de", "austria": "de", "österreich": "de", "de": "de", "germany": "de", "deutschland": "de",
    "er": "ti", "eritrea": "ti", "so": "so", "somalia": "so", "ku": "ku", "kurdish": "ku", "kurdisch": "ku",
}
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def _language_tokens(text) -> list[str]:
    """Lower-case items of a list written as ``a,b`` / ``a; b`` / ``a|b`` / ``a/b`` (NULL/empty: none)."""
    if text is None:
        return []
    s = str(text).strip()
    if not s or s.upper() == "NULL":
        return []
    return [p for p in (part.strip().lower() for part in re.split(r"[,;|/]+", s)) if p]


def parse_languages(text) -> set[str]:
    """Offered languages: ``de,ar,tr`` / ``de; ar`` / ``Arabisch, Türkisch`` -> {'de','ar','tr'}."""
    return {p if _LANG_CODE.match(p) else NATIONALITY_LANGUAGE.get(p, p) for p in _language_tokens(text)}


def needed_languages(text) -> set[str]:
    """Residents' main nationalities or languages (ISO country codes, names or language codes)
    as language codes. A two-letter code is read as a country code where it is one (``SY`` -> ar,
    ``UA`` -> uk), else as a language code."""
    return {NATIONALITY_LANGUAGE.get(p, p) for p in _language_tokens(text)}


# --------------------------------------------------------------------------------------------
# representative points (core/demand.py) and distances
# --------------------------------------------------------------------------------------------
RepPoints = Placement  # xy, area, share, method (``point_on_surface``, ``grid``, ``buildings``, ``none``)


def assign_points(xy, polygons) -> np.ndarray:
    """Index of the polygon that contains each point (first one in order), -1 outside all or NaN."""
    return points_in_polygons(polygons, xy)


def representative_points(polygons, buildings=None, grid_spacing: float | None = None, max_points: int = 64) -> RepPoints:
    """The points each area is measured from, with the share of its residents at each
    (``core/demand.place``):

    - ``buildings`` given: every building's point on surface, weighted by footprint area (points and
      lines as buildings weigh 1 m²); a building belongs to the area that contains that point
      (method ``buildings``);
    - else, with ``grid_spacing`` (metres): a regular grid inside the area, residents assumed evenly
      spread (method ``grid``, at most about ``max_points`` points per area);
    - else, and for areas that get no building or grid point: one point on the surface
      (method ``point_on_surface``). Null/empty areas get no point (method ``none``)."""
    bxy, barea, _ = building_points(buildings, min_area=1.0)
    return place(polygons, bxy, barea, grid_spacing=grid_spacing, max_grid_points=max_points)


class StraightLine:
    """Straight-line distances with the same call forms as ``WalkGraph.nearest``/``distances``."""

    method = "straight line"

    @staticmethod
    def nearest(src_xy, dst_xy):
        src = np.asarray(src_xy, dtype=float).reshape(-1, 2)
        dst = np.asarray(dst_xy, dtype=float).reshape(-1, 2)
        d = np.full(len(dst), np.inf)
        which = np.full(len(dst), -1, dtype=np.int64)
        ok_s = np.flatnonzero(np.isfinite(src).all(axis=1))
        ok_d = np.flatnonzero(np.isfinite(dst).all(axis=1))
        if len(ok_s) and len(ok_d):
            dd, ii = cKDTree(src[ok_s]).query(dst[ok_d])
            d[ok_d] = dd
            which[ok_d] = ok_s[ii]
        return d, which

    @staticmethod
    def distances(src_xy, dst_xy, limit):
        src = np.asarray(src_xy, dtype=float).reshape(-1, 2)
        dst = np.asarray(dst_xy, dtype=float).reshape(-1, 2)
        ns, nd = len(src), len(dst)
        ok_s = np.flatnonzero(np.isfinite(src).all(axis=1))
        ok_d = np.flatnonzero(np.isfinite(dst).all(axis=1))
        if not len(ok_s) or not len(ok_d):
            return sparse.csr_matrix((ns, nd))
        hits = cKDTree(dst[ok_d]).query_ball_point(src[ok_s], r=float(limit))
        rows, cols = [], []
        for r, lst in zip(ok_s, hits):
            if lst:
                rows.append(np.full(len(lst), r))
                cols.append(ok_d[np.asarray(lst, dtype=np.int64)])
        if not rows:
            return sparse.csr_matrix((ns, nd))
        rr, cc = np.concatenate(rows), np.concatenate(cols)
        vals = np.maximum(np.hypot(*(src[rr] - dst[cc]).T), ZERO)
        return sparse.csr_matrix((vals, (rr, cc)), shape=(ns, nd))


def weighted_median(values, weights) -> float:
    """Weighted median (lower): the smallest value at which the cumulative weight reaches half. inf kept."""
    v = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    if len(v) == 0:
        return np.nan
    if not np.isfinite(w).all() or w.sum() <= 0:
        w = np.ones(len(v))
    order = np.argsort(v, kind="stable")
    cum = np.cumsum(w[order])
    k = int(np.searchsorted(cum, 0.5 * cum[-1] - 1e-12))
    return float(v[order][min(k, len(v) - 1)])


# --------------------------------------------------------------------------------------------
# the analysis
# --------------------------------------------------------------------------------------------
@dataclass
class OverlayResult:
    keys: list  # category keys in column order
    score_keys: list
    counts: np.ndarray  # (n_areas, n_cat) facilities inside
    per_1000: np.ndarray  # (n_areas, n_cat)
    minutes: np.ndarray  # (n_areas, n_cat) median walking minutes to the nearest (NaN: none reachable)
    reach_share: np.ndarray  # (n_areas, n_cat) share of the area's residents within max_minutes
    reachable: np.ndarray  # (n_areas, n_cat) bool
    eco_score: np.ndarray  # (n_areas,)
    eco_missing: list  # per area: list of missing score keys
    lang_match: np.ndarray  # (n_areas,) NaN where no languages needed or none offered anywhere
    lang_missing: list  # per area: sorted list of needed languages not offered within reach
    priority: list  # per area: a PRIORITY_CODES code
    priority_rank: np.ndarray  # (n_areas,) 1 = most urgent; NaN when not ranked
    fac_pop: np.ndarray  # (n_fac,) population within the facility's catchment (suppressed)
    fac_arrivals: np.ndarray  # (n_fac,) arrivals within it (NaN without arrivals)
    fac_aq_pop: np.ndarray  # (n_fac,) residents of arrival quarters within it (NaN without aq_class)
    fac_in_study: np.ndarray  # (n_fac,) bool: catchment computed (within reach of the areas)
    warnings: list = field(default_factory=list)


def _area_reps(rep: RepPoints, n_areas: int):
    order = np.argsort(rep.area, kind="stable")
    starts = np.searchsorted(rep.area[order], np.arange(n_areas), side="left")
    stops = np.searchsorted(rep.area[order], np.arange(n_areas), side="right")
    return [order[a:b] for a, b in zip(starts, stops)]


def analyse(
    *,
    scheme: Scheme,
    n_areas: int,
    population,
    rep: RepPoints,
    fac_xy,
    fac_cat,
    fac_area,
    nearest,
    distances,
    max_minutes: float = 10.0,
    speed_kmh: float = DEFAULT_SPEED_KMH,
    fac_languages=None,
    area_languages=None,
    aq_class=None,
    arrivals=None,
    priority_below: float = 0.5,
    threshold: float = DEFAULT_THRESHOLD,
    rep_valid=None,
    progress=None,
    cancelled=None,
) -> OverlayResult:
    """The ecosystem figures (see the module docstring). ``fac_cat`` are category keys,
    ``fac_area`` the containing area index (-1 outside all). ``nearest``/``distances`` in metres.
    ``rep_valid`` (bool per representative point, optional): False where the point could not be
    measured from (e.g. too far from the walking network); an area whose valid points hold less than
    half of its residents gets no ``eco_score`` and the priority ``insufficient`` (never a false 0)."""
    keys = scheme.keys
    score_keys = scheme.score_keys
    n_cat = len(keys)
    pop = np.asarray(population, dtype=float).reshape(-1)
    if len(pop) != n_areas:
        raise ValueError("population has {} values for {} areas".format(len(pop), n_areas))
    fac_xy = np.asarray(fac_xy, dtype=float).reshape(-1, 2)
    n_fac = len(fac_xy)
    cat_idx = np.array([scheme.index(k) if k in keys else scheme.index(OTHER) for k in fac_cat], dtype=np.int64)
    fac_area = np.asarray(fac_area, dtype=np.int64).reshape(-1)
    limit = float(minutes_to_metres(max_minutes, speed_kmh))
    warnings = []

    def step(x):
        if progress is not None:
            progress(x)
        if cancelled is not None and cancelled():
            raise InterruptedError("cancelled")

    # -- counts inside -------------------------------------------------------------------------
    counts = np.zeros((n_areas, n_cat))
    inside = fac_area >= 0
    if inside.any():
        np.add.at(counts, (fac_area[inside], cat_idx[inside]), 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_1000 = np.where(pop[:, None] > 0, counts / pop[:, None] * 1000.0, np.nan)
    per_1000 = np.where(np.isfinite(pop)[:, None], per_1000, np.nan)
    # rates over a population below the threshold would reveal it
    per_1000 = suppress_derived(per_1000, np.repeat(pop[:, None], n_cat, axis=1), threshold)

    # -- minutes to the nearest, from the representative points -------------------------------
    groups = _area_reps(rep, n_areas)
    unmeasured = np.zeros(n_areas, dtype=bool)
    if rep_valid is not None and len(rep):
        # points that cannot be measured from (off the network) are taken as uninhabited: the area's
        # residents are spread over its other points; without enough of those the area is unmeasured
        valid = np.asarray(rep_valid, dtype=bool).reshape(-1)
        valid_share = np.array([rep.share[g][valid[g]].sum() if len(g) else 0.0 for g in groups])
        unmeasured = np.array([len(g) > 0 for g in groups]) & (valid_share < 0.5 - 1e-12)
        denom = np.where(valid_share > 0, valid_share, 1.0)[rep.area]
        rep = RepPoints(rep.xy, rep.area, np.where(valid, rep.share / denom, 0.0), rep.method)
        if unmeasured.any():
            warnings.append("unmeasured_areas")
    minutes = np.full((n_areas, n_cat), np.nan)
    reach = np.full((n_areas, n_cat), np.nan)
    for c in range(n_cat):
        step(0.6 * c / max(n_cat, 1))
        sel = np.flatnonzero(cat_idx == c)
        if len(rep) == 0:
            continue
        if len(sel):
            d, _which = nearest(fac_xy[sel], rep.xy)
            d = np.asarray(d, dtype=float)
        else:
            d = np.full(len(rep), np.inf)
        m = metres_to_minutes(d, speed_kmh)
        for a, idx in enumerate(groups):
            if not len(idx):
                continue
            med = weighted_median(m[idx], rep.share[idx])
            minutes[a, c] = med if np.isfinite(med) else np.nan
            reach[a, c] = float(rep.share[idx][m[idx] <= max_minutes + 1e-9].sum())
    has_rep = np.array([len(g) > 0 for g in groups], dtype=bool) & ~unmeasured
    minutes[unmeasured] = np.nan
    reach[unmeasured] = np.nan
    reachable = np.nan_to_num(reach, nan=0.0) >= 0.5 - 1e-12
    score_cols = [scheme.index(k) for k in score_keys]
    eco = np.full(n_areas, np.nan)
    missing = [[] for _ in range(n_areas)]
    if score_cols:
        eco[has_rep] = reachable[has_rep][:, score_cols].mean(axis=1)
        for a in np.flatnonzero(has_rep):
            missing[a] = [keys[c] for c in score_cols if not reachable[a, c]]
    else:
        warnings.append("no_score_categories")

    # -- catchments of the facilities: people within max_minutes ------------------------------
    step(0.65)
    rep_pop = rep.share * np.where(np.isfinite(pop), pop, 0.0)[rep.area] if len(rep) else np.zeros(0)
    arr = None if arrivals is None else np.asarray(arrivals, dtype=float).reshape(-1)
    rep_arr = None
    if arr is not None and len(rep):
        rep_arr = rep.share * np.where(np.isfinite(arr), arr, 0.0)[rep.area]
    is_aq = None
    if aq_class is not None:
        is_aq = np.array([str(v).strip().lower() in AQ_CLASSES if v is not None else False for v in aq_class])
    # facilities that can reach any representative point: straight line is a lower bound
    in_study = np.zeros(n_fac, dtype=bool)
    if n_fac and len(rep):
        finite = np.isfinite(fac_xy).all(axis=1)
        dmin = np.full(n_fac, np.inf)
        if finite.any():
            dmin[finite], _ = cKDTree(rep.xy).query(fac_xy[finite])
        in_study = (dmin <= limit) | (fac_area >= 0)
    fac_pop = np.full(n_fac, np.nan)
    fac_arr = np.full(n_fac, np.nan)
    fac_aq = np.full(n_fac, np.nan)
    study = np.flatnonzero(in_study)
    D = sparse.csr_matrix((len(study), len(rep)))
    if len(study) and len(rep):
        D = sparse.csr_matrix(distances(fac_xy[study], rep.xy, limit))
        D.sort_indices()
        hit = D.copy()
        hit.data = np.ones_like(hit.data)  # stored entries are within the limit (zeros stored as 1e-9)
        fac_pop[study] = hit @ rep_pop
        if rep_arr is not None:
            fac_arr[study] = hit @ rep_arr
        if is_aq is not None:
            fac_aq[study] = hit @ (rep_pop * is_aq[rep.area])
    step(0.85)

    # -- languages ---------------------------------------------------------------------------------
    lang_match = np.full(n_areas, np.nan)
    lang_missing = [[] for _ in range(n_areas)]
    if fac_languages is not None and area_languages is not None:
        offered = [parse_languages(v) for v in fac_languages]
        if not any(offered):
            warnings.append("no_languages_offered")
        needed = [needed_languages(v) for v in area_languages]
        Dc = D.tocsc() if D.shape[0] else None
        for a in range(n_areas):
            need = needed[a]
            if not need or not len(groups[a]):
                continue
            got = set()
            if Dc is not None:
                rows = set()
                for j in groups[a]:
                    rows.update(Dc.indices[Dc.indptr[j] : Dc.indptr[j + 1]].tolist())
                for r in rows:
                    got |= offered[study[r]]
            lang_match[a] = len(need & got) / len(need)
            lang_missing[a] = sorted(need - got)

    # -- priority ------------------------------------------------------------------------------
    priority = []
    low = np.isfinite(eco) & (eco < priority_below - 1e-12)
    for a in range(n_areas):
        if not np.isfinite(eco[a]):
            priority.append("insufficient")
        elif is_aq is not None and is_aq[a]:
            priority.append("first" if low[a] else "aq_served")
        else:
            priority.append("gap" if low[a] else "served")
    rank = np.full(n_areas, np.nan)
    ranked = [a for a in range(n_areas) if priority[a] == "first"] if is_aq is not None else [
        a for a in range(n_areas) if priority[a] == "gap"
    ]
    if ranked:
        weight = arr if arr is not None else pop
        wv = np.where(np.isfinite(weight), weight, 0.0)
        order = sorted(ranked, key=lambda a: (eco[a], -wv[a]))
        for r, a in enumerate(order, start=1):
            rank[a] = r
    step(1.0)
    return OverlayResult(
        keys=keys,
        score_keys=score_keys,
        counts=counts,
        per_1000=per_1000,
        minutes=minutes,
        reach_share=reach,
        reachable=reachable,
        eco_score=eco,
        eco_missing=missing,
        lang_match=lang_match,
        lang_missing=lang_missing,
        priority=priority,
        priority_rank=rank,
        fac_pop=suppress_counts(fac_pop, threshold),
        fac_arrivals=suppress_counts(fac_arr, threshold),
        fac_aq_pop=suppress_counts(fac_aq, threshold),
        fac_in_study=in_study,
        warnings=warnings,
    )
