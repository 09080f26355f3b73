"""Processing provider ``ankunft``: the plugin's algorithms and its shipped models."""

from __future__ import annotations

import importlib

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..__about__ import ICON_PATH, RESOURCES_DIR, __version__

# (module in ankunft_plugin.processing, class name) – one module per algorithm.
ALGORITHMS = (
    ("classify_arrival_quarters", "ClassifyArrivalQuartersAlgorithm"),
    ("arrival_dynamics", "ArrivalDynamicsAlgorithm"),
    ("wide_table_years", "WideTableToYearsAlgorithm"),
    ("harmonize_areas", "HarmonizeAreasAlgorithm"),
    ("prepare_walk_network", "PrepareWalkNetworkAlgorithm"),
    ("walking_catchments", "WalkingCatchmentsAlgorithm"),
    ("infrastructure_overlay", "InfrastructureOverlayAlgorithm"),
    ("suggest_docking_points", "SuggestDockingPointsAlgorithm"),
    ("strategy_map", "StrategyMapAlgorithm"),
)
MODELS_DIR = RESOURCES_DIR / "models"
# per shipped model: (layer parameter, layer parameter it must overlap), checked before the run
MODEL_OVERLAPS = {"fullanalysis": (("DISTRICTS", "AREAS"),)}


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model shipped with the plugin (``resources/models/<name>.model3``), listed as ``ankunft:<name>``
    with a translated name and group and help from ``resources/help/<name>.<lang>.html``. Users can open it
    in the model designer and save their own copy."""

    def __init__(self, path):
        super().__init__()
        self._path = path
        self.ok = self.reload()

    def reload(self) -> bool:
        """Read the file (again). Child algorithms resolve only once the provider is registered, so the
        provider reloads its models when the registry announces it; parameter help is kept by QGIS in the
        model's help content and copied onto the parameters here."""
        ok = self.fromFile(str(self._path))
        content = self.helpContent()
        for param in self.parameterDefinitions():
            if not param.help() and content.get(param.name()):
                param.setHelp(content[param.name()])
        self._translate()
        return ok

    def _translate(self) -> None:
        """The model file holds English; show its parameters, help, steps and outputs in the QGIS
        language (``processing/model_texts.py``, context ``AnkunftModel``)."""
        from .model_texts import tr

        for param in self.parameterDefinitions():
            param.setDescription(tr(param.description()))
            param.setHelp(tr(param.help()))
        for child in self.childAlgorithms().values():
            child.setDescription(tr(child.description()))
            outputs = child.modelOutputs()
            for out in outputs.values():
                out.setDescription(tr(out.description()))
            child.setModelOutputs(outputs)
            self.setChildAlgorithm(child)

    def shortDescription(self) -> str:  # noqa: N802
        from .model_texts import tr

        text = self.helpContent().get("ALG_DESC", "")
        return tr(text.split(" / ")[0].strip()) if text else super().shortDescription()

    def createInstance(self):  # noqa: N802
        return ShippedModel(self._path)

    def canExecute(self):  # noqa: N802
        """A model cannot run when its algorithms cannot (a missing numpy/scipy/shapely/GDAL)."""
        from ..dependencies import problems, short_message

        found = problems()
        return (False, short_message(found)) if found else super().canExecute()

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Inputs checked up front (missing files, CRS, polygons where polygons are needed, districts that
        overlap the areas), each message naming the user's parameter; then QGIS's own checks."""
        from .validation import check_model_inputs

        message = check_model_inputs(self, parameters, context, MODEL_OVERLAPS.get(self.name(), ()))
        if message:
            return False, message
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Run the model; when a step fails, the model's file outputs written by the steps before are
        removed (nothing that looks like a result stays) and the message names the step."""
        from .outputs import model_outputs_before, remove_model_outputs

        before = model_outputs_before(self, parameters, context)
        try:
            return super().processAlgorithm(parameters, context, feedback)
        except Exception:
            removed = remove_model_outputs(before)
            if removed and feedback is not None:
                feedback.reportError(
                    QCoreApplication.translate("AnkunftProvider", "The model stopped; its outputs written so far were removed: {files}").format(files=", ".join(removed))
                )
            raise

    def displayName(self) -> str:  # noqa: N802
        names = {"fullanalysis": QCoreApplication.translate("AnkunftProvider", "Full analysis: classification to strategy map")}
        return names.get(self.name(), self.name())

    def group(self) -> str:
        return QCoreApplication.translate("AnkunftAlgorithm", "Maps")

    def groupId(self) -> str:  # noqa: N802
        return "maps"

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def shortHelpString(self) -> str:  # noqa: N802
        from .help import help_text

        return help_text(self.name()) or super().shortHelpString()


def algorithm_classes() -> list:
    """The algorithm classes that exist in this build (see :func:`algorithms` for the unimportable ones)."""
    return [cls for cls in (_load(m, c) for m, c in ALGORITHMS) if isinstance(cls, type)]


def _load(module_name: str, class_name: str):
    """The class; None when the module is not part of this build; the ImportError when a dependency
    (numpy, scipy, shapely, GDAL) cannot be imported."""
    full = "{}.{}".format(__package__, module_name)
    try:
        module = importlib.import_module(full)
    except ModuleNotFoundError as err:
        if err.name == full:  # not part of this build
            return None
        return err
    except ImportError as err:  # a too old or broken package (missing name, DLL load failed …)
        return err
    return getattr(module, class_name)


def algorithms() -> list:
    """One instance per algorithm; an algorithm whose dependencies cannot be imported is listed as a stand-in
    that says why it cannot run, so the provider (and every other provider) keeps working."""
    from ..dependencies import message
    from .unavailable import UnavailableAlgorithm, declared

    found = []
    for module_name, class_name in ALGORITHMS:
        loaded = _load(module_name, class_name)
        if isinstance(loaded, type):
            found.append(loaded())
        elif loaded is not None:
            info = declared(module_name, class_name)
            if info is None:
                QgsMessageLog.logMessage("{}: {}".format(module_name, loaded), "Ankunft", Qgis.MessageLevel.Critical)
                continue
            reason = message() or QCoreApplication.translate("AnkunftProvider", "This algorithm cannot be loaded: {}").format(loaded)
            QgsMessageLog.logMessage("{}: {}".format(info[0], loaded), "Ankunft", Qgis.MessageLevel.Warning)
            found.append(UnavailableAlgorithm(info[0], info[1], class_name, info[2], reason))
    return found


class AnkunftProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        self._models: list[ShippedModel] = []
        QgsApplication.processingRegistry().providerAdded.connect(self._provider_added)

    def _provider_added(self, provider_id: str) -> None:
        if provider_id == self.id():
            for model in self._models:
                model.reload()

    def id(self) -> str:
        return "ankunft"

    def name(self) -> str:
        return QCoreApplication.translate("AnkunftProvider", "Ankunftsquartiere")

    def longName(self) -> str:  # noqa: N802
        return QCoreApplication.translate("AnkunftProvider", "Ankunftsquartiere (arrival quarters) {}").format(__version__)

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def versionInfo(self) -> str:  # noqa: N802
        return __version__

    def loadAlgorithms(self):  # noqa: N802
        self._models = []
        for alg in algorithms():
            self.addAlgorithm(alg)
        for path in sorted(MODELS_DIR.glob("*.model3")):
            model = ShippedModel(path)
            if model.ok:
                self.addAlgorithm(model)
                self._models.append(model)
            else:
                QgsMessageLog.logMessage(
                    QCoreApplication.translate("AnkunftProvider", "Could not read the model {}").format(path.name),
                    "Ankunft",
                )
