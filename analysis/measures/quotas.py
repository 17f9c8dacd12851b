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
import string
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

import pandas as pd

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

# -- numerals ---------------------------------------------------------------
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_DIGIT = "零〇一二两三四五六七八九"
_CN = f"[{_CN_DIGIT}十][{_CN_DIGIT}十百千万亿]*(?:点[{_CN_DIGIT}]+)?"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_PLACEHOLDER = r"(?:XX+|xx+|××+)"
_PLACEHOLDER_RE = re.compile(_PLACEHOLDER)
_CN_RE = re.compile(_CN)
_ARABIC_SCALED = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿]*)")


def _parse_cn_integer(text: str) -> float:
    total, section, number = 0.0, 0.0, 0.0
    if text and all(ch in _DIGITS for ch in text) and len(text) > 1:
        return float("".join(str(_DIGITS[ch]) for ch in text))
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (number or 1) * _SMALL_UNITS[ch]
            number = 0
        elif ch in _BIG_UNITS:
            section += number
            if ch == "亿":
                total = (total + section) * _BIG_UNITS[ch]
            else:
                total += section * _BIG_UNITS[ch]
            section, number = 0, 0
        else:
            raise ValueError(f"not a Chinese numeral: {text}")
    return total + section + number


def parse_number(text: str) -> float:
    """Parse one numeral: ``12``, ``1,200``, ``1.3万亿``, ``三十``, ``两千``, ``七点九``.

    Scale words (万, 亿, 万亿) after Arabic digits are resolved.  Raises
    ``ValueError`` on anything else.
    """
    text = text.strip()
    match = _ARABIC_SCALED.fullmatch(text)
    if match:
        value = float(match.group(1).replace(",", ""))
        for ch in match.group(2):
            value *= _SMALL_UNITS[ch] if ch in _SMALL_UNITS else _BIG_UNITS[ch]
        return value
    if "点" in text:
        whole, frac = text.split("点", 1)
        return _parse_cn_integer(whole) + float("0." + "".join(str(_DIGITS[c]) for c in frac))
    return _parse_cn_integer(text)


# -- vocabulary --------------------------------------------------------------
# Compound units are written as in the text (微克/立方米); scale words are
# resolved into the value (万千瓦 → 千瓦, 万亩 → 亩).
_COMPOUND_UNITS = ["微克/立方米", "毫克/立方米", "元/立方米", "元/平方米", "元/吨", "元/人", "吨/日", "吨/天", "立方米/秒"]
_MEASURE_WORDS = [
    "个", "项", "件", "条", "家", "所", "座", "张", "套", "次", "名", "场", "场次", "项次", "户", "处", "片", "部", "台",
    "支", "宗", "头", "只", "株", "枚", "剂", "节", "批", "辆", "艘", "栋", "间",
]
_UNITS = _COMPOUND_UNITS + _MEASURE_WORDS + [
    "个工作日", "工作日", "个月", "分钟", "学时", "遍", "人次", "千瓦时", "千瓦", "兆瓦", "公里", "平方公里", "平方米", "立方米", "公顷", "小时",
    "美元", "元", "天", "人", "斤", "公斤", "分", "吨", "亩", "倍", "羊单位", "个百分点", "个基点", "‰",
]
_UNIT_RE = "|".join(sorted(set(_UNITS), key=len, reverse=True))
# Counts: without a bound, a level verb or a period they are quotas only in a plan sentence (新增“四上”企业200家).
_COUNT_UNITS = frozenset(_MEASURE_WORDS) - {"户", "头", "只", "株"}
# Units of physical size: followed by a noun they describe a thing (3000吨级航道, 10万吨聚乳酸改性材料).
_SIZE_UNITS = frozenset({"吨", "千瓦", "兆瓦", "千瓦时", "平方米", "立方米", "套", "元", "美元", "公里", "亩", ""})
_SCALE = "(?:万亿|千万|百万|亿|万|千)"
_NUM = rf"(?:{_ARABIC}(?:[多余]{_SCALE})?{_SCALE}?|{_CN}|{_PLACEHOLDER}{_SCALE}?)"
_RANGE_SEP = "(?:至|到|－|-|—|–|~|～)"

