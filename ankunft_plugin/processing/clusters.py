"""The spatial-cluster option (local Getis-Ord Gi*), shared by the classification and the
monitoring algorithm: the same parameters, the same computation, the same fields."""

from __future__ import annotations

import numpy as np
from qgis.core import Qgis, QgsProcessingParameterBoolean, QgsProcessingParameterEnum, QgsProcessingParameterNumber
from qgis.PyQt.QtCore import QCoreApplication

from ..core.spatial import arrival_clusters
from .bridge import read_source, to_shapely, utm_crs_for

CLUSTERS = "CLUSTERS"
CLUSTER_VALUES = "CLUSTER_VALUES"
FDR_ALPHA = "FDR_ALPHA"
CONTIGUITY_TOLERANCE = "CONTIGUITY_TOLERANCE"
CLUSTER_FIELDS = [("gi_z", "double"), ("gi_p", "double"), ("cluster", "string")]



def add_cluster_parameters(alg, default_on: bool) -> None:
    """Add CLUSTERS, CLUSTER_VALUES, FDR_ALPHA and CONTIGUITY_TOLERANCE to ``alg``."""
    alg.add(
        QgsProcessingParameterBoolean(
            CLUSTERS, QCoreApplication.translate("AnkunftClusters", "Spatial clusters (Getis-Ord Gi*)"), defaultValue=default_on
        ),
        QCoreApplication.translate("AnkunftClusters", "Marks contiguous zones of high (hot) or low (cold) arrival scores: local Getis-Ord Gi* on the arrival score with queen contiguity (neighbours share a boundary point) and a false discovery rate correction. Single outliers do not become hot spots. Adds the fields gi_z, gi_p and cluster (hot/cold/none)."),
    )
    alg.add(
        QgsProcessingParameterEnum(
            CLUSTER_VALUES,
            QCoreApplication.translate("AnkunftClusters", "Clusters computed on"),
            options=[
                QCoreApplication.translate("AnkunftClusters", "ranks of the arrival score (robust)"),
                QCoreApplication.translate("AnkunftClusters", "the arrival score itself"),
            ],
            defaultValue=0,
        ),
        QCoreApplication.translate("AnkunftClusters", "Ranks (recommended): one area with an extreme score (e.g. a large shelter) cannot turn its neighbours into a hot spot on its own. The score itself: the classic Gi* on the values, sensitive to such outliers."),
        advanced=True,
    )
    alg.add(
        QgsProcessingParameterNumber(
            FDR_ALPHA, QCoreApplication.translate("AnkunftClusters", "False discovery rate (clusters)"),
            Qgis.ProcessingNumberParameterType.Double, defaultValue=0.05, minValue=0.0001, maxValue=0.5,
        ),
        QCoreApplication.translate("AnkunftClusters", "Benjamini-Hochberg false discovery rate: among the areas marked hot or cold, at most this share is expected to be marked by chance."),
        advanced=True,
    )
    alg.add(
        QgsProcessingParameterNumber(
            CONTIGUITY_TOLERANCE, QCoreApplication.translate("AnkunftClusters", "Neighbour tolerance (metres)"),
            Qgis.ProcessingNumberParameterType.Double, defaultValue=0.0, minValue=0.0, maxValue=1000.0,
        ),
        QCoreApplication.translate("AnkunftClusters", "0: areas are neighbours when they share a boundary vertex (as PySAL's queen contiguity; right for boundaries from one official data set). Above 0: areas whose boundaries come this close count as neighbours too (for boundaries with gaps or slivers)."),
        advanced=True,
    )


def cluster_settings(alg, parameters, context) -> dict:
    return {
        "on": alg.parameterAsBoolean(parameters, CLUSTERS, context),
        "robust": alg.parameterAsEnum(parameters, CLUSTER_VALUES, context) == 0,
        "fdr_alpha": alg.parameterAsDouble(parameters, FDR_ALPHA, context),
        "tolerance": alg.parameterAsDouble(parameters, CONTIGUITY_TOLERANCE, context),
    }


def compute_clusters(settings: dict, score, geometries, source, context, feedback):
    """Gi* z, p and cluster codes for ``score`` over ``geometries`` (QgsGeometry list of ``source``).

    With a tolerance the polygons are re-read in a metric CRS so that the tolerance is in metres."""
    if settings["tolerance"] > 0:
        metric = utm_crs_for(source.sourceCrs(), source.sourceExtent(), context)
        geometries = read_source(source, [], context, feedback, dest_crs=metric).geometries
    z, p, cluster, n_neighbours = arrival_clusters(
        score, to_shapely(geometries), fdr_alpha=settings["fdr_alpha"], robust=settings["robust"], tolerance=settings["tolerance"]
    )
    isolated = int(np.sum(n_neighbours == 0))
    if isolated:
        feedback.pushWarning(
            QCoreApplication.translate("AnkunftClusters", "{n} areas have no neighbour sharing a boundary point (islands, or boundaries with gaps: try a neighbour tolerance of a few metres).").format(n=isolated)
        )
    feedback.pushInfo(
        QCoreApplication.translate("AnkunftClusters", "Spatial clusters (Gi*, FDR {alpha}): {hot} hot, {cold} cold.").format(
            alpha=settings["fdr_alpha"], hot=int(np.sum(cluster == "hot")), cold=int(np.sum(cluster == "cold"))
        )
    )
    return z, p, cluster
