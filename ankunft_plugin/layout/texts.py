"""Texts and key figures of the strategy map, in the map's language (German or English).

The map language is a parameter of ``ankunft:strategymap`` (German by default, whatever the UI
language), so these texts are kept here per language rather than in ``tr()``. No QGIS import: the
key-figure arithmetic and the confidentiality rule are unit-tested without QGIS.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..core import vocabulary
from ..core.confidentiality import DEFAULT_THRESHOLD, small_count_mask

LANGUAGES = ("de", "en")
ARRIVAL_CLASSES = vocabulary.ARRIVAL_CLASS_KEYS
CLASS_ORDER = vocabulary.CLASS_KEYS

DEFAULT_ATTRIBUTION = (
    "© OpenStreetMap contributors (ODbL); Amt für Statistik Berlin-Brandenburg; "
    "Senatsverwaltung für Stadtentwicklung und Wohnen Berlin (Monitoring Soziale Stadtentwicklung)"
)

TEXTS = {
    "de": {
        "default_title": "Strategiekarte Ankunftsquartiere",
        "whole_area": "Gesamtgebiet",
        "quarters": "Ankunftsquartiere",
        **vocabulary.labels("class", "de"),  # established, emerging, none, insufficient
        "catchments": "Fußläufige Einzugsbereiche",
        "minutes": "bis {} Gehminuten",
        "docking": "Andockstellen (bestehend)",
        "facilities": "Soziale Infrastruktur",
        "suggested": "Vorgeschlagene Andockstellen (Zahl = Rang)",
        "priority": "Vorrang: fehlende Angebote",
        "priority_item": "Ankunftsquartier mit Angebotslücken",
        "legend": "Legende",
        "kf_title": "Kennzahlen",
        "kf_population": "Einwohnerinnen und Einwohner",
        "kf_aq_share": "Anteil in Ankunftsquartieren",
        "kf_coverage": "In {} Gehminuten zu einer Andockstelle",
        "kf_missing": "Fehlende Angebotskategorien",
        "kf_areas": "Gebiete",
        "none_missing": "keine",
        "not_available": "k. A.",
        "suppressed_note": "„.“ = nicht ausgewiesen (Fallzahl unter {}, Datenschutz)",
        "coverage_note": "Einzugsbereiche flächenanteilig auf die Gebiete umgelegt",
        "coverage_note_buildings": "Erreichbarkeit: Einwohner auf Gebäude verteilt, Fußwegenetz",
        "data": "Daten: {}",
        "made": "Stand: {date} · erstellt mit Ankunft {version} (QGIS)",
        "suppressed": ".",
        "page_of": "Seite [% @atlas_featurenumber %] von [% @atlas_totalfeatures %]",
    },
    "en": {
        "default_title": "Arrival quarters strategy map",
        "whole_area": "Whole area",
        "quarters": "Arrival quarters",
        **vocabulary.labels("class", "en"),
        "catchments": "Walking catchments",
        "minutes": "within {} minutes' walk",
        "docking": "Docking points (existing)",
        "facilities": "Social infrastructure",
        "suggested": "Suggested docking points (number = rank)",
        "priority": "Priority: missing offers",
        "priority_item": "Arrival quarter with gaps in offers",
        "legend": "Legend",
        "kf_title": "Key figures",
        "kf_population": "Population",
        "kf_aq_share": "Share in arrival quarters",
        "kf_coverage": "Within {} minutes' walk of a docking point",
        "kf_missing": "Missing categories",
        "kf_areas": "areas",
        "none_missing": "none",
        "not_available": "n/a",
        "suppressed_note": "“.” = not published (count below {}, confidentiality)",
        "coverage_note": "catchments apportioned to areas by area share",
        "coverage_note_buildings": "coverage: residents placed on buildings, walking network",
        "data": "Data: {}",
        "made": "Date: {date} · made with Ankunft {version} (QGIS)",
        "suppressed": ".",
        "page_of": "Page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]",
    },
}


def text(lang: str, key: str) -> str:
    return TEXTS.get(lang, TEXTS["de"]).get(key, TEXTS["en"].get(key, key))


def format_int(value: float, lang: str) -> str:
    """12345 → '12.345' (de) / '12,345' (en)."""
    s = "{:,}".format(round(value))
    return s.replace(",", ".") if lang == "de" else s


def format_pct(value: float, lang: str) -> str:
    """37.4 → '37 %' (de, with a thin space as German typesetting wants) / '37%' (en)."""
    v = round(value)
    return "{}\u202f%".format(v) if lang == "de" else "{}%".format(v)


@dataclass
class KeyFigures:
    """The key figures of one map page. Counts are NaN where they must not be published."""

    population: float = math.nan
    aq_population: float = math.nan
    aq_share_pct: float = math.nan
    covered_population: float = math.nan
    covered_share_pct: float = math.nan
    areas: int = 0
    missing_of: int = 0  # areas with a known offer (denominator of the missing counts)
    missing: list = field(default_factory=list)  # [(label, number of areas lacking it)]
    has_quarters: bool = False
    has_classes: bool = False
    has_coverage: bool = False
    has_missing: bool = False
    coverage_total: float = math.nan  # set when coverage comes from counted people (apply_coverage)
    suppressed_any: bool = False


def _publish(count: float, threshold: float) -> float:
    if not np.isfinite(count):
        return math.nan
    return math.nan if bool(small_count_mask([count], threshold)[0]) else float(count)


def key_figures(
    population,
    classes=None,
    covered_fraction=None,
    missing_lists=None,
    threshold: float = DEFAULT_THRESHOLD,
) -> KeyFigures:
    """Key figures of the areas on one page.

    ``population`` per area (NaN where unknown or already suppressed), ``classes`` (aq_class codes),
    ``covered_fraction`` (0…1 share of each area within the walking limit), ``missing_lists``
    (per area the list of missing category labels). Counts ``0 < n < threshold`` and every share
    derived from them become NaN: they are never printed."""
    pop = np.asarray(population, dtype=float)
    kf = KeyFigures(areas=len(pop))
    if len(pop) == 0:
        return kf
    known = np.isfinite(pop)
    total = float(pop[known].sum()) if known.any() else math.nan
    kf.has_quarters = True
    kf.population = _publish(total, threshold)
    if classes is not None:
        kf.has_classes = True
        cls = np.asarray([str(c) if c is not None else "" for c in classes])
        in_aq = np.isin(cls, ARRIVAL_CLASSES) & known
        aq = float(pop[in_aq].sum())
        kf.aq_population = _publish(aq, threshold)
        if np.isfinite(kf.aq_population) and np.isfinite(kf.population) and total > 0:
            kf.aq_share_pct = 100.0 * aq / total
    if covered_fraction is not None:
        kf.has_coverage = True
        frac = np.clip(np.nan_to_num(np.asarray(covered_fraction, dtype=float), nan=0.0), 0.0, 1.0)
        covered = float(np.round((pop[known] * frac[known]).sum()))
        kf.covered_population = _publish(covered, threshold)
        if np.isfinite(kf.covered_population) and np.isfinite(kf.population) and total > 0:
            kf.covered_share_pct = 100.0 * covered / total
    if missing_lists is not None:
        kf.has_missing = True
        kf.missing_of = len(missing_lists)
        counts: dict[str, int] = {}
        for items in missing_lists:
            for item in items or ():
                counts[item] = counts.get(item, 0) + 1
        kf.missing = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    kf.suppressed_any = any(
        (np.isnan(v) and ok)
        for v, ok in (
            (kf.population, np.isfinite(total)),
            (kf.aq_population, classes is not None),
            (kf.covered_population, covered_fraction is not None),
        )
    )
    return kf


def apply_coverage(kf: KeyFigures, covered: float, total: float, threshold: float = DEFAULT_THRESHOLD) -> KeyFigures:
    """Coverage from counted population (e.g. ``pop_10`` of the walking-catchment areas, people placed
    on buildings) instead of area shares: ``covered`` of ``total`` people. Small counts are suppressed."""
    kf.has_coverage = True
    kf.covered_population = _publish(float(covered), threshold)
    pub_total = _publish(float(total), threshold)
    kf.coverage_total = pub_total
    if np.isfinite(kf.covered_population) and np.isfinite(pub_total) and total > 0:
        kf.covered_share_pct = 100.0 * float(covered) / float(total)
    else:
        kf.covered_share_pct = math.nan
    return kf


def split_missing(value) -> list[str]:
    """``eco_missing`` text ('Housing, Work' or 'housing;work') as a list; empty/NULL → []."""
    if value is None:
        return []
    s = str(value).strip()
    if not s or s.upper() == "NULL":
        return []
    sep = ";" if ";" in s else ("|" if "|" in s else ",")
    return [p.strip() for p in s.split(sep) if p.strip()]


def key_figure_rows(kf: KeyFigures, lang: str, minutes: int, max_missing: int = 4) -> list[tuple[str, str]]:
    """(label, value) rows for the key-figure table; suppressed values print as '.'."""
    dot = text(lang, "suppressed")
    na = text(lang, "not_available")
    rows = []

    def count_text(v, available):
        if not available:
            return na
        return format_int(v, lang) if np.isfinite(v) else dot

    def pct_text(v, count, available, base=None):
        if not available:
            return na
        base = kf.population if base is None else base
        if not (np.isfinite(count) and np.isfinite(base) and np.isfinite(v)):
            return dot  # German statistics: "." = unknown or confidential
        return format_pct(v, lang)

    counted = bool(np.isfinite(kf.coverage_total))
    rows.append((text(lang, "kf_population"), count_text(kf.population, kf.has_quarters)))
    rows.append((text(lang, "kf_aq_share"), pct_text(kf.aq_share_pct, kf.aq_population, kf.has_classes and kf.has_quarters)))
    rows.append((text(lang, "kf_coverage").format(minutes), pct_text(
        kf.covered_share_pct,
        kf.covered_population,
        kf.has_coverage and (kf.has_quarters or counted),
        base=kf.coverage_total if counted else None,
    )))
    if kf.has_missing:
        if kf.missing:
            shown = ["{} ({}/{})".format(label, n, kf.missing_of) for label, n in kf.missing[:max_missing]]
            if len(kf.missing) > max_missing:
                shown.append("…")
            value = "; ".join(shown)
        else:
            value = text(lang, "none_missing")
    else:
        value = na
    rows.append((text(lang, "kf_missing"), value))
    return rows
