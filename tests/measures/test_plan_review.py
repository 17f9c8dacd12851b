"""Plan or review, sentence by sentence (issue #13)."""

from __future__ import annotations

import pytest

from analysis.measures.plan_review import sentences_plan_or_review
from analysis.text.outline import outline_sentences


def _labels(text: str) -> dict[str, str]:
    sentences = outline_sentences(text)
    return {s.text: label for s, label in zip(sentences, sentences_plan_or_review(text, sentences))}


REPORT = (
    "各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
    "2023年工作回顾\n"
    "过去一年，全市地区生产总值增长5.6%。\n新建学校12所，改造老旧小区80个。\n"
    "预计地区生产总值增长6.8%左右。\n"
    "但也要看到，发展不平衡的问题依然存在。\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业4万人以上。\n"
    "新增“四上”企业200家，改造老旧小区335个。\n"
    "2023年全市完成投资500亿元，同比增长8%。\n"
    "力争6月底前全部开工。\n"
)


@pytest.mark.parametrize(
    "sentence, label",
    [
        ("过去一年，全市地区生产总值增长5.6%。", "review"),
        ("新建学校12所，改造老旧小区80个。", "review"),  # no cue: the review part decides
        ("预计地区生产总值增长6.8%左右。", "review"),  # estimate of the year under review
        ("但也要看到，发展不平衡的问题依然存在。", "review"),
        ("新增“四上”企业200家，改造老旧小区335个。", "plan"),  # the plan part has no numbered heading
        ("2023年全市完成投资500亿元，同比增长8%。", "review"),  # past cues inside the plan part
        ("力争6月底前全部开工。", "plan"),
    ],
)
def test_report_without_numbered_headings(sentence: str, label: str) -> None:
    assert _labels(REPORT)[sentence] == label


def test_plan_opener_sentence_is_plan() -> None:
    labels = _labels(REPORT)
    assert labels["今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业4万人以上。"] == "plan"


@pytest.mark.parametrize(
    "heading",
    ["一、2023年工作回顾", "2023年工作回顾", "奋力完成2023年高质量发展的各项任务"],
)
def test_review_headings(heading: str) -> None:
    text = f"{heading}\n全市完成造林面积12万亩，新建学校3所。\n二、2024年工作安排\n新建学校5所。"
    labels = _labels(text)
    assert labels["全市完成造林面积12万亩，新建学校3所。"] == "review"
    assert labels["新建学校5所。"] == "plan"


@pytest.mark.parametrize(
    "opener", ["今年经济社会发展的主要预期目标是：", "2024年重点抓好以下工作：", "今年的工作安排是：", "关于下半年工作，重点抓好以下几项任务。"]
)
def test_plan_openers(opener: str) -> None:
    text = f"过去一年，全市新建学校3所。\n{opener}\n新建学校5所。"
    assert _labels(text)["新建学校5所。"] == "plan"


def test_speech_without_headings_paragraph_context() -> None:
    text = (
        "同志们：\n去年，全县农业农村工作取得了新成效。粮食播种面积稳定在62.3万亩，总产量达到24.6万吨。\n"
        "今年要稳定粮食播种面积。全县粮食播种面积稳定在62万亩以上。"
    )
    labels = _labels(text)
    assert labels["粮食播种面积稳定在62.3万亩，总产量达到24.6万吨。"] == "review"
    assert labels["全县粮食播种面积稳定在62万亩以上。"] == "plan"


@pytest.mark.parametrize(
    "sentence",
    ["前三季度，全县固定资产投资同期增长19.09%。", "1—7月，全县完成投资12亿元。", "初步预计，全年完成投资30亿元。"],
)
def test_statistics_mid_speech_are_review(sentence: str) -> None:
    text = f"同志们：\n下面，我就今年下半年工作讲几点意见。\n{sentence}"
    assert _labels(text)[sentence] == "review"


def test_one_label_per_sentence_and_default_sentences() -> None:
    text = "今年要新建学校5所。去年新建学校3所。"
    sentences = outline_sentences(text)
    assert sentences_plan_or_review(text) == sentences_plan_or_review(text, sentences) == ["plan", "review"]


@pytest.mark.parametrize(
    "review_heading, plan_heading",
    [
        ("一、2023年主要工作", "二、2024年重点任务"),  # the earlier year's heading is the review
        ("2023年工作回顾", "二、今年经济社会发展目标任务和工作重点"),
    ],
)
def test_part_headings_by_year_and_words(review_heading: str, plan_heading: str) -> None:
    text = f"各位代表：\n{review_heading}\n新建学校3所。\n（一）稳定经济增长\n新建学校4所。\n{plan_heading}\n新建学校5所。"
    labels = _labels(text)
    assert labels["新建学校3所。"] == labels["新建学校4所。"] == "review"
    assert labels["新建学校5所。"] == "plan"


@pytest.mark.parametrize(
    "opener, plan_opener",
    [
        ("一年来，我们主要做了以下工作：", "今年政府工作的总体要求是：稳中求进。"),  # a report that starts mid-review (2024_柳州)
        ("2023年是全面贯彻党的二十大精神的开局之年。", "2024年是实施“十四五”规划的关键一年。"),
    ],
)
def test_review_without_heading_then_plan_by_year(opener: str, plan_opener: str) -> None:
    text = f"{opener}\n新建学校3所。\n{plan_opener}\n新建学校5所。"
    labels = _labels(text)
    assert labels["新建学校3所。"] == "review" and labels["新建学校5所。"] == "plan"


def test_targets_opener_inside_a_sentence() -> None:
    text = "2023年工作回顾\n新建学校3所。\n综合考虑各方面因素，我们设定今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n新建学校5所。"
    labels = _labels(text)
    assert labels["新建学校5所。"] == "plan"


def test_looking_back_inside_the_plan_stays_plan() -> None:
    text = "2023年工作回顾\n新建学校3所。\n2024年工作安排\n新建学校5所。\n过去一年，我们持续推进职能转变。\n新建学校6所。"
    labels = _labels(text)
    assert labels["过去一年，我们持续推进职能转变。"] == "review" and labels["新建学校6所。"] == "plan"


@pytest.mark.parametrize(
    "sentence",
    ["截至9月底，全县新签约项目38个。", "固定资产投资环比增长3.2%。", "完成年度目标任务的78%。", "规上工业增加值较上年增长6%。"],
)
def test_more_statistics_in_speeches(sentence: str) -> None:
    text = f"同志们：\n今天召开会议，部署下半年工作。\n{sentence}"
    assert _labels(text)[sentence] == "review"
