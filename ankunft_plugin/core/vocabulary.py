"""The one vocabulary of Ankunft: codes, German and English labels and colours of every concept
that appears in the panel, the toolbox, legends, result layers and the strategy map.

No QGIS import (the core rule). The core returns *codes* (class keys, reason codes, change
categories …); whatever shows a code to a person takes its label from here, in the language of the
output (``label(group, key, lang)``), so a headless run writes the same German as the panel and a
legend says the same as the map. ``docs/glossary.md`` is generated from this module
(``scripts/make_glossary.py``) and a test keeps both, and the German translations in
``i18n/ankunft_plugin_de.ts``, in step with it.

Colours: Okabe & Ito (2008) for categorical things (colour-blind safe); the walking-time bands
use a sequential yellow–green palette (ColorBrewer YlGn, colour-blind safe) that shares no colour
with the arrival classes.

Infrastructure categories are not listed here: their source of truth is the category scheme
``resources/categories/scheme.json`` (a user can choose another); ``category_terms()`` reads it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "en"


def norm_lang(lang) -> str:
    """``"de_DE"``, ``"German"``, ``"DE"`` → ``"de"``; everything that is not German → ``"en"``."""
    text = str(lang or "").strip().lower()
    if text.startswith(("de", "german", "deutsch")):
        return "de"
    return "en"


# -- colours --------------------------------------------------------------------------------------
# Colour-blind-safe palette (Okabe & Ito 2008) used across the plugin.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#BBBBBB",
}
NO_CLASS_FILL = "#F2F2F2"  # areas without a finding ("none", "stable_none")
OUTLINE = "#5A5A5A"

# Walking-time bands: ColorBrewer YlGn (sequential, colour-blind safe), darkest = shortest walk.
# None of these is a class colour (blue, orange, light grey, grey).
BAND_PALETTE = ("#006837", "#31A354", "#78C679", "#ADDD8E", "#D9F0A3", "#FFFFCC")
BEYOND_BANDS = "#BDBDBD"  # reached beyond the last band / not reached

# Infrastructure categories: Okabe-Ito without black (docking points), in scheme order; "other" grey.
CATEGORY_PALETTE = (
    OKABE_ITO["orange"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["reddish_purple"],
)
CATEGORY_SHAPES = ("circle", "square", "triangle", "diamond", "pentagon", "star")


def band_colours(n: int) -> list[str]:
    """``n`` colours for ``n`` walking-time bands, shortest first (darkest), spread over the
    sequential palette; more bands than colours repeat the lightest."""
    if n <= 0:
        return []
    k = len(BAND_PALETTE)
    if n == 1:
        return [BAND_PALETTE[1]]
    if n <= k:
        # spread evenly from the darkest to the second-lightest (the lightest is for the 6th band)
        top = k - 1 if n < k else k
        return [BAND_PALETTE[round(i * (top - 1) / (n - 1))] for i in range(n)]
    return list(BAND_PALETTE) + [BAND_PALETTE[-1]] * (n - k)


# -- terms ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    """One concept: code, English and German label, optional colour and brush, and a definition."""

    key: str
    en: str
    de: str
    colour: str = ""
    brush: str = "solid"  # QGIS fill style: solid, b_diagonal …
    define_en: str = ""
    define_de: str = ""

    def label(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.de if norm_lang(lang) == "de" else self.en

    def definition(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.define_de if norm_lang(lang) == "de" else self.define_en


CLASSES = (
    Term(
        "established",
        "Established arrival quarter",
        "Etabliertes Ankunftsquartier",
        OKABE_ITO["blue"],
        define_en="High arrivals (or turnover) and high diversity compared within the city: grown migrant networks.",
        define_de="Hoher Zuzug (oder hohe Fluktuation) und hohe Vielfalt im Vergleich innerhalb der Stadt: gewachsene Netzwerke.",
    ),
    Term(
        "emerging",
        "Emerging arrival quarter",
        "Neues Ankunftsquartier",
        OKABE_ITO["orange"],
        define_en="High arrivals compared within the city, but diversity below the threshold: few grown networks yet.",
        define_de="Hoher Zuzug im Vergleich innerhalb der Stadt, aber Vielfalt unter der Schwelle: noch wenig gewachsene Netzwerke.",
    ),
    Term(
        "none",
        "No arrival quarter",
        "Kein Ankunftsquartier",
        NO_CLASS_FILL,
        define_en="Enough data, but no high arrival signal.",
        define_de="Ausreichende Daten, aber kein hohes Ankunftssignal.",
    ),
    Term(
        "insufficient",
        "Insufficient data",
        "Datengrundlage unzureichend",
        OKABE_ITO["grey"],
        "b_diagonal",
        define_en="Too few inhabitants or a needed value missing; the reason says which.",
        define_de="Zu wenige Einwohnerinnen und Einwohner oder ein nötiger Wert fehlt; der Grund sagt, welcher.",
    ),
)
CLASS_KEYS = tuple(t.key for t in CLASSES)
ARRIVAL_CLASS_KEYS = ("established", "emerging")
VALID_CLASS_KEYS = ("established", "emerging", "none")

CHANGES = (
    Term(
        "newly_emerging",
        "Newly emerging arrival quarter",
        "Jetzt neues Ankunftsquartier",
        OKABE_ITO["vermillion"],
        define_en="No arrival quarter in the first year with data, emerging in the last.",
        define_de="Im ersten Jahr mit Daten kein Ankunftsquartier, im letzten ein neues.",
    ),
    Term(
        "newly_established",
        "Newly established arrival quarter",
        "Jetzt etabliertes Ankunftsquartier",
        OKABE_ITO["blue"],
        define_en="Not established in the first year with data, established in the last.",
        define_de="Im ersten Jahr mit Daten nicht etabliert, im letzten etabliert.",
    ),
    Term(
        "persistent",
        "Persistent arrival quarter",
        "Beständiges Ankunftsquartier",
        OKABE_ITO["sky_blue"],
        define_en="An arrival quarter in the first and in the last year with data.",
        define_de="Im ersten und im letzten Jahr mit Daten ein Ankunftsquartier.",
    ),
    Term(
        "fading",
        "No longer an arrival quarter",
        "Nicht mehr Ankunftsquartier",
        OKABE_ITO["yellow"],
        define_en="An arrival quarter in the first year with data, none in the last.",
        define_de="Im ersten Jahr mit Daten ein Ankunftsquartier, im letzten keines.",
    ),
    Term(
        "stable_none",
        "No arrival quarter (stable)",
        "Beständig kein Ankunftsquartier",
        NO_CLASS_FILL,
        define_en="No arrival quarter in the first and in the last year with data.",
        define_de="Im ersten und im letzten Jahr mit Daten kein Ankunftsquartier.",
    ),
    Term(
        "insufficient",
        "Insufficient data (fewer than two years)",
        "Datengrundlage unzureichend (weniger als zwei Jahre)",
        OKABE_ITO["grey"],
        "b_diagonal",
        define_en="Fewer than two years with a valid class.",
        define_de="Weniger als zwei Jahre mit gültiger Klasse.",
    ),
)
CHANGE_KEYS = tuple(t.key for t in CHANGES)

# Offer priority of the infrastructure overlay (eco_score against the threshold).
PRIORITIES = (
    Term(
        "first",
        "Arrival quarter: new offers needed first",
        "Ankunftsquartier: hier zuerst neue Angebote",
        OKABE_ITO["vermillion"],
        define_en="Arrival quarter with an offer score (eco_score) below the threshold.",
        define_de="Ankunftsquartier mit einem Angebotswert (eco_score) unter der Schwelle.",
    ),
    Term(
        "aq_served",
        "Arrival quarter: offer score at or above the threshold",
        "Ankunftsquartier: Angebotswert ab der Schwelle",
        OKABE_ITO["bluish_green"],
        define_en="Arrival quarter with an offer score at or above the threshold; categories can still be missing (see eco_missing).",
        define_de="Ankunftsquartier mit einem Angebotswert ab der Schwelle; einzelne Kategorien können trotzdem fehlen (siehe eco_missing).",
    ),
    Term(
        "gap",
        "Gaps in the offer",
        "Lücken im Angebot",
        OKABE_ITO["orange"],
        define_en="Offer score below the threshold (not an arrival quarter).",
        define_de="Angebotswert unter der Schwelle (kein Ankunftsquartier).",
    ),
    Term(
        "served",
        "Offer score at or above the threshold",
        "Angebotswert ab der Schwelle",
        OKABE_ITO["sky_blue"],
        define_en="Offer score at or above the threshold; categories can still be missing (see eco_missing).",
        define_de="Angebotswert ab der Schwelle; einzelne Kategorien können trotzdem fehlen (siehe eco_missing).",
    ),
    Term(
        "complete",
        "All categories within reach",
        "Alle Kategorien erreichbar",
        OKABE_ITO["bluish_green"],
        define_en="Every category of the offer score is within walking reach.",
        define_de="Jede Kategorie des Angebotswerts ist zu Fuß erreichbar.",
    ),
    Term(
        "insufficient",
        "Insufficient data",
        "Datengrundlage unzureichend",
        OKABE_ITO["grey"],
        "b_diagonal",
        define_en="No offer score (no population or no representative point).",
        define_de="Kein Angebotswert (keine Einwohner oder kein Wohnort-Punkt).",
    ),
)
PRIORITY_KEYS = ("first", "aq_served", "gap", "served", "insufficient")

# Local Getis-Ord Gi* clusters of the arrival score.
CLUSTERS = (
    Term(
        "hot",
        "Hot spot",
        "Hot Spot",
        OKABE_ITO["vermillion"],
        define_en="Significant cluster of high arrival scores.",
        define_de="Signifikante Häufung hoher Ankunftswerte.",
    ),
    Term(
        "cold",
        "Cold spot",
        "Cold Spot",
        OKABE_ITO["sky_blue"],
        define_en="Significant cluster of low arrival scores.",
        define_de="Signifikante Häufung niedriger Ankunftswerte.",
    ),
    Term("none", "No cluster", "Kein Cluster", NO_CLASS_FILL),
)

# How a point was attached to the walking network.
SNAP_STATUS = (
    Term("ok", "ok", "ok"),
    Term("too_far", "too far from the network", "zu weit vom Netz entfernt"),
    Term("no_geometry", "no geometry", "ohne Geometrie"),
    Term(
        "small_component",
        "on a small disconnected part of the network",
        "auf einem kleinen, abgetrennten Teil des Netzes",
    ),
)

INDICATORS = (
    Term(
        "arrivals",
        "arrivals",
        "Zuzüge",
        define_en="In-migration from abroad (or all in-migration) per 1000 inhabitants.",
        define_de="Zuzüge aus dem Ausland (oder alle Zuzüge) je 1000 Einwohnerinnen und Einwohner.",
    ),
    Term(
        "turnover",
        "turnover",
        "Fluktuation",
        define_en="Moves in plus moves out per 1000 inhabitants (MSS k11).",
        define_de="Zu- und Fortzüge je 1000 Einwohnerinnen und Einwohner (MSS k11).",
    ),
    Term(
        "diversity",
        "diversity",
        "Vielfalt",
        define_en="Residents with foreign nationality or migration background.",
        define_de="Einwohnerinnen und Einwohner mit ausländischer Staatsangehörigkeit oder Migrationshintergrund.",
    ),
    Term(
        "social",
        "social context",
        "sozialer Kontext",
        define_en="Context only (e.g. SGB II share); never changes a class.",
        define_de="Nur Kontext (z. B. SGB-II-Anteil); ändert nie eine Klasse.",
    ),
)

# Units of an input indicator; the code is the index (0 count, 1 percent, 2 per 1000) as in the algorithms.
UNITS = (
    Term("count", "count", "Anzahl"),
    Term("percent", "percent", "Prozent"),
    Term("per_1000", "per 1000 inhabitants", "je 1000 Einwohnerinnen und Einwohner"),
)
UNIT_CODES = {t.key: i for i, t in enumerate(UNITS)}

# Reason codes of the classification; templates take {indicator}, {value}, {n}.
REASONS = (
    Term("population_missing", "population missing ({value})", "Einwohnerzahl fehlt ({value})"),
    Term("population_zero", "population is 0", "Einwohnerzahl ist 0"),
    Term("population_negative", "population is negative", "Einwohnerzahl ist negativ"),
    Term("population_below_min", "fewer than {n} inhabitants", "weniger als {n} Einwohnerinnen und Einwohner"),
    Term("missing", "{indicator} missing ({value})", "{indicator} fehlt ({value})"),
    Term("high_arrivals", "high arrivals", "hohe Zuzüge"),
    Term("high_turnover", "high turnover", "hohe Fluktuation"),
    Term("high_diversity", "high diversity", "hohe Vielfalt"),
    Term("diversity_below_threshold", "diversity below the threshold", "Vielfalt unter der Schwelle"),
    Term("turnover_stands_in", "turnover stands in for arrivals", "Fluktuation statt Zuzügen"),
    Term("no_diversity_indicator", "no diversity indicator given", "kein Vielfalt-Indikator angegeben"),
    Term(
        "high_turnover_only",
        "high turnover only (not an arrival quarter on its own)",
        "nur hohe Fluktuation (allein kein Ankunftsquartier)",
    ),
    Term("high_diversity_only", "high diversity without high arrivals", "hohe Vielfalt ohne hohe Zuzüge"),
    Term("no_high_indicator", "no indicator high", "kein Indikator hoch"),
    # issue 14: growth / new building, diversity at the start of the period, duplicate ids
    Term("high_diversity_at_start", "high diversity at the start of the period", "hohe Vielfalt zu Beginn des Zeitraums"),
    Term(
        "diversity_at_start_below_threshold",
        "diversity at the start of the period below the threshold",
        "Vielfalt zu Beginn des Zeitraums unter der Schwelle",
    ),
    Term(
        "diversity_at_end_not_used",
        "diversity at the end of the period not used (strong growth; no diversity at the start given)",
        "Vielfalt am Ende des Zeitraums nicht verwendet (starker Zuwachs; keine Vielfalt zu Beginn angegeben)",
    ),
    Term(
        "strong_growth",
        "strong population growth (+{value} %), e.g. new housing – networks not shown",
        "starker Einwohnerzuwachs (+{value} %), z. B. Neubau – Netzwerke nicht belegt",
    ),
    Term(
        "strong_growth_new",
        "inhabitants where there were none at the start, e.g. new housing – networks not shown",
        "Einwohner, wo zu Beginn niemand wohnte, z. B. Neubau – Netzwerke nicht belegt",
    ),
    Term("duplicate_id", "id occurs more than once (counted once in the city reference)", "Kennung kommt mehrfach vor (im Stadtvergleich einmal gezählt)"),
)
REASON_CODES = tuple(t.key for t in REASONS)

# Concepts that have no code but must be named the same everywhere (panel, toolbox, legend, layers, map).
CONCEPTS = (
    Term(
        "arrival_quarter",
        "arrival quarter",
        "Ankunftsquartier",
        define_en="A quarter with the arrival function: high international in-migration and turnover compared within the city.",
        define_de="Quartier mit Ankunftsfunktion: hoher internationaler Zuzug und hohe Fluktuation im Vergleich innerhalb der Stadt.",
    ),
    Term(
        "area",
        "area",
        "Gebiet",
        define_en="One unit of the small-area statistics (block, planning area …).",
        define_de="Eine Einheit der kleinräumigen Statistik (Block, Planungsraum …).",
    ),
    Term(
        "layer",
        "layer",
        "Layer",
        define_en='A QGIS layer (German QGIS says "Layer", not "Ebene").',
        define_de="Ein QGIS-Layer (wie im deutschen QGIS: „Layer“, nicht „Ebene“).",
    ),
    Term(
        "docking_point",
        "docking point",
        "Andockstelle",
        define_en="A low-threshold offer reachable on foot and visible in passing (recommendation 4).",
        define_de="Niedrigschwelliges Angebot, zu Fuß erreichbar und im Vorbeigehen sichtbar (Empfehlung 4).",
    ),
    Term(
        "suggested_docking_point",
        "suggested docking point",
        "vorgeschlagene Andockstelle",
        define_en="A candidate site chosen by the siting algorithm; the rank says in which order.",
        define_de="Ein vom Standort-Algorithmus gewählter Kandidat; der Rang sagt die Reihenfolge.",
    ),
    Term(
        "walking_catchment",
        "walking catchment",
        "fußläufiger Einzugsbereich",
        define_en="What is reached on the walking network within a number of walking minutes.",
        define_de="Was im Fußwegenetz innerhalb einer Zahl von Gehminuten erreicht wird.",
    ),
    Term(
        "walking_minutes",
        "walking minutes",
        "Gehminuten",
        define_en="Network distance divided by the walking speed.",
        define_de="Netzdistanz geteilt durch die Gehgeschwindigkeit.",
    ),
    Term("walking_network", "walking network", "Fußwegenetz"),
    Term(
        "social_infrastructure",
        "social infrastructure",
        "soziale Infrastruktur",
        define_en="Facilities and offers of the arrival ecosystem, in categories.",
        define_de="Einrichtungen und Angebote des Ankunfts-Ökosystems, in Kategorien.",
    ),
    Term("facility", "facility", "Einrichtung"),
    Term(
        "category",
        "category",
        "Kategorie",
        define_en="A kind of offer of the category scheme (counselling, housing …).",
        define_de="Eine Angebotsart des Kategorienschemas (Beratung, Wohnen …).",
    ),
    Term(
        "ecosystem",
        "arrival ecosystem",
        "Ankunfts-Ökosystem",
        define_en="The interlocking formal and informal offers of a quarter (recommendation 5).",
        define_de="Die ineinandergreifenden formellen und informellen Angebote eines Quartiers (Empfehlung 5).",
    ),
    Term(
        "offer_score",
        "offer score (eco_score)",
        "Angebotswert (eco_score)",
        define_en="Share of the scored categories whose nearest facility half of the residents reach on foot within the limit.",
        define_de="Anteil der bewerteten Kategorien, deren nächste Einrichtung die Hälfte der Bewohner zu Fuß innerhalb der Grenze erreicht.",
    ),
    Term(
        "no_data",
        "no data",
        "keine Daten",
        define_en="A category with no facility in the whole input: a data gap, not an offer gap.",
        define_de="Eine Kategorie ohne Einrichtung in der gesamten Eingabe: eine Datenlücke, keine Angebotslücke.",
    ),
    Term(
        "not_measurable",
        "not measurable",
        "nicht messbar",
        define_en="Areas and people outside the walking network's extent or without buildings/streets; left out of coverage shares.",
        define_de="Gebiete und Menschen außerhalb des Fußwegenetzes oder ohne Gebäude/Straßen; nicht in den Abdeckungsanteilen.",
    ),
    Term(
        "coverage",
        "coverage",
        "Abdeckung",
        define_en="Share of the people that reach a docking point within the walking minutes.",
        define_de="Anteil der Menschen, die eine Andockstelle innerhalb der Gehminuten erreichen.",
    ),
    Term("population", "population", "Einwohnerinnen und Einwohner"),
    Term(
        "suppressed",
        "not published (confidentiality)",
        "nicht ausgewiesen (Geheimhaltung)",
        define_en="Counts of people above 0 and below the threshold (default 3) are blanked.",
        define_de="Personenzahlen über 0 und unter der Schwelle (Standard 3) werden geleert.",
    ),
    Term(
        "data_date",
        "data reference date",
        "Datenstand",
        define_en="The date the data describe (register, MSS, OSM extract), not the day the map was made.",
        define_de="Der Stichtag der Daten (Register, MSS, OSM-Auszug), nicht der Tag der Kartenerstellung.",
    ),
    Term(
        "z_value",
        "z-value",
        "z-Wert",
        define_en="Deviation from the city mean in standard deviations.",
        define_de="Abweichung vom städtischen Mittel in Standardabweichungen.",
    ),
)

# Phrases of output layers (legends, layer names) in the output language; templates take {m}.
PHRASES = (
    Term("layer_quarters", "Arrival quarters", "Ankunftsquartiere"),
    Term("layer_dynamics", "Arrival quarter dynamics", "Dynamik der Ankunftsquartiere"),
    Term("layer_transitions", "Class transitions", "Klassenübergänge"),
    Term("layer_infrastructure", "Infrastructure per quarter", "Infrastruktur je Quartier"),
    Term("layer_facilities", "Facilities and catchment population", "Einrichtungen und Einwohner im Einzugsbereich"),
    Term("layer_catchments", "Walking catchments", "Fußläufige Einzugsbereiche"),
    Term("layer_walk_minutes", "Walking minutes to the nearest docking point", "Gehminuten zur nächsten Andockstelle"),
    Term("layer_suggested", "Suggested docking points", "Vorgeschlagene Andockstellen"),
    Term("layer_network", "Walking network", "Fußwegenetz"),
    Term("min_walk", "{m} min walk", "{m} Gehminuten"),
    Term("up_to_min", "up to {m} min", "bis {m} Gehminuten"),
    Term("more_than_min", "more than {m} min", "mehr als {m} Gehminuten"),
    Term("rank_1", "Rank 1", "Rang 1"),
    Term("rank_2_3", "Ranks 2–3", "Ränge 2–3"),
    Term("rank_4_5", "Ranks 4–5", "Ränge 4–5"),
    Term("rank_6", "Ranks 6 and later", "Ränge 6 und später"),
    Term("network_main", "Connected network", "Zusammenhängendes Netz"),
    Term("network_other", "Disconnected parts", "Abgetrennte Teile"),
)


def phrase(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """An output phrase in ``lang`` with its placeholders filled (``phrase("min_walk", "de", m=10)``)."""
    text = label("phrase", key, lang)
    return text.format(**values) if values else text


GROUPS: dict[str, tuple[Term, ...]] = {
    "class": CLASSES,
    "change": CHANGES,
    "priority": PRIORITIES,
    "cluster": CLUSTERS,
    "snap": SNAP_STATUS,
    "indicator": INDICATORS,
    "unit": UNITS,
    "reason": REASONS,
    "concept": CONCEPTS,
    "phrase": PHRASES,
}
GROUP_TITLES = {
    "concept": ("Concepts", "Begriffe"),
    "class": ("Arrival classes (aq_class)", "Ankunftsklassen (aq_class)"),
    "reason": ("Reasons (aq_reason)", "Gründe (aq_reason)"),
    "indicator": ("Indicators", "Indikatoren"),
    "unit": ("Units", "Einheiten"),
    "change": ("Change categories of the dynamics (change)", "Veränderung (change)"),
    "priority": ("Offer priority (priority)", "Angebotsvorrang (priority)"),
    "cluster": ("Spatial clusters (cluster)", "Räumliche Cluster (cluster)"),
    "snap": ("Network attachment (snap_status)", "Netzanbindung (snap_status)"),
    "category": ("Infrastructure categories (category scheme)", "Infrastruktur-Kategorien (Kategorienschema)"),
    "field": ("Output fields", "Ausgabefelder"),
}


def term(group: str, key: str) -> Term | None:
    for t in GROUPS[group]:
        if t.key == key:
            return t
    return None


def label(group: str, key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label of ``key`` in ``group`` in ``lang``; the key itself when unknown."""
    t = term(group, key)
    return t.label(lang) if t is not None else str(key)


