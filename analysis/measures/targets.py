"""Headline targets: the year's numeric targets of a government work report, one row per indicator.

:func:`targets_extract` reads the target statements of the plan part of a
report (``主要预期目标是：…``, ``今年…预期目标为…``, ``调控目标定为…``) and
returns, for each indicator of the indicator table
(:mod:`analysis.measures.indicators`), the value(s), unit, comparator and,
for a target relative to another level or to GDP growth, what it is
relative to.  The review's statistics and estimates (``预计…增长6.8%左右``)
are never read as targets; a five-year average (``"十五"期间年均增长7%左右``)
is kept with ``period = "five_year"``, apart from the annual target.  Where
an indicator is stated more than once, the target list wins, then other
target statements, then the plan part's other statements of this year's
target (``今年进出口总额预期增长7.5%左右``).

Columns (:data:`TARGET_COLUMNS`): ``doc_id, date, year`` (the year the target
is for), ``indicator, label, group`` (``urban``/``rural`` for separate
income figures, else empty), ``value, value_max, unit, comparator``
(``approx, ge, gt, le, lt, range, eq``), ``relative_to`` (``province``,
``nation``, ``higher_level``, ``gdp_growth`` or empty), ``status`` (``set``,
``not_set``), ``scope`` (``own``, ``quoted``), ``period`` (empty = annual,
``five_year``), ``sentence, start, end`` (the statement and the offsets of
the matched clause in the cleaned text) and ``text`` (the clause).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.measures.indicators import IndicatorTable, indicators_cached
from analysis.measures.target_values import PREDICATE, target_absolute, target_relative, target_zero
from analysis.text.outline import find_headings

__all__ = ["TARGET_COLUMNS", "targets_extract", "targets_extract_columns", "targets_frame", "target_statements"]

TARGET_COLUMNS = [
    "doc_id", "date", "year", "indicator", "label", "group", "value", "value_max", "unit", "comparator",
    "relative_to", "status", "scope", "period", "sentence", "start", "end", "text",
]

_REVIEW_HEADING = re.compile(r"回顾|成就|过去|总结")
# A target list or a target statement: 主要预期目标是：…, 预期目标为…, 调控目标，定为…
_LIST_CUE = re.compile(
    r"(?:主要|预期|调控|发展|宏观调控的?|主要预期|年度)目标(?:建议)?(?:是|为|定为|定在|如下|建议为)?[：:]"
    r"|(?:主要|预期|调控|主要预期)目标(?:建议)?(?:是|为|定为|定在)|调控目标[，,]定为|(?:经济增长|增长)预期为"
    r"|主要(?:经济)?(?:预期)?指标(?:安排)?(?:建议)?(?:是|为)?[：:]"
)
_PAST = re.compile(r"预计|估计|预测|完成了|实现了|以来|超过预期|低于预期|好于预期|过去|去年|上年提出|去年提出|曾")
_FIVE_YEAR = re.compile(r"年均|平均每年|期间|今后五年|五年内|今后5年")
_FOLLOW_STOP = re.compile(r"上述|这个目标|这一目标|这些目标|实现这|提出.{0,12}目标|确定.{0,6}目标|主要考虑|考虑了")
_THIS_YEAR = re.compile(r"今年|全年|本年度?|明年")
_FALLBACK_CUE = re.compile(r"预期|目标|(?<![主重需只])要|拟|计划|确保|定为|安排|将")
_PLAN_CUE = re.compile(r"计划|规划|纲要|力争|预期|目标|规定|到\d{4}年")
_NOT_SET = re.compile(r"(?:没有|不再|未)(?:提出|设定|设置)[^。；]{0,16}(?:增速|增长|经济增长)[^。；]{0,8}目标")
_QUOTE_CUE = re.compile(r"(?:国家|全国|全省|省委|省政府|自治区|省里|党中央|国务院)[^，。；：:]{0,10}(?:提出|确定|设定|明确|要求)")
_OWN_CUE = re.compile(r"我市|我区|我县|我州|我盟|全市|全州|全县|全区|本市|我们")

_JOIN = {"、", "和", "及", "与", "以及"}
_NEXT_GROWTH = re.compile(r"(?:平均每年|年均|同比|比上年)?(?:增长|增速)")
_AVERAGE = re.compile(r"年均|平均每年")
_REGION_END = re.compile(r"[；;。！？!?\n]")
_FIGURE_AFTER = re.compile(r"[，,、](?:达到|为|增长|增速|实现)?\s?\d")
_HIGHER_PREFIX = re.compile(r"(?:全国|国家|全省|省|中央)$")


@dataclass
class _Target:
    indicator: str
    group: str
    value: float
    value_max: float
    unit: str
    comparator: str
    relative_to: str
    status: str
    scope: str
    period: str
    statement: tuple[int, int]
    start: int
    end: int
    rank: int = 0  # of the variant that named the indicator: lower is the broader measure
    tier: int = 0  # 1 target list, 2 elsewhere in the plan part

_STATEMENT = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』）)]*)?")
_SPACES = " \t\r\u3000\xa0\u2002\u2003"


def target_statements(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of every statement: text between ``。！？`` or line breaks (``；`` does not end one)."""
    return list(_statements(text))


