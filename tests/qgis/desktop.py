"""Harness: the REAL QGIS desktop (``/usr/bin/qgis``) under Xvfb with the plugin installed and enabled.

Outside QGIS (``run_desktop``): start Xvfb on a free display, build a temporary profile folder
(``--profiles-path``) whose ``python/plugins/ankunft_plugin`` is laid out as ``make install`` does
(links to the package files plus metadata.txt, LICENSE, resources, i18n with compiled .qm), enable
the plugin in QGIS3.ini, override the locale (German), start ``qgis --nologo --code bootstrap.py``
and wait for the JSON result file; QGIS and Xvfb are killed on timeout.

Inside QGIS (``inside_qgis``, run by the bootstrap script): record Python errors, find the
"Ankunftsquartiere" menu under the Vector menu, open the panel, load the sample layer, run steps 1–2
through the panel, save screenshots, write the JSON result and quit.

Also the test-data helpers shared with ``test_panel.py`` (``berlin_layer``, ``sample_layer``).

Run by hand to refresh the documentation screenshots::

    .venv/bin/python tests/qgis/desktop.py --screenshots docs/screenshots [--tsv /tmp/ankunft_i18n/gui.tsv]
"""

from __future__ import annotations

import csv
import difflib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "ankunft_plugin"
DATA = ROOT / "tests" / "data"
BERLIN = DATA / "berlin"
SAMPLE = ROOT / "resources" / "sample" / "ankunft_sample.gpkg"
QGIS_BIN = "/usr/bin/qgis"


# ---------------------------------------------------------------------------------------------
# test data (QGIS imported lazily: this module is also imported outside QGIS)
# ---------------------------------------------------------------------------------------------
def _read_csv(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in csv.DictReader(fh)}


def berlin_layer(name: str = "Planungsräume Berlin"):
    """A memory layer of Berlin's 448 planning areas with German municipal field names.

    ``Einwohner`` and ``Ausländer`` (register 2020-02), ``Zuzüge_Ausland`` (growth of the foreign
    population 2019-02 → 2020-02, the usual proxy; clipped at 0), ``Wanderungsvolumen`` (MSS 2013
    K11, moves per 100 inhabitants), ``Migrationshintergrund_Anteil`` (percent), ``SGB_II_Quote``
    (MSS 2013 S3 transfer receipt, percent)."""
    from qgis.core import QgsFeature, QgsField, QgsFields, QgsVectorLayer
    from qgis.PyQt.QtCore import QMetaType

    src = QgsVectorLayer(str(BERLIN / "berlin-lor-planning-areas-until-2020.geojson"), "lor", "ogr")
    assert src.isValid()
    pop20 = _read_csv(BERLIN / "population" / "berlin-lor-population-2020-02-t1-planning-areas.csv")
    pop19 = _read_csv(BERLIN / "population" / "berlin-lor-population-2019-02-t1-planning-areas.csv")
    mss = _read_csv(BERLIN / "mss" / "mss-2013-planning-areas.csv")
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", name, "memory")
    fields = QgsFields()
    for fname, kind in (
        ("PLR_ID", QMetaType.Type.QString), ("Name", QMetaType.Type.QString), ("Einwohner", QMetaType.Type.Int),
        ("Ausländer", QMetaType.Type.Int), ("Zuzüge_Ausland", QMetaType.Type.Int), ("Wanderungsvolumen", QMetaType.Type.Double),
        ("Migrationshintergrund_Anteil", QMetaType.Type.Double), ("SGB_II_Quote", QMetaType.Type.Double),
    ):
        fields.append(QgsField(fname, kind))
    provider = layer.dataProvider()
    provider.addAttributes(list(fields))
    layer.updateFields()

    def num(row, key, cast=float):
        try:
            return cast(float(row[key]))
        except (KeyError, TypeError, ValueError):
            return None

    features = []
    for src_feature in src.getFeatures():
        pid = src_feature["id"]
        p20, p19, m = pop20.get(pid, {}), pop19.get(pid, {}), mss.get(pid, {})
        foreign20, foreign19 = num(p20, "inhabitants_foreigners", int), num(p19, "inhabitants_foreigners", int)
        arrivals = max(0, foreign20 - foreign19) if foreign20 is not None and foreign19 is not None else None
        feature = QgsFeature(layer.fields())
        feature.setGeometry(src_feature.geometry())
        feature.setAttributes([
            pid, src_feature["name"], num(p20, "inhabitants", int), foreign20, arrivals,
            num(m, "k11_migration_volume"), num(p20, "inhabitants_with_migration_background_percentage"),
            num(m, "s3_percentage_transfer_payments_recipients"),
        ])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    return layer


def sample_layer():
    """The bundled sample's planning areas (resources/sample), or None when it is not there yet."""
    from qgis.core import QgsVectorLayer

    if not SAMPLE.exists():
        return None
    layer = QgsVectorLayer("{}|layername=planning_areas".format(SAMPLE), "Planungsräume (Beispiel)", "ogr")
    return layer if layer.isValid() and layer.featureCount() > 0 else None


