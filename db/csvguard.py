"""The one CSV formula guard, for every CSV newsprov writes: `newsprov export`, the
`.xlcsv` renderer and Datasette's own `.csv` (through db/plugin/csvsafe.py)."""

from __future__ import annotations

import re

# Excel, LibreOffice and Google Sheets evaluate a cell starting with these; the
# fullwidth forms (＝ ＋ － ＠) are folded to ASCII by some of them first.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: str) -> str:
    """The cell as a spreadsheet should show it: text, never a formula.

    Plain numbers (`-12.5`) stay numbers. Leading whitespace (spaces, no-break and
    ideographic spaces) does not stop some spreadsheets from reading a formula, so it is
    looked past. The apostrophe makes the spreadsheet show the text as typed."""
    if _NUMBER.fullmatch(value):
        return value
    if value.startswith(FORMULA_PREFIXES) or value.lstrip().startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
