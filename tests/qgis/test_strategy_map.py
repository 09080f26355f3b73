"""``ankunft:strategymap`` on small real data (the Moabit planning areas of the bundled sample).

The classes are set by hand here (the test does not depend on the classification algorithm):
established and none only, so the legend must list exactly those two classes. One extra page
covers a single area whose population is set to 2: below the confidentiality threshold, so neither
its population nor any share derived from it may appear in the PDF.
"""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLayerTreeLayer,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QImage

from ankunft_plugin.core import vocabulary
from ankunft_plugin.layout.texts import apply_coverage, key_figure_rows, key_figures, split_missing

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "ankunft_sample.gpkg"
ESTABLISHED = {"01022101", "01022102", "01022105"}  # Huttenkiez, Beusselkiez, Zwinglistraße
TINY = "01022205"  # Zillesiedlung: its population is set to 2 for the test


def sample(name: str) -> str:
    return "{}|layername={}".format(SAMPLE, name)


def classified_quarters() -> QgsVectorLayer:
    """The 13 Moabit planning areas with a hand-set aq_class and inh_2020 (2 for one area)."""
    src = QgsVectorLayer(sample("planning_areas"), "areas", "ogr")
    assert src.isValid()
    # a request filter, not setSubsetString: a subset on a GeoPackage layer makes GDAL write to the file
    moabit = QgsFeatureRequest().setFilterExpression("\"region_id\" LIKE '0102%'")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25833&field=id:string&field=name:string&field=inh_2020:integer&field=aq_class:string", "quarters", "memory")
    feats = []
    for f in src.getFeatures(moabit):
        out = QgsFeature(layer.fields())
        out.setGeometry(f.geometry())
        pid = f["id"]
        out.setAttributes([pid, f["name"], 2 if pid == TINY else f["inh_2020"], "established" if pid in ESTABLISHED else "none"])
        feats.append(out)
    layer.dataProvider().addFeatures(feats)
    assert layer.featureCount() == 13
    return layer


def districts(quarters: QgsVectorLayer) -> QgsVectorLayer:
    """Page 1: Moabit; page 2: a small polygon around the tiny area's inner point."""
    moabit = QgsVectorLayer(sample("moabit_district"), "d", "ogr")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25833&field=name:string&field=page:integer", "districts", "memory")
    f1 = QgsFeature(layer.fields())
    f1.setGeometry(next(moabit.getFeatures()).geometry())
    f1.setAttributes(["Moabit", 1])
    tiny = next(f for f in quarters.getFeatures() if f["id"] == TINY)
    f2 = QgsFeature(layer.fields())
    f2.setGeometry(QgsGeometry(tiny.geometry().pointOnSurface()).buffer(40, 8))
    f2.setAttributes(["Kleinstgebiet", 2])
    layer.dataProvider().addFeatures([f1, f2])
    return layer


def _clean_project(project, layer_ids, groups, layouts) -> None:
    """Remove what a strategy-map run added to the shared project (layers, its group, the layout)."""
    for layout in list(project.layoutManager().layouts()):
        if layout.name() not in layouts:
            project.layoutManager().removeLayout(layout)
    root = project.layerTreeRoot()
    for child in list(root.children()):
        if child.name() not in groups and child.nodeType() == 0:  # a group added by the run
            root.removeChildNode(child)
    project.removeMapLayers([lid for lid in project.mapLayers() if lid not in layer_ids])


@pytest.fixture(autouse=True)
def clean_project():
    project = QgsProject.instance()
    before = (set(project.mapLayers()), {c.name() for c in project.layerTreeRoot().children()}, {lay.name() for lay in project.layoutManager().layouts()})
    yield
    _clean_project(project, *before)


@pytest.fixture(scope="module")
def strategy_run(plugin, tmp_path_factory):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    tmp = tmp_path_factory.mktemp("strategymap")
    project = QgsProject.instance()
    before = (set(project.mapLayers()), {c.name() for c in project.layerTreeRoot().children()}, {lay.name() for lay in project.layoutManager().layouts()})
    quarters = classified_quarters()
    pages = districts(quarters)
    project.addMapLayers([quarters, pages])
    context = QgsProcessingContext()
    context.setProject(project)
    params = {
        "DISTRICTS": pages,
        "QUARTERS": quarters,
        "POPULATION_FIELD": "inh_2020",
        "DOCKING_POINTS": sample("poi_community_centers"),
        "FACILITIES": sample("poi_libraries"),
        "STREETS": sample("moabit_roads"),
        "WATER": sample("moabit_water"),
        "TITLE": "Teststrategiekarte",
        "ATTRIBUTION": "© OpenStreetMap contributors (ODbL); Testamt für Statistik",
        "ISSUER": "Testbezirksamt, Stadtplanung",
        "DATA_DATES": "Register 31.12.2020; OSM 2025",
        "OUTPUT": str(tmp / "pages.gpkg"),
        "OUTPUT_PDF": str(tmp / "map.pdf"),
        "OUTPUT_PNG_FOLDER": str(tmp / "png"),
    }
    res = processing.run("ankunft:strategymap", params, context=context, feedback=QgsProcessingFeedback())
    yield res, project, tmp
    _clean_project(project, *before)


