"""The step runner: a step's parameters (study area, merged candidate layers), the background task,
cancel (the panel lets go at once), the Processing history entry, and what a finished run leaves."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMessageLog,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
)
from qgis.gui import QgsGui
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QUrl

from ..core import workflow
from .common import LOG_TAG, STEP_INDEX, STEPS, html, json_value
from .step_page import StepPage


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



class RunnerMixin:
    def classify_parameters(self) -> dict:
        """Step 2's parameters: the mapping of step 1 plus the form of step 2."""
        page = self.pages["classify"]
        alg = self.algorithm(page.alg_id)
        params = page.parameters()
        mapping = self.mapping()
        layer = self.layer()
        if layer is not None:
            params["INPUT"] = layer.id()
        # step 1's mapping into the classification's parameters: core/workflow.py, as make demo does it
        for name, value in workflow.classify_params(mapping["fields"], mapping["units"], mapping["id"]).items():
            if name == "ID_FIELD" or (alg is not None and alg.parameterDefinition(name) is not None):
                params[name] = value
        return params

    def _on_run_clicked(self) -> None:
        page = self.sender().parent() if self.sender() is not None else None
        while page is not None and not isinstance(page, StepPage):
            page = page.parent()
        if page is not None:
            self.run_step(page.step.key)

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
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = _Feedback()
        params = self.step_parameters(key, context, feedback)
        if params is None:
            return False
        ok, message = alg.checkParameterValues(params, context)
        if not ok:
            self.set_status(message, error=True)
            return False
        self.state.pop(key, None)
        self.ui.progressBar.setValue(0)
        self.set_status(self.tr("Running: {} …").format(alg.displayName()))
        QgsMessageLog.logMessage("{} {}".format(alg.id(), {k: str(v) for k, v in params.items()}), LOG_TAG, Qgis.MessageLevel.Info)
        record_history(alg, params, context)
        self._run_started = time.monotonic()
        if alg.flags() & Qgis.ProcessingAlgorithmFlag.NoThreading:
            # runs in the main thread: the panel keeps answering (Cancel) while it reports progress
            self._run = _Run(key, alg, None, context, feedback, params)
            feedback.progressChanged.connect(self._on_progress_main_thread)
            self.update_states()
            layouts_before = layout_names()
            try:
                results, ok = alg.create().run(params, context, feedback)
            except QgsProcessingException as err:  # shown in the panel
                feedback.errors.append(str(err))
                results, ok = {}, False
            if self._run is None or self._run.feedback is not feedback or not ok:
                # cancelled (the panel let go already) or failed: what the run made is taken away
                remove_layouts(layout_names() - layouts_before)
                if self._run is not None and self._run.feedback is feedback:
                    self._on_executed(False, {})
                return True
            previous = self.last_results.get(key, {}).get("LAYOUT_NAME")
            self._on_executed(ok, results or {})
            if previous and previous != results.get("LAYOUT_NAME"):
                remove_layouts({previous})  # one layout per strategy map: the rerun replaces it
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

    def step_parameters(self, key: str, context, feedback) -> dict | None:
        """A step's parameters for a run: the form, the study area, several candidate layers merged."""
        if key == "classify":
            return self.classify_parameters()
        page = self.pages[key]
        params = self.restrict_to_study_area(key, page.parameters())
        results_file = self.results_file()
        if results_file is not None and params.get("OUTPUT_PDF") == QgsProcessing.TEMPORARY_OUTPUT:
            # a saved project keeps its map beside it (the layout's print copies are stored there too)
            params["OUTPUT_PDF"] = str(results_file.with_name(results_file.stem.replace("_ankunft", "") + "_strategiekarte.pdf"))
        alg = self.algorithm(page.alg_id)
        for name, value in list(params.items()):
            original = alg.parameterDefinition(name) if alg is not None else None
            if original is None or original.type() != "source" or not isinstance(value, list):
                continue
            layers = [json_value(v) for v in value if json_value(v)]
            if len(layers) <= 1:
                params[name] = layers[0] if layers else None
                continue
            merged = merge_layers(layers, context, feedback)
            if merged is None:
                self.set_status(self.tr("Could not merge the layers of “{}” (see the log).").format(original.description()), error=True)
                return None
            params[name] = merged
        return params

    def is_running(self) -> bool:
        return self._run is not None

    def cancel(self) -> float | None:
        """Stop the running step. The panel lets go of it at once (its result, should it still
        come, is dropped) and says so; the earlier results stay. Returns the seconds it took."""
        run = self._run
        if run is None:
            return None
        started = time.monotonic()
        run.feedback.cancel()
        if run.task is not None:
            for signal, slot in ((run.task.executed, self._on_executed), (run.task.progressChanged, self._on_progress)):
                if signal_connected(run.task, signal):
                    signal.disconnect(slot)
            run.task.cancel()
        self._run = None
        _keep_alive(run)
        self.state[run.key] = "cancelled"
        self.ui.progressBar.setValue(0)
        text = self.tr("{}: cancelled – earlier results stay.").format(run.alg.displayName())
        self.set_status(text, error=True)
        self.summaries[run.key] = html(text)
        QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Info)
        self.update_states()
        return time.monotonic() - started

    def _on_progress(self, value: float) -> None:
        self.ui.progressBar.setValue(int(value))

    def _on_progress_main_thread(self, value: float) -> None:
        self.ui.progressBar.setValue(int(value))
        QCoreApplication.processEvents()  # a click on Cancel is handled while the step runs

    def _on_executed(self, ok: bool, results: dict) -> None:
        run = self._run
        if run is None:
            return
        self._run = None
        _keep_alive(run)
        if ok and not run.feedback.isCanceled():
            self._persist_note = self._persist_info = ""
            before = dict(self.results.get(run.key, {}))
            loaded = self.load_results(run)
            self.results[run.key] = {name: layer.id() for name, layer in loaded}
            self.remove_replaced(before, self.results[run.key])
            self.done[run.key] = True
            self.state.pop(run.key, None)
            self.last_results[run.key] = {k: v for k, v in results.items() if isinstance(v, (int, float, str))}
            summary = self.summary_text(run.key, results, loaded)
            files = [str(v) for k, v in results.items() if isinstance(v, str) and v.lower().endswith((".pdf", ".png", ".html", ".csv", ".svg"))]
            text = html(summary).replace("\n", "<br>")
            if files:
                links = " ".join("<a href='{}'>{}</a>".format(QUrl.fromLocalFile(f).toString(), html(f.rsplit("/", 1)[-1])) for f in files)
                text += "<br>" + self.tr("Files: {}").format(links)
            if self._persist_note or self._persist_info:
                text += "<br>" + html(self._persist_note or self._persist_info)
            self.summaries[run.key] = text
            self.set_status(self.tr("Done: {} ({:.1f} s).").format(self.step_title(run.key), time.monotonic() - self._run_started), error=bool(self._persist_note))
            self.ui.progressBar.setValue(100)
            for later in STEPS[STEP_INDEX[run.key] + 1 :]:
                self.prefill(later.key)
            next_index = STEP_INDEX[run.key] + 1
            if next_index < len(STEPS) and self.algorithm(STEPS[next_index].alg_id) is not None:
                self.ui.stepsBox.setCurrentIndex(next_index)
        elif run.feedback.isCanceled():
            self.state[run.key] = "cancelled"
            text = self.tr("{}: cancelled – earlier results stay.").format(run.alg.displayName())
            self.summaries[run.key] = html(text)
            self.set_status(text, error=True)
            self.ui.progressBar.setValue(0)
        else:
            self.state[run.key] = "failed"
            reason = run.feedback.errors[-1] if run.feedback.errors else self.tr("see the log (View ▸ Panels ▸ Log Messages, tab Ankunft)")
            text = self.tr("{} failed: {}").format(run.alg.displayName(), reason)
            self.summaries[run.key] = html(text) + "<br>" + html(self.tr("Earlier results stay."))
            self.set_status(text, error=True)
            self.ui.progressBar.setValue(0)
            QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Warning)
        self.save_settings()
        self.update_states()



