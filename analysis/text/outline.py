"""Sentences and the outline of a speech.

Chinese speeches are built on an explicit outline: ``一、`` parts,
``（一）`` sub-parts, ``一要…二要`` tasks, and ``一是…二是`` or
``首先…其次`` points.  In scraped text the headings often stand inline,
run into the paragraph that follows, and appear out of order.
:func:`outline_sentences` splits a cleaned text into sentences and gives
every sentence the section it belongs to.

Sentence ends are full-width and ASCII alike (``。！？；!?;``, line breaks):
the county speech writes ASCII ``;`` and ``?`` between Chinese clauses.
A heading marker also starts a new sentence, even after a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

__all__ = ["Sentence", "Section", "Heading", "find_headings", "outline_sentences", "sentences_frame", "sentence_of_positions", "CN_NUMERALS"]

CN_NUMERALS = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16, "十七": 17, "十八": 18, "十九": 19, "二十": 20,
}
_ORDER_WORDS = {"首先": 1, "其次": 2, "再次": 3, "第一": 1, "第二": 2, "第三": 3, "第四": 4, "第五": 5, "第六": 6, "第七": 7, "第八": 8, "最后": 99}
_NUM = "十[一二三四五六七八九]?|二十|[一二三四五六七八九十]"
# A heading starts where a sentence can start.
_START = r"(?:(?<=^)|(?<=[\n。！？；;!?：:”’」』]))"
_MARKERS = re.compile(
    _START
    + rf"(?:(?P<l1>(?:{_NUM})、)"
    + rf"|(?P<l2>[（(](?:{_NUM})[)）])"
    + rf"|(?P<l3>(?:{_NUM})要)"
    + rf"|(?P<l4>(?:{_NUM})是|(?:首先|其次|再次|第[一二三四五六七八])(?=[，,要是])|最后(?=[，,]))"
    + ")"
)
# Where a heading may start: a marker's first character right after a
# sentence end.  Unlike _MARKERS, whose look-behind makes ``re`` try it at
# every character, this pattern lets ``re`` skip ahead to the next sentence end.
_MARKER_PLACE = re.compile(r"[\n。！？；;!?：:”’」』][一二三四五六七八九十（(首其再第最]")
# A sentence ends after a run of end marks (closing quotes included) or of
# line breaks.  ``re`` skips quickly to where a match can start only when a
# pattern opens with a plain character or class: hence two patterns rather
# than one alternation, and ``[…][…]*`` rather than ``[…]+``.
_SENTENCE_END = re.compile(r"[。！？!?；;…][。！？!?；;…]*[”’」』）)]*")
_LINE_BREAKS = re.compile(r"\n\n*")
_HEADING_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True)
class Heading:
    """One outline marker found in the text."""

    start: int
    level: int
    number: int
    marker: str
    text: str


@dataclass(frozen=True)
class Section:
    """A section: ``section`` is a dotted id (``3.2``), ``heading`` its title."""

    section: str
    heading: str
    level: int


@dataclass(frozen=True)
class Sentence:
    """A sentence with its offsets into the cleaned text and its section."""

    index: int
    start: int
    end: int
    text: str
    section: str
    heading: str


def _number(marker: str) -> int:
    if marker in _ORDER_WORDS:
        return _ORDER_WORDS[marker]
    core = marker.strip("（()）、要是")
    return CN_NUMERALS.get(core, 0)


def _heading_text(text: str, start: int) -> str:
    """The heading's words: up to the sentence end, cut at a comma when long."""
    end_match = _HEADING_END.search(text, start)
    end = end_match.start() if end_match else len(text)
    heading = text[start:end].lstrip("，,、:： ")
    if len(heading) > 40:
        cut = max(heading.rfind(p, 0, 40) for p in "，,:：")
        heading = heading[:cut] if cut > 0 else heading[:40]
    return heading.strip()


def find_headings(text: str) -> list[Heading]:
    """All outline markers in a cleaned text, in text order."""
    headings = []
    # A marker holds no sentence end, so matches at these places are the
    # same, non-overlapping matches that _MARKERS.finditer(text) gives.
    places = [0] + [place.start() + 1 for place in _MARKER_PLACE.finditer(text)]
    for place in places:
        match = _MARKERS.match(text, place)
        if match is None:
            continue
        level = int(match.lastgroup[1])  # type: ignore[index]
        marker = match.group()
        headings.append(
            Heading(
                start=match.start(),
                level=level,
                number=_number(marker.rstrip("，,")),
                marker=marker,
                text=_heading_text(text, match.end()),
            )
        )
    return headings


def outline_sentences(text: str) -> list[Sentence]:
    """Split a cleaned text into sentences, each with its section.

    The section id joins the numbers of the open headings, one place per
    level (``一、`` · ``（一）`` · ``一要`` · ``一是``/``首先``), with 0 for a
    level the speech skips: ``3.2`` is ``三、`` › ``（二）``, ``3.0.2`` is
    ``三、`` › ``二要``; ``0`` is the preamble before the first heading.  Headings out of order (as in scraped text) simply open the
    section they name; a section id met a second time gets a suffix
    (``3.2~2``) so that ids stay unique within a speech.
    """
    headings = find_headings(text)
    heading_at = {h.start: h for h in headings}
    boundaries = {0, len(text)}
    boundaries.update([match.end() for match in _SENTENCE_END.finditer(text)])
    boundaries.update([match.end() for match in _LINE_BREAKS.finditer(text)])
    boundaries.update(heading_at)
    cuts = sorted(boundaries)

    stack: list[Heading] = []
    seen: dict[str, int] = {}
    section_id, section_heading = "0", ""
    sentences: list[Sentence] = []
    for start, end in zip(cuts, cuts[1:]):
        if start in heading_at:
            heading = heading_at[start]
            stack = [h for h in stack if h.level < heading.level] + [heading]
            numbers = {h.level: h.number for h in stack}
            base = ".".join(str(numbers.get(level, 0)) for level in range(1, heading.level + 1))
            seen[base] = seen.get(base, 0) + 1
            section_id = base if seen[base] == 1 else f"{base}~{seen[base]}"
            section_heading = heading.text
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            first = start + len(piece) - len(piece.lstrip())
            # index, start, end, text, section, heading: positional arguments are
            # noticeably quicker here, with tens of thousands of sentences a corpus.
            sentences.append(Sentence(len(sentences), first, first + len(stripped), stripped, section_id, section_heading))
    return sentences


def sentences_frame(sentences: list[Sentence], *, doc_id: str) -> pd.DataFrame:
    """Sentences as a long table: ``doc_id, sentence, start, end, section, heading, text``."""
    return pd.DataFrame(
        {
            "doc_id": doc_id,
            "sentence": [s.index for s in sentences],
            "start": [s.start for s in sentences],
            "end": [s.end for s in sentences],
            "section": [s.section for s in sentences],
            "heading": [s.heading for s in sentences],
            "text": [s.text for s in sentences],
        }
    )


def sentence_of_positions(sentence_starts: Sequence[int], positions: Sequence[int]) -> np.ndarray:
    """Index of the sentence holding each position, from the sentences' start offsets (int64; 0 for none)."""
    if len(sentence_starts) == 0:
        return np.zeros(len(positions), dtype=np.int64)
    index = np.searchsorted(np.asarray(sentence_starts, dtype=np.int64), np.asarray(positions, dtype=np.int64), side="right") - 1
    return np.maximum(index, 0)
