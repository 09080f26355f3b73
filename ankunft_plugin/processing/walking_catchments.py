"""``ankunft:walkingcatchments`` – areas and people within 5/10/15 minutes' walk of docking points.

The QGIS shell around ``core/network.py`` and ``core/catchments.py``: the walking graph comes from the
session cache (``graph_cache``), points are snapped onto the network edges, one bounded search per
point serves all its bands, polygons are the reached (partial) edges buffered and dissolved. Counts of
people are blanked below the suppression threshold.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsRendererCategory,
    QgsRendererRange,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import catchments as cm
from ..core import vocabulary
from ..core.catchment_population import (
    NO_DATA,
    band_name,
    count_population,
    covered_by_band,
    minutes_grid,
    nearest_area_minutes,
    parse_bands,
    point_status,
    published_areas,
)
from ..core.confidentiality import suppress_counts
from ..core.gdalio import write_geotiff
from ..core.network import minutes_to_metres
from ..core.spatial import repaired
from ..core.values import COUNT
from . import parameters as P
from .base import AnkunftAlgorithm
from .bridge import (
    from_shapely,
    network_crs,
    new_fields,
    point_xy,
    read_source,
    require_field,
    to_shapely,
    write_rows,
)
from .number_reading import read_field
from .population_source import add_population_cell_parameters, catchment_demand, read_population_cells
from .styles import OKABE_ITO, style_on_load

BAND_COLOURS = list(vocabulary.BAND_PALETTE)  # sequential, colour-blind safe, no class colour (core/vocabulary)
MODES = ("per_point", "dissolved", "nearest")


def _minutes_text(minutes: float, lang: str) -> str:
    """7.5 → '7,5' (de) / '7.5' (en); 10.0 → '10'."""
    text = "{:g}".format(minutes)
    return text.replace(".", ",") if lang == "de" else text


def apply_area_style(layer, bands, labels) -> None:
    """Areas graduated by walking minutes to the nearest docking point (band limits as class breaks)."""
    ranges = []
    lo = 0.0
    edges = [*bands, 1e9]
    palette = vocabulary.band_colours(len(bands))
    for k, hi in enumerate(edges):
        colour = palette[k] if k < len(bands) else vocabulary.OKABE_ITO["vermillion"]
        sym = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#5A5A5A", "outline_width": "0.15"})
        ranges.append(QgsRendererRange(lo, hi, sym, labels[k]))
        lo = hi
    renderer = QgsGraduatedSymbolRenderer("walk_min", ranges)
    renderer.setSourceSymbol(QgsFillSymbol.createSimple({"color": OKABE_ITO["grey"], "style": "b_diagonal"}))
    layer.setRenderer(renderer)


def apply_raster_style(layer, bands, labels) -> None:
    """Walking-minutes raster: discrete colours per band (colour-blind-safe), beyond the last band vermillion."""
    from qgis.core import QgsColorRampShader, QgsRasterShader, QgsSingleBandPseudoColorRenderer
    from qgis.PyQt.QtGui import QColor

    items = []
    palette = vocabulary.band_colours(len(bands))
    for k, b in enumerate(bands):
        items.append(QgsColorRampShader.ColorRampItem(float(b), QColor(palette[k]), labels[k]))
    items.append(QgsColorRampShader.ColorRampItem(float("inf"), QColor(OKABE_ITO["vermillion"]), labels[-1]))
    ramp = QgsColorRampShader(0.0, float(bands[-1]))
    ramp.setColorRampType(Qgis.ShaderInterpolationMethod.Discrete)
    ramp.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))


def apply_style(layer, bands, labels) -> None:
    """One category per band (colour-blind-safe), wider bands drawn first so the smaller stay visible."""
    cats = []
    palette = vocabulary.band_colours(len(bands))
    for k, b in enumerate(bands):
        colour = palette[k]
        sym = QgsFillSymbol.createSimple({"color": colour, "outline_color": colour, "outline_width": "0.3"})
        sym.setOpacity(0.45)
        cats.append(QgsRendererCategory(float(b), sym, labels[k]))
    renderer = QgsCategorizedSymbolRenderer("minutes", cats)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause("minutes", False)]))
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)


def peak_memory_mb() -> float | None:
    """Peak resident memory of this process in MB (None where the platform does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024.0 * 1024.0) if sys.platform == "darwin" else peak / 1024.0


