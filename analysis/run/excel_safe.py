"""Excel-safe cells: text that a spreadsheet would take for a formula is written so that it shows as text.

A CSV cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula by Excel, LibreOffice and Google Sheets (CSV or
formula injection: a speech title such as ``=HYPERLINK("http://…")`` or a
file name collected from anywhere).  As OWASP recommends, such a cell gets a
leading single quote (``'=HYPERLINK(…)``), which Excel shows as text.
Numbers stay numbers: numeric columns are left alone, and so is text that
is a plain number (``-3.5``), which no spreadsheet runs.

:func:`excel_safe` guards one value; :func:`excel_safe_frame` every text
cell of a table.  Every CSV file a run writes goes through them
(:func:`analysis.run.outputs.csv_write`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["excel_safe", "excel_safe_frame", "FORMULA_STARTS"]

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_RISKY = "[=+\\-@\t\r]"
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def excel_safe(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def excel_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are :func:`excel_safe` (the frame itself when none needs it)."""
    import pandas as pd

    changed: dict[str, pd.Series] = {}
    for name in frame.columns:
        column = frame[name]
        if not (pd.api.types.is_object_dtype(column.dtype) or pd.api.types.is_string_dtype(column.dtype)):
            continue
        try:
            risky = column.str.match(_RISKY, na=False)
        except AttributeError:  # no text in the column
            continue
        if risky.any():
            values = column.copy()
            values[risky] = column[risky].map(excel_safe)
            changed[name] = values
    if not changed:
        return frame
    safe = frame.copy()
    for name, column in changed.items():
        safe[name] = column
    return safe
