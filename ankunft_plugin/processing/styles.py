"""Styling of output layers when Processing loads them into the project.

Processing calls a layer post-processor after loading an output layer; the instance must stay
alive until then, so it is kept in ``_KEEP`` (a known PyQGIS pitfall).
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsProcessingLayerPostProcessorInterface

from ..__about__ import RESOURCES_DIR
from ..core.vocabulary import OKABE_ITO, OUTLINE

STYLE_DIR = RESOURCES_DIR / "styles"
_KEEP: list = []

# The palette lives in the vocabulary (core/vocabulary.py); re-exported for the algorithms.
__all__ = ["OKABE_ITO", "categorized_fill", "load_qml", "style_on_load"]


class _Styler(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, apply: Callable, name: str | None = None):
        super().__init__()
        self._apply = apply
        self._name = name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is None or not layer.isValid():
            return
        if self._name:
            layer.setName(self._name)
        self._apply(layer)
        layer.triggerRepaint()


def style_on_load(context, dest_id: str, apply: Callable, name: str | None = None) -> None:
    """Register ``apply(layer)`` to run when Processing loads the output ``dest_id``."""
    if not dest_id or not context.willLoadLayerOnCompletion(dest_id):
        return
    styler = _Styler(apply, name)
    _KEEP.append(styler)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)


def load_qml(layer, name: str) -> bool:
    """Apply ``resources/styles/<name>.qml``; False when the file is missing or invalid."""
    path = STYLE_DIR / "{}.qml".format(name)
    if not path.exists():
        return False
    _msg, ok = layer.loadNamedStyle(str(path))
    return bool(ok)


def categorized_fill(layer, field: str, keys, spec: dict, labels: dict, outline_width: str = "0.15") -> None:
    """A categorised fill renderer on ``field``: one category per key, colour and brush from
    ``spec[key]`` (``{"color": …, "style": …}``), legend text from ``labels`` (the key if missing)."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    categories = []
    for key in keys:
        symbol = QgsFillSymbol.createSimple(
            {"color": spec[key]["color"], "style": spec[key]["style"], "outline_color": OUTLINE, "outline_width": outline_width}
        )
        categories.append(QgsRendererCategory(key, symbol, labels.get(key, key)))
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
