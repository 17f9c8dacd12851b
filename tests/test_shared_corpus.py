"""Integration over the real shared corpus (234 texts): skips when absent, fails under REQUIRE_SHARED_CORPUS=1."""

from __future__ import annotations

import re

import pandas as pd


def test_all_texts_ingested_ok(shared_run, shared_corpus) -> None:
    report = shared_run.report.set_index("path")
    texts = sorted(p.relative_to(shared_corpus).as_posix() for p in shared_corpus.rglob("*.txt"))
    assert len(texts) == 234
    assert (report.loc[texts, "status"] == "ok").all()
    assert report.loc["README.md", "status"] == "skipped" and "documentation" in report.loc["README.md", "reason"]
    assert report.loc["MANIFEST.tsv", "status"] == "skipped" and "documentation" in report.loc["MANIFEST.tsv", "reason"]
    files = sorted(p.relative_to(shared_corpus).as_posix() for p in shared_corpus.rglob("*") if p.is_file())
    assert sorted(report.index) == files


def test_gbk_copies_decoded_and_flagged(shared_run) -> None:
    corpus = shared_run.corpus.set_index("doc_id")
    govcn = corpus[corpus.index.str.startswith("gwr-national-govcn/")]
    assert len(govcn) == 16
    assert set(govcn["encoding"]) == {"gb18030"}
    for doc_id, row in govcn.iterrows():
        assert row["duplicate_of"].startswith(f"gwr-national/{row['year']}"), doc_id
    assert (corpus["duplicate_of"] != "").sum() == 16


def test_metadata_from_manifest(shared_run) -> None:
    corpus = shared_run.corpus.set_index("doc_id")
    assert corpus.loc["politburo/2023-02-21_politburo-meeting", "date"] == "2023-02-21"
    assert corpus.loc["politburo/2023-02-21_politburo-meeting", "meeting_type"] == "meeting"
    county = corpus.loc["county/county-party-secretary_monthly-meeting_august"]
    assert county["month"] == 8 and pd.isna(county["year"])
    assert corpus.loc["gwr-national/1954-09_government-work-report", "traditional"]
    notes = shared_run.report.set_index("path")["notes"]
    assert "text says 2006-03-05" in notes["gwr-national-govcn/2006-03-15_government-work-report.txt"]


def test_no_boilerplate_left(shared_run) -> None:
    text = " ".join(shared_run.sentences["text"])
    for artefact in ["央视网消息", "Public domain", "本作品是中华人民共和国的", "由会员分享", "限制150内"]:
        assert artefact not in text, artefact


def test_meeting_type_from_file_name_selects_monthly_politburo(shared_corpus) -> None:
    from analysis.run import Options, Selection, corpus_run

    result = corpus_run([shared_corpus / "politburo"], options=Options(selection=Selection(meeting_type="politburo-meeting")))
    assert len(result.corpus) == 39
    assert result.corpus["date"].str[:7].value_counts()["2025-12"] == 2


def test_phrase_and_token_counts_on_a_report(shared_corpus, segmenter) -> None:
    from analysis.ingest import document_read

    path = shared_corpus / "gwr-national" / "2024-03-05_government-work-report.txt"
    doc = document_read(path, path.name)
    words = segmenter.words(doc.text)
    for term in ["高质量发展", "新质生产力", "乡村振兴"]:
        assert doc.text.count(term) > 0
        assert words.count(term) == doc.text.count(term)  # lexicon terms are whole tokens
    assert not re.search(r"[０-９]", doc.text)


def test_local_corpus_is_found_or_the_reason_is_stated(local_corpus: Path) -> None:
    rows = (local_corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(rows) == 226
    assert len(list((local_corpus / "gwr-city").glob("*.txt"))) == 113
    assert len(list((local_corpus / "gwr-city-docx").glob("*.docx"))) == 113
