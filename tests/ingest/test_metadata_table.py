"""Metadata tables are never silently wrong: impossible dates, repeated or escaping paths, other delimiters, huge fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.cli import main
from analysis.ingest import corpus_discover
from analysis.ingest.metadata import PartialDate, metadata_table_read, parse_table_date
from analysis.run import Options, corpus_run

SPEECH = "县委书记讲话。10月25日召开会议。同志们:每月外出招商时间不得少于10天。全面从严治党。"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-03-05", PartialDate(2024, 3, 5)),
        ("2024-03", PartialDate(2024, 3)),
        ("2024", PartialDate(2024)),
        ("20240305", PartialDate(2024, 3, 5)),
        ("2024年3月5日", PartialDate(2024, 3, 5)),
        ("二〇二四年三月", PartialDate(2024, 3)),
        ("二〇二四年十二月三十一日", PartialDate(2024, 12, 31)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        ("????-08", PartialDate(None, 8)),
        ("2024-13-45", None),
        ("2023-02-30", None),
        ("2023-02-29", None),
        ("2024-00", None),
        ("March 2024", None),
    ],
)
def test_table_dates_are_parsed_strictly(cell: str, expected: PartialDate | None) -> None:
    assert parse_table_date(cell) == expected


def _corpus(tmp_path: Path, table: str, name: str = "meta.csv") -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(SPEECH, encoding="utf-8")
    (folder / "b.txt").write_text(SPEECH, encoding="utf-8")
    (folder / name).write_text(table, encoding="utf-8")
    return folder


def _table_record(result) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    row = result.report[result.report["path"] == "meta.csv"].iloc[0]
    return row["reason"], row["notes"]


@pytest.mark.parametrize("cell", ["2024-13-45", "2023-02-30"])
def test_an_impossible_date_is_rejected_naming_the_row(tmp_path: Path, cell: str) -> None:
    folder = _corpus(tmp_path, f"path,date,title\nb.txt,2024-03-01,乙\na.txt,{cell},甲\n")
    result = corpus_run([folder], options=Options(cache=False))
    dates = dict(zip(result.corpus["path"], result.corpus["date"]))
    assert dates["a.txt"] == ""  # not 2024-10-25 made up from the table's year and the text's month and day
    assert dates["b.txt"] == "2024-03-01"
    _, notes = _table_record(result)
    assert f"row 3 (a.txt): date '{cell}' is not a real date, ignored" in notes
    titles = dict(zip(result.corpus["path"], result.corpus["title"]))
    assert titles["a.txt"] == "甲"  # the rest of the row still applies


def test_chinese_numeral_dates_are_read(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, "path,date\na.txt,二〇二四年三月\n")
    result = corpus_run([folder], options=Options(cache=False))
    assert dict(zip(result.corpus["path"], result.corpus["date"]))["a.txt"] == "2024-03"


def test_repeated_and_escaping_paths_are_reported_not_applied(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, "path,title\na.txt,甲\na.txt,乙\n../b.txt,外面\n/etc/b.txt,根\n")
    rows, problems = metadata_table_read(folder / "meta.csv")
    assert rows == {"a.txt": {"title": "甲"}}
    assert problems == [
        "row 3: path a.txt repeats row 2, row ignored",
        "row 4: path '../b.txt' points outside the table's folder, row ignored",
        "row 5: path '/etc/b.txt' points outside the table's folder, row ignored",
    ]
    result = corpus_run([folder], options=Options(cache=False))
    titles = dict(zip(result.corpus["path"], result.corpus["title"]))
    assert titles["a.txt"] == "甲" and titles["b.txt"] != "外面"


def test_a_semicolon_delimited_table_is_read(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, "path;date;title\na.txt;2024-03-05;甲\n")
    discovery = corpus_discover([folder])
    assert discovery.table_row("a.txt") == {"date": "2024-03-05", "title": "甲"}


def test_a_field_over_the_csv_limit_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = _corpus(tmp_path, 'path,title\na.txt,"an open quote\n' + "字" * 200_000 + "\n")
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--no-cache"]) == 1
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert "meta.csv" in err and "csv module's limit" in err
