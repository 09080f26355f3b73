"""QGIS 4 / Qt 6 readiness, checked statically: Qt only through qgis.PyQt, no Qt5-only idioms."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    r"^\s*(from|import)\s+(PyQt5|PyQt6|PySide2|PySide6)\b": "import Qt through qgis.PyQt",
    r"\.exec_\(": "exec_() is gone in PyQt6: use exec()",
    r"\bQVariant\.(Int|Double|String|LongLong|Bool|Date|DateTime)\b": "QVariant field types are gone in QGIS 4: use QMetaType.Type",
    r"\bQt\.(AlignLeft|AlignRight|AlignCenter|Checked|Unchecked|RightDockWidgetArea|LeftDockWidgetArea|UserRole)\b": "use fully scoped Qt enums",
    r"\bQgsProcessing\.TypeVector": "use QgsProcessing.SourceType.TypeVector…",
    r"\bQgsWkbTypes\.(PointGeometry|LineGeometry|PolygonGeometry)\b": "use Qgis.GeometryType / QgsWkbTypes.GeometryType.…",
    r"\bpyrcc|resources_rc\b": "no compiled Qt resources",
}


def test_python_sources_are_qt6_safe():
    problems = []
    for folder in ("ankunft_plugin", "tests", "scripts", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name == Path(__file__).name:
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                for pattern, why in FORBIDDEN.items():
                    if re.search(pattern, line):
                        problems.append("{}:{}: {}".format(path.relative_to(ROOT), n, why))
    assert not problems, "\n".join(problems[:20])


def test_ui_files_have_no_connections():
    for path in sorted((ROOT / "resources").rglob("*.ui")):
        assert "<connections>" not in path.read_text(encoding="utf-8"), path