# ---------------------------------------------------------------------------------------------
# the whole panel on the bundled sample, as a new user does it (headless tests and the desktop)
# ---------------------------------------------------------------------------------------------
# What a planner picks where the panel leaves an input empty (only then): the layers make demo uses.
CHOICES = {
    "INPUT": "planning_areas", "NETWORK": "moabit_roads", "POINTS": "poi_community_centers",
    "EXISTING": "poi_community_centers", "BUILDINGS": "moabit_buildings", "DISTRICTS": "map_pages",
    "STREETS": "moabit_roads", "WATER": "moabit_water", "DOCKING_POINTS": "poi_community_centers",
}
STEP_KEYS = ("classify", "infrastructure", "catchments", "docking", "strategy")


def sample_layer_names() -> list[str]:
    from osgeo import ogr

    ds = ogr.Open(str(SAMPLE))
    names = sorted(ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount()))
    ds = None
    return names


def add_all_sample_layers(project=None) -> dict:
    """Every layer of the bundled sample, in alphabetical order, as "add all layers" does."""
    from qgis.core import QgsProject, QgsVectorLayer

    project = project or QgsProject.instance()
    layers = {}
    for name in sample_layer_names():
        layer = QgsVectorLayer("{}|layername={}".format(SAMPLE, name), name, "ogr")
        project.addMapLayer(layer)
        layers[name] = layer
    return layers


def wait_for(dock, timeout: float = 60.0) -> float:
    """Keep the event loop running until the panel's step has finished; the seconds it took."""
    from qgis.PyQt.QtCore import QCoreApplication

    started = time.time()
    while dock.is_running() and time.time() - started < timeout:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        QCoreApplication.processEvents()
    return time.time() - started


def settle(seconds: float = 0.2) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def layer_by_name(name: str):
    from qgis.core import QgsProject

    found = [lyr for lyr in QgsProject.instance().mapLayersByName(name) if not lyr.customProperty("ankunft/result", "")]
    return found[0] if found else None


def tree_layer_count() -> int:
    from qgis.core import QgsProject

    return len(QgsProject.instance().layerTreeRoot().findLayers())


def fill_what_is_empty(dock, key: str, overrides: dict | None = None) -> list[str]:
    """Choose a layer only for the required inputs the panel left empty; the names chosen."""
    page = dock.pages[key]
    chosen = []
    for param in page.missing():
        name = (overrides or {}).get(param.name()) or CHOICES.get(param.name())
        layer = layer_by_name(name) if name else None
        if layer is not None:
            page.set_values({param.name(): [layer.id()] if param.type() == "multilayer" else layer.id()})
            chosen.append("{}={}".format(param.name(), name))
    for name, value in (overrides or {}).items():  # a deliberate choice (e.g. the rails as network)
        layer = layer_by_name(value)
        if name in page.wrappers and layer is not None and "{}={}".format(name, value) not in chosen:
            page.set_values({name: layer.id()})
            chosen.append("{}={} (by hand)".format(name, value))
    settle(0.05)
    return chosen


def key_figures(dock) -> dict:
    """Classes, coverage before/after and the key-figure table of the strategy map's pages."""
    from qgis.core import QgsProject

    project = QgsProject.instance()
    figures: dict = {}
    classified = project.mapLayer(dock.main_result("classify") or "")
    if classified is not None:
        counts: dict = {}
        for feature in classified.getFeatures():
            counts[str(feature["aq_class"])] = counts.get(str(feature["aq_class"]), 0) + 1
        figures["classes"] = counts
    docking = dock.last_results.get("docking", {})
    if docking:
        figures["coverage"] = [round(float(docking.get("COVERAGE_BEFORE_PCT") or 0), 1), round(float(docking.get("COVERAGE_AFTER_PCT") or 0), 1)]
    pages = project.mapLayer(dock.main_result("strategy") or "")
    if pages is not None:
        figures["table"] = sorted(
            [str(f["name"]), str(f["t_population"]), str(f["t_aq_share"]), str(f["t_coverage"]), str(f["t_missing"])] for f in pages.getFeatures()
        )
    return figures


def walk_all_steps(dock, overrides: dict | None = None, timeout: float = 60.0) -> dict:
    """Steps 1–6 through the panel: only what the panel leaves empty is chosen; each step is run
    with the footer's run button. Returns what was chosen, the summaries and the figures."""
    record: dict = {"chosen": {}, "summaries": {}, "seconds": {}, "findings": {}, "status": {}, "empty_before": {}}
    settle(0.3)
    if dock.layer() is None:
        dock.set_layer(layer_by_name(CHOICES["INPUT"]))
        record["chosen"]["data"] = ["INPUT=planning_areas"]
    record["mapping"] = dock.mapping()
    for key in STEP_KEYS:
        page = dock.pages[key]
        record["empty_before"][key] = [p.name() for p in page.missing()]
        record["chosen"][key] = fill_what_is_empty(dock, key, (overrides or {}).get(key))
        dock.ui.stepsBox.setCurrentIndex(list(dock.pages).index(key) + 1)
        settle(0.05)
        record["findings"][key] = list(dock.findings.get(key, []))
        record.setdefault("footer", {})[key] = dock.footerRunButton.text()
        if not dock.footerRunButton.isEnabled():
            record["status"][key] = "cannot run: " + page.needsLabel.text()
            continue
        dock.footerRunButton.click()
        record["seconds"][key] = round(wait_for(dock, timeout), 2)
        record["status"][key] = dock.ui.statusLabel.text()
        record["summaries"][key] = page.resultLabel.text()
        record.setdefault("done", {})[key] = bool(dock.done.get(key)) and not dock.state.get(key)
    record["figures"] = key_figures(dock)
    return record


