"""QGIS test fixtures: the plugin is loaded through ``classFactory``, as QGIS does."""

from __future__ import annotations

import os
import tempfile

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

# graphs cached on disk by the walking algorithms go to a folder of the test run, not the profile
os.environ.setdefault("ANKUNFT_GRAPH_CACHE", tempfile.mkdtemp(prefix="ankunft_graphs_"))


def _complete_stub_iface(iface) -> None:
    """pytest-qgis' headless iface lacks a few QgisInterface methods the plugin calls.

    They are added here with the real signatures and a record of what was added, so tests can
    check menus; the real desktop test (``tests/qgis/test_desktop.py``) checks the real ones."""
    if getattr(iface, "_ankunft_completed", False):
        return
    iface.vector_menu = {}

    def add_vector(name, action):
        iface.vector_menu.setdefault(name, []).append(action)

    def remove_vector(name, action):
        actions = iface.vector_menu.get(name, [])
        if action in actions:
            actions.remove(action)
        if not actions:
            iface.vector_menu.pop(name, None)

    iface.addPluginToVectorMenu = add_vector
    iface.removePluginVectorMenu = remove_vector
    iface.removeDockWidget = lambda dock: None
    iface._ankunft_completed = True


@pytest.fixture(scope="session")
def plugin(qgis_app, qgis_processing, qgis_iface):
    import ankunft_plugin

    _complete_stub_iface(qgis_iface)
    instance = ankunft_plugin.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


@pytest.fixture
def provider(plugin):
    """Looked up for every test: a test may unload and reload the plugin (new provider object)."""
    return QgsApplication.processingRegistry().providerById("ankunft")


@pytest.fixture
def run_alg(provider):
    """Run an ``ankunft:`` algorithm (or any other) and return its results dict."""
    import processing

    def _run(alg_id: str, params: dict, feedback=None, context=None):
        context = context or QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = feedback or QgsProcessingFeedback()
        return processing.run(alg_id, params, context=context, feedback=feedback)

    return _run

