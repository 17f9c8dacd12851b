"""Sentences and the speech outline."""

from __future__ import annotations

import pytest

from analysis.text.outline import find_headings, outline_sentences


@pytest.mark.parametrize(
    "text, n",
    [
        ("要抓好落实,确保见效。要防止反弹;还要巩固?当然!", 4),
        ("要抓好落实，确保见效。要防止反弹；还要巩固？当然！", 4),
        ("第一句\n第二句", 2),
        ("他说：“要抓好落实。”然后散会。", 2),
    ],
)
def test_sentences_split_on_fullwidth_and_ascii(text: str, n: int) -> None:
    sentences = outline_sentences(text)
    assert len(sentences) == n
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_outline_levels_and_inline_headings() -> None:
    text = (
        "下面讲几点意见:一、深刻认识全面从严治党的形势要求,以强烈的政治担当切实履行管党治党政治责任党的十八大以来,中央鲜明提出全面从严治党。"
        "一要狠抓党员教育。首先,要抓好党员发展。其次,要严肃处置。"
        "二要狠抓带头人队伍建设。(一)强化监督。牢固树立“两种意识”:一是抓党建是政绩。二是党建是基础。"
        "三、鲜明树立导向。要推动落实。"
    )
    headings = [(h.level, h.marker, h.text) for h in find_headings(text)]
    assert headings[0] == (1, "一、", "深刻认识全面从严治党的形势要求")
    assert (3, "一要", "狠抓党员教育") in headings
    assert (4, "首先", "要抓好党员发展") in headings
    assert (2, "(一)", "强化监督") in headings
    assert (4, "二是", "党建是基础") in headings
    sections = {s.text: s.section for s in outline_sentences(text)}
    assert sections["下面讲几点意见:"] == "0"
    assert sections["首先,要抓好党员发展。"] == "1.0.1.1"
    assert sections["(一)强化监督。"] == "1.1"
    assert sections["二是党建是基础。"] == "1.1.0.2"
    assert sections["要推动落实。"] == "3"


def test_out_of_order_headings_keep_unique_ids() -> None:
    text = "一、甲。一要乙。五要丙。一、丁。一要戊。"
    ids = [s.section for s in outline_sentences(text)]
    assert ids == ["1", "1.0.1", "1.0.5", "1~2", "1.0.1~2"]


def test_list_numbers_inside_clause_are_not_headings() -> None:
    assert find_headings("统一要求,一、二季度增长较快,三是指标。") == []


def test_county_outline(county_doc) -> None:
    headings = find_headings(county_doc.text)
    level1 = [h.marker for h in headings if h.level == 1]
    assert level1 == ["一、", "三、", "二、"]  # scraped paragraphs are out of order
    sentences = outline_sentences(county_doc.text)
    assert all(s.section for s in sentences)
    by_text = {s.text: s for s in sentences}
    assert any(s.heading == "狠抓好软弱涣散党组织整顿" for s in sentences)
    assert "0" == sentences[0].section and sentences[0].text.startswith("县委书记在全县月度工作推进会上的讲话")
    assert len(by_text) > 150


def test_headings_are_the_marker_pattern_matches() -> None:
    # find_headings tries _MARKERS only after sentence ends (for speed); it
    # must find exactly what a scan of the whole text finds.
    import random

    from analysis.text.outline import _MARKERS

    atoms = list("一二三四五十、（）()要是，,。！？!?；;：:”’」』…\n 中") + ["首先", "其次", "第一", "最后", "十一、", "（二）", "一是", "三要"]
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice(atoms) for _ in range(rng.randint(0, 25)))
        expected = [(m.start(), m.group()) for m in _MARKERS.finditer(text)]
        assert [(h.start, h.marker) for h in find_headings(text)] == expected, text
