"""Run options and speech selection: everything that changes a run's results.

:class:`Options` is recorded in ``run.json``; :class:`Selection` keeps speeches
by metadata; :func:`tools_for` builds the lexicon and segmenter that a set of
options asks for, once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..ingest import DEFAULT_MAX_MB, Document
from ..ingest.metadata import PartialDate
from ..lexicon import Lexicon, lexicon_default, lexicon_extend, lexicon_load
from ..text.segment import Segmenter, engine_default, load_stopwords

@dataclass(frozen=True)
class Selection:
    """Which speeches to keep, by metadata (all of them by default).

    ``meeting_type`` matches the metadata field or the part of the file name
    after its date (``2023-02-21_politburo-meeting.txt`` → ``politburo-meeting``);
    ``since``/``until`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and keep
    speeches whose known date falls within them (speeches without a year are
    left out when either is given); ``speaker`` matches a substring.
    """

    meeting_type: str = ""
    since: str = ""
    until: str = ""
    speaker: str = ""

    def __bool__(self) -> bool:
        return bool(self.meeting_type or self.since or self.until or self.speaker)

    def excludes(self, doc: Document) -> str:
        """Why the selection leaves a speech out ('' when it keeps it)."""
        meta = doc.metadata
        if self.meeting_type:
            from ..ingest.metadata import meeting_type_from_filename

            types = {meta.meeting_type, meeting_type_from_filename(Path(doc.path).stem)}
            if self.meeting_type not in types:
                return f"excluded by --meeting-type {self.meeting_type} (meeting type: {meta.meeting_type or 'unknown'})"
        if self.since or self.until:
            if meta.date.year is None:
                return "excluded by --since/--until: year unknown"
            key = _date_key(meta.date)
            if self.since and key < _bound_key(self.since, end=False):
                return f"excluded by --since {self.since} (date {meta.date.iso()})"
            if self.until and key > _bound_key(self.until, end=True):
                return f"excluded by --until {self.until} (date {meta.date.iso()})"
        if self.speaker and self.speaker not in meta.speaker:
            return f"excluded by --speaker {self.speaker} (speaker: {meta.speaker or 'unknown'})"
        return ""


_BOUND = __import__("re").compile(r"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?")


def bound_parse(value: str) -> tuple[int, int | None, int | None]:
    """A ``--since``/``--until`` value, strictly: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, a real calendar date.

    Raises:
        ValueError: naming the value and what is wrong (``2024-13``: no month 13; ``2024-02-30``: no such day).
    """
    import calendar

    match = _BOUND.fullmatch(value.strip())
    if not match:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"not a date: {value!r} (there is no month {month:02d})")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
        raise ValueError(f"not a date: {value!r} ({year}-{month:02d} has no day {day:02d})")
    return year, month, day


def selection_validate(selection: Selection) -> None:
    """Check the selection's dates before any work: each a real date, ``since`` not after ``until``.

    Raises:
        ValueError: one line naming the option and the value.
    """
    import calendar

    bounds = {}
    for name in ("since", "until"):
        value = getattr(selection, name)
        if value:
            try:
                bounds[name] = bound_parse(value)
            except ValueError as err:
                raise ValueError(f"--{name}: {err}") from None
    if len(bounds) == 2:
        (y1, m1, d1), (y2, m2, d2) = bounds["since"], bounds["until"]
        start = (y1, m1 or 1, d1 or 1)
        end_month = m2 or 12
        end = (y2, end_month, d2 or calendar.monthrange(y2, end_month)[1])
        if start > end:
            raise ValueError(f"--since {selection.since} is later than --until {selection.until}")


def _date_key(date: PartialDate) -> tuple[int, int, int]:
    return (date.year or 0, date.month or 0, date.day or 0)


def _bound_key(value: str, *, end: bool) -> tuple[int, int, int]:
    from ..ingest.metadata import parse_date

    date = parse_date(value)
    if date.year is None:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    fill = 99 if end else 0
    return (date.year, date.month if date.month is not None else fill, date.day if date.day is not None else fill)


@dataclass(frozen=True)
class Options:
    """Everything that changes results; recorded in ``run.json``."""

    lexicon: str = ""  # a lexicon file; '' for the bundled default
    extend_default: bool = False  # add the lexicon file to the default instead of replacing it
    stopwords: str = ""  # a stopword file; '' for the bundled list
    segmenter: str = field(default_factory=engine_default)  # rjieba when installed, else jieba
    max_mb: float = DEFAULT_MAX_MB
    selection: Selection = field(default_factory=Selection)
    n_keywords: int = 20
    cache: bool = True  # reuse per-speech (and whole-run) results from the on-disk cache
    indicators: str = ""  # an indicator file added to the bundled table (targets); '' for the bundled one


@lru_cache(maxsize=4)
def _tools(lexicon_path: str, extend_default: bool, stopwords_path: str, engine: str) -> tuple[Lexicon, Segmenter]:
    """The lexicon and segmenter for a set of options, built once per process."""
    if lexicon_path:
        lexicon = lexicon_load(lexicon_path)
        if extend_default:
            lexicon = lexicon_extend(lexicon_default(), lexicon)
    else:
        lexicon = lexicon_default()
    stopwords = load_stopwords(stopwords_path or None)
    return lexicon, Segmenter(lexicon=lexicon, stopwords=stopwords, engine=engine)  # type: ignore[arg-type]


def tools_for(options: Options) -> tuple[Lexicon, Segmenter]:
    """The (cached) lexicon and segmenter that ``options`` ask for."""
    return _tools(options.lexicon, options.extend_default, options.stopwords, options.segmenter)
