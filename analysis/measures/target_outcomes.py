"""Realised values of headline indicators, read from the review of the next year's report, and their pairing with targets.

A government work report opens with a review of the past year that states
the outcomes (``国内生产总值超过126万亿元，增长5.2%``, ``居民消费价格上涨0.2%``).
:func:`outcomes_extract` reads them from the review part (the sections headed
回顾/成就/过去, else the text before the year's target list): one row per
indicator × group, the first statement that gives a figure.  Estimates of a
report delivered before the statistics are out (``预计全年地区生产总值增长5.5%``)
are kept with ``estimate = True``.

:func:`targets_vs_realised` pairs a body's target for year *Y* with the
outcome its report of year *Y+1* states, per body × indicator × group × year,
with both sentences, the difference and whether the target was met.

Outcome columns (:data:`OUTCOME_COLUMNS`): ``doc_id, year`` (the year the
outcome is for: the report's year − 1), ``indicator, group, value, unit,
estimate, sentence, start, end, text``.
"""

from __future__ import annotations

import math
import posixpath
import re

import pandas as pd

from analysis.measures.indicators import IndicatorTable
from analysis.measures.targets import _LIST_CUE, _MentionIndex, _default_table, _review_ranges, _statements, _unwrap

__all__ = ["OUTCOME_COLUMNS", "REALISED_COLUMNS", "outcomes_extract", "outcomes_extract_columns", "targets_vs_realised", "report_body"]

OUTCOME_COLUMNS = ["doc_id", "year", "indicator", "group", "value", "unit", "estimate", "sentence", "start", "end", "text"]
REALISED_COLUMNS = [
    "body", "indicator", "label", "group", "year", "target_doc_id", "value", "value_max", "unit", "comparator", "relative_to",
    "target_sentence", "realised_doc_id", "realised_value", "realised_unit", "realised_estimate", "realised_sentence",
    "difference", "met",
]

_FIGURE = re.compile(r"[^，,；;。\d]{0,6}?(?P<value>-?\d+(?:\.\d+)?)\s?(?P<unit>%|万亿斤|亿斤|万吨|万人|亿元|万亿元|亿美元|万亿美元)?")
_FALL = re.compile(r"(?:下降|降低|减少)\s?$")  # 下降0.7% is −0.7; 回落到2.6% is a level
_NOT_OUTCOME = re.compile(r"目标|预期|力争|计划|要求|比重|占|全国第|全省第|位居|排名|百分点|贡献")
_ESTIMATE = re.compile(r"预计|估计|预测")
_TARGET_AFTER = re.compile(r"(?:左右|以上|以内)?(?:的)?(?:预期)?(?:目标|任务|要求)")  # 降低4%左右的目标: the target restated
_OLD = re.compile(r"(?:从|由)[^，,；;\d]{0,8}$")
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "": 1.0}
# Indicators whose target is a ceiling (lower is better): met when the outcome is at or below it.
CEILING = {"cpi", "surveyed_unemployment", "registered_unemployment", "deficit_ratio"}
#: how far (in the unit of the target) an outcome may fall short of an "around" or bare target and still count as met
APPROX_TOLERANCE = 0.5


_RESTATED = re.compile(r"年初(?:确定|提出)|(?:没有|未能|未)(?:实现|完成)")  # a statement about the target, not the outcome
_MULTI_YEAR = re.compile(r"五年|累计|年均|平均每年|期间|十[一二三四五]五|以来")


def _statements_of_review(text: str, year: int | None = None) -> list[tuple[int, int]]:
    """The statements of the review of the past year.

    A review of five years (过去五年工作回顾) counts only in paragraphs that name
    the past year (去年, 过去一年, or the year itself); statements about several
    years (累计, 年均, 五年) never count.
    """
    statements = [(s, e, p) for s, e, p in _statements(text) if not _MULTI_YEAR.search(text, s, e)]
    reviews = _review_ranges(text)
    five_year = [(a, b) for a, b in reviews if re.search(r"五年", text[a:min(b, a + 30)])]
    past = re.compile("去年|过去一年|上年" + (f"|{year - 1}年" if year else ""))
    paragraphs: dict[int, list[tuple[int, int]]] = {}
    for s, e, p in statements:
        paragraphs.setdefault(p, []).append((s, e))
    naming_past = {p for p, spans in paragraphs.items() if past.search(text, spans[0][0], spans[-1][1])}

    def keep(s: int, p: int) -> bool:
        return not any(a <= s < b for a, b in five_year) or p in naming_past

    if reviews:
        return [(s, e) for s, e, p in statements if any(a <= s < b for a, b in reviews) and keep(s, p)]
    first_list = next((s for s, e, _ in statements if _LIST_CUE.search(text, s, e)), None)
    if first_list is None:
        return []
    return [(s, e) for s, e, p in statements if e <= first_list]


