"""Quotas in local texts (issue #13): targets, not statistics; counts, units and deadlines of city reports and speeches."""

from __future__ import annotations

import math

import pytest

from analysis.measures.quotas import quotas_extract

PLAN = "二、2024年工作安排\n"
REVIEW = "一、2023年工作回顾\n"


@pytest.mark.parametrize(
    "sentence, anchor, value, unit, comparator",
    [
        ("新增“四上”企业200家。", "200家", 200, "家", "eq"),
        ("改造老旧小区335个。", "335个", 335, "个", "eq"),
        ("实施项目100项。", "100项", 100, "项", "eq"),
        ("建成6条农村公路。", "6条", 6, "条", "eq"),
        ("培育企业20家。", "20家", 20, "家", "eq"),
        ("新增经营主体2.5万户。", "2.5万户", 25000, "户", "eq"),
        ("PM2.5平均浓度控制在40微克/立方米以内。", "控制在40微克/立方米以内", 40, "微克/立方米", "le"),
        ("居民用水价格不超过3.2元/立方米。", "不超过3.2元/立方米", 3.2, "元/立方米", "le"),
        ("新增清洁能源装机600万千瓦以上。", "600万千瓦以上", 6e6, "千瓦", "ge"),
        ("新建光伏电站50兆瓦。", "50兆瓦", 50, "兆瓦", "eq"),
        ("新增城市绿地40公顷。", "40公顷", 40, "公顷", "eq"),
        ("新建高标准农田3.5万亩。", "3.5万亩", 35000, "亩", "eq"),
        ("开展招聘活动260场以上。", "260场以上", 260, "场", "ge"),
        ("开展小团组招商100场次以上。", "100场次以上", 100, "场次", "ge"),
        ("开展职业技能培训1万人次以上。", "1万人次以上", 10000, "人次", "ge"),
        ("新改扩建学校15所。", "15所", 15, "所", "eq"),
        ("改造危桥100座。", "100座", 100, "座", "eq"),
        ("地区生产总值增速高于全省0.5个百分点左右。", "高于全省0.5个百分点左右", 0.5, "个百分点", "approx"),
        ("省级以上研发平台超8家。", "超8家", 8, "家", "gt"),
    ],
)
def test_plan_counts_and_units(sentence: str, anchor: str, value: float, unit: str, comparator: str) -> None:
    text = PLAN + sentence
    df = quotas_extract(text)
    rows = df[df["text"].str.endswith(anchor)]  # the span may open at a level verb (培训1万人次以上)
    assert len(rows) == 1, df[["text", "unit"]]
    row = rows.iloc[0]
    assert math.isclose(row["value"], value) and row["unit"] == unit and row["comparator"] == comparator


@pytest.mark.parametrize(
    "sentence",
    [
        "改造老旧小区80个，新建学校12所。",  # counts in the review are statistics
        "前三季度，全县固定资产投资同期增长19.09%。",
        "预计地区生产总值增长6.8%左右。",
        "地区生产总值比上年增长5.6%。",
    ],
)
def test_review_numbers_are_statistics(sentence: str) -> None:
    assert quotas_extract(REVIEW + sentence).empty


@pytest.mark.parametrize(
    "sentence, not_a_quota",
    [
        ("配合推进南宁至贵港3000吨级航道工程。", "3000吨"),
        ("其中10亿元以上制造业项目不少于10个。", "10亿元以上"),
        ("实施年产400万套新能源汽车玻璃项目。", "400万套"),
        ("实施10万吨聚乳酸改性材料、8万吨钛白粉等项目。", "10万吨"),
        ("加快建设投资10.7亿元的锂电池隔膜项目。", "10.7亿元"),
        ("新增14个学科进入ESI排名前1%。", "1%"),
        ("值班人员要在30分钟内到达现场。", "30分钟"),
        ("补贴资金在申请之日起15个工作日内兑付到位。", "15个工作日"),
        ("要严格执行领导带班和24小时值班制度。", "24小时"),
        ("全镇现有烟花爆竹零售点16个，要逐一建立安全档案。", "16个"),
        ("凡有3名以上正式党员的，都要单独建立党组织。", "3名以上"),
        ("要按照规定做好以下几个方面工作，问题主要表现在6个方面。", "6个"),
    ],
)
def test_sizes_ranks_and_limits_are_not_quotas(sentence: str, not_a_quota: str) -> None:
    df = quotas_extract(PLAN + sentence)
    assert not any(not_a_quota in t for t in df["text"]), list(df["text"])


