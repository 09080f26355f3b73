"""Shared base class of all Ankunft Processing algorithms."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..__about__ import ICON_PATH, __homepage__
from ..i18n import ui_lang
from .help import help_text


def _decimals_needed(*values, lowest: int = 2, highest: int = 6) -> int:
    """Decimals that show every given value exactly (at least ``lowest``)."""
    need = lowest
    for v in values:
        if not isinstance(v, (int, float)) or abs(v) > 1e12:
            continue
        for d in range(highest + 1):
            if abs(round(v, d) - v) < 1e-9:
                need = max(need, d)
                break
        else:
            need = highest
    return need


class AnkunftAlgorithm(QgsProcessingAlgorithm):
    """Base: ``tr()`` with the class name as context, ``createInstance``, help from files.

    Subclasses set ``ALG_ID`` (lowercase id, never translated) and ``GROUP_ID`` and implement
    ``displayName``/``group`` with literal ``self.tr("…")`` strings so pylupdate finds them.
    """

    ALG_ID = ""
    GROUP_ID = "analysis"

    def tr(self, string: str) -> str:
        return QCoreApplication.translate(type(self).__name__, string)

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def name(self) -> str:
        return self.ALG_ID

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def group(self) -> str:
        groups = {
            "analysis": QCoreApplication.translate("AnkunftAlgorithm", "Analysis"),
            "accessibility": QCoreApplication.translate("AnkunftAlgorithm", "Walking accessibility"),
            "planning": QCoreApplication.translate("AnkunftAlgorithm", "Planning"),
            "maps": QCoreApplication.translate("AnkunftAlgorithm", "Maps"),
            "tools": QCoreApplication.translate("AnkunftAlgorithm", "Tools"),
        }
        return groups.get(self.GROUP_ID, self.GROUP_ID)

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def shortHelpString(self) -> str:  # noqa: N802
        return help_text(self.ALG_ID)

    def helpUrl(self) -> str:  # noqa: N802
        return "{}#{}".format(__homepage__, self.ALG_ID)

    def canExecute(self):  # noqa: N802 (QGIS API)
        """False, with what to install, when numpy/scipy/shapely/GDAL is missing or too old."""
        from ..dependencies import problems, short_message

        found = problems()
        return (False, short_message(found)) if found else (True, "")

    # -- helpers for subclasses ---------------------------------------------------------------
    def check_cancel(self, feedback) -> None:
        """Stop the run when the user cancelled (call it in every long loop)."""
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(QCoreApplication.translate("AnkunftAlgorithm", "Cancelled."))

    def ui_lang(self) -> str:
        """The QGIS UI language as ``de``/``en`` (for labels taken from ``core/vocabulary``)."""
        return ui_lang()

    def add(self, param, help_string: str, advanced: bool = False):
        """Add a parameter with its help text (every parameter has one) and the advanced flag.
        Decimal numbers show as many decimals as their default and minimum need (at least 2), not
        the widget's six ("300,000000")."""
        param.setHelp(help_string)
        if isinstance(param, QgsProcessingParameterNumber) and param.dataType() == QgsProcessingParameterNumber.Type.Double:
            meta = param.metadata() or {}
            wrapper = dict(meta.get("widget_wrapper") or {})
            if "decimals" not in wrapper:
                wrapper["decimals"] = _decimals_needed(param.defaultValue(), param.minimum())
                meta["widget_wrapper"] = wrapper
                param.setMetadata(meta)
        if advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        return param
