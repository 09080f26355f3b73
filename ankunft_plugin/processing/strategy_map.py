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
from types import SimpleNamespace

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameters,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QMetaType

from ..__about__ import __version__
from ..core import fieldmatch, strategy, vocabulary
from ..core.values import is_null, parse_numbers
from ..layout import builder
from ..layout.texts import DEFAULT_ATTRIBUTION, DEFAULT_ISSUER, format_int, format_names, key_figure_rows, text
from . import parameters as P
from .base import AnkunftAlgorithm
from .bridge import new_fields, read_source, to_shapely, utm_crs_for
from .styles import style_on_load


def _find_field(layer, given: str | None = None, role: str | None = None, known=()) -> str | None:
    """A field of ``layer`` chosen by ``core/fieldmatch.find_field`` (the panel chooses the same way)."""
    return None if layer is None else fieldmatch.find_field(layer.fields().names(), role, given, known)


class StrategyMapAlgorithm(AnkunftAlgorithm):
    # confidentiality (processing/outputs.py): the pages' key figures of people and what derives from them
    PEOPLE_PARAMS = ("POPULATION_FIELD",)
    PEOPLE = {"OUTPUT": ("kf_population", "kf_aq_population")}  # noqa: RUF012
    DERIVED = {"OUTPUT": {"kf_aq_share_pct": ("kf_aq_population", "kf_population")}}  # noqa: RUF012
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
    ISSUER = "ISSUER"
    DATA_DATES = "DATA_DATES"
    NETWORK = P.NETWORK
    MINUTES = "MINUTES"
    SUPPRESS_BELOW = P.SUPPRESS_BELOW
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
        return super().flags() | Qgis.ProcessingAlgorithmFlag.NoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        poly = [Qgis.ProcessingSourceType.VectorPolygon]
        pts = [Qgis.ProcessingSourceType.VectorPoint]
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
                self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.QUARTERS, type=Qgis.ProcessingFieldParameterDataType.Numeric, optional=True
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
            QgsProcessingParameterVectorLayer(self.STREETS, self.tr("Streets (background)"), [Qgis.ProcessingSourceType.VectorLine], optional=True),
            self.tr("Streets and paths for a clean background (no web tiles needed). Major roads are drawn wider when a highway/fclass field exists."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.WATER, self.tr("Water (background)"), [Qgis.ProcessingSourceType.VectorAnyGeometry], optional=True),
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
            QgsProcessingParameterString(self.DATA_DATES, self.tr("Data reference dates"), defaultValue="", multiLine=True, optional=True),
            self.tr("The reference date of each data source, printed on every page, e.g. 'population register 31.12.2020; social monitoring 2013; OpenStreetMap 2025'. Empty: taken from the layers' metadata (temporal extent or publication date) where it is set, else the map says 'not given'. The date the map was made is printed separately."),
        )
        self.add(
            QgsProcessingParameterString(self.ISSUER, self.tr("Issuing office"), defaultValue=DEFAULT_ISSUER, optional=True),
            self.tr("The office that issues the map, printed on every page (e.g. 'Bezirksamt Mitte, Stadtentwicklungsamt'). Empty: the map says 'not given'."),
        )
        self.add(
            QgsProcessingParameterString(self.ATTRIBUTION, self.tr("Data attribution"), defaultValue=DEFAULT_ATTRIBUTION, multiLine=True, optional=True),
            self.tr("Sources and licences printed on every page, e.g. '© OpenStreetMap contributors (ODbL); statistical office …'. Keep the OpenStreetMap attribution when OSM data is shown. Empty: the map says 'not given'."),
        )
        self.add(
            QgsProcessingParameterVectorLayer(self.NETWORK, self.tr("Walking network (where coverage can be measured)"), [Qgis.ProcessingSourceType.VectorLine], optional=True),
            self.tr("The walking network the catchments were computed on. An area with less than half of its surface within 100 m of it (no street data, outside the network's extent) is 'not measurable': left out of the coverage figure, hatched on the map and listed in the key figures. Empty: the streets layer."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterNumber(self.MINUTES, self.tr("Walking minutes for the coverage figure"), Qgis.ProcessingNumberParameterType.Integer, defaultValue=10, minValue=1, maxValue=120),
            self.tr("The key figure counts the population within this many minutes' walk (catchment bands up to this value)."),
            advanced=True,
        )
        P.add_suppress_below(self)
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Map pages with key figures"), Qgis.ProcessingSourceType.VectorPolygon),
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
        """(geometries in the map CRS, {field: values}) of a layer (``bridge.read_source``)."""
        names = list(dict.fromkeys(f for f in fields if f))
        data = read_source(layer, names, context, feedback, dest_crs=crs)
        return data.geometries, data.attributes

    # -- main -----------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        opts = self._options(parameters, context)
        layers = self._layers(parameters, context, feedback)
        project = context.project() or QgsProject.instance()
        crs = self._map_crs(layers, context)
        feedback.pushInfo(self.tr("Map CRS: {crs}").format(crs=crs.authid()))
        fields = self._fields(layers, parameters, context, feedback)

        feedback.setProgressText(self.tr("Computing key figures…"))
        pages = self._pages(layers, fields, crs, opts, context, feedback)
        data = self._data(layers, fields, crs, opts, context, feedback)
        figures = page_figures(pages, data, opts)
        self._report(pages, figures, data, opts, feedback)

        dest_id = self._write_pages(parameters, context, pages, figures, data, opts, crs)
        pages_src = QgsProcessingUtils.mapLayerFromString(dest_id, context)
        if pages_src is None or not pages_src.isValid():
            raise QgsProcessingException(self.tr("Could not open the pages output '{dest}' again.").format(dest=dest_id))

        feedback.setProgressText(self.tr("Building the print layout…"))
        feedback.setProgress(35)
        final_pdf = Path(QgsProcessingParameters.parameterAsFileOutput(self.parameterDefinition(self.OUTPUT_PDF), parameters, context))
        run = SimpleNamespace(project=project, layers=layers, fields=fields, pages=pages, data=data, crs=crs, opts=opts, context=context)
        layout = self._layout(run, pages_src, final_pdf)

        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        Path(pdf).parent.mkdir(parents=True, exist_ok=True)
        feedback.setProgressText(self.tr("Exporting {n} pages to PDF…").format(n=len(pages.geoms)))
        feedback.setProgress(50)
        ok, error = builder.export_pdf(layout, pdf, feedback=feedback)
        self.check_cancel(feedback)
        if not ok:
            raise QgsProcessingException(self.tr("The PDF could not be written to '{path}': {error}").format(path=pdf, error=error))
        results = {self.OUTPUT: dest_id, self.OUTPUT_PDF: pdf, self.LAYOUT_NAME: layout.name(), self.PAGES: len(pages.geoms)}
        style_on_load(context, dest_id, lambda layer: builder.style_pages(layer, "name"), self.tr("Map pages with key figures"))
        folder = self.parameterAsString(parameters, self.OUTPUT_PNG_FOLDER, context)
        if folder:
            results[self.OUTPUT_PNG_FOLDER] = self._export_png(layout, folder, feedback)
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("Layout '{name}' ({n} pages) added to the project; PDF: {pdf}").format(name=layout.name(), n=len(pages.geoms), pdf=pdf))
        return results

    # -- steps ------------------------------------------------------------------------------------
    def _options(self, parameters, context) -> dict:
        lang = "en" if self.parameterAsEnum(parameters, self.LANGUAGE, context) == 1 else "de"
        return {
            "lang": lang,
            "paper": builder.A4 if self.parameterAsEnum(parameters, self.PAPER, context) == 1 else builder.A3,
            "title": (self.parameterAsString(parameters, self.TITLE, context) or "").strip() or text(lang, "default_title"),
            "attribution": (self.parameterAsString(parameters, self.ATTRIBUTION, context) or "").strip(),
            "issuer": (self.parameterAsString(parameters, self.ISSUER, context) or "").strip(),
            "dates": (self.parameterAsString(parameters, self.DATA_DATES, context) or "").strip(),
            "minutes": self.parameterAsInt(parameters, self.MINUTES, context),
            "threshold": float(self.parameterAsInt(parameters, self.SUPPRESS_BELOW, context)),
            "labels": builder.category_labels(lang),
        }

    def _layers(self, parameters, context, feedback) -> dict:
        keys = (self.DISTRICTS, self.QUARTERS, self.CATCHMENTS, self.CATCHMENT_AREAS, self.DOCKING_POINTS, self.FACILITIES, self.INFRASTRUCTURE, self.SUGGESTED, self.STREETS, self.WATER, self.NETWORK)
        layers = {key: self._layer(parameters, key, context) for key in keys}
        present = [k for k, v in layers.items() if v is not None]
        if not present:
            raise QgsProcessingException(self.tr("No layer given: choose at least the districts or one result layer (classified quarters, catchments, docking points …)."))
        for k in present:
            if layers[k].featureCount() == 0:
                feedback.pushWarning(self.tr("Layer '{layer}' ({key}) has no features.").format(layer=layers[k].name(), key=k))
        return layers

    def _map_crs(self, layers, context):
        """The first projected CRS among the layers, else the UTM zone of the extent."""
        present = [k for k, v in layers.items() if v is not None]
        for k in (self.DISTRICTS, self.QUARTERS, self.CATCHMENTS, self.STREETS, *present):
            lyr = layers.get(k)
            if lyr is not None and lyr.crs().isValid() and not lyr.crs().isGeographic():
                return lyr.crs()
        first = layers[present[0]]
        return utm_crs_for(first.crs(), first.extent(), context)

    def _fields(self, layers, parameters, context, feedback) -> dict:
        quarters = layers[self.QUARTERS]
        q_class = "aq_class" if quarters is not None and "aq_class" in quarters.fields().names() else None
        if quarters is not None and q_class is None:
            feedback.pushWarning(self.tr("Layer '{layer}' has no field aq_class: the quarters are drawn without classes and the share in arrival quarters is not shown. Use the output of 'Classify arrival quarters'.").format(layer=quarters.name()))
        q_pop = _find_field(quarters, self.parameterAsString(parameters, self.POPULATION_FIELD, context), "population")
        if quarters is not None and q_pop is None:
            feedback.pushWarning(self.tr("No population field found in '{layer}': population figures are shown as n/a. Choose the population field.").format(layer=quarters.name()))
        infra = layers[self.INFRASTRUCTURE]
        miss_layer = infra if infra is not None else quarters
        districts = layers[self.DISTRICTS]
        return {
            "q_class": q_class,
            "q_pop": q_pop,
            "q_name": _find_field(quarters, None, "name"),
            "d_name": _find_field(districts, self.parameterAsString(parameters, self.DISTRICT_NAME_FIELD, context), "name"),
            "d_sort": "page" if districts is not None and "page" in districts.fields().names() else None,
            "c_min": _find_field(layers[self.CATCHMENTS], known=("minutes", "walk_min", "band", "minuten")),
            "miss_layer": miss_layer,
            "miss_key": _find_field(miss_layer, known=("eco_miss_k",)),
            "miss_txt": _find_field(miss_layer, known=("eco_missing",)),
            "f_cat": _find_field(layers[self.FACILITIES], self.parameterAsString(parameters, self.CATEGORY_FIELD, context), "category"),
            "s_rank": _find_field(layers[self.SUGGESTED], known=("rank",)),
            "s_name": _find_field(layers[self.SUGGESTED], known=("name", "fac_name", "NAME", "Name")),
            "s_kind": _find_field(layers[self.SUGGESTED], known=("category", "poi_type", "type", "fclass", "amenity", "layer")),
            "s_added": _find_field(layers[self.SUGGESTED], known=("added_weight", "added_people", "added")),
            "s_highway": _find_field(layers[self.STREETS], None, "highway"),
        }

    def _pages(self, layers, fields, crs, opts, context, feedback) -> SimpleNamespace:
        districts = layers[self.DISTRICTS]
        if districts is not None:
            d_name, d_sort = fields["d_name"], fields["d_sort"]
            d_geoms, d_vals = self._read(districts, [d_name, d_sort], crs, context, feedback)
            keep = [i for i, g in enumerate(d_geoms) if not g.isNull() and not g.isEmpty()]
            if len(keep) < len(d_geoms):
                feedback.pushWarning(self.tr("{n} districts without geometry are left out.").format(n=len(d_geoms) - len(keep)))
            if not keep:
                raise QgsProcessingException(self.tr("Layer '{layer}' has no district with a geometry: choose a polygon layer with districts.").format(layer=districts.name()))
            geoms = [d_geoms[i] for i in keep]
            names = [str(d_vals[d_name][i]) if d_name and d_vals[d_name][i] is not None else str(n + 1) for n, i in enumerate(keep)]
            order = [d_vals[d_sort][i] if d_sort else n + 1 for n, i in enumerate(keep)]
        else:
            extent = QgsRectangle()
            extent.setNull()
            for k, lyr in layers.items():
                if lyr is None or k == self.CATCHMENT_AREAS:
                    continue
                e = lyr.extent()
                tr = self._transform(lyr, crs, context)
                if tr is not None:
                    e = tr.transformBoundingBox(e)
                extent.combineExtentWith(e)
            geoms = [QgsGeometry.fromRect(extent)]
            names = [text(opts["lang"], "whole_area")]
            order = [1]
        return SimpleNamespace(geoms=geoms, shapes=to_shapely(geoms), names=names, order=strategy.page_order(order))

    def _data(self, layers, fields, crs, opts, context, feedback) -> SimpleNamespace:
        """Everything the key figures need, read once into numpy/shapely (the core computes from it)."""
        data = SimpleNamespace(quarters=None, coverage=None, gaps=None, facilities=None, sites=None, network=None, samples=None)
        quarters = layers[self.QUARTERS]
        q_pop, q_class, q_name = fields["q_pop"], fields["q_class"], fields["q_name"]
        net_layer = layers[self.NETWORK] or layers[self.STREETS]
        if net_layer is not None:
            n_geoms, _v = self._read(net_layer, [], crs, context, feedback)
            data.network = [g for g in to_shapely(n_geoms) if g is not None]
            data.samples = strategy.network_samples(data.network)
        if quarters is not None:
            q_geoms, q_vals = self._read(quarters, [q_pop, q_class, q_name], crs, context, feedback)
            pop = self._numbers(q_vals[q_pop], q_pop, feedback) if q_pop else np.full(len(q_geoms), np.nan)
            data.quarters = SimpleNamespace(
                shapes=to_shapely(q_geoms),
                pop=pop,
                has_pop=q_pop is not None,
                classes=q_vals[q_class] if q_class else None,
                names=[str(v) if v is not None else "" for v in q_vals[q_name]] if q_name else None,
            )
        data.coverage = self._coverage_data(layers, fields, crs, opts, data, context, feedback)
        data.gaps = self._gap_data(layers, fields, crs, opts, context, feedback)
        facilities = layers[self.FACILITIES]
        if facilities is not None and fields["f_cat"]:
            cats = [f[fields["f_cat"]] for f in facilities.getFeatures(QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry).setSubsetOfAttributes([fields["f_cat"]], facilities.fields()))]
            data.facilities = strategy.data_gaps([None if is_null(c) else str(c) for c in cats], scheme_keys())
        sites = layers[self.SUGGESTED]
        if sites is not None:
            data.sites = self._site_data(sites, fields, crs, opts, context, feedback)
        return data

    def _numbers(self, values, field, feedback):
        numbers, problems = parse_numbers(values)
        n_bad = sum(1 for p in problems if p is not None)
        if n_bad:
            feedback.pushInfo(self.tr("{n} quarters have no usable population in '{field}' (empty, placeholder or suppressed); they count as unknown.").format(n=n_bad, field=field))
        return numbers

    def _coverage_data(self, layers, fields, crs, opts, data, context, feedback):
        """Per coverage area: covered and total people, measurable or not (None without catchments)."""
        minutes = opts["minutes"]
        carea = layers[self.CATCHMENT_AREAS]
        if carea is not None:
            pop_n = "pop_{}".format(minutes)
            names = carea.fields().names()
            if pop_n in names and "pop_total" in names:
                name_f = _find_field(carea, None, "name")
                a_geoms, a_vals = self._read(carea, [pop_n, "pop_total", name_f], crs, context, feedback)
                shapes = to_shapely(a_geoms)
                return SimpleNamespace(
                    shapes=shapes,
                    covered=parse_numbers(a_vals[pop_n])[0],
                    total=parse_numbers(a_vals["pop_total"])[0],
                    names=[str(v) for v in a_vals[name_f]] if name_f else [str(i + 1) for i in range(len(shapes))],
                    measurable=self._measurable(shapes, data, feedback),
                    counted=True,
                )
            feedback.pushWarning(
                self.tr("Layer '{layer}' has no fields pop_total and {field}: the coverage figure apportions the catchments by area instead. Run 'Walking catchments of docking points' with a band of {m} minutes.").format(
                    layer=carea.name(), field=pop_n, m=minutes
                )
            )
        catch = layers[self.CATCHMENTS]
        if catch is None or data.quarters is None:
            return None
        c_min = fields["c_min"]
        c_geoms, c_vals = self._read(catch, [c_min], crs, context, feedback)
        band = parse_numbers(c_vals[c_min])[0] if c_min else np.zeros(len(c_geoms))
        q = data.quarters
        covered, n_parts = strategy.apportioned_coverage(q.shapes, q.pop, to_shapely(c_geoms), band, minutes)
        if not n_parts:
            feedback.pushWarning(self.tr("No catchment of at most {m} minutes in '{layer}': coverage is 0.").format(m=minutes, layer=catch.name()))
        return SimpleNamespace(
            shapes=q.shapes,
            covered=covered,
            total=q.pop,
            names=q.names or [str(i + 1) for i in range(len(q.shapes))],
            measurable=self._measurable(q.shapes, data, feedback),
            counted=False,
        )

    def _measurable(self, shapes, data, feedback):
        if not data.network:
            feedback.pushInfo(self.tr("No walking network or streets given: every area counts as measurable for the coverage figure."))
            return np.ones(len(shapes), dtype=bool)
        shares = strategy.measurable_shares(shapes, data.network, samples=data.samples)
        return strategy.measurable_mask(shares)

    def _gap_data(self, layers, fields, crs, opts, context, feedback):
        """Per area of the infrastructure layer: minutes to each category (min_…) or the lists of missing keys."""
        layer = fields["miss_layer"]
        if layer is None:
            return None
        codes = {code: key for key, code in scheme_fields().items() if "min_" + code in layer.fields().names()}
        if codes:
            geoms, vals = self._read(layer, ["min_" + c for c in codes], crs, context, feedback)
            reach = {key: parse_numbers(vals["min_" + code])[0] for code, key in codes.items()}
            return SimpleNamespace(shapes=to_shapely(geoms), reach=reach, lists=None)
        if fields["miss_key"]:
            geoms, vals = self._read(layer, [fields["miss_key"]], crs, context, feedback)
            lists = [None if is_null(v) else strategy.split_missing(v) for v in vals[fields["miss_key"]]]
            return SimpleNamespace(shapes=to_shapely(geoms), reach=None, lists=lists)
        return None

    def _site_data(self, layer, fields, crs, opts, context, feedback):
        want = [fields["s_rank"], fields["s_name"], fields["s_kind"], fields["s_added"]]
        geoms, vals = self._read(layer, want, crs, context, feedback)
        rows = []
        for i, g in enumerate(to_shapely(geoms)):
            rank = vals[fields["s_rank"]][i] if fields["s_rank"] else i + 1
            added = parse_numbers([vals[fields["s_added"]][i]])[0][0] if fields["s_added"] else math.nan
            rows.append(
                SimpleNamespace(
                    shape=g,
                    rank=int(rank) if _is_int(rank) else i + 1,
                    name=None if not fields["s_name"] or is_null(vals[fields["s_name"]][i]) else str(vals[fields["s_name"]][i]),
                    kind=None if not fields["s_kind"] or is_null(vals[fields["s_kind"]][i]) else str(vals[fields["s_kind"]][i]),
                    added=added,
                )
            )
        return sorted(rows, key=lambda r: r.rank)

    def _report(self, pages, figures, data, opts, feedback):
        if data.facilities is not None:
            if data.facilities.no_data:
                feedback.pushWarning(
                    self.tr("No facility at all in the input for: {cats}. These categories are shown as 'no data', not as missing offers.").format(
                        cats=", ".join(opts["labels"].get(k, k) for k in data.facilities.no_data)
                    )
                )
            if data.facilities.uncategorised:
                feedback.pushInfo(self.tr("{n} of {total} facilities have no category of the scheme.").format(n=data.facilities.uncategorised, total=data.facilities.total))
        if not opts["attribution"]:
            feedback.pushWarning(self.tr("No data attribution given: the map says 'not given'. Name the data sources (and keep the OpenStreetMap attribution when OSM data is shown)."))
        if not opts["issuer"]:
            feedback.pushWarning(self.tr("No issuing office given: the map says 'not given'."))
        for p in pages.order:
            rows = figures[p].rows
            feedback.pushInfo("{}: {}".format(pages.names[p], " · ".join("{} {}".format(label, value.replace("\n", "; ")) for _f, label, value in rows)))

    def _write_pages(self, parameters, context, pages, figures, data, opts, crs) -> str:
        spec = [("page", "int"), ("name", "string")] + [(k, "double") for k in KF_NUMBERS] + [(f, "string") for f in TEXT_FIELDS]
        fields = QgsFields()
        for f in new_fields(None, spec):
            if f.type() == QMetaType.Type.QString:
                f = QgsField(f.name(), QMetaType.Type.QString, "string", 2000)
            fields.append(f)
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields, Qgis.WkbType.MultiPolygon, crs)
        for rank, p in enumerate(pages.order, start=1):
            fig = figures[p]
            feat = QgsFeature(fields)
            g = QgsGeometry(pages.geoms[p])
            g.convertToMultiType()
            feat.setGeometry(g)
            texts = {f: v for f, _label, v in fig.rows}
            texts.update(fig.extra)
            feat.setAttributes([rank, pages.names[p], *[_num(getattr(fig.kf, attr)) for attr in KF_NUMBERS.values()], *[texts.get(f) for f in TEXT_FIELDS]])
            sink.addFeature(feat)
        del sink  # flush the file before the layout reads it
        self._table_labels = [(label, f) for f, label, _v in figures[pages.order[0]].rows]
        return dest_id

    def _layout(self, run, pages_src, final_pdf):
        """The print layout over the map pages (``layout/builder``), its layers copied into a GeoPackage beside the PDF."""
        project, layers, fields, pages, data, crs, opts = run.project, run.layers, run.fields, run.pages, run.data, run.crs, run.opts
        lang = opts["lang"]
        manager = project.layoutManager()
        base = "{} ({})".format(opts["title"], ", ".join(pages.names[i] for i in pages.order[:3]) + (" …" if len(pages.geoms) > 3 else ""))
        layout_name = base
        k = 2
        while manager.layoutByName(layout_name) is not None:
            layout_name = "{} {}".format(base, k)
            k += 1
        group = project.layerTreeRoot().insertGroup(0, layout_name)
        group.setExpanded(False)
        store = PrintStore(project, final_pdf.with_name(final_pdf.stem + "_karte.gpkg"), run.context)
        copies = self._print_layers(store, layers, fields, pages_src, data, lang)
        map_layers = [copies[k] for k in ("pages", "mask", "suggested", "docking", "facilities", "catchments", "not_measurable", "priority", "streets", "water", "quarters") if k in copies]
        legend_layers = [copies[k] for k in ("quarters", "not_measurable", "priority", "catchments", "docking", "suggested", "facilities") if k in copies]
        for lyr in map_layers:
            group.addLayer(lyr)
        group.setItemVisibilityChecked(False)  # the layout draws its own layer set; the canvas stays as it was
        units_km = max(g.boundingBox().width() for g in pages.geoms) > 12000 if crs.mapUnits() == Qgis.DistanceUnit.Meters else False
        notes = [text(lang, "suppressed_note").format(int(opts["threshold"]))]
        if data.coverage is not None:
            notes.append(text(lang, "coverage_note_buildings" if data.coverage.counted else "coverage_note"))
            if "not_measurable" in copies:
                notes.append(text(lang, "not_measurable_note"))
        spec = builder.LayoutSpec(
            name=layout_name,
            title=opts["title"],
            lang=lang,
            paper=opts["paper"],
            crs=crs,
            coverage=copies["pages"],
            name_field="name",
            sort_field="page",
            map_layers=map_layers,
            legend_layers=legend_layers,
            attribution=provenance_text(opts, layers, lang),
            date_text=text(lang, "created").format(date=_today(lang), version=__version__, qgis=Qgis.version().split("-")[0]),
            version=__version__,
            minutes=opts["minutes"],
            threshold=opts["threshold"],
            coverage_note="\n".join(notes[1:]),
            units_km=units_km,
            table_fields=self._table_labels,
            sites=data.sites is not None,
        )
        layout = builder.build_layout(project, spec)
        manager.addLayout(layout)
        return layout

    def _print_layers(self, store, layers, fields, pages_src, data, lang) -> dict:
        copies = {"pages": store.add(pages_src, {"de": "Kartenseiten", "en": "Map pages"}[lang])}
        builder.style_pages(copies["pages"], "name")
        copies["mask"] = store.add(pages_src, {"de": "Umgebung der Seite (abgeblendet)", "en": "Around the page (veiled)"}[lang])
        builder.style_page_mask(copies["mask"])
        quarters = layers[self.QUARTERS]
        if quarters is not None:
            q = copies["quarters"] = store.add(quarters, text(lang, "quarters"))
            if fields["q_class"]:
                builder.style_quarters(q, lang, fields["q_class"], fields["q_name"])
            else:
                builder.style_plain_areas(q)
        cov = data.coverage
        if cov is not None and not cov.measurable.all():
            source = layers[self.CATCHMENT_AREAS] if cov.counted else quarters
            nm = copies["not_measurable"] = store.add(source, text(lang, "kf_not_measurable"))
            # feature ids of the copy (a stored memory layer is renumbered), in the order the areas were read
            fids = [f.id() for f in nm.getFeatures(QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry).setNoAttributes())]
            builder.style_not_measurable(nm, lang, [fids[i] for i in np.nonzero(~cov.measurable)[0] if i < len(fids)])
        infra = layers[self.INFRASTRUCTURE]
        if infra is not None and "priority" in infra.fields().names():
            copies["priority"] = store.add(infra, text(lang, "priority"))
            builder.style_priority(copies["priority"], lang)
        if layers[self.CATCHMENTS] is not None:
            copies["catchments"] = store.add(layers[self.CATCHMENTS], text(lang, "catchments"))
            builder.style_catchments(copies["catchments"], lang, fields["c_min"])
        if layers[self.FACILITIES] is not None:
            copies["facilities"] = store.add(layers[self.FACILITIES], text(lang, "facilities"))
            builder.style_facilities(copies["facilities"], lang, fields["f_cat"])
        if layers[self.DOCKING_POINTS] is not None:
            copies["docking"] = store.add(layers[self.DOCKING_POINTS], text(lang, "docking"))
            builder.style_docking(copies["docking"], lang)
        if layers[self.SUGGESTED] is not None:
            copies["suggested"] = store.add(layers[self.SUGGESTED], text(lang, "suggested"))
            builder.style_suggested(copies["suggested"], lang, fields["s_rank"])
        if layers[self.STREETS] is not None:
            copies["streets"] = store.add(layers[self.STREETS], {"de": "Straßen und Wege", "en": "Streets and paths"}[lang])
            builder.style_streets(copies["streets"], fields["s_highway"])
        if layers[self.WATER] is not None:
            copies["water"] = store.add(layers[self.WATER], {"de": "Gewässer", "en": "Water"}[lang])
            builder.style_water(copies["water"])
        return copies

    def _export_png(self, layout, folder, feedback) -> str:
        Path(folder).mkdir(parents=True, exist_ok=True)
        feedback.setProgressText(self.tr("Exporting the pages as PNG…"))
        feedback.setProgress(80)
        ok, error, files = builder.export_png(layout, folder, feedback=feedback)
        self.check_cancel(feedback)
        if not ok:
            raise QgsProcessingException(self.tr("The PNG pages could not be written to '{path}': {error}").format(path=folder, error=error))
        feedback.pushInfo(self.tr("PNG pages: {files}").format(files=", ".join(Path(f).name for f in files)))
        return folder


