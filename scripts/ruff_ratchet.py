#!/usr/bin/env python3
"""The complexity ratchet: functions allowed to exceed ruff's C901 (complexity > 15) and PLR0913 (> 8 arguments).

    scripts/ruff_ratchet.py            # check: exit 1 if a function is new in the list or got worse
    scripts/ruff_ratchet.py --update   # rewrite ruff-ratchet.txt from the code (after making a function simpler)

``ruff-ratchet.txt`` lists what was left when the rules were switched on, one function per line:
``path::Class.function CODE value``. It may only shrink: new code keeps to the limits (split the function at its
natural seams; many arguments → a parameter object, see docs/DEVELOPING.md). A listed function may not get
worse than its recorded value. Entries whose function is now within the limits are reported as stale
(remove them with ``--update``). Run by tests/unit/test_ruff_ratchet.py and the pre-commit hook.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATCHET = ROOT / "ruff-ratchet.txt"
PATHS = ("ankunft_plugin", "tests", "benchmarks", "scripts")
MAX_COMPLEXITY = 15
MAX_ARGS = 8
HEADER = """\
# Functions allowed to exceed ruff C901 (complexity > {c}) and PLR0913 (> {a} arguments) – may only shrink.
# path::Class.function CODE value (value = complexity or number of arguments). Regenerate after simplifying:
#   scripts/ruff_ratchet.py --update      (new entries are refused unless --allow-new)
""".format(c=MAX_COMPLEXITY, a=MAX_ARGS)


def _qualified_name(lines: list, row: int) -> str:
    """``Class.method`` (or ``function``) of the ``def`` on line ``row`` (1-based): two methods of the same
    name in one file are two entries."""
    line = lines[row - 1] if row - 1 < len(lines) else ""
    match = re.search(r"def\s+(\w+)", line)
    if not match:
        return "line{}".format(row)
    indent = len(line) - len(line.lstrip())
    names = [match.group(1)]
    for above in reversed(lines[: row - 1]):
        stripped = above.lstrip()
        level = len(above) - len(stripped)
        if stripped and level < indent:
            outer = re.match(r"(?:class|def)\s+(\w+)", stripped)
            if outer:
                names.insert(0, outer.group(1))
            indent = level
            if level == 0:
                break
    return ".".join(names)


def findings() -> dict:
    """{(path::Class.function, code): value} of the current code."""
    cmd = [
        sys.executable, "-m", "ruff", "check", *PATHS, "--isolated", "--exit-zero", "--output-format", "json",
        "--select", "C901,PLR0913",
        "--config", "lint.mccabe.max-complexity={}".format(MAX_COMPLEXITY),
        "--config", "lint.pylint.max-args={}".format(MAX_ARGS),
        "--extend-exclude", ".venv,build,dist,demo-output",
    ]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    found = {}
    for item in json.loads(out or "[]"):
        path = Path(item["filename"]).resolve().relative_to(ROOT).as_posix()
        row = item["location"]["row"]
        lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
        name = _qualified_name(lines, row)
        value = int(re.search(r"\((\d+) >", item["message"]).group(1))
        key = ("{}::{}".format(path, name), item["code"])
        found[key] = max(value, found.get(key, 0))
    return found


def read_ratchet() -> dict:
    allowed = {}
    if RATCHET.exists():
        for line in RATCHET.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                where, code, value = line.split()
                allowed[(where, code)] = int(value)
    return allowed


def write_ratchet(found: dict) -> None:
    rows = ["{} {} {}".format(where, code, value) for (where, code), value in sorted(found.items())]
    RATCHET.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")


def check(found: dict, allowed: dict):
    """(new or worse findings, stale entries) as text lines."""
    bad, stale = [], []
    for key, value in sorted(found.items()):
        if key not in allowed:
            bad.append("{} {} {} (new; limit {})".format(key[0], key[1], value, MAX_COMPLEXITY if key[1] == "C901" else MAX_ARGS))
        elif value > allowed[key]:
            bad.append("{} {} {} (was {}: worse)".format(key[0], key[1], value, allowed[key]))
    for key in sorted(set(allowed) - set(found)):
        stale.append("{} {}".format(*key))
    return bad, stale


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    found, allowed = findings(), read_ratchet()
    bad, stale = check(found, allowed)
    if "--update" in argv:
        if bad and "--allow-new" not in argv:
            print("refused: new or worse findings (split the function or use a parameter object):\n  " + "\n  ".join(bad))
            return 1
        keep = {k: v for k, v in found.items() if k in allowed or "--allow-new" in argv}
        write_ratchet(keep)
        print("ruff-ratchet.txt: {} entries ({} removed)".format(len(keep), len(stale)))
        return 0
    if stale:
        print("stale (now within the limits; run scripts/ruff_ratchet.py --update):\n  " + "\n  ".join(stale))
    if bad:
        print("over the limits and not in ruff-ratchet.txt (split the function at its seams, or pass a parameter object):\n  " + "\n  ".join(bad))
        return 1
    print("ratchet ok: {} findings, all listed".format(len(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
