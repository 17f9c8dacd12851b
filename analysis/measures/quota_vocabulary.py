"""The vocabulary of quota mentions: numerals, units, bounds, periods, cues.

:func:`parse_number` converts one Chinese or Arabic numeral; the rest are the
compiled patterns and word lists that :mod:`analysis.measures.quotas` applies.
Each list says in a comment which rule of ``benchmarks/quota_eval/GUIDELINE.md``
and which real example it serves, so that a rule can be checked against its
motivating text.
"""

from __future__ import annotations

import re
import string

from analysis.text.first_chars import compile_fast

__all__ = ["parse_number"]

# -- numerals ---------------------------------------------------------------
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_DIGIT = "零〇一二两三四五六七八九"
_CN = f"[{_CN_DIGIT}十][{_CN_DIGIT}十百千万亿]*(?:点[{_CN_DIGIT}]+)?"
# Thousands separators: ASCII, or the Chinese comma of old reports (2，729个), three digits then no digit.
_ARABIC = r"\d+(?:[,，]\d{3}(?!\d))*(?:\.\d+)?"
_PLACEHOLDER = r"(?:XX+|xx+|××+)"
_PLACEHOLDER_RE = re.compile(_PLACEHOLDER)
_CN_RE = re.compile(_CN)
_ARABIC_SCALED = re.compile(r"(\d+(?:[,，]\d{3})*(?:\.\d+)?)([十百千万亿]*)")


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
        value = float(match.group(1).replace(",", "").replace("，", ""))
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
_COMPOUND_UNITS = ["微克/立方米", "毫克/立方米", "毫克/升", "元/立方米", "元/平方米", "元/吨", "元/人", "吨/日", "吨/天", "立方米/秒"]
_MEASURE_WORDS = [
    "个", "项", "件", "条", "家", "所", "座", "张", "套", "次", "名", "场", "场次", "项次", "户", "处", "片", "部", "台",
    "支", "宗", "头", "只", "株", "枚", "剂", "节", "批", "批次", "个批次", "辆", "艘", "栋", "间", "台套", "块", "把", "份",
    "盏", "顶", "根", "袋", "箱", "桶", "双", "册", "架", "面", "具", "副", "期", "轮", "口", "眼", "起", "趟", "篇", "种", "列", "例",
]
_UNITS = _COMPOUND_UNITS + _MEASURE_WORDS + [
    "亩次", "个工作日", "工作日", "个月", "分钟", "学时", "遍", "人次", "千瓦时", "千瓦", "兆瓦", "公里", "平方公里", "平方米", "立方米", "公顷", "小时", "米", "厘米", "千伏安", "字",
    "美元", "元", "块钱", "天", "人", "斤", "公斤", "千克", "克", "公分", "周岁", "岁", "℃", "车次", "分", "吨", "亩", "倍", "羊单位", "个百分点", "个基点", "‰", "标箱",
]
# 列 and 例 are units only where no verb or phrase goes on (工资总额的XX%列入预算, 1例如…).
_UNIT_GUARD = {"列": "列(?![入为出])", "例": "例(?!如)"}
_UNIT_RE = "|".join(_UNIT_GUARD.get(u, u) for u in sorted(set(_UNITS), key=len, reverse=True))
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
    r"(?:项目(?!用地)|企业|(?<![农乡通])村(?![民庄])|工程|产业链|集群|基地|园区|产业园|平台|航道|泊位|码头|变电站|电站|生产线|机组))"
)
# A physical capacity followed by a product in a list of projects (10万吨聚乳酸改性材料、…等项目).
# Counts that are no target: 一批 (a batch), 56个民族 (a set phrase), and the
# number of fees or taxes a measure covers (缓缴…等14项行政事业性收费, GUIDELINE §1).
_NOT_A_COUNT = re.compile(r"一批|一部分|[一二三四五六七八九十]期|(?:\d+|[一二三四五六七八九十]+)件(?:民生)?实事|56个民族|\d+个方面|\d+项[^，。；]{0,8}(?:收费|税费|费用)|\d+部(?:[^，。；]{0,4})(?:行政法规|法律|规章|条例|文件)")
_CAPACITY_NAME = re.compile(r"[\u4e00-\u9fff]{2,10}(?:、|等)")
_PHYSICAL_UNITS = frozenset({"吨", "千瓦", "兆瓦", "千瓦时", "平方米", "立方米", "套"})
_CAPACITY_BEFORE = re.compile(r"(?:年产|年处理|年加工|年吞吐)(?:能力)?$")
# 投资10.7亿元的…项目: the size of a named project.
_PROJECT_SIZE = re.compile(r"投资$")
# A rank (前1%, 前20、30、50名, 全国前10), not 提前2小时 or 之前.
_RANK_BEFORE = re.compile(r"(?<![提之以此])前(?:\d+、)*$")
_DATE_AFTER = re.compile(r"(?:[年月日号时]|周年|届|季度|世纪|版|大(?![于])|次会议|中全会)")
# Another number between a bound and the quantity takes the bound (产值超百亿企业1户: 超 is 百亿's)...
_DIGIT_OR_PERCENT = re.compile(r"[\d%]|[十百千万]亿|百万|千万")
# ...unless the numbers form a list the bound governs (至少联系2个村、10户科技示范户).
_BOUND_LIST = re.compile(r"(?:[^\d，。；]*\d[\d.]*[^\d、和，。；]{0,8}[、和])+[^\d，。；]*")
_MORE = re.compile("[多余]")
_SCALE_WORD = re.compile("[万亿]")

