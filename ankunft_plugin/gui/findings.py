"""Plausibility before a run, shown in the step itself (not only in the log), and the study area of
steps 3–5. The figures come from gui/checks.py, the rules from core/workflow.py; the planner sees a
clear warning with the figure and can still run the step deliberately ("Run step … anyway")."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QComboBox, QLabel

from ..core import workflow
from . import checks
from .common import html, number, tooltip
from .step_page import StepPage
from .wiring import STUDY_MODES

WARN_STYLE = "color:#A04000"


def role_label(role_key: str) -> str:
    return {
        workflow.AREAS: QCoreApplication.translate("AnkunftDock", "areas"),
        workflow.NETWORK: QCoreApplication.translate("AnkunftDock", "walking network"),
        workflow.DOCKING: QCoreApplication.translate("AnkunftDock", "docking points"),
        workflow.CANDIDATES: QCoreApplication.translate("AnkunftDock", "candidate sites"),
        workflow.FACILITIES: QCoreApplication.translate("AnkunftDock", "facilities"),
        workflow.BUILDINGS: QCoreApplication.translate("AnkunftDock", "buildings"),
        workflow.DISTRICTS: QCoreApplication.translate("AnkunftDock", "districts / map pages"),
        workflow.STREETS: QCoreApplication.translate("AnkunftDock", "streets"),
        workflow.WATER: QCoreApplication.translate("AnkunftDock", "water"),
    }.get(role_key, role_key)


def finding_text(finding: workflow.Finding) -> str:
    """A finding of the workflow model in the planner's words, with its figures."""
    v = finding.values
    if finding.code == "network_fragmented":
        return QCoreApplication.translate("AnkunftDock", "The walking network is mostly in pieces: {share} % of its length lies outside its largest connected part. Catchments along it end early; check that the layer is a network of streets and footpaths.").format(share=number(100 * v["share"], 0))
    if finding.code == "points_off_network":
        return QCoreApplication.translate("AnkunftDock", "{n} of {total} points lie more than {metres} m from the walking network; they reach nothing. Check the points and the network.").format(n=number(v["n"]), total=number(v["total"]), metres=number(v["metres"]))
    if finding.code == "demand_outside":
        return QCoreApplication.translate("AnkunftDock", "{n} of {total} areas lie outside the walking network: they would count as unreached. Use the study area (areas inside the walking network).").format(n=number(v["n"]), total=number(v["total"]))
    if finding.code == "no_area_inside":
        return QCoreApplication.translate("AnkunftDock", "None of the {total} areas lies inside the walking network (or is selected): the step has nothing to work on.").format(total=number(v["total"]))
    if finding.code == "weight_missing":
        return QCoreApplication.translate("AnkunftDock", "No weight field: every area would count as one person. Choose the population field.")
    if finding.code == "role_excluded":
        return QCoreApplication.translate("AnkunftDock", "“{layer}” does not look like {role} (its name or fields say otherwise, e.g. railways).").format(layer=v["layer"], role=role_label(v["role"]))
    if finding.code == "role_unknown":
        return QCoreApplication.translate("AnkunftDock", "Nothing in the name or fields of “{layer}” says it holds {role}; check the choice.").format(layer=v["layer"], role=role_label(v["role"]))
    if finding.code == "role_geometry":
        return QCoreApplication.translate("AnkunftDock", "“{layer}” has the wrong geometry for {role}.").format(layer=v["layer"], role=role_label(v["role"]))
    return finding.code


