"""Shared pieces of the panel: constants, values as JSON, HTML escaping."""

from __future__ import annotations

from qgis.core import (
    QgsMapLayer,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
)

from ..core.workflow import CLASSIFY_FIELDS, STEP_INDEX, STEPS  # noqa: F401 - the steps, as the workflow model defines them

GROUP_NAME = "Ankunftsquartiere"  # the layer group (a German proper name in every language)
SCOPE = "ankunft"  # project settings scope
LOG_TAG = "Ankunft"
PREVIEW_ROWS = 8
CHECK_MAX_FEATURES = 200_000
RESULTS_SUFFIX = "_ankunft.gpkg"  # results of a saved project: <project name>_ankunft.gpkg beside it
RESULT_PROPERTY = "ankunft/result"  # custom property of a result layer: "<step>/<output>"

ROLE_PARAMS = CLASSIFY_FIELDS  # role -> (field parameter, unit parameter) of the classification (core/workflow.py)
DEFAULT_ROLES = ("population", "arrivals", "turnover", "diversity", "social")
MAPPED_PARAMS = frozenset({"INPUT", "ID_FIELD", "NAME_FIELD"} | {p for pair in ROLE_PARAMS.values() for p in pair if p})
LAYER_TYPES = ("source", "vector", "layer", "raster", "multilayer")
LAYER_DESTINATIONS = (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterRasterDestination,
)


def json_value(value):
    """A parameter value as something JSON can store (layers by id); None when it cannot."""
    if value is None:
        return None
    if isinstance(value, QgsMapLayer):
        return value.id()
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        return value.source.staticValue()
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        items = [json_value(v) for v in value]
        return [v for v in items if v is not None]
    return None


def html(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")



def tooltip(text: str) -> str:
    """A tooltip that wraps (rich text wraps at the tooltip's width; plain text runs off the screen)."""
    return "<p style='white-space:normal'>{}</p>".format(html(text)) if text else ""


def number(value, decimals: int = 0) -> str:
    """A number in the user's locale (German: 1.387 and 20,4); "–" for a missing value."""
    from qgis.PyQt.QtCore import QLocale

    if value is None or value != value:
        return "–"
    locale = QLocale(QLocale().name())  # with thousands separators (QGIS leaves them off by default)
    return locale.toString(float(value), "f", decimals) if decimals else locale.toString(round(float(value)))
