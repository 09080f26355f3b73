"""The plugin repository's checks on ``make package``'s zip (``make check``).

plugins.qgis.org runs, on every uploaded zip, a validator (structure and metadata; an error refuses the
upload) and a security scan (bandit with the tests the site enables, detect-secrets, file analysis). This
script re-states those rules in our own code, after reading the site's sources (qgis/QGIS-Plugins-Website:
``plugins/validator.py``, ``plugins/security_scanner.py`` and the rule tables in
``plugins/management/commands/data/*.json``), and applies them to the zip:

    python scripts/check_package.py dist/ankunft_plugin-0.1.0.zip [--online]

Every rule prints PASS or FAIL with what it found; the exit status is 1 when any rule fails. ``--online``
also asks the tracker/repository/homepage URLs (the site refuses URLs that do not answer; offline we only
check their form).
"""

from __future__ import annotations

import argparse
import ast
import configparser
import json
import re
import subprocess
import sys
import tempfile
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urlparse

MAX_BYTES = 25_000_000
REQUIRED = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker",
            "repository")
BOOLEANS = ("experimental", "deprecated", "server")
FORBIDDEN_DIRS = ("__MACOSX", ".git", "__pycache__")
PLACEHOLDER_URLS = {"tracker": "http://bugs", "repository": "http://repo", "homepage": "http://homepage"}
SUSPICIOUS_EXT = (".exe", ".dll", ".so", ".dylib", ".bat", ".sh", ".ps1", ".cmd")
ALLOWED_HIDDEN = (".gitignore", ".gitattributes", ".bandit", ".secrets.baseline", ".flake8")
# The bandit tests the site enables (rule table: all but B109, B404, B410, B411). With an explicit test
# list the site reports every severity, so a LOW finding such as B110 counts too.
BANDIT_TESTS = (
    "B101,B102,B103,B104,B105,B106,B107,B108,B110,B111,B112,B113,B201,B202,B301,B302,B303,B304,B305,B306,B307,"
    "B308,B310,B311,B312,B313,B314,B315,B316,B317,B318,B319,B320,B321,B323,B324,B401,B402,B403,B405,B406,B407,"
    "B408,B409,B412,B413,B501,B502,B503,B504,B505,B506,B507,B508,B509,B601,B602,B603,B604,B605,B606,B607,B608,"
    "B609,B610,B611,B612,B613,B614,B615,B701,B702,B703,B704"
)
# detect-secrets plugins the site disables (all others run).
SECRETS_DISABLED = ("IPPublicDetector",)


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, bool, str]] = []

    def rule(self, name: str, problems: list[str] | str | None, note: str = "") -> None:
        if isinstance(problems, str):
            problems = [problems]
        problems = [p for p in (problems or []) if p]
        self.rows.append((name, not problems, "; ".join(problems) if problems else note))
        print("{} {}{}".format("PASS" if not problems else "FAIL", name,
                               " – " + self.rows[-1][2] if self.rows[-1][2] else ""))

    @property
    def failed(self) -> int:
        return sum(1 for _, ok, _ in self.rows if not ok)


def _version_tuple(text: str) -> tuple[int, ...] | None:
    if not re.fullmatch(r"\d+(\.\d+){1,2}", text or ""):
        return None
    return tuple(int(p) for p in text.split("."))


def _url_problem(key: str, url: str | None, online: bool) -> str:
    if not url:
        return ""
    parsed = urlparse(url)
    if url == PLACEHOLDER_URLS.get(key) or not (parsed.scheme and parsed.netloc):
        return "{}: not a valid URL ({})".format(key, url)
    if online:
        try:
            req = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "Mozilla/5.0"})
            with urllib.request.urlopen(req, timeout=10) as resp:  # nosec B310 - https URL from metadata.txt
                if resp.status >= 400:
                    return "{}: {} answers {}".format(key, url, resp.status)
        except Exception as err:  # noqa: BLE001 - any failure means the site would refuse it
            return "{}: {} cannot be reached ({})".format(key, url, err)
    return ""