# No bound contains a clause mark, so it is matched in the text at the end of the number.
_POST_BOUND = re.compile(r"(?:及以上|以上|以内|以下|左右|上下|的限额)")
_PRE_BOUNDS: list[tuple[str, str]] = [
    ("不得少于", "ge"), ("不得低于", "ge"), ("不少于", "ge"), ("不低于", "ge"), ("至少", "ge"), ("最少", "ge"),
    ("配足", "ge"), ("不得超过", "le"), ("不超过", "le"), ("不高于", "le"), ("最多", "le"), ("最高", "le"),
    ("超过", "gt"), ("超", "gt"), ("多于", "gt"), ("高于", "gt"), ("突破", "gt"), ("低于", "lt"), ("少于", "lt"), ("不到", "lt"),
    ("不足", "lt"), ("大约", "approx"), ("(?<![签节制合公条规预契履特邀])约", "approx"), ("(?<![习最附接亲])近", "approx"),
]
_POST_COMPARATOR = {"及以上": "ge", "以上": "ge", "以内": "le", "以下": "le", "左右": "approx", "上下": "approx", "的限额": "le"}
_PRE_BOUND_RE = compile_fast("|".join(b for b, _ in _PRE_BOUNDS))
_PRE_COMPARATOR = {re.sub(r"^\(\?<!\[[^]]*\]\)", "", b): c for b, c in _PRE_BOUNDS}
# Level verbs that set a level rather than report one: in a sentence neither plan nor review they mark a
# requirement (控制在, 任务是), where 增长8.5% alone reads as a statistic.
_SETS_A_LEVEL = (
    "提高到|提高至|提升至|提升到|控制在|稳定在|保持在|压减到|降至|降到|降低到|减少到|任务是|目标是|任务为|目标为|定的是|定为|提前"
)
_LEVEL_VERBS = re.compile(
    rf"(?:{_SETS_A_LEVEL}|调高到|增加到|增至|降为|达到|"
    r"增长|下降|降低|提高|增加|压减|减少|安排|拿出|扩招|发行|新增|新建|完成|规模|拟按|召开|接受|用于|培训)"
    r"(?:每(?:亩|人|户|吨|头|只|家|个|平方米))?$"
)
_PERIODS = [("平均每年", "年均"), ("每季度", "每季度"), ("每半年", "半年"), ("(?<![上下前后])半年", "半年"), ("每半月", "每半月"), ("每年", "每年"), ("每旬", "每旬"),
            ("每个月", "每个月"), ("每月", "每月"), ("每周", "每周"), ("每天", "每天"), ("每日", "每天"), ("每次", "每次"),
            ("年均", "年均"), ("每届", "每届"), ("每学期", "每学期")]
_PERIOD_RE = re.compile("|".join(p for p, _ in _PERIODS))
_PERIOD_NAME = {re.sub(r"^\(\?<!\[[^]]*\]\)", "", p): name for p, name in _PERIODS}
# A period of N units (每2小时巡查1次) is written as in the text.
_PERIOD_N = re.compile(r"每(?:\d+|[一二三四五六七八九十两半])(?:个)?(?:小时|天|日|周|月|年|分钟)")

