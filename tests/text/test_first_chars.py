"""The first-character lookahead: the class it works out, and the same matches as the plain expression."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.text.first_chars import compile_fast, first_chars_class

FIXTURES = Path(__file__).resolve().parents[2] / "benchmarks" / "quota_eval" / "local" / "speeches"


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("同比|比上年|去年", "[去同比]"),
        (r"[一二三\d]{1,2}月|截至", r"[\d一三二截]"),
        ("[a-c]x|y", "[a-cy]"),
        (r"(?<![由比])去年|(?<!对)排名第", "[去排]"),  # lookbehinds are zero-width
        (r"(?!要求)要|将(?![军领])", "[将要]"),
        ("^今年", "[今]"),
        ("(?:了)?要", "[了要]"),  # an optional first part adds its characters to the next one's
    ],
)
def test_first_chars_class(pattern: str, expected: str) -> None:
    assert first_chars_class([pattern]) == expected


@pytest.mark.parametrize("pattern", ["a*", ".要", "[^，]要", r"\w+", "(?=要)要", r"\b要"])
def test_unknown_first_characters_give_none_and_the_plain_expression(pattern: str) -> None:
    assert first_chars_class([pattern]) is None
    assert compile_fast(pattern).pattern == pattern


def test_rule_expressions_match_the_same_with_the_lookahead() -> None:
    from analysis.measures import plan_review

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    assert texts, "speech fixtures missing"
    patterns = [plan_review._PAST_ALTERNATIVES, r"要|必须|确保|力争|目标|预期|不得|计划|拟|争取|(?<![主重])要(?!求)|将(?![军领])"]
    for pattern in patterns:
        slow, fast = re.compile(pattern), compile_fast(pattern)
        assert fast.pattern != pattern  # the lookahead was added
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
