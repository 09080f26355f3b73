"""Shared input validation of every Ankunft algorithm (called by the base class before
``processAlgorithm``, and from ``checkParameterValues`` for what can be known before a run).

- every vector layer given: a CRS that fits its coordinates (``core.validation.crs_problem``): no CRS,
  metres in a degree CRS and degrees in a metric CRS are refused with a message that says what to do;
- a parameter that wants polygons (points, lines) gets polygons (points, lines), not a table;
- a point parameter: a feature with several points (MultiPoint) is refused: each docking point needs
  its own place;
- every field that counts people (the algorithm's ``PEOPLE_PARAMS`` and ``NONNEGATIVE_PARAMS``): no
  negative value (refused, never summed).

Messages name the parameter (as the user sees it and its key) and the layer.
"""

from __future__ import annotations

import os

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.validation import crs_problem, negative_counts


def param_label(alg, name: str) -> str:
    """'Population areas' (POPULATION): what the user sees, and the key a script uses."""
    definition = alg.parameterDefinition(name)
    if definition is None:
        return name
    return "'{}' ({})".format(definition.description(), name)


def _wanted_geometry(definition):
    """The one geometry type a source parameter wants (Point/Line/Polygon), or None for any."""
    types = list(definition.dataTypes()) if hasattr(definition, "dataTypes") else []
    mapping = {
        Qgis.ProcessingSourceType.VectorPoint: Qgis.GeometryType.Point,
        Qgis.ProcessingSourceType.VectorLine: Qgis.GeometryType.Line,
        Qgis.ProcessingSourceType.VectorPolygon: Qgis.GeometryType.Polygon,
    }
    wanted = {mapping[t] for t in types if t in mapping}
    if len(wanted) == 1 and all(t in mapping for t in types):
        return wanted.pop()
    return None


def _geometry_name(gtype) -> str:
    return {
        Qgis.GeometryType.Point: QCoreApplication.translate("AnkunftValidation", "points"),
        Qgis.GeometryType.Line: QCoreApplication.translate("AnkunftValidation", "lines"),
        Qgis.GeometryType.Polygon: QCoreApplication.translate("AnkunftValidation", "polygons"),
    }.get(gtype, QCoreApplication.translate("AnkunftValidation", "no geometry (a table)"))


def check_crs(label: str, layer_name: str, crs, extent, feedback=None) -> None:
    """Refuse a CRS that does not fit the coordinates (see ``core.validation.crs_problem``)."""
    if extent is None or extent.isNull() or extent.xMinimum() > extent.xMaximum() or extent.yMinimum() > extent.yMaximum():
        return  # no features: no coordinates to judge by
    kind = "none" if not crs.isValid() else ("geographic" if crs.isGeographic() else "projected")
    code = crs_problem(kind, (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()))
    if code is None:
        return
    size = "{:.4g} × {:.4g}".format(extent.width(), extent.height())
    where = "{:.6g}, {:.6g}".format(extent.center().x(), extent.center().y())
    if code == "no_crs_degrees":
        text = QCoreApplication.translate("AnkunftValidation", "{param}: layer '{layer}' has no CRS (a shapefile without .prj?). Its coordinates (around {where}) look like longitude/latitude: assign EPSG:4326 (Layer properties → Source, or 'Assign projection') and run again.")
    elif code == "no_crs_metric":
        text = QCoreApplication.translate("AnkunftValidation", "{param}: layer '{layer}' has no CRS (a shapefile without .prj?). Its coordinates (around {where}) are not degrees but metres of some projection; Ankunft will not guess which. Assign the right CRS (Berlin: EPSG:25833) with Layer properties → Source or 'Assign projection', and run again.")
    elif code == "metres_in_degree_crs":
        text = QCoreApplication.translate("AnkunftValidation", "{param}: layer '{layer}' is labelled {crs} (degrees), but its coordinates (around {where}) are outside ±180/±90: they are metres. Assign the CRS the coordinates are really in (Berlin: EPSG:25833) and run again.")
    else:
        text = QCoreApplication.translate("AnkunftValidation", "{param}: layer '{layer}' is labelled {crs} (metres), but all its coordinates lie in a box of {size} units around {where}: they look like degrees. Assign EPSG:4326 to the layer (Layer properties → Source) and run again.")
    raise QgsProcessingException(text.format(param=label, layer=layer_name, crs=crs.authid() or crs.description(), where=where, size=size))


def check_geometry_type(label: str, layer_name: str, wkb_type, wanted) -> None:
    if wanted is None:
        return
    got = QgsWkbTypes.geometryType(wkb_type)
    if got == wanted:
        return
    raise QgsProcessingException(
        QCoreApplication.translate("AnkunftValidation", "{param} needs a layer of {wanted}; layer '{layer}' has {got}. Choose a layer of {wanted}.").format(
            param=label, wanted=_geometry_name(wanted), layer=layer_name, got=_geometry_name(got)
        )
    )


