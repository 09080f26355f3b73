#!/usr/bin/env python3
"""``make demo``: the whole Ankunft analysis on the bundled sample, headless, with progress.

classification of all 448 Berlin planning areas → walking network, infrastructure overlay and
walking catchments in Moabit → suggested docking points → strategy map (PDF).

Runs in-process (a standalone QgsApplication and ``processing.run``): robust, no profile needed, and
the strategy-map layout lands in the project that is saved. Writes ``demo-output/``:
``ankunft_demo.gpkg`` (all result layers and the background used by the map),
``ankunft_demo.qgz`` (styled layers in groups, the layout inside, relative paths) and
``strategiekarte_moabit.pdf``; prints a summary with the key figures.

The steps and how the results of one feed the inputs of the next come from ``core/workflow.py`` (the
same description the panel follows, and a test holds the shipped model to): this script only says which
sample layer plays which role, where each result is written, and the planner's settings of each step.

A step whose algorithm is not part of this build is reported plainly as not available, and the steps
that depend on it are skipped; no result is ever faked.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
for candidate in ("/usr/share/qgis/python/plugins", "/usr/lib/qgis/python/plugins"):
    if Path(candidate).exists() and candidate not in sys.path:
        sys.path.append(candidate)

from ankunft_plugin.core import workflow as wf  # noqa: E402 (core: no QGIS import)
from ankunft_plugin.core.fieldmatch import find_field  # noqa: E402

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
# the demo's layers per role of core/workflow.py (what a planner would choose in the panel); the
# facilities are the POI layers, as layer objects named like the Berlin POI files
ROLE_TABLES = {
    wf.AREAS: "planning_areas", wf.DOCKING: "poi_community_centers", wf.CANDIDATES: "candidate_sites", wf.BUILDINGS: "moabit_buildings",
    wf.DISTRICTS: "map_pages", wf.STREETS: "moabit_roads", wf.WATER: "moabit_water",
}
# where each step's results are written in the demo GeoPackage; the study area (Moabit) is cut from the classification
RESULT_TABLES = {
    wf.CLASSIFIED: "arrival_quarters", wf.PREPARED_NETWORK: "walk_network", ("infrastructure", "OUTPUT"): "infrastructure",
    ("infrastructure", "OUTPUT_FACILITIES"): "facilities", ("catchments", "OUTPUT"): "catchments", ("catchments", "OUTPUT_AREAS"): "catchment_areas",
    ("docking", "OUTPUT"): "suggested_sites", ("strategy", "OUTPUT"): "map_pages_keyfigures",
}
STUDY_AREA_TABLE = "moabit_quarters"
LABELS = {
    "classify": "Classify the 448 Berlin planning areas", "network": "Prepare the Moabit walking network",
    "infrastructure": "Social infrastructure overlay in Moabit", "catchments": "Walking catchments of the community centres",
    "docking": "Suggest 5 new docking points", "strategy": "Strategy map (A3, German)",
}
# inputs the panel fills that the demo leaves to the algorithm: the overlay's arrivals field (kept as the
# demo always ran, so its figures stay comparable)
LEAVE_OUT = {"infrastructure": ("ARRIVALS_FIELD",)}
CANDIDATE_LAYERS = ("supermarkets", "marketplaces", "libraries", "post_offices", "ubahn_stops", "sbahn_stops", "tram_stops")


def settings(key: str) -> dict:
    """The planner's settings of a step (not wiring: that is core/workflow.py's)."""
    return {
        "classify": {"MIN_POPULATION": 300, "THRESHOLD": 1.0, "SMOOTHING": True, "SUPPRESS_BELOW": 3},
        "infrastructure": {"MAX_MINUTES": 10},
        "catchments": {"BANDS": "5,10,15", "SPEED_KMH": 4.5},
        "docking": {"MAX_MINUTES": 10, "SPEED_KMH": 4.5, "COUNT": 5, "METHOD": 1, "VISIBILITY": 0},
        "strategy": {
            "DATA_DATES": BERLIN_DATES, "ISSUER": BERLIN_ISSUER, "ATTRIBUTION": BERLIN_ATTRIBUTION, "PAPER": 0, "LANGUAGE": 0,
            "OUTPUT_PDF": str(PDF), "OUTPUT_PNG_FOLDER": str(PNG_DIR),
        },
    }.get(key, {})


def sample(layer: str) -> str:
    return "{}|layername={}".format(SAMPLE, layer)


def result(layer: str) -> str:
    return "{}|layername={}".format(GPKG, layer)


result_path = result


def into_gpkg(table: str) -> str:
    return "ogr:dbname='{}' table=\"{}\" (geom)".format(GPKG, table)


@dataclass
class DemoRun:
    """What a run of the demo did: the steps done, figures for the summary, what was missing or failed."""

    version: str = ""
    done: set = field(default_factory=set)
    outcome: dict = field(default_factory=dict)
    missing: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    timings: list = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    facilities: list = field(default_factory=list)  # the POI layers (objects: kept alive for the run)


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from ankunft_plugin.__about__ import __version__
    from ankunft_plugin.processing.provider import AnkunftProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("ankunft")
    if provider is None:
        provider = AnkunftProvider()  # keep the Python reference alive for the whole run
        registry.addProvider(provider)
    if "--write-model" in sys.argv:
        i = sys.argv.index("--write-model")
        target = Path(sys.argv[i + 1]) if len(sys.argv) > i + 1 else ROOT / "resources" / "models" / "fullanalysis.model3"
        ok = write_model(target)
        print("model written to {}".format(target) if ok else "could not write {}".format(target), flush=True)
        os._exit(0 if ok else 1)
    if not SAMPLE.exists():
        print("The sample {} is missing: run  .venv/bin/python scripts/make_sample.py".format(SAMPLE))
        return 2
    rc = run_demo(registry, DemoRun(version=__version__))
    sys.stdout.flush()
    sys.stderr.flush()
    # QgsApplication.exitQgis() after Processing can crash on teardown in a standalone script;
    # everything is written and flushed, so leave without it.
    os._exit(rc)


def run_demo(registry, run: DemoRun) -> int:
    """Every step of core/workflow.py's batch run on the sample, then the project and the summary."""
    from qgis.core import QgsProcessingContext, QgsProject, QgsVectorLayer

    clear_output()
    project = QgsProject.instance()
    project.clear()
    project.setFileName(str(QGZ))
    project.setCrs(QgsVectorLayer(sample("moabit_district"), "d", "ogr").crs())
    context = QgsProcessingContext()
    context.setProject(project)
    copy_background(context, run)
    for n, key in enumerate(wf.BATCH_ORDER, start=2):
        prepare_step(key, context, run)
        res = run_step(registry, context, run, n, key, step_params(registry, run, key))
        if res is None:
            if key == "network":
                print("    (the later steps use the OSM roads as they are, without noding)", flush=True)
            continue
        run.done.add(key)  # its results now feed the later steps
        if key == "docking":
            run.outcome["coverage"] = (res.get("COVERAGE_BEFORE_PCT"), res.get("COVERAGE_AFTER_PCT"), res.get("OPTIMALITY_GAP_PCT"))
        if key == "strategy":
            run.outcome["layout"] = res.get("LAYOUT_NAME")
    # 8 the project: styled layers in groups, the layout inside, relative paths
    print("[8/{}] Writing the project {}".format(STEPS_TOTAL, QGZ.name), flush=True)
    t = time.perf_counter()
    build_project(project, run.done)
    project.writeEntryBool("Paths", "/Absolute", False)
    project.setTitle("Ankunftsquartiere Moabit (Demo)")
    if not project.write(str(QGZ)):
        print("    could not write the project: " + project.error())
        return 1
    run.timings.append(("project", time.perf_counter() - t))
    summary(run)
    rc = 1 if run.failed or not PDF.exists() else 0
    project.clear()
    context.temporaryLayerStore().removeAllMapLayers()
    checkpoint(GPKG)
    return rc


