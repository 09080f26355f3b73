"""The category scheme of social infrastructure: which facility is which category (part 1 of the overlay).

The built-in ``resources/categories/scheme.json`` or a user's JSON (a whole scheme) or CSV (extra rules, put
before the built-in ones). Each facility gets one category key by, in this order, a category-field value
(``value_rules``), OpenStreetMap tags (``tag_rules``; the first matching rule wins), the layer name
(``layer_rules``) and the facility name (``name_rules``: only where a rule says ``refine_by_name`` or nothing
else matched). Whatever stays unknown is ``other``. OSM ``other_tags`` (hstore text) are read by
``parse_other_tags``. numpy only, no QGIS.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .vocabulary import BUILTIN_SCHEME, OTHER_CATEGORY  # one lookup of the scheme file (vocabulary.py)

OTHER = OTHER_CATEGORY
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




# --------------------------------------------------------------------------------------------
# a facilities layer's rows categorised
# --------------------------------------------------------------------------------------------
@dataclass
class LayerFields:
    """Which columns of a facilities layer say what (names as written in the layer; None: not there)."""

    tags: list = field(default_factory=list)  # OSM tag columns (their lower-case name is the tag key)
    other_tags: str | None = None  # the GDAL OSM driver's hstore column
    value: str | None = None  # the category field
    name: str | None = None
    language: str | None = None
    value_missing: bool = False  # a category field was asked for but the layer lacks it
    language_missing: bool = False  # a languages field was asked for but the layer lacks it

    @property
    def wanted(self) -> list:
        """The columns to read, each once."""
        return list(dict.fromkeys(f for f in [*self.tags, self.other_tags, self.value, self.name, self.language] if f))


def layer_fields(field_names, value_field: str | None = None, name_field: str | None = None, language_field: str | None = None) -> LayerFields:
    """The roles of a layer's columns, matched case-insensitively: OSM tag keys, ``other_tags`` and the
    category, name and languages fields asked for."""
    lower = {n.lower(): n for n in field_names}
    has_value = bool(value_field) and value_field.lower() in lower
    language = lower.get(language_field.lower()) if language_field else None
    return LayerFields(
        tags=[lower[k] for k in OSM_TAG_KEYS if k in lower],
        other_tags=lower.get("other_tags"),
        value=lower.get(value_field.lower()) if has_value else None,
        name=lower.get((name_field or "").lower()),
        language=language,
        value_missing=bool(value_field) and not has_value,
        language_missing=bool(language_field) and language is None,
    )


def row_tags(columns: dict, i: int, fields: LayerFields) -> dict:
    """The OSM tags of row ``i``: ``other_tags`` parsed, then the tag columns that hold a value."""
    tags = {}
    if fields.other_tags:
        tags.update(parse_other_tags(columns[fields.other_tags][i]))
    for f in fields.tags:
        v = columns[f][i]
        if v is not None and str(v).strip() and str(v).upper() != "NULL":
            tags[f.lower()] = str(v)
    return tags


@dataclass
class Categorised:
    category: list  # category key per row
    source: list  # how it was found (Scheme.classify: tag, name, layer, value, unknown …)
    token: list  # what decided it (the layer's name for an unknown row without a token)
    name: list  # the row's name (None when empty)


def categorise(scheme: Scheme, columns: dict, rows, fields: LayerFields, layer_match, layer_name: str) -> Categorised:
    """Category of each of the ``rows`` of a facilities layer (``columns``: field → values) by its tags,
    name, the layer's name (``layer_match`` = ``scheme.match_layer(…)``) and the category field."""
    out = Categorised([], [], [], [])
    for i in rows:
        name = columns[fields.name][i] if fields.name else None
        value = columns[fields.value][i] if fields.value else None
        cat, how, token = scheme.classify(row_tags(columns, i, fields), name, layer_match, value, use_value=bool(fields.value))
        if how == "unknown" and not token:
            token = layer_name
        out.category.append(cat)
        out.source.append(how)
        out.token.append(token)
        out.name.append(None if name is None or str(name) == "NULL" else str(name))
    return out
