"""The reuse and diffusion commands: documented outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.measures.reuse import DOC_COLUMNS, PASSAGE_COLUMNS, STOCK_COLUMNS

PASSAGE = "会议强调，要坚持以人民为中心的发展思想，扎实推进共同富裕，着力解决群众急难愁盼问题，把保障和改善民生建立在经济发展和财力可持续的基础上。"


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    corpus, reference = tmp_path / "speeches", tmp_path / "readouts"
    corpus.mkdir()
    reference.mkdir()
    (corpus / "2024-08_county.txt").write_text("各位同志：\n今年以来，我县围绕产业发展抓招商，引进项目十二个。" + PASSAGE.replace("共同富裕", "XX") + "\n下半年要抓好安全生产。\n", encoding="utf-8")
    (corpus / "2024-09_town.txt").write_text("各位同志：\n镇里的工作重点是农田水利和道路建设，确保秋粮丰收。\n", encoding="utf-8")
    (reference / "2024-07-30_politburo-meeting.txt").write_text("中共中央政治局召开会议\n城市建设方面完成老旧小区改造。" + PASSAGE + "\n", encoding="utf-8")
    return corpus, reference


def test_reuse_writes_the_documented_outputs(folders, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus, reference = folders
    out = tmp_path / "out"
    assert main(["reuse", str(corpus), "--reference", str(reference), "--out", str(out), "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "1 passages" in printed
    passages = pd.read_csv(out / "reuse.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(passages.columns) == PASSAGE_COLUMNS
    row = passages.iloc[0]
    assert row["doc_id"] == "2024-08_county" and row["source_doc_id"] == "2024-07-30_politburo-meeting"
    assert row["direction"] == "earlier_source" and "XX" in row["text"] and "共同富裕" in row["source_text"]
    docs = pd.read_csv(out / "reuse_docs.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(docs.columns) == DOC_COLUMNS and len(docs) == 2
    assert list(pd.read_csv(out / "reuse_stock.csv", encoding="utf-8-sig").columns) == STOCK_COLUMNS
    summary = json.loads((out / "reuse.json").read_text(encoding="utf-8"))
    assert summary["params"]["min_chars"] == 30 and summary["counts"]["passages"] == 1
    for fmt in ("png", "svg", "pdf"):
        assert (out / "figures" / f"reuse_sources.{fmt}").stat().st_size > 1000


def test_min_chars_drops_shorter_passages(folders, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus, reference = folders
    out = tmp_path / "out"
    assert main(["reuse", str(corpus), "--reference", str(reference), "--out", str(out), "--min-chars", "200", "--quiet"]) == 0
    assert len(pd.read_csv(out / "reuse.csv", encoding="utf-8-sig")) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min-chars", "0"], "--min-chars must be 1 or more"),
        (["--stock-share", "1.5"], "must be in (0, 1]"),
        (["--scheduler", "tcp://x:1"], "--scheduler goes with --backend dask"),
    ],
)
def test_reuse_usage_errors_exit_2(folders, tmp_path: Path, capsys, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    corpus, _ = folders
    assert main(["reuse", str(corpus), "--out", str(tmp_path / "o"), *args]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_corpus_is_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["reuse", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "Traceback" not in err


def test_diffusion_writes_first_dates(folders, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus, reference = folders
    out = tmp_path / "out"
    assert main(["diffusion", str(corpus), str(reference), "--term", "急难愁盼", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "急难愁盼: readouts 2024-07-30" in printed
    table = pd.read_csv(out / "diffusion.csv", encoding="utf-8-sig", keep_default_na=False)
    rows = table[table["term"] == "急难愁盼"].set_index("series")
    assert rows.loc["readouts", "first_date"] == "2024-07-30"
    assert (out / "figures" / "diffusion.png").stat().st_size > 1000


def test_diffusion_unknown_reference_series_is_one_line(folders, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus, _ = folders
    assert main(["diffusion", str(corpus), "--reference-series", "nowhere", "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "reference series 'nowhere' not found" in err and "Traceback" not in err


def test_brief_with_a_reference_adds_the_reuse_chart(tmp_path: Path) -> None:
    from conftest import COUNTY

    from analysis.ingest import document_read

    county = document_read(COUNTY, COUNTY.name).text
    borrowed = county[1000:1200]
    readouts = tmp_path / "readouts"
    readouts.mkdir()
    (readouts / "2024-07-30_politburo-meeting.txt").write_text("中共中央政治局召开会议\n会议指出，" + borrowed + "\n", encoding="utf-8")
    out = tmp_path / "brief"
    assert main(["brief", str(COUNTY.parent), "--reference", str(readouts), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert (out / "briefing.html").is_file()
    assert (out / "figures" / "reuse_sources.png").stat().st_size > 1000
    passages = pd.read_csv(out / "reuse" / "reuse.csv", encoding="utf-8-sig")
    assert len(passages) == 1 and passages["source_doc_id"].iloc[0] == "2024-07-30_politburo-meeting"
    assert not (out / "reuse" / "figures").exists()
