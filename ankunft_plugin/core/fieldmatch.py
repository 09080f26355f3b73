"""Propose which attribute field plays which role, by its name (German municipal statistics).

Planners bring their own tables: ``EW_2023``, ``Bev_insg``, ``Zuzüge_Ausland``, ``Anteil Ausländer``,
``SGB II-Quote``, ``k11_migration_volume`` … ``propose(fields)`` scores every field for every role by
its name and returns the best field per role (each field used at most once) with a score in 0..1
and a guessed unit. The panel pre-selects these fields; the user can always change them.

Pure Python (numpy only), no QGIS. Returns codes, never translated text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .classify import UNIT_COUNT, UNIT_PER_1000, UNIT_PERCENT, to_rates  # one definition of the units
from .numbers import read_column
from .values import COUNT, RATE


def _numbers(values, role: str):
    """The column read by the one number reader; a column it refuses is all NaN here (the
    panel shows the refusal from the reading, the algorithm refuses the run)."""
    numbers, problems, _reading = read_column(values, role=role)
    return numbers, problems


# Roles, in the order the panel shows them. ``id`` and ``name`` describe the area; the others are
# the indicators of the classification.
ROLES = ("id", "name", "population", "arrivals", "departures", "turnover", "diversity", "social")
NUMERIC_ROLES = ("population", "arrivals", "departures", "turnover", "diversity", "social")
RATE_ROLES = ("arrivals", "departures", "turnover", "diversity", "social")

# Unit codes (UNIT_COUNT, UNIT_PERCENT, UNIT_PER_1000) are the classification's (ARRIVALS_UNIT …), imported above.

# (pattern on the normalised name, weight). Normalised: lower case, ä→ae ö→oe ü→ue ß→ss, every
# run of other characters → one space, camelCase split, padded with spaces (so " ew " is a token).
_PATTERNS: dict[str, list[tuple[str, float]]] = {
    "id": [
        (r" id ", 0.95),
        (r" (fid|gid|oid|objectid) ", 0.85),
        (r"(gebiets|raum|bezirks|gemeinde|amtlicher )?schluessel", 0.9),
        (r" (ags|ars|plr|lor|bzr|pgr|kennziffer|kennung|key|code) ", 0.8),
        (r" (nr|nummer|number|no) ", 0.6),
        (r" id", 0.6),
        (r"id ", 0.5),
    ],
    "name": [
        (r" (name|namen|bezeichnung|gebietsname|label|titel|title) ", 0.9),
        (r"(name|bezeichnung)", 0.7),
        (r" (stadtteil|quartier|ortsteil|bezirk|district|neighbourhood|neighborhood) ", 0.5),
    ],
    "population": [
        (r" (einwohner|einwohnerinnen|einwohnerzahl|einwohnende|ew|einw|ewo) ", 1.0),
        (r" (bev|bevoelkerung|bevoelk|bevolkerung|population|pop|inhabitants|residents) ", 1.0),
        (r"einwohner", 0.9),
        (r"bevoelkerung|population|inhabitants|residents", 0.9),
        (r" ew[0-9 ]|ew insg|ew ges", 0.9),
        (r" (insgesamt|insg|gesamt|total) ", 0.3),
        (r" (hauptwohnsitz|hws|melderegister|einwohnerregister) ", 0.7),
        (r" (inh|inhab|res|bevoelk) ", 0.75),
    ],
    "arrivals": [
        (r"zuzuege? (aus (dem )?)?ausland|auslandszuzu|zuzu\w* ausland|zuzug\w* international", 1.0),
        (r"(international|foreign|abroad) (in )?(migration|arrivals|immigration|moves in)", 1.0),
        (r" (zuz|zuzg|zuzuege|zuzug|zug) (ausl|ausland|int|intl)", 0.95),
        (r"(in )?(migration|arrivals|moves in|inflow) (from )?(abroad|international|foreign)", 1.0),
        (r"zuzu?e?g|zugez|zuzuege|zuzuge", 0.85),
        (r"zuwander|zuwanderung|immigra|einwander", 0.85),
        (r" (arrivals|arrived|inflow|in migration|inmigration|inmigrants|moves in|movein|moved in) ", 0.85),
        (r" (zu|zuz) ", 0.4),
        # growth of the foreign population between register cut-offs: the usual proxy
        (r"(auslaender|foreigners?|for|ausl|nichtdeutsche) (change|zunahme|veraenderung|growth|zuwachs|diff)", 0.7),
    ],
    "departures": [
        (r"fortzu?e?g|fortgez|wegzu?e?g|weggez|abwander|auswander", 0.9),
        (r" (departures|outflow|out migration|outmigration|moves out|moveout|moved out|emigration) ", 0.9),
        (r"emigra", 0.8),
        (r" (fortz|fortzg|wegz|wegzg) ", 0.8),
        (r" (fort|weg) ", 0.4),
    ],
    "turnover": [
        (r"wanderungsvolumen|wanderungs volumen|migrationsvolumen|umzugsvolumen", 1.0),
        (r"(migration|moving) volume|volume of migration", 1.0),
        (r"fluktuation|fluktuationsrate|turnover|churn|residential mobility", 0.95),
        (r" volumen ", 0.7),
        (r" (wv|wvol|fluk|fluktu) ", 0.75),
        (r"mobilitaet|mobility", 0.5),
        (r" k11 ", 0.4),
    ],
    "diversity": [
        (r"auslaender|nichtdeutsch|nicht deutsch|ohne deutsche|fremdstaat|auslaendisch", 1.0),
        (r"foreigners|foreign (nationals|citizens|population|residents|inhabitants)|non german|nongerman|non nationals", 1.0),
        (r"migrationshintergrund|migrations hintergrund|migrationshint|mit mh| mh |zuwanderungsgeschichte|einwanderungsgeschichte", 0.9),
        (r"migration background|migrant background|immigrant background|migrants", 0.9),
        (r"staatsangehoerig|nationalit|citizenship", 0.6),
        (r" ausl ", 0.9),
        (r" (migr|foreign) ", 0.6),
        (r" (for|mig|mh|nd) ", 0.5),
    ],
    "social": [
        (r"sgb ?ii|sgb ?2|sgbii|sgb2|hartz|alg ?ii|alg ?2|buergergeld|grundsicherung fuer arbeit", 1.0),
        (r"transfer|leistungsbez|leistungsempf|mindestsicherung|bedarfsgemeinschaft|sozialhilfe|sozialgeld", 0.85),
        (r"welfare|benefit|social assistance|income support|basic income", 0.85),
        (r"arbeitslos|unemploy|erwerbslos|jobless", 0.75),
        (r"armut|poverty|deprivation", 0.6),
        (r" (sozial|social|status) ", 0.4),
    ],
}

# Words that make a field *less* likely for a role (the field says something more specific).
_PENALTIES: dict[str, list[tuple[str, float]]] = {
    "population": [
        (r"auslaender|nichtdeutsch|foreign|migration|migrations|zuzu|fortzu|wegzu|zuwander|arrival|departure|sgb|transfer|arbeitslos|unemploy", 0.7),
        (r"anteil|quote|prozent|percent|percentage|share|dichte|density|je |pro |per |[0-9] ew ", 0.5),
        (r" (deutsche|germans|german|maennlich|weiblich|male|female|frauen|maenner|unter|ueber|under|over|kinder|children|jahre|years) ", 0.4),
        (r" (id|nr|code|key|schluessel|name) ", 0.8),
    ],
    "arrivals": [
        (r"saldo|balance|net |netto|volumen|volume", 0.6),
        (r"fortzu|wegzu|departure|outflow|moves out|emigra|auswander", 0.6),
        (r"innerhalb|binnen|within|intra|umzu", 0.3),
    ],
    "departures": [(r"saldo|balance|net |netto|volumen|volume", 0.6)],
    "turnover": [(r"saldo|balance|netto", 0.6)],
    "diversity": [
        (r" (deutsche|germans|german) (mit|with)", 0.25),
        (r" (ohne|without) ", 0.8),
        (r"zuzu| zuz | zug |fortzu| fortz |wegzu|arrival|departure|transfer|sgb", 0.5),
        (r"veraenderung|change|entwicklung|differenz|zunahme|growth", 0.4),
        (r" (eu|tuerkei|turkey|syrien|syria|ukraine|polen|poland) ", 0.3),
        (r"kinder|children|below|unter 1", 0.2),
    ],
    "social": [
        (r"veraenderung|change|dynamik|dynamic| d[0-9] | z ", 0.3),
        (r"kinder|children|below|unter 1|jugend|youth|alters|old age", 0.2),
        (r" (index|klasse|class) ", 0.5),
    ],
    "id": [(r"einwohner|anteil|quote|zuzu|population|inhabitants", 0.7)],
    "name": [(r"einwohner|anteil|quote|zuzu|population|inhabitants", 0.7)],
}

_PERCENT = re.compile(
    r"anteil|quote|prozent|proz|percent|percentage| pct |share|rate |ratio | p100 |je 100 |pro 100 |per 100 | 100 ew| 100 einw| vh |%|von hundert"
)
_PER_1000 = re.compile(r"1000|promille|tausend| tsd |thousand|‰|p1000|je 1 000|pro 1 000")
# Wanderungsvolumen and MSS k11 are published per 100 inhabitants.
_PER_100_BY_DEFINITION = re.compile(r"wanderungsvolumen|migration volume|migration_volume|k11")


@dataclass(frozen=True)
class Match:
    """The field proposed for a role: ``score`` 0..1 (1 = name says it plainly), ``unit`` code."""

    role: str
    field: str
    score: float
    unit: int = UNIT_COUNT


def normalise(name: str) -> str:
    """Lower case, German umlauts spelled out, camelCase and separators turned into spaces."""
    text = str(name)
    text = re.sub(r"([a-zäöü])([A-ZÄÖÜ])", r"\1 \2", text)  # camelCase
    text = re.sub(r"([A-Za-zÄÖÜäöüß])([0-9])", r"\1 \2", text)
    text = re.sub(r"([0-9])([A-Za-zÄÖÜäöüß])", r"\1 \2", text)
    text = text.lower()
    for src, dst in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(src, dst)
    text = text.replace("%", " % ").replace("‰", " ‰ ")
    text = re.sub(r"[^a-z0-9%‰]+", " ", text)
    return " {} ".format(" ".join(text.split()))


def score(field: str, role: str) -> float:
    """How well the field's name fits the role, 0..1."""
    norm = normalise(field)
    best = 0.0
    for pattern, weight in _PATTERNS[role]:
        if re.search(pattern, norm):
            best = max(best, weight)
    if best == 0.0:
        return 0.0
    for pattern, factor in _PENALTIES.get(role, ()):
        if re.search(pattern, norm):
            best *= factor
    return round(best, 4)


