"""Write docs/glossary.md from ankunft_plugin/core/vocabulary.py (the one vocabulary).

    .venv/bin/python scripts/make_glossary.py

tests/unit/test_vocabulary.py fails when docs/glossary.md is not what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ankunft_plugin.core.vocabulary import glossary_markdown  # noqa: E402

GLOSSARY = ROOT / "docs" / "glossary.md"


def main() -> int:
    GLOSSARY.write_text(glossary_markdown(), encoding="utf-8")
    print("wrote {}".format(GLOSSARY.relative_to(ROOT)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
