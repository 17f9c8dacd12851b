"""Reading one file into text: encodings and file formats.

Encodings are detected, never assumed.  Byte-order marks decide first
(UTF-8, UTF-16, UTF-32); then strict UTF-8; then UTF-16 without a BOM
(recognised by its NUL pattern); then GB18030 (a superset of GBK and
GB2312) and Big5, choosing between them with ``charset-normalizer`` when
both decode.  Formats: ``.txt``/``.md`` (text), ``.docx`` (python-docx),
``.pdf`` (text layer, pypdf), ``.html``/``.htm`` (the standard library's
parser).  Every failure raises :class:`ReadError` with a one-line reason
that names the cause, never a traceback.

A file is read once (:func:`read_file_bytes`), opened without blocking so
that a named pipe or device is skipped rather than waited on, and never past
the size limit; the text it expands to is bounded by the same limit
(:func:`text_from_bytes`): a ``.docx``'s zip members are checked against it
before anything is unpacked, a ``.pdf``'s text page by page.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import re
import stat
import zipfile
from html.parser import HTMLParser
from pathlib import Path

__all__ = [
    "ReadError",
    "EmptyDocument",
    "NotRegularFile",
    "TEXT_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "CONVERT_FIRST",
    "decode_bytes",
    "read_text_file",
    "read_file_bytes",
    "text_from_bytes",
]

TEXT_SUFFIXES = {".txt", ".md", ".text"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf", ".html", ".htm"}
#: Formats we recognise but cannot read: the reason tells how to convert them.
CONVERT_FIRST = {
    ".doc": "Word 97-2003 .doc is not supported: save it as .docx or .txt "
    "(e.g. libreoffice --headless --convert-to docx FILE)",
    ".wps": "WPS .wps is not supported: save it as .docx or .txt in WPS Office "
    "(or libreoffice --headless --convert-to docx FILE)",
    ".rtf": "RTF is not supported: save it as .docx or .txt",
    ".odt": "OpenDocument .odt is not supported: save it as .docx or .txt",
}

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CJK = re.compile(r"[\u4e00-\u9fff]")


class ReadError(Exception):
    """A file that cannot be read; ``str(err)`` is the one-line reason."""


class EmptyDocument(ReadError):
    """A file that holds no text: reported as skipped rather than as an error."""


_TEXT_MARKS = re.compile("[，。、；：！？\n]")
# Control characters other than \t \n \r, and the Private Use Area.
_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff]")


def _utf16_without_bom(data: bytes) -> str | None:
    """Decode UTF-16 without a BOM, when one byte order gives plausible Chinese text.

    Plausible: few control characters, and Chinese punctuation or line breaks
    at the rate writing has them (binary noise decoded as UTF-16 falls in the
    CJK block too, but hardly ever on these code points).
    """
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _plausible(text):
            continue
        marks = len(_TEXT_MARKS.findall(text)) / len(text)
        if marks >= 0.01 and (best is None or marks > best[0]):
            best = (marks, text)
    return best[1] if best else None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of a text file; return ``(text, encoding)``.

    Raises:
        ReadError: for binary content or bytes that no supported encoding
            decodes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise ReadError(f"undecodable: has a {encoding} byte-order mark but invalid bytes at {err.start}") from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16"
        raise ReadError("binary content (NUL bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 of Chinese without any ASCII has no NUL byte at all.
    text = _utf16_without_bom(data)
    if text is not None:
        return text, "utf-16"
    candidates: dict[str, str] = {}
    for encoding in ("gb18030", "big5"):
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    candidates = {enc: text for enc, text in candidates.items() if _plausible(text)}
    if not candidates:
        raise ReadError("undecodable: not UTF-8, UTF-16, GB18030/GBK or Big5 text")
    encoding = next(iter(candidates)) if len(candidates) == 1 else _prefer(data, candidates)
    return candidates[encoding], encoding


def _plausible(text: str) -> bool:
    """Whether decoded text looks like writing rather than binary noise."""
    if not text:
        return True
    odd = len(_ODD.findall(text))
    return odd / len(text) < 0.01


def _prefer(data: bytes, candidates: dict[str, str]) -> str:
    """Choose between GB18030 and Big5 when both decode the bytes."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if best is not None and best.encoding in ("gb18030", "big5"):
        return best.encoding
    # Fall back on which reading gives more common Chinese characters.
    return max(candidates, key=lambda enc: len(_CJK.findall(candidates[enc])))


