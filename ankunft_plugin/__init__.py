"""Ankunft – QGIS plugin for arrival quarters (Ankunftsquartiere)."""


def classFactory(iface):  # noqa: N802 (QGIS entry point name)
    """QGIS entry point. The plugin class is imported lazily, so that loading the
    plugin list stays cheap and a core-only use never imports the GUI."""
    from .plugin import AnkunftPlugin

    return AnkunftPlugin(iface)
