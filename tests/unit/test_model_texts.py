"""The shipped models are translatable and list their inputs in the order of the work."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODELS = sorted((ROOT / "resources" / "models").glob("*.model3"))
TEXTS_PY = ROOT / "ankunft_plugin" / "processing" / "model_texts.py"


def _listed() -> set[str]:
    tree = ast.parse(TEXTS_PY.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            out.add(node.args[1].value)
    return out


def _order() -> list[str]:
    tree = ast.parse(TEXTS_PY.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "FULLANALYSIS_ORDER":
            return [e.value for e in node.value.elts]
    raise AssertionError("FULLANALYSIS_ORDER missing")


def _options(root, name):
    return [o for o in root.iter("Option") if o.get("name") == name]


def test_every_text_of_a_shipped_model_is_translatable():
    listed = _listed()
    for path in MODELS:
        root = ET.parse(path).getroot()
        params = next(o for o in root if o.get("name") == "parameterDefinitions")
        texts = set()
        for p in params:
            for o in p:
                if o.get("name") in ("description", "help") and o.get("value"):
                    texts.add(o.get("value"))
        children = next(o for o in root if o.get("name") == "children")
        for child in children:
            for o in child:
                if o.get("name") == "component_description" and o.get("value"):
                    texts.add(o.get("value"))
        missing = sorted(t for t in texts if t not in listed)
        assert not missing, "{}: add to processing/model_texts.py: {}".format(path.name, missing)


def test_fullanalysis_inputs_in_the_order_of_the_work():
    root = ET.parse(ROOT / "resources" / "models" / "fullanalysis.model3").getroot()
    order = next(o for o in root if o.get("name") == "parameterOrder")
    names = [o.get("value") for o in order]
    wanted = _order()
    assert [n for n in names if n in wanted] == [n for n in wanted if n in names]
    assert names[:3] == ["AREAS", "ID_FIELD", "POPULATION_FIELD"]
    assert names != sorted(names), "not alphabetical"
