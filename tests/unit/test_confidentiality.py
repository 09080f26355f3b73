"""The one confidentiality rule of the output writer (core.confidentiality.blank_row)."""

from __future__ import annotations

import math

from ankunft_plugin.core.confidentiality import blank_row, is_small_count


def test_small_counts_are_blanked_zero_and_large_are_kept():
    row, blanked = blank_row([0, 1, 2, 3, 2.5, None, "x"], counts=[0, 1, 2, 3, 4, 5, 6])
    assert row == [0, None, None, 3, None, None, "x"]
    assert blanked == {1, 2, 4}


def test_numeric_text_is_a_count_too():
    assert is_small_count("2") and is_small_count("1,5") and not is_small_count("3") and not is_small_count("abc")
    assert not is_small_count(float("nan")) and not is_small_count(-2)


def test_derived_values_follow_their_counts():
    # population 2 blanked: the rate computed from it must go too (arrivals / rate would give it back)
    row, blanked = blank_row([2, 40, 20000.0, 7.5], counts=[0, 1], derived={2: (0, 1), 3: (1,)})
    assert row == [None, 40, None, 7.5]
    assert blanked == {0, 2}


def test_threshold_zero_switches_it_off():
    row, blanked = blank_row([1, 2], counts=[0, 1], threshold=0)
    assert row == [1, 2] and not blanked
    assert not math.isnan(row[0])


def test_derived_from_an_already_blank_count_is_blanked():
    row, _ = blank_row([None, 40, 20000.0], counts=[0, 1], derived={2: (0, 1)})
    assert row == [None, 40, None]


def test_placeholders_in_derived_fields_are_kept():
    row, _ = blank_row([None, ".", "n/a", 12.5], counts=[0], derived={1: (0,), 2: (0,), 3: (0,)})
    assert row == [None, ".", "n/a", None]
