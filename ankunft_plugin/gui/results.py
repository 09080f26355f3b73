"""The results store: result layers in the group "Ankunftsquartiere", one layer per result (a rerun
replaces it), kept in ``<project>_ankunft.gpkg`` beside a saved project."""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsMapLayer,
    QgsMapLayerStyle,
    QgsMessageLog,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QTimer

from . import summary
from .common import GROUP_NAME, LOG_TAG, RESULT_PROPERTY, RESULTS_SUFFIX, STEP_INDEX, STEPS
from .runner import _Run


class ResultsMixin:
    def remove_replaced(self, before: dict, after: dict) -> None:
        """One layer per result: the layers of a step's earlier run leave the project when the
        rerun's layers are in (in a saved project the GeoPackage tables are overwritten)."""
        project = QgsProject.instance()
        keep = set(after.values())
        gone = [lid for lid in before.values() if lid not in keep and project.mapLayer(lid) is not None]
        if gone:
            project.removeMapLayers(gone)

    def summary_text(self, key: str, results: dict, loaded) -> str:
        layers = {name: lyr for name, lyr in loaded if isinstance(lyr, QgsVectorLayer)}
        return summary.summary(key, results, layers, self.mapping()["fields"].get("population", ""))

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
        set_active = getattr(self.iface, "setActiveLayer", None)
        if loaded and callable(set_active):
            set_active(loaded[0][1])
        return loaded

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
        message_bar = getattr(self.iface, "messageBar", None)
        bar = message_bar() if callable(message_bar) else None
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
        for layer in self.input_layers():  # not the results, nor the strategy map's print copies of them
            if self.layer_file(layer) == target:
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

