"""Figures the panel measures before a run (QGIS side of core/workflow.py's checks): the walking
network's largest connected part, points off the network, the areas inside the network (study area).

Each measurement is cached per layer (id and feature count), so switching pages costs nothing."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingContext,
    QgsProject,
    QgsVectorLayer,
)

from ..core import workflow
from ..processing import graph_cache
from ..processing.bridge import utm_crs_for

MAX_CHECK_FEATURES = 100_000  # larger layers are not measured in the panel (the run reports them)
_CACHE: dict = {}


def layer_info(layer) -> workflow.LayerInfo | None:
    """What the workflow model needs to know of a project layer."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return None
    kind = {
        Qgis.GeometryType.Point: workflow.POINT,
        Qgis.GeometryType.Line: workflow.LINE,
        Qgis.GeometryType.Polygon: workflow.POLYGON,
    }.get(layer.geometryType())
    return workflow.LayerInfo(layer.id(), layer.name(), kind, tuple(f.name() for f in layer.fields()))


def _key(*layers) -> tuple:
    return tuple((lyr.id(), lyr.featureCount()) for lyr in layers)


def _metric_crs(network: QgsVectorLayer):
    crs = network.crs()
    if crs.isValid() and not crs.isGeographic():
        return crs
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return utm_crs_for(crs, network.extent(), context)


def network_graph(network: QgsVectorLayer):
    """(walking graph in a metric CRS, that CRS), or (None, None) for a layer too large to check here."""
    key = ("graph", *_key(network))
    if key in _CACHE:
        return _CACHE[key]
    if network.featureCount() > MAX_CHECK_FEATURES:
        return None, None
    crs = _metric_crs(network)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    lines, _f, _ids, _nulls = graph_cache.read_lines(network, crs, context, None)
    graph = None
    if any(x is not None for x in lines):
        from ..core.network import WalkGraph

        graph = WalkGraph.from_lines(lines)
    _CACHE[key] = (graph, crs)
    return graph, crs


def outside_share(network: QgsVectorLayer) -> float | None:
    """Share of the network's length outside its largest connected part (None: not measured)."""
    graph, _crs = network_graph(network)
    return None if graph is None else float(graph.summary()["outside_share"])


def points_off_network(points: list[QgsVectorLayer], network: QgsVectorLayer, max_snap: float) -> tuple[int, int]:
    """(points further than ``max_snap`` metres from the network, all points)."""
    graph, crs = network_graph(network)
    if graph is None:
        return 0, 0
    key = ("points", *_key(network, *points), float(max_snap))
    if key in _CACHE:
        return _CACHE[key]
    xy = []
    for layer in points:
        transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance().transformContext())
        request = QgsFeatureRequest().setNoAttributes()
        for feature in layer.getFeatures(request):
            geom = feature.geometry()
            if geom.isNull() or geom.isEmpty():
                continue
            point = transform.transform(geom.centroid().asPoint())
            xy.append((point.x(), point.y()))
    if not xy:
        _CACHE[key] = (0, 0)
        return 0, 0
    snap = graph.snap(np.asarray(xy, dtype=float), max_snap)
    result = (int((~np.asarray(snap.ok)).sum()), len(xy))
    _CACHE[key] = result
    return result


def network_hull(network: QgsVectorLayer, crs) -> QgsGeometry | None:
    """The convex hull of the network in ``crs``."""
    key = ("hull", *_key(network), crs.authid())
    if key in _CACHE:
        return _CACHE[key]
    transform = QgsCoordinateTransform(network.crs(), crs, QgsProject.instance().transformContext())
    points = []
    for feature in network.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geom = feature.geometry()
        if not geom.isNull() and not geom.isEmpty():
            points.extend(geom.vertices())
    hull = None
    if points:
        hull = QgsGeometry.fromMultiPointXY([transform.transform(p.x(), p.y()) for p in points]).convexHull()
    _CACHE[key] = hull
    return hull


def study_area(areas: QgsVectorLayer, network: QgsVectorLayer) -> tuple[list[int], int]:
    """(feature ids of the areas at least half inside the network's hull, number of areas)."""
    key = ("study", *_key(areas, network))
    if key in _CACHE:
        return _CACHE[key]
    if areas.featureCount() > MAX_CHECK_FEATURES or network.featureCount() > MAX_CHECK_FEATURES:
        return [], 0
    hull = network_hull(network, areas.crs())
    fids, shares = [], []
    for feature in areas.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geom = feature.geometry()
        fids.append(feature.id())
        if hull is None or geom.isNull() or geom.isEmpty() or geom.area() <= 0:
            shares.append(0.0)
            continue
        inside = geom.intersection(hull) if geom.intersects(hull) else None
        shares.append(inside.area() / geom.area() if inside is not None and not inside.isEmpty() else 0.0)
    result = ([fids[i] for i in workflow.study_area(shares)], len(fids))
    _CACHE[key] = result
    return result


def clear() -> None:
    _CACHE.clear()
