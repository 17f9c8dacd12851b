"""Speech metadata: dates, titles, meeting types and speakers, with their sources.

Three sources, in order of precedence:

1. a metadata table beside the files (CSV or TSV with a ``path`` column);
2. the file name (``YYYY-MM-DD_…``, ``YYYY-MM_…``, ``YYYY_…``, ``YYYYMMDD_…``;
   what follows the date is taken as the meeting type);
3. the text itself (``——2024年3月5日在…会议上``, ``8月份月度工作推进会``,
   ``10月25日召开会议``, a site header's document title).

Every field records the source that gave it.  Where a lower source
disagrees with the one kept, the disagreement is noted.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.ingest.text_metadata import is_slug, report_year_from_text, speaker_from_text, title_lines_from_text
from analysis.text.clean import remove_pinyin

__all__ = [
    "PartialDate",
    "Metadata",
    "TABLE_COLUMNS",
    "parse_date",
    "date_from_filename",
    "date_from_text",
    "meeting_type_from_filename",
    "title_from_text",
    "read_metadata_table",
    "metadata_table_read",
    "parse_table_date",
    "is_metadata_table",
    "merge_metadata",
]

#: Accepted column names of a metadata table, by field.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "path": ("path", "file", "filename", "文件", "文件名"),
    "date": ("date", "日期", "时间"),
    "title": ("title", "标题", "题目"),
    "meeting_type": ("meeting_type", "type", "meeting", "会议类型", "类型"),
    "speaker": ("speaker", "speaker_or_body", "讲话人", "发言人"),
}

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as known: any of year, month and day may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.year, self.month, self.day))

    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; empty when the year is unknown."""
        if self.year is None:
            return ""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def describe(self) -> str:
        """Human-readable form, also for dates without a year (``????-08``)."""
        if self.year is not None:
            return self.iso()
        month = f"{self.month:02d}" if self.month else "??"
        return f"????-{month}" + (f"-{self.day:02d}" if self.day else "")

    def conflicts_with(self, other: PartialDate) -> bool:
        """Whether the two dates disagree on a part both know."""
        return any(
            a is not None and b is not None and a != b
            for a, b in ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        )

    def filled_from(self, other: PartialDate) -> PartialDate:
        """Fill parts this date lacks from ``other`` where they agree."""
        if self.conflicts_with(other):
            return self
        year = self.year if self.year is not None else other.year
        month = self.month if self.month is not None else other.month
        day = self.day if self.day is not None else other.day
        if month is None:
            day = None
        return PartialDate(year, month, day)


def _valid(year: int | None, month: int | None, day: int | None) -> PartialDate:
    if year is not None and not 1900 <= year <= 2100:
        return PartialDate()
    if month is not None and not 1 <= month <= 12:
        return PartialDate(year)
    if day is not None and not 1 <= day <= 31:
        return PartialDate(year, month)
    return PartialDate(year, month, day)


_ISO = re.compile(r"^\s*(\d{4}|\?{4})(?:[-/.年](\d{1,2}|\?\?)(?:[-/.月](\d{1,2})日?)?月?)?\s*$")


def parse_date(value: str) -> PartialDate:
    """Parse a table's date cell: ``2024-03-05``, ``2024-03``, ``2024``, ``????-08``, ``2024年3月5日``."""
    value = (value or "").strip()
    if not value:
        return PartialDate()
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
    if compact:
        return _valid(*(int(g) for g in compact.groups()))
    match = _ISO.match(value)
    if not match:
        return PartialDate()
    year_s, month_s, day_s = match.groups()
    year = int(year_s) if year_s and year_s.isdigit() else None
    month = int(month_s) if month_s and month_s.isdigit() else None
    day = int(day_s) if day_s else None
    return _valid(year, month, day)


_FILENAME_DATE = re.compile(
    r"^(?P<y>(?:19|20)\d{2})(?:[-.]?(?P<m>0[1-9]|1[0-2])(?:[-.]?(?P<d>0[1-9]|[12]\d|3[01]))?)?(?=[_\s-]|$)"
)


def date_from_filename(stem: str) -> tuple[PartialDate, str]:
    """Date at the start of a file name, and the rest of the name after it."""
    match = _FILENAME_DATE.match(stem)
    if not match:
        return PartialDate(), stem
    parts = [int(g) if g else None for g in match.group("y", "m", "d")]
    rest = stem[match.end():].lstrip("_- ")
    return _valid(*parts), rest


def meeting_type_from_filename(stem: str) -> str:
    """What follows a leading date in a file name, as a meeting type.

    ``2023-02-21_politburo-meeting`` → ``politburo-meeting``.  Names without a
    leading date give no meeting type: they are more often titles.
    """
    date, rest = date_from_filename(stem)
    if not date or not rest or len(rest) > 60:
        return ""
    return rest


