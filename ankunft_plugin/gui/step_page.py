"""One algorithm step of the panel: a form built from the algorithm's parameters."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsMessageLog,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterMultipleLayers,
    QgsProject,
)
from qgis.gui import (
    QgsGui,
    QgsProcessingContextGenerator,
    QgsProcessingGui,
    QgsProcessingParameterWidgetContext,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ..__about__ import RESOURCES_DIR
from ..core import workflow
from .common import LAYER_DESTINATIONS, LAYER_TYPES, LOG_TAG, MAPPED_PARAMS, json_value, tooltip

UI_DIR = RESOURCES_DIR / "ui"
StepForm, _StepBase = uic.loadUiType(str(UI_DIR / "step_page.ui"))
# optional outputs a later step reads, created only when the input they need is filled
EXTRA_NEEDS = {"OUTPUT_AREAS": "POPULATION"}


class _ContextGenerator(QgsProcessingContextGenerator):
    """Gives the widget wrappers a context with the project, so layer ids resolve (field lists)."""

    def __init__(self, context: QgsProcessingContext):
        super().__init__()
        self._context = context

    def processingContext(self):  # noqa: N802 (QGIS API)
        return self._context


class StepPage(QWidget, StepForm):
    """One algorithm step: a form built from the algorithm's parameters, a run button."""

    changed = pyqtSignal()

    def __init__(self, step: workflow.Step, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.step = step
        self.alg_id = step.alg_id
        self.built = False
        self.params: list[QgsProcessingParameterDefinition] = []  # clones, owned here
        self.wrappers: dict = {}
        self.destinations: list[QgsProcessingParameterDefinition] = []
        self.required: set[str] = set()  # inputs the algorithm needs (optional in the panel's form)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.widget_context = QgsProcessingParameterWidgetContext()
        self.widget_context.setProject(QgsProject.instance())
        self.context_generator = _ContextGenerator(self.context)
        self.advancedGroup.setVisible(False)
        for form in (self.paramsForm, self.advancedForm):  # labels above their fields: narrow panels
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

    def build(self, alg: QgsProcessingAlgorithm, iface=None) -> None:
        """Create one widget per parameter (skipping what step 1 maps and layer outputs)."""
        self.clear()
        canvas = getattr(iface, "mapCanvas", None) if iface is not None else None
        if callable(canvas):
            self.widget_context.setMapCanvas(canvas())
        registry = QgsGui.processingGuiRegistry()
        has_advanced = False
        for original in alg.parameterDefinitions():
            flags = original.flags()
            if flags & Qgis.ProcessingParameterFlag.Hidden:
                continue
            if self.step.key == "classify" and original.name() in MAPPED_PARAMS:
                continue
            param = self._panel_param(original)
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
            tip = tooltip(param.help() or param.description())
            widget.setToolTip(tip)
            advanced = bool(flags & Qgis.ProcessingParameterFlag.Advanced)
            form = self.advancedForm if advanced else self.paramsForm
            has_advanced = has_advanced or advanced
            if label is not None:
                if param.name() in self.required:  # optional only in the panel's form: required, marked *
                    label.setText(original.description() + " *")
                label.setToolTip(tip)
                # a short label on one line (a wrapped label takes a narrow width of its own); a long one wraps
                label.setWordWrap(len(label.text()) > 45)
                label.setText(label.text().replace("\n", " "))
                label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                form.addRow(label, widget)
            elif isinstance(widget, QCheckBox) and widget.text():
                form.addRow(wrapped_checkbox(widget, tip))  # a long checkbox text wraps too
            else:
                form.addRow(widget)
            wrapper.widgetValueHasChanged.connect(self._on_wrapper_changed)
            self.wrappers[param.name()] = wrapper
        wrappers = list(self.wrappers.values())
        for wrapper in wrappers:
            wrapper.postInitialize(wrappers)
        self.advancedGroup.setVisible(has_advanced)
        self.built = True
        self.set_values(self.step.defaults)  # the panel's own defaults (e.g. dissolved catchments)

    def _panel_param(self, original: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
        """A clone of the algorithm's parameter; an input whose role takes several layers (candidate
        sites) becomes a multiple-layer input, merged into one layer when the step runs."""
        optional = Qgis.ProcessingParameterFlag.Optional
        if not original.flags() & optional and (original.type() in LAYER_TYPES or original.type() == "field"):
            # never the first layer or field that happens to fit: the panel fills it, or it stays
            # empty and the step says it is still needed
            self.required.add(original.name())
        role_key = workflow.role_of(self.step.key, original.name())
        if role_key is not None and workflow.ROLES[role_key].multiple and original.type() == "source":
            param = QgsProcessingParameterMultipleLayers(original.name(), original.description(), Qgis.ProcessingSourceType.VectorPoint)
            param.setHelp(original.help())
        else:
            param = original.clone()
        if original.name() in self.required:
            param.setFlags(param.flags() | optional)
        return param

    def clear(self) -> None:
        for form in (self.paramsForm, self.advancedForm):
            while form.rowCount():
                form.removeRow(0)
        self.wrappers = {}
        self.params = []
        self.destinations = []
        self.required: set[str] = set()
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
        extra = workflow.extra_outputs(self.step.key)
        for dest in self.destinations:
            wanted_by = EXTRA_NEEDS.get(dest.name())
            wanted = dest.name() in extra and (wanted_by is None or (wanted_by in self.wrappers and not self.is_empty(wanted_by)))
            if not dest.createByDefault() and not wanted:
                continue  # optional extra outputs stay off unless a later step uses them
            out = QgsProcessingOutputLayerDefinition(QgsProcessing.TEMPORARY_OUTPUT, QgsProject.instance())
            out.destinationName = dest.description()
            params[dest.name()] = out
        return params

    def refresh(self, name: str) -> None:
        """Give an input its value again (emptied first), so the inputs that depend on it follow."""
        wrapper = self.wrappers.get(name)
        if wrapper is None:
            return
        value = wrapper.parameterValue()
        wrapper.setParameterValue(None, self.context)
        wrapper.setParameterValue(value, self.context)

    def param(self, name: str) -> QgsProcessingParameterDefinition | None:
        return next((p for p in self.params if p.name() == name), None)

    def missing(self) -> list[QgsProcessingParameterDefinition]:
        """Required inputs still empty ("noch erforderlich")."""
        return [p for p in self.params if p.name() in self.required and p.name() in self.wrappers and self.is_empty(p.name())]

    def layer_params(self) -> list[QgsProcessingParameterDefinition]:
        return [p for p in self.params if p.name() in self.wrappers and p.type() in LAYER_TYPES]

    def is_empty(self, name: str) -> bool:
        value = json_value(self.value(name, None))  # QVariant NULL → None
        return value is None or value == "" or value == []




def wrapped_checkbox(box: QCheckBox, tip: str) -> QWidget:
    """A checkbox whose text wraps: the text moves into a word-wrapped label beside it."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(box.text())
    label.setWordWrap(True)
    label.setToolTip(tip)
    box.setText("")
    layout.addWidget(box, 0)
    layout.addWidget(label, 1)
    return row
