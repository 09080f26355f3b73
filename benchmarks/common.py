"""Helpers shared by the benchmarks: a QGIS application, timing, peak memory, result files."""

from __future__ import annotations

import json
import platform
import resource
import time
from contextlib import contextmanager
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
_QGS = None
_PROVIDER = None  # keep a reference: a provider collected by Python breaks every later run


def qgis_app():
    """Start a headless QGIS with Processing and the ankunft provider (once per process)."""
    global _QGS, _PROVIDER
    if _QGS is not None:
        return _QGS
    import sys

    from qgis.core import QgsApplication

    if "/usr/share/qgis/python/plugins" not in sys.path:
        sys.path.insert(0, "/usr/share/qgis/python/plugins")

    QgsApplication.setPrefixPath("/usr", True)
    _QGS = QgsApplication([], False)
    _QGS.initQgis()
    import processing  # noqa: F401
    from processing.core.Processing import Processing

    Processing.initialize()
    from ankunft_plugin.processing.provider import AnkunftProvider

    if QgsApplication.processingRegistry().providerById("ankunft") is None:
        _PROVIDER = AnkunftProvider()
        QgsApplication.processingRegistry().addProvider(_PROVIDER)
    return _QGS


@contextmanager
def timed(store: dict, key: str):
    t0 = time.perf_counter()
    yield
    store[key] = time.perf_counter() - t0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def save(name: str, data: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    data = dict(data)
    data.setdefault("machine", "{} cores, {}".format(__import__("os").cpu_count(), platform.platform()))
    data.setdefault("date", time.strftime("%Y-%m-%d %H:%M"))
    path = RESULTS / "{}.json".format(name)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    print("results written to", path)
    return path
