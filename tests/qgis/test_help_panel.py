"""The help panel of every algorithm dialog shows whole sentences (QGIS makes each line of
``shortHelpString()`` a paragraph; the help HTML keeps each block on one line)."""

from __future__ import annotations

import re

import pytest
from qgis.gui import QgsProcessingAlgorithmDialogBase
from qgis.PyQt.QtWidgets import QTextBrowser

from ankunft_plugin.processing import help as help_module


class _Dialog(QgsProcessingAlgorithmDialogBase):
    """The real base dialog of Processing (abstract parts stubbed): its help panel is what users see."""

    def getParametersPanel(self, *args):  # noqa: N802
        return None

    def createProcessingParameters(self, *args, **kwargs):  # noqa: N802
        return {}

    def setParameters(self, *args):  # noqa: N802
        pass


def _broken_sentences(help_string: str) -> list[str]:
    """Pairs of consecutive lines of ``shortHelpString()`` (each one a paragraph in the panel)
    where the first ends mid-sentence and the next goes on in lower case. Headings are exempt."""
    lines = [ln.strip() for ln in help_string.split("\n") if ln.strip()]
    plain = [re.sub(r"<[^>]+>", "", ln).strip() for ln in lines]
    return [
        "{} ⏎ {}".format(a[-40:], b[:40])
        for raw, a, b in zip(lines, plain, plain[1:])
        if not re.match(r"<h\d", raw) and re.search(r"[\wäöüß,(–-]$", a) and re.match(r"[a-zäöüß(]", b)
    ]


def _help_panel(alg) -> str:
    dialog = _Dialog()
    dialog.setAlgorithm(alg.create())  # the dialog takes ownership: give it its own instance
    text = dialog.findChild(QTextBrowser, "textShortHelp").toPlainText()
    dialog.deleteLater()
    return text


@pytest.mark.parametrize("lang", ["en", "de"])
def test_help_panel_shows_whole_sentences(provider, monkeypatch, lang):
    monkeypatch.setattr(help_module, "_locale", lambda: lang)
    checked, broken = 0, []
    for alg in provider.algorithms():
        help_string = alg.shortHelpString()
        if not help_string.strip():
            continue
        checked += 1
        broken += ["{}: {}".format(alg.id(), b) for b in _broken_sentences(help_string)]
        # the panel shows one paragraph per line: as many as the help has lines (+ the title)
        panel = [ln for ln in _help_panel(alg).splitlines() if ln.strip()]
        assert len(panel) >= len([ln for ln in help_string.split("\n") if ln.strip()]), alg.id()
    assert checked >= 9
    assert not broken, broken
