"""Numbered formulations and their spelled-out parts."""

from __future__ import annotations

from analysis.formulations import formulations_find


def test_county_formulations(county_doc, lexicon) -> None:
    frame = formulations_find("county", county_doc.text, lexicon=lexicon).set_index("formulation")
    assert frame.loc["三会一课", "count"] == 3
    assert frame.loc["五个亲自", "parts"] == "亲自读文件｜亲自作部署｜亲自抓督促｜亲自作汇报｜亲自作表率"
    assert frame.loc["五个亲自", "parts_complete"]
    assert frame.loc["两种意识", "n_parts"] == 2 and frame.loc["两种意识", "parts_complete"]
    assert {"三必看", "三必问", "三必留", "双报到"} <= set(frame.index)


def test_counted_phrases_that_are_not_slogans() -> None:
    frame = formulations_find("d", "要突出五个方面的重点:一是甲。二是乙。讲三点意见:第一,甲。")
    assert frame.empty
