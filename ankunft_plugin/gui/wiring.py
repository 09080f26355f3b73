"""Which layer goes into which input: roles, earlier results and step 1's fields (core/workflow.py
says what; this mixin does it on the panel's forms). A role (the walking network above all) is chosen
once and used by every step that needs it; a role is filled only by a plausible layer, never by the
first layer that happens to have the right geometry."""

from __future__ import annotations

from qgis.core import Qgis, QgsFeatureRequest, QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

from ..core import fieldmatch, workflow
from . import checks
from .common import GROUP_NAME, RESULT_PROPERTY, STEP_INDEX, json_value
from .step_page import StepPage

STUDY_MODES = ("network", "selection", "all")


class WiringMixin:
    # -- roles ------------------------------------------------------------------------------------
    def input_layers(self) -> list:
        """The project's layers that can be inputs, in the layer tree's order: never the panel's
        results, nor the print copies a strategy map keeps in a group named after its layout."""
        project = QgsProject.instance()
        layouts = {layout.name() for layout in project.layoutManager().layouts()}
        result_sources = {
            lyr.source() for lyr in project.mapLayers().values() if self._is_result_layer(lyr) or lyr.customProperty(RESULT_PROPERTY, "")
        }
        layers = []
        for node in project.layerTreeRoot().findLayers():
            layer = node.layer()
            if layer is None or self._is_result_layer(layer) or layer.customProperty(RESULT_PROPERTY, "") or layer.source() in result_sources:
                continue
            parent = node.parent()
            groups = set()
            while parent is not None and parent.parent() is not None:
                groups.add(parent.name())
                parent = parent.parent()
            if not groups & (layouts | {GROUP_NAME}):
                layers.append(layer)
        return layers

    def layer_infos(self) -> list[workflow.LayerInfo]:
        return [info for info in map(checks.layer_info, self.input_layers()) if info is not None]

    def role_layers(self, role_key: str) -> list[str]:
        """The layer ids playing a role now (those still in the project)."""
        project = QgsProject.instance()
        value = self.roles_chosen.get(role_key) or []
        ids = [value] if isinstance(value, str) else list(value)
        return [lid for lid in ids if project.mapLayer(lid) is not None]

    def fill_roles(self) -> bool:
        """Fill every role the planner has not chosen by hand with the plausible layer(s) of the
        project (again after layers came or went; a single role keeps its layer while that is still
        there and plausible). True when a role changed."""
        infos = self.layer_infos()
        by_id = {info.id: info for info in infos}
        changed = False
        for key in workflow.ROLES:
            current = self.role_layers(key)
            if key == workflow.AREAS or (key in self.roles_manual and current):
                continue
            if not workflow.ROLES[key].multiple and current and current[0] in by_id and workflow.plausibility(key, by_id[current[0]]) > 0:
                continue
            chosen = workflow.choose(key, infos)
            if key == workflow.STREETS and not chosen:
                chosen = self.role_layers(workflow.NETWORK)
            if chosen != current:
                self.roles_chosen[key] = chosen
                changed = True
        return changed

    def set_role(self, role_key: str, ids) -> None:
        """The planner chose a layer for a role in one step: every step that needs it gets it."""
        ids = [ids] if isinstance(ids, str) else [i for i in (ids or []) if i]
        if ids == self.role_layers(role_key):
            return
        self.roles_chosen[role_key] = ids
        self.roles_manual.add(role_key)
        for step_key, _param in workflow.role_params(role_key):
            self.prefill(step_key)

    def role_of_layer(self, layer_id: str) -> list[str]:
        return [k for k in workflow.ROLES if layer_id in self.role_layers(k)]

    # -- results ------------------------------------------------------------------------------------
    def main_result(self, key: str, output: str = "OUTPUT") -> str | None:
        """The layer id of a step's output, if still in the project. For the main output (OUTPUT)
        the first output stands in when there is no OUTPUT; another output must be there itself."""
        project = QgsProject.instance()
        results = self.results.get(key, {})
        names = ("OUTPUT", *results) if output == "OUTPUT" else (output,)
        for name in names:
            layer_id = results.get(name)
            if layer_id and project.mapLayer(layer_id) is not None:
                return layer_id
        return None

    def result_for(self, key: str, source: workflow.Source) -> str | None:
        for step_key, output in source.ref:
            if STEP_INDEX[step_key] < STEP_INDEX[key]:
                layer_id = self.main_result(step_key, output)
                if layer_id is not None:
                    return layer_id
        return None

    # -- filling a step's form ----------------------------------------------------------------------
    def prefill(self, key: str) -> None:
        """Fill this step's inputs as the workflow model wires them: roles, earlier results, the
        fields of step 1 and the id/name fields of the layers filled."""
        page = self.pages.get(key)
        if page is None or not page.built:
            return
        spec = workflow.step(key)
        filled = set()
        sharing, self._sharing = self._sharing, True
        try:
            for name, source in spec.inputs.items():
                param = page.param(name)
                if param is None or name not in page.wrappers:
                    continue
                value = None
                if source.kind == "role":
                    ids = self.role_layers(source.ref)
                    value = ids if param.type() == "multilayer" else (ids[0] if ids else None)
                elif source.kind == "result":
                    layer_id = self.result_for(key, source)
                    value = [layer_id] if layer_id and param.type() == "multilayer" else layer_id
                if not value:
                    continue
                if json_value(page.value(name, None)) != value:
                    page.set_values({name: value})
                    filled.add(name)
            for name, source in spec.inputs.items():
                self._prefill_field(page, name, source, filled)
        finally:
            self._sharing = sharing

    def _prefill_field(self, page: StepPage, name: str, source: workflow.Source, filled: set) -> None:
        param = page.param(name)
        if param is None or name not in page.wrappers or source.kind not in ("field", "id_field", "name_field", "result_field"):
            return
        parent = param.parentLayerParameterName() if hasattr(param, "parentLayerParameterName") else ""
        if source.kind == "id_field" or source.kind == "name_field":
            parent = source.ref
        # a field of a layer filled just now follows the wiring (the combo may have kept an old field)
        if parent not in filled and not page.is_empty(name):
            return
        layer = self.param_layer(page, parent)
        if layer is None:
            return
        names = [f.name() for f in layer.fields()]
        field_name = ""
        if source.kind == "field":
            mapping = self.mapping()
            field_name = {"id": mapping["id"], **mapping["fields"]}.get(source.ref) or ""
        elif source.kind == "result_field":
            field_name = source.ref
        else:
            # the algorithm chooses its default field the same way (core/fieldmatch.find_field)
            field_name = fieldmatch.find_field(names, "id" if source.kind == "id_field" else "name") or ""
        if field_name and field_name in names:
            page.set_values({name: field_name})
            if page.value(name, None) != field_name:
                # the field list still belongs to a layer that left the project (a result replaced
                # by its GeoPackage copy): the parent input is given again, then the field
                page.refresh(parent)
                page.set_values({name: field_name})

    @staticmethod
    def param_layer(page: StepPage, name: str) -> QgsVectorLayer | None:
        """The (first) layer in a layer input of a page."""
        value = json_value(page.value(name, None)) if name else None
        if isinstance(value, list):
            value = value[0] if value else None
        layer = QgsProject.instance().mapLayer(str(value or ""))
        if layer is None and value:  # a source given by path
            matches = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source() == value]
            layer = matches[0] if matches else None
        return layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None

    def share_inputs(self, source: StepPage) -> None:
        """A layer chosen by hand for a role input becomes that role's layer in every step."""
        spec = workflow.step(source.step.key)
        for name, src in spec.inputs.items():
            if src.kind != "role" or name not in source.wrappers:
                continue
            value = json_value(source.value(name, None))
            ids = [value] if isinstance(value, str) and value else (value if isinstance(value, list) else [])
            if ids and ids != self.role_layers(src.ref):
                self.set_role(src.ref, ids)

    # -- the study area (steps 3–5) -------------------------------------------------------------
    def study_area(self, areas: QgsVectorLayer | None) -> tuple[list[int] | None, int]:
        """(feature ids of the study area, number of areas); ids None: all areas are used."""
        if areas is None:
            return None, 0
        total = areas.featureCount()
        if self.study_mode == "all":
            return None, total
        if self.study_mode == "selection":
            return self.selected_areas(areas), total
        network = QgsProject.instance().mapLayer((self.role_layers(workflow.NETWORK) or [""])[0])
        if not isinstance(network, QgsVectorLayer):
            return None, total
        ids, total = checks.study_area(areas, network)
        return ids, total

    def selected_areas(self, areas: QgsVectorLayer) -> list[int]:
        """The areas selected in ``areas`` – or, when none is, those selected in step 1's layer (a
        district's areas picked on the map), found by the area id of step 1."""
        ids = list(areas.selectedFeatureIds())
        source, id_field = self.layer(), self.mapping()["id"]
        if ids or source is None or source is areas or not id_field or not source.selectedFeatureCount():
            return ids
        index = areas.fields().lookupField(id_field)
        if index < 0:
            return ids
        wanted = {str(f[id_field]) for f in source.getSelectedFeatures()}
        request = QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry).setSubsetOfAttributes([index])
        return [f.id() for f in areas.getFeatures(request) if str(f.attribute(index)) in wanted]

    def restrict_to_study_area(self, key: str, params: dict) -> dict:
        """The areas inputs of steps 3–5 as the study area (a filter the history shows too)."""
        for name, source in workflow.step(key).inputs.items():
            if not source.study_area or name not in params:
                continue
            value = params[name]
            layer_id = value if isinstance(value, str) else json_value(value)
            layer = QgsProject.instance().mapLayer(str(layer_id or ""))
            if not isinstance(layer, QgsVectorLayer):
                continue
            ids, total = self.study_area(layer)
            if ids is None or len(ids) == total:
                continue
            expression = "$id IN ({})".format(",".join(str(i) for i in ids)) if ids else "FALSE"
            params[name] = QgsProcessingFeatureSourceDefinition(layer.source(), filterExpression=expression)
        return params