def check_structure(zpath: Path, report: Report, online: bool) -> tuple[str, dict[str, str]]:
    report.rule("zip size <= 25 MB", "" if zpath.stat().st_size <= MAX_BYTES else "{} bytes".format(zpath.stat().st_size),
                "{:.1f} MB".format(zpath.stat().st_size / 1e6))
    zf = zipfile.ZipFile(zpath)
    names = zf.namelist()
    report.rule("no path information ('..' or leading '/')", [n for n in names if ".." in n or n.startswith("/")])
    report.rule("no .pyc files", [n for n in names if ".pyc" in n])
    report.rule("no __MACOSX/.git/__pycache__ folders", [n for n in names if set(n.split("/")) & set(FORBIDDEN_DIRS)])
    report.rule("zip CRC intact (testzip)", zf.testzip() or "")
    report.rule("no backslashes or drive letters in names",
                [n for n in names if "\\" in n or re.match(r"^[A-Za-z]:", n)])
    tops = sorted({n.split("/")[0] for n in names})
    report.rule("one top-level folder", "" if len(tops) == 1 else "several: {}".format(", ".join(tops)), tops[0])
    package = names[0].split("/")[0] if "/" in names[0] else ""
    report.rule("top folder name is a Python identifier matching ^[A-Za-z][A-Za-z0-9-_]+$",
                "" if package.isidentifier() and re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", package) else repr(package))
    init, meta_name = package + "/__init__.py", package + "/metadata.txt"
    report.rule("__init__.py and metadata.txt in the top folder", [n for n in (init, meta_name) if n not in names])
    report.rule("LICENSE in the top folder", "" if package + "/LICENSE" in names else "missing")

    meta: dict[str, str] = {}
    problem = ""
    try:
        parser = configparser.ConfigParser()  # the site's parser: with interpolation
        parser.optionxform = str
        parser.read_string(zf.read(meta_name).decode("utf-8"))
        if parser.has_section("general"):
            meta = {k: v.strip() for k, v in parser.items("general")}
        else:
            problem = "no [general] section"
    except Exception as err:  # noqa: BLE001 - the site reports any parse error
        problem = "cannot parse: {}".format(err)
    report.rule("metadata.txt parses (UTF-8, [general])", problem)
    report.rule("required metadata present and not empty: " + ", ".join(REQUIRED),
                [k for k in REQUIRED if not meta.get(k)])
    icon = meta.get("icon", "")
    icon = icon[2:] if icon.startswith("./") else icon
    report.rule("icon named in metadata is inside the zip", "" if icon and package + "/" + icon in names else
                "icon={!r} not in zip".format(icon), icon)
    report.rule("no deprecated supportsQt6 key", "present" if "supportsQt6" in meta else "")
    report.rule("boolean flags (experimental, deprecated, server) are true/false/yes/no/1/0",
                ["{}={}".format(k, meta[k]) for k in BOOLEANS if k in meta
                 and meta[k].lower() not in ("true", "false", "yes", "no", "1", "0")])
    report.rule("author contains no slash", "" if re.match(r"^[^/]+$", meta.get("author", "")) else meta.get("author"))
    report.rule("email looks like an address", "" if re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]+", meta.get("email", ""))
                else meta.get("email"))
    version = meta.get("version", "").rsplit(" ")[-1]
    report.rule("version is dotted digits (x.y.z, optional suffix)",
                "" if re.fullmatch(r"\d+(\.\d+){1,3}([-.+]?[A-Za-z0-9]+)?", version) else repr(version), version)
    qmin, qmax = _version_tuple(meta.get("qgisMinimumVersion", "")), _version_tuple(meta.get("qgisMaximumVersion", ""))
    report.rule("qgisMinimumVersion / qgisMaximumVersion are x.y[.z] and min <= max",
                "" if qmin and qmax and qmin <= qmax else "min={} max={}".format(meta.get("qgisMinimumVersion"),
                                                                              meta.get("qgisMaximumVersion")),
                "{} .. {}".format(meta.get("qgisMinimumVersion"), meta.get("qgisMaximumVersion")))
    report.rule("qgisMaximumVersion >= 4.0 (listed for QGIS 4)", "" if qmax and qmax >= (4, 0) else "QGIS 3 only")
    report.rule("tracker/repository/homepage are valid URLs" + (" and answer" if online else " (form; --online asks them)"),
                [_url_problem(k, meta.get(k), online) for k in ("tracker", "repository", "homepage")])
    # QGIS's plugin loader: the package must define classFactory(iface)
    try:
        tree = ast.parse(zf.read(init).decode("utf-8"))
        has_factory = any(isinstance(n, ast.FunctionDef) and n.name == "classFactory" for n in tree.body)
    except Exception:  # noqa: BLE001
        has_factory = False
    report.rule("__init__.py defines classFactory(iface)", "" if has_factory else "missing")
    if meta.get("hasProcessingProvider", "").lower() in ("yes", "true"):
        report.rule("hasProcessingProvider=yes and the plugin class has initProcessing",
                    "" if any("def initProcessing" in zf.read(n).decode("utf-8", "replace")
                              for n in names if n.endswith(".py")) else "no initProcessing")
    # the security scan's file analysis
    report.rule("no executable .py files", [i.filename for i in zf.infolist()
                                            if i.filename.endswith(".py") and (i.external_attr >> 16) & 0o111])
    report.rule("no binaries or scripts (" + " ".join(SUSPICIOUS_EXT) + ")",
                [n for n in names if n.lower().endswith(SUSPICIOUS_EXT)])
    report.rule("no hidden files", [n for n in names if Path(n).name.startswith(".") and Path(n).name not in ALLOWED_HIDDEN])
    zf.close()
    return package, meta


