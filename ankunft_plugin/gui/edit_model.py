""""Edit Model…" ("Modell bearbeiten…") for the models the plugin ships (``ankunft:fullanalysis``).

QGIS offers "Edit Model…" in the Processing toolbox only for models of the providers ``model`` and
``project`` (``processing/modeler/EditModelAction.py``): a model that a plugin's provider ships gets no
such entry. This context action adds it for our provider. It opens a *copy* of the model in the model
designer, with no file path: "Save" asks where to save (the user's models folder), so the shipped file
inside the plugin is never overwritten and the user's version appears under "Models".
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication

PROVIDER_ID = "ankunft"

try:  # the Processing plugin's GUI (absent in qgis_process and plain Python)
    from processing.gui.ContextAction import ContextAction
except ImportError:  # pragma: no cover - no Processing GUI
    ContextAction = object


class EditShippedModelAction(ContextAction):
    def __init__(self):
        super().__init__()
        # QGIS's own wording and context, so the German QGIS says "Modell bearbeiten…"
        self.name = QCoreApplication.translate("EditModelAction", "Edit Model…")
        self.is_separator = False
        self.itemData = None
        self.toolbox = None
        self.dialog = None

    def setData(self, itemData, toolbox):  # noqa: N802,N803 (QGIS API)
        self.itemData = itemData
        self.toolbox = toolbox

    def icon(self):
        return QgsApplication.getThemeIcon("/processingModel.svg")

    def isEnabled(self):  # noqa: N802
        alg = self.itemData
        return isinstance(alg, QgsProcessingModelAlgorithm) and alg.provider() is not None and alg.provider().id() == PROVIDER_ID

    def copy_of_model(self) -> QgsProcessingModelAlgorithm:
        """The model as the toolbox shows it (translated), without a file path."""
        model = QgsProcessingModelAlgorithm()
        model.loadVariant(self.itemData.toVariant())
        model.setSourceFilePath("")
        return model

    def execute(self):
        from processing.modeler.ModelerDialog import ModelerDialog

        dialog = ModelerDialog.create(self.copy_of_model())
        dialog.update_model.connect(self._refresh_models)
        dialog.show()
        dialog.activate()
        self.dialog = dialog

    @staticmethod
    def _refresh_models():
        provider = QgsApplication.processingRegistry().providerById("model")
        if provider is not None:
            provider.refreshAlgorithms()


_ACTIONS: list = []


def register() -> bool:
    """Add the action to the toolbox's context menu (once). False without the Processing GUI."""
    try:
        from processing.gui.ProviderActions import ProviderContextMenuActions
    except ImportError:
        return False
    if not _ACTIONS:
        _ACTIONS.append(EditShippedModelAction())
        ProviderContextMenuActions.registerProviderContextMenuActions(_ACTIONS)
    return True


def unregister() -> None:
    try:
        from processing.gui.ProviderActions import ProviderContextMenuActions
    except ImportError:
        return
    if _ACTIONS:
        ProviderContextMenuActions.deregisterProviderContextMenuActions(list(_ACTIONS))
        _ACTIONS.clear()
