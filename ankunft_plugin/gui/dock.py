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

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsFieldProxyModel,
    QgsMapLayer,
    QgsMapLayerStyle,
    QgsMessageLog,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsDockWidget,
    QgsFieldComboBox,
    QgsGui,
    QgsProcessingContextGenerator,
    QgsProcessingGui,
    QgsProcessingParameterWidgetContext,
    QgsScrollArea,
)
from qgis.PyQt import sip, uic
from qgis.PyQt.QtCore import QCoreApplication, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QComboBox, QLabel, QTableWidgetItem, QWidget

from ..__about__ import RESOURCES_DIR
from ..core import fieldmatch, vocabulary
from ..core.values import parse_numbers

UI_DIR = RESOURCES_DIR / "ui"
DockForm, _DockBase = uic.loadUiType(str(UI_DIR / "ankunft_dock.ui"))
StepForm, _StepBase = uic.loadUiType(str(UI_DIR / "step_page.ui"))

GROUP_NAME = "Ankunftsquartiere"  # the layer group (a German proper name in every language)
SCOPE = "ankunft"  # project settings scope
LOG_TAG = "Ankunft"
PREVIEW_ROWS = 8
CHECK_MAX_FEATURES = 200_000
RESULTS_SUFFIX = "_ankunft.gpkg"  # results of a saved project: <project name>_ankunft.gpkg beside it
RESULT_PROPERTY = "ankunft/result"  # custom property of a result layer: "<step>/<output>"

# role -> (field parameter, unit parameter) of the classification algorithm
ROLE_PARAMS = {
    "population": ("POPULATION_FIELD", None),
    "arrivals": ("ARRIVALS_FIELD", "ARRIVALS_UNIT"),
    "departures": ("DEPARTURES_FIELD", "DEPARTURES_UNIT"),
    "turnover": ("TURNOVER_FIELD", "TURNOVER_UNIT"),
    "diversity": ("DIVERSITY_FIELD", "DIVERSITY_UNIT"),
    "social": ("SOCIAL_FIELD", "SOCIAL_UNIT"),
}
DEFAULT_ROLES = ("population", "arrivals", "turnover", "diversity", "social")
MAPPED_PARAMS = frozenset({"INPUT", "ID_FIELD", "NAME_FIELD"} | {p for pair in ROLE_PARAMS.values() for p in pair if p})
# layer parameters of later steps filled with a result of an earlier step: (step, output)
RESULT_INPUTS = {
    "AREAS": ("classify", "OUTPUT"),
    "QUARTERS": ("classify", "OUTPUT"),
    "CLASSIFIED": ("classify", "OUTPUT"),
    "DEMAND": ("classify", "OUTPUT"),
    "POPULATION": ("classify", "OUTPUT"),
    "INFRASTRUCTURE": ("infrastructure", "OUTPUT"),
    "FACILITIES": ("infrastructure", "OUTPUT_FACILITIES"),
    "CATCHMENTS": ("catchments", "OUTPUT"),
    "CATCHMENT_AREAS": ("catchments", "OUTPUT_AREAS"),
    "SUGGESTED": ("docking", "OUTPUT"),
}
# optional outputs that are off by default but feed a later step: created when the step's input
# (the value) is filled, e.g. the walking catchments' population areas for the strategy map
EXTRA_OUTPUTS = {"OUTPUT_AREAS": "POPULATION"}
# field parameters of later steps set to a field of the prefilled layer when it has that field
RESULT_FIELDS = {"CATEGORY_FIELD": "category"}
# field parameters of later steps filled from the mapping of step 1 (role), when their layer has the field
FIELD_ROLES = {"POPULATION_FIELD": "population", "AREA_ID_FIELD": "id", "ARRIVALS_FIELD": "arrivals"}
LAYER_TYPES = ("source", "vector", "layer", "raster", "multilayer")
LAYER_DESTINATIONS = (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterRasterDestination,
)


@dataclass(frozen=True)
class Step:
    key: str
    alg_id: str | None
    requires: tuple[str, ...] = ()


STEPS = (
    Step("data", None),
    Step("classify", "ankunft:classifyarrivalquarters", ("data",)),
    Step("infrastructure", "ankunft:infrastructureoverlay", ("classify",)),
    Step("catchments", "ankunft:walkingcatchments", ("classify",)),
    Step("docking", "ankunft:suggestdockingpoints", ("classify",)),
    Step("strategy", "ankunft:strategymap", ("classify",)),
)
STEP_INDEX = {s.key: i for i, s in enumerate(STEPS)}


def json_value(value):
    """A parameter value as something JSON can store (layers by id); None when it cannot."""
    if value is None:
        return None
    if isinstance(value, QgsMapLayer):
        return value.id()
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        return value.source.staticValue()
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        items = [json_value(v) for v in value]
        return [v for v in items if v is not None]
    return None


class _Feedback(QgsProcessingFeedback):
    """Keeps the error messages of a run, to show the last one in the panel."""

    def __init__(self):
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
        self.errors.append(str(error))
        super().reportError(error, fatalError)


@dataclass
class _Run:
    key: str
    alg: QgsProcessingAlgorithm
    task: QgsProcessingAlgRunnerTask | None
    context: QgsProcessingContext
    feedback: _Feedback
    parameters: dict = field(default_factory=dict)


# Runs whose task may still use its context and feedback (raw pointers in C++): kept alive here
# until the task manager has deleted the task, also when the dock goes away mid-run.
_KEEP_RUNS: list[_Run] = []


def _keep_alive(run: _Run) -> None:
    _KEEP_RUNS[:] = [r for r in _KEEP_RUNS if r.task is not None and not sip.isdeleted(r.task)]
    if run.task is not None and not sip.isdeleted(run.task):
        _KEEP_RUNS.append(run)


