"""Population from grid cells: one definition of the parameters, one reader, for every algorithm that counts people.

A town without small-area statistics can use the census grid (Zensus 2022: people per 100 m cell,
cell centres in EPSG:3035, a CSV loaded as delimited text) or any raster of people per cell. Two
optional parameters, added by ``add_population_cell_parameters``:

- ``POPULATION_POINTS`` + ``POPULATION_POINTS_FIELD``: points (cell centres) with the number of
  people;
- ``POPULATION_RASTER``: a single-band raster of people per cell (read with GDAL only; nodata,
  negative and non-finite cells carry nobody).

``read_population_cells`` returns the cells as ``Cells`` (xy in the analysis CRS, people), or None
when neither is given. Each cell's people sit at its centre and are placed on the network the same
way as a building (``core/demand.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.demand import people
from ..core.distances import cell_points
from ..core.population_cells import raster_cells, usable_cells
from ..core.siting import cell_weights
from ..core.values import COUNT
from .bridge import point_xy, read_source, require_field
from .number_reading import read_field

POPULATION_POINTS = "POPULATION_POINTS"
POPULATION_POINTS_FIELD = "POPULATION_POINTS_FIELD"
POPULATION_RASTER = "POPULATION_RASTER"


@dataclass
class Cells:
    """People per grid cell: centres ``xy`` (n, 2) in the analysis CRS, ``pop`` (n,) > 0."""

    xy: np.ndarray
    pop: np.ndarray
    label: str  # the layer's name, for messages

    def __len__(self) -> int:
        return len(self.pop)

    @property
    def total(self) -> float:
        return float(self.pop.sum())


def add_population_cell_parameters(alg, advanced: bool = False) -> None:
    """Add the two optional grid-population parameters to ``alg`` (an ``AnkunftAlgorithm``)."""
    alg.add(
        QgsProcessingParameterFeatureSource(POPULATION_POINTS, QCoreApplication.translate("PopulationCells", "Population grid cells (points)"), [Qgis.ProcessingSourceType.VectorPoint], optional=True),
        QCoreApplication.translate("PopulationCells", "Optional: points with a number of people each, e.g. the cell centres of the Zensus 2022 100 m grid (load the CSV as delimited text with x_mp_100m/y_mp_100m as coordinates in EPSG:3035). Each cell's people sit at its centre and are placed on the walking network like a building's. Alone, the cells are the people; with population areas, they spread each area's population like buildings (by their people instead of footprint); in 'Harmonise areas' they weight the split areas."),
        advanced=advanced,
    )
    alg.add(
        QgsProcessingParameterField(POPULATION_POINTS_FIELD, QCoreApplication.translate("PopulationCells", "Number of people per grid cell"), parentLayerParameterName=POPULATION_POINTS, type=Qgis.ProcessingFieldParameterDataType.Any, optional=True),
        QCoreApplication.translate("PopulationCells", "The field of the grid cells with the number of people (Zensus 2022: Einwohner). Placeholders ('–', '.', 'x', empty; the census blanks small counts) count as nobody and are reported."),
        advanced=advanced,
    )
    alg.add(
        QgsProcessingParameterRasterLayer(POPULATION_RASTER, QCoreApplication.translate("PopulationCells", "Population raster (people per cell)"), optional=True),
        QCoreApplication.translate("PopulationCells", "Optional: a single-band raster with the number of people per cell (e.g. the Zensus grid rasterised, or a GHSL population grid). Nodata and negative cells count as nobody; each cell's people sit at its centre. Used instead of grid points when both are given."),
        advanced=advanced,
    )


def population_cells_given(alg, parameters, context) -> bool:
    return (
        alg.parameterAsRasterLayer(parameters, POPULATION_RASTER, context) is not None
        or alg.parameterAsSource(parameters, POPULATION_POINTS, context) is not None
    )


def transform_xy(xy, src_crs: QgsCoordinateReferenceSystem, dst_crs: QgsCoordinateReferenceSystem, context=None) -> np.ndarray:
    """Points from one CRS into another in bulk (GDAL osr; x/y order as in QGIS)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if not len(xy) or src_crs == dst_crs or not src_crs.isValid() or not dst_crs.isValid():
        return xy
    from osgeo import osr

    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromWkt(src_crs.toWkt())
    b.ImportFromWkt(dst_crs.toWkt())
    for s in (a, b):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(a, b)
    out = np.asarray(ct.TransformPoints(xy.tolist()), dtype=float)[:, :2]
    return out


