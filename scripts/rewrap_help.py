"""Rewrap the help HTML so that every top-level block (a paragraph, a whole list …) is one line.

    .venv/bin/python scripts/rewrap_help.py            # rewrite resources/help/*.html
    .venv/bin/python scripts/rewrap_help.py --check    # list files that need it (exit 1)

QGIS's algorithm dialog turns every line of ``shortHelpString()`` into its own ``<p>``: a newline
inside a sentence breaks the sentence in the help panel. ``tests/unit/test_help_html.py`` checks it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELP_DIR = ROOT / "resources" / "help"
VOID = {"br", "img", "hr", "meta", "link", "input", "wbr"}
# In a whole HTML document (method.*.html, opened in a browser) these only hold blocks: their
# children keep a line each, and only the text blocks (p, li, td, h1 …) are joined.
CONTAINERS = {"html", "head", "body", "ul", "ol", "table", "tr", "thead", "tbody", "style", "title"}
TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)


def is_document(text: str) -> bool:
    return text.lstrip().lower().startswith(("<!doctype", "<html"))


def tag_delta(token: str, containers=frozenset()) -> int:
    """+1 for an opening tag, -1 for a closing tag, 0 for void/self-closing tags, comments and
    the given container tags."""
    if token.startswith(("<!--", "<!")) or token.endswith("/>"):
        return 0
    m = re.match(r"<\s*(/)?\s*([A-Za-z0-9]+)", token)
    if not m or m.group(2).lower() in VOID or m.group(2).lower() in containers:
        return 0
    return -1 if m.group(1) else 1


def rewrap(text: str) -> str:
    """Algorithm help: every top-level block on one line. A whole document: every text block
    (p, li, td, h1 …) on one line, the containers around them as they are."""
    containers = CONTAINERS if is_document(text) else frozenset()
    out, depth = [], 0
    for part in TOKEN.split(text):
        if not part:
            continue
        if part.startswith("<"):
            depth = max(0, depth + tag_delta(part, containers))
            out.append(part)
        elif depth > 0 or part.strip():
            out.append(re.sub(r"[ \t]*\n\s*", " ", part))
        else:
            out.append("\n")
    lines = [ln.rstrip() for ln in "".join(out).split("\n")]
    return "\n".join(ln for ln in lines if ln.strip()) + "\n"


def main(argv) -> int:
    check = "--check" in argv
    stale = []
    for path in sorted(HELP_DIR.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        new = rewrap(text)
        if new != text:
            stale.append(path.name)
            if not check:
                path.write_text(new, encoding="utf-8")
    print("\n".join(stale) if stale else "all help files are wrapped as paragraphs")
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
