"""The tests' one recording feedback: every message an algorithm gives, in order (``lines``) and by kind."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback


class LogFeedback(QgsProcessingFeedback):
    """Records ``infos``, ``warnings`` and ``errors`` (and all of them in order in ``lines``)."""

    def __init__(self):
        super().__init__()
        self.lines, self.infos, self.warnings, self.errors = [], [], [], []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self.lines.append(warning)
        self.warnings.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.lines.append(error)
        self.errors.append(error)
        super().reportError(error, fatalError)

    def text(self) -> str:
        return "\n".join(self.lines)