STEPS_TOTAL = 8


def clear_output() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for path in (GPKG, QGZ, PDF):
        if path.exists():
            path.unlink()
    PNG_DIR.mkdir(exist_ok=True)
    for png in PNG_DIR.glob("*.png"):
        png.unlink()


def copy_background(context, run: DemoRun) -> None:
    """Step 1: background and inputs into the demo GeoPackage (the project stays self-contained)."""
    import processing

    print("[1/{}] Copying the sample's background layers into {}".format(STEPS_TOTAL, GPKG.name), flush=True)
    t = time.perf_counter()
    for layer in ("planning_areas", "moabit_district", "map_pages", "moabit_roads", "moabit_water", "moabit_rails", "moabit_buildings", "poi_community_centers"):
        processing.run(
            "native:savefeatures",
            {"INPUT": sample(layer), "OUTPUT": str(GPKG), "LAYER_NAME": layer, "ACTION_ON_EXISTING_FILE": 1 if GPKG.exists() else 0},
            context=context,
        )
    run.timings.append(("copy background", time.perf_counter() - t))


def prepare_step(key: str, context, run: DemoRun) -> None:
    """What the demo does with QGIS's own algorithms before a step: the study area (Moabit) is cut from the
    classified areas before the network step; the candidate sites are merged before the siting."""
    import processing

    if key == "network":
        processing.run(
            "native:extractbyexpression",
            {"INPUT": classified_table(run), "EXPRESSION": MOABIT, "OUTPUT": into_gpkg(STUDY_AREA_TABLE)},
            context=context,
        )
    elif key == "docking":
        processing.run(
            "native:mergevectorlayers",
            {"LAYERS": [sample("poi_" + name) for name in CANDIDATE_LAYERS], "CRS": None, "OUTPUT": into_gpkg(ROLE_TABLES[wf.CANDIDATES])},
            context=context,
        )