_FUTURE = compile_fast(r"要|必须|确保|力争|目标|预期|不得|计划|拟|争取|务必|应当|今后|将|确定|决定|安排|明年|下一步|下阶段")
# 已 of a thing built (已建设施, 已建会企业, 改造提升已建高标准农田, 20%的已销号问题) names the thing, not a past event;
# 已经决定 announces what is to be done.
_ALREADY = r"(?<!的)已(?!建(?!成|好|设(?!施))|(?:经)?(?:研究)?决定)"
_ALREADY_RE = re.compile(_ALREADY)
# 累计 reports a total so far, not a deadline's progress (9月底前累计完成), a level to keep (累计不少于), or a
# planned total over the years ahead (三年累计招引…150个以上; 近三年累计 is past).
_CUMULATIVE = r"(?<!前)(?:(?<=近[一二三四五六七八九十\d]年)|(?<![一二三四五六七八九十\d]年))累计(?!不少于|不低于|至少)"
_PAST_CLAUSE = compile_fast(r"(?<![为除])了(?!解)|" + _ALREADY + r"|" + _CUMULATIVE + r"|实现了|完成了|达到了|今年以来|(?<!要)比上年增长|(?<!要)比去年增长")
# Past cues that hold in a clause even inside a plan sentence (去年全县累计培训…2100人，今年要再培训…);
# not a baseline (在去年98.6分的基础上提升到99分以上) or a share of last year's level (达到上年同期的90%以上).
_PAST_CLAUSE_STRONG = compile_fast(r"(?<![由比较于在按])去年(?![^，。；]{0,10}的基础上)|过去|今年以来|以来|同比|(?<!合)同期(?!的?[\d一二三四五六七八九十百])|现有|共发生")
# In a plan sentence 同比 states a target against last year (地区生产总值同比增长8%左右, 三亚).
_PAST_CLAUSE_STRONG_IN_PLAN = compile_fast(r"(?<![由比较于在按])去年(?![^，。；]{0,10}的基础上)|过去|今年以来|以来|(?<!合)同期(?!的?[\d一二三四五六七八九十百])|现有|共发生")
# A count of items already there or already named: 尚未完成转化的4个村, 还有8处, 全镇现有…16个, 全镇12个重点林区.
_REFERENTIAL_BEFORE = re.compile(
    r"(?:尚未[^，。；]{0,8}的|剩余|其余|还有|还差|现有|全(?:镇|县|市|区|乡|盟|州)|上述|以上|这|该"
    r"|(?<!力争)(?<!确保)(?<!争取)(?<!至少)(?<!最少)(?<![要将])有)$"  # 广州有…180多万名在校中小学生 (but 力争有3个村, 至少有2名)
)
# A time limit written as "within N" (3个工作日内, 6个月内, 30分钟内) is out of scope (§4b), and 24小时值班 a set phrase.
_WITHIN = re.compile(r"^(?:内|之内)")
_TIME_UNITS = frozenset({"小时", "工作日", "天", "分钟", "个月", "日"})
_SET_PHRASE_AFTER = re.compile(r"^(?:值班|在线|服务|不打烊|营业|全天候|畅通|开机|待命|备勤|值守|不间断)")
# 比去年 compares a figure with last year's, in a plan as in a review: it is past only with 了 (比去年增加了120万元).
_PAST_SENTENCE = compile_fast(r"过去|(?<!比)去年(?![^，。；]{0,10}的基础上)|比去年(?=[^，。；]{0,8}了)|上半年|一年来|五年来|近年来|(?<=[\d一二三四五六七八九十])年间|今年以来|" + _CUMULATIVE + r"|刚刚过去")
# (预计完成数, 测算需求: the base of a budget line, a noun, no estimate)
_ESTIMATE = compile_fast(r"预计(?!完成数|执行数|数)|估计|预测|测算(?!需求|数)|(?:达产|建成|投产)后[^，。；]{0,4}(?:可|能|将)")
# In a plan sentence 累计 sets a level (育种群规模累计达到1.8万头).
_PLAN_LEVEL = re.compile(r"^(?!.*(?<![为除])了(?!解))(?!.*" + _ALREADY + r").*累计")
_OLD_LEVEL = re.compile(r"(?:由|从|按|现行|原来的|原定)[^，。；;,]{0,6}$")
_COMPARISON = re.compile(r"(?<!要)比(?:上年|去年|上一年)[^，。；;,]{0,10}(?:增加|增长|高|多|提高|减少|下降|低)$")
# 个百分点 is a quota only as a margin to keep (高于全省0.5个百分点左右).
_PERCENT_POINT_TARGET = re.compile(r"(?:高于|低于|快于|超过|提高|降低|下降|高出|低出|多出)[^，。；]{0,8}$")
# What follows the number ends the clause with 的: a condition on a group (凡有3名以上正式党员的).
_GROUP_CONDITION = re.compile(r"^[\u4e00-\u9fff]{0,8}的(?:$|要|必须|一律|均|都|有|占)")
# A threshold naming a group (50平方公里以上的河流, 5万元以上的案件, 20户以上自然村), not a target (6%以上的目标).
_THRESHOLD_AFTER = re.compile(r"的(?!目标|水平|增长|增速|速度|幅度|标准|比例|任务|要求|力度|规模)(?:[\u4e00-\u9fff]|\d+[个家所座处户])")
_THRESHOLD_NOUN_AFTER = re.compile(r"(?![的，。；、])[\u4e00-\u9fff]{0,4}(?:(?<!农)村|村寨|村组|学校|小区)")
# A count named as the set a service covers: 实现14个村“红色网格”全覆盖 (not 新增…20家、实现县域全覆盖).
_COVERAGE_AFTER = re.compile(r"(?![、，])[^，。；、]{0,12}全覆盖(?=[，。；、！]|$)")
# The modal words that make a number after them a requirement even after a past cue (已建设施…要保持在90%以上).
_FUTURE_MODAL = re.compile(r"要|必须|确保|力争|务必|(?<!即)将(?![近军领])")
# Counts that describe the places or items a measure is spread over, or the base of a rate:
# 在3个中心镇各新建1个 (各 follows), 每500人配备1名 (每 comes before).
_DISTRIBUTIVE_AFTER = re.compile(r"^[\u4e00-\u9fff“”]{0,8}(?:各|每个)")
_PER_UNIT_BASE = re.compile(r"每$")
# A money rate per item the speaker sets (每村奖励工作经费2万元, 每亩25元, 每户补助1500元): a requirement like a bound.
_PER_ITEM_RATE = re.compile(r"每(?:个|一)?(?:村|户|人|亩|吨|家|所|名|座|处|台|辆|头|条|平方米|立方米|公里|斤|公斤)[^，。；、]{0,10}$")
# A level that a counted group passes: 力争有3个村突破50万元 (the count is the quota, the level a threshold).
_THRESHOLD_OF_COUNT = re.compile(
    r"(?<![同每])(?:\d+|[一二三四五六七八九十两]{1,3})[个家所户名座项](?:(?![要将月])[\u4e00-\u9fff]){1,10}(?:突破|超过|达到)$"
)
# Time left until a date, not a time limit: 再过6天, 距年底只有不到两个月, 离年底还有80天.
_TIME_LEFT_BEFORE = re.compile(r"(?:再过|还剩|仅剩|只剩)$|(?:距|离)[^，。；]{0,8}(?:还有|只有|仅有|不到|不足|仅剩|还剩|只剩)[^，。；]{0,2}$")
# A current state: 还有6个乡镇签约率低于35%.
_STILL_BEFORE = re.compile(
    r"(?:还有|仍有|尚有)[^，。；要]{0,20}$|(?:只有|仅有)[^，。；\d要]{0,10}$|(?:仅为|只占|仅占|连续|还需|尚需|还差|缺口约?|剩余的?|为期|月均)$"
    r"|(?:^|[，,])全(?:县|镇|市|区|乡)(?:共)?有(?:近|约|将近)?$|(?:辖区内|辖区|境内)$|(?:排查|摸排|梳理|筛查)(?:出|发现)的$"
    r"|(?:现在|目前)(?:才|仅|只有|是|有)$|^目前(?:(?!要|必须|确保|力争)[^，。；]){0,16}$|^今天(?:(?!要|必须|确保|力争)[^，。；]){0,20}$|(?:设立|成立|组建)的$"
    # items already found, assigned or planned: 本轮反馈的316个问题, 涉及的236名, 规划建设的2所学校, 剩下的1228户
    r"|(?:反馈|交办|移交|查出|涉及|规划(?:建设)?)的$|剩下的?$|的占$"
)
# The set a rate or a problem is measured over: 6个国考断面水质优良比例…, 2条支流汛期总磷偶有超标, 实现14个村…全覆盖.
_SET_OF_MEASURE_AFTER = re.compile(r"[^，。；]{1,14}(?:比例|占比|率|偶有|存在|出现)|[^，。；]{1,10}中(?:至少|有)")
# A group named by a condition, as the topic of the clause: 对存栏50头以上的生猪养殖户，….
_TOPIC_CONDITION = re.compile(r"^对")
# The group itself, named by its condition or as a whole set: 对…低于40%的19个项目, 全镇划分的186个网格, 全镇…群众共1380人.
_GROUP_BEFORE = re.compile(r"^对[^，。；]*的$|^全(?:镇|县|市|区|乡)[^，。；]{0,8}的$|^全(?:镇|县|市|区|乡)[^，。；]*共$")
# The items of a task as its subject, the task's deadline being the mention: 2处黑臭水体要在11月底前完成
# (matched at the end of the number, with match(text, pos), so without ^).
_SUBJECT_COUNT_AFTER = re.compile(
    r"(?:[\u4e00-\u9fff“”]{1,10}|[^。；]{1,24}?，)(?:要|必须|务必|须|均|都)[^，。；]{0,6}(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
)
_RHETORIC = re.compile(r"^(?:的精力|的力量|的热情|的努力|的干劲)")
_CONDITION = re.compile(r"^(?:的(?:要|，|,)|时(?:[，,]|一律|要|必须|应当|停止|暂停)|的时候)")  # (气温低于零下5℃时一律停止浇筑: a condition)
_CLAUSE_SPLIT = re.compile(r"[，,；;。！？!?：:\n]")

