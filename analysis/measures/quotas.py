"""Quota and deadline mentions: the concrete numbers a speech hands down.

Readers of officials' speeches look first for the numbers: ``每月外出招商时间
不得少于10天``, ``城镇新增就业1200万人以上``, ``每季度要召开一次…专题会议``,
``12月底前全面完成``.  :func:`quotas_extract` finds these mentions in the
cleaned text of one speech and returns one row per mention with the value
resolved to a base unit, the comparator, the period, a deadline, whether the
number is redacted (``XX``), a best-effort subject, the outline section and a
lexicon theme.

What counts is defined in ``benchmarks/quota_eval/GUIDELINE.md``.  In short:
a requirement or target set for the future counts; statistics about the past,
dates, ordinals, counts of points (三点意见), numbered slogans (三会一课) and
estimates (预计…) do not.  Past and future are told apart by cue words in the
clause and sentence and by the section: the ``回顾`` part of a government work
report is past.

Matching runs on the cleaned characters with regular expressions (a word
segmenter splits 不少于 and 10天), and only the matched numeral is converted
(converting the whole text would rewrite 三会一课 and 进一步).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

import pandas as pd

from analysis.measures.quota_vocabulary import (  # noqa: F401  (parse_number is public here too)
    _AGE_CHANGE_BEFORE,
    _ALREADY_RE,
    _AREA_UNITS,
    _BASE_YEAR_BEFORE,
    _BOUND_LIST,
    _CAPACITY_BEFORE,
    _CAPACITY_NAME,
    _CLAUSE_AHEAD,
    _CLAUSE_SPLIT,
    _CN_RE,
    _COMPARISON,
    _CONDITION,
    _COUNTED_UNITS,
    _COUNT_OF_TIMES,
    _COUNT_UNITS,
    _COVERAGE_AFTER,
    _DATE_AFTER,
    _DATE_OF_A_GROUP,
    _DEADLINE,
    _DEADLINE_CONDITION,
    _DEADLINE_END,
    _DEADLINE_FIELD,
    _DEADLINE_IN_CLAUSE,
    _DEADLINE_LOOKAHEAD,
    _DEADLINE_REACH,
    _DEADLINE_SUFFIX,
    _DEADLINE_YEAR,
    _DIGIT_OR_PERCENT,
    _DISTRIBUTIVE_AFTER,
    _ESTIMATE,
    _FUTURE,
    _FUTURE_MODAL,
    _GROUP_BEFORE,
    _GROUP_CONDITION,
    _INSTALMENT_UNITS,
    _INVOLVES_BEFORE,
    _JOINED_NUMBER_MARKS,
    _LEVEL_VERBS,
    _MODAL_BEFORE_DEADLINE,
    _MORE,
    _NAMED_LIST_BEFORE,
    _NAMED_NOUN_AFTER,
    _NAME_AFTER,
    _NAME_BEFORE,
    _NEGATIVE_CONDITION_AFTER,
    _NOT_A_COUNT,
    _NOT_REACHED_BEFORE,
    _OLD_LEVEL,
    _ONE_EVENT_BEFORE,
    _ONE_EVENT_VERB,
    _PAST_CLAUSE,
    _PAST_CLAUSE_STRONG,
    _PAST_CLAUSE_STRONG_IN_PLAN,
    _PAST_SENTENCE,
    _PERCENT_POINT_TARGET,
    _PERIOD_JUST_BEFORE,
    _PERIOD_N,
    _PERIOD_NAME,
    _PERIOD_RE,
    _PER_ITEM_RATE,
    _PER_ITEM_STANDARD,
    _PER_UNIT_BASE,
    _PHYSICAL_UNITS,
    _PLACEHOLDER_RE,
    _PLACE_AFTER,
    _PLAN_COUNT_BEFORE,
    _PLAN_LEVEL,
    _POST_BOUND,
    _POST_COMPARATOR,
    _PRE_BOUND_RE,
    _PRE_COMPARATOR,
    _PROJECT_SIZE,
    _QUANTITY,
    _RANGE_SECOND,
    _RANK_BEFORE,
    _REFERENTIAL_BEFORE,
    _RESTATED_REACH,
    _REWARD_BEFORE,
    _RHETORIC,
    _SCALE_WORD,
    _SCORE_BEFORE,
    _SET_OF_MEASURE_AFTER,
    _SET_PHRASE_AFTER,
    _SIZE_CLASS,
    _SIZE_UNITS,
    _SPOKEN_SCALE,
    _STILL_AFTER_DEADLINE,
    _STILL_BEFORE,
    _SUBJECT_AT,
    _SUBJECT_COUNT_AFTER,
    _SUBJECT_FOLLOWS,
    _SUBJECT_LEAD,
    _SUBJECT_NUMBER,
    _SUBJECT_TAIL,
    _SUBJECT_TRAIL,
    _SUBSIDY_AFTER,
    _TARGET_LEVEL,
    _TASK_COLON,
    _THIS_YEAR_COMPARISON,
    _THRESHOLD_AFTER,
    _THRESHOLD_NOUN_AFTER,
    _THRESHOLD_OF_COUNT,
    _TIME_LEFT_BEFORE,
    _TIME_UNITS,
    _TOPIC_CONDITION,
    _TO_LEVEL_AFTER,
    _UNIT_RANGE_SEP,
    _WEEKDAY_AFTER,
    _WITHIN,
    parse_number,
    pre_bound_near,
)
from analysis.measures.quota_forms import quota_forms_find
from analysis.measures.plan_review import PLAN, REVIEW, sentences_plan_or_review
from analysis.text.outline import outline_sentences

if TYPE_CHECKING:
    from analysis.lexicon import Lexicon
    from analysis.text.outline import Sentence

__all__ = ["QUOTA_COLUMNS", "quotas_extract", "quotas_extract_columns", "parse_number"]

QUOTA_COLUMNS = [
    "doc_id", "kind", "text", "sentence", "start", "end", "value", "value_max", "unit",
    "comparator", "period", "deadline", "redacted", "subject", "section", "theme",
]

@dataclass
class _Mention:
    kind: str
    start: int
    end: int
    value: float
    value_max: float
    unit: str
    comparator: str
    period: str
    deadline: str
    redacted: bool
    subject: str


#: The context a number is judged in is cut at this many characters on either side:
#: a clause (between ，；。 …) is looked for no further than MAX_CLAUSE_CHARS, a
#: sentence no further than MAX_SENTENCE_CHARS.  Real clauses are far shorter; the
#: cut keeps the work per character constant on text without punctuation (a 2 MB
#: line would otherwise make every number scan the whole line).
MAX_CLAUSE_CHARS = 200
MAX_SENTENCE_CHARS = 1000


def _clause_end(text: str, end: int) -> int:
    """Position of the first clause mark at or after ``end`` (at most MAX_CLAUSE_CHARS on, or the end of the text)."""
    limit = min(len(text), end + MAX_CLAUSE_CHARS)
    found = _CLAUSE_SPLIT.search(text, end, limit)
    return found.start() if found else limit


def _clause_start(reversed_text: str, start: int) -> int:
    """Position just after the last clause mark before ``start`` (at most MAX_CLAUSE_CHARS back, or 0)."""
    # re cannot search backwards, so the mark is looked for in the reversed text.
    size = len(reversed_text)
    limit = min(size, size - start + MAX_CLAUSE_CHARS)
    found = _CLAUSE_SPLIT.search(reversed_text, size - start, limit)
    return size - found.start() if found else size - limit


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Inside a short quoted slogan (“最多跑一次”, “两个毫不动摇”)."""
    open_at = text.rfind("“", max(0, start - 12), start)
    if open_at < 0 or "”" in text[open_at:start]:
        return False
    close_at = text.find("”", end, end + 12)
    return close_at >= 0


