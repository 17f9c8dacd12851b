"""Outcomes read from the review of the next report, and their pairing with the year's targets."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.measures.target_outcomes import REALISED_COLUMNS, outcomes_extract, targets_vs_realised
from analysis.measures.targets import targets_extract

REPORT_2024 = (
    "一、2023年工作回顾\n过去一年，国内生产总值超过126万亿元，增长5.2%。城镇新增就业1244万人，城镇调查失业率平均为5.2%。"
    "居民消费价格上涨0.2%。过去五年，城镇新增就业累计6000万人。\n"
    "二、2024年政府工作任务\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；居民消费价格涨幅3%左右。\n"
)
REPORT_2025 = (
    "一、2024年工作回顾\n过去一年，国内生产总值达到134.9万亿元、增长5%。城镇新增就业1256万人。居民消费价格上涨0.2%。\n"
    "二、2025年政府工作任务\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；居民消费价格涨幅2%左右。\n"
)


def test_outcomes_come_from_the_review_only():
    table = outcomes_extract(REPORT_2024, doc_id="r2024", year=2024)
    assert table[["indicator", "value", "unit"]].values.tolist() == [
        ["gdp_growth", 5.2, "%"], ["urban_new_jobs", 1244.0, "万人"], ["surveyed_unemployment", 5.2, "%"], ["cpi", 0.2, "%"],
    ]
    assert (table["year"] == 2023).all() and not table["estimate"].any()
    assert all(REPORT_2024[s:e] == t for s, e, t in zip(table["start"], table["end"], table["text"]))


def test_a_january_report_estimates_the_year():
    text = "一、2023年工作回顾\n预计全年地区生产总值增长5.5%左右。\n二、2024年工作安排\n主要预期目标是：地区生产总值增长6%左右。"
    row = outcomes_extract(text, year=2024).iloc[0]
    assert (row["indicator"], row["value"], bool(row["estimate"])) == ("gdp_growth", 5.5, True)


@pytest.mark.parametrize("clause, value", [("居民消费价格涨幅回落到2.6%", 2.6), ("居民消费价格下降0.7%", -0.7), ("居民消费价格上涨0.2%", 0.2)])
def test_falls_and_levels(clause, value):
    text = f"一、2023年工作回顾\n过去一年，{clause}。\n二、2024年工作任务\n今年主要预期目标是：居民消费价格涨幅3%左右。"
    assert outcomes_extract(text, year=2024)["value"].tolist() == [value]


def _corpus(rows):
    return pd.DataFrame(rows, columns=["doc_id", "path", "date", "speaker", "meeting_type", "duplicate_of"])


def test_targets_are_paired_with_the_next_report_of_the_same_body():
    corpus = _corpus([
        ("r2024", "national/r2024.txt", "2024-03-05", "", "government-work-report", ""),
        ("r2025", "national/r2025.txt", "2025-03-05", "", "government-work-report", ""),
        ("copy", "national/copy.txt", "2025-03-05", "", "government-work-report", "r2025"),
    ])
    targets = pd.concat([targets_extract(REPORT_2024, doc_id="r2024", year=2024), targets_extract(REPORT_2025, doc_id="r2025", year=2025)])
    outcomes = pd.concat([outcomes_extract(REPORT_2024, doc_id="r2024", year=2024), outcomes_extract(REPORT_2025, doc_id="r2025", year=2025),
                          outcomes_extract(REPORT_2025.replace("1256", "9999"), doc_id="copy", year=2025)])
    table = targets_vs_realised(targets, outcomes, corpus)
    assert list(table.columns) == REALISED_COLUMNS
    rows = table.set_index("indicator")
    assert rows.loc["gdp_growth", ["year", "value", "realised_value", "met", "realised_doc_id"]].tolist() == [2024, 5.0, 5.0, "yes", "r2025"]
    assert rows.loc["urban_new_jobs", ["realised_value", "difference", "met"]].tolist() == [1256.0, 56.0, "yes"]
    assert rows.loc["cpi", "met"] == "yes"  # a ceiling: 0.2% is within 3% around
    assert set(table["year"]) == {2024}


@pytest.mark.parametrize(
    "comparator, value, value_max, realised, met",
    [("ge", 5.5, math.nan, 5.2, "no"), ("range", 6.5, 7.0, 6.7, "yes"), ("approx", 5.5, math.nan, 3.0, "no"), ("approx", 5.0, math.nan, 4.6, "yes")],
)
def test_met(comparator, value, value_max, realised, met):
    from analysis.measures.target_outcomes import _met

    assert _met("gdp_growth", comparator, value, value_max, realised) == met


def test_national_realised_values(shared_corpus):
    from analysis.run import Options, corpus_run

    folder = shared_corpus / "gwr-national"
    result = corpus_run([folder / "2023-03-05_government-work-report.txt", folder / "2024-03-05_government-work-report.txt"], options=Options(cache=False))
    gdp = result.targets_vs_realised.set_index("indicator").loc["gdp_growth"]
    assert (gdp["year"], gdp["value"], gdp["realised_value"], gdp["met"]) == (2023, 5.0, 5.2, "yes")
