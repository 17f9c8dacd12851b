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
def _traditional_candidates() -> re.Pattern[str]:
    """Traditional-only characters of the Basic Multilingual Plane, and any character beyond it.

    A character class holding even one character beyond the BMP is checked
    member by member, about a hundred times slower than one within it (which
    ``re`` turns into a lookup table); a single range for all of them keeps
    the class fast, and the few that match are checked one by one.
    """
    basic = "".join(sorted(ch for ch in _traditional_chars() if ord(ch) <= 0xFFFF))
    return re.compile(f"[{basic}\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def _opencc_table(name: str) -> dict[str, str]:
    """An OpenCC dictionary as OpenCC reads it: each key with its first value."""
    text = (resources.files("opencc") / "dictionary" / name).read_text(encoding="utf-8")
    table = {}
    for line in text.split("\n"):
        if line.strip():
            key, values = line.strip().split("\t")
            table[key] = values.split(" ")[0]
    return table


@lru_cache(maxsize=1)
def _t2s_tables() -> tuple[re.Pattern[str], dict[int, str]]:
    """OpenCC's ``t2s`` dictionaries: keys longer than one character as one
    pattern, single characters as a ``str.translate`` table.

    OpenCC consults its phrase dictionary before its character dictionary,
    so a single-character phrase entry wins; characters it splits the text
    at are never converted, so they are left out of the table.
    """
    separators = _converter().split_chars_re
    phrases = _opencc_table("TSPhrases.txt")
    characters = _opencc_table("TSCharacters.txt")
    longer = [key for table in (phrases, characters) for key in table if len(key) > 1]
    single = {key: value for key, value in characters.items() if len(key) == 1}
    single.update({key: value for key, value in phrases.items() if len(key) == 1})
    translate = {ord(key): value for key, value in single.items() if not separators.fullmatch(key)}
    return re.compile("|".join(map(re.escape, longer))), translate


def _t2s(text: str) -> str:
    """Exactly what OpenCC's ``t2s`` gives, running OpenCC on as little as possible.

    The pure-Python OpenCC is slow: it splits the text at punctuation and
    spaces, then looks up every substring of each piece in its phrase
    dictionary, longest first, before its character dictionary.  In a piece
    that holds no key longer than one character, that comes down to
    replacing each character by its first conversion, which ``str.translate``
    does directly; only pieces with such a key are handed to OpenCC.
    """
    phrases, characters = _t2s_tables()
    if not phrases.search(text):
        return text.translate(characters)
    converter = _converter()
    parts = converter.split_chars_re.split(text)  # text, separator, text, …
    parts[::2] = [
        converter.convert(part) if phrases.search(part) else part.translate(characters)
        for part in parts[::2]
    ]
    return "".join(parts)


def traditional_count(text: str) -> int:
    """How many characters of ``text`` exist only in Traditional writing."""
    chars = _traditional_chars()
    return sum(1 for ch in _traditional_candidates().findall(text) if ch in chars)


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
    converted = _t2s(text)
    if len(converted) != len(text):
        t2s = _table("TSCharacters.txt")
        converted = "".join(t2s.get(ch, ch) for ch in text)
    return converted, True
