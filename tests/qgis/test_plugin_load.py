"""The plugin loads through classFactory, registers its provider, and unloads cleanly (twice)."""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsProcessingModelAlgorithm


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


def test_missing_dependency_gives_one_message_and_algorithms_say_why(plugin, qgis_iface, monkeypatch):
    """A missing scipy (simulated: the check's result) → one message in the bar and the log; the provider is
    there and every algorithm's canExecute() is False with the reason."""
    import ankunft_plugin
    from ankunft_plugin import dependencies as deps

    scipy_req = next(r for r in deps.REQUIREMENTS if r.module == "scipy")
    monkeypatch.setattr(deps, "_CACHE", [deps.Problem(scipy_req, None, "ModuleNotFoundError: scipy")])
    bar = qgis_iface.messageBar()
    before = len(bar.get_messages(Qgis.MessageLevel.Critical))
    fresh = ankunft_plugin.classFactory(qgis_iface)
    text = fresh.check_dependencies()
    fresh.check_dependencies()  # a second call (initGui after initProcessing) shows nothing new
    new = bar.get_messages(Qgis.MessageLevel.Critical)[before:]
    assert len(new) == 1 and "SciPy is missing" in new[0] and "cannot run" in new[0], new
    assert "SciPy is missing (needs 1.9 or newer)" in text
    for platform in ("Windows", "macOS", "Linux", "python3-scipy"):
        assert platform in text
    registry = QgsApplication.processingRegistry()
    algs = registry.providerById("ankunft").algorithms()
    assert len(algs) >= 9
    for alg in algs:  # the shipped model too
        ok, why = alg.canExecute()
        assert not ok and "SciPy" in why, alg.id()


def test_stand_ins_match_the_real_algorithms():
    """Where a module cannot be imported, its stand-in has the real id, group and (translated) name."""
    from ankunft_plugin.processing import provider as prov
    from ankunft_plugin.processing.unavailable import UnavailableAlgorithm, declared

    for module_name, class_name in prov.ALGORITHMS:
        real = prov._load(module_name, class_name)()
        info = declared(module_name, class_name)
        assert info is not None, module_name
        stand_in = UnavailableAlgorithm(info[0], info[1], class_name, info[2], "needs scipy")
        assert (stand_in.name(), stand_in.groupId(), stand_in.displayName(), stand_in.group()) == (
            real.name(), real.groupId(), real.displayName(), real.group())
        assert stand_in.canExecute() == (False, "needs scipy")
        assert stand_in.shortHelpString().startswith("<p><b>needs scipy</b></p>")


def test_blocked_imports_are_really_blocked():
    """In the stock-QGIS run (ANKUNFT_BLOCK_IMPORTS) the modules cannot be imported, here and in child processes."""
    import importlib
    import os
    import subprocess
    import sys

    import pytest

    blocked = [m for m in os.environ.get("ANKUNFT_BLOCK_IMPORTS", "").split(",") if m]
    if not blocked:
        pytest.skip("not the blocked run")
    for name in blocked:
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(name)
    child = subprocess.run([sys.executable, "-c", "import {}".format(blocked[0])], capture_output=True, text=True)
    assert child.returncode != 0 and "blocked" in child.stderr
