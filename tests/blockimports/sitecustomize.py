"""Make some installed modules unimportable, as on a stock QGIS that lacks them (no uninstalling).

``ANKUNFT_BLOCK_IMPORTS=rasterio,geopandas,pandas`` lists the top-level modules to block. The pytest
conftest calls :func:`install` for the test process; for child processes (``qgis_process``, the QGIS
desktop) this folder is put first on ``PYTHONPATH``, so Python imports this file as ``sitecustomize`` at
start-up. An import of a blocked module (or a submodule) raises ``ModuleNotFoundError`` as if it were
not installed.
"""

from __future__ import annotations

import os
import sys

ENV = "ANKUNFT_BLOCK_IMPORTS"


class ImportBlocker:
    """A ``sys.meta_path`` finder that refuses the blocked top-level modules."""

    def __init__(self, names):
        self.names = frozenset(n.strip() for n in names if n.strip())

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] in self.names:
            raise ModuleNotFoundError("No module named '{}' (blocked by {})".format(fullname, ENV), name=fullname)
        return None  # noqa: RET501 - "not mine", the next finder decides


def install(names=None):
    """Block ``names`` (default: from the environment variable); return the blocked set."""
    if names is None:
        names = os.environ.get(ENV, "").split(",")
    blocker = ImportBlocker(names)
    if not blocker.names:
        return frozenset()
    if not any(type(f).__name__ == "ImportBlocker" for f in sys.meta_path):
        sys.meta_path.insert(0, blocker)
    for mod in [m for m in sys.modules if m.partition(".")[0] in blocker.names]:
        del sys.modules[mod]
    return blocker.names


install()