def read_population_cells(alg, parameters, context, feedback, crs, extent_crs=None, extent=None) -> Cells | None:
    """The grid population in the analysis ``crs`` (raster first, then points); None when not given.

    ``extent`` (a QgsRectangle in ``extent_crs``) limits a raster read to the part that matters."""
    raster = alg.parameterAsRasterLayer(parameters, POPULATION_RASTER, context)
    if raster is not None:
        return _raster(raster, context, feedback, crs, extent_crs, extent)
    src = alg.parameterAsSource(parameters, POPULATION_POINTS, context)
    if src is None:
        return None
    field = alg.parameterAsString(parameters, POPULATION_POINTS_FIELD, context)
    name = src.sourceName()
    if not field:
        raise QgsProcessingException(
            QCoreApplication.translate("PopulationCells", "Grid cells '{layer}' are given without the field with the number of people. Choose it (Zensus 2022: Einwohner).").format(layer=name)
        )
    require_field(src, field, name)
    data = read_source(src, [field], context, feedback, dest_crs=crs)
    pop, problems = read_field(data.attributes[field], COUNT, field, feedback)
    xy = point_xy(data.geometries)
    blank = sum(1 for p in problems if p)
    if blank:
        feedback.pushInfo(
            QCoreApplication.translate("PopulationCells", "{n} grid cells of '{layer}' have no number in '{field}' (empty or a placeholder; the census blanks small counts) and count as nobody.").format(
                n=blank, layer=name, field=field)
        )
    ok, neg = usable_cells(xy, pop)
    if neg:
        feedback.pushWarning(QCoreApplication.translate("PopulationCells", "{n} grid cells of '{layer}' have negative numbers of people; they count as nobody.").format(n=neg, layer=name))
    cells = Cells(xy[ok], pop[ok], name)
    feedback.pushInfo(QCoreApplication.translate("PopulationCells", "{n} grid cells with {p:.0f} people read from '{layer}'.").format(n=len(cells), p=cells.total, layer=name))
    return cells


def _raster(raster, context, feedback, crs, extent_crs, extent) -> Cells:
    from qgis.core import QgsCoordinateTransform

    name = raster.name()
    if raster.bandCount() != 1:
        feedback.pushWarning(QCoreApplication.translate("PopulationCells", "Raster '{layer}' has {n} bands; the first one is read as people per cell.").format(layer=name, n=raster.bandCount()))
    window = None
    if extent is not None and extent_crs is not None and raster.crs().isValid():
        try:
            tr = QgsCoordinateTransform(extent_crs, raster.crs(), context.transformContext())
            r = tr.transformBoundingBox(extent)
            pad = 2 * max(raster.rasterUnitsPerPixelX(), raster.rasterUnitsPerPixelY())
            window = (r.xMinimum() - pad, r.yMinimum() - pad, r.xMaximum() + pad, r.yMaximum() + pad)
        except Exception:  # noqa: BLE001 - fall back to reading all of it
            window = None
    try:
        xy, pop, _wkt = raster_cells(raster.source(), window)
    except MemoryError as err:
        raise QgsProcessingException(
            QCoreApplication.translate("PopulationCells", "Raster '{layer}' is too large to read at once ({n} cells). Clip it to the study area first (Raster ▸ Extraction ▸ Clip Raster by Extent).").format(layer=name, n=str(err))
        ) from err
    except (ValueError, RuntimeError) as err:
        raise QgsProcessingException(
            QCoreApplication.translate("PopulationCells", "Raster '{layer}' cannot be read with GDAL ({path}). Use a GeoTIFF or another file GDAL reads.").format(layer=name, path=raster.source())
        ) from err
    xy = transform_xy(xy, raster.crs(), crs, context)
    cells = Cells(xy, pop, name)
    feedback.pushInfo(QCoreApplication.translate("PopulationCells", "{n} raster cells with {p:.0f} people read from '{layer}'.").format(n=len(cells), p=cells.total, layer=name))
    return cells


def catchment_demand(cells: Cells, area_geoms=None, area_pop=None):
    """The people of the grid cells (``core/demand.people``): alone, every cell carries its own people;
    with population areas, the cells place each area's people like buildings (weighted by their people),
    and areas without a cell are counted by surface. ``area_pop`` None: the areas get the cells' sums."""
    return people(area_geoms, area_pop, cells.xy, cells.pop)


def cells_placement(polygons, cells: Cells, grid_spacing=None):
    """``core/distances.cell_points``: the grid cells as the weighted points (method ``grid_cells``)."""
    return cell_points(polygons, cells.xy, cells.pop, grid_spacing)


def demand_cells(alg, run, demand_geoms, bxy, barea, weights):
    """Siting: grid cells take the place of the buildings (weighted by their people); without a weight
    field (``run.weight_field``), each demand area weighs the people of the cells inside it
    (``core/siting.cell_weights``). Returns (xy, weight, demand weights)."""
    cells = read_population_cells(alg, run.parameters, run.context, run.feedback, run.crs)
    if cells is None:
        return bxy, barea, weights
    if bxy is not None:
        run.feedback.pushInfo(QCoreApplication.translate("PopulationCells", "Both grid cells and buildings are given: the grid cells place the demand, the buildings are not used."))
    if not run.weight_field:
        weights = cell_weights(demand_geoms, cells.xy, cells.pop)
        run.feedback.pushInfo(QCoreApplication.translate("PopulationCells", "No weight field: each demand area weighs the {p:.0f} people of the grid cells inside it.").format(p=float(weights.sum())))
    return cells.xy, cells.pop, weights