# output field -> KeyFigures attribute (kf_covered_pct keeps its name: other tools read it)
KF_NUMBERS = {
    "kf_population": "population",
    "kf_aq_population": "aq_population",
    "kf_aq_share_pct": "aq_share_pct",
    "kf_covered_population": "covered_population",
    "kf_coverage_total": "coverage_total",
    "kf_covered_pct": "covered_share_pct",
    "kf_not_measurable_population": "not_measurable_population",
}
TEXT_FIELDS = ("t_population", "t_aq_share", "t_coverage", "t_not_measurable", "t_missing", "t_no_data", "t_uncategorised", "t_sites", "t_totals")


class PrintStore:
    """Print copies of layers for the layout, kept with the project: a layer from a file is opened again from
    that file; a memory layer (temporary output) is first written into a GeoPackage beside the PDF, so a saved
    project reopens with every layer of the layout."""

    def __init__(self, project, gpkg: Path, context):
        self.project = project
        self.gpkg = gpkg
        self.context = context
        self.written: set = set()

    def add(self, layer, name: str):
        if layer.providerType() == "memory":
            copy = self._stored(layer, name)
        else:
            copy = QgsVectorLayer(layer.source(), name, layer.providerType())
            if layer.subsetString():
                copy.setSubsetString(layer.subsetString())
        if not copy.isValid():
            raise QgsProcessingException(QCoreApplication.translate("StrategyMapAlgorithm", "Could not copy layer '{layer}' for the map.").format(layer=layer.name()))
        self.project.addMapLayer(copy, False)
        return copy

    def _stored(self, layer, name: str):
        table = "layer_{}".format(len(self.written) + 1)
        while table in self.written:
            table += "_"
        self.gpkg.parent.mkdir(parents=True, exist_ok=True)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.actionOnExistingFile = (
            QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer if self.gpkg.exists() and self.written else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
        )
        err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(self.gpkg), self.context.transformContext(), options)
        if err[0] != QgsVectorFileWriter.WriterError.NoError:
            raise QgsProcessingException(
                QCoreApplication.translate("StrategyMapAlgorithm", "Could not store layer '{layer}' for the map in '{path}': {error}").format(layer=layer.name(), path=self.gpkg, error=err[1])
            )
        self.written.add(table)
        return QgsVectorLayer("{}|layername={}".format(self.gpkg, table), name, "ogr")