def guess_unit(field: str, values: Sequence | None = None) -> int:
    """Unit code from the name (Anteil/Quote/% → percent; je 1000/Promille → per 1000), else
    from the values: fractional values ≤ 100 are percent, fractional values ≤ 1000 per 1000."""
    norm = normalise(field)
    if _PER_1000.search(norm):
        return UNIT_PER_1000
    if _PERCENT.search(norm) or _PER_100_BY_DEFINITION.search(norm):
        return UNIT_PERCENT
    if values is not None:
        numbers, _, _reading = read_column(values, role=RATE)  # refused columns: all NaN, no guess
        numbers = numbers[np.isfinite(numbers)]
        if numbers.size:
            fractional = bool(np.any(np.abs(numbers - np.round(numbers)) > 1e-9))
            top = float(np.max(numbers))
            if fractional and 0 <= top <= 100:
                return UNIT_PERCENT
            if fractional and top <= 1000:
                return UNIT_PER_1000
    return UNIT_COUNT


def _year(field: str) -> int:
    """The latest year named in a field (``EW_2023``, ``for_change_2017_2020``), else 0: among
    equally good fields the most recent one wins."""
    years = [int(y) for y in re.findall(r"(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])", str(field))]
    return max(years) if years else 0


def rank(fields: Iterable[str], role: str) -> list[tuple[str, float]]:
    """All fields with a positive score for the role, best first (ties keep the field order)."""
    scored = [(f, score(f, role)) for f in fields]
    scored = [(f, s) for f, s in scored if s > 0]
    return sorted(scored, key=lambda item: (-item[1], -_year(item[0])))


