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
from qgis.PyQt.QtXml import QDomDocument

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


def _pending(owner) -> dict:
    """The outputs waiting for their style in the file: per running algorithm (``owner``), else global."""
    if owner is None:
        return _PENDING
    registry = getattr(owner, "_ankunft_pending", None)
    if registry is None:
        registry = {}
        owner._ankunft_pending = registry
    return registry


def style_on_load(context, dest_id: str, apply: Callable, name: str | None = None, lang: str | None = None, metadata=None, owner=None) -> None:
    """Register ``apply(layer)`` to run when Processing loads the output ``dest_id`` (and set the field
    aliases in ``lang`` and the layer ``metadata``), and remember all of it for the output writer,
    which stores it inside the output file (``style_finisher``)."""
    if not dest_id:
        return
    key = _file_key(dest_id)
    if key:
        _pending(owner)[key] = (apply, name, lang, metadata)
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
    """Store the style ``apply(layer)`` sets up (renderer, legend, labels) with the aliases in ``lang``
    as the *default style* of layer ``layername`` in the GeoPackage ``path`` (table ``layer_styles``, as
    QGIS writes it) and ``metadata`` as its layer metadata (``gpkg_metadata``, QGIS's format). Other
    formats: ``.qml``/``.qmd`` beside the file. True when stored.

    The file itself is never opened through QGIS's data provider (its connection pool keeps GeoPackages
    open in WAL mode, so the file would still change after the run): the style is built on a memory
    stand-in with the same fields and geometry type, and the rows are written with sqlite3, closed."""
    fields, geometry, layername, geom_column = _file_schema(path, layername)
    if fields is None:
        return False
    stand_in = QgsVectorLayer("{}?crs=EPSG:4326".format(geometry), layername or "layer", "memory")
    stand_in.dataProvider().addAttributes(list(fields))
    stand_in.updateFields()
    if apply is not None:
        apply(stand_in)
    if lang:
        apply_aliases(stand_in, lang)
    doc = QDomDocument("qgis")
    stand_in.exportNamedStyle(doc)
    qml = doc.toString()
    meta_xml = ""
    if metadata is not None:
        stand_in.setMetadata(QgsLayerMetadata(metadata))
        mdoc = QDomDocument("qgis")
        stand_in.exportNamedMetadata(mdoc, "")
        meta_xml = mdoc.toString()
    if not path.lower().endswith(".gpkg"):
        base = os.path.splitext(path)[0]
        with open(base + ".qml", "w", encoding="utf-8") as fh:
            fh.write(qml)
        if meta_xml:
            with open(base + ".qmd", "w", encoding="utf-8") as fh:
                fh.write(meta_xml)
        return True
    title = metadata.title() if metadata is not None else ""
    _write_gpkg_style(path, layername, geom_column, qml, title or STYLE_NAME)
    if meta_xml:
        _write_gpkg_metadata(path, layername, meta_xml)
    return True


def _file_schema(path: str, layername: str | None):
    """(QgsFields, memory geometry name, layer name, geometry column) of a vector file, read with OGR
    (read-only, closed again); (None, …) when it cannot be read."""
    from osgeo import ogr
    from qgis.core import QgsField, QgsFields
    from qgis.PyQt.QtCore import QMetaType

    ds = ogr.Open(path, 0)
    if ds is None:
        return None, "", layername, ""
    lyr = ds.GetLayerByName(layername) if layername else ds.GetLayer(0)
    if lyr is None:
        return None, "", layername, ""
    types = {
        ogr.OFTInteger: QMetaType.Type.Int,
        ogr.OFTInteger64: QMetaType.Type.LongLong,
        ogr.OFTReal: QMetaType.Type.Double,
        ogr.OFTDate: QMetaType.Type.QDate,
        ogr.OFTDateTime: QMetaType.Type.QDateTime,
    }
    fields = QgsFields()
    defn = lyr.GetLayerDefn()
    fid = lyr.GetFIDColumn()
    if fid:
        fields.append(QgsField(fid, QMetaType.Type.LongLong))
    for i in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(i)
        kind = QMetaType.Type.Bool if fd.GetSubType() == ogr.OFSTBoolean else types.get(fd.GetType(), QMetaType.Type.QString)
        fields.append(QgsField(fd.GetName(), kind))
    flat = ogr.GT_Flatten(lyr.GetGeomType())
    geometry = {ogr.wkbPoint: "MultiPoint", ogr.wkbMultiPoint: "MultiPoint", ogr.wkbLineString: "MultiLineString",
                ogr.wkbMultiLineString: "MultiLineString", ogr.wkbPolygon: "MultiPolygon", ogr.wkbMultiPolygon: "MultiPolygon"}.get(flat, "None")
    name, column = lyr.GetName(), lyr.GetGeometryColumn()
    lyr = None
    ds = None
    return fields, geometry, name, column