def classified_table(run: DemoRun) -> str:
    return result(RESULT_TABLES[wf.CLASSIFIED] if "classify" in run.done else ROLE_TABLES[wf.AREAS])


def resolve(source: wf.Source, run: DemoRun):
    """The demo's value for a layer input of core/workflow.py: a role's sample layer, or an earlier result."""
    if source.kind == "role":
        return run.facilities if source.ref == wf.FACILITIES else result(ROLE_TABLES[source.ref])
    if source.kind != "result":
        return None
    for pair in source.ref:
        if pair == wf.CLASSIFIED and source.study_area:
            return result(STUDY_AREA_TABLE)  # cut from the classification (or the plain areas without it)
        if pair[0] in run.done:
            return result(RESULT_TABLES[pair])
    if wf.PREPARED_NETWORK in source.ref:
        return result(ROLE_TABLES[wf.STREETS])  # the OSM roads as they are
    if wf.CLASSIFIED in source.ref:
        return classified_table(run)
    return None


def field_value(alg, name: str, source: wf.Source, params: dict):
    """The demo's value for a field input: step 1's mapping, or the field chosen as the panel chooses it."""
    from qgis.core import QgsVectorLayer

    if source.kind == "field":
        return {"id": "id", **PANEL_FIELDS}.get(source.ref)
    parent = source.ref if source.kind in ("id_field", "name_field") else alg.parameterDefinition(name).parentLayerParameterName()
    if not isinstance(params.get(parent), str):
        return None
    names = QgsVectorLayer(params[parent], "f", "ogr").fields().names()
    if source.kind == "result_field":
        return source.ref if source.ref in names else None
    return find_field(names, "id" if source.kind == "id_field" else "name")


