"""Fill translations into a Qt .ts file from tab-separated lists.

    python scripts/i18n_fill.py i18n/ankunft_plugin_de.ts translations.tsv [more.tsv …]

Each TSV line: ``context<TAB>English source<TAB>translation``. Only messages whose context and source
match exactly are filled; already finished translations are left alone unless --force is given.
Prints what it filled and which TSV lines matched no message. Escape sequences ``\\n`` and ``\\t``
in the TSV stand for newline and tab.
"""

from __future__ import annotations

import signal
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def load_tsv(paths):
    table = {}
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                print("{}:{}: expected 3 tab-separated columns".format(path, n), file=sys.stderr)
                continue
            ctx, src, dst = (_unescape(p) for p in parts)
            table[(ctx, src)] = dst
    return table


def fill(ts_path: Path, table: dict, force: bool = False) -> tuple[int, int, set]:
    tree = ET.parse(ts_path)
    root = tree.getroot()
    filled = unfinished = 0
    used = set()
    for context in root.iter("context"):
        ctx = context.findtext("name")
        for message in context.iter("message"):
            src = message.findtext("source")
            tr_el = message.find("translation")
            key = (ctx, src)
            if tr_el is None:
                continue
            done = tr_el.get("type") not in ("unfinished",) and (tr_el.text or "")
            if key in table and (force or not done):
                tr_el.text = table[key]
                tr_el.attrib.pop("type", None)
                filled += 1
                used.add(key)
            elif key in table:
                used.add(key)
            if tr_el.get("type") == "unfinished":
                unfinished += 1
    if root.get("language") is None:
        root.set("language", "de_DE")
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    # keep the DOCTYPE line Qt tools write
    text = ts_path.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        ts_path.write_text(text, encoding="utf-8")
    return filled, unfinished, set(table) - used


def main(argv):
    force = "--force" in argv
    args = [a for a in argv if a != "--force"]
    if len(args) < 2:
        print(__doc__)
        return 2
    filled, unfinished, unused = fill(Path(args[0]), load_tsv(args[1:]), force)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    print("filled {} translations; {} still unfinished".format(filled, unfinished))
    for ctx, src in sorted(unused):
        print("  no message for: {} | {}".format(ctx, src[:70]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