def _value_of(match: re.Match[str]) -> tuple[float, float, str, bool] | None:
    """(value, value_max, unit, redacted) of a quantity match, None to skip."""
    nan = math.nan
    if match.group("frac"):
        denominator = parse_number(match.group("den"))
        if not denominator:
            return None  # 0分之5 is no quantity (a typo or an OCR slip)
        return parse_number(match.group("numr")) / denominator, nan, "fraction", False
    if match.group("pct"):
        low = parse_number(match.group("p1"))
        high = parse_number(match.group("p2")) if match.group("p2") else nan
        return low, high, "%", False
    if match.group("half"):
        return 0.5, nan, "fraction", False
    if match.group("double"):
        return float(2 ** parse_number(match.group("dn"))), nan, "倍", False
    n1, n2, unit = match.group("n1"), match.group("n2"), match.group("unit") or ""
    if match.group("pct1"):
        unit = "%"
    redacted = bool(_PLACEHOLDER_RE.match(n1))  # XX, XX万
    if redacted:
        if not unit:
            return None
        return nan, nan, unit, True
    n1 = _MORE.sub("", n1)  # 530多亿元
    try:
        low = parse_number(n1)
        high = parse_number(n2) if n2 and not _PLACEHOLDER_RE.match(n2) else nan
    except (ValueError, KeyError):
        return None
    if unit in ("个工作日", "个批次"):
        unit = unit[1:]
    elif unit == "块钱":
        unit = "元"  # 十万块钱, spoken
    return low, high, unit, False


