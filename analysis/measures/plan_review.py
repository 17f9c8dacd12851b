"""Plan or review: is a sentence about what is to be done, or about what was done?

A government work report and most officials' speeches have a review part
(``一、2023年工作回顾``, ``过去的一年…``) full of statistics, and a plan part
(``二、2024年工作安排``, ``今年经济社会发展的主要预期目标是…``) full of targets.
Headings alone do not settle it: a plan part may have no numbered heading
(one city report lost 105 of its 106 targets that way), review headings come
unnumbered (``2023年工作回顾``, ``奋力完成2023年高质量发展的各项任务``), and
speeches without headings mix both.  :func:`sentences_plan_or_review` labels
every sentence ``'plan'``, ``'review'`` or ``''`` (undecided) in two steps:

1. **Part.**  A review opener (a heading or short line with ``回顾``,
   ``过去一年``, ``奋力完成2023年…任务``) starts a review part; a plan opener
   starts a plan part: a heading or line such as ``2024年工作安排``,
   ``2024年目标任务``, or a sentence such as ``今年经济社会发展的主要预期目标是``,
   ``2024年重点抓好以下工作``, ``今年的工作安排``, ``今年政府工作的总体要求是``,
   ``关于下半年工作``.  Before any opener the part is unknown.
2. **Sentence.**  The sentence's own cues decide inside either part.
   Estimates (``预计``, ``初步预计``, ``有望``) are review: an estimate of the
   year under review is no target.  Past or statistical cues (``同比``,
   ``比上年增长``, ``同期``, ``前三季度``, ``1—7月``, ``今年以来``, ``去年``,
   ``已``, ``累计``, a verb with ``了``, the year under review with
   ``完成``/``实现``/``达到``) make a sentence review unless it also carries a
   future cue.  Future, normative or plan cues (``力争``, ``确保``, ``要``,
   ``将``, ``计划``, ``目标``, ``争取``, ``必须``, ``不得``, ``拟``) make it plan
   unless it also carries a past cue.  A sentence with neither takes the
   label of the sentence before it in the same paragraph, else its part's.
   A paragraph opening with ``去年``, ``过去一年``, ``一年来``, ``今年以来``,
   ``上半年`` reads as review until its cues say otherwise.  A list of
   problems (``但也要看到，困难和问题不少。一是…二是…``, ``问题主要集中在…``)
   reads as review item by item: the nouns its items hold (``全年目标``,
   ``年度计划``) are no future cue.

A review opened by a sentence rather than a heading (``过去一年，…``) ends at
a paragraph that turns to the time ahead (``今年，县委确定的目标是：``) or to
the requirements (``我强调四个方面的要求``, ``第一，要把…``).  Bounds and
prohibitions (``至少``, ``不少于``, ``原则上``, ``严禁``), ``已经决定``, a task
named before a colon (``今年的任务…：``) and this year's allocation
(``镇财政今年安排…``) look ahead.

The rules and their motivating examples are listed in
``benchmarks/quota_eval/GUIDELINE.md`` (§6).  ``analysis.measures.quotas``
keeps quota mentions in plan sentences and drops those in review sentences;
``targets`` reuses the labels.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.measures.quota_vocabulary import _ALREADY, _CUMULATIVE, _TASK_COLON
from analysis.text.first_chars import compile_fast
from analysis.text.outline import find_headings, outline_sentences

if TYPE_CHECKING:
    from analysis.text.outline import Sentence

__all__ = ["PLAN", "REVIEW", "sentences_plan_or_review", "text_parts"]

PLAN = "plan"
REVIEW = "review"

# Openers are looked for in a heading, in a short line standing alone, or at
# the start of a sentence.
_YEAR = r"(?:19|20)\d{2}年"
_REVIEW_OPENER = re.compile(
    rf"(?:工作回顾|回顾$|过去(?:的)?一年(?:工作)?$|过去五年(?:工作)?$|^(?:奋力|全力)?完成{_YEAR}[^。]{{0,20}}(?:任务|目标)$"
    rf"|^{_YEAR}(?:主要)?工作(?:情况|总结)$|主要成绩|^一年来的工作$)"
)
_PLAN_OPENER = re.compile(
    rf"(?:{_YEAR}(?:工作安排|目标任务|主要任务|重点工作|工作任务|政府工作任务|的工作|主要目标)|"
    r"(?:今年|明年|下半年|下一步)(?:的)?(?:工作安排|主要任务|重点工作|工作打算)|"
    r"主要预期目标(?:建议)?(?:是|为|[：:])|主要目标(?:是|为)|目标任务(?:是|为)|"
    r"重点抓好以下|着力抓好以下|重点做好以下|扎实做好[^。]{0,6}(?:方面|项)工作|"
    r"(?:今年|全年|明年)?[^。]{0,12}(?:工作的)?总体要求是|实现(?:上述|今年|全年)(?:的)?(?:预期)?目标|"
    r"关于下半年|关于今年|关于明年|今年的工作|(?:今年|明年|全年)[^。]{0,4}(?:重点|着力)?抓好[^。]{0,4}(?:[一二三四五六七八九十]|几)个?方面(?:的)?工作|安排部署下半年|下面[，,]?我(?:就|讲|再讲)[^。]{0,12}(?:今年|下半年|下一步)|"
    r"(?:今年|明年|全年|[\d]{4}年)[^。]{0,6}(?:将|要)?[^。]{0,4}(?:办好|实施|推进|抓好)[^。]{0,6}(?:件|项)(?:民生实事|惠民工程|为民办实事)|"
    r"(?:今年|明年|[\d]{4}年)(?:县|市|区|镇|乡)?(?:政府|委)?[^。，,]{0,4}(?:民生实事|惠民实事|惠民工程)项目)"
)
# Openers of a list of measures (重点是：, 具体措施如下：) open a plan part only where no review part is open.
_PLAN_OPENER_OUTSIDE_REVIEW = re.compile(
    r"(?:工作|主要|整治|活动|行动)?重点(?:是|有)[：:]|具体(?:任务|措施|安排|要求)?(?:是|为|如下)[：:]|主要(?:任务|措施|内容)(?:是|有|为)[：:]"
)
# A run-in review heading or opener at the start of a sentence (one-line texts: 2024_泸州).
_REVIEW_LEAD = re.compile(
    rf"^(?:[一二三四五六七八九十]、)?(?:{_YEAR}工作回顾|过去(?:的)?一年[，,]|过去五年[，,])"
    r"|^(?:一年来|过去一年|过去的一年)[，,]?(?:我们)?主要做了以下(?:几个方面的)?工作"
)
# In a heading or a line standing alone, these name the plan part (二、今年经济社会发展目标任务和工作重点, 二、2024年主要工作).
_PLAN_HEADING = re.compile(
    r"目标任务|工作重点|重点工作|重点任务|主要工作|工作安排|主要任务|工作任务|工作打算|主要目标|年度目标|重点抓好[^。]{0,6}(?:方面|项|件)"
)
_HEADING_YEAR = re.compile(r"((?:19|20)\d{2})年")
# Anywhere in a sentence: the targets paragraph (我们设定今年全市经济社会发展的主要预期目标是：…).
_PLAN_ANYWHERE = re.compile(r"主要预期目标(?:建议)?(?:是|为)?[：:]|(?:今年|全年|{0})[^。]{{0,16}}主要目标(?:是|为)[：:]".format(_YEAR))
# A lead naming a year: the first (2023年是…开局之年) opens the review, a later year (2024年是…关键一年) the plan.
_YEAR_LEAD = re.compile(r"^((?:19|20)\d{2})年(?:是|，|,)")
# A short line standing alone (an unnumbered heading) ends without punctuation.
_STANDALONE_MAX = 30
_END_MARKS = "。！？；!?;：:，,"

# An estimate, unless it forecasts the plan year (预计今年财政收入…: a budget figure).
# (预测 as a noun, a report's content, is no estimate: 报送上月收入完成情况和下月预测.)
_ESTIMATE = re.compile(r"(?:预计(?!完成数|执行数|数)|估计|有望|预测(?![，。；、]|情况|报告|分析|数据|结果|工作|预警))(?![^，。；]{0,2}(?:今年|明年))")
# A numbered heading naming achievements or the past opens a review part (一、…取得伟大成就的五年).
_REVIEW_HEADING = re.compile(
    r"回顾|成就|过去|现状|成效|成绩|主要做法|履行[^，。]{0,10}情况|履职情况|工作情况|开展情况|基本情况|(?:去年|上年|上一年)(?:的)?工作"
    r"|(?:推进|进展|完成|落实|执行|运行)情况"
)
_PAST_ALTERNATIVES = (
    r"同比|比上年|比去年|(?<!合)同期(?!的?[\d一二三四五六七八九十百])|前三季度|上半年|一季度|[一二三四五六七八九十\d]{1,2}[—–\-~～至到][一二三四五六七八九十\d]{1,2}月|"
    r"今年以来|以来，|截至|截止|环比|较上年|较去年|较年初|完成(?:年度|全年)[^，。；]{0,6}的(?!\d[\d.]*%?(?:以上|左右))|(?<![由比较于在按])去年(?![^，。；]{0,10}的基础上)|过去|一年来|五年来|近年来|已经(?!(?:研究)?决定)|" + _ALREADY + r"|" + _CUMULATIVE + r"|刚刚|共发生|"
    r"(?<![为除])[了](?![解])|(?<!要)共(?:完成|开展|查处|办理|组织|实施|发放|处理|审计)|取得(?=[^，。；]{0,4}(?:成效|成绩|进展|突破|成果|胜利|佳绩|实效|重大|显著|明显|积极|新|了|良好|较好|长足))|荣获|获评|获批|被评为|列入全国|位居|(?<!对)排名第|居全省"
)
# Led by a lookahead of its first characters (compile_fast): four times quicker, the same matches.
_PAST = compile_fast(_PAST_ALTERNATIVES)
# Progress reports, whatever else the sentence says: 截至9月底…, 完成年度目标任务的78%.
# (not a share to reach: 上半年完成年度投资计划的55%以上)
_PROGRESS = re.compile(r"截至|截止[到目]|(?<![要保争前])(?<!前累计)完成(?:年度|全年)[^，。；]{0,6}的\d[\d.]*(?![\d.])%?(?!%|以上|左右)")
# In a plan part a target is often stated against last year: 比上年…, 同比增长8%左右 (三亚).
_WEAK_PAST = frozenset({"比上年", "比去年", "同比", "一季度", "上半年"})  # 开工率一季度达到30%、二季度达到60%
# Parts of the year that a forward-looking sentence names as its target period.
_PERIOD_AHEAD = frozenset({"一季度", "上半年"})
_STRONG_FUTURE_WORDS = compile_fast(
    r"力争|确保|(?<![主重需只紧想])要(?!求|(?:清醒)?看到|清醒认识|正视)|将(?![军领近])|计划|目标|争取|必须|务必|不得|拟|下一步|至少|不少于|不低于|原则上|不准|严禁|禁止|(?:已经|已)?(?:研究)?决定[，,把将对从在]|(?:任务|目标)(?:是|为)|(?<!截至)(?<!截止)(?<!年)到20\d{2}年(?!底前)"
    r"|下半年(?!以来)|明年|年内|今冬明春|从(?:下周|下个月|明天|今天|即日)(?:开始|起)"
)
# A deadline looks ahead (在4月30日前一次性兑付到户), and so does this year's allocation (今年，县财政安排…资金).
_LOOKS_AHEAD = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|中旬|上旬|下旬|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?(?:之前|以前|前)"
    r"|年底前|^[^，。；]{0,8}今年[，,]?[^，。；]{0,12}安排"
)


def _looks_ahead(sentence: str) -> bool:
    """Whether a sentence has a future cue: a word, or (only looked for where 前, 今年 or a colon is there) a deadline,
    an allocation, or a task or target handed down and listed after a colon (今年的任务，县里已经下达给我们了：新改户厕800户)."""
    if _STRONG_FUTURE_WORDS.search(sentence):
        return True
    if not ("前" in sentence or "今年" in sentence or "：" in sentence or ":" in sentence):
        return False
    return _LOOKS_AHEAD.search(sentence) is not None or _TASK_COLON.match(sentence) is not None


_PARAGRAPH_PAST = re.compile(r"^(?:去年|过去(?:的)?一年|过去五年|一年来|今年以来|上半年|前三季度|\d{4}年以来|[^，。]{0,6}以来，)")


def _review_year(text: str) -> str:
    """The year under review, ``'2023年'`` when a plan heading or opener names 2024 (empty if unknown)."""
    match = re.search(rf"({_YEAR[:-1]})年(?:工作安排|目标任务|主要任务|重点工作|工作任务)", text)
    if match:
        return f"{int(match.group(1)) - 1}年"
    match = re.search(rf"({_YEAR[:-1]})年工作回顾", text)
    return f"{match.group(1)}年" if match else ""


# A paragraph on this year or the next that ends a review opened by a sentence.
_PLAN_LEAD = re.compile(
    r"^(?:今年|明年|下一步|下半年|新的一年)(?!以来)[，,]?[^。]{0,24}(?:要|将|力争|确保|目标|任务)"
    # the speaker turns to the requirements (我强调四个方面的要求; 第一，要把政治监督摆在首位)
    r"|^[^。]{0,10}我(?:再)?(?:讲|强调|提)[^。]{0,8}(?:意见|要求)"
    r"|^(?:第[一二三四五六七八九十]+|[一二三四五六七八九十]+是)[，,、]?[^。，]{0,4}(?:要|必须)"
)
# A sentence reporting on the meeting (会上…通报了…，并对今年重点工作作了部署) opens no part.
_MEETING_REPORT = re.compile(r"作了部署|作出部署|进行了部署|通报了")
# Every plan opener holds one of these words: a sentence without any is passed over at once (speed).
_PLAN_WORDS = ("工作", "目标", "任务", "以下", "要求", "关于", "下面", "打算", "下半年", "重点", "实事", "惠民工程", "具体", "措施", "内容")
_REVIEW_WORDS = ("回顾", "过去", "一年", "成绩", "完成", "主要工作", "工作情况", "总结")


_PLAN_WORDS_RE = re.compile("|".join(_PLAN_WORDS))
_REVIEW_WORDS_RE = re.compile("|".join(_REVIEW_WORDS))


def _has(text: str, words: "re.Pattern[str]") -> bool:
    return words.search(text) is not None


def _line_of(text: str, sentence: "Sentence") -> str:
    """The whole line holding the sentence when it is short and stands alone."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    return line if len(line) <= _STANDALONE_MAX and line[-1:] not in _END_MARKS else ""