# The lookahead lists every character a quantity can start with.  Each
# alternative opens with a group, which the regex engine cannot reject from
# the current character alone, so without it all five alternatives are tried
# at every character of the text (four times slower).  Keep it in step with
# the alternatives.
_QUANTITY = re.compile(
    rf"(?=[\d{_CN_DIGIT}十百翻Xx×])(?:"
    rf"(?P<frac>(?P<den>{_CN}|\d+)分之(?P<numr>{_CN}|\d+(?:\.\d+)?))"
    rf"|(?P<pct>百分之(?P<p1>{_CN}|{_ARABIC}|百)(?:{_RANGE_SEP}(?:百分之)?(?P<p2>{_CN}|{_ARABIC}))?)"
    rf"|(?P<half>一半)"
    rf"|(?P<double>翻(?P<dn>一|两|二|三)番)"
    rf"|(?P<num>(?P<n1>{_NUM})(?P<pct1>%)?(?:{_RANGE_SEP}(?P<n2>{_NUM}))?(?P<more>多|余)?"
    rf"(?P<unit>%|{_UNIT_RE})?))"
)
# A number glued to Latin letters or digits is part of a name (PM2.5, 5G, C919).
_NAME_BEFORE = frozenset(string.ascii_letters + string.digits + ".")
_NAME_AFTER = frozenset(string.ascii_letters)
# A size class or capacity that names a thing: 3000吨级航道, 10亿元以上制造业项目,
# 50亿元项目, 超50亿元、10亿元企业, 十亿以上甚至百亿项目, 10万吨聚乳酸改性材料、….
_SIZE_CLASS = re.compile(
    r"(?:级|(?:以上|以下)?(?:的)?(?:甚至[^，。；、]{0,4})?[\u4e00-\u9fff“”]{0,7}?"
    r"(?:项目|企业|(?<!农)村(?![民庄])|工程|产业链|集群|基地|园区|产业园|平台|航道|泊位|码头|变电站|电站|生产线|机组))"
)
# A physical capacity followed by a product in a list of projects (10万吨聚乳酸改性材料、…等项目).
# Counts that are no target: 一批 (a batch), 56个民族 (a set phrase), and the
# number of fees or taxes a measure covers (缓缴…等14项行政事业性收费, GUIDELINE §1).
_NOT_A_COUNT = re.compile(r"一批|56个民族|\d+个方面|\d+项[^，。；]{0,8}(?:收费|税费|费用)")
_CAPACITY_NAME = re.compile(r"[\u4e00-\u9fff]{2,10}(?:、|等)")
_PHYSICAL_UNITS = frozenset({"吨", "千瓦", "兆瓦", "千瓦时", "平方米", "立方米", "套"})
_CAPACITY_BEFORE = re.compile(r"(?:年产|年处理|年加工|年吞吐)(?:能力)?$")
# 投资10.7亿元的…项目: the size of a named project.
_PROJECT_SIZE = re.compile(r"投资$")
# A rank (前1%, 前20、30、50名, 全国前10), not 提前2小时 or 之前.
_RANK_BEFORE = re.compile(r"(?<![提之以此])前(?:\d+、)*$")
_DATE_AFTER = re.compile(r"(?:[年月日号时]|周年|届|季度|世纪|版|大(?![于])|次会议|中全会)")
_DIGIT_OR_PERCENT = re.compile(r"[\d%]")
_TO_LEVEL = re.compile(r"[到至为]")
_MORE = re.compile("[多余]")
_SCALE_WORD = re.compile("[万亿]")