_DEADLINE = re.compile(
    r"(?:(?:\d{4}|今|明|本)年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:底|末|中旬|上旬|下旬|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?(?:之前|以前|前)"
    r"|(?:\d{4}年|今年|明年|本年|年)底(?:之前|以前|前)"
    r"|每(?:个)?月(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号](?:之前|以前|前)"
    r"|(?:这个|本)月(?:底|末)(?:之前|以前|前)"
    # A date of the lunar calendar (腊月二十五前, 正月初十前).
    r"|(?:正|腊|冬)月(?:初)?[一二三四五六七八九十廿]{1,3}[日号]?(?:之前|以前|前)"

    # Recurring deadlines in a week or a day: 每周五前, 每日17时前, 每天上午7:20前.
    r"|每月(?:底|末)(?:之前|以前|前)"
    r"|每季度末(?:月)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?(?:之前|以前|前)"
    r"|每周[一二三四五六日天](?:上午|下午|晚上)?(?:\d{1,2}[:：]\d{2}|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[时点](?:\d{1,2}分|半)?|下班)?(?:之前|以前|前)"
    r"|每[天日](?:上午|下午|早上|晚上)?(?:\d{1,2}[:：]\d{2}|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[时点](?:\d{1,2}分|半)?)(?:之前|以前|前)"
    # A month-end or year-end that governs finishing a task, without 前 (GUIDELINE_LOCAL):
    # 力争6月底完成一期项目建设, 年底部分并网发电.
    r"|(?:(?:\d{4}|今|明|本)年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月底(?=_FINISH_)"
    r"|(?:\d{4}年|今年|明年|本年|年)底(?=_FINISH_)".replace(
        "_FINISH_", "(?:全部|全面|基本|部分|要|前)?(?:完成|建成|完工|开工|投用|投产|并网|通车|销号|办结|到位|竣工|交付)"
    )
)
# Every deadline ends with one of these endings and starts at most
# _DEADLINE_REACH characters before it: a year (2024年), a month of up to
# three numerals, 月 and a day of up to three numerals come before the 日 of
# 日前.  Keep both in step with _DEADLINE.
# A deadline given as a field of a task list, without 前: 完成时限：12月底, 时间节点：2024年6月30日.
_DEADLINE_FIELD = re.compile(
    r"(?:(?<=时限[:：])|(?<=节点[:：]))(?:\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:底|末|中旬|上旬|下旬|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?"
)
_DEADLINE_END = re.compile(
    r"[月底末旬日号一二三四五六天时点分半\d](?:之前|以前|前)"
    r"|底(?=(?:全部|全面|基本|部分|要|前)?(?:完成|建成|完工|开工|投用|投产|并网|通车|销号|办结|到位|竣工|交付))"
)
# The lookahead of a deadline without 前 reads this far past its ending.
_DEADLINE_LOOKAHEAD = 6
_DEADLINE_REACH = 14  # 每天上午17:20 and 每月25日 are shorter
_DEADLINE_SUFFIX = re.compile(r"(?:之前|以前|前)$")
_DEADLINE_YEAR = re.compile(r"^(?:今|明|本)年")

