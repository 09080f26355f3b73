"""Plugin metadata, read once from metadata.txt (the single source of truth).

In the repository metadata.txt sits at the top level; in the installed plugin (``make package`` /
``make install``) it sits inside the plugin folder. Both places are tried.
"""

from __future__ import annotations

import configparser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
_CANDIDATES = (PLUGIN_DIR / "metadata.txt", PLUGIN_DIR.parent / "metadata.txt")


def _find(*names: str) -> Path:
    """Return the first existing path for a file or folder shipped beside the plugin."""
    for name in names:
        for base in (PLUGIN_DIR, PLUGIN_DIR.parent):
            path = base / name
            if path.exists():
                return path
    return PLUGIN_DIR / names[0]


METADATA_PATH = next((p for p in _CANDIDATES if p.exists()), _CANDIDATES[0])
RESOURCES_DIR = _find("resources")
I18N_DIR = _find("i18n")

_parser = configparser.ConfigParser(interpolation=None)
_parser.optionxform = str  # keep key case
_parser.read(METADATA_PATH, encoding="utf-8")
METADATA: dict[str, str] = dict(_parser["general"]) if _parser.has_section("general") else {}

__title__ = METADATA.get("name", "Ankunftsquartiere")
__version__ = METADATA.get("version", "0.0.0")
__author__ = METADATA.get("author", "")
__email__ = METADATA.get("email", "")
__homepage__ = METADATA.get("homepage", "")
__tracker__ = METADATA.get("tracker", "")
__repository__ = METADATA.get("repository", "")
__license__ = "GPL-2.0-or-later"
__qgis_min__ = METADATA.get("qgisMinimumVersion", "3.40")
__qgis_max__ = METADATA.get("qgisMaximumVersion", "4.99")
ICON_PATH = RESOURCES_DIR / "icons" / "ankunft.svg"