def _is_future(
    text: str, sentence: tuple[int, int], clause: tuple[int, int], label: str, bounded: bool = True, at: int | None = None
) -> bool:
    """Whether a quantity states a requirement: its sentence's plan/review label, then its clause's cues."""
    clause_text = text[clause[0]:clause[1]]
    sentence_text = text[sentence[0]:sentence[1]]
    strong = _PAST_CLAUSE_STRONG_IN_PLAN if label == PLAN else _PAST_CLAUSE_STRONG
    if _ESTIMATE.search(clause_text):
        return False
    past = [m.group() for m in strong.finditer(clause_text)]
    # 现有 is a stock (全镇现有…16个) unless a bound makes the number a requirement (通过现有企业引进…不少于10个).
    # 同比下降10%以上 with a bound, outside the review, is a change to reach (减量控大目标是：…同比下降10%以上).
    if past and not (bounded and set(past) <= {"现有", "同比"}):
        return False
    if label == REVIEW and not _CLAUSE_AHEAD.match(clause_text):
        return False  # (去年全市腾退低效用地1860亩，今年要再腾退2000亩以上: the clause looks ahead of its own)
    past_cue = _PAST_CLAUSE.search(clause_text)
    if past_cue and not (label == PLAN and _PLAN_LEVEL.search(clause_text)):
        # A modal word between the past cue and the number governs it (已建设施正常运行率要保持在90%以上),
        # not one after it (已开工的57个项目要加快建设).
        modal = _FUTURE_MODAL.search(clause_text, past_cue.end())
        if modal is None or at is None or modal.start() >= at - clause[0]:
            return False
    if label == PLAN or _FUTURE.search(clause_text) or _DEADLINE_IN_CLAUSE.search(clause_text):
        return True
    already = [m.start() for m in _ALREADY_RE.finditer(sentence_text)] if "已" in sentence_text else []
    if _PAST_SENTENCE.search(sentence_text) or already:
        # 去年…为88.5%，今年要提高到90%以上，农膜回收率稳定在85%以上: the cue nearest before the clause governs
        upto = clause[0] - sentence[0]
        pasts = [m.end() for m in _PAST_SENTENCE.finditer(sentence_text, 0, upto)] + [max([a for a in already if a < upto], default=-1)]
        if _ALREADY_RE.search(clause_text) or _PAST_SENTENCE.search(clause_text):
            return False
        if max(pasts) >= 0:
            futures = [m.start() for m in _FUTURE.finditer(sentence_text, 0, upto)]
            task = _TASK_COLON.match(sentence_text, 0, upto)
            if task:
                futures.append(task.end())  # 今年的任务，县里已经下达给我们了：新改户厕800户 (what follows the colon is the task)
            return bool(futures) and max(futures) > max(pasts)
        # the past cues all come after the clause (补助标准是每亩25元，比去年提高了5块钱): the clause is read on its own
    # An undecided sentence: a bare level (增长8.5%) with no bound, period or future cue
    # anywhere in the sentence reads as a statistic in a speech without headings.
    return bounded or bool(_FUTURE.search(sentence_text))


def _subject(text: str, clause_start: int, span_start: int, end: int, clause_end: int) -> str:
    after = text[end:clause_end]
    follow = _SUBJECT_FOLLOWS.match(after)
    if follow:
        return follow.group(1)
    before = text[clause_start:span_start]
    before = _PERIOD_RE.sub("", before)
    before = _SUBJECT_LEAD.sub("", before)
    before = _SUBJECT_AT.sub("", before)
    before = _SUBJECT_TRAIL.sub("", before)
    if before.count("(") > before.count(")"):
        before = before[: before.rfind("(")]  # an aside left open by the clause cut
    before = _SUBJECT_NUMBER.sub("", before)
    if not before:
        # Nothing names the subject before the number (必须在12月底前全面完成): take what follows.
        tail = _SUBJECT_TAIL.match(after)
        return tail.group() if tail else ""
    return before[-16:]


def _deadlines(text: str) -> list[re.Match[str]]:
    """``_DEADLINE.finditer(text)``, run only around the rare deadline endings.

    Scanning the whole text with _DEADLINE costs as much as scanning it for
    quantities.  Every match lies inside the window from _DEADLINE_REACH
    characters before an ending to the ending's end (plus the few characters a
    lookahead reads), so running it on the windows (merged where they touch)
    finds the same matches.
    """
    windows: list[list[int]] = []
    for ending in _DEADLINE_END.finditer(text):
        low = max(0, ending.start() - _DEADLINE_REACH)
        high = min(len(text), ending.end() + _DEADLINE_LOOKAHEAD)  # room for 月底(?=完成)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    found = [match for low, high in windows for match in _DEADLINE.finditer(text, low, high)]
    if "时限" in text or "节点" in text:
        # A field (完成时限：10月底前) the general pattern also found is kept once, at its longer reading.
        fields = [f for f in _DEADLINE_FIELD.finditer(text) if not any(m.start() <= f.start() and f.end() <= m.end() for m in found)]
        found = [m for m in found if not any(f.start() <= m.start() and m.end() <= f.end() and f.span() != m.span() for f in fields)]
        found = sorted(found + fields, key=lambda m: m.start())
    return found