def scheme_fields() -> dict:
    """Category key → field code (cns, hous …) of the built-in scheme."""
    return {key: code for code, key in vocabulary.category_fields().items()}


def scheme_keys() -> list:
    return [t.key for t in vocabulary.category_terms()]


def page_figures(pages, data, opts) -> list:
    """Key figures (``core/strategy.page_key_figures``), table rows and notes of every page."""
    lang, minutes, threshold, labels = opts["lang"], opts["minutes"], opts["threshold"], opts["labels"]
    pf = strategy.page_key_figures(pages.shapes, data, minutes, threshold)
    out = []
    for p, kf in enumerate(pf.key_figures):
        rows = key_figure_rows(kf, lang, minutes, labels=labels, names=pf.coverage_names[p])
        extra = {
            "t_sites": sites_text(data.sites, pages.shapes[p], lang, threshold, labels) if data.sites is not None else None,
            "t_totals": totals_text(p, pages, pf.reconcile, data.quarters, pf.quarter_members, lang),
        }
        out.append(SimpleNamespace(kf=kf, rows=rows, extra=extra))
    return out


SITE_KINDS = {
    "de": {
        "tram-stops": "Tramhaltestelle", "tram_stops": "Tramhaltestelle", "ubahn-stops": "U-Bahnhof", "ubahn_stops": "U-Bahnhof",
        "sbahn-stops": "S-Bahnhof", "sbahn_stops": "S-Bahnhof", "bus-stops": "Bushaltestelle", "bus_stops": "Bushaltestelle",
        "supermarkets": "Supermarkt", "post-offices": "Postfiliale", "post_offices": "Postfiliale", "libraries": "Bibliothek",
        "marketplaces": "Markt", "community-centers": "Stadtteilzentrum", "community_centers": "Stadtteilzentrum",
    },
    "en": {
        "tram-stops": "tram stop", "tram_stops": "tram stop", "ubahn-stops": "underground station", "ubahn_stops": "underground station",
        "sbahn-stops": "S-Bahn station", "sbahn_stops": "S-Bahn station", "bus-stops": "bus stop", "bus_stops": "bus stop",
        "supermarkets": "supermarket", "post-offices": "post office", "post_offices": "post office", "libraries": "library",
        "marketplaces": "market", "community-centers": "community centre", "community_centers": "community centre",
    },
}