def outcomes_extract_columns(
    text: str, *, doc_id: str = "", year: int | None = None, indicators: IndicatorTable | None = None
) -> dict[str, list]:
    """:func:`outcomes_extract` as a dict of equal-length column lists (the pipeline's fast path)."""
    table = indicators or _default_table()
    joined, where = _unwrap(text)
    rows: dict[tuple[str, str], dict] = {}
    review = _statements_of_review(joined, year)
    index = _MentionIndex(joined, table, review[0][0], review[-1][1]) if review else None
    for start, end in review:
        mentions = index.within(start, end)  # type: ignore[union-attr]
        for i, (m_start, m_end, indicator, group, _rank) in enumerate(mentions):
            if (indicator, group) in rows or joined[max(0, m_start - 2):m_start] in ("全球", "世界", "全国", "全省"):
                continue
            restated = None
            for restated in _RESTATED.finditer(joined, start, m_start):
                pass
            if restated is not None and "目标" not in joined[restated.end():m_start]:
                continue  # 没有实现年初确定的…能耗降低4%左右…的目标: the target restated, not the outcome
            limit = mentions[i + 1][0] if i + 1 < len(mentions) else end
            stop = re.compile(r"[；;。]").search(joined, m_end, limit)
            region = joined[m_end:min(stop.start() if stop else limit, m_end + 40)]
            kind = table.kind(indicator)
            for figure in _FIGURE.finditer(region):
                unit = figure.group("unit") or ""
                if (kind in ("growth", "rate")) != (unit == "%") or (kind == "level" and not unit):
                    continue
                if _OLD.search(region[: figure.start("value")]) or _NOT_OUTCOME.search(region[: figure.end()]) \
                        or _TARGET_AFTER.match(joined, m_end + figure.end()):
                    break
                value = float(figure.group("value"))
                if _FALL.search(region[: figure.start("value")]) and kind == "growth" and indicator != "energy_intensity_reduction":
                    value = -value
                span_end = m_end + figure.end()
                a, b = (where[m_start], where[span_end - 1] + 1) if where is not None else (m_start, span_end)
                sa, sb = (where[start], where[end - 1] + 1) if where is not None else (start, end)
                rows[(indicator, group)] = {
                    "doc_id": doc_id, "year": None if year is None else year - 1, "indicator": indicator, "group": group,
                    "value": value, "unit": unit, "estimate": bool(_ESTIMATE.search(joined[start:m_start + 1] + region[: figure.end()])),
                    "sentence": text[sa:sb], "start": a, "end": b, "text": text[a:b],
                }
                break
    ordered = sorted(rows.values(), key=lambda row: row["start"])
    return {name: [row[name] for row in ordered] for name in OUTCOME_COLUMNS}


def outcomes_extract(
    text: str, *, doc_id: str = "", year: int | None = None, indicators: IndicatorTable | None = None
) -> pd.DataFrame:
    """Outcomes of the past year stated in a report's review (see the module docstring for the columns).

    ``year`` is the report's year; the ``year`` column is one less.
    """
    frame = pd.DataFrame(outcomes_extract_columns(text, doc_id=doc_id, year=year, indicators=indicators), columns=OUTCOME_COLUMNS)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    frame["year"] = pd.array(frame["year"], dtype="Int64")
    frame["estimate"] = frame["estimate"].astype(bool)
    for name in ("start", "end"):
        frame[name] = frame[name].astype("int64")
    return frame


def report_body(corpus: pd.DataFrame) -> pd.Series:
    """The body a report is by: its speaker or body when known, else its folder and meeting type."""
    speaker = corpus["speaker"].fillna("").astype(str) if "speaker" in corpus else pd.Series("", index=corpus.index)
    folder = corpus["path"].fillna("").astype(str).map(posixpath.dirname) if "path" in corpus else pd.Series("", index=corpus.index)
    meeting = corpus["meeting_type"].fillna("").astype(str) if "meeting_type" in corpus else pd.Series("", index=corpus.index)
    fallback = folder.where(folder != "", "") + ":" + meeting
    return speaker.where(speaker.str.strip() != "", fallback)


