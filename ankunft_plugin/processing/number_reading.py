"""How a column of numbers was read, in the user's language (the shell side of ``core/numbers``).

``read_field(values, role, name, feedback)`` reads a column with the core reader, logs one line
("Einwohner: Tausenderpunkt erkannt, 448 Werte") and raises a ``QgsProcessingException`` that says
how to fix a column that cannot be decided. ``reading_text(reading)`` words a ``ColumnReading``
(also for the panel preview); ``refusal_text(reading)`` words a refused one.
"""

from __future__ import annotations

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..core import numbers as nb
from ..core.numbers import ColumnReading, NumberFormatError, read_column


def code_text(code: str) -> str:
    """The reading code as a few translated words."""
    texts = {
        nb.NUMERIC: QCoreApplication.translate("NumberReading", "number field"),
        nb.PLAIN: QCoreApplication.translate("NumberReading", "numbers without thousands separators"),
        nb.THOUSANDS_DOT: QCoreApplication.translate("NumberReading", "thousands dot recognised"),
        nb.DECIMAL_DOT: QCoreApplication.translate("NumberReading", "decimal dot recognised"),
        nb.DECIMAL_COMMA: QCoreApplication.translate("NumberReading", "decimal comma recognised"),
        nb.THOUSANDS_COMMA: QCoreApplication.translate("NumberReading", "thousands comma recognised"),
        nb.MIXED: QCoreApplication.translate("NumberReading", "German and English forms mixed, every value unambiguous"),
        nb.AMBIGUOUS: QCoreApplication.translate("NumberReading", "separator cannot be decided"),
        nb.EMPTY: QCoreApplication.translate("NumberReading", "no number"),
    }
    return texts.get(code, code)


def refusal_text(reading: ColumnReading) -> str:
    """Why a column was refused and how to fix it."""
    text = QCoreApplication.translate("NumberReading", "{name}: '.' or ',' may be a thousands or a decimal separator here (e.g. {examples}); the plugin does not guess. Store the column as a number field, or write the numbers unambiguously (1387 instead of 1.387; 1.5 instead of 1.500 for decimals).")  # noqa: E501
    return text.format(name=reading.name, examples=", ".join("'{}'".format(e) for e in reading.examples))


def reading_text(reading: ColumnReading) -> str:
    """One line: "Einwohner: Tausenderpunkt erkannt, 448 Werte" plus what else was met."""
    if reading.refused:
        return refusal_text(reading)
    text = QCoreApplication.translate("NumberReading", "{name}: {how}, {n} values").format(name=reading.name, how=code_text(reading.code), n=reading.n_values)
    if reading.decided_by == "role":
        text += QCoreApplication.translate("NumberReading", " (decided by the column's role: counts of people are whole numbers)") if reading.role == nb.COUNT else QCoreApplication.translate("NumberReading", " (decided by the column's role: rates and factors have decimals)")
    if reading.n_space_thousands:
        text += QCoreApplication.translate("NumberReading", "; {n} with spaces between thousands").format(n=reading.n_space_thousands)
    if reading.n_percent:
        text += QCoreApplication.translate("NumberReading", "; {n} with '%' (kept as written)").format(n=reading.n_percent)
    if reading.n_missing:
        parts = ", ".join("'{}' {}".format(k, v) for k, v in sorted(reading.placeholders.items()))
        text += QCoreApplication.translate("NumberReading", "; {n} missing or placeholders ({parts})").format(n=reading.n_missing, parts=parts)
    if reading.n_unreadable:
        text += QCoreApplication.translate("NumberReading", "; {n} not readable as numbers (e.g. {examples})").format(
            n=reading.n_unreadable, examples=", ".join("'{}'".format(e) for e in reading.examples)
        )
    return text


def log_reading(feedback, reading: ColumnReading) -> None:
    """The reading line to the Processing log (a warning when something was not readable)."""
    if feedback is None:
        return
    if reading.n_unreadable or reading.code == nb.MIXED:
        feedback.pushWarning(reading_text(reading))
    else:
        feedback.pushInfo(reading_text(reading))


def read_field(values, role: str | None, name: str, feedback=None):
    """``(numbers, problems)`` of a column, read by the core reader; logs how it was read and
    raises ``QgsProcessingException`` (with the fix) for a column that cannot be decided."""
    numbers, problems, reading = read_column(values, role=role, name=name)
    if reading.refused:
        raise QgsProcessingException(refusal_text(reading))
    log_reading(feedback, reading)
    return numbers, problems


def raise_refused(err: NumberFormatError):
    """Re-raise a core ``NumberFormatError`` as a translated ``QgsProcessingException``."""
    raise QgsProcessingException(refusal_text(err.reading)) from err
