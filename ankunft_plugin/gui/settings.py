"""Project settings: every choice of the panel (mapping, roles, study area, all steps' parameters,
the results) stored in the project (scope ``ankunft``) and restored when it is read again."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProject,
)
from qgis.PyQt.QtCore import QTimer

from . import checks
from .common import SCOPE, STEPS
from .wiring import STUDY_MODES


class SettingsMixin:
    def save_settings(self) -> None:
        if self._restoring or self._loading:
            return
        project = QgsProject.instance()
        mapping = self.mapping()
        project.writeEntry(SCOPE, "data/layer", mapping["layer"])
        project.writeEntry(SCOPE, "data/id_field", mapping["id"])
        project.writeEntry(SCOPE, "data/fields", json.dumps(mapping["fields"]))
        project.writeEntry(SCOPE, "data/units", json.dumps(mapping["units"]))
        for key, page in self.pages.items():
            if page.built:
                project.writeEntry(SCOPE, "steps/" + key, json.dumps(page.values()))
        project.writeEntry(SCOPE, "results", json.dumps(self.results))
        project.writeEntry(SCOPE, "result_sources", json.dumps(self.result_sources()))
        project.writeEntry(SCOPE, "roles", json.dumps(self.roles_chosen))
        project.writeEntry(SCOPE, "roles_manual", json.dumps(sorted(self.roles_manual)))
        project.writeEntry(SCOPE, "study_area", self.study_mode)
        project.writeEntry(SCOPE, "state", json.dumps(self.state))
        project.writeEntry(SCOPE, "summaries", json.dumps(self.summaries))

    def restore_settings(self) -> None:
        project = QgsProject.instance()

        def entry(key: str, default=""):
            value, ok = project.readEntry(SCOPE, key, default)
            return value if ok else default

        def loads(text: str, default):
            try:
                value = json.loads(text) if text else default
            except ValueError:
                return default
            return value if isinstance(value, type(default)) else default

        self._restoring = True
        try:
            layer = project.mapLayer(entry("data/layer"))
            if layer is not None:
                self.set_layer(layer)
                self.ui.idFieldCombo.setLayer(layer)
                for combo, _u, _h in self.role_widgets.values():
                    combo.setLayer(layer)
                self.set_mapping(
                    {"id": entry("data/id_field"), "fields": loads(entry("data/fields"), {}), "units": loads(entry("data/units"), {})}
                )
            self.roles_chosen = {k: v for k, v in loads(entry("roles"), {}).items() if isinstance(v, list)}
            self.roles_manual = {k for k in loads(entry("roles_manual"), []) if isinstance(k, str)}
            mode = entry("study_area", "network")
            self.study_mode = mode if mode in STUDY_MODES else "network"
            self.state = loads(entry("state"), {})
            self.summaries = loads(entry("summaries"), {})
            for key, page in self.pages.items():
                if page.built:
                    page.set_values(loads(entry("steps/" + key), {}))
            results = loads(entry("results"), {})
            sources = loads(entry("result_sources"), {})
            by_source = {project.writePath(lyr.source()): lid for lid, lyr in project.mapLayers().items() if lyr.isValid()}
            self.results = {}
            for k, v in results.items():
                if not isinstance(v, dict) or k not in self.pages:
                    continue
                kept = {}
                for n, lid in v.items():
                    if project.mapLayer(lid) is None:  # the same result file added again under another id
                        lid = by_source.get((sources.get(k) or {}).get(n, ""), "")
                    if lid and project.mapLayer(lid) is not None:
                        kept[n] = lid
                self.results[k] = kept
            for key in self.pages:
                self.done[key] = bool(self.results.get(key))
        finally:
            self._restoring = False
        self.refresh_preview()
        self.update_states()

    def _on_project_read(self, *_args) -> None:
        self._loading = self._reading = False
        self.restore_settings()
        self.refill()

    def _on_loading_layer(self, *_args) -> None:
        self._reading = True  # a project is being read: its settings come with readProject

    def _end_loading(self) -> None:
        if not self._reading:  # a new project (a project being read ends with readProject)
            self._loading = False

    def _on_project_cleared(self) -> None:
        # QgsProject.read() clears first; until it has read the layers and emitted readProject,
        # widget changes must not overwrite the project's settings. A new project never emits
        # readProject, so the flag also ends at the next turn of the event loop.
        self._loading = True
        self._reading = False
        self._told_temporary = False
        self.roles_chosen, self.state, self.summaries, self.findings = {}, {}, {}, {}
        self.roles_manual = set()
        self.study_mode = "network"
        checks.clear()
        QTimer.singleShot(0, self._end_loading)
        if self._run is not None:
            self.cancel()
        self.results = {}
        self.done = {s.key: False for s in STEPS}
        for page in self.pages.values():
            page.resultLabel.setText("")
        self._restoring = True
        try:
            self.set_layer(None)
            # a new project starts with the defaults and no stale layer ids (a layer widget
            # cannot be emptied through its wrapper, so the forms are built again)
            for page in self.pages.values():
                alg = self.algorithm(page.alg_id)
                if page.built and alg is not None:
                    page.build(alg, self.iface)
        finally:
            self._restoring = False
        self.refresh_preview()
        self.update_states()

    def _on_layers_removed(self, layer_ids) -> None:
        removed = set(layer_ids)
        changed = False
        for key in list(self.results):
            kept = {n: lid for n, lid in self.results[key].items() if lid not in removed}
            if kept != self.results[key]:
                self.results[key] = kept
                changed = True
        if changed:
            for key in self.pages:
                self.done[key] = bool(self.results.get(key))
            self.update_states()

