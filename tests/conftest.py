"""Shared test configuration: paths to the real test data and the plugin's folders."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
BERLIN = DATA / "berlin"
MOABIT = DATA / "moabit"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QGIS writes settings, style and history databases into its profile folder: give the tests a
# throwaway one, so they never touch the user's QGIS profile or litter the working directory.
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="ankunft-tests-qgis-"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# ANKUNFT_BLOCK_IMPORTS=rasterio,geopandas,pandas: run the tests as on a stock QGIS without those modules
# (``make test`` does a second QGIS run so). Child processes (qgis_process, the desktop) get the same block
# through tests/blockimports/sitecustomize.py on PYTHONPATH.
BLOCKED: frozenset = frozenset()
if os.environ.get("ANKUNFT_BLOCK_IMPORTS"):
    import importlib.util

    _blockdir = ROOT / "tests" / "blockimports"
    _spec = importlib.util.spec_from_file_location("ankunft_block_imports", _blockdir / "sitecustomize.py")
    _blockmod = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_blockmod)
    BLOCKED = _blockmod.install()
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(_blockdir), os.environ.get("PYTHONPATH")) if p)


SAMPLE = ROOT / "resources" / "sample"


def _data_snapshot() -> dict[str, tuple[int, int]]:
    return {
        str(p): (p.stat().st_size, p.stat().st_mtime_ns)
        for folder in (DATA, SAMPLE)
        for p in folder.rglob("*")
        if p.is_file()
    }


_SNAPSHOT: dict[str, tuple[int, int]] = {}


def pytest_sessionstart(session):
    _SNAPSHOT.update(_data_snapshot())


def pytest_report_header(config):
    if BLOCKED:
        return "blocked imports (as on a stock QGIS): {}".format(", ".join(sorted(BLOCKED)))
    return None


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _input_data_untouched(request):
    """Input layers are never modified: fail the test that changed a file in tests/data or resources/sample."""
    yield
    now = _data_snapshot()
    changed = sorted(p for p, stat in now.items() if _SNAPSHOT.get(p) != stat)
    if changed:
        _SNAPSHOT.update(now)
        pytest.fail("{} modified test input data: {} (open data read-only; write to tmp_path)".format(
            request.node.nodeid, [Path(p).relative_to(ROOT).as_posix() for p in changed]), pytrace=False)
