"""Processing provider ``ankunft``: the plugin's algorithms and its shipped models."""

from __future__ import annotations

import importlib

from qgis.core import QgsApplication, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
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
        return ok

    def createInstance(self):  # noqa: N802
        return ShippedModel(self._path)

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
    """The algorithm classes that exist in this build."""
    classes = []
    for module_name, class_name in ALGORITHMS:
        full = "{}.{}".format(__package__, module_name)
        try:
            module = importlib.import_module(full)
        except ModuleNotFoundError as err:
            if err.name == full:  # not part of this build
                continue
            raise
        classes.append(getattr(module, class_name))
    return classes


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
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
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
