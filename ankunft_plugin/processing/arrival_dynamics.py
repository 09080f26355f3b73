"""``ankunft:arrivaldynamics`` – which quarters are becoming arrival quarters, year by year.

The QGIS shell around ``core/classify.py`` (one classification per year, with exactly the
parameters of ``ankunft:classifyarrivalquarters``), ``core/dynamics.py`` (class sequences, trend,
change, Markov transitions) and ``core/spatial.py`` (Gi* hot and cold spots of the latest year).
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from qgis.core import (
    Qgis,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core import dynamics as dyn
from ..core import vocabulary
from ..core.classify import CLASSES, CLASSIFYING, INDICATORS, ClassifyParams, classify
from ..core.demand import building_points
from ..core.values import COUNT, RATE
from . import parameters as P
from .base import AnkunftAlgorithm
from .bridge import LayerData, new_fields, read_source, require_field, to_shapely, transformed, utm_crs_for, write_rows
from .classify_arrival_quarters import ClassifyArrivalQuartersAlgorithm
from .clusters import (
    CLUSTER_VALUES,
    CLUSTERS,
    CONTIGUITY_TOLERANCE,
    FDR_ALPHA,
    add_cluster_parameters,
    cluster_settings,
    compute_clusters,
)
from .number_reading import read_field
from .population_source import add_population_cell_parameters, read_population_cells
from .styles import categorized_fill

# fill colour and brush per change category from the vocabulary ("insufficient" hatched)
CHANGE_STYLE = vocabulary.colours("change")

# the parameters taken over from ankunft:classifyarrivalquarters (same keys, defaults, help)
_NOT_SHARED = ("INPUT", "ID_FIELD", "OUTPUT", CLUSTERS, CLUSTER_VALUES, FDR_ALPHA, CONTIGUITY_TOLERANCE)
MAX_UNALLOCATED = 0.05  # a year whose areas leave more of their people outside the target areas cannot be harmonised


def apply_change_style(layer, labels: dict[str, str]) -> None:
    """Categorised renderer on ``change`` with the Okabe-Ito colours and the given legend labels."""
    categorized_fill(layer, "change", dyn.CHANGES, CHANGE_STYLE, labels)


class ArrivalDynamicsAlgorithm(AnkunftAlgorithm):
    NONNEGATIVE_PARAMS = ("POPULATION_FIELD",)  # people: never negative (processing/validation.py)
    ALG_ID = "arrivaldynamics"
    GROUP_ID = "analysis"

    INPUTS = "INPUTS"
    YEARS = "YEARS"
    ID_FIELD = "ID_FIELD"
    NAME_FIELD = "NAME_FIELD"
    CLUSTERS = CLUSTERS
    CLUSTER_VALUES = CLUSTER_VALUES
    FDR_ALPHA = FDR_ALPHA
    CONTIGUITY_TOLERANCE = CONTIGUITY_TOLERANCE
    BOUNDARY_SHARE = "BOUNDARY_SHARE"
    HARMONIZE = "HARMONIZE"
    TARGET_YEAR = "TARGET_YEAR"
    HARMONIZE_BUILDINGS = "HARMONIZE_BUILDINGS"
    OUTPUT = "OUTPUT"
    OUTPUT_TRANSITIONS = "OUTPUT_TRANSITIONS"

    C = ClassifyArrivalQuartersAlgorithm  # the shared indicator and method parameters live there

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Arrival quarter dynamics over the years")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Classifies the areas year by year and shows which quarters are becoming arrival quarters: class per year, trend, change, transitions and hot spots.")

    def tags(self) -> list[str]:
        return self.tr("arrival quarter,Ankunftsquartier,monitoring,dynamics,trend,transition,Markov,Getis-Ord,hot spot").split(",")

    # -- labels ---------------------------------------------------------------------------------
    def change_labels(self, lang: str | None = None) -> dict[str, str]:
        """Change category → label (``core/vocabulary``) in ``lang`` (default: the QGIS language)."""
        return vocabulary.labels("change", lang or self.ui_lang())

    def class_labels(self, lang: str | None = None) -> dict[str, str]:
        return vocabulary.labels("class", lang or self.ui_lang())

    # -- parameters -----------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(
            QgsProcessingParameterMultipleLayers(self.INPUTS, self.tr("Areas, one layer per year"), Qgis.ProcessingSourceType.VectorPolygon),
            self.tr("The yearly deliveries: one polygon layer per year, all with the same field names (e.g. planning areas 2015, 2016, …). The layers are never modified. Areas are matched across years by their id."),
        )
        self.add(
            QgsProcessingParameterString(self.YEARS, self.tr("Years (comma-separated, in the order of the layers)")),
            self.tr("One year per layer, in the same order as the layers above, e.g. 2015,2016,2017. The layers are sorted by year if needed."),
        )
        self.add(
            QgsProcessingParameterField(self.ID_FIELD, self.tr("Area id field"), parentLayerParameterName=self.INPUTS, type=Qgis.ProcessingFieldParameterDataType.Any),
            self.tr("The area id (e.g. the LOR or block number) that identifies the same area in every year. Areas whose id is missing in some years are reported; if two years share too few ids the boundaries have changed and the years cannot be compared."),
        )
        self.add(
            QgsProcessingParameterField(self.NAME_FIELD, self.tr("Area name field"), parentLayerParameterName=self.INPUTS, type=Qgis.ProcessingFieldParameterDataType.Any, optional=True),
            self.tr("Optional: the area name, copied to the output (from the latest year) and used in the log."),
        )
        # the indicator and method parameters of ankunft:classifyarrivalquarters, taken over as they are
        template = self.C()
        template.initAlgorithm()
        for param in template.parameterDefinitions():
            if param.name() in _NOT_SHARED:
                continue
            clone = param.clone()
            if isinstance(clone, QgsProcessingParameterField):
                clone.setParentLayerParameterName(self.INPUTS)
            self.addParameter(clone)
        add_cluster_parameters(self, default_on=True)
        self.add(
            QgsProcessingParameterNumber(self.BOUNDARY_SHARE, self.tr("Minimum share of common ids between years"), Qgis.ProcessingNumberParameterType.Double, defaultValue=0.5, minValue=0.0, maxValue=1.0),
            self.tr("If two consecutive years share fewer ids than this (relative to the smaller year), the area boundaries or the id system changed: the years are harmonised onto one geometry (below) or, where that is not possible, the run stops with a message."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterBoolean(self.HARMONIZE, self.tr("Harmonise years on other boundaries"), defaultValue=True),
            self.tr("Years delivered on other areas (a boundary reform: few common ids with the target year) are moved onto the target year's areas on the way in (as 'Harmonise areas': area-weighted, or through the buildings or population grid given below): counts as counts, percentages and rates through the counts behind them. The log says so, the output marks the harmonised years (harm_years) and gives per year the share of each area's population that came from split areas (harm_split_<year>). Off: such years stop the run."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterNumber(self.TARGET_YEAR, self.tr("Geometry of the year"), Qgis.ProcessingNumberParameterType.Integer, optional=True),
            self.tr("The year whose areas all years are harmonised onto. Empty: the latest year."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterFeatureSource(self.HARMONIZE_BUILDINGS, self.tr("Buildings for harmonising (dasymetric)"), [Qgis.ProcessingSourceType.VectorPolygon], optional=True),
            self.tr("Optional: building footprints. A split area's figures go where its buildings are (by footprint) instead of by surface. A population grid (below) takes precedence."),
            advanced=True,
        )
        add_population_cell_parameters(self, advanced=True)
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Arrival quarter dynamics"), Qgis.ProcessingSourceType.VectorPolygon),
            self.tr("One feature per area (geometry of the latest year it occurs in): aq_class_<year> and aq_score_<year> per year, trend, change, aq_years, years_missing, and gi_z, gi_p, cluster for the latest year."),
        )
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT_TRANSITIONS, self.tr("Class transitions"), Qgis.ProcessingSourceType.Vector),
            self.tr("Table of class in year t → class in year t+1: number of areas and share of the row (Markov transition probabilities), per pair of consecutive years and pooled (period 'all')."),
        )
        counts = {
            "AREAS": self.tr("Number of areas"),
            "CHANGED": self.tr("Number of areas that changed class"),
            "PARTIAL": self.tr("Number of areas missing in some years"),
            "HOT": self.tr("Number of hot spots (latest year)"),
            "COLD": self.tr("Number of cold spots (latest year)"),
            "HARMONISED_YEARS": self.tr("Number of years harmonised onto the target year's areas"),
        }
        for key, label in self.change_labels().items():
            counts[key.upper()] = self.tr("Number of areas: {}").format(label)
        for key, description in counts.items():
            self.addOutput(QgsProcessingOutputNumber("N_{}".format(key), description))

    # -- reading parameters ---------------------------------------------------------------------
    def _classify_params(self, parameters, context) -> ClassifyParams:
        C = self.C
        mode = "quantile" if self.parameterAsEnum(parameters, C.MODE, context) == 1 else "zscore"
        return ClassifyParams(
            min_population=self.parameterAsDouble(parameters, C.MIN_POPULATION, context),
            threshold=self.parameterAsDouble(parameters, C.THRESHOLD, context),
            mode=mode,
            quantile=self.parameterAsDouble(parameters, C.QUANTILE, context),
            smoothing=self.parameterAsBoolean(parameters, C.SMOOTHING, context),
            suppress_below=self.parameterAsDouble(parameters, C.SUPPRESS_BELOW, context),
        )

    def _chosen_indicators(self, parameters, context) -> dict[str, tuple[str, int]]:
        chosen: dict[str, tuple[str, int]] = {}
        for name in INDICATORS:
            field_key, unit_key, _default = self.C.INDICATOR_KEYS[name]
            fname = self.parameterAsString(parameters, field_key, context)
            if fname:
                chosen[name] = (fname, self.parameterAsEnum(parameters, unit_key, context))
        return chosen

    # -- run ------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        run = SimpleNamespace(parameters=parameters, context=context, feedback=feedback)
        self._read_parameters(run)
        self._read_years(run)
        run.harmonised = {}
        if self.parameterAsBoolean(parameters, self.HARMONIZE, context):
            target = self._target_year(parameters, context, run.years)
            run.harmonised = self._harmonise(run, target)
        self._align(run)
        self._classify_years(run)
        self._dynamics(run)
        dest_id = self._write_areas(run)
        t_dest = self._write_transitions(run)
        return self._finish(run, dest_id, t_dest)

    # -- the steps of a run (``run``: the parameter object carried from step to step) -------------------
    def _read_parameters(self, run) -> None:
        """Layers sorted by year, fields, indicators, classification and cluster settings."""
        parameters, context, feedback = run.parameters, run.context, run.feedback
        layers = self.parameterAsLayerList(parameters, self.INPUTS, context)
        self.output_lang(parameters, context)  # OUTPUT_LANGUAGE is shared with the classification
        if len(layers) < 2:
            raise QgsProcessingException(self.tr("Choose at least two layers (one per year) as input."))
        years_text = self.parameterAsString(parameters, self.YEARS, context)
        try:
            years = dyn.parse_years(years_text)
        except ValueError as err:
            raise QgsProcessingException(
                self.tr("Years: '{value}' is not a year. Write the years comma-separated, e.g. 2015,2016,2017.").format(value=str(err))
            ) from err
        if len(years) != len(layers):
            raise QgsProcessingException(
                self.tr("{n_years} years given ({years}) for {n_layers} layers: give exactly one year per layer, in the order of the layers.").format(
                    n_years=len(years), years=years_text, n_layers=len(layers)
                )
            )
        if len(set(years)) != len(years):
            raise QgsProcessingException(self.tr("Years: each year may occur only once ({years}).").format(years=years_text))
        order = dyn.year_order(years)
        if order != list(range(len(years))):
            feedback.pushInfo(self.tr("The layers were sorted by year."))
        run.years = [years[t] for t in order]
        run.layers = [layers[t] for t in order]
        run.n_years = len(run.years)

        run.id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        if not run.id_field:
            raise QgsProcessingException(self.tr("Choose the area id field: areas are matched across years by their id."))
        run.name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        run.pop_field = self.parameterAsString(parameters, self.C.POPULATION_FIELD, context)
        if not run.pop_field:
            raise QgsProcessingException(self.tr("Choose the population field."))
        run.chosen = self._chosen_indicators(parameters, context)
        if sum(1 for n in CLASSIFYING if n in run.chosen) < 2:
            raise QgsProcessingException(
                self.tr("Choose at least two of the arrivals, turnover and diversity fields (the social field is context only).")
            )
        run.params = self._classify_params(parameters, context)
        run.clusters = cluster_settings(self, parameters, context)
        run.min_share = self.parameterAsDouble(parameters, self.BOUNDARY_SHARE, context)

    def _read_years(self, run) -> None:
        """Every year's layer read once (in the CRS of the latest year)."""
        feedback, n_years = run.feedback, run.n_years
        run.out_crs = run.layers[-1].crs()
        wanted = [run.id_field, run.pop_field, *(f for f, _u in run.chosen.values())]
        if run.name_field:
            wanted.append(run.name_field)
        wanted = list(dict.fromkeys(wanted))
        run.per_year = []
        for t, (year, layer) in enumerate(zip(run.years, run.layers)):
            self.check_cancel(feedback)
            label = self.tr("{layer} (year {year})").format(layer=layer.name(), year=year)
            for fname in wanted:
                require_field(layer, fname, label)
            data = read_source(layer, wanted, run.context, feedback, dest_crs=run.out_crs, progress=(40.0 * t / n_years, 40.0 * (t + 1) / n_years))
            if len(data) == 0:
                raise QgsProcessingException(self.tr("Layer '{layer}' has no features.").format(layer=label))
            run.per_year.append((label, data))

    def _align(self, run) -> None:
        """Areas matched across the years by id; duplicates, boundary changes and gaps said."""
        feedback, id_field, years = run.feedback, run.id_field, run.years
        alignment = run.alignment = dyn.align_ids([data.attributes[id_field] for _label, data in run.per_year])
        for t, (label, _data) in enumerate(run.per_year):
            dup = alignment.duplicates[t]
            if dup:
                raise QgsProcessingException(
                    self.tr("Layer '{layer}': {n} ids occur more than once in field '{field}' (e.g. {ids}). Each area must occur once per year: dissolve multi-part areas or choose another id field.").format(
                        layer=label, n=len(dup), field=id_field, ids=", ".join(dup[:5])
                    )
                )
            if alignment.empty[t]:
                feedback.pushWarning(
                    self.tr("Layer '{layer}': {n} features have no id in field '{field}' and are left out.").format(layer=label, n=alignment.empty[t], field=id_field)
                )
        shares = dyn.shared_share(alignment.present)
        for t in dyn.boundary_changes(alignment.present, run.min_share):
            raise QgsProcessingException(
                self.tr("Years {a} and {b} share only {share:.0f} % of their area ids (field '{field}'): the area boundaries or the id system changed between them (e.g. a boundary reform). Areas cannot be compared one by one across such a change: analyse the years before and after it separately, or first transfer one year's data to the other year's areas.").format(
                    a=years[t], b=years[t + 1], share=100.0 * (shares[t] if np.isfinite(shares[t]) else 0.0), field=id_field
                )
            )
        if alignment.leading_zeros:
            feedback.pushWarning(
                self.tr("Some ids were matched only by ignoring leading zeros (e.g. a number field in one year, a text field in another). Check that field '{field}' means the same in every year.").format(field=id_field)
            )
        partial = run.partial = alignment.partial()
        missing_years = run.missing_years = alignment.missing_years(years)
        if len(partial):
            shown = ["{} ({})".format(alignment.labels[i], ", ".join(str(y) for y in missing_years[i])) for i in partial[:30]]
            feedback.pushWarning(
                self.tr("{n} areas do not occur in every year (missing years in brackets); they are kept, with the years they have: {areas}").format(
                    n=len(partial), areas=", ".join(shown) + (" …" if len(partial) > 30 else "")
                )
            )

    def _classify_years(self, run) -> None:
        """Every year classified with the same parameters (``core.classify``)."""
        feedback, years = run.feedback, run.years
        labels = run.labels = self.class_labels(self.out_lang())
        run.results = results = []
        for t, (label, data) in enumerate(run.per_year):
            self.check_cancel(feedback)
            indicators = {name: (data.attributes[fname], unit) for name, (fname, unit) in run.chosen.items()}
            try:
                res = classify(data.attributes[run.pop_field], indicators, run.params)
            except ValueError as err:
                raise QgsProcessingException(self.tr("Layer '{layer}': {error}").format(layer=label, error=str(err))) from err
            results.append(res)
            counts = {c: int(np.sum(res.aq_class == c)) for c in CLASSES}
            feedback.pushInfo(
                self.tr("{year}: {counts}").format(year=years[t], counts=", ".join("{} {}".format(labels[c], counts[c]) for c in CLASSES))
            )
            self._log_warnings(feedback, years[t], res.warnings)
            feedback.setProgress(40.0 + 30.0 * (t + 1) / run.n_years)
        run.classes = dyn.scatter([r.aq_class for r in results], run.alignment, fill=dyn.ABSENT, dtype=object)
        run.scores = dyn.scatter([r.score for r in results], run.alignment)

    def _dynamics(self, run) -> None:
        """Trend, change category, years as arrival quarter, transitions (``core/dynamics``) and the spatial
        clusters of the latest year."""
        alignment = run.alignment
        d = dyn.dynamics(run.years, run.classes, run.scores, CLASSES)
        run.trend, run.trend_n, run.change, run.aq_years, run.changed, run.transitions = d.trend, d.trend_n, d.change, d.aq_years, d.changed, d.transitions
        n_areas = run.n_areas = alignment.n_areas
        run.gi_z = np.full(n_areas, np.nan)
        run.gi_p = np.full(n_areas, np.nan)
        run.cluster = np.full(n_areas, None, dtype=object)
        if run.clusters["on"]:
            data = run.per_year[-1][1]
            z, p, cl = compute_clusters(run.clusters, run.results[-1].score, data.geometries, run.layers[-1], run.context, run.feedback)
            rows = alignment.rows[-1]
            run.gi_z = dyn.to_areas(z, rows, n_areas)
            run.gi_p = dyn.to_areas(p, rows, n_areas)
            run.cluster = dyn.to_areas(cl, rows, n_areas, fill=None, dtype=object)
        run.feedback.setProgress(80.0)

    def _write_areas(self, run):
        """One feature per area: its classes and scores per year, trend, change, clusters, harmonisation."""
        alignment, years, n_areas, n_years = run.alignment, run.years, run.n_areas, run.n_years
        id_field, name_field, harmonised = run.id_field, run.name_field, run.harmonised
        geometries, names = self._latest_geometries(run)
        run.names = names
        spec = [(id_field, "string")]
        if name_field and name_field != id_field:
            spec.append((name_field, "string"))
        for year in years:
            spec += [("aq_class_{}".format(year), "string"), ("aq_score_{}".format(year), "double")]
        spec += [
            ("trend", "double"),
            ("trend_n", "int"),
            ("change", "string"),
            ("change_label", "string"),
            ("aq_years", "int"),
            ("years_present", "int"),
            ("years_missing", "string"),
        ]
        if run.clusters["on"]:
            spec += [("gi_z", "double"), ("gi_p", "double"), ("cluster", "string")]
        if harmonised:
            spec += [("harm_years", "string")] + [("harm_split_{}".format(years[t]), "double") for t in sorted(harmonised)]
            harm_split = {t: dyn.to_areas(split, alignment.rows[t], n_areas) for t, split in harmonised.items()}
        fields = new_fields(None, spec)
        wkb = run.layers[-1].wkbType()
        if QgsWkbTypes.geometryType(wkb) != Qgis.GeometryType.Polygon:
            wkb = Qgis.WkbType.MultiPolygon
        sink, dest_id = self.required_sink(run.parameters, self.OUTPUT, run.context, fields, QgsWkbTypes.multiType(wkb), run.out_crs)
        change_labels = run.change_labels = self.change_labels(self.out_lang())
        present = alignment.present.sum(axis=1)
        out_rows = []
        for i in range(n_areas):
            self.check_cancel(run.feedback)
            row = [alignment.labels[i]]
            if name_field and name_field != id_field:
                row.append(None if names[i] is None else str(names[i]))
            for t in range(n_years):
                row += [run.classes[i, t] or None, run.scores[i, t]]
            row += [
                run.trend[i],
                int(run.trend_n[i]),
                run.change[i],
                change_labels[run.change[i]],
                int(run.aq_years[i]),
                int(present[i]),
                ",".join(str(y) for y in run.missing_years[i]) or None,
            ]
            if run.clusters["on"]:
                row += [run.gi_z[i], run.gi_p[i], run.cluster[i]]
            if harmonised:
                row += [",".join(str(years[t]) for t in sorted(harmonised))] + [harm_split[t][i] for t in sorted(harmonised)]
            out_rows.append(row)
        write_rows(sink, fields, out_rows, geometries, run.feedback, progress=(80.0, 95.0))
        return dest_id

    def _latest_geometries(self, run):
        """Each area's geometry (multi-part) and name from the latest year it occurs in."""
        geometries = [None] * run.n_areas
        names = [None] * run.n_areas
        for i, (t, r) in enumerate(zip(*dyn.latest_rows(run.alignment))):
            if t >= 0:
                data = run.per_year[t][1]
                geometries[i] = data.geometries[r]
                if run.name_field:
                    names[i] = data.attributes[run.name_field][r]
        for g in geometries:
            if g is not None and not g.isNull() and not g.isMultipart():
                g.convertToMultiType()
        return geometries, names

    def _write_transitions(self, run):
        """The transition table: counts and row shares of class changes, pooled and per period."""
        years, labels, transitions = run.years, run.labels, run.transitions
        t_fields = new_fields(
            None,
            [
                ("period", "string"),
                ("year_from", "int"),
                ("year_to", "int"),
                ("from_class", "string"),
                ("to_class", "string"),
                ("from_label", "string"),
                ("to_label", "string"),
                ("count", "int"),
                ("share", "double"),
            ],
        )
        t_sink, t_dest = self.required_sink(run.parameters, self.OUTPUT_TRANSITIONS, run.context, t_fields, Qgis.WkbType.NoGeometry)
        run.pooled = transitions.sum(axis=0)
        t_rows = [[period, y0, y1, ca, cb, labels[ca], labels[cb], count, share]
                  for period, y0, y1, ca, cb, count, share in dyn.transition_table(years, transitions, CLASSES)]
        write_rows(t_sink, t_fields, t_rows, [None] * len(t_rows), run.feedback)
        return t_dest

    def _finish(self, run, dest_id, t_dest) -> dict:
        """Log, style and the results."""
        feedback, change, cluster, change_labels = run.feedback, run.change, run.cluster, run.change_labels
        n_change = {c: int(np.sum(change == c)) for c in dyn.CHANGES}
        self._log(run, n_change)
        legend = {k: "{} ({})".format(change_labels[k], n_change[k]) for k in dyn.CHANGES}
        self.style_output(run.context, dest_id, lambda layer: apply_change_style(layer, legend), vocabulary.phrase("layer_dynamics", self.out_lang()))
        self.style_output(run.context, t_dest, None, vocabulary.phrase("layer_transitions", self.out_lang()))
        out = {
            self.OUTPUT: dest_id,
            self.OUTPUT_TRANSITIONS: t_dest,
            "N_AREAS": run.n_areas,
            "N_CHANGED": int(run.changed.sum()),
            "N_PARTIAL": len(run.partial),
            "N_HOT": int(np.sum(cluster == "hot")),
            "N_COLD": int(np.sum(cluster == "cold")),
            "N_HARMONISED_YEARS": len(run.harmonised),
        }
        for c in dyn.CHANGES:
            out["N_{}".format(c.upper())] = n_change[c]
        feedback.setProgress(100.0)
        return out

    # -- harmonising years across a boundary reform -------------------------------------------------
    def _target_year(self, parameters, context, years) -> int:
        value = parameters.get(self.TARGET_YEAR)
        if value is None or str(value).strip() in ("", "NULL", "None"):
            return len(years) - 1
        year = self.parameterAsInt(parameters, self.TARGET_YEAR, context)
        if year not in years:
            raise QgsProcessingException(
                self.tr("Geometry of the year: {year} is not one of the years given ({years}).").format(year=year, years=", ".join(str(y) for y in years))
            )
        return years.index(year)

    def _harmonise(self, run, target) -> dict:
        """Move the years whose areas are not the target year's onto the target geometry, in place in
        ``per_year``. Returns {year index: split share per target area}. Stops where that is not possible."""
        per_year, years, id_field, name_field, pop_field, chosen = run.per_year, run.years, run.id_field, run.name_field, run.pop_field, run.chosen
        min_share, layers, context, feedback = run.min_share, run.layers, run.context, run.feedback
        pre = dyn.align_ids([data.attributes[id_field] for _label, data in per_year])
        todo = dyn.reform_years(pre.present, target, min_share)
        if not todo:
            return {}
        shares = dyn.shared_with(pre.present, target)
        t_label, t_data = per_year[target]
        crs = utm_crs_for(t_data.crs, layers[target].extent(), context)
        t_geoms = self._metric(t_data, crs, context)
        if all(g is None for g in t_geoms):
            raise QgsProcessingException(self.tr("Layer '{layer}' has no geometries: the other years cannot be harmonised onto it.").format(layer=t_label))
        pxy, pw, how = self._harmonise_weights(run.parameters, context, feedback, crs)
        feedback.pushInfo(
            self.tr("{n} years lie on other areas than {year} (boundary reform): their figures are moved onto the {m} areas of {year} ({how}).").format(
                n=len(todo), year=years[target], m=len(t_data), how=how)
        )
        out = {}
        weights_cache = {}
        for t in todo:
            self.check_cancel(feedback)
            label, data = per_year[t]
            pop, _p = read_field(data.attributes[pop_field], COUNT, pop_field, None)
            ind = {name: (read_field(data.attributes[f], COUNT if unit == 0 else RATE, f, None)[0], unit) for name, (f, unit) in chosen.items()}
            key = tuple(str(v) for v in data.attributes[id_field])
            src = self._metric(data, crs, context)
            hy = dyn.harmonise_year(src, t_geoms, pop, ind, weights=weights_cache.get(key), points_xy=pxy, points_weight=pw)
            weights_cache[key] = hy.result.weights
            fig = dyn.reform_figures(hy)
            if fig.lost_share > MAX_UNALLOCATED:
                raise QgsProcessingException(
                    self.tr("Years {a} and {b} share only {share:.0f} % of their area ids, and {pct:.0f} % of the population of {a} lies outside the areas of {b}: the two layers do not cover the same place, so the years cannot be harmonised. Check the layers and their CRS, or analyse the years separately.").format(
                        a=years[t], b=years[target], share=100.0 * (shares[t] if np.isfinite(shares[t]) else 0.0), pct=100.0 * fig.lost_share)
                )
            attrs = {id_field: list(t_data.attributes[id_field]), pop_field: hy.population.tolist()}
            if name_field:
                attrs[name_field] = list(t_data.attributes[name_field])
            for name, (f, _unit) in chosen.items():
                attrs[f] = hy.indicators[name][0].tolist()
            per_year[t] = (label, LayerData(fids=t_data.fids, attributes=attrs, geometries=[QgsGeometry(g) for g in t_data.geometries], crs=t_data.crs))
            out[t] = hy.result.split_share
            feedback.pushInfo(
                self.tr("{year} harmonised onto {target}: {n} areas ({split} split), population {a:.0f} → {b:.0f} ({d:+.4f} %); share of the population from split areas: median {m:.0f} %, maximum {x:.0f} %.").format(
                    year=years[t], target=years[target], n=len(data), split=fig.n_split, a=hy.total_before, b=hy.total_after, d=fig.change_pct,
                    m=100.0 * fig.median_split, x=100.0 * fig.max_split)
            )
        return out

    def _harmonise_weights(self, parameters, context, feedback, crs):
        """Weighted points for a dasymetric reform (grid cells, else building footprints): (xy, weight, how)."""
        cells = read_population_cells(self, parameters, context, feedback, crs)
        if cells is not None and len(cells):
            return cells.xy, cells.pop, self.tr("split areas weighted by the population grid")
        buildings = self.parameterAsSource(parameters, self.HARMONIZE_BUILDINGS, context)
        if buildings is not None:
            bdata = read_source(buildings, (), context, feedback, dest_crs=crs)
            xy, area, _idx = building_points(to_shapely(bdata.geometries))
            return xy, area, self.tr("split areas weighted by {n} buildings").format(n=len(area))
        return None, None, self.tr("area-weighted")

    @staticmethod
    def _metric(data, crs, context):
        return to_shapely(transformed(data.geometries, data.crs, crs, context))

    def _log_warnings(self, feedback, year, codes) -> None:
        P.log_classify_warnings(feedback, codes, self.C().indicator_labels(), prefix="{}: ".format(year))

    def _log(self, run, n_change):
        feedback, years, labels, change_labels, changed, change = run.feedback, run.years, run.labels, run.change_labels, run.changed, run.change
        alignment, names, pooled, cluster, want_clusters = run.alignment, run.names, run.pooled, run.cluster, run.clusters["on"]
        feedback.pushInfo(
            self.tr("{n} of {total} areas changed class at least once between {first} and {last}.").format(
                n=int(changed.sum()), total=alignment.n_areas, first=years[0], last=years[-1]
            )
        )
        for c in dyn.CHANGES:
            feedback.pushInfo("{}: {}".format(change_labels[c], n_change[c]))
        for key in ("newly_emerging", "newly_established"):
            idx = np.flatnonzero(change == key)
            if len(idx):
                shown = [
                    "{} {}".format(alignment.labels[i], names[i]) if names[i] not in (None, "") else alignment.labels[i] for i in idx[:40]
                ]
                feedback.pushInfo("{}: {}{}".format(change_labels[key], ", ".join(shown), " …" if len(idx) > 40 else ""))
        feedback.pushInfo(self.tr("Transitions (all pairs of consecutive years; rows: class in year t, columns: class in year t+1):"))
        short = [labels[c] for c in CLASSES]
        feedback.pushInfo(" | ".join(["", *short]))
        for a, ca in enumerate(CLASSES):
            feedback.pushInfo(" | ".join([labels[ca], *(str(int(v)) for v in pooled[a])]))
        if want_clusters:
            feedback.pushInfo(
                self.tr("Spatial clusters {year}: {hot} hot spots, {cold} cold spots.").format(
                    year=years[-1], hot=int(np.sum(cluster == "hot")), cold=int(np.sum(cluster == "cold"))
                )
            )

