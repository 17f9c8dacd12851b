"""The targets command, --indicators and the files run writes for headline targets."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from analysis.cli import main

LIST = "今年经济社会发展的主要预期目标是：地区生产总值增长{gdp}左右，城镇新增就业{jobs}万人以上。\n"


def _reports(folder):
    folder.mkdir()
    (folder / "2023_某市_report.txt").write_text("各位代表：\n" + LIST.format(gdp="6%", jobs="3"), encoding="utf-8")
    (folder / "2024_某市_report.txt").write_text(
        "各位代表：\n一、2023年工作回顾\n过去一年，全市地区生产总值增长5.8%，新增城镇就业3.2万人。\n二、2024年工作安排\n" + LIST.format(gdp="5.5%", jobs="3.5"),
        encoding="utf-8",
    )
    return folder


def test_targets_command_csv_and_jsonl(tmp_path, capsys):
    folder = _reports(tmp_path / "reports")
    assert main(["targets", str(folder)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["indicator"], r["value"], r["comparator"], r["year"]) for r in rows] == [
        ("gdp_growth", "6.0", "approx", "2023"), ("urban_new_jobs", "3.0", "ge", "2023"),
        ("gdp_growth", "5.5", "approx", "2024"), ("urban_new_jobs", "3.5", "ge", "2024"),
    ]
    assert main(["targets", str(folder / "2024_某市_report.txt"), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0]["unit"] == "%" and records[1]["unit"] == "万人"


def test_a_bad_indicator_file_is_one_line(tmp_path, capsys):
    folder = _reports(tmp_path / "reports")
    bad = tmp_path / "bad.yaml"
    bad.write_text("indicators: [\n", encoding="utf-8")
    assert main(["targets", str(folder), "--indicators", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and "YAML" in err[0]


def test_run_writes_targets_and_targets_vs_realised(tmp_path):
    folder = _reports(tmp_path / "reports")
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--quiet", "--no-cache", "--workers", "1"]) == 0
    targets = pd.read_csv(out / "targets.csv", encoding="utf-8-sig")
    assert len(targets) == 4 and set(targets["indicator"]) == {"gdp_growth", "urban_new_jobs"}
    realised = pd.read_csv(out / "targets_vs_realised.csv", encoding="utf-8-sig").set_index("indicator")
    assert realised.loc["gdp_growth", ["year", "value", "realised_value", "met"]].tolist() == [2023, 6.0, 5.8, "yes"]
    assert realised.loc["urban_new_jobs", ["value", "realised_value", "met"]].tolist() == [3.0, 3.2, "yes"]