def test_size_class_leaves_the_count() -> None:
    df = quotas_extract(PLAN + "其中10亿元以上制造业项目不少于10个。")
    assert list(df["text"]) == ["不少于10个"]


@pytest.mark.parametrize(
    "sentence, deadline, period",
    [
        ("十件民生实事6月底前全部开工。", "6月底", ""),
        ("年底前全面完成。", "年底", ""),
        ("资金支出进度12月中旬前要达到95%以上。", "12月中旬", ""),
        ("排查情况要在每月25日前报镇安办。", "每月25日", "每月"),
    ],
)
def test_local_deadlines(sentence: str, deadline: str, period: str) -> None:
    df = quotas_extract(PLAN + sentence)
    rows = df[df["kind"] == "deadline"]
    assert list(rows["deadline"]) == [deadline] and list(rows["period"]) == [period]


def test_speech_without_headings_few_false_positives() -> None:
    text = (
        "同志们：\n今年以来，全县上下攻坚克难。前三季度，全县规上工业增加值同期增长19.09%；"
        "投资10.7亿元的锂电池项目建成投产，新签约项目46个。\n"
        "下面，我就下半年工作讲几点意见。要确保全年新签约项目不少于60个，12月底前全部开工。"
    )
    df = quotas_extract(text)
    assert list(df["text"]) == ["不少于60个", "12月底前"]


def test_placeholder_with_scale_word() -> None:
    df = quotas_extract(PLAN + "村级组织运转经费每村每年不低于XX万元。")
    row = df.iloc[0]
    assert row["redacted"] and row["unit"] == "元" and row["comparator"] == "ge" and row["period"] == "每年"


@pytest.mark.parametrize(
    "sentence, deadline",
    [("力争6月底完成一期项目建设和围网。", "6月底"), ("光伏项目年底部分并网发电。", "年底")],
)
def test_month_end_governing_completion_is_a_deadline(sentence: str, deadline: str) -> None:
    df = quotas_extract(PLAN + sentence)
    assert list(df[df["kind"] == "deadline"]["deadline"]) == [deadline]


@pytest.mark.parametrize("sentence", ["今年年底，全县监测对象风险消除率要不低于70%。", "国庆节前完成道路整治。"])
def test_dates_that_are_no_deadline(sentence: str) -> None:
    df = quotas_extract(PLAN + sentence)
    assert (df["kind"] == "deadline").sum() == 0


@pytest.mark.parametrize(
    "sentence, anchor, value, unit, comparator, period",
    [
        ("钒钛产业营业收入达到千亿级。", "达到千亿级", 1e11, "", "ge", ""),
        ("确保酒业营业收入保持两位数以上增长。", "保持两位数以上增长", 10, "%", "ge", ""),
        ("招商引资工作实行“一月一调度、一季一排名”。", "一月一调度", 1, "", "eq", "每月"),
        ("力争农产品加工业产值与农业总产值之比达到2.2∶1。", "达到2.2∶1", 2.2, "ratio", "eq", ""),
    ],
)
def test_special_forms(sentence: str, anchor: str, value: float, unit: str, comparator: str, period: str) -> None:
    df = quotas_extract(PLAN + sentence)
    row = df[df["text"] == anchor].iloc[0]
    assert (row["value"], row["unit"], row["comparator"], row["period"]) == (value, unit, comparator, period)


@pytest.mark.parametrize("sentence", ["打造千亿级优质酱酒产业集群。", "举办一年一度的农民丰收节。"])
def test_special_forms_that_describe_a_thing(sentence: str) -> None:
    assert quotas_extract(PLAN + sentence).empty


def test_undecided_sentence_needs_a_bound_or_a_future_cue() -> None:
    text = "同志们：\n全县地区生产总值增长8.5%，达到186亿元。\n全县新签约项目不少于60个。"
    assert list(quotas_extract(text)["text"]) == ["不少于60个"]


def test_year_on_year_targets_in_the_plan() -> None:
    text = PLAN + "今年我市发展的主要预期目标是：地区生产总值同比增长8%左右；\n地方一般公共预算收入同比增长8%左右；"
    assert list(quotas_extract(text)["text"]) == ["增长8%左右", "增长8%左右"]
