"""``ankunft:preparewalknetwork`` – a walkable network from an OSM extract or a municipal street layer.

Keeps the ways pedestrians may use (drops motorways and ways closed to pedestrians), nodes the lines
at every junction (shared vertices), projects a geographic input to its UTM zone, and writes each
network edge with ``length_m`` and ``component`` (0 = the largest connected part). The log reports
components, dangles and the share of length outside the largest component.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsLineSymbol,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core import fieldmatch, vocabulary
from ..core.network import WalkGraph, lines_from_wkb
from . import graph_cache
from .base import AnkunftAlgorithm
from .bridge import network_crs, new_fields, write_rows
from .styles import OKABE_ITO

DEFAULT_EXCLUDE = "motorway,motorway_link,construction,proposed,raceway,bus_guideway,busway,abandoned,planned,razed,disused"
NO_FOOT = {"no", "private", "use_sidepath"}
FOOT_OK = {"yes", "designated", "permissive", "official"}


def apply_style(layer, main_label: str, other_label: str) -> None:
    """Largest component in blue, the disconnected parts in vermillion (they reach little)."""
    root = QgsRuleBasedRenderer.Rule(None)
    for expr, colour, width, label in (
        ('"component" = 0', OKABE_ITO["blue"], "0.4", main_label),
        ('"component" <> 0', OKABE_ITO["vermillion"], "0.7", other_label),
    ):
        sym = QgsLineSymbol.createSimple({"color": colour, "width": width})
        root.appendChild(QgsRuleBasedRenderer.Rule(sym, 0, 0, expr, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def walkable_mask(highway, foot, access, exclude: set) -> np.ndarray:
    """True for ways a pedestrian may use: class not excluded, no ``foot=no``, no ``access=private/no``
    unless foot is explicitly allowed."""
    n = len(highway) if highway is not None else (len(foot) if foot is not None else len(access or []))
    keep = np.ones(n, dtype=bool)
    if highway is not None:
        keep &= np.array([str(v).strip().lower() not in exclude if v is not None else True for v in highway], dtype=bool)
    fvals = [str(v).strip().lower() if v is not None and str(v) != "NULL" else "" for v in foot] if foot is not None else [""] * n
    if foot is not None:
        keep &= np.array([f not in NO_FOOT for f in fvals], dtype=bool)
    if access is not None:
        avals = [str(v).strip().lower() if v is not None and str(v) != "NULL" else "" for v in access]
        keep &= np.array([not (a in ("private", "no") and f not in FOOT_OK) for a, f in zip(avals, fvals)], dtype=bool)
    return keep


class PrepareWalkNetworkAlgorithm(AnkunftAlgorithm):
    ALG_ID = "preparewalknetwork"
    GROUP_ID = "accessibility"

    INPUT = "INPUT"
    HIGHWAY_FIELD = "HIGHWAY_FIELD"
    EXCLUDE = "EXCLUDE"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Prepare walking network")

    def shortDescription(self) -> str:  # noqa: N802
        return self.tr("Streets and footpaths pedestrians may use, noded at every junction, in metres, with connected components.")

    def tags(self) -> list[str]:
        return self.tr("walking,network,OSM,footpath,fußläufig,Fußwegenetz,graph,topology").split(",")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Street and path lines"), [Qgis.ProcessingSourceType.VectorLine]
            ),
            self.tr("An OSM extract (QuickOSM output with 'highway', a Geofabrik shapefile with 'fclass') or any municipal street and footpath network. The layer itself is never changed."),
        )
        self.add(
            QgsProcessingParameterField(
                self.HIGHWAY_FIELD, self.tr("Way class field"), parentLayerParameterName=self.INPUT, optional=True
            ),
            self.tr("Field with the way class (OSM 'highway' or Geofabrik 'fclass'). Left empty, 'highway' or 'fclass' is used when the layer has one; otherwise all lines are kept."),
        )
        self.add(
            QgsProcessingParameterString(self.EXCLUDE, self.tr("Way classes to leave out"), defaultValue=DEFAULT_EXCLUDE, optional=True),
            self.tr("Comma-separated way classes closed to pedestrians. Ways with foot=no, or access=private/no without foot=yes, are left out as well when the layer has 'foot'/'access' fields."),
        )
        self.add_language_parameter()
        self.add(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Walking network"), Qgis.ProcessingSourceType.VectorLine),
            self.tr("One line per network edge (between junctions) in a metric CRS, with the input's attributes, length_m and component (0 = largest connected part)."),
        )
        self.addOutput(QgsProcessingOutputNumber("COMPONENTS", self.tr("Connected components")))
        self.addOutput(QgsProcessingOutputNumber("OUTSIDE_SHARE", self.tr("Share of length outside the largest component")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        run = SimpleNamespace(parameters=parameters, context=context, feedback=feedback)
        lang = self.output_lang(parameters, context)
        self._read_run_parameters(run)
        self._read_ways(run)
        self._build_graph(run)
        dest_id = self._write_edges(run)
        main, other = vocabulary.phrase("network_main", lang), vocabulary.phrase("network_other", lang)
        self.style_output(context, dest_id, lambda layer: apply_style(layer, main, other), vocabulary.phrase("layer_network", lang))
        self._dest_id = dest_id
        self._dest_session = self.outputs  # the output is written under a temporary name, moved on success
        s = run.summary
        return {self.OUTPUT: dest_id, "COMPONENTS": s["components"], "OUTSIDE_SHARE": s["outside_share"]}

    # -- the steps of a run (``run``: the parameter object carried from step to step) -------------------
    def _read_run_parameters(self, run) -> None:
        """The line layer, its way class / foot / access fields and the classes to leave out."""
        parameters, context, feedback = run.parameters, run.context, run.feedback
        source = run.source = self.required_source(parameters, self.INPUT, context)
        name = run.name = source.sourceName()
        if QgsWkbTypes.geometryType(source.wkbType()) not in (
            Qgis.GeometryType.Line,
            Qgis.GeometryType.Unknown,
        ):
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no lines. Choose a line layer of streets and footpaths.").format(layer=name)
            )
        field_names = source.fields().names()
        hw = self.parameterAsString(parameters, self.HIGHWAY_FIELD, context)
        if hw and hw not in field_names:
            raise QgsProcessingException(
                self.tr("Layer '{layer}' has no field '{field}'. Choose one of its fields: {fields}.").format(
                    layer=name, field=hw, fields=", ".join(field_names[:30]))
            )
        if not hw:
            hw = fieldmatch.find_field(field_names, "highway") or ""
            if hw:
                feedback.pushInfo(self.tr("Way classes read from the field '{field}'.").format(field=hw))
            else:
                feedback.pushInfo(self.tr("No way class field ('highway' or 'fclass'): all lines are kept."))
        run.hw = hw
        exclude_text = self.parameterAsString(parameters, self.EXCLUDE, context) or ""
        run.exclude = {x.strip().lower() for x in exclude_text.split(",") if x.strip()}
        run.foot_f = next((c for c in ("foot", "FOOT") if c in field_names), "")
        run.access_f = next((c for c in ("access", "ACCESS") if c in field_names), "")
        crs, run.out_crs = network_crs(source, context, feedback, check_degrees=False)
        if run.out_crs != crs:
            feedback.pushInfo(self.tr("The network is projected to {crs} (metres).").format(crs=run.out_crs.authid()))

    def _read_ways(self, run) -> None:
        """One pass: attributes, geometry as WKB in the metric CRS, way class, foot and access values."""
        source, feedback, hw, foot_f, access_f = run.source, run.feedback, run.hw, run.foot_f, run.access_f
        request = QgsFeatureRequest()
        if run.out_crs != source.sourceCrs():
            request.setDestinationCrs(run.out_crs, run.context.transformContext())
        total = source.featureCount() or 0
        attrs, blobs, hwv, footv, accv, fids = [], [], [], [], [], []
        for i, feat in enumerate(source.getFeatures(request)):
            self.check_cancel(feedback)
            g = feat.geometry()
            blobs.append(None if g.isNull() or g.isEmpty() else bytes(g.asWkb()))
            attrs.append(feat.attributes())
            fids.append(feat.id())
            if hw:
                hwv.append(feat[hw])
            if foot_f:
                footv.append(feat[foot_f])
            if access_f:
                accv.append(feat[access_f])
            if total and i % 1000 == 0:
                feedback.setProgress(40.0 * i / total)
        if not blobs:
            raise QgsProcessingException(self.tr("Layer '{layer}' has no features.").format(layer=run.name))
        run.attrs, run.fids = attrs, fids
        run.lines = lines_from_wkb(blobs)
        nulls = sum(1 for x in run.lines if x is None)
        if nulls:
            feedback.reportError(
                self.tr("{n} features of '{layer}' have no line geometry and are left out.").format(n=nulls, layer=run.name)
            )
        keep = walkable_mask(hwv if hw else None, footv if foot_f else None, accv if access_f else None, run.exclude)
        if len(keep) == 0:
            keep = np.ones(len(run.lines), dtype=bool)
        dropped = int((~keep).sum())
        feedback.pushInfo(self.tr("{n} of {total} ways are closed to pedestrians and left out.").format(n=dropped, total=len(run.lines)))
        run.kept_idx = np.flatnonzero(keep)

    def _build_graph(self, run) -> None:
        """The walking graph of the walkable lines, and its size and connectedness in the log."""
        feedback, lines, name = run.feedback, run.lines, run.name
        if not any(lines[i] is not None for i in run.kept_idx):
            raise QgsProcessingException(
                self.tr("No walkable lines are left in '{layer}'. Check the way class field and the classes to leave out.").format(layer=name)
            )
        graph = run.graph = WalkGraph.from_lines([lines[i] for i in run.kept_idx])
        if graph.n_edges == 0:
            raise QgsProcessingException(
                self.tr("The lines of '{layer}' have no length (all shorter than a centimetre?). Check the layer and its CRS.").format(layer=name)
            )
        feedback.setProgress(60.0)
        s = run.summary = graph.summary()
        feedback.pushInfo(
            self.tr("Network: {edges} edges, {nodes} junctions and ends, {km:.1f} km.").format(
                edges=s["edges"], nodes=s["nodes"], km=s["length_m"] / 1000.0)
        )
        feedback.pushInfo(
            self.tr("{n} connected components; {share:.1f} % of the length lies outside the largest one; {d} dangles (dead ends).").format(
                n=s["components"], share=100.0 * s["outside_share"], d=s["dangles"])
        )
        if s["outside_share"] > 0.05:
            feedback.reportError(
                self.tr("More than 5 % of the network is not connected to its largest part: catchments starting there reach little. Check for gaps (bridges, missing footways) or clip the extract more generously."),
                False,
            )

    def _write_edges(self, run):
        """One feature per edge with the attributes of its way; the way's 'fid' becomes 'source_fid' (one way
        may give several edges and a GeoPackage fid must be unique)."""
        graph, feedback, kept_idx, attrs, fids = run.graph, run.feedback, run.kept_idx, run.attrs, run.fids
        base = QgsFields()
        keep_cols = []
        for j, f in enumerate(run.source.fields()):
            if f.name().lower() in ("fid", "source_fid", "length_m", "component"):
                continue
            base.append(f)
            keep_cols.append(j)
        fields = new_fields(base, [("source_fid", "long"), ("length_m", "double"), ("component", "int")])
        sink, dest_id = self.required_sink(
            run.parameters, self.OUTPUT, run.context, fields, Qgis.WkbType.LineString, run.out_crs
        )
        comp = graph.edge_component
        rows, geoms = [], []
        for k in range(graph.n_edges):
            if k % 5000 == 0:
                self.check_cancel(feedback)
                feedback.setProgress(60.0 + 30.0 * k / graph.n_edges)
            line = kept_idx[graph.edge_line[k]]
            a = attrs[line]
            rows.append([a[j] for j in keep_cols] + [int(fids[line]), float(graph.edge_len[k]), int(comp[k])])
            geoms.append(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in graph.edge_coords[k]]))
        write_rows(sink, fields, rows, geoms, feedback, progress=(90.0, 100.0))
        return dest_id

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """The prepared network's graph goes straight into the disk cache (``graph_cache``): the next
        catchment, overlay or siting run on this file – also in another process – starts from it."""
        dest = getattr(self, "_dest_id", None)
        session = getattr(self, "_dest_session", None)
        if session is not None and dest:
            dest = session._map(dest)  # the final path of the output
        store_prepared_graph(dest, context)
        return super().postProcessAlgorithm(context, feedback)


def store_prepared_graph(dest_id, context) -> str | None:
    """Build and store the graph of the written network file ``dest_id`` on disk; the path or None."""
    if not dest_id or not isinstance(dest_id, str) or graph_cache.cache_dir() is None:
        return None
    layer = QgsVectorLayer(dest_id, "walk_network", "ogr")
    if not layer.isValid() or not graph_cache._file_stamp(layer) or layer.crs().isGeographic():
        return None
    graph = graph_cache.get_graph(layer, layer.crs(), context, None, layer=layer)
    return getattr(graph, "disk_path", None) or graph_cache.disk_path_of(graph)