def _find_mentions(text: str, sentences: "list[Sentence]") -> list[_Mention]:
    sentence_starts = [s.start for s in sentences]
    reversed_text = text[::-1]
    labels: list[str] | None = None  # found when first needed: many speeches never need them

    def sentence_of(pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(sentence_starts, pos) - 1)
        low, high = (sentences[i].start, sentences[i].end) if sentences else (0, len(text))
        return max(low, pos - MAX_SENTENCE_CHARS), min(high, pos + MAX_SENTENCE_CHARS)

    def label_of(pos: int) -> str:
        nonlocal labels
        if labels is None:
            labels = sentences_plan_or_review(text, sentences)
        if not labels:
            return ""
        return labels[max(0, bisect_right(sentence_starts, pos) - 1)]

    # Most quantities in a speech are rejected, and the cheapest rejections
    # come first: the clause before the number, the comparator and the period
    # are only looked at for the quantities that survive the checks on the
    # number itself and on what follows it.
    mentions: list[_Mention] = []
    skip_until = 0  # the second number of a range with its own unit (400元至1000元) is read with the first
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        if start < skip_until:
            continue
        if start > 0 and (text[start - 1] in _NAME_BEFORE or text[start - 1] == "第"):
            continue  # PM2.5, C919, 第3次
        if (start > 1 and text[start - 1] in _JOINED_NUMBER_MARKS and text[start - 2].isdigit()) or (
            text[end:end + 1] in _JOINED_NUMBER_MARKS and text[end + 1:end + 2].isdigit()
        ):
            continue  # a part of a ratio, a time of day or a rate (2∶1, 7：20, 10/10万): quota_forms reads ratios and rates
        if end < len(text) and text[end] in _NAME_AFTER and not (
            match.group("unit") in _COUNT_UNITS and _PRE_BOUND_RE.search(text, max(0, start - 4), start)
        ):  # 5G, 年产200万吨PTA (but 至少配备1台DR)
            continue  # 5G
        n1 = match.group("n1") or ""  # empty unless a plain number (not 百分之, 分之, 翻番, 一半)
        # A Chinese numeral needs more evidence than digits (三个方面, 十一个方面, 十五条措施). Spoken
        # figures (三百二十户, 两万元) are treated the same way: read like digits they added about as many
        # statistics as targets in the 1950s–1980s national reports, which write every number so.
        chinese = bool(n1 and _CN_RE.fullmatch(n1))
        post = _POST_BOUND.match(text, end)
        bare = n1 and not match.group("unit") and not match.group("pct1")
        if bare and not post and (chinese or not _SCALE_WORD.search(n1)) and not (
            "." in n1 and _PRE_BOUND_RE.search(text, max(0, start - 4), start)  # 库款保障水平不低于0.8
        ):
            continue  # the bare-number rule below, applied early (_value_of cannot raise on a plain number)
        parsed = _value_of(match)
        if parsed is None:
            continue
        value, value_max, unit, redacted = parsed
        second = None
        if match.group("unit") and not (match.group("n2") or match.group("p2")):
            separator = _UNIT_RANGE_SEP.match(text, end)
            upper = _QUANTITY.match(text, separator.end()) if separator else None
            upper_value = _value_of(upper) if upper and upper.group("unit") else None
            if upper_value is not None and upper_value[2] == unit and upper_value[0] > value:
                second = upper  # 每人每月400元至1000元, 2.85万头至3.15万头之间: one range
                value_max, end, skip_until = upper_value[0], upper.end(), upper.end()
                post = _POST_BOUND.match(text, end)
        clause_end = _clause_end(text, end)
        after = text[end:clause_end]
        if not match.group("unit") and _DATE_AFTER.match(after):
            continue  # dates, anniversaries, congress numbers
        if after.startswith("的基础上"):
            continue  # 在去年98.6分的基础上提升到99分以上: the baseline
        if (_in_quotes(text, start, end) and not _PERIOD_JUST_BEFORE.search(text, max(0, start - 3), start)) \
                or _RHETORIC.match(after) or _CONDITION.match(after):  # (“每月一次”家访: a frequency, quoted)
            continue
        clause_start = _clause_start(reversed_text, start)
        before = text[clause_start:start]
        # The checks anchored at the number need only the clause's last characters (bounded work per number).
        tail = before[-32:]
        if _BASE_YEAR_BEFORE.search(tail):
            continue  # 比一九五八年的三亿八千万吨增长, 由1982年的31.5万人: a named year's figure is the base (not 增加到1985年的255元)
        if after.startswith(("范围内", "范围以内", "半径")) and not post:
            continue  # 市场周边200米范围内: the zone a measure covers
        if chinese and tail.endswith("每周") and len(n1) == 1 and _WEEKDAY_AFTER.match(text, end - len(match.group("unit") or ""), clause_end):
            continue  # 每周三轮流接访: a weekday, not a count of rounds
        if _TO_LEVEL_AFTER.match(after) and _OLD_LEVEL.search(tail):
            continue
        if (unit == "个百分点" and not _PERCENT_POINT_TARGET.search(tail)) or (
            _COMPARISON.search(tail) and not post and "再" not in tail[-4:]  # 比上年再降低0.5个百分点: a further cut, a target
        ):
            continue
        if _THIS_YEAR_COMPARISON.search(tail) and _DIGIT_OR_PERCENT.search(
            text, max(sentence_of(start)[0], _clause_start(reversed_text, max(0, clause_start - 1))), clause_start
        ):
            continue  # 不低于1.5亿元，比今年增加0.4亿元: the difference restates the amount just set
        if _RANK_BEFORE.search(tail):
            continue  # a rank: 前1%, 前20、30、50名
        if unit in _SIZE_UNITS and not post and not tail.endswith(("最高给予", "最高", "最多")) and not text.startswith("的标准", end) and (
            _SIZE_CLASS.match(text, end) or _CAPACITY_BEFORE.search(tail)
            or (unit in _PHYSICAL_UNITS and _CAPACITY_NAME.match(text, end))
        ):
            continue  # a size that describes a thing
        if _PROJECT_SIZE.search(tail) and after.startswith("的"):
            continue  # 投资10.7亿元的XX项目
        if unit == "篇" and text[max(0, start - 2):start] in ("通用", "精选", "范文", "合集"):
            continue  # 讲话提纲（通用3篇）: a document site's title
        if chinese and unit in _TIME_UNITS and after.startswith("一"):
            continue  # 三天一通报: the period of a frequency (quota_forms reads it)
        if unit == "种" and (tail.endswith("等") or not (post or pre_bound_near(before))):
            continue  # 等15种传染病 (the kinds a measure covers), 5种类型: a kind counts only with a bound (不少于80种)
        if unit in ("岁", "周岁") and not _AGE_CHANGE_BEFORE.search(tail):
            continue  # 65岁以上老年人, 35岁左右的年轻干部: an age names a group; only a change or a cap is a target
        if redacted and _PLACE_AFTER.match(text, end, end + 1):
            continue  # XX片区, XX村: a redacted place name
        if unit in _COUNT_UNITS and _NOT_A_COUNT.match(text, start):
            continue  # 一批 (a batch), 56个民族, 等14项行政事业性收费 (the fees a measure covers)
        if unit in _SIZE_UNITS and post and _SIZE_CLASS.match(text, post.end()):
            continue  # 10亿元以上制造业项目
        if unit in _TIME_UNITS and not post and (_WITHIN.match(after) or _SET_PHRASE_AFTER.match(after)):
            continue  # 15个工作日内, 24小时值班
        if (unit in _COUNTED_UNITS or unit in _TIME_UNITS) and _REFERENTIAL_BEFORE.search(tail) and not (
            tail.endswith("有") and _FUTURE_MODAL.search(tail)  # 力争今年全市有2个开发区进入…
        ):
            continue  # a count of what is there: 全镇现有烟花爆竹零售点16个
        if post and post.group() in ("以上", "以下") and unit not in ("%", "fraction") and not pre_bound_near(before) and (
            _THRESHOLD_AFTER.match(text, post.end(), clause_end)
            or (unit in ("户", "人", "头") and _THRESHOLD_NOUN_AFTER.match(text, post.end(), clause_end))
        ):
            continue  # 50平方公里以上的河流, 5万元以上的案件, 20户以上自然村: a threshold naming a group
        if unit in _COUNTED_UNITS and not before.strip() and _SET_OF_MEASURE_AFTER.match(after):
            continue  # 6个国考断面水质优良比例要…: the set a rate is measured over
        if unit in _COUNTED_UNITS and _COVERAGE_AFTER.match(after):
            continue  # 实现14个村“红色网格”全覆盖
        if _NOT_REACHED_BEFORE.search(tail) and text.startswith("的", post.end() if post else end):
            continue  # 参保率达不到90%的乡镇: those who fall short, a group
        if _NEGATIVE_CONDITION_AFTER.match(after if not post else text[post.end():clause_end]):
            continue  # 对资金到位后超过6个月未形成实物工作量的项目: those who have not, a group
        if _GROUP_CONDITION.match(after if not post else text[post.end():clause_end]):
            continue  # 凡有3名以上正式党员的, 党员不足3名的
        if (_TOPIC_CONDITION.match(before) or before.startswith("凡")) and (
            text.startswith("的", post.end() if post else end) or (post and "的" in text[post.end():clause_end])
        ):
            continue  # 对存栏50头以上的生猪养殖户, 对投资完成率低于40%的: the group a measure is for
        if unit in _COUNTED_UNITS and _INVOLVES_BEFORE.search(tail) and not _PLAN_COUNT_BEFORE.search(
            text, max(0, clause_start - 30), start
        ):
            continue  # 隐患点涉及群众136户: the people a stock involves (not 改造老旧小区28个、涉及居民3460户, the task's size)
        if unit in _COUNTED_UNITS and tail.endswith("对") and text.find(
            match.group() + ("" if value >= 10 else text[end:end + 1]),  # a small count must repeat with its noun
            max(0, start - _RESTATED_REACH), start,
        ) >= 0:
            continue  # 对318台老旧电梯 when 318台 was given before: the set a measure applies to, restated
        if unit in _COUNTED_UNITS and _GROUP_BEFORE.search(before):
            continue  # 对…的19个项目, 全镇划分的186个网格: the group itself
        if unit in ("次", "场") and value == 1 and not post and not pre_bound_near(before) and not _PERIOD_RE.search(before) \
                and not _PERIOD_N.search(before) and label_of(start) != REVIEW and (
                    _ONE_EVENT_BEFORE.search(tail)
                    or (_ONE_EVENT_VERB.search(tail) and "前" in text[sentence_of(start)[0]:clause_start])
                ):
            continue  # 全部参加1次履职培训: a single event (GUIDELINE_SPEECHES)
        if unit == "小时" and value == 24 and not post and not _PRE_BOUND_RE.search(before[-4:]):
            continue  # 24小时畅通, 24小时备勤: round the clock
        if unit in _TIME_UNITS and before.endswith("每") and _COUNT_OF_TIMES.match(after):
            continue  # 每2小时巡查1次: the period of the count that follows
        if (unit in _COUNTED_UNITS or unit in _AREA_UNITS) and _PER_UNIT_BASE.search(tail) \
                or unit in _COUNTED_UNITS and not (unit == "次" and _PERIOD_RE.search(tail)) and _DISTRIBUTIVE_AFTER.match(after):
            continue  # 每500人配备1名 (the base of a rate), 在3个中心镇各新建1个 (the places a measure is spread over)
        if _THRESHOLD_OF_COUNT.search(tail):
            continue  # 力争有3个村突破50万元: the level a counted group passes
        if unit in _TIME_UNITS and _TIME_LEFT_BEFORE.search(tail):
            continue  # 再过6天, 距年底只有不到两个月: time left, not a time limit
        if _STILL_BEFORE.search(before):
            continue  # 还有6个乡镇签约率低于35%: the present state
        if unit in _COUNT_UNITS and not before.strip() and _SUBJECT_COUNT_AFTER.match(text, end, min(len(text), end + 48)):
            continue  # 2处黑臭水体要在11月底前完成: the items of a task; its deadline is the mention
        # comparator from the words around the quantity
        comparator, span_start = "", start
        pre = None
        for bound in _PRE_BOUND_RE.finditer(before):
            between = before[bound.end():]
            if len(between) <= 16 and (not _DIGIT_OR_PERCENT.search(between) or _BOUND_LIST.fullmatch(between)):
                pre = bound
        level = _LEVEL_VERBS.search(before)
        if pre is not None and level is not None and re.search("[、和]", before[pre.end():level.start()]):
            pre = None  # 9月底前不低于60%、年底前达到100%: the list's last item has a verb of its own
        if match.group("n2") or match.group("p2") or second is not None:
            comparator = "range"
        elif post:
            comparator = _POST_COMPARATOR[post.group()]
        elif pre is not None:
            comparator = _PRE_COMPARATOR[pre.group()]
        elif match.group("more") or _MORE.search(n1):
            comparator = "gt"
        if pre is not None and not post and _THRESHOLD_AFTER.match(text, end, clause_end) and unit not in ("%", "fraction") \
                and _PRE_COMPARATOR[pre.group()] in ("lt", "gt"):
            continue  # 亩均税收低于3万元的企业: a threshold naming a group
        if pre is not None and not post and _RANGE_SECOND.search(before):
            continue  # 3000元至8000元: the second half of a range read as its own number
        if pre is not None:
            span_start = clause_start + pre.start()
        elif level is not None:
            span_start = clause_start + level.start()
        period_match = None
        for found in _PERIOD_RE.finditer(before):
            period_match = found
        period = _PERIOD_NAME[period_match.group()] if period_match else ""
        for found in _PERIOD_N.finditer(before):
            if period_match is None or found.start() >= period_match.start():
                period_match, period = found, found.group()
        if period_match is not None and span_start - (clause_start + period_match.end()) <= 4:
            span_start = clause_start + period_match.start()
        # does it carry a signal that it is a requirement?
        rate = (unit.endswith("元") and (_PER_ITEM_RATE.search(tail) is not None or _REWARD_BEFORE.search(tail) is not None)) or (
            # 每个村都要有一个机收服务点, 每处都要落实一名监测员: a standard per item
            unit in _COUNTED_UNITS and _PER_ITEM_STANDARD.search(tail) is not None
        ) or (
            unit == "分" and _SCORE_BEFORE.search(tail) is not None  # 扣村里考核分10分, 作风这一项占二十分: a score the speaker sets
        ) or (
            unit == "%" and _SUBSIDY_AFTER.match(after) is not None  # 按销售价格的15%给予补贴, 再额外给予5%的补贴
        )
        # 分两批组织, 分3年发放, 分5期: the schedule of a measure (GUIDELINE_SPEECHES), set like a rate
        rate = rate or (unit in _INSTALMENT_UNITS and before.endswith("分") and not post)
        # A spoken figure (一千二百亩, 三千亩) in a clause that says what is to be done: read like digits.
        # A count after a list of named places or projects (XX、XX两个片区的管网延伸工程): the size of the task.
        named = unit in ("个", "家", "所", "座", "处") and _NAMED_LIST_BEFORE.search(tail) is not None \
            and _NAMED_NOUN_AFTER.match(text, end) is not None
        spoken = named or chinese and unit and len(n1) > 1 and _SPOKEN_SCALE.search(n1) is not None and _FUTURE_MODAL.search(
            text, sentence_of(start)[0], start) is not None and label_of(start) == PLAN
        signal = bool(comparator or level is not None or period or rate or spoken)
        if not signal and (chinese or unit in _COUNT_UNITS or not unit):
            # 三个方面, 103项重点工作, 千家万户; but in a plan sentence a count is a target
            if (chinese and not spoken) or not unit or label_of(start) != PLAN:
                continue
        if not unit and not (post or (level is not None and not chinese and _SCALE_WORD.search(n1))
                             or (pre is not None and "." in n1)):  # 库款保障水平不低于0.8: a ratio to keep
            continue  # a bare number needs a bound (1000万以上) or a scale word (提高6000万…)
        if period_match is None and chinese and not (comparator or level is not None or rate or spoken) and unit != "%":
            continue
        # A bound, a period or a verb that sets a level (控制在, 提高到, 任务是) marks a requirement
        # in a sentence neither plan nor review; 增长8.5% alone reads as a statistic.
        bounded = bool(comparator or period or rate or (level is not None and _TARGET_LEVEL.search(level.group())))
        if not _is_future(text, sentence_of(start), (clause_start, clause_end), label_of(start), bounded, at=start):
            continue
        span_end = post.end() if post else end
        mentions.append(
            _Mention(
                kind="quota",
                start=span_start,
                end=span_end,
                value=value,
                value_max=value_max,
                unit=unit,
                comparator=comparator or "eq",
                period=period,
                deadline="",
                redacted=redacted,
                subject=_subject(text, clause_start, span_start, span_end, clause_end),
            )
        )
    for form in quota_forms_find(text):
        clause_start, clause_end = _clause_start(reversed_text, form.start), _clause_end(text, form.end)
        if not _is_future(text, sentence_of(form.start), (clause_start, clause_end), label_of(form.start)):
            continue
        mentions.append(
            _Mention("quota", form.start, form.end, form.value, math.nan, form.unit, form.comparator, form.period, "",
                     False, _subject(text, clause_start, form.start, form.end, clause_end))
        )
    for match in _deadlines(text):
        clause_start, clause_end = _clause_start(reversed_text, match.start()), _clause_end(text, match.end())
        clause_text = text[clause_start:clause_end]
        past_cue = _PAST_CLAUSE.search(clause_text)
        if (past_cue and not _FUTURE_MODAL.search(clause_text, past_cue.end())) or (
            label_of(match.start()) == REVIEW and not (past_cue is None and _MODAL_BEFORE_DEADLINE.search(text, clause_start, match.start()))
        ):
            continue  # (已发行债券资金支出进度年底前要达到90%以上: 要 after 已 governs)
        if text.startswith("后", match.end()):
            continue  # 六月十号前后开镜, 固定在每月10日前后: around a day, no time limit
        if _STILL_AFTER_DEADLINE.match(text, match.end(), match.end() + 2):
            continue  # 年底前还有一批民生政策需要兑现: what is left, not a task
        if _DATE_OF_A_GROUP.match(text, match.end(), clause_end) or _DEADLINE_CONDITION.match(text, match.end(), clause_end) or (
            _TOPIC_CONDITION.match(text, clause_start, clause_start + 1) and "的" in text[match.end():clause_end]
        ):
            continue  # 2000年底前建成的老旧小区, 对10月20日前完成签约率目标的指挥部: a date that names a group
        deadline = _DEADLINE_YEAR.sub("", _DEADLINE_SUFFIX.sub("", match.group()))
        # A recurring deadline (每月25日前, 每周五前, 每日17时前) has the period as written.
        period = next((p for p in ("每月", "每个月", "每周", "每日", "每天", "每季度") if deadline.startswith(p)), "")
        mentions.append(
            _Mention("deadline", match.start(), match.end(), math.nan, math.nan, "", "", period, deadline, False,
                     _subject(text, clause_start, match.start(), match.end(), clause_end))
        )
    mentions.sort(key=lambda m: (m.start, m.end))
    # drop mentions nested in an earlier one
    kept: list[_Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end and m.kind == kept[-1].kind and m.end <= kept[-1].end:
            continue
        kept.append(m)
    return kept


def _leading(counts: dict[str, int]) -> str:
    return max(sorted(counts), key=lambda k: counts[k]) if counts else ""


def _as_list(column: "Sequence") -> list:
    return column.tolist() if hasattr(column, "tolist") else list(column)


class _ThemeLookup:
    """Theme of a sentence (most lexicon matches), falling back on its section."""

    def __init__(self, matches: "pd.DataFrame | Mapping[str, Sequence]") -> None:
        self.by_sentence: dict[int, dict[str, int]] = {}
        self.by_section: dict[str, dict[str, int]] = {}
        # Python lists: iterating the Arrow-backed columns costs more than the counting.
        columns = [_as_list(matches[name]) for name in ("sentence", "section", "theme")]
        for sentence, section, theme in zip(*columns):
            counts = self.by_sentence.setdefault(int(sentence), {})
            counts[theme] = counts.get(theme, 0) + 1
            counts = self.by_section.setdefault(section, {})
            counts[theme] = counts.get(theme, 0) + 1

    def theme(self, sentence: int, section: str) -> str:
        return _leading(self.by_sentence.get(sentence, {})) or _leading(self.by_section.get(section, {}))


# Many speeches have no mention; copying this costs a twentieth of building an empty frame.
_NO_MENTIONS = pd.DataFrame(columns=QUOTA_COLUMNS, dtype=object)


def quotas_extract_columns(
    text: str,
    *,
    doc_id: str = "",
    lexicon: "Lexicon | None" = None,
    sentences: "list[Sentence] | None" = None,
    matches: "pd.DataFrame | Mapping[str, Sequence] | None" = None,
) -> dict[str, list]:
    """:func:`quotas_extract` as a dict of equal-length column lists (the pipeline's fast path)."""
    if sentences is None:
        sentences = outline_sentences(text)
    mentions = _find_mentions(text, sentences)
    if not mentions:
        return {name: [] for name in QUOTA_COLUMNS}
    starts = [s.start for s in sentences]
    themes = None
    if matches is None and lexicon is not None:
        from analysis.measures.terms import terms_match

        matches = terms_match(doc_id, text, lexicon, sentences)
    if matches is not None:
        themes = _ThemeLookup(matches)
    rows = []
    for m in mentions:
        i = max(0, bisect_right(starts, m.start) - 1)
        sentence = sentences[i] if sentences else None
        rows.append(
            {
                "doc_id": doc_id,
                "kind": m.kind,
                "text": text[m.start:m.end],
                "sentence": sentence.text if sentence else "",
                "start": m.start,
                "end": m.end,
                "value": m.value,
                "value_max": m.value_max,
                "unit": m.unit,
                "comparator": m.comparator,
                "period": m.period,
                "deadline": m.deadline,
                "redacted": m.redacted,
                "subject": m.subject,
                "section": sentence.section if sentence else "0",
                "theme": themes.theme(i, sentence.section) if themes is not None and sentence else "",
            }
        )
    return {name: [row[name] for row in rows] for name in QUOTA_COLUMNS}


def quotas_extract(
    text: str,
    *,
    doc_id: str = "",
    lexicon: "Lexicon | None" = None,
    sentences: "list[Sentence] | None" = None,
    matches: "pd.DataFrame | Mapping[str, Sequence] | None" = None,
) -> pd.DataFrame:
    """Quota and deadline mentions in the cleaned text of one speech.

    Args:
        text: the cleaned text (``analysis.ingest.document_read(...).text``).
        doc_id: copied into the ``doc_id`` column.
        lexicon: when given, ``theme`` is the theme with the most lexicon
            matches in the mention's sentence (else in its section).
        sentences, matches: the speech's sentences and lexicon matches
            (:func:`analysis.text.outline.outline_sentences`,
            :func:`analysis.measures.terms.terms_match`, or its dict of columns
            :func:`analysis.measures.terms.terms_match_columns`) when the caller has
            them already; computed here otherwise.

    Returns:
        One row per mention in text order, columns :data:`QUOTA_COLUMNS`;
        ``text == cleaned[start:end]``.
    """
    columns = quotas_extract_columns(text, doc_id=doc_id, lexicon=lexicon, sentences=sentences, matches=matches)
    if not columns["kind"]:
        return _NO_MENTIONS.copy()
    # Built from columns in QUOTA_COLUMNS order: pandas infers the same dtypes
    # as from the list of rows, at a fraction of the cost.
    return pd.DataFrame(columns)
