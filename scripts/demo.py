#!/usr/bin/env python3
"""``make demo``: the whole Ankunft analysis on the bundled sample, headless, with progress.

classification of all 448 Berlin planning areas → walking network, infrastructure overlay and
walking catchments in Moabit → suggested docking points → strategy map (PDF).

Runs in-process (a standalone QgsApplication and ``processing.run``): robust, no profile needed, and
the strategy-map layout lands in the project that is saved. Writes ``demo-output/``:
``ankunft_demo.gpkg`` (all result layers and the background used by the map),
``ankunft_demo.qgz`` (styled layers in groups, the layout inside, relative paths) and
``strategiekarte_moabit.pdf``; prints a summary with the key figures.

A step whose algorithm is not part of this build is reported plainly as not available, and the steps
that depend on it are skipped; no result is ever faked.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
for candidate in ("/usr/share/qgis/python/plugins", "/usr/lib/qgis/python/plugins"):
    if Path(candidate).exists() and candidate not in sys.path:
        sys.path.append(candidate)

SAMPLE = ROOT / "resources" / "sample" / "ankunft_sample.gpkg"
OUT = Path(os.environ.get("ANKUNFT_DEMO_OUT", ROOT / "demo-output")).resolve()
GPKG = OUT / "ankunft_demo.gpkg"
QGZ = OUT / "ankunft_demo.qgz"
PDF = OUT / "strategiekarte_moabit.pdf"
PNG_DIR = OUT / "pages"

POP = "inh_2020"
MOABIT = "\"region_id\" LIKE '0102%'"
FACILITY_LAYERS = (
    "community_centers", "libraries", "places_of_worship", "doctors", "clinics", "pharmacies", "kindergartens", "childcare",
    "playgrounds", "schools", "supermarkets", "convenience_stores", "marketplaces", "post_offices", "police_stations",
    "sport_centers", "offices", "bus_stops", "tram_stops", "ubahn_stops", "sbahn_stops",
)
# Berlin's sources, as the demo's planner fills them in (the algorithm's defaults are neutral: "not given")
BERLIN_DATES = "Einwohnerregister 31.12.2020 (2015–2020); Monitoring Soziale Stadtentwicklung 2013; OpenStreetMap 2019 (Einrichtungen) / 2025 (Wege, Gebäude)"
BERLIN_ISSUER = "Demo: Bezirksamt Mitte von Berlin, Stadtentwicklungsamt (Beispiel)"
BERLIN_ATTRIBUTION = (
    "© OpenStreetMap-Mitwirkende (ODbL); Amt für Statistik Berlin-Brandenburg (Einwohnerregister); "
    "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin (Monitoring Soziale Stadtentwicklung)"
)
PANEL_FIELDS = {"population": POP, "arrivals": "for_change_2017_2020", "turnover": "k11_turnover", "diversity": "for_2020", "social": "s3_transfer"}
PANEL_UNITS = {"arrivals": 0, "turnover": 1, "diversity": 0, "social": 1}  # 0 count, 1 percent (as the algorithm)
CANDIDATE_LAYERS = ("supermarkets", "marketplaces", "libraries", "post_offices", "ubahn_stops", "sbahn_stops", "tram_stops")


def sample(layer: str) -> str:
    return "{}|layername={}".format(SAMPLE, layer)


def result(layer: str) -> str:
    return "{}|layername={}".format(GPKG, layer)


result_path = result


def into_gpkg(table: str) -> str:
    return "ogr:dbname='{}' table=\"{}\" (geom)".format(GPKG, table)


def main() -> int:
    t_start = time.perf_counter()
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
        QgsVectorLayer,
    )

    app = QgsApplication([], False)
    app.initQgis()
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    from ankunft_plugin.__about__ import __version__
    from ankunft_plugin.processing.provider import AnkunftProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("ankunft")
    if provider is None:
        provider = AnkunftProvider()  # keep the Python reference alive for the whole run
        registry.addProvider(provider)

    class Progress(QgsProcessingFeedback):
        """Prints a step's progress every 10 % and its warnings."""

        def __init__(self, label):
            super().__init__()
            self.label = label
            self.last = -10
            self.warnings = []
            self.progressChanged.connect(self._on_progress)

        def _on_progress(self, value):
            if value >= self.last + 10 or (value >= 100 and self.last < 100):
                self.last = int(value // 10 * 10)
                print("    {:>3.0f} %  {}".format(value, self.label), flush=True)

        def pushWarning(self, text):  # noqa: N802 (QGIS API)
            self.warnings.append(text)
            print("    ! " + text, flush=True)

        def reportError(self, text, fatalError=False):  # noqa: N802, N803
            print("    ERROR " + text, flush=True)

    if "--write-model" in sys.argv:
        i = sys.argv.index("--write-model")
        target = Path(sys.argv[i + 1]) if len(sys.argv) > i + 1 else ROOT / "resources" / "models" / "fullanalysis.model3"
        ok = write_model(target)
        print("model written to {}".format(target) if ok else "could not write {}".format(target), flush=True)
        os._exit(0 if ok else 1)
    if not SAMPLE.exists():
        print("The sample {} is missing: run  .venv/bin/python scripts/make_sample.py".format(SAMPLE))
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    for path in (GPKG, QGZ, PDF):
        if path.exists():
            path.unlink()
    PNG_DIR.mkdir(exist_ok=True)
    for png in PNG_DIR.glob("*.png"):
        png.unlink()

    project = QgsProject.instance()
    project.clear()
    project.setFileName(str(QGZ))
    project.setCrs(QgsVectorLayer(sample("moabit_district"), "d", "ogr").crs())
    context = QgsProcessingContext()
    context.setProject(project)
    steps_total = 8
    timings: list[tuple[str, float]] = []
    missing: list[str] = []
    failed: list[str] = []
    outcome: dict = {}

    def available(alg_id: str) -> bool:
        return registry.algorithmById(alg_id) is not None

    def run(n: int, label: str, alg_id: str, params: dict) -> dict | None:
        print("[{}/{}] {} ({})".format(n, steps_total, label, alg_id), flush=True)
        if not available(alg_id):
            print("    NOT AVAILABLE YET: {} is not part of this build; this step and what depends on it are skipped.".format(alg_id), flush=True)
            missing.append(alg_id)
            return None
        german_output(registry.algorithmById(alg_id), params)
        t = time.perf_counter()
        fb = Progress(label)
        try:
            res = processing.run(alg_id, params, context=context, feedback=fb)
        except Exception as err:  # noqa: BLE001 - a failing step is reported, the demo goes on
            message = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
            print("    FAILED: {}: {}; the steps that depend on it are skipped.".format(alg_id, message), flush=True)
            failed.append("{} ({})".format(alg_id, message))
            return None
        dt = time.perf_counter() - t
        timings.append((label, dt))
        print("    done in {:.1f} s".format(dt), flush=True)
        return res

    # 1 background and inputs into the demo GeoPackage (the project stays self-contained)
    print("[1/{}] Copying the sample's background layers into {}".format(steps_total, GPKG.name), flush=True)
    t = time.perf_counter()
    for layer in ("planning_areas", "moabit_district", "map_pages", "moabit_roads", "moabit_water", "moabit_rails", "moabit_buildings", "poi_community_centers"):
        processing.run(
            "native:savefeatures",
            {"INPUT": sample(layer), "OUTPUT": str(GPKG), "LAYER_NAME": layer, "ACTION_ON_EXISTING_FILE": 1 if GPKG.exists() else 0},
            context=context,
        )
    timings.append(("copy background", time.perf_counter() - t))

    # 2 classification of all Berlin planning areas
    res = run(
        2,
        "Classify the 448 Berlin planning areas",
        "ankunft:classifyarrivalquarters",
        {
            "INPUT": result("planning_areas"),
            "ID_FIELD": "id",
            "POPULATION_FIELD": POP,
            "ARRIVALS_FIELD": "for_change_2017_2020",
            "ARRIVALS_UNIT": 0,
            "TURNOVER_FIELD": "k11_turnover",
            "TURNOVER_UNIT": 1,
            "DIVERSITY_FIELD": "for_2020",
            "DIVERSITY_UNIT": 0,
            "SOCIAL_FIELD": "s3_transfer",
            "SOCIAL_UNIT": 1,
            "MIN_POPULATION": 300,
            "THRESHOLD": 1.0,
            "SMOOTHING": True,
            "SUPPRESS_BELOW": 3,
            "OUTPUT": into_gpkg("arrival_quarters"),
        },
    )
    have_classes = res is not None
    quarters_all = result("arrival_quarters") if have_classes else result("planning_areas")
    processing.run(
        "native:extractbyexpression",
        {"INPUT": quarters_all, "EXPRESSION": MOABIT, "OUTPUT": into_gpkg("moabit_quarters")},
        context=context,
    )
    moabit_quarters = result("moabit_quarters")

    # 3 walking network
    res = run(3, "Prepare the Moabit walking network", "ankunft:preparewalknetwork", {"INPUT": sample("moabit_roads"), "OUTPUT": into_gpkg("walk_network")})
    if res is not None:
        network = result("walk_network")
    else:
        network = result("moabit_roads")
        print("    (the later steps use the OSM roads as they are, without noding)", flush=True)

    # 4 infrastructure overlay
    facility_layers = [QgsVectorLayer(sample("poi_" + name), "poi-" + name.replace("_", "-"), "ogr") for name in FACILITY_LAYERS]
    res = run(
        4,
        "Social infrastructure overlay in Moabit",
        "ankunft:infrastructureoverlay",
        {
            "AREAS": moabit_quarters,
            "AREA_ID_FIELD": "id",
            "POPULATION_FIELD": POP,
            # layer objects named like the Berlin POI files, so the layer-name rules find the category
            "FACILITIES": facility_layers,
            "NETWORK": network,
            "MAX_MINUTES": 10,
            "OUTPUT": into_gpkg("infrastructure"),
            "OUTPUT_FACILITIES": into_gpkg("facilities"),
        },
    )
    have_infra = res is not None

    # 5 walking catchments of the existing docking points (community centres)
    catch_params = {
        "NETWORK": network,
        "POINTS": result("poi_community_centers"),
        "POINT_ID_FIELD": "osm_id",
        "BANDS": "5,10,15",
        "SPEED_KMH": 4.5,
        "POPULATION": moabit_quarters,
        "POPULATION_FIELD": POP,
        "BUILDINGS": result("moabit_buildings"),
        "OUTPUT": into_gpkg("catchments"),
        "OUTPUT_AREAS": into_gpkg("catchment_areas"),
    }
    try:  # the enum value from the algorithm's own list of modes, not a guessed index
        from ankunft_plugin.processing.walking_catchments import MODES

        catch_params["MODE"] = list(MODES).index("dissolved")
    except (ImportError, ValueError):
        pass
    res = run(5, "Walking catchments of the community centres", "ankunft:walkingcatchments", catch_params)
    have_catch = res is not None

    # 6 suggested docking points
    processing.run(
        "native:mergevectorlayers",
        {"LAYERS": [sample("poi_" + name) for name in CANDIDATE_LAYERS], "CRS": None, "OUTPUT": into_gpkg("candidate_sites")},
        context=context,
    )
    res = run(
        6,
        "Suggest 5 new docking points",
        "ankunft:suggestdockingpoints",
        {
            "DEMAND": moabit_quarters,
            "WEIGHT_FIELD": POP,
            "BUILDINGS": result("moabit_buildings"),
            "CANDIDATES": result("candidate_sites"),
            "EXISTING": result("poi_community_centers"),
            "NETWORK": network,
            "MAX_MINUTES": 10,
            "SPEED_KMH": 4.5,
            "COUNT": 5,
            "METHOD": 1,
            "VISIBILITY": 0,
            "OUTPUT": into_gpkg("suggested_sites"),
        },
    )
    have_sites = res is not None
    if res is not None:
        outcome["coverage"] = (res.get("COVERAGE_BEFORE_PCT"), res.get("COVERAGE_AFTER_PCT"), res.get("OPTIMALITY_GAP_PCT"))

    # 7 strategy map
    map_params = {
        "DISTRICTS": result("map_pages"),
        "DISTRICT_NAME_FIELD": "name",
        "QUARTERS": result("infrastructure") if have_infra else moabit_quarters,
        "POPULATION_FIELD": POP,
        "CATCHMENTS": result("catchments") if have_catch else None,
        "CATCHMENT_AREAS": result("catchment_areas") if have_catch else None,
        "DOCKING_POINTS": result("poi_community_centers"),
        "FACILITIES": result("facilities") if have_infra else None,
        "INFRASTRUCTURE": result("infrastructure") if have_infra else None,
        "SUGGESTED": result("suggested_sites") if have_sites else None,
        "STREETS": result("moabit_roads"),
        "WATER": result("moabit_water"),
        "NETWORK": network,
        "TITLE": "Strategiekarte Ankunftsquartiere",
        "DATA_DATES": BERLIN_DATES,
        "ISSUER": BERLIN_ISSUER,
        "ATTRIBUTION": BERLIN_ATTRIBUTION,
        "PAPER": 0,
        "LANGUAGE": 0,
        "OUTPUT": into_gpkg("map_pages_keyfigures"),
        "OUTPUT_PDF": str(PDF),
        "OUTPUT_PNG_FOLDER": str(PNG_DIR),
    }
    res = run(7, "Strategy map (A3, German)", "ankunft:strategymap", map_params)
    if res is not None:
        outcome["layout"] = res.get("LAYOUT_NAME")

    # 8 the project: styled layers in groups, the layout inside, relative paths
    print("[8/{}] Writing the project {}".format(steps_total, QGZ.name), flush=True)
    t = time.perf_counter()
    build_project(project, have_classes, have_infra, have_catch, have_sites)
    project.writeEntryBool("Paths", "/Absolute", False)
    project.setTitle("Ankunftsquartiere Moabit (Demo)")
    if not project.write(str(QGZ)):
        print("    could not write the project: " + project.error())
        return 1
    timings.append(("project", time.perf_counter() - t))

    summary(project, have_classes, have_infra, have_catch, have_sites, outcome, missing, failed, timings, time.perf_counter() - t_start, __version__)
    rc = 1 if failed or not PDF.exists() else 0
    project.clear()
    context.temporaryLayerStore().removeAllMapLayers()
    checkpoint(GPKG)
    sys.stdout.flush()
    sys.stderr.flush()
    # QgsApplication.exitQgis() after Processing can crash on teardown in a standalone script;
    # everything is written and flushed, so leave without it.
    os._exit(rc)


def german_output(alg, params: dict) -> None:
    """Results in German: set an algorithm's output-language parameter (if it has one) to German."""
    if alg is None:
        return
    for p in alg.parameterDefinitions():
        if "LANGUAGE" not in p.name() or p.name() in params or not hasattr(p, "options"):
            continue
        for i, option in enumerate(p.options()):
            if "deutsch" in option.lower() or "german" in option.lower():
                params[p.name()] = i
                break


def write_model(path: Path) -> bool:
    """Write the Processing model ``ankunft:fullanalysis`` (the same chain as this demo) to ``path``.

    Needs the plugin's provider registered (QGIS derives the model's output parameters from the child
    algorithms). QGIS 3.40 names model output parameters in lower case (``pdf``, ``quarters`` …)."""
    from qgis.core import (  # noqa: N817
        Qgis,
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
        QgsProcessingParameterVectorLayer,
    )
    from qgis.core import QgsProcessingModelChildParameterSource as S
    from qgis.PyQt.QtCore import QPointF

    descriptions = {
        "QUARTERS": "Classified quarters",
        "INFRASTRUCTURE": "Infrastructure per quarter",
        "CATCHMENTS": "Walking catchments",
        "SUGGESTED": "Suggested docking points",
        "PDF": "Strategy map (PDF)",
        "PAGES": "Map pages with key figures",
    }
    m = QgsProcessingModelAlgorithm("fullanalysis", "planning")
    m.setHelpContent({"ALG_DESC": "The whole Ankunft analysis in one model: classify the areas, prepare the walking network, social infrastructure overlay and walking catchments in the districts, suggest new docking points, and the district strategy map (PDF). Open it in the model designer to change steps or defaults. / Die ganze Ankunft-Analyse in einem Modell: Gebiete einordnen, Fußwegenetz aufbereiten, soziale Infrastruktur und Einzugsbereiche in den Bezirken, neue Andockstellen vorschlagen und die Strategiekarte (PDF).",
                      "ALG_CREATOR": "Ankunft plugin", "ALG_VERSION": "1"})
    y = [40]

    def inp(param, help_text):
        param.setHelp(help_text)
        # QGIS keeps a model parameter's help in the model's help content (the .model3 drops param.help())
        m.setHelpContent({**m.helpContent(), param.name(): help_text})
        component = QgsProcessingModelParameter(param.name())
        component.setPosition(QPointF(120, y[0]))
        m.addModelParameter(param, component)
        y[0] += 60

    P = QgsProcessing.SourceType  # noqa: N806
    inp(QgsProcessingParameterFeatureSource("AREAS", "Areas with statistics (whole city)", [P.TypeVectorPolygon]), "Blocks or planning areas of the whole city with population and indicators.")
    inp(QgsProcessingParameterField("ID_FIELD", "Area id field", parentLayerParameterName="AREAS", optional=True), "Area id.")
    inp(QgsProcessingParameterField("POPULATION_FIELD", "Population field", parentLayerParameterName="AREAS"), "Inhabitants per area.")
    units = ["count (converted with the population)", "percent of population", "per 1000 inhabitants"]
    for key, label, unit in (("ARRIVALS", "Arrivals field", 0), ("TURNOVER", "Turnover field", 1), ("DIVERSITY", "Diversity field", 1)):
        inp(QgsProcessingParameterField(key + "_FIELD", label, parentLayerParameterName="AREAS", optional=True), label + " (see Classify arrival quarters).")
        inp(QgsProcessingParameterEnum(key + "_UNIT", label + ": unit", options=units, defaultValue=unit), "Unit of the field.")
    inp(QgsProcessingParameterVectorLayer("DISTRICTS", "Districts (one map page each; the areas within them are analysed)", [P.TypeVectorPolygon]), "Districts to map, one page each; the areas that lie within one of them are analysed (walking network, infrastructure, siting).")
    inp(QgsProcessingParameterFeatureSource("ROADS", "Streets and paths (OSM)", [P.TypeVectorLine]), "The walking network source, e.g. an OSM extract.")
    inp(QgsProcessingParameterMultipleLayers("FACILITIES", "Social infrastructure (one or more layers)", Qgis.ProcessingSourceType.VectorAnyGeometry), "Facilities; categories from OSM tags or the layer names.")
    inp(QgsProcessingParameterVectorLayer("DOCKING_POINTS", "Existing docking points", [P.TypeVectorPoint]), "Existing docking points.")
    inp(QgsProcessingParameterFeatureSource("CANDIDATES", "Candidate sites", [P.TypeVectorPoint]), "Candidate sites for new docking points.")
    inp(QgsProcessingParameterFeatureSource("BUILDINGS", "Buildings", [P.TypeVectorPolygon], optional=True), "Buildings: population is placed on them.")
    inp(QgsProcessingParameterVectorLayer("WATER", "Water (map background)", [P.TypeVectorAnyGeometry], optional=True), "Water for the map background.")
    inp(QgsProcessingParameterNumber("MINUTES", "Walking minutes", Qgis.ProcessingNumberParameterType.Double, defaultValue=10, minValue=1), "Walking limit for infrastructure and siting.")
    inp(QgsProcessingParameterNumber("COUNT", "Number of new docking points", Qgis.ProcessingNumberParameterType.Integer, defaultValue=5, minValue=1), "How many new sites to suggest.")
    inp(QgsProcessingParameterString("TITLE", "Map title", defaultValue="Strategiekarte Ankunftsquartiere", optional=True), "Title of the strategy map.")

    def child(cid, alg, desc, params, outputs=(), x=500):
        c = QgsProcessingModelChildAlgorithm(alg)
        c.setChildId(cid)
        c.setDescription(desc)
        c.setPosition(QPointF(x, 80 + 110 * len(m.childAlgorithms())))
        for k, v in params.items():
            c.addParameterSources(k, [v])
        outs = {}
        for key, name in outputs:
            o = QgsProcessingModelOutput(name)
            o.setChildId(cid)
            o.setChildOutputName(key)
            o.setDescription(descriptions[name])
            o.setDefaultValue("TEMPORARY_OUTPUT")
            outs[name] = o
        c.setModelOutputs(outs)
        m.addChildAlgorithm(c)
    try:
        from ankunft_plugin.processing.walking_catchments import MODES

        dissolved = list(MODES).index("dissolved")
    except (ImportError, ValueError):
        dissolved = 1
    MP, CO, SV = S.fromModelParameter, S.fromChildOutput, S.fromStaticValue  # noqa: N806
    child("classify", "ankunft:classifyarrivalquarters", "Classify arrival quarters", {
        "INPUT": MP("AREAS"), "ID_FIELD": MP("ID_FIELD"), "POPULATION_FIELD": MP("POPULATION_FIELD"),
        "ARRIVALS_FIELD": MP("ARRIVALS_FIELD"), "ARRIVALS_UNIT": MP("ARRIVALS_UNIT"), "TURNOVER_FIELD": MP("TURNOVER_FIELD"), "TURNOVER_UNIT": MP("TURNOVER_UNIT"),
        "DIVERSITY_FIELD": MP("DIVERSITY_FIELD"), "DIVERSITY_UNIT": MP("DIVERSITY_UNIT")}, [("OUTPUT", "QUARTERS")])
    child("districtareas", "native:extractbylocation", "Areas in the districts", {"INPUT": CO("classify", "OUTPUT"), "PREDICATE": SV([6]), "INTERSECT": MP("DISTRICTS")})
    child("network", "ankunft:preparewalknetwork", "Prepare walking network", {"INPUT": MP("ROADS")})
    child("infra", "ankunft:infrastructureoverlay", "Social infrastructure overlay", {
        "AREAS": CO("districtareas", "OUTPUT"), "AREA_ID_FIELD": MP("ID_FIELD"), "POPULATION_FIELD": MP("POPULATION_FIELD"), "FACILITIES": MP("FACILITIES"),
        "NETWORK": CO("network", "OUTPUT"), "MAX_MINUTES": MP("MINUTES")}, [("OUTPUT", "INFRASTRUCTURE")])
    child("catch", "ankunft:walkingcatchments", "Walking catchments", {
        "NETWORK": CO("network", "OUTPUT"), "POINTS": MP("DOCKING_POINTS"), "BANDS": SV("5,10,15"), "MODE": SV(dissolved),
        "POPULATION": CO("districtareas", "OUTPUT"), "POPULATION_FIELD": MP("POPULATION_FIELD"), "BUILDINGS": MP("BUILDINGS"),
        "OUTPUT_AREAS": SV("TEMPORARY_OUTPUT")}, [("OUTPUT", "CATCHMENTS")])
    child("suggest", "ankunft:suggestdockingpoints", "Suggest docking points", {
        "DEMAND": CO("districtareas", "OUTPUT"), "WEIGHT_FIELD": MP("POPULATION_FIELD"), "BUILDINGS": MP("BUILDINGS"), "CANDIDATES": MP("CANDIDATES"),
        "EXISTING": MP("DOCKING_POINTS"), "NETWORK": CO("network", "OUTPUT"), "MAX_MINUTES": MP("MINUTES"), "COUNT": MP("COUNT")}, [("OUTPUT", "SUGGESTED")])
    child("map", "ankunft:strategymap", "District strategy map", {
        "DISTRICTS": MP("DISTRICTS"), "QUARTERS": CO("infra", "OUTPUT"), "POPULATION_FIELD": MP("POPULATION_FIELD"), "CATCHMENTS": CO("catch", "OUTPUT"),
        "CATCHMENT_AREAS": CO("catch", "OUTPUT_AREAS"), "DOCKING_POINTS": MP("DOCKING_POINTS"), "FACILITIES": CO("infra", "OUTPUT_FACILITIES"),
        "INFRASTRUCTURE": CO("infra", "OUTPUT"), "SUGGESTED": CO("suggest", "OUTPUT"), "STREETS": MP("ROADS"), "WATER": MP("WATER"), "TITLE": MP("TITLE"),
        "MINUTES": MP("MINUTES")}, [("OUTPUT_PDF", "PDF"), ("OUTPUT", "PAGES")])
    m.updateDestinationParameters()
    from ankunft_plugin.processing.model_texts import parameter_order

    m.setParameterOrder(parameter_order([p.name() for p in m.parameterDefinitions() if not p.isDestination()]))
    path.parent.mkdir(parents=True, exist_ok=True)
    return m.toFile(str(path))


def checkpoint(path: Path) -> None:
    """Fold the GeoPackage's write-ahead log into the file, so the .gpkg alone is complete."""
    import sqlite3

    try:
        con = sqlite3.connect(str(path))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    except sqlite3.Error as err:
        print("    (could not checkpoint {}: {})".format(path.name, err))


def build_project(project, have_classes, have_infra, have_catch, have_sites) -> None:
    """Analysis layers from the demo GeoPackage, styled, in groups below the strategy-map group; the view on
    Moabit; the panel's settings, so the Ankunftsquartiere panel continues this analysis."""
    from qgis.core import QgsFillSymbol, QgsReferencedRectangle, QgsSingleSymbolRenderer, QgsVectorLayer

    from ankunft_plugin.layout import builder

    root = project.layerTreeRoot()
    results: dict = {}

    def add(group, table, name, style, result=None, visible=True):
        layer = QgsVectorLayer(result_path(table), name, "ogr")
        if not layer.isValid():
            return None
        style(layer)
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(visible)
        if result:
            step, output = result
            layer.setCustomProperty("ankunft/result", "{}/{}".format(step, output))
            results.setdefault(step, {})[output] = layer.id()
        return layer

    planning = root.addGroup("Planung: Andockstellen")
    if have_sites:
        add(planning, "suggested_sites", "Vorgeschlagene Andockstellen", lambda lyr: builder.style_suggested(lyr, "de", "rank"), ("docking", "OUTPUT"))
    add(planning, "poi_community_centers", "Bestehende Andockstellen (Stadtteilzentren)", lambda lyr: builder.style_docking(lyr, "de"))
    if have_catch:
        access = root.addGroup("Erreichbarkeit zu Fuß")
        add(access, "catchments", "Einzugsbereiche 5/10/15 Minuten", lambda lyr: builder.style_catchments(lyr, "de", "minutes"), ("catchments", "OUTPUT"))
        add(access, "catchment_areas", "Einwohner in Gehminuten je Planungsraum", lambda lyr: builder.style_plain_areas(lyr), ("catchments", "OUTPUT_AREAS"), visible=False)
    if have_infra:
        infra = root.addGroup("Soziale Infrastruktur")
        add(infra, "facilities", "Einrichtungen nach Kategorie", lambda lyr: builder.style_facilities(lyr, "de", "category"), ("infrastructure", "OUTPUT_FACILITIES"))
        add(infra, "infrastructure", "Angebotslücken in Ankunftsquartieren", lambda lyr: builder.style_priority(lyr, "de"), ("infrastructure", "OUTPUT"))
    analysis = root.addGroup("Analyse: Ankunftsquartiere")
    if have_classes:
        add(analysis, "moabit_quarters", "Ankunftsquartiere Moabit", lambda lyr: builder.style_quarters(lyr, "de", "aq_class", "name"))
        add(analysis, "arrival_quarters", "Ankunftsquartiere Berlin (448 Planungsräume)", lambda lyr: builder.style_quarters(lyr, "de", "aq_class", None), ("classify", "OUTPUT"), visible=False)
    add(analysis, "map_pages_keyfigures", "Kennzahlen je Kartenseite", lambda lyr: builder.style_pages(lyr, "name"), ("strategy", "OUTPUT"), visible=False)
    data = add(analysis, "planning_areas", "Planungsräume Berlin (Eingangsdaten 2015–2020, MSS 2013)", lambda lyr: builder.style_plain_areas(lyr), visible=False)
    back = root.addGroup("Hintergrund")
    moabit = add(back, "moabit_district", "Moabit", lambda lyr: builder.style_pages(lyr, "name"))
    add(back, "moabit_roads", "Straßen und Wege", lambda lyr: builder.style_streets(lyr, "fclass"))
    add(back, "moabit_rails", "Bahnanlagen", lambda lyr: None)
    add(back, "moabit_water", "Gewässer", builder.style_water)
    bld = add(back, "moabit_buildings", "Gebäude (ALKIS)", lambda lyr: None)
    if bld is not None:
        bld.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "#E4E0DA", "outline_color": "#CFCAC2", "outline_width": "0.05"})))
    # the strategy-map group (print copies, switched off: the layout draws its own layer set) goes last
    for child in list(root.children()):
        if child.name().startswith("Strategiekarte"):
            clone = child.clone()
            clone.setItemVisibilityChecked(False)
            clone.setExpanded(False)
            root.addChildNode(clone)
            root.removeChildNode(child)
    # the map opens on Moabit (QGIS uses the default view extent when the project has no saved canvas)
    if moabit is not None:
        extent = moabit.extent()
        extent.grow(max(extent.width(), extent.height()) * 0.05)
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, moabit.crs()))
    write_panel_settings(project, data, results)