class _HTMLBlocks(HTMLParser):
    """Visible text of a page as blocks, each with how much of it is link text."""

    _SKIP = {"script", "style", "noscript", "template", "head", "select", "button", "form", "nav", "footer", "header"}
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "section", "article", "table", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int, bool]] = []  # text, link characters, is a heading
        self._text: list[str] = []
        self._link_chars = 0
        self._heading = False
        self._skipping = 0
        self._in_link = 0

    def _close_block(self) -> None:
        text = re.sub(r"[ \t\r\n\u3000\xa0]+", " ", "".join(self._text)).strip()
        if text:
            self.blocks.append((text, self._link_chars, self._heading))
        self._text, self._link_chars, self._heading = [], 0, False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "a":
            self._in_link += 1
        elif tag in self._BLOCK:
            self._close_block()
            self._heading = tag in ("h1", "h2", "h3")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag == "a" and self._in_link:
            self._in_link -= 1
        elif tag in self._BLOCK:
            self._close_block()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._text.append(data)
            if self._in_link:
                self._link_chars += len(data.strip())

    def close(self) -> None:
        super().close()
        self._close_block()


_PROSE = re.compile(r"[。！？；!?]")
_DATE_BLOCK = re.compile(r"^[（(]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]?$")


def _html_to_text(markup: str) -> str:
    """The main text of a page: navigation, menus and footers left out.

    Government and news pages wrap a speech in menus, breadcrumbs, link lists
    and a copyright footer.  Blocks that are mostly link text are dropped.
    The text runs from the page's heading just before the first block of
    prose (a block with sentence punctuation) to the last block of prose, or
    to a date standing alone right after it (a signature).  A page without
    any prose is returned whole.
    """
    parser = _HTMLBlocks()
    parser.feed(markup)
    parser.close()
    blocks = [block for block in parser.blocks if block[1] < 0.5 * len(block[0])]
    prose = [i for i, (text, _, _) in enumerate(blocks) if _PROSE.search(text)]
    if prose:
        start, end = prose[0], prose[-1]
        for back in range(start - 1, max(-1, start - 4), -1):
            if blocks[back][2]:
                start = back
                break
        for ahead in range(end + 1, min(len(blocks), end + 3)):
            if _DATE_BLOCK.match(blocks[ahead][0]):
                end = ahead
                break
        blocks = blocks[start:end + 1]
    return "\n".join(text for text, _, _ in blocks)


def _html_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.I)
    return match.group(1).decode("ascii").lower() if match else None


def _read_html(data: bytes) -> tuple[str, str]:
    declared = _html_charset(data)
    if declared:
        declared = {"gbk": "gb18030", "gb2312": "gb18030"}.get(declared, declared)
        try:
            return _html_to_text(data.decode(declared)), declared
        except (LookupError, UnicodeDecodeError):
            pass
    text, encoding = decode_bytes(data)
    return _html_to_text(text), encoding


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTE_PARTS = ("word/footnotes.xml", "word/endnotes.xml")


def _check_zip_sizes(data: bytes, max_chars: int) -> zipfile.ZipFile:
    """The .docx as a zip, after checking the sizes its members declare against the limit.

    Reading a member never yields more than its declared size (the zip module
    stops there and fails the CRC check), so checking the declared sizes
    before anything is decompressed bounds the memory a zip bomb can take.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise ReadError(f"corrupt .docx ({type(err).__name__}): open and re-save it in Word") from None
    total = sum(m.file_size for m in members)
    largest = max(members, key=lambda m: m.file_size, default=None)
    if largest is not None and total > max_chars:
        raise ReadError(
            f"expands past the limit: its parts unpack to {total / 1e6:,.0f} MB ({largest.filename} {largest.file_size / 1e6:,.0f} MB),"
            f" over the {max_chars / 1e6:,.0f} MB limit per file (--max-mb)"
        )
    return archive


def _note_paragraphs(archive: zipfile.ZipFile) -> list[str]:
    """The text of the footnotes and endnotes, one paragraph a line (separator notes left out)."""
    from lxml import etree

    names = set(archive.namelist())
    paragraphs: list[str] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for part in _NOTE_PARTS:
        if part not in names:
            continue
        try:
            root = etree.fromstring(archive.read(part), parser)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, ValueError) as err:
            raise ReadError(f"corrupt .docx ({part}: {type(err).__name__}): open and re-save it in Word") from None
        for note in root:
            if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for paragraph in note.iter(_W + "p"):
                text = "".join(t.text or "" for t in paragraph.iter(_W + "t"))
                if text.strip():
                    paragraphs.append(text)
    return paragraphs


def _read_docx(data: bytes, *, max_chars: int = 10**12) -> str:
    """Paragraphs, then table cells (each cell its own paragraph, so that no term spans two cells), then notes."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    archive = _check_zip_sizes(data, max_chars)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ReadError(f"corrupt .docx ({type(err).__name__}): open and re-save it in Word") from None
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                    continue
                seen.add(id(cell._tc))
                paragraphs.append(cell.text)
                paragraphs.append("")  # a blank line: cleaning never joins across it
    paragraphs += _note_paragraphs(archive)
    return "\n".join(paragraphs)