def log_peak_memory(feedback, edges: int, points: int) -> None:
    """The process's peak memory in the log for large runs (100,000 edges or 1,000 points and more)."""
    mb = peak_memory_mb()
    if mb is not None and (edges >= 100_000 or points >= 1000):
        feedback.pushInfo(QCoreApplication.translate("AnkunftWalkingCatchments", "Peak memory of this process: {mb:.0f} MB.").format(mb=mb))


class WalkingCatchmentsAlgorithm(AnkunftAlgorithm):
    # confidentiality (processing/outputs.py): people in catchments and areas, copied population fields
    PEOPLE_PARAMS = ("POPULATION_FIELD",)
    PEOPLE = {"OUTPUT": ("population",), "OUTPUT_AREAS": ("pop_*",)}  # noqa: RUF012
    ALG_ID = "walkingcatchments"
    GROUP_ID = "accessibility"

    NETWORK = P.NETWORK
    POINTS = "POINTS"
    POINT_ID_FIELD = "POINT_ID_FIELD"
    BANDS = "BANDS"
    SPEED_KMH = P.SPEED_KMH
    MAX_SNAP_DISTANCE = P.MAX_SNAP_DISTANCE
    COST_FIELD = "COST_FIELD"
    MODE = "MODE"
    BUFFER_M = "BUFFER_M"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    BUILDINGS = "BUILDINGS"
    SUPPRESS_BELOW = P.SUPPRESS_BELOW
    RASTER_CELL = "RASTER_CELL"
    POLYGONS = "POLYGONS"
    OUTPUT = "OUTPUT"
    OUTPUT_AREAS = "OUTPUT_AREAS"
    OUTPUT_RASTER = "OUTPUT_RASTER"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Walking catchments of docking points")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Areas and people within 5, 10 and 15 minutes' walk of each docking point, along streets and footpaths.")

    def tags(self) -> list[str]:
        return self.tr("walking,catchment,isochrone,service area,Einzugsbereich,Andockstelle,fußläufig,population,accessibility").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802
        P.add_network(self)
        self.add(
            QgsProcessingParameterFeatureSource(self.POINTS, self.tr("Docking points"), [Qgis.ProcessingSourceType.VectorPoint]),
            self.tr("The docking points (Andockstellen) or any other places whose walking catchments you need."),
        )
        self.add(
            QgsProcessingParameterField(self.POINT_ID_FIELD, self.tr("Point id field"), parentLayerParameterName=self.POINTS, optional=True),
            self.tr("Field that names each point in the output (point_id). Empty: the feature id."),
        )
        self.add(
            QgsProcessingParameterString(self.BANDS, self.tr("Walking minutes (bands)"), defaultValue="5,10,15"),
            self.tr("Walking times in minutes, separated by commas (5,10,15) or, with decimal commas, by semicolons (5;7,5;10)."),
        )
        P.add_speed(self)
        P.add_snap_distance(self)
        P.add_cost_field(self)
        self.add(
            QgsProcessingParameterEnum(
                self.MODE, self.tr("Catchments"),
                options=[self.tr("One per point and band"), self.tr("Dissolved per band"), self.tr("Nearest point, non-overlapping bands")],
                defaultValue=0,
            ),
            self.tr("Per point: nested polygons for every point. Dissolved: one polygon per band for all points together (the covered area; gaps stand out). Nearest point: every place is given to the docking point nearest on foot, in rings of the bands, without overlaps."),
        )
        self.add(
            QgsProcessingParameterNumber(self.BUFFER_M, self.tr("Buffer around reached paths (m)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=30.0, minValue=1.0, maxValue=500.0),
            self.tr("The catchment is the reached streets and paths widened by this distance (25–40 m covers the houses along them). It never bridges rivers or railways the network does not cross."),
        )
        self.add(
            QgsProcessingParameterFeatureSource(self.POPULATION, self.tr("Population areas"), [Qgis.ProcessingSourceType.VectorPolygon], optional=True),
            self.tr("Optional polygons with a population count (e.g. planning areas or blocks). Population is counted per catchment: by the share of the area inside it, or, with buildings, by the buildings reached."),
        )
        self.add(
            QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.POPULATION, optional=True),
            self.tr("Number of inhabitants per area. German placeholders ('.', '-', 'x') count as unknown, not as 0."),
        )
        self.add(
            QgsProcessingParameterFeatureSource(self.BUILDINGS, self.tr("Buildings"), [Qgis.ProcessingSourceType.VectorPolygon], optional=True),
            self.tr("Optional building footprints: each area's population is spread over its buildings by footprint area, and a building counts when it is within the walking time (far more accurate for large blocks)."),
        )
        add_population_cell_parameters(self)
        P.add_suppress_below(self)
        self.add(
            QgsProcessingParameterNumber(self.RASTER_CELL, self.tr("Raster cell size (m)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=25.0, minValue=1.0),
            self.tr("Cell size of the optional raster of walking minutes."),
            advanced=True,
        )
        self.add_language_parameter()
        self.add(
            QgsProcessingParameterBoolean(self.POLYGONS, self.tr("Catchment polygons"), defaultValue=True),
            self.tr("Off: only the figures (reach_m, population) per point and band, without polygons – much faster for many points. Population areas without buildings are counted by their surface and need the polygons: with such areas they are drawn anyway."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Walking catchments"), Qgis.ProcessingSourceType.VectorPolygon),
            self.tr("Polygons with point_id, minutes, reach_m (network length reached), area_m2, population, snap_status and snap_dist_m."),
        )
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT_AREAS, self.tr("Population areas with walking minutes"), Qgis.ProcessingSourceType.VectorPolygon, optional=True, createByDefault=False),
            self.tr("Each population area with walk_min to the nearest docking point, nearest_id, and the population within each band (pop_5, pop_10, …)."),
        )
        self.add(
            QgsProcessingParameterRasterDestination(self.OUTPUT_RASTER, self.tr("Walking minutes raster"), optional=True, createByDefault=False),
            self.tr("GeoTIFF: walking minutes to the nearest docking point on a grid (cell size under advanced parameters)."),
        )

    # ------------------------------------------------------------------------------------------
    def status_labels(self, lang: str | None = None):
        """Snap status → label (``core/vocabulary``) in ``lang`` (default: the QGIS language)."""
        return vocabulary.labels("snap", lang or self.ui_lang())

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        run = SimpleNamespace(parameters=parameters, context=context, feedback=feedback)
        self._read_run_parameters(run)
        net_crs, run.crs = network_crs(run.network, context, feedback)
        if run.crs != net_crs:
            feedback.pushInfo(self.tr("The network is in degrees; the analysis uses {crs} (metres).").format(crs=run.crs.authid()))
        run.graph = P.load_walk_graph(
            self, parameters, run.network, run.crs, context, feedback, cost_field=run.cost_field, progress=(0.0, 20.0)
        )
        feedback.setProgress(20.0)
        self._snap_points(run)
        self._compute_catchments(run)
        results = {self.OUTPUT: self._write_catchments(run)}
        self._optional_outputs(run, results)
        log_peak_memory(feedback, run.graph.n_edges, len(run.xy))
        feedback.setProgress(100.0)
        return results

    # -- the steps of a run (``run``: the parameter object carried from step to step) -------------------
    def _read_run_parameters(self, run) -> None:
        parameters, context = run.parameters, run.context
        network = run.network = self.required_source(parameters, self.NETWORK, context)
        run.lang = self.output_lang(parameters, context)
        points = run.points = self.required_source(parameters, self.POINTS, context)
        try:
            run.bands = parse_bands(self.parameterAsString(parameters, self.BANDS, context))
        except ValueError as err:
            raise QgsProcessingException(
                self.tr("Walking minutes (BANDS) '{text}' cannot be read. Give positive numbers separated by commas, e.g. 5,10,15, or by semicolons when you write decimal commas, e.g. 5;7,5;10.").format(
                    text=self.parameterAsString(parameters, self.BANDS, context))
            ) from err
        run.speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context)
        run.max_snap = self.parameterAsDouble(parameters, self.MAX_SNAP_DISTANCE, context)
        run.cost_field = self.parameterAsString(parameters, self.COST_FIELD, context)
        run.mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        run.buffer_m = self.parameterAsDouble(parameters, self.BUFFER_M, context)
        run.threshold = self.parameterAsInt(parameters, self.SUPPRESS_BELOW, context)
        run.id_field = self.parameterAsString(parameters, self.POINT_ID_FIELD, context)
        if run.cost_field:
            require_field(network, run.cost_field, network.sourceName())
        if run.id_field:
            require_field(points, run.id_field, points.sourceName())

    def _snap_points(self, run) -> None:
        """The points in metres, their ids, snapped onto the connected network, with a status each."""
        feedback, points, id_field = run.feedback, run.points, run.id_field
        pdata = read_source(points, [id_field] if id_field else [], run.context, feedback, dest_crs=run.crs, progress=(20.0, 22.0))
        if len(pdata) == 0:
            raise QgsProcessingException(
                self.tr("The point layer '{layer}' has no features. Add docking points (or check its filter and selection) and run again.").format(layer=points.sourceName())
            )
        xy = run.xy = point_xy(pdata.geometries)
        ids = run.ids = [str(v) if v is not None and str(v) != "NULL" else str(f) for v, f in zip(pdata.attributes[id_field], pdata.fids)] if id_field else [str(f) for f in pdata.fids]
        # a point that lands on a small fragment (under 1 % of the network length, e.g. a courtyard
        # path) is moved onto the connected network when that lies within the maximum distance too
        snap = run.snap = run.graph.snap_connected(xy, run.max_snap)
        moved = int(snap.moved.sum())
        if moved:
            feedback.pushInfo(self.tr("{n} points lay nearest to a small disconnected fragment of the network and were moved onto the connected network.").format(n=moved))
        status = run.status = point_status(xy, snap)
        self._report_points(feedback, ids, status, snap, run.max_snap, points.sourceName())
        feedback.setProgress(25.0)

    def _compute_catchments(self, run) -> None:
        """The catchments (``core/catchments``) in the chosen mode, and the population in each."""
        feedback, graph, snap, buffer_m = run.feedback, run.graph, run.snap, run.buffer_m
        limits = run.limits = [minutes_to_metres(b, run.speed) for b in run.bands]
        cell = run.cell = cm.default_cell(buffer_m)

        def progress(frac):
            feedback.setProgress(25.0 + 45.0 * frac)

        # population first: areas counted by their surface need the polygons
        demand, run.area_data = self._demand(run.parameters, run.context, feedback, run.crs)
        run.demand = demand
        polygons = self.parameterAsBoolean(run.parameters, self.POLYGONS, run.context) or (
            demand is not None and bool(demand.area_by_surface.any()))
        if run.mode == "per_point":
            # one thread: the per-point work is many small numpy/shapely calls that hold the GIL, and two
            # threads measured 1.1-1.2x slower (180k lattice, Moabit, 1.5 M; benchmarks/bench_per_point.py)
            recs = cm.per_point(graph, snap, limits, buffer_m, cell=cell, workers=1,
                                progress=progress, cancelled=feedback.isCanceled, polygons=polygons)
        elif run.mode == "dissolved":
            recs = cm.dissolved(graph, snap, limits, buffer_m, cell=cell, polygons=polygons)
        else:
            recs = cm.nearest_rings(graph, snap, limits, buffer_m, cell=cell)
        run.recs = recs
        self.check_cancel(feedback)
        feedback.setProgress(70.0)
        run.pops = np.full(len(recs), np.nan)
        if demand is not None:
            run.pops = count_population(graph, snap, run.xy, recs, limits, demand, run.max_snap, run.mode)
        feedback.setProgress(85.0)

    def _write_catchments(self, run):
        """OUTPUT: one feature per catchment (and per band of a point that could not be snapped: listed,
        never dropped silently)."""
        bands, snap, ids, status = run.bands, run.snap, run.ids, run.status
        fields = new_fields(None, [
            ("point_id", "string"), ("minutes", "double"), ("reach_m", "double"), ("area_m2", "double"),
            ("population", "double"), ("snap_status", "string"), ("snap_dist_m", "double"),
        ])
        sink, dest_id = self.required_sink(run.parameters, self.OUTPUT, run.context, fields, Qgis.WkbType.MultiPolygon, run.crs)
        pops_out = suppress_counts(run.pops, run.threshold) if run.demand is not None else run.pops
        rows, geoms = [], []
        for r, pop in zip(run.recs, pops_out):
            if r.point >= 0:
                row = [ids[r.point], bands[r.band], r.reach_m, r.area_m2, pop, status[r.point], float(snap.dist[r.point])]
            else:
                row = [None, bands[r.band], r.reach_m, r.area_m2, pop, None, None]
            rows.append(row)
            geoms.append(from_shapely(r.geometry) if r.geometry is not None else None)
        if run.mode != "dissolved":
            for p in np.flatnonzero(~snap.ok).tolist():  # listed, never dropped silently
                d = float(snap.dist[p]) if np.isfinite(snap.dist[p]) else None
                for b in bands:
                    rows.append([ids[p], b, None, None, None, status[p], d])
                    geoms.append(None)
        write_rows(sink, fields, rows, geoms, run.feedback, progress=(85.0, 92.0))
        lang = run.lang
        labels = [vocabulary.phrase("min_walk", lang, m=_minutes_text(b, lang)) for b in bands]
        self.style_output(run.context, dest_id, lambda lyr: apply_style(lyr, bands, labels), vocabulary.phrase("layer_catchments", lang))
        return dest_id

    def _optional_outputs(self, run, results: dict) -> None:
        """OUTPUT_AREAS (population areas with walking minutes) and OUTPUT_RASTER (minutes to the nearest)."""
        parameters, context, feedback, bands = run.parameters, run.context, run.feedback, run.bands
        if self.OUTPUT_AREAS in parameters and parameters[self.OUTPUT_AREAS] is not None:
            if run.demand is None or run.area_data is None:
                feedback.reportError(self.tr("Population areas with walking minutes need population areas and a population field; that output is left empty."))
            out = self._write_areas(run)
            if out is not None:
                results[self.OUTPUT_AREAS] = out
        feedback.setProgress(95.0)
        raster_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_RASTER, context)
        if raster_path and parameters.get(self.OUTPUT_RASTER) is not None:
            self._write_raster(raster_path, run)
            results[self.OUTPUT_RASTER] = raster_path
            lang = run.lang
            rlabels = [vocabulary.phrase("up_to_min", lang, m=_minutes_text(b, lang)) for b in bands]
            rlabels.append(vocabulary.phrase("more_than_min", lang, m=_minutes_text(bands[-1], lang)))
            style_on_load(context, raster_path, lambda lyr: apply_raster_style(lyr, bands, rlabels),
                          self.tr("Walking minutes to the nearest docking point"))

    # ------------------------------------------------------------------------------------------
    def _report_points(self, feedback, ids, status, snap, max_snap, layer_name):
        labels = self.status_labels()
        far = [i for i, s in enumerate(status) if s in ("too_far", "no_geometry")]
        ok = int(snap.ok.sum())
        feedback.pushInfo(self.tr("{ok} of {n} points lie on or near the network.").format(ok=ok, n=len(status)))
        if far:
            shown = ", ".join(
                "{} ({})".format(ids[i], labels[status[i]] if status[i] == "no_geometry" else "{:.0f} m".format(snap.dist[i]))
                for i in far[:50]
            )
            feedback.reportError(
                self.tr("{n} points are farther than {d:g} m from the network or have no geometry and get no catchment (snap_status): {list}").format(
                    n=len(far), d=max_snap, list=shown + (" …" if len(far) > 50 else "")),
                False,
            )
        small = [ids[i] for i, s in enumerate(status) if s == "small_component"]
        if small:
            feedback.reportError(
                self.tr("{n} points lie on a small part of the network that is not connected to the rest; their catchments stay small: {list}").format(
                    n=len(small), list=", ".join(small[:50])),
                False,
            )
        if ok == 0:
            feedback.reportError(
                self.tr("None of the points of '{layer}' lies within {d:g} m of the network. Check that points and network cover the same place, or raise the maximum distance to the network.").format(
                    layer=layer_name, d=max_snap),
                False,
            )

    def _demand(self, parameters, context, feedback, crs):
        """Population areas (and buildings, or grid cells) as a core ``Demand``; (None, None) when not given."""
        cells = read_population_cells(self, parameters, context, feedback, crs)
        pop_src = self.parameterAsSource(parameters, self.POPULATION, context)
        if pop_src is None:
            return (None, None) if cells is None else (catchment_demand(cells), None)
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        if cells is not None:
            data = read_source(pop_src, [pop_field] if pop_field else [], context, feedback, dest_crs=crs, keep_features=True, progress=(70.0, 74.0))
            pop = read_field(data.attributes[pop_field], COUNT, pop_field, feedback)[0] if pop_field else None
            return catchment_demand(cells, repaired(to_shapely(data.geometries)), pop), (pop_src, data)
        if not pop_field:
            raise QgsProcessingException(
                self.tr("Population areas '{layer}' are given without a population field. Choose the field with the number of inhabitants.").format(layer=pop_src.sourceName())
            )
        data = read_source(pop_src, [pop_field], context, feedback, dest_crs=crs, keep_features=True, progress=(70.0, 74.0))
        pop, problems = read_field(data.attributes[pop_field], COUNT, pop_field, feedback)
        bad = sum(1 for p in problems if p)
        if bad:
            feedback.pushInfo(self.tr("{n} population values of '{layer}' are empty or placeholders and count as unknown.").format(n=bad, layer=pop_src.sourceName()))
        if data.null_geometries:
            feedback.reportError(self.tr("{n} population areas have no geometry and are left out.").format(n=data.null_geometries))
        geoms = repaired(to_shapely(data.geometries))
        bld_geoms = None
        bld_src = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if bld_src is not None:
            bdata = read_source(bld_src, [], context, feedback, dest_crs=crs, progress=(74.0, 78.0))
            bld_geoms = [g for g in to_shapely(bdata.geometries) if g is not None]
        demand = cm.build_demand(geoms, pop, bld_geoms)
        if bld_geoms is not None:
            feedback.pushInfo(
                self.tr("{b} buildings carry the population of {a} areas; {s} areas without buildings are counted by their surface.").format(
                    b=len(demand.point_pop), a=int((~demand.area_by_surface).sum()), s=int(demand.area_by_surface.sum()))
            )
        return demand, (pop_src, data)

    def _write_areas(self, run):
        parameters, context, feedback, graph, snap, xy, ids, limits = (
            run.parameters, run.context, run.feedback, run.graph, run.snap, run.xy, run.ids, run.limits)
        bands, demand, area_data, max_snap, speed, buffer_m, cell, threshold, crs = (
            run.bands, run.demand, run.area_data, run.max_snap, run.speed, run.buffer_m, run.cell, run.threshold, run.crs)
        pop_src, data = area_data if area_data is not None else (None, None)
        base = pop_src.fields() if pop_src is not None else None
        spec = [("walk_min", "double"), ("nearest_id", "string"), ("pop_total", "double")]
        spec += [("pop_{}".format(band_name(b)), "double") for b in bands]
        fields = new_fields(base, spec)
        sink, dest_id = self.required_sink(parameters, self.OUTPUT_AREAS, context, fields, Qgis.WkbType.MultiPolygon, crs)
        if demand is None or data is None:
            return dest_id
        walk_min, nearest = nearest_area_minutes(graph, snap, xy, demand.area_geoms, max_snap, speed)
        nearest_id = [ids[w] if w >= 0 else None for w in nearest.tolist()]
        covered = covered_by_band(graph, snap, xy, demand, limits, max_snap, buffer_m, cell)
        total, covered_out = published_areas(demand.area_pop, covered, threshold)
        base_names = [f.name() for f in base] if base is not None else []
        keep_names = [n for n in base_names if n not in {s[0] for s in spec}]
        rows, geoms = [], []
        for a, feat in enumerate(data.features):
            attrs = [feat[n] for n in keep_names]
            rows.append([*attrs, walk_min[a], nearest_id[a], total[a], *covered_out[a].tolist()])
            geoms.append(data.geometries[a])
        write_rows(sink, fields, rows, geoms, feedback, progress=(92.0, 95.0))
        lang = getattr(self, "_ankunft_lang", None) or self.ui_lang()
        labels = [vocabulary.phrase("up_to_min", lang, m=_minutes_text(b, lang)) for b in bands]
        labels.append(vocabulary.phrase("more_than_min", lang, m=_minutes_text(bands[-1], lang)))
        self.style_output(context, dest_id, lambda lyr: apply_area_style(lyr, bands, labels), vocabulary.phrase("layer_walk_minutes", lang))
        return dest_id

    def _write_raster(self, path, run):
        graph, xy, snap, max_snap, speed, crs = run.graph, run.xy, run.snap, run.max_snap, run.speed, run.crs
        parameters, context, feedback = run.parameters, run.context, run.feedback
        grid = minutes_grid(graph, snap, xy, max_snap, speed, self.parameterAsDouble(parameters, self.RASTER_CELL, context))
        if grid.raised:
            feedback.reportError(self.tr("The raster would be too large; its cell size is raised to {c:.0f} m.").format(c=grid.cell), False)
        # GDAL (osgeo) writes the GeoTIFF: it ships with every QGIS, rasterio is not needed
        write_geotiff(path, grid.minutes, grid.xmin, grid.ymax, grid.cell, crs.toWkt(), NO_DATA, "walking minutes to the nearest docking point")
