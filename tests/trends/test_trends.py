"""Trends across meetings: every aggregation rule against an exact expected table."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.measures.keyness import textstat_keyness
from analysis.trends import (
    QUOTA_TREND_COLUMNS,
    TERM_TREND_COLUMNS,
    THEME_TREND_COLUMNS,
    period_choose,
    period_label,
    period_range,
    periods_assign,
    quotas_change,
    quotas_trend,
    terms_change,
    terms_trend,
    themes_change,
    themes_trend,
)

NAN = math.nan


def corpus_frame(rows: list[tuple[str, str, int, str]]) -> pd.DataFrame:
    """A corpus table like the pipeline's from (doc_id, date, n_chars, duplicate_of)."""
    years, months, days = [], [], []
    for _, date, _, _ in rows:
        parts = date.split("-") if date else []
        years.append(int(parts[0]) if parts else None)
        months.append(int(parts[1]) if len(parts) > 1 else None)
        days.append(int(parts[2]) if len(parts) > 2 else None)
    return pd.DataFrame(
        {
            "doc_id": [r[0] for r in rows],
            "date": [r[1] for r in rows],
            "year": pd.array(years, dtype="Int64"),
            "month": pd.array(months, dtype="Int64"),
            "day": pd.array(days, dtype="Int64"),
            "n_chars": [r[2] for r in rows],
            "duplicate_of": [r[3] for r in rows],
        }
    )


@pytest.fixture
def corpus() -> pd.DataFrame:
    # a, b: two meetings in January; no meeting in February; c in March;
    # d dated only to the year; e without a year; f a near-duplicate of c.
    return corpus_frame(
        [
            ("a", "2023-01-05", 1000, ""),
            ("b", "2023-01-20", 3000, ""),
            ("c", "2023-03-02", 2000, ""),
            ("d", "2023", 500, ""),
            ("e", "", 800, ""),
            ("f", "2023-03-09", 2000, "c"),
        ]
    )


@pytest.fixture
def term_counts() -> pd.DataFrame:
    rows = [
        ("a", "改革", "reform", 2),
        ("a", "发展", "economy", 1),
        ("b", "改革", "reform", 2),
        ("c", "发展", "economy", 4),
        ("d", "改革", "reform", 5),
        ("e", "改革", "reform", 1),
        ("f", "发展", "economy", 4),
    ]
    return pd.DataFrame(rows, columns=["doc_id", "term", "theme", "count"])


@pytest.fixture
def themes() -> pd.DataFrame:
    rows = [("a", "reform", 2), ("a", "economy", 1), ("b", "reform", 2), ("c", "economy", 4), ("d", "reform", 5), ("f", "economy", 4)]
    return pd.DataFrame(rows, columns=["doc_id", "theme", "count"])


