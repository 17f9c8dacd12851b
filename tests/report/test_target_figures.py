"""The briefing's target figures: chosen from the run, duplicates left out, the national line from the run or a reference."""

from __future__ import annotations

import pandas as pd

from analysis.report.target_figures import reference_targets_read, target_figures
from analysis.run import Options, corpus_run

NATIONAL = "今年发展主要预期目标是：国内生产总值增长{gdp}左右；居民消费价格涨幅3%左右。\n"
CITY = "今年全市经济社会发展主要预期目标是：地区生产总值增长{gdp}，一般公共预算收入增长5%。\n"


def _corpus(folder, *, national: bool):
    folder.mkdir()
    if national:
        (folder / "2023-03-05_national.txt").write_text(NATIONAL.format(gdp="5%"), encoding="utf-8")
        (folder / "2024-03-05_national.txt").write_text(
            "一、2023年工作回顾\n过去一年，国内生产总值增长5.2%。\n二、2024年政府工作任务\n" + NATIONAL.format(gdp="5%"), encoding="utf-8")
    for city, gdp in (("甲市", "6%左右"), ("乙市", "5%以上"), ("丙市", "4.5%左右")):
        (folder / f"2024_{city}_report.txt").write_text(CITY.format(gdp=gdp), encoding="utf-8")
    (folder / "2024_甲市_copy.txt").write_text(CITY.format(gdp="6%左右"), encoding="utf-8")  # a near-duplicate
    return folder


def test_figures_of_a_run_with_national_and_city_reports(tmp_path):
    result = corpus_run([_corpus(tmp_path / "c", national=True)], options=Options(cache=False))
    figures = target_figures(result)
    assert {"targets_gdp_growth_years", "targets_gdp_growth_2024"} <= set(figures)
    assert any(name.startswith("targets_table_") for name in figures)
    title = figures["targets_gdp_growth_2024"].axes[0].get_title(loc="left")
    assert "（3份报告）" in title and "高于全国目标 1 份 · 持平 1 份 · 低于 1 份" in title


def test_the_national_line_from_a_reference(tmp_path):
    national = _corpus(tmp_path / "n", national=True)
    result = corpus_run([_corpus(tmp_path / "c", national=False)], options=Options(cache=False))
    assert "无全国目标参照线" in target_figures(result)["targets_gdp_growth_2024"].axes[0].get_title(loc="left")
    reference = reference_targets_read(national / "2024-03-05_national.txt")
    title = target_figures(result, reference=reference)["targets_gdp_growth_2024"].axes[0].get_title(loc="left")
    assert "高于全国目标 1 份" in title


def test_no_targets_no_figures(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "speech.txt").write_text("同志们，今天召开会议，研究部署工作。要每月召开一次调度会。", encoding="utf-8")
    assert target_figures(corpus_run([folder], options=Options(cache=False))) == {}
    assert isinstance(reference_targets_read(folder), pd.DataFrame)