def check_multipoints(label: str, source, feedback=None) -> None:
    """Refuse point features made of several points (each would need its own catchment)."""
    if not QgsWkbTypes.isMultiType(source.wkbType()):
        return
    bad = []
    request = QgsFeatureRequest().setNoAttributes()
    for f in source.getFeatures(request):
        g = f.geometry()
        if g is not None and not g.isNull() and g.constGet() is not None and g.constGet().partCount() > 1:
            bad.append((f.id(), g.constGet().partCount()))
    if bad:
        shown = ", ".join("{} ({})".format(fid, n) for fid, n in bad[:10]) + (" …" if len(bad) > 10 else "")
        raise QgsProcessingException(
            QCoreApplication.translate("AnkunftValidation", "{param}: {n} features of layer '{layer}' consist of several points (feature id (parts): {list}). Each point needs its own place: split them with 'Multipart to singleparts' and run again.").format(param=label, n=len(bad), layer=source.sourceName(), list=shown)
        )


def check_nonnegative(label: str, source, field: str, layer_name: str | None = None) -> None:
    """Refuse negative counts of people in ``field`` (they would be summed). ``source``: a feature
    source or a vector layer."""
    idx = source.fields().lookupField(field)
    if idx < 0:
        return
    request = QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry).setSubsetOfAttributes([idx])
    fids, values = [], []
    for f in source.getFeatures(request):
        fids.append(f.id())
        values.append(f.attributes()[idx])
    bad, numbers = negative_counts(values)
    if len(bad):
        shown = ", ".join("{}: {:g}".format(fids[i], v) for i, v in zip(bad[:10].tolist(), numbers[:10].tolist()))
        raise QgsProcessingException(
            QCoreApplication.translate("AnkunftValidation", "{param}: field '{field}' of layer '{layer}' counts people, but {n} features have a negative value (feature id: value: {list}). A number of people cannot be negative: correct it, or set it empty (NULL) to leave the area out, and run again.").format(param=label, field=field, layer=layer_name or source.sourceName(), n=len(bad), list=shown + (" …" if len(bad) > 10 else ""))
        )


def check_inputs(alg, parameters, context, feedback=None) -> None:
    """All shared checks for the inputs given to ``alg`` (see the module docstring)."""
    _check_layers(alg, parameters, context, feedback)
    _check_people_counts(alg, parameters, context)


def _check_source(alg, definition, parameters, context, feedback) -> None:
    name = definition.name()
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        return
    label = param_label(alg, name)
    has_geometry = QgsWkbTypes.geometryType(source.wkbType()) not in (Qgis.GeometryType.Null, Qgis.GeometryType.Unknown)
    if has_geometry and name not in set(getattr(alg, "CRS_FREE_PARAMS", ())) and source.featureCount() != 0:
        check_crs(label, source.sourceName(), source.sourceCrs(), source.sourceExtent(), feedback)
    wanted = _wanted_geometry(definition)
    check_geometry_type(label, source.sourceName(), source.wkbType(), wanted)
    if wanted == Qgis.GeometryType.Point:
        check_multipoints(label, source, feedback)


def _check_layers(alg, parameters, context, feedback) -> None:
    """CRS, geometry type and multi-part points of every layer given."""
    for definition in alg.parameterDefinitions():
        name = definition.name()
        if parameters.get(name) is None:
            continue
        if isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
            _check_source(alg, definition, parameters, context, feedback)
        elif isinstance(definition, QgsProcessingParameterMultipleLayers):
            for layer in alg.parameterAsLayerList(parameters, name, context) or []:
                if hasattr(layer, "wkbType") and QgsWkbTypes.geometryType(layer.wkbType()) not in (
                    Qgis.GeometryType.Null,
                    Qgis.GeometryType.Unknown,
                ):
                    check_crs(param_label(alg, name), layer.name(), layer.crs(), layer.extent(), feedback)


def _check_people_counts(alg, parameters, context) -> None:
    """No negative value in a field that counts people (``PEOPLE_PARAMS``, ``NONNEGATIVE_PARAMS``)."""
    signed = set(getattr(alg, "SIGNED_PARAMS", ()))
    for pname in tuple(getattr(alg, "PEOPLE_PARAMS", ())) + tuple(getattr(alg, "NONNEGATIVE_PARAMS", ())):
        definition = alg.parameterDefinition(pname)
        if pname in signed or definition is None or not hasattr(definition, "parentLayerParameterName"):
            continue
        chosen = [f for f in (alg.parameterAsFields(parameters, pname, context) or []) if f]
        parent = definition.parentLayerParameterName()
        if not chosen or parameters.get(parent) is None:
            continue
        if isinstance(alg.parameterDefinition(parent), QgsProcessingParameterMultipleLayers):
            layers = [(lyr, lyr.name()) for lyr in alg.parameterAsLayerList(parameters, parent, context) or [] if hasattr(lyr, "getFeatures")]
        else:
            source = alg.parameterAsSource(parameters, parent, context)
            layers = [(source, None)] if source is not None else []
        for field in chosen:
            for layer, layer_name in layers:
                check_nonnegative(param_label(alg, pname), layer, field, layer_name)