# No bound contains a clause mark, so it is matched in the text at the end of the number.
_POST_BOUND = re.compile(r"(?:及以上|以上|以内|以下|左右|上下|的限额)")
_PRE_BOUNDS: list[tuple[str, str]] = [
    ("不得少于", "ge"), ("不得低于", "ge"), ("不少于", "ge"), ("不低于", "ge"), ("至少", "ge"), ("最少", "ge"),
    ("配足", "ge"), ("不得超过", "le"), ("不超过", "le"), ("不高于", "le"), ("最多", "le"), ("最高", "le"),
    ("超过", "gt"), ("超", "gt"), ("多于", "gt"), ("高于", "gt"), ("突破", "gt"), ("低于", "lt"), ("少于", "lt"), ("不到", "lt"),
    ("不足", "lt"), ("大约", "approx"), ("约", "approx"), ("近", "approx"),
]
_POST_COMPARATOR = {"及以上": "ge", "以上": "ge", "以内": "le", "以下": "le", "左右": "approx", "上下": "approx", "的限额": "le"}
_PRE_BOUND_RE = re.compile("|".join(b for b, _ in _PRE_BOUNDS))
_PRE_COMPARATOR = dict(_PRE_BOUNDS)
_LEVEL_VERBS = re.compile(
    r"(?:调高到|提高到|提高至|提升至|提升到|增加到|增至|降至|降为|降到|降低到|压减到|减少到|达到|保持在|控制在|稳定在|"
    r"增长|下降|降低|提高|增加|压减|减少|安排|拿出|扩招|发行|新增|新建|完成|规模|拟按|召开|接受|用于|培训)$"
)
_PERIODS = [("平均每年", "年均"), ("每季度", "每季度"), ("每半年", "半年"), ("半年", "半年"), ("每年", "每年"),
            ("每月", "每月"), ("每周", "每周"), ("每天", "每天"), ("每日", "每天"), ("每次", "每次"),
            ("年均", "年均"), ("每届", "每届"), ("每学期", "每学期")]
_PERIOD_RE = re.compile("|".join(p for p, _ in _PERIODS))
_PERIOD_NAME = dict(_PERIODS)

_FUTURE = re.compile(r"要|必须|确保|力争|目标|预期|不得|计划|拟|争取|务必|应当|今后|将|确定|决定|安排")
_PAST_CLAUSE = re.compile(r"(?<![为除])了(?!解)|已|累计|实现了|完成了|达到了|今年以来|比上年增长|比去年增长")
# Past cues that hold in a clause even inside a plan sentence (去年全县累计培训…2100人，今年要再培训…).
_PAST_CLAUSE_STRONG = re.compile(r"(?<![由比较于])去年|过去|今年以来|以来|同比|同期|现有|共发生")
# A count of items already there or already named: 尚未完成转化的4个村, 还有8处, 全镇现有…16个, 全镇12个重点林区.
_REFERENTIAL_BEFORE = re.compile(r"(?:尚未[^，。；]{0,8}的|剩余|其余|还有|还差|现有|全(?:镇|县|市|区|乡|盟|州)|上述|以上|这|该)$")
# A time limit written as "within N" (3个工作日内, 6个月内, 30分钟内) is out of scope (§4b), and 24小时值班 a set phrase.
_WITHIN = re.compile(r"^(?:内|之内)")
_TIME_UNITS = frozenset({"小时", "工作日", "天", "分钟", "个月", "日"})
_SET_PHRASE_AFTER = re.compile(r"^(?:值班|在线|服务|不打烊|营业|全天候)")
_PAST_SENTENCE = re.compile(r"过去|去年|上半年|一年来|五年来|近年来|今年以来|累计|刚刚过去")
_ESTIMATE = re.compile(r"预计|估计|预测")
# In a plan sentence 累计 sets a level (育种群规模累计达到1.8万头).
_PLAN_LEVEL = re.compile(r"^(?!.*(?<![为除])了(?!解))(?!.*已).*累计")
_OLD_LEVEL = re.compile(r"(?:由|从|现行|原来的|原定)[^，。；;,]{0,6}$")
_COMPARISON = re.compile(r"(?<!要)比(?:上年|去年|上一年)[^，。；;,]{0,10}(?:增加|增长|高|多|提高|减少|下降|低)$")
# 个百分点 is a quota only as a margin to keep (高于全省0.5个百分点左右).
_PERCENT_POINT_TARGET = re.compile(r"(?:高于|低于|快于|超过|提高|降低|下降)[^，。；]{0,8}$")
# What follows the number ends the clause with 的: a condition on a group (凡有3名以上正式党员的).
_GROUP_CONDITION = re.compile(r"^[\u4e00-\u9fff]{0,8}的$")
_RHETORIC = re.compile(r"^(?:的精力|的力量|的热情|的努力|的干劲)")
_CONDITION = re.compile(r"^的(?:要|，|,)")
_CLAUSE_SPLIT = re.compile(r"[，,；;。！？!?：:\n]")

