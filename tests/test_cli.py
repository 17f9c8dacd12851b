"""The command line contract: outputs, formats, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from conftest import COUNTY, REPO


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def county_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    assert main(["run", str(COUNTY.parent), "--out", str(out), "--quiet"]) == 0
    return out


def test_run_writes_documented_outputs(county_run: Path) -> None:
    expected = {
        "corpus.csv", "ingest_report.csv", "tokens.parquet", "run.json", "term_counts.csv", "themes.csv",
        "section_themes.csv", "keywords.csv", "formulations.csv", "quotas.csv", "sentences.parquet", "term_matches.parquet",
    }
    assert expected <= {p.name for p in county_run.iterdir()}
    assert (county_run / "corpus.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    corpus = pd.read_csv(county_run / "corpus.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(corpus.columns[:15]) == [
        "doc_id", "path", "title", "date", "year", "month", "day", "date_source", "meeting_type", "speaker",
        "n_chars_raw", "n_chars", "n_tokens", "traditional", "duplicate_of",
    ]
    row = corpus.iloc[0]
    assert row["doc_id"] == COUNTY.stem and row["month"] == 8 and row["year"] == "" and row["date_source"] == "text"
    assert row["title"] == "县委书记在全县月度工作推进会上的讲话"
    tokens = pd.read_parquet(county_run / "tokens.parquet")
    assert len(tokens) == row["n_tokens"]
    manifest = json.loads((county_run / "run.json").read_text(encoding="utf-8"))
    assert manifest["versions"]["jieba"] and manifest["lexicon"]["sha256_16"]
    # rjieba is a dependency, so it is the default segmenter, and its version is recorded.
    assert manifest["options"]["segmenter"] == "rjieba" and manifest["versions"]["rjieba"] != "not installed"
    for name, columns in {
        "term_counts.csv": ["doc_id", "date", "term", "theme", "count", "per_10k"],
        "themes.csv": ["doc_id", "date", "theme", "count", "share", "per_10k"],
        "section_themes.csv": ["doc_id", "section", "heading", "theme", "count", "share"],
        "ingest_report.csv": ["path", "status", "reason", "notes"],
    }.items():
        assert list(pd.read_csv(county_run / name, encoding="utf-8-sig").columns) == columns


def test_theme_shares_sum_to_one(county_run: Path) -> None:
    themes = pd.read_csv(county_run / "themes.csv", encoding="utf-8-sig")
    assert themes.groupby("doc_id")["share"].sum().round(4).eq(1).all()
    sections = pd.read_csv(county_run / "section_themes.csv", encoding="utf-8-sig", dtype={"section": str})
    assert sections.groupby(["doc_id", "section"])["share"].sum().round(4).eq(1).all()


def test_clean_prints_cleaned_text(capsys) -> None:
    code, out, _ = run_cli(["clean", str(COUNTY)], capsys)
    assert code == 0 and "由会员分享" not in out and "技能培训" in out


def test_tokens_one_sentence_a_line(capsys) -> None:
    code, out, _ = run_cli(["tokens", str(COUNTY)], capsys)
    lines = out.splitlines()
    assert code == 0 and len(lines) > 100
    assert "全面从严治党" in lines[3].split(" ")
    assert all("," not in line and "。" not in line for line in lines)


@pytest.mark.parametrize("mode", ["phrase", "token"])
def test_count_csv(capsys, county_doc, segmenter, mode: str) -> None:
    code, out, _ = run_cli(["count", str(COUNTY), "--term", "三会一课", "--term", "招商引资", "--term", "不存在的词", "--mode", mode], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == ["doc_id", "term", "count"] and len(rows) == 3
    words = segmenter.words(county_doc.text)
    for row in rows:
        expected = county_doc.text.count(row["term"]) if mode == "phrase" else words.count(row["term"])
        assert int(row["count"]) == expected
    assert rows[2]["count"] == "0"


def test_kwic_tsv(capsys) -> None:
    code, out, _ = run_cli(["kwic", str(COUNTY), "--term", "三会一课", "--window", "8"], capsys)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "doc_id\tsection\tstart\tleft\tmatch\tright" and len(lines) == 4
    assert all(line.split("\t")[4] == "三会一课" for line in lines[1:])


def test_quotas_jsonl(capsys) -> None:
    code, out, _ = run_cli(["quotas", str(COUNTY), "--format", "jsonl"], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and any(r["text"] == "不得少于10天" and r["comparator"] == "ge" for r in records)


def test_lexicon_check(capsys, tmp_path: Path) -> None:
    code, out, _ = run_cli(["lexicon", "check"], capsys)
    assert code == 0 and "problems" not in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes:\n  - id: a\n    label: 甲\n    terms: [{term: 招商 引资}]\n", encoding="utf-8")
    code, out, _ = run_cli(["lexicon", "check", str(bad)], capsys)
    assert code == 1 and "space" in out


def test_nothing_readable_exits_1(capsys, tmp_path: Path) -> None:
    (tmp_path / "a.doc").write_bytes(b"old")
    code, out, err = run_cli(["run", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"], capsys)
    assert code == 1 and "a.doc" in err and ".docx" in err


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["run", "/no/such/folder"], 1, "no such file or folder"),
        (["clean", "/no/such/file.txt"], 1, "no such file"),
        (["run", "--since", "last-year"], 2, "not a date"),
        (["count", "x.txt"], 2, "--term"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_errors_one_line_no_traceback(args: list[str], code: int, message: str, tmp_path: Path) -> None:
    process = subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert process.returncode == code
    assert message in process.stderr
    assert "Traceback" not in process.stderr


def test_bad_file_named_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 64)
    process = subprocess.run([sys.executable, "-m", "analysis", "clean", str(bad)], capture_output=True, text=True, timeout=120)
    assert process.returncode == 1
    assert f"error: {bad}: binary content" in process.stderr
    assert "Traceback" not in process.stderr


def test_run_default_corpus_from_repo_root(tmp_path: Path) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--out", str(tmp_path)], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert process.returncode == 0, process.stderr
    assert "40 ok" in process.stdout  # the county speech and the 39 monthly meetings


def test_count_kwic_quotas_take_folders(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "speeches"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "03_meeting.txt").write_text("要抓好招商引资。每月外出招商时间不得少于10天。", encoding="utf-8")
    (folder / "04_meeting.txt").write_text("招商引资是第一要务。", encoding="utf-8")
    (folder / "old.doc").write_bytes(b"x")
    code, out, err = run_cli(["count", str(folder), "--term", "招商引资"], capsys)
    assert code == 0 and out.splitlines()[1:] == ["04_meeting,招商引资,1", "2024/03_meeting,招商引资,1"]
    assert "old.doc" in err
    code, out, _ = run_cli(["quotas", str(folder)], capsys)
    assert code == 0 and "不得少于10天" in out


def test_clean_refuses_a_folder(capsys, tmp_path: Path) -> None:
    code, _, err = run_cli(["clean", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err


def test_a_speech_the_analysis_trips_on_is_reported_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import analysis.run.document

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("要抓好招商引资,每月外出招商时间不得少于10天。", encoding="utf-8")
    (corpus / "odd.txt").write_text("这一篇触发了一个未知的分析错误。", encoding="utf-8")
    real = analysis.run.document.quotas_extract_columns

    def tripping(text: str, **kwargs):  # type: ignore[no-untyped-def]
        if "未知" in text:
            raise ZeroDivisionError("float division by zero")
        return real(text, **kwargs)

    monkeypatch.setattr(analysis.run.document, "quotas_extract_columns", tripping)
    code, out, err = run_cli(["run", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1", "--no-cache"], capsys)
    assert code == 0 and "Traceback" not in out + err
    report = pd.read_csv(tmp_path / "out" / "ingest_report.csv", encoding="utf-8-sig").set_index("path")
    assert report.loc["good.txt", "status"] == "ok"
    assert report.loc["odd.txt", "status"] == "error"
    assert "analysis failed (ZeroDivisionError" in report.loc["odd.txt", "reason"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "2024-13"], "no month 13"),
        (["--since", "2024-00"], "no month 00"),
        (["--since", "2024-02-30"], "no day 30"),
        (["--until", "2023-02-29"], "no day 29"),
        (["--since", "2025", "--until", "2024-06"], "later than --until"),
        (["--p", "0"], "--p must be"),
    ],
)
def test_bad_dates_are_usage_errors_before_any_work(args: list[str], message: str, capsys, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = run_cli(["brief", str(REPO / "data" / "raw" / "county"), "--out", str(out), *args], capsys)
    assert code == 2 and message in err
    assert not out.exists()  # rejected before the run


def test_a_date_on_the_calendar_is_accepted(capsys, tmp_path: Path) -> None:
    code, _, err = run_cli(["run", str(REPO / "data" / "raw" / "politburo-monthly"), "--out", str(tmp_path), "--since", "2024-02-29", "--until", "2024-06", "--quiet"], capsys)
    assert code == 0, err
    corpus = pd.read_csv(tmp_path / "corpus.csv", encoding="utf-8-sig")
    assert corpus["date"].min() >= "2024-02-29" and corpus["date"].max() <= "2024-06-30" and len(corpus) == 5


@pytest.mark.parametrize(
    "args, listed",
    [
        (["--meeting-type", "politburo_meeting"], "meeting types in the corpus: politburo-meeting (39)"),
        (["--speaker", "李强"], "speakers in the corpus: 中共中央政治局（习近平主持） (39)"),
        (["--since", "2030"], "dates in the corpus: 2022-10-25 … 2026-07-30"),
    ],
)
@pytest.mark.parametrize("command", ["run", "brief"])
def test_a_selection_matching_nothing_lists_what_exists(command: str, args: list[str], listed: str, capsys, tmp_path: Path) -> None:
    code, _, err = run_cli([command, str(REPO / "data" / "raw" / "politburo-monthly"), "--out", str(tmp_path / "o"), "--quiet", *args], capsys)
    assert code == 1
    assert "no speech matches the selection (39 of 41 files filtered out)" in err and listed in err, err
    assert len(err.strip().splitlines()) == 1


def test_summary_counts_filtered_out_apart(capsys, tmp_path: Path) -> None:
    code, out, _ = run_cli(["run", str(REPO / "data" / "raw"), "--out", str(tmp_path), "--meeting-type", "politburo-meeting"], capsys)
    assert code == 0
    assert "39 ok, 1 filtered out, 2 skipped, 0 errors" in out
    assert "excluded by" not in out  # filtered files are counted, not listed one by one


def test_every_argument_and_command_has_a_description() -> None:
    import argparse

    from analysis.cli import _parser

    def walk(parser: argparse.ArgumentParser, name: str):  # type: ignore[no-untyped-def]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub_name, sub in action.choices.items():
                    assert sub.description, f"{name} {sub_name}: no description"
                    yield from walk(sub, f"{name} {sub_name}")
            elif not isinstance(action, argparse._HelpAction):
                yield name, action

    missing = [f"{name}: {action.dest}" for name, action in walk(_parser(), "analysis") if not action.help]
    assert missing == []
    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    help_text = commands.choices["run"].format_help()
    assert "(default reports)" in help_text and "metadata table" in help_text and "print nothing but errors" in help_text


def test_quotas_csv_has_dates_and_titles(county_run: Path) -> None:
    quotas = pd.read_csv(county_run / "quotas.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(quotas.columns[:5]) == ["doc_id", "date", "year", "month", "title"]
    assert set(quotas["month"]) == {8} and set(quotas["title"]) == {"县委书记在全县月度工作推进会上的讲话"}


def test_brief_counts_a_term_outside_the_lexicon_as_a_phrase(capsys, tmp_path: Path) -> None:
    code, out, err = run_cli(["brief", str(REPO / "data" / "raw" / "politburo-monthly"), "--out", str(tmp_path), "--terms", "防汛抗旱,经济工作会议"], capsys)
    assert code == 0, err
    assert "counted as phrases (not in the lexicon): 经济工作会议" in out
    assert f"open: {tmp_path / 'briefing.html'}" in out
    trend = pd.read_csv(tmp_path / "trends" / "terms_month.csv", encoding="utf-8-sig", keep_default_na=False)
    phrase = trend[trend["term"] == "经济工作会议"]
    assert len(phrase) and set(phrase["theme"]) == {"phrase"} and phrase["count"].replace("", 0).astype(float).sum() > 0
