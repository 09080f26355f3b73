"""Processing provider ``ankunft``: the plugin's algorithms and its shipped models."""

from __future__ import annotations

import importlib

from qgis.core import QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..__about__ import ICON_PATH, RESOURCES_DIR, __version__

# (module in ankunft_plugin.processing, class name) – one module per algorithm.
ALGORITHMS = (
    ("classify_arrival_quarters", "ClassifyArrivalQuartersAlgorithm"),
    ("arrival_dynamics", "ArrivalDynamicsAlgorithm"),
    ("wide_table_years", "WideTableToYearsAlgorithm"),
    ("prepare_walk_network", "PrepareWalkNetworkAlgorithm"),
    ("walking_catchments", "WalkingCatchmentsAlgorithm"),
    ("infrastructure_overlay", "InfrastructureOverlayAlgorithm"),
    ("suggest_docking_points", "SuggestDockingPointsAlgorithm"),
    ("strategy_map", "StrategyMapAlgorithm"),
)
MODELS_DIR = RESOURCES_DIR / "models"


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
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        for path in sorted(MODELS_DIR.glob("*.model3")):
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(str(path)):
                self.addAlgorithm(model)
            else:
                QgsMessageLog.logMessage(
                    QCoreApplication.translate("AnkunftProvider", "Could not read the model {}").format(path.name),
                    "Ankunft",
                )
