"""Headline-target charts: an indicator's target over the years, one year's targets across reports, one report's target table.

* :func:`targets_years_plot` — one body's target for an indicator year by
  year (ranges as bars, "around" as dots, floors and ceilings as triangles,
  years that set no target marked), with the outcome the next report states
  beside it.
* :func:`targets_across_plot` — one year's targets across reports (a strip
  over a box plot), with a reference target (e.g. the national one) as a
  line and the counts of reports above, at and below it.  Reports flagged
  ``duplicate_of`` are left out.
* :func:`targets_table_plot` — the year's targets of one report, as a table.

Inputs are the run's ``targets`` and ``targets_vs_realised`` tables
(:mod:`analysis.measures.targets`, :mod:`analysis.measures.target_outcomes`).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.style import PALETTE, _figure, _shorten, _styled, note_plot

__all__ = ["targets_years_plot", "targets_across_plot", "targets_table_plot", "target_text", "national_rows"]

_WORDS = {
    "zh": {
        "years_title": "{label}目标，{first}–{last}",
        "across_title": "{year}年各报告的{label}目标（{n}份报告）",
        "table_title": "{doc}：{year}年主要预期目标",
        "target": "目标", "realised": "实际（次年报告所述）", "not_set": "未设定具体目标",
        "range": "区间", "approx": "左右", "ge": "以上/不低于", "gt": "高于", "le": "以内/不超过", "lt": "低于", "eq": "确数",
        "reference": "{name} {value}", "counts": "高于{name} {above} 份 · 持平 {at} 份 · 低于 {below} 份",
        "relative": "另有 {n} 份为相对目标（如高于全省），未画出",
        "cols": ["指标", "目标", "原文"], "year": "年份", "value": "{unit}",
        "no_years": "只有一年的目标，无法画出年度走势", "no_across": "没有可比的目标",
        "national": "全国目标", "no_report": "无报告", "no_figure": "无数字目标", "no_reference": "无全国目标参照线（语料中无当年全国报告；可用 --reference-targets）",
    },
    "en": {
        "years_title": "{label} target, {first}–{last}",
        "across_title": "{label} targets for {year} across reports ({n} reports)",
        "table_title": "{doc}: main targets for {year}",
        "target": "target", "realised": "outcome (as the next report states it)", "not_set": "no numeric target set",
        "range": "range", "approx": "around", "ge": "at least", "gt": "above", "le": "at most", "lt": "below", "eq": "exact",
        "reference": "{name} {value}", "counts": "{above} above the {name} · {at} at it · {below} below",
        "relative": "{n} more set a relative target (e.g. above the province), not drawn",
        "cols": ["indicator", "target", "text"], "year": "year", "value": "{unit}",
        "no_years": "targets of a single year only: no trend to draw", "no_across": "no comparable targets",
        "national": "national target", "no_report": "no report", "no_figure": "no figure", "no_reference": "no national reference line (no national report of the year in the corpus; see --reference-targets)",
    },
}
_MARKERS = {"approx": "o", "eq": "D", "ge": "^", "gt": "^", "le": "v", "lt": "v"}
_BOUND = {"approx": "{v}左右", "eq": "{v}", "ge": "≥{v}", "gt": ">{v}", "le": "≤{v}", "lt": "<{v}"}


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value == ""


def _words(lang: str) -> dict:
    return _WORDS["en" if lang == "en" else "zh"]


def _num(value: float) -> str:
    return f"{value:g}"


def target_text(row: pd.Series | dict) -> str:
    """A target in a few characters: ``5%左右``, ``≥1200万人``, ``6.5–7%``, or the clause for a relative one."""
    get = row.get if isinstance(row, dict) else row.get  # both have .get
    if get("status") == "not_set":
        return "未设定"
    value, value_max = get("value"), get("value_max")
    unit = "" if _blank(get("unit")) else str(get("unit"))
    relative_to = "" if _blank(get("relative_to")) else str(get("relative_to"))
    if relative_to:
        sign = {"eq": "＝", "approx": "≈", "ge": "≥", "gt": ">", "le": "≤", "lt": "<"}.get(str(get("comparator")), "")
        base = {"province": "全省", "nation": "全国", "higher_level": "上级", "gdp_growth": "经济增长"}.get(relative_to, relative_to)
        if not _blank(value):
            return f"{base}+{_num(float(value))}个百分点" + ("左右" if get("comparator") == "approx" else ("以上" if get("comparator") == "ge" else ""))
        if relative_to == "gdp_growth":
            return "与经济增长同步" if sign == "＝" else f"{sign}经济增长"
        base = {"province": "全省平均", "nation": "国家目标", "higher_level": "上级目标"}.get(relative_to, base)
        return base if sign == "＝" else f"{sign}{base}"
    if _blank(value):
        return _shorten(str(get("text") or ""), 16)
    if get("comparator") == "range" and value_max is not None and not (isinstance(value_max, float) and math.isnan(value_max)):
        return f"{_num(value)}–{_num(value_max)}{unit}"
    return _BOUND.get(str(get("comparator")), "{v}").format(v=f"{_num(value)}{unit}")


def _kept_docs(corpus: pd.DataFrame | None) -> set[str] | None:
    if corpus is None or "duplicate_of" not in corpus:
        return None
    return set(corpus.loc[corpus["duplicate_of"].fillna("").astype(str) == "", "doc_id"])


def national_rows(targets: pd.DataFrame) -> pd.Series:
    """Rows from a national report: the report states GDP as 国内生产总值 (or 国民生产总值), not 地区生产总值."""
    gdp = targets[(targets["indicator"] == "gdp_growth")]
    national_docs = set(gdp.loc[gdp["text"].fillna("").str.match(r"^(?:国内生产总值|国民生产总值|经济增长)"), "doc_id"])
    return targets["doc_id"].isin(national_docs)


def targets_years_plot(
    targets: pd.DataFrame,
    *,
    indicator: str = "gdp_growth",
    realised: pd.DataFrame | None = None,
    docs: set[str] | None = None,
    report_years: set[int] | None = None,
    first_year: int | None = None,
    max_gap: int = 4,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """An indicator's annual target year by year (the reports in ``docs``, default all), with outcomes beside.

    Ranges are bars from the lower to the upper value, "around" targets dots,
    floors (以上, 不低于) upward and ceilings (以内) downward triangles, bare
    figures diamonds; a year whose report declines to set a target is marked
    on the axis.  ``realised`` is a ``targets_vs_realised`` table: its
    outcomes are drawn as hollow squares to the right of the year's target.
    ``report_years``: the years that have a report in the corpus; years of
    the span without one are marked "no report", years with a report but no
    target "no figure".  ``first_year`` defaults to the start of the latest run of years whose
    targets are at most ``max_gap`` years apart (so one plan figure of the
    1950s does not stretch a chart of 1992–2025).
    """
    words = _words(lang)
    rows = targets[(targets["indicator"] == indicator) & (targets["scope"] == "own") & (targets["period"].fillna("") == "")
                   & (targets["group"].fillna("") == "")]
    if docs is not None:
        rows = rows[rows["doc_id"].isin(docs)]
    rows = rows[rows["year"].notna()].sort_values("year", kind="stable").drop_duplicates("year")
    if first_year is None and len(rows):
        # The latest unbroken run of years: back from the last year while targets are at most max_gap years apart.
        years_known = sorted(rows["year"].astype(int).unique())
        first_year = years_known[-1]
        for earlier in reversed(years_known[:-1]):
            if first_year - earlier > max_gap:
                break
            first_year = earlier
    if first_year is not None:
        rows = rows[rows["year"].astype(int) >= first_year]
    label = _label(targets, indicator, lang)
    if rows["year"].nunique() < 2:
        return note_plot(words["no_years"], title=label, lang=lang, font=font, source=source)
    years = rows["year"].astype(int)
    first, last = int(years.min()), int(years.max())
    with _styled(font):
        fig = _figure((11, 5.2), source=source)
        ax = fig.add_subplot()
        unit = ""
        seen: set[str] = set()
        for row in rows.itertuples():
            year = int(row.year)
            if row.status == "not_set" or not _blank(row.relative_to) or pd.isna(row.value):
                continue
            unit = unit or ("" if _blank(row.unit) else row.unit)
            if row.comparator == "range" and not pd.isna(row.value_max):
                ax.bar(year, row.value_max - row.value, bottom=row.value, width=0.6, color=PALETTE[0], alpha=0.85,
                       label=None if "range" in seen else f"{words['target']}：{words['range']}")
                seen.add("range")
                continue
            marker = _MARKERS.get(row.comparator, "o")
            key = row.comparator if row.comparator in _MARKERS else "eq"
            ax.scatter([year], [row.value], marker=marker, s=70, color=PALETTE[0], zorder=3,
                       label=None if key in seen else f"{words['target']}：{words[key]}")
            seen.add(key)
        if realised is not None and len(realised):
            done = realised[(realised["indicator"] == indicator) & (realised["group"].fillna("") == "")
                            & realised["target_doc_id"].isin(set(rows["doc_id"])) & realised["realised_value"].notna()]
            if len(done):
                ax.scatter(done["year"].astype(int) + 0.3, done["realised_value"], marker="s", s=46, facecolors="none",
                           edgecolors="#000000", linewidths=1.4, zorder=3, label=words["realised"])
        low, high = ax.get_ylim()
        for row in rows[rows["status"] == "not_set"].itertuples():
            ax.scatter([int(row.year)], [low], marker="x", s=80, color=PALETTE[3], zorder=4, clip_on=False,
                       label=None if "not_set" in seen else words["not_set"])
            ax.annotate(words["not_set"], (int(row.year), low), xytext=(0, 8), textcoords="offset points", ha="center",
                        fontsize=9, color=PALETTE[3], rotation=90, va="bottom")
            seen.add("not_set")
        if report_years is not None:
            targeted = set(rows["year"].astype(int))
            for year in range(first, last + 1):
                if year in targeted:
                    continue
                note = words["no_figure"] if year in report_years else words["no_report"]
                ax.annotate(note, (year, low), xytext=(0, 8), textcoords="offset points", ha="center", va="bottom",
                            fontsize=8, color="#999999", rotation=90)
        ax.set_xlim(first - 0.8, last + 0.8)
        ax.set_xlabel(words["year"])
        ax.set_ylabel(unit)
        ax.grid(axis="y", alpha=0.3)
        ax.legend(loc="upper right", fontsize=10, frameon=False)
        ax.set_title(title or words["years_title"].format(label=label, first=first, last=last))
    return fig


def _label(targets: pd.DataFrame, indicator: str, lang: str) -> str:
    if lang == "en":
        from analysis.measures.indicators import indicators_cached

        table = indicators_cached("")
        if indicator in table.indicators:
            return table.indicators[indicator].label_en
    labels = targets.loc[targets["indicator"] == indicator, "label"]
    return str(labels.iloc[0]) if len(labels) else indicator


def targets_across_plot(
    targets: pd.DataFrame,
    *,
    indicator: str = "gdp_growth",
    year: int | None = None,
    reference: float | None = None,
    reference_name: str = "",
    corpus: pd.DataFrame | None = None,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """One year's absolute targets for an indicator across reports, with ``reference`` (e.g. the national target) as a line.

    ``year`` defaults to the year with most reports.  Reports flagged
    ``duplicate_of`` in ``corpus`` are left out; relative targets are counted
    in a note, not drawn.  With a reference, the chart says how many reports
    are above, at and below it (a range counts by its middle).
    """
    words = _words(lang)
    rows = targets[(targets["indicator"] == indicator) & (targets["scope"] == "own") & (targets["period"].fillna("") == "")
                   & (targets["group"].fillna("") == "") & (targets["status"] == "set")]
    kept = _kept_docs(corpus)
    if kept is not None:
        rows = rows[rows["doc_id"].isin(kept)]
    if year is None and len(rows):
        year = int(rows["year"].dropna().astype(int).mode().iloc[0])
    rows = rows[rows["year"] == year].drop_duplicates("doc_id")
    relative = rows[~rows["relative_to"].map(_blank) | rows["value"].isna()]
    rows = rows.drop(relative.index)
    label = _label(targets, indicator, lang)
    if not len(rows):
        return note_plot(words["no_across"], title=label, lang=lang, font=font, source=source)
    level = np.where(rows["comparator"].eq("range") & rows["value_max"].notna(), (rows["value"] + rows["value_max"]) / 2, rows["value"])
    with _styled(font):
        fig = _figure((11, 4.6), source=source)
        ax = fig.add_subplot()
        box = dict(widths=0.5, showfliers=False, positions=[0], boxprops={"color": "#999999"}, whiskerprops={"color": "#999999"},
                   capprops={"color": "#999999"}, medianprops={"color": "#666666"})
        try:
            ax.boxplot([level], orientation="horizontal", **box)  # matplotlib >= 3.10
        except TypeError:
            ax.boxplot([level], vert=False, **box)
        rng = np.random.default_rng(15)
        jitter = rng.uniform(-0.18, 0.18, len(rows))
        seen: set[str] = set()
        for (comparator, value), y in zip(zip(rows["comparator"], level), jitter):
            key = comparator if comparator in _MARKERS or comparator == "range" else "eq"
            marker = "s" if key == "range" else _MARKERS.get(key, "o")
            colour = {"approx": PALETTE[0], "ge": PALETTE[2], "gt": PALETTE[2], "eq": PALETTE[1], "le": PALETTE[4], "lt": PALETTE[4],
                      "range": PALETTE[5]}[key]
            ax.scatter([value], [y], marker=marker, s=48, color=colour, alpha=0.85, zorder=3,
                       label=None if key in seen else words[key])
            seen.add(key)
        ax.set_yticks([])
        ax.set_ylim(-0.62, 0.75)
        unit = rows["unit"].mode().iloc[0] if len(rows["unit"].dropna()) else ""
        ax.set_xlabel(f"{label}（{unit}）" if lang != "en" else f"{label} ({unit})")
        notes = []
        if reference is not None and not math.isnan(reference):
            ax.axvline(reference, color=PALETTE[3], linewidth=2, zorder=2)
            ax.annotate(words["reference"].format(name=reference_name or words["national"], value=f"{reference:g}{unit}"),
                        (reference, -0.6), xytext=(4, 4), textcoords="offset points", va="bottom", ha="left", color=PALETTE[3], fontsize=11)
            above = int((level > reference + 1e-9).sum())
            below = int((level < reference - 1e-9).sum())
            notes.append(words["counts"].format(name=reference_name or words["national"], above=above, at=len(level) - above - below, below=below))
        else:
            notes.append(words["no_reference"])
        if len(relative):
            notes.append(words["relative"].format(n=len(relative)))
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="upper right", fontsize=10, frameon=True, framealpha=0.9, edgecolor="none", ncol=6)
        heading = title or words["across_title"].format(year=year, label=label, n=len(rows) + len(relative))
        ax.set_title(heading + ("\n" + ("; " if lang == "en" else "；").join(notes) if notes else ""), fontsize=14, loc="left")
    return fig


def targets_table_plot(
    targets: pd.DataFrame,
    *,
    doc_id: str,
    doc_name: str = "",
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
) -> Figure:
    """The year's headline targets of one report as a table: indicator, target, and the clause it comes from."""
    words = _words(lang)
    rows = targets[(targets["doc_id"] == doc_id) & (targets["scope"] == "own")].fillna({"group": "", "period": "", "text": ""})
    rows = rows.sort_values("start", kind="stable")
    if not len(rows):
        return note_plot(words["no_across"], title=doc_name or doc_id, lang=lang, font=font, source=source)
    year = rows["year"].dropna()
    year_text = str(int(year.iloc[0])) if len(year) else "?"
    cells = []
    for _, row in rows.iterrows():
        group = "" if _blank(row["group"]) else str(row["group"])
        group = {"urban": "城镇", "rural": "农村"}.get(group, group) if lang != "en" else group
        name = _label(targets, row["indicator"], lang) + (f"（{group}）" if group else "")
        if not _blank(row["period"]):
            name += "（五年）" if lang != "en" else " (five-year)"
        cells.append([_shorten(name, 14), target_text(row), _shorten(str(row["text"] or ""), 34)])
    with _styled(font):
        fig = _figure((11, 1.0 + 0.36 * (len(cells) + 1)), source=source)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_title(title or words["table_title"].format(doc=_shorten(doc_name or doc_id, 30), year=year_text), fontsize=14)
        table = ax.table(cellText=cells, colLabels=words["cols"], colWidths=[0.24, 0.16, 0.6], bbox=[0, 0, 1, 1], cellLoc="left", colLoc="left")
        table.auto_set_font_size(False)
        table.set_fontsize(11)
        for (r, _c), cell in table.get_celld().items():
            cell.set_edgecolor("#DDDDDD")
            if r == 0:
                cell.set_text_props(weight="bold")
                cell.set_facecolor("#F2F2F2")
    return fig
