"""The one vocabulary (core/vocabulary.py): complete, consistent with the core, the glossary and
the German translation file."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ankunft_plugin.core import classify, dynamics, infrastructure, vocabulary
from ankunft_plugin.core.vocabulary import (
    BAND_PALETTE,
    CLASSES,
    GROUPS,
    OKABE_ITO,
    band_colours,
    category_terms,
    glossary_markdown,
    label,
    labels,
    norm_lang,
    reason_label,
)

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "ankunft_plugin_de.ts"
PLUGIN = ROOT / "ankunft_plugin"


def test_every_term_has_both_languages_and_unique_keys():
    for group, terms in GROUPS.items():
        keys = [t.key for t in terms]
        assert len(keys) == len(set(keys)), group
        for t in terms:
            assert t.en.strip() and t.de.strip(), (group, t.key)


def test_core_uses_the_vocabulary_codes():
    assert classify.CLASSES == vocabulary.CLASS_KEYS == dynamics.CLASSES
    assert dynamics.CHANGES == vocabulary.CHANGE_KEYS
    assert infrastructure.PRIORITY_CODES == vocabulary.PRIORITY_KEYS
    assert set(classify.REASON_CODES) == set(vocabulary.REASON_CODES)
    assert set(classify.INDICATORS) == {t.key for t in vocabulary.INDICATORS}
    assert list(vocabulary.UNIT_CODES.values()) == [classify.UNIT_COUNT, classify.UNIT_PERCENT, classify.UNIT_PER_1000]
    # every priority code of the core has a label and a colour
    for code in infrastructure.PRIORITY_CODES:
        assert vocabulary.term("priority", code) is not None


def test_no_second_definition_of_classes_or_palette():
    """The arrival classes and the palette are written out once (in the vocabulary)."""
    offenders = []
    for path in sorted(PLUGIN.rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r'\(\s*"established",\s*"emerging"', text):
            offenders.append("{}: class tuple".format(path.relative_to(ROOT)))
        for hex_colour in ("#E69F00", "#0072B2", "#56B4E9", "#D55E00"):
            if hex_colour.lower() in text.lower():
                offenders.append("{}: {}".format(path.relative_to(ROOT), hex_colour))
        for name in ("Etabliertes Ankunftsquartier", "Established arrival quarter", "Neues Ankunftsquartier"):
            if name in text:
                offenders.append("{}: {}".format(path.relative_to(ROOT), name))
    assert not offenders, offenders


def test_layout_takes_its_palette_from_core_not_processing():
    tree = ast.parse((PLUGIN / "layout" / "builder.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert not node.module.startswith("processing"), "layout/builder.py imports {}".format(node.module)


def test_labels_per_language():
    assert label("class", "established", "de") == "Etabliertes Ankunftsquartier"
    assert label("class", "established", "de_DE") == "Etabliertes Ankunftsquartier"
    assert label("class", "established", "en") == "Established arrival quarter"
    assert label("class", "established", "fr") == "Established arrival quarter"
    assert label("class", "unknown_code", "de") == "unknown_code"
    assert list(labels("class", "de")) == list(vocabulary.CLASS_KEYS)
    assert norm_lang("German") == "de" and norm_lang(None) == "en"


def test_reason_labels_fill_their_details():
    assert reason_label("missing:arrivals:.", "de") == "Zuzüge fehlt (.)"
    assert reason_label("population_below_min", "de", 300.0) == "weniger als 300 Einwohnerinnen und Einwohner"
    assert reason_label("population_missing:x", "en") == "population missing (x)"
    assert reason_label("high_arrivals", "de") == "hohe Zuzüge"
    assert reason_label("something_new", "de") == "something_new"


def test_band_palette_is_sequential_and_shares_no_colour_with_the_classes():
    class_colours = {t.colour.upper() for t in CLASSES}
    assert not class_colours & {c.upper() for c in BAND_PALETTE}

    def lightness(hex_colour):
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b

    for n in range(1, 7):
        cols = band_colours(n)
        assert len(cols) == n and len(set(cols)) == n
        light = [lightness(c) for c in cols]
        assert light == sorted(light), "band colours get lighter with longer walks"
    assert len(band_colours(9)) == 9


def test_categories_come_from_the_scheme_file():
    cats = category_terms()
    keys = [t.key for t in cats]
    assert keys == infrastructure.load_scheme().keys
    other = cats[keys.index("other")]
    assert other.colour == OKABE_ITO["grey"]
    assert label("class", "none", "de") not in {t.de for t in cats}


def test_glossary_is_generated_from_the_vocabulary():
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert text == glossary_markdown(), "docs/glossary.md is stale: run scripts/make_glossary.py"


def _ts_messages():
    root = ET.parse(TS).getroot()
    for msg in root.iter("message"):
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("vanished", "obsolete"):
            continue
        yield msg.findtext("source") or "", tr.text or ""


@pytest.mark.parametrize("group", ["class", "change", "priority", "snap", "unit", "cluster"])
def test_translation_file_agrees_with_the_vocabulary(group):
    """Where the panel or toolbox translates a vocabulary term with tr(), it says the same German."""
    german = {t.en: t.de for t in GROUPS[group]}
    wrong = [(src, de, german[src]) for src, de in _ts_messages() if src in german and de and de != german[src]]
    assert not wrong, wrong


def _ebene_words(text: str) -> list[str]:
    words = re.findall(r"\b\w*ebenen?\b", text, flags=re.IGNORECASE)
    return [w for w in words if not w.lower().endswith(("gegebene", "gegebenen"))]


def test_german_says_layer_not_ebene():
    """QGIS's German says "Layer"; "Ebene" is nowhere in the translation or the German help."""
    bad = [de for _src, de in _ts_messages() if _ebene_words(de)]
    for path in sorted((ROOT / "resources" / "help").glob("*.de.html")):
        bad += ["{}: {}".format(path.name, w) for w in _ebene_words(path.read_text(encoding="utf-8"))]
    assert not bad, bad