def text_parts(text: str, sentences: "list[Sentence]") -> list[str]:
    """The part (``'plan'``, ``'review'`` or ``''``) each sentence falls in, by the openers alone (step 1)."""
    parts: list[str] = []
    part = ""
    numbered_review = False  # a review opened by a numbered heading (一、2023年工作回顾) ends at the next one
    # Year leads (2023年是…, 2024年是…): when a later one names a later year, the first opens the review.
    year_leads = [int(m.group(1)) for sentence in sentences for m in [_YEAR_LEAD.match(sentence.text)] if m]
    first_year: int | None = year_leads[0] if year_leads and max(year_leads) > year_leads[0] else None
    headings = {h.start: h for h in find_headings(text) if h.level <= 2}
    # The latest year a top-level heading names is the plan year: a heading naming an
    # earlier year (一、2023年主要工作, when 二、2024年重点任务 follows) is the review.
    heading_years = [int(m.group(1)) for h in headings.values() if h.level == 1 for m in [_HEADING_YEAR.search(h.text)] if m]
    plan_year = max(heading_years) if heading_years else None
    lead_review = False  # the review was opened by a sentence, not by a heading
    for sentence in sentences:
        paragraph_start = sentence.start == 0 or text[sentence.start - 1] == "\n"
        # A line standing alone starts a line.
        line = _line_of(text, sentence) if paragraph_start else ""
        found = headings.get(sentence.start)
        heading = found.text if found else ""
        candidates = [c for c in (line, heading) if c]
        lead = sentence.text[:40]
        year_lead = _YEAR_LEAD.match(lead)
        opens_review = year_lead is not None and part == "" and int(year_lead.group(1)) == first_year
        earlier = found is not None and found.level == 1 and plan_year is not None and any(
            int(m.group(1)) < plan_year for m in [_HEADING_YEAR.search(heading)] if m
        )
        by_line = any(_has(c, _REVIEW_WORDS_RE) and _REVIEW_OPENER.search(c) for c in candidates)
        by_heading = earlier or (found is not None and found.level == 1 and _REVIEW_HEADING.search(heading))
        by_lead = (part != PLAN and _has(lead, _REVIEW_WORDS_RE) and _REVIEW_LEAD.search(lead)) or opens_review
        if by_line or by_heading or by_lead:
            # A review opened by a top-level heading, or by a sentence inside a top-level
            # part, ends at the next top-level heading; one opened by an unnumbered heading
            # line (2023年工作回顾) holds its own 一、二、 sub-parts.
            top = found is not None and found.level == 1
            if part == REVIEW:
                numbered_review = numbered_review or top
            else:
                numbered_review = top or (bool(by_lead) and not by_line)
                lead_review = bool(by_lead) and not by_line and not top
            part = REVIEW
        elif (
            part == REVIEW and lead_review and paragraph_start
            and _PLAN_LEAD.search(sentence.text) and not _MEETING_REPORT.search(sentence.text)
        ):
            part = PLAN  # a review opened by a sentence (过去一年，…) ends at a paragraph on this year (今年，县委确定的目标是：…)
        elif (
            any(_has(c, _PLAN_WORDS_RE) and (_PLAN_OPENER.search(c) or _PLAN_HEADING.search(c)) for c in candidates)
            or (_has(lead, _PLAN_WORDS_RE) and _PLAN_OPENER.search(lead))
            or (part != REVIEW and _has(sentence.text, _PLAN_WORDS_RE) and _PLAN_OPENER_OUTSIDE_REVIEW.search(sentence.text))
            or ("目标" in sentence.text and _PLAN_ANYWHERE.search(sentence.text))
            or (year_lead is not None and first_year is not None and int(year_lead.group(1)) > first_year)
        ) and not _MEETING_REPORT.search(sentence.text):
            part = PLAN
        elif found is not None and found.level == 1 and part == REVIEW and numbered_review:
            part = ""  # the next top-level part ends the review (its heading names no plan)
        parts.append(part)
    return parts


