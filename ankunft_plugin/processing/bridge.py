"""The one place where data crosses between QGIS and the numpy/shapely core, in bulk.

Algorithms read a feature source once (``read_source``), hand arrays to the core, and write the
results back through ``new_fields``/``write_rows``. NaN becomes NULL on the way out.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QMetaType

from ..core.vocabulary import field_decimals, round_value

FIELD_TYPES = {
    "double": QMetaType.Type.Double,
    "int": QMetaType.Type.Int,
    "long": QMetaType.Type.LongLong,
    "string": QMetaType.Type.QString,
    "bool": QMetaType.Type.Bool,
}


@dataclass
class LayerData:
    """What an algorithm needs of a layer, read in one pass."""

    fids: np.ndarray
    attributes: dict[str, list] = field(default_factory=dict)
    geometries: list = field(default_factory=list)  # QgsGeometry, in the requested CRS
    features: list = field(default_factory=list)  # full QgsFeature objects (when keep_features)
    crs: QgsCoordinateReferenceSystem | None = None
    null_geometries: int = 0

    def __len__(self) -> int:
        return len(self.fids)


def require_field(source, name: str, layer_label: str) -> int:
    """Index of a field, or a message that names the layer and the field and says what to do."""
    if not name:
        return -1
    idx = source.fields().lookupField(name)
    if idx < 0:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "AnkunftBridge", "Layer '{layer}' has no field '{field}'. Choose one of its fields: {fields}."
            ).format(
                layer=layer_label, field=name, fields=", ".join(source.fields().names()[:30])
            )
        )
    return idx


def read_source(
    source,
    field_names=(),
    context=None,
    feedback=None,
    dest_crs: QgsCoordinateReferenceSystem | None = None,
    with_geometry: bool = True,
    keep_features: bool = False,
    progress: tuple[float, float] = (0.0, 0.0),
) -> LayerData:
    """Read a Processing feature source once: ids, the named attributes, geometries (optionally
    transformed to ``dest_crs``). Cancelling stops the read and raises."""
    names = [n for n in field_names if n]
    for n in names:
        require_field(source, n, source.sourceName())
    request = QgsFeatureRequest()
    if not keep_features:
        request.setSubsetOfAttributes(names, source.fields())
    if not with_geometry:
        request.setFlags(Qgis.FeatureRequestFlag.NoGeometry)
    transform = None
    if with_geometry and dest_crs is not None and dest_crs.isValid() and source.sourceCrs() != dest_crs:
        tc = context.transformContext() if context is not None else QgsProject.instance().transformContext()
        transform = QgsCoordinateTransform(source.sourceCrs(), dest_crs, tc)
    total = source.featureCount()
    step = (progress[1] - progress[0]) / total if total and total > 0 else 0.0
    fids: list[int] = []
    attrs: dict[str, list] = {n: [] for n in names}
    geoms: list = []
    feats: list = []
    nulls = 0
    for i, feat in enumerate(source.getFeatures(request)):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(QCoreApplication.translate("AnkunftBridge", "Cancelled."))
        fids.append(feat.id())
        for n in names:
            attrs[n].append(feat[n])
        if with_geometry:
            g = QgsGeometry(feat.geometry())
            if g.isNull() or g.isEmpty():
                nulls += 1
            elif transform is not None:
                g.transform(transform)
            geoms.append(g)
        if keep_features:
            feats.append(QgsFeature(feat))
        if feedback is not None and step and i % 500 == 0:
            feedback.setProgress(progress[0] + i * step)
    return LayerData(
        fids=np.asarray(fids, dtype=np.int64),
        attributes=attrs,
        geometries=geoms,
        features=feats,
        crs=dest_crs if transform is not None else source.sourceCrs(),
        null_geometries=nulls,
    )


def to_shapely(geometries):
    """QgsGeometry list to shapely geometries (None for null/empty). Works on shapely 1.8 and 2."""
    from shapely import wkb as _wkb

    out = []
    for g in geometries:
        if g is None or g.isNull() or g.isEmpty():
            out.append(None)
        else:
            out.append(_wkb.loads(bytes(g.asWkb())))
    return out


def transformed(geometries, src_crs, dst_crs, context) -> list:
    """Copies of ``geometries`` (QgsGeometry) in ``dst_crs``; the inputs are left as they are."""
    tr = QgsCoordinateTransform(src_crs, dst_crs, context.transformContext()) if src_crs != dst_crs else None
    out = []
    for g in geometries:
        g2 = QgsGeometry(g)
        if tr is not None and not g2.isNull():
            g2.transform(tr)
        out.append(g2)
    return out


def from_shapely(geom) -> QgsGeometry:
    """A shapely geometry as QgsGeometry (empty geometry for None)."""
    if geom is None:
        return QgsGeometry()
    g = QgsGeometry()
    g.fromWkb(geom.wkb)
    return g


def point_xy(geometries) -> np.ndarray:
    """(n, 2) coordinates: the point itself, a point on the surface for lines/polygons, NaN for null."""
    xy = np.full((len(geometries), 2), np.nan)
    for i, g in enumerate(geometries):
        if g is None or g.isNull() or g.isEmpty():
            continue
        p = g.asPoint() if g.type() == 0 and not g.isMultipart() else g.pointOnSurface().asPoint()
        xy[i] = (p.x(), p.y())
    return xy


def utm_crs_for(source_crs, extent, context=None) -> QgsCoordinateReferenceSystem:
    """A metric CRS: the source's own if projected, else the WGS 84 / UTM zone of the extent's centre.
    A missing (invalid) CRS is taken as WGS 84 (EPSG:4326)."""
    if source_crs is None or not source_crs.isValid():
        source_crs = QgsCoordinateReferenceSystem("EPSG:4326")
    if not source_crs.isGeographic():
        return source_crs
    centre = extent.center()
    if source_crs.authid() != "EPSG:4326":
        tc = context.transformContext() if context is not None else QgsProject.instance().transformContext()
        tr4326 = QgsCoordinateTransform(source_crs, QgsCoordinateReferenceSystem("EPSG:4326"), tc)
        centre = tr4326.transform(centre)
    lon, lat = centre.x(), centre.y()
    zone = math.floor((lon + 180.0) / 6.0) % 60 + 1
    epsg = (32600 if lat >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem("EPSG:{}".format(epsg))


def network_crs(network, context, feedback=None, check_degrees: bool = True):
    """(the network's CRS, the metric CRS to analyse it in: ``utm_crs_for``). A missing CRS is
    reported and taken as WGS 84; with ``check_degrees`` a layer in a metric CRS that is only a few
    units wide (its coordinates are degrees) is refused with a message saying what to do."""
    src = network.sourceCrs()
    name = network.sourceName()
    if not src.isValid():
        if feedback is not None:
            feedback.reportError(
                QCoreApplication.translate("AnkunftBridge", "Layer '{layer}' has no CRS; WGS 84 (EPSG:4326) is assumed.").format(layer=name)
            )
        src = QgsCoordinateReferenceSystem("EPSG:4326")
    ext = network.sourceExtent()
    if check_degrees and not src.isGeographic() and network.featureCount() > 1 and ext.width() < 2.0 and ext.height() < 2.0:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "AnkunftBridge", "The network '{layer}' is only {w:.3g} × {h:.3g} units wide in {crs}: its coordinates look like degrees in a metric CRS. Set the layer's CRS to EPSG:4326 (Layer properties → Source) and run again."
            ).format(layer=name, w=ext.width(), h=ext.height(), crs=src.authid())
        )
    return src, utm_crs_for(src, ext, context)


def new_fields(base: QgsFields | None, spec) -> QgsFields:
    """Fields of ``base`` plus ``spec`` = [(name, kind), …] with kind in FIELD_TYPES.
    A name already in ``base`` is replaced by the new definition (never two fields of one name)."""
    fields = QgsFields()
    added = {name for name, _ in spec}
    if base is not None:
        for f in base:
            if f.name() not in added:
                fields.append(f)
    for name, kind in spec:
        if kind == "double" and field_decimals(name) == 0:
            kind = "long"  # people and other counts are whole numbers (core/vocabulary.FIELDS)
        if kind == "string":
            fields.append(QgsField(name, FIELD_TYPES[kind], "string", 254))
        else:
            fields.append(QgsField(name, FIELD_TYPES[kind]))
    return fields


def py_value(value):
    """numpy scalar → plain Python, NaN/None → None (NULL in the output)."""
    if value is None:
        return None
    if isinstance(value, (np.floating, float)):
        f = float(value)
        return None if math.isnan(f) else f
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def local_path_to_name(value):
    """An absolute path of this machine (``/home/…/stops.gpkg|layername=stops``) → the file name
    (``stops.gpkg|layername=stops``): result layers carry no local paths. Other values unchanged."""
    if not isinstance(value, str) or len(value) < 2:
        return value
    head, sep, tail = value.partition("|")
    if not (head.startswith("/") or re.match(r"^[A-Za-z]:[\\/]", head) or head.startswith("\\\\")):
        return value
    if not (os.path.exists(head) or os.path.isdir(os.path.dirname(head))):
        return value
    name = os.path.basename(head.rstrip("/\\")) or head
    return name + (sep + tail if sep else "")


def write_rows(sink, fields: QgsFields, rows, geometries, feedback=None, progress=(0.0, 0.0)) -> int:
    """Write rows (lists of values in ``fields`` order) with geometries in bulk. Values of Ankunft's
    own fields are rounded as the vocabulary says (z-values 2 decimals, people whole numbers …;
    ``core/vocabulary.FIELDS``); absolute local paths in text values become file names."""
    n = len(rows)
    decimals = [field_decimals(f.name()) for f in fields]
    texts = [f.type() == QMetaType.Type.QString for f in fields]
    rounding = any(d is not None for d in decimals)
    step = (progress[1] - progress[0]) / n if n else 0.0
    batch: list[QgsFeature] = []
    for i, (row, geom) in enumerate(zip(rows, geometries)):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(QCoreApplication.translate("AnkunftBridge", "Cancelled."))
        f = QgsFeature(fields)
        if geom is not None:
            f.setGeometry(geom)
        if rounding or any(texts):
            row = [
                local_path_to_name(v) if is_text else round_value(v, d) if d is not None else v
                for v, d, is_text in zip(row, decimals, texts)
            ]
        f.setAttributes([py_value(v) for v in row])
        batch.append(f)
        if len(batch) >= 2000:
            sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
            batch = []
        if feedback is not None and step and i % 500 == 0:
            feedback.setProgress(progress[0] + i * step)
    if batch:
        sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
    return n
