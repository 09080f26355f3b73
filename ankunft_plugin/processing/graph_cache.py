"""Session cache of walking graphs, keyed by the network layer's source and its last modification.

Building the graph (reading every line, noding, spatial index) is the slow part of a catchment run.
Running again with other points, bands or a different speed reuses the graph as long as the layer,
its file on disk (modification time and size), its filter, its feature count and extent, the
selection (when only selected features are used), the cost field, the target CRS and the node
tolerance are unchanged. Only the last few graphs are kept.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.network import WalkGraph, lines_from_wkb
from ..core.values import FACTOR
from .number_reading import read_field

MAX_GRAPHS = 3
_CACHE: OrderedDict = OrderedDict()


def _file_stamp(layer: QgsVectorLayer) -> tuple:
    try:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    except Exception:  # noqa: BLE001 - an unusual provider: no file stamp
        parts = {}
    path = parts.get("path") if isinstance(parts, dict) else None
    if path and os.path.exists(path):
        st = os.stat(path)
        stamps = [st.st_mtime_ns, st.st_size]
        for extra in ("-wal", "-shm"):  # GeoPackage write-ahead log
            if os.path.exists(path + extra):
                stamps.append(os.stat(path + extra).st_mtime_ns)
        return (path, *stamps)
    return ()


def layer_key(layer, parameter_value, extra: tuple = ()) -> str | None:
    """A key that changes whenever the layer's content may have changed; None when unknown.
    (Not the layer id: a file given as a path is loaded as a new layer on every run. A memory
    layer's source holds its own uid.)"""
    if layer is None or not isinstance(layer, QgsVectorLayer):
        return None
    selected = ""
    if isinstance(parameter_value, QgsProcessingFeatureSourceDefinition) and parameter_value.selectedFeaturesOnly:
        ids = sorted(layer.selectedFeatureIds())
        selected = hashlib.sha1(",".join(map(str, ids)).encode(), usedforsecurity=False).hexdigest()
    if layer.isEditable() and layer.isModified():
        return None  # uncommitted edits: never cache
    ext = layer.extent()
    parts = (
        layer.providerType(),
        layer.source(),
        layer.subsetString(),
        layer.featureCount(),
        "{:.3f},{:.3f},{:.3f},{:.3f}".format(ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()),
        _file_stamp(layer),
        selected,
        *extra,
    )
    return hashlib.sha1(repr(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def get(key):
    if key is None or key not in _CACHE:
        return None
    _CACHE.move_to_end(key)
    return _CACHE[key]


def put(key, value) -> None:
    if key is None:
        return
    _CACHE[key] = value
    _CACHE.move_to_end(key)
    while len(_CACHE) > MAX_GRAPHS:
        _CACHE.popitem(last=False)


def clear() -> None:
    _CACHE.clear()


def _find_layer(source, context):
    """The project layer behind a feature source, when it can be found unambiguously."""
    project = context.project() if context is not None else None
    if project is None:
        return None
    layers = [
        lyr
        for lyr in project.mapLayersByName(source.sourceName())
        if isinstance(lyr, QgsVectorLayer) and lyr.featureCount() == source.featureCount()
    ]
    return layers[0] if len(layers) == 1 else None


def read_lines(source, crs, context, feedback, cost_field: str = "", progress=(0.0, 10.0)):
    """Line coordinates (lists of (k, 2) arrays, transformed to ``crs`` by QGIS), the cost factors
    (NaN where missing), the feature ids and the number of null geometries, in one pass."""
    request = QgsFeatureRequest()
    if cost_field:
        request.setSubsetOfAttributes([cost_field], source.fields())
    else:
        request.setNoAttributes()
    if crs is not None and crs.isValid() and source.sourceCrs() != crs:
        request.setDestinationCrs(crs, context.transformContext())
    total = source.featureCount()
    step = (progress[1] - progress[0]) / total if total and total > 0 else 0.0
    blobs, fids, costs = [], [], []
    for i, feat in enumerate(source.getFeatures(request)):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(QCoreApplication.translate("AnkunftGraphCache", "Cancelled."))
        g = feat.geometry()
        blobs.append(None if g.isNull() or g.isEmpty() else bytes(g.asWkb()))
        fids.append(feat.id())
        if cost_field:
            costs.append(feat[cost_field])
        if feedback is not None and step and i % 2000 == 0:
            feedback.setProgress(progress[0] + i * step)
    lines = lines_from_wkb(blobs)
    nulls = sum(1 for x in lines if x is None)
    factors = None
    if cost_field:
        factors, _problems = read_field(costs, FACTOR, cost_field, feedback)
    return lines, factors, np.asarray(fids, dtype=np.int64), nulls


def get_graph(source, crs, context, feedback, cost_field: str = "", layer=None, parameter_value=None,
              node_tolerance: float = 0.01, progress=(0.0, 10.0)):
    """The walking graph of ``source`` in ``crs`` (metric): from the session cache when the layer is
    unchanged, else read and built (and cached). Raises a clear message when there are no lines."""
    if layer is None:
        layer = _find_layer(source, context)
    extra = (crs.authid() or crs.toWkt(), cost_field or "", float(node_tolerance), source.featureCount())
    key = layer_key(layer, parameter_value, extra)
    graph = get(key)
    if graph is not None:
        if feedback is not None:
            feedback.pushInfo(QCoreApplication.translate("AnkunftGraphCache", "Walking network '{layer}': using the graph built earlier in this session.").format(
                layer=source.sourceName()))
        return graph
    lines, factors, fids, nulls = read_lines(source, crs, context, feedback, cost_field, progress)
    if all(x is None for x in lines):
        raise QgsProcessingException(
            QCoreApplication.translate("AnkunftGraphCache", "The walking network '{layer}' has no line geometries ({n} features, {nulls} without geometry). Choose a line layer of streets and footpaths.").format(
                layer=source.sourceName(), n=len(lines), nulls=nulls)
        )
    missing = blocked = 0
    if factors is not None:
        missing = int(np.sum(np.isnan(factors)))
        blocked = int(np.sum(factors <= 0))
        factors = np.where(np.isnan(factors), 1.0, factors)  # no value: plain length
    graph = WalkGraph.from_lines(lines, factors=factors, node_tolerance=node_tolerance)
    graph.source_fids = fids
    graph.null_geometries = nulls
    graph.factor_missing = missing  # cost factor missing: counted with factor 1
    graph.factor_blocked = blocked  # factor <= 0: the line is not walkable
    put(key, graph)
    return graph
