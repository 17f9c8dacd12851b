"""Traditional and Simplified Chinese characters.

Old reports and texts from Hong Kong, Taiwan or Wikisource may be written, or
partly written, in Traditional characters.  Analyses run on Simplified text,
so that 們/们 or 國/国 count as one word; the original stays available.

Detection counts characters that exist only in Traditional writing (from
OpenCC's character tables, leaving out characters that Simplified text also
uses, such as 乾 or 著); conversion uses OpenCC's phrase-aware ``t2s``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["traditional_count", "to_simplified", "TRADITIONAL_MIN_CHARS"]

#: A text with at least this many Traditional-only characters is converted.
TRADITIONAL_MIN_CHARS = 5


def _table(name: str) -> dict[str, str]:
    text = (resources.files("opencc") / "dictionary" / name).read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if "\t" in line:
            key, values = line.split("\t", 1)
            table[key] = values.split(" ")[0]
    return table


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    t2s = _table("TSCharacters.txt")
    simplified_used = set(_table("STCharacters.txt"))
    return frozenset(k for k, v in t2s.items() if len(k) == 1 and v != k and k not in simplified_used)


@lru_cache(maxsize=1)
def _traditional_only() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(_traditional_chars())) + "]")


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def traditional_count(text: str) -> int:
    """How many characters of ``text`` exist only in Traditional writing."""
    if _traditional_chars().isdisjoint(text):
        return 0
    return len(_traditional_only().findall(text))


def to_simplified(text: str) -> tuple[str, bool]:
    """Simplified text, and whether the input held Traditional characters.

    Texts with fewer than :data:`TRADITIONAL_MIN_CHARS` Traditional-only
    characters are returned unchanged.  The conversion keeps the text's
    length wherever OpenCC maps character for character (nearly always), so
    offsets into the converted text point at the same place in the original;
    where a phrase changes length, the text is converted character by
    character instead.
    """
    if traditional_count(text) < TRADITIONAL_MIN_CHARS:
        return text, False
    converted = _converter().convert(text)
    if len(converted) != len(text):
        t2s = _table("TSCharacters.txt")
        converted = "".join(t2s.get(ch, ch) for ch in text)
    return converted, True
