"""Reading a target's figure from the words after its indicator: value(s), unit, comparator, or a relative benchmark.

Used by :mod:`analysis.measures.targets`.  :func:`target_absolute` reads the
figures (``6.5%－7%``, ``百分之八至九``, ``1200万人以上``, ``控制在3%以内``) of
the kind an indicator takes (a % for growth and rates, a unit for levels);
:func:`target_relative` a target set against another level or GDP growth
(``高于全省0.5个百分点左右``, ``不低于全省平均水平``, ``与经济增长同步``,
``完成省下达目标任务``); :func:`target_zero` the figures written in words
(``正增长``, ``持平``).
"""

from __future__ import annotations

import math
import re

from analysis.measures.quotas import parse_number

__all__ = ["target_absolute", "target_relative", "target_zero", "PREDICATE"]

# Numbers: Arabic (folded by cleaning) or Chinese in 百分之 form.
_CN = "[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_AR = r"\d+(?:\.\d+)?"
_SEP = r"\s?(?:至|到|－|-|—|–|~|～)\s?"
_UNITS = "%|个百分点|万亿斤|亿斤|万亿元|亿元|万元|亿美元|万吨|吨|万人|人|万户|万千瓦"
_NUMBER = re.compile(
    rf"百分之(?P<ca>{_CN}|{_AR})(?:{_SEP}(?:百分之)?(?P<cb>{_CN}|{_AR}))?"
    rf"|(?P<a>{_AR})\s?(?P<ua>%)?(?:{_SEP}(?P<b>{_AR}))?\s?(?P<unit>{_UNITS})?"
)
_POST = re.compile(r"\s?(?:的)?(左右|上下|及以上|以上|以内|以下|范围内|之内|目标内)")
_PRE = [
    ("不低于", "ge"), ("不少于", "ge"), ("至少", "ge"), ("不得低于", "ge"),
    ("超过", "gt"), ("高于", "gt"), ("快于", "gt"), ("突破", "gt"),
    ("不超过", "le"), ("不高于", "le"), ("控制在", "le"), ("低于", "lt"), ("大约", "approx"), ("约", "approx"),
]
_PRE_RE = re.compile("|".join(sorted((w for w, _ in _PRE), key=len, reverse=True)))
_PRE_COMPARATOR = dict(_PRE)
_POST_COMPARATOR = {"左右": "approx", "上下": "approx", "及以上": "ge", "以上": "ge", "以内": "le", "以下": "le",
                    "范围内": "le", "之内": "le", "目标内": "le"}
_OLD_LEVEL = re.compile(r"(?:从|由)[^，,；;\d]{0,8}$")
_FULFILMENT = re.compile(r"完成[^，,；;增长]{0,4}$")  # 计划完成102.6%: how far a plan was fulfilled, not a target
_AFTER_DATE = re.compile(r"\s?(?:年|月|日|季度)")
# Relative targets
_REL_GDP_EQ = re.compile(r"(?:与|和|同)(?:地区生产总值|国内生产总值|经济|GDP)(?:的)?(?:增长|发展|增速)?(?:基本)?(?:保持)?(?:同步|相匹配|相适应)")
_REL_GDP_GT = re.compile(r"(?:高于|快于)(?:地区生产总值|国内生产总值|经济|GDP)(?:的)?(?:增长|增速|发展)(?:水平|速度)?")
_REL_LEVEL = re.compile(
    r"(?P<cmp>不低于|不高于|不超过|高于|快于|超过|低于|与|同|控制在)"
    r"(?P<level>国家和省|国家、省|国省|全国|国家|全省|省平|省|全区|自治区|全州)"
    r"(?P<rest>[^，,；;。]{0,12}?)(?:(?P<margin>\d+(?:\.\d+)?)个百分点(?P<post>左右|以上)?|(?=[，,；;。]|$))"
)
_REL_MORE = re.compile(
    r"比(?P<level>国家和省|国省|全国|国家|全省|省平|省|全区|自治区)(?:平均水平|平均)?(?P<dir>高|低)(?P<margin>\d+(?:\.\d+)?)个百分点(?P<post>左右|以上)?"
)
_HIGHER = re.compile(
    r"(?P<pre>控制在|完成|在|不超过|不高于|低于)?(?P<level>国家和省|国家|省|自治区|市政府|上级)(?:政府)?"
    r"(?P<how>下达|定|确定|调控|控|规定)(?:的)?(?:年度)?(?:目标|任务|范围|要求|线)?(?:任务)?(?P<post>以内|范围内|之内)?"
)
PREDICATE = re.compile(
    r"增长|增速|增幅|涨幅|下降|降低|减少|提高|上涨|保持|稳定|实现|控制|同步|持平|改善|提升|稳中|促稳|回稳|向好|合理|达到|完成|突破|高于|低于|在|为|按|\d|%"
)


def _number_value(match: re.Match[str]) -> tuple[float, float, str]:
    if match.group("ca") is not None:
        low = parse_number(match.group("ca"))
        high = parse_number(match.group("cb")) if match.group("cb") else math.nan
        return low, high, "%"
    low = float(match.group("a"))
    high = float(match.group("b")) if match.group("b") else math.nan
    unit = "%" if match.group("ua") else (match.group("unit") or "")
    return low, high, unit


