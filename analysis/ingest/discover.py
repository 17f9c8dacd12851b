"""Ingest: find speech files, read them, clean them, attach metadata.

:func:`corpus_discover` walks the inputs (folders recursively, or files) and
sorts every file found into speeches to read, metadata tables, and files
skipped with a reason (documentation such as ``README``/``MANIFEST``,
unsupported types, hidden files, empty files).  :func:`document_read` turns
one speech file into a :class:`Document`: decoded, cleaned, converted to
Simplified characters where it has Traditional ones, with metadata from the
table, the file name and the text.

Nothing here raises on a bad file: :func:`document_read` raises
:class:`~analysis.ingest.readers.ReadError` with a one-line reason, which callers
record in the ingest report.
"""

from __future__ import annotations

import errno
import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

from analysis.ingest.chinese_script import to_simplified
from analysis.text.clean import CleanedText, clean_text
from analysis.ingest.metadata import Metadata, is_metadata_table, merge_metadata, metadata_table_read
from analysis.ingest.readers import (
    CONVERT_FIRST, SUPPORTED_SUFFIXES, EmptyDocument, ReadError, read_file_bytes, special_file_kind, text_from_bytes,
)

__all__ = [
    "doc_id_for",
    "DEFAULT_MAX_MB",
    "FileRecord",
    "Discovery",
    "Document",
    "corpus_discover",
    "document_read",
    "readable_name",
]

#: Files larger than this are reported as oversized (override with ``max_mb``).
DEFAULT_MAX_MB = 50
_DOC_NAMES = ("readme", "manifest", "license", "licence", "copying", "changelog", "citation", "notice", "authors")


@dataclass(frozen=True)
class FileRecord:
    """One row of the ingest report."""

    path: str
    status: str  # ok | skipped | error
    reason: str
    notes: str = ""


@dataclass
class Discovery:
    """What :func:`corpus_discover` found."""

    root: Path
    speeches: list[tuple[Path, str]] = field(default_factory=list)
    records: list[FileRecord] = field(default_factory=list)
    table: dict[str, dict[str, str]] = field(default_factory=dict)
    table_paths: list[str] = field(default_factory=list)
    unmatched_rows: list[str] = field(default_factory=list)  # table paths that name no file found
    table_problems: dict[str, list[str]] = field(default_factory=dict)  # table → rows left out or corrected, one line each

    def table_row(self, rel_path: str) -> dict[str, str] | None:
        return self.table.get(rel_path)


@dataclass
class Document:
    """One speech, read and cleaned.

    ``text`` is what every measure analyses: cleaned and, where the file
    had Traditional characters, converted to Simplified.  ``text_original``
    is the cleaned text before that conversion and ``raw_text`` the file's
    text as decoded.
    """

    doc_id: str
    path: str
    raw_text: str
    text: str
    text_original: str
    metadata: Metadata
    encoding: str
    traditional: bool
    cleaned: CleanedText

    @property
    def notes(self) -> list[str]:
        return self.metadata.notes


def _is_documentation(name: str) -> bool:
    stem = name.lower().split(".", 1)[0]
    return stem.startswith(_DOC_NAMES)


def _classify(path: Path, rel: str) -> FileRecord | None:
    """A skip record for files that are not speeches; None for speeches."""
    name = path.name
    suffix = path.suffix.lower()
    if name.startswith(".") or name.startswith("~$"):
        return FileRecord(rel, "skipped", "hidden or temporary file")
    if _is_documentation(name):
        return FileRecord(rel, "skipped", "documentation (README/MANIFEST/LICENSE), not a speech")
    if suffix in CONVERT_FIRST:
        return FileRecord(rel, "error", CONVERT_FIRST[suffix])
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(no extension)"
        return FileRecord(rel, "skipped", f"unsupported type {shown}: speeches are .txt, .md, .docx, .pdf or .html")
    return None


def _special_kind(path: Path) -> str:
    try:
        return special_file_kind(os.stat(path).st_mode)
    except OSError:
        return "special file"


def _link_problem(path: Path) -> str:
    """Why a symlink cannot be followed ('' when it can)."""
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symlink loop: the link leads back to itself"
        return "dangling symlink: its target does not exist"
    return ""


