"""The column-aware number reader: fixed cases and property-based round trips (hypothesis)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ankunft_plugin.core import numbers as nb
from ankunft_plugin.core.numbers import COUNT, FACTOR, RATE, NumberFormatError, parse_numbers, read_column

EXAMPLES = 400  # per property; the total is printed by test_report_example_counts (pytest -s)
RUNS: dict[str, int] = {}


def _count(name: str) -> None:
    RUNS[name] = RUNS.get(name, 0) + 1


def german(x: float, decimals: int, thousands: str = ".") -> str:
    """``x`` the way a German statistical table writes it (thousands dot, decimal comma)."""
    text = "{:,.{d}f}".format(abs(x), d=decimals)  # 1,234,567.89
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", thousands)
    return ("−" if x < 0 else "") + text


def english(x: float, decimals: int) -> str:
    return ("-" if x < 0 else "") + "{:,.{d}f}".format(abs(x), d=decimals)


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        ("1.387", COUNT, 1387.0),
        ("81.021", COUNT, 81021.0),
        ("1.234,5", None, 1234.5),
        ("12.345.678", None, 12345678.0),
        ("3,5 %", None, 3.5),
        ("3,5%", RATE, 3.5),
        ("−12", None, -12.0),
        ("-12", None, -12.0),
        ("+7", None, 7.0),
        ("1 675", COUNT, 1675.0),
        ("1\u00a0675", COUNT, 1675.0),
        ("1\u202f675", COUNT, 1675.0),
        ("20,4", None, 20.4),
        ("12,345,678", None, 12345678.0),
        ("1,234.5", None, 1234.5),
        ("0.387", None, 0.387),
        ("1387.25", None, 1387.25),
        ("1.250", FACTOR, 1.25),
        ("1.387", RATE, 1.387),
        ("1e3", None, 1000.0),
    ],
)
def test_single_values(text, role, expected):
    nums, problems = parse_numbers([text], role=role)
    assert nums[0] == pytest.approx(expected) and problems == [None]


@pytest.mark.parametrize("placeholder", [".", "-", "x", "…", "/", "–", "", None, "NULL", "   "])
def test_placeholders_are_counted_never_numbers(placeholder):
    nums, problems, reading = read_column(["1.387", placeholder, "2.001"], role=COUNT, name="EW")
    assert nums[0] == 1387 and nums[2] == 2001 and math.isnan(nums[1])
    assert problems[1] is not None
    assert reading.n_missing == 1 and reading.n_values == 2 and sum(reading.placeholders.values()) == 1


def test_column_decides_from_its_values():
    # one decimal comma anywhere: '.' is a thousands separator for the whole column
    nums, _p, r = read_column(["1.387", "20,4", "356"], name="x")
    assert nums.tolist() == [1387.0, 20.4, 356.0] and r.code == nb.THOUSANDS_DOT and r.decided_by == "values"
    # one decimal dot anywhere: '.' is a decimal separator, ',' a thousands separator
    nums, _p, r = read_column(["1.387", "20.45", "1,234"], name="x")
    assert nums.tolist() == [1.387, 20.45, 1234.0] and r.code == nb.DECIMAL_DOT
    # several dots in one value decide too
    nums, _p, r = read_column(["1.387", "12.345.678"])
    assert nums.tolist() == [1387.0, 12345678.0] and r.code == nb.THOUSANDS_DOT


def test_role_decides_when_the_values_cannot():
    values = ["81.021", "1.387", "356", "."]
    nums, _p, r = read_column(values, role=COUNT, name="Einwohner")
    assert nums[:3].tolist() == [81021.0, 1387.0, 356.0]
    assert (r.code, r.decided_by, r.n_values, r.n_thousands, r.n_ambiguous, r.n_missing) == (
        nb.THOUSANDS_DOT, "role", 3, 2, 2, 1,
    )
    assert r.describe("de") == "Einwohner: Tausenderpunkt erkannt, 3 Werte (nach der Rolle der Spalte); 1 fehlend/Platzhalter"
    nums, _p, r = read_column(["1.387", "2.5"], role=RATE)
    assert nums.tolist() == [1.387, 2.5]


def test_ambiguous_columns_are_refused_with_a_fix():
    with pytest.raises(NumberFormatError) as err:
        parse_numbers(["1.387", "2.001", "12"], name="EW_2020")
    assert err.value.reading.code == nb.AMBIGUOUS and err.value.reading.refused
    assert "1.387" in str(err.value) and "number field" in str(err.value)
    assert "Zahlenfeld" in err.value.reading.describe("de")
    # contradicting evidence plus ambiguous values: refused even with a role
    nums, problems, r = read_column(["1.387", "20,4", "20.45"], role=COUNT)
    assert r.refused and np.isnan(nums).all() and problems[0] == "ambiguous"


def test_mixed_but_unambiguous_values_are_read_each_by_its_form():
    nums, _p, r = read_column(["1.234,5", "1,234.5", "20,4", "20.4", "7"])
    assert nums.tolist() == [1234.5, 1234.5, 20.4, 20.4, 7.0] and r.code == nb.MIXED


def test_unreadable_text_is_nan_with_the_text():
    nums, problems, r = read_column(["12", "1.23.4", "abc", "1 23", "12%%"], role=COUNT)
    assert nums[0] == 12 and np.isnan(nums[1:]).all()
    assert problems[1:] == ["1.23.4", "abc", "1 23", "12%%"] and r.n_unreadable == 4


def test_numeric_fields_and_report_dict():
    nums, _p, r = read_column([1, 2.5, np.int64(3), None], role=COUNT, name="n")
    assert nums[:3].tolist() == [1.0, 2.5, 3.0] and r.code == nb.NUMERIC and r.n_numeric == 3
    d = r.as_dict()
    assert d["code"] == "numeric" and d["placeholders"] == {"null": 1} and d["name"] == "n"


def test_unknown_role_is_an_error():
    with pytest.raises(ValueError):
        read_column(["1"], role="people")


class _NullLike:
    """A value that says it is null, like QGIS's NULL QVariant."""

    def isNull(self):  # noqa: N802 (the Qt name)
        return True