def signal_connected(obj, signal) -> bool:
    """Whether a signal of ``obj`` has a receiver (disconnecting one without raises)."""
    return obj.receivers(signal) > 0


def record_history(alg, params: dict, context) -> None:
    """A panel run in the Processing history, as the toolbox records it (re-run, copy as a
    ``qgis_process`` command)."""
    details = {
        "python_command": alg.asPythonCommand(params, context),
        "algorithm_id": alg.id(),
        "parameters": alg.asMap(params, context),
    }
    command, ok = alg.asQgisProcessCommand(params, context)
    if ok:
        details["process_command"] = command
    QgsGui.historyProviderRegistry().addEntry("processing", details)


def merge_layers(layer_ids: list[str], context, feedback) -> str | None:
    """Several point layers as one (native:mergevectorlayers into the run's context); its id."""
    alg = QgsApplication.processingRegistry().algorithmById("native:mergevectorlayers")
    if alg is None:
        return None
    # a file, not a memory layer: the step runs in a background thread, which reads files only
    target = QgsProcessingUtils.generateTempFilename("merged_candidates.gpkg", context)
    params = {"LAYERS": layer_ids, "CRS": None, "OUTPUT": target}
    record_history(alg, params, context)
    results, ok = alg.run(params, context, feedback)
    return str(results.get("OUTPUT")) if ok and results else None


def layout_names() -> set[str]:
    return {layout.name() for layout in QgsProject.instance().layoutManager().layouts()}


def remove_layouts(names) -> None:
    """Remove print layouts and the layer group of print copies the strategy map made for each."""
    project = QgsProject.instance()
    manager = project.layoutManager()
    root = project.layerTreeRoot()
    for name in names:
        layout = manager.layoutByName(name)
        if layout is not None:
            manager.removeLayout(layout)
        group = root.findGroup(name)
        if group is not None:
            ids = [node.layerId() for node in group.findLayers()]
            parent = group.parent()
            parent.removeChildNode(group)
            elsewhere = {node.layerId() for node in root.findLayers()}
            project.removeMapLayers([i for i in ids if i not in elsewhere])
