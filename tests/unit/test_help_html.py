"""Help texts are continuous paragraphs: QGIS's algorithm dialog makes every line of
``shortHelpString()`` its own ``<p>``, so a line break inside a sentence breaks it on screen."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELP = sorted((ROOT / "resources" / "help").glob("*.html"))
sys.path.insert(0, str(ROOT / "scripts"))

from rewrap_help import CONTAINERS, TOKEN, is_document, rewrap, tag_delta  # noqa: E402


def _depth_after(line: str, containers) -> int:
    depth = 0
    for token in TOKEN.findall(line):
        depth += tag_delta(token, containers)
    return depth


@pytest.mark.parametrize("path", HELP, ids=[p.name for p in HELP])
def test_every_line_is_a_whole_block(path):
    """Each line opens and closes its own elements: no paragraph, list item or sentence spans two lines."""
    text = path.read_text(encoding="utf-8")
    containers = CONTAINERS if is_document(text) else frozenset()
    for n, line in enumerate(text.splitlines(), 1):
        assert line.strip(), "{}:{}: empty line (becomes an empty paragraph)".format(path.name, n)
        assert _depth_after(line, containers) == 0, "{}:{}: element continues on the next line: {}".format(path.name, n, line[:80])
        assert re.match(r"\s*<", line), "{}:{}: text outside an element".format(path.name, n)


@pytest.mark.parametrize("path", HELP, ids=[p.name for p in HELP])
def test_rewrap_leaves_the_file_as_it_is(path):
    text = path.read_text(encoding="utf-8")
    assert rewrap(text) == text, "run scripts/rewrap_help.py"


def test_rewrap_joins_a_hard_wrapped_sentence():
    assert rewrap("<p>One sentence\nbroken here.</p>\n<ul>\n<li>a\nb</li>\n</ul>\n") == "<p>One sentence broken here.</p>\n<ul> <li>a b</li> </ul>\n"


def test_help_exists_in_both_languages():
    names = {p.name.split(".")[0] for p in HELP}
    for name in names:
        assert (ROOT / "resources" / "help" / "{}.en.html".format(name)).exists()
        assert (ROOT / "resources" / "help" / "{}.de.html".format(name)).exists()