def _walk(root: Path) -> tuple[list[Path], list[tuple[Path, str, str]]]:
    """Files under ``root`` in a stable order, and the entries that are not readable files.

    Symlinked folders are followed, once: a link back to a folder above it
    is a loop (``error``), a second way into a folder already searched is
    reported (``skipped``).  Dangling links and links in a loop are ``error``
    rows; named pipes, sockets and devices are skipped as ``not a regular
    file`` without being opened.  Hidden folders (.git, .ipynb_checkpoints)
    hold no speeches and are not searched.
    """
    found: list[Path] = []
    problems: list[tuple[Path, str, str]] = []
    visited: dict[tuple[int, int], Path] = {}
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError as err:
            problems.append((folder, "error", f"cannot open folder: {err.strerror or err}"))
            continue
        first = visited.get((info.st_dev, info.st_ino))
        if first is not None:
            if folder.as_posix().startswith(first.as_posix() + "/"):
                problems.append((folder, "error", f"symlink loop: the folder leads back to {first.as_posix()}"))
            else:
                problems.append((folder, "skipped", f"same folder as {first.as_posix()}, reached through a symlink: searched once"))
            continue
        visited[(info.st_dev, info.st_ino)] = folder
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as err:
            problems.append((folder, "error", f"cannot list folder: {err.strerror or err}"))
            continue
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()  # both follow symlinks
            except OSError:
                is_dir = is_file = False
            if is_dir:
                if not entry.name.startswith("."):
                    subfolders.append(path)
                continue
            problem = _link_problem(path) if entry.is_symlink() else ""
            if problem:
                problems.append((path, "error", problem))
            elif not is_file:
                problems.append((path, "skipped", f"not a regular file ({_special_kind(path)})"))
            else:
                found.append(path)
        stack.extend(reversed(subfolders))
    return found, problems


def corpus_discover(inputs: list[str | Path], *, metadata: str | Path | None = None) -> Discovery:
    """Find every file under the inputs and sort it into speeches and skips.

    Args:
        inputs: folders (searched recursively) and/or files.
        metadata: an explicit metadata table; by default any CSV/TSV with a
            ``path`` column in a folder input or one of its sub-folders is
            used, its paths relative to its own folder (so that
            ``data/raw`` reads ``data/raw/politburo-monthly/metadata.csv``).

    Raises:
        FileNotFoundError: when an input does not exist.
    """
    paths = [Path(p) for p in inputs]
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"{p}: no such file or folder")
    root = paths[0] if len(paths) == 1 and paths[0].is_dir() else Path(os.path.commonpath([p.resolve() for p in paths]))
    if root.is_file():
        root = root.parent
    discovery = Discovery(root=root)

    tables: list[Path] = [Path(metadata)] if metadata else []
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            walked, problems = _walk(p)
            for path, status, reason in problems:
                discovery.records.append(FileRecord(_relative(path, path, root.resolve(), root), status, reason))
            if not metadata:
                tables += [f for f in walked if f.suffix.lower() in (".csv", ".tsv") and is_metadata_table(f)]
            files += walked
        else:
            files.append(p)
    table_set = {t.resolve() for t in tables}
    table_rows: dict[Path, int] = {}
    for table in tables:
        try:
            rows, problems = metadata_table_read(table)
        except (OSError, ReadError, UnicodeDecodeError) as err:
            raise ValueError(f"{table}: cannot read the metadata table: {err}") from None
        table_rows[table.resolve()] = len(rows)
        if problems:
            discovery.table_problems[str(table)] = problems
        base = table.parent.resolve()
        for key, row in rows.items():
            absolute = (base / key).resolve()
            try:
                discovery.table[absolute.relative_to(root.resolve()).as_posix()] = row
            except ValueError:
                continue
        discovery.table_paths.append(str(table))

    seen: set[Path] = set()
    resolved_root = root.resolve()
    for f in files:
        try:
            resolved = f.resolve()
        except (OSError, RuntimeError):  # a link that became a loop since the walk
            discovery.records.append(FileRecord(_relative(f, f, resolved_root, root), "error", "symlink loop"))
            continue
        if resolved in seen:
            continue
        seen.add(resolved)
        rel = _relative(f, resolved, resolved_root, root)
        if resolved in table_set:
            n_rows = table_rows.get(resolved, 0)
            problems = discovery.table_problems.get(str(f), [])
            discovery.records.append(FileRecord(rel, "skipped", f"documentation: metadata table ({n_rows} rows)", "; ".join(problems)))
            continue
        record = _classify(f, rel)
        if record is not None:
            discovery.records.append(record)
        else:
            discovery.speeches.append((f, rel))
    listed = {r.path for r in discovery.records}
    for table, problems in discovery.table_problems.items():  # a table outside the corpus (--metadata) has no row yet
        if Path(table).resolve() not in seen:
            discovery.records.append(FileRecord(table, "skipped", f"documentation: metadata table ({table_rows.get(Path(table).resolve(), 0)} rows)", "; ".join(problems)))
    found = {rel for _, rel in discovery.speeches} | listed
    discovery.unmatched_rows = sorted(set(discovery.table) - found)
    return discovery


