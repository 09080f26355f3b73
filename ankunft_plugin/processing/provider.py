"""Processing provider ``ankunft``."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..__about__ import ICON_PATH, __version__


def algorithm_classes() -> list:
    """All algorithm classes, one module each (imported here so the provider stays the only list)."""
    classes: list = []
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