class FindingsMixin:
    def _add_page_labels(self, page: StepPage) -> None:
        """A study-area row (steps with areas restricted to it) and a warnings label under the form."""
        layout = page.layout()
        spec = workflow.step(page.step.key)
        if any(src.study_area for src in spec.inputs.values()):
            combo = QComboBox()
            combo.setObjectName("studyCombo")
            combo.addItems([QCoreApplication.translate("AnkunftDock", "Areas inside the walking network"), QCoreApplication.translate("AnkunftDock", "Selected areas"), QCoreApplication.translate("AnkunftDock", "All areas")])
            combo.setToolTip(tooltip(QCoreApplication.translate("AnkunftDock", "Which areas this step works on. Areas outside the study area are left out and reported, never counted as unreached. The same choice holds for steps 3–5.")))
            combo.currentIndexChanged.connect(self._on_study_mode_changed)
            label = QLabel(QCoreApplication.translate("AnkunftDock", "Study area"))
            label.setBuddy(combo)
            info = QLabel("")
            info.setObjectName("studyLabel")
            info.setWordWrap(True)
            layout.insertWidget(1, label)
            layout.insertWidget(2, combo)
            layout.insertWidget(3, info)
            page.studyCombo, page.studyLabel = combo, info
        else:
            page.studyCombo = page.studyLabel = None
        warnings = QLabel("")
        warnings.setObjectName("findingsLabel")
        warnings.setWordWrap(True)
        layout.insertWidget(1, warnings)  # at the top of the step, right under what it needs
        page.findingsLabel = warnings

    def _on_study_mode_changed(self, index: int) -> None:
        mode = STUDY_MODES[max(0, index)]
        if mode == self.study_mode:
            return
        self.study_mode = mode
        self.save_settings()
        self.update_states()

    def _layer(self, layer_id) -> QgsVectorLayer | None:
        layer = QgsProject.instance().mapLayer(str(layer_id or ""))
        return layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None

    def step_findings(self, key: str) -> tuple[list[str], str]:
        """(warnings, study-area line) of a step, from what its form holds now."""
        page = self.pages.get(key)
        if page is None or not page.built:
            return [], ""
        spec = workflow.step(key)
        found: list[workflow.Finding] = []
        network = None
        for name, source in spec.inputs.items():
            if source.kind == "role" and source.ref == workflow.NETWORK:
                network = self.param_layer(page, name)
        study = ""
        for name, source in spec.inputs.items():
            if name not in page.wrappers:
                continue
            if source.kind == "role":
                found += self._role_findings(page, name, source.ref, network)
            elif source.study_area:
                areas = self.param_layer(page, name)
                if areas is None:
                    continue
                study, more = self._study_area_findings(areas, network)
                found += more
            elif source.kind == "field" and source.ref == "population" and name in page.required | {"WEIGHT_FIELD"}:
                found += workflow.check_weight(str(page.value(name, "") or ""))
        return [finding_text(f) for f in found], study

    def _role_findings(self, page: StepPage, name: str, role: str, network) -> list[workflow.Finding]:
        """The checks of the layers of input ``name`` (a role): each layer, the network's extent, the points
        off the network."""
        found: list[workflow.Finding] = []
        value = page.value(name, None)
        ids = value if isinstance(value, list) else [value]
        for layer in filter(None, (self._layer(getattr(v, "id", lambda v=v: v)()) for v in ids)):
            found += workflow.check_role(role, checks.layer_info(layer))
        if role == workflow.NETWORK and network is not None:
            found += workflow.check_network(checks.outside_share(network))
        if role in (workflow.DOCKING, workflow.CANDIDATES) and network is not None:
            points = [lyr for lyr in (self._layer(getattr(v, "id", lambda v=v: v)()) for v in ids) if lyr is not None]
            if points:
                found += _off_network_findings(page, points, network)
        return found

    def _study_area_findings(self, areas: QgsVectorLayer, network) -> tuple[str, list[workflow.Finding]]:
        """The study-area line and its checks, by the study mode (network, selection, all areas)."""
        ids, total = self.study_area(areas)
        inside = total if ids is None else len(ids)
        if self.study_mode == "network" and ids is not None:
            study = QCoreApplication.translate("AnkunftDock", "{n} of {total} areas lie inside the walking network; the others are left out (not counted as unreached).").format(n=number(inside), total=number(total))
            return study, workflow.check_demand(inside, total) if inside == 0 else []
        if self.study_mode == "selection":
            study = QCoreApplication.translate("AnkunftDock", "{n} of {total} areas are selected (in “{layer}” or in step 1's layer).").format(n=number(inside), total=number(total), layer=areas.name())
            return study, workflow.check_demand(inside, total) if inside == 0 else []
        if network is None:
            study = QCoreApplication.translate("AnkunftDock", "Choose the walking network: the study area is the areas inside it.")
            return study, []
        network_ids, _t = checks.study_area(areas, network)
        study = QCoreApplication.translate("AnkunftDock", "All {total} areas are used.").format(total=number(total))
        return study, workflow.check_demand(len(network_ids), total)

    def update_findings(self) -> None:
        for key, page in self.pages.items():
            if not page.built or not hasattr(page, "findingsLabel"):
                continue
            texts, study = self.step_findings(key) if self.step_ready(key) else ([], "")
            self.findings[key] = texts
            page.findingsLabel.setText(
                "<span style='{}'>{}</span>".format(WARN_STYLE, "<br>".join("⚠ " + html(t) for t in texts)) if texts else ""
            )
            if page.studyLabel is not None:
                page.studyLabel.setText(html(study))
                blocked = page.studyCombo.blockSignals(True)
                page.studyCombo.setCurrentIndex(STUDY_MODES.index(self.study_mode))
                page.studyCombo.blockSignals(blocked)


def _off_network_findings(page: StepPage, points: list, network) -> list[workflow.Finding]:
    """The check of the points farther from the network than the step's snap distance."""
    max_snap = float(page.value("MAX_SNAP", page.value("MAX_SNAP_DISTANCE", 200.0)) or 200.0)
    off, total = checks.points_off_network(points, network, max_snap)
    return workflow.check_points(off, total, max_snap)
