"""The headline-target charts: over the years, across reports, one report's table."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.charts.targets import national_rows, target_text, targets_across_plot, targets_table_plot, targets_years_plot
from analysis.measures.targets import targets_extract


@pytest.fixture(scope="module")
def national() -> pd.DataFrame:
    rows = []
    for year, target in [(2015, "7%左右"), (2016, "6.5%－7%"), (2017, "6.5%左右"), (2021, "6%以上")]:
        rows.append(targets_extract(f"今年发展的主要预期目标是：国内生产总值增长{target}。", doc_id=f"n{year}", year=year))
    rows.append(targets_extract("我们没有提出全年经济增速具体目标。", doc_id="n2020", year=2020))
    return pd.concat(rows, ignore_index=True)


def test_years_plot(national):
    realised = pd.DataFrame({"indicator": ["gdp_growth"], "group": [""], "target_doc_id": ["n2015"], "year": [2015], "realised_value": [6.9]})
    fig = targets_years_plot(national, realised=realised)
    assert isinstance(fig, Figure)
    assert "2015–2021" in fig.axes[0].get_title(loc="left")
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any("区间" in label for label in labels) and any("未设定" in label for label in labels) and any("实际" in label for label in labels)


def test_across_plot_counts_reports_against_the_reference_and_leaves_duplicates_out():
    rows = [targets_extract(f"主要预期目标是：地区生产总值增长{v}。", doc_id=d, year=2024)
            for d, v in [("a", "6%左右"), ("b", "5%以上"), ("c", "4.5%左右"), ("d", "6%左右")]]
    rows.append(targets_extract("主要预期目标是：地区生产总值增速高于全省平均水平。", doc_id="e", year=2024))
    targets = pd.concat(rows, ignore_index=True)
    corpus = pd.DataFrame({"doc_id": list("abcde"), "duplicate_of": ["", "", "", "a", ""]})
    fig = targets_across_plot(targets, reference=5.0, corpus=corpus)
    title = fig.axes[0].get_title(loc="left")
    assert "（4份报告）" in title and "高于全国目标 1 份" in title and "持平 1 份" in title and "低于 1 份" in title and "另有 1 份为相对目标" in title
    assert "无全国目标参照线" in targets_across_plot(targets, corpus=corpus).axes[0].get_title(loc="left")


def test_table_plot_and_target_text(national):
    fig = targets_table_plot(national, doc_id="n2016", lang="en")
    assert isinstance(fig, Figure)
    row = national[national["doc_id"] == "n2016"].iloc[0]
    assert target_text(row) == "6.5–7%"
    assert target_text({"status": "set", "value": 0.5, "value_max": math.nan, "unit": "个百分点", "comparator": "approx", "relative_to": "province"}) == "全省+0.5个百分点左右"
    assert national_rows(national)[national["status"] == "set"].all()