def propose(
    fields: Sequence[str],
    types: Mapping[str, str] | None = None,
    roles: Sequence[str] = ROLES,
    samples: Mapping[str, Sequence] | None = None,
    min_score: float = 0.3,
    strict: bool = True,
) -> dict[str, Match | None]:
    """Best field per role, each field used at most once.

    ``types`` maps a field to ``"numeric"`` or ``"text"`` (other values count as text); when given,
    numeric roles only take numeric fields (``strict``) or prefer them (text fields score 0.8×, for
    statistics stored as text). ``samples`` (field → a few values) refine the unit
    guess. Pairs are assigned greedily, highest score first."""
    fields = list(fields)
    pairs: list[tuple[float, int, int, int, str, str]] = []
    for r_index, role in enumerate(roles):
        for f_index, field in enumerate(fields):
            s = score(field, role)
            if types is not None and role in NUMERIC_ROLES and types.get(field) != "numeric":
                if strict:
                    continue
                s = round(s * 0.8, 4)
            if s >= min_score:
                pairs.append((s, _year(field), -r_index, -f_index, role, field))
    pairs.sort(reverse=True)
    result: dict[str, Match | None] = dict.fromkeys(roles)
    used: set[str] = set()
    for s, _y, _r, _f, role, field in pairs:
        if result[role] is not None or field in used:
            continue
        unit = UNIT_COUNT
        if role in RATE_ROLES:
            unit = guess_unit(field, (samples or {}).get(field))
        result[role] = Match(role, field, s, unit)
        used.add(field)
    return result