def test_each_value_is_screened_on_its_own():
    """Step 1 (``_Column.take``): booleans unreadable, non-finite numbers and null objects missing,
    blank and NULL text empty, placeholders counted by their text."""
    values = [None, True, float("nan"), np.inf, _NullLike(), " 12 ", "", "NULL", "\u00a0", "x", "abc", 7]
    nums, problems, r = read_column(values, role=COUNT)
    assert problems == ["null", "boolean", "nan", "nan", "null", None, "empty", "empty", "empty", "x", "abc", None]
    assert nums[5] == 12 and nums[11] == 7 and np.isnan(np.delete(nums, [5, 11])).all()
    assert r.placeholders == {"null": 2, "nan": 2, "empty": 3, "x": 1}
    assert (r.n_missing, r.n_unreadable, r.n_values, r.n_numeric) == (8, 2, 2, 1)
    assert r.examples == ["abc"] and r.code == nb.PLAIN and r.decided_by == ""


def test_a_text_number_too_large_for_a_float_is_unreadable():
    nums, problems, r = read_column(["1e999", "5"])
    assert np.isnan(nums[0]) and nums[1] == 5 and problems == ["nan", None]
    assert r.n_unreadable == 1 and r.n_values == 1


@pytest.mark.parametrize(
    ("values", "role", "code", "decided_by", "expected"),
    [
        (["1.387", "2.5"], None, nb.DECIMAL_DOT, "values", [1.387, 2.5]),  # English evidence, dots
        (["1,387", "2,500"], COUNT, nb.THOUSANDS_COMMA, "role", [1387, 2500]),  # ambiguous only: the role
        (["1,387", "12,345,678"], None, nb.THOUSANDS_COMMA, "values", [1387, 12345678]),  # English, no dots
        (["1.387", "2,5"], None, nb.THOUSANDS_DOT, "values", [1387, 2.5]),  # German evidence, dots
        (["1,387", "2,5"], None, nb.DECIMAL_COMMA, "values", [1.387, 2.5]),  # German, no dots
        (["1,387"], RATE, nb.DECIMAL_COMMA, "role", [1.387]),
        (["1.250"], FACTOR, nb.DECIMAL_DOT, "role", [1.25]),
        (["1 387", "12"], None, nb.PLAIN, "values", [1387, 12]),  # space groups alone: plain, by the values
        ([1.5, None], None, nb.NUMERIC, "", [1.5, math.nan]),
        ([None, "-"], None, nb.EMPTY, "", [math.nan, math.nan]),
    ],
)
def test_what_decides_the_column(values, role, code, decided_by, expected):
    """Steps 2-3 (``_Column.decide``): the values' evidence first, then the role."""
    nums, _p, r = read_column(values, role=role)
    assert (r.code, r.decided_by) == (code, decided_by)
    np.testing.assert_allclose(nums, expected, equal_nan=True)


