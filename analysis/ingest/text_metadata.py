"""Metadata stated in the text of a local speech: speaker, title lines, the report year.

Local texts carry their metadata in the first lines or a signature:

- the speaker on a line of its own or at the end of the date line:
  ``市人民政府市长 秦凤玉``, ``——2024年2月29日在玉林市…会议上 市长 张惠强``,
  ``市长\\xa0 马\\xa0 军`` (non-breaking spaces inside the name), or in a
  signature at the end (``县委书记 张三``);
- a title split over two lines (``县委书记在全县经济工作会议`` ⏎ ``上的讲话``),
  with pinyin glosses (``发(fā)展``) removed;
- the year a government work report reviews (``一、2023年工作回顾``): the
  report is delivered the next year (see :func:`report_year_from_text`).

Each function returns what the text states, or an empty value.
:func:`analysis.ingest.metadata.merge_metadata` decides their precedence.
"""

from __future__ import annotations

import re

from analysis.text.clean import remove_pinyin

__all__ = ["speaker_from_text", "title_lines_from_text", "report_year_from_text", "is_slug"]

_SPACES = "[ \\t\\u00a0\\u3000]"
_ROLE = (
    r"(?:代理)?(?:市长|副市长|代市长|县长|代县长|副县长|区长|代区长|州长|盟长|旗长|镇长|乡长|"
    r"书记|副书记|主任|局长|行署专员|专员|主席|总理)"
)
# The body before the role: 市人民政府, 县委, XX县人民政府 … (up to 14 characters).
_SPEAKER = re.compile(
    rf"(?P<role>[\u4e00-\u9fffXx×]{{0,14}}?{_ROLE}){_SPACES}*"
    rf"(?P<name>(?:[\u4e00-\u9fff]{_SPACES}*){{1,3}}[\u4e00-\u9fff]|[Xx×]{{2,4}})$"
)
# Where a speaker line may stand: alone, or after the meeting on the date line.
_DATE_LINE_END = re.compile(r"(?:会议上|大会上|会上)")
# Names that are no names: the ends of roles and common words a greedy match could take.
_NOT_A_NAME = re.compile(r"(?:同志|代表|委员|讲话|报告|致辞|发言|政府|工作)$")


def _speaker_in_line(line: str) -> str:
    line = line.strip()
    if not line or len(line) > 80:
        return ""
    cut = None
    for cut in _DATE_LINE_END.finditer(line):
        pass
    candidate = line[cut.end():] if cut is not None else line
    candidate = candidate.strip(" \t\u00a0\u3000")
    if len(candidate) > 24:
        return ""
    match = _SPEAKER.fullmatch(candidate) or _SPEAKER.search(candidate)
    if not match or match.start() > 0 and cut is None:
        return ""
    name = re.sub(_SPACES, "", match.group("name"))
    if _NOT_A_NAME.search(name) or not 2 <= len(name) <= 4:
        return ""
    return f"{match.group('role')} {name}"


def speaker_from_text(raw: str, *, head_lines: int = 8, tail_lines: int = 3) -> str:
    """The speaker named under the title or in a signature: ``'市人民政府市长 秦凤玉'`` (empty if none).

    Looks at the first ``head_lines`` non-empty lines of the raw text (a line
    of its own, or the end of the date line ``——…会议上 市长 张惠强``), then at
    the last ``tail_lines`` (a signature).  Spaces inside the name
    (``马\\xa0 军``) are removed; the role is kept before a space.
    """
    lines = [line for line in raw.replace("\r\n", "\n").split("\n") if line.strip()]
    for line in lines[:head_lines] + lines[-tail_lines:]:
        if line.strip().endswith(("：", ":")):
            continue  # 各位代表：
        found = _speaker_in_line(line)
        if found:
            return found
    return ""


_TITLE_END = re.compile(r"(?:讲话|报告|發言|发言|講話|致辞|讲稿|汇报|总结)(?:稿)?[)）]?$")
_CLOSED = "。！？；!?;：:，,"


def title_lines_from_text(raw: str) -> str:
    """A title split over the first two lines of the raw text, rejoined (empty if none).

    ``县委书记在全县经济工作会议`` ⏎ ``上的讲话`` → ``县委书记在全县经济工作会议上的讲话``:
    the first line ends open, the second is short and ends as a title.
    Pinyin glosses are removed.
    """
    lines = [line.strip(" \t\u00a0\u3000") for line in raw.replace("\r\n", "\n").split("\n") if line.strip()]
    if len(lines) < 2:
        return ""
    first, second = lines[0], lines[1]
    if first[-1:] in _CLOSED or _TITLE_END.search(first) or len(second) > 20 or not _TITLE_END.search(second):
        return ""
    joined = remove_pinyin(first + second)
    return joined if 6 <= len(joined) <= 80 else ""


def is_slug(name: str) -> bool:
    """Whether a file-name part is a slug rather than a title (``亳州_government-work-report``)."""
    return bool(re.search(r"[_]|[A-Za-z]{3,}-[A-Za-z]", name))


_REVIEWED_YEAR = re.compile(r"(?:^|\n)[一二三四五六七八九十、\s]*((?:19|20)\d{2})年(?:政府)?工作回顾")
_REPORT = re.compile(r"政府工作报告|向大会(?:作)?报告(?:政府)?工作|向大会作政府工作报告")


def report_year_from_text(text: str) -> int | None:
    """The year a government work report is delivered, from the year it reviews.

    A government work report (``政府工作报告`` or ``向大会报告工作`` near the
    start) whose review part is headed ``2023年工作回顾`` is delivered in the
    following year, 2024: reports are given in January–March.  None when the
    text is no such report or names no reviewed year.
    """
    if not _REPORT.search(text[:600]):
        return None
    match = _REVIEWED_YEAR.search(text[:6000])
    return int(match.group(1)) + 1 if match else None