def expected(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("n_docs", "n_chars"):
        frame[column] = frame[column].astype("int64")
    for column in ("count", "share", "per_10k"):
        if column in frame:
            frame[column] = frame[column].astype("float64")
    return frame


def test_monthly_terms_pool_meetings_fill_zeros_and_keep_gaps(corpus, term_counts):
    trend = terms_trend(term_counts, corpus, period="month")
    # January: a + b pooled: counts summed, rate = summed count per 10k summed characters
    # (发展 1 / 4000 chars = 2.5, not the mean of 10.0 and 0.0).
    # February: no meeting: rows with NaN, never zero.  March: 改革 absent → 0.
    assert_frame_equal(
        trend.table,
        expected(
            [
                ("2023-01", "发展", "economy", 2, 4000, 1.0, 2.5),
                ("2023-01", "改革", "reform", 2, 4000, 4.0, 10.0),
                ("2023-02", "发展", "economy", 0, 0, NAN, NAN),
                ("2023-02", "改革", "reform", 0, 0, NAN, NAN),
                ("2023-03", "发展", "economy", 1, 2000, 4.0, 20.0),
                ("2023-03", "改革", "reform", 1, 2000, 0.0, 0.0),
            ],
            TERM_TREND_COLUMNS,
        ),
    )
    assert (trend.n_undated, trend.n_imprecise, trend.n_duplicates_excluded, trend.n_docs) == (1, 1, 1, 3)
    assert trend.periods == ["2023-01", "2023-02", "2023-03"]
    assert trend.periods_with_meetings == ["2023-01", "2023-03"]
    assert trend.note() == "left out: 1 without a year, 1 dated only to the year, 1 near-duplicates"


def test_year_only_dates_count_in_annual_series(corpus, term_counts):
    trend = terms_trend(term_counts, corpus, period="year")
    assert_frame_equal(
        trend.table,
        expected(
            [
                ("2023", "发展", "economy", 4, 6500, 5.0, 7.692),
                ("2023", "改革", "reform", 4, 6500, 9.0, 13.846),
            ],
            TERM_TREND_COLUMNS,
        ),
    )
    assert (trend.n_undated, trend.n_imprecise, trend.n_duplicates_excluded) == (1, 0, 1)


def test_duplicates_only_when_asked(corpus, term_counts):
    trend = terms_trend(term_counts, corpus, period="month", include_duplicates=True)
    march = trend.table[trend.table["period"] == "2023-03"].reset_index(drop=True)
    assert_frame_equal(
        march,
        expected(
            [("2023-03", "发展", "economy", 2, 4000, 8.0, 20.0), ("2023-03", "改革", "reform", 2, 4000, 0.0, 0.0)],
            TERM_TREND_COLUMNS,
        ),
    )
    assert trend.n_duplicates_excluded == 0


def test_quarters(corpus, term_counts):
    trend = terms_trend(term_counts, corpus, period="quarter", terms=["改革", "未出现"])
    assert_frame_equal(
        trend.table,
        expected(
            [("2023Q1", "改革", "reform", 3, 6000, 4.0, 6.667), ("2023Q1", "未出现", "", 3, 6000, 0.0, 0.0)],
            TERM_TREND_COLUMNS,
        ),
    )
    assert trend.n_imprecise == 1


def test_theme_shares_are_of_all_matches_in_the_period(corpus, themes):
    trend = themes_trend(themes, corpus, period="month")
    assert_frame_equal(
        trend.table,
        expected(
            [
                ("2023-01", "economy", 2, 4000, 1.0, 0.2, 2.5),
                ("2023-01", "reform", 2, 4000, 4.0, 0.8, 10.0),
                ("2023-02", "economy", 0, 0, NAN, NAN, NAN),
                ("2023-02", "reform", 0, 0, NAN, NAN, NAN),
                ("2023-03", "economy", 1, 2000, 4.0, 1.0, 20.0),
                ("2023-03", "reform", 1, 2000, 0.0, 0.0, 0.0),
            ],
            THEME_TREND_COLUMNS,
        ),
    )


def test_meeting_without_matches_is_zero_count_and_undefined_share(themes):
    corpus = corpus_frame([("a", "2023-01-05", 1000, ""), ("g", "2023-02-01", 1000, "")])
    trend = themes_trend(themes[themes["doc_id"] == "a"], corpus, period="month")
    assert_frame_equal(
        trend.table,
        expected(
            [
                ("2023-01", "economy", 1, 1000, 1.0, 1 / 3, 10.0),
                ("2023-01", "reform", 1, 1000, 2.0, 2 / 3, 20.0),
                ("2023-02", "economy", 1, 1000, 0.0, NAN, 0.0),
                ("2023-02", "reform", 1, 1000, 0.0, NAN, 0.0),
            ],
            THEME_TREND_COLUMNS,
        ).assign(share=lambda f: f["share"].round(6)),
    )


def test_quota_mentions_by_kind(corpus):
    quotas = pd.DataFrame({"doc_id": ["a", "a", "c", "e"], "kind": ["quota", "quota", "deadline", "quota"]})
    trend = quotas_trend(quotas, corpus, period="month")
    assert_frame_equal(
        trend.table,
        expected(
            [
                ("2023-01", "quota", 2, 4000, 2.0, 5.0),
                ("2023-01", "deadline", 2, 4000, 0.0, 0.0),
                ("2023-02", "quota", 0, 0, NAN, NAN),
                ("2023-02", "deadline", 0, 0, NAN, NAN),
                ("2023-03", "quota", 1, 2000, 0.0, 0.0),
                ("2023-03", "deadline", 1, 2000, 1.0, 5.0),
            ],
            QUOTA_TREND_COLUMNS,
        ),
    )


def test_no_dated_speech_gives_an_empty_series():
    corpus = corpus_frame([("x", "", 800, "")])
    counts = pd.DataFrame({"doc_id": ["x"], "term": ["改革"], "theme": ["reform"], "count": [3]})
    trend = terms_trend(counts, corpus)
    assert trend.table.empty and list(trend.table.columns) == TERM_TREND_COLUMNS
    assert trend.n_undated == 1 and trend.periods == []
    assert terms_change(counts, corpus) is None
    assert themes_change(counts.rename(columns={"term": "x"}), corpus) is None


def test_period_labels_and_ranges():
    assert period_label(2023, 2, "month") == "2023-02"
    assert period_label(2023, 11, "quarter") == "2023Q4"
    assert period_label(2023, None, "year") == "2023"
    assert period_range("2022-11", "2023-02", "month") == ["2022-11", "2022-12", "2023-01", "2023-02"]
    assert period_range("2022Q4", "2023Q2", "quarter") == ["2022Q4", "2023Q1", "2023Q2"]
    with pytest.raises(ValueError):
        period_label(2023, None, "month")
    with pytest.raises(ValueError):
        periods_assign(corpus_frame([]), period="week")


def test_period_choose_month_for_monthly_and_year_for_annual_series():
    monthly = corpus_frame([(f"m{i}", f"2023-{i:02d}-15", 100, "") for i in range(1, 8)])
    annual = corpus_frame([(f"y{y}", f"{y}-03", 100, "") for y in range(2000, 2012)])
    year_only = corpus_frame([(f"y{y}", f"{y}", 100, "") for y in range(2000, 2012)])
    assert period_choose(monthly) == "month"
    assert period_choose(annual) == "year"  # annual reports dated to March
    assert period_choose(year_only) == "year"
    assert period_choose(corpus_frame([("x", "", 1, "")])) == "year"


def test_terms_change_latest_against_previous_and_all():
    corpus = corpus_frame([("a", "2023-01-05", 1000, ""), ("b", "2023-02-05", 1000, ""), ("c", "2023-04-05", 1000, "")])
    counts = pd.DataFrame(
        [
            ("a", "改革", "reform", 5), ("a", "旧词", "x", 3),
            ("b", "改革", "reform", 6), ("b", "发展", "economy", 2),
            ("c", "改革", "reform", 1), ("c", "发展", "economy", 8), ("c", "新词", "y", 3),
        ],
        columns=["doc_id", "term", "theme", "count"],
    )
    change = terms_change(counts, corpus, period="month")
    assert (change.latest, change.reference, change.against) == ("2023-04", "2023-02", "previous")
    direct = textstat_keyness({"改革": 1, "发展": 8, "新词": 3}, {"改革": 6, "发展": 2})
    assert_frame_equal(change.keyness.drop(columns="theme"), direct)
    assert change.rising(1)["term"].tolist() == ["发展"]
    assert change.falling(1)["term"].tolist() == ["改革"]
    assert change.new_terms.to_dict("list") == {"term": ["新词"], "theme": ["y"], "count": [3]}

    pooled = terms_change(counts, corpus, period="month", against="all")
    assert pooled.reference == "2023-01…2023-02"
    direct = textstat_keyness({"改革": 1, "发展": 8, "新词": 3}, {"改革": 11, "发展": 2, "旧词": 3})
    assert_frame_equal(pooled.keyness.drop(columns="theme"), direct)


def test_themes_change():
    corpus = corpus_frame([("a", "2023-01-05", 1000, ""), ("b", "2023-02-05", 1000, "")])
    themes = pd.DataFrame(
        [("a", "reform", 3), ("a", "economy", 1), ("b", "reform", 1), ("b", "economy", 3)], columns=["doc_id", "theme", "count"]
    )
    table = themes_change(themes, corpus, period="month")
    assert table.attrs["latest"] == "2023-02" and table.attrs["reference"] == "2023-01"
    assert table[["theme", "count_latest", "share_latest", "count_reference", "share_reference", "change", "direction"]].to_dict("list") == {
        "theme": ["economy", "reform"],
        "count_latest": [3, 1],
        "share_latest": [0.75, 0.25],
        "count_reference": [1, 3],
        "share_reference": [0.25, 0.75],
        "change": [0.5, -0.5],
        "direction": ["latest", "reference"],
    }
    assert table["chi2"].iloc[0] > 0 > table["chi2"].iloc[1]


def test_quotas_change_new_raised_lowered_unchanged_dropped():
    corpus = corpus_frame([("a", "2024-03-05", 1000, ""), ("b", "2025-03-05", 1000, "")])
    columns = ["doc_id", "kind", "text", "start", "value", "value_max", "unit", "comparator", "period", "deadline", "subject"]
    quotas = pd.DataFrame(
        [
            ("a", "quota", "5%左右", 1, 5.0, NAN, "%", "approx", "", "", "国内生产总值"),
            ("a", "quota", "3%左右", 2, 3.0, NAN, "%", "approx", "", "", "居民消费价格涨幅"),
            ("b", "quota", "5%左右", 1, 5.0, NAN, "%", "approx", "", "", "国内生产总值"),
            ("b", "quota", "2%左右", 2, 2.0, NAN, "%", "approx", "", "", "居民消费价格涨幅"),
            ("b", "quota", "1.3万亿元", 3, 1.3e12, NAN, "元", "eq", "", "", "超长期特别国债"),
            ("b", "quota", "5%左右", 4, 5.0, NAN, "%", "approx", "", "", "国内生产总值"),  # repeated: counted once
        ],
        columns=columns,
    )
    table = quotas_change(quotas, corpus, period="year")
    assert table.attrs["latest"] == "2025" and table.attrs["reference"] == "2024"
    assert table[["status", "subject", "value"]].to_dict("list") == {
        "status": ["unchanged", "lowered", "new"],
        "subject": ["国内生产总值", "居民消费价格涨幅", "超长期特别国债"],
        "value": [5.0, 2.0, 1.3e12],
    }
    assert table["previous_value"].iloc[:2].tolist() == [5.0, 3.0] and np.isnan(table["previous_value"].iloc[2])


def _two_meetings(first: list[str], second: list[str]) -> pd.DataFrame:
    from analysis.measures.quotas import quotas_extract

    corpus = corpus_frame([("a", "2024-07-30", 1000, ""), ("b", "2024-08-30", 1000, "")])
    quotas = pd.concat(
        [quotas_extract(text, doc_id=doc) for doc, texts in (("a", first), ("b", second)) for text in texts], ignore_index=True
    )
    return quotas_change(quotas, corpus, period="month")


@pytest.mark.parametrize(
    "before, after, status, values",
    [
        ("外出招商时间不得少于12天。", "外出招商时间不得少于15天。", "raised", (15.0, 12.0)),
        ("每月外出招商时间不得少于12天。", "县级领导每月外出招商时间不得少于15天。", "raised", (15.0, 12.0)),  # the subject gained a modifier
        ("每月外出招商时间不得少于15天。", "每月外出招商时间不得少于12天。", "lowered", (12.0, 15.0)),
        ("每月外出招商时间不得少于12天。", "每月外出招商时间不少于12天。", "unchanged", (12.0, 12.0)),
        ("每月外出招商时间不得少于12天。", "每月外出招商时间不得超过12天。", "changed", (12.0, 12.0)),
    ],
)
def test_quotas_change_matches_subjects_by_their_ending(before, after, status, values):
    table = _two_meetings([before], [after])
    assert table["status"].tolist() == [status]
    assert (table["value"].iloc[0], table["previous_value"].iloc[0]) == values


def test_quotas_change_lists_dropped_quotas_last():
    table = _two_meetings(["每月外出招商时间不得少于12天。", "每周召开调度会不少于1次。"], ["每月外出招商时间不得少于15天。"])
    assert table["status"].tolist() == ["raised", "dropped"]
    dropped = table.iloc[1]
    assert np.isnan(dropped["value"]) and dropped["previous_value"] == 1.0 and dropped["doc_id"] == "a"


def test_quotas_change_keeps_different_subjects_apart():
    table = _two_meetings(["每月入户走访不少于20户。"], ["每月新增市场主体不少于20户。"])
    assert table["status"].tolist() == ["new", "dropped"]


def test_politburo_monthly_series(shared_corpus):
    from analysis.run import Options, Selection, corpus_run

    result = corpus_run([shared_corpus / "politburo"], options=Options(selection=Selection(meeting_type="politburo-meeting")))
    assert period_choose(result.corpus) == "month"
    trend = themes_trend(result.themes, result.corpus)
    assert trend.period == "month" and trend.n_docs == 39
    assert trend.periods[0] == "2022-10" and trend.periods[-1] == "2026-07" and len(trend.periods) == 46
    per_period = trend.table.groupby("period", sort=False)["n_docs"].first()
    assert per_period["2025-12"] == 2  # two meetings in one month, pooled
    gaps = per_period[per_period == 0].index
    assert len(gaps) == 46 - 38
    assert trend.table.loc[trend.table["period"].isin(gaps), "share"].isna().all()
    shares = trend.table[~trend.table["period"].isin(gaps)].groupby("period")["share"].sum()
    assert np.allclose(shares, 1.0, atol=1e-5)