def _cn_number(text: str) -> int | None:
    """``十二`` → 12, ``八`` → 8, ``12`` → 12 (numbers up to 99)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        value = (_CN_DIGITS.get(tens, 0) if tens else 1) * 10
        return value + (_CN_DIGITS.get(units, 0) if units else 0)
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


_CN_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_DELIVERY = re.compile(
    rf"(?:——|—|--|－－)\s*(?P<y>(?:19|20)\d{{2}}|[一二〇零三四五六七八九]{{4}})\s*年\s*(?P<m>{_CN_NUM})\s*月\s*(?:(?P<d>{_CN_NUM})\s*日)?"
)
# Any bracket style: （2023年8月15日）, [2023年8月15日], 【…】, 〔…〕, 〈…〉.
_DATE_IN_BRACKETS = re.compile(
    rf"[（(\[【〔〈<]\s*(?P<y>(?:19|20)\d{{2}}|[一二〇零三四五六七八九]{{4}})\s*年\s*(?P<m>{_CN_NUM})\s*月\s*(?:(?P<d>{_CN_NUM})\s*日)?\s*[)）\]】〕〉>]"
)
# A compact date in brackets in a title: 2023年…讲话(20230224).
_COMPACT_IN_BRACKETS = re.compile(r"[（(\[【](?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])[)）\]】]")
# The year of the meeting in a title: 在2026年全县经济工作会议上的讲话.
_TITLE_YEAR = re.compile(r"^[^\n。]{0,30}?(?P<y>(?:19|20)\d{2})\s*年[^\n。]{1,40}?(?:会议|大会|会)上的(?:讲话|发言|报告|致辞)")
# A signature at the end of a speech: the date alone on the last lines.
_DATE_LINE = re.compile(
    rf"(?m)^\s*(?P<y>(?:19|20)\d{{2}}|[一二〇零三四五六七八九]{{4}})\s*年\s*(?P<m>{_CN_NUM})\s*月\s*(?P<d>{_CN_NUM})\s*日\s*$"
)
_DATED_EVENT = re.compile(
    r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:在|召开|举行|上午|下午|晚)"
)
_MONTH_EVENT = re.compile(
    rf"(?<![\d年至到—-])(?P<m>{_CN_NUM})月(?:(?P<d>{_CN_NUM})日)?(?:份)?(?:召开|举行|主持召开)?(?:[^，。,]{{0,8}}?)(?:月度)?(?:工作)?(?:推进会|调度会|例会|召开会议|召开[^，。]{{0,12}}会议|举行[^，。]{{0,12}}学习)"
)


def _cn_year(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = [_CN_DIGITS.get(ch) for ch in text]
    if None in digits:
        return None
    return int("".join(str(d) for d in digits))


def date_from_text(text: str, *, head_chars: int = 600) -> PartialDate:
    """Date of delivery stated near the start of a speech, as precise as stated.

    Looks for a signature line (``——2024年3月5日在…``), a date in brackets of
    any style under the title (``（2023年8月15日）``, ``【2023年8月15日】``), a
    compact date in brackets in the title (``…讲话(20230224)``), a dated event
    (``2024年3月5日在…``), a date alone under the title or on one of the last
    lines (a signature), the year of the meeting in the title
    (``在2026年…会议上的讲话``: the year only), then a meeting named by its
    month (``8月份月度工作推进会``, ``10月25日召开会议``).
    """
    head = text[:head_chars]
    tail = text[-200:]
    top = "\n".join(head.split("\n")[:4])  # the title block: a date alone under the title
    for pattern, where in (
        (_DELIVERY, head), (_DATE_IN_BRACKETS, head), (_COMPACT_IN_BRACKETS, top), (_DATED_EVENT, head),
        (_DATE_LINE, top), (_DATE_LINE, tail),
    ):
        match = pattern.search(where)
        if match:
            year = _cn_year(match.group("y"))
            month = _cn_number(match.group("m"))
            day = _cn_number(match.group("d")) if match.group("d") else None
            return _valid(year, month, day)
    match = _TITLE_YEAR.search(top)
    if match:
        return _valid(int(match.group("y")), None, None)
    match = _MONTH_EVENT.search(head)
    if match:
        month = _cn_number(match.group("m"))
        day = _cn_number(match.group("d")) if match.group("d") else None
        return _valid(None, month, day)
    return PartialDate()


_SITE_TITLE = re.compile(r"《([^》\n]{2,200}?)(?:\.(?:docx?|pdf|wps|txt))?(?:\(\d+页[^)]*\))?》由会员分享")


_TITLE_LINE = re.compile(
    r"^[^\n。！？!?；;：:，,]{4,80}(?:讲话|報告|报告|发言|講話|致辞|講演|讲稿|汇报|总结)(?:稿)?(?:[（(](?:摘要|节选|全文|摘编)[)）])?$"
)


def title_from_text(raw: str, headline: str, cleaned: str = "") -> str:
    """A title stated by the file: a site's document title, a headline, a title split over
    the first two lines (rejoined), or a first line that reads as a title; pinyin glosses removed."""
    match = _SITE_TITLE.search(raw[:1000])
    if match:
        return remove_pinyin(match.group(1).strip())
    split = title_lines_from_text(raw)
    if split and (not cleaned or split in cleaned[:400]):  # lines that cleaning removed were site chrome, not the title
        return split
    if headline.strip():
        return remove_pinyin(headline.strip())
    first_line = cleaned.lstrip().split("\n", 1)[0].strip()
    return remove_pinyin(first_line) if _TITLE_LINE.match(first_line) else ""


def _decode_table(path: Path) -> str:
    from analysis.ingest.readers import decode_bytes, read_file_bytes

    text, _ = decode_bytes(read_file_bytes(path, max_bytes=_TABLE_MAX_BYTES))
    return text


_TABLE_MAX_BYTES = 200_000_000
_DELIMITERS = (",", "\t", ";")


def _canonical_columns(header: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    lowered = {h.strip().lower().lstrip("\ufeff"): h for h in header}
    for field_name, aliases in TABLE_COLUMNS.items():
        for alias in aliases:
            if alias in lowered:
                mapping[field_name] = lowered[alias]
                break
    return mapping


def _delimiter(first_line: str, suffix: str) -> str | None:
    """The delimiter under which the header has a ``path`` column (None: not a metadata table)."""
    order = ("\t", ",", ";") if suffix == ".tsv" else _DELIMITERS
    for delimiter in order:
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        if "path" in _canonical_columns(header):
            return delimiter
    return None


def is_metadata_table(path: Path) -> bool:
    """Whether a CSV/TSV file is a metadata table (has a ``path`` column; comma, tab or semicolon delimited)."""
    if path.suffix.lower() not in (".csv", ".tsv"):
        return False
    try:
        first_line = _decode_table(path).split("\n", 1)[0]
    except Exception:  # noqa: BLE001 - an unreadable table is simply not a table
        return False
    return _delimiter(first_line, path.suffix.lower()) is not None


_TABLE_ISO = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?$")
_TABLE_CN = re.compile(r"^([〇零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3}|\d{1,2})月(?:([一二三四五六七八九十]{1,3}|\d{1,2})日)?)?$")


def parse_table_date(value: str) -> PartialDate | None:
    """A metadata table's date cell, strictly: None when it is not a real date.

    ``2024-03-05``, ``2024-03``, ``2024``, ``20240305``, ``2024年3月5日``,
    ``二〇二四年三月`` are dates; ``2024-13-45`` and ``2023-02-30`` are not
    (no part of them is kept: a table is trusted, so a wrong cell must not
    turn into a plausible date).  ``????-08`` keeps its month.
    """
    import datetime

    value = (value or "").strip()
    if not value:
        return PartialDate()
    if re.fullmatch(r"\?{4}[-/.](\d{1,2})", value):
        month = int(value[5:])
        return PartialDate(None, month) if 1 <= month <= 12 else None
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
    match = compact or _TABLE_ISO.match(value)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
    else:
        chinese = _TABLE_CN.match(value)
        if not chinese:
            return None
        year = _cn_year(chinese.group(1))
        month = _cn_number(chinese.group(2)) if chinese.group(2) else None
        day = _cn_number(chinese.group(3)) if chinese.group(3) else None
    if year is None or not 1900 <= year <= 2100:
        return None
    try:
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _table_key(cell: str) -> str | None:
    """A table's ``path`` cell as a ``/``-separated path inside the folder; None when it points outside."""
    import posixpath

    key = cell.strip().replace("\\", "/")
    if not key:
        return ""
    if key.startswith("/") or re.match(r"^[A-Za-z]:/", key):
        return None
    key = posixpath.normpath(key)
    if key == ".." or key.startswith("../"):
        return None
    return "" if key == "." else key