_DEADLINE = re.compile(
    r"(?:(?:\d{4}|今|明|本)年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:底|末|中旬|上旬|下旬|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?(?:之前|以前|前)"
    r"|(?:\d{4}年|今年|明年|本年|年)底(?:之前|以前|前)"
    r"|每月(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号](?:之前|以前|前)"
)
# Every deadline ends with one of these endings and starts at most
# _DEADLINE_REACH characters before it: a year (2024年), a month of up to
# three numerals, 月 and a day of up to three numerals come before the 日 of
# 日前.  Keep both in step with _DEADLINE.
_DEADLINE_END = re.compile(r"[月底末旬日号](?:之前|以前|前)")
_DEADLINE_REACH = 12  # 每月25日 is shorter
_DEADLINE_SUFFIX = re.compile(r"(?:之前|以前|前)$")
_DEADLINE_YEAR = re.compile(r"^(?:今|明|本)年")

_SUBJECT_FOLLOWS = re.compile(r"(?:配备|配足|用于)([^（(，。；;,]{2,16})")
_SUBJECT_LEAD = re.compile(r"^(?:要|对|并|同时|其中|今年|全年|确保|力争|争取|按照|按|让)+")
_SUBJECT_AT = re.compile(r"(?:必须|务必|要|应|须)?在$")
_SUBJECT_TRAIL = re.compile(r"(?:的|要|为|是|都|应|将|按照|总数的|再)+$")
_SUBJECT_NUMBER = re.compile(r"^[^，,]*?[\d.%％]+(?:配备|的)")
_SUBJECT_TAIL = re.compile(r"[^，。；;,]{2,16}")


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


def _clause_end(text: str, end: int) -> int:
    """Position of the first clause mark at or after ``end`` (the end of the text if none)."""
    found = _CLAUSE_SPLIT.search(text, end)
    return found.start() if found else len(text)


def _clause_start(reversed_text: str, start: int) -> int:
    """Position just after the last clause mark before ``start`` (0 if none)."""
    # re cannot search backwards, so the mark is looked for in the reversed text.
    found = _CLAUSE_SPLIT.search(reversed_text, len(reversed_text) - start)
    return len(reversed_text) - found.start() if found else 0


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
    if unit == "个工作日":
        unit = "工作日"
    return low, high, unit, False