def _cue_label(sentence: str, review_year: str, part: str, future: bool) -> str:
    """``plan``, ``review`` or ``''`` from the sentence's own cues (``future``: :func:`_looks_ahead` of it).

    In a plan part the weak past cues (``比上年``, ``比去年``, ``同比``: a target
    is often stated against last year) do not make a sentence review; nor, in
    any part, ``一季度`` and ``上半年`` in a sentence that also looks ahead
    (``确保一季度开工率达到60%以上``, ``要把上半年目标分解到月``).
    """
    if _ESTIMATE.search(sentence) or _PROGRESS.search(sentence):
        return REVIEW
    if part == PLAN:
        past = any(m.group() not in _WEAK_PAST for m in _PAST.finditer(sentence))
    elif future:
        past = any(m.group() not in _PERIOD_AHEAD for m in _PAST.finditer(sentence))
    else:
        past = _PAST.search(sentence) is not None
    if not past and review_year and review_year in sentence and re.search(r"完成|实现|达到|增长", sentence):
        past = True  # 2023年完成…, in a report that plans 2024
    if past and not future:
        return REVIEW
    if future and not past:
        return PLAN
    return ""


def sentences_plan_or_review(text: str, sentences: "list[Sentence] | None" = None) -> list[str]:
    """Label each sentence of a cleaned text ``'plan'``, ``'review'`` or ``''`` (see the module docstring).

    Args:
        text: the cleaned text of one speech.
        sentences: its sentences (:func:`analysis.text.outline.outline_sentences`);
            computed here when not given.

    Returns:
        One label per sentence, in order: ``'plan'`` for a sentence that sets
        out what is to be done (targets count), ``'review'`` for one that
        reports what was done or estimates the year under review (numbers are
        statistics), ``''`` when neither its cues nor its context decide.
    """
    if sentences is None:
        sentences = outline_sentences(text)
    parts = text_parts(text, sentences)
    review_year = _review_year(text)
    labels: list[str] = []
    previous = ""
    paragraph_review = False
    problems = False  # inside a list of problems (但也要看到，困难和问题不少。一是…二是…)
    problems_carry = False  # the lead ended its paragraph: the list is the next one
    for sentence, part in zip(sentences, parts):
        if sentence.start == 0 or text[sentence.start - 1] == "\n":
            previous = ""
            paragraph_review = bool(_PARAGRAPH_PAST.search(sentence.text))
            # A list of problems runs on through paragraphs that are its items (一是…, 二是…).
            problems = problems_carry or (problems and _LIST_ITEM.match(sentence.text) is not None)
            problems_carry = False
        ahead = _looks_ahead(sentence.text)
        cue = _cue_label(sentence.text, review_year, part, ahead)
        if part != PLAN and _PROBLEMS_LEAD.search(sentence.text[:30]):
            problems = True
            # A lead ending its paragraph carries to the next one when that one lists the problems (一是…).
            problems_carry = text[sentence.end:sentence.end + 1] in ("\n", "") and _LIST_START.match(
                text, sentence.end + 1, sentence.end + 8) is not None
            label = REVIEW
        elif problems and part != PLAN and not _MODAL_FUTURE.search(sentence.text):
            label = REVIEW  # 一是投资增速比年初确定的全年目标低2.1个百分点: 目标 and 计划 are nouns here
        elif cue == REVIEW:
            label = REVIEW
        elif cue == PLAN:
            # In the review a "要" sentence is a lesson or a problem to face (但也要看到); the part decides.
            label = REVIEW if part == REVIEW and not _plan_in_review(sentence.text) else PLAN
            paragraph_review = paragraph_review and label == REVIEW
        elif paragraph_review and not ahead:
            label = REVIEW  # a paragraph that opened with 去年…, 一年来… (a sentence that also looks ahead is left to its clauses)
        else:
            # A sentence with both past and future cues (今年，全县安排…，其中一季度要开工…) is left to its
            # clauses: it does not take the label of the sentence before.
            label = part or ("" if ahead else previous)
        labels.append(label)
        previous = label
    return labels


