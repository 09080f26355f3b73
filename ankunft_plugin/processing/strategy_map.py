"""``ankunft:strategymap`` – district strategy maps as a print layout (atlas), exported to PDF/PNG.

One page per district (the atlas over ``DISTRICTS``) or one page for the whole extent: title and
district name, the map with a tile-free background drawn from the street and water layers given,
a legend filtered to the classes present on the page, scale bar, north arrow, a small table of key
figures (population, share in arrival quarters, coverage within N minutes' walk, missing
categories), data attribution, date and plugin version. The layout is added to the project's
layout manager (editable afterwards), together with print-styled copies of the layers in a group.

Layout work must happen on the main thread, hence ``FlagNoThreading``.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ..__about__ import __version__
from ..core.confidentiality import DEFAULT_THRESHOLD
from ..core.values import COUNT, FACTOR, parse_numbers
from ..layout import builder
from ..layout.texts import DEFAULT_ATTRIBUTION, apply_coverage, key_figure_rows, key_figures, split_missing, text
from .base import AnkunftAlgorithm
from .bridge import new_fields, utm_crs_for
from .number_reading import read_field
from .styles import style_on_load

NAME_CANDIDATES = ("name", "NAME", "Name", "bezname", "BEZNAME", "district", "Ortsteilna", "GEN", "gen")
POPULATION_CANDIDATES = ("population", "inhabitants", "einwohner", "Einwohner", "EW", "ew", "pop", "POP")
HIGHWAY_CANDIDATES = ("highway", "fclass", "HIGHWAY", "FCLASS")
CATEGORY_CANDIDATES = ("category", "poi_type", "kategorie")


def _find_field(layer, given: str | None, candidates=(), prefix: str | None = None) -> str | None:
    if layer is None:
        return None
    names = layer.fields().names()
    if given:
        return given if given in names else None
    for c in candidates:
        if c in names:
            return c
    if prefix:
        hits = sorted(n for n in names if n.startswith(prefix))
        if hits:
            return hits[-1]  # e.g. inh_2015 … inh_2020 → the latest
    return None


class StrategyMapAlgorithm(AnkunftAlgorithm):
    ALG_ID = "strategymap"
    GROUP_ID = "maps"

    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    QUARTERS = "QUARTERS"
    POPULATION_FIELD = "POPULATION_FIELD"
    CATCHMENTS = "CATCHMENTS"
    CATCHMENT_AREAS = "CATCHMENT_AREAS"
    DOCKING_POINTS = "DOCKING_POINTS"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    INFRASTRUCTURE = "INFRASTRUCTURE"
    SUGGESTED = "SUGGESTED"
    STREETS = "STREETS"
    WATER = "WATER"
    TITLE = "TITLE"
    PAPER = "PAPER"
    LANGUAGE = "LANGUAGE"
    ATTRIBUTION = "ATTRIBUTION"
    MINUTES = "MINUTES"
    SUPPRESS_BELOW = "SUPPRESS_BELOW"
    OUTPUT = "OUTPUT"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_PNG_FOLDER = "OUTPUT_PNG_FOLDER"
    LAYOUT_NAME = "LAYOUT_NAME"
    PAGES = "PAGES"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("District strategy map (PDF)")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Print layout with one page per district: arrival quarters, docking points, catchments, infrastructure and key figures; exported to PDF.")

    def tags(self) -> list[str]:
        return self.tr("strategy map,print layout,atlas,PDF,district,Strategiekarte,Ankunftsquartier,Andockstelle").split(",")

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        poly = [QgsProcessing.SourceType.TypeVectorPolygon]
        pts = [QgsProcessing.SourceType.TypeVectorPoint]
        self.add(
            QgsProcessingParameterVectorLayer(self.DISTRICTS, self.tr("Districts (one page each)"), poly, optional=True),
            self.tr("Polygons, one map page each (atlas coverage), e.g. districts or district regions. Without it, one page shows the whole extent of the layers."),
        )
        self.add(
            QgsProcessingParameterField(self.DISTRICT_NAME_FIELD, self.tr("District name field"), parentLayerParameterName=self.DISTRICTS, optional=True),
            self.tr("The field with the district's name, shown in the page title. Default: a field called name (or similar)."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.QUARTERS, self.tr("Classified quarters"), poly, optional=True),
            self.tr("Output of 'Classify arrival quarters' (field aq_class). Drawn by class; gives population and the share in arrival quarters."),
        )
        self.add(
            QgsProcessingParameterField(
                self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.QUARTERS, type=QgsProcessingParameterField.DataType.Numeric, optional=True
            ),
            self.tr("Inhabitants per quarter, for the key figures. Default: a field called population/inhabitants, or the latest inh_YYYY."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.CATCHMENTS, self.tr("Walking catchments"), poly, optional=True),
            self.tr("Output of 'Walking catchments of docking points' (field minutes). Drawn per band; the key figure 'within N minutes' uses the bands up to MINUTES."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.CATCHMENT_AREAS, self.tr("Population areas with walking minutes"), poly, optional=True),
            self.tr("Optional: the areas output of 'Walking catchments of docking points' (fields pop_total and pop_5, pop_10 …). When given, the coverage figure counts these people (placed on buildings) instead of apportioning the catchments by area."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.DOCKING_POINTS, self.tr("Existing docking points"), pts, optional=True),
            self.tr("The existing docking points (Andockstellen)."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.FACILITIES, self.tr("Social infrastructure (points)"), pts, optional=True),
            self.tr("Facilities by category, e.g. the facilities output of 'Social infrastructure and arrival ecosystem'."),
        )
        self.add(
            QgsProcessingParameterField(self.CATEGORY_FIELD, self.tr("Category field"), parentLayerParameterName=self.FACILITIES, optional=True),
            self.tr("The facilities' category field. Default: category (keys of the built-in scheme, labelled in the map language)."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.INFRASTRUCTURE, self.tr("Infrastructure per quarter"), poly, optional=True),
            self.tr("Output of 'Social infrastructure and arrival ecosystem' (eco_missing, priority): arrival quarters with gaps are hatched, missing categories go into the key figures."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.SUGGESTED, self.tr("Suggested docking points"), pts, optional=True),
            self.tr("Output of 'Suggest docking points' (field rank), drawn as stars labelled with their rank."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.STREETS, self.tr("Streets (background)"), [QgsProcessing.SourceType.TypeVectorLine], optional=True),
            self.tr("Streets and paths for a clean background (no web tiles needed). Major roads are drawn wider when a highway/fclass field exists."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.WATER, self.tr("Water (background)"), [QgsProcessing.SourceType.TypeVectorAnyGeometry], optional=True),
            self.tr("Rivers, canals and lakes for the background."),
        )
        self.add(
            QgsProcessingParameterString(self.TITLE, self.tr("Title"), defaultValue="", optional=True),
            self.tr("Map title; the district name is appended. Empty: 'Strategiekarte Ankunftsquartiere' (or the English title)."),
        )
        self.add(
            QgsProcessingParameterEnum(self.PAPER, self.tr("Paper size"), options=[self.tr("A3 landscape"), self.tr("A4 landscape")], defaultValue=0),
            self.tr("A3 landscape (default) or A4 landscape."),
        )
        self.add(
            QgsProcessingParameterEnum(self.LANGUAGE, self.tr("Map language"), options=[self.tr("German"), self.tr("English")], defaultValue=0),
            self.tr("Language of the texts on the map (legend, key figures, notes). German by default."),
        )
        self.add(
            QgsProcessingParameterString(self.ATTRIBUTION, self.tr("Data attribution"), defaultValue=DEFAULT_ATTRIBUTION, multiLine=True, optional=True),
            self.tr("Sources printed on every page. Keep the OpenStreetMap attribution when OSM data is shown."),
        )
        self.add(
            QgsProcessingParameterNumber(self.MINUTES, self.tr("Walking minutes for the coverage figure"), QgsProcessingParameterNumber.Type.Integer, defaultValue=10, minValue=1, maxValue=120),
            self.tr("The key figure counts the population within this many minutes' walk (catchment bands up to this value)."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterNumber(self.SUPPRESS_BELOW, self.tr("Suppress counts below"), QgsProcessingParameterNumber.Type.Integer, defaultValue=DEFAULT_THRESHOLD, minValue=0),
            self.tr("Statistical confidentiality: a count (and a share derived from it) between 0 and this value is never printed; '.' is shown instead. 0 switches it off."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Map pages with key figures"), QgsProcessing.SourceType.TypeVectorPolygon),
            self.tr("One polygon per page (the atlas coverage) with the key figures as numbers (kf_…) and as printed text (t_…)."),
        )
        self.add(
            QgsProcessingParameterFileDestination(self.OUTPUT_PDF, self.tr("Strategy map (PDF)"), self.tr("PDF files (*.pdf)")),
            self.tr("The multi-page PDF, one page per district."),
        )
        self.add(
            QgsProcessingParameterFolderDestination(self.OUTPUT_PNG_FOLDER, self.tr("Folder for PNG pages"), optional=True, createByDefault=False),
            self.tr("Optional: each page also as a PNG image (150 dpi) in this folder."),
        )
        self.addOutput(QgsProcessingOutputString(self.LAYOUT_NAME, self.tr("Layout name")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Number of pages")))

    # -- helpers ------------------------------------------------------------------------------
    def _layer(self, parameters, key, context):
        layer = self.parameterAsVectorLayer(parameters, key, context)
        if layer is None:
            return None
        if not layer.isValid():
            raise QgsProcessingException(self.tr("Layer '{layer}' ({key}) is not valid. Check its data source.").format(layer=layer.name(), key=key))
        return layer

    def _transform(self, layer, crs, context):
        if layer.crs() == crs:
            return None
        return QgsCoordinateTransform(layer.crs(), crs, context.transformContext())

    def _read(self, layer, fields, crs, context, feedback):
        """(geometries in the map CRS, {field: values}) of a layer."""
        tr = self._transform(layer, crs, context)
        geoms, values = [], {f: [] for f in fields if f}
        for feat in layer.getFeatures():
            self.check_cancel(feedback)
            g = QgsGeometry(feat.geometry())
            if tr is not None and not g.isNull():
                g.transform(tr)
            geoms.append(g)
            for f in values:
                values[f].append(feat[f])
        return geoms, values

    @staticmethod
    def _print_copy(layer, name: str):
        """A copy of a layer for the print map (its own style; the user's layer stays untouched)."""
        if layer.providerType() == "memory":
            copy = layer.materialize(QgsFeatureRequest())
            copy.setName(name)
        else:
            copy = QgsVectorLayer(layer.source(), name, layer.providerType())
            if layer.subsetString():
                copy.setSubsetString(layer.subsetString())
        return copy

    # -- main -----------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        lang = "en" if self.parameterAsEnum(parameters, self.LANGUAGE, context) == 1 else "de"
        paper = builder.A4 if self.parameterAsEnum(parameters, self.PAPER, context) == 1 else builder.A3
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip() or text(lang, "default_title")
        attribution = (self.parameterAsString(parameters, self.ATTRIBUTION, context) or "").strip()
        minutes = self.parameterAsInt(parameters, self.MINUTES, context)
        threshold = float(self.parameterAsInt(parameters, self.SUPPRESS_BELOW, context))

        layers = {
            key: self._layer(parameters, key, context)
            for key in (self.DISTRICTS, self.QUARTERS, self.CATCHMENTS, self.CATCHMENT_AREAS, self.DOCKING_POINTS, self.FACILITIES, self.INFRASTRUCTURE, self.SUGGESTED, self.STREETS, self.WATER)
        }
        present = [k for k, v in layers.items() if v is not None]
        drawn = [k for k in present if k != self.CATCHMENT_AREAS]
        if not present:
            raise QgsProcessingException(self.tr("No layer given: choose at least the districts or one result layer (classified quarters, catchments, docking points …)."))
        for k in present:
            if layers[k].featureCount() == 0:
                feedback.pushWarning(self.tr("Layer '{layer}' ({key}) has no features.").format(layer=layers[k].name(), key=k))

        project = context.project() or QgsProject.instance()

        # map CRS: the first projected CRS among the layers, else the UTM zone of the extent
        crs = None
        for k in (self.DISTRICTS, self.QUARTERS, self.CATCHMENTS, self.STREETS, *present):
            lyr = layers.get(k)
            if lyr is not None and lyr.crs().isValid() and not lyr.crs().isGeographic():
                crs = lyr.crs()
                break
        if crs is None:
            first = layers[present[0]]
            crs = utm_crs_for(first.crs(), first.extent(), context)
        feedback.pushInfo(self.tr("Map CRS: {crs}").format(crs=crs.authid()))

        # fields
        quarters = layers[self.QUARTERS]
        q_class = "aq_class" if quarters is not None and "aq_class" in quarters.fields().names() else None
        if quarters is not None and q_class is None:
            feedback.pushWarning(self.tr("Layer '{layer}' has no field aq_class: the quarters are drawn without classes and the share in arrival quarters is not shown. Use the output of 'Classify arrival quarters'.").format(layer=quarters.name()))
        pop_given = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        q_pop = _find_field(quarters, pop_given, POPULATION_CANDIDATES, prefix="inh_")
        if quarters is not None and q_pop is None:
            feedback.pushWarning(self.tr("No population field found in '{layer}': population figures are shown as n/a. Choose the population field.").format(layer=quarters.name()))
        q_name = _find_field(quarters, None, NAME_CANDIDATES)
        districts = layers[self.DISTRICTS]
        d_name = _find_field(districts, self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context), NAME_CANDIDATES)
        d_sort = "page" if districts is not None and "page" in districts.fields().names() else None
        catch = layers[self.CATCHMENTS]
        c_min = _find_field(catch, None, ("minutes", "walk_min", "band", "minuten"))
        infra = layers[self.INFRASTRUCTURE]
        miss_layer = infra if infra is not None else quarters
        miss_key = _find_field(miss_layer, None, ("eco_miss_k",))
        miss_txt = _find_field(miss_layer, None, ("eco_missing",))
        facilities = layers[self.FACILITIES]
        f_cat = _find_field(facilities, self.parameterAsString(parameters, self.CATEGORY_FIELD, context), CATEGORY_CANDIDATES)
        suggested = layers[self.SUGGESTED]
        s_rank = _find_field(suggested, None, ("rank",))
        streets = layers[self.STREETS]
        s_highway = _find_field(streets, None, HIGHWAY_CANDIDATES)

        # -- pages ------------------------------------------------------------------------------
        feedback.setProgressText(self.tr("Computing key figures…"))
        if districts is not None:
            d_geoms, d_vals = self._read(districts, [d_name, d_sort], crs, context, feedback)
            keep = [i for i, g in enumerate(d_geoms) if not g.isNull() and not g.isEmpty()]
            if len(keep) < len(d_geoms):
                feedback.pushWarning(self.tr("{n} districts without geometry are left out.").format(n=len(d_geoms) - len(keep)))
            if not keep:
                raise QgsProcessingException(self.tr("Layer '{layer}' has no district with a geometry: choose a polygon layer with districts.").format(layer=districts.name()))
            page_geoms = [d_geoms[i] for i in keep]
            page_names = [str(d_vals[d_name][i]) if d_name and d_vals[d_name][i] is not None else str(n + 1) for n, i in enumerate(keep)]
            page_order = [d_vals[d_sort][i] if d_sort else n + 1 for n, i in enumerate(keep)]
        else:
            extent = QgsRectangle()
            extent.setNull()
            for k in drawn or present:
                lyr = layers[k]
                e = lyr.extent()
                tr = self._transform(lyr, crs, context)
                if tr is not None:
                    e = tr.transformBoundingBox(e)
                extent.combineExtentWith(e)
            page_geoms = [QgsGeometry.fromRect(extent)]
            page_names = [text(lang, "whole_area")]
            page_order = [1]
        n_pages = len(page_geoms)
        engines = []
        for g in page_geoms:
            eng = QgsGeometry.createGeometryEngine(g.constGet())
            eng.prepareGeometry()
            engines.append(eng)

        def members(points) -> list[list[int]]:
            out = [[] for _ in range(n_pages)]
            for j, pt in enumerate(points):
                if pt is None:
                    continue
                for p, eng in enumerate(engines):
                    if eng.intersects(pt.constGet()):
                        out[p].append(j)
            return out

        def surface_points(geoms):
            return [None if (g.isNull() or g.isEmpty()) else g.pointOnSurface() for g in geoms]

        q_members = [[] for _ in range(n_pages)]
        pop = classes = cover = None
        if quarters is not None:
            q_geoms, q_vals = self._read(quarters, [q_pop, q_class], crs, context, feedback)
            q_members = members(surface_points(q_geoms))
            if q_pop:
                pop, problems = read_field(q_vals[q_pop], COUNT, q_pop, feedback)
                n_bad = sum(1 for p in problems if p is not None)
                if n_bad:
                    feedback.pushInfo(self.tr("{n} quarters have no usable population in '{field}' (empty, placeholder or suppressed); they count as unknown.").format(n=n_bad, field=q_pop))
            else:
                pop = np.full(len(q_geoms), np.nan)
            classes = q_vals[q_class] if q_class else None
            if catch is not None:
                c_geoms, c_vals = self._read(catch, [c_min], crs, context, feedback)
                parts = []
                for i, g in enumerate(c_geoms):
                    if g.isNull() or g.isEmpty():
                        continue
                    if c_min:
                        v, _p = parse_numbers([c_vals[c_min][i]], role=FACTOR)
                        if not (np.isfinite(v[0]) and v[0] <= minutes + 1e-9):
                            continue
                    parts.append(g)
                union = QgsGeometry.unaryUnion(parts) if parts else QgsGeometry()
                cover = np.zeros(len(q_geoms))
                needed = sorted({j for m in q_members for j in m})
                if not union.isNull() and not union.isEmpty():
                    ueng = QgsGeometry.createGeometryEngine(union.constGet())
                    ueng.prepareGeometry()
                    for n, j in enumerate(needed):
                        self.check_cancel(feedback)
                        g = q_geoms[j]
                        area = g.area()
                        if area <= 0:
                            continue
                        if not ueng.intersects(g.constGet()):
                            continue
                        cover[j] = g.intersection(union).area() / area
                        if n % 50 == 0:
                            feedback.setProgress(5 + 25 * n / max(1, len(needed)))
                if not parts:
                    feedback.pushWarning(self.tr("No catchment of at most {m} minutes in '{layer}': coverage is 0.").format(m=minutes, layer=catch.name()))
        missing_by_page = None
        if miss_layer is not None and (miss_key or miss_txt):
            m_geoms, m_vals = self._read(miss_layer, [miss_key, miss_txt], crs, context, feedback)
            labels = builder.category_labels(lang)
            per_area = []
            for i in range(len(m_geoms)):
                if miss_key:
                    raw = m_vals[miss_key][i]
                    per_area.append(None if raw is None or str(raw) == "NULL" else [labels.get(k, k) for k in split_missing(raw)])
                else:
                    raw = m_vals[miss_txt][i]
                    per_area.append(None if raw is None or str(raw) == "NULL" else split_missing(raw))
            m_members = members(surface_points(m_geoms))
            missing_by_page = [[per_area[j] for j in m if per_area[j] is not None] for m in m_members]

        counted = None  # (covered, total) per page from the catchment areas' population counts
        carea = layers[self.CATCHMENT_AREAS]
        if carea is not None:
            pop_n = "pop_{}".format(minutes)
            names = carea.fields().names()
            if pop_n in names and "pop_total" in names:
                a_geoms, a_vals = self._read(carea, [pop_n, "pop_total"], crs, context, feedback)
                covered_n, _p1 = read_field(a_vals[pop_n], COUNT, pop_n, feedback)
                total_n, _p2 = read_field(a_vals["pop_total"], COUNT, "pop_total", feedback)
                a_members = members(surface_points(a_geoms))
                counted = [(float(np.nansum(covered_n[m])) if m else 0.0, float(np.nansum(total_n[m])) if m else 0.0) for m in a_members]
            else:
                feedback.pushWarning(
                    self.tr("Layer '{layer}' has no fields pop_total and {field}: the coverage figure apportions the catchments by area instead. Run 'Walking catchments of docking points' with a band of {m} minutes.").format(
                        layer=carea.name(), field=pop_n, m=minutes
                    )
                )

        figures = []
        for p in range(n_pages):
            idx = q_members[p]
            kf = key_figures(
                pop[idx] if pop is not None else [],
                classes=[classes[j] for j in idx] if classes is not None else None,
                covered_fraction=cover[idx] if cover is not None else None,
                missing_lists=missing_by_page[p] if missing_by_page is not None else None,
                threshold=threshold,
            )
            if pop is None or q_pop is None:
                kf.has_quarters = False  # no population field: "n/a", never "." or a number
            if counted is not None:
                apply_coverage(kf, counted[p][0], counted[p][1], threshold)
            figures.append(kf)

        # -- the pages layer (atlas coverage) ----------------------------------------------------
        fields = new_fields(
            None,
            [
                ("page", "int"),
                ("name", "string"),
                ("kf_population", "double"),
                ("kf_aq_population", "double"),
                ("kf_aq_share_pct", "double"),
                ("kf_covered_pct", "double"),
                ("kf_missing", "string"),
                ("t_population", "string"),
                ("t_aq_share", "string"),
                ("t_coverage", "string"),
                ("t_missing", "string"),
            ],
        )
        wide = QgsFields()
        for f in fields:
            if f.name() in ("kf_missing", "t_missing"):
                f = QgsField(f.name(), QMetaType.Type.QString, "string", 1000)
            wide.append(f)
        fields = wide
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        order = sorted(range(n_pages), key=lambda i: (_sort_key(page_order[i]), i))
        table_labels = []
        for rank, p in enumerate(order, start=1):
            kf = figures[p]
            rows = key_figure_rows(kf, lang, minutes)
            table_labels = [r[0] for r in rows]
            feat = QgsFeature(fields)
            g = QgsGeometry(page_geoms[p])
            g.convertToMultiType()
            feat.setGeometry(g)
            feat.setAttributes(
                [
                    rank,
                    page_names[p],
                    _num(kf.population),
                    _num(kf.aq_population),
                    _num(kf.aq_share_pct),
                    _num(kf.covered_share_pct),
                    "; ".join("{} ({}/{})".format(k, n, kf.missing_of) for k, n in kf.missing) if kf.has_missing else None,
                    *[r[1] for r in rows],
                ]
            )
            sink.addFeature(feat)
            feedback.pushInfo(
                "{}: {}".format(page_names[p], " · ".join("{} {}".format(label, value) for label, value in rows))
            )
        del sink  # flush the file before the layout reads it

        pages_src = QgsProcessingUtils.mapLayerFromString(dest_id, context)
        if pages_src is None or not pages_src.isValid():
            raise QgsProcessingException(self.tr("Could not open the pages output '{dest}' again.").format(dest=dest_id))

        # -- print copies of the layers in a group of the project -------------------------------
        feedback.setProgressText(self.tr("Building the print layout…"))
        feedback.setProgress(35)
        manager = project.layoutManager()
        base = "{} ({})".format(title, ", ".join(page_names[i] for i in order[:3]) + (" …" if n_pages > 3 else ""))
        layout_name = base
        k = 2
        while manager.layoutByName(layout_name) is not None:
            layout_name = "{} {}".format(base, k)
            k += 1
        root = project.layerTreeRoot()
        group = root.insertGroup(0, layout_name)
        group.setExpanded(False)

        def add(layer, name):
            copy = self._print_copy(layer, name)
            if not copy.isValid():
                raise QgsProcessingException(self.tr("Could not copy layer '{layer}' for the map.").format(layer=layer.name()))
            project.addMapLayer(copy, False)
            return copy

        pages = add(pages_src, {"de": "Kartenseiten", "en": "Map pages"}[lang])
        builder.style_pages(pages, "name")
        map_layers, legend_layers = [], []
        copies = {}
        if quarters is not None:
            q = add(quarters, text(lang, "quarters"))
            if q_class:
                builder.style_quarters(q, lang, q_class, q_name)
            else:
                from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

                q.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "#F4F4F4", "outline_color": "#6E6E6E", "outline_width": "0.2"})))
            copies["quarters"] = q
        if infra is not None and "priority" in infra.fields().names():
            pr = add(infra, text(lang, "priority"))
            builder.style_priority(pr, lang)
            copies["priority"] = pr
        if catch is not None:
            c = add(catch, text(lang, "catchments"))
            builder.style_catchments(c, lang, c_min)
            copies["catchments"] = c
        if facilities is not None:
            f = add(facilities, text(lang, "facilities"))
            builder.style_facilities(f, lang, f_cat)
            copies["facilities"] = f
        if layers[self.DOCKING_POINTS] is not None:
            d = add(layers[self.DOCKING_POINTS], text(lang, "docking"))
            builder.style_docking(d, lang)
            copies["docking"] = d
        if suggested is not None:
            s = add(suggested, text(lang, "suggested"))
            builder.style_suggested(s, lang, s_rank)
            copies["suggested"] = s
        if streets is not None:
            st = add(streets, {"de": "Straßen und Wege", "en": "Streets and paths"}[lang])
            builder.style_streets(st, s_highway)
            copies["streets"] = st
        if layers[self.WATER] is not None:
            w = add(layers[self.WATER], {"de": "Gewässer", "en": "Water"}[lang])
            builder.style_water(w)
            copies["water"] = w
        for key in ("suggested", "docking", "facilities", "catchments", "priority"):
            if key in copies:
                map_layers.append(copies[key])
        map_layers.append(pages)
        for key in ("streets", "water", "quarters"):
            if key in copies:
                map_layers.append(copies[key])
        for key in ("quarters", "priority", "catchments", "docking", "suggested", "facilities"):
            if key in copies:
                legend_layers.append(copies[key])
        for lyr in map_layers:
            group.addLayer(lyr)

        units_km = max(g.boundingBox().width() for g in page_geoms) > 12000 if crs.mapUnits() == Qgis.DistanceUnit.Meters else False
        date = datetime.date.today()
        date_text = text(lang, "made").format(date=date.strftime("%d.%m.%Y") if lang == "de" else date.isoformat(), version=__version__)
        spec = builder.LayoutSpec(
            name=layout_name,
            title=title,
            lang=lang,
            paper=paper,
            crs=crs,
            coverage=pages,
            name_field="name",
            sort_field="page",
            map_layers=map_layers,
            legend_layers=legend_layers,
            attribution=text(lang, "data").format(attribution) if attribution else "",
            date_text=date_text,
            version=__version__,
            minutes=minutes,
            threshold=threshold,
            coverage_note=text(lang, "coverage_note_buildings" if counted is not None else "coverage_note") if (counted is not None or cover is not None) else "",
            units_km=units_km,
            table_fields=list(zip(table_labels, ("t_population", "t_aq_share", "t_coverage", "t_missing"))),
        )
        layout = builder.build_layout(project, spec)
        manager.addLayout(layout)

        # -- export ---------------------------------------------------------------------------
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        Path(pdf).parent.mkdir(parents=True, exist_ok=True)
        feedback.setProgressText(self.tr("Exporting {n} pages to PDF…").format(n=n_pages))
        feedback.setProgress(50)
        ok, error = builder.export_pdf(layout, pdf, feedback=feedback)
        self.check_cancel(feedback)
        if not ok:
            raise QgsProcessingException(self.tr("The PDF could not be written to '{path}': {error}").format(path=pdf, error=error))
        results = {self.OUTPUT: dest_id, self.OUTPUT_PDF: pdf, self.LAYOUT_NAME: layout_name, self.PAGES: n_pages}
        style_on_load(context, dest_id, lambda layer: builder.style_pages(layer, "name"), self.tr("Map pages with key figures"))
        folder = self.parameterAsString(parameters, self.OUTPUT_PNG_FOLDER, context)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            feedback.setProgressText(self.tr("Exporting the pages as PNG…"))
            feedback.setProgress(80)
            ok, error, files = builder.export_png(layout, folder, feedback=feedback)
            self.check_cancel(feedback)
            if not ok:
                raise QgsProcessingException(self.tr("The PNG pages could not be written to '{path}': {error}").format(path=folder, error=error))
            feedback.pushInfo(self.tr("PNG pages: {files}").format(files=", ".join(Path(f).name for f in files)))
            results[self.OUTPUT_PNG_FOLDER] = folder
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Layout '{name}' ({n} pages) added to the project; PDF: {pdf}").format(name=layout_name, n=n_pages, pdf=pdf))
        return results


def _num(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def _sort_key(v):
    try:
        return (0, float(v), "")
    except (TypeError, ValueError):
        return (1, 0.0, str(v))
