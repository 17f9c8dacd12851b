"""Targets from one report of a body to the next: new, raised, lowered, unchanged, dropped."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures.targets import targets_extract
from analysis.trends.target_changes import change_status, subjects_match, targets_change


def test_targets_change_between_consecutive_reports():
    first = "今年主要预期目标是：地区生产总值增长6%左右，城镇新增就业3万人以上，居民消费价格涨幅3%左右。"
    second = "今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业3.5万人以上，一般公共预算收入增长5%，居民消费价格涨幅3%左右。"
    targets = pd.concat([targets_extract(first, doc_id="a", year=2023), targets_extract(second, doc_id="b", year=2024)], ignore_index=True)
    corpus = pd.DataFrame({"doc_id": ["b", "a"], "path": ["c/b.txt", "c/a.txt"], "date": ["2024-01-20", "2023-01-20"],
                           "speaker": ["某市人民政府"] * 2, "meeting_type": [""] * 2, "duplicate_of": [""] * 2})
    table = targets_change(targets, corpus).set_index("indicator")
    assert table["status"].to_dict() == {"gdp_growth": "lowered", "urban_new_jobs": "raised", "budget_revenue_growth": "new", "cpi": "unchanged"}
    assert table.loc["gdp_growth", ["value", "previous_value", "previous_doc_id"]].tolist() == [5.5, 6.0, "a"]


@pytest.mark.parametrize(
    "now, before, status",
    [((6.5, float("nan"), "approx"), (6.5, 7.0, "range"), "lowered"), ((5.0, float("nan"), "approx"), (5.0, float("nan"), "ge"), "changed"),
     ((5.0, float("nan"), "approx"), (5.0, float("nan"), "approx"), "unchanged")],
)
def test_change_status(now, before, status):
    assert change_status(*now, *before) == status


@pytest.mark.parametrize(
    "subject, candidates, match",
    [("县级领导外出招商时间", ["外出招商时间", "调度会"], "外出招商时间"), ("入户走访", ["新增市场主体"], None), ("时间", ["外出招商时间"], None)],
)
def test_subjects_match_by_their_ending(subject, candidates, match):
    assert subjects_match(subject, candidates) == match
