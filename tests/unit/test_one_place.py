"""One place for each piece of logic: the panel's rate preview is the classification's conversion."""

import numpy as np

from ankunft_plugin.core import classify, fieldmatch


def test_panel_rates_are_the_classification_rates():
    pop = ["1.200", "800", ".", "0", "2500"]
    values = ["36", "12", "5", "3", "-"]
    pop_n = np.array([1200.0, 800.0, np.nan, 0.0, 2500.0])
    vals_n = np.array([36.0, 12.0, 5.0, 3.0, np.nan])
    got = fieldmatch.to_per_1000(values, fieldmatch.UNIT_COUNT, pop)
    np.testing.assert_array_equal(got, classify.to_rates(vals_n, classify.UNIT_COUNT, pop_n))
    assert got[0] == 30.0 and np.isnan(got[2]) and np.isnan(got[3])
    pct = fieldmatch.to_per_1000(["12,5", "3"], fieldmatch.UNIT_PERCENT)
    np.testing.assert_array_equal(pct, classify.to_rates(np.array([12.5, 3.0]), classify.UNIT_PERCENT, None))
    assert np.isnan(fieldmatch.to_per_1000(["3"], fieldmatch.UNIT_COUNT)).all()  # a count without population


def test_units_are_the_same_codes():
    assert (fieldmatch.UNIT_COUNT, fieldmatch.UNIT_PERCENT, fieldmatch.UNIT_PER_1000) == classify.UNITS