def test_pdf_has_one_page_per_district_and_pngs(strategy_run):
    res, _project, tmp = strategy_run
    assert res["PAGES"] == 2
    info = subprocess.run(["pdfinfo", res["OUTPUT_PDF"]], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+2", info)
    assert "A3" in info or "1191 x 842" in info
    assert len(list((tmp / "png").glob("*.png"))) == 2


def test_rendered_page_is_not_blank(strategy_run):
    _res, _project, tmp = strategy_run
    png = sorted((tmp / "png").glob("*.png"))[0]
    img = QImage(str(png))
    assert not img.isNull() and img.width() > 1000
    # the map frame (left ~70 % of the page): count pixels that are not white
    step = 7
    non_white, colours, total = 0, set(), 0
    for x in range(int(img.width() * 0.05), int(img.width() * 0.68), step):
        for y in range(int(img.height() * 0.12), int(img.height() * 0.95), step):
            c = img.pixelColor(x, y)
            total += 1
            colours.add((c.red() // 16, c.green() // 16, c.blue() // 16))
            if c.red() < 235 or c.green() < 235 or c.blue() < 235:
                non_white += 1
    assert non_white / total > 0.05, "the map is (nearly) blank"
    assert len(colours) > 8
    # the established class (Okabe-Ito blue) is drawn
    blue = sum(
        1
        for x in range(0, img.width(), step)
        for y in range(0, img.height(), step)
        if abs(img.pixelColor(x, y).red() - 0x4D) < 45 and abs(img.pixelColor(x, y).blue() - 0xC0) < 50 and img.pixelColor(x, y).green() < 180
    )
    assert blue > 50


def test_legend_lists_only_the_classes_present(strategy_run):
    res, project, _tmp = strategy_run
    layout = project.layoutManager().layoutByName(res["LAYOUT_NAME"])
    assert layout is not None, "the layout is saved in the project"
    legend = layout.itemById("legend")
    assert legend.legendFilterByMapEnabled() and legend.legendFilterOutAtlas()
    model = legend.model()
    quarters_node = next(n for n in model.rootGroup().findLayers() if n.layer().name() == "Ankunftsquartiere")
    assert isinstance(quarters_node, QgsLayerTreeLayer)
    original = [n.data(0) for n in model.layerOriginalLegendNodes(quarters_node)]
    assert set(original) == set(vocabulary.labels("class", "de").values())
    # background layers are not in the legend
    names = {n.layer().name() for n in model.rootGroup().findLayers()}
    assert "Straßen und Wege" not in names and "Gewässer" not in names
    # what is printed: page 1 (Moabit) has established and other areas, page 2 (one 'none' area) only that
    text = subprocess.run(["pdftotext", "-layout", res["OUTPUT_PDF"], "-"], capture_output=True, text=True, check=True).stdout
    page1, page2 = text.split("\f")[:2]
    assert "Etabliertes Ankunftsquartier" in page1 and vocabulary.label("class", "none", "de") in page1
    assert vocabulary.label("class", "none", "de") in page2 and "Etabliertes Ankunftsquartier" not in page2
    for page in (page1, page2):
        assert "Neues Ankunftsquartier" not in page and vocabulary.label("class", "insufficient", "de") not in page


def test_no_value_below_the_threshold_is_printed(strategy_run):
    res, _project, _tmp = strategy_run
    pages = QgsVectorLayer(res["OUTPUT"], "p", "ogr")
    rows = {f["name"]: f for f in pages.getFeatures()}
    tiny = rows["Kleinstgebiet"]
    assert tiny["kf_population"] is None or str(tiny["kf_population"]) == "NULL"
    assert tiny["t_population"] == "." and tiny["t_aq_share"] == "."
    moabit = rows["Moabit"]
    assert float(moabit["kf_population"]) > 50000
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+", moabit["t_population"])
    text = subprocess.run(["pdftotext", "-layout", res["OUTPUT_PDF"], "-"], capture_output=True, text=True, check=True).stdout
    pages_text = text.split("\f")
    assert "Kleinstgebiet" in pages_text[1]
    line = next(ln for ln in pages_text[1].splitlines() if "Einwohnerinnen und Einwohner" in ln)
    value = line.split("Einwohnerinnen und Einwohner", 1)[1].split()[0]
    assert value == ".", line
    # no key-figure value of 1 or 2 anywhere in the key-figure rows of the PDF
    for page in pages_text:
        for ln in page.splitlines():
            if "Einwohnerinnen und Einwohner" in ln or "Anteil in Ankunftsquartieren" in ln:
                after = ln.split("Einwohnerinnen und Einwohner")[-1].split("Anteil in Ankunftsquartieren")[-1].split()
                assert after and after[0] not in ("1", "2"), ln
    assert "Datenschutz" in text  # the note that explains '.'
    assert "OpenStreetMap" in text and "Ankunft" in text


def test_whole_extent_a4_english(plugin, run_alg, tmp_path):
    res = run_alg(
        "ankunft:strategymap",
        {
            "QUARTERS": sample("planning_areas"),
            "STREETS": sample("moabit_roads"),
            "PAPER": 1,
            "LANGUAGE": 1,
            "OUTPUT": str(tmp_path / "p.gpkg"),
            "OUTPUT_PDF": str(tmp_path / "m.pdf"),
        },
    )
    assert res["PAGES"] == 1
    info = subprocess.run(["pdfinfo", res["OUTPUT_PDF"]], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1", info) and ("A4" in info or "842 x 595" in info)
    text = subprocess.run(["pdftotext", res["OUTPUT_PDF"], "-"], capture_output=True, text=True, check=True).stdout
    assert "Whole area" in text and "Population" in text
    # no aq_class: the share is not available, never a made-up number
    page = next(QgsVectorLayer(res["OUTPUT"], "p", "ogr").getFeatures())
    assert page["t_aq_share"] == "n/a"
    assert page["t_population"].replace(",", "").isdigit()


def test_bad_input_gives_a_clear_message(plugin, run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="No layer given"):
        run_alg("ankunft:strategymap", {"OUTPUT": str(tmp_path / "p.gpkg"), "OUTPUT_PDF": str(tmp_path / "m.pdf")})


# -- the key-figure arithmetic (no QGIS needed) --------------------------------------------------------
def _rows(kf, lang, minutes=10):
    return {label: value for _field, label, value in key_figure_rows(kf, lang, minutes)}


def test_provenance_and_a_project_that_reopens(strategy_run):
    """Dates, issuing office and sources as given; the creation date apart; print layers of memory inputs
    stored in a GeoPackage beside the PDF and switched off in the layer tree; no font named; the atlas
    preview flag set; a saved and reopened project exports the same pages."""
    res, project, _tmp = strategy_run
    text = subprocess.run(["pdftotext", "-layout", res["OUTPUT_PDF"], "-"], capture_output=True, text=True, check=True).stdout
    for page in text.split("\f")[:2]:
        assert "Datenstand: Register 31.12.2020; OSM 2025" in page
        assert "Herausgeber: Testbezirksamt, Stadtplanung" in page
        assert "Testamt für Statistik" in page
        assert re.search(r"Erstellt am \d\d\.\d\d\.\d{4} mit Ankunft", page)
    layout = project.layoutManager().layoutByName(res["LAYOUT_NAME"])
    assert layout.customProperty("ankunft/atlas_preview") is True
    # the title is a page's name, never the bare expression (with the preview off: the first page)
    assert layout.itemById("title").currentText() in ("Teststrategiekarte – Moabit", "Teststrategiekarte – Kleinstgebiet")
    layers = layout.itemById("map").layers()
    assert layers and all(lyr.providerType() != "memory" for lyr in layers), [lyr.source() for lyr in layers]
    assert any("_karte.gpkg" in lyr.source() for lyr in layers)  # the memory inputs, stored beside the PDF
    # every print layer reads a file that is still there after the run (outputs are moved into place at the end)
    for lyr in layers:
        assert lyr.isValid() and Path(lyr.source().split("|")[0]).exists(), lyr.source()
        assert ".ankunft-" not in lyr.source(), lyr.source()
    group = project.layerTreeRoot().findGroup(res["LAYOUT_NAME"])
    assert group is not None and not group.isVisible()
    from qgis.core import QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    xml = layout.writeXml(doc, QgsReadWriteContext())
    doc.appendChild(xml)
    assert "Open Sans" not in doc.toString()


def test_key_figures_suppress_small_counts_and_derived_shares():
    kf = key_figures([1000, 500, float("nan")], classes=["established", "none", "emerging"], covered_fraction=[0.5, 1.0, 1.0], threshold=3)
    assert kf.population == 1500 and kf.aq_population == 1000
    assert math.isclose(kf.aq_share_pct, 100 * 1000 / 1500)
    assert math.isclose(kf.covered_share_pct, 100 * 1000 / 1500)
    small = key_figures([2, 1000], classes=["established", "none"], threshold=3)
    assert math.isnan(small.aq_population) and math.isnan(small.aq_share_pct)  # 2 people: never printed
    rows = _rows(small, "de")
    assert rows["Anteil in Ankunftsquartieren"] == "."
    assert rows["Einwohnerinnen und Einwohner"] == "1.002"
    tiny = key_figures([1, 1], classes=["emerging", "emerging"], threshold=3)
    assert _rows(tiny, "en")["Population"] == "."
    zero = key_figures([0, 1200], classes=["established", "none"], threshold=3)
    assert zero.aq_population == 0 and _rows(zero, "en")["Share in arrival quarters"] == "0%"
    assert split_missing("Housing; Work") == ["Housing", "Work"] and split_missing(None) == [] and split_missing("housing,work") == ["housing", "work"]
    missing = key_figures([100, 100], missing_lists=[["Wohnen", "Arbeit"], ["Wohnen"]])
    assert missing.missing == [("Wohnen", 2), ("Arbeit", 1)] and missing.missing_of == 2
    # coverage from counted people (walking-catchment areas): 2 people covered is never printed
    counted = apply_coverage(key_figures([100, 200]), covered=2, total=300)
    assert _rows(counted, "de")["In 10 Gehminuten zu einer Andockstelle"] == "."
    counted = apply_coverage(key_figures([100, 200]), covered=150, total=300)
    assert _rows(counted, "en")["Within 10 minutes' walk of a docking point"] == "50% (150 of 300 residents)"
    only_counts = apply_coverage(key_figures([]), covered=75, total=100)
    assert _rows(only_counts, "en")["Within 10 minutes' walk of a docking point"] == "75% (75 of 100 residents)"


def test_geographic_inputs_are_mapped_in_utm(plugin, run_alg, tmp_path):
    """Layers in EPSG:4326 only (the raw test data): the map is drawn in the UTM zone, the page named from
    the district's 'Ortsteilna' field; no population field → n/a, never a number."""
    moabit = ROOT / "tests" / "data" / "moabit"
    res = run_alg(
        "ankunft:strategymap",
        {
            "DISTRICTS": str(moabit / "moabit_district.gpkg"),
            "QUARTERS": str(ROOT / "tests" / "data" / "berlin" / "berlin-lor-planning-areas-until-2020.geojson"),
            "STREETS": str(moabit / "moabit_roads.gpkg"),
            "OUTPUT": str(tmp_path / "p.gpkg"),
            "OUTPUT_PDF": str(tmp_path / "m.pdf"),
        },
    )
    pages = QgsVectorLayer(res["OUTPUT"], "p", "ogr")
    assert pages.crs().authid() == "EPSG:32633"
    page = next(pages.getFeatures())
    assert page["name"] == "Moabit"
    assert page["t_population"] == "k. A." and page["t_aq_share"] == "k. A."
    assert Path(res["OUTPUT_PDF"]).stat().st_size > 10000


def test_data_reference_dates_default_to_the_layers_metadata(plugin):
    """Without DATA_DATES the map names each layer's temporal extent (or publication date) from its metadata;
    without any, it says 'not given' – never the day the map was made."""
    from qgis.core import QgsDateTimeRange, QgsLayerMetadata
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    from ankunft_plugin.processing.strategy_map import metadata_dates, provenance_text

    register = QgsVectorLayer("Polygon?crs=EPSG:25833", "Einwohner", "memory")
    md = QgsLayerMetadata()
    md.setTitle("Einwohnerregister")
    extent = md.extent()
    day = QDateTime(QDate(2020, 12, 31), QTime(0, 0))
    extent.setTemporalExtents([QgsDateTimeRange(day, day)])
    md.setExtent(extent)
    register.setMetadata(md)
    bare = QgsVectorLayer("Point?crs=EPSG:25833", "Einrichtungen", "memory")
    assert metadata_dates({"A": register, "B": bare, "C": None}, "de") == "Einwohnerregister: 31.12.2020"
    opts = {"dates": "", "issuer": "", "attribution": ""}
    assert provenance_text(opts, {"A": register}, "de").splitlines()[0] == "Datenstand: Einwohnerregister: 31.12.2020"
    assert provenance_text(opts, {"B": bare}, "de").splitlines() == ["Datenstand: nicht angegeben", "Herausgeber: nicht angegeben", "Quellenangabe: nicht angegeben"]
