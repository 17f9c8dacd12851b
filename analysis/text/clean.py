"""Cleaning of scraped and re-typed speech text.

Real speeches reach researchers through document-sharing sites, government
pages, Wikisource and Word files.  Each route leaves its own debris: site
headers and trailers, page numbers inserted in the middle of words,
hard-wrap spaces, full-width digits, licence footers.  :func:`clean_text`
removes that debris while keeping everything the speaker said, and reports
what it changed so that a researcher can audit it.

Rules, in the order they run:

1. normalise line ends; drop zero-width and control characters; turn HTML
   left in a scraped text into text (``<br>`` and ``<p>`` into line breaks,
   other tags dropped, ``&nbsp;`` and other entities decoded), only where
   tags or entities are found; drop a column of line numbers (``1⇥…``,
   ``2　…``) when most lines open with one and they count up;
2. remove site boilerplate, one entry per site family in the data file
   ``analysis/data/boilerplate_zh.yaml`` (headers such as ``《…》由会员分享…``,
   ``上传人…文档编号…``, ``购物车 我的足迹…``, trailers such as ``限制150内``,
   ``第1页共17页``, ``_第2页``, ``(未完,全文共2010字…)``, ``(…省略1038字…)``,
   PDF footers ``— 2 —``, portal breadcrumbs and metadata tables, broadcast
   prefixes ``央视网消息（新闻联播）：``, Wikisource licence footers); a user adds a
   site there without touching code;
3. remove page-break markers ``N、`` inserted by document-sharing sites and
   rejoin the words they split (genuine list numbering is kept): a run of
   three or more, or a single one once step 2 found site debris
   (``我重⏎2、点讲``, ``我再2、强调``);
4. remove pinyin glosses (``发(fā)展`` → ``发展``);
5. fold full-width digits, Latin letters, ``％`` and ``．`` to ASCII
   (Chinese punctuation is left alone: NFKC would turn it into ASCII);
6. remove hard-wrap spaces (between Chinese characters, letter-spaced
   headings and digits ``1 9 9 3 年``) while keeping spaces between Latin words
   and between two numbers (``2022-03-10 11:51``, ``1 4月``);
7. join lines broken inside a sentence (hard wraps, Wikisource links); in a
   hard-wrapped text (most lines end open, as in ``2024_承德``) across blank
   lines too; a date line under a title (``——2024年1月16日在…会议上``) stands alone;
8. mark redaction placeholders (``XX``, ``××``, ``☆``, ``##``, ``*书记``):
   they are kept in the text and listed with their offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analysis.text.boilerplate import BoilerplateRule, boilerplate_rules
from analysis.text.scrape_markup import html_to_text, line_numbers_remove

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BoilerplateRule",
    "boilerplate_rules",
    "CleanedText",
    "clean_text",
    "fold_width",
    "find_placeholders",
    "remove_pinyin",
    "SENTENCE_END",
]

# Characters after which a line break is a real paragraph end.
SENTENCE_END = "。！？；：!?;:…”’」』）)"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Zero-width characters, the soft hyphen, and control characters other than \t \n \r.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")



_PAGE_MARKER = re.compile(r"^(\d{1,3})、", re.M)
# A page marker inside a line, between two Chinese characters (我再2、强调); not
# after 第 (第1、2批) and not before a digit (3、4月份).
_INLINE_PAGE_MARKER = re.compile(r"\d{1,3}、(?=[\u4e00-\u9fff])")  # the character before is checked in code
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
# Pinyin glosses after a character in speech texts: 发(fā)展, 经(jīng)济(jì), 调(diào)度.
# A gloss carries a tone mark, which keeps (a) and (GDP) out.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(
    # Opening with the bracket (the look-behind after it) lets ``re`` skip ahead to the next bracket.
    rf"[（(](?<=[\u4e00-\u9fff][（(])[ \t]*(?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[ \t]*[)）]"
)
# Letter-spaced single digits, each standing alone: three or more (1 9 9 3 年),
# or two with the spacing going on after them (增长1 1 ％).  Two digits with
# nothing spaced after them are two numbers (1 4月) and keep their space.
_SPACED_TOKEN = r"(?:\.?\d(?![\d.])|\.(?=[ \t\u00a0\u3000]))"
_SPACED_DIGITS = re.compile(
    # Opening with \d (the look-behind after it) is quicker than a look-around first.
    rf"\d(?<![\d.]\d)(?:[ \t\u00a0\u3000]+{_SPACED_TOKEN}){{2,}}"
    rf"|\d(?<![\d.]\d)(?:[ \t\u00a0\u3000]+{_SPACED_TOKEN})+(?=[ \t\u00a0\u3000])"
)
_HSPACE = f"[{_HSPACE_CHARS}]"
_SPACE_RUN = re.compile(f"{_HSPACE}{_HSPACE}*")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ALNUM = _LATIN | frozenset("0123456789")

# Lines that stand alone even without closing punctuation: a title, a
# salutation, a date, a signature.
_TITLE_END = re.compile(r"(?:讲话|講話|报告|報告|发言|發言|致辞|致辭|讲稿|汇报|总结)(?:稿)?[)）]?$")
_SPLIT_TITLE_END = re.compile(r"(?:会|会议|大会)上的(?:讲话|報告|报告|发言|致辞)(?:稿)?[)）]?$")
_SALUTATION = re.compile(r"^(?:同志们|同志們|各位代表|各位委员|各位委員|各位领导|各位來賓|各位来宾|女士们|朋友们)")
_DATE_ALONE = re.compile(r"^[（(]?\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年[^。，,]{1,8}日\s*[)）]?$")
# Part headings of a report, never a headline: 2023年工作回顾, 2024年工作安排.
_PART_HEADING = re.compile(r"(?:工作回顾|回顾|工作安排|目标任务|主要任务|重点工作)$")
# A date line under a title (——2024年1月16日在亳州市…会议上) stands alone.
_SUBTITLE = re.compile(r"^[—－]{1,2}\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年[^。]{0,60}(?:会议上|大会上|讲话)$")
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


def _remove_boilerplate(text: str, changes: list[tuple[str, str]]) -> tuple[str, bool]:
    """Apply the boilerplate rules; also say whether any site debris was found."""
    site = False
    for entry in boilerplate_rules():
        if not entry.quick.search(text):
            continue
        found = False

        def record(match: re.Match[str], entry: BoilerplateRule = entry) -> str:
            nonlocal found
            found = True
            changes.append((entry.rule, match.group().strip()))
            return "\n" if entry.keep_newline and match.group().endswith("\n") else ""

        text = entry.pattern.sub(record, text)
        site = site or (found and entry.site)
    return text, site


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END


def _page_marker_lines(lines: list[str], *, site: bool = False) -> set[int]:
    """Indexes of lines that start with a site-inserted page marker.

    Document-sharing sites number each page ``1、``, ``2、`` … at the start
    of a line.  A run of such line-initial numbers is taken for page markers
    when it counts up by one from 1 or 2, has at least three members, and
    most of the breaks it marks fall inside a sentence (the line before ends
    without punctuation).  Genuine list items end their previous line with
    punctuation, so a speech's own ``1、`` ``2、`` list is left alone.

    Once site debris has been found (``site``), a single marker is enough:
    every line-initial ``N、`` whose line break falls inside a sentence
    (``下面，我重⏎2、点讲三方面``) is a marker.
    """
    # Checking the first character before the pattern (\d is str.isdecimal)
    # saves running it on every line.
    candidates = [
        (i, int(m.group(1)))
        for i, line in enumerate(lines)
        if line[:1].isdecimal() and (m := _PAGE_MARKER.match(line))
    ]
    found: set[int] = set()
    if site:
        found = {
            i for i, _ in candidates
            if i > 0 and lines[i - 1].strip() and not _ends_sentence(lines[i - 1])
            and not _HEADING_LINE.match(lines[i - 1].strip())
        }
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
        return found
    mid_sentence = sum(
        1 for i in best[1:] if i > 0 and not _ends_sentence(lines[i - 1])
    )
    if mid_sentence < 0.5 * (len(best) - 1):
        return found
    return found | set(best)


def _remove_page_markers(text: str, changes: list[tuple[str, str]], *, site: bool = False) -> str:
    if site:
        # A page of a document site holds at least a few hundred characters.
        pages = max(3, len(text) // 300)

        # Inside a line, a marker sits between two characters of a word (我再2、强调).
        def inline(match: re.Match[str]) -> str:
            before = text[match.start() - 1] if match.start() else ""
            if not ("\u4e00" <= before <= "\u9fff") or before == "第":
                return match.group()  # a list (：1、), a longer number, 第1、2批
            if int(re.match(r"\d+", match.group()).group()) > pages:
                return match.group()  # more pages than the text can have: a figure (满100减30、满300减80)
            changes.append(("page marker", match.group()))
            return ""

        text = _INLINE_PAGE_MARKER.sub(inline, text)
    lines = text.split("\n")
    markers = _page_marker_lines(lines, site=site)
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
    """A space survives between Latin words (or a Latin word and a number) and between two numbers."""
    if before in _ALNUM and after in _ALNUM:
        # Two numbers stay apart: 2022-03-10 11:51, 1 4月 (letter-spaced digits are joined before).
        return before in _LATIN or after in _LATIN or (before.isdigit() and after.isdigit())
    return False


def _remove_hard_wrap_spaces(text: str, changes: list[tuple[str, str]]) -> str:
    text = "\n".join(line.strip(_HSPACE_CHARS) for line in text.split("\n"))

    def spaced(match: re.Match[str]) -> str:
        changes.append(("hard-wrap space", match.group()))
        return _SPACE_RUN.sub("", match.group())

    if _SPACED_DIGITS.search(text):
        text = _SPACED_DIGITS.sub(spaced, text)

    # With the lines stripped, every run left stands between two characters
    # of the same line.
    def space(match: re.Match[str]) -> str:
        before, after = text[match.start() - 1], text[match.end()]
        if _keep_space(before, after):
            return " "
        changes.append(("hard-wrap space", before + match.group() + after))
        return ""

    return _SPACE_RUN.sub(space, text)


def remove_pinyin(text: str) -> str:
    """``text`` without pinyin glosses: ``发(fā)展`` → ``发展``."""
    return _PINYIN_GLOSS.sub("", text) if "(" in text or "（" in text else text


def _remove_pinyin(text: str, changes: list[tuple[str, str]]) -> str:
    def gloss(match: re.Match[str]) -> str:
        changes.append(("pinyin gloss", match.group()))
        return ""

    return _PINYIN_GLOSS.sub(gloss, text) if "(" in text or "（" in text else text


def _hard_wrap_width(lines: list[str]) -> int:
    """The wrap width of a hard-wrapped text (0 when it is not one).

    A text is hard-wrapped (2024_承德: 464 of 517 lines) when, counted over
    its non-empty lines other than headings (at least 20), more than three in
    five end without closing punctuation: the line breaks are then the
    wrap, and blank lines between them are too.  The width is the median
    length of the lines that end open.
    """
    body = [line for line in lines if line and not _HEADING_LINE.match(line)]
    if len(body) < 20:
        return 0
    open_lengths = sorted(len(line) for line in body[:-1] if not _ends_sentence(line))
    if len(open_lengths) <= 0.6 * (len(body) - 1):
        return 0
    return open_lengths[len(open_lengths) // 2]


def _ends_sentence_strictly(line: str) -> bool:
    """Ends with a full stop, a question or exclamation mark, a semicolon or colon (before a closing quote)."""
    stripped = line.rstrip()
    if stripped[-1:] in "”’」』）)" and len(stripped) > 1:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in "。！？；：!?;:…"


def _is_title(line: str, joined: bool) -> bool:
    """Whether the first paragraph is a title: …讲话 alone, or split over lines as …会议⏎上的讲话."""
    if joined:
        return len(line) <= 60 and bool(_SPLIT_TITLE_END.search(line))
    return bool(_TITLE_END.search(line))


def _join_broken_lines(text: str, changes: list[tuple[str, str]]) -> str:
    """Join lines broken inside a sentence; collapse blank-line runs.

    A line break is kept when the line before ends a sentence, when the line
    before or after is a heading, after a first line that is a title
    (…的讲话), before a salutation (同志们：), around a date standing alone,
    and at blank lines that separate paragraphs (unless the next line opens
    with punctuation, which only a broken sentence does).
    """
    lines = text.split("\n")
    width = _hard_wrap_width(lines)
    wrapped = width > 0
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
        if wrapped:
            # A hard-wrapped text: a line as long as the wrap that ends open
            # goes on in the next, headings included (（一）…面对经济下行巨⏎大压力).
            joinable = (
                not _ends_sentence_strictly(current)
                and (len(current) >= 0.8 * width or not _HEADING_LINE.match(current))
                and not (not paragraphs and _is_title(current, joined))
                and not _HEADING_LINE.match(line)
                and not _SALUTATION.match(line)
                and not _DATE_ALONE.match(line)
                and not _DATE_ALONE.match(current)
                and not _SUBTITLE.match(current)
                and not _SUBTITLE.match(line)
            )
        else:
            joinable = (
                not _ends_sentence(current)
                and not _HEADING_LINE.match(current)
                and not _HEADING_LINE.match(line)
                and not (not paragraphs and _is_title(current, joined))  # a title is the first line
                and not _SALUTATION.match(line)
                and not _DATE_ALONE.match(line)
                and not _DATE_ALONE.match(current)
                and not _SUBTITLE.match(current)
                and not _SUBTITLE.match(line)
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


def _drop_repeated_title(text: str, changes: list[tuple[str, str]]) -> str:
    """A title repeated on the next non-empty line (a site's heading, then the document's) is kept once."""
    lines = text.lstrip("\n").split("\n")
    rest = [i for i, line in enumerate(lines) if line.strip()]
    if len(rest) < 2:
        return text
    first, second = lines[rest[0]].strip(_HSPACE_CHARS), lines[rest[1]].strip(_HSPACE_CHARS)
    if first and first == second and len(first) <= 80 and first[-1] not in SENTENCE_END:
        changes.append(("repeated title", first))
        del lines[rest[1]]
        return "\n".join(lines)
    return text


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
    if _PART_HEADING.search(line):
        return "", text  # a report that opens with its review heading (2023年工作回顾) keeps it
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
    text = html_to_text(text, changes)
    text = line_numbers_remove(text, changes)
    text, site = _remove_boilerplate(text, changes)
    headline = ""
    if take_headline:
        headline, text = _take_headline(text)
        headline = remove_pinyin(_SPACE_RUN.sub(" ", headline).strip())
    text = _drop_repeated_title(text, changes)
    text = _remove_page_markers(text, changes, site=site)
    text = _remove_pinyin(text, changes)
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
