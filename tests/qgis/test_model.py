"""The shipped model ankunft:fullanalysis: German and English, inputs in the order of the work, and
"Edit Model…" ("Modell bearbeiten…") in the Processing toolbox."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "resources" / "models" / "fullanalysis.model3"


@pytest.fixture
def german(qgis_app, tmp_path):
    """The plugin's German translation installed, as in a German QGIS."""
    from ankunft_plugin import i18n

    qm = ROOT / "i18n" / "ankunft_plugin_de.qm"
    subprocess.run(["lrelease", "-silent", str(ROOT / "i18n" / "ankunft_plugin_de.ts"), "-qm", str(qm)], check=True)
    settings = QgsSettings()
    old = settings.value("locale/userLocale", ""), settings.value("locale/overrideFlag", False)
    settings.setValue("locale/userLocale", "de_DE")
    settings.setValue("locale/overrideFlag", True)
    assert i18n.install_translator()
    yield
    i18n.remove_translator()
    settings.setValue("locale/userLocale", old[0])
    settings.setValue("locale/overrideFlag", old[1])


def test_inputs_in_the_order_of_the_work(provider):
    from ankunft_plugin.processing.model_texts import FULLANALYSIS_ORDER

    model = QgsApplication.processingRegistry().algorithmById("ankunft:fullanalysis")
    names = [p.name() for p in model.parameterDefinitions() if not p.isDestination()]
    assert [n for n in names if n in FULLANALYSIS_ORDER] == [n for n in FULLANALYSIS_ORDER if n in names]
    assert names[:3] == ["AREAS", "ID_FIELD", "POPULATION_FIELD"] and names != sorted(names)


def test_model_in_english_and_german(provider, german):
    from ankunft_plugin.processing.provider import ShippedModel

    english = QgsProcessingModelAlgorithm()
    assert english.fromFile(str(MODEL))
    assert english.parameterDefinition("AREAS").description() == "Areas with statistics (whole city)"
    model = ShippedModel(MODEL)  # as the provider loads it in a German QGIS
    assert model.displayName() == "Gesamtanalyse: von der Einordnung bis zur Strategiekarte"
    assert model.parameterDefinition("AREAS").description() == "Gebiete mit Statistik (ganze Stadt)"
    assert model.parameterDefinition("COUNT").help() == "Wie viele neue Standorte vorgeschlagen werden."
    assert model.childAlgorithm("classify").description() == "Ankunftsquartiere einordnen"
    assert model.shortDescription().startswith("Die ganze Ankunft-Analyse")
    english_left = [
        p.description()
        for p in model.parameterDefinitions()
        if english.parameterDefinition(p.name()) is not None and p.description() == english.parameterDefinition(p.name()).description()
    ]
    assert not english_left, english_left
    assert "Modell bearbeiten" in model.shortHelpString() or "Modell-Designer" in model.shortHelpString()


def test_edit_model_is_offered_and_opens_a_copy(provider, qgis_iface, monkeypatch):
    from qgis.PyQt.QtCore import QSize

    from ankunft_plugin.gui.edit_model import EditShippedModelAction, register

    # pytest-qgis' headless iface lacks QgisInterface.iconSize, which the model designer asks for
    monkeypatch.setattr(qgis_iface, "iconSize", lambda dockedToolbar=False: QSize(24, 24), raising=False)

    assert register()
    from processing.gui.ProviderActions import ProviderContextMenuActions

    actions = [a for a in ProviderContextMenuActions.actions if isinstance(a, EditShippedModelAction)]
    assert len(actions) == 1, "registered once, by the plugin"
    action = actions[0]
    model = QgsApplication.processingRegistry().algorithmById("ankunft:fullanalysis")
    action.setData(model, None)
    assert action.isEnabled()
    assert action.name == QCoreApplication.translate("EditModelAction", "Edit Model…")
    action.setData(QgsApplication.processingRegistry().algorithmById("ankunft:classifyarrivalquarters"), None)
    assert not action.isEnabled()
    action.setData(QgsApplication.processingRegistry().algorithmById("native:buffer"), None)
    assert not action.isEnabled()
    # QGIS's own "Edit Model…" refuses it (only providers 'model' and 'project'): ours is the one that works
    from processing.modeler.EditModelAction import EditModelAction

    theirs = EditModelAction()
    theirs.setData(model, None)
    assert not theirs.isEnabled()
    # execute: the model designer opens on a copy without a file path ("Save" asks where; the plugin's file stays)
    action.setData(model, None)
    copy = action.copy_of_model()
    assert copy.sourceFilePath() == ""
    assert [p.name() for p in copy.parameterDefinitions()] == [p.name() for p in model.parameterDefinitions()]
    assert sorted(copy.childAlgorithms()) == sorted(model.childAlgorithms())
    before = MODEL.read_bytes()
    action.execute()
    dialog = action.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model().sourceFilePath() == ""
    assert sorted(dialog.model().childAlgorithms()) == sorted(model.childAlgorithms())
    dialog.setDirty(False)
    dialog.close()
    assert MODEL.read_bytes() == before
