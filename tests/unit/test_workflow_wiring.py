"""One description of the step wiring (core/workflow.py): the shipped model and make demo agree with it.

The panel reads ``workflow.STEPS`` itself (gui/wiring.py; tests/qgis/test_panel.py checks the wired
pages after a walk through all steps); ``scripts/demo.py`` builds every step's parameters from
``workflow.batch_inputs``; the shipped model (``resources/models/fullanalysis.model3``, parsed here as
XML) must wire the same results into the same inputs and take each role from the same model input."""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ankunft_plugin.core import workflow as wf

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "resources" / "models" / "fullanalysis.model3"
sys.path.insert(0, str(ROOT / "scripts"))
import demo  # noqa: E402  (the model is generated from the workflow by demo.py --write-model: its tables)

MODEL_INPUT, MODEL_LEAVES = demo.MODEL_INPUT, demo.MODEL_LEAVES


def _options(node) -> dict:
    return {o.get("name"): o for o in node}


def model_children() -> dict:
    """child id -> (algorithm id, {parameter: [(kind, value …)]}) of the shipped model."""
    root = _options(ET.parse(MODEL).getroot())
    children = {}
    for child in root["children"]:
        opts = _options(child)
        params = {}
        for param in opts["params"]:
            sources = []
            for src in param:
                s = {o.get("name"): o.get("value") for o in src}
                kind = {"0": "model", "1": "child", "2": "static"}.get(s.get("source"), s.get("source"))
                sources.append((kind, s.get("parameter_name") or "", s.get("child_id") or "", s.get("output_name") or ""))
            params[param.get("name")] = sources
        children[child.get("name")] = (opts["alg_id"].get("value"), params)
    return children


def model_links():
    """The model's wiring in the workflow's terms: (step, parameter, earlier step, output, study area) and
    (step, parameter, model input)."""
    children = model_children()
    study = {cid for cid, (alg, params) in children.items() if alg.startswith("native:extractby")}
    step_of = {cid: wf.step_by_alg(alg) for cid, (alg, _p) in children.items()}
    links, inputs = set(), set()
    for cid, (_alg, params) in children.items():
        key = step_of[cid]
        if key is None:
            continue
        for name, sources in params.items():
            for kind, pname, child, output in sources:
                if kind == "child" and child in study:
                    links.add((key, name, "classify", "OUTPUT", True))
                elif kind == "child":
                    links.add((key, name, step_of[child], output, False))
                elif kind == "model":
                    inputs.add((key, name, pname))
    return links, inputs, {step_of[c] for c in children} - {None}


def test_the_model_runs_the_workflows_steps():
    _links, _inputs, steps = model_links()
    assert steps == set(wf.BATCH_ORDER)


def test_the_model_wires_results_as_the_workflow():
    links, _inputs, _steps = model_links()
    assert links == wf.batch_links()


def test_the_model_takes_each_role_from_its_input():
    _links, inputs, _steps = model_links()
    given = {(key, name): pname for key, name, pname in inputs}
    for key in wf.BATCH_ORDER:
        for name, source in wf.batch_inputs(key).items():
            if source.kind in ("role", "field"):
                if (key, name) in MODEL_LEAVES:
                    assert (key, name) not in given, "{}.{} is wired now: drop it from MODEL_LEAVES".format(key, name)
                    continue
                assert given.get((key, name)) == MODEL_INPUT[(source.kind, source.ref)], (key, name)
            elif source.kind != "result":
                assert (key, name) in MODEL_LEAVES or (key, name) in given, (key, name)


def test_the_demo_has_no_wiring_of_its_own():
    """scripts/demo.py names layers per role and results per table; it never writes an algorithm id or an
    input fed by another step by hand (those come from core/workflow.py)."""
    tree = ast.parse((ROOT / "scripts" / "demo.py").read_text(encoding="utf-8"))
    main_part = [n for n in tree.body if not (isinstance(n, ast.FunctionDef) and n.name == "write_model")]
    text = "\n".join(ast.unparse(n) for n in main_part)
    for key in wf.BATCH_ORDER:
        assert wf.batch_step(key).alg_id not in text, key
    for key, name, *_rest in wf.batch_links():
        assert "'{}':".format(name) not in text, (key, name)


def test_the_shipped_model_is_the_generated_one():
    """resources/models/fullanalysis.model3 is what ``scripts/demo.py --write-model`` generates from the
    workflow: every child's parameters and their sources (static values by name)."""
    children = model_children()
    by_child = {spec[0]: key for key, spec in demo.MODEL_CHILDREN.items()}
    assert set(children) == set(by_child)
    for cid, (alg, params) in children.items():
        key = by_child[cid]
        assert alg == (demo.STUDY_AREA_ALG if key == "districtareas" else wf.batch_step(key).alg_id)
        wiring = demo.model_wiring(key)
        assert set(params) == set(wiring), cid
        for name, sources in params.items():
            kind, pname, child, output = sources[0]
            want_kind, value = wiring[name]
            assert kind == want_kind, (cid, name)
            if kind == "model":
                assert pname == value, (cid, name)
            elif kind == "child":
                assert (child, output) == tuple(value), (cid, name)
