"""Texts and key figures of the strategy map, in the map's language (German or English).

The map language is a parameter of ``ankunft:strategymap`` (German by default, whatever the UI
language), so these texts are kept here per language rather than in ``tr()``. No QGIS import: the
key-figure arithmetic and the confidentiality rule are unit-tested without QGIS.
"""

from __future__ import annotations

import numpy as np

from ..core import vocabulary

# the key-figure arithmetic lives in the core (tested without QGIS); re-exported for the layout
from ..core.strategy import KeyFigures, apply_coverage, key_figures, split_missing  # noqa: F401

LANGUAGES = ("de", "en")
ARRIVAL_CLASSES = vocabulary.ARRIVAL_CLASS_KEYS
CLASS_ORDER = vocabulary.CLASS_KEYS

# neutral defaults: the planner names the sources and the issuing office (the demo fills Berlin's)
DEFAULT_ATTRIBUTION = ""
DEFAULT_ISSUER = ""

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
        "kf_coverage_detail": "{pct} ({covered} von {total} EW)",
        "kf_not_measurable": "Nicht messbar (keine Netzdaten)",
        "not_measurable_value": "{names}: {people} EW – in der Erreichbarkeit nicht mitgezählt",
        "not_measurable_item": "ohne Straßen-/Wegedaten",
        "not_measurable_note": "Schraffiert grau: keine Straßen-/Wegedaten – Erreichbarkeit nicht messbar, nicht als „unerreicht“ gezählt",
        "kf_gaps": "Angebotslücken (nicht in {} Gehminuten erreichbar)",
        "gap_item": "{label}: in {n} von {of} Quartieren",
        "gap_more": "… und {n} weitere (Layer Infrastruktur)",
        "kf_no_data": "Keine Daten (keine Einrichtung im Eingang)",
        "kf_uncategorised": "Einrichtungen ohne Kategorie",
        "uncategorised_value": "{n} von {total} ({pct})",
        "sites_title": "Vorgeschlagene Standorte (Rang, Name, Art, zusätzlich erreicht)",
        "site_item": "{rank}. {name} ({kind}): +{people} EW",
        "site_unnamed": "ohne Namen",
        "no_sites": "keine auf dieser Seite",
        "totals_parts": "Summe {parts}: {total} EW.",
        "totals_only_parts": "Unterschied: {names} liegt außerhalb von {page}, gehört aber zu {where}.",
        "totals_only_here": "Nur auf dieser Seite gezählt: {names}.",
        "totals_rule": "Gebiete zählen auf der Seite, auf der ihr Mittelpunkt liegt.",
        "cut_counted": "{name} ({share} der Fläche auf der Seite) mitgezählt",
        "cut_not_counted": "{name} ({share} der Fläche auf der Seite) nicht mitgezählt",
        "dates": "Datenstand: {}",
        "dates_missing": "Datenstand: nicht angegeben",
        "issuer": "Herausgeber: {}",
        "issuer_missing": "Herausgeber: nicht angegeben",
        "attribution_missing": "Quellenangabe: nicht angegeben",
        "created": "Erstellt am {date} mit Ankunft {version} (QGIS {qgis})",
        "persons": "EW",
        "coverage_note_buildings": "Erreichbarkeit: Einwohner auf Gebäude verteilt, Fußwegenetz",
        "data": "Daten: {}",
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
        "kf_coverage_detail": "{pct} ({covered} of {total} residents)",
        "kf_not_measurable": "Not measurable (no network data)",
        "not_measurable_value": "{names}: {people} residents – left out of the coverage",
        "not_measurable_item": "no street/path data",
        "not_measurable_note": "Grey hatching: no street/path data – walking access cannot be measured, not counted as unreached",
        "kf_gaps": "Gaps in offers (not within {} minutes' walk)",
        "gap_item": "{label}: in {n} of {of} quarters",
        "gap_more": "… and {n} more (infrastructure layer)",
        "kf_no_data": "No data (no facility in the input)",
        "kf_uncategorised": "Facilities without a category",
        "uncategorised_value": "{n} of {total} ({pct})",
        "sites_title": "Suggested sites (rank, name, type, people newly reached)",
        "site_item": "{rank}. {name} ({kind}): +{people} residents",
        "site_unnamed": "unnamed",
        "no_sites": "none on this page",
        "totals_parts": "Sum of {parts}: {total} residents.",
        "totals_only_parts": "Difference: {names} lies outside {page} but belongs to {where}.",
        "totals_only_here": "Counted on this page only: {names}.",
        "totals_rule": "Areas count on the page where their centre point lies.",
        "cut_counted": "{name} ({share} of its area on the page) counted",
        "cut_not_counted": "{name} ({share} of its area on the page) not counted",
        "dates": "Data reference dates: {}",
        "dates_missing": "Data reference dates: not given",
        "issuer": "Issued by: {}",
        "issuer_missing": "Issued by: not given",
        "attribution_missing": "Sources: not given",
        "created": "Made on {date} with Ankunft {version} (QGIS {qgis})",
        "persons": "residents",
        "coverage_note_buildings": "coverage: residents placed on buildings, walking network",
        "data": "Data: {}",
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


