"""Numbered formulations (数字化概括): 三会一课, 五个亲自, 两种意识, 三必看.

Chinese political language packs policies into numbered slogans.  A
formulation is found when it is

* a lexicon term that starts with a Chinese numeral (三会一课, 两个维护), or
* a quoted phrase that starts with one (“两种意识”, “三必看”, “五个亲自”), or
* an unquoted ``[数]个[2–4 characters]`` phrase that the speech spells out
  right after a colon.

Where a speech spells out the parts (``“五个亲自”:亲自读文件、亲自作部署…``, or
``“两种意识”:一是…二是…``), the parts are listed, and ``parts_complete``
says whether their number matches the numeral.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.lexicon import Lexicon, Term
from analysis.text.outline import CN_NUMERALS

__all__ = ["formulations_find", "formulations_find_columns", "FORMULATION_COLUMNS"]

FORMULATION_COLUMNS = ["doc_id", "formulation", "number", "count", "first_start", "parts", "n_parts", "parts_complete"]

_NUMERAL_CHARS = "一二三四五六七八九十两双"
_NUMERAL = f"[{_NUMERAL_CHARS}]"
_NUMERAL_AT = re.compile(_NUMERAL)
_VALUE = {**CN_NUMERALS, "两": 2, "双": 2}
_QUOTED = re.compile(rf"[“\"「‘]({_NUMERAL}{{1,2}}[\u4e00-\u9fff]{{1,6}})[”\"」’]")
_COUNTED = re.compile(rf"({_NUMERAL}个[\u4e00-\u9fff]{{2,4}})(?=[”\"」]?[:：])")
# Ordinary counted phrases that are not slogans.
_NOT_SLOGANS = re.compile(r"^(?:[一二三四五六七八九十两]个(?:方面|问题|重点|月|年|小时|百分点|季度|阶段|部分|层次|环节|意见|地方|村|乡镇))")
_LIST_AFTER = re.compile(r"^[”\"」’]?[:：]\s*([^。；;\n]{2,200})")
_ENUMERATED = re.compile(rf"{_NUMERAL}是([^。；;\n]{{2,80}})")
_SERIES = re.compile(r"[^，,、]+(?:、[^，,、]+)+")
_COMMA = re.compile(r"[，,]")
# What a frame without rows has always looked like (every column object).
_EMPTY = pd.DataFrame([], columns=FORMULATION_COLUMNS)


def _value(numeral: str) -> int:
    return _VALUE.get(numeral[:2], _VALUE.get(numeral[:1], 0)) if numeral else 0


def _parts_after(text: str, end: int) -> list[str]:
    """The parts a speech lists right after a formulation, if any."""
    tail = text[end:end + 400]
    match = _LIST_AFTER.match(tail)
    if not match:
        return []
    body = match.group(1)
    enumerated = _ENUMERATED.findall(tail[: match.end() + 400])
    if body.lstrip().startswith(("一是", "一要")) and enumerated:
        parts = []
        for part in enumerated:
            parts.append(part.strip())
            if len(parts) >= 12:
                break
        return parts
    series = _SERIES.match(body)
    pieces = series.group().split("、") if series else _COMMA.split(body)
    parts = [p.strip(" “”\"「」") for p in pieces if p.strip(" “”\"「」")]
    return parts if len(parts) >= 2 else []


# Lexicon forms that start with a numeral, for the last lexicon seen: filtering
# hundreds of forms for every speech would take longer than the search.
# ``surface_forms()`` is built once per lexicon, so its identity marks the lexicon.
_numbered: tuple[dict[str, Term], list[str]] | None = None


def _numbered_forms(lexicon: Lexicon) -> list[str]:
    global _numbered
    forms = lexicon.surface_forms()
    if _numbered is None or _numbered[0] is not forms:
        _numbered = (forms, [f for f in forms if f[:1] and f[0] in _NUMERAL_CHARS])
    return _numbered[1]


def _occurrences(phrase: str, text: str) -> list[int]:
    """Starts of the non-overlapping occurrences of ``phrase``, as ``re.finditer`` finds them."""
    starts = []
    start = text.find(phrase)
    while start >= 0:
        starts.append(start)
        start = text.find(phrase, start + len(phrase))
    return starts


def formulations_find(doc_id: str, text: str, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Numbered formulations in a cleaned text, counted, with their parts where spelled out.

    Columns: ``doc_id, formulation, number`` (the numeral's value),
    ``count, first_start`` (offset of the first occurrence), ``parts``
    (joined by ``｜``), ``n_parts, parts_complete``.
    """
    columns = formulations_find_columns(doc_id, text, lexicon=lexicon)
    if not columns["formulation"]:
        return _EMPTY.copy()
    return pd.DataFrame(columns)


def formulations_find_columns(doc_id: str, text: str, *, lexicon: Lexicon | None = None) -> dict[str, list]:
    """:func:`formulations_find` as a dict of equal-length column lists (the pipeline's fast path)."""
    candidates: set[str] = set()
    if lexicon is not None:
        # A form can only occur where the text has its first two characters,
        # and these start with a numeral: one pass over the numerals rules out
        # most forms, instead of one search through the text for each form.
        openings = {text[m.start():m.start() + 2] for m in _NUMERAL_AT.finditer(text)}
        candidates.update(f for f in _numbered_forms(lexicon) if len(f) == 1 or f[:2] in openings)
    for pattern in (_QUOTED, _COUNTED):
        for phrase in pattern.findall(text):
            if not _NOT_SLOGANS.match(phrase):
                candidates.add(phrase)
    found: dict[str, list[int]] = {}
    for phrase in candidates:
        starts = _occurrences(phrase, text)
        if starts:
            found[phrase] = starts
    columns: dict[str, list] = {name: [] for name in FORMULATION_COLUMNS}
    if not found:
        return columns
    for phrase, starts in sorted(found.items(), key=lambda kv: (kv[1][0], -len(kv[0]), kv[0])):
        parts: list[str] = []
        for start in starts:
            parts = _parts_after(text, start + len(phrase))
            if parts:
                break
        number = _value(phrase[:2]) if phrase[:2] in _VALUE else _value(phrase[:1])
        columns["formulation"].append(phrase)
        columns["number"].append(number)
        columns["count"].append(len(starts))
        columns["first_start"].append(starts[0])
        columns["parts"].append("｜".join(parts))
        columns["n_parts"].append(len(parts))
        columns["parts_complete"].append(bool(parts) and len(parts) == number)
    columns["doc_id"] = [doc_id] * len(columns["formulation"])
    return columns