def _write_gpkg_style(path: str, layername: str, geom_column: str, qml: str, description: str) -> None:
    """The default style row of ``layername`` in ``layer_styles`` (created as QGIS creates it)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        cur = con.cursor()
        if not cur.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='layer_styles'").fetchone():
            cur.execute(
                'CREATE TABLE "layer_styles" ( "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "f_table_catalog" TEXT(256), '
                '"f_table_schema" TEXT(256), "f_table_name" TEXT(256), "f_geometry_column" TEXT(256), "styleName" TEXT(30), '
                '"styleQML" TEXT, "styleSLD" TEXT, "useAsDefault" BOOLEAN, "description" TEXT, "owner" TEXT(30), "ui" TEXT(30), '
                "\"update_time\" DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
            )
            cur.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                "VALUES ('layer_styles', 'attributes', 'layer_styles', '', strftime('%Y-%m-%dT%H:%M:%fZ','now'))"
            )
        cur.execute("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = ?", (layername,))
        cur.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, "
            "styleSLD, useAsDefault, description, owner, ui) VALUES ('', '', ?, ?, ?, ?, '', 1, ?, '', NULL)",
            (layername, geom_column or "", STYLE_NAME, qml, description),
        )
        con.commit()
    finally:
        con.close()


def _write_gpkg_metadata(path: str, layername: str, xml: str) -> None:
    """Layer metadata in QGIS's format in ``gpkg_metadata`` (the GeoPackage metadata extension)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        cur = con.cursor()
        cur.execute(
            "CREATE TABLE IF NOT EXISTS gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,md_scope TEXT NOT NULL "
            "DEFAULT 'dataset',md_standard_uri TEXT NOT NULL,mime_type TEXT NOT NULL DEFAULT 'text/xml',metadata TEXT NOT NULL DEFAULT '')"
        )
        cur.execute(
            "CREATE TABLE IF NOT EXISTS gpkg_metadata_reference (reference_scope TEXT NOT NULL,table_name TEXT,column_name TEXT,"
            "row_id_value INTEGER,timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),md_file_id INTEGER NOT NULL,"
            "md_parent_id INTEGER,CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),"
            "CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id))"
        )
        for table in ("gpkg_metadata", "gpkg_metadata_reference"):
            if not cur.execute("SELECT 1 FROM gpkg_extensions WHERE table_name = ? AND extension_name = 'gpkg_metadata'", (table,)).fetchone():
                cur.execute(
                    "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
                    "VALUES (?, NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec120/#extension_metadata', 'read-write')",
                    (table,),
                )
        old = [r[0] for r in cur.execute(
            "SELECT md_file_id FROM gpkg_metadata_reference WHERE reference_scope = 'table' AND table_name = ?", (layername,)
        )]
        for md_id in old:
            if cur.execute("SELECT md_standard_uri FROM gpkg_metadata WHERE id = ?", (md_id,)).fetchone() == ("http://mrcc.com/qgis.dtd",):
                cur.execute("DELETE FROM gpkg_metadata_reference WHERE md_file_id = ?", (md_id,))
                cur.execute("DELETE FROM gpkg_metadata WHERE id = ?", (md_id,))
        cur.execute(
            "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) VALUES ('dataset', 'http://mrcc.com/qgis.dtd', 'text/xml', ?)",
            (xml,),
        )
        cur.execute(
            "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES ('table', ?, ?)",
            (layername, cur.lastrowid),
        )
        con.commit()
    finally:
        con.close()


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
    key = _file_key(path)
    entry = _pending(alg).pop(key, None) if alg is not None else None
    apply, name, lang, metadata = entry or _PENDING.pop(key, (None, None, None, None))
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
    pending = _pending(alg)
    for key in list(pending):
        if not os.path.exists(key) or not key.endswith((".gpkg", ".shp", ".geojson", ".sqlite", ".fgb")):
            pending.pop(key, None)  # moved by the writer, a raster, or gone
            continue
        try:
            style_finisher(alg, None, key, context, feedback)
        except Exception as err:  # noqa: BLE001 - a style is not worth a failed run
            pending.pop(key, None)
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
