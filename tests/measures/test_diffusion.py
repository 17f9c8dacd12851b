"""Diffusion of formulations: first use per series, lag against the reference series."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.lexicon import lexicon_default
from analysis.measures.diffusion import DIFFUSION_COLUMNS, diffusion_first_use, diffusion_top_terms
from analysis.measures.reuse import CorpusText, texts_read


def _texts() -> list[CorpusText]:
    return [
        CorpusText(doc_id="pb/a", text="要加快发展新质生产力。", date="2024-01-31", folder="politburo", meeting_type="study"),
        CorpusText(doc_id="pb/b", text="推进中国式现代化。", date="2022-10-25", folder="politburo", meeting_type="meeting"),
        CorpusText(doc_id="sc/a", text="因地制宜发展新质生产力，推进中国式现代化。", date="2024-01-22", folder="state-council", meeting_type="meeting"),
        CorpusText(doc_id="sc/b", text="新质生产力", date="2024-03-01", folder="state-council", meeting_type="meeting"),
        CorpusText(doc_id="city/a", text="新质生产力和低空经济", date="2024", folder="city", meeting_type="gwr", columns={"province": "广东"}),
        CorpusText(doc_id="undated", text="新质生产力", date="", folder="city"),
    ]


def test_first_use_per_series_and_lag_against_the_reference() -> None:
    table = diffusion_first_use(_texts(), terms=["低空经济"], lexicon=lexicon_default())
    assert list(table.columns) == DIFFUSION_COLUMNS
    rows = table[table["term"] == "新质生产力"].set_index("series")
    assert rows.loc["politburo", "first_date"] == "2024-01-31"
    assert rows.loc["state-council", "first_date"] == "2024-01-22"
    assert rows.loc["state-council", "first_doc_id"] == "sc/a"
    assert rows.loc["state-council", "n_docs"] == 2 and rows.loc["state-council", "series_docs"] == 2
    assert rows.loc["state-council", "lag_days"] == -9
    assert rows.loc["politburo", "lag_days"] == 0
    assert pd.isna(rows.loc["city", "lag_days"])  # a year is not a day
    assert rows.loc["city", "n_docs"] == 1  # the undated speech is left out
    assert list(table[table["term"] == "新质生产力"]["series"])[0] == "politburo"  # reference series first
    extra = table[table["term"] == "低空经济"]
    assert extra["series"].tolist() == ["city"] and extra["reference_first_date"].tolist() == [""]


@pytest.mark.parametrize(("series", "expected"), [("meeting_type", {"study", "meeting", "gwr"}), ("province", {"广东"})])
def test_series_from_meeting_type_or_a_metadata_column(series: str, expected: set[str]) -> None:
    table = diffusion_first_use(_texts(), terms=["新质生产力"], lexicon=lexicon_default(), series=series, reference_series=sorted(expected)[0])
    assert set(table["series"]) == expected


def test_an_unknown_reference_series_is_one_clear_error() -> None:
    with pytest.raises(ValueError, match="reference series 'nowhere' not found"):
        diffusion_first_use(_texts(), reference_series="nowhere")


def test_top_terms_put_the_given_terms_first_then_new_formulations() -> None:
    table = diffusion_first_use(_texts(), terms=["低空经济"], lexicon=lexicon_default())
    top = diffusion_top_terms(table, terms=["低空经济"], n=3)
    assert top[0] == "低空经济" and "新质生产力" in top


def test_on_the_real_corpora(shared_corpus, local_corpus) -> None:  # type: ignore[no-untyped-def]
    texts, _ = texts_read([shared_corpus, local_corpus])
    table = diffusion_first_use(texts, terms=["新质生产力", "中国式现代化"])
    rows = table[table["term"] == "新质生产力"].set_index("series")
    politburo = next(s for s in rows.index if s.endswith("politburo"))
    council = next(s for s in rows.index if s.endswith("state-council"))
    assert rows.loc[politburo, "first_date"] == "2024-01-31"
    assert rows.loc[council, "first_date"] == "2024-01-22"
    assert rows.loc[council, "lag_days"] == -9
    assert len(table[table["term"] == "中国式现代化"]) >= 4
