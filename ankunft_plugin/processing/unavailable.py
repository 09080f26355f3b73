"""Stand-ins for algorithms whose module cannot be imported (a missing or broken numpy/scipy/shapely/GDAL).

The provider still registers and lists every algorithm under its usual id, name and group, so models and
scripts find it and ``qgis_process list`` works for all providers; the stand-in has no parameters, its
``canExecute()`` is False with the reason, and its help starts with how to install what is missing.
The id, group and display name are read from the module's source (no import needed).
"""

from __future__ import annotations

import ast
from pathlib import Path

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from .base import AnkunftAlgorithm
from .help import help_text

HERE = Path(__file__).resolve().parent


def declared(module_name: str, class_name: str) -> tuple[str, str, str] | None:
    """``(ALG_ID, GROUP_ID, displayName literal)`` of ``class_name`` in ``<module_name>.py``, or None."""
    try:
        tree = ast.parse((HERE / (module_name + ".py")).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name == class_name):
            continue
        values = {"GROUP_ID": "analysis"}
        for item in node.body:
            if isinstance(item, ast.Assign) and isinstance(item.value, ast.Constant):
                for target in item.targets:
                    if isinstance(target, ast.Name) and target.id in ("ALG_ID", "GROUP_ID"):
                        values[target.id] = item.value.value
            if isinstance(item, ast.FunctionDef) and item.name == "displayName":
                for call in ast.walk(item):
                    if (isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "tr" and call.args
                            and isinstance(call.args[0], ast.Constant)):
                        values["display"] = call.args[0].value
                        break
        if values.get("ALG_ID"):
            return values["ALG_ID"], values["GROUP_ID"], values.get("display", values["ALG_ID"])
    return None


class UnavailableAlgorithm(AnkunftAlgorithm):
    """An algorithm that cannot run in this QGIS: listed, explained, never executed."""

    def __init__(self, alg_id: str, group_id: str, class_name: str, display: str, reason: str):
        super().__init__()
        self.ALG_ID = alg_id
        self.GROUP_ID = group_id
        self._class_name = class_name
        self._display = display
        self._reason = reason

    def createInstance(self):  # noqa: N802
        return UnavailableAlgorithm(self.ALG_ID, self.GROUP_ID, self._class_name, self._display, self._reason)

    def displayName(self) -> str:  # noqa: N802
        # the same translation as the real algorithm (its class name is the context)
        return QCoreApplication.translate(self._class_name, self._display)

    def initAlgorithm(self, config=None):  # noqa: N802
        pass  # no parameters: it cannot run

    def canExecute(self):  # noqa: N802
        return False, self._reason

    def shortHelpString(self) -> str:  # noqa: N802
        return "<p><b>{}</b></p>{}".format(self._reason.replace("\n", "<br>"), help_text(self.ALG_ID))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        raise QgsProcessingException(self._reason)
