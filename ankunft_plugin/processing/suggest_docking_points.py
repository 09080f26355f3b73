"""``ankunft:suggestdockingpoints`` – where new docking points (Andockstellen) reach the most arrivals.

The QGIS shell around ``core/siting.py``: reads demand, candidates, existing sites and the walking
network once, builds the coverage matrix with the network engine (one bounded search per candidate),
solves the maximal covering location problem with the existing sites fixed (lazy greedy or exact
MILP with HiGHS), and writes the chosen candidates ranked, with the coverage they add.
"""

from __future__ import annotations

import math
import time
from types import SimpleNamespace

import numpy as np
from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsRendererCategory,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ..core import vocabulary
from ..core.confidentiality import suppress_counts
from ..core.demand import building_points, demand_points
from ..core.network import minutes_to_metres
from ..core.siting import (
    coverage_matrix,
    demand_weights,
    placement_counts,
    published_ranking,
    reached_by_any,
    street_reach,
    suggest_sites,
    unreached_share,
)
from ..core.values import COUNT, FACTOR
from . import parameters as P
from .base import AnkunftAlgorithm
from .bridge import network_crs, new_fields, point_xy, read_source, require_field, to_shapely, write_rows
from .number_reading import read_field
from .population_source import add_population_cell_parameters, demand_cells
from .styles import OKABE_ITO

VIS_NONE, VIS_FIELD, VIS_REACH = 0, 1, 2
RANK_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["yellow"], OKABE_ITO["sky_blue"])


