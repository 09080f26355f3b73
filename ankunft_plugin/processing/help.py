"""Help texts per algorithm and locale, kept as HTML files in ``resources/help/``.

``resources/help/<algorithm id>.<lang>.html`` – the locale's file is used when it exists, the
English one otherwise. Keeping long help out of ``tr()`` keeps the .ts file short and lets a
translator edit whole paragraphs.
"""

from __future__ import annotations

from pathlib import Path

from ..__about__ import RESOURCES_DIR

HELP_DIR = RESOURCES_DIR / "help"


def _locale() -> str:
    try:
        from ..i18n import user_locale

        return user_locale()
    except Exception:  # noqa: BLE001 - outside QGIS: English
        return "en"


def help_file(name: str, locale: str | None = None) -> Path | None:
    locale = locale or _locale()
    for lang in (locale, "en"):
        path = HELP_DIR / "{}.{}.html".format(name, lang)
        if path.exists():
            return path
    return None


def help_text(name: str, locale: str | None = None) -> str:
    path = help_file(name, locale)
    return path.read_text(encoding="utf-8") if path is not None else ""
