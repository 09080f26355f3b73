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
    r"\bQgsProcessing\.TypeVector": "use Qgis.ProcessingSourceType.Vector…",
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


# -- what QGIS's migration script (scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py) rewrites or warns about ----------
import ast  # noqa: E402

RENAMED_ENUMS = {("Qt", "MidButton"), ("Qt", "TextColorRole"), ("Qt", "BackgroundColorRole"),
                 ("QPainter", "HighQualityAntialiasing")}


def _sources():
    for folder in ("ankunft_plugin", "tests", "scripts", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name != Path(__file__).name:
                yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(node) -> str:
    return node.id if isinstance(node, ast.Name) else ""


def _migration_findings(tree) -> list[tuple[int, str]]:
    found = []
    font_metrics = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and _name(node.value.func) in (
                "QFontMetrics", "QFontMetricsF"):
            font_metrics.update(t.id for t in node.targets if isinstance(t, ast.Name))
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            names = {a.name for a in node.names}
            if mod.startswith("PyQt5") or mod == "qgis.PyQt.Qt":
                found.append((line, "import from {}: use qgis.PyQt.QtCore/QtGui/QtWidgets".format(mod)))
            if "QRegExp" in names:
                found.append((line, "QRegExp is gone in Qt 6: use QRegularExpression"))
            if "resources_rc" in names or "qApp" in names:
                found.append((line, "compiled resources / qApp are gone in Qt 6"))
        elif isinstance(node, ast.Import) and any(a.name.startswith("PyQt5") or a.name.endswith("resources_rc")
                                                  for a in node.names):
            found.append((line, "import PyQt5 / resources_rc"))
        elif isinstance(node, ast.FunctionDef) and node.name == "exec_":
            found.append((line, "def exec_: name it exec"))
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "exec_":
                found.append((line, "exec_() is gone in PyQt6: use exec()"))
            if isinstance(func, ast.Attribute) and func.attr == "addAction" and len(node.args) >= 4:
                found.append((line, "fragile addAction(…4 args): create the QAction first"))
            if isinstance(func, ast.Attribute) and func.attr == "desktop" and not node.args:
                found.append((line, "QDesktopWidget is gone in Qt 6"))
            if _name(func) == "QVariant" and (not node.args or (isinstance(node.args[0], ast.Attribute)
                                                                 and _name(node.args[0].value) == "QVariant")):
                found.append((line, "QVariant() / QVariant(QVariant.X) as NULL: use qgis.core.NULL"))
            if _name(func) == "QDateTime" and (len(node.args) == 8 or (
                    len(node.args) == 1 and isinstance(node.args[0], ast.Call) and _name(node.args[0].func) == "QDate")):
                found.append((line, "QDateTime(y, m, d, h, M, s, ms, ts) / QDateTime(QDate(…)): pass QDate and QTime"))
        elif isinstance(node, ast.Attribute):
            base = _name(node.value)
            if base == "qApp":
                found.append((line, "qApp is gone in Qt 6: QApplication.instance()"))
            if base == "QVariant":
                found.append((line, "QVariant.{}: use QMetaType.Type".format(node.attr)))
            if (base, node.attr) in RENAMED_ENUMS:
                found.append((line, "{}.{} was removed in Qt 6".format(base, node.attr)))
            if node.attr == "width" and (base in font_metrics or (
                    isinstance(node.value, ast.Call) and (getattr(node.value.func, "attr", "") == "fontMetrics"
                                                          or _name(node.value.func) in ("QFontMetrics", "QFontMetricsF")))):
                found.append((line, "QFontMetrics.width() is gone in Qt 6: horizontalAdvance()"))
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "activated" \
                and _name(node.slice) == "str":
            found.append((line, "activated[str] is gone in Qt 6: textActivated"))
    return found


def test_nothing_the_pyqt5_to_pyqt6_script_would_rewrite():
    problems = ["{}:{}: {}".format(path.relative_to(ROOT), line, why)
                for path, tree in _sources() for line, why in _migration_findings(tree)]
    assert not problems, "\n".join(problems[:30])


def test_the_checker_finds_what_the_script_rewrites():
    code = (
        "from PyQt5.QtCore import QRegExp\nimport resources_rc\nd.exec_()\nx = QVariant()\ny = QVariant(QVariant.Int)\n"
        "t = QVariant.String\nqApp.quit()\nQt.MidButton\nfm = QFontMetrics(f)\nfm.width('a')\nw.fontMetrics().width('a')\n"
        "c.activated[str].connect(f)\nQDateTime(2020, 1, 1, 0, 0, 0, 0, 0)\nm.addAction(i, 't', r, s)\nQApplication.desktop()\n"
    )
    lines = sorted({line for line, _ in _migration_findings(ast.parse(code))})
    assert lines == [n for n in range(1, 16) if n != 9], lines  # line 9 only creates the QFontMetrics


def _qt_namespaces() -> dict:
    pytest = __import__("pytest")
    core = pytest.importorskip("qgis.core")
    import qgis.gui as gui
    from qgis.PyQt import QtCore, QtGui, QtWidgets

    space = {}
    for mod in (QtWidgets, QtGui, QtCore, gui, core):
        space.update({k: getattr(mod, k) for k in dir(mod) if k.startswith(("Q", "Qgs", "Qgis", "Qt"))})
    return space


def _is_enum_member(value) -> bool:
    import enum

    if isinstance(value, enum.Enum):
        return True
    meta = type(type(value)).__name__  # PyQt5: sip enum values are instances of a class of type sip.enumtype
    return meta == "enumtype"


def _unscoped(tree, space) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in space):
            continue
        value = getattr(space[node.value.id], node.attr, None)
        if value is None or isinstance(value, type) or not _is_enum_member(value):
            continue  # not an enum value (a class, a method, an enum class: Class.Enum.Member is scoped)
        found.append((node.lineno, "{}.{}".format(node.value.id, node.attr)))
    return found


