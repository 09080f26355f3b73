"""The dependency check at load (ankunft_plugin/dependencies.py), without QGIS."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ankunft_plugin import dependencies as deps

ROOT = Path(__file__).resolve().parents[2]


def test_this_machine_has_everything():
    assert deps.check() == []
    assert deps.message([]) == ""


def test_missing_and_too_old():
    reqs = (deps.Requirement("no_such_module_ankunft", "Nothing", "1.0", "nothing", "python3-nothing"),
            deps.Requirement("numpy", "NumPy", "99.0", "numpy", "python3-numpy"))
    found = deps.check(reqs)
    assert [p.requirement.name for p in found] == ["Nothing", "NumPy"]
    assert found[0].missing and "ModuleNotFoundError" in found[0].error
    assert not found[1].missing and found[1].found.split(".")[0].isdigit()
    text = deps.message(found)
    assert "Nothing is missing (needs 1.0 or newer)" in text
    assert "NumPy {} is too old (needs 99.0 or newer)".format(found[1].found) in text
    assert "pip install --upgrade nothing numpy" in text and "sudo apt install python3-nothing python3-numpy" in text
    for platform in ("Windows", "macOS", "Linux"):
        assert platform in text
    assert "NumPy" in deps.short_message(found)


def test_gdal_version_read_from_the_bindings():
    from osgeo import gdal

    version = deps._version_of(gdal)
    assert deps._version_tuple(version) >= (3, 4)
    assert version == "{}.{}.{}".format(*[int(x) for x in gdal.__version__.split(".")[:3]])


def test_version_compare():
    assert deps._version_tuple("1.26.4") > deps._version_tuple("1.21")
    assert deps._version_tuple("2.0.0rc1") >= deps._version_tuple("1.8")
    assert deps._version_tuple("1.9.0.dev0+abc") >= deps._version_tuple("1.9")
    assert deps._version_tuple("1.8") < deps._version_tuple("1.9")


def test_scipy_blocked_is_reported():
    """With scipy unimportable (the import blocker used for the stock-QGIS runs), the check names SciPy only."""
    env = {**os.environ, "ANKUNFT_BLOCK_IMPORTS": "scipy", "PYTHONPATH": str(ROOT / "tests" / "blockimports")}
    code = "from ankunft_plugin import dependencies as d; print([p.requirement.name for p in d.check()])"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['SciPy']", out.stdout + out.stderr