def format_names(names, lang: str, limit: int = 4) -> str:
    names = [str(n) for n in names]
    if len(names) > limit:
        more = len(names) - limit
        return ", ".join(names[:limit]) + (" und {} weitere".format(more) if lang == "de" else " and {} more".format(more))
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + (" und " if lang == "de" else " and ") + names[-1]


def key_figure_rows(kf: KeyFigures, lang: str, minutes: int, labels: dict | None = None, names: list | None = None, max_gaps: int = 5) -> list[tuple[str, str, str]]:
    """(field, label, value) rows of the key-figure table; suppressed values print as '.'.

    ``labels``: category key → label; ``names``: names of the coverage areas (for the not-measurable row)."""
    labels = labels or {}
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
    rows.append(("t_population", text(lang, "kf_population"), count_text(kf.population, kf.has_quarters)))
    rows.append(("t_aq_share", text(lang, "kf_aq_share"), pct_text(kf.aq_share_pct, kf.aq_population, kf.has_classes and kf.has_quarters)))
    cov = pct_text(kf.covered_share_pct, kf.covered_population, kf.has_coverage and (kf.has_quarters or counted), base=kf.coverage_total if counted else None)
    if counted and np.isfinite(kf.covered_share_pct):
        cov = text(lang, "kf_coverage_detail").format(pct=cov, covered=format_int(kf.covered_population, lang), total=format_int(kf.coverage_total, lang))
    rows.append(("t_coverage", text(lang, "kf_coverage").format(minutes), cov))
    if kf.has_coverage:
        if kf.not_measurable_areas:
            who = format_names([names[i] for i in kf.not_measurable_areas] if names else [str(len(kf.not_measurable_areas))], lang)
            people = format_int(kf.not_measurable_population, lang) if np.isfinite(kf.not_measurable_population) else dot
            value = text(lang, "not_measurable_value").format(names=who, people=people)
        else:
            value = text(lang, "none_missing")
        rows.append(("t_not_measurable", text(lang, "kf_not_measurable"), value))
    if kf.has_missing:
        if kf.missing:
            shown = [text(lang, "gap_item").format(label=labels.get(k, k), n=n, of=kf.missing_of) for k, n in kf.missing[:max_gaps]]
            if len(kf.missing) > max_gaps:
                shown.append(text(lang, "gap_more").format(n=len(kf.missing) - max_gaps))
            value = "\n".join(shown)
        else:
            value = text(lang, "none_missing")
    else:
        value = na
    rows.append(("t_missing", text(lang, "kf_gaps").format(minutes), value))
    if kf.has_facilities:
        rows.append(("t_no_data", text(lang, "kf_no_data"), ", ".join(labels.get(k, k) for k in kf.no_data) if kf.no_data else text(lang, "none_missing")))
        pct = format_pct(100.0 * kf.uncategorised / kf.facilities, lang) if kf.facilities else "–"
        rows.append(("t_uncategorised", text(lang, "kf_uncategorised"), text(lang, "uncategorised_value").format(n=format_int(kf.uncategorised, lang), total=format_int(kf.facilities, lang), pct=pct)))
    return rows