def readable_name(name: str) -> str:
    """A file name fit for tables and terminals.

    Names unpacked from Windows archives often arrive as GBK bytes, which
    Python keeps as undecodable surrogates; they are decoded as GB18030 (or
    Big5) so that the report shows 测试.txt rather than breaking on it.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
        for encoding in ("gb18030", "big5"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        return raw.decode("utf-8", errors="replace")


def _relative(path: Path, resolved: Path, resolved_root: Path, root: Path | None = None) -> str:
    """A file's name in the reports: its path inside the corpus (through symlinked folders as the user sees them)."""
    try:
        return readable_name(resolved.relative_to(resolved_root).as_posix())
    except ValueError:
        pass
    if root is not None:
        try:
            return readable_name(Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix())
        except ValueError:
            pass
    return readable_name(path.as_posix())


def doc_id_for(path: Path, rel_path: str) -> str:
    """The doc_id of a speech file: its relative path without the suffix.

    When another speech file in the same folder has the same stem
    (``sample.docx``, ``sample.html``, ``sample.pdf``), the suffix is kept
    (``sample.docx``), so that the files stay separate speeches.
    """
    name = Path(rel_path).name
    if "." not in name:
        return rel_path
    stem = rel_path.rsplit(".", 1)[0]
    try:
        siblings = [
            p for p in path.parent.glob(glob.escape(path.stem) + ".*")
            if p.name != path.name and p.suffix.lower() in SUPPORTED_SUFFIXES and p.stem == path.stem
        ]
    except OSError:
        siblings = []
    return rel_path if siblings else stem


def document_read(
    path: Path,
    rel_path: str,
    *,
    table_row: dict[str, str] | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    data: bytes | None = None,
) -> Document:
    """Read, clean and describe one speech file.

    ``data``: the file's bytes when the caller has read them already (so
    that a cache key and the analysis come from the same read).

    Raises:
        ReadError: with a one-line reason (empty, binary, undecodable,
            oversized, corrupt .docx/.pdf, PDF without a text layer …).
    """
    limit = int(max_mb * 1_000_000)
    if data is None:
        data = read_file_bytes(path, max_bytes=limit)
    raw, encoding = text_from_bytes(data, path.suffix, max_chars=limit)
    if not raw.strip():
        raise EmptyDocument("empty: no text in the file")
    cleaned = clean_text(raw)
    if not cleaned.text.strip():
        raise EmptyDocument("empty: nothing left after removing site boilerplate")
    simplified, traditional = to_simplified(cleaned.text)
    stem = Path(rel_path).stem  # the readable name (see readable_name), not the raw bytes
    metadata = merge_metadata(
        table_row=table_row,
        stem=stem,
        raw_text=raw,
        headline=cleaned.headline,
        cleaned_text=simplified,
    )
    doc_id = doc_id_for(path, rel_path)
    return Document(
        doc_id=doc_id,
        path=rel_path,
        raw_text=raw,
        text=simplified,
        text_original=cleaned.text,
        metadata=metadata,
        encoding=encoding,
        traditional=traditional,
        cleaned=cleaned,
    )