@pytest.mark.parametrize(
    ("text", "kind", "body"),
    [
        ("+", nb._K_BAD, ""),  # a sign alone
        ("-5 %", nb._K_PLAIN, "5"),  # % and sign taken off
        ("1.2,3.4", nb._K_BAD, "1.2,3.4"),  # both separators, the head no groups of three
        ("1,23.4", nb._K_BAD, "1,23.4"),
        ("12.345,6", nb._K_GERMAN, "12.345,6"),
        ("12,345.6", nb._K_ENGLISH, "12,345.6"),
        ("1.2345.678", nb._K_BAD, "1.2345.678"),  # one separator, several times, no groups
        ("a.5", nb._K_BAD, "a.5"),
        (".5", nb._K_ENGLISH, ".5"),
        ("5,", nb._K_GERMAN, "5,"),
        ("1,387", nb._K_AMB_COMMA, "1,387"),
        ("\u22121.387 %", nb._K_AMB_DOT, "1.387"),
    ],
)
def test_the_form_of_one_text(text, kind, body):
    """``_classify_text`` and its seams (sign and %, both separators, one separator)."""
    got_kind, got_body, _info = nb._classify_text(text)
    assert (got_kind, got_body) == (kind, body)


# ---- properties ---------------------------------------------------------------------------------
counts = st.integers(min_value=0, max_value=10**9)
reals = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(counts, min_size=1, max_size=30), st.sampled_from([".", " ", "\u00a0", "\u202f"]))
def test_counts_written_the_german_way_read_back(values, sep):
    _count("german counts")
    texts = [german(v, 0, sep) for v in values]
    nums, problems = parse_numbers(texts, role=COUNT)
    assert nums.tolist() == [float(v) for v in values] and problems == [None] * len(values)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(counts, min_size=1, max_size=30))
def test_counts_written_the_english_way_read_back(values):
    _count("english counts")
    texts = [english(v, 0) for v in values]
    nums, _p = parse_numbers(texts, role=COUNT)
    assert nums.tolist() == [float(v) for v in values]


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(reals, min_size=1, max_size=30), st.integers(min_value=1, max_value=4), st.booleans(),
       st.sampled_from([None, COUNT, RATE, FACTOR]))
def test_decimals_written_the_german_or_english_way_read_back(values, decimals, is_german, role):
    """Any role: a column written consistently with decimals always carries its own evidence,
    unless every value happens to look like d.ddd – then the role decides or it is refused."""
    _count("decimals german/english")
    texts = [german(v, decimals) if is_german else english(v, decimals) for v in values]
    expected = [float("{:.{d}f}".format(v, d=decimals)) for v in values]
    nums, _p, reading = read_column(texts, role=role)
    if reading.refused:
        # only possible when nothing in the column tells the separators apart
        assert role is None and decimals == 3
        return
    if reading.decided_by == "role" and role == COUNT:
        # every value of the form d.ddd (three decimals, below 1000): a count of people is an
        # integer, so they are read as thousands – the documented rule, not the written number
        assert decimals == 3
        assert reading.code == (nb.THOUSANDS_COMMA if is_german else nb.THOUSANDS_DOT)
        return
    assert nums == pytest.approx(expected, rel=0, abs=1e-9 + 1e-12 * max(map(abs, expected)))


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(counts.map(lambda v: ("n", v)), st.sampled_from([".", "-", "x", "…", "/", "", None]).map(lambda p: ("p", p))), min_size=1, max_size=30),
       st.booleans(), st.booleans())
def test_placeholders_mixed_in_never_become_numbers(items, is_german, with_percent):
    _count("placeholders mixed in")
    texts = []
    for kind, v in items:
        if kind == "p":
            texts.append(v)
        else:
            t = german(v, 0) if is_german else english(v, 0)
            texts.append(t + (" %" if with_percent else ""))
    nums, problems, reading = read_column(texts, role=COUNT)
    for (kind, v), x, p in zip(items, nums, problems):
        if kind == "p":
            assert math.isnan(x) and p is not None
        else:
            assert x == v and p is None
    assert reading.n_missing == sum(1 for k, _v in items if k == "p")


def test_report_example_counts():
    """Runs last in this file: prints how many examples each property ran (pytest -s)."""
    print("hypothesis examples run:", RUNS, "total", sum(RUNS.values()))