_SUBJECT_FOLLOWS = re.compile(r"(?:配备|配足|用于)([^（(，。；;,]{2,16})")
_SUBJECT_LEAD = re.compile(r"^(?:要|对|并|同时|其中|今年|全年|确保|力争|争取|按照|按|让)+")
_SUBJECT_AT = re.compile(r"(?:必须|务必|要|应|须)?在$")
_SUBJECT_TRAIL = re.compile(r"(?:的|要|为|是|都|应|将|按照|总数的|再)+$")
_SUBJECT_NUMBER = re.compile(r"^[^，,]*?[\d.%％]+(?:配备|的)")
_SUBJECT_TAIL = re.compile(r"[^，。；;,]{2,16}")


# -- checks added with the local speeches (issue #13) -------------------------
# A difference against this year that restates an amount set just before it.
_THIS_YEAR_COMPARISON = re.compile(r"比今年[^，。；;,]{0,10}(?:增加|增长|多|提高|减少|下降)$")
_STILL_AFTER_DEADLINE = re.compile(r"(?:还有|还剩|仍有)")
_DATE_OF_A_GROUP = re.compile(
    r"(?![全各本](?:镇|县|市|区|乡|村)|[把将向对])(?:[\u4e00-\u9fff]{1,3}|[\u4e00-\u9fff“”]{4,12}(?=的(?:村|社区|乡镇|单位|企业|项目|农户|户|群众|个人|家庭|指挥部|部门|学校)))的"
)  # 2000年底前建成的老旧小区 (not 10月20号前全镇的收割机)
# Marks that join two numbers into one figure (2∶1, 7：20, 10/10万).
_JOINED_NUMBER_MARKS = frozenset("∶:：/")
# Units that count people or items: a number of them before 各 or after 每 is no quota.
_COUNTED_UNITS = _COUNT_UNITS | {"人", "户", "头", "只", "株"}


