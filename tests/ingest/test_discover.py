"""Ingest: every file accounted for, bad files reported in one line, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.ingest import document_read
from analysis.run import corpus_run

GOOD = "县委书记讲话。同志们:今天召开8月份月度工作推进会。每月外出招商时间不得少于10天。全面从严治党。"


@pytest.fixture()
def messy_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "speeches"
    (folder / "sub").mkdir(parents=True)
    (folder / "2024-03-05_county-meeting.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "2024-04_gbk.txt").write_bytes(GOOD.encode("gbk"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    (folder / "draft.wps").write_bytes(b"wps")
    (folder / "broken.docx").write_bytes(b"not a zip")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    (folder / "README.md").write_text("# my speeches", encoding="utf-8")
    (folder / "metadata.csv").write_text("path,date,title,speaker\n2024-03-05_county-meeting.txt,2024-03-05,三月讲话,县委书记\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00")
    (folder / "boilerplate_only.txt").write_text("《讲话.docx》由会员分享,可在线阅读,请在淘文阁搜索。\n限制150内", encoding="utf-8")
    return folder


def test_every_file_in_report(messy_folder: Path) -> None:
    result = corpus_run([messy_folder])
    report = result.report.set_index("path")
    on_disk = {p.relative_to(messy_folder).as_posix() for p in messy_folder.rglob("*") if p.is_file()}
    assert set(report.index) == on_disk
    expected = {
        "2024-03-05_county-meeting.txt": ("ok", "ok"),
        "sub/2024-04_gbk.txt": ("ok", "ok"),
        "empty.txt": ("skipped", "empty"),
        "blank.txt": ("skipped", "empty"),
        "boilerplate_only.txt": ("skipped", "empty"),
        "binary.txt": ("error", "binary"),
        "old.doc": ("error", "convert"),
        "draft.wps": ("error", "save it as .docx"),
        "broken.docx": ("error", "corrupt .docx"),
        "picture.png": ("skipped", "unsupported type .png"),
        "README.md": ("skipped", "documentation"),
        "metadata.csv": ("skipped", "metadata table"),
        ".DS_Store": ("skipped", "hidden"),
    }
    for path, (status, words) in expected.items():
        assert report.loc[path, "status"] == status, path
        assert words in report.loc[path, "reason"], (path, report.loc[path, "reason"])
        assert "\n" not in report.loc[path, "reason"]


def test_metadata_table_applied(messy_folder: Path) -> None:
    corpus = corpus_run([messy_folder]).corpus.set_index("doc_id")
    row = corpus.loc["2024-03-05_county-meeting"]
    assert (row["title"], row["speaker"], row["date"], row["date_source"]) == ("三月讲话", "县委书记", "2024-03-05", "table")
    gbk = corpus.loc["sub/2024-04_gbk"]
    assert gbk["encoding"] == "gb18030" and gbk["date"] == "2024-04" and gbk["date_source"] == "filename"
    assert gbk["duplicate_of"] == "2024-03-05_county-meeting"


def test_selection_reported(messy_folder: Path) -> None:
    from analysis.run import Options, Selection

    result = corpus_run([messy_folder], options=Options(selection=Selection(since="2024-04")))
    report = result.report.set_index("path")
    assert report.loc["2024-03-05_county-meeting.txt", "status"] == "skipped"
    assert "--since" in report.loc["2024-03-05_county-meeting.txt", "reason"]
    assert list(result.corpus["doc_id"]) == ["sub/2024-04_gbk"]


def test_traditional_converted_original_kept(tmp_path: Path) -> None:
    from analysis.ingest import document_read

    path = tmp_path / "1954.txt"
    path.write_text("我們第一屆全國人民代表大會第一次會議，已經光榮地完成了一件歷史性的工作。", encoding="utf-8")
    doc = document_read(path, "1954.txt")
    assert doc.traditional
    assert doc.text.startswith("我们第一届全国人民代表大会")
    assert doc.text_original.startswith("我們第一屆全國人民代表大會")
    assert len(doc.text) == len(doc.text_original)


def test_nothing_readable_raises_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.doc").write_bytes(b"x")
    result = corpus_run([tmp_path])
    assert result.n_ok == 0 and list(result.report["status"]) == ["error"]


def test_metadata_rows_without_a_file_are_reported(messy_folder: Path) -> None:
    table = messy_folder / "metadata.csv"
    table.write_text(table.read_text(encoding="utf-8") + "gone.txt,2024-05-01,消失的讲话,\n", encoding="utf-8")
    assert corpus_run([messy_folder]).unmatched_rows == ["gone.txt"]


def test_gbk_file_names_from_windows_archives(tmp_path: Path) -> None:
    import os

    # A name unpacked as GBK bytes: Python sees undecodable surrogates.
    raw_name = os.fsdecode("测试讲话.txt".encode("gbk"))
    (tmp_path / raw_name).write_text(GOOD, encoding="utf-8")
    result = corpus_run([tmp_path])
    assert list(result.report["path"]) == ["测试讲话.txt"]
    assert list(result.corpus["doc_id"]) == ["测试讲话"] and result.n_ok == 1


def test_same_stem_files_get_distinct_doc_ids(tmp_path) -> None:
    from analysis.ingest.discover import doc_id_for

    (tmp_path / "sample.txt").write_text("同志们：今天开会。", encoding="utf-8")
    (tmp_path / "sample.html").write_text("<p>同志们：今天开会。</p>", encoding="utf-8")
    (tmp_path / "other.txt").write_text("同志们：明天开会。", encoding="utf-8")
    assert doc_id_for(tmp_path / "sample.txt", "d/sample.txt") == "d/sample.txt"
    assert doc_id_for(tmp_path / "sample.html", "d/sample.html") == "d/sample.html"
    assert doc_id_for(tmp_path / "other.txt", "d/other.txt") == "d/other"
    assert document_read(tmp_path / "sample.html", "sample.html").doc_id == "sample.html"


def test_same_stem_files_are_separate_speeches_and_a_converted_copy_is_the_duplicate(tmp_path) -> None:
    import docx

    body = "同志们：今天召开全县经济工作会议，研究部署今年经济工作。要确保全年新签约项目不少于60个。要加快项目建设进度。"
    other = "同志们：今天召开全县安全生产工作会议，部署下半年安全生产工作。各乡镇每月至少开展1次安全隐患排查。要压实各方责任。"
    (tmp_path / "sample.html").write_text(f"<html><body><p>{other}</p></body></html>", encoding="utf-8")
    sample = docx.Document()
    sample.add_paragraph(other)
    sample.save(tmp_path / "sample.docx")
    document = docx.Document()
    document.add_paragraph(body)
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "report.txt").write_text(body, encoding="utf-8")
    (tmp_path / "docx").mkdir()
    document.save(tmp_path / "docx" / "report.docx")
    result = corpus_run([tmp_path], workers=1, progress=False)
    dup = dict(zip(result.corpus["doc_id"], result.corpus["duplicate_of"]))
    assert set(dup) == {"sample.html", "sample.docx", "txt/report", "docx/report"}
    assert dup["docx/report"] == "txt/report" and dup["txt/report"] == ""
    assert dup["sample.docx"] == "sample.html" and dup["sample.html"] == ""


def test_a_metadata_table_in_a_sub_folder_is_used(tmp_path: Path) -> None:
    from analysis.ingest import corpus_discover

    (tmp_path / "series").mkdir()
    (tmp_path / "series" / "a.txt").write_text("会议内容。", encoding="utf-8")
    (tmp_path / "series" / "metadata.csv").write_text("path,date,title\na.txt,2024-03-05,三月会议\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("讲话内容。", encoding="utf-8")
    discovery = corpus_discover([tmp_path])
    assert discovery.table_row("series/a.txt") == {"date": "2024-03-05", "title": "三月会议"}
    assert [r.reason for r in discovery.records if r.path == "series/metadata.csv"] == ["documentation: metadata table (1 rows)"]
    assert discovery.unmatched_rows == []