def site_kind(kind, lang: str, labels: dict) -> str:
    if not kind:
        return "–"
    return labels.get(kind) or SITE_KINDS.get(lang, {}).get(kind) or kind.replace("_", " ").replace("-", " ")


def sites_text(sites, page, lang: str, threshold: float, labels: dict) -> str:
    """The suggested sites on a page, one line each: rank, name, type, people newly reached."""
    lines = []
    for s in sites:
        if s.shape is None or page is None or not page.intersects(s.shape):
            continue
        added = strategy.publish(s.added, threshold)
        people = format_int(added, lang) if np.isfinite(added) else text(lang, "suppressed")
        lines.append(text(lang, "site_item").format(rank=s.rank, name=s.name or text(lang, "site_unnamed"), kind=site_kind(s.kind, lang, labels), people=people))
    return "\n".join(lines) if lines else text(lang, "no_sites")


def totals_text(p, pages, reconcile, q, members, lang) -> str:
    """Why this page's total does (not) equal the sum of the pages it is split into."""
    if p not in reconcile or q is None:
        return text(lang, "totals_rule")
    r = reconcile[p]
    names = q.names or [str(i + 1) for i in range(len(q.shapes))]
    parts = format_names([pages.names[i] for i in r.parts], lang).replace(", ", " + ").replace(" und ", " + ").replace(" and ", " + ")
    total = format_int(r.parts_total, lang) if np.isfinite(r.parts_total) else text(lang, "suppressed")
    out = [text(lang, "totals_parts").format(parts=parts, total=total)]
    if r.only_in_parts:
        who = ", ".join("{} ({} {})".format(names[j], format_int(q.pop[j], lang) if np.isfinite(q.pop[j]) else ".", text(lang, "persons")) for j in r.only_in_parts)
        where = format_names(sorted({pages.names[i] for i in r.parts if any(j in members[i] for j in r.only_in_parts)}), lang)
        out.append(text(lang, "totals_only_parts").format(names=who, page=pages.names[p], where=where))
    if r.only_here:
        out.append(text(lang, "totals_only_here").format(names=", ".join(names[j] for j in r.only_here)))
    out.append(text(lang, "totals_rule"))
    return " ".join(out)


