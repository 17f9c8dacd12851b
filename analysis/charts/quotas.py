"""The quota timeline: quota and deadline mentions per period, with a table of the latest meeting's quotas."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.style import (
    _t, _styled, _figure, _shorten, _period_ticks, _needs_meetings, _mark_gaps, _mark_partial, _partial_handle,
    ChartUnavailable, PALETTE, NEEDS_MEETINGS, SOURCE_COLOUR,
)

if TYPE_CHECKING:
    from analysis.trends import Trend


# -- quotas ---------------------------------------------------------------------------
def _value_text(value: object, unit: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = float(value)  # type: ignore[arg-type]
    for size, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(number) >= size:
            return f"{number / size:g}{word}{unit or ''}"
    return f"{number:g}{unit or ''}"


def quotas_timeline_plot(
    trend: "Trend",
    newest: pd.DataFrame | None = None,
    *,
    n: int = 12,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """Quota and deadline mentions per period (stacked bars by kind), with the newest quotas as a table.

    ``newest`` is a :func:`analysis.trends.quotas_change` table (or any
    quota table with ``text`` and ``subject``); up to ``n`` of its rows are
    listed, changed and new ones first.  The bars tell "no meeting" (a
    shaded band, in the legend) from "a meeting without any quota" (a
    hollow marker on the zero line, in the legend); a partial last period
    is outlined.  With fewer than two periods with a meeting there are no
    bars: the figure is the table alone, titled as the speech's quotas.
    Raises :class:`ChartUnavailable` when there is neither.
    """
    text = _t(lang)
    has_bars = not _needs_meetings(trend)
    rows = pd.DataFrame() if newest is None else newest
    if len(rows) and "status" in rows.columns:
        order = {"raised": 0, "lowered": 1, "changed": 2, "new": 3, "dropped": 4, "unchanged": 5, "same": 5}
        rows = rows.assign(_o=rows["status"].map(order).fillna(3)).sort_values("_o", kind="stable").drop(columns="_o")
    n_rows = len(rows)
    rows = rows.head(n)
    if not has_bars and not len(rows):
        raise ChartUnavailable(NEEDS_MEETINGS["en" if lang == "en" else "zh"] if len(trend.periods_with_meetings) else text["no_quotas"])
    if has_bars:
        title = title or text["quota_title"].format(period=text["period"][trend.period])
    else:
        title = title or text["quota_speech"]
    with _styled(font):
        height = 4.6 + (0.5 + 0.36 * len(rows) if len(rows) else 0) if has_bars else 0.9 + 0.3 * len(rows)
        fig = _figure((11, max(2.4, height)), source=source)
        if has_bars and len(rows):
            grid = fig.add_gridspec(2, 1, height_ratios=[4.0, 0.6 + 0.4 * len(rows)])
            ax, table_ax = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
        elif has_bars:
            ax, table_ax = fig.add_subplot(), None
        else:
            ax, table_ax = None, fig.add_subplot()
        if ax is not None:
            periods = trend.periods
            position = {p: i for i, p in enumerate(periods)}
            present = trend.table.groupby("period", sort=False)["n_docs"].first().reindex(periods).fillna(0).to_numpy() > 0
            _mark_gaps(ax, present, label=text["no_meeting"])
            bottom = np.zeros(len(periods))
            for k, kind in enumerate(("quota", "deadline")):
                part = trend.table[trend.table["kind"] == kind]
                values = np.zeros(len(periods))
                values[part["period"].map(position).to_numpy()] = np.nan_to_num(part["count"].to_numpy(dtype=float))
                ax.bar(np.arange(len(periods)), values, bottom=bottom, width=0.8, color=PALETTE[k], label=text["quota_kinds"][kind], zorder=2)
                bottom += values
            zero = np.flatnonzero(present & (bottom == 0))
            if len(zero):
                marks = ax.plot(zero, np.zeros(len(zero)), linestyle="none", marker="o", markersize=6, markerfacecolor="white",
                                markeredgecolor=SOURCE_COLOUR, clip_on=False, zorder=4, label=text["zero_quota"])
                marks[0].set_gid("zero_quota")
            ax.set_ylim(bottom=0, top=max(1.0, float(bottom.max()) * 1.12))
            ax.yaxis.get_major_locator().set_params(integer=True)
            _mark_partial(ax, trend, lang=lang)
            ax.set_ylabel(text["quota_axis"])
            _period_ticks(ax, periods, trend.period, max_ticks=14)
            if trend.period != "year" or len(periods) > 14:
                for label in ax.get_xticklabels():
                    label.set_rotation(45)
                    label.set_ha("right")
            handles, labels = ax.get_legend_handles_labels()
            partial = _partial_handle(trend, lang)
            if partial is not None:
                handles, labels = [*handles, partial], [*labels, partial.get_label()]
            fig.legend(handles, labels, loc="outside upper right", ncols=len(handles), fontsize=11)
            ax.set_title(title, loc="left")
        if table_ax is not None:
            latest = str(newest.attrs.get("latest", "")) if newest is not None else ""
            _quota_table(table_ax, rows, lang=lang, latest=latest, total=n_rows, heading=None if ax is not None else title)
    return fig


def _quota_table(ax, rows: pd.DataFrame, *, lang: str, latest: str, total: int, heading: str | None = None) -> None:  # type: ignore[no-untyped-def]
    text = _t(lang)
    ax.set_axis_off()
    heading = heading or (text["quota_table"].format(latest=latest) if latest else text["quota_speech"])
    if total > len(rows):
        heading += f"（前 {len(rows)} 条，共 {total} 条）" if lang != "en" else f" (first {len(rows)} of {total})"
    ax.set_title(heading, fontsize=13)
    has_status = "status" in rows.columns
    columns = text["quota_cols"] if has_status else text["quota_cols"][1:3]
    cells = []
    for _, row in rows.iterrows():
        subject = _shorten(row.get("subject", "") or "", 14)
        quote = _shorten(row.get("text", "") or "", 18)
        if has_status:
            previous = ""
            if row.get("status") in ("changed", "raised", "lowered", "dropped"):
                # the previous wording (1.3万亿斤以上) reads better than its value in base units
                previous = _shorten(str(row.get("previous_text") or ""), 12) or _value_text(row.get("previous_value"), row.get("unit"))
            cells.append([text["status"].get(row["status"], row["status"]), subject, quote, previous])
        else:
            cells.append([subject, quote])
    widths = [0.1, 0.32, 0.4, 0.18] if has_status else [0.45, 0.55]
    table = ax.table(cellText=cells, colLabels=columns, colWidths=widths, loc="upper center", cellLoc="left", colLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(11)
    table.scale(1, 1.35)
    for (r, _c), cell in table.get_celld().items():
        cell.set_edgecolor("#DDDDDD")
        cell.set_linewidth(0.6)
        if r == 0:
            cell.set_facecolor("#F2F2F2")