def demo_figures(out_dir: Path) -> dict:
    """Run ``scripts/demo.py`` (what ``make demo`` runs) into ``out_dir``; its key figures."""
    import re

    env = dict(os.environ, ANKUNFT_DEMO_OUT=str(out_dir), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py")], env=env, capture_output=True, text=True, timeout=300, cwd=str(ROOT))
    figures: dict = {"returncode": proc.returncode}
    match = re.search(r"population within 10 min ([0-9.]+) % → ([0-9.]+) %", proc.stdout)
    if match:
        figures["coverage"] = [float(match.group(1)), float(match.group(2))]
    gpkg = out_dir / "ankunft_demo.gpkg"
    from osgeo import ogr

    ds = ogr.Open(str(gpkg)) if gpkg.exists() else None
    if ds is not None:
        counts: dict = {}
        for feature in ds.GetLayerByName("arrival_quarters"):
            counts[str(feature.GetField("aq_class"))] = counts.get(str(feature.GetField("aq_class")), 0) + 1
        figures["classes"] = counts
        pages = ds.GetLayerByName("map_pages_keyfigures")
        if pages is not None:
            figures["table"] = sorted(
                [str(f.GetField(k)) for k in ("name", "t_population", "t_aq_share", "t_coverage", "t_missing")] for f in pages
            )
        ds = None
    figures["stdout_tail"] = proc.stdout[-1500:]
    return figures


# ---------------------------------------------------------------------------------------------
# outside QGIS: Xvfb, profile, plugin folder, process control
# ---------------------------------------------------------------------------------------------
def xvfb_available() -> bool:
    return shutil.which("Xvfb") is not None


def free_display(start: int = 91) -> int:
    for number in range(start, start + 200):
        if not Path("/tmp/.X{}-lock".format(number)).exists() and not Path("/tmp/.X11-unix/X{}".format(number)).exists():
            return number
    raise RuntimeError("no free X display")


def start_xvfb(size: str = "1600x1000x24") -> tuple[subprocess.Popen, int]:
    for _attempt in range(5):
        number = free_display()
        proc = subprocess.Popen(
            ["Xvfb", ":{}".format(number), "-screen", "0", size, "-nolisten", "tcp", "-nocursor"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        deadline = time.time() + 5
        while time.time() < deadline:
            if proc.poll() is not None:
                break  # display taken meanwhile: try the next
            if Path("/tmp/.X11-unix/X{}".format(number)).exists():
                return proc, number
            time.sleep(0.05)
        stop(proc)
    raise RuntimeError("Xvfb did not start")


def stop(proc: subprocess.Popen | None, grace: float = 3.0) -> None:
    """Terminate a process group we started (SIGTERM, then SIGKILL)."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(2)


def tsv_to_ts(tsv_paths, out_ts: Path, language: str = "de") -> Path:
    """Translations ``context<TAB>source<TAB>translation`` as a Qt .ts file (for lrelease)."""
    from xml.sax.saxutils import escape

    contexts: dict[str, dict[str, str]] = {}
    for path in tsv_paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[0] and parts[1]:
                contexts.setdefault(parts[0], {})[parts[1]] = parts[2]
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="{}">'.format(language)]
    for context, messages in contexts.items():
        lines.append("<context><name>{}</name>".format(escape(context)))
        for source, translation in messages.items():
            lines.append("<message><source>{}</source><translation>{}</translation></message>".format(
                escape(source, {'"': "&quot;"}), escape(translation, {'"': "&quot;"})))
        lines.append("</context>")
    lines.append("</TS>")
    out_ts.write_text("\n".join(lines), encoding="utf-8")
    return out_ts


def build_plugin_folder(plugins_dir: Path) -> Path:
    """The plugin folder as ``make install`` lays it out: links to the package files plus
    metadata.txt, LICENSE, resources and i18n."""
    target = plugins_dir / PLUGIN
    if target.exists() or target.is_symlink():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for item in sorted((ROOT / PLUGIN).iterdir()):
        if item.name != "__pycache__":
            (target / item.name).symlink_to(item)
    for name in ("metadata.txt", "LICENSE", "resources"):
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    # i18n: the package finds its files relative to the resolved package folder, i.e. the
    # repository's i18n/ (as with ``make install``); compile missing .qm files there is not ours to
    # do, so a missing .qm only means English. Extra translations go to a separate .qm that the
    # inside script installs on top (``ANKUNFT_EXTRA_QM``).
    (target / "i18n").symlink_to(ROOT / "i18n")
    return target


def compile_extra_translations(extra_tsv, out_dir: Path) -> Path | None:
    """Compile TSV translations (not yet merged into i18n/*.ts) into one .qm, or None."""
    lrelease = shutil.which("lrelease")
    if not extra_tsv or not lrelease:
        return None
    ts = tsv_to_ts(extra_tsv, Path(out_dir) / "extra_de.ts")
    qm = Path(out_dir) / "extra_de.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=False, timeout=60,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return qm if qm.exists() else None


def build_profile(base: Path, locale: str = "de") -> Path:
    """A fresh profiles folder (``--profiles-path base``) with the plugin enabled."""
    profile = base / "profiles" / "default"
    (profile / "QGIS").mkdir(parents=True, exist_ok=True)
    build_plugin_folder(profile / "python" / "plugins")
    ini = [
        "[PythonPlugins]", "{}=true".format(PLUGIN), "processing=true", "",
        "[locale]", "overrideFlag=true", "userLocale={}".format(locale), "globalLocale={}".format(locale), "",
        "[qgis]", "checkVersion=false", "showTips340=false", "showTips=false", "allowVersionCheck=false",
        "", "[core]", "NewsFeed\\enabled=false", "",
        "[app]", "allowVersionCheck=false", "",
    ]
    (profile / "QGIS" / "QGIS3.ini").write_text("\n".join(ini) + "\n", encoding="utf-8")
    return base


def run_desktop(workdir: Path, timeout: float = 150.0, locale: str = "de", extra_tsv=(), shots_dir: Path | None = None) -> dict:
    """Start the real QGIS desktop with the plugin and the inside script; return the JSON result.

    The dict always has ``ok`` (False with ``reason`` when QGIS did not report in time)."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    out_json = workdir / "desktop_result.json"
    shots = Path(shots_dir).resolve() if shots_dir else workdir / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    profiles = build_profile(workdir / "qgis-profiles", locale)
    extra_qm = compile_extra_translations(extra_tsv, workdir)
    bootstrap = workdir / "bootstrap.py"
    bootstrap.write_text(
        "import sys\nsys.path.insert(0, {!r})\nimport desktop as _ankunft_desktop\n_ankunft_desktop.inside_qgis()\n".format(
            str(Path(__file__).resolve().parent)
        ),
        encoding="utf-8",
    )
    started = time.time()
    xvfb, display = start_xvfb()
    env = dict(os.environ)
    env.update({
        "DISPLAY": ":{}".format(display),
        "QT_QPA_PLATFORM": "xcb",
        "ANKUNFT_DESKTOP_OUT": str(out_json),
        "ANKUNFT_DESKTOP_SHOTS": str(shots),
        "ANKUNFT_DESKTOP_DEADLINE": str(started + timeout - 8),
        "XDG_RUNTIME_DIR": str(workdir),
        "HOME": str(workdir),  # no user settings leak in
        "PYTHONDONTWRITEBYTECODE": "1",
        "ANKUNFT_EXTRA_QM": str(extra_qm or ""),
    })
    if not env.get("ANKUNFT_BLOCK_IMPORTS"):  # the stock-QGIS run keeps its import blocker (tests/blockimports)
        env.pop("PYTHONPATH", None)
    log = (workdir / "qgis.log").open("w")
    qgis = None
    try:
        qgis = subprocess.Popen(
            [QGIS_BIN, "--nologo", "--noversioncheck", "--profiles-path", str(profiles), "--code", str(bootstrap)],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=str(workdir),
        )
        deadline = started + timeout
        while time.time() < deadline:
            if out_json.exists() and (workdir / "desktop_result.done").exists():
                break
            if qgis.poll() is not None:
                break
            time.sleep(0.25)
        # give QGIS a moment to quit by itself, then stop it
        try:
            qgis.wait(min(5.0, max(0.5, deadline - time.time())))
        except subprocess.TimeoutExpired:
            pass
    finally:
        stop(qgis)
        stop(xvfb)
        log.close()
    elapsed = time.time() - started
    if out_json.exists():
        result = json.loads(out_json.read_text(encoding="utf-8"))
    else:
        tail = (workdir / "qgis.log").read_text(encoding="utf-8", errors="replace")[-3000:]
        result = {"ok": False, "reason": "QGIS wrote no result within {:.0f} s; log tail:\n{}".format(timeout, tail)}
    result["elapsed_total_s"] = round(elapsed, 1)
    result["screenshots_dir"] = str(shots)
    return result


# ---------------------------------------------------------------------------------------------
# inside QGIS
# ---------------------------------------------------------------------------------------------
class _Inside:
    """The steps inside the running desktop, driven by timers so the event loop keeps running."""

    def __init__(self):
        from qgis.core import QgsApplication

        self.t0 = time.time()
        self.out = Path(os.environ["ANKUNFT_DESKTOP_OUT"])
        self.shots = Path(os.environ.get("ANKUNFT_DESKTOP_SHOTS", str(self.out.parent)))
        self.deadline = float(os.environ.get("ANKUNFT_DESKTOP_DEADLINE", str(self.t0 + 45)))
        self.result: dict = {"ok": False, "python_errors": [], "steps": [], "screenshots": []}
        self.python_error_title = self._python_error_title()
        QgsApplication.messageLog().messageReceived.connect(self._on_message)
        self._hook_show_exception()
        self.timer = None
        self.dock = None
        self.layer = None
        self.extra_translator = None
        extra_qm = os.environ.get("ANKUNFT_EXTRA_QM")
        if extra_qm:
            from qgis.PyQt.QtCore import QCoreApplication, QTranslator

            translator = QTranslator()
            if translator.load(extra_qm):
                QCoreApplication.installTranslator(translator)
                self.extra_translator = translator
                # the algorithms were created (and their texts translated) before this script ran
                from qgis.core import QgsApplication

                provider = QgsApplication.processingRegistry().providerById("ankunft")
                if provider is not None:
                    provider.refreshAlgorithms()
        self.result["extra_translations"] = bool(self.extra_translator)

    # -- errors --------------------------------------------------------------------------------
    @staticmethod
    def _python_error_title() -> str:
        from qgis.PyQt.QtCore import QCoreApplication

        return QCoreApplication.translate("Python", "Python error")

    def _on_message(self, message, tag, level):
        if tag in (self.python_error_title, "Python error", "Python-Fehler") or "Traceback (most recent call last)" in str(message):
            self.result["python_errors"].append("{}: {}".format(tag, str(message)[:2000]))

    def _hook_show_exception(self):
        import qgis.utils

        original = qgis.utils.showException

        def show_exception(type_, value, tb, msg=None, *args, **kwargs):
            self.result["python_errors"].append("".join(traceback.format_exception(type_, value, tb))[-2000:])
            return original(type_, value, tb, msg, *args, **kwargs)

        qgis.utils.showException = show_exception

    def _errors_already_logged(self) -> list[str]:
        """Python errors logged before this script ran (e.g. while loading plugins): the message
        log panel keeps a tab per tag."""
        from qgis.PyQt.QtWidgets import QDockWidget, QPlainTextEdit, QTabWidget, QTextEdit
        from qgis.utils import iface

        found = []
        dock = iface.mainWindow().findChild(QDockWidget, "MessageLog")
        if dock is None:
            return found
        for tabs in dock.findChildren(QTabWidget):
            for i in range(tabs.count()):
                title = tabs.tabText(i).replace("&", "")
                if title in (self.python_error_title, "Python error", "Python-Fehler"):
                    page = tabs.widget(i)
                    texts = [w.toPlainText() for w in page.findChildren((QPlainTextEdit, QTextEdit))] if page else []
                    if isinstance(page, (QPlainTextEdit, QTextEdit)):
                        texts.append(page.toPlainText())
                    found.append("{}: {}".format(title, " ".join(texts)[:2000]))
        return found

    # -- flow ----------------------------------------------------------------------------------
    def step(self, name: str, **info):
        entry = {"step": name, "t": round(time.time() - self.t0, 2)}
        entry.update(info)
        self.result["steps"].append(entry)

    def start(self):
        from qgis.PyQt.QtCore import QTimer

        QTimer.singleShot(500, self._guarded(self.phase_menu))

    def _guarded(self, fn):
        def run():
            try:
                fn()
            except Exception:  # noqa: BLE001 - recorded and reported in the JSON
                self.result["exception"] = traceback.format_exc()
                self.finish()

        return run

    def phase_menu(self):
        if os.environ.get("ANKUNFT_DESKTOP_INJECT_ERROR"):  # self-check of the error detection
            from qgis.PyQt.QtCore import QTimer

            def broken():
                raise RuntimeError("injected error for the harness self-check")

            QTimer.singleShot(0, broken)
        import qgis.utils
        from qgis.PyQt.QtWidgets import QDockWidget
        from qgis.utils import iface

        self.result["qgis_version"] = qgis.utils.Qgis.QGIS_VERSION
        self.result["plugin_loaded"] = "ankunft_plugin" in qgis.utils.plugins
        self.result["plugin_active"] = "ankunft_plugin" in qgis.utils.active_plugins
        self.result["python_errors"].extend(self._errors_already_logged())
        vector_menu = iface.vectorMenu()
        submenu = None
        for action in vector_menu.actions():
            if action.menu() is not None and action.text().replace("&", "") == "Ankunftsquartiere":
                submenu = action.menu()
        self.result["vector_menu_titles"] = [a.text().replace("&", "") for a in vector_menu.actions() if a.text()]
        self.result["menu_found"] = submenu is not None
        panel_action = None
        if submenu is not None:
            self.result["menu_actions"] = [a.objectName() for a in submenu.actions()]
            self.result["menu_texts"] = [a.text() for a in submenu.actions()]
            panel_action = next((a for a in submenu.actions() if a.objectName() == "ankunft_panel_action"), None)
        self.step("menu", found=submenu is not None)
        if panel_action is None:
            self.finish()
            return
        main_window = iface.mainWindow()
        main_window.setGeometry(0, 0, 1600, 1000)  # Xvfb has no window manager to maximise it
        panel_action.trigger()
        self.dock = main_window.findChild(QDockWidget, "AnkunftDock")
        if self.dock is not None:
            from qgis.PyQt.QtCore import Qt

            main_window.resizeDocks([self.dock], [600], Qt.Orientation.Horizontal)
        self.result["panel_open"] = bool(self.dock is not None and self.dock.isVisible())
        self.result["panel_title"] = self.dock.windowTitle() if self.dock is not None else None
        self.step("panel", open=self.result["panel_open"])
        if self.dock is None:
            self.finish()
            return
        self.phase_layer()

    def phase_layer(self):
        """A new project with every layer of the bundled sample, in alphabetical order."""
        from qgis.utils import iface

        layers = add_all_sample_layers()
        self.result["layers_added"] = list(layers)
        self.layer = layers.get("planning_areas")
        iface.mapCanvas().setExtent(layers["moabit_district"].extent())
        self.later(800, self.phase_walk)

    def later(self, ms: int, fn):
        from qgis.PyQt.QtCore import QTimer

        QTimer.singleShot(ms, self._guarded(fn))

    def notices(self) -> list[str]:
        """QGIS' own notices (e.g. a font download that needs the internet) are noted, then hidden."""
        from qgis.PyQt.QtWidgets import QLabel
        from qgis.utils import iface

        bar = iface.messageBar()
        found = [
            " ".join(t for t in (item.title(), item.text()) if t) if hasattr(item, "text") else " ".join(lbl.text() for lbl in item.findChildren(QLabel))
            for item in bar.items()
        ]
        self.result.setdefault("message_bar", []).extend(found)
        bar.clearWidgets()
        return found

    def dock_width(self, width: int) -> int:
        from qgis.PyQt.QtCore import Qt
        from qgis.utils import iface

        iface.mainWindow().resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        settle(0.4)
        return self.dock.width()

    def screenshot(self, name: str, whole: bool = False):
        from qgis.utils import iface

        self.notices()
        self.shots.mkdir(parents=True, exist_ok=True)
        if whole:
            path = self.shots / "{}.png".format(name)
            iface.mainWindow().grab().save(str(path))
            self.result["screenshots"].append(str(path))
        path = self.shots / "{}_panel.png".format(name)
        self.dock.grab().save(str(path))
        self.result["screenshots"].append(str(path))
        return path

    def phase_walk(self):
        """Steps 1–6, choosing only what the panel leaves empty; the figures to compare with make demo."""
        dock = self.dock
        self.result["areas_chosen_by_panel"] = dock.layer().name() if dock.layer() is not None else None
        self.result["roles"] = {k: [self._name(i) for i in dock.role_layers(k)] for k in dock.roles_chosen}
        self.result["preview_text"] = dock.ui.warningsLabel.text()
        self.result["layer"] = {"name": dock.layer().name() if dock.layer() else None, "features": dock.layer().featureCount() if dock.layer() else 0}
        self.result["mapping"] = dock.mapping()
        self.result["preview_rows"] = dock.ui.previewTable.rowCount()
        self.result["step_titles"] = [dock.ui.stepsBox.itemText(i) for i in range(dock.ui.stepsBox.count())]
        dock.ui.stepsBox.setCurrentIndex(0)
        self.result["min_width"] = self.dock_width(dock.minimumWidth())
        self.screenshot("panel_step1_min_width_de")
        self.result["width_640"] = self.dock_width(640)
        self.screenshot("panel_step1_640_de", whole=True)
        self.result["field_combos"] = self._field_combos()
        started = time.time()
        self.result["walk"] = walk_all_steps(dock)
        self.result["walk_seconds"] = round(time.time() - started, 1)
        self.result["classify_done"] = bool(dock.done.get("classify"))
        self.result["tooltips"] = self._tooltips()
        self.step("walk", done=self.result["walk"].get("done"))
        dock.ui.stepsBox.setCurrentIndex(5)
        settle(0.3)
        self.screenshot("panel_step6_640_de", whole=True)
        dock.ui.stepsBox.setCurrentIndex(4)
        self.dock_width(dock.minimumWidth())
        self.screenshot("panel_step5_min_width_de")
        self.dock_width(640)
        self.screenshot("panel_step5_640_de")
        self.later(100, self.phase_rails)

    def _name(self, layer_id):
        from qgis.core import QgsProject

        layer = QgsProject.instance().mapLayer(layer_id)
        return layer.name() if layer is not None else layer_id

    def _field_combos(self) -> dict:
        """Each field combo of step 1: its text and whether the text fits (field names fully visible)."""
        from qgis.PyQt.QtGui import QFontMetrics

        out = {}
        for role, (combo, _unit, _hint) in self.dock.role_widgets.items():
            text = combo.currentText()
            needed = QFontMetrics(combo.font()).horizontalAdvance(text) + 28
            out[role] = {"text": text, "width": combo.width(), "needed": needed, "fits": combo.width() >= needed}
        return out

    def _tooltips(self) -> dict:
        """The tooltips the panel sets on each parameter's label and widget: rich text (wraps)."""
        tips = []
        for page in self.dock.pages.values():
            for form in (page.paramsForm, page.advancedForm):
                for i in range(form.count()):
                    widget = form.itemAt(i).widget() if form.itemAt(i) is not None else None
                    if widget is not None and widget.toolTip():
                        tips.append(widget.toolTip())
        return {"n": len(tips), "rich": sum(1 for t in tips if t.startswith("<p"))}

    def phase_rails(self):
        """The rails chosen by hand as the walking network: a visible warning in the panel."""
        dock = self.dock
        page = dock.pages["catchments"]
        dock.ui.stepsBox.setCurrentIndex(3)
        rails, roads = layer_by_name("moabit_rails"), layer_by_name("moabit_roads")
        page.set_values({"NETWORK": rails.id()})
        settle(0.5)
        self.result["rails"] = {
            "network_everywhere": {k: dock.pages[k].values().get("NETWORK") == rails.id() for k in ("infrastructure", "catchments", "docking")},
            "findings": list(dock.findings.get("catchments", [])),
            "label": page.findingsLabel.text(),
            "label_visible": page.findingsLabel.isVisible() and bool(page.findingsLabel.text()),
            "label_in_view": not page.findingsLabel.visibleRegion().isEmpty(),  # on screen, not scrolled away
            "footer": dock.footerRunButton.text(),
            "docking_findings": list(dock.findings.get("docking", [])),
        }
        self.screenshot("panel_rails_warning_de")
        page.set_values({"NETWORK": roads.id()})  # back to the streets
        settle(0.3)
        self.result["rails"]["back_to_roads"] = dock.pages["docking"].values().get("NETWORK") == roads.id()
        self.later(100, self.phase_rerun_unsaved)

    def rerun_each(self) -> dict:
        counts = {}
        for key in STEP_KEYS:
            before = tree_layer_count()
            group_before = len(self._group_layers())
            self.dock.run_step(key)
            wait_for(self.dock)
            settle(0.2)
            counts[key] = {"tree": [before, tree_layer_count()], "group": [group_before, len(self._group_layers())],
                           "ok": bool(self.dock.done.get(key)) and not self.dock.state.get(key)}
        return counts

    def phase_rerun_unsaved(self):
        self.result["rerun_unsaved"] = self.rerun_each()
        self.later(100, self.phase_cancel)

    def _snapshot_results(self) -> dict:
        from qgis.core import QgsProject

        out = {}
        for key, outputs in self.dock.results.items():
            for name, layer_id in outputs.items():
                layer = QgsProject.instance().mapLayer(layer_id)
                out["{}/{}".format(key, name)] = [layer_id, layer.featureCount() if layer is not None else None]
        return out

    def phase_cancel(self):
        """Cancel each step right after it started: the time until the panel says "abgebrochen";
        the earlier results stay untouched."""
        from qgis.PyQt.QtCore import QTimer

        dock = self.dock
        word = dock.tr("{}: cancelled – earlier results stay.").split("–")[0].replace("{}:", "").strip()
        self.result["cancel_word"] = word
        cancel = {}
        for key in STEP_KEYS:
            before = self._snapshot_results()
            clicked = {}

            def click(clicked=clicked):
                clicked["t"] = time.time()
                dock.ui.cancelButton.click()
                clicked["shown"] = time.time() if word in dock.ui.statusLabel.text() else None

            started = time.time()
            QTimer.singleShot(30, click)  # a planner's click right after the start
            dock.run_step(key)  # the strategy map runs in the main thread: the click comes through its progress
            deadline = time.time() + 30
            while "t" not in clicked and time.time() < deadline:
                settle(0.01)
            wait_for(dock)
            settle(0.3)
            shown = clicked.get("shown")
            cancel[key] = {
                "click_after_s": round(clicked["t"] - started, 3) if "t" in clicked else None,
                "click_delay_s": round(clicked["t"] - started - 0.03, 3) if "t" in clicked else None,
                "seconds_to_cancelled": round(shown - clicked["t"], 3) if shown and "t" in clicked else None,
                "state": dock.state.get(key),
                "title": dock.ui.stepsBox.itemText(STEP_KEYS.index(key) + 1),
                "results_untouched": self._snapshot_results() == before,
                "finished_before_click": dock.state.get(key) is None,
            }
        self.result["cancel"] = cancel
        dock.ui.stepsBox.setCurrentIndex(4)
        self.screenshot("panel_cancelled_de")
        # the steps run again after a cancel, so the saved project has all results
        for key in STEP_KEYS:
            if dock.state.get(key):
                dock.run_step(key)
                wait_for(dock)
        self.later(100, self.phase_save)

    def settings_snapshot(self) -> dict:
        dock = self.dock
        return {
            "mapping": dock.mapping(),
            "steps": {key: page.values() for key, page in dock.pages.items()},
            "roles": {k: dock.role_layers(k) for k in sorted(dock.roles_chosen)},
            "study_area": dock.study_mode,
            "results": {k: dict(v) for k, v in dock.results.items()},
        }

    def export_pdf(self, name: str) -> str:
        """The strategy map's layout exported again; its text (pdftotext)."""
        from qgis.core import Qgis, QgsLayoutExporter, QgsProject

        manager = QgsProject.instance().layoutManager()
        layout_name = self.dock.last_results.get("strategy", {}).get("LAYOUT_NAME")
        layout = manager.layoutByName(layout_name) if layout_name else None
        if layout is None and manager.layouts():
            layout = manager.layouts()[-1]
        self.result.setdefault("layouts", {})[name] = [lyt.name() for lyt in manager.layouts()]
        if layout is None:
            return ""
        path = self.out.parent / "{}.pdf".format(name)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # text pdftotext can read
        if layout.atlas().enabled():  # every page of the atlas, as the algorithm exports it
            status = QgsLayoutExporter.exportToPdf(layout.atlas(), str(path), settings)[0]
        else:
            status = QgsLayoutExporter(layout).exportToPdf(str(path), settings)
        if status != QgsLayoutExporter.ExportResult.Success or not path.exists():
            return ""
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60).stdout
        return text

    def phase_save(self):
        """Save: rerun each step in the saved project, save again, note every setting and the PDF text."""
        from qgis.core import QgsProject

        folder = self.out.parent / "projekt"
        folder.mkdir(parents=True, exist_ok=True)
        self.project_file = folder / "analyse.qgz"
        self.sample_mtime = SAMPLE.stat().st_mtime_ns
        self.result["project_saved"] = QgsProject.instance().write(str(self.project_file))
        settle(1.0)  # the temporary results go into analyse_ankunft.gpkg, the project is saved again
        self.result["rerun_saved"] = self.rerun_each()
        self.result["project_saved_again"] = QgsProject.instance().write()
        settle(1.0)
        self.result["saved_files"] = sorted({str(self.dock.layer_file(lyr)) for lyr in self._group_layers()})
        self.before = self.settings_snapshot()
        self.result["print_layers"] = self._print_layers()
        self.pdf_before = self.export_pdf("export_before")
        self.tree_before = tree_layer_count()
        QgsProject.instance().clear()
        self.result["reopened_read"] = QgsProject.instance().read(str(self.project_file))
        self.later(800, self.phase_reopened)

    def _print_layers(self) -> dict:
        """Provider of each layer in the groups named after a layout (the strategy map's print copies)."""
        from qgis.core import QgsProject

        project = QgsProject.instance()
        found = {}
        for layout in project.layoutManager().layouts():
            group = project.layerTreeRoot().findGroup(layout.name())
            if group is not None:
                for node in group.findLayers():
                    found[node.layer().name()] = node.layer().providerType() if node.layer() is not None else None
        return found

    def _group_layers(self):
        from qgis.core import QgsProject

        group = QgsProject.instance().layerTreeRoot().findGroup("Ankunftsquartiere")
        return [node.layer() for node in group.findLayers()] if group is not None else []

    def phase_reopened(self):
        after = self.settings_snapshot()
        differences = {k: [self.before[k], after[k]] for k in self.before if self.before[k] != after[k]}
        pdf_after = self.export_pdf("export_after")
        layers = self._group_layers()
        self.result["reopened"] = {
            "differences": differences,
            "n_parameters": sum(len(v) for v in self.before["steps"].values()) + len(self.before["mapping"]["fields"]) + len(self.before["mapping"]["units"]) + 2,
            "pdf_chars": [len(self.pdf_before), len(pdf_after)],
            "pdf_text_equal": bool(self.pdf_before) and self.pdf_before == pdf_after,
            "pdf_diff": list(difflib.unified_diff(self.pdf_before.splitlines(), pdf_after.splitlines(), lineterm="", n=0))[:40],
            "tree": [self.tree_before, tree_layer_count()],
            "group_layers": [lyr.name() for lyr in layers],
            "valid": all(lyr.isValid() for lyr in layers),
            "done": {k: bool(v) for k, v in self.dock.done.items()},
            "sample_untouched": SAMPLE.stat().st_mtime_ns == self.sample_mtime,
        }
        self.result["ok"] = True
        self.step("reopened", layers=len(layers))
        self.finish()

    def finish(self):
        from qgis.core import QgsProject
        from qgis.PyQt.QtCore import QCoreApplication, QTimer

        self.result["elapsed_inside_s"] = round(time.time() - self.t0, 2)
        self.out.write_text(json.dumps(self.result, indent=1, ensure_ascii=False), encoding="utf-8")
        (self.out.parent / "desktop_result.done").write_text("1")
        QgsProject.instance().setDirty(False)
        QTimer.singleShot(100, lambda: QCoreApplication.exit(0))


_INSIDE = None


def inside_qgis():
    """Entry point of the bootstrap script that QGIS runs with ``--code``."""
    global _INSIDE
    _INSIDE = _Inside()
    _INSIDE.start()


# ---------------------------------------------------------------------------------------------
if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Run the desktop check and keep the screenshots")
    parser.add_argument("--screenshots", type=Path, default=None, help="folder for the screenshots (e.g. docs/screenshots)")
    parser.add_argument("--tsv", type=Path, action="append", default=[], help="extra translations (context, source, German)")
    parser.add_argument("--locale", default="de")
    parser.add_argument("--timeout", type=float, default=150.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ankunft-desktop-") as tmp:
        res = run_desktop(Path(tmp), timeout=args.timeout, locale=args.locale, extra_tsv=args.tsv, shots_dir=args.screenshots)
        print(json.dumps(res, indent=1, ensure_ascii=False))
        sys.exit(0 if res.get("ok") else 1)
