"""The plugin loads through classFactory, registers its provider, and unloads cleanly (twice)."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsProcessingModelAlgorithm


def test_provider_registered(provider):
    assert provider is not None
    assert provider.id() == "ankunft"
    assert provider.name()
    assert not provider.icon().isNull()


def test_algorithm_conventions(provider):
    for alg in provider.algorithms():
        assert alg.name() == alg.name().lower()
        assert alg.groupId() == alg.groupId().lower()
        assert alg.displayName()
        assert alg.shortHelpString(), alg.id()
        for param in alg.parameterDefinitions():
            if isinstance(alg, QgsProcessingModelAlgorithm) and param.isDestination():
                continue  # QGIS names a model's outputs itself (lower case, from the child output)
            assert param.name() == param.name().upper(), (alg.id(), param.name())
            assert param.help(), "{}: parameter {} has no help".format(alg.id(), param.name())


def test_menu_entries(plugin, qgis_iface):
    assert plugin.menu_title in qgis_iface.vector_menu
    names = [a.objectName() for a in qgis_iface.vector_menu[plugin.menu_title]]
    assert "ankunft_panel_action" in names


def test_load_unload_load(plugin, qgis_iface, qgis_processing):
    import ankunft_plugin

    registry = QgsApplication.processingRegistry()
    plugin.unload()
    assert registry.providerById("ankunft") is None
    try:
        for _ in range(2):
            p = ankunft_plugin.classFactory(qgis_iface)
            p.initProcessing()
            p.initGui()
            assert registry.providerById("ankunft") is not None
            assert len(registry.providerById("ankunft").algorithms()) == len(p.provider.algorithms())
            p.unload()
            assert registry.providerById("ankunft") is None
            assert plugin.menu_title not in qgis_iface.vector_menu
    finally:
        plugin.initGui()  # restore the session plugin for the other tests