def metadata_table_read(path: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Rows of a metadata table keyed by their ``path``, and the problems found, one line each naming the row.

    A row is left out, and reported, when its path points outside the
    table's folder (``../``, an absolute path) or repeats an earlier row's;
    a date that is not a real date (``2024-13-45``, ``2023-02-30``) is left
    out of its row and reported (the file name or the text may still date
    the speech).  Rows are numbered as a spreadsheet shows them (the header
    is row 1).

    Raises:
        ReadError: the table cannot be read, or has a field longer than the
            csv module allows (usually a quote left open).
    """
    from analysis.ingest.readers import ReadError

    text = _decode_table(path)
    first_line = text.split("\n", 1)[0]
    delimiter = _delimiter(first_line, path.suffix.lower()) or ("\t" if path.suffix.lower() == ".tsv" or "\t" in first_line else ",")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, [])
    columns = _canonical_columns(header)
    if "path" not in columns:
        raise ReadError("no 'path' column in the header (comma, tab or semicolon delimited)")
    index = {name: header.index(column) for name, column in columns.items()}
    rows: dict[str, dict[str, str]] = {}
    first_row: dict[str, int] = {}
    problems: list[str] = []
    number = 1
    try:
        for number, row in enumerate(reader, start=2):
            if not row or len(row) <= index["path"]:
                continue
            cell = row[index["path"]]
            key = _table_key(cell)
            if key is None:
                problems.append(f"row {number}: path {cell.strip()!r} points outside the table's folder, row ignored")
                continue
            if not key:
                continue
            if key in first_row:
                problems.append(f"row {number}: path {key} repeats row {first_row[key]}, row ignored")
                continue
            first_row[key] = number
            values = {name: row[i].strip() for name, i in index.items() if name != "path" and i < len(row) and row[i].strip()}
            if "date" in values and parse_table_date(values["date"]) is None:
                problems.append(f"row {number} ({key}): date {values.pop('date')!r} is not a real date, ignored")
            rows[key] = values
    except csv.Error as err:
        raise ReadError(f"row {number + 1}: {err} (the csv module's limit is {csv.field_size_limit():,} characters: is a quote left open?)") from None
    return rows, problems


def read_metadata_table(path: Path) -> dict[str, dict[str, str]]:
    """Rows of a metadata table keyed by their ``path`` (``/``-separated, relative).

    Returns a mapping ``path → {date, title, meeting_type, speaker}`` with
    only the fields the table has (see :func:`metadata_table_read` for the
    rows left out, and why).
    """
    return metadata_table_read(path)[0]


@dataclass
class Metadata:
    """Metadata of one speech, each field with the source that gave it."""

    title: str = ""
    date: PartialDate = field(default_factory=PartialDate)
    meeting_type: str = ""
    speaker: str = ""
    sources: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def merge_metadata(
    *,
    table_row: dict[str, str] | None,
    stem: str,
    raw_text: str,
    headline: str,
    cleaned_text: str,
) -> Metadata:
    """Combine the three sources by precedence: table, file name, text."""
    table_row = table_row or {}
    meta = Metadata()

    candidates: list[tuple[str, PartialDate]] = []
    if table_row.get("date"):
        candidates.append(("table", parse_table_date(table_row["date"]) or PartialDate()))
    file_date, file_rest = date_from_filename(stem)
    candidates.append(("filename", file_date))
    candidates.append(("text", date_from_text(headline + "\n" + cleaned_text)))
    candidates = [(source, date) for source, date in candidates if date]
    if candidates:
        source, kept = candidates[0]
        contributors = [source]
        for other_source, other in candidates[1:]:
            if kept.conflicts_with(other):
                meta.notes.append(
                    f"date: {source} says {kept.describe()}, {other_source} says {other.describe()}; kept {source}"
                )
            else:
                filled = kept.filled_from(other)
                if filled != kept:
                    contributors.append(other_source)
                    kept = filled
        meta.date = kept
        meta.sources["date"] = "+".join(contributors)
    if meta.date.year is None:
        # A government work report reviewing Y is delivered in Y+1 (see report_year_from_text).
        year = report_year_from_text(cleaned_text)
        if year is not None:
            meta.date = PartialDate(year).filled_from(meta.date) if meta.date else PartialDate(year)
            meta.sources["date"] = "+".join(filter(None, [meta.sources.get("date", ""), "text"]))
            meta.notes.append(f"date: year {year} inferred from the reviewed year {year - 1} (a government work report)")

    fields = {
        # A file name gives a title only when it reads as one (has Chinese);
        # otherwise a title stated in the text beats a bare file name.
        "title": [
            ("table", table_row.get("title", "")),
            # A slug (亳州_government-work-report) only when nothing better exists.
            ("filename", file_rest if re.search(r"[\u4e00-\u9fff]", file_rest) and not is_slug(file_rest) else ""),
            ("text", title_from_text(raw_text, headline, cleaned_text)),
            ("filename", stem),
        ],
        "meeting_type": [("table", table_row.get("meeting_type", "")), ("filename", meeting_type_from_filename(stem))],
        "speaker": [("table", table_row.get("speaker", "")), ("text", speaker_from_text(raw_text))],
    }
    for name, options in fields.items():
        for source, value in options:
            if value:
                setattr(meta, name, value)
                meta.sources[name] = source
                break
    return meta
