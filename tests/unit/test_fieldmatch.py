"""Field proposals for German (and English) municipal statistics."""

from __future__ import annotations

import csv
import math

import pytest

from ankunft_plugin.core import fieldmatch
from ankunft_plugin.core.fieldmatch import (
    ROLES,
    UNIT_COUNT,
    UNIT_PER_1000,
    UNIT_PERCENT,
    check_inputs,
    guess_unit,
    normalise,
    propose,
    rank,
    score,
    to_per_1000,
)
from tests.conftest import BERLIN


def _fields(matches):
    return {role: (m.field if m else None) for role, m in matches.items()}


def test_normalise():
    assert normalise("Zuzüge_Ausland") == " zuzuege ausland "
    assert normalise("EW2023") == " ew 2023 "
    assert normalise("anteilAuslaender") == " anteil auslaender "
    assert normalise("SGB II (%)") == " sgb ii % "


def test_german_municipal_names():
    fields = ["PLR_ID", "Name", "Einwohner", "Ausländer", "Zuzüge_Ausland", "Fortzüge", "Wanderungsvolumen",
              "Migrationshintergrund_Anteil", "SGB_II_Quote"]
    m = propose(fields)
    assert _fields(m) == {
        "id": "PLR_ID", "name": "Name", "population": "Einwohner", "arrivals": "Zuzüge_Ausland",
        "departures": "Fortzüge", "turnover": "Wanderungsvolumen", "diversity": "Ausländer",
        "social": "SGB_II_Quote",
    }
    assert m["population"].score == 1.0
    assert m["arrivals"].unit == UNIT_COUNT
    assert m["turnover"].unit == UNIT_PERCENT  # Wanderungsvolumen is per 100 inhabitants
    assert m["social"].unit == UNIT_PERCENT


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (["gid", "bezeichnung", "EW_2023", "ZuzuegeAusland", "Nichtdeutsche_Anteil", "SGBII_Quote"],
         {"population": "EW_2023", "arrivals": "ZuzuegeAusland", "diversity": "Nichtdeutsche_Anteil", "social": "SGBII_Quote"}),
        (["OBJECTID", "Bev_insg", "Zuzug", "Fortzug", "Migrationshintergrund", "SGB II (%)"],
         {"population": "Bev_insg", "arrivals": "Zuzug", "departures": "Fortzug", "diversity": "Migrationshintergrund"}),
        (["fid", "NAME", "population", "foreign_in_migration", "out_migration", "turnover_rate", "foreigners_share",
          "welfare_recipients"],
         {"population": "population", "arrivals": "foreign_in_migration", "departures": "out_migration",
          "turnover": "turnover_rate", "diversity": "foreigners_share", "social": "welfare_recipients"}),
        (["EW", "EW_Ausl", "EW_MH", "ZUZ_AUSL", "FORTZ", "WV_100EW", "SGB2_Anteil"],
         {"population": "EW", "diversity": "EW_Ausl", "arrivals": "ZUZ_AUSL", "departures": "FORTZ", "turnover": "WV_100EW",
          "social": "SGB2_Anteil"}),
        (["Einwohner insgesamt", "Einwohner mit Migrationshintergrund", "Ausländer insgesamt", "Zuzüge aus dem Ausland",
          "Wanderungssaldo", "SGB-II-Quote"],
         {"population": "Einwohner insgesamt", "diversity": "Ausländer insgesamt", "arrivals": "Zuzüge aus dem Ausland",
          "social": "SGB-II-Quote"}),
        (["residents", "foreign_residents", "arrivals_abroad", "departures", "benefit_rate"],
         {"population": "residents", "diversity": "foreign_residents", "arrivals": "arrivals_abroad"}),
        (["EW", "Zuzüge aus dem Ausland je 1000 EW", "Wanderungsvolumen je 1000 EW"],
         {"population": "EW", "arrivals": "Zuzüge aus dem Ausland je 1000 EW", "turnover": "Wanderungsvolumen je 1000 EW"}),
    ],
)
def test_variants(fields, expected):
    got = _fields(propose(fields))
    for role, field in expected.items():
        assert got[role] == field, (role, got)


def test_units_from_names():
    assert guess_unit("Anteil Ausländer") == UNIT_PERCENT
    assert guess_unit("Arbeitslosenquote") == UNIT_PERCENT
    assert guess_unit("SGB II (%)") == UNIT_PERCENT
    assert guess_unit("Zuzüge je 1000 EW") == UNIT_PER_1000
    assert guess_unit("Zuzuege_Promille") == UNIT_PER_1000
    assert guess_unit("foreign_in_migration") == UNIT_COUNT  # "migration" is not "ratio"
    assert guess_unit("Zuzüge") == UNIT_COUNT
    assert guess_unit("WV_100EW") == UNIT_PERCENT  # per 100 inhabitants


def test_units_from_values():
    assert guess_unit("k05", ["78.3", 49.1, None]) == UNIT_PERCENT
    assert guess_unit("k05", [780.5, 120.25]) == UNIT_PER_1000
    assert guess_unit("Ausl", [1387, 73, 12]) == UNIT_COUNT
    assert guess_unit("Ausl", [".", "-"]) == UNIT_COUNT