def apply_style(layer, labels: dict) -> None:
    """Points coloured by rank group (1, 2–3, 4–5, later), labelled with the rank."""
    categories = []
    for key, colour, size in zip(("1", "2-3", "4-5", "6+"), RANK_COLOURS, (5.0, 4.2, 3.6, 3.0)):
        symbol = QgsMarkerSymbol.createSimple(
            {"name": "star" if key == "1" else "circle", "color": colour, "outline_color": "#000000", "outline_width": "0.3", "size": str(size)}
        )
        categories.append(QgsRendererCategory(key, symbol, labels.get(key, key)))
    expr = "CASE WHEN \"rank\" = 1 THEN '1' WHEN \"rank\" <= 3 THEN '2-3' WHEN \"rank\" <= 5 THEN '4-5' ELSE '6+' END"
    layer.setRenderer(QgsCategorizedSymbolRenderer(expr, categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = "rank"
    from qgis.PyQt.QtGui import QFont

    from ..layout.builder import font_family  # an installed family: the style is stored with the file

    fmt = QgsTextFormat()
    fmt.setFont(QFont(font_family()))
    fmt.setSize(9)
    fmt.setColor(QColor("#000000"))
    buffer = fmt.buffer()
    buffer.setEnabled(True)
    buffer.setColor(QColor("#FFFFFF"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


class SuggestDockingPointsAlgorithm(AnkunftAlgorithm):
    NONNEGATIVE_PARAMS = ("WEIGHT_FIELD",)  # people: never negative (processing/validation.py)
    # confidentiality (processing/outputs.py): the people a site adds, and its coverage step
    PEOPLE = {"OUTPUT": ("added_weight",)}  # noqa: RUF012
    DERIVED = {"OUTPUT": {"cum_coverage_pct": ("added_weight",)}}  # noqa: RUF012
    ALG_ID = "suggestdockingpoints"
    GROUP_ID = "planning"

    DEMAND = "DEMAND"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    BUILDINGS = "BUILDINGS"
    CANDIDATES = "CANDIDATES"
    EXISTING = "EXISTING"
    NETWORK = P.NETWORK
    COST_FIELD = "COST_FIELD"
    MAX_MINUTES = "MAX_MINUTES"
    SPEED_KMH = P.SPEED_KMH
    COUNT = "COUNT"
    METHOD = "METHOD"
    VISIBILITY = "VISIBILITY"
    VISIBILITY_FIELD = "VISIBILITY_FIELD"
    VISIBILITY_WEIGHT = "VISIBILITY_WEIGHT"
    VISIBILITY_RADIUS = "VISIBILITY_RADIUS"
    MAX_SNAP_DISTANCE = P.MAX_SNAP_DISTANCE
    GRID_SPACING = "GRID_SPACING"
    TIME_LIMIT = "TIME_LIMIT"
    BOUND_TIME_LIMIT = "BOUND_TIME_LIMIT"
    SUPPRESS_BELOW = P.SUPPRESS_BELOW
    OUTPUT = "OUTPUT"
    COVERAGE_BEFORE_PCT = "COVERAGE_BEFORE_PCT"
    COVERAGE_AFTER_PCT = "COVERAGE_AFTER_PCT"
    OPTIMALITY_GAP_PCT = "OPTIMALITY_GAP_PCT"
    GAP_BASIS = "GAP_BASIS"
    UNSNAPPED_DEMAND_PCT = "UNSNAPPED_DEMAND_PCT"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Suggest docking points")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Ranks candidate sites that, with the existing docking points, reach the most arrivals on foot, and says how close the list is to the best possible.")

    def tags(self) -> list[str]:
        return self.tr("docking point,Andockstelle,siting,maximal covering,MCLP,walking,arrival quarter,optimisation").split(",")

    # -- parameters -----------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(
            QgsProcessingParameterFeatureSource(
                self.DEMAND,
                self.tr("Demand (areas or points)"),
                [Qgis.ProcessingSourceType.VectorPolygon, Qgis.ProcessingSourceType.VectorPoint],
            ),
            self.tr("Where the people to reach live: areas (e.g. planning areas, blocks) or points (e.g. addresses), with their number in the weight field."),
        )
        self.add(
            QgsProcessingParameterField(
                self.WEIGHT_FIELD,
                self.tr("Weight field (people)"),
                parentLayerParameterName=self.DEMAND,
                type=Qgis.ProcessingFieldParameterDataType.Any,
                optional=True,
            ),
            self.tr("Number of people per demand feature, e.g. population of the arrival quarters, or arrivals. Placeholders such as '.', '-' or 'x' count as 0 and are reported. Empty: every feature counts 1."),
        )
        self.add(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, self.tr("Buildings (place demand on buildings)"), [Qgis.ProcessingSourceType.VectorPolygon], optional=True
            ),
            self.tr("Optional: building footprints. Each demand area's weight is spread over the buildings inside it in proportion to footprint area, so people sit where they live. Areas without buildings (and all areas when no buildings are given) spread their weight over a regular grid of points."),
        )
        add_population_cell_parameters(self)
        self.add(
            QgsProcessingParameterFeatureSource(self.CANDIDATES, self.tr("Candidate sites"), [Qgis.ProcessingSourceType.VectorPoint]),
            self.tr("Points where a docking point could go: shops, markets, libraries, post offices, stops, ground floors of housing companies …"),
        )
        self.add(
            QgsProcessingParameterFeatureSource(
                self.EXISTING, self.tr("Existing docking points (kept)"), [Qgis.ProcessingSourceType.VectorPoint], optional=True
            ),
            self.tr("Optional: docking points that exist already. They stay; people they reach already count as covered, and new sites are chosen for the rest."),
        )
        P.add_network(self)
        P.add_cost_field(self)
        self.add(
            QgsProcessingParameterNumber(
                self.MAX_MINUTES, self.tr("Walking time (minutes)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=10.0, minValue=0.1
            ),
            self.tr("A demand point counts as reached by a site when the walk is at most this long ('um die Ecke')."),
        )
        P.add_speed(self)
        self.add(
            QgsProcessingParameterNumber(
                self.COUNT, self.tr("Number of new sites"), Qgis.ProcessingNumberParameterType.Integer, defaultValue=5, minValue=1
            ),
            self.tr("How many new docking points to suggest. The list is ranked: the first sites add the most."),
        )
        self.add(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Method"),
                options=[self.tr("Greedy (fast, gap reported)"), self.tr("Exact (MILP, proves the optimum)")],
                defaultValue=0,
            ),
            self.tr("Greedy adds one site at a time, always the one that reaches the most people not yet reached; it is guaranteed to reach at least 63 % of the best possible and usually much more, and its gap to the best is reported. Exact solves the problem with a mixed-integer program (HiGHS) and proves the optimum, or reports the proven gap when the time limit is hit."),
        )
        self.add(
            QgsProcessingParameterEnum(
                self.VISIBILITY,
                self.tr("Visibility (passers-by)"),
                options=[self.tr("None"), self.tr("From a candidate field"), self.tr("Street length within a short walk (computed)")],
                defaultValue=0,
            ),
            self.tr("Docking points should be visible 'im Vorbeigehen'. Visibility breaks ties between equally good sites and, with a visibility weight above 0, can outweigh a little coverage. Computed: the length of streets reachable within the visibility radius (street-network density and connectivity, a proxy for footfall)."),
        )
        self.add(
            QgsProcessingParameterField(
                self.VISIBILITY_FIELD,
                self.tr("Visibility field of the candidates"),
                parentLayerParameterName=self.CANDIDATES,
                type=Qgis.ProcessingFieldParameterDataType.Any,
                optional=True,
            ),
            self.tr("With 'From a candidate field': a number per candidate, higher is more visible (e.g. counted passers-by)."),
        )
        self.add(
            QgsProcessingParameterNumber(
                self.VISIBILITY_WEIGHT,
                self.tr("Visibility weight (percentage points of coverage)"),
                Qgis.ProcessingNumberParameterType.Double,
                defaultValue=0.0,
                minValue=0.0,
                maxValue=100.0,
            ),
            self.tr("0: visibility only breaks ties. Above 0: the most visible candidate counts as if it reached this many percent of all people more; others in proportion to their visibility."),
        )
        self.add(
            QgsProcessingParameterNumber(
                self.VISIBILITY_RADIUS, self.tr("Visibility radius (m)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=300.0, minValue=10.0
            ),
            self.tr("Computed visibility: street length reachable within this walking distance of the candidate."),
            advanced=True,
        )
        P.add_snap_distance(self, advanced=True)
        self.add(
            QgsProcessingParameterNumber(
                self.GRID_SPACING, self.tr("Grid spacing for areas without buildings (m)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=50.0, minValue=5.0
            ),
            self.tr("Areas without buildings spread their weight evenly over grid points this far apart."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterNumber(
                self.TIME_LIMIT, self.tr("Time limit of the exact method (s)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=60.0, minValue=1.0
            ),
            self.tr("The exact method stops after this time with the best solution found and its proven gap."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterNumber(
                self.BOUND_TIME_LIMIT,
                self.tr("Time to check the greedy result (s)"),
                Qgis.ProcessingNumberParameterType.Double,
                defaultValue=10.0,
                minValue=0.0,
            ),
            self.tr("Greedy: the exact problem is also solved for at most this long to measure the gap to the optimum; if it does not finish, the best proven bound is used. 0: only the bound from the greedy run itself (fast, looser)."),
            advanced=True,
        )
        P.add_suppress_below(self)
        self.add_language_parameter()
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Suggested docking points"), Qgis.ProcessingSourceType.VectorPoint),
            self.tr("The chosen candidates with their attributes and rank, added_weight (people newly reached), cum_coverage_pct (share of all people reached with the existing sites and ranks 1…rank) and visibility."),
        )
        self.addOutput(QgsProcessingOutputNumber(self.COVERAGE_BEFORE_PCT, self.tr("Coverage before (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.COVERAGE_AFTER_PCT, self.tr("Coverage after (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.OPTIMALITY_GAP_PCT, self.tr("Optimality gap (%)")))
        self.addOutput(QgsProcessingOutputString(self.GAP_BASIS, self.tr("Basis of the gap")))
        self.addOutput(QgsProcessingOutputNumber(self.UNSNAPPED_DEMAND_PCT, self.tr("Demand too far from the network (%)")))

    # -- helpers --------------------------------------------------------------------------------
    def _source(self, parameters, key, context, required=True):
        return self.required_source(parameters, key, context) if required else self.parameterAsSource(parameters, key, context)

    def _graph(self, parameters, network, context, feedback, crs, cost_field):
        """The walking graph from the session cache (built and cached when the layer is new)."""
        graph = P.load_walk_graph(self, parameters, network, crs, context, feedback, cost_field=cost_field, progress=(0.0, 10.0))
        return graph

    def gap_basis_label(self, code: str) -> str:
        return {
            "optimal": self.tr("against the proven optimum"),
            "milp_bound": self.tr("against the solver's proven upper bound (the optimum was not reached in the time limit)"),
            "submodular_bound": self.tr("against an upper bound from the greedy run itself (the true gap is smaller or equal)"),
            "trivial": self.tr("nothing left to choose"),
        }.get(code, code)

    # -- run ------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        t_start = time.perf_counter()
        lang = self.output_lang(parameters, context)
        run = SimpleNamespace(parameters=parameters, context=context, feedback=feedback)
        self._read_parameters(run)
        self._network(run)
        self._demand(run)
        self._candidates(run)
        self._existing(run)
        feedback.pushInfo(self.tr("Walking reach of {n} candidates to {m} demand points…").format(n=int(run.usable.size), m=run.demand.weight.size))
        run.cover = self._coverage(run, (30.0, 70.0))
        self._visibility(run)
        self._optimise(run)
        dest_id = self._write(run)
        self._log_result(feedback, run.result, run.method, run.suppress_below, time.perf_counter() - t_start)
        labels = {k: vocabulary.phrase(p, lang) for k, p in (("1", "rank_1"), ("2-3", "rank_2_3"), ("4-5", "rank_4_5"), ("6+", "rank_6"))}
        self.style_output(context, dest_id, lambda layer: apply_style(layer, labels), vocabulary.phrase("layer_suggested", lang))
        result = run.result
        return {
            self.OUTPUT: dest_id,
            self.COVERAGE_BEFORE_PCT: result.coverage_before_pct,
            self.COVERAGE_AFTER_PCT: result.coverage_after_pct,
            self.OPTIMALITY_GAP_PCT: result.gap_pct,
            self.GAP_BASIS: result.gap_basis,
            self.UNSNAPPED_DEMAND_PCT: run.unsnapped_pct,
        }

    # -- the steps of a run (``run``: the parameter object carried from step to step) -------------------
    def _read_parameters(self, run) -> None:
        parameters, context = run.parameters, run.context
        run.demand_src = self._source(parameters, self.DEMAND, context)
        run.cand_src = cand_src = self._source(parameters, self.CANDIDATES, context)
        run.network = self._source(parameters, self.NETWORK, context)
        run.build_src = self._source(parameters, self.BUILDINGS, context, required=False)
        run.exist_src = self._source(parameters, self.EXISTING, context, required=False)
        run.weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        if run.weight_field:
            require_field(run.demand_src, run.weight_field, run.demand_src.sourceName())
        run.vis_mode = self.parameterAsEnum(parameters, self.VISIBILITY, context)
        run.vis_field = self.parameterAsString(parameters, self.VISIBILITY_FIELD, context)
        if run.vis_mode == VIS_FIELD:
            if not run.vis_field:
                raise QgsProcessingException(
                    self.tr("Visibility 'From a candidate field' needs a field: choose the visibility field of layer '{layer}'.").format(
                        layer=cand_src.sourceName()
                    )
                )
            require_field(cand_src, run.vis_field, cand_src.sourceName())
        run.minutes = self.parameterAsDouble(parameters, self.MAX_MINUTES, context)
        run.speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context)
        run.k = self.parameterAsInt(parameters, self.COUNT, context)
        run.method = "exact" if self.parameterAsEnum(parameters, self.METHOD, context) == 1 else "greedy"
        run.vis_weight = self.parameterAsDouble(parameters, self.VISIBILITY_WEIGHT, context)
        run.vis_radius = self.parameterAsDouble(parameters, self.VISIBILITY_RADIUS, context)
        run.max_snap = P.snap_distance(self, parameters, context)
        run.spacing = self.parameterAsDouble(parameters, self.GRID_SPACING, context)
        run.time_limit = self.parameterAsDouble(parameters, self.TIME_LIMIT, context)
        run.bound_limit = self.parameterAsDouble(parameters, self.BOUND_TIME_LIMIT, context)
        run.suppress_below = self.parameterAsDouble(parameters, self.SUPPRESS_BELOW, context)
        run.limit_m = minutes_to_metres(run.minutes, run.speed)

    def _network(self, run) -> None:
        feedback, network = run.feedback, run.network
        run.cost_field = self.parameterAsString(run.parameters, self.COST_FIELD, run.context)
        if run.cost_field:
            require_field(network, run.cost_field, network.sourceName())
        _net_crs, run.crs = network_crs(network, run.context, feedback)
        feedback.pushInfo(self.tr("Working in {crs}; reach: {minutes:g} min at {speed:g} km/h = {metres:.0f} m.").format(
            crs=run.crs.authid(), minutes=run.minutes, speed=run.speed, metres=run.limit_m
        ))
        feedback.pushInfo(self.tr("Building the walking graph of '{layer}'…").format(layer=network.sourceName()))
        run.graph = self._graph(run.parameters, network, run.context, feedback, run.crs, run.cost_field)
        if run.graph.n_edges == 0:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' gives no walkable edges. Check that it holds lines in the area of the demand.").format(
                    layer=network.sourceName()
                )
            )
        self.check_cancel(feedback)
        feedback.setProgress(12.0)

    def _weights(self, run, ddata, dname):
        """The demand weights: the weight field read as counts (missing and negative → 0, said), else 1 each."""
        weight_field, feedback = run.weight_field, run.feedback
        if not weight_field:
            return np.ones(len(ddata))
        values, _problems = read_field(ddata.attributes[weight_field], COUNT, weight_field, feedback)
        weights = demand_weights(values)
        if weights.n_missing:
            feedback.pushWarning(
                self.tr("Layer '{layer}', field '{field}': {n} features have no number (empty or a placeholder such as '.', '-', 'x'); they count as 0.").format(
                    layer=dname, field=weight_field, n=weights.n_missing
                )
            )
        if weights.n_negative:
            feedback.pushWarning(
                self.tr("Layer '{layer}', field '{field}': {n} features have negative weights; they count as 0.").format(
                    layer=dname, field=weight_field, n=weights.n_negative
                )
            )
        return weights.weight

    def _demand(self, run) -> None:
        context, feedback, crs = run.context, run.feedback, run.crs
        demand_src, weight_field, build_src = run.demand_src, run.weight_field, run.build_src
        dname = demand_src.sourceName()
        ddata = read_source(demand_src, [weight_field] if weight_field else [], context, feedback, dest_crs=crs, progress=(12.0, 16.0))
        if len(ddata) == 0:
            raise QgsProcessingException(self.tr("Layer '{layer}' has no features.").format(layer=dname))
        weights = self._weights(run, ddata, dname)
        if ddata.null_geometries:
            feedback.pushWarning(self.tr("Layer '{layer}': {n} features without geometry are left out.").format(layer=dname, n=ddata.null_geometries))
        dgeoms = to_shapely(ddata.geometries)
        bxy = barea = None
        if build_src is not None:
            bdata = read_source(build_src, (), context, feedback, dest_crs=crs, progress=(16.0, 22.0))
            keep = [g for g in bdata.geometries if not (g.isNull() or g.isEmpty())]
            if keep:
                bxy, barea, _ = building_points(to_shapely(keep))
            feedback.pushInfo(self.tr("{n} buildings read from '{layer}'.").format(n=len(keep), layer=build_src.sourceName()))
        bxy, barea, weights = demand_cells(self, run, dgeoms, bxy, barea, weights)
        demand = run.demand = demand_points(dgeoms, weights, bxy, barea, run.spacing)
        self._log_placement(feedback, demand, dname, build_src is not None)
        if demand.weight.size == 0 or demand.weight.sum() <= 0:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' gives no demand with a positive weight. Check the weight field and the geometries.").format(layer=dname)
            )
        self.check_cancel(feedback)
        feedback.setProgress(25.0)

    def _candidates(self, run) -> None:
        """Candidates snapped onto the network (only those can be chosen), and the demand points snapped."""
        feedback, graph, max_snap, cand_src = run.feedback, run.graph, run.max_snap, run.cand_src
        cname = cand_src.sourceName()
        fields = [run.vis_field] if run.vis_mode == VIS_FIELD else []
        cdata = run.cdata = read_source(cand_src, fields, run.context, feedback, dest_crs=run.crs, keep_features=True, progress=(25.0, 28.0))
        if len(cdata) == 0:
            raise QgsProcessingException(self.tr("Layer '{layer}' has no features. Give at least one candidate site.").format(layer=cname))
        cxy = run.cxy = point_xy(cdata.geometries)
        # points nearest to a small disconnected fragment (under 1 % of the network length) are moved
        # onto the connected network when that lies within the maximum distance too
        csnap = run.csnap = graph.snap_connected(cxy, max_snap)
        n_cand_off = int((~csnap.ok).sum())
        if n_cand_off:
            feedback.pushWarning(
                self.tr("{n} of {total} candidates of '{layer}' are farther than {d:g} m from the network (or have no geometry) and cannot be chosen.").format(
                    n=n_cand_off, total=len(cdata), layer=cname, d=max_snap
                )
            )
        usable = run.usable = np.flatnonzero(csnap.ok)  # only candidates on the network can be chosen
        if usable.size == 0:
            raise QgsProcessingException(
                self.tr("No candidate of '{layer}' lies within {d:g} m of the walking network. Check that candidates and network cover the same area (and their CRS), or raise the maximum distance to the network.").format(
                    layer=cname, d=max_snap
                )
            )
        if run.k > usable.size:
            feedback.pushWarning(self.tr("Only {n} candidates: all of them are listed.").format(n=int(usable.size)))
        demand = run.demand
        dsnap = run.dsnap = graph.snap_connected(demand.xy, max_snap)
        off = ~dsnap.ok
        run.unsnapped_pct, people = unreached_share(demand.weight, dsnap.ok)
        if off.any():
            shown = suppress_counts([people], run.suppress_below)[0]
            feedback.pushWarning(
                self.tr("{n} demand points ({pct:.1f} % of the weight, {people} people) are farther than {d:g} m from the network: nobody can reach them, they count as not covered.").format(
                    n=int(off.sum()), pct=run.unsnapped_pct, people="–" if math.isnan(shown) else "{:.0f}".format(shown), d=max_snap
                )
            )

    def _existing(self, run) -> None:
        """Demand already covered by existing docking points."""
        feedback, graph, max_snap, exist_src, demand = run.feedback, run.graph, run.max_snap, run.exist_src, run.demand
        run.existing_mask = np.zeros(demand.weight.size, dtype=bool)
        moved_existing = 0
        if exist_src is not None:
            edata = read_source(exist_src, (), run.context, feedback, dest_crs=run.crs, progress=(28.0, 30.0))
            exy = point_xy(edata.geometries)
            esnap = graph.snap_connected(exy, max_snap)
            if (~esnap.ok).any():
                feedback.pushWarning(
                    self.tr("{n} existing docking points of '{layer}' are farther than {d:g} m from the network and reach nobody.").format(
                        n=int((~esnap.ok).sum()), layer=exist_src.sourceName(), d=max_snap
                    )
                )
            if esnap.ok.any():
                run.existing_mask = reached_by_any(graph, exy, demand.xy, run.limit_m, max_snap, src_snap=esnap, dst_snap=run.dsnap)
            moved_existing = int(esnap.moved.sum())
        self._log_moved(feedback, int(run.dsnap.moved.sum()), int(run.csnap.moved.sum()), moved_existing)
        self.check_cancel(feedback)
        feedback.setProgress(30.0)

    def _visibility(self, run) -> None:
        feedback, usable = run.feedback, run.usable
        run.visibility = None
        if run.vis_mode == VIS_FIELD:
            visibility, _problems = read_field(run.cdata.attributes[run.vis_field], FACTOR, run.vis_field, feedback)
            run.visibility = visibility = visibility[usable]
            n_bad = int(np.isnan(visibility).sum())
            if n_bad:
                feedback.pushWarning(
                    self.tr("Layer '{layer}', field '{field}': {n} candidates have no number; they count as least visible.").format(
                        layer=run.cand_src.sourceName(), field=run.vis_field, n=n_bad
                    )
                )
        elif run.vis_mode == VIS_REACH:
            feedback.pushInfo(self.tr("Street length within {r:g} m of each candidate…").format(r=run.vis_radius))
            run.visibility = street_reach(
                run.graph, run.cxy[usable], run.vis_radius, run.max_snap, progress=lambda f: self._progress(feedback, 70.0 + 10.0 * f),
                snap=run.csnap.take(usable),
            )
        self.check_cancel(feedback)
        feedback.setProgress(80.0)

    def _optimise(self, run) -> None:
        feedback = run.feedback
        method_label = self.tr("exact") if run.method == "exact" else self.tr("greedy")
        feedback.pushInfo(self.tr("Choosing {k} sites ({method})…").format(k=run.k, method=method_label))
        run.result = suggest_sites(
            run.cover,
            run.demand.weight,
            run.k,
            run.existing_mask,
            method=run.method,
            visibility=run.visibility,
            visibility_weight=run.vis_weight,
            time_limit=run.time_limit,
            bound_time_limit=run.bound_limit,
            progress=lambda f: self._progress(feedback, 80.0 + 10.0 * f),
        )
        self.check_cancel(feedback)
        feedback.setProgress(90.0)

    def _write(self, run):
        """The chosen candidates in order with their input fields, added weight (blanked below the threshold)
        and cumulative coverage."""
        cand_src, result, visibility, usable = run.cand_src, run.result, run.visibility, run.usable
        in_fields = cand_src.fields()
        spec = [("rank", "int"), ("added_weight", "double"), ("cum_coverage_pct", "double"), ("visibility", "double")]
        out_fields = new_fields(in_fields, spec)
        sink, dest_id = self.required_sink(run.parameters, self.OUTPUT, run.context, out_fields, cand_src.wkbType(), cand_src.sourceCrs())
        added, cum_pct = published_ranking(result, run.suppress_below)
        rows, geoms = [], []
        for r, j in enumerate(result.order):
            feat = run.cdata.features[int(usable[j])]
            attrs = feat.attributes()
            new = {
                "rank": r + 1,
                "added_weight": added[r],
                "cum_coverage_pct": cum_pct[r],
                "visibility": float(visibility[j]) if visibility is not None else None,
            }
            row = []
            for f in out_fields:
                if f.name() in new:
                    row.append(new[f.name()])
                else:
                    row.append(attrs[in_fields.lookupField(f.name())])
            rows.append(row)
            geoms.append(feat.geometry())
        write_rows(sink, out_fields, rows, geoms, run.feedback, progress=(90.0, 100.0))
        return dest_id

    # -- pieces -----------------------------------------------------------------------------------
    def _progress(self, feedback, value) -> bool:
        feedback.setProgress(value)
        return feedback.isCanceled()

    def _coverage(self, run, progress):
        """Candidates × demand points reached within ``limit_m`` (bool csr, ``core/siting.coverage_matrix``)."""
        feedback = run.feedback
        lo, hi = progress
        cover = coverage_matrix(
            run.graph, run.cxy[run.usable], run.demand.xy, run.limit_m, run.max_snap, src_snap=run.csnap.take(run.usable),
            dst_snap=run.dsnap, progress=lambda f: self._progress(feedback, lo + (hi - lo) * f),
        )
        self.check_cancel(feedback)
        return cover

    def _log_moved(self, feedback, n_demand, n_cand, n_existing) -> None:
        if n_demand or n_cand or n_existing:
            feedback.pushInfo(
                self.tr("{d} demand points, {c} candidates and {e} existing docking points lay nearest to a small disconnected fragment of the network and were moved onto the connected network.").format(
                    d=n_demand, c=n_cand, e=n_existing
                )
            )

    def _log_placement(self, feedback, demand, dname, with_buildings) -> None:
        n_b, n_g, n_p = placement_counts(demand.placement)
        if n_b:
            feedback.pushInfo(self.tr("{n} areas of '{layer}' spread over their buildings by footprint area.").format(n=n_b, layer=dname))
        if n_g:
            if with_buildings:
                feedback.pushWarning(
                    self.tr("{n} areas of '{layer}' contain no building; their weight is spread over a regular grid of points.").format(n=n_g, layer=dname)
                )
            else:
                feedback.pushInfo(self.tr("{n} areas of '{layer}' spread over a regular grid of points.").format(n=n_g, layer=dname))
        if n_p and with_buildings:
            feedback.pushInfo(self.tr("Point demand is used as it is; buildings only place the demand of areas."))
        feedback.pushInfo(self.tr("{m} demand points.").format(m=demand.weight.size))

    def _log_result(self, feedback, result, method, suppress_below, seconds) -> None:
        feedback.pushInfo(
            self.tr("Coverage: {before:.1f} % of the people are reached by the existing docking points, {after:.1f} % with the {k} new sites.").format(
                before=result.coverage_before_pct, after=result.coverage_after_pct, k=len(result.order)
            )
        )
        if result.uncoverable > 0 and result.total > 0:
            feedback.pushInfo(
                self.tr("{pct:.1f} % of the people are out of reach of every candidate and existing site within the walking time.").format(
                    pct=100.0 * result.uncoverable / result.total
                )
            )
        gap = result.gap_pct
        if math.isnan(gap):
            feedback.pushWarning(self.tr("No upper bound could be proven: the optimality gap is unknown."))
        else:
            feedback.pushInfo(
                self.tr("Optimality gap: {gap:.2f} % of the people the new sites add ({basis}).").format(gap=gap, basis=self.gap_basis_label(result.gap_basis))
            )
        if method == "greedy" and result.optimum is not None and result.gap_basis == "optimal":
            feedback.pushInfo(self.tr("The exact optimum was computed too ({s:.1f} s).").format(s=result.milp_seconds))
        if method == "exact" and result.gap_basis in ("milp_bound", "submodular_bound"):
            feedback.pushWarning(
                self.tr("The exact method hit its time limit: the result is the best found, within the gap shown of the optimum. Raise the time limit to prove the optimum.")
            )
        feedback.pushInfo(
            self.tr("Time: greedy {g:.2f} s, solver {m:.2f} s, total {t:.1f} s.").format(g=result.greedy_seconds, m=result.milp_seconds, t=seconds)
        )
