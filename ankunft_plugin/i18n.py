"""Translation helpers shared by the plugin, the Processing provider and the GUI.

``tr()`` takes literal strings only (pylupdate cannot read f-strings); use ``.format()`` on the
translated text for values.
"""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .__about__ import I18N_DIR

_translator: QTranslator | None = None


def tr(message: str, context: str = "Ankunft") -> str:
    return QCoreApplication.translate(context, message)


def user_locale() -> str:
    """The QGIS UI locale as a two-letter code (``de``, ``en`` …)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    name = str(name or "en")
    return name[:2].lower() or "en"


def ui_lang() -> str:
    """The QGIS UI language as one of the vocabulary's languages, ``de`` or ``en``."""
    from .core.vocabulary import norm_lang

    try:
        return norm_lang(user_locale())
    except Exception:  # noqa: BLE001 - no QGIS settings: English
        return "en"


def install_translator() -> str | None:
    """Install the compiled translation for the QGIS locale (full name, then two-letter code).

    Returns the path of the loaded .qm file, or None (English)."""
    global _translator
    settings = QgsSettings()
    full = str(settings.value("locale/userLocale", "") or QLocale.system().name() or "en")
    for name in (full, full[:2]):
        qm = I18N_DIR / "ankunft_plugin_{}.qm".format(name)
        if qm.exists():
            translator = QTranslator()
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                _translator = translator
                return str(qm)
    return None


def remove_translator() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
