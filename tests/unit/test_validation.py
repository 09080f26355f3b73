"""Pure input checks (core.validation): CRS against coordinates, negative counts, typed number lists."""

from __future__ import annotations

import math

import pytest

from ankunft_plugin.core.validation import crs_problem, negative_counts, parse_number_list

BERLIN_UTM = (385000.0, 5810000.0, 400000.0, 5830000.0)
BERLIN_DEG = (13.3, 52.5, 13.4, 52.55)


def test_crs_against_coordinates():
    assert crs_problem("projected", BERLIN_UTM) is None
    assert crs_problem("geographic", BERLIN_DEG) is None
    assert crs_problem("projected", BERLIN_DEG) == "degrees_in_metric_crs"
    assert crs_problem("geographic", BERLIN_UTM) == "metres_in_degree_crs"
    assert crs_problem("none", BERLIN_UTM) == "no_crs_metric"
    assert crs_problem("none", BERLIN_DEG) == "no_crs_degrees"
    # a small metric test lattice (0…400 m) is not mistaken for degrees, nor is an empty layer judged
    assert crs_problem("projected", (0.0, 0.0, 400.0, 400.0)) is None
    assert crs_problem("projected", (math.nan,) * 4) is None
    assert crs_problem("projected", (0.0, 0.0, 0.0, 0.0)) is None  # a single point: no size to judge by


def test_negative_counts_are_found_also_as_text():
    idx, values = negative_counts([10, -500, "3", "-1.234,0", None, "."])
    assert idx.tolist() == [1, 3] and values.tolist() == [-500.0, -1234.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5,10,15", [5, 10, 15]),
        ("5, 10 15", [5, 10, 15]),
        ("5;7,5;10", [5, 7.5, 10]),
        ("5; 7.5 ;10", [5, 7.5, 10]),
        ("10", [10]),
    ],
)
def test_number_lists(text, expected):
    assert parse_number_list(text) == expected


@pytest.mark.parametrize("text", ["", "5;abc", "5,,x", "inf"])
def test_number_lists_refused(text):
    with pytest.raises(ValueError):
        parse_number_list(text)