def missing_file_message(alg, parameters) -> str | None:
    """Our message for a layer parameter that names a file that does not exist (QGIS would only say
    'Incorrect parameter value for X')."""
    for definition in alg.parameterDefinitions():
        value = parameters.get(definition.name())
        if not isinstance(value, str) or not value:
            continue
        if not isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
            continue
        path = value.split("|", 1)[0]
        if path.startswith(("memory:", "postgres", "dbname=")) or "://" in path or "=" in path.split("/")[0]:
            continue
        looks_like_file = os.sep in path or os.path.splitext(path)[1].lower() in (".gpkg", ".shp", ".geojson", ".json", ".csv", ".gml", ".kml", ".sqlite", ".fgb", ".parquet", ".tab")
        if looks_like_file and not os.path.exists(path):
            folder = os.path.dirname(path)
            hint = (
                QCoreApplication.translate("AnkunftValidation", "the folder '{folder}' does not exist either").format(folder=folder)
                if folder and not os.path.isdir(folder)
                else QCoreApplication.translate("AnkunftValidation", "check the file name (a layer inside a GeoPackage is written as file.gpkg|layername=name)")
            )
            return QCoreApplication.translate("AnkunftValidation", "{param}: the file '{path}' does not exist; {hint}.").format(
                param=param_label(alg, definition.name()), path=path, hint=hint
            )
    return None


def check_overlap(alg, parameters, context, inner: str, outer: str) -> None:
    """Refuse when no feature of layer ``inner`` (e.g. the districts) overlaps layer ``outer`` (the areas)."""
    from qgis.core import QgsCoordinateTransform, QgsGeometry

    a = alg.parameterAsSource(parameters, inner, context)
    b = alg.parameterAsSource(parameters, outer, context)
    if a is None or b is None or a.featureCount() == 0 or b.featureCount() == 0:
        return
    transform = None
    if a.sourceCrs().isValid() and b.sourceCrs().isValid() and a.sourceCrs() != b.sourceCrs():
        transform = QgsCoordinateTransform(a.sourceCrs(), b.sourceCrs(), context.transformContext())
    for f in a.getFeatures(QgsFeatureRequest().setNoAttributes()):
        g = QgsGeometry(f.geometry())
        if g.isNull() or g.isEmpty():
            continue
        if transform is not None:
            g.transform(transform)
        engine = QgsGeometry.createGeometryEngine(g.constGet())
        engine.prepareGeometry()
        request = QgsFeatureRequest().setFilterRect(g.boundingBox()).setNoAttributes()
        for other in b.getFeatures(request):
            og = other.geometry()
            if og is not None and not og.isNull() and engine.intersects(og.constGet()):
                return
    raise QgsProcessingException(
        QCoreApplication.translate("AnkunftValidation", "{inner} and {outer} do not overlap: no feature of '{a}' touches an area of '{b}', so there is nothing to analyse. Check that both layers cover the same place (and their CRS), and run again.").format(
            inner=param_label(alg, inner), outer=param_label(alg, outer), a=a.sourceName(), b=b.sourceName()
        )
    )


def check_model_inputs(model, parameters, context, overlaps=()) -> str | None:
    """Up-front checks of a shipped model's inputs: missing files, CRS, geometry types, overlaps.
    Returns the message of the first problem, or None."""
    message = missing_file_message(model, parameters) or missing_field_message(model, parameters, context)
    if message:
        return message
    try:
        check_inputs(model, parameters, context)
        for inner, outer in overlaps:
            if parameters.get(inner) is not None and parameters.get(outer) is not None:
                check_overlap(model, parameters, context, inner, outer)
    except QgsProcessingException as err:
        return str(err)
    return None


def missing_field_message(alg, parameters, context) -> str | None:
    """Our message for a field parameter naming a field its layer does not have (names the parameter,
    the layer and its fields)."""
    for definition in alg.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterField) or parameters.get(definition.name()) in (None, "", []):
            continue
        parent = definition.parentLayerParameterName()
        if not parent or parameters.get(parent) is None or isinstance(alg.parameterDefinition(parent), QgsProcessingParameterMultipleLayers):
            continue
        try:
            source = alg.parameterAsSource(parameters, parent, context)
            chosen = alg.parameterAsFields(parameters, definition.name(), context) or []
        except QgsProcessingException:
            continue
        if source is None:
            continue
        names = source.fields().names()
        for field in chosen:
            if field and field not in names:
                return QCoreApplication.translate("AnkunftValidation", "{param}: layer '{layer}' has no field '{field}'. Choose one of its fields: {fields}.").format(
                    param=param_label(alg, definition.name()), layer=source.sourceName(), field=field, fields=", ".join(names[:30])
                )
    return None