def test_more_specific_fields_lose():
    # "inhabitants_foreigners" is diversity, not population; Germans without background is neither
    assert score("inhabitants", "population") > score("inhabitants_foreigners", "population")
    assert score("inhabitants_with_migration_background", "diversity") > score(
        "inhabitants_germans_with_migration_background", "diversity")
    assert score("inhabitants_germans_without_migration_background", "diversity") < 0.3
    assert score("Wanderungssaldo", "arrivals") < score("Zuzüge", "arrivals")
    assert rank(["Zuzüge", "Zuzüge_Ausland"], "arrivals")[0][0] == "Zuzüge_Ausland"


def test_each_field_used_once_and_types():
    m = propose(["EW", "Ausländer"], types={"EW": "text", "Ausländer": "numeric"})
    assert m["population"] is None  # text field refused for a numeric role
    assert m["diversity"].field == "Ausländer"
    fields = [m.field for m in propose(["Einwohner", "Einwohner"]).values() if m]
    assert len(fields) == len(set(fields))


def test_no_fields_and_unknown_fields():
    assert propose([]) == dict.fromkeys(ROLES)
    m = propose(["shape_area", "shape_len", "foo"])
    assert all(v is None for k, v in m.items() if k != "name")


def test_bundled_sample_style_names():
    names = ["fid", "id", "name", "district_id", "inh_2015", "for_2015", "mig_2015", "inh_2020", "for_2020", "mig_2020",
             "for_change_2017_2020", "k11_turnover", "s3_transfer", "mss_status"]
    m = propose(names, samples={"k11_turnover": [54.4, 40.1], "s3_transfer": [7.44, 12.3]})
    assert _fields(m)["id"] == "id"  # the area id, not the GeoPackage fid
    assert m["population"].field == "inh_2020"  # the most recent year wins
    assert m["diversity"].field == "for_2020"
    assert m["arrivals"].field == "for_change_2017_2020"  # growth of foreigners: the usual proxy
    assert m["turnover"].field == "k11_turnover" and m["turnover"].unit == UNIT_PERCENT
    assert m["social"].field == "s3_transfer" and m["social"].unit == UNIT_PERCENT


def test_real_berlin_headers():
    with (BERLIN / "population" / "berlin-lor-population-2020-02-t1-planning-areas.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    m = propose(header)
    assert m["population"].field == "inhabitants"
    assert m["diversity"].field == "inhabitants_foreigners"
    with (BERLIN / "mss" / "mss-2013-planning-areas.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    m = propose(header)
    assert m["turnover"].field == "k11_migration_volume"
    assert m["turnover"].unit == UNIT_PERCENT
    assert m["social"].field == "s3_percentage_transfer_payments_recipients"


def test_to_per_1000():
    assert to_per_1000([10, "."], UNIT_COUNT, [1000, 1000])[0] == 10.0
    assert math.isnan(to_per_1000([10, "."], UNIT_COUNT, [1000, 1000])[1])
    assert math.isnan(to_per_1000([10], UNIT_COUNT, [0])[0])
    assert to_per_1000([4.5], UNIT_PERCENT)[0] == 45.0
    assert to_per_1000([12], UNIT_PER_1000)[0] == 12.0


def test_check_inputs():
    check = check_inputs(
        population=[3419, 192, ".", 5000],
        indicators={"arrivals": ([20, 2, -5, "-"], UNIT_COUNT), "social": ([12.5, 101.0, 3.0, 4.0], UNIT_PERCENT)},
        min_population=300,
        suppress_below=3,
    )
    assert check.rows == 4
    assert check.population_missing == 1
    assert check.small_population == 1
    assert check.placeholders == {"arrivals": 1, "social": 0}
    assert check.small_counts == {"arrivals": 1, "social": 0}
    assert check.implausible == {"arrivals": 0, "social": 1}
    assert check.negative == {"arrivals": 1, "social": 0}  # net growth as an arrivals proxy
    assert check.has_warnings()
    clean = check_inputs([1000], {"arrivals": ([10], UNIT_COUNT)})
    assert not clean.has_warnings()


def test_find_field_is_the_one_single_field_choice():
    """Panel (gui/wiring) and algorithms (strategy map, prepare network) choose a field with find_field."""
    names = ["id", "inh_2015", "inh_2020", "for_2020", "name"]
    assert fieldmatch.find_field(names, "population") == "inh_2020"  # the latest year among equals
    assert fieldmatch.find_field(names, "population", given="inh_2015") == "inh_2015"
    assert fieldmatch.find_field(names, "population", given="EW") is None  # a missing given field is never replaced
    assert fieldmatch.find_field(["gid", "EW_insg", "EW"], "population") == "EW"  # exact known names first
    assert fieldmatch.find_field(["BEZNAME", "bez_id"], "name") == "BEZNAME"
    assert fieldmatch.find_field(["fid", "Gebietsname"], "name") == "Gebietsname"  # else the name's score
    assert fieldmatch.find_field(["osm_id", "FCLASS", "highway"], "highway") == "highway"
    assert fieldmatch.find_field(["a", "b"], "highway") is None
    assert fieldmatch.find_field(["a", "b"], "population") is None
    assert fieldmatch.find_field(["rank", "name"], known=("added_weight", "rank")) == "rank"
    assert fieldmatch.find_field(["x"], known=("rank",)) is None


def test_no_other_field_candidate_lists():
    """The candidate lists live in core/fieldmatch only (the algorithms had their own copies)."""
    import re
    from pathlib import Path

    root = Path(fieldmatch.__file__).resolve().parents[1]
    for path in root.rglob("*.py"):
        if path.name == "fieldmatch.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b[A-Z_]*CANDIDATES\s*=\s*\(\s*\"(name|highway|population|category)\"", text), path
