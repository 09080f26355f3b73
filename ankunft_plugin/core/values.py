"""Turning attribute values from municipal statistics into numbers, honestly.

German statistical offices mark values they cannot or may not publish with placeholders:
``.`` (unknown or secret), ``-`` (nothing / exactly zero in some tables, but not reliably),
``x`` (cannot be stated), ``…``, ``/`` (too uncertain), an empty cell or NULL. None of them may
ever become a silent number. ``parse_numbers`` returns NaN for each and says which placeholder
it met, so callers can flag the area (``insufficient``) with a reason.

The reader itself lives in :mod:`.numbers` (column-aware: thousands dot or decimal dot decided
per column from its values and its role, with a report); this module keeps the old names.
"""

from __future__ import annotations

from .numbers import (
    COUNT,
    FACTOR,
    PLACEHOLDERS,
    RATE,
    ColumnReading,
    NumberFormatError,
    is_null,
    parse_numbers,
    read_column,
)

__all__ = [
    "COUNT",
    "FACTOR",
    "PLACEHOLDERS",
    "RATE",
    "ColumnReading",
    "NumberFormatError",
    "is_null",
    "parse_numbers",
    "read_column",
]
