"""The panel's workflow as data: steps, roles, what each step needs, which result feeds which input.

The one place that knows the wiring of the six steps of the "Ankunftsquartiere" panel (and what
``scripts/demo.py`` and the shipped model do by hand). No QGIS, no Qt: the panel asks it

- which *role* an algorithm input plays (areas with statistics, walking network, docking points,
  candidate sites, facilities, buildings, districts/pages, streets, water),
- which layers of the project plausibly play a role (by layer name and fields: a walking network
  has ``highway``/``fclass`` and is never a railway; point layers by their name),
- which earlier step's result fills an input, and which field of step 1's mapping fills a field,
- which areas form the study area (those mostly inside the walking network),
- and which figures make a run doubtful (plausibility checks, returned as codes with figures).

It returns codes and numbers, never translated text: the panel translates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .fieldmatch import KNOWN_FIELDS

# -- roles -------------------------------------------------------------------------------------
AREAS = "areas"
NETWORK = "network"
DOCKING = "docking_points"
CANDIDATES = "candidates"
FACILITIES = "facilities"
BUILDINGS = "buildings"
DISTRICTS = "districts"
STREETS = "streets"
WATER = "water"

POINT, LINE, POLYGON = "point", "line", "polygon"


@dataclass(frozen=True)
class Role:
    """A kind of input layer. ``names``: (regex on the normalised layer name, score); ``fields``:
    field names that make it plausible (score 1); ``never``: regex on name or field names that rule
    a layer out, whatever else it has. ``multiple``: several layers play it together."""

    key: str
    geometries: tuple[str, ...]
    names: tuple[tuple[str, float], ...] = ()
    fields: tuple[str, ...] = ()
    never: str = ""
    never_fields: tuple[str, ...] = ()
    multiple: bool = False


_RAIL = r"rail|eisenbahn|gleis|bahnstrecke|bahnlinie|schiene|tram|sbahn|ubahn|s bahn|u bahn|metro|subway"
_WAY_CLASS = tuple(dict.fromkeys(f.lower() for f in KNOWN_FIELDS["highway"]))  # highway, fclass
_ROAD_NAMES = ((r"walk|fuss|fuß|fussweg|gehweg|pedestrian|footway", 1.0), (r"road|street|strass|straß|weg|wege|path|netz|network|osm ways|highway", 0.8))

ROLES: dict[str, Role] = {
    r.key: r
    for r in (
        Role(AREAS, (POLYGON,)),
        Role(NETWORK, (LINE,), _ROAD_NAMES, _WAY_CLASS, _RAIL + r"|water|wasser|gewaesser|river|fluss|kanal|canal|power|leitung|boundary|grenze", ("railway", "waterway")),
        Role(STREETS, (LINE,), _ROAD_NAMES, _WAY_CLASS, _RAIL + r"|water|wasser|gewaesser|river|fluss", ("railway", "waterway")),
        Role(
            DOCKING,
            (POINT,),
            ((r"andock|docking|anlaufstelle|community|gemeinschaft|nachbarschaft|stadtteilzentrum|stadtteilladen|begegnung|familienzentrum|willkommen|welcome", 1.0),),
        ),
        Role(
            CANDIDATES,
            (POINT,),
            ((r"candidate|kandidat|standort", 1.0), (r"supermarket|supermarkt|marketplace|markt|librar|bibliothek|buecherei|\bpost\b|ubahn|sbahn|u bahn|s bahn|tram|strassenbahn|bahnhof", 0.8)),
            never=r"\bbus\b|bushaltestelle",
            multiple=True,
        ),
        Role(FACILITIES, (POINT, POLYGON), ((r"\bpoi\b|facilit|einrichtung|angebot|infrastruktur|infrastructure|amenit", 1.0),), multiple=True),
        Role(BUILDINGS, (POLYGON,), ((r"building|gebaeude|gebäude|haeuser|alkis|hausumring", 1.0),)),
        Role(DISTRICTS, (POLYGON,), ((r"\bpages?\b|seiten?|blatt|blaetter|kartenblatt|atlas", 1.0), (r"district|bezirk|ortsteil|stadtteil|quartier", 0.6))),
        Role(WATER, (POLYGON, LINE), ((r"water|wasser|gewaesser|river|fluss|kanal|canal|\bsee\b|lake", 1.0),), never=r"abwasser|sewer"),
    )
}


@dataclass(frozen=True)
class LayerInfo:
    """What the workflow needs to know of a layer: id, name, geometry (point/line/polygon/None), fields."""

    id: str
    name: str
    geometry: str | None
    fields: tuple[str, ...] = ()


def normalise(name: str) -> str:
    """Lower case, umlauts spelled out, every run of other characters one space, padded."""
    text = str(name or "").lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " {} ".format(text.strip())


def plausibility(role: str, layer: LayerInfo) -> float:
    """0..1: how plausibly ``layer`` plays ``role`` (0: not at all). Geometry must fit; a name or field
    that rules the layer out (railways for a walking network, bus stops for candidate sites) gives 0."""
    spec = ROLES[role]
    if layer.geometry not in spec.geometries:
        return 0.0
    name = normalise(layer.name)
    fields = {f.lower() for f in layer.fields}
    if spec.never and re.search(spec.never, name):
        return 0.0
    if fields & set(spec.never_fields):
        return 0.0
    score = 0.0
    for pattern, weight in spec.names:
        if re.search(pattern, name):
            score = max(score, weight)
    if spec.fields and fields & set(spec.fields):
        score = max(score, 1.0) if score else 0.9
    return score


def why_implausible(role: str, layer: LayerInfo) -> str | None:
    """A code for why a layer chosen by hand does not look like ``role``: ``geometry``, ``excluded``
    (name or field rules it out, e.g. a railway as walking network), ``unknown`` (nothing says it
    plays the role); None when it is plausible."""
    spec = ROLES[role]
    if layer.geometry not in spec.geometries:
        return "geometry"
    name = normalise(layer.name)
    if (spec.never and re.search(spec.never, name)) or ({f.lower() for f in layer.fields} & set(spec.never_fields)):
        return "excluded"
    return None if plausibility(role, layer) > 0 else "unknown"


def choose(role: str, layers: Sequence[LayerInfo], exclude: Iterable[str] = ()) -> list[str]:
    """The layer ids that fill ``role`` on their own: for a multiple role every plausible layer (in the
    given order); otherwise the single best one, or nothing when two are equally good (a tie is the
    planner's choice, never a guess)."""
    skip = set(exclude)
    scored = [(plausibility(role, lyr), i, lyr) for i, lyr in enumerate(layers) if lyr.id not in skip]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return []
    if ROLES[role].multiple:
        return [lyr.id for _s, _i, lyr in scored]
    best = max(s for s, _i, _l in scored)
    top = [lyr for s, _i, lyr in scored if s == best]
    return [top[0].id] if len(top) == 1 else []


# -- steps -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """Where an input comes from: ``kind`` "role" (``ref`` role key), "result" (``ref`` (step, output),
    several in order of preference), "field" (``ref`` step-1 mapping role, e.g. "population"),
    "result_field" (``ref`` a field name of the layer filled from a result). ``study_area``: the areas
    are restricted to the study area."""

    kind: str
    ref: object
    study_area: bool = False


def role(key: str) -> Source:
    return Source("role", key)


def result(*pairs: tuple[str, str], study_area: bool = False) -> Source:
    return Source("result", tuple(pairs), study_area)


def mapped(field_role: str) -> Source:
    return Source("field", field_role)


@dataclass(frozen=True)
class Step:
    key: str
    alg_id: str | None
    requires: tuple[str, ...] = ()
    inputs: dict = field(default_factory=dict)  # parameter name -> Source
    defaults: dict = field(default_factory=dict)  # the panel's own defaults (parameter -> value)
    summary: tuple[str, ...] = ()  # the output numbers the panel shows after a run


CLASSIFIED = ("classify", "OUTPUT")
STEPS: tuple[Step, ...] = (
    Step("data", None, inputs={"INPUT": role(AREAS)}),
    Step(
        "classify",
        "ankunft:classifyarrivalquarters",
        ("data",),
        summary=("N_ESTABLISHED", "N_EMERGING", "N_NONE", "N_INSUFFICIENT"),
    ),
    Step(
        "infrastructure",
        "ankunft:infrastructureoverlay",
        ("classify",),
        {
            "AREAS": result(CLASSIFIED, study_area=True),
            "AREA_ID_FIELD": mapped("id"),
            "POPULATION_FIELD": mapped("population"),
            "ARRIVALS_FIELD": mapped("arrivals"),
            "NETWORK": role(NETWORK),
            "FACILITIES": role(FACILITIES),
            # no buildings: distances from the areas, as make demo and the shipped model measure them
        },
        summary=("N_FACILITIES", "N_PRIORITY"),
    ),
    Step(
        "catchments",
        "ankunft:walkingcatchments",
        ("classify",),
        {
            "NETWORK": role(NETWORK),
            "POINTS": role(DOCKING),
            "POINT_ID_FIELD": Source("id_field", "POINTS"),
            "POPULATION": result(CLASSIFIED, study_area=True),
            "POPULATION_FIELD": mapped("population"),
            "BUILDINGS": role(BUILDINGS),
        },
        defaults={"MODE": 1},  # dissolved: one catchment per band, as the strategy map shows it
    ),
    Step(
        "docking",
        "ankunft:suggestdockingpoints",
        ("classify",),
        {
            "DEMAND": result(CLASSIFIED, study_area=True),
            "WEIGHT_FIELD": mapped("population"),
            "BUILDINGS": role(BUILDINGS),
            "CANDIDATES": role(CANDIDATES),
            "EXISTING": role(DOCKING),
            "NETWORK": role(NETWORK),
        },
        summary=("COVERAGE_BEFORE_PCT", "COVERAGE_AFTER_PCT", "OPTIMALITY_GAP_PCT", "UNSNAPPED_DEMAND_PCT"),
    ),
    Step(
        "strategy",
        "ankunft:strategymap",
        ("classify",),
        {
            "DISTRICTS": role(DISTRICTS),
            "DISTRICT_NAME_FIELD": Source("name_field", "DISTRICTS"),
            "QUARTERS": result(("infrastructure", "OUTPUT"), CLASSIFIED),
            "POPULATION_FIELD": mapped("population"),
            "CATCHMENTS": result(("catchments", "OUTPUT")),
            "CATCHMENT_AREAS": result(("catchments", "OUTPUT_AREAS")),
            "DOCKING_POINTS": role(DOCKING),
            "FACILITIES": result(("infrastructure", "OUTPUT_FACILITIES")),
            "CATEGORY_FIELD": Source("result_field", "category"),
            "INFRASTRUCTURE": result(("infrastructure", "OUTPUT")),
            "SUGGESTED": result(("docking", "OUTPUT")),
            "STREETS": role(STREETS),
            "WATER": role(WATER),
        },
        defaults={"TITLE": "Strategiekarte Ankunftsquartiere"},
        summary=("PAGES", "OUTPUT_PDF"),
    ),
)
STEP_INDEX = {s.key: i for i, s in enumerate(STEPS)}
STEP_BY_KEY = {s.key: s for s in STEPS}


def step(key: str) -> Step:
    return STEP_BY_KEY[key]


def role_of(step_key: str, param: str) -> str | None:
    """The role an input of a step plays (None when it is wired to a result or a field)."""
    source = STEP_BY_KEY[step_key].inputs.get(param)
    return source.ref if source is not None and source.kind == "role" else None


def role_params(role_key: str) -> list[tuple[str, str]]:
    """Every (step, parameter) that takes ``role_key``: a role chosen once is used by all of them."""
    return [(s.key, p) for s in STEPS for p, src in s.inputs.items() if src.kind == "role" and src.ref == role_key]


def feeds(step_key: str) -> list[str]:
    """The later steps whose inputs take a result of ``step_key``."""
    out = []
    for s in STEPS:
        for src in s.inputs.values():
            if src.kind == "result" and any(pair[0] == step_key for pair in src.ref) and s.key not in out:
                out.append(s.key)
    return out


def extra_outputs(step_key: str) -> list[str]:
    """Outputs of a step that later steps read (created even when the algorithm leaves them off)."""
    wanted = []
    for s in STEPS:
        for src in s.inputs.values():
            if src.kind == "result":
                wanted += [out for st, out in src.ref if st == step_key and out not in wanted]
    return wanted


# -- step 1's mapping into the classification ----------------------------------------------------
# field role of step 1 (core/fieldmatch.ROLES) -> (field parameter, unit parameter) of the classification
CLASSIFY_FIELDS = {
    "population": ("POPULATION_FIELD", None),
    "arrivals": ("ARRIVALS_FIELD", "ARRIVALS_UNIT"),
    "departures": ("DEPARTURES_FIELD", "DEPARTURES_UNIT"),
    "turnover": ("TURNOVER_FIELD", "TURNOVER_UNIT"),
    "diversity": ("DIVERSITY_FIELD", "DIVERSITY_UNIT"),
    "social": ("SOCIAL_FIELD", "SOCIAL_UNIT"),
}
CLASSIFY_INPUTS = {"INPUT": role(AREAS), "ID_FIELD": mapped("id"), **{param: mapped(key) for key, (param, _unit) in CLASSIFY_FIELDS.items()}}


def classify_params(fields: dict, units: dict, id_field: str = "") -> dict:
    """The classification's field and unit parameters from step 1's mapping (role -> field, role -> unit code)."""
    params = {"ID_FIELD": id_field} if id_field else {}
    for key, (field_param, unit_param) in CLASSIFY_FIELDS.items():
        if fields.get(key):
            params[field_param] = fields[key]
            if unit_param and key in units:
                params[unit_param] = units[key]
    return params


# -- the batch run: scripts/demo.py and the shipped model (resources/models/fullanalysis.model3) -----
# The same steps in one go: the walking network is prepared from the streets first and feeds every
# walking-network input; the classified areas are cut to the study area once.
PREPARED_NETWORK = ("network", "OUTPUT")
NETWORK_STEP = Step("network", "ankunft:preparewalknetwork", ("data",), {"INPUT": role(STREETS)})
BATCH_ORDER = ("classify", "network", "infrastructure", "catchments", "docking", "strategy")
# what the batch run adds to the panel's wiring: the strategy map measures coverage on the prepared network
BATCH_EXTRA = {"strategy": {"NETWORK": result(PREPARED_NETWORK)}}


def batch_step(key: str) -> Step:
    return NETWORK_STEP if key == NETWORK_STEP.key else STEP_BY_KEY[key]


def batch_inputs(key: str) -> dict:
    """A step's inputs in a batch run: the panel's wiring (step 1's mapping for the classification), every
    walking-network input taken from the prepared network, plus ``BATCH_EXTRA``."""
    inputs = dict(CLASSIFY_INPUTS) if key == "classify" else {}
    for name, source in batch_step(key).inputs.items():
        inputs[name] = result(PREPARED_NETWORK) if source.kind == "role" and source.ref == NETWORK else source
    inputs.update(BATCH_EXTRA.get(key, {}))
    return inputs


def batch_links() -> set:
    """Every (step, parameter, earlier step, its output, study area) of the batch run: which result feeds
    which input (the first preference where several are given)."""
    links = set()
    for key in BATCH_ORDER:
        for name, source in batch_inputs(key).items():
            if source.kind == "result":
                links.add((key, name, *source.ref[0], source.study_area))
    return links


def step_by_alg(alg_id: str) -> str | None:
    """The batch step that runs ``alg_id`` (None for helper algorithms such as an extract)."""
    return next((key for key in BATCH_ORDER if batch_step(key).alg_id == alg_id), None)


# -- the study area ------------------------------------------------------------------------------
STUDY_AREA_SHARE = 0.5  # an area belongs to the study area when at least half of it lies inside


def study_area(shares: Sequence[float], minimum: float = STUDY_AREA_SHARE) -> list[int]:
    """Indices of the areas whose share inside the walking network's hull is at least ``minimum``."""
    return [i for i, s in enumerate(shares) if s is not None and s == s and s >= minimum]


# -- plausibility before a run -------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    """A doubt about a run with its figures: ``code`` (the panel translates it), ``values``."""

    code: str
    values: dict


MOSTLY = 0.5  # "most": more than half


def check_network(outside_share: float | None) -> list[Finding]:
    """More than half of the network's length outside its largest connected part."""
    if outside_share is not None and outside_share > MOSTLY:
        return [Finding("network_fragmented", {"share": outside_share})]
    return []


def check_points(off: int, total: int, max_snap: float) -> list[Finding]:
    """Most points further than ``max_snap`` metres from the network."""
    if total and off / total > MOSTLY:
        return [Finding("points_off_network", {"n": off, "total": total, "metres": max_snap})]
    return []


def check_demand(inside: int, total: int) -> list[Finding]:
    """Most demand areas outside the network's extent (when the study area is not used), or none inside."""
    if total and inside == 0:
        return [Finding("no_area_inside", {"n": inside, "total": total})]
    if total and inside / total < MOSTLY:
        return [Finding("demand_outside", {"n": total - inside, "total": total})]
    return []


def check_weight(weight_field: str | None, counts_people: bool = True) -> list[Finding]:
    """No weight field where people are counted: every area would count as one person."""
    if counts_people and not weight_field:
        return [Finding("weight_missing", {})]
    return []


def check_role(role_key: str, layer: LayerInfo | None) -> list[Finding]:
    """A layer chosen by hand that does not look like its role (e.g. railways as walking network)."""
    if layer is None:
        return []
    why = why_implausible(role_key, layer)
    return [Finding("role_" + why, {"role": role_key, "layer": layer.name})] if why else []
