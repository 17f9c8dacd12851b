"""Headline targets: every variant of the indicator table, the target statements read and those left alone."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.measures.indicators import IndicatorError, indicators_load
from analysis.measures.targets import TARGET_COLUMNS, targets_extract

TABLE = indicators_load()
VARIANTS = [
    pytest.param(indicator.id, variant, id=f"{indicator.id}:{variant.pattern}")
    for indicator in TABLE.indicators.values()
    for variant in indicator.variants
]


def _same(a: object, b: object) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return b is not None and not (isinstance(b, float) and math.isnan(b)) and abs(float(a) - float(b)) < 1e-9


def one(text: str, indicator: str, **kwargs) -> pd.Series:
    table = targets_extract(text, **kwargs)
    rows = table[(table["indicator"] == indicator) & (table["scope"] == "own") & (table["period"] == "")]
    assert len(rows) >= 1, (text, table[["indicator", "text"]])
    return rows.iloc[0]


@pytest.mark.parametrize("indicator, variant", VARIANTS)
def test_every_variant_yields_its_example(indicator, variant):
    example = variant.example
    assert example and example.get("text"), f"{indicator}: variant {variant.pattern} has no example"
    row = one(f"今年经济社会发展主要预期目标是：{example['text']}。", indicator)
    assert _same(example.get("value"), row["value"]) and row["comparator"] == example["comparator"]
    assert row["relative_to"] == example.get("relative_to", "")
    if "unit" in example:
        assert row["unit"] == example["unit"]
    if variant.group:
        assert row["group"] == variant.group


@pytest.mark.parametrize(
    "text, indicator, value, value_max, comparator, relative_to",
    [
        ("今年发展的主要预期目标是：国内生产总值增长6.5%－7%，居民消费价格涨幅3%左右。", "gdp_growth", 6.5, 7.0, "range", ""),
        ("综合分析国内外各种情况，今年经济增长速度的宏观调控目标，定为百分之八至九。", "gdp_growth", 8.0, 9.0, "range", ""),
        ("今年国民经济宏观调控的主要目标是：经济增长速度8%，商品零售价格涨幅控制在3%以内。", "cpi", 3.0, None, "le", ""),
        ("主要预期目标是：地区生产总值增速高于全省0.5个百分点左右，规上工业增加值增长8%。", "gdp_growth", 0.5, None, "approx", "province"),
        ("主要预期目标是：地区生产总值增长7%左右，地方一般公共预算收入增速不低于自治区增速。", "budget_revenue_growth", None, None, "ge", "higher_level"),
        ("主要预期目标是：地区生产总值增长5.5%、力争6%以上，一般公共预算收入增长5%。", "gdp_growth", 5.5, None, "eq", ""),
        ("主要预期目标是：地区生产总值跨越千亿台阶，增长7%以上；规上工业增加值增长7.5%以上。", "gdp_growth", 7.0, None, "ge", ""),
        ("主要预期目标是：地区生产总值增长6%，商品进出口总值保持正增长，固定资产投资增长5%。", "trade_growth", 0.0, None, "gt", ""),
        ("主要预期目标是：城镇新增就业900万人，城镇登记失业率控制在4.6%；居民消费价格涨幅控制在4%。", "registered_unemployment", 4.6, None, "le", ""),
        ("主要预期目标是：城镇调查失业率控制在国家调控范围内，居民消费价格涨幅3%左右。", "surveyed_unemployment", None, None, "le", "nation"),
        ("主要预期目标是：居民收入增长和经济增长同步，粮食产量1.3万亿斤以上。", "disposable_income_growth", None, None, "eq", "gdp_growth"),
        ("今年主要预期目标是：地区生产总值增速比全省高1个百分点左右。", "gdp_growth", 1.0, None, "approx", "province"),
        ("主要预期目标是：地区生产总值增长高于全国、全省平均水平，达到6.5%左右。", "gdp_growth", 6.5, None, "approx", ""),
        ("主要预期目标是：地区生产总值增速高于省平1个百分点、7%左右，规上工业增加值增长8%。", "gdp_growth", 7.0, None, "approx", ""),
        ("主要预期目标是：在全国经济增长5%左右的背景下，全市地区生产总值增长6%左右。", "gdp_growth", 6.0, None, "approx", ""),
    ],
)
def test_target_statements(text, indicator, value, value_max, comparator, relative_to):
    row = one(text, indicator)
    assert _same(value, row["value"]) and _same(value_max, row["value_max"])
    assert (row["comparator"], row["relative_to"], row["status"]) == (comparator, relative_to, "set")
    assert text[row["start"]:row["end"]] == row["text"] and row["sentence"] == text


def test_separate_urban_and_rural_incomes_give_two_rows():
    text = "主要预期目标是：地区生产总值增长6%左右，城镇和农村居民人均可支配收入分别增长6.5%左右和8.5%左右。"
    table = targets_extract(text)
    income = table[table["indicator"] == "disposable_income_growth"]
    assert income[["group", "value", "comparator"]].values.tolist() == [["urban", 6.5, "approx"], ["rural", 8.5, "approx"]]


def test_one_clause_naming_two_indicators_gives_a_row_each():
    text = "主要预期目标是：地区生产总值增长4.5%左右，一般公共预算收入、居民人均可支配收入增长与经济增长同步。"
    table = targets_extract(text).set_index("indicator")
    assert table.loc["budget_revenue_growth", "relative_to"] == table.loc["disposable_income_growth", "relative_to"] == "gdp_growth"


def test_review_statistics_and_estimates_are_not_targets():
    text = (
        "一、2023年工作回顾\n过去一年，全市地区生产总值增长5.2%，固定资产投资增长6%。预计全年居民消费价格上涨0.3%。\n"
        "二、2024年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，居民消费价格涨幅3%左右。\n"
        "实现上述目标，要坚持稳中求进。要扎实推进项目建设，固定资产投资增长10%。\n"
    )
    table = targets_extract(text)
    assert table.set_index("indicator")["value"].to_dict() == {"gdp_growth": 5.5, "cpi": 3.0}


def test_the_target_list_wins_over_a_later_repetition():
    text = "今年发展主要预期目标是：国内生产总值增长5%左右；居民消费价格涨幅3%左右。\n经济增长预期目标为5.5%左右，考虑了多方面因素。"
    row = one(text, "gdp_growth")
    assert row["value"] == 5.0 and row["sentence"].startswith("今年发展主要预期目标是")


def test_a_list_on_the_line_after_its_cue():
    text = "今年经济社会发展的主要预期目标是：\n国内生产总值增长8%左右；城镇新增就业900万人以上，城镇登记失业率控制在4.6%以内。\n"
    table = targets_extract(text).set_index("indicator")
    assert table.loc["urban_new_jobs", ["value", "unit", "comparator"]].tolist() == [900.0, "万人", "ge"]
    assert table.loc["gdp_growth", "sentence"].startswith("国内生产总值")


def test_a_five_year_average_is_kept_apart_from_the_annual_target():
    text = "综合考虑各方面因素，“十五”期间年均经济增长速度预期目标为7%左右。"
    table = targets_extract(text)
    assert table[["indicator", "period", "value"]].values.tolist() == [["gdp_growth", "five_year", 7.0]]
    # beside an annual target, the five-year average is not reported
    both = targets_extract("今后五年经济增长预期目标是年均增长7%。今年经济社会发展的主要预期目标是：国内生产总值增长8%左右。")
    assert both[["period", "value"]].values.tolist() == [["", 8.0]]


def test_a_report_that_declines_to_set_a_growth_target():
    text = "我们没有提出全年经济增速具体目标，主要考虑是全球疫情和经贸形势不确定性很大。今年要优先稳就业保民生。"
    row = one(text, "gdp_growth")
    assert row["status"] == "not_set" and math.isnan(row["value"])


def test_a_refusal_wins_over_a_figure_outside_the_list():
    text = ("今年发展主要目标是：城镇新增就业900万人以上，城镇调查失业率6%左右；居民消费价格涨幅3.5%左右。\n"
            "需要说明的是，我们没有提出全年经济增速具体目标，主要考虑是全球疫情和经贸形势不确定性很大。\n全年要努力实现国内生产总值增长6%。")
    row = one(text, "gdp_growth")
    assert row["status"] == "not_set" and row["comparator"] == ""


@pytest.mark.parametrize("cue", ["全年经济社会发展的主要指标是：", "主要预期目标建议：", "今年经济社会发展目标是："])
def test_other_list_cues(cue):
    assert one(f"{cue}地区生产总值增长6%，一般公共预算收入增长5%。", "gdp_growth")["value"] == 6.0


def test_a_quoted_higher_level_target_is_marked_and_the_own_one_kept():
    text = "主要预期目标是：国家提出国内生产总值增长5%左右，我市地区生产总值增长6%左右，居民消费价格涨幅3%左右。"
    table = targets_extract(text)
    gdp = table[table["indicator"] == "gdp_growth"].set_index("scope")["value"].to_dict()
    assert gdp == {"quoted": 5.0, "own": 6.0}


def test_a_higher_level_target_quoted_before_the_list():
    text = ("今年全国两会确定国内生产总值增长5%左右，省政府工作报告提出全省地区生产总值增长5.5%左右。"
            "结合我市实际，今年经济社会发展主要预期目标是：地区生产总值增长6%以上，规上工业增加值增长8%。")
    table = targets_extract(text)
    gdp = table[table["indicator"] == "gdp_growth"].set_index("scope")
    assert gdp.loc["quoted", "value"] == 5.0 and gdp.loc["own", ["value", "comparator"]].tolist() == [6.0, "ge"]


def test_hard_wrapped_text_is_read_across_line_breaks():
    filler = "\n".join("这是一段被硬换行切开的文字没有标点" for _ in range(25))
    text = filler + "\n今年经济社会发展主要预期目标是：地区生产总值增长6%左\n\n右，一般公共预算收入增长5%左右，规模以上工业增加值增长6.5%\n\n左右。\n"
    row = one(text, "gdp_growth")
    assert (row["value"], row["comparator"]) == (6.0, "approx")
    assert text[row["start"]:row["end"]] == row["text"] and "\n" in row["text"]


def test_no_targets_gives_an_empty_typed_table():
    table = targets_extract("同志们，今天我们召开会议，研究部署下半年工作。")
    assert list(table.columns) == TARGET_COLUMNS and table.empty


def test_a_user_table_extends_the_bundled_one(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "name: extra\nversion: '1'\nindicators:\n  - id: urbanisation_rate\n    label: 常住人口城镇化率\n    kind: rate\n"
        "    variants:\n      - pattern: 常住人口城镇化率\n        example: {text: 常住人口城镇化率达到60%, value: 60, comparator: eq}\n",
        encoding="utf-8",
    )
    table = indicators_load(extra)
    assert {"gdp_growth", "urbanisation_rate"} <= set(table.indicators)
    row = one("主要预期目标是：地区生产总值增长6%，常住人口城镇化率达到60%。", "urbanisation_rate", indicators=table)
    assert row["value"] == 60.0 and row["label"] == "常住人口城镇化率"


@pytest.mark.parametrize(
    "content, message",
    [("indicators: 3\n", "expected a mapping"), ("indicators:\n  - id: x\n    kind: odd\n    variants: [x]\n", "kind must be"),
     ("indicators:\n  - id: x\n    variants: ['(a)']\n", "(?:…) groups"), ("indicators: [\n", "not valid YAML")],
)
def test_a_bad_indicator_file_names_itself_and_the_cause(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IndicatorError) as caught:
        indicators_load(path)
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_national_reports(shared_corpus):
    from analysis.ingest import document_read

    expected = {"2016-03": (6.5, 7.0, "range"), "2021-03-05": (6.0, None, "ge"), "2024-03-05": (5.0, None, "approx"), "1995-03": (8.0, 9.0, "range")}
    for stem, (value, value_max, comparator) in expected.items():
        doc = document_read(shared_corpus / "gwr-national" / f"{stem}_government-work-report.txt", "x")
        row = one(doc.text, "gdp_growth")
        assert _same(value, row["value"]) and _same(value_max, row["value_max"]) and row["comparator"] == comparator, stem


def test_city_reports(local_corpus):
    from analysis.ingest import document_read

    def read(city: str) -> str:
        return document_read(local_corpus / "gwr-city" / f"2024_{city}_government-work-report.txt", "x").text

    assert one(read("泸州"), "gdp_growth")[["value", "relative_to"]].tolist() == [0.5, "province"]
    assert one(read("资阳"), "gdp_growth")[["comparator", "relative_to"]].tolist() == ["gt", "higher_level"]
    assert one(read("承德"), "gdp_growth")[["value", "comparator"]].tolist() == [6.0, "approx"]  # hard-wrapped
