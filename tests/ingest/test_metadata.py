"""Metadata sources and their precedence: table, then file name, then text."""

from __future__ import annotations

import pytest

from analysis.ingest.metadata import (
    PartialDate,
    date_from_filename,
    date_from_text,
    merge_metadata,
    meeting_type_from_filename,
    parse_date,
    title_from_text,
)


@pytest.mark.parametrize(
    "stem, date, rest",
    [
        ("2023-02-21_politburo-meeting", PartialDate(2023, 2, 21), "politburo-meeting"),
        ("2025-03_government-work-report", PartialDate(2025, 3), "government-work-report"),
        ("2016_government-work-report", PartialDate(2016), "government-work-report"),
        ("20240305_县委书记讲话", PartialDate(2024, 3, 5), "县委书记讲话"),
        ("county-party-secretary_monthly-meeting_august", PartialDate(), "county-party-secretary_monthly-meeting_august"),
        ("2024-13_bad-month", PartialDate(2024), "13_bad-month"),
    ],
)
def test_date_from_filename(stem: str, date: PartialDate, rest: str) -> None:
    assert date_from_filename(stem) == (date, rest)


@pytest.mark.parametrize(
    "text, date",
    [
        ("同志们:今天,我们在这里召开8月份月度工作推进会,主要目的是", PartialDate(None, 8)),
        ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上", PartialDate(2024, 3, 5)),
        ("——二〇一〇年三月五日在第十一届全国人民代表大会第三次会议上", PartialDate(2010, 3, 5)),
        ("二十届中共中央政治局10月25日召开会议，研究部署", PartialDate(None, 10, 25)),
        ("回顾7月份重点工作进展情况,研究安排8月份各项工作任务", PartialDate()),
    ],
)
def test_date_from_text(text: str, date: PartialDate) -> None:
    assert date_from_text(text) == date


@pytest.mark.parametrize("cell, date", [("2024-03-05", PartialDate(2024, 3, 5)), ("????-08", PartialDate(None, 8)), ("2024年3月", PartialDate(2024, 3)), ("", PartialDate()), ("soon", PartialDate())])
def test_parse_date(cell: str, date: PartialDate) -> None:
    assert parse_date(cell) == date


def test_precedence_and_disagreement_noted() -> None:
    meta = merge_metadata(
        table_row=None,
        stem="2006-03-15_government-work-report",
        raw_text="",
        headline="政府工作报告",
        cleaned_text="——2006年3月5日在第十届全国人民代表大会第四次会议上",
    )
    assert meta.date == PartialDate(2006, 3, 15)
    assert meta.sources["date"] == "filename"
    assert meta.notes == ["date: filename says 2006-03-15, text says 2006-03-05; kept filename"]


def test_table_wins_and_text_fills_gaps() -> None:
    meta = merge_metadata(
        table_row={"date": "2024", "title": "表中标题", "meeting_type": "monthly-work-meeting", "speaker": "县委书记"},
        stem="2023_speech",
        raw_text="",
        headline="",
        cleaned_text="——2024年3月5日在全县大会上",
    )
    assert meta.title == "表中标题" and meta.speaker == "县委书记"
    assert meta.date == PartialDate(2024, 3, 5)
    assert meta.sources["date"] == "table+text"
    assert meta.notes == ["date: table says 2024, filename says 2023; kept table"]


def test_month_only_date_has_no_iso() -> None:
    assert PartialDate(None, 8).iso() == "" and PartialDate(None, 8).describe() == "????-08"


def test_title_from_site_header() -> None:
    raw = "《县委书记在全县月度工作推进会上的讲话.docx》由会员分享,可在线阅读"
    assert title_from_text(raw, "") == "县委书记在全县月度工作推进会上的讲话"


def test_meeting_type_only_after_a_date() -> None:
    assert meeting_type_from_filename("2023-02-21_politburo-meeting") == "politburo-meeting"
    assert meeting_type_from_filename("county-party-secretary_monthly-meeting_august") == ""


@pytest.mark.parametrize(
    "text, date",
    [
        ("县委书记在全县经济工作会议上的讲话\n（2023年8月15日）\n同志们：", PartialDate(2023, 8, 15)),
        ("关于做好防汛工作的讲话\n同志们：\n今天开会。\n县委办公室\n2022年6月3日", PartialDate(2022, 6, 3)),
    ],
)
def test_date_in_brackets_or_signature(text: str, date: PartialDate) -> None:
    assert date_from_text(text) == date


def test_title_line_from_cleaned_text() -> None:
    assert title_from_text("", "", "关于做好防汛工作的讲话\n同志们：") == "关于做好防汛工作的讲话"
    assert title_from_text("", "", "今天开会，要做好防汛工作。") == ""