def _read_pdf(data: bytes, *, max_chars: int = 10**12) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    encrypted = "encrypted PDF: remove the password (e.g. qpdf --decrypt IN OUT), or save it as .txt"
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReadError(encrypted)
            except ReadError:
                raise
            except Exception:  # noqa: BLE001 - pypdf raises several kinds here (a missing AES library among them)
                raise ReadError(encrypted) from None
        pages, total = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > max_chars:
                raise ReadError(f"expands past the limit: its text passes {max_chars / 1e6:,.0f} M characters by page {len(pages) + 1} (--max-mb)")
            pages.append(text)
    except ReadError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise ReadError(encrypted) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as err:
        if "encrypt" in str(err).lower() or "decrypt" in str(err).lower():
            raise ReadError(encrypted) from None
        raise ReadError(f"corrupt .pdf ({type(err).__name__}): re-export it, or save it as .txt") from None
    text = "\n".join(pages)
    if len(_CJK.findall(text)) + len(re.findall(r"[A-Za-z]", text)) < 10:
        raise ReadError(f"PDF without a text layer ({len(pages)} pages of images): run OCR first")
    return text


class NotRegularFile(EmptyDocument):
    """A named pipe, socket or device: reported as skipped, never opened for reading."""


def special_file_kind(mode: int) -> str:
    """What a file that is not a regular file is, from its ``st_mode``: named pipe, socket, device or special file."""
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def read_file_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of one regular file, read once and never past ``max_bytes``.

    Opened without blocking, so a named pipe or device is recognised
    (and skipped) rather than waited on.

    Raises:
        ReadError: oversized, unreadable, a dangling symlink or a symlink loop;
            :class:`NotRegularFile` for pipes, sockets and devices.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise ReadError("dangling symlink: its target does not exist" if os.path.islink(path) else "no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise ReadError("symlink loop: the link points back to itself") from None
        if err.errno in (errno.ENXIO, errno.EOPNOTSUPP):
            raise NotRegularFile("not a regular file (socket)") from None
        raise ReadError(f"cannot read: {err.strerror or err}") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"not a regular file ({special_file_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise ReadError(f"oversized: {info.st_size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit per file (--max-mb)")
        os.set_blocking(descriptor, True)
        chunks, size = [], 0
        while True:  # a file that grows while it is read stops at the limit too
            chunk = os.read(descriptor, min(1 << 24, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise ReadError(f"oversized: over the {max_bytes / 1e6:.0f} MB limit per file (--max-mb)")
        return b"".join(chunks)
    except OSError as err:
        raise ReadError(f"cannot read: {err.strerror or err}") from None
    finally:
        os.close(descriptor)


def text_from_bytes(data: bytes, suffix: str, *, max_chars: int) -> tuple[str, str]:
    """The text of a file's bytes by its format; return ``(text, encoding or format)``.

    ``max_chars`` bounds the text a file expands to (a .docx's unpacked
    parts, a .pdf's extracted text), checked before or while it is unpacked.

    Raises:
        ReadError: with a one-line reason for every kind of bad input.
    """
    suffix = suffix.lower()
    if suffix == ".docx":
        text, encoding = _read_docx(data, max_chars=max_chars), "docx"
    elif suffix == ".pdf":
        text, encoding = _read_pdf(data, max_chars=max_chars), "pdf"
    elif suffix in (".html", ".htm"):
        text, encoding = _read_html(data)
    else:
        text, encoding = decode_bytes(data)
    if len(text) > max_chars:
        raise ReadError(f"expands past the limit: {len(text) / 1e6:,.1f} M characters, over the {max_chars / 1e6:,.0f} M limit (--max-mb)")
    return text, encoding


def read_text_file(path: Path, *, max_bytes: int) -> tuple[str, str]:
    """Read one supported file; return ``(text, encoding or format)``.

    ``max_bytes`` bounds both the file's size and the text it expands to.

    Raises:
        ReadError: with a one-line reason for every kind of bad input.
    """
    return text_from_bytes(read_file_bytes(path, max_bytes=max_bytes), path.suffix, max_chars=max_bytes)