def _in_unit(value: float, unit: str, target_unit: str) -> float:
    """``value`` in ``unit`` converted to ``target_unit`` when both are a scale of one base (亿斤 → 万亿斤)."""
    if unit == target_unit:
        return value

    def split(u: str) -> tuple[str, str]:
        for prefix in ("万亿", "亿", "万"):
            if u.startswith(prefix):
                return prefix, u[len(prefix):]
        return "", u

    (p1, base1), (p2, base2) = split(unit), split(target_unit)
    if base1 != base2:
        return math.nan
    return value * _SCALE[p1] / _SCALE[p2]


def _met(indicator: str, comparator: str, value: float, value_max: float, realised: float) -> str:
    if math.isnan(realised) or math.isnan(value):
        return ""
    ceiling = indicator in CEILING
    if comparator == "range":
        return "yes" if value <= realised <= value_max else "no"
    if comparator in ("ge",):
        return "yes" if realised >= value else "no"
    if comparator == "gt":
        return "yes" if realised > value else "no"
    if comparator == "le":
        return "yes" if realised <= value else "no"
    if comparator == "lt":
        return "yes" if realised < value else "no"
    # approx and eq: within the tolerance, or beyond the target on its good side
    if ceiling:
        return "yes" if realised <= value + APPROX_TOLERANCE else "no"
    return "yes" if realised >= value - APPROX_TOLERANCE else "no"


def targets_vs_realised(
    targets: pd.DataFrame, outcomes: pd.DataFrame, corpus: pd.DataFrame, *, indicators: IndicatorTable | None = None
) -> pd.DataFrame:
    """Each annual own target beside the outcome stated by the same body's report of the next year.

    ``targets``: :data:`analysis.measures.targets.TARGET_COLUMNS` rows of a
    corpus; ``outcomes``: :data:`OUTCOME_COLUMNS` rows; ``corpus``: the run's
    ``corpus.csv`` table (``doc_id``, ``path``, ``speaker``, ``meeting_type``,
    ``duplicate_of``).  Documents flagged ``duplicate_of`` are left out.
    Columns :data:`REALISED_COLUMNS`; ``difference`` is realised − target
    (− the upper value for a range above it); ``met`` is ``yes``/``no`` (an
    "around" or bare target counts as met within :data:`APPROX_TOLERANCE`
    of it, or beyond it on its good side: above for growth, below for the
    ceilings in :data:`CEILING`), empty for a relative target.
    """
    table = indicators or _default_table()
    empty = pd.DataFrame(columns=REALISED_COLUMNS)
    if not len(targets) or not len(outcomes) or not len(corpus):
        return empty
    kept = corpus
    if "duplicate_of" in corpus:
        kept = corpus[corpus["duplicate_of"].fillna("").astype(str) == ""]
    body = dict(zip(kept["doc_id"], report_body(kept)))
    chosen = targets[(targets["status"] == "set") & (targets["scope"] == "own") & (targets["period"].fillna("") == "")]
    chosen = chosen[chosen["doc_id"].isin(body)]
    outcome_of: dict[tuple[str, str, str, int], pd.Series] = {}
    for _, row in outcomes[outcomes["doc_id"].isin(body)].iterrows():
        if pd.isna(row["year"]):
            continue
        outcome_of.setdefault((body[row["doc_id"]], row["indicator"], row["group"], int(row["year"])), row)
    rows = []
    for _, target in chosen.iterrows():
        if pd.isna(target["year"]):
            continue
        key = (body[target["doc_id"]], target["indicator"], target["group"], int(target["year"]))
        outcome = outcome_of.get(key)
        if outcome is None:
            continue
        realised = _in_unit(float(outcome["value"]), str(outcome["unit"]), str(target["unit"])) if not target["relative_to"] else math.nan
        value, value_max = float(target["value"]), float(target["value_max"])
        if math.isnan(realised) or math.isnan(value):
            difference = math.nan
        elif target["comparator"] == "range" and realised > value_max:
            difference = realised - value_max
        else:
            difference = realised - value
        rows.append((
            key[0], target["indicator"], table.label(target["indicator"]), target["group"], key[3], target["doc_id"],
            value, value_max, target["unit"], target["comparator"], target["relative_to"], target["sentence"],
            outcome["doc_id"], float(outcome["value"]), outcome["unit"], bool(outcome["estimate"]), outcome["sentence"],
            round(difference, 6) if not math.isnan(difference) else math.nan,
            _met(target["indicator"], target["comparator"], value, value_max, realised),
        ))
    if not rows:
        return empty
    frame = pd.DataFrame(rows, columns=REALISED_COLUMNS)
    return frame.sort_values(["body", "indicator", "group", "year"], kind="stable").reset_index(drop=True)
