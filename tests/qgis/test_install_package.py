"""`make install` + `qgis_process plugins enable` expose the provider; `make package` builds a valid zip."""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QGIS_PROCESS = shutil.which("qgis_process")


def _env(config: Path) -> dict:
    env = dict(os.environ)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(config)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process not installed")
def test_make_install_and_qgis_process_list(tmp_path):
    profile = tmp_path / "profiles" / "default"
    subprocess.run(["make", "-s", "install", "QGIS_PROFILE={}".format(profile)], cwd=ROOT, check=True,
                   capture_output=True, text=True)
    plugin_dir = profile / "python" / "plugins" / "ankunft_plugin"
    assert (plugin_dir / "metadata.txt").exists() and (plugin_dir / "__init__.py").exists()
    env = _env(tmp_path)
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "ankunft_plugin"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert "ankunft_plugin" in enable.stdout, enable.stdout + enable.stderr
    listing = subprocess.run([QGIS_PROCESS, "list"], env=env, capture_output=True, text=True, timeout=120)
    assert "Ankunftsquartiere" in listing.stdout
    from qgis.core import QgsApplication

    ours = [a.id() for a in QgsApplication.processingRegistry().algorithms() if a.provider().id() == "ankunft"]
    for alg_id in ours:
        assert alg_id in listing.stdout, alg_id
    # a batch run as a GIS department would script it
    sample = ROOT / "resources" / "sample" / "ankunft_sample.gpkg"
    out = tmp_path / "quarters.gpkg"
    run = subprocess.run(
        [QGIS_PROCESS, "--json", "run", "ankunft:classifyarrivalquarters", "--",
         "INPUT={}|layername=planning_areas".format(sample), "ID_FIELD=id", "POPULATION_FIELD=inh_2020",
         "ARRIVALS_FIELD=for_change_2017_2020", "ARRIVALS_UNIT=0", "TURNOVER_FIELD=k11_turnover", "TURNOVER_UNIT=1",
         "DIVERSITY_FIELD=for_2020", "DIVERSITY_UNIT=0", "OUTPUT={}".format(out)],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout)["results"]
    assert out.exists()
    # 448 features, 447 areas: the id 06010102 occurs twice and is counted once (issue 14)
    assert sum(results["N_{}".format(k)] for k in ("ESTABLISHED", "EMERGING", "NONE", "INSUFFICIENT")) == 447
    assert results["N_ESTABLISHED"] > 0 and results["N_EMERGING"] > 0


def test_make_package_zip_is_valid(tmp_path):
    result = subprocess.run(["make", "-s", "package"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    version = (ROOT / "metadata.txt").read_text(encoding="utf-8").split("version=")[1].split()[0]
    zpath = ROOT / "dist" / "ankunft_plugin-{}.zip".format(version)
    assert zpath.exists()
    with zipfile.ZipFile(zpath) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
        zf.extractall(tmp_path)
    tops = {n.split("/")[0] for n in names}
    assert tops == {"ankunft_plugin"}
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if "/tests/" in n or n.endswith((".so", ".dll", ".exe"))]
    folder = tmp_path / "ankunft_plugin"
    for required in ("__init__.py", "metadata.txt", "LICENSE", "resources/icons/ankunft.svg"):
        assert (folder / required).exists(), required
    qms = list((folder / "i18n").glob("*.qm"))
    assert qms, "compiled translations missing"
    meta = configparser.ConfigParser(interpolation=None)
    meta.optionxform = str
    meta.read(folder / "metadata.txt", encoding="utf-8")
    assert (folder / meta["general"]["icon"]).exists()
    # the packaged plugin finds its own resources (no repository around it)
    probe = subprocess.run(
        ["/usr/bin/python3", "-c", "import ankunft_plugin.__about__ as a; print(a.METADATA_PATH, a.ICON_PATH.exists(), a.__version__)"],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert probe.returncode == 0, probe.stderr
    assert str(folder / "metadata.txt") in probe.stdout and "True" in probe.stdout and version in probe.stdout


# -- the zip as a user installs it ("Install from ZIP" unpacks it into the profile's plugin folder) ----------
@pytest.fixture(scope="module")
def zip_profile(tmp_path_factory):
    """``make package``'s zip unpacked into a clean QGIS profile and enabled there; returns the config dir."""
    if QGIS_PROCESS is None:
        pytest.skip("qgis_process not installed")
    built = subprocess.run(["make", "-s", "package"], cwd=ROOT, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    zpath = Path(built.stdout.strip().splitlines()[-1])
    zpath = zpath if zpath.is_absolute() else ROOT / zpath
    config = tmp_path_factory.mktemp("clean-qgis-config")
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(zpath) as zf:
        zf.extractall(plugins)
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "ankunft_plugin"], env=_env(config),
                            capture_output=True, text=True, timeout=120)
    assert enable.returncode == 0 and "ankunft_plugin" in enable.stdout, enable.stdout + enable.stderr
    return config


def _list_json(config: Path, **extra_env) -> tuple[dict, str]:
    env = {**_env(config), **extra_env}
    listing = subprocess.run([QGIS_PROCESS, "--json", "list"], env=env, capture_output=True, text=True, timeout=180)
    assert listing.returncode == 0, listing.stdout[-2000:] + listing.stderr[-2000:]
    return json.loads(listing.stdout), listing.stderr


EXPECTED_IDS = {"ankunft:" + a for a in ("classifyarrivalquarters", "arrivaldynamics", "widetabletoyears",
                                          "preparewalknetwork", "walkingcatchments", "infrastructureoverlay",
                                          "suggestdockingpoints", "strategymap", "fullanalysis")}


def test_zip_installs_into_clean_profile_and_loads(zip_profile):
    """What a user gets from "Install from ZIP": the plugin loads from the zip alone (no repository beside it)."""
    data, stderr = _list_json(zip_profile)
    algs = data["providers"]["ankunft"]["algorithms"]
    assert set(algs) >= EXPECTED_IDS, sorted(algs)
    assert "cannot run" not in stderr, stderr


def _blocked_env(modules: str) -> dict:
    block = ROOT / "tests" / "blockimports"
    return {"ANKUNFT_BLOCK_IMPORTS": modules,
            "PYTHONPATH": os.pathsep.join(p for p in (str(block), os.environ.get("PYTHONPATH", "")) if p)}


def test_scipy_missing_lists_everything_and_explains(zip_profile):
    """scipy unimportable (as in some QGIS 4 macOS builds): `qgis_process list` still lists every provider and
    our algorithms; one message says what is missing and how to install it; running an algorithm says why not."""
    plain, _ = _list_json(zip_profile)
    data, stderr = _list_json(zip_profile, **_blocked_env("scipy"))
    assert set(data["providers"]) == set(plain["providers"])  # no provider lost
    assert set(data["providers"]["ankunft"]["algorithms"]) == set(plain["providers"]["ankunft"]["algorithms"])
    assert stderr.count("SciPy is missing") == 1, stderr
    for platform in ("Windows", "macOS", "Linux"):
        assert platform in stderr
    run = subprocess.run([QGIS_PROCESS, "run", "ankunft:walkingcatchments", "--", "NETWORK=x"],
                         env={**_env(zip_profile), **_blocked_env("scipy")}, capture_output=True, text=True, timeout=180)
    assert run.returncode != 0
    assert "SciPy is missing" in run.stdout + run.stderr
