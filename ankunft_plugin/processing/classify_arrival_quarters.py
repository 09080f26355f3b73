"""``ankunft:classifyarrivalquarters`` – find established and emerging arrival quarters.

The QGIS shell around ``core/classify.py``: reads the areas once, hands the columns to the core,
writes the input's features plus the class, a translated label, the score, rates, z-values and a
translated reason, the robustness over the sensitivity grid (aq_stability, aq_stab_class, aq_robust),
the growth flag, blanks small counts (statistical confidentiality) and styles the output (borderline
arrival quarters with a lighter fill). Optional: the sensitivity table (classes × settings).
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProperty,
    QgsSymbolLayer,
)

from ..core import vocabulary
from ..core.classify import (
    CLASSES,
    CLASSIFYING,
    INDICATORS,
    ROBUST_SHARE,
    UNIT_COUNT,
    UNIT_PERCENT,
    ClassifyParams,
    classify,
    published,
    robust_counts,
    setting_of,
    summary,
)
from ..core.confidentiality import suppress_counts
from ..core.numbers import NumberFormatError
from . import parameters as P
from .base import AnkunftAlgorithm
from .bridge import new_fields, read_source, require_field, write_rows
from .clusters import CLUSTER_FIELDS, add_cluster_parameters, cluster_settings, compute_clusters
from .number_reading import log_reading, raise_refused
from .styles import categorized_fill

# fill colour and brush per class from the vocabulary ("insufficient" is hatched so it reads without colour)
CLASS_STYLE = vocabulary.colours("class")


BORDERLINE_ALPHA = 90  # fill opacity (of 255) of borderline arrival quarters: lighter, same hue


def apply_style(layer, labels: dict[str, str]) -> None:
    """Categorised renderer on ``aq_class`` with the Okabe-Ito colours and the given legend labels;
    borderline arrival quarters (``aq_robust``) get a lighter fill of the same colour."""
    categorized_fill(layer, "aq_class", CLASSES, CLASS_STYLE, labels)
    if layer.fields().lookupField("aq_robust") < 0:
        return
    expr = "if(\"aq_robust\" = 'borderline', set_color_part(@symbol_color, 'alpha', {}), @symbol_color)".format(BORDERLINE_ALPHA)
    renderer = layer.renderer()
    for index, cat in enumerate(renderer.categories()):
        if cat.value() in vocabulary.ARRIVAL_CLASS_KEYS:
            symbol = cat.symbol().clone()
            symbol.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.Property.PropertyFillColor, QgsProperty.fromExpression(expr))
            renderer.updateCategorySymbol(index, symbol)


class ClassifyArrivalQuartersAlgorithm(AnkunftAlgorithm):
    # confidentiality (processing/outputs.py): a blanked population must not come back as count / rate
    PEOPLE_PARAMS = ("POPULATION_FIELD",)
    DERIVED = {"OUTPUT": {"rate_*": ("@POPULATION_FIELD",), "z_*": ("@POPULATION_FIELD",)}}  # noqa: RUF012
    ALG_ID = "classifyarrivalquarters"
    GROUP_ID = "analysis"

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    ARRIVALS_FIELD = "ARRIVALS_FIELD"
    ARRIVALS_UNIT = "ARRIVALS_UNIT"
    TURNOVER_FIELD = "TURNOVER_FIELD"
    TURNOVER_UNIT = "TURNOVER_UNIT"
    DIVERSITY_FIELD = "DIVERSITY_FIELD"
    DIVERSITY_UNIT = "DIVERSITY_UNIT"
    SOCIAL_FIELD = "SOCIAL_FIELD"
    SOCIAL_UNIT = "SOCIAL_UNIT"
    MIN_POPULATION = "MIN_POPULATION"
    THRESHOLD = "THRESHOLD"
    MODE = "MODE"
    QUANTILE = "QUANTILE"
    SMOOTHING = "SMOOTHING"
    SUPPRESS_BELOW = P.SUPPRESS_BELOW
    POPULATION_START_FIELD = "POPULATION_START_FIELD"
    DIVERSITY_START_FIELD = "DIVERSITY_START_FIELD"
    GROWTH_LIMIT = "GROWTH_LIMIT"
    SENSITIVITY = "SENSITIVITY"
    OUTPUT = "OUTPUT"
    OUTPUT_SENSITIVITY = "OUTPUT_SENSITIVITY"

    # indicator -> (field key, unit key, default unit)
    INDICATOR_KEYS: ClassVar[dict[str, tuple[str, str, int]]] = {
        "arrivals": ("ARRIVALS_FIELD", "ARRIVALS_UNIT", UNIT_COUNT),
        "turnover": ("TURNOVER_FIELD", "TURNOVER_UNIT", UNIT_PERCENT),
        "diversity": ("DIVERSITY_FIELD", "DIVERSITY_UNIT", UNIT_PERCENT),
        "social": ("SOCIAL_FIELD", "SOCIAL_UNIT", UNIT_PERCENT),
    }

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Classify arrival quarters")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Finds established and emerging arrival quarters from small-area statistics, compared within the city.")

    def tags(self) -> list[str]:
        return self.tr("arrival quarter,Ankunftsquartier,migration,turnover,z-score,empirical bayes,monitoring").split(",")

    # -- labels ---------------------------------------------------------------------------------
    def class_labels(self, lang: str | None = None) -> dict[str, str]:
        """Class key → label (``core/vocabulary``) in ``lang`` (default: the QGIS language)."""
        return vocabulary.labels("class", lang or self.ui_lang())

    def indicator_labels(self, lang: str | None = None) -> dict[str, str]:
        return vocabulary.labels("indicator", lang or self.ui_lang())

    def reason_label(self, code: str, min_population: float, lang: str | None = None) -> str:
        """A reason code of the core as short text (``core/vocabulary``)."""
        return vocabulary.reason_label(code, lang or self.ui_lang(), min_population)

    def _reason_texts(self, reasons, min_population: float, lang: str | None = None) -> list[str]:
        """Reason text per area in ``lang`` (each distinct combination of codes worded once)."""
        cache: dict[tuple, str] = {}
        out = []
        for codes in reasons:
            key = tuple(codes)
            text = cache.get(key)
            if text is None:
                text = "; ".join(self.reason_label(c, min_population, lang) for c in codes)
                cache[key] = text
            out.append(text)
        return out

    # -- parameters -----------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Areas (blocks, statistical districts, planning areas)"), [Qgis.ProcessingSourceType.VectorPolygon]
            ),
            self.tr("Polygon layer with one feature per area and its statistics. It is never modified; any CRS works."),
        )
        self.add(
            QgsProcessingParameterField(self.ID_FIELD, self.tr("Area id field"), parentLayerParameterName=self.INPUT, optional=True),
            self.tr("Optional: the area id, used to name areas in the log (e.g. the LOR or block number)."),
        )
        self.add(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Population field (inhabitants)"),
                parentLayerParameterName=self.INPUT,
                type=Qgis.ProcessingFieldParameterDataType.Any,
            ),
            self.tr("Inhabitants per area. Counts are turned into rates with it; placeholders such as '.', '-' or 'x' and 0 give the class 'insufficient'."),
        )
        units = [self.tr("count (converted with the population)"), self.tr("percent of population"), self.tr("per 1000 inhabitants")]
        fields_help = {
            "arrivals": (
                self.tr("Arrivals field (international in-migration)"),
                self.tr("International in-migration in the period, or a proxy such as the growth of the foreign population between two register cut-offs. Optional, but at least two of arrivals, turnover and diversity are needed."),
            ),
            "turnover": (
                self.tr("Turnover field (in- plus out-moves)"),
                self.tr("Fluctuation: moves into and out of the area, e.g. Berlin MSS indicator K11 (moves per 100 inhabitants = percent). High turnover alone never makes an arrival quarter; it stands in for arrivals only when no arrivals field is given."),
            ),
            "diversity": (
                self.tr("Diversity field (foreign nationals or migration background)"),
                self.tr("Residents with foreign nationality or migration background. High diversity marks grown networks: it tells established from emerging arrival quarters."),
            ),
            "social": (
                self.tr("Social context field (e.g. SGB II recipients)"),
                self.tr("Context only: its rate and z-value are reported, it never changes the class (the class names a function, not a deficit)."),
            ),
        }
        for name in INDICATORS:
            field_key, unit_key, default_unit = self.INDICATOR_KEYS[name]
            label, help_text = fields_help[name]
            self.add(
                QgsProcessingParameterField(
                    getattr(self, field_key),
                    label,
                    parentLayerParameterName=self.INPUT,
                    type=Qgis.ProcessingFieldParameterDataType.Any,
                    optional=True,
                ),
                help_text,
            )
            self.add(
                QgsProcessingParameterEnum(getattr(self, unit_key), self.tr("Unit of this field"), options=units, defaultValue=default_unit),
                self.tr("Count: number of persons or moves (divided by the population); percent of the population; or per 1000 inhabitants."),
            )
        self.add(
            QgsProcessingParameterNumber(
                self.MIN_POPULATION, self.tr("Minimum population"), Qgis.ProcessingNumberParameterType.Double, defaultValue=300.0, minValue=0.0
            ),
            self.tr("Areas with fewer inhabitants get the class 'insufficient' and are left out of the city reference (as in Berlin's MSS)."),
        )
        self.add(
            QgsProcessingParameterNumber(
                self.THRESHOLD, self.tr("Threshold (standard deviations)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=1.0
            ),
            self.tr("z-score mode: an indicator counts as high at or above this many standard deviations above the population-weighted city mean."),
        )
        self.add(
            QgsProcessingParameterEnum(
                self.MODE, self.tr("What counts as high"), options=[self.tr("z-score against the city"), self.tr("quantile of the city's areas")], defaultValue=0
            ),
            self.tr("z-score: above the threshold in standard deviations. Quantile: at or above the given quantile of the areas' rates (robust against outliers)."),
        )
        self.add(
            QgsProcessingParameterNumber(
                self.QUANTILE, self.tr("Quantile (quantile mode)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=0.8, minValue=0.01, maxValue=0.99
            ),
            self.tr("Quantile mode only: 0.8 means the top fifth of the areas counts as high."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterBoolean(self.SMOOTHING, self.tr("Empirical-Bayes smoothing of count indicators"), defaultValue=True),
            self.tr("Shrinks the rates of small areas toward the city rate in proportion to their population (global Empirical Bayes, as in GeoDa), so that chance does not make a small area look extreme."),
        )
        P.add_suppress_below(self)
        self.add(
            QgsProcessingParameterField(
                self.POPULATION_START_FIELD,
                self.tr("Population at the start of the period (optional)"),
                parentLayerParameterName=self.INPUT,
                type=Qgis.ProcessingFieldParameterDataType.Any,
                optional=True,
            ),
            self.tr("Inhabitants at the start of the period the arrivals are measured over (e.g. 2015 for arrivals 2015–2020). Areas whose population grew by more than the growth limit (e.g. new housing) are flagged and cannot be 'established' on diversity measured at the end of the period: their new residents have not had time to form networks."),
        )
        self.add(
            QgsProcessingParameterField(
                self.DIVERSITY_START_FIELD,
                self.tr("Diversity at the start of the period (optional)"),
                parentLayerParameterName=self.INPUT,
                type=Qgis.ProcessingFieldParameterDataType.Any,
                optional=True,
            ),
            self.tr("The diversity field at the start of the period, in the same unit as the diversity field. Areas with strong growth are 'established' only if their diversity was high at the start; without this field they can only be 'emerging'."),
        )
        self.add(
            QgsProcessingParameterNumber(
                self.GROWTH_LIMIT, self.tr("Growth limit (percent)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=50.0, minValue=0.0
            ),
            self.tr("Population growth over the period above which an area is flagged as strongly growing (default 50 %: by more than half)."),
            advanced=True,
        )
        self.add(
            QgsProcessingParameterBoolean(self.SENSITIVITY, self.tr("Robustness over a grid of settings"), defaultValue=True),
            self.tr("Also classifies in the same pass with thresholds 0.5, 0.75, 1.0, 1.25 and 1.5 SD and the top fifth (quantile 0.8), each with and without smoothing (12 settings). Each area gets aq_stability (share of the settings in which it is an arrival quarter), aq_stab_class (share in which it has its class of this run) and aq_robust: 'robust' when it keeps its class in at least three quarters of the settings, else 'borderline'."),
        )
        add_cluster_parameters(self, default_on=False)
        self.add_language_parameter()
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Arrival quarters"), Qgis.ProcessingSourceType.VectorPolygon),
            self.tr("The areas with aq_class, aq_label, aq_score, rate_… and z_… per indicator, aq_reason, aq_flag (new_build, duplicate_id), aq_growth (with a start population) and the robustness fields."),
        )
        self.add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SENSITIVITY,
                self.tr("Sensitivity table"),
                Qgis.ProcessingSourceType.Vector,
                optional=True,
                createByDefault=False,
            ),
            self.tr("Optional table without geometry: one row per setting of the grid with the number of areas and inhabitants per class."),
        )
        labels = self.class_labels()
        for key in CLASSES:
            self.addOutput(QgsProcessingOutputNumber("N_{}".format(key.upper()), self.tr("Number of areas: {label}").format(label=labels[key])))

    # -- run ------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.required_source(parameters, self.INPUT, context)
        lang = self.output_lang(parameters, context)
        fields, params = self._read_parameters(source, parameters, context)
        clusters = cluster_settings(self, parameters, context)
        feedback.pushInfo(self.tr("Reading {n} areas of '{layer}'…").format(n=source.featureCount(), layer=source.sourceName()))
        data = read_source(source, (), context, feedback, keep_features=True, progress=(0.0, 40.0))
        if len(data) == 0:
            raise QgsProcessingException(self.tr("Layer '{layer}' has no features.").format(layer=source.sourceName()))
        all_attrs = [f.attributes() for f in data.features]
        self.check_cancel(feedback)
        result = self._classify(source, fields, params, all_attrs, parameters, context)
        feedback.setProgress(50.0)

        fields["clusters_on"] = clusters["on"]
        out_fields, new_values, blank_fields, n_blanked = self._output_values(source.fields(), fields, result, params)
        if clusters["on"]:
            gi_z, gi_p, cluster = compute_clusters(clusters, result.score, data.geometries, source, context, feedback)
            new_values.update({"gi_z": gi_z, "gi_p": gi_p, "cluster": list(cluster)})
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, out_fields, source.wkbType(), source.sourceCrs())
        rows = self._rows(out_fields, source.fields(), new_values, blank_fields, all_attrs, feedback)
        write_rows(sink, out_fields, rows, data.geometries, feedback, progress=(55.0, 100.0))

        id_field = fields["id"]
        self._log(feedback, result, params, fields["chosen"], data, id_field, source.fields(), n_blanked)
        results = {self.OUTPUT: dest_id}
        table_id = self._write_sensitivity(result, parameters, context, feedback)
        if table_id:
            results[self.OUTPUT_SENSITIVITY] = table_id
        counts = summary(result)
        labels = self.class_labels(lang)
        legend = {k: "{} ({})".format(labels[k], counts[k]["areas"]) for k in CLASSES}
        self.style_output(context, dest_id, lambda layer: apply_style(layer, legend), vocabulary.phrase("layer_quarters", lang))
        for key in CLASSES:
            results["N_{}".format(key.upper())] = counts[key]["areas"]
        return results

    # -- steps of the run -----------------------------------------------------------------------
    def _read_parameters(self, source, parameters, context) -> tuple[dict, ClassifyParams]:
        """The chosen fields (checked against the layer) and the classification parameters."""
        layer_name = source.sourceName()
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        if not pop_field:
            raise QgsProcessingException(self.tr("Choose the population field of layer '{layer}'.").format(layer=layer_name))
        fields = {"population": pop_field, "chosen": {}}
        for key, param in (("id", self.ID_FIELD), ("population_start", self.POPULATION_START_FIELD), ("diversity_start", self.DIVERSITY_START_FIELD)):
            fields[key] = self.parameterAsString(parameters, param, context)
        for fname in (pop_field, fields["id"], fields["population_start"], fields["diversity_start"]):
            if fname:
                require_field(source, fname, layer_name)
        for name in INDICATORS:
            field_key, unit_key, _default = self.INDICATOR_KEYS[name]
            fname = self.parameterAsString(parameters, getattr(self, field_key), context)
            if fname:
                require_field(source, fname, layer_name)
                fields["chosen"][name] = (fname, self.parameterAsEnum(parameters, getattr(self, unit_key), context))
        if sum(1 for n in CLASSIFYING if n in fields["chosen"]) < 2:
            raise QgsProcessingException(
                self.tr("Layer '{layer}': choose at least two of the arrivals, turnover and diversity fields (the social field is context only).").format(
                    layer=layer_name
                )
            )
        params = ClassifyParams(
            min_population=self.parameterAsDouble(parameters, self.MIN_POPULATION, context),
            threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            mode="quantile" if self.parameterAsEnum(parameters, self.MODE, context) == 1 else "zscore",
            quantile=self.parameterAsDouble(parameters, self.QUANTILE, context),
            smoothing=self.parameterAsBoolean(parameters, self.SMOOTHING, context),
            suppress_below=self.parameterAsDouble(parameters, self.SUPPRESS_BELOW, context),
            growth_limit=self.parameterAsDouble(parameters, self.GROWTH_LIMIT, context) / 100.0,
        )
        fields["grid"] = self.parameterAsBoolean(parameters, self.SENSITIVITY, context)
        return fields, params

    def _classify(self, source, fields, params, all_attrs, parameters, context):
        """Hand the columns to the core; a column that cannot be read is refused with the fix."""
        in_fields = source.fields()

        def column(fname):
            if not fname:
                return None
            idx = in_fields.lookupField(fname)
            return [a[idx] for a in all_attrs]

        indicators = {name: (column(fname), unit) for name, (fname, unit) in fields["chosen"].items()}
        names = {"population": fields["population"], **{name: fname for name, (fname, _u) in fields["chosen"].items()}}
        for key in ("population_start", "diversity_start"):
            if fields[key]:
                names[key] = fields[key]
        if fields["diversity_start"] and not fields["population_start"]:
            raise QgsProcessingException(self.tr("The diversity at the start of the period needs the population at the start of the period too."))
        try:
            return classify(
                column(fields["population"]),
                indicators,
                params,
                names=names,
                ids=column(fields["id"]),
                population_start=column(fields["population_start"]),
                diversity_start=column(fields["diversity_start"]),
                grid=fields["grid"],
            )
        except NumberFormatError as err:
            raise_refused(err)
        except ValueError as err:
            raise QgsProcessingException(self.tr("Layer '{layer}': {error}").format(layer=source.sourceName(), error=str(err))) from err

    def _output_values(self, in_fields, fields, result, params):
        """Output fields, the new values per field, the input count fields to blank, how many values were blanked."""
        spec = [("aq_class", "string"), ("aq_label", "string"), ("aq_score", "double")]
        for name in result.used:
            spec += [("rate_{}".format(name), "double"), ("z_{}".format(name), "double")]
        spec += [("aq_reason", "string"), ("aq_flag", "string")]
        if fields["population_start"]:
            spec.append(("aq_growth", "double"))
        if result.stability is not None:
            spec += [("aq_stability", "double"), ("aq_stab_class", "double"), ("aq_robust", "string")]
        if fields.get("clusters_on"):
            spec += CLUSTER_FIELDS
        # statistical confidentiality: input count fields under the threshold are blanked, and what derives from them
        pub = published(result, {name: unit for name, (_f, unit) in fields["chosen"].items()})
        blank_fields: dict[str, np.ndarray] = {fields["population"]: pub.blank["population"]}
        for name, (fname, _unit) in fields["chosen"].items():
            if name in pub.blank:
                blank_fields[fname] = blank_fields.get(fname, np.zeros(len(result), dtype=bool)) | pub.blank[name]
        n_blanked = int(sum(m.sum() for m in blank_fields.values()))
        labels = self.class_labels(self.out_lang())
        new_values = {
            "aq_class": list(result.aq_class),
            "aq_label": [labels[c] for c in result.aq_class],
            "aq_score": result.score,
            "aq_reason": self._reason_texts(result.reasons, params.min_population, self.out_lang()),
            "aq_flag": pub.flags,
            "aq_growth": pub.growth_pct,
        }
        for name in result.used:
            new_values["rate_{}".format(name)] = pub.rates[name]
            new_values["z_{}".format(name)] = pub.z[name]
        if result.stability is not None:
            new_values.update({"aq_stability": result.stability, "aq_stab_class": result.stability_class, "aq_robust": list(result.robust)})
        out_fields = new_fields(in_fields, spec)
        return out_fields, new_values, blank_fields, n_blanked

    def _rows(self, out_fields, in_fields, new_values, blank_fields, all_attrs, feedback) -> list[list]:
        columns = []  # per output field: ("new", values) or ("in", index, blank mask)
        for f in out_fields:
            fname = f.name()
            if fname in new_values:
                columns.append(("new", new_values[fname], None))
            else:
                columns.append(("in", in_fields.lookupField(fname), blank_fields.get(fname)))
        rows = []
        for i, attrs in enumerate(all_attrs):
            if i % 1000 == 0:
                self.check_cancel(feedback)
            row = []
            for kind, ref, blank in columns:
                if kind == "new":
                    row.append(ref[i])
                elif blank is not None and blank[i]:
                    row.append(None)
                else:
                    row.append(attrs[ref])
            rows.append(row)
        return rows

    def setting_label(self, setting) -> str:
        """A setting of the grid in words: "1.0 SD, smoothed" / "top fifth, unsmoothed"."""
        how = self.tr("smoothed") if setting.smoothing else self.tr("unsmoothed")
        if setting.mode == "quantile":
            return self.tr("top {pct:g} % (quantile {q:g}), {how}").format(pct=round(100 * (1 - setting.quantile), 1), q=setting.quantile, how=how)
        return self.tr("{t:g} SD, {how}").format(t=setting.threshold, how=how)

    def _write_sensitivity(self, result, parameters, context, feedback) -> str | None:
        """The sensitivity table (classes × settings) to the log and, when asked, to a table output."""
        if not result.sensitivity:
            return None
        labels = self.class_labels()
        feedback.pushInfo(self.tr("Sensitivity (areas / inhabitants per class and setting):"))
        for row in result.sensitivity:
            parts = ["{}: {} / {:,.0f}".format(labels[c], row[c]["areas"], row[c]["population"]) for c in CLASSES]
            feedback.pushInfo("  {:<32} {}".format(self.setting_label(setting_of(row)), "; ".join(parts)))
        if parameters.get(self.OUTPUT_SENSITIVITY) in (None, ""):
            return None
        spec = [("setting", "string"), ("label", "string"), ("mode", "string"), ("threshold", "double"), ("quantile", "double"), ("smoothing", "bool")]
        for c in CLASSES:
            spec += [("n_{}".format(c), "int"), ("pop_{}".format(c), "double")]
        out_fields = new_fields(None, spec)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_SENSITIVITY, context, out_fields, Qgis.WkbType.NoGeometry)
        if sink is None:
            return None
        for row in result.sensitivity:
            values = [row["setting"], self.setting_label(setting_of(row)), row["mode"], row["threshold"], row["quantile"], row["smoothing"]]
            for c in CLASSES:
                pop = suppress_counts([row[c]["population"]], result.params.suppress_below)[0]
                values += [row[c]["areas"], None if not np.isfinite(pop) else float(pop)]
            f = QgsFeature(out_fields)
            f.setAttributes(values)
            sink.addFeature(f)
        return dest_id

    # -- log ------------------------------------------------------------------------------------
    def _log(self, feedback, result, params, chosen, data, id_field, in_fields, n_blanked) -> None:
        names = self.indicator_labels()
        labels = self.class_labels()
        for reading in result.readings.values():
            log_reading(feedback, reading)
        unit_text = dict(enumerate(vocabulary.labels("unit", self.ui_lang()).values()))
        for name in result.used:
            info = result.city.get(name, {})
            fname, unit = chosen[name]
            text = self.tr("{indicator} ('{field}', {unit}): city mean {mean:.1f} per 1000, SD {sd:.1f}").format(
                indicator=names[name], field=fname, unit=unit_text.get(unit, ""), mean=info.get("mean", np.nan), sd=info.get("sd", np.nan)
            )
            if name in result.classifying and np.isfinite(info.get("cut", np.nan)):
                text += self.tr("; high from {cut:.1f} per 1000").format(cut=info["cut"])
            if "eb_city_rate" in info:
                text += self.tr("; smoothed (city rate {b:.1f} per 1000)").format(b=info["eb_city_rate"])
            feedback.pushInfo(text)
        self._log_warnings(feedback, result, names)
        self._log_flags(feedback, result, data, id_field, in_fields)
        counts = summary(result)
        feedback.pushInfo(self.tr("Result:"))
        for key in CLASSES:
            c = counts[key]
            feedback.pushInfo(
                self.tr("{label}: {n} areas, {pop} inhabitants ({share:.1f} % of the population)").format(
                    label=labels[key], n=c["areas"], pop="{:,.0f}".format(c["population"]), share=100.0 * (c["share"] if np.isfinite(c["share"]) else 0.0)
                )
            )
        for key, (robust, borderline) in robust_counts(result).items():
            feedback.pushInfo(
                self.tr("{label}: {robust} robust, {borderline} borderline (robust: the same class in at least {share:g} % of the {k} settings)").format(
                    label=labels[key], robust=robust, borderline=borderline, share=100 * ROBUST_SHARE, k=len(result.grid),
                )
            )
        if id_field:
            idx = in_fields.lookupField(id_field)
            for key in vocabulary.ARRIVAL_CLASS_KEYS:
                ids = [str(data.features[i].attributes()[idx]) for i in np.flatnonzero(result.aq_class == key)]
                if ids:
                    more = len(ids) - 30
                    feedback.pushInfo("{}: {}{}".format(labels[key], ", ".join(ids[:30]), " …(+{})".format(more) if more > 0 else ""))
            bad = [i for i in np.flatnonzero(result.aq_class == "insufficient") if result.reasons[i] != ["population_below_min"]]
            if bad:
                shown = ["{} ({})".format(data.features[i].attributes()[idx], "; ".join(self.reason_label(c, params.min_population) for c in result.reasons[i])) for i in bad[:10]]
                feedback.pushWarning(self.tr("Areas with missing values: {areas}").format(areas=", ".join(shown)))
        if n_blanked:
            feedback.pushInfo(self.tr("Confidentiality: {n} count values below {t:g} were blanked in the output.").format(n=n_blanked, t=params.suppress_below))

    def _log_warnings(self, feedback, result, names) -> None:
        P.log_classify_warnings(feedback, result.warnings, names)

    def _log_flags(self, feedback, result, data, id_field, in_fields) -> None:
        """Duplicate ids and strongly growing areas, with their ids."""
        if result.duplicate_ids:
            feedback.pushWarning(
                self.tr("{n} area ids occur more than once: {ids}. Each such area is counted once in the city reference and in the totals; the copies are flagged (aq_flag 'duplicate_id'). Remove the duplicates from the layer.").format(
                    n=len(result.duplicate_ids), ids=", ".join(result.duplicate_ids[:20])
                )
            )
        flagged = np.flatnonzero(result.growth_flag)
        if flagged.size:
            idx = in_fields.lookupField(id_field) if id_field else -1
            shown = [
                "{} (+{})".format(data.features[i].attributes()[idx] if idx >= 0 else "#{}".format(i + 1), "{:.0f} %".format(100 * result.growth[i]) if np.isfinite(result.growth[i]) else "∞")
                for i in flagged[:20]
            ]
            feedback.pushWarning(
                self.tr("{n} areas grew by more than {limit:g} % (e.g. new housing): they can be 'established' only on diversity at the start of the period: {areas}").format(
                    n=flagged.size, limit=100 * result.params.growth_limit, areas=", ".join(shown)
                )
            )