# The targets of a speech and the outcomes of its past year read the same unwrapped text,
# statements and review parts: each is found once per speech (the last one is remembered).
@lru_cache(maxsize=1)
def _statements(text: str) -> tuple[tuple[int, int, int], ...]:
    breaks = [m.start() for m in re.finditer("\n", text)]
    spans = []
    for match in _STATEMENT.finditer(text):
        start, end = match.span()
        if text[start] in _SPACES or text[end - 1] in _SPACES:
            piece = match.group()
            stripped = piece.strip()
            if not stripped:
                continue
            start += len(piece) - len(piece.lstrip())
            end = start + len(stripped)
        spans.append((start, end, bisect_right(breaks, start)))
    return tuple(spans)


_WRAP = re.compile(r"(?<=[\u4e00-\u9fff\d%，、（(])\n+(?=[\u4e00-\u9fff\d%）)])")
_OPEN_LINE_END = re.compile(r"[^。！？!?；;：:”’」』）)\s]\n")  # a line that ends mid-sentence


_NUMBER_BREAK = re.compile(r"(?<=[\d.])\n+(?=[\d.万亿%])")


@lru_cache(maxsize=1)
def _unwrap(text: str) -> tuple[str, list[int] | None]:
    """The text with line breaks inside a number removed (``74.4\\n万亿元``), and in a hard-wrapped
    text (most lines end mid-sentence) every wrapping line break; with the offset in ``text`` of every
    character kept.  ``(text, None)`` when nothing is removed.  Callers must not change the list."""
    n_lines = text.count("\n")
    wrapped = n_lines >= 20 and len(_OPEN_LINE_END.findall(text)) >= 0.5 * n_lines
    breaks = list((_WRAP if wrapped else _NUMBER_BREAK).finditer(text))
    if wrapped:
        breaks = sorted({m.span() for m in breaks} | {m.span() for m in _NUMBER_BREAK.finditer(text)})
    else:
        breaks = [m.span() for m in breaks]
    if not breaks:
        return text, None
    kept: list[int] = []
    pieces: list[str] = []
    position = 0
    for start, end in breaks:
        if start < position:
            continue
        pieces.append(text[position:start])
        kept.extend(range(position, start))
        position = end
    pieces.append(text[position:])
    kept.extend(range(position, len(text)))
    return "".join(pieces), kept


