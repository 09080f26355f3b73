"""``ankunft:harmonizeareas`` – move counts from one set of areas onto another (boundary reforms, grids).

The QGIS shell around ``core/harmonize.py``: reads the source areas and their count fields (and
percentages with their denominator), the target areas and the optional ancillary data (buildings,
residential land use, a population grid as points or raster), moves the counts and writes the
target areas with the moved counts, the split share (uncertainty) and the number of source areas.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from qgis.core import (
    Qgis,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import harmonize as hz
from ..core.demand import building_points
from ..core.values import COUNT, RATE
from . import parameters as P
from .base import AnkunftAlgorithm
from .bridge import new_fields, read_source, require_field, to_shapely, utm_crs_for, write_rows
from .number_reading import read_field
from .population_source import add_population_cell_parameters, read_population_cells


class HarmonizeAreasAlgorithm(AnkunftAlgorithm):
    ALG_ID = "harmonizeareas"
    GROUP_ID = "tools"

    SOURCE = "SOURCE"
    COUNT_FIELDS = "COUNT_FIELDS"
    PERCENT_FIELDS = "PERCENT_FIELDS"
    DENOMINATOR_FIELD = "DENOMINATOR_FIELD"
    TARGET = "TARGET"
    BUILDINGS = "BUILDINGS"
    LANDUSE = "LANDUSE"
    SLIVER = "SLIVER"
    SUPPRESS_BELOW = P.SUPPRESS_BELOW
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Harmonise areas (move counts onto other boundaries)")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Moves counts from one set of areas onto another – across a boundary reform, or from grid cells onto the planner's areas – area-weighted or through buildings, residential land or a population grid, with the uncertainty per area.")

    def tags(self) -> list[str]:
        return self.tr("harmonise,boundary reform,Gebietsreform,areal interpolation,dasymetric,Zensus,grid,LOR").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802
        poly = [Qgis.ProcessingSourceType.VectorPolygon]
        self.add(
            QgsProcessingParameterFeatureSource(self.SOURCE, self.tr("Source areas (with the counts)"), poly),
            self.tr("The areas the figures were delivered on, e.g. the planning areas before a boundary reform, or grid cells as polygons. Never modified."),
        )
        self.add(
            QgsProcessingParameterField(self.COUNT_FIELDS, self.tr("Count fields to move"), parentLayerParameterName=self.SOURCE, type=Qgis.ProcessingFieldParameterDataType.Any, allowMultiple=True),
            self.tr("Numbers of people (inhabitants, foreigners, arrivals …). Only counts can be moved: a field whose name reads like a percentage or rate is refused; give it as a percentage with its denominator below. The first count field is the reference for the uncertainty."),
        )
        self.add(
            QgsProcessingParameterField(self.PERCENT_FIELDS, self.tr("Percentage fields (need a denominator)"), parentLayerParameterName=self.SOURCE, type=Qgis.ProcessingFieldParameterDataType.Any, allowMultiple=True, optional=True),
            self.tr("Optional: percentages (e.g. share of foreigners). They are turned into counts with the denominator, moved, and turned back into percentages of the moved denominator."),
        )
        self.add(
            QgsProcessingParameterField(self.DENOMINATOR_FIELD, self.tr("Denominator of the percentages"), parentLayerParameterName=self.SOURCE, type=Qgis.ProcessingFieldParameterDataType.Any, optional=True),
            self.tr("The count the percentages refer to (usually the inhabitants). Required when percentage fields are given; moved as a count too and then the reference for the uncertainty."),
        )
        self.add(
            QgsProcessingParameterFeatureSource(self.TARGET, self.tr("Target areas"), poly),
            self.tr("The areas the counts are moved onto, e.g. the planning areas after the reform, or the planner's quarters. Their fields are kept."),
        )
        self.add(
            QgsProcessingParameterFeatureSource(self.BUILDINGS, self.tr("Buildings (dasymetric weights)"), poly, optional=True),
            self.tr("Optional: building footprints. A split source area's people go where its buildings are (by footprint area) instead of by surface."),
        )
        self.add(
            QgsProcessingParameterFeatureSource(self.LANDUSE, self.tr("Residential land (dasymetric weights)"), poly, optional=True),
            self.tr("Optional: polygons of residential land use (e.g. OSM landuse=residential, filtered beforehand). A split source area's people go where its residential land is. Buildings or a population grid take precedence."),
        )
        add_population_cell_parameters(self)
        self.add(
            QgsProcessingParameterNumber(self.SLIVER, self.tr("Sliver tolerance (%)"), Qgis.ProcessingNumberParameterType.Double, defaultValue=1.0, minValue=0.0, maxValue=49.0),
            self.tr("Pieces smaller than this share of a source area are digitising differences between the two boundary sets, not real splits: they are dropped and the rest renormalised (no people are lost)."),
            advanced=True,
        )
        P.add_suppress_below(self)
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Harmonised areas"), Qgis.ProcessingSourceType.VectorPolygon),
            self.tr("The target areas with the moved counts (same field names, fractions kept so totals add up), percentages recomputed, harm_split (share of the reference count that came from split source areas: the uncertainty), harm_n_src (number of source areas) and harm_method (area, buildings/grid = points, landuse, mixed)."),
        )
        for key, text in (
            ("N_SPLIT", self.tr("Number of source areas split between several targets")),
            ("TOTAL_SOURCE", self.tr("Reference count in the source areas")),
            ("TOTAL_TARGET", self.tr("Reference count moved onto the targets")),
            ("UNALLOCATED", self.tr("Reference count of source areas outside every target")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, text))

    # -- reading --------------------------------------------------------------------------------
    def _fields(self, parameters, context, source):
        counts = self.parameterAsStrings(parameters, self.COUNT_FIELDS, context) or []
        pcts = self.parameterAsStrings(parameters, self.PERCENT_FIELDS, context) or []
        denom = self.parameterAsString(parameters, self.DENOMINATOR_FIELD, context)
        name = source.sourceName()
        for f in [*counts, *pcts, denom]:
            if f:
                require_field(source, f, name)
        if not counts and not pcts:
            raise QgsProcessingException(self.tr("Choose at least one count field of '{layer}' to move.").format(layer=name))
        rates = [f for f in counts if hz.looks_like_rate(f)]
        if rates:
            raise QgsProcessingException(
                self.tr("Field(s) {fields} of '{layer}' look like percentages or rates, which cannot be moved between areas (their sums mean nothing). Give them as percentage fields together with their denominator (e.g. the inhabitants), or move the underlying counts.").format(
                    fields=", ".join(rates), layer=name)
            )
        if pcts and not denom:
            raise QgsProcessingException(
                self.tr("Percentages ({fields}) can only be moved with their denominator: choose the field with the count they refer to (e.g. the inhabitants).").format(fields=", ".join(pcts))
            )
        if denom and denom not in counts:
            counts = [denom, *counts]
        return counts, pcts, denom

    def _ancillary(self, parameters, context, feedback, crs, extent_crs, extent):
        """Weighted points (grid cells or buildings) and residential land, in the metric CRS."""
        cells = read_population_cells(self, parameters, context, feedback, crs, extent_crs, extent)
        pxy = pw = None
        kind = None
        if cells is not None and len(cells):
            pxy, pw, kind = cells.xy, cells.pop, "grid"
        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if buildings is not None:
            if pxy is not None:
                feedback.pushInfo(self.tr("Both a population grid and buildings are given: the grid weights the split areas, the buildings are not used."))
            else:
                bdata = read_source(buildings, (), context, feedback, dest_crs=crs)
                pxy, pw, _idx = building_points(to_shapely(bdata.geometries))
                kind = "buildings"
                feedback.pushInfo(self.tr("{n} buildings weight the split areas by footprint.").format(n=len(pw)))
        land = None
        landuse = self.parameterAsSource(parameters, self.LANDUSE, context)
        if landuse is not None:
            ldata = read_source(landuse, (), context, feedback, dest_crs=crs)
            land = [g for g in to_shapely(ldata.geometries) if g is not None]
            feedback.pushInfo(self.tr("{n} residential land polygons weight the split areas without buildings or grid cells.").format(n=len(land)))
        return pxy, pw, land, kind

    # -- run ------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        run = SimpleNamespace(parameters=parameters, context=context, feedback=feedback)
        self._read(run)
        res = run.result = hz.harmonize(to_shapely(run.sdata.geometries), to_shapely(run.t_metric.geometries), run.counts, reference=0,
                                        points_xy=run.pxy, points_weight=run.pw, landuse_geoms=run.land, sliver=run.sliver)
        self.check_cancel(feedback)
        feedback.setProgress(80.0)
        figures = hz.report(res, run.counts)
        self._log(feedback, figures, run.counts_f[0], run.kind)
        return {
            self.OUTPUT: self._write(run),
            "N_SPLIT": figures.n_split,
            "TOTAL_SOURCE": figures.total_source,
            "TOTAL_TARGET": figures.total_target,
            "UNALLOCATED": figures.unallocated,
        }

    # -- the steps of a run (``run``: the parameter object carried from step to step) -------------------
    def _read(self, run) -> None:
        """Source and target areas (in a metric CRS), the counts (rates as the counts behind them), the weights."""
        parameters, context, feedback = run.parameters, run.context, run.feedback
        source = run.source = self.required_source(parameters, self.SOURCE, context)
        target = run.target = self.required_source(parameters, self.TARGET, context)
        counts_f, pct_f, denom = run.counts_f, run.pct_f, run.denom = self._fields(parameters, context, source)
        run.threshold = self.parameterAsDouble(parameters, self.SUPPRESS_BELOW, context)
        run.sliver = self.parameterAsDouble(parameters, self.SLIVER, context) / 100.0
        crs = utm_crs_for(target.sourceCrs(), target.sourceExtent(), context)
        feedback.pushInfo(self.tr("Areas are overlaid in {crs}.").format(crs=crs.authid()))
        sdata = run.sdata = read_source(source, [*counts_f, *pct_f], context, feedback, dest_crs=crs, progress=(0.0, 15.0))
        run.tdata = read_source(target, (), context, feedback, keep_features=True, progress=(15.0, 25.0))
        run.t_metric = read_source(target, (), context, feedback, dest_crs=crs, progress=(25.0, 30.0))
        counts = np.column_stack([self._numbers(sdata, f, COUNT, source.sourceName(), feedback) for f in counts_f]) if counts_f else np.zeros((len(sdata), 0))
        pcts = [self._numbers(sdata, f, RATE, source.sourceName(), feedback) for f in pct_f]
        run.counts = hz.with_rate_counts(counts, pcts, counts_f.index(denom) if pct_f else 0)
        run.pxy, run.pw, run.land, run.kind = self._ancillary(parameters, context, feedback, crs, target.sourceCrs(), target.sourceExtent())
        self.check_cancel(feedback)
        feedback.setProgress(35.0)

    def _write(self, run):
        """The target areas with the moved counts and rates (blanked below the threshold) and the uncertainty."""
        target, tdata, res, counts_f, pct_f = run.target, run.tdata, run.result, run.counts_f, run.pct_f
        spec = [(f, "double") for f in counts_f] + [(f, "double") for f in pct_f]
        spec += [("harm_split", "double"), ("harm_n_src", "int"), ("harm_method", "string")]
        fields = new_fields(target.fields(), spec)
        wkb = QgsWkbTypes.multiType(target.wkbType())
        sink, dest_id = self.required_sink(run.parameters, self.OUTPUT, run.context, fields, wkb, target.sourceCrs())
        out_counts, out_pcts = hz.published(res.counts, len(counts_f), counts_f.index(run.denom) if pct_f else None, run.threshold)
        methods = hz.target_methods(res.weights)
        names = [f.name() for f in target.fields() if f.name() not in {s[0] for s in spec}]
        rows, geoms = [], []
        for j, feat in enumerate(tdata.features):
            row = [feat[n] for n in names]
            row += [oc[j] for oc in out_counts] + [op[j] for op in out_pcts]
            row += [res.split_share[j], int(res.n_sources[j]), methods[j]]
            rows.append(row)
            g = tdata.geometries[j]
            if g is not None and not g.isNull() and not g.isMultipart():
                g.convertToMultiType()
            geoms.append(g)
        write_rows(sink, fields, rows, geoms, run.feedback, progress=(80.0, 98.0))
        return dest_id

    def _numbers(self, data, field, role, layer, feedback) -> np.ndarray:
        values, problems = read_field(data.attributes[field], role, field, feedback)
        bad = sum(1 for p in problems if p)
        if bad:
            feedback.pushWarning(
                self.tr("Layer '{layer}', field '{field}': {n} areas have no number (empty or a placeholder); the target areas receiving from them get no value (NULL) in this field.").format(
                    layer=layer, field=field, n=bad)
            )
        return values

    def _log(self, feedback, figures: hz.Report, ref_name, kind) -> None:
        feedback.pushInfo(
            self.tr("{split} of {n} source areas are split between several target areas; {slivers} slivers (digitising differences) were dropped.").format(
                split=figures.n_split, n=figures.n_sources, slivers=figures.slivers)
        )
        by = figures.by_method
        label = self.tr("grid cells") if kind == "grid" else self.tr("buildings")
        feedback.pushInfo(
            self.tr("Weighting: {p} source areas by {label}, {l} by residential land, {a} by surface.").format(
                p=by["points"], label=label, l=by["landuse"], a=by["area"])
        )
        feedback.pushInfo(self.tr("{field}: {a:.1f} in the source areas, {b:.1f} moved onto the target areas.").format(
            field=ref_name, a=figures.total_source, b=figures.total_target))
        if by["unallocated"] or by["none"]:
            feedback.reportError(
                self.tr("{n} source areas lie outside every target area or have no geometry; their {field} ({v:.0f}) is not moved.").format(
                    n=by["unallocated"] + by["none"], field=ref_name, v=figures.unallocated),
                False,
            )
        if not np.isnan(figures.median_split_share):
            feedback.pushInfo(
                self.tr("Uncertainty: in {n} target areas more than half of {field} comes from split source areas (median share {m:.0f} %).").format(
                    n=figures.n_mostly_split, field=ref_name, m=100.0 * figures.median_split_share)
            )
