"""The REAL QGIS desktop under Xvfb (German locale), as a new user tries the panel (issue 12): every
layer of the bundled sample added in alphabetical order to a new project, all six steps walked through
the panel choosing only what it leaves empty, the same key figures as ``make demo`` (run alongside);
the rails chosen as network give a visible warning; rerun and cancel of each step; save → reopen with
every setting identical and the same PDF text.

The harness is ``tests/qgis/desktop.py``; QGIS and Xvfb are killed on timeout."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from tests.qgis.desktop import QGIS_BIN, STEP_KEYS, demo_figures, run_desktop, xvfb_available

pytestmark = pytest.mark.desktop
TIMEOUT = 150.0


@pytest.fixture(scope="module")
def desktop(tmp_path_factory):
    if not xvfb_available():
        pytest.skip("Xvfb is not installed (apt-get install xvfb): the real-desktop test needs a virtual X server")
    if not Path(QGIS_BIN).exists() or shutil.which("qgis") is None:
        pytest.skip("the QGIS desktop ({}) is not installed".format(QGIS_BIN))
    demo: dict = {}
    worker = threading.Thread(target=lambda: demo.update(demo_figures(tmp_path_factory.mktemp("demo"))))
    worker.start()  # make demo's own script, in a separate process, while the desktop runs
    result = run_desktop(tmp_path_factory.mktemp("desktop"), timeout=TIMEOUT, locale="de")
    worker.join(300)
    result["demo"] = demo
    return result


def test_desktop_starts_with_plugin_without_python_errors(desktop):
    assert desktop.get("exception") is None, desktop.get("exception")
    assert "steps" in desktop, desktop.get("reason")
    assert desktop["plugin_loaded"] and desktop["plugin_active"]
    assert desktop["python_errors"] == []
    assert desktop["elapsed_total_s"] < TIMEOUT
    assert desktop["menu_found"], desktop.get("vector_menu_titles")
    assert {"ankunft_panel_action", "ankunft_toolbox_action"} <= set(desktop["menu_actions"])


def test_roles_filled_by_plausible_layers_only(desktop):
    """All 28 layers at once: the panel picks the areas, the roads (never the rails) and the community
    centres (never the first point layer); nothing had to be chosen by hand."""
    assert desktop["areas_chosen_by_panel"] == "planning_areas"
    roles = desktop["roles"]
    assert roles["network"] == ["moabit_roads"]
    assert roles["docking_points"] == ["poi_community_centers"]
    assert "poi_bus_stops" not in roles["candidates"] and len(roles["candidates"]) == 7
    walk = desktop["walk"]
    assert all(chosen == [] for chosen in walk["chosen"].values()), walk["chosen"]
    assert all(walk["done"].get(k) for k in STEP_KEYS), walk["status"]


def test_same_key_figures_as_make_demo(desktop):
    demo, panel = desktop["demo"], desktop["walk"]["figures"]
    assert demo.get("returncode") == 0, demo.get("stdout_tail")
    assert panel["classes"] == demo["classes"]
    assert panel["coverage"] == demo["coverage"]
    assert panel["table"] == demo["table"]


def test_summaries_in_the_panel_in_german(desktop):
    summaries = desktop["walk"]["summaries"]
    assert "Gebiete" in summaries["classify"] and "% der Bevölkerung" in summaries["classify"]
    assert "Lücken" in summaries["infrastructure"]
    assert "Minuten" in summaries["catchments"]
    assert "→" in summaries["docking"] and "Optimalitätslücke" in summaries["docking"]
    assert "Kartenseiten" in summaries["strategy"] and ".pdf" in summaries["strategy"]
    assert "78,1 %" in summaries["docking"]  # German number format


def test_rails_as_network_gives_a_visible_warning(desktop):
    rails = desktop["rails"]
    assert all(rails["network_everywhere"].values()), rails  # chosen once, used by every step
    assert rails["findings"] and rails["label_visible"] and rails["label_in_view"], rails
    assert "moabit_rails" in rails["label"]
    assert "trotzdem" in rails["footer"]
    assert rails["back_to_roads"]


def test_rerun_keeps_the_number_of_layers(desktop):
    for phase in ("rerun_unsaved", "rerun_saved"):
        for key, counts in desktop[phase].items():
            assert counts["ok"], (phase, key)
            assert counts["tree"][0] == counts["tree"][1], (phase, key, counts)


def test_cancel_each_step(desktop):
    for key, cancel in desktop["cancel"].items():
        if cancel["finished_before_click"]:
            continue  # too quick to be cancelled
        assert cancel["state"] == "cancelled", (key, cancel)
        assert "abgebrochen" in cancel["title"], (key, cancel)
        # from the planner's click (the moment it could be handled) to "abgebrochen" on screen
        assert cancel["seconds_to_cancelled"] is not None, (key, cancel)
        assert cancel["click_delay_s"] + cancel["seconds_to_cancelled"] <= 1.0, (key, cancel)
        assert cancel["results_untouched"], (key, cancel)
    assert sum(1 for c in desktop["cancel"].values() if c["state"] == "cancelled") >= 4


def test_save_reopen_identical(desktop):
    again = desktop["reopened"]
    assert desktop["project_saved"] and desktop["reopened_read"]
    assert again["differences"] == {}, again["differences"]
    assert again["n_parameters"] > 50
    assert again["tree"][0] == again["tree"][1]
    assert again["valid"] and all(again["done"].values()), again
    assert again["pdf_chars"][0] > 200
    if not again["pdf_text_equal"] and "memory" in desktop.get("print_layers", {}).values():
        pytest.xfail("the strategy map's print copies are memory layers, lost on reopening (issue 12/i13: stored with the project)")
    assert again["pdf_text_equal"], again["pdf_diff"]
    assert again["sample_untouched"]


def test_readable_width_and_screenshots(desktop):
    assert 360 <= desktop["min_width"] <= 420
    assert all(c["fits"] for c in desktop["field_combos"].values()), desktop["field_combos"]
    assert desktop["tooltips"]["n"] > 0 and desktop["tooltips"]["rich"] == desktop["tooltips"]["n"]
    for path in map(Path, desktop["screenshots"]):
        assert path.exists() and path.stat().st_size > 5_000, path
