"""Cleaning of scraped and re-typed speech text.

Real speeches reach researchers through document-sharing sites, government
pages, Wikisource and Word files.  Each route leaves its own debris: site
headers and trailers, page numbers inserted in the middle of words,
hard-wrap spaces, full-width digits, licence footers.  :func:`clean_text`
removes that debris while keeping everything the speaker said, and reports
what it changed so that a researcher can audit it.

Rules, in the order they run:

1. normalise line ends; drop zero-width and control characters;
2. remove site boilerplate (headers such as ``《…》由会员分享…``, trailers such
   as ``限制150内``, ``第1页共17页``, ``(未完,全文共2010字…)``, broadcast
   prefixes ``央视网消息（新闻联播）：``, Wikisource licence footers);
3. remove page-break markers ``N、`` inserted by document-sharing sites and
   rejoin the words they split (genuine list numbering is kept);
4. fold full-width digits, Latin letters, ``％`` and ``．`` to ASCII
   (Chinese punctuation is left alone: NFKC would turn it into ASCII);
5. remove hard-wrap spaces (between Chinese characters, inside numbers)
   while keeping spaces between Latin words;
6. join lines broken inside a sentence (hard wraps, Wikisource links);
7. mark redaction placeholders (``XX``, ``××``, ``☆``, ``##``, ``*书记``):
   they are kept in the text and listed with their offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CleanedText",
    "clean_text",
    "fold_width",
    "find_placeholders",
    "SENTENCE_END",
]

# Characters after which a line break is a real paragraph end.
SENTENCE_END = "。！？；：!?;:…”’」』）)"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Zero-width characters, the soft hyphen, and control characters other than \t \n \r.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Boilerplate: (rule name, quick check, pattern).  Patterns are applied to
# the whole text; each match is removed and recorded.  Most patterns give
# ``re`` no literal to skip ahead to, so it tries them at every character.
# A quick check opens with a literal and matches inside every match of its
# pattern, so a text where it finds nothing is passed over at once.
_BOILERPLATE: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    (
        "site header",
        re.compile("由会员分享"),
        re.compile(r"^[^\n]{0,20}《[^》\n]{1,300}》由会员分享[^\n]*?(?:搜索。|\n|$)", re.M),
    ),
    (
        "site header",
        re.compile("本文"),
        re.compile(r"^[^\n]*(?:本文档由|本文由)[^\n]{0,40}(?:上传|分享|整理)[^\n]{0,80}$", re.M),
    ),
    ("page count", re.compile("页"), re.compile(r"第\s*\d+\s*页\s*[，,/]?\s*共\s*\d+\s*页")),
    (
        "truncation notice",
        re.compile("未完"),
        re.compile(r"[（(]\s*未完[，,]?\s*全文共\s*\d+\s*字[，,]?\s*当前显示\s*\d+\s*字\s*[)）]"),
    ),
    ("truncation notice", re.compile("文章共"), re.compile(r"【\s*文章共\s*\d+\s*字[^】\n]{0,60}】")),
    ("site trailer", re.compile(r"限制\s*\d+\s*内\s*$"), re.compile(r"\s*限制\s*\d+\s*内\s*$")),
    (
        "broadcast prefix",
        re.compile(r"消息[（(][^）)\n]{1,20}[)）][：:]"),
        re.compile(r"(?:央视网|新华网|新华社|人民网)消息[（(][^）)\n]{1,20}[)）][：:]"),
    ),
    (
        "licence footer",
        re.compile("本作品是中华人民共和国的"),
        re.compile(r"\n[ \t\u3000]*本作品是中华人民共和国的[\s\S]*$"),
    ),
    (
        "licence footer",
        re.compile(r"Public domain\s*(?:false\s*){1,3}$"),
        re.compile(r"\n\s*(?:Public domain\s*){1,3}(?:false\s*){1,3}$"),
    ),
]

_PAGE_MARKER = re.compile(r"^(\d{1,3})、", re.M)
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update({0xFF05: ord("%"), 0xFF0E: ord(".")})
# Runs of the characters in _FULLWIDTH: most texts have none or a few, and
# translating only the runs is far quicker than translating every character.
# ``[…][…]*`` rather than ``[…]+`` (here and in _SPACE_RUN): ``re`` skips
# quickly to where a match can start only when a pattern opens with a plain
# character or class, not with a repeat.
_FULLWIDTH_CLASS = "[\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
_FULLWIDTH_RUN = re.compile(f"{_FULLWIDTH_CLASS}{_FULLWIDTH_CLASS}*")

_HSPACE_CHARS = " \t\u00a0\u3000\u2002\u2003\u2009"
_HSPACE = f"[{_HSPACE_CHARS}]"
_SPACE_RUN = re.compile(f"{_HSPACE}{_HSPACE}*")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ALNUM = _LATIN | frozenset("0123456789")

# Lines that stand alone even without closing punctuation: a title, a
# salutation, a date, a signature.
_TITLE_END = re.compile(r"(?:讲话|講話|报告|報告|发言|發言|致辞|致辭|讲稿|汇报|总结)(?:稿)?[)）]?$")
_SALUTATION = re.compile(r"^(?:同志们|同志們|各位代表|各位委员|各位委員|各位领导|各位來賓|各位来宾|女士们|朋友们)")
_DATE_ALONE = re.compile(r"^[（(]?\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年[^。，,]{1,8}日\s*[)）]?$")
_HEADING_LINE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[部章节])"
)

# XX/xx not inside a Latin word, ××, ☆, ##, ○○, □□, △△, 某某, and one to
# three asterisks before a Chinese character (*书记).  Every alternative
# opens with a literal character so that ``re`` can skip ahead to the next
# X, x, ×, ☆, #, ○, □, △, 某 or asterisk instead of trying each position.
PLACEHOLDER = re.compile(
    r"X(?<![A-Za-z]X)X+(?![A-Za-z])|x(?<![A-Za-z]x)x+(?![A-Za-z])"
    r"|××+|☆☆*|##+|○○+|□□+|△△+|某某"
    r"|\*[*＊]{0,2}(?=[\u4e00-\u9fff])|＊[*＊]{0,2}(?=[\u4e00-\u9fff])"
)
_HEADLINE = re.compile(r"\s*([^\n]{4,200})\n[ \t\u3000]*\n")


@dataclass(frozen=True)
class CleanedText:
    """The result of :func:`clean_text`.

    ``text`` is the cleaned text; ``headline`` a first line taken out as a
    headline (empty when there was none); ``changes`` lists
    ``(rule, removed text)`` pairs in the order they were applied;
    ``placeholders`` lists ``(start, end, text)`` spans of redaction
    placeholders in ``text``.
    """

    text: str
    headline: str = ""
    changes: list[tuple[str, str]] = field(default_factory=list)
    placeholders: list[tuple[int, int, str]] = field(default_factory=list)

    def changes_table(self) -> "pd.DataFrame":
        """What each rule changed: ``rule, count, example`` (the first thing it removed or joined)."""
        import pandas as pd

        rows: dict[str, list] = {}
        for rule, example in self.changes:
            if rule not in rows:
                rows[rule] = [rule, 0, example[:60]]
            rows[rule][1] += 1
        return pd.DataFrame(list(rows.values()), columns=["rule", "count", "example"])

    def change_counts(self) -> dict[str, int]:
        """How many times each rule fired."""
        counts: dict[str, int] = {}
        for rule, _ in self.changes:
            counts[rule] = counts.get(rule, 0) + 1
        return counts


def fold_width(text: str) -> str:
    """Fold full-width digits, Latin letters, ``％`` and ``．`` to ASCII.

    Chinese punctuation (，。；：！？（）) is deliberately left alone.
    """
    return _fold_width_counted(text)[0]


def _fold_width_counted(text: str) -> tuple[str, int]:
    """:func:`fold_width`, and how many characters it changed."""
    folded = 0

    def fold(match: re.Match[str]) -> str:
        nonlocal folded
        folded += match.end() - match.start()
        return match.group().translate(_FULLWIDTH)

    return _FULLWIDTH_RUN.sub(fold, text), folded


def find_placeholders(text: str) -> list[tuple[int, int, str]]:
    """Spans of redaction placeholders (``XX``, ``××``, ``☆``, ``*书记`` …)."""
    return [(m.start(), m.end(), m.group()) for m in PLACEHOLDER.finditer(text)]


def _remove_boilerplate(text: str, changes: list[tuple[str, str]]) -> str:
    for rule, quick, pattern in _BOILERPLATE:
        if not quick.search(text):
            continue

        def record(match: re.Match[str], rule: str = rule) -> str:
            changes.append((rule, match.group().strip()))
            return "\n" if match.group().endswith("\n") and rule == "site header" else ""

        text = pattern.sub(record, text)
    return text


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END


def _page_marker_lines(lines: list[str]) -> set[int]:
    """Indexes of lines that start with a site-inserted page marker.

    Document-sharing sites number each page ``1、``, ``2、`` … at the start
    of a line.  A run of such line-initial numbers is taken for page markers
    when it counts up by one from 1 or 2, has at least three members, and
    most of the breaks it marks fall inside a sentence (the line before ends
    without punctuation).  Genuine list items end their previous line with
    punctuation, so a speech's own ``1、`` ``2、`` list is left alone.
    """
    # Checking the first character before the pattern (\d is str.isdecimal)
    # saves running it on every line.
    candidates = [
        (i, int(m.group(1)))
        for i, line in enumerate(lines)
        if line[:1].isdecimal() and (m := _PAGE_MARKER.match(line))
    ]
    best: list[int] = []
    for start in range(len(candidates)):
        first_number = candidates[start][1]
        if first_number not in (1, 2):
            continue
        run = [candidates[start][0]]
        expected = first_number + 1
        for index, number in candidates[start + 1:]:
            if number == expected:
                run.append(index)
                expected += 1
        if len(run) > len(best):
            best = run
    if len(best) < 3:
        return set()
    mid_sentence = sum(
        1 for i in best[1:] if i > 0 and not _ends_sentence(lines[i - 1])
    )
    if mid_sentence < 0.5 * (len(best) - 1):
        return set()
    return set(best)


def _remove_page_markers(text: str, changes: list[tuple[str, str]]) -> str:
    lines = text.split("\n")
    markers = _page_marker_lines(lines)
    if not markers:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in markers:
            marker = _PAGE_MARKER.match(line)
            assert marker is not None
            changes.append(("page marker", marker.group()))
            body = line[marker.end():]
            if out and not _ends_sentence(out[-1]):
                # The page break fell inside a sentence or a word: rejoin.
                out[-1] = out[-1].rstrip() + body.lstrip()
                continue
            out.append(body)
        else:
            out.append(line)
    return "\n".join(out)


def _keep_space(before: str, after: str) -> bool:
    """A space survives only between Latin words (or a Latin word and a number)."""
    return before in _ALNUM and after in _ALNUM and (before in _LATIN or after in _LATIN)


def _remove_hard_wrap_spaces(text: str, changes: list[tuple[str, str]]) -> str:
    text = "\n".join(line.strip(_HSPACE_CHARS) for line in text.split("\n"))

    # With the lines stripped, every run left stands between two characters
    # of the same line.
    def space(match: re.Match[str]) -> str:
        before, after = text[match.start() - 1], text[match.end()]
        if _keep_space(before, after):
            return " "
        changes.append(("hard-wrap space", before + match.group() + after))
        return ""

    return _SPACE_RUN.sub(space, text)


def _join_broken_lines(text: str, changes: list[tuple[str, str]]) -> str:
    """Join lines broken inside a sentence; collapse blank-line runs.

    A line break is kept when the line before ends a sentence, when the line
    before or after is a heading, after a first line that is a title
    (…的讲话), before a salutation (同志们：), around a date standing alone,
    and at blank lines that separate paragraphs (unless the next line opens
    with punctuation, which only a broken sentence does).
    """
    lines = text.split("\n")
    paragraphs: list[str] = []
    current = ""
    joined = False  # whether ``current`` already joins several lines
    pending_blank = False
    for line in lines:
        if not line:
            pending_blank = True
            continue
        if not current:
            current = line
            pending_blank = False
            continue
        joinable = (
            not _ends_sentence(current)
            and not _HEADING_LINE.match(current)
            and not _HEADING_LINE.match(line)
            and not (not paragraphs and not joined and _TITLE_END.search(current))  # a title is the first line
            and not _SALUTATION.match(line)
            and not _DATE_ALONE.match(line)
            and not _DATE_ALONE.match(current)
            and (not pending_blank or line[0] in "，、。；：,;")
        )
        if joinable:
            changes.append(("line join", current[-6:] + "⏎" + line[:6]))
            current += line
            joined = True
        else:
            paragraphs.append(current)
            current = line
            joined = False
        pending_blank = False
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _take_headline(text: str) -> tuple[str, str]:
    """Take a headline off the first line when it stands apart as one.

    A broadcast readout's first line is its headline: short of a paragraph,
    without closing punctuation, followed by a blank line.
    """
    match = _HEADLINE.match(text)
    if not match:
        return "", text
    line = match.group(1).strip()
    if not line or line[-1] in SENTENCE_END or _HEADING_LINE.match(line) or line.endswith(("：", ":")):
        return "", text
    return line, text[match.end():]


def clean_text(raw: str, *, take_headline: bool = True) -> CleanedText:
    """Clean one speech; see the module docstring for the rules.

    Args:
        raw: the text as read from the file.
        take_headline: take a first line that stands apart (no closing
            punctuation, a blank line after it) out of the body and return
            it as ``headline``; broadcast readouts open with one.
    """
    changes: list[tuple[str, str]] = []
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text, invisible = _INVISIBLE.subn("", text)
    if invisible:
        changes.append(("invisible characters", str(invisible)))
    text = _remove_boilerplate(text, changes)
    headline = ""
    if take_headline:
        headline, text = _take_headline(text)
        headline = _SPACE_RUN.sub(" ", headline).strip()
    text = _remove_page_markers(text, changes)
    text, folded = _fold_width_counted(text)
    if folded:
        changes.append(("full-width folded", str(folded)))
    text = _remove_hard_wrap_spaces(text, changes)
    text = _join_broken_lines(text, changes)
    text = text.strip()
    return CleanedText(
        text=text,
        headline=headline,
        changes=changes,
        placeholders=find_placeholders(text),
    )