# A lead that opens a list of problems; its items state the present, whatever nouns (目标, 计划) they hold.
_PROBLEMS_LEAD = re.compile(
    r"^(?:但|同时|当然)?[，,]?(?:我们)?(?:也|还)?(?:要|应当|应)(?:清醒|清楚)?(?:地)?(?:看到|认识到)"
    r"|^[^，。；]{0,8}(?:困难|问题|短板|不足|差距)(?:和|与)?(?:困难|问题|短板|不足|差距|挑战)?(?:还|仍然|依然)?(?:不少|较多|突出|不容忽视)"
    r"|^[^。；]{0,16}问题[^。；]{0,6}(?:主要)?(?:集中在|表现在|体现在)"
    r"|(?:问题|困难|不足|短板)[^。；，]{0,2}(?:也|还|仍)?(?:不能回避|不容忽视|不容乐观)"
)
_LIST_START = re.compile(r"\s*(?:一是|一方面|首先|其一|（一）|\(一\)|1[.、．]|一、)")
# The items of such a list run on in paragraphs of their own (二是…); a numbered heading (二、, （一）) starts a new part.
_LIST_ITEM = re.compile(r"[一二三四五六七八九十]是|另一方面|其[一二三四五六]|此外|再次")
# The modal words that still make an item of such a list a requirement (要加快…, 必须…).
_MODAL_FUTURE = compile_fast(r"力争|确保|(?<![主重需只紧想])要(?!求|(?:清醒)?看到)|将(?![军领])|争取|必须|务必|下一步")


_PLAN_IN_REVIEW = re.compile(r"^(?:今年|下一步|明年|[\d]{4}年(?:是|要|将))|今年[^，。]{0,20}(?:要|将|力争|确保)")


def _plan_in_review(sentence: str) -> bool:
    """A sentence inside a review part that plainly looks ahead (今年要…, 下一步…)."""
    return bool(_PLAN_IN_REVIEW.search(sentence))
