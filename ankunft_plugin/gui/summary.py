"""The short summary the panel shows after each step, in the planner's language and number format:
classes with population shares (2), areas with gaps (3), population within each band (4), coverage
before → after with the optimality gap and the unreached demand (5), pages and the PDF (6)."""

from __future__ import annotations

from qgis.core import Qgis, QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core import vocabulary
from ..core.numbers import COUNT, read_column
from .common import number

CLASS_KEYS = vocabulary.CLASS_KEYS


def class_label(key: str) -> str:
    """The class name as the results name it (core/vocabulary.py)."""
    from ..i18n import ui_lang

    return vocabulary.label("class", key, ui_lang())


def _column(layer: QgsVectorLayer, name: str) -> list:
    index = layer.fields().lookupField(name)
    if index < 0:
        return []
    request = QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry).setSubsetOfAttributes([index])
    return [f.attribute(index) for f in layer.getFeatures(request)]


def classes(layer: QgsVectorLayer | None, population_field: str) -> str:
    if layer is None:
        return ""
    keys = [str(k) for k in _column(layer, "aq_class")]
    people = read_column(_column(layer, population_field), role=COUNT, name=population_field)[0] if population_field else None
    total = float(sum(p for p in people if p == p)) if people is not None else 0.0
    parts = []
    for key in CLASS_KEYS:
        n = keys.count(key)
        if people is not None and total > 0:
            share = sum(p for k, p in zip(keys, people) if k == key and p == p) / total * 100
            parts.append(QCoreApplication.translate("AnkunftDock", "{label}: {n} areas ({share} % of the population)").format(label=class_label(key), n=number(n), share=number(share, 1)))
        else:
            parts.append(QCoreApplication.translate("AnkunftDock", "{label}: {n} areas").format(label=class_label(key), n=number(n)))
    return "\n".join(parts)


def gaps(layer: QgsVectorLayer | None, results: dict) -> str:
    if layer is None:
        return ""
    missing = [str(v) for v in _column(layer, "eco_missing")]
    with_gaps = sum(1 for v in missing if v and v != "NULL")
    text = QCoreApplication.translate("AnkunftDock", "{n} of {total} areas have gaps in their offer within walking distance.").format(n=number(with_gaps), total=number(layer.featureCount()))
    if results.get("N_PRIORITY") is not None:
        text += " " + QCoreApplication.translate("AnkunftDock", "{n} areas are marked as priority.").format(n=number(results["N_PRIORITY"]))
    if results.get("N_FACILITIES") is not None:
        text += " " + QCoreApplication.translate("AnkunftDock", "{n} facilities counted.").format(n=number(results["N_FACILITIES"]))
    return text


def bands(layer: QgsVectorLayer | None) -> str:
    if layer is None:
        return ""
    minutes = read_column(_column(layer, "minutes"), role=None, name="minutes")[0]
    people = read_column(_column(layer, "population"), role=COUNT, name="population")[0]
    if not len(minutes) or not len(people):
        return QCoreApplication.translate("AnkunftDock", "{n} catchments.").format(n=number(layer.featureCount()))
    per_band: dict[float, float] = {}
    for m, p in zip(minutes, people):
        if m == m and p == p:
            per_band[m] = per_band.get(m, 0.0) + p
    if not per_band:
        return QCoreApplication.translate("AnkunftDock", "{n} catchments.").format(n=number(layer.featureCount()))
    lines = [QCoreApplication.translate("AnkunftDock", "Within {m} minutes: {p} inhabitants").format(m=number(m), p=number(p)) for m, p in sorted(per_band.items())]
    if len(per_band) < len(minutes):
        lines.append(QCoreApplication.translate("AnkunftDock", "(summed over the docking points; people reached by two points count twice)"))
    return "\n".join(lines)


def coverage(results: dict) -> str:
    before, after = results.get("COVERAGE_BEFORE_PCT"), results.get("COVERAGE_AFTER_PCT")
    text = QCoreApplication.translate("AnkunftDock", "Population reached: {before} % → {after} %.").format(before=number(before, 1), after=number(after, 1))
    gap = results.get("OPTIMALITY_GAP_PCT")
    if gap is not None:
        text += " " + QCoreApplication.translate("AnkunftDock", "Optimality gap: {gap} %.").format(gap=number(gap, 1))
    unsnapped = results.get("UNSNAPPED_DEMAND_PCT")
    if unsnapped is not None:
        text += " " + QCoreApplication.translate("AnkunftDock", "Not reachable on the network: {share} % of the demand.").format(share=number(unsnapped, 1))
    return text


def pages(results: dict) -> str:
    text = QCoreApplication.translate("AnkunftDock", "{n} map pages.").format(n=number(results.get("PAGES") or 0))
    pdf = results.get("OUTPUT_PDF")
    if pdf:
        text += " " + QCoreApplication.translate("AnkunftDock", "PDF: {path}").format(path=pdf)
    return text


def summary(key: str, results: dict, layers: dict, population_field: str) -> str:
    """The summary of a finished step (plain text; lines separated by newlines)."""
    main = layers.get("OUTPUT")
    if key == "classify":
        return classes(main, population_field)
    if key == "infrastructure":
        return gaps(main, results)
    if key == "catchments":
        return bands(main)
    if key == "docking":
        return coverage(results)
    if key == "strategy":
        return pages(results)
    return ""