def _is_future(text: str, sentence: tuple[int, int], clause: tuple[int, int], label: str) -> bool:
    """Whether a quantity states a requirement: its sentence's plan/review label, then its clause's cues."""
    clause_text = text[clause[0]:clause[1]]
    sentence_text = text[sentence[0]:sentence[1]]
    if _ESTIMATE.search(clause_text) or _PAST_CLAUSE_STRONG.search(clause_text):
        return False
    if label == REVIEW:
        return False
    if _PAST_CLAUSE.search(clause_text) and not (label == PLAN and _PLAN_LEVEL.search(clause_text)):
        return False
    if label == PLAN or _FUTURE.search(clause_text):
        return True
    if _PAST_SENTENCE.search(sentence_text) or "已" in sentence_text:
        return False
    return True


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
    characters before an ending to the ending's end, so running it on the
    windows (merged where they touch) finds the same matches.
    """
    windows: list[list[int]] = []
    for ending in _DEADLINE_END.finditer(text):
        low = max(0, ending.start() - _DEADLINE_REACH)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = ending.end()
        else:
            windows.append([low, ending.end()])
    return [match for low, high in windows for match in _DEADLINE.finditer(text, low, high)]


def _find_mentions(text: str, sentences: "list[Sentence]") -> list[_Mention]:
    sentence_starts = [s.start for s in sentences]
    reversed_text = text[::-1]
    labels: list[str] | None = None  # found when first needed: many speeches never need them

    def sentence_of(pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(sentence_starts, pos) - 1)
        return (sentences[i].start, sentences[i].end) if sentences else (0, len(text))

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
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        if start > 0 and (text[start - 1] in _NAME_BEFORE or text[start - 1] == "第"):
            continue  # PM2.5, C919, 第3次
        if end < len(text) and text[end] in _NAME_AFTER:
            continue  # 5G
        n1 = match.group("n1") or ""  # empty unless a plain number (not 百分之, 分之, 翻番, 一半)
        chinese = bool(n1 and _CN_RE.fullmatch(n1))
        post = _POST_BOUND.match(text, end)
        bare = n1 and not match.group("unit") and not match.group("pct1")
        if bare and not post and (chinese or not _SCALE_WORD.search(n1)):
            continue  # the bare-number rule below, applied early (_value_of cannot raise on a plain number)
        parsed = _value_of(match)
        if parsed is None:
            continue
        value, value_max, unit, redacted = parsed
        clause_end = _clause_end(text, end)
        after = text[end:clause_end]
        if not match.group("unit") and _DATE_AFTER.match(after):
            continue  # dates, anniversaries, congress numbers
        if _in_quotes(text, start, end) or _RHETORIC.match(after) or _CONDITION.match(after):
            continue
        clause_start = _clause_start(reversed_text, start)
        before = text[clause_start:start]
        if _TO_LEVEL.search(after, 0, 14) and _OLD_LEVEL.search(before):
            continue
        if (unit == "个百分点" and not _PERCENT_POINT_TARGET.search(before)) or _COMPARISON.search(before):
            continue
        if _RANK_BEFORE.search(before):
            continue  # a rank: 前1%, 前20、30、50名
        if unit in _SIZE_UNITS and not post and (
            _SIZE_CLASS.match(text, end) or _CAPACITY_BEFORE.search(before)
            or (unit in _PHYSICAL_UNITS and _CAPACITY_NAME.match(text, end))
        ):
            continue  # a size that describes a thing
        if _PROJECT_SIZE.search(before) and after.startswith("的"):
            continue  # 投资10.7亿元的XX项目
        if unit in _COUNT_UNITS and _NOT_A_COUNT.match(text, start):
            continue  # 一批 (a batch), 56个民族, 等14项行政事业性收费 (the fees a measure covers)
        if unit in _SIZE_UNITS and post and _SIZE_CLASS.match(text, post.end()):
            continue  # 10亿元以上制造业项目
        if unit in _TIME_UNITS and not post and (_WITHIN.match(after) or _SET_PHRASE_AFTER.match(after)):
            continue  # 15个工作日内, 24小时值班
        if unit in _COUNT_UNITS and _REFERENTIAL_BEFORE.search(before):
            continue  # a count of what is there: 全镇现有烟花爆竹零售点16个
        if _GROUP_CONDITION.match(after if not post else text[post.end():clause_end]):
            continue  # 凡有3名以上正式党员的, 党员不足3名的
        # comparator from the words around the quantity
        comparator, span_start = "", start
        pre = None
        for bound in _PRE_BOUND_RE.finditer(before):
            if len(before) - bound.end() <= 16 and not _DIGIT_OR_PERCENT.search(before, bound.end()):
                pre = bound
        level = _LEVEL_VERBS.search(before)
        if match.group("n2") or match.group("p2"):
            comparator = "range"
        elif post:
            comparator = _POST_COMPARATOR[post.group()]
        elif pre is not None:
            comparator = _PRE_COMPARATOR[pre.group()]
        elif match.group("more") or _MORE.search(n1):
            comparator = "gt"
        if pre is not None:
            span_start = clause_start + pre.start()
        elif level is not None:
            span_start = clause_start + level.start()
        period_match = None
        for found in _PERIOD_RE.finditer(before):
            period_match = found
        period = _PERIOD_NAME[period_match.group()] if period_match else ""
        if period_match is not None and span_start - (clause_start + period_match.end()) <= 4:
            span_start = clause_start + period_match.start()
        # does it carry a signal that it is a requirement?
        signal = bool(comparator or level is not None or period)
        if not signal and (chinese or unit in _COUNT_UNITS or not unit):
            # 三个方面, 103项重点工作, 千家万户; but in a plan sentence a count is a target
            if chinese or not unit or label_of(start) != PLAN:
                continue
        if not unit and not (post or (level is not None and not chinese and _SCALE_WORD.search(n1))):
            continue  # a bare number needs a bound (1000万以上) or a scale word (提高6000万…)
        if period_match is None and chinese and not (comparator or level is not None) and unit != "%":
            continue
        if not _is_future(text, sentence_of(start), (clause_start, clause_end), label_of(start)):
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
    for match in _deadlines(text):
        clause_start, clause_end = _clause_start(reversed_text, match.start()), _clause_end(text, match.end())
        if _PAST_CLAUSE.search(text[clause_start:clause_end]) or label_of(match.start()) == REVIEW:
            continue
        deadline = _DEADLINE_YEAR.sub("", _DEADLINE_SUFFIX.sub("", match.group()))
        period = "每月" if deadline.startswith("每月") else ""  # a recurring deadline: 每月25日前
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
