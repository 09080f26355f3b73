"""Styling of output layers: when Processing loads them into the project, and inside the file.

Processing calls a layer post-processor after loading an output layer; the instance must stay
alive until then, so it is kept in ``_KEEP`` (a known PyQGIS pitfall).

Every output also *carries* its look and its provenance: ``store_style_and_metadata`` writes the
style (renderer, legend labels, field aliases) as the layer's default style into the GeoPackage
(``layer_styles``) – or a ``.qml`` beside other files – and the layer metadata (what it is, method,
parameters, sources, plugin version, date) into ``gpkg_metadata`` (or a ``.qmd``). A file opened later
in a fresh project, without the plugin, looks the same and says what it is. The one output writer
(``processing/outputs.py``) calls ``style_finisher`` for every vector file before moving it into place.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from qgis.core import (
    Qgis,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
    QgsProperty,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime

from ..__about__ import RESOURCES_DIR, __version__
from ..core.vocabulary import OKABE_ITO, OUTLINE, field_alias, norm_lang

STYLE_DIR = RESOURCES_DIR / "styles"
_KEEP: list = []

# The palette lives in the vocabulary (core/vocabulary.py); re-exported for the algorithms.
__all__ = [
    "OKABE_ITO",
    "apply_aliases",
    "categorized_fill",
    "layer_metadata",
    "load_qml",
    "store_style_and_metadata",
    "style_finisher",
    "style_on_load",
]
STYLE_NAME = "ankunft"
# output file (normalised path) -> (apply, name, lang, metadata), for the writer's finisher
_PENDING: dict[str, tuple] = {}


class _Styler(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, apply: Callable, name: str | None = None, lang: str | None = None, metadata=None):
        super().__init__()
        self._apply = apply
        self._name = name
        self._lang = lang
        self._metadata = metadata

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is None or not layer.isValid():
            return
        if self._name:
            layer.setName(self._name)
        if self._apply is not None:
            self._apply(layer)
        if self._lang and isinstance(layer, QgsVectorLayer):
            apply_aliases(layer, self._lang)
        if self._metadata is not None:
            md = QgsLayerMetadata(self._metadata)
            md.setCrs(layer.crs())
            layer.setMetadata(md)
        layer.triggerRepaint()


def _file_key(dest) -> str:
    """An output destination as a normalised file path ('' for memory layers and URIs)."""
    if not isinstance(dest, str) or not dest:
        return ""
    head = dest.split("|")[0]
    if head.startswith(("memory:", "ogr:", "postgres", "dbname=")) or "://" in head:
        return ""
    return os.path.normcase(os.path.abspath(head))


def style_on_load(context, dest_id: str, apply: Callable, name: str | None = None, lang: str | None = None, metadata=None) -> None:
    """Register ``apply(layer)`` to run when Processing loads the output ``dest_id`` (and set the field
    aliases in ``lang`` and the layer ``metadata``), and remember all of it for the output writer,
    which stores it inside the output file (``style_finisher``)."""
    if not dest_id:
        return
    key = _file_key(dest_id)
    if key:
        _PENDING[key] = (apply, name, lang, metadata)
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    styler = _Styler(apply, name, lang, metadata)
    _KEEP.append(styler)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)


def apply_aliases(layer, lang: str) -> int:
    """German/English aliases (``core/vocabulary.FIELDS``) on Ankunft's fields of ``layer``; returns
    how many fields got one. Fields Ankunft does not make keep what they have."""
    n = 0
    for i, f in enumerate(layer.fields()):
        alias = field_alias(f.name(), lang)
        if alias:
            layer.setFieldAlias(i, alias)
            n += 1
    return n


# -- provenance -------------------------------------------------------------------------------------
_DESTINATIONS = (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
)


def _plain(value) -> str:
    """A parameter value as short text without local paths (file names only)."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        src = value.source().split("|")[0]
        return "{} ({})".format(value.name(), os.path.basename(src)) if os.path.isabs(src) else value.name()
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    text = "" if value is None else str(value)
    head, sep, tail = text.partition("|")
    if os.path.isabs(head):
        return os.path.basename(head) + (sep + tail if sep else "")
    return text