# Field names that settle a role by their exact spelling (OSM exports, our own outputs, common
# district layers); looked up before any scoring.
KNOWN_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "NAME", "Name", "bezname", "BEZNAME", "district", "Ortsteilna", "GEN", "gen"),
    "population": ("population", "inhabitants", "einwohner", "Einwohner", "EW", "ew", "pop", "POP"),
    "highway": ("highway", "fclass", "HIGHWAY", "FCLASS"),
    "category": ("category", "poi_type", "kategorie"),
}


def find_field(names: Iterable[str], role: str | None = None, given: str | None = None, known: Sequence[str] = ()) -> str | None:
    """The one choice of a single field, for the panel's pre-filled inputs and the algorithms' defaults.

    ``given`` (the planner's choice) wins, or None when the layer has no such field. Otherwise the first
    of ``known`` or ``KNOWN_FIELDS[role]`` that the layer has; otherwise, for a role of the statistics
    (``ROLES``: id, name, population …), the best-scoring field by its name (``propose``: the latest year
    among equals). None when nothing fits: never a guess below ``propose``'s minimum score."""
    names = [str(n) for n in names]
    if given:
        return given if given in names else None
    for candidate in tuple(known) or KNOWN_FIELDS.get(role or "", ()):
        if candidate in names:
            return candidate
    if role in ROLES:
        match = propose(names, roles=(role,)).get(role)
        return match.field if match is not None else None
    return None


def to_per_1000(values: Sequence, unit: int, population: Sequence | None = None) -> np.ndarray:
    """Indicator values as a rate per 1,000 inhabitants (NaN where not computable): read column-aware,
    converted by the classification's own ``classify.to_rates`` (the panel's preview and the algorithm
    cannot disagree)."""
    v, _ = _numbers(values, COUNT if unit == UNIT_COUNT else RATE)
    if unit not in (UNIT_PERCENT, UNIT_PER_1000):
        if population is None:
            return np.full(v.shape, np.nan)
        return to_rates(v, UNIT_COUNT, _numbers(population, COUNT)[0])
    return to_rates(v, unit, None)


@dataclass
class InputCheck:
    """What the panel warns about before a run (codes and counts; the shell words them)."""

    rows: int = 0
    population_missing: int = 0
    small_population: int = 0
    placeholders: dict[str, int] | None = None  # role → values that are placeholders/NULL
    small_counts: dict[str, int] | None = None  # role → counts 0 < c < threshold
    implausible: dict[str, int] | None = None  # role → rates above 1000 per 1000 (2000 for turnover)
    negative: dict[str, int] | None = None  # role → negative values (net figures such as growth)

    def has_warnings(self) -> bool:
        return bool(
            self.population_missing
            or self.small_population
            or any((self.placeholders or {}).values())
            or any((self.small_counts or {}).values())
            or any((self.implausible or {}).values())
            or any((self.negative or {}).values())
        )


def check_inputs(
    population: Sequence,
    indicators: Mapping[str, tuple[Sequence, int]],
    min_population: float = 300,
    suppress_below: float = 3,
) -> InputCheck:
    """Count what a planner should know before running: placeholders (``.``, ``-``, NULL …),
    areas below the minimum population, counts below the confidentiality threshold, impossible
    rates, negative values. ``indicators`` maps role → (values, unit code)."""
    pop, pop_problems = _numbers(population, COUNT)
    check = InputCheck(rows=len(pop), placeholders={}, small_counts={}, implausible={}, negative={})
    check.population_missing = int(sum(1 for p in pop_problems if p is not None))
    with np.errstate(invalid="ignore"):
        check.small_population = int(np.sum(np.isfinite(pop) & (pop < min_population)))
    for role, (values, unit) in indicators.items():
        numbers, problems = _numbers(values, COUNT if unit == UNIT_COUNT else RATE)
        check.placeholders[role] = int(sum(1 for p in problems if p is not None))
        with np.errstate(invalid="ignore"):
            check.negative[role] = int(np.sum(np.isfinite(numbers) & (numbers < 0)))
        if unit == UNIT_COUNT and suppress_below and suppress_below > 0:
            with np.errstate(invalid="ignore"):
                check.small_counts[role] = int(np.sum(np.isfinite(numbers) & (numbers > 0) & (numbers < suppress_below)))
        else:
            check.small_counts[role] = 0
        rate = to_per_1000(values, unit, population)
        with np.errstate(invalid="ignore"):
            # turnover (in + out moves) may exceed the population; everything else may not
            limit = 2000.0 if role == "turnover" else 1000.0
            check.implausible[role] = int(np.sum(np.isfinite(rate) & (rate > limit)))
    return check
