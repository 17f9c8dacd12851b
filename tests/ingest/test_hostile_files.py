"""Files collected from anywhere: pipes, sockets, symlink loops, dangling links, zip bombs, encrypted PDFs.

Nothing hangs (the runs go through a subprocess with a timeout, so a hang
fails the test instead of blocking the suite), nothing exhausts memory, and
every odd entry is one row of the ingest report named by its path inside the corpus.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis.ingest import corpus_discover, document_read
from analysis.ingest.readers import ReadError, read_text_file

GOOD = "县委书记讲话。同志们:今天召开8月份月度工作推进会。每月外出招商时间不得少于10天。全面从严治党。"
ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


def _report(out: Path) -> dict[str, tuple[str, str]]:
    frame = pd.read_csv(out / "ingest_report.csv", keep_default_na=False)
    return {row.path: (row.status, row.reason) for row in frame.itertuples()}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_and_a_socket_are_skipped_not_waited_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(corpus / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(corpus / "socket.txt"))
    try:
        done = _cli("run", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--workers", "1", timeout=90)
        assert done.returncode == 0, done.stderr
        report = _report(tmp_path / "out")
        assert report["pipe.txt"] == ("skipped", "not a regular file (named pipe)")
        assert report["socket.txt"] == ("skipped", "not a regular file (socket)")
        assert report["good.txt"][0] == "ok"
        cleaned = _cli("clean", str(corpus / "pipe.txt"), timeout=60)
        assert cleaned.returncode == 1 and "not a regular file (named pipe)" in cleaned.stderr
        assert "Traceback" not in cleaned.stderr
    finally:
        server.close()


def test_symlink_loops_and_dangling_links_are_error_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "self.txt").symlink_to("self.txt")  # a link to itself
    (corpus / "a.txt").symlink_to("b.txt")
    (corpus / "b.txt").symlink_to("a.txt")
    (corpus / "gone.txt").symlink_to("nowhere.txt")
    (corpus / "sub" / "up").symlink_to("..")  # a folder loop
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "2024-05_linked.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "linked").symlink_to(outside)  # a symlinked folder: followed
    done = _cli("run", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--workers", "1", timeout=90)
    assert done.returncode == 0, done.stderr
    report = _report(tmp_path / "out")
    for name in ("self.txt", "a.txt", "b.txt"):
        assert report[name] == ("error", "symlink loop: the link leads back to itself")
    assert report["gone.txt"] == ("error", "dangling symlink: its target does not exist")
    assert report["sub/up"][0] == "error" and report["sub/up"][1].startswith("symlink loop")
    assert report["linked/2024-05_linked.txt"][0] == "ok"
    assert report["good.txt"][0] == "ok"


def test_a_symlinked_folder_reached_twice_is_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "real").mkdir(parents=True)
    (corpus / "real" / "speech.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "zz-alias").symlink_to("real")
    discovery = corpus_discover([corpus])
    assert [rel for _, rel in discovery.speeches] == ["real/speech.txt"]
    (record,) = discovery.records
    assert record.path == "zz-alias" and record.status == "skipped" and "same folder as" in record.reason


def _docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _bomb(expanded_mb: int) -> bytes:
    """A small .docx whose document.xml unpacks to ``expanded_mb`` MB."""
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes(GOOD)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                head, tail = data.split(b"</w:body>")
                filler = b"<w:p><w:r><w:t>" + "招商引资".encode() * 2000 + b"</w:t></w:r></w:p>"
                data = head + filler * (expanded_mb * 1_000_000 // len(filler)) + b"</w:body>" + tail
            bomb.writestr(item, data)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    path.write_bytes(_bomb(60))
    return path


def test_a_docx_that_expands_past_the_limit_is_refused_before_unpacking(zip_bomb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert zip_bomb.stat().st_size < 1_000_000  # small on disk
    import docx

    monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("unpacked"))
    with pytest.raises(ReadError, match="expands past the limit") as caught:
        read_text_file(zip_bomb, max_bytes=5_000_000)
    assert "word/document.xml" in str(caught.value) and "--max-mb" in str(caught.value)


def test_a_docx_bomb_is_one_error_row(zip_bomb: Path, tmp_path: Path) -> None:
    from analysis.run import Options, corpus_run

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bomb.docx").write_bytes(zip_bomb.read_bytes())
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    result = corpus_run([corpus], options=Options(max_mb=5, cache=False))
    rows = {r.path: (r.status, r.reason) for r in result.report.itertuples()}
    assert rows["bomb.docx"][0] == "error" and rows["bomb.docx"][1].startswith("expands past the limit")
    assert rows["good.txt"][0] == "ok"


def _pdf(pages: list[str], *, password: str = "") -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    for text in pages:
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 10 Tf 20 700 Td ({text}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page.compress_content_streams()
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_text_is_capped_while_extracted(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(_pdf(["Policy text " * 400] * 10))  # about 48,000 characters
    assert path.stat().st_size < 20_000
    with pytest.raises(ReadError, match="expands past the limit"):
        read_text_file(path, max_bytes=20_000)
    assert read_text_file(path, max_bytes=1_000_000)[1] == "pdf"


def test_an_encrypted_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_pdf(["Policy text of a locked file"], password="secret"))
    with pytest.raises(ReadError, match="^encrypted PDF: remove the password"):
        read_text_file(path, max_bytes=10**7)


def test_docx_notes_are_read_and_cells_kept_apart(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("正文第一段。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "招商"
    table.cell(0, 1).text = "引资"
    buffer = io.BytesIO()
    document.save(buffer)
    # python-docx writes no notes part: add one as Word does.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    notes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>----</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>脚注：乡村振兴战略。</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/footnotes.xml", notes)
    doc = document_read(path, "notes.docx")
    assert "乡村振兴战略" in doc.text and "----" not in doc.text
    assert "招商引资" not in doc.text  # two cells are two paragraphs


def test_a_docx_that_lies_about_its_sizes_is_stopped_at_the_declared_size(zip_bomb: Path, tmp_path: Path) -> None:
    # What the size check relies on: the zip reader never unpacks past a declared size (and then fails its CRC).
    import struct

    data = bytearray(zip_bomb.read_bytes())
    name = b"word/document.xml"
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # the central directory entry of document.xml: declare 1,000 bytes instead of 60 MB
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_length]) == name:
            struct.pack_into("<I", data, at + 24, 1000)
        at = data.find(b"PK\x01\x02", at + 4)
    liar = tmp_path / "liar.docx"
    liar.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="corrupt .docx"):
        read_text_file(liar, max_bytes=5_000_000)