class _ContextGenerator(QgsProcessingContextGenerator):
    """Gives the widget wrappers a context with the project, so layer ids resolve (field lists)."""

    def __init__(self, context: QgsProcessingContext):
        super().__init__()
        self._context = context

    def processingContext(self):  # noqa: N802 (QGIS API)
        return self._context


class _Body(QWidget, DockForm):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)


class StepPage(QWidget, StepForm):
    """One algorithm step: a form built from the algorithm's parameters, a run button."""

    changed = pyqtSignal()

    def __init__(self, step: Step, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.step = step
        self.alg_id = step.alg_id
        self.built = False
        self.params: list[QgsProcessingParameterDefinition] = []  # clones, owned here
        self.wrappers: dict = {}
        self.destinations: list[QgsProcessingParameterDefinition] = []
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.widget_context = QgsProcessingParameterWidgetContext()
        self.widget_context.setProject(QgsProject.instance())
        self.context_generator = _ContextGenerator(self.context)
        self.advancedGroup.setVisible(False)

    def build(self, alg: QgsProcessingAlgorithm, iface=None) -> None:
        """Create one widget per parameter (skipping what step 1 maps and layer outputs)."""
        self.clear()
        if iface is not None:
            try:
                self.widget_context.setMapCanvas(iface.mapCanvas())
            except (AttributeError, TypeError):
                pass
        registry = QgsGui.processingGuiRegistry()
        has_advanced = False
        for original in alg.parameterDefinitions():
            flags = original.flags()
            if flags & Qgis.ProcessingParameterFlag.Hidden:
                continue
            if self.step.key == "classify" and original.name() in MAPPED_PARAMS:
                continue
            param = original.clone()
            self.params.append(param)
            if isinstance(param, LAYER_DESTINATIONS):
                self.destinations.append(param)
                continue
            wrapper = registry.createParameterWidgetWrapper(param, QgsProcessingGui.WidgetType.Standard)
            if wrapper is None:  # a parameter type without a standard widget: its default is used
                continue
            wrapper.setWidgetContext(self.widget_context)
            wrapper.registerProcessingContextGenerator(self.context_generator)
            widget = wrapper.createWrappedWidget(self.context)
            label = wrapper.createWrappedLabel()
            if widget is None:
                continue
            widget.setToolTip(param.help() or param.description())
            advanced = bool(flags & Qgis.ProcessingParameterFlag.Advanced)
            form = self.advancedForm if advanced else self.paramsForm
            has_advanced = has_advanced or advanced
            if label is not None:
                label.setToolTip(param.help() or param.description())
                form.addRow(label, widget)
            else:
                form.addRow(widget)
            wrapper.widgetValueHasChanged.connect(self._on_wrapper_changed)
            self.wrappers[param.name()] = wrapper
        wrappers = list(self.wrappers.values())
        for wrapper in wrappers:
            wrapper.postInitialize(wrappers)
        self.advancedGroup.setVisible(has_advanced)
        self.built = True

    def clear(self) -> None:
        for form in (self.paramsForm, self.advancedForm):
            while form.rowCount():
                form.removeRow(0)
        self.wrappers = {}
        self.params = []
        self.destinations = []
        self.built = False

    def _on_wrapper_changed(self, *_args) -> None:
        self.changed.emit()

    # -- values ---------------------------------------------------------------------------------
    def value(self, name: str, default=None):
        wrapper = self.wrappers.get(name)
        if wrapper is None:
            return default
        value = wrapper.parameterValue()
        return default if value is None else value

    def values(self) -> dict:
        """The widget values that can be stored in the project (layers by id)."""
        stored = {}
        for name, wrapper in self.wrappers.items():
            value = json_value(wrapper.parameterValue())
            if value is not None:
                stored[name] = value
        return stored

    def set_values(self, values: dict) -> None:
        for name, value in values.items():
            wrapper = self.wrappers.get(name)
            if wrapper is not None and value is not None:
                try:
                    wrapper.setParameterValue(value, self.context)
                except Exception as err:  # noqa: BLE001 - a stale setting must not break the panel
                    QgsMessageLog.logMessage("{}: {}".format(name, err), LOG_TAG, Qgis.MessageLevel.Warning)

    def reset_defaults(self) -> None:
        for param in self.params:
            wrapper = self.wrappers.get(param.name())
            if wrapper is not None:
                try:
                    wrapper.setParameterValue(param.defaultValueForGui(), self.context)
                except Exception as err:  # noqa: BLE001 - one widget that refuses its default must not break the panel
                    QgsMessageLog.logMessage("{}: {}".format(param.name(), err), LOG_TAG, Qgis.MessageLevel.Warning)

    def parameters(self) -> dict:
        """Parameter values for a run; layer outputs go to temporary layers loaded into the project."""
        params = {}
        for name, wrapper in self.wrappers.items():
            value = wrapper.parameterValue()
            if value is not None:
                params[name] = value
        for param in self.params:  # file and folder outputs left empty: a temporary file
            optional = bool(param.flags() & Qgis.ProcessingParameterFlag.Optional)
            if param.isDestination() and param.name() in self.wrappers and params.get(param.name()) in (None, "") and not optional:
                params[param.name()] = QgsProcessing.TEMPORARY_OUTPUT
        for dest in self.destinations:
            wanted_by = EXTRA_OUTPUTS.get(dest.name())
            if not dest.createByDefault() and (wanted_by is None or wanted_by not in self.wrappers or self.is_empty(wanted_by)):
                continue  # optional extra outputs stay off unless a later step uses them
            out = QgsProcessingOutputLayerDefinition(QgsProcessing.TEMPORARY_OUTPUT, QgsProject.instance())
            out.destinationName = dest.description()
            params[dest.name()] = out
        return params

    def layer_params(self) -> list[QgsProcessingParameterDefinition]:
        return [p for p in self.params if p.name() in self.wrappers and p.type() in LAYER_TYPES]

    def is_empty(self, name: str) -> bool:
        value = json_value(self.value(name, None))  # QVariant NULL → None
        return value is None or value == "" or value == []


class AnkunftDock(QgsDockWidget):
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

        self.body = _Body()
        scroll = QgsScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.setWidget(scroll)
        ui = self.body
        self.ui = ui

        # step 1 widgets
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
        self._build_pages()

        # signals (connected in Python only; the .ui files have no <connections>)
        ui.layerCombo.layerChanged.connect(self._on_layer_changed)
        ui.idFieldCombo.fieldChanged.connect(self._on_mapping_changed)
        ui.proposeButton.clicked.connect(self.propose_fields)
        ui.methodButton.clicked.connect(self.open_method)
        ui.cancelButton.clicked.connect(self.cancel)
        project = QgsProject.instance()
        project.readProject.connect(self._on_project_read)
        project.projectSaved.connect(self._on_project_saved)
        project.cleared.connect(self._on_project_cleared)
        project.layersRemoved.connect(self._on_layers_removed)
        registry = QgsApplication.processingRegistry()
        registry.providerAdded.connect(self._on_providers_changed)
        registry.providerRemoved.connect(self._on_providers_changed)

        self.restore_settings()
        self.update_states()

    # -- i18n -----------------------------------------------------------------------------------
    def tr(self, text: str) -> str:
        return QCoreApplication.translate("AnkunftDock", text)

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

    # -- algorithms -----------------------------------------------------------------------------
    @staticmethod
    def algorithm(alg_id: str | None):
        if not alg_id:
            return None
        return QgsApplication.processingRegistry().algorithmById(alg_id)

    def _classify_param(self, name: str):
        alg = self.algorithm(STEPS[1].alg_id)
        return alg.parameterDefinition(name) if alg is not None else None

    def roles(self) -> tuple[str, ...]:
        """The roles to map: those the classification algorithm has parameters for."""
        alg = self.algorithm(STEPS[1].alg_id)
        if alg is None:
            return DEFAULT_ROLES
        return tuple(r for r, (p, _u) in ROLE_PARAMS.items() if alg.parameterDefinition(p) is not None)

    def _build_mapping_rows(self) -> None:
        grid = self.ui.mappingGrid
        for combo, unit, hint in self.role_widgets.values():
            for widget in (combo, unit, hint):
                if widget is not None:
                    grid.removeWidget(widget)
                    widget.deleteLater()
        for i in reversed(range(grid.count())):
            item = grid.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.ui.mappingHeaderField:
                grid.removeWidget(widget)
                widget.deleteLater()
        self.role_widgets = {}
        grid.addWidget(self.ui.mappingHeaderField, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        header_unit = QLabel(self.tr("Unit"))
        grid.addWidget(header_unit, 0, 2)
        layer = self.layer()
        for row, role in enumerate(self.roles(), start=1):
            label = QLabel(self.role_label(role))
            label.setWordWrap(True)
            combo = QgsFieldComboBox()
            combo.setObjectName("field_" + role)
            combo.setAllowEmptyFieldName(True)
            param = self._classify_param(ROLE_PARAMS[role][0])
            if isinstance(param, QgsProcessingParameterField) and param.dataType() == Qgis.ProcessingFieldParameterDataType.Numeric:
                combo.setFilters(QgsFieldProxyModel.Filter.Numeric)
            if param is not None:
                combo.setToolTip(param.help() or param.description())
                optional = bool(param.flags() & Qgis.ProcessingParameterFlag.Optional)
                if not optional:
                    label.setText(label.text() + " *")
            combo.setLayer(layer)
            unit = None
            if ROLE_PARAMS[role][1]:
                unit = QComboBox()
                unit.setObjectName("unit_" + role)
                unit.addItems(self.unit_labels())  # codes 0 count, 1 percent, 2 per 1000 (as the algorithm)
                unit_param = self._classify_param(ROLE_PARAMS[role][1])
                if unit_param is not None:
                    unit.setToolTip(unit_param.help() or unit_param.description())
                unit.currentIndexChanged.connect(self._on_mapping_changed)
            hint = QLabel("")
            hint.setObjectName("hint_" + role)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            if unit is not None:
                grid.addWidget(unit, row, 2)
            grid.addWidget(hint, row, 3)
            combo.fieldChanged.connect(self._on_mapping_changed)
            self.role_widgets[role] = (combo, unit, hint)
            setattr(self, "_label_" + role, label)

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

    # -- step 1: data and fields ----------------------------------------------------------------
    def layer(self) -> QgsVectorLayer | None:
        layer = self.ui.layerCombo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None

    def set_layer(self, layer) -> None:
        self.ui.layerCombo.setLayer(layer)

    def mapping(self) -> dict:
        """{"layer": id, "id": field, "fields": {role: field}, "units": {role: code}}."""
        layer = self.layer()
        return {
            "layer": layer.id() if layer is not None else "",
            "id": self.ui.idFieldCombo.currentField(),
            "fields": {role: combo.currentField() for role, (combo, _u, _h) in self.role_widgets.items()},
            "units": {role: unit.currentIndex() for role, (_c, unit, _h) in self.role_widgets.items() if unit is not None},
        }

    def set_mapping(self, mapping: dict) -> None:
        self.ui.idFieldCombo.setField(mapping.get("id", "") or "")
        for role, (combo, unit, _hint) in self.role_widgets.items():
            combo.setField((mapping.get("fields") or {}).get(role, "") or "")
            code = (mapping.get("units") or {}).get(role)
            if unit is not None and code is not None and 0 <= int(code) < unit.count():
                unit.setCurrentIndex(int(code))

    def _on_layer_changed(self, layer) -> None:
        self.ui.idFieldCombo.setLayer(self.layer())
        for combo, _unit, _hint in self.role_widgets.values():
            combo.setLayer(self.layer())
        if not self._restoring:
            self.propose_fields()
        self._on_mapping_changed()

    def propose_fields(self) -> None:
        """Pre-select the fields by their names (fieldmatch) and guess the units from names and values."""
        layer = self.layer()
        self.matches = {}
        for _combo, _unit, hint in self.role_widgets.values():
            hint.setText("")
        if layer is None:
            return
        fields = layer.fields()
        names = [f.name() for f in fields]
        types = {f.name(): ("numeric" if f.isNumeric() else "text") for f in fields}
        samples: dict[str, list] = {name: [] for name in names}
        request = QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry).setLimit(50)
        for feature in layer.getFeatures(request):
            for name in names:
                samples[name].append(feature[name])
        strict = any(combo.filters() == QgsFieldProxyModel.Filter.Numeric for combo, _u, _h in self.role_widgets.values())
        roles = ("id", *self.role_widgets)
        matches = fieldmatch.propose(names, types=types, roles=roles, samples=samples, strict=strict)
        self.matches = matches
        blocked = self._restoring
        self._restoring = True
        try:
            id_match = matches.get("id")
            self.ui.idFieldCombo.setField(id_match.field if id_match else "")
            for role, (combo, unit, hint) in self.role_widgets.items():
                match = matches.get(role)
                combo.setField(match.field if match else "")
                if match is not None:
                    hint.setText("✓")
                    hint.setToolTip(self.tr("Proposed from the field name (match {} %)").format(round(match.score * 100)))
                    if unit is not None:
                        unit.setCurrentIndex(match.unit)
        finally:
            self._restoring = blocked
        self._on_mapping_changed()

    def _on_mapping_changed(self, *_args) -> None:
        self.refresh_preview()
        self.save_settings()
        self.update_states()

    def _step_value(self, key: str, name: str, default):
        page = self.pages.get(key)
        value = page.value(name, None) if page is not None else None
        try:
            return float(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    def refresh_preview(self) -> None:
        """Preview of the first areas with the computed rates, and the warnings before a run."""
        ui = self.ui
        table = ui.previewTable
        table.clear()
        table.setRowCount(0)
        table.setColumnCount(0)
        layer = self.layer()
        self.check = None
        if layer is None:
            ui.warningsLabel.setText(self.tr("Choose or load a polygon layer with the areas."))
            return
        if not any(f.isNumeric() for f in layer.fields()):
            numeric_note = self.tr("The layer has no numeric fields. Statistics stored as text are read where possible (German number format too); placeholders such as '.', '-' or 'x' never become numbers. Join the statistics to the areas first if they are in a separate table.")
        else:
            numeric_note = ""
        mapping = self.mapping()
        fields = mapping["fields"]
        units = mapping["units"]
        pop_field = fields.get("population") or ""
        indicators = [r for r in self.role_widgets if r != "population" and fields.get(r)]
        columns = []
        if mapping["id"]:
            columns.append((self.tr("Id"), mapping["id"], None))
        if pop_field:
            columns.append((self.role_label("population"), pop_field, None))
        for role in indicators:
            columns.append((self.tr("{} (per 1000)").format(self.role_label(role)), fields[role], role))
        wanted = [c[1] for c in columns]
        lookup = {name: layer.fields().lookupField(name) for name in set(wanted)}
        if any(index < 0 for index in lookup.values()):
            ui.warningsLabel.setText(self.tr("A chosen field is not in the layer any more; choose the fields again."))
            return
        # read the needed columns of all features once (no geometry)
        request = QgsFeatureRequest().setFlags(Qgis.FeatureRequestFlag.NoGeometry)
        request.setSubsetOfAttributes(list(lookup.values()))
        request.setLimit(CHECK_MAX_FEATURES)
        data: dict[str, list] = {name: [] for name in lookup}
        for feature in layer.getFeatures(request):
            for name, index in lookup.items():
                data[name].append(feature.attribute(index))
        population = data.get(pop_field, [])
        rates = {}
        for role in indicators:
            rates[role] = fieldmatch.to_per_1000(data[fields[role]], units.get(role, 0), population if pop_field else None)
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels([c[0] for c in columns])
        n = min(PREVIEW_ROWS, len(next(iter(data.values()), [])))
        table.setRowCount(n)
        for col, (_title, name, role) in enumerate(columns):
            raw, _problems = parse_numbers(data[name][:n]) if role is not None or name == pop_field else (None, None)
            for row in range(n):
                value = data[name][row]
                if role is None:
                    text = "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)
                else:
                    rate = rates[role][row]
                    raw_text = "{:g}".format(raw[row]) if raw is not None and raw[row] == raw[row] else str(value)
                    rate_text = "{:.1f}".format(rate) if rate == rate else "–"
                    text = "{} → {}".format(raw_text, rate_text)
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()

        lines = [numeric_note] if numeric_note else []
        if not pop_field:
            lines.append(self.tr("Choose the population field: rates are computed with it."))
        else:
            min_population = self._step_value("classify", "MIN_POPULATION", 300.0)
            suppress_below = self._step_value("classify", "SUPPRESS_BELOW", 3.0)
            check = fieldmatch.check_inputs(
                population, {r: (data[fields[r]], units.get(r, 0)) for r in indicators}, min_population, suppress_below
            )
            self.check = check
            if check.population_missing:
                lines.append(self.tr("Areas without a population value (empty or a placeholder): {n} of {total}; they get the class 'insufficient data'.").format(n=check.population_missing, total=check.rows))
            if check.small_population:
                lines.append(self.tr("Areas with fewer than {min} inhabitants: {n} of {total}; their rates are unreliable, they get 'insufficient data'.").format(n=check.small_population, total=check.rows, min="{:g}".format(min_population)))
            for role in indicators:
                name = self.role_label(role)
                if check.placeholders.get(role):
                    lines.append(self.tr("{field} – suppressed or missing values ('.', '-', 'x', empty): {n}; they never count as 0.").format(field=name, n=check.placeholders[role]))
                if check.small_counts.get(role):
                    lines.append(self.tr("{field} – counts below {t}: {n}; left empty in the results (statistical confidentiality).").format(field=name, n=check.small_counts[role], t="{:g}".format(suppress_below)))
                if check.negative.get(role):
                    lines.append(self.tr("{field} – negative values (net figures such as population growth): {n}; they rank low.").format(field=name, n=check.negative[role]))
                if check.implausible.get(role):
                    lines.append(self.tr("{field} – rates above 1000 per 1000 inhabitants: {n}; check the unit.").format(field=name, n=check.implausible[role]))
            if not check.has_warnings() and not numeric_note:
                lines.append(self.tr("✓ {n} areas, no gaps found.").format(n=check.rows))
        style = "color:#A04000" if any(not ln.startswith("✓") for ln in lines) else "color:#006040"
        ui.warningsLabel.setText("<span style='{}'>{}</span>".format(style, "<br>".join(_html(ln) for ln in lines)))

    def data_ready(self) -> bool:
        mapping = self.mapping()
        fields = mapping["fields"]
        if not mapping["layer"] or not fields.get("population"):
            return False
        return any(fields.get(r) for r in self.role_widgets if r not in ("population", "social"))

    # -- steps ----------------------------------------------------------------------------------
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
            if alg is None:
                needs = self.tr("Not available yet: the algorithm {} is not part of this version of the plugin.").format(page.alg_id)
            elif not ready:
                missing = [STEP_INDEX[r] + 1 for r in STEPS[index].requires if not self.step_ready(r) or (r != "data" and not self.done.get(r))]
                if key == "classify":
                    needs = self.tr("Needs step 1: the areas layer, the population field and at least one of arrivals, turnover or diversity.")
                else:
                    needs = self.tr("Needs the result of step {}.").format(", ".join(str(m) for m in missing))
            else:
                needs = self._needs_text(key, alg)
            page.needsLabel.setText(needs)
            page.runButton.setEnabled(alg is not None and ready and not running)
            page.resetButton.setEnabled(page.built and not running)
            page.paramsWidget.setEnabled(alg is not None)
            ui.stepsBox.setItemText(index, self._decorated_title(key, available=alg is not None))
        ui.cancelButton.setEnabled(running)
        ui.proposeButton.setEnabled(self.layer() is not None and not running)

    def _decorated_title(self, key: str, available: bool = True) -> str:
        title = self.step_title(key)
        if not available:
            return self.tr("{} (not available)").format(title)
        if self.done.get(key):
            return "{}  ✓".format(title)
        return title

    def _needs_text(self, key: str, alg) -> str:
        if key == "classify":
            layer = self.layer()
            return self.tr("Uses the layer and fields of step 1 ({}).").format(layer.name() if layer else "")
        page = self.pages[key]
        required = [
            p.description()
            for p in page.layer_params()
            if not (p.flags() & Qgis.ProcessingParameterFlag.Optional) and page.is_empty(p.name())
        ]
        text = alg.shortDescription() or ""
        if required:
            text = (text + " " if text else "") + self.tr("Still needed: {}.").format("; ".join(required))
        return text

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

    def prefill(self, key: str) -> None:
        """Fill this step's inputs from earlier steps: the classified areas, the other steps' main
        results (RESULT_INPUTS), and the fields of step 1 (FIELD_ROLES) where the layer has them."""
        page = self.pages[key]
        if not page.built:
            return
        project = QgsProject.instance()
        filled = set()
        for param in page.layer_params():
            source_step, output = RESULT_INPUTS.get(param.name(), (None, None))
            if source_step is None or STEP_INDEX[source_step] >= STEP_INDEX[key]:
                continue
            layer_id = self.main_result(source_step, output)
            if layer_id is not None:
                page.set_values({param.name(): [layer_id] if param.type() == "multilayer" else layer_id})
                filled.add(param.name())
        for name, field_name in RESULT_FIELDS.items():
            param = next((p for p in page.params if p.name() == name), None)
            parent = getattr(param, "parentLayerParameterName", lambda: "")() if param is not None else ""
            layer = project.mapLayer(str(json_value(page.value(parent, None)) or "")) if parent in filled else None
            if isinstance(layer, QgsVectorLayer) and layer.fields().lookupField(field_name) >= 0:
                page.set_values({name: field_name})
        mapping = self.mapping()
        roles = {"id": mapping["id"], **mapping["fields"]}
        for name, role in FIELD_ROLES.items():
            param = next((p for p in page.params if p.name() == name), None)
            field_name = roles.get(role)
            if param is None or not field_name:
                continue
            parent = param.parentLayerParameterName() if hasattr(param, "parentLayerParameterName") else ""
            # a field of a layer filled just now follows step 1 (the combo may have picked the first field)
            if parent not in filled and not page.is_empty(name):
                continue
            parent_value = json_value(page.value(parent, None)) if parent else None
            if isinstance(parent_value, list):
                parent_value = parent_value[0] if parent_value else None
            layer = project.mapLayer(str(parent_value or ""))
            if isinstance(layer, QgsVectorLayer) and layer.fields().lookupField(field_name) >= 0:
                page.set_values({name: field_name})

    def share_inputs(self, source: StepPage) -> None:
        """A layer chosen in one step (e.g. the walking NETWORK) fills the same empty input of the others."""
        for param in source.layer_params():
            value = source.value(param.name(), None)
            if value in (None, "", []):
                continue
            for page in self.pages.values():
                if page is source or not page.built:
                    continue
                other = next((p for p in page.layer_params() if p.name() == param.name()), None)
                if other is not None and other.type() == param.type() and page.is_empty(param.name()):
                    page.set_values({param.name(): json_value(value)})

    def classify_parameters(self) -> dict:
        """Step 2's parameters: the mapping of step 1 plus the form of step 2."""
        page = self.pages["classify"]
        alg = self.algorithm(page.alg_id)
        params = page.parameters()
        mapping = self.mapping()
        layer = self.layer()
        if layer is not None:
            params["INPUT"] = layer.id()
        if mapping["id"]:
            params["ID_FIELD"] = mapping["id"]
        for role, (field_param, unit_param) in ROLE_PARAMS.items():
            name = mapping["fields"].get(role)
            if name and alg is not None and alg.parameterDefinition(field_param) is not None:
                params[field_param] = name
                if unit_param and role in mapping["units"] and alg.parameterDefinition(unit_param) is not None:
                    params[unit_param] = mapping["units"][role]
        return params

    def _on_run_clicked(self) -> None:
        page = self.sender().parent() if self.sender() is not None else None
        while page is not None and not isinstance(page, StepPage):
            page = page.parent()
        if page is not None:
            self.run_step(page.step.key)

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

    def run_step(self, key: str) -> bool:
        """Start a step as a background task. Returns False (with a message) when it cannot start."""
        if self._run is not None:
            self.set_status(self.tr("Another step is still running."), error=True)
            return False
        page = self.pages[key]
        alg = self.algorithm(page.alg_id)
        if alg is None:
            self.set_status(self.tr("The algorithm {} is not available.").format(page.alg_id), error=True)
            return False
        if not self.step_ready(key):
            self.set_status(page.needsLabel.text(), error=True)
            return False
        params = self.classify_parameters() if key == "classify" else page.parameters()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = _Feedback()
        ok, message = alg.checkParameterValues(params, context)
        if not ok:
            self.set_status(message, error=True)
            return False
        self.ui.progressBar.setValue(0)
        self.set_status(self.tr("Running: {} …").format(alg.displayName()))
        QgsMessageLog.logMessage("{} {}".format(alg.id(), {k: str(v) for k, v in params.items()}), LOG_TAG, Qgis.MessageLevel.Info)
        if alg.flags() & Qgis.ProcessingAlgorithmFlag.NoThreading:
            self._run = _Run(key, alg, None, context, feedback, params)
            self.update_states()
            try:
                results, ok = alg.create().run(params, context, feedback)
            except Exception as err:  # noqa: BLE001 - shown in the panel
                feedback.errors.append(str(err))
                results, ok = {}, False
            self._on_executed(ok, results or {})
            return True
        task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
        self._run = _Run(key, alg, task, context, feedback, params)
        if task.isCanceled():  # prepare() failed; the reason is in the feedback
            self._on_executed(False, {})
            return False
        task.executed.connect(self._on_executed)
        task.progressChanged.connect(self._on_progress)
        self.update_states()
        QgsApplication.taskManager().addTask(task)
        return True

    def is_running(self) -> bool:
        return self._run is not None

    def cancel(self) -> None:
        run = self._run
        if run is None:
            return
        self.set_status(self.tr("Cancelling …"))
        run.feedback.cancel()
        if run.task is not None:
            run.task.cancel()

    def _on_progress(self, value: float) -> None:
        self.ui.progressBar.setValue(int(value))

    def _on_executed(self, ok: bool, results: dict) -> None:
        run = self._run
        if run is None:
            return
        self._run = None
        _keep_alive(run)
        page = self.pages[run.key]
        if ok and not run.feedback.isCanceled():
            self._persist_note = self._persist_info = ""
            loaded = self.load_results(run)
            self.results[run.key] = {name: layer.id() for name, layer in loaded}
            self.done[run.key] = True
            names = ", ".join(layer.name() for _n, layer in loaded)
            files = [str(v) for k, v in results.items() if isinstance(v, str) and v.lower().endswith((".pdf", ".png", ".html", ".csv", ".svg"))]
            text = self.tr("Done: {} added to the group “{}”.").format(names or "–", GROUP_NAME)
            if files:
                links = " ".join("<a href='{}'>{}</a>".format(QUrl.fromLocalFile(f).toString(), _html(f.rsplit("/", 1)[-1])) for f in files)
                text += " " + self.tr("Files: {}").format(links)
            if self._persist_note or self._persist_info:
                text += " " + _html(self._persist_note or self._persist_info)
            page.resultLabel.setText(text)
            self.set_status(text, error=bool(self._persist_note))
            self.ui.progressBar.setValue(100)
            for later in STEPS[STEP_INDEX[run.key] + 1 :]:
                self.prefill(later.key)
            next_index = STEP_INDEX[run.key] + 1
            if next_index < len(STEPS) and self.algorithm(STEPS[next_index].alg_id) is not None:
                self.ui.stepsBox.setCurrentIndex(next_index)
        elif run.feedback.isCanceled():
            self.set_status(self.tr("Cancelled: {}.").format(run.alg.displayName()))
            self.ui.progressBar.setValue(0)
        else:
            reason = run.feedback.errors[-1] if run.feedback.errors else self.tr("see the log (View ▸ Panels ▸ Log Messages, tab Ankunft)")
            text = self.tr("{} failed: {}").format(run.alg.displayName(), reason)
            page.resultLabel.setText(_html(text))
            self.set_status(text, error=True)
            self.ui.progressBar.setValue(0)
            QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Warning)
        self.save_settings()
        self.update_states()

    def results_group(self):
        root = QgsProject.instance().layerTreeRoot()
        group = root.findGroup(GROUP_NAME)
        if group is None:
            group = root.insertGroup(0, GROUP_NAME)
            group.setExpanded(True)
        return group

    def load_results(self, run: _Run) -> list[tuple[str, QgsMapLayer]]:
        """Add the run's output layers to the project inside the group, styled by their post-processors."""
        context = run.context
        project = QgsProject.instance()
        loaded: list[tuple[str, QgsMapLayer]] = []
        out_names = {}
        for name, value in run.parameters.items():
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                out_names[name] = value
        to_post_process = []
        for dest_id, details in context.layersToLoadOnCompletion().items():
            layer = QgsProcessingUtils.mapLayerFromString(dest_id, context, typeHint=details.layerTypeHint)
            if layer is None:
                continue
            details.setOutputLayerName(layer)
            owned = context.temporaryLayerStore().takeMapLayer(layer)
            target = owned or layer
            group = self.results_group()
            if project.mapLayer(target.id()) is None:
                project.addMapLayer(target, False)
            group.insertLayer(0, target)
            if details.postProcessor() is not None:
                to_post_process.append((target, details))
            output_name = details.outputName or dest_id
            loaded.append((output_name, target))
        for layer, details in to_post_process:
            try:
                details.postProcessor().postProcessLayer(layer, context, run.feedback)
            except Exception as err:  # noqa: BLE001 - a style problem must not lose the result
                QgsMessageLog.logMessage("style: {}".format(err), LOG_TAG, Qgis.MessageLevel.Warning)
        for _name, layer in loaded:
            layer.setCustomProperty(RESULT_PROPERTY, "{}/{}".format(run.key, _name))
        loaded = self.persist_results(run.key, loaded)
        if loaded and self.iface is not None:
            try:
                self.iface.setActiveLayer(loaded[0][1])
            except (AttributeError, TypeError):
                pass
        return loaded

    # -- results of a saved project: a GeoPackage beside it -------------------------------------
    @staticmethod
    def results_file() -> Path | None:
        """``<project name>_ankunft.gpkg`` beside the project file; None while the project is not
        saved as a file (new, or stored in a database)."""
        project = QgsProject.instance()
        name = project.fileName()
        if not name or project.projectStorage() is not None:
            return None
        path = Path(name)
        return path.with_name(path.stem + RESULTS_SUFFIX)

    @staticmethod
    def layer_file(layer: QgsMapLayer) -> Path | None:
        """The file a layer reads from (None for memory and database layers)."""
        try:
            parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        except Exception:  # noqa: BLE001
            return None
        path = parts.get("path") if parts else None
        return Path(os.path.abspath(path)) if path else None

    def _is_result_layer(self, layer: QgsMapLayer) -> bool:
        return bool(layer.customProperty(RESULT_PROPERTY, "")) or any(layer.id() in v.values() for v in self.results.values())

    def _tell_temporary(self) -> None:
        """Once per project: results of an unsaved project are temporary layers."""
        if self._told_temporary:
            return
        self._told_temporary = True
        text = self.tr("The results are temporary layers until the project is saved. When you save the project, the panel writes them into a GeoPackage beside the project file, so the project reopens with them.")
        bar = None
        try:
            bar = self.iface.messageBar() if self.iface is not None else None
        except (AttributeError, TypeError):
            bar = None
        if bar is not None:
            bar.pushMessage(self.tr("Ankunftsquartiere"), text, Qgis.MessageLevel.Info, 15)
        QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Info)

    def persist_results(self, key: str, loaded: list[tuple[str, QgsMapLayer]]) -> list[tuple[str, QgsMapLayer]]:
        """Write a step's temporary vector results into the project's GeoPackage (one layer per
        result, ``<step>_<output>``, replacing that step's earlier layers there) and put the
        GeoPackage layers, with the same style, in their place. Unsaved project: unchanged."""
        temporary = [(n, lyr) for n, lyr in loaded if isinstance(lyr, QgsVectorLayer) and lyr.providerType() == "memory"]
        if not temporary:
            return loaded
        path = self.results_file()
        if path is None:
            self._tell_temporary()
            return loaded
        project = QgsProject.instance()
        target = Path(os.path.abspath(str(path)))
        # never write into a file the project reads as input
        for layer in project.mapLayers().values():
            if self.layer_file(layer) == target and not self._is_result_layer(layer):
                self._persist_note = self.tr("{} is an input of this project: the results stay temporary layers.").format(path.name)
                return loaded
        # this step's earlier layers in the file are overwritten: take them out of the project first
        for layer_id in list(self.results.get(key, {}).values()):
            old = project.mapLayer(layer_id)
            if old is not None and self.layer_file(old) == target:
                project.removeMapLayer(layer_id)
        replaced = dict(loaded)
        failed = []
        for name, layer in temporary:
            table = "{}_{}".format(key, name).lower()
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            options.layerName = table
            options.fileEncoding = "UTF-8"
            options.actionOnExistingFile = (
                QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
                if target.exists()
                else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
            )
            result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(target), project.transformContext(), options)
            saved = None
            if result[0] == QgsVectorFileWriter.WriterError.NoError:
                saved = QgsVectorLayer("{}|layername={}".format(target, table), layer.name(), "ogr")
            if saved is None or not saved.isValid() or saved.featureCount() != layer.featureCount():
                failed.append(layer.name())
                QgsMessageLog.logMessage("{} → {}: {}".format(layer.name(), target, result[1]), LOG_TAG, Qgis.MessageLevel.Warning)
                continue
            style = QgsMapLayerStyle()
            style.readFromLayer(layer)
            style.writeToLayer(saved)
            saved.setCustomProperty(RESULT_PROPERTY, "{}/{}".format(key, name))
            node = project.layerTreeRoot().findLayer(layer.id())
            parent = node.parent() if node is not None else self.results_group()
            index = parent.children().index(node) if node is not None else 0
            project.addMapLayer(saved, False)
            parent.insertLayer(index, saved)
            project.removeMapLayer(layer.id())
            replaced[name] = saved
        if failed:
            self._persist_note = self.tr("Could not write {} into {}; they stay temporary layers (see the log).").format(", ".join(failed), path.name)
        else:
            self._persist_info = self.tr("The results are kept in {}.").format(path.name)
        return [(name, replaced[name]) for name, _l in loaded]

    def _on_project_saved(self) -> None:
        # after the save is complete (a .qgz is zipped after this signal), keep the temporary results
        if not self._saving:
            QTimer.singleShot(0, self.keep_temporary_results)

    def keep_temporary_results(self) -> bool:
        """The project has been saved: write the results still in temporary layers into its
        GeoPackage and save the project again. True when something was written."""
        if sip.isdeleted(self) or self._saving or self._loading or self._run is not None or self.results_file() is None:
            return False
        project = QgsProject.instance()
        pending = [
            key
            for key, outputs in self.results.items()
            if any(isinstance(project.mapLayer(lid), QgsVectorLayer) and project.mapLayer(lid).providerType() == "memory" for lid in outputs.values())
        ]
        if not pending:
            return False
        self._saving = True
        try:
            self._persist_note = self._persist_info = ""
            for key in pending:
                loaded = [(n, project.mapLayer(lid)) for n, lid in self.results[key].items() if project.mapLayer(lid) is not None]
                loaded = self.persist_results(key, loaded)
                self.results[key] = {n: lyr.id() for n, lyr in loaded}
            first = min(STEP_INDEX[k] for k in pending)
            for later in STEPS[first + 1 :]:
                self.prefill(later.key)
            self.save_settings()
            if self._persist_note:
                self.set_status(self._persist_note, error=True)
            else:
                self.set_status(self.tr("The results are kept in {}.").format(self.results_file().name))
        finally:
            self._saving = False
        self.update_states()
        # saved again once the layer tree and the canvas have taken in the new layers (they mark
        # the project dirty while they do)
        QTimer.singleShot(0, self._save_project_again)
        return True

    def _save_project_again(self) -> None:
        project = QgsProject.instance()
        if sip.isdeleted(self) or self._saving or self._loading or not project.fileName() or self.results_file() is None:
            return
        self._saving = True
        try:
            project.write()
        finally:
            self._saving = False

    def result_sources(self) -> dict:
        """{step: {output: source}} of the result layers, paths as the project writes them."""
        project = QgsProject.instance()
        sources: dict = {}
        for key, outputs in self.results.items():
            for name, layer_id in outputs.items():
                layer = project.mapLayer(layer_id)
                if layer is not None and layer.providerType() != "memory":
                    sources.setdefault(key, {})[name] = project.writePath(layer.source())
        return sources

    def set_status(self, text: str, error: bool = False) -> None:
        color = "#A04000" if error else "#202020"
        self.ui.statusLabel.setText("<span style='color:{}'>{}</span>".format(color, text if "<a " in text else _html(text)))

    def open_method(self) -> bool:
        from ..processing.help import help_file

        path = help_file("method")
        if path is None:
            self.set_status(self.tr("The method page is missing from this installation."), error=True)
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- project settings -----------------------------------------------------------------------
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
        self._loading = False
        self.restore_settings()

    def _end_loading(self) -> None:
        self._loading = False

    def _on_project_cleared(self) -> None:
        # QgsProject.read() clears first; until it has read the layers and emitted readProject,
        # widget changes must not overwrite the project's settings. A new project never emits
        # readProject, so the flag also ends at the next turn of the event loop.
        self._loading = True
        self._told_temporary = False
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

    # -- lifetime -------------------------------------------------------------------------------
    def cleanup(self) -> None:
        """Cancel a running step and disconnect from the project and the registry (before deletion)."""
        if self._run is not None and self._run.task is not None:
            try:
                self._run.task.executed.disconnect(self._on_executed)
                self._run.task.progressChanged.disconnect(self._on_progress)
            except (TypeError, RuntimeError):
                pass
            self._run.feedback.cancel()
            self._run.task.cancel()
            _keep_alive(self._run)
        self._run = None
        project = QgsProject.instance()
        registry = QgsApplication.processingRegistry()
        for signal, slot in (
            (project.readProject, self._on_project_read),
            (project.projectSaved, self._on_project_saved),
            (project.cleared, self._on_project_cleared),
            (project.layersRemoved, self._on_layers_removed),
            (registry.providerAdded, self._on_providers_changed),
            (registry.providerRemoved, self._on_providers_changed),
        ):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        for page in self.pages.values():
            page.clear()

    def deleteLater(self):  # noqa: N802 (Qt API) - plugin.unload() calls it
        self.cleanup()
        super().deleteLater()


def _html(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
