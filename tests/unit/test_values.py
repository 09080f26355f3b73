import math

import numpy as np

from ankunft_plugin.core.confidentiality import suppress_counts, suppress_derived
from ankunft_plugin.core.values import parse_numbers


def test_placeholders_never_become_numbers():
    values = [12, "7", " 3,5 ", "1.234,5", "1,234.5", ".", "-", "x", "", None, "abc", float("nan"), True]
    nums, problems = parse_numbers(values)
    assert nums[:5].tolist() == [12.0, 7.0, 3.5, 1234.5, 1234.5]
    assert all(math.isnan(v) for v in nums[5:])
    assert problems[:5] == [None] * 5
    assert problems[5:8] == [".", "-", "x"]
    assert problems[8] == "empty" and problems[9] == "null"


def test_suppression_blanks_small_counts_only():
    c = np.array([0, 1, 2, 3, 10, np.nan])
    s = suppress_counts(c, 3)
    assert s[0] == 0 and np.isnan(s[1]) and np.isnan(s[2]) and s[3] == 3 and s[4] == 10 and np.isnan(s[5])
    r = suppress_derived([0.0, 0.1, 0.2, 0.3, 1.0, 0.5], c, 3)
    assert np.isnan(r[1]) and np.isnan(r[2]) and r[3] == 0.3
    assert suppress_counts([1, 2], 0).tolist() == [1.0, 2.0]