def write_panel_settings(project, data, results) -> None:
    """The Ankunftsquartiere panel's project settings (scope "ankunft", keys of gui/dock.py): the input layer
    and field mapping of step 1 and the result layers of the steps, so the panel reopens where the demo ended."""
    import json

    if data is None:
        return
    project.writeEntry("ankunft", "data/layer", data.id())
    project.writeEntry("ankunft", "data/id_field", "id")
    project.writeEntry("ankunft", "data/fields", json.dumps(PANEL_FIELDS))
    project.writeEntry("ankunft", "data/units", json.dumps(PANEL_UNITS))
    project.writeEntry("ankunft", "results", json.dumps(results))
    sources = {step: {name: project.writePath(project.mapLayer(lid).source()) for name, lid in outs.items()} for step, outs in results.items()}
    project.writeEntry("ankunft", "result_sources", json.dumps(sources))


def summary(project, have_classes, have_infra, have_catch, have_sites, outcome, missing, failed, timings, total, version) -> None:
    from qgis.core import QgsVectorLayer

    print()
    print("=" * 78)
    print("Ankunft {} – demo summary".format(version))
    print("=" * 78)
    if have_classes:
        lyr = QgsVectorLayer(result("arrival_quarters"), "q", "ogr")
        counts, pops = {}, {}
        for f in lyr.getFeatures():
            c = f["aq_class"]
            counts[c] = counts.get(c, 0) + 1
            try:
                pops[c] = pops.get(c, 0.0) + float(f[POP])
            except (TypeError, ValueError):
                pass
        total_pop = sum(pops.values()) or 1.0
        print("Berlin, 448 planning areas (register 2020, MSS 2013 turnover):")
        for c in ("established", "emerging", "none", "insufficient"):
            print("  {:<13} {:>4} areas  {:>5.1f} % of the population".format(c, counts.get(c, 0), 100.0 * pops.get(c, 0.0) / total_pop))
        moabit = QgsVectorLayer(result("moabit_quarters"), "m", "ogr")
        print("Moabit: " + ", ".join("{} {}".format(f["name"], f["aq_class"]) for f in moabit.getFeatures()))
    if have_infra:
        lyr = QgsVectorLayer(result("infrastructure"), "i", "ogr")
        print("Infrastructure within 10 min (eco_score, missing):")
        for f in lyr.getFeatures():
            score = f["eco_score"]
            print("  {:<20} {:>5}  {}".format(str(f["name"])[:20], "–" if score is None or str(score) == "NULL" else "{:.2f}".format(float(score)), f["eco_missing"] or ""))
    if "coverage" in outcome:
        before, after, gap = outcome["coverage"]
        print("Docking points: population within 10 min {:.1f} % → {:.1f} % with 5 new sites (optimality gap {} %)".format(
            float(before or 0), float(after or 0), gap))
        sites = QgsVectorLayer(result("suggested_sites"), "s", "ogr")
        for f in sorted(sites.getFeatures(), key=lambda f: f["rank"]):
            print("  rank {}: {} (+{:.0f} people)".format(f["rank"], f["name"], float(f["added_weight"] or 0)))
    pages = QgsVectorLayer(result("map_pages_keyfigures"), "p", "ogr")
    if pages.isValid():
        print("Strategy map key figures (as printed):")
        for f in pages.getFeatures():
            print("  {:<12} population {:>8} | in arrival quarters {:>6} | within 10 min {} | not measurable: {}".format(
                f["name"], f["t_population"], f["t_aq_share"], f["t_coverage"], f["t_not_measurable"]))
            print("  {:<12} gaps: {} | no data: {} | without category: {}".format("", str(f["t_missing"]).replace("\n", "; "), f["t_no_data"], f["t_uncategorised"]))
    if missing:
        print("NOT AVAILABLE YET in this build: " + ", ".join(missing))
    if failed:
        print("FAILED steps: " + "; ".join(failed))
    print("Outputs: {} | {} | {} | {}".format(GPKG, QGZ, PDF if PDF.exists() else "(no PDF)", PNG_DIR))
    print("Timings: " + ", ".join("{} {:.1f} s".format(k, v) for k, v in timings) + " | total {:.1f} s".format(total))


if __name__ == "__main__":
    sys.exit(main())
