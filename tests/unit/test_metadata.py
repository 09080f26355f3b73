"""metadata.txt read the way the plugins.qgis.org validator reads it."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = ("name", "description", "about", "version", "qgisMinimumVersion", "qgisMaximumVersion", "author", "email",
            "tracker", "repository")
EXPECTED_ALSO = ("homepage", "icon", "hasProcessingProvider", "changelog", "tags", "category", "experimental")


def _meta() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    assert parser.sections() == ["general"]
    return dict(parser["general"])


def test_required_keys_present_and_filled():
    meta = _meta()
    for key in REQUIRED + EXPECTED_ALSO:
        assert meta.get(key, "").strip(), "metadata.txt lacks {}".format(key)


def test_versions_and_flags():
    meta = _meta()
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert meta["qgisMinimumVersion"] == "3.40"
    assert meta["qgisMaximumVersion"] == "4.99"
    assert meta["hasProcessingProvider"] == "yes"
    assert meta["experimental"] in ("False", "false")
    assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", meta["email"])
    for key in ("tracker", "repository", "homepage"):
        assert meta[key].startswith("https://")
    assert (ROOT / meta["icon"]).exists()
    assert "supportsQt6" not in meta  # no longer read by QGIS 4; qgisMaximumVersion decides


def test_about_module_reads_metadata():
    from ankunft_plugin import __about__

    assert __about__.__version__ == _meta()["version"]
    assert __about__.ICON_PATH.exists()


def test_changelog_mentions_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [{}]".format(_meta()["version"]) in text
