"""``ankunft:widetabletoyears`` – one wide table (``einw_2019``, ``einw_2020`` …) → one layer per year.

Some offices deliver the yearly figures as one table with a field per year and indicator.
``ankunft:arrivaldynamics`` wants one layer per year with the same field names. This helper
recognises fields whose name ends in a year (``einw_2019``, ``einw-2019``, ``einw.2019``,
``einw2019``), and writes one layer per year into one GeoPackage: the fields without a year
(id, name …) plus one field per indicator under its name without the year (``einw``). The
outputs ``OUTPUT_LAYERS`` and ``YEARS`` plug straight into ``INPUTS`` and ``YEARS`` of
``ankunft:arrivaldynamics`` (in a model, or by copying the years into the dialog).
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsVectorFileWriter,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.dynamics import parse_years, plan_years, split_year_fields
from .base import AnkunftAlgorithm

_NUMERIC = (QMetaType.Type.Int, QMetaType.Type.LongLong, QMetaType.Type.Double, QMetaType.Type.UInt, QMetaType.Type.ULongLong)


def _field_type(fields: list[QgsField]):
    """One output type for a base field that may have different types in different years."""
    types = {_meta(f) for f in fields}
    if len(types) == 1:
        return types.pop()
    if types <= set(_NUMERIC):
        return QMetaType.Type.Double
    return QMetaType.Type.QString


def _meta(field: QgsField):
    try:
        return QMetaType.Type(field.type())
    except (TypeError, ValueError):
        return field.type()


class WideTableToYearsAlgorithm(AnkunftAlgorithm):
    CRS_FREE_PARAMS = ("INPUT",)  # a reshaping tool: the CRS is passed on as it is
    ALG_ID = "widetabletoyears"
    GROUP_ID = "tools"

    INPUT = "INPUT"
    YEARS = "YEARS"
    OUTPUT = "OUTPUT"
    OUTPUT_LAYERS = "OUTPUT_LAYERS"
    YEARS_FOUND = "YEARS_FOUND"
    N_YEARS = "N_YEARS"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Wide table to one layer per year")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Splits a table with one field per year (einw_2019, einw_2020, …) into one layer per year with the same field names, ready for the arrival dynamics.")

    def tags(self) -> list[str]:
        return self.tr("wide,long,years,time series,monitoring,reshape").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Wide table or layer"), [Qgis.ProcessingSourceType.Vector]),
            self.tr("A table or layer with one field per indicator and year, named like einw_2019, einw_2020, ausl_2019 … (the year at the end, after _, -, . or directly). Fields without a year (id, name) are copied into every year. The input is never modified."),
        )
        self.add(
            QgsProcessingParameterString(self.YEARS, self.tr("Years to extract (comma-separated; empty = all)"), optional=True),
            self.tr("Optional: only these years, e.g. 2016,2017,2018. Empty: every year found in the field names."),
        )
        self.add(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("GeoPackage with one layer per year"), self.tr("GeoPackage (*.gpkg)")),
            self.tr("One GeoPackage with a layer year_<year> per year; each has the fields without a year plus the indicator fields without the year suffix (einw, ausl …)."),
        )
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_LAYERS, self.tr("Layers per year")))
        self.addOutput(QgsProcessingOutputString(self.YEARS_FOUND, self.tr("Years (comma-separated, in the order of the layers)")))
        self.addOutput(QgsProcessingOutputNumber(self.N_YEARS, self.tr("Number of years")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.required_source(parameters, self.INPUT, context)
        layer_name = source.sourceName()
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        in_fields = source.fields()
        constant, by_year, clashes = split_year_fields(in_fields.names())
        if not by_year:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no field whose name ends in a year (e.g. einw_2019). Fields: {fields}.").format(
                    layer=layer_name, fields=", ".join(in_fields.names()[:30])
                )
            )
        for name in clashes:
            feedback.pushWarning(self.tr("Field '{field}' names an indicator and year that another field already gives; it is ignored.").format(field=name))
        years, bases = self._plan_years(parameters, context, feedback, layer_name, constant, by_year)
        return self._write_years(parameters, context, feedback, source, path, (constant, by_year, years, bases))

    def _plan_years(self, parameters, context, feedback, layer_name, constant, by_year):
        """The years to write (all found, or the chosen ones) and the indicator fields (bases) in order."""
        wanted_text = self.parameterAsString(parameters, self.YEARS, context)
        wanted = None
        if wanted_text.strip():
            try:
                wanted = parse_years(wanted_text)
            except ValueError as err:
                raise QgsProcessingException(self.tr("Years: '{value}' is not a year.").format(value=str(err))) from err
        plan = plan_years(constant, by_year, wanted)
        if plan.missing:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no fields for the year(s) {missing}; years found: {found}.").format(
                    layer=layer_name, missing=", ".join(str(y) for y in plan.missing), found=", ".join(str(y) for y in plan.years)
                )
            )
        if plan.both:
            raise QgsProcessingException(
                self.tr("Layer '{layer}': the field(s) {fields} exist both with and without a year; rename one of them.").format(
                    layer=layer_name, fields=", ".join(plan.both)
                )
            )
        for y, absent in plan.absent.items():
            feedback.pushWarning(
                self.tr("Year {year}: no field for {fields}; these values are empty (NULL) in that year's layer.").format(year=y, fields=", ".join(absent))
            )
        years, bases = plan.years, plan.bases
        return years, bases

    def _write_years(self, parameters, context, feedback, source, path, plan):
        """One GeoPackage layer per year: the constant fields and that year's indicator fields, named without the year."""
        constant, by_year, years, bases = plan
        in_fields = source.fields()
        layer_name = source.sourceName()
        out_fields = QgsFields()
        for name in constant:
            out_fields.append(QgsField(in_fields.field(name)))
        for base in bases:
            defs = [in_fields.field(by_year[y][base]) for y in years if base in by_year[y]]
            kind = _field_type(defs)
            if kind == QMetaType.Type.QString:
                out_fields.append(QgsField(base, kind, "string", 254))
            else:
                out_fields.append(QgsField(base, kind))

        feats = []
        total = source.featureCount() or 0
        step = 40.0 / total if total else 0.0
        for i, f in enumerate(source.getFeatures()):
            self.check_cancel(feedback)
            feats.append(QgsFeature(f))
            if step and i % 500 == 0:
                feedback.setProgress(i * step)

        uris = []
        const_idx = [in_fields.lookupField(n) for n in constant]
        for t, year in enumerate(years):
            self.check_cancel(feedback)
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            options.layerName = "year_{}".format(year)
            options.fileEncoding = "UTF-8"
            options.actionOnExistingFile = (
                QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
                if t == 0
                else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
            )
            writer = QgsVectorFileWriter.create(path, out_fields, source.wkbType(), source.sourceCrs(), context.transformContext(), options)
            if writer is None or writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
                message = writer.errorMessage() if writer is not None else ""
                raise QgsProcessingException(self.tr("Could not write '{path}': {error}").format(path=path, error=message))
            year_idx = [in_fields.lookupField(by_year[year][b]) if b in by_year[year] else -1 for b in bases]
            batch = []
            for f in feats:
                attrs = f.attributes()
                out = QgsFeature(out_fields)
                if f.hasGeometry():
                    out.setGeometry(f.geometry())
                out.setAttributes([attrs[k] for k in const_idx] + [attrs[k] if k >= 0 else None for k in year_idx])
                batch.append(out)
            writer.addFeatures(batch)
            del writer  # closes the layer
            uri = "{}|layername=year_{}".format(path, year)
            uris.append(uri)
            if context.project() is not None:
                details = QgsProcessingContext.LayerDetails("{} {}".format(layer_name, year), context.project(), self.OUTPUT_LAYERS)
                context.addLayerToLoadOnCompletion(uri, details)
            feedback.setProgress(40.0 + 60.0 * (t + 1) / len(years))
        years_text = ",".join(str(y) for y in years)
        feedback.pushInfo(
            self.tr("{n} layers written to {path} (years {years}); indicator fields: {fields}.").format(
                n=len(years), path=path, years=years_text, fields=", ".join(bases)
            )
        )
        return {self.OUTPUT: path, self.OUTPUT_LAYERS: uris, self.YEARS_FOUND: years_text, self.N_YEARS: len(years)}