def labels(group: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Key → label of every term of ``group`` in ``lang`` (in the group's order)."""
    return {t.key: t.label(lang) for t in GROUPS[group]}


def colours(group: str) -> dict[str, dict[str, str]]:
    """Key → ``{"color": …, "style": …}`` (the form ``processing.styles.categorized_fill`` takes)."""
    return {t.key: {"color": t.colour or OKABE_ITO["grey"], "style": t.brush} for t in GROUPS[group]}


def reason_label(code: str, lang: str = DEFAULT_LANGUAGE, min_population: float | None = None) -> str:
    """One reason code of ``core.classify`` as text (``missing:<indicator>:<value>`` and
    ``population_missing:<problem>`` carry details)."""
    head, _, rest = str(code).partition(":")
    t = term("reason", head)
    if t is None:
        return str(code)
    if head == "missing":
        name, _, value = rest.partition(":")
        return t.label(lang).format(indicator=label("indicator", name, lang), value=value)
    if head in ("population_missing", "strong_growth"):
        return t.label(lang).format(value=rest)
    if head == "population_below_min":
        n = "{:g}".format(min_population) if min_population is not None else "?"
        return t.label(lang).format(n=n)
    return t.label(lang)


def reasons_text(codes, lang: str = DEFAULT_LANGUAGE, min_population: float | None = None) -> str:
    """Reason codes of one area as one text, joined with ``; ``."""
    return "; ".join(reason_label(c, lang, min_population) for c in codes)


# -- infrastructure categories (source of truth: the scheme file) ----------------------------------
_PLUGIN_DIR = Path(__file__).resolve().parents[1]
BUILTIN_SCHEME = next(
    (
        base / "resources" / "categories" / "scheme.json"
        for base in (_PLUGIN_DIR, _PLUGIN_DIR.parent)
        if (base / "resources" / "categories" / "scheme.json").exists()
    ),
    _PLUGIN_DIR.parent / "resources" / "categories" / "scheme.json",
)
OTHER_CATEGORY = "other"


def category_terms(path=None) -> tuple[Term, ...]:
    """The categories of a scheme file (the built-in one by default) as terms with colours
    (scheme order; ``other`` grey). Empty when the file cannot be read."""
    try:
        data = json.loads(Path(path or BUILTIN_SCHEME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    out, i = [], 0
    for cat in data.get("categories", []):
        key = cat.get("key")
        if not key:
            continue
        if key == OTHER_CATEGORY:
            colour = OKABE_ITO["grey"]
        else:
            colour = CATEGORY_PALETTE[i % len(CATEGORY_PALETTE)]
            i += 1
        en = cat.get("label_en") or key
        out.append(
            Term(
                key,
                en,
                cat.get("label_de") or en,
                colour,
                define_en=cat.get("description_en", ""),
                define_de=cat.get("description_de", ""),
            )
        )
    return tuple(out)


def category_fields(path=None) -> dict[str, str]:
    """Short field code (``cns``, ``hous`` …) → category key, from the scheme file."""
    try:
        data = json.loads(Path(path or BUILTIN_SCHEME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {c["field"]: c["key"] for c in data.get("categories", []) if c.get("field") and c.get("key")}


def category_label(code_or_key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Label of a built-in category by key or short field code (``hous`` → "Wohnen")."""
    key = category_fields().get(code_or_key, code_or_key)
    return category_labels(lang).get(key, code_or_key)


def category_labels(lang: str = DEFAULT_LANGUAGE, path=None) -> dict[str, str]:
    """Category key → label in ``lang`` from the scheme file."""
    return {t.key: t.label(lang) for t in category_terms(path)}


def category_colour(index: int, key: str = "") -> str:
    """Colour of the ``index``-th category of a scheme (``other`` grey)."""
    if key == OTHER_CATEGORY:
        return OKABE_ITO["grey"]
    return CATEGORY_PALETTE[index % len(CATEGORY_PALETTE)]


# -- output fields: aliases (German/English) and rounding ---------------------------------------
@dataclass(frozen=True)
class FieldTerm:
    """An output field (exact name or regular expression): aliases in both languages (templates take
    the groups of the pattern as {0}, {1} …, and {label} = the label of the first group in ``group``)
    and the decimals it is written with (0 = a whole number, e.g. people; None = as computed)."""

    pattern: str
    en: str
    de: str
    decimals: int | None = None
    group: str = ""

    def alias(self, name: str, lang: str = DEFAULT_LANGUAGE) -> str:
        m = re.fullmatch(self.pattern, name)
        parts = m.groups() if m else ()
        extra = {}
        if self.group and parts:
            text = category_label(parts[0], lang) if self.group == "category_field" else label(self.group, parts[0], lang)
            extra["label"] = text[:1].upper() + text[1:]
        # band names use "_" for the decimal point (pop_7_5 = 7.5 minutes)
        decimal = "," if norm_lang(lang) == "de" else "."
        parts = tuple(p.replace("_", decimal) if re.fullmatch(r"\d+_\d+", p or "") else p for p in parts)
        return (self.de if norm_lang(lang) == "de" else self.en).format(*parts, **extra)


_IND = "(arrivals|turnover|diversity|social)"
FIELDS = (
    # classification
    FieldTerm("aq_class", "Arrival class (code)", "Ankunftsklasse (Code)"),
    FieldTerm("aq_label", "Arrival class", "Ankunftsklasse"),
    FieldTerm("aq_score", "Arrival intensity (mean z-value)", "Ankunftsintensität (mittlerer z-Wert)", 2),
    FieldTerm("aq_reason", "Reason", "Begründung"),
    FieldTerm("aq_flag", "Notes (new_build, duplicate_id)", "Hinweise (new_build = Neubau, duplicate_id = doppelte ID)"),
    FieldTerm("aq_growth", "Population growth (%)", "Bevölkerungswachstum (%)", 2),
    FieldTerm("aq_stability", "Share of settings as arrival quarter", "Anteil der Einstellungen als Ankunftsquartier"),
    FieldTerm("aq_stab_class", "Share of settings with this class", "Anteil der Einstellungen mit dieser Klasse"),
    FieldTerm("aq_robust", "Robustness (robust / borderline)", "Robustheit (robust / borderline = grenzwertig)"),
    FieldTerm("rate_" + _IND, "{label}: rate per 1000 inhabitants", "{label}: Rate je 1000 Einwohnerinnen und Einwohner", 1, "indicator"),
    FieldTerm("z_" + _IND, "{label}: z-value", "{label}: z-Wert", 2, "indicator"),
    FieldTerm("gi_z", "Gi* z-value", "Gi*-z-Wert", 2),
    FieldTerm("gi_p", "Gi* p-value", "Gi*-p-Wert", 4),
    FieldTerm("cluster", "Spatial cluster", "Räumliches Cluster"),
    # dynamics
    FieldTerm(r"aq_class_(\d{4})", "Arrival class {0} (code)", "Ankunftsklasse {0} (Code)"),
    FieldTerm(r"aq_score_(\d{4})", "Arrival intensity {0}", "Ankunftsintensität {0}", 2),
    FieldTerm("trend", "Trend of the arrival intensity per year", "Trend der Ankunftsintensität je Jahr", 3),
    FieldTerm("trend_n", "Years in the trend", "Jahre im Trend", 0),
    FieldTerm("change", "Change (code)", "Veränderung (Code)"),
    FieldTerm("change_label", "Change", "Veränderung"),
    FieldTerm("aq_years", "Years as arrival quarter", "Jahre als Ankunftsquartier", 0),
    FieldTerm("years_present", "Years with data", "Jahre mit Daten", 0),
    FieldTerm("years_missing", "Years missing", "Fehlende Jahre"),
    FieldTerm("period", "Period", "Zeitraum"),
    FieldTerm("year_from", "From year", "Von Jahr"),
    FieldTerm("year_to", "To year", "Bis Jahr"),
    FieldTerm("from_class", "From class (code)", "Von Klasse (Code)"),
    FieldTerm("to_class", "To class (code)", "Zu Klasse (Code)"),
    FieldTerm("from_label", "From class", "Von Klasse"),
    FieldTerm("to_label", "To class", "Zu Klasse"),
    FieldTerm("count", "Number of areas", "Anzahl Gebiete", 0),
    FieldTerm("share", "Share of the row", "Anteil der Zeile", 3),
    # infrastructure
    FieldTerm(r"n_([a-z]{2,5})", "{label}: facilities", "{label}: Einrichtungen", 0, "category_field"),
    FieldTerm(r"p1k_([a-z]{2,5})", "{label}: facilities per 1000 inhabitants", "{label}: Einrichtungen je 1000 Einwohnerinnen und Einwohner", 3, "category_field"),
    FieldTerm(r"min_([a-z]{2,5})", "{label}: walking minutes to the nearest", "{label}: Gehminuten zur nächsten", 2, "category_field"),
    FieldTerm("eco_score", "Offer score (share of categories within reach)", "Angebotswert (Anteil erreichbarer Kategorien)", 4),
    FieldTerm("eco_missing", "Categories out of reach", "Nicht erreichbare Kategorien"),
    FieldTerm("eco_miss_k", "Categories out of reach (codes)", "Nicht erreichbare Kategorien (Codes)"),
    FieldTerm("lang_match", "Share of needed languages offered", "Anteil angebotener benötigter Sprachen", 4),
    FieldTerm("lang_miss", "Languages not offered", "Nicht angebotene Sprachen"),
    FieldTerm("priority", "Offer priority (code)", "Angebotsvorrang (Code)"),
    FieldTerm("prio_label", "Offer priority", "Angebotsvorrang"),
    FieldTerm("prio_rank", "Priority rank", "Rang im Vorrang", 0),
    FieldTerm("rep_method", "Where residents are placed", "Verortung der Einwohner"),
    FieldTerm("dist_method", "Distance method", "Distanzverfahren"),
    FieldTerm("fac_layer", "Source layer", "Herkunfts-Layer"),
    FieldTerm("fac_fid", "Feature id in the source layer", "Objekt-ID im Herkunfts-Layer"),
    FieldTerm("fac_name", "Name", "Name"),
    FieldTerm("category", "Category (code)", "Kategorie (Code)"),
    FieldTerm("cat_label", "Category", "Kategorie"),
    FieldTerm("cat_source", "Category assigned by", "Kategorie zugeordnet über"),
    FieldTerm("cat_token", "Unassigned tag or name", "Nicht zugeordnetes Merkmal"),
    FieldTerm("area_id", "Area", "Gebiet"),
    FieldTerm("pop_reach", "Inhabitants within walking reach", "Einwohner im Einzugsbereich", 0),
    FieldTerm("arr_reach", "Arrivals within walking reach", "Zuzüge im Einzugsbereich", 0),
    FieldTerm("aq_pop_reach", "Inhabitants of arrival quarters within walking reach", "Einwohner von Ankunftsquartieren im Einzugsbereich", 0),
    FieldTerm("languages", "Languages offered", "Angebotene Sprachen"),
    FieldTerm("snap_ok", "On the walking network", "Am Fußwegenetz"),
    FieldTerm("reach_min", "Walking limit (minutes)", "Gehzeitgrenze (Minuten)", 1),
    # walking catchments
    FieldTerm("point_id", "Docking point", "Andockstelle"),
    FieldTerm("minutes", "Walking minutes", "Gehminuten", 1),
    FieldTerm("reach_m", "Network length reached (m)", "Erreichte Netzlänge (m)"),
    FieldTerm("area_m2", "Area (m²)", "Fläche (m²)"),
    FieldTerm("population", "Inhabitants", "Einwohnerinnen und Einwohner", 0),
    FieldTerm("snap_status", "Network attachment", "Netzanbindung"),
    FieldTerm("snap_dist_m", "Distance to the network (m)", "Abstand zum Netz (m)"),
    FieldTerm("walk_min", "Walking minutes to the nearest docking point", "Gehminuten zur nächsten Andockstelle", 2),
    FieldTerm("nearest_id", "Nearest docking point", "Nächste Andockstelle"),
    FieldTerm("pop_total", "Inhabitants", "Einwohnerinnen und Einwohner", 0),
    FieldTerm(r"pop_(\d+(?:_\d+)?)", "Inhabitants within {0} min", "Einwohner innerhalb {0} Gehminuten", 0),
    # siting
    FieldTerm("rank", "Rank", "Rang", 0),
    FieldTerm("added_weight", "People newly reached", "Neu erreichte Menschen", 0),
    FieldTerm("cum_coverage_pct", "Coverage after this site (%)", "Abdeckung nach diesem Standort (%)"),
    FieldTerm("visibility", "Visibility", "Sichtbarkeit", 2),
    # walking network
    FieldTerm("source_fid", "Feature id in the source layer", "Objekt-ID im Herkunfts-Layer"),
    FieldTerm("length_m", "Length (m)", "Länge (m)"),
    FieldTerm("component", "Network part (0 = largest)", "Netzteil (0 = größter)"),
)
_FIELD_RE = [(re.compile(f.pattern), f) for f in FIELDS]


def field_term(name: str) -> FieldTerm | None:
    """The registry entry of an output field name, or None for fields Ankunft does not make."""
    for rx, f in _FIELD_RE:
        if rx.fullmatch(name):
            return f
    return None


def field_alias(name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The alias of an output field in ``lang`` ("" for fields Ankunft does not make)."""
    f = field_term(name)
    return f.alias(name, lang) if f is not None else ""


def field_decimals(name: str) -> int | None:
    """Decimals an output field is written with (0 = whole number; None = as computed / not ours)."""
    f = field_term(name)
    return f.decimals if f is not None else None


def round_value(value, decimals: int | None):
    """``value`` rounded to ``decimals`` (an int for 0); NaN/None/non-numbers unchanged."""
    if decimals is None or value is None or isinstance(value, bool):
        return value
    try:
        v = float(value)
    except (TypeError, ValueError):
        return value
    if v != v or v in (float("inf"), float("-inf")):
        return value
    return round(v) if decimals == 0 else round(v, decimals)


# -- glossary --------------------------------------------------------------------------------------
def glossary_markdown() -> str:
    """``docs/glossary.md``: every term in English and German (generated; do not edit by hand)."""
    lines = [
        "# Glossary / Glossar",
        "",
        "<!-- Generated from ankunft_plugin/core/vocabulary.py by scripts/make_glossary.py; do not edit by hand. -->",
        "",
        "One term per concept, the same in the panel, the Processing toolbox, legends, result layers and the",
        'strategy map. German follows the German QGIS ("Layer", not "Ebene"). Output values are written in',
        "the language chosen by the algorithms' output-language parameter.",
        "",
    ]
    sections = [
        (g, GROUPS[g])
        for g in ("concept", "class", "reason", "indicator", "unit", "change", "priority", "cluster", "snap")
    ]
    sections.append(("category", category_terms()))
    for group, terms in sections:
        en_title, de_title = GROUP_TITLES[group]
        lines += [
            "## {} / {}".format(en_title, de_title),
            "",
            "| Code | English | Deutsch | Definition |",
            "|---|---|---|---|",
        ]
        for t in terms:
            define = " / ".join(x for x in (t.define_en, t.define_de) if x)
            lines.append("| `{}` | {} | {} | {} |".format(t.key, t.en, t.de, define.replace("|", "\\|")))
        lines.append("")
    return "\n".join(lines)