def pre_bound_near(before: str) -> bool:
    """Whether a bound word (不少于, 超过, …) ends the text before a number (or comes at most 4 characters before it)."""
    tail = before[-8:]
    bound = _PRE_BOUND_RE.search(tail)
    return bound is not None and not _DIGIT_OR_PERCENT.search(tail, bound.end())


# A single event with the digit 1 (参加1次培训) after a verb of taking part or holding.
_ONE_EVENT_BEFORE = re.compile(r"(?:参加|参与)$|前[^，。；]{0,4}(?:开展|组织|举办|召开)$")
_PLACE_AFTER = re.compile(r"[区镇村乡县市路街局]")
# Area units: a number of them after 每 is the base of a rate (每500平方米至少配备…).
_AREA_UNITS = frozenset({"平方米", "亩", "公里", "米"})
# The second number of a range whose first carries its own unit: 3000元至8000元.
_RANGE_SECOND = re.compile(r"\d[\u4e00-\u9fff%]{0,3}(?:至|到|—|－|-|~|～)$")
_TARGET_LEVEL = re.compile(_SETS_A_LEVEL)
_ONE_EVENT_VERB = re.compile(r"(?:开展|组织|举办|召开)$")
_COUNT_OF_TIMES = re.compile(r"^[^，。；\d]{0,6}(?:\d+|[一二三四五六七八九十两])次")


