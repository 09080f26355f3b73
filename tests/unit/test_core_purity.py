"""The functional core imports nothing from QGIS or Qt."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "ankunft_plugin" / "core"
FORBIDDEN = ("qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "processing")


def test_core_has_no_qgis_imports():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in FORBIDDEN:
                    offenders.append("{}: {}".format(path.name, name))
    assert not offenders, offenders
