"""Make the German translation file say what the vocabulary says.

    .venv/bin/python scripts/vocabulary_ts.py i18n/ankunft_plugin_de.ts

Every message whose English source is a label of ``core/vocabulary.py`` (classes, changes,
priorities, clusters, snap statuses, units) gets the vocabulary's German as translation, so the
panel and the toolbox (``tr()``) say the same as legends and result layers. Only the text of
``<translation>`` elements is replaced; the file is otherwise left as it is.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ankunft_plugin.core.vocabulary import GROUPS  # noqa: E402

CHECKED = ("class", "change", "priority", "snap", "unit", "cluster")


def fix(path: Path) -> int:
    german = {t.en: t.de for g in CHECKED for t in GROUPS[g]}
    text = path.read_text(encoding="utf-8")
    changed = 0

    def repl(m):
        nonlocal changed
        src = html.unescape(m.group(2))
        if src in german and html.unescape(m.group(4)) not in ("", german[src]):
            changed += 1
            return "{}{}{}{}{}".format(m.group(1), m.group(2), m.group(3), html.escape(german[src], quote=False), m.group(5))
        return m.group(0)

    pattern = re.compile(r"(<source>)(.*?)(</source>\s*<translation(?: type=\"unfinished\")?>)(.*?)(</translation>)", re.S)
    text = pattern.sub(repl, text)
    path.write_text(text, encoding="utf-8")
    return changed


if __name__ == "__main__":
    n = fix(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "i18n" / "ankunft_plugin_de.ts"))
    print("{} translations set to the vocabulary".format(n))