def step_params(registry, run: DemoRun, key: str) -> dict:
    """A step's parameters: core/workflow.py's wiring, the planner's settings, the outputs into the GeoPackage."""
    from qgis.core import QgsVectorLayer

    step = wf.batch_step(key)
    alg = registry.algorithmById(step.alg_id)
    if key == "infrastructure" and not run.facilities:
        run.facilities = [QgsVectorLayer(sample("poi_" + name), "poi-" + name.replace("_", "-"), "ogr") for name in FACILITY_LAYERS]
    inputs = {name: src for name, src in wf.batch_inputs(key).items() if name not in LEAVE_OUT.get(key, ())}
    params = {name: resolve(src, run) for name, src in inputs.items() if src.kind in ("role", "result")}
    if alg is not None:
        for name, src in inputs.items():
            if src.kind not in ("role", "result"):
                params[name] = field_value(alg, name, src, params)
    if key == "classify":
        params.update(wf.classify_params(PANEL_FIELDS, PANEL_UNITS))
    params.update(step.defaults)
    params.update(settings(key))
    params.update({out: into_gpkg(table) for (st, out), table in RESULT_TABLES.items() if st == key})
    return {k: v for k, v in params.items() if v is not None}


def run_step(registry, context, run: DemoRun, n: int, key: str, params: dict) -> dict | None:
    """One algorithm with progress; None (and noted) when it is not available or fails."""
    import processing

    alg_id, label = wf.batch_step(key).alg_id, LABELS[key]
    print("[{}/{}] {} ({})".format(n, STEPS_TOTAL, label, alg_id), flush=True)
    if registry.algorithmById(alg_id) is None:
        print("    NOT AVAILABLE YET: {} is not part of this build; this step and what depends on it are skipped.".format(alg_id), flush=True)
        run.missing.append(alg_id)
        return None
    german_output(registry.algorithmById(alg_id), params)
    t = time.perf_counter()
    fb = progress_feedback(label)
    try:
        res = processing.run(alg_id, params, context=context, feedback=fb)
    except Exception as err:  # noqa: BLE001 - a failing step is reported, the demo goes on
        message = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
        print("    FAILED: {}: {}; the steps that depend on it are skipped.".format(alg_id, message), flush=True)
        run.failed.append("{} ({})".format(alg_id, message))
        return None
    dt = time.perf_counter() - t
    run.timings.append((label, dt))
    print("    done in {:.1f} s".format(dt), flush=True)
    return res


