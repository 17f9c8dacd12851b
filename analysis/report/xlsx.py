"""Every table of a run in one Excel workbook (``tables.xlsx``), one sheet per table.

Written with openpyxl.  Each sheet has its header row frozen and bold, and
column widths fitted to the text, counting a CJK character as width 2 (as
Excel draws it), capped at :data:`MAX_WIDTH`.  Text cells that Excel would
read as a formula or command (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return, other than a plain number) get a leading ``'``
(:func:`analysis.run.excel_safe.excel_safe`, the rule every CSV of a run
follows), so a speech quoting ``=HYPERLINK(…)`` stays text.  A first sheet, ``README``,
lists every sheet with its source and number of rows; a table longer than
Excel's row limit is cut there and says so.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from analysis.run.excel_safe import excel_safe

__all__ = ["tables_xlsx", "excel_safe", "text_width", "MAX_WIDTH"]

MAX_WIDTH = 60
_MAX_ROWS = 1_048_575  # Excel's limit, less the header


def text_width(text: str) -> int:
    """Display width of ``text``: 2 for each wide (CJK, full-width) character, 1 for others."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cell(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalars
    if isinstance(value, (list, tuple, dict, set)):
        value = str(value)
    return excel_safe(value)


def _sheet_name(name: str, taken: set[str]) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, "_")
    base = name[:31] or "sheet"
    candidate, k = base, 2
    while candidate.lower() in taken:
        suffix = f"_{k}"
        candidate, k = base[: 31 - len(suffix)] + suffix, k + 1
    taken.add(candidate.lower())
    return candidate


def tables_xlsx(tables: Mapping[str, pd.DataFrame], path: Path, *, sources: Mapping[str, str] | None = None) -> Path:
    """Write ``tables`` (sheet name → table) to ``path``, with a ``README`` sheet first; returns ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    readme = workbook.active
    readme.title = "README"
    readme.append(["sheet", "source", "rows", "note"])
    taken = {"readme"}
    bold = Font(bold=True)
    for name, frame in tables.items():
        sheet_name = _sheet_name(name, taken)
        sheet = workbook.create_sheet(sheet_name)
        cut = len(frame) > _MAX_ROWS
        rows = frame.iloc[:_MAX_ROWS] if cut else frame
        header = [str(c) for c in rows.columns]
        sheet.append([excel_safe(h) for h in header])
        widths = [text_width(h) for h in header]
        for values in rows.itertuples(index=False, name=None):
            cells = [_cell(v) for v in values]
            sheet.append(cells)
            for i, v in enumerate(cells):
                if v is not None:
                    widths[i] = max(widths[i], text_width(str(v)))
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, width + 2)
        note = f"cut at {_MAX_ROWS:,} of {len(frame):,} rows (Excel's limit)" if cut else ""
        readme.append([sheet_name, excel_safe((sources or {}).get(name, "")), len(rows), note])
    for cell in readme[1]:
        cell.font = bold
    readme.freeze_panes = "A2"
    for column, width in zip("ABCD", (24, 40, 10, 40)):
        readme.column_dimensions[column].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(str(path))
    return path
