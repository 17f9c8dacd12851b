"""Traditional-character detection and conversion, checked against OpenCC itself."""

from __future__ import annotations

import random

import pytest

from analysis.ingest.chinese_script import (
    TRADITIONAL_MIN_CHARS,
    _converter,
    _opencc_table,
    _t2s,
    _traditional_chars,
    to_simplified,
    traditional_count,
)


def _traditional_samples(county_raw: str) -> list[str]:
    import opencc

    return [opencc.OpenCC(name).convert(county_raw) for name in ("s2t", "s2tw", "s2hk")]


def test_fast_conversion_is_opencc_on_real_text(county_raw: str) -> None:
    converter = _converter()
    for text in [county_raw, *_traditional_samples(county_raw)]:
        assert _t2s(text) == converter.convert(text)


def test_fast_conversion_is_opencc_where_phrases_overlap() -> None:
    # Phrases, pieces of phrases, single characters and separators run
    # together, so that phrase matches overlap and compete.
    phrases = list(_opencc_table("TSPhrases.txt"))
    characters = list(_opencc_table("TSCharacters.txt"))
    separators = list(" \u3000-,.?!*，。、；：？！…“”「」（）《》\n")
    rng = random.Random(7)
    converter = _converter()
    for _ in range(3000):
        bits = []
        for _ in range(rng.randint(1, 12)):
            draw = rng.random()
            if draw < 0.45:
                phrase = rng.choice(phrases)
                start = rng.randrange(len(phrase))
                bits.append(phrase if rng.random() < 0.6 else phrase[start:rng.randint(start + 1, len(phrase))])
            elif draw < 0.7:
                bits.append(rng.choice(characters))
            elif draw < 0.85:
                bits.append(rng.choice(separators))
            else:
                bits.append(rng.choice("的是了我们国家发展"))
        text = "".join(bits)
        assert _t2s(text) == converter.convert(text), text


def test_traditional_count_counts_every_traditional_only_character() -> None:
    chars = sorted(_traditional_chars())
    beyond_bmp = [ch for ch in chars if ord(ch) > 0xFFFF]
    assert beyond_bmp  # the case the counting pattern takes care of
    pool = chars[:40] + beyond_bmp[:40] + ["中", "a", "\U0001F600", "\U00020000", "\uffff"]
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 20)))
        assert traditional_count(text) == sum(ch in _traditional_chars() for ch in text)


@pytest.mark.parametrize("n", [TRADITIONAL_MIN_CHARS - 1, TRADITIONAL_MIN_CHARS])
def test_conversion_threshold(n: int) -> None:
    text = "们" * 10 + "們" * n
    converted, traditional = to_simplified(text)
    assert traditional == (n >= TRADITIONAL_MIN_CHARS)
    assert converted == ("们" * (10 + n) if traditional else text)
