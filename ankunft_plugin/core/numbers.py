"""The one number reader of the plugin: column-aware, honest about what it read.

German statistical tables write ``1.387`` for one thousand three hundred eighty-seven, English
ones ``1,387``; both write ``20,4`` / ``20.4`` for a decimal. A single value such as ``1.387``
cannot say which it is. This reader therefore decides **per column**, from all its values and
the column's role:

1. Every text value is first read on its own form. Most values decide themselves:
   ``12.345.678`` (several dots: thousands), ``1.234,5`` (the last separator is the decimal
   one), ``20,4`` (one comma, not three digits after it: decimal comma), ``0.387`` or
   ``1387.5`` (a group before the dot that no thousands group can be: decimal dot),
   ``1 675`` (space, no-break space or narrow no-break space between groups of three: thousands).
2. The values of the form ``d.ddd`` / ``d,ddd`` (one separator, 1–3 digits before it, not
   ``0``, exactly three after) are *ambiguous*. They are read the way the other values of
   the column show: German evidence (thousands dots, decimal commas) → ``.`` is a thousands
   separator, ``,`` a decimal one; English evidence → the other way round.
3. Without evidence the role decides: a **count of people** is an integer (``1.387`` people
   are 1387 people, so the separator is a thousands separator); a **rate**, share or
   **factor** is read with a decimal separator (a rate of 1387 % or a walking factor of 1387
   does not exist). Without a role, or when the values contradict each other *and* ambiguous
   values remain, the column is **refused** (:class:`NumberFormatError`) with a message that
   says how to fix it – it is never guessed.

Also read: a leading ``-``, ``+`` or the Unicode minus ``−``; a trailing ``%`` (the number is
kept as written, ``3,5 %`` → 3.5; the report counts these values); numbers that are numbers
already (numeric fields). Placeholders of German statistics (``.`` ``-`` ``x`` ``…`` ``/``
``–`` …), empty cells and NULL become NaN and are counted per placeholder, never a number.

:func:`read_column` returns the numbers, the per-value problems and a :class:`ColumnReading`
(codes and counts, no wording: the shell words it in the user's language).
:func:`parse_numbers` is the old entry point, kept compatible, with an optional ``role``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import numpy as np

#: roles of a column (what the numbers count)
COUNT = "count"  # count of people (integer): '1.387' = 1387
RATE = "rate"  # rate, share or percent: '1.387' = 1.387
FACTOR = "factor"  # a factor (walking cost, weight): '1.250' = 1.25
ROLES = (COUNT, RATE, FACTOR)

#: codes of ColumnReading.code
NUMERIC = "numeric"  # the values were numbers already (a numeric field)
PLAIN = "plain"  # text without any separator that needed a decision (1387, 12.5, 20,4 …)
THOUSANDS_DOT = "thousands_dot"  # '.' read as thousands separator (German format)
DECIMAL_DOT = "decimal_dot"  # '.' read as decimal separator (English format)
DECIMAL_COMMA = "decimal_comma"  # ',' read as decimal separator, no dots
THOUSANDS_COMMA = "thousands_comma"  # ',' read as thousands separator, no dots
MIXED = "mixed"  # German and English forms, every value unambiguous on its own
AMBIGUOUS = "ambiguous"  # refused: cannot be decided
EMPTY = "empty"  # no number at all
CODES = (NUMERIC, PLAIN, THOUSANDS_DOT, DECIMAL_DOT, DECIMAL_COMMA, THOUSANDS_COMMA, MIXED, AMBIGUOUS, EMPTY)

PLACEHOLDERS = frozenset(
    {".", "-", "x", "X", "…", "...", "/", "–", "—", "*", "(.)", "k.A.", "k. A.", "NA", "n/a", "nan", "NaN"}
)

_SPACES = "\u00a0\u202f\u2009\u2007 "  # no-break, narrow no-break, thin, figure space, space
_MINUS = "-\u2212"  # hyphen-minus and the Unicode minus sign
_SPACE_RE = re.compile(r"^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$")
_PLAIN_RE = re.compile(r"^\d+$")
_EXP_RE = re.compile(r"^(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$")
_DOT_GROUPS_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_COMMA_GROUPS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_AMBIG_LEAD_RE = re.compile(r"^[1-9]\d{0,2}$")

# kinds of a text value, after its own form
_K_BAD, _K_PLAIN, _K_GERMAN, _K_ENGLISH, _K_AMB_DOT, _K_AMB_COMMA, _K_SPACE = range(7)


class NumberFormatError(ValueError):
    """A column whose separators cannot be decided; ``reading`` says why (code ``ambiguous``)."""

    def __init__(self, reading: ColumnReading):
        self.reading = reading
        super().__init__(reading.describe("en"))


@dataclass
class ColumnReading:
    """How a column was read: codes and counts (the shell words them, see ``describe``)."""

    name: str = ""
    role: str | None = None
    code: str = EMPTY
    decided_by: str = ""  # "values" (the column's own values), "role", or "" (nothing to decide)
    n_rows: int = 0
    n_values: int = 0  # values read as numbers
    n_numeric: int = 0  # of them: numbers already (numeric field)
    n_thousands: int = 0  # of them: written with a thousands separator that was removed
    n_space_thousands: int = 0  # of them: with spaces (also no-break spaces) as thousands separator
    n_ambiguous: int = 0  # of them: of the form d.ddd / d,ddd, read after the column's decision
    n_percent: int = 0  # of them: written with a trailing '%' (kept as written: '3,5 %' → 3.5)
    n_unicode_minus: int = 0  # of them: with the Unicode minus sign
    n_missing: int = 0  # placeholders, empty cells, NULL
    placeholders: dict[str, int] = field(default_factory=dict)  # placeholder → count ('null', 'empty', '.', '-' …)
    n_unreadable: int = 0  # text that is no number (NaN, reported with the value)
    examples: list[str] = field(default_factory=list)  # up to 3 ambiguous (if refused) or unreadable values

    @property
    def refused(self) -> bool:
        return self.code == AMBIGUOUS

    def as_dict(self) -> dict:
        return asdict(self)

    def describe(self, lang: str = "en") -> str:
        """A plain one-line description (English or German) for logs outside QGIS and for the
        exception text. The QGIS shell uses its own translated wording of the same codes."""
        de = lang.startswith("de")
        name = self.name or ("Spalte" if de else "column")
        ex = ", ".join("'{}'".format(e) for e in self.examples)
        if self.code == AMBIGUOUS:
            if de:
                return (
                    "{}: '.' oder ',' kann Tausender- oder Dezimaltrennzeichen sein (z. B. {}); nicht geraten. "
                    "Speichern Sie die Spalte als Zahlenfeld oder schreiben Sie die Zahlen eindeutig "
                    "(1387 statt 1.387, 1,5 statt 1.500 für Dezimalzahlen).".format(name, ex)
                )
            return (
                "{}: '.' or ',' may be a thousands or a decimal separator here (e.g. {}); not guessed. "
                "Store the column as a number field or write the numbers unambiguously "
                "(1387 instead of 1.387, 1.5 instead of 1.500 for decimals).".format(name, ex)
            )
        words_de = {
            NUMERIC: "Zahlenfeld",
            PLAIN: "Zahlen ohne Tausendertrennzeichen",
            THOUSANDS_DOT: "Tausenderpunkt erkannt",
            DECIMAL_DOT: "Dezimalpunkt erkannt",
            DECIMAL_COMMA: "Dezimalkomma erkannt",
            THOUSANDS_COMMA: "Tausenderkomma erkannt",
            MIXED: "deutsche und englische Schreibweise gemischt, jeder Wert eindeutig",
            EMPTY: "keine Zahl",
        }
        words_en = {
            NUMERIC: "number field",
            PLAIN: "numbers without thousands separators",
            THOUSANDS_DOT: "thousands dot recognised",
            DECIMAL_DOT: "decimal dot recognised",
            DECIMAL_COMMA: "decimal comma recognised",
            THOUSANDS_COMMA: "thousands comma recognised",
            MIXED: "German and English forms mixed, every value unambiguous",
            EMPTY: "no number",
        }
        text = "{}: {}, {} {}".format(
            name, (words_de if de else words_en)[self.code], self.n_values, "Werte" if de else "values"
        )
        if self.decided_by == "role":
            text += " (nach der Rolle der Spalte)" if de else " (by the column's role)"
        if self.n_missing:
            text += "; {} {}".format(self.n_missing, "fehlend/Platzhalter" if de else "missing/placeholders")
        if self.n_unreadable:
            text += "; {} {} ({})".format(self.n_unreadable, "nicht lesbar" if de else "unreadable", ex)
        return text


def is_null(value) -> bool:
    """None, or an object that says it is null (QGIS/Qt NULL values have ``isNull()``)."""
    if value is None:
        return True
    check = getattr(value, "isNull", None)
    if callable(check):
        try:
            return bool(check())
        except TypeError:
            return False
    return False


def _classify_text(text: str) -> tuple[int, str, dict]:
    """Kind of one stripped, non-placeholder text and its normalised body (no sign, no %)."""
    body, info = _sign_and_percent(text)
    if not body:
        return _K_BAD, body, info
    if any(c in _SPACES for c in body):
        for c in _SPACES:
            body = body.replace(c, " ")
        if _SPACE_RE.match(body):
            return _K_SPACE, body.replace(" ", ""), info
        return _K_BAD, body, info
    if _PLAIN_RE.match(body):
        return _K_PLAIN, body, info
    if _EXP_RE.match(body):
        return _K_ENGLISH, body, info
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        return _both_separators(body), body, info
    if dots or commas:
        return _one_separator(body, "." if dots else ","), body, info
    return _K_BAD, body, info


def _sign_and_percent(text: str) -> tuple[str, dict]:
    """The text without a trailing ``%`` and a leading sign, and what was taken off."""
    info = {"percent": False, "unicode_minus": False, "negative": False}
    body = text
    if body.endswith("%"):
        info["percent"] = True
        body = body[:-1].rstrip(_SPACES)
    if body[:1] in _MINUS or body[:1] == "+":
        info["negative"] = body[0] != "+"
        info["unicode_minus"] = body[0] == "\u2212"
        body = body[1:].lstrip(_SPACES)
    return body, info


def _both_separators(body: str) -> int:
    """Kind of a body with dots and commas: the last separator is the decimal one (1.234,5 / 1,234.5)."""
    if body.rfind(",") > body.rfind("."):  # 1.234,5
        head, _, tail = body.rpartition(",")
        if _DOT_GROUPS_RE.match(head) and tail.isdigit():
            return _K_GERMAN
    else:  # 1,234.5
        head, _, tail = body.rpartition(".")
        if _COMMA_GROUPS_RE.match(head) and tail.isdigit():
            return _K_ENGLISH
    return _K_BAD


def _one_separator(body: str, sep: str) -> int:
    """Kind of a body with one kind of separator (``.`` or ``,``), once or more."""
    dots = sep == "."
    groups_re = _DOT_GROUPS_RE if dots else _COMMA_GROUPS_RE
    if body.count(sep) > 1:  # 12.345.678 / 12,345,678
        if groups_re.match(body):
            return _K_GERMAN if dots else _K_ENGLISH
        return _K_BAD
    head, _, tail = body.partition(sep)
    if (head and not head.isdigit()) or (tail and not tail.isdigit()) or not (head or tail):
        return _K_BAD
    if _AMBIG_LEAD_RE.match(head) and len(tail) == 3:
        return _K_AMB_DOT if dots else _K_AMB_COMMA
    # a decimal separator: 12.5, 0.387, 1387.25, 20,4
    return _K_ENGLISH if dots else _K_GERMAN


def _value_of(kind: int, body: str, dot_thousands: bool, comma_thousands: bool) -> tuple[float, bool]:
    """The number of a classified body; also whether a thousands separator was removed."""
    if kind == _K_PLAIN:
        return float(body), False
    if kind == _K_SPACE:
        return float(body.replace(",", ".")), True
    if kind == _K_GERMAN:
        grouped = "." in body
        return float(body.replace(".", "").replace(",", ".")), grouped
    if kind == _K_ENGLISH:
        grouped = "," in body
        return float(body.replace(",", "")), grouped
    if kind == _K_AMB_DOT:
        return (float(body.replace(".", "")), True) if dot_thousands else (float(body), False)
    if kind == _K_AMB_COMMA:
        return (float(body.replace(",", "")), True) if comma_thousands else (float(body.replace(",", ".")), False)
    raise ValueError(kind)


def read_column(values: Iterable, role: str | None = None, name: str = "") -> tuple[np.ndarray, list[str | None], ColumnReading]:
    """Read a whole column: ``(numbers, problems, reading)``; never raises for the data.

    ``numbers`` is float64 with NaN for anything that is not a number (and for everything when
    the column is refused); ``problems[i]`` is None for a clean value, else the placeholder or
    reason (``null``, ``empty``, ``.``, ``-``, ``ambiguous``, the unreadable text …);
    ``reading`` is the :class:`ColumnReading`. ``role``: :data:`COUNT`, :data:`RATE`,
    :data:`FACTOR` or None (see the module doc for what it decides)."""
    if role is not None and role not in ROLES:
        raise ValueError("role must be one of {} or None, not {!r}".format(ROLES, role))
    values = list(values)
    n = len(values)
    column = _Column(ColumnReading(name=name, role=role, n_rows=n), np.full(n, np.nan), [None] * n)
    for i, value in enumerate(values):
        column.take(i, value)
    dot_thousands, comma_thousands = column.decide(role)
    if column.reading.code == AMBIGUOUS:
        column.refuse()
    else:
        column.convert(dot_thousands, comma_thousands)
    return column.numbers, column.problems, column.reading


@dataclass
class _Column:
    """What :func:`read_column` fills: the numbers, the problems and the reading, and the text numbers
    that wait for the column's decision (step 1 of the module doc: :meth:`take`; steps 2–3: :meth:`decide`)."""

    reading: ColumnReading
    numbers: np.ndarray
    problems: list[str | None]
    pending: list[tuple[int, int, str, dict]] = field(default_factory=list)  # (index, kind, body, info) of text numbers
    seen_kinds: set[int] = field(default_factory=set)

    def missing(self, i: int, code: str) -> None:
        self.problems[i] = code
        self.reading.n_missing += 1
        self.reading.placeholders[code] = self.reading.placeholders.get(code, 0) + 1

    def take(self, i: int, value) -> None:
        """Value ``i`` on its own: a number, missing (counted per placeholder), unreadable, or a text
        number kept for :meth:`convert`."""
        if value is None:
            self.missing(i, "null")
        elif isinstance(value, bool):
            self.problems[i] = "boolean"
            self.reading.n_unreadable += 1
        elif isinstance(value, (int, float, np.integer, np.floating)):
            self.take_number(i, float(value))
        elif is_null(value):  # QVariant NULL and other objects with a null check
            self.missing(i, "null")
        else:
            self.take_text(i, str(value).strip(_SPACES + "\t\r\n"))

    def take_number(self, i: int, f: float) -> None:
        if np.isfinite(f):
            self.numbers[i] = f
            self.reading.n_values += 1
            self.reading.n_numeric += 1
        else:
            self.missing(i, "nan")

    def take_text(self, i: int, text: str) -> None:
        if text == "" or text.upper() == "NULL":
            self.missing(i, "empty")
            return
        if text in PLACEHOLDERS:
            self.missing(i, text)
            return
        kind, body, info = _classify_text(text)
        if kind == _K_BAD:
            self.problems[i] = text[:20]
            self.reading.n_unreadable += 1
            if len(self.reading.examples) < 3:
                self.reading.examples.append(text[:20])
            return
        self.pending.append((i, kind, body, info))
        self.seen_kinds.add(kind)

    def decide(self, role: str | None) -> tuple[bool, bool]:
        """Set the reading's code and what decided it (the values, else the role); returns
        ``(dot_thousands, comma_thousands)`` for :meth:`convert`."""
        german, english, ambiguous = self.evidence()
        if german or english:
            return self.decided_by_values(german, english, ambiguous)
        if ambiguous:
            return self.decided_by_role(role)
        if self.pending:
            self.reading.code = PLAIN
            if _K_SPACE in self.seen_kinds:
                self.reading.decided_by = "values"
        elif self.reading.n_numeric:
            self.reading.code = NUMERIC
        else:
            self.reading.code = EMPTY
        return False, False

    def evidence(self) -> tuple[bool, bool, bool]:
        """(German evidence, English evidence, ambiguous values) among the text numbers."""
        pending, seen_kinds = self.pending, self.seen_kinds
        german = _K_GERMAN in seen_kinds or any(k == _K_SPACE and "," in b for _i, k, b, _f in pending)
        english = _K_ENGLISH in seen_kinds or any(k == _K_SPACE and "." in b for _i, k, b, _f in pending)
        ambiguous = bool(seen_kinds & {_K_AMB_DOT, _K_AMB_COMMA})
        return german, english, ambiguous

    def decided_by_values(self, german: bool, english: bool, ambiguous: bool) -> tuple[bool, bool]:
        self.reading.decided_by = "values"
        if german and english:
            self.reading.code = AMBIGUOUS if ambiguous else MIXED
            return False, False
        has_dots = any(("." in b) for _i, _k, b, _f in self.pending)
        if german:
            self.reading.code = THOUSANDS_DOT if has_dots else DECIMAL_COMMA
            return True, False
        self.reading.code = DECIMAL_DOT if has_dots else THOUSANDS_COMMA
        return False, True

    def decided_by_role(self, role: str | None) -> tuple[bool, bool]:
        """Only ambiguous values and no evidence: a count has thousands separators, a rate or factor a
        decimal one; without a role the column is ambiguous."""
        self.reading.decided_by = "role"
        dot = _K_AMB_DOT in self.seen_kinds
        if role == COUNT:
            self.reading.code = THOUSANDS_DOT if dot else THOUSANDS_COMMA
            return True, True
        if role in (RATE, FACTOR):
            self.reading.code = DECIMAL_DOT if dot else DECIMAL_COMMA
        else:
            self.reading.code = AMBIGUOUS
        return False, False

    def refuse(self) -> None:
        """The column is refused: every number NaN, the ambiguous values marked (examples kept)."""
        for i, kind, body, _info in self.pending:
            if kind in (_K_AMB_DOT, _K_AMB_COMMA):
                self.problems[i] = "ambiguous"
                if len(self.reading.examples) < 3:
                    self.reading.examples.append(body)
        self.numbers[:] = np.nan

    def convert(self, dot_thousands: bool, comma_thousands: bool) -> None:
        """The text numbers, read with the column's separators, and counted."""
        reading = self.reading
        for i, kind, body, info in self.pending:
            f, grouped = _value_of(kind, body, dot_thousands, comma_thousands)
            if not np.isfinite(f):
                self.problems[i] = "nan"
                reading.n_unreadable += 1
                continue
            self.numbers[i] = -f if info["negative"] else f
            reading.n_values += 1
            reading.n_thousands += int(grouped)
            reading.n_space_thousands += int(kind == _K_SPACE)
            reading.n_ambiguous += int(kind in (_K_AMB_DOT, _K_AMB_COMMA))
            reading.n_percent += int(info["percent"])
            reading.n_unicode_minus += int(info["unicode_minus"])


def parse_numbers(values: Iterable, role: str | None = None, name: str = "") -> tuple[np.ndarray, list[str | None]]:
    """Parse a column into float64 with NaN for anything that is not a number.

    Returns ``(numbers, problems)``; ``problems[i]`` is None for a clean value, else the
    placeholder or the reason (``null``, ``empty``, ``.``, ``-`` …). Column-aware (see
    :func:`read_column`); raises :class:`NumberFormatError` (a ``ValueError``) for a column
    that cannot be decided – give the ``role`` when you know it."""
    numbers, problems, reading = read_column(values, role=role, name=name)
    if reading.refused:
        raise NumberFormatError(reading)
    return numbers, problems
