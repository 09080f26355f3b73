"""The German translation is compiled, complete, and loaded when QGIS runs in German."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "ankunft_plugin_de.ts"


def _messages():
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_ts_has_no_unfinished_translation():
    missing = [
        "{}: {}".format(ctx, m.findtext("source")[:60])
        for ctx, m in _messages()
        if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()
    ]
    assert not missing, "untranslated strings (run make translations, then translate): {}".format(missing[:20])


def test_ts_is_up_to_date(tmp_path):
    """Every tr() string in the sources is in the .ts (pylupdate5 run into a temporary file)."""
    sources = sorted(str(p) for p in (ROOT / "ankunft_plugin").rglob("*.py") if "__pycache__" not in p.parts)
    sources += sorted(str(p) for p in ROOT.glob("resources/**/*.ui"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    root = ET.parse(fresh).getroot()
    wanted = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    have = {(ctx, m.findtext("source")) for ctx, m in _messages()}
    assert not sorted(wanted - have)[:20], "run `make translations`: {}".format(sorted(wanted - have)[:20])


def test_plugin_loads_german_when_qgis_runs_in_german(qgis_app):
    from ankunft_plugin import i18n

    qm = ROOT / "i18n" / "ankunft_plugin_de.qm"
    subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    settings = QgsSettings()
    old = settings.value("locale/userLocale", ""), settings.value("locale/overrideFlag", False)
    settings.setValue("locale/userLocale", "de_DE")
    settings.setValue("locale/overrideFlag", True)
    try:
        loaded = i18n.install_translator()
        assert loaded and loaded.endswith("ankunft_plugin_de.qm")
        assert QCoreApplication.translate("AnkunftAlgorithm", "Walking accessibility") == "Fußläufige Erreichbarkeit"
        assert i18n.user_locale() == "de"
    finally:
        i18n.remove_translator()
        settings.setValue("locale/userLocale", old[0])
        settings.setValue("locale/overrideFlag", old[1])
    assert QCoreApplication.translate("AnkunftAlgorithm", "Walking accessibility") == "Walking accessibility"


def _literal_tr_calls():
    """(context, source, where) of every tr()/translate() call with literal strings in the plugin's code.

    Read with Python's own parser, so strings that pylupdate5 silently skips (for example a translate()
    call with a trailing comma) are found too."""
    import ast

    for path in sorted((ROOT / "ankunft_plugin").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = [(node.lineno, node.end_lineno, node.name) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            args = node.args
            where = "{}:{}".format(path.relative_to(ROOT), node.lineno)
            if node.func.attr == "translate" and len(args) >= 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]):
                yield args[0].value, args[1].value, where
            elif node.func.attr == "tr" and isinstance(node.func.value, ast.Name) and node.func.value.id == "self" and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                inner = [c for c in classes if c[0] <= node.lineno <= c[1]]
                if inner:
                    yield min(inner, key=lambda c: c[1] - c[0])[2], args[0].value, where


def test_every_literal_tr_call_is_translated():
    translated = {
        (ctx, m.findtext("source"))
        for ctx, m in _messages()
        if m.find("translation").get("type") != "unfinished" and (m.findtext("translation") or "").strip()
    }
    missing = sorted({"{} [{}] {}".format(where, ctx, src[:50]) for ctx, src, where in _literal_tr_calls() if (ctx, src) not in translated})
    assert not missing, "strings without German translation: {}".format(missing[:15])
