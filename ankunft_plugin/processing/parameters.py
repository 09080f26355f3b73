"""Parameters shared by several algorithms, defined once: one key, type, range, default and help each.

Every algorithm that asks for the walking network, the walking speed, the snap distance, the
confidentiality threshold … adds it through the function here (``add_speed(self)``), so the same
question has the same key, limits and help everywhere, and the German of it is translated once
(context ``AnkunftParameters``). The walking graph is loaded and reported through ``load_walk_graph``.

Keys (stable; models, the panel and scripts use them):
``NETWORK``, ``SPEED_KMH``, ``COST_FIELD``, ``MAX_SNAP_DISTANCE`` (``MAX_SNAP`` is still read where it was the key),
``SUPPRESS_BELOW``.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.confidentiality import DEFAULT_THRESHOLD

CTX = "AnkunftParameters"

NETWORK = "NETWORK"
SPEED_KMH = "SPEED_KMH"
MAX_SNAP_DISTANCE = "MAX_SNAP_DISTANCE"
LEGACY_MAX_SNAP = "MAX_SNAP"  # the key of 'Suggest docking points' up to 0.x; still read
SUPPRESS_BELOW = "SUPPRESS_BELOW"
COST_FIELD = "COST_FIELD"

SPEED_DEFAULT, SPEED_MIN, SPEED_MAX = 4.5, 0.5, 20.0
SNAP_DEFAULT = 200.0


def add_network(alg, key: str = NETWORK, optional: bool = False, help_string: str = ""):
    """The walking network (lines). ``help_string`` adds what this algorithm does with it."""
    label = QCoreApplication.translate("AnkunftParameters", "Walking network (lines, optional)") if optional else QCoreApplication.translate("AnkunftParameters", "Walking network")
    base = QCoreApplication.translate("AnkunftParameters", "Streets and footpaths people walk on (best the output of 'Prepare walking network'). Lines are connected where they share a vertex and are walkable in both directions. A geographic layer is projected to its UTM zone. The graph is kept for the session: a second run on the same network is fast.")
    if optional:
        base = "{} {}".format(base, QCoreApplication.translate("AnkunftParameters", "Without it, straight-line distances are used (and the output says so)."))
    return alg.add(
        QgsProcessingParameterFeatureSource(key, label, [Qgis.ProcessingSourceType.VectorLine], optional=optional),
        "{} {}".format(base, help_string).strip(),
    )


def add_speed(alg, key: str = SPEED_KMH, advanced: bool = False):
    """Walking speed in km/h: 4.5 by default, 0.5 to 20."""
    return alg.add(
        QgsProcessingParameterNumber(
            key, QCoreApplication.translate("AnkunftParameters", "Walking speed (km/h)"), Qgis.ProcessingNumberParameterType.Double,
            defaultValue=SPEED_DEFAULT, minValue=SPEED_MIN, maxValue=SPEED_MAX,
        ),
        QCoreApplication.translate("AnkunftParameters", "Converts metres into minutes. 4.5 km/h is a common planning value; use about 3 km/h for older people or with small children."),
        advanced=advanced,
    )


def add_cost_field(alg, key: str = COST_FIELD, parent: str = NETWORK):
    """Optional numeric field of the network: a factor per line that multiplies its length (advanced)."""
    return alg.add(
        QgsProcessingParameterField(
            key, QCoreApplication.translate("AnkunftParameters", "Cost factor field (network)"),
            parentLayerParameterName=parent, type=Qgis.ProcessingFieldParameterDataType.Numeric, optional=True),
        QCoreApplication.translate("AnkunftParameters", "Optional factor per line that multiplies its length, e.g. 1.3 for a steep path or a long wait at a crossing. Empty values count as 1; 0 or less makes the line impassable."),
        advanced=True,
    )


def add_snap_distance(alg, key: str = MAX_SNAP_DISTANCE, advanced: bool = False):
    """How far a point may lie from the network and still be connected to it (m)."""
    return alg.add(
        QgsProcessingParameterNumber(
            key, QCoreApplication.translate("AnkunftParameters", "Maximum distance to the network (m)"), Qgis.ProcessingNumberParameterType.Double,
            defaultValue=SNAP_DEFAULT, minValue=0.0,
        ),
        QCoreApplication.translate("AnkunftParameters", "Points farther than this from the walking network are not connected to it: they are listed in the log and flagged in the output, never dropped silently. The straight distance to the network counts as walking."),
        advanced=advanced,
    )


def snap_distance(alg, parameters, context, key: str = MAX_SNAP_DISTANCE) -> float:
    """The snap distance; a run (model, script) that still passes the old key ``MAX_SNAP`` keeps working."""
    if key not in parameters and LEGACY_MAX_SNAP in parameters:
        key = LEGACY_MAX_SNAP
        value = parameters[key]
        try:
            return float(value)
        except (TypeError, ValueError):
            return SNAP_DEFAULT
    return alg.parameterAsDouble(parameters, key, context)


def add_suppress_below(alg, key: str = SUPPRESS_BELOW, advanced: bool = True):
    """Statistical confidentiality: one Integer, default 3, 0 switches it off."""
    return alg.add(
        QgsProcessingParameterNumber(
            key, QCoreApplication.translate("AnkunftParameters", "Suppress counts below"), Qgis.ProcessingNumberParameterType.Integer,
            defaultValue=DEFAULT_THRESHOLD, minValue=0,
        ),
        QCoreApplication.translate("AnkunftParameters", "Statistical confidentiality: counts of people above 0 and below this number are left empty (NULL; '.' on the map), and so are the rates, shares and scores derived from them. 0 switches it off."),
        advanced=advanced,
    )


# -- the walking graph --------------------------------------------------------------------------------
def load_walk_graph(alg, parameters, network, crs, context, feedback, cost_field: str = "", progress=(0.0, 10.0)):
    """The walking graph of ``network`` in ``crs`` from the session cache (built when new), reported once.

    Raises when the network has no usable line; logs lines without geometry, missing and blocking cost
    factors, and the network's size and connectedness. The network parameter is ``NETWORK``.
    """
    from . import graph_cache

    key = NETWORK
    layer = alg.parameterAsVectorLayer(parameters, key, context)
    graph = graph_cache.get_graph(
        network, crs, context, feedback, cost_field=cost_field, layer=layer,
        parameter_value=parameters.get(key), progress=progress,
    )
    if graph.n_edges == 0:
        raise QgsProcessingException(
            QCoreApplication.translate("AnkunftParameters", "The walking network '{layer}' has no usable lines (all shorter than a centimetre?). Check the layer and its CRS.").format(
                layer=network.sourceName()
            )
        )
    if getattr(graph, "null_geometries", 0):
        feedback.pushWarning(QCoreApplication.translate("AnkunftParameters", "{n} features of the network have no geometry and are left out.").format(n=graph.null_geometries))
    if getattr(graph, "factor_missing", 0):
        feedback.pushInfo(QCoreApplication.translate("AnkunftParameters", "{n} lines have no cost factor and count with their plain length.").format(n=graph.factor_missing))
    if getattr(graph, "factor_blocked", 0):
        feedback.pushInfo(QCoreApplication.translate("AnkunftParameters", "{n} lines have a cost factor of 0 or less and are not walkable.").format(n=graph.factor_blocked))
    summary = graph.summary()
    feedback.pushInfo(
        QCoreApplication.translate("AnkunftParameters", "Network: {edges} edges, {km:.1f} km, {comp} connected components ({share:.1f} % of the length outside the largest).").format(
            edges=summary["edges"], km=summary["length_m"] / 1000.0, comp=summary["components"], share=100.0 * summary["outside_share"]
        )
    )
    return graph


# -- classification warnings: one message table, one severity each --------------------------------------
def _classify_messages():
    """code → (severity, message); ``{indicator}``/``{n}`` filled by ``log_classify_warnings``."""
    return {
        "no_valid_areas": ("error", QCoreApplication.translate("AnkunftParameters", "No area has enough inhabitants and all indicators: every area is 'insufficient'. Check the population field and the minimum population.")),
        "no_variation": ("warning", QCoreApplication.translate("AnkunftParameters", "{indicator} has the same rate in every area: its z-values are 0.")),
        "negative_counts": ("warning", QCoreApplication.translate("AnkunftParameters", "{indicator}: {n} areas have negative values (net figures such as population growth). They are used as they are and rank low.")),
        "duplicate_ids": ("skip", ""),  # logged with the ids by the algorithm (aq_flag 'duplicate_id')
        "smoothing_skipped": ("warning", QCoreApplication.translate("AnkunftParameters", "{indicator}: the city rate is not positive, so no smoothing was applied.")),
    }


def log_classify_warnings(feedback, codes, names=None, prefix: str = "") -> None:
    """Log the classification's warning codes (``core.classify`` ``result.warnings``) in words.

    ``names``: indicator key → field name shown; ``prefix``: e.g. the year (``"2019: "``).
    """
    names = names or {}
    table = _classify_messages()
    for code in codes:
        head, _, rest = code.partition(":")
        indicator, _, n = rest.partition(":") if head == "negative_counts" else (rest, "", "")
        severity, text = table.get(head, ("warning", code))
        if severity == "skip":
            continue
        message = prefix + text.format(indicator=names.get(indicator, indicator), n=n)
        if severity == "error":
            feedback.reportError(message)
        else:
            feedback.pushWarning(message)
