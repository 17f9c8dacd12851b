"""Quota forms without a plain number and unit, found apart from the main quantity pattern.

The labelling guideline (``benchmarks/quota_eval/GUIDELINE.md`` §6,
``local/GUIDELINE_LOCAL.md``, ``local/speeches/GUIDELINE_SPEECHES.md``)
counts a few forms that :mod:`analysis.measures.quotas` cannot read as
"number + unit":

- a magnitude class set as a level to reach or keep: ``营业收入达到千亿级``
  → 1e11, unit ``''``, ``ge`` (not ``打造千亿级…产业``, which describes a thing);
- ``两位数以上增长`` → 10 ``%``, ``ge``;
- a frequency written ``一月一调度``, ``一季一排名``, ``一周一督查``,
  ``半月一通报``, ``年终一考核``, ``三天一通报`` → 1, unit ``''``, ``eq``, period ``每月``, ``每季度``, ``每周``,
  ``每半月``, ``每年``, ``每三天``;
- a ratio to reach: ``…之比达到2.2∶1`` → 2.2, unit ``ratio`` (``控制在2∶1以内``: ``le``);
- a rate per 100,000 set as a bound: ``控制在10/10万以下`` → 10, unit ``/10万``, ``le``;
- a duration in years set as a bound: ``交流时间不少于3年`` → 3, unit ``年``, ``ge``.

:func:`quota_forms_find` returns their spans and fields; the caller decides,
as for every mention, whether the sentence is a plan or a review.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from analysis.text.first_chars import compile_fast

__all__ = ["QuotaForm", "quota_forms_find"]


class QuotaForm(NamedTuple):
    """One mention in a special form: span, value, unit, comparator, period."""

    start: int
    end: int
    value: float
    unit: str
    comparator: str
    period: str


_CLASS_VALUE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8}
_MAGNITUDE = re.compile(r"(?:达到|保持|继续保持|稳定在|迈上|跨上|突破)(万亿|千亿|百亿|十亿|亿)级(?![\u4e00-\u9fff]{0,6}(?:产业|企业|集群|园区|项目|基地))")
_TWO_DIGITS = re.compile(r"(?:保持|实现)?两位数(?:以上)?(?:的)?增长")
_FREQUENCY = compile_fast(
    r"(?<![一二三四五六七八九十\d])(半月|一月|一季度?|一周|一年|半年|全年|年终|一日|一天|[两三四五七十](?:天|日|年))一(?![度个样变天日贯])(?=[\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}"
    # 每天一汇总, 每月一调度 (not 每月一题, 每天一节体育课: names of programmes)
    r"|(每天|每日|每月)一(?:调度|通报|汇总|巡查|研判|督查|报告|排名|考核|分析|检查|会商|督导|讲评|观摩|对账)"
)
# A frequency written with 一次 after a verb: 每个项目一周报一次进度, 一月开展一次.
_FREQUENCY_ONCE = re.compile(r"(?<![一二三四五六七八九十\d每])(一周|一个月|一月|一季度|半年|一年)[\u4e00-\u9fff]{1,3}?一次")
# The period each frequency names; a count of days or years (三日, 十年) is 每 + itself.
_FREQUENCY_PERIOD = {"年终": "每年", "每天": "每天", "每日": "每日", "每周": "每周", "每月": "每月",
                     "一月": "每月", "一季": "每季度", "一季度": "每季度", "一周": "每周", "一年": "每年", "全年": "每年",
                     "半月": "每半月", "半年": "半年", "一日": "每日", "一天": "每天", "一个月": "每月"}


def _frequency_period(key: str) -> str:
    return _FREQUENCY_PERIOD.get(key) or "每" + key


_RATIO = re.compile(
    r"(达到|保持在|提高到|提升到|控制在|为|不低于|不高于|不超过|不少于|高于|低于)(\d+(?:\.\d+)?)[∶:](\d+(?:\.\d+)?)(?![\d.:∶])(以内|以下|以上)?"
)
_RATIO_BOUND = {"不低于": "ge", "不少于": "ge", "高于": "gt", "不高于": "le", "不超过": "le", "低于": "lt"}
_AFTER_BOUND = {"以内": "le", "以下": "le", "以上": "ge", None: "eq"}
# A rate per 100,000 set as a bound: 孕产妇死亡率控制在10/10万以下.
_RATE_PER = re.compile(r"(?:控制在|保持在|降至|降到|低于|不高于|不超过)(\d+(?:\.\d+)?)/((?:10|十)?万|千|百万)(以内|以下)?")
_RATE_BEFORE = {"低于": "lt", "不高于": "le", "不超过": "le"}
# A duration in years set as a bound: 交流时间不少于3年 (a year number or 3年级 is none).
_YEARS_BOUND = re.compile(
    r"(不少于|不得少于|不低于|至少|不超过|不得超过|最长不超过)(\d{1,2}|[一二三两四五六七八九十]{1,2})年(?![级度底末前内以来后初中])"
)
_YEARS_COMPARATOR = {"不少于": "ge", "不得少于": "ge", "不低于": "ge", "至少": "ge", "不超过": "le", "不得超过": "le", "最长不超过": "le"}
_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _small_number(text: str) -> float:
    if text.isdigit():
        return float(text)
    if len(text) == 2 and text[0] == "十":
        return 10.0 + _CN_SMALL[text[1]]
    if len(text) == 2 and text[1] == "十":
        return 10.0 * _CN_SMALL[text[0]]
    return float(_CN_SMALL[text])


def quota_forms_find(text: str) -> list[QuotaForm]:
    """Every mention of the special forms in a cleaned text, in text order."""
    found: list[QuotaForm] = []
    if "级" in text:
        for m in _MAGNITUDE.finditer(text):
            found.append(QuotaForm(m.start(), m.end(), _CLASS_VALUE[m.group(1)], "", "ge", ""))
    if "两位数" in text:
        for m in _TWO_DIGITS.finditer(text):
            found.append(QuotaForm(m.start(), m.end(), 10.0, "%", "ge", ""))
    for m in _FREQUENCY.finditer(text):
        found.append(QuotaForm(m.start(), m.end(), 1.0, "", "eq", _frequency_period(m.group(1) or m.group(2))))
    if "一次" in text:
        for m in _FREQUENCY_ONCE.finditer(text):
            found.append(QuotaForm(m.start(), m.end(), 1.0, "次", "eq", _frequency_period(m.group(1))))
    if "比" in text:
        for m in _RATIO.finditer(text):
            if "比" in text[max(0, m.start() - 30):m.start()] and float(m.group(3)) > 0 and not text.startswith("时", m.end()):
                # 床护比不低于1∶0.6: the ratio is the first over the second (1.667), at least
                comparator = _AFTER_BOUND[m.group(4)] if m.group(4) else _RATIO_BOUND.get(m.group(1), "eq")
                found.append(QuotaForm(m.start(), m.end(), float(m.group(2)) / float(m.group(3)), "ratio", comparator, ""))
    if "/" in text:
        for m in _RATE_PER.finditer(text):
            lead = m.group()[:3] if m.group().startswith("不") else m.group()[:2]
            comparator = "le" if m.group(3) else _RATE_BEFORE.get(lead, "eq")
            base = m.group(2).replace("十", "10")
            found.append(QuotaForm(m.start(), m.end(), float(m.group(1)), f"/{base}", comparator, ""))
    if "年" in text:
        for m in _YEARS_BOUND.finditer(text):
            found.append(QuotaForm(m.start(), m.end(), _small_number(m.group(2)), "年", _YEARS_COMPARATOR[m.group(1)], ""))
    return sorted(found)