@lru_cache(maxsize=1)
def _review_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of top-level sections whose heading names a review (回顾, 成就, 过去, 总结)."""
    tops = [h for h in find_headings(text) if h.level == 1]
    ranges = []
    for i, heading in enumerate(tops):
        if _REVIEW_HEADING.search(heading.text):
            ranges.append((heading.start, tops[i + 1].start if i + 1 < len(tops) else len(text)))
    return tuple(ranges)


def _keep_mention(text: str, start: int, end: int) -> bool:
    """False for a mention that is the benchmark of another target (与经济增长同步, 高于GDP增速, 占GDP比重)."""
    before = text[max(0, start - 3):start]
    after = text[end:end + 8]
    if before[-1:] in ("与", "和", "同") and re.match(r"(?:的)?(?:增长|发展|增速)?(?:基本)?(?:保持)?(?:同步|相匹配|相适应)", after):
        return False
    if before[-2:] in ("高于", "快于", "低于", "不低于"[-2:]) or before[-1:] in ("占", "于"):
        return False
    return True


class _MentionIndex:
    """Every indicator mention of a text, found once, looked up by statement."""

    def __init__(self, text: str, table: IndicatorTable, start: int = 0, end: int | None = None) -> None:
        self.all = table.mentions(text, start, end)
        self.starts = [m[0] for m in self.all]

    def within(self, start: int, end: int) -> list[tuple[int, int, str, str, int]]:
        low, high = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.all[low:high] if m[1] <= end]


def _statement_targets(
    text: str, span: tuple[int, int], table: IndicatorTable, *, five_year_ok: bool = True, index: _MentionIndex | None = None
) -> list[_Target]:
    """Targets of one statement, in order."""
    s_start, s_end = span
    found = index.within(s_start, s_end) if index is not None else table.mentions(text, s_start, s_end)
    mentions = [m for m in found if _keep_mention(text, m[0], m[1])]
    targets: list[_Target] = []
    i = 0
    while i < len(mentions):
        group = [mentions[i]]
        while i + 1 < len(mentions) and text[group[-1][1]:mentions[i + 1][0]] in _JOIN:
            i += 1
            group.append(mentions[i])
        last_end = group[-1][1]
        next_start = mentions[i + 1][0] if i + 1 < len(mentions) else s_end
        hard = _REGION_END.search(text, last_end, next_start)
        region_end = hard.start() if hard else next_start
        # The region may cross one comma when nothing before it says what happens (调控目标，定为…).
        comma = re.compile(r"[，,]").search(text, last_end, region_end)
        if comma is not None:
            first = text[last_end:comma.start()]
            if PREDICATE.search(first):
                region_end = comma.start()
            else:
                second = re.compile(r"[，,]").search(text, comma.end(), region_end)
                if second is not None:
                    region_end = second.start()
        # 使国民生产总值达到15500亿元左右，平均每年增长7.5%左右: a level, then the growth in the next clause.
        if table.kind(group[0][2]) == "growth" and region_end < next_start and text[region_end] in "，," \
                and _NEXT_GROWTH.match(text, region_end + 1) and not target_absolute(text[last_end:region_end], "growth", group[0][2], many=False):
            further = _REGION_END.search(text, region_end + 1, next_start)
            after = re.compile(r"[，,]").search(text, region_end + 1, further.start() if further else next_start)
            region_end = after.start() if after else (further.start() if further else next_start)
        region = text[last_end:region_end]
        i += 1
        many = "分别" in region
        values: list[tuple[float, float, str, str, str, int, int]] = []
        absolute = target_absolute(region, table.kind(group[0][2]), group[0][2], many=many)
        if absolute:
            values = [(v, h, u, c, "", s, e) for v, h, u, c, s, e in absolute]
        else:
            relative = target_relative(region)
            # 增长高于全国、全省平均水平，达到6.5%左右: a figure right after the benchmark is the target.
            follow = _FIGURE_AFTER.match(text, region_end) if relative is not None and region_end < next_start else None
            if follow is not None:
                stop = re.compile(r"[，,；;。]").search(text, follow.end(), next_start)
                extra = target_absolute(text[region_end:stop.start() if stop else next_start], table.kind(group[0][2]), group[0][2], many=False)
                if extra:
                    offset = region_end - last_end
                    values = [(v, h, u, c, "", s0 + offset, e + offset) for v, h, u, c, s0, e in extra]
                    relative = None
            if relative is not None:
                value, unit, comparator, relative_to, end = relative
                values = [(value, math.nan, unit, comparator, relative_to, 0, end)]
            else:
                zero = target_zero(region)
                if zero is not None:
                    values = [(zero[0], math.nan, "%", zero[1], "", 0, zero[2])]
        if not values:
            continue
        before = text[s_start:group[0][0]]
        lead = before + region[: values[0][5]]
        five_year = bool(_FIVE_YEAR.search(lead))
        if five_year and not _AVERAGE.search(lead):
            continue  # growth over several years (五年内增长44%): neither an annual target nor an average
        if five_year and not five_year_ok:
            continue
        quote = None
        for quote in _QUOTE_CUE.finditer(before):
            pass
        own = None
        for own in _OWN_CUE.finditer(before):
            pass
        scope = "quoted" if quote is not None and (own is None or own.start() < quote.start()) else "own"
        # 分别 with as many figures as indicators: one each; with two figures for one income: urban, rural.
        if many and len(values) == len(group) and len(group) > 1:
            pairs = list(zip(group, values))
        elif many and len(group) == 1 and len(values) == 2 and group[0][2] == "disposable_income_growth" and not group[0][3]:
            pairs = [((*group[0][:3], "urban", group[0][4]), values[0]), ((*group[0][:3], "rural", group[0][4]), values[1])]
        else:
            pairs = [(m, values[0]) for m in group]
        for (m_start, _m_end, indicator, var_group, rank), (value, high, unit, comparator, relative_to, _v_start, v_end) in pairs:
            targets.append(
                _Target(indicator, var_group, value, high, unit, comparator, relative_to, "set", scope,
                        "five_year" if five_year else "", (s_start, s_end), m_start, last_end + v_end, rank)
            )
    # 在全国经济增长5%左右、全省增长5.5%左右的背景下，全市地区生产总值增长6%左右: where a statement states one
    # indicator several times, the mentions led by a higher level (全国, 国家, 全省) are quoted.
    counts: dict[str, int] = {}
    for target in targets:
        counts[target.indicator] = counts.get(target.indicator, 0) + 1
    for target in targets:
        if counts[target.indicator] > 1 and _HIGHER_PREFIX.search(text, max(0, target.start - 2), target.start):
            target.scope = "quoted"
    return targets


def _year_names(year: int) -> str:
    """The year as a report writes it: 1959, 一九五九 (and full-width digits are folded by cleaning)."""
    digits = "〇一二三四五六七八九"
    return f"{year}|{''.join(digits[int(d)] for d in str(year))}"


def _find_targets(text: str, table: IndicatorTable, year: int | None = None) -> list[_Target]:
    year_cue = re.compile(f"(?:{_year_names(year)})年(?!以来)") if year else None
    statements = _statements(text)
    index = _MentionIndex(text, table)
    reviews = _review_ranges(text)
    review_starts = [r[0] for r in reviews]

    def in_review(pos: int) -> bool:
        i = bisect_right(review_starts, pos) - 1
        return i >= 0 and pos < reviews[i][1]

    found: list[_Target] = []
    lists: list[int] = []  # statement indexes of target statements
    dense: list[int] = []
    for n, (start, end, _paragraph) in enumerate(statements):
        statement = text[start:end]
        if in_review(start):
            continue
        cue = _LIST_CUE.search(statement)
        if cue is not None:
            if not _PAST.search(statement[: cue.start()]):
                lists.append(n)
            continue
        if not lists and len(index.within(start, end)) >= 3 and not _PAST.search(statement) \
                and len({t.indicator for t in _statement_targets(text, (start, end), table, index=index)}) >= 3:
            dense.append(n)
    if not lists:
        # A list without a cue (综合考虑各方面因素，今年地区生产总值增长6%左右…) is the first statement
        # with targets of three indicators where this year is named in it or in the two before it.
        for n in dense:
            context = text[statements[max(0, n - 2)][0]:statements[n][1]]
            if _THIS_YEAR.search(context) and re.search(r"今年|总体要求|目标|综合考虑", context):
                while n > 0 and statements[n - 1][2] == statements[n][2] and _THIS_YEAR.search(text[statements[n - 1][0]:statements[n - 1][1]]) \
                        and not _PAST.search(text[statements[n - 1][0]:statements[n - 1][1]]):
                    n -= 1
                lists.append(n)
                break
    taken: set[int] = set()
    # 0. a higher level's targets quoted just before the list (今年全国两会确定国内生产总值增长5%左右，…)
    if lists:
        for k in range(max(0, lists[0] - 3), lists[0]):
            start, end, _paragraph = statements[k]
            if in_review(start) or not _QUOTE_CUE.search(text, start, end):
                continue
            for target in _statement_targets(text, (start, end), table, index=index):
                if target.scope == "quoted":
                    target.tier = 1
                    found.append(target)
            taken.add(k)
    # 1. target lists, with the rest of their paragraph (or the next one after a bare 主要预期目标是：)
    for n in lists:
        if n in taken:
            continue
        start, end, paragraph = statements[n]
        members = [n]
        cue = _LIST_CUE.search(text, start, end)
        if cue is not None and not text[cue.end():end].strip() and n + 1 < len(statements):
            paragraph = statements[n + 1][2]
            members = [n + 1]
        k = members[-1] + 1
        while k < len(statements) and statements[k][2] == paragraph and k - members[0] < 4:
            if _FOLLOW_STOP.search(text[statements[k][0]:statements[k][1]]) or not _statement_targets(text, statements[k][:2], table, index=index):
                break
            members.append(k)
            k += 1
        for member in members:
            taken.add(member)
            for target in _statement_targets(text, statements[member][:2], table, index=index):
                target.tier = 1
                found.append(target)
    # 2. this year's target stated elsewhere in the plan part (after the list, when there is one):
    #    a clause naming this year and a target (今年进出口总额预期增长7.5%左右), and the deficit ratio.
    first_list = statements[lists[0]][0] if lists else 0
    for n, (start, end, _paragraph) in enumerate(statements):
        if n in taken or start < first_list or in_review(start):
            continue
        if not index.within(start, end):
            continue
        for target in _statement_targets(text, (start, end), table, five_year_ok=not lists, index=index):
            target.tier = 2
            lead = text[start:target.end]
            if target.indicator == "deficit_ratio":
                if not _PAST.search(text[start:target.start]) or "拟" in lead:
                    found.append(target)
                continue
            if _PAST.search(lead):
                continue
            if target.period == "five_year":
                # a plan's five-year average (“七五”计划草案规定…平均每年增长7.5%), kept only where no annual target exists
                if _PLAN_CUE.search(lead):
                    found.append(target)
                continue
            clause_start = max(text.rfind(mark, start, target.start) for mark in "，,；;：:")
            scope = lead if target.indicator == "gdp_growth" else text[max(start, clause_start):target.end]
            if (_THIS_YEAR.search(scope) or (year_cue is not None and year_cue.search(scope))) and _FALLBACK_CUE.search(scope):
                found.append(target)
    # 3. an explicit refusal to set a growth target
    for match in _NOT_SET.finditer(text):
        if not in_review(match.start()):
            span = next(((s, e) for s, e, _ in statements if s <= match.start() < e), (match.start(), match.end()))
            found.append(_Target("gdp_growth", "", math.nan, math.nan, "", "", "", "not_set", "own", "", span, match.start(), match.end(), 0, 2))
            break
    return found


def targets_extract_columns(
    text: str,
    *,
    doc_id: str = "",
    date: str = "",
    year: int | None = None,
    indicators: IndicatorTable | None = None,
) -> dict[str, list]:
    """:func:`targets_extract` as a dict of equal-length column lists (the pipeline's fast path)."""
    table = indicators or _default_table()
    rows: dict[tuple[str, str, str, str], _Target] = {}
    joined, where = _unwrap(text)
    for target in _find_targets(joined, table, year):
        if where is not None:
            target.start, target.end = where[target.start], where[target.end - 1] + 1
            target.statement = (where[target.statement[0]], where[target.statement[1] - 1] + 1)
        key = (target.indicator, target.group, target.scope, target.period)
        if target.status == "not_set":
            # an explicit refusal wins over a figure found outside the target list, not over the list
            if key in rows and rows[key].tier == 1:
                continue
            rows[key] = target
            continue
        if key in rows:
            # The first statement wins (the target list comes first), except that among statements of
            # one kind a broader measure wins (国民生产总值 over 工农业总产值).
            if target.tier == rows[key].tier and target.rank < rows[key].rank:
                rows[key] = target
            continue
        rows[key] = target
    # A five-year average is reported only where the year has no annual target of its own.
    rows = {k: t for k, t in rows.items() if not (k[3] == "five_year" and (*k[:3], "") in rows)}
    columns: dict[str, list] = {name: [] for name in TARGET_COLUMNS}
    for target in sorted(rows.values(), key=lambda t: t.start):  # stable: urban before rural at one position
        values = {
            "doc_id": doc_id, "date": date, "year": year, "indicator": target.indicator, "label": table.label(target.indicator),
            "group": target.group, "value": target.value, "value_max": target.value_max, "unit": target.unit,
            "comparator": target.comparator, "relative_to": target.relative_to, "status": target.status,
            "scope": target.scope, "period": target.period, "sentence": text[target.statement[0]:target.statement[1]],
            "start": target.start, "end": target.end, "text": text[target.start:target.end],
        }
        for name in TARGET_COLUMNS:
            columns[name].append(values[name])
    return columns


def _default_table() -> IndicatorTable:
    return indicators_cached("")


def targets_extract(
    text: str,
    *,
    doc_id: str = "",
    date: str = "",
    year: int | None = None,
    indicators: IndicatorTable | None = None,
) -> pd.DataFrame:
    """The year's headline targets in the cleaned text of one report.

    Args:
        text: the cleaned text (``analysis.ingest.document_read(...).text``).
        doc_id, date, year: copied into their columns (``year``: the year the
            targets are for, normally the report's year).
        indicators: an :class:`~analysis.measures.indicators.IndicatorTable`
            (default: the bundled ``indicators_zh.yaml``).

    Returns:
        One row per indicator × group × scope × period, columns
        :data:`TARGET_COLUMNS`, in text order; ``text == cleaned[start:end]``.
    """
    return targets_frame(targets_extract_columns(text, doc_id=doc_id, date=date, year=year, indicators=indicators))


def targets_frame(columns: dict[str, list]) -> pd.DataFrame:
    """Columns of :data:`TARGET_COLUMNS` (as :func:`targets_extract_columns` gives them) as a typed DataFrame."""
    frame = pd.DataFrame(columns, columns=TARGET_COLUMNS)
    for name in ("value", "value_max"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
    frame["year"] = pd.array(frame["year"], dtype="Int64")
    for name in ("start", "end"):
        frame[name] = frame[name].astype("int64")
    return frame