def progress_feedback(label: str):
    """A feedback that prints a step's progress every 10 % and its warnings."""
    from qgis.core import QgsProcessingFeedback

    class Progress(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.last = -10
            self.warnings = []
            self.progressChanged.connect(self._on_progress)

        def _on_progress(self, value):
            if value >= self.last + 10 or (value >= 100 and self.last < 100):
                self.last = int(value // 10 * 10)
                print("    {:>3.0f} %  {}".format(value, label), flush=True)

        def pushWarning(self, text):  # noqa: N802 (QGIS API)
            self.warnings.append(text)
            print("    ! " + text, flush=True)

        def reportError(self, text, fatalError=False):  # noqa: N802, N803
            print("    ERROR " + text, flush=True)

    return Progress()


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


# The shipped model (resources/models/fullanalysis.model3) is generated from core/workflow.py's batch run by
# ``--write-model``: child id, description and model outputs of each step (the algorithm: the workflow's); the model's own input for
# each role and field; its settings; the study area (the classified areas inside the districts) as a child.
MODEL_CHILDREN = {
    "classify": ("classify", "Classify arrival quarters", [("OUTPUT", "QUARTERS")]),
    "districtareas": ("districtareas", "Areas in the districts", []),
    "network": ("network", "Prepare walking network", []),
    "infrastructure": ("infra", "Social infrastructure overlay", [("OUTPUT", "INFRASTRUCTURE")]),
    "catchments": ("catch", "Walking catchments", [("OUTPUT", "CATCHMENTS")]),
    "docking": ("suggest", "Suggest docking points", [("OUTPUT", "SUGGESTED")]),
    "strategy": ("map", "District strategy map", [("OUTPUT_PDF", "PDF"), ("OUTPUT", "PAGES")]),
}
STUDY_AREA_ALG = "native:extractbylocation"  # the model's study area: the classified areas inside the districts
MODEL_INPUT = {
    ("role", wf.AREAS): "AREAS", ("role", wf.DOCKING): "DOCKING_POINTS", ("role", wf.CANDIDATES): "CANDIDATES",
    ("role", wf.FACILITIES): "FACILITIES", ("role", wf.BUILDINGS): "BUILDINGS", ("role", wf.DISTRICTS): "DISTRICTS",
    ("role", wf.STREETS): "ROADS", ("role", wf.WATER): "WATER", ("field", "id"): "ID_FIELD",
    **{("field", key): wf.CLASSIFY_FIELDS[key][0] for key in ("population", "arrivals", "turnover", "diversity")},
}
# inputs the panel wires that the model leaves to the algorithm (its default field is the panel's choice,
# core/fieldmatch.find_field) or does not offer (no social-status input; the overlay without arrivals, as make demo)
MODEL_LEAVES = {
    ("classify", "SOCIAL_FIELD"), ("classify", "DEPARTURES_FIELD"), ("infrastructure", "ARRIVALS_FIELD"), ("catchments", "POINT_ID_FIELD"),
    ("strategy", "DISTRICT_NAME_FIELD"), ("strategy", "CATEGORY_FIELD"),
}
MODEL_SETTINGS = {
    "classify": {unit: ("model", unit) for key in ("arrivals", "turnover", "diversity") for unit in wf.CLASSIFY_FIELDS[key][1:]},
    "districtareas": {"INPUT": ("child", wf.CLASSIFIED), "PREDICATE": ("static", [6]), "INTERSECT": ("model", "DISTRICTS")},
    "infrastructure": {"MAX_MINUTES": ("model", "MINUTES")},
    "catchments": {"BANDS": ("static", "5,10,15"), "MODE": ("static", wf.step("catchments").defaults["MODE"]), "OUTPUT_AREAS": ("static", "TEMPORARY_OUTPUT")},
    "docking": {"MAX_MINUTES": ("model", "MINUTES"), "COUNT": ("model", "COUNT")},
    "strategy": {"TITLE": ("model", "TITLE"), "MINUTES": ("model", "MINUTES")},
}


def model_wiring(key: str) -> dict:
    """A model child's parameters as (kind, value) specs: ``model`` input, ``child`` (child id, output), ``static``."""
    specs = dict(MODEL_SETTINGS.get(key, {}))
    if key == "districtareas":
        specs["INPUT"] = ("child", ("classify", "OUTPUT"))
        return specs
    for name, src in wf.batch_inputs(key).items():
        if (key, name) in MODEL_LEAVES:
            continue
        if src.kind in ("role", "field"):
            specs[name] = ("model", MODEL_INPUT[(src.kind, src.ref)])
        elif src.kind == "result":
            pair = src.ref[0]
            specs[name] = ("child", ("districtareas", "OUTPUT")) if src.study_area else ("child", (MODEL_CHILDREN[pair[0]][0], pair[1]))
    return specs


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
    MP, CO, SV = S.fromModelParameter, S.fromChildOutput, S.fromStaticValue  # noqa: N806

    def source(spec):  # a model-wiring spec (model_wiring) as a QGIS child parameter source
        kind, value = spec
        return {"model": MP, "static": SV}[kind](value) if kind != "child" else CO(*value)

    for key in ("classify", "districtareas", *wf.BATCH_ORDER[1:]):
        cid, desc, outputs = MODEL_CHILDREN[key]
        alg_id = STUDY_AREA_ALG if key == "districtareas" else wf.batch_step(key).alg_id
        child(cid, alg_id, desc, {name: source(spec) for name, spec in model_wiring(key).items()}, outputs)
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


def build_project(project, done: set) -> None:
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
    if "docking" in done:
        add(planning, "suggested_sites", "Vorgeschlagene Andockstellen", lambda lyr: builder.style_suggested(lyr, "de", "rank"), ("docking", "OUTPUT"))
    add(planning, "poi_community_centers", "Bestehende Andockstellen (Stadtteilzentren)", lambda lyr: builder.style_docking(lyr, "de"))
    if "catchments" in done:
        access = root.addGroup("Erreichbarkeit zu Fuß")
        add(access, "catchments", "Einzugsbereiche 5/10/15 Minuten", lambda lyr: builder.style_catchments(lyr, "de", "minutes"), ("catchments", "OUTPUT"))
        add(access, "catchment_areas", "Einwohner in Gehminuten je Planungsraum", lambda lyr: builder.style_plain_areas(lyr), ("catchments", "OUTPUT_AREAS"), visible=False)
    if "infrastructure" in done:
        infra = root.addGroup("Soziale Infrastruktur")
        add(infra, "facilities", "Einrichtungen nach Kategorie", lambda lyr: builder.style_facilities(lyr, "de", "category"), ("infrastructure", "OUTPUT_FACILITIES"))
        add(infra, "infrastructure", "Angebotslücken in Ankunftsquartieren", lambda lyr: builder.style_priority(lyr, "de"), ("infrastructure", "OUTPUT"))
    analysis = root.addGroup("Analyse: Ankunftsquartiere")
    if "classify" in done:
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


def summary(run: DemoRun) -> None:
    """The key figures of the run, as printed at the end of make demo."""
    print()
    print("=" * 78)
    print("Ankunft {} – demo summary".format(run.version))
    print("=" * 78)
    if "classify" in run.done:
        summary_classes()
    if "infrastructure" in run.done:
        summary_infrastructure()
    if "coverage" in run.outcome:
        summary_sites(run.outcome["coverage"])
    summary_pages()
    if run.missing:
        print("NOT AVAILABLE YET in this build: " + ", ".join(run.missing))
    if run.failed:
        print("FAILED steps: " + "; ".join(run.failed))
    print("Outputs: {} | {} | {} | {}".format(GPKG, QGZ, PDF if PDF.exists() else "(no PDF)", PNG_DIR))
    total = time.perf_counter() - run.started
    print("Timings: " + ", ".join("{} {:.1f} s".format(k, v) for k, v in run.timings) + " | total {:.1f} s".format(total))


def summary_classes() -> None:
    from qgis.core import QgsVectorLayer

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


def summary_infrastructure() -> None:
    from qgis.core import QgsVectorLayer

    lyr = QgsVectorLayer(result("infrastructure"), "i", "ogr")
    print("Infrastructure within 10 min (eco_score, missing):")
    for f in lyr.getFeatures():
        score = f["eco_score"]
        print("  {:<20} {:>5}  {}".format(str(f["name"])[:20], "–" if score is None or str(score) == "NULL" else "{:.2f}".format(float(score)), f["eco_missing"] or ""))


def summary_sites(coverage) -> None:
    from qgis.core import QgsVectorLayer

    before, after, gap = coverage
    print("Docking points: population within 10 min {:.1f} % → {:.1f} % with 5 new sites (optimality gap {} %)".format(
        float(before or 0), float(after or 0), gap))
    sites = QgsVectorLayer(result("suggested_sites"), "s", "ogr")
    for f in sorted(sites.getFeatures(), key=lambda f: f["rank"]):
        print("  rank {}: {} (+{:.0f} people)".format(f["rank"], f["name"], float(f["added_weight"] or 0)))


def summary_pages() -> None:
    from qgis.core import QgsVectorLayer

    pages = QgsVectorLayer(result("map_pages_keyfigures"), "p", "ogr")
    if pages.isValid():
        print("Strategy map key figures (as printed):")
        for f in pages.getFeatures():
            print("  {:<12} population {:>8} | in arrival quarters {:>6} | within 10 min {} | not measurable: {}".format(
                f["name"], f["t_population"], f["t_aq_share"], f["t_coverage"], f["t_not_measurable"]))
            print("  {:<12} gaps: {} | no data: {} | without category: {}".format("", str(f["t_missing"]).replace("\n", "; "), f["t_no_data"], f["t_uncategorised"]))


if __name__ == "__main__":
    sys.exit(main())
