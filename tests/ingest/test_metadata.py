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


# -- metadata stated in local texts (issue #13) ---------------------------------
@pytest.mark.parametrize(
    "text, date",
    [
        ("2023年全市招商引资工作会议讲话(20230224)\n同志们：", PartialDate(2023, 2, 24)),
        ("在2026年全县经济工作会议上的讲话\n同志们：", PartialDate(2026)),
        ("县委书记在全县经济工作会议上的讲话\n【2023年8月15日】\n同志们：", PartialDate(2023, 8, 15)),
        ("县委书记在全县经济工作会议上的讲话\n[2023年8月15日]\n同志们：", PartialDate(2023, 8, 15)),
        ("县委书记在全县经济工作会议上的讲话\n2023年8月15日\n同志们：", PartialDate(2023, 8, 15)),
    ],
)
def test_local_dates_from_text(text: str, date: PartialDate) -> None:
    assert date_from_text(text) == date


def test_report_reviewing_a_year_is_dated_the_next_year() -> None:
    text = "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n过去一年，全市经济回升向好。"
    meta = merge_metadata(table_row=None, stem="report", raw_text=text, headline="", cleaned_text=text)
    assert meta.date == PartialDate(2024) and meta.sources["date"] == "text"
    assert any("2023" in note for note in meta.notes)


def test_table_year_and_text_date_are_merged() -> None:
    text = "政府工作报告\n——2024年1月16日在亳州市第五届人民代表大会第三次会议上\n各位代表："
    meta = merge_metadata(table_row={"date": "2024"}, stem="x", raw_text=text, headline="", cleaned_text=text)
    assert meta.date == PartialDate(2024, 1, 16) and meta.sources["date"] == "table+text"


@pytest.mark.parametrize(
    "raw, speaker",
    [
        ("政府工作报告\n——2024年1月16日在亳州市第五届人民代表大会第三次会议上\n市人民政府市长 秦凤玉\n各位代表：", "市人民政府市长 秦凤玉"),
        ("2024年政府工作报告\n——2024年2月29日在玉林市第六届人民代表大会第六次会议上 市长 张惠强\n各位代表：", "市长 张惠强"),
        ("政府工作报告\n市长\xa0 马\xa0 军\n各位代表：", "市长 马军"),
        ("同志们：\n今天开会。\n最后，祝大家工作顺利！\n县委书记 张三", "县委书记 张三"),
        ("各位代表：\n现在，我代表市人民政府向大会报告工作。", ""),
    ],
)
def test_speaker_from_text(raw: str, speaker: str) -> None:
    meta = merge_metadata(table_row=None, stem="x", raw_text=raw, headline="", cleaned_text=raw)
    assert meta.speaker == speaker
    assert meta.sources.get("speaker", "text" if speaker else None) == ("text" if speaker else None)


@pytest.mark.parametrize(
    "raw, title",
    [
        ("县委书记在全县经济工作会议\n上的讲话\n同志们：", "县委书记在全县经济工作会议上的讲话"),
        ("在全县经济工作会议上的讲话发(fā)言\n同志们：", ""),
    ],
)
def test_title_split_over_two_lines(raw: str, title: str) -> None:
    assert title_from_text(raw, "") == title


def test_pinyin_removed_from_title() -> None:
    assert title_from_text("", "推动高质量发(fā)展的讲话") == "推动高质量发展的讲话"


def test_slug_title_only_when_nothing_better() -> None:
    raw = "县委书记在全县经济工作会议上的讲话\n同志们：今天开会。"
    meta = merge_metadata(table_row=None, stem="2024_county_economic-work-conference", raw_text=raw, headline="", cleaned_text=raw)
    assert meta.title == "县委书记在全县经济工作会议上的讲话"
    meta = merge_metadata(table_row=None, stem="2024_亳州_government-work-report", raw_text="各位代表：今天开会。", headline="", cleaned_text="各位代表：今天开会。")
    assert meta.title == "2024_亳州_government-work-report" and meta.sources["title"] == "filename"
