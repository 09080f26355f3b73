"""The QGIS plugin class: menu, toolbar, Processing provider, translation, dock panel."""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .__about__ import ICON_PATH
from .i18n import install_translator, remove_translator


class AnkunftPlugin:
    """Created by ``classFactory``; QGIS calls ``initProcessing``, ``initGui`` and ``unload``."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions: list[QAction] = []
        self.toolbar = None
        self.dock = None
        self.menu_title = ""
        self._dependency_logged = False
        self._dependency_shown = False
        install_translator()

    # -- dependencies -------------------------------------------------------------------------
    def check_dependencies(self) -> str:
        """Check numpy/scipy/shapely/GDAL once; a problem is written to the log (every session, also
        qgis_process) and shown once in the message bar (desktop). Returns the message ('' when all is well)."""
        from .dependencies import message

        text = message()
        if text and not self._dependency_logged:
            self._dependency_logged = True
            QgsMessageLog.logMessage(text, "Ankunft", Qgis.MessageLevel.Critical)
        if text and not self._dependency_shown and self.iface is not None and hasattr(self.iface, "messageBar"):
            self._dependency_shown = True
            lines = text.split("\n")
            short = " ".join(line for line in lines if line.startswith("- ")) or lines[0]  # what is missing
            title = QCoreApplication.translate("AnkunftPlugin", "Ankunftsquartiere cannot run")
            bar = self.iface.messageBar()
            try:  # "Show more" opens the whole message: how to install it on Windows, macOS, Linux
                bar.pushMessage(title, short, text, Qgis.MessageLevel.Critical, 0)
            except TypeError:  # a message bar without the showMore variant
                bar.pushMessage(title, "{} {}".format(short, " ".join(lines)), Qgis.MessageLevel.Critical, 0)
        return text

    # -- Processing -------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API)
        from .processing.provider import AnkunftProvider

        self.check_dependencies()
        if self.provider is None:
            provider = AnkunftProvider()
            # addProvider takes ownership; on a duplicate id it refuses (and drops the object)
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # -- GUI --------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()
        self.check_dependencies()
        self.menu_title = QCoreApplication.translate("AnkunftPlugin", "Ankunftsquartiere")
        icon = QIcon(str(ICON_PATH))

        panel_action = QAction(icon, QCoreApplication.translate("AnkunftPlugin", "Ankunftsquartiere panel"), self.iface.mainWindow())
        panel_action.setObjectName("ankunft_panel_action")
        panel_action.setToolTip(QCoreApplication.translate("AnkunftPlugin", "Open the Ankunftsquartiere workspace: classify, map infrastructure, walking catchments, docking points, strategy maps"))
        panel_action.triggered.connect(self.show_panel)

        toolbox_action = QAction(icon, QCoreApplication.translate("AnkunftPlugin", "Ankunftsquartiere algorithms (Processing toolbox)"), self.iface.mainWindow())
        toolbox_action.setObjectName("ankunft_toolbox_action")
        toolbox_action.triggered.connect(self.show_toolbox)

        help_action = QAction(QCoreApplication.translate("AnkunftPlugin", "Method and help"), self.iface.mainWindow())
        help_action.setObjectName("ankunft_help_action")
        help_action.triggered.connect(self.show_help)

        for action in (panel_action, toolbox_action, help_action):
            self.iface.addPluginToVectorMenu(self.menu_title, action)
            self.actions.append(action)

        self.toolbar = self.iface.addToolBar(QCoreApplication.translate("AnkunftPlugin", "Ankunftsquartiere"))
        self.toolbar.setObjectName("AnkunftToolbar")
        self.toolbar.addAction(panel_action)
        self._register_model_editing()
        # our strategy-map layouts open with the atlas preview on (QGIS does not store that state)
        opened = getattr(self.iface, "layoutDesignerOpened", None)  # absent in test stand-ins of the interface
        if opened is not None:
            opened.connect(self.on_layout_designer_opened)

    def _register_model_editing(self):
        """ "Edit Model…" in the toolbox for the shipped models (QGIS offers it only for its own providers)."""
        try:
            from .gui.edit_model import register
        except ImportError:
            return
        register()

    def on_layout_designer_opened(self, designer):
        from qgis.PyQt.QtCore import QTimer

        from .layout.builder import enable_atlas_preview

        QTimer.singleShot(0, lambda: enable_atlas_preview(designer))

    def show_panel(self):
        try:
            from .gui.dock import AnkunftDock
        except ImportError:  # the panel is optional; the toolbox always works
            self.show_toolbox()
            return
        if self.dock is None:
            from qgis.PyQt.QtCore import Qt

            self.dock = AnkunftDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.show()
        self.dock.raise_()

    def show_toolbox(self):
        """Show the Processing toolbox filtered to this provider's algorithms."""
        from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit

        dock = self.iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if dock is None:
            return
        dock.setVisible(True)
        dock.raise_()
        search = dock.findChild(QLineEdit)
        if search is not None:
            search.setText("ankunft")

    def show_help(self):
        from qgis.PyQt.QtCore import QUrl
        from qgis.PyQt.QtGui import QDesktopServices

        from .processing.help import help_file

        path = help_file("method")
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def unload(self):
        try:
            self.iface.layoutDesignerOpened.disconnect(self.on_layout_designer_opened)
        except (AttributeError, TypeError, RuntimeError):  # never connected
            pass
        for action in self.actions:
            self.iface.removePluginVectorMenu(self.menu_title, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        try:
            from .gui.edit_model import unregister

            unregister()
        except ImportError:
            pass
        remove_translator()