def _comparator(region: str, number: re.Match[str], high: float) -> tuple[str, int]:
    """The comparator of a number in ``region`` and the end of its trailing bound."""
    end = number.end()
    post = _POST.match(region, end)
    if not math.isnan(high):
        return "range", post.end() if post else end
    if post:
        return _POST_COMPARATOR[post.group(1)], post.end()
    before = region[: number.start()]
    pre = None
    for found in _PRE_RE.finditer(before):
        if not re.search(r"\d|%", before[found.end():]):
            pre = found
    if pre is not None:
        return _PRE_COMPARATOR[pre.group()], end
    return "eq", end


def target_absolute(region: str, kind: str, indicator: str, *, many: bool) -> list[tuple[float, float, str, str, int, int]]:
    """``(value, value_max, unit, comparator, start, end)`` of the target figures in a predicate region."""
    found = []
    for number in _NUMBER.finditer(region):
        try:
            low, high, unit = _number_value(number)
        except (ValueError, KeyError):
            continue
        if number.start() > 0 and region[number.start() - 1] in "第":
            continue
        if not number.group("ca") and not unit and _AFTER_DATE.match(region, number.end()):
            continue
        if unit == "个百分点" or _OLD_LEVEL.search(region[: number.start()]) or _FULFILMENT.search(region[: number.start()]):
            continue
        if kind in ("growth", "rate"):
            index = indicator == "cpi" and not unit and low >= 90
            if unit != "%" and not index:
                continue
        elif unit in ("%", ""):
            continue
        comparator, end = _comparator(region, number, high)
        found.append((low, high, unit, comparator, number.start(), end))
        if not many:
            break
    if many and len(found) > 1:
        # 分别增长5%和7%左右: a bound after the last figure holds for all.
        last = found[-1][3]
        if last in ("approx", "ge", "le"):
            found = [(v, h, u, last if c == "eq" else c, s, e) for v, h, u, c, s, e in found]
    return found


def target_relative(region: str) -> tuple[float, str, str, str, int] | None:
    """``(value, unit, comparator, relative_to, end)`` of a relative target at the start of a region."""
    head = region[:30]
    match = _REL_GDP_EQ.search(head)
    if match and not re.search(r"\d", head[: match.start()]):
        return math.nan, "", "eq", "gdp_growth", match.end()
    match = _REL_GDP_GT.search(head)
    if match and not re.search(r"\d", head[: match.start()]):
        return math.nan, "", "gt", "gdp_growth", match.end()
    match = _REL_MORE.search(head)
    if match and not re.search(r"\d", head[: match.start()]):
        # 增速比全省高1个百分点左右
        level = match.group("level")
        comparator = {"左右": "approx", "以上": "ge"}.get(match.group("post") or "", "gt" if match.group("dir") == "高" else "lt")
        relative_to = "nation" if level in ("全国", "国家") else ("higher_level" if level in ("国省", "国家和省") else "province")
        return float(match.group("margin")), "个百分点", comparator, relative_to, match.end()
    match = _REL_LEVEL.search(head)
    if match and not re.search(r"\d", head[: match.start()]):
        level = match.group("level")
        national = level in ("全国", "国家")
        both = level in ("国家和省", "国家、省", "国省")
        cmp_word = match.group("cmp")
        comparator = {"不低于": "ge", "不高于": "le", "不超过": "le", "高于": "gt", "快于": "gt", "超过": "gt",
                      "低于": "lt", "与": "eq", "同": "eq", "控制在": "le"}[cmp_word]
        if match.group("margin"):
            post = match.group("post")
            if post == "左右":
                comparator = "approx"
            elif post == "以上":
                comparator = "ge"
            relative_to = "nation" if national else ("higher_level" if both else "province")
            return float(match.group("margin")), "个百分点", comparator, relative_to, match.end()
        if cmp_word in ("与", "同") and not re.search("同步|持平|一致", match.group("rest")):
            return None
        return math.nan, "", comparator, "nation" if national else "higher_level", match.end()
    match = _HIGHER.search(head)
    if match and not re.search(r"\d", head[: match.start()]):
        pre = match.group("pre") or ""
        if pre == "低于":
            comparator = "lt"
        elif pre in ("控制在", "不超过", "不高于") or match.group("post") or match.group("how") in ("控", "调控"):
            comparator = "le"
        else:
            comparator = "eq"
        return math.nan, "", comparator, "nation" if match.group("level") == "国家" else "higher_level", match.end()
    return None


def target_zero(region: str) -> tuple[float, str, int] | None:
    head = region[:16]
    match = re.search(r"正增长", head)
    if match:
        return 0.0, "gt", match.end()
    match = re.search(r"基本持平", head)
    if match:
        return 0.0, "approx", match.end()
    match = re.search(r"持平", head)
    if match:
        return 0.0, "eq", match.end()
    return None