def test_enums_are_fully_scoped():
    """The script's main rewrite: ``Qt.AlignLeft`` → ``Qt.AlignmentFlag.AlignLeft``. Every ``Class.Member`` where
    the member is an enum value (looked up in this QGIS) must name its enum."""
    space = _qt_namespaces()
    assert [n for n, _ in _unscoped(ast.parse(
        "Qt.AlignLeft\nQt.AlignmentFlag.AlignLeft\nQgsProcessing.TypeVectorPolygon\nQgis.GeometryType.Point\n"
        "QMessageBox.Yes\nQgsApplication.instance()\n"), space)] == [1, 3, 5]
    problems = ["{}:{}: {} is unscoped".format(path.relative_to(ROOT), line, what)
                for path, tree in _sources() for line, what in _unscoped(tree, space)]
    assert not problems, "\n".join(problems[:30])


def _old_enum_paths(tree, space) -> list[tuple[int, str, str]]:
    """``QgsX.Enum.Member`` / ``QgsX.Member`` whose value lives in a ``Qgis`` enum since QGIS 3.36."""
    import enum

    qgis_cls = space["Qgis"]
    found = []

    def resolve(node):
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id not in space or node.id == "Qgis":
            return None
        obj = space[node.id]
        for name in reversed(parts):
            obj = getattr(obj, name, None)
            if obj is None:
                return None
        return obj

    def visit(node):
        if isinstance(node, ast.Attribute):
            value = resolve(node)
            if isinstance(value, enum.Enum) and value.name and getattr(qgis_cls, type(value).__name__, None) is type(value):
                found.append((node.lineno, ast.unparse(node), "Qgis.{}.{}".format(type(value).__name__, value.name)))
                return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_qgis_enums_by_their_qgis_name():
    """``Qgis.ProcessingSourceType.VectorPolygon``, not ``QgsProcessing.SourceType.TypeVectorPolygon`` (QGIS >= 3.36;
    the old names are deprecated). /work/notes/i16-enum-migrate.sh rewrites them mechanically."""
    space = _qt_namespaces()
    assert [n for n, _, _ in _old_enum_paths(ast.parse(
        "QgsProcessing.SourceType.TypeVectorPolygon\nQgis.ProcessingSourceType.VectorPolygon\n"
        "QgsProcessingParameterNumber.Type.Double\nQgsVectorFileWriter.WriterError.NoError\n"), space)] == [1, 3]
    problems = ["{}:{}: {} -> {}".format(path.relative_to(ROOT), line, old, new)
                for path, tree in _sources() for line, old, new in _old_enum_paths(tree, space)]
    assert not problems, "run: bash /work/notes/i16-enum-migrate.sh (mechanical rewrite)\n" + "\n".join(problems[:30])
