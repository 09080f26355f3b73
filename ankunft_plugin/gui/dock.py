"""The "Ankunftsquartiere" dock panel: the analysis as six steps, in the planner's own terms.

1 data and field mapping, 2 classification, 3 social infrastructure, 4 walking catchments,
5 new docking points, 6 strategy map. Steps 2–6 run the plugin's Processing algorithms as
background tasks (``QgsProcessingAlgRunnerTask``); their forms are built from the algorithms'
parameter definitions with the standard Processing widget wrappers, so the panel follows the
algorithms as they change. An algorithm that is not registered leaves its step disabled with a
note. Results are added to the layer group "Ankunftsquartiere"; settings live in the project
(scope ``ankunft``), so a saved project reopens with the same analysis. In a saved project the
results are written into ``<project name>_ankunft.gpkg`` beside the project file (one layer per
result, ``<step>_<output>``), so they come back with it; an unsaved project keeps temporary
layers until it is saved.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsDockWidget,
    QgsFieldComboBox,
    QgsScrollArea,
)
from qgis.PyQt import sip, uic
from qgis.PyQt.QtCore import QCoreApplication, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..__about__ import RESOURCES_DIR
from ..core import fieldmatch, vocabulary
from .common import STEP_INDEX, STEPS, html, tooltip
from .data_page import DataPageMixin
from .findings import FindingsMixin
from .results import ResultsMixin
from .runner import RunnerMixin, _Run
from .settings import SettingsMixin
from .step_page import StepPage
from .wiring import WiringMixin

TR_CONTEXTS = ("AnkunftDock", "DataPageMixin", "WiringMixin", "FindingsMixin", "RunnerMixin", "ResultsMixin", "SettingsMixin")
MIN_WIDTH = 380  # px: labels, field names and the footer stay readable
UI_DIR = RESOURCES_DIR / "ui"
DockForm, _DockBase = uic.loadUiType(str(UI_DIR / "ankunft_dock.ui"))

class _Body(QWidget, DockForm):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)


class AnkunftDock(DataPageMixin, WiringMixin, FindingsMixin, RunnerMixin, ResultsMixin, SettingsMixin, QgsDockWidget):
    """The dock widget "Ankunftsquartiere"."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("AnkunftDock")
        self.setWindowTitle(self.tr("Ankunftsquartiere"))
        self._restoring = False
        self._loading = False  # between QgsProject.cleared and the end of reading a project
        self._sharing = False
        self._told_temporary = False
        self._persist_note = ""  # why results of a saved project stayed temporary (shown after a run)
        self._persist_info = ""  # where they are kept
        self._saving = False
        self._run: _Run | None = None
        self.done: dict[str, bool] = {s.key: False for s in STEPS}
        self.results: dict[str, dict[str, str]] = {}
        self.check: fieldmatch.InputCheck | None = None
        self.matches: dict = {}
        self.roles_chosen: dict[str, list[str]] = {}  # role -> layer ids (workflow.ROLES)
        self.roles_manual: set[str] = set()  # roles the planner chose by hand (kept as they are)
        self.study_mode = "network"  # the areas of steps 3–5: inside the walking network, selected, all
        self.state: dict[str, str] = {}  # step -> "failed" / "cancelled" after the last run
        self.summaries: dict[str, str] = {}  # step -> the short summary of its last run
        self.last_results: dict[str, dict] = {}  # step -> the algorithm's outputs of its last run
        self.findings: dict[str, list[str]] = {}  # step -> warnings before a run
        self._refill_pending = False
        self._reading = False  # between the first layer of a project being read and readProject
        self._areas_fixed = False  # the areas layer was chosen (by the planner or a saved project)

        self.body = _Body()
        scroll = QgsScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        ui = self.body
        self.ui = ui
        self.setWidget(self._with_footer(scroll))
        self.setMinimumWidth(MIN_WIDTH)

        # step 1 widgets
        for combo in (ui.layerCombo, ui.idFieldCombo):  # narrow panels: the combos shrink, names stay readable
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        ui.previewLabel.setWordWrap(True)
        ui.layerCombo.setFilters(Qgis.LayerFilter.PolygonLayer)
        ui.layerCombo.setAllowEmptyLayer(True)
        ui.layerCombo.setLayer(None)
        ui.idFieldCombo.setAllowEmptyFieldName(True)
        self.role_widgets: dict[str, tuple[QgsFieldComboBox, QComboBox | None, QLabel]] = {}
        self._build_mapping_rows()

        # steps 2–6
        self.pages: dict[str, StepPage] = {}
        for step in STEPS[1:]:
            page = StepPage(step)
            page.setObjectName("step_" + step.key)
            self.pages[step.key] = page
            ui.stepsBox.addItem(page, "")
            page.runButton.clicked.connect(self._on_run_clicked)
            page.resetButton.clicked.connect(self._on_reset_clicked)
            page.changed.connect(self._on_step_changed)
            page.runButton.setVisible(False)  # the footer's run button runs the open step
            self._add_page_labels(page)
        self._build_pages()

        # signals (connected in Python only; the .ui files have no <connections>)
        ui.layerCombo.layerChanged.connect(self._on_layer_changed)
        ui.layerCombo.activated.connect(self._on_layer_activated)
        ui.idFieldCombo.fieldChanged.connect(self._on_mapping_changed)
        ui.proposeButton.clicked.connect(self.propose_fields)
        ui.methodButton.clicked.connect(self.open_method)
        ui.cancelButton.clicked.connect(self.cancel)
        project = QgsProject.instance()
        registry = QgsApplication.processingRegistry()
        self._connections = [
            (project.readProject, self._on_project_read),
            (project.projectSaved, self._on_project_saved),
            (project.cleared, self._on_project_cleared),
            (project.layersRemoved, self._on_layers_removed),
            (project.layersAdded, self._on_layers_added),
            (project.loadingLayer, self._on_loading_layer),
            (registry.providerAdded, self._on_providers_changed),
            (registry.providerRemoved, self._on_providers_changed),
        ]
        canvas = getattr(iface, "mapCanvas", None) if iface is not None else None
        if callable(canvas) and canvas() is not None:  # a selection on the map can be the study area
            self._connections.append((canvas().selectionChanged, self._on_selection_changed))
        for signal, slot in self._connections:
            signal.connect(slot)
        ui.stepsBox.currentChanged.connect(self._on_page_changed)

        self.restore_settings()
        self.update_states()

    def tr(self, text: str) -> str:
        """Translated in the dock's context, or in the context pylupdate5 gives the mixin the call
        stands in (its class name)."""
        for context in TR_CONTEXTS:
            translated = QCoreApplication.translate(context, text)
            if translated != text:
                return translated
        return text

    def step_title(self, key: str) -> str:
        return {
            "data": self.tr("1 Data and fields"),
            "classify": self.tr("2 Arrival quarters (classification)"),
            "infrastructure": self.tr("3 Social infrastructure"),
            "catchments": self.tr("4 Walking catchments"),
            "docking": self.tr("5 New docking points"),
            "strategy": self.tr("6 Strategy map"),
        }[key]

    def role_label(self, role: str) -> str:
        return {
            "id": self.tr("Area id"),
            "name": self.tr("Area name"),
            "population": self.tr("Population (inhabitants)"),
            "arrivals": self.tr("Arrivals from abroad"),
            "departures": self.tr("Departures"),
            "turnover": self.tr("Turnover (in- and out-moves)"),
            "diversity": self.tr("Foreign nationals / migration background"),
            "social": self.tr("Social context (e.g. SGB II)"),
        }.get(role, role)

    def unit_labels(self) -> list[str]:
        from ..i18n import ui_lang  # one vocabulary (core/vocabulary) for panel, toolbox and layers

        return list(vocabulary.labels("unit", ui_lang()).values())

    @staticmethod
    def algorithm(alg_id: str | None):
        if not alg_id:
            return None
        return QgsApplication.processingRegistry().algorithmById(alg_id)

    def _build_pages(self) -> None:
        for page in self.pages.values():
            alg = self.algorithm(page.alg_id)
            if alg is not None and not page.built:
                page.build(alg, self.iface)
            elif alg is None and page.built:
                page.clear()

    def _on_providers_changed(self, *_args) -> None:
        saved = {key: page.values() for key, page in self.pages.items()}
        mapping = self.mapping()
        self._restoring = True
        try:
            roles_before = tuple(self.role_widgets)
            if roles_before != self.roles():
                self._build_mapping_rows()
                self.set_mapping(mapping)
            self._build_pages()
            for key, page in self.pages.items():
                if page.built and saved.get(key):
                    page.set_values(saved[key])
        finally:
            self._restoring = False
        self.update_states()

    def step_ready(self, key: str) -> bool:
        if key == "data":
            return self.data_ready()
        step = STEPS[STEP_INDEX[key]]
        return all(self.done.get(req) or (req == "data" and self.data_ready()) for req in step.requires)

    def update_states(self) -> None:
        ui = self.ui
        running = self._run is not None
        self.done["data"] = self.data_ready()
        ui.stepsBox.setItemText(0, self._decorated_title("data"))
        for key, page in self.pages.items():
            index = STEP_INDEX[key]
            alg = self.algorithm(page.alg_id)
            ready = self.step_ready(key)
            missing = page.missing() if page.built else []
            if alg is None:
                needs = self.tr("Not available yet: the algorithm {} is not part of this version of the plugin.").format(page.alg_id)
            elif not ready:
                steps = [STEP_INDEX[r] + 1 for r in STEPS[index].requires if not self.step_ready(r) or (r != "data" and not self.done.get(r))]
                if key == "classify":
                    needs = self.tr("Needs step 1: the areas layer, the population field and at least one of arrivals, turnover or diversity.")
                else:
                    needs = self.tr("Needs the result of step {}.").format(", ".join(str(m) for m in steps))
            else:
                needs = self._needs_text(key, alg, missing)
            page.needsLabel.setText(needs)
            page.runButton.setEnabled(alg is not None and ready and not missing and not running)
            page.resetButton.setEnabled(page.built and not running)
            page.paramsWidget.setEnabled(alg is not None)
            ui.stepsBox.setItemText(index, self._decorated_title(key, available=alg is not None))
            page.resultLabel.setText(self.summaries.get(key, ""))
        self.update_findings()
        ui.cancelButton.setEnabled(running)
        ui.proposeButton.setEnabled(self.layer() is not None and not running)
        self._update_footer()

    def _decorated_title(self, key: str, available: bool = True) -> str:
        title = self.step_title(key)
        if not available:
            return self.tr("{} (not available)").format(title)
        state = self.state.get(key)
        if state == "failed":
            return self.tr("{}  ✗ failed").format(title)
        if state == "cancelled":
            return self.tr("{}  – cancelled").format(title)
        if self.done.get(key):
            return "{}  ✓".format(title)
        return title

    def _needs_text(self, key: str, alg, missing=()) -> str:
        if key == "classify":
            layer = self.layer()
            return self.tr("Uses the layer and fields of step 1 ({}).").format(layer.name() if layer else "")
        text = alg.shortDescription() or ""
        if missing:
            text = (text + " " if text else "") + self.tr("Still required: {}.").format("; ".join(p.description() for p in missing))
        return text

    # -- the fixed footer: run button, progress, cancel, status ----------------------------------
    def _with_footer(self, scroll) -> QWidget:
        """The scrolling steps above a footer that always stays visible."""
        ui = self.ui
        outer = QWidget()
        layout = QVBoxLayout(outer)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(scroll, 1)
        footer = QFrame()
        footer.setObjectName("footer")
        footer.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(footer)
        box.setContentsMargins(6, 4, 6, 4)
        row = QHBoxLayout()
        self.footerRunButton = QPushButton(self.tr("Run"))
        self.footerRunButton.setObjectName("footerRunButton")
        self.footerRunButton.clicked.connect(self._on_footer_run)
        row.addWidget(self.footerRunButton)
        row.addWidget(ui.progressBar, 1)
        row.addWidget(ui.cancelButton)
        box.addLayout(row)
        box.addWidget(ui.statusLabel)
        ui.statusLabel.setWordWrap(True)
        ui.statusLabel.setOpenExternalLinks(True)
        layout.addWidget(footer, 0)
        return outer

    def current_step(self) -> str:
        return STEPS[max(0, self.ui.stepsBox.currentIndex())].key

    def _update_footer(self) -> None:
        key = self.current_step()
        page = self.pages.get(key)
        button = self.footerRunButton
        if page is None:
            button.setText(self.tr("Step 1 needs no run"))
            button.setEnabled(False)
            return
        number = STEP_INDEX[key] + 1
        if self.findings.get(key):
            button.setText(self.tr("Run step {} anyway").format(number))
        else:
            button.setText(self.tr("Run step {}").format(number))
        button.setToolTip(tooltip(self.tr("Runs {} in the background; Cancel stops it, earlier results stay.").format(self.step_title(key))))
        button.setEnabled(page.runButton.isEnabled())

    def _on_footer_run(self) -> None:
        key = self.current_step()
        if key in self.pages:
            self.run_step(key)

    def _on_page_changed(self, *_args) -> None:
        self._update_footer()

    def _on_reset_clicked(self) -> None:
        page = self.sender().parent() if self.sender() is not None else None
        while page is not None and not isinstance(page, StepPage):
            page = page.parent()
        if page is not None:
            alg = self.algorithm(page.alg_id)
            self._restoring = True
            try:
                if alg is not None:  # built again: layer widgets cannot be emptied through their wrappers
                    page.build(alg, self.iface)
                else:
                    page.reset_defaults()
            finally:
                self._restoring = False
            self.prefill(page.step.key)
            self.save_settings()
            self.update_states()

    def _on_step_changed(self) -> None:
        sender = self.sender()
        if sender is self.pages.get("classify"):
            self.refresh_preview()
        if isinstance(sender, StepPage) and not self._restoring and not self._sharing:
            self._sharing = True
            try:
                self.share_inputs(sender)
            finally:
                self._sharing = False
        self.save_settings()
        self.update_states()

    def _on_selection_changed(self, *_args) -> None:
        if self.study_mode == "selection" and not self._loading:
            self.update_states()

    def _on_layers_added(self, layers) -> None:
        """New layers: roles still empty may now be filled (once the layers are in the tree)."""
        if self._restoring or self._loading or self._refill_pending:
            return
        self._refill_pending = True
        QTimer.singleShot(0, self.refill)

    def _on_layer_activated(self, *_args) -> None:
        self._areas_fixed = self.layer() is not None

    def refill(self) -> None:
        """Fill the areas layer and the roles that are still empty, then every step's form."""
        self._refill_pending = False
        if sip.isdeleted(self) or self._loading:
            return
        if not self._areas_fixed:  # the combo picks the first polygon layer by itself: not a choice
            areas = self.plausible_areas()
            if self.layer() not in areas:
                self.ui.layerCombo.setLayer(areas[0] if len(areas) == 1 else None)
        self.fill_roles()
        for step in STEPS[1:]:
            self.prefill(step.key)
        self.save_settings()
        self.update_states()

    def plausible_areas(self) -> list:
        """Polygon layers whose fields name a population and at least one indicator (step 1)."""
        found = []
        for layer in self.input_layers():
            if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != Qgis.GeometryType.Polygon:
                continue
            matches = fieldmatch.propose([f.name() for f in layer.fields()], roles=("population", "arrivals", "turnover", "diversity"))
            found_roles = [role for role, match in matches.items() if match is not None]
            if "population" in found_roles and len(found_roles) >= 2:
                found.append(layer)
        return found

    def set_status(self, text: str, error: bool = False) -> None:
        color = "#A04000" if error else "#202020"
        self.ui.statusLabel.setText("<span style='color:{}'>{}</span>".format(color, text if "<a " in text else html(text)))

    def open_method(self) -> bool:
        from ..processing.help import help_file

        path = help_file("method")
        if path is None:
            self.set_status(self.tr("The method page is missing from this installation."), error=True)
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def cleanup(self) -> None:
        """Cancel a running step and disconnect from the project and the registry (before deletion)."""
        if self._run is not None:
            self.cancel()
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        for page in self.pages.values():
            page.clear()

    def deleteLater(self):  # noqa: N802 (Qt API) - plugin.unload() calls it
        self.cleanup()
        super().deleteLater()



