"""What the plugin needs at run time, checked once at load.

Run time needs only what every QGIS installer ships: numpy, scipy, shapely (1.8 or 2.x) and GDAL's
Python bindings (``osgeo``). rasterio, geopandas and pandas are used where present, never required.

:func:`problems` imports nothing from QGIS (the public API uses it too); :func:`message` builds the one
translated text the plugin shows in the message bar, the log and in every algorithm that cannot run.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Requirement:
    module: str  # what is imported
    name: str  # what users call it
    minimum: str  # lowest version the plugin is tested with / needs
    package: str  # the pip / conda package name
    debian: str  # the Debian/Ubuntu package name


# Minimums: numpy 1.21 (Generator, typing), scipy 1.9 (optimize.milp, HiGHS for the exact siting),
# shapely 1.8 (1.8 and 2.x both work), GDAL 3.4 (Ubuntu 22.04; Polygonize, MEM driver).
REQUIREMENTS = (
    Requirement("numpy", "NumPy", "1.21", "numpy", "python3-numpy"),
    Requirement("scipy", "SciPy", "1.9", "scipy", "python3-scipy"),
    Requirement("shapely", "Shapely", "1.8", "shapely", "python3-shapely"),
    Requirement("osgeo.gdal", "GDAL (osgeo)", "3.4", "gdal", "python3-gdal"),
)
OPTIONAL = ("rasterio", "geopandas", "pandas")


@dataclass(frozen=True)
class Problem:
    requirement: Requirement
    found: str | None  # the version found; None when the module cannot be imported
    error: str = ""

    @property
    def missing(self) -> bool:
        return self.found is None


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in str(text).split(".")[:3]:
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
    return tuple(parts)


def _version_of(module) -> str:
    version = getattr(module, "__version__", None)
    if version is None and hasattr(module, "VersionInfo"):  # osgeo.gdal: "3060200" -> 3.6.2
        num = int(module.VersionInfo("VERSION_NUM"))
        version = "{}.{}.{}".format(num // 1000000, num // 10000 % 100, num // 100 % 100)
    return str(version or "0")


def check(requirements=REQUIREMENTS) -> list[Problem]:
    """The requirements that are missing or older than their minimum (empty when all is well)."""
    found = []
    for req in requirements:
        try:
            module = importlib.import_module(req.module)
        except Exception as err:  # noqa: BLE001 - a broken install (DLL error …) is as bad as a missing one
            found.append(Problem(req, None, "{}: {}".format(type(err).__name__, err)))
            continue
        version = _version_of(module)
        if _version_tuple(version) < _version_tuple(req.minimum):
            found.append(Problem(req, version))
    return found


_CACHE: list[Problem] | None = None


def problems(refresh: bool = False) -> list[Problem]:
    """:func:`check`, done once per session."""
    global _CACHE
    if _CACHE is None or refresh:
        _CACHE = check()
    return list(_CACHE)


def optional_available() -> dict[str, bool]:
    """Which optional modules (rasterio, geopandas, pandas) can be imported."""
    available = {}
    for name in OPTIONAL:
        try:
            importlib.import_module(name)
            available[name] = True
        except Exception:  # noqa: BLE001
            available[name] = False
    return available


try:
    from qgis.PyQt.QtCore import QCoreApplication
except ImportError:  # used without QGIS (the public API): English

    class QCoreApplication:  # noqa: D101 - stand-in with the one method used here
        @staticmethod
        def translate(context: str, text: str) -> str:
            return text


def message(found: list[Problem] | None = None) -> str:
    """One plain-text message: what is missing or too old, and how to install it on each platform."""
    found = problems() if found is None else found
    if not found:
        return ""
    lines = [QCoreApplication.translate("AnkunftDependencies", "Ankunftsquartiere cannot run its analyses: Python packages that QGIS normally ships are missing or too old.")]
    for p in found:
        if p.missing:
            lines.append(QCoreApplication.translate("AnkunftDependencies", "- {name} is missing (needs {minimum} or newer).").format(
                name=p.requirement.name, minimum=p.requirement.minimum))
        else:
            lines.append(QCoreApplication.translate("AnkunftDependencies", "- {name} {found} is too old (needs {minimum} or newer).").format(
                name=p.requirement.name, found=p.found, minimum=p.requirement.minimum))
    pip = " ".join(p.requirement.package for p in found if p.requirement.package != "gdal")
    debs = " ".join(p.requirement.debian for p in found)
    lines.append(QCoreApplication.translate("AnkunftDependencies", "How to install:"))
    if pip:
        lines.append(QCoreApplication.translate("AnkunftDependencies", "Windows (QGIS standalone or OSGeo4W): open the OSGeo4W Shell from the Start menu and run: python -m pip install --upgrade {packages}").format(packages=pip))
        lines.append(QCoreApplication.translate("AnkunftDependencies", "macOS (QGIS.app from qgis.org): in Terminal run: /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --upgrade {packages} (use the name of your QGIS app, e.g. QGIS-LTR.app)").format(packages=pip))
    if any(p.requirement.package == "gdal" for p in found):
        lines.append(QCoreApplication.translate("AnkunftDependencies", "GDAL's Python bindings come with QGIS: on Windows repair QGIS with the OSGeo4W installer (package python3-gdal); on macOS reinstall QGIS from qgis.org."))
    lines.append(QCoreApplication.translate("AnkunftDependencies", "Linux: install your distribution's packages, e.g. sudo apt install {packages} (Debian/Ubuntu) or sudo dnf install {packages} (Fedora).").format(packages=debs))
    lines.append(QCoreApplication.translate("AnkunftDependencies", "Then restart QGIS. The other Processing providers are not affected."))
    return "\n".join(lines)


def short_message(found: list[Problem] | None = None) -> str:
    """One line for an algorithm that cannot run."""
    found = problems() if found is None else found
    if not found:
        return ""
    names = ", ".join(p.requirement.name for p in found)
    return QCoreApplication.translate("AnkunftDependencies", "This algorithm needs {names} (missing or too old). The QGIS log (tab Ankunft) says how to install it.").format(names=names)