def _layer_text(value, context) -> str:
    """A layer parameter as "name (file)"; looks project layers up by id."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, str) and context is not None and context.project() is not None:
        layer = context.project().mapLayer(value)
        if layer is not None:
            value = layer
    return _plain(value)


def layer_metadata(alg, parameters, context, title: str, lang: str) -> QgsLayerMetadata:
    """What an output is and what it rests on: title, abstract (the algorithm and its purpose),
    the input layers (sources), every parameter value, plugin and QGIS version, creation date."""
    de = norm_lang(lang) == "de"
    parameters = parameters or {}
    md = QgsLayerMetadata()
    md.setIdentifier(alg.id() if alg is not None else "ankunft")
    md.setTitle(title or "")
    md.setType("dataset")
    md.setLanguage("de" if de else "en")
    sources, params = [], []
    if alg is not None:
        for p in alg.parameterDefinitions():
            if isinstance(p, _DESTINATIONS):
                continue
            value = parameters.get(p.name(), p.defaultValue())  # defaults count: they were used too
            if isinstance(value, QgsProcessingOutputLayerDefinition) or value is None or value == "":
                continue
            if p.type() in ("source", "vector", "raster", "layer", "multilayer", "mesh", "pointcloud"):
                sources.append("{}: {}".format(p.description(), _layer_text(value, context) if not isinstance(value, list) else ", ".join(_layer_text(v, context) for v in value)))
            else:
                params.append("{}={}".format(p.name(), _plain(value)))
    made = QDateTime.currentDateTime()
    head = "Erzeugt mit Ankunft {v} ({alg}), QGIS {q}, am {d}." if de else "Made with Ankunft {v} ({alg}), QGIS {q}, on {d}."
    history = head.format(v=__version__, alg=alg.id() if alg is not None else "", q=Qgis.version(), d=made.toString("yyyy-MM-dd HH:mm"))
    lines = []
    if alg is not None:
        lines.append("{}: {}".format(alg.displayName(), alg.shortDescription() or ""))
    lines.append(history)
    if sources:
        lines.append(("Datengrundlage: " if de else "Sources: ") + "; ".join(sources))
    if params:
        lines.append(("Parameter: " if de else "Parameters: ") + "; ".join(params))
    lines.append("Methode: siehe Hilfe des Algorithmus und docs/glossary.md." if de else "Method: see the algorithm's help and docs/glossary.md.")
    md.setAbstract("\n".join(lines))
    md.setHistory([history, *(("Parameter: " if de else "Parameters: ") + x for x in params)])
    md.setKeywords({"Ankunft": ["Ankunftsquartiere" if de else "arrival quarters", alg.id() if alg is not None else "ankunft"]})
    try:
        md.setDateTime(Qgis.MetadataDateType.Created, made)
    except AttributeError:  # QGIS < 3.30
        pass
    return md


def store_style_and_metadata(path: str, layername: str | None, apply: Callable | None, metadata, lang: str | None = None) -> bool:
    """Open the written vector file ``path`` (layer ``layername``), style it with ``apply(layer)``, set
    the aliases in ``lang`` and ``metadata``, and store style and metadata *in the file*: GeoPackage →
    default style in ``layer_styles`` and metadata in ``gpkg_metadata``; other formats → ``.qml`` and
    ``.qmd`` beside the file (QGIS loads both as the layer's defaults). True when both were stored."""
    uri = "{}|layername={}".format(path, layername) if layername else path
    layer = QgsVectorLayer(uri, layername or os.path.splitext(os.path.basename(path))[0], "ogr")
    if not layer.isValid():
        return False
    if apply is not None:
        apply(layer)
    if lang:
        apply_aliases(layer, lang)
    if metadata is not None:
        md = QgsLayerMetadata(metadata)
        md.setCrs(layer.crs())
        layer.setMetadata(md)
    if path.lower().endswith(".gpkg"):
        error = layer.saveStyleToDatabase(STYLE_NAME, (metadata.title() if metadata is not None else "") or STYLE_NAME, True, "")
        style_ok = not error
    else:
        _msg, style_ok = layer.saveDefaultStyle()
    meta_ok = True
    if metadata is not None:
        _msg, meta_ok = layer.saveDefaultMetadata()
    del layer
    return bool(style_ok and meta_ok)


def _only_layer(path: str) -> str | None:
    """The name of the single vector layer of a GeoPackage (None otherwise)."""
    try:
        from osgeo import ogr

        ds = ogr.Open(path)
        if ds is None:
            return None
        names = [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]
        ds = None
        return names[0] if len(names) == 1 else None
    except Exception:  # noqa: BLE001 - no layer name: let QGIS pick the first
        return None


def style_finisher(alg, key, path, context, feedback) -> None:
    """The output writer's hook (``processing/outputs.FINISHERS``): store the style the algorithm set
    up with ``style_on_load`` (or none), the aliases and the metadata in the written file ``path``."""
    apply, name, lang, metadata = _PENDING.pop(_file_key(path), (None, None, None, None))
    if lang is None:
        lang = getattr(alg, "_ankunft_lang", None)
    if metadata is None and alg is not None:
        session = getattr(alg, "outputs", None)
        parameters = getattr(session, "parameters", None) or getattr(alg, "_ankunft_parameters", {})
        out = alg.outputDefinition(key) if key else None
        title = name or (out.description() if out is not None else os.path.basename(path))
        metadata = layer_metadata(alg, parameters, context, title, lang or "en")
    layername = path.partition("|layername=")[2] or _only_layer(path.split("|")[0])
    store_style_and_metadata(path.split("|")[0], layername, apply, metadata, lang)


def finish_pending(alg, context, feedback) -> None:
    """Store style and metadata in the file outputs registered by ``style_on_load`` that the output
    writer did not finish (no writer hook, or outputs written in place)."""
    for key in list(_PENDING):
        if not os.path.exists(key) or not key.endswith((".gpkg", ".shp", ".geojson", ".sqlite", ".fgb")):
            _PENDING.pop(key, None)  # moved by the writer, a raster, or gone
            continue
        try:
            style_finisher(alg, None, key, context, feedback)
        except Exception as err:  # noqa: BLE001 - a style is not worth a failed run
            _PENDING.pop(key, None)
            if feedback is not None:
                feedback.pushWarning("{}: {}".format(os.path.basename(key), err))


def _register_finisher() -> None:
    """Hook into the one output writer when it exists (``processing/outputs.py``)."""
    try:
        from . import outputs
    except ImportError:
        return
    finishers = getattr(outputs, "FINISHERS", None)
    if finishers is not None and style_finisher not in finishers:
        finishers.append(style_finisher)


_register_finisher()


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
