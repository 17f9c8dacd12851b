"""Numbered formulations and their spelled-out parts."""

from __future__ import annotations

from analysis.measures.formulations import formulations_find


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


def test_frame_dtypes_with_and_without_rows(lexicon) -> None:
    import pandas as pd

    from analysis.measures.formulations import FORMULATION_COLUMNS

    empty = formulations_find("d", "没有数字概括。", lexicon=lexicon)
    pd.testing.assert_frame_equal(empty, pd.DataFrame([], columns=FORMULATION_COLUMNS))
    frame = formulations_find("d", "坚持“三会一课”：支部党员大会、支部委员会、党小组会、党课。三会一课要落实。", lexicon=lexicon)
    expected = pd.DataFrame(
        [("d", "三会一课", 3, 2, 3, "支部党员大会｜支部委员会｜党小组会｜党课", 4, False)], columns=FORMULATION_COLUMNS
    )
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)


def test_occurrences_do_not_overlap() -> None:
    from analysis.measures.formulations import _occurrences

    assert _occurrences("一一", "一一一一一") == [0, 2]
    assert _occurrences("三农", "三农工作，三农") == [0, 5]
    assert _occurrences("双减", "没有") == []