def check_bandit(folder: Path, report: Report) -> None:
    cmd = [sys.executable, "-m", "bandit", "-r", str(folder), "-f", "json", "--quiet", "-t", BANDIT_TESTS]
    run = subprocess.run(cmd, capture_output=True, text=True, check=False)  # nosec B603 - fixed argument list
    try:
        results = json.loads(run.stdout)["results"]
    except (ValueError, KeyError):
        report.rule("bandit (the site's 74 tests, every severity): 0 findings", "bandit did not run: " + run.stderr[-300:])
        return
    found = ["{}:{} {} {}".format(Path(r["filename"]).relative_to(folder), r["line_number"], r["test_id"],
                                  r["issue_text"]) for r in results]
    files = sum(1 for _ in folder.rglob("*.py"))
    report.rule("bandit (the site's 74 tests, every severity): 0 findings", found,
                "0 findings in {} Python files".format(files))


def check_secrets(folder: Path, report: Report) -> None:
    cmd = [sys.executable, "-m", "detect_secrets", "scan", "--all-files", "--exclude-files", r"metadata\.txt",
           "--exclude-files", r"\.secrets\.baseline"]
    for plugin in SECRETS_DISABLED:
        cmd += ["--disable-plugin", plugin]
    run = subprocess.run([*cmd, "."], cwd=folder, capture_output=True, text=True, check=False)  # nosec B603
    try:
        results = json.loads(run.stdout)["results"]
    except (ValueError, KeyError):
        report.rule("detect-secrets (all files, the site's plugins): 0 secrets", "did not run: " + run.stderr[-300:])
        return
    found = ["{}:{} {}".format(f, s["line_number"], s["type"]) for f, items in results.items() for s in items]
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    report.rule("detect-secrets (all files, the site's plugins): 0 secrets", found,
                "0 secrets in {} files".format(files))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("zip", type=Path)
    ap.add_argument("--online", action="store_true", help="also check that the metadata URLs answer")
    args = ap.parse_args(argv)
    report = Report()
    print("== plugins.qgis.org validator rules on {}".format(args.zip))
    check_structure(args.zip, report, args.online)
    with tempfile.TemporaryDirectory(prefix="ankunft-check-") as tmp:
        with zipfile.ZipFile(args.zip) as zf:
            zf.extractall(tmp)
        print("== plugins.qgis.org security scan")
        check_bandit(Path(tmp), report)
        check_secrets(Path(tmp), report)
    print("== {} rules: {} passed, {} failed".format(len(report.rows), len(report.rows) - report.failed, report.failed))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
