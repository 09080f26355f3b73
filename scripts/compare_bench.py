#!/usr/bin/env python3
"""Compare two sets of ``benchmarks/results/*.json`` without the timing and memory figures.

``make bench`` writes timings (``*_s``, ``seconds``), speed ratios, peak memory, the machine and the
date next to figures that must not change when code is refactored: agreement with the peers (class
agreement, maximum difference, coverage, gap to the optimum), counts, populations. This script leaves the
first kind out and compares the second value by value:

    scripts/compare_bench.py BEFORE_DIR AFTER_DIR [--only catchments classify …] [--tolerance 0]

Exit 0 when every kept value is identical (within ``--tolerance``, relative, for floats), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

# keys (anywhere in the path) that are timing, memory or the run's circumstances
TIMING = re.compile(r"(^|_)s$|seconds|ratio|rss|_mb$|^machine$|^date$|^note$|^targets$|share_of|_per_s$")


def flatten(value, path: tuple = ()):
    """(path, leaf value) pairs of a JSON value; lists by index."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from flatten(item, (*path, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from flatten(item, (*path, str(i)))
    else:
        yield path, value


def timing(path: tuple, pattern: re.Pattern = TIMING) -> bool:
    return any(pattern.search(part) for part in path)


def same(a, b, tolerance: float) -> bool:
    if (isinstance(a, float) and isinstance(b, (int, float))) or (isinstance(b, float) and isinstance(a, (int, float))):
        if math.isnan(a) and math.isnan(b):
            return True
        return a == b or abs(a - b) <= tolerance * max(abs(a), abs(b))
    return a == b


def compare_file(before: Path, after: Path, tolerance: float, pattern: re.Pattern) -> tuple[int, int, list[str]]:
    """(values compared, values left out as timing, differences as lines)."""
    a = dict(flatten(json.loads(before.read_text(encoding="utf-8"))))
    b = dict(flatten(json.loads(after.read_text(encoding="utf-8"))))
    kept = [p for p in sorted(set(a) | set(b)) if not timing(p, pattern)]
    skipped = len(set(a) | set(b)) - len(kept)
    diffs = []
    for p in kept:
        key = "/".join(p)
        if p not in a or p not in b:
            diffs.append("  {}: only {}".format(key, "before" if p in a else "after"))
        elif not same(a[p], b[p], tolerance):
            diffs.append("  {}: {!r} → {!r}".format(key, a[p], b[p]))
    return len(kept), skipped, diffs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--only", nargs="*", default=None, help="result names (file stems) to compare; default: those in both")
    ap.add_argument("--tolerance", type=float, default=0.0, help="relative tolerance for floats (default 0)")
    ap.add_argument("--ignore", default=None, help="a regular expression of further keys to leave out")
    args = ap.parse_args(argv)
    pattern = re.compile(TIMING.pattern + ("|" + args.ignore if args.ignore else ""))
    names = sorted({p.stem for p in args.before.glob("*.json")} & {p.stem for p in args.after.glob("*.json")})
    if args.only:
        names = [n for n in names if n in args.only or n.removeprefix("bench_") in args.only]
        missing = set(args.only) - {n.removeprefix("bench_") for n in names} - set(names)
        if missing:
            print("not in both sets: " + ", ".join(sorted(missing)))
            return 1
    bad = 0
    for name in names:
        n, skipped, diffs = compare_file(args.before / (name + ".json"), args.after / (name + ".json"), args.tolerance, pattern)
        if diffs:
            bad += 1
            print("{}: {} of {} values differ ({} timing/memory values left out)".format(name, len(diffs), n, skipped))
            print("\n".join(diffs))
        else:
            print("{}: identical, {} values ({} timing/memory values left out)".format(name, n, skipped))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