# -- checks added with speech batches 8 to 12 (issue #13) -------------------------
_WEEKDAY_AFTER = re.compile(r"轮流|上午|下午|晚上|全天")
# Those who fall short of a level (参保率达不到90%的乡镇), in a condition on a group.
_NOT_REACHED = r"达不到|未达到|没有达到|没达到"
_NOT_REACHED_BEFORE = re.compile(r"(?:" + _NOT_REACHED + r"|不足|(?<!不)低于)$")
_SPOKEN_SCALE = re.compile("[百千万亿]")
_INVOLVES_BEFORE = re.compile(r"涉及[^，。；\d]{0,8}(?:\d+[户个人名家])?$")
_PLAN_COUNT_BEFORE = re.compile(
    r"(?:改造|启动|实施|新建|建设|征收|搬迁|安置|完成)[^，。；、]{0,12}\d[\d.万]*(?:个|户|套|栋|处|宗|项|亩|平方米)[，、,]涉及[^，。；\d]{0,8}$"
)
_NEGATIVE_CONDITION_AFTER = re.compile(r"(?:仍|还)?(?:未|没有|尚未)[\u4e00-\u9fff“”]{0,12}的")
_PERIOD_JUST_BEFORE = re.compile(r"每(?:天|日|周|月|年|季度|半月|半年)$")
_RESTATED_REACH = 5000  # how far back a restated count is looked for (bounded work per number)
_NAMED_LIST_BEFORE = re.compile(r"(?:^|[，,；要在对])(?:[\u4e00-\u9fffX]{2,10}、)+[\u4e00-\u9fffX]{2,10}\s?$")
_NAMED_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff“”]{0,6}?(?:片区|村|社区|小区|项目|试点|乡镇|镇|卫生院|基地|园区|城中村|街道)")
_UNIT_RANGE_SEP = re.compile(_RANGE_SEP)
# A clause that opens on the time ahead with a modal word, whatever its sentence (…，今年要再腾退2000亩以上).
_CLAUSE_AHEAD = re.compile(r"(?:今年|明年|下半年|下一步|下一阶段)[^，。；]{0,6}(?:要|将|力争|确保|计划)")
# A deadline inside the clause looks ahead (6月30日前开工率达到60%以上).
_DEADLINE_IN_CLAUSE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|中旬|下旬|上旬|\d{1,2}[日号])?(?:之)?前|年底前")
# The old level of a change (由5分提高到8分, 由85个减为26个): the verb that moves it comes straight after.
_TO_LEVEL_AFTER = re.compile(
    r"[^，。；\d]{0,3}?(?:提高|提升|增加|增长|降低|下降|减少|调整|压减|压缩|扩大|缩减|缩短|延长|上调|下调|调增|调减|增|降|减)?(?:到|至|为)"
)
_BASE_YEAR_BEFORE = re.compile(r"(?<![到至为])(?:\d{4}|[一二三四五六七八九〇○零]{4})年的$")
_AGE_CHANGE_BEFORE = re.compile(r"(?:下降|降低|提高|增加|延长|缩短|达到|不超过|不低于|不高于|控制在)$")
# A reward or fine for those who meet a condition (排名前三的村奖励两万元, 对评上的农户镇里每户奖励价值200元).
_REWARD_BEFORE = re.compile(r"的[^，。；]{1,6}(?:奖励|奖补|罚款|罚)(?:[^，。；\d]{0,6})$")
_PER_ITEM_STANDARD = re.compile(
    r"每(?:个|一)?(?:村|户|人|处|名|家|所|支|组|队|乡镇|卡点|点|网格|服务点|窗口|学校|项目)[^，。；\d]{0,8}"
    r"(?:(?:要|都要|须|必须|至少)[^，。；\d]{0,3}(?:有|落实|明确|确定|配备|配|设|设立|安排|建)|落实|明确|确定|配备|由)$"
)
_SCORE_BEFORE = re.compile(r"(?:扣|扣除|扣减|占|加|计|积|考核分|分值)$")
_SUBSIDY_AFTER = re.compile(r"(?:的)?(?:给予|予以)?(?:补贴|补助|奖励|奖补|贴息|返还)")
_INSTALMENT_UNITS = frozenset({"批", "期", "年", "轮", "次", "个阶段", "步"})
# A task or target named before a colon: what the colon introduces is the task.
_TASK_COLON = re.compile(r"(?![^：:]*(?:去年|上年|过去|一年来))[^。：:]{0,20}(?:任务|目标|标准|办法)[^。：:]{0,16}[：:]")
# A deadline inside a condition on a group (12月20日前参保率达不到90%的乡镇, 由县医保局约谈).
_DEADLINE_CONDITION = re.compile(r"[^，。；]{0,12}(?:" + _NOT_REACHED + r"|未完成|没有完成|没完成)[^，。；]{0,12}的")
# A modal word just before a deadline (各县区要在9月20日前…) makes it a task even in a sentence that reports progress.
_MODAL_BEFORE_DEADLINE = re.compile(r"(?:要|必须|务必|确保|力争)(?:在|于)?$")
