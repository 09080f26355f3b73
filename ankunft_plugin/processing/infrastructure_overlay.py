"""``ankunft:infrastructureoverlay`` – social infrastructure per quarter and the arrival "ecosystem".

The QGIS shell around ``core/infrastructure.py``: reads the areas, the facility layers (each
reprojected into one metric CRS), optionally buildings and a walking network, assigns every
facility a category of the scheme, and writes

- ``OUTPUT``: the areas with, per category, the count inside (``n_<code>``), per 1,000 inhabitants
  (``p1k_<code>``) and walking minutes to the nearest (``min_<code>``), ``eco_score``,
  ``eco_missing`` (translated labels), ``lang_match``, ``priority`` …;
- ``OUTPUT_FACILITIES``: every facility within reach of the areas with its category and the
  population (and arrivals) within its walking catchment.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType

from ..core import categories, vocabulary
from ..core import infrastructure as infra
from ..core.distances import NetworkDistances
from ..core.ecosystem import area_columns
from ..core.spatial import repaired
from ..core.values import COUNT
from . import parameters as P
from .base import AnkunftAlgorithm
from .bridge import new_fields, point_xy, read_source, require_field, to_shapely, transformed, utm_crs_for, write_rows
from .number_reading import read_field
from .population_source import add_population_cell_parameters, cells_placement, read_population_cells
from .styles import OKABE_ITO, categorized_fill

PRIORITY_STYLE = vocabulary.colours("priority")
CATEGORY_COLOURS = list(vocabulary.CATEGORY_PALETTE)
CATEGORY_SHAPES = list(vocabulary.CATEGORY_SHAPES)


def _widen(fields, names, length: int):
    """The same fields with the named string fields made ``length`` characters wide."""
    out = QgsFields()
    for f in fields:
        if f.name() in names:
            f = QgsField(f.name(), QMetaType.Type.QString, "string", length)
        out.append(f)
    return out


def apply_area_style(layer, labels: dict) -> None:
    categorized_fill(layer, "priority", infra.PRIORITY_CODES, PRIORITY_STYLE, labels, outline_width="0.2")


def apply_facility_style(layer, keys: list, labels: dict) -> None:
    cats = []
    for i, key in enumerate(keys):
        colour = OKABE_ITO["grey"] if key == infra.OTHER else CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)]
        shape = CATEGORY_SHAPES[(i // len(CATEGORY_COLOURS)) % len(CATEGORY_SHAPES)]
        symbol = QgsMarkerSymbol.createSimple(
            {"name": shape, "color": colour, "size": "2.2", "outline_color": "#333333", "outline_width": "0.2"}
        )
        cats.append(QgsRendererCategory(key, symbol, labels.get(key, key)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("category", cats))


class InfrastructureOverlayAlgorithm(AnkunftAlgorithm):
    # confidentiality (processing/outputs.py): copied population/arrivals fields, people reached, and the
    # facilities per 1000 inhabitants (with n_… they give the population back)
    PEOPLE_PARAMS = ("POPULATION_FIELD", "ARRIVALS_FIELD")
    SIGNED_PARAMS = ("ARRIVALS_FIELD",)  # arrivals may be a net growth (the usual proxy): negative allowed
    PEOPLE = {"OUTPUT_FACILITIES": ("pop_reach", "arr_reach", "aq_pop_reach")}  # noqa: RUF012
    DERIVED = {"OUTPUT": {"p1k_*": ("@POPULATION_FIELD",)}}  # noqa: RUF012
    ALG_ID = "infrastructureoverlay"
    GROUP_ID = "analysis"

    AREAS = "AREAS"
    AREA_ID_FIELD = "AREA_ID_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    ARRIVALS_FIELD = "ARRIVALS_FIELD"
    AREA_LANGUAGES_FIELD = "AREA_LANGUAGES_FIELD"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    LANGUAGES_FIELD = "LANGUAGES_FIELD"
    CATEGORY_SCHEME = "CATEGORY_SCHEME"
    NETWORK = P.NETWORK
    BUILDINGS = "BUILDINGS"
    MAX_MINUTES = "MAX_MINUTES"
    MEASURE_FROM = "MEASURE_FROM"
    GRID_SPACING = "GRID_SPACING"
    SPEED_KMH = P.SPEED_KMH
    MAX_SNAP_DISTANCE = P.MAX_SNAP_DISTANCE
    PRIORITY_BELOW = "PRIORITY_BELOW"
    SUPPRESS_BELOW = P.SUPPRESS_BELOW
    OUTPUT = "OUTPUT"
    OUTPUT_FACILITIES = "OUTPUT_FACILITIES"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Social infrastructure and arrival ecosystem")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Counts social infrastructure per quarter by category, measures walking minutes to the nearest offer and shows which categories are missing in arrival quarters.")

    def tags(self) -> list[str]:
        return self.tr("infrastructure,Infrastruktur,ecosystem,arrival quarter,Ankunftsquartier,docking point,Andockstelle,walking,OSM").split(",")

    # -- labels ---------------------------------------------------------------------------------
    def priority_labels(self, lang: str | None = None) -> dict:
        """Priority code → label (``core/vocabulary``) in ``lang`` (default: the QGIS language)."""
        return vocabulary.labels("priority", lang or self.ui_lang())

    # -- parameters -----------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(
            QgsProcessingParameterFeatureSource(self.AREAS, self.tr("Areas (quarters)"), [Qgis.ProcessingSourceType.VectorPolygon]),
            self.tr("Polygon layer of the quarters, typically the output of 'Classify arrival quarters'. If it has the field aq_class, arrival quarters (established/emerging) with a low eco_score get the priority 'new offers needed first'. Never modified; any CRS."),
        )
        self.add(
            QgsProcessingParameterField(self.AREA_ID_FIELD, self.tr("Area id field"), parentLayerParameterName=self.AREAS, optional=True),
            self.tr("Optional: the area id, written to the facilities output and used in the log."),
        )
        self.add(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Population field (inhabitants)"),
                parentLayerParameterName=self.AREAS,
                type=Qgis.ProcessingFieldParameterDataType.Any,
            ),
            self.tr("Inhabitants per area: for facilities per 1,000 inhabitants and the population in each facility's catchment. Placeholders such as '.', '-' or 'x' are treated as unknown, never as 0."),
        )
        P.add_network(self, optional=True)
        self.add(
            QgsProcessingParameterMultipleLayers(
                self.FACILITIES, self.tr("Facilities (one or more point or polygon layers)"), Qgis.ProcessingSourceType.VectorAnyGeometry
            ),
            self.tr("Layers of social infrastructure: OSM extracts (QuickOSM, Geofabrik), the Berlin POI files or your own lists. Polygons count with a point on their surface. Every layer is reprojected. Empty layers are reported and skipped."),
        )
        self.add(
            QgsProcessingParameterString(self.CATEGORY_FIELD, self.tr("Category field of the facilities (optional)"), optional=True),
            self.tr("Name of a field holding each facility's category (a category key or label of the scheme, e.g. 'counselling' or 'Beratung & Migrationsdienste'). Without it, OSM tags (amenity, social_facility, office, healthcare, shop, religion …), the layer name and the facility name are mapped onto the scheme. Unknown values are reported and kept as 'other'."),
        )
        self.add(
            QgsProcessingParameterFile(
                self.CATEGORY_SCHEME,
                self.tr("Category scheme (empty: built-in)"),
                behavior=Qgis.ProcessingFileParameterBehavior.File,
                fileFilter=self.tr("Category scheme (*.json *.csv)"),
                optional=True,
            ),
            self.tr("Empty: the built-in scheme (resources/categories/scheme.json, ten categories with German and English labels). A JSON file replaces the whole scheme; a CSV file (columns rule,key,value,category) adds rules before the built-in ones. See resources/categories/README.md."),
        )
        self.add(
            QgsProcessingParameterNumber(
                self.MAX_MINUTES, self.tr("Walking time limit (minutes)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=10.0, minValue=0.5, maxValue=120.0
            ),
            self.tr("A category counts as reachable in a quarter when half of its residents reach the nearest facility within this many minutes' walk; also the size of each facility's catchment."),
        )
        self.add(
            QgsProcessingParameterString(self.LANGUAGES_FIELD, self.tr("Languages field of the facilities (optional)"), optional=True),
            self.tr("Name of a field with the languages a facility offers, e.g. 'de,ar,tr,uk' (ISO 639-1 codes or names such as 'Arabisch'). Used for lang_match."),
        )
        self.add(
            QgsProcessingParameterField(
                self.AREA_LANGUAGES_FIELD,
                self.tr("Residents' main languages or nationalities (area field, optional)"),
                parentLayerParameterName=self.AREAS,
                type=Qgis.ProcessingFieldParameterDataType.String,
                optional=True,
            ),
            self.tr("Per area, the residents' main languages or nationalities, e.g. 'ar,tr,uk' or 'SY,TR,UA' or 'Syrien, Türkei'. lang_match is the share of them offered by a facility within the walking time limit."),
        )
        self.add(
            QgsProcessingParameterField(
                self.ARRIVALS_FIELD,
                self.tr("Arrivals field (area field, optional)"),
                parentLayerParameterName=self.AREAS,
                type=Qgis.ProcessingFieldParameterDataType.Any,
                optional=True,
            ),
            self.tr("Optional count of arrivals (e.g. international in-migration or foreign residents) per area: each facility then also gets the arrivals within its catchment, and priorities are ranked by it."),
        )
        self.add(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, self.tr("Buildings (optional)"), [Qgis.ProcessingSourceType.VectorPolygon], optional=True
            ),
            self.tr("Optional building footprints: minutes are measured from every building (the area's population spread over its buildings by footprint area) instead of one point on the area's surface. More accurate for large areas."),
        )
        add_population_cell_parameters(self)
        self.add(
            QgsProcessingParameterEnum(
                self.MEASURE_FROM,
                self.tr("Measure from (without buildings)"),
                options=[self.tr("a grid of points inside each area (residents evenly spread)"), self.tr("one point on each area's surface")],
                defaultValue=0,
            ),
            self.tr("Where the residents of an area are assumed to live when no buildings are given. Grid: points every 'grid spacing' metres inside the area (at most about 64 per area), so a facility's catchment counts the part of an area it reaches. One point: faster, coarser (a catchment counts an area wholly or not at all)."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterNumber(
                self.GRID_SPACING, self.tr("Grid spacing (m)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=100.0, minValue=10.0
            ),
            self.tr("Distance between the grid points inside each area (larger areas get a coarser grid so that each has at most about 64 points)."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterString(self.NAME_FIELD, self.tr("Name field of the facilities"), defaultValue="name", optional=True),
            self.tr("Field with the facility's name: written to the output and used by the scheme's name rules (e.g. 'Jobcenter …' in a generic offices layer)."),
            advanced=True,
        )
        P.add_speed(self, advanced=True)
        P.add_snap_distance(self, advanced=True)
        self.add(
            QgsProcessingParameterNumber(
                self.PRIORITY_BELOW, self.tr("Priority: eco_score below"), Qgis.ProcessingNumberParameterType.Double, defaultValue=0.5, minValue=0.0, maxValue=1.0
            ),
            self.tr("An arrival quarter whose eco_score (share of categories reachable) is below this value gets the priority 'new offers needed first'."),
            advanced=True,
        )
        P.add_suppress_below(self)
        self.add_language_parameter()
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Infrastructure per quarter"), Qgis.ProcessingSourceType.VectorPolygon),
            self.tr("The areas with n_…, p1k_… and min_… per category, eco_score, eco_missing, lang_match, priority and dist_method."),
        )
        self.add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_FACILITIES, self.tr("Facilities with catchment population"), Qgis.ProcessingSourceType.VectorPoint, optional=True, createByDefault=True
            ),
            self.tr("Every facility within reach of the areas: its category, the area it lies in, and the population (and arrivals) within its walking catchment."),
        )
        self.addOutput(QgsProcessingOutputNumber("N_FACILITIES", self.tr("Number of facilities used")))
        self.addOutput(QgsProcessingOutputNumber("N_OTHER", self.tr("Number of facilities kept as 'other'")))
        self.addOutput(QgsProcessingOutputNumber("N_PRIORITY", self.tr("Number of quarters with priority 'new offers needed first'")))
        self.addOutput(QgsProcessingOutputString("DIST_METHOD", self.tr("Distance method")))

    # -- helpers --------------------------------------------------------------------------------
    def _graph(self, parameters, network, crs, context, feedback):
        """The walking graph of the catchment engine (``graph_cache``: built once per session and
        layer). Points are snapped onto its connected parts only (``WalkGraph.snap_connected`` with
        ``strict``): small disconnected fragments (under 1 % of the network length, e.g. courtyard
        paths cut off at the extract's edge) would reach nothing."""
        graph = P.load_walk_graph(self, parameters, network, crs, context, feedback, progress=(5.0, 15.0))
        n, length = graph.fragments()
        if n:
            feedback.pushInfo(
                self.tr("{n} small disconnected fragments of the network ({km:.2f} km) are left out; points near them snap onto the connected network.").format(
                    n=n, km=length / 1000.0
                )
            )
        return graph

    def _read_facilities(self, layers, scheme, crs, cat_field, name_field, lang_field, context, feedback):
        """All facility layers, reprojected into ``crs``: xy, categories, names, languages, report."""
        xy_parts, cats, sources, tokens, names, langs, layer_names, fids = [], [], [], [], [], [], [], []
        report = {"empty": [], "not_vector": [], "null_geom": 0, "per_layer": [], "cat_field_missing": [], "lang_missing": []}
        n_layers = max(len(layers), 1)
        for li, layer in enumerate(layers):
            self.check_cancel(feedback)
            if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
                report["not_vector"].append(layer.name() if layer is not None else "?")
                continue
            lname = layer.name()
            src_name = Path(str(layer.source()).split("|")[0]).stem
            # a layer inside a GeoPackage ("file.gpkg|layername=poi_libraries") is named by its layer name
            uri_layer = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("layerName") or ""
            match_text = "{} {} {}".format(lname, uri_layer, src_name)
            if layer.featureCount() == 0:
                report["empty"].append(lname)
                continue
            lf = categories.layer_fields(layer.fields().names(), cat_field, name_field, lang_field)
            if lf.value_missing:
                report["cat_field_missing"].append(lname)
            if lf.language_missing:
                report["lang_missing"].append(lname)
            p0 = 15.0 + 25.0 * li / n_layers
            data = read_source(layer, lf.wanted, context, feedback, dest_crs=crs, progress=(p0, p0 + 25.0 / n_layers))
            report["null_geom"] += data.null_geometries
            xy = point_xy(data.geometries)
            layer_match = scheme.match_layer(match_text)
            rows = np.flatnonzero(np.isfinite(xy).all(axis=1)).tolist()
            c = categories.categorise(scheme, data.attributes, rows, lf, layer_match, lname)
            xy_parts.extend(xy[rows])
            cats += c.category
            sources += c.source
            tokens += c.token
            names += c.name
            langs += [data.attributes[lf.language][i] if lf.language else None for i in rows]
            layer_names += [lname] * len(rows)
            fids += [int(data.fids[i]) for i in rows]
            counter = Counter(c.category)
            report["per_layer"].append((lname, layer_match, counter))
        xy = np.asarray(xy_parts, dtype=float).reshape(-1, 2)
        return xy, cats, sources, tokens, names, langs, layer_names, fids, report

    # -- run ------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        t0 = time.perf_counter()
        run = SimpleNamespace(parameters=parameters, context=context, feedback=feedback, lang=self.output_lang(parameters, context))
        self._read_parameters(run)
        self._read_areas(run)
        self._representative_points(run)
        self._distance_engine(run)
        self._facilities(run)
        self._analyse(run)
        dest_id = self._write_areas(run)
        fac_dest = self._write_facilities(run)
        return self._finish(run, dest_id, fac_dest, t0)

    # -- the steps of a run (``run``: the parameter object carried from step to step) -------------------
    def _read_parameters(self, run) -> None:
        parameters, context = run.parameters, run.context
        areas = self.required_source(parameters, self.AREAS, context)
        run.areas, run.area_name = areas, areas.sourceName()
        run.id_field = self.parameterAsString(parameters, self.AREA_ID_FIELD, context)
        run.pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        run.arr_field = self.parameterAsString(parameters, self.ARRIVALS_FIELD, context)
        run.alang_field = self.parameterAsString(parameters, self.AREA_LANGUAGES_FIELD, context)
        if not run.pop_field:
            raise QgsProcessingException(self.tr("Choose the population field of layer '{layer}'.").format(layer=run.area_name))
        for f in (run.id_field, run.pop_field, run.arr_field, run.alang_field):
            if f:
                require_field(areas, f, run.area_name)
        run.layers = self.parameterAsLayerList(parameters, self.FACILITIES, context) or []
        if not run.layers:
            raise QgsProcessingException(self.tr("Choose at least one facilities layer (points or polygons of social infrastructure)."))
        run.cat_field = (self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "").strip()
        run.name_field = (self.parameterAsString(parameters, self.NAME_FIELD, context) or "").strip()
        run.lang_field = (self.parameterAsString(parameters, self.LANGUAGES_FIELD, context) or "").strip()
        scheme_path = self.parameterAsFile(parameters, self.CATEGORY_SCHEME, context)
        run.max_minutes = self.parameterAsDouble(parameters, self.MAX_MINUTES, context)
        run.speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context)
        run.max_snap = self.parameterAsDouble(parameters, self.MAX_SNAP_DISTANCE, context)
        run.priority_below = self.parameterAsDouble(parameters, self.PRIORITY_BELOW, context)
        run.threshold = self.parameterAsDouble(parameters, self.SUPPRESS_BELOW, context)
        run.network = self.parameterAsSource(parameters, self.NETWORK, context)
        run.buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        try:
            run.scheme = infra.load_scheme(scheme_path or None)
        except infra.SchemeError as err:
            raise QgsProcessingException(self.tr("Category scheme: {error}. Fix the file or leave the parameter empty for the built-in scheme.").format(error=str(err))) from err
        run.feedback.pushInfo(self.tr("Category scheme: {source} ({n} categories).").format(source=run.scheme.source, n=len(run.scheme.keys)))

    def _read_areas(self, run) -> None:
        """The areas in metres (``polys``), their ids, population, arrivals, classes and languages."""
        areas, context, feedback = run.areas, run.context, run.feedback
        crs = run.crs = utm_crs_for(areas.sourceCrs(), areas.sourceExtent(), context)
        feedback.pushInfo(self.tr("Distances are measured in {crs}.").format(crs=crs.authid() or crs.description()))
        area_data = run.area_data = read_source(areas, (), context, feedback, keep_features=True, progress=(0.0, 5.0))
        run.n_areas = len(area_data)
        if run.n_areas == 0:
            raise QgsProcessingException(self.tr("Layer '{layer}' has no features. Choose a polygon layer of quarters.").format(layer=run.area_name))
        in_fields = run.in_fields = areas.fields()
        polys = to_shapely(transformed(area_data.geometries, areas.sourceCrs(), crs, context))
        run.polys = repaired(polys)

        def column(name):
            idx = in_fields.lookupField(name)
            return [f.attributes()[idx] for f in area_data.features]

        pop_field = run.pop_field
        run.pop, pop_problems = read_field(column(pop_field), COUNT, pop_field, feedback)
        ids = run.ids = [str(v) for v in column(run.id_field)] if run.id_field else [str(int(f)) for f in area_data.fids]
        bad_pop = [ids[i] for i, p in enumerate(pop_problems) if p is not None]
        if bad_pop:
            feedback.pushWarning(
                self.tr("{n} areas have no usable population in '{field}' (e.g. {ids}): no rates per 1,000 there.").format(
                    n=len(bad_pop), field=pop_field, ids=", ".join(bad_pop[:5])
                )
            )
        run.arrivals = read_field(column(run.arr_field), COUNT, run.arr_field, feedback)[0] if run.arr_field else None
        run.aq_class = column("aq_class") if in_fields.lookupField("aq_class") >= 0 else None
        if run.aq_class is None:
            feedback.pushWarning(self.tr("Layer '{layer}' has no field aq_class: priorities are given by eco_score alone ('gaps in the offer'). Run 'Classify arrival quarters' first to rank arrival quarters.").format(layer=run.area_name))
        run.area_langs = column(run.alang_field) if run.alang_field else None
        null_areas = sum(1 for p in run.polys if p is None)
        if null_areas:
            feedback.pushWarning(self.tr("{n} areas have no geometry: they get no figures.").format(n=null_areas))

    def _representative_points(self, run) -> None:
        """Where the residents live: buildings, a grid, population cells or one point per area."""
        parameters, context, feedback = run.parameters, run.context, run.feedback
        b_geoms = None
        if run.buildings is not None:
            bdata = read_source(run.buildings, (), context, feedback, dest_crs=run.crs, progress=(5.0, 10.0))
            b_geoms = [g for g in to_shapely(bdata.geometries) if g is not None]
            feedback.pushInfo(self.tr("{n} buildings read from '{layer}'.").format(n=len(b_geoms), layer=run.buildings.sourceName()))
        grid = self.parameterAsDouble(parameters, self.GRID_SPACING, context) if self.parameterAsEnum(parameters, self.MEASURE_FROM, context) == 0 else None
        cells = read_population_cells(self, parameters, context, feedback, run.crs)
        run.rep = infra.representative_points(run.polys, b_geoms, grid_spacing=grid) if cells is None else cells_placement(run.polys, cells, grid)
        run.methods = Counter(run.rep.method)
        self.check_cancel(feedback)

    def _distance_engine(self, run) -> None:
        """``nearest``/``distances`` along the walking network (``core/distances.NetworkDistances``) or straight."""
        feedback, rep, max_snap = run.feedback, run.rep, run.max_snap
        run.graph = None
        run.rep_valid = None
        run.dist_method = infra.StraightLine.method
        run.nearest, run.distances = infra.StraightLine.nearest, infra.StraightLine.distances
        if run.network is None:
            feedback.pushWarning(self.tr("No walking network given: minutes are straight-line distance at walking speed (dist_method = 'straight line'); real walks are longer."))
            self.check_cancel(feedback)
            return
        network = run.network
        feedback.pushInfo(self.tr("Building the walking graph of '{layer}'…").format(layer=network.sourceName()))
        graph = run.graph = self._graph(run.parameters, network, run.crs, run.context, feedback)
        summ = graph.summary()
        feedback.pushInfo(
            self.tr("Walking graph: {edges} edges, {nodes} nodes, {comp} connected parts, {km:.1f} km.").format(
                edges=summ["edges"], nodes=summ["nodes"], comp=summ["components"], km=summ["length_m"] / 1000.0
            )
        )
        run.dist_method = "network"
        rep_snap = graph.snap_connected(rep.xy, max_snap, strict=True)
        rep_valid = run.rep_valid = rep_snap.ok
        if len(rep) and not rep_valid.all():
            bad = sorted({run.ids[a] for a in rep.area[~rep_valid]})
            feedback.pushWarning(
                self.tr("{n} area points are farther than {d:.0f} m from the walking network (areas {ids}): they are taken as uninhabited; areas where this concerns more than half of the residents get no eco_score.").format(
                    n=int((~rep_valid).sum()), d=max_snap, ids=", ".join(bad[:10])
                )
            )
        self.check_cancel(feedback)
        engine = NetworkDistances(graph, max_snap, rep_xy=rep.xy, rep_snap=rep_snap)
        run.nearest, run.distances = engine.nearest, engine.distances

    def _facilities(self, run) -> None:
        """The facilities (points in metres, category, source, token, name, languages, layer, fid) and their area."""
        feedback, scheme = run.feedback, run.scheme
        fac = self._read_facilities(run.layers, scheme, run.crs, run.cat_field, run.name_field, run.lang_field, run.context, feedback)
        run.fac_xy, run.fac_cat, run.fac_src, run.fac_tok, run.fac_name, run.fac_lang, run.fac_layer, run.fac_fid, report = fac
        self._report_facilities(run, report)
        n_fac = run.n_fac = len(run.fac_xy)
        if n_fac == 0:
            feedback.reportError(self.tr("No facility with a geometry in the chosen layers: every category is missing everywhere."))
        run.fac_area = infra.assign_points(run.fac_xy, run.polys)
        outside = int((run.fac_area < 0).sum())
        if n_fac and outside:
            feedback.pushInfo(
                self.tr("{n} of {total} facilities lie outside all areas: not counted in any area, but still the nearest offer where they are closest.").format(
                    n=outside, total=n_fac
                )
            )

    def _analyse(self, run) -> None:
        """The method (``core/ecosystem.analyse``) and its warnings in words."""
        feedback = run.feedback

        def progress(x):
            feedback.setProgress(45.0 + 40.0 * x)

        inputs = infra.OverlayInputs(
            scheme=run.scheme,
            n_areas=run.n_areas,
            population=run.pop,
            rep=run.rep,
            fac_xy=run.fac_xy,
            fac_cat=run.fac_cat,
            fac_area=run.fac_area,
            nearest=run.nearest,
            distances=run.distances,
            max_minutes=run.max_minutes,
            speed_kmh=run.speed,
            fac_languages=run.fac_lang if run.lang_field else None,
            area_languages=run.area_langs,
            aq_class=run.aq_class,
            arrivals=run.arrivals,
            priority_below=run.priority_below,
            threshold=run.threshold,
            rep_valid=run.rep_valid,
        )
        try:
            result = run.result = infra.analyse(inputs, progress=progress, cancelled=feedback.isCanceled)
        except InterruptedError as err:
            raise QgsProcessingException(self.tr("Cancelled.")) from err
        if "unmeasured_areas" in result.warnings:
            feedback.pushWarning(self.tr("Some areas could not be measured from the walking network: their eco_score is empty and their priority 'insufficient data'."))
        if "no_languages_offered" in result.warnings:
            feedback.pushWarning(self.tr("No facility has a value in the languages field '{field}': lang_match is 0 wherever languages are needed.").format(field=run.lang_field))
        if run.area_langs is not None and not run.lang_field:
            feedback.pushWarning(self.tr("Residents' languages are given but no languages field of the facilities: lang_match stays empty."))

    def _write_areas(self, run):
        """The areas with their input fields and the ecosystem figures (``area_columns``)."""
        scheme, result, in_fields = run.scheme, run.result, run.in_fields
        spec = []
        for key in scheme.keys:
            code = scheme.category(key).field
            spec += [("n_{}".format(code), "int"), ("p1k_{}".format(code), "double"), ("min_{}".format(code), "double")]
        spec += [
            ("eco_score", "double"),
            ("eco_missing", "string"),
            ("eco_miss_k", "string"),
            ("lang_match", "double"),
            ("lang_miss", "string"),
            ("priority", "string"),
            ("prio_label", "string"),
            ("prio_rank", "int"),
            ("rep_method", "string"),
            ("dist_method", "string"),
        ]
        out_fields = _widen(new_fields(in_fields, spec), ("eco_missing",), 1000)
        sink, dest_id = self.required_sink(run.parameters, self.OUTPUT, run.context, out_fields, run.areas.wkbType(), run.areas.sourceCrs())
        new_values = area_columns(result, scheme, run.lang, self.priority_labels(run.lang))
        new_values["rep_method"] = run.rep.method
        new_values["dist_method"] = [run.dist_method] * run.n_areas
        rows = []
        index_of = [(f.name() in new_values, in_fields.lookupField(f.name())) for f in out_fields]
        for i, feat in enumerate(run.area_data.features):
            self.check_cancel(run.feedback)
            attrs = feat.attributes()
            row = []
            for f, (is_new, idx) in zip(out_fields, index_of):
                if is_new:
                    v = new_values[f.name()][i]
                    if f.name() == "prio_rank" and v is not None and np.isfinite(v):
                        v = int(v)
                    row.append(v)
                else:
                    row.append(attrs[idx])
            rows.append(row)
        write_rows(sink, out_fields, rows, run.area_data.geometries, run.feedback, progress=(85.0, 92.0))
        return dest_id

    def _write_facilities(self, run):
        """The facilities near the areas with the people in their catchment (optional output)."""
        parameters, feedback, result = run.parameters, run.feedback, run.result
        run.keep = keep = np.flatnonzero(result.fac_in_study)
        if self.OUTPUT_FACILITIES not in parameters or parameters[self.OUTPUT_FACILITIES] is None:
            return None
        fspec = [
            ("fac_layer", "string"),
            ("fac_fid", "long"),
            ("fac_name", "string"),
            ("category", "string"),
            ("cat_label", "string"),
            ("cat_source", "string"),
            ("cat_token", "string"),
            ("area_id", "string"),
            ("pop_reach", "double"),
        ]
        if run.arrivals is not None:
            fspec.append(("arr_reach", "double"))
        if run.aq_class is not None:
            fspec.append(("aq_pop_reach", "double"))
        if run.lang_field:
            fspec.append(("languages", "string"))
        if run.graph is not None:
            fspec.append(("snap_ok", "bool"))
        fspec += [("reach_min", "double"), ("dist_method", "string")]
        ffields = new_fields(None, fspec)
        fac_sink, fac_dest = self.parameterAsSink(
            parameters, self.OUTPUT_FACILITIES, run.context, ffields, Qgis.WkbType.Point, run.areas.sourceCrs()
        )
        if fac_sink is None:
            return None
        graph, fac_xy, crs, src_crs = run.graph, run.fac_xy, run.crs, run.areas.sourceCrs()
        snap_ok = graph.snap_connected(fac_xy[keep], run.max_snap, strict=True).ok if graph is not None and len(keep) else None
        back = QgsCoordinateTransform(crs, src_crs, run.context.transformContext())
        frows, fgeoms = [], []
        for j, i in enumerate(keep):
            self.check_cancel(feedback)
            row = [
                run.fac_layer[i],
                run.fac_fid[i],
                run.fac_name[i],
                run.fac_cat[i],
                run.scheme.label(run.fac_cat[i], run.lang),
                run.fac_src[i],
                run.fac_tok[i][:254] if run.fac_tok[i] else None,
                run.ids[run.fac_area[i]] if run.fac_area[i] >= 0 else None,
                result.fac_pop[i],
            ]
            if run.arrivals is not None:
                row.append(result.fac_arrivals[i])
            if run.aq_class is not None:
                row.append(result.fac_aq_pop[i])
            if run.lang_field:
                v = run.fac_lang[i]
                row.append(None if v is None or str(v) == "NULL" else str(v))
            if graph is not None:
                row.append(bool(snap_ok[j]))
            row += [run.max_minutes, run.dist_method]
            frows.append(row)
            g = QgsGeometry.fromPointXY(QgsPointXY(float(fac_xy[i, 0]), float(fac_xy[i, 1])))
            if crs != src_crs:
                g.transform(back)
            fgeoms.append(g)
        write_rows(fac_sink, ffields, frows, fgeoms, feedback, progress=(92.0, 99.0))
        left_out = run.n_fac - len(keep)
        if left_out:
            feedback.pushInfo(
                self.tr("{n} facilities farther than {m:g} minutes (straight line) from every area are left out of the facilities output.").format(
                    n=left_out, m=run.max_minutes
                )
            )
        if snap_ok is not None and (~snap_ok).any():
            feedback.pushWarning(
                self.tr("{n} facilities near the areas are farther than {d:.0f} m from the walking network (snap_ok = false): they reach nobody.").format(
                    n=int((~snap_ok).sum()), d=run.max_snap
                )
            )
        return fac_dest

    def _finish(self, run, dest_id, fac_dest, t0) -> dict:
        """Log, styles and the results."""
        feedback, scheme, result, lang = run.feedback, run.scheme, run.result, run.lang
        self._log_areas(feedback, scheme, result, run.ids, lang, run.methods, run.dist_method)
        n_first = sum(1 for p in result.priority if p in ("first",))
        counts = Counter(result.priority)
        plabels = self.priority_labels(lang)
        legend = {k: "{} ({})".format(plabels[k], counts.get(k, 0)) for k in infra.PRIORITY_CODES}
        self.style_output(run.context, dest_id, lambda layer: apply_area_style(layer, legend), vocabulary.phrase("layer_infrastructure", lang))
        if fac_dest:
            fcounts = Counter(run.fac_cat[i] for i in run.keep)
            flabels = {k: "{} ({})".format(scheme.label(k, lang), fcounts.get(k, 0)) for k in scheme.keys}
            keys = list(scheme.keys)
            self.style_output(run.context, fac_dest, lambda layer: apply_facility_style(layer, keys, flabels), vocabulary.phrase("layer_facilities", lang))
        feedback.pushInfo(self.tr("Done in {s:.1f} s.").format(s=time.perf_counter() - t0))
        results = {
            self.OUTPUT: dest_id,
            "N_FACILITIES": run.n_fac,
            "N_OTHER": sum(1 for c in run.fac_cat if c == infra.OTHER),
            "N_PRIORITY": n_first,
            "DIST_METHOD": run.dist_method,
        }
        if fac_dest:
            results[self.OUTPUT_FACILITIES] = fac_dest
        return results

    # -- log ------------------------------------------------------------------------------------
    def _report_facilities(self, run, report):
        feedback, scheme, fac_cat, fac_src, fac_tok, fac_layer = run.feedback, run.scheme, run.fac_cat, run.fac_src, run.fac_tok, run.fac_layer
        cat_field, lang_field, lang = run.cat_field, run.lang_field, run.lang
        for name in report["empty"]:
            feedback.pushWarning(self.tr("Facilities layer '{layer}' is empty: skipped.").format(layer=name))
        for name in report["not_vector"]:
            feedback.pushWarning(self.tr("'{layer}' is not a readable vector layer: skipped.").format(layer=name))
        if report["null_geom"]:
            feedback.pushWarning(self.tr("{n} facilities have no geometry: skipped.").format(n=report["null_geom"]))
        if cat_field and report["cat_field_missing"]:
            feedback.pushWarning(
                self.tr("The category field '{field}' is missing in: {layers}. There the tags, layer name and names are used.").format(
                    field=cat_field, layers=", ".join(report["cat_field_missing"])
                )
            )
        if lang_field and report["lang_missing"]:
            feedback.pushWarning(
                self.tr("The languages field '{field}' is missing in: {layers}.").format(field=lang_field, layers=", ".join(report["lang_missing"]))
            )
        for lname, (lcat, _refine, pattern), counter in report["per_layer"]:
            parts = ", ".join("{} {}".format(n, scheme.label(k, lang)) for k, n in counter.most_common())
            if lcat is not None:
                feedback.pushInfo(self.tr("'{layer}' (layer name '{pattern}'): {parts}").format(layer=lname, pattern=pattern, parts=parts))
            else:
                feedback.pushInfo(self.tr("'{layer}': {parts}").format(layer=lname, parts=parts))
        unknown = Counter((fac_layer[i], fac_tok[i] or "") for i in range(len(fac_cat)) if fac_src[i] == "unknown")
        if unknown:
            total = sum(unknown.values())
            feedback.pushWarning(
                self.tr("{n} facilities have no known category and are kept as 'other'. Add rules for them to a category scheme (see resources/categories/README.md):").format(n=total)
            )
            for (lname, token), n in unknown.most_common(25):
                feedback.pushWarning(self.tr("  {n} × '{token}' in '{layer}'").format(n=n, token=token, layer=lname))
        by_name = sum(1 for s in fac_src if s == "name")
        if by_name:
            feedback.pushInfo(self.tr("{n} facilities were assigned by their name (e.g. 'Jobcenter …' in a generic offices layer).").format(n=by_name))

    def _log_areas(self, feedback, scheme, result, ids, lang, methods, dist_method):
        method_names = {
            "point_on_surface": self.tr("a point on the area's surface"),
            "grid": self.tr("a grid of points inside the area"),
            "buildings": self.tr("its buildings"),
            "none": self.tr("nothing (no geometry)"),
        }
        dist_names = {"network": self.tr("along the walking network"), "straight line": self.tr("straight line")}
        feedback.pushInfo(
            self.tr("Minutes are measured from {what}; distance: {method}.").format(
                what=", ".join("{} × {}".format(n, method_names.get(m, m)) for m, n in methods.items()),
                method=dist_names.get(dist_method, dist_method),
            )
        )
        plabels = self.priority_labels()
        for a in range(min(len(ids), 100)):
            eco = result.eco_score[a]
            if not np.isfinite(eco):
                feedback.pushInfo(self.tr("{id}: no eco_score ({label}).").format(id=ids[a], label=plabels[result.priority[a]]))
                continue
            missing = "; ".join(scheme.label(k, lang) for k in result.eco_missing[a]) or "–"
            feedback.pushInfo(
                self.tr("{id}: eco_score {eco:.2f}, missing: {missing} [{label}]").format(
                    id=ids[a], eco=eco, missing=missing, label=plabels[result.priority[a]]
                )
            )