def provenance_text(opts, layers, lang) -> str:
    """Data reference dates, issuing office and attribution, as printed on every page."""
    dates = opts["dates"] or metadata_dates(layers, lang)
    lines = [text(lang, "dates").format(dates) if dates else text(lang, "dates_missing")]
    lines.append(text(lang, "issuer").format(opts["issuer"]) if opts["issuer"] else text(lang, "issuer_missing"))
    lines.append(text(lang, "data").format(opts["attribution"]) if opts["attribution"] else text(lang, "attribution_missing"))
    return "\n".join(lines)


def metadata_dates(layers, lang) -> str:
    """'<title>: <date>' for the layers whose metadata name a temporal extent or a publication date."""
    seen, out = set(), []
    for layer in layers.values():
        if layer is None:
            continue
        md = layer.metadata()
        when = ""
        extents = md.extent().temporalExtents() if md.extent() is not None else []
        for ext in extents:
            begin, end = ext.begin(), ext.end()
            fmt = "dd.MM.yyyy" if lang == "de" else "yyyy-MM-dd"
            if begin.isValid() and end.isValid() and begin.date() != end.date():
                when = "{}–{}".format(begin.toString(fmt), end.toString(fmt))
            elif begin.isValid() or end.isValid():
                when = (begin if begin.isValid() else end).toString(fmt)
            if when:
                break
        if not when:
            published = md.dateTime(Qgis.MetadataDateType.Published)
            if published.isValid():
                when = published.toString("dd.MM.yyyy" if lang == "de" else "yyyy-MM-dd")
        if when:
            label = "{}: {}".format(md.title() or layer.name(), when)
            if label not in seen:
                seen.add(label)
                out.append(label)
    return "; ".join(out)


def _today(lang: str) -> str:
    date = datetime.date.today()
    return date.strftime("%d.%m.%Y") if lang == "de" else date.isoformat()


def _is_int(v) -> bool:
    try:
        int(v)
    except (TypeError, ValueError):
        return False
    return True


def _num(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
