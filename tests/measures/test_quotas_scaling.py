"""Quota extraction does constant work per character, even on a line without punctuation.

Work is counted, not timed: every character a regular expression of the
module is asked to scan: from ``pos`` to ``endpos`` of each search, or the
whole string it is given; an anchored ``match`` counts what it matched.
"""

from __future__ import annotations

import re
import sys

import pytest

import analysis.measures.quotas as quotas

UNIT = "各级党组织要切实加强基层治理推进乡村振兴每月外出招商时间不少于10天"


class _Counting:
    """A compiled pattern that adds up the characters each call scans."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self._pattern, self._tally = pattern, tally

    def _count(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> None:
        self._tally[0] += max(0, min(endpos, len(string)) - pos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize):  # type: ignore[no-untyped-def]
        self._count(string, pos, endpos)
        return self._pattern.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize):  # type: ignore[no-untyped-def]
        found = self._pattern.match(string, pos, endpos)  # anchored: it reads what it matches, and a little more
        self._tally[0] += 1 + (found.end() - pos if found else 0)
        return found

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize):  # type: ignore[no-untyped-def]
        self._count(string, pos, endpos)
        return self._pattern.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):  # type: ignore[no-untyped-def]
        self._count(string, pos, endpos)
        return self._pattern.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize):  # type: ignore[no-untyped-def]
        self._count(string, pos, endpos)
        return self._pattern.findall(string, pos, endpos)

    def sub(self, repl, string: str, count: int = 0):  # type: ignore[no-untyped-def]
        self._count(string)
        return self._pattern.sub(repl, string, count)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._pattern, name)


@pytest.fixture(scope="session")
def unpunctuated() -> str:
    return UNIT * (60_000 // len(UNIT))  # 60,000 characters, one line, no clause mark


def _scanned(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    tally = [0]
    for name, value in list(vars(quotas).items()):
        if isinstance(value, _Counting):  # counted by an earlier call
            value = value._pattern
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(quotas, name, _Counting(value, tally))
    found = quotas.quotas_extract_columns(text, doc_id="d")
    return tally[0], len(found["text"])


def test_work_per_character_is_bounded_on_an_unpunctuated_line(unpunctuated: str, monkeypatch: pytest.MonkeyPatch) -> None:
    scanned, n_found = _scanned(unpunctuated, monkeypatch)
    assert n_found == len(unpunctuated) // len(UNIT)  # every 不少于10天 is still found
    assert scanned / len(unpunctuated) < 150, f"{scanned / len(unpunctuated):.0f} characters scanned per character"


def test_work_grows_linearly(unpunctuated: str, monkeypatch: pytest.MonkeyPatch) -> None:
    half, _ = _scanned(unpunctuated[: len(unpunctuated) // 2], monkeypatch)
    whole, _ = _scanned(unpunctuated, monkeypatch)
    assert whole < 2.2 * half
