"""Text reuse: alignment tolerant of small edits, LSH banding equal to datasketch's, stock phrases apart, Dask equal to local."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.measures.reuse import CorpusText, ReuseParams, lsh_candidates, reuse_find, texts_read

# A passage as a county speech would borrow it (readout style), and unrelated filler texts.
PASSAGE = (
    "会议强调，要坚持以人民为中心的发展思想，扎实推进共同富裕，着力解决群众急难愁盼问题，"
    "把保障和改善民生建立在经济发展和财力可持续的基础上，织密扎牢社会保障网。"
)
FILLER_A = "今年以来，我县围绕产业发展抓招商，先后引进项目十二个，总投资四十亿元。农业方面，新建高标准农田三万亩，粮食总产稳定。"
FILLER_B = "各乡镇要把安全生产放在突出位置，开展隐患排查整治，对发现的问题建立台账、限期销号，确保不发生较大以上事故。"
FILLER_C = "城市建设方面，完成老旧小区改造八个，新建公园两处，改造雨污管网二十公里，城区面貌明显改善，群众满意度提升。"


def _docs(host_passage: str) -> tuple[list[CorpusText], list[CorpusText]]:
    host = CorpusText(doc_id="county", text=FILLER_A + host_passage + FILLER_B, date="2024-08")
    source = CorpusText(doc_id="readout", text=FILLER_C + PASSAGE + FILLER_A[:10], date="2024-07-30")
    return [host], [source]


@pytest.mark.parametrize(
    "edited",
    [
        PASSAGE,
        PASSAGE.replace("共同富裕", "XX"),  # a redaction
        PASSAGE.replace("急难愁盼", "急难忧盼"),  # a substitution
        PASSAGE.replace("社会保障网", "全县社会保障网"),  # an insertion
    ],
    ids=["verbatim", "redacted", "substituted", "inserted"],
)
def test_a_borrowed_passage_is_found_through_small_edits(edited: str) -> None:
    corpus, reference = _docs(edited)
    found = reuse_find(corpus, reference=reference).passages
    assert len(found) == 1
    row = found.iloc[0]
    host = corpus[0].text
    start = host.index(edited)
    assert row["source_doc_id"] == "readout"
    overlap = min(row["end"], start + len(edited)) - max(row["start"], start)
    assert overlap >= 0.95 * len(edited)
    assert row["text"] == host[row["start"]:row["end"]]
    assert row["source_text"] == reference[0].text[row["source_start"]:row["source_end"]]
    assert row["direction"] == "earlier_source"
    assert (row["similarity"] == 1.0) == (edited == PASSAGE)
    assert row["similarity"] >= 0.9


def test_passages_shorter_than_min_chars_are_dropped() -> None:
    corpus, reference = _docs(PASSAGE[:40])
    assert len(reuse_find(corpus, reference=reference, params=ReuseParams(min_chars=30)).passages) == 1
    assert len(reuse_find(corpus, reference=reference, params=ReuseParams(min_chars=45)).passages) == 0


def test_unrelated_texts_share_nothing() -> None:
    corpus = [CorpusText(doc_id="a", text=FILLER_A + FILLER_B), CorpusText(doc_id="b", text=FILLER_C)]
    result = reuse_find(corpus)
    assert result.passages.empty
    assert result.docs["reused_chars"].tolist() == [0, 0]


def test_without_reference_a_shared_passage_is_listed_under_both_speeches() -> None:
    corpus = [
        CorpusText(doc_id="a", text=FILLER_A + PASSAGE, date="2024"),
        CorpusText(doc_id="b", text=PASSAGE + FILLER_B, date="2023"),
        CorpusText(doc_id="c", text=FILLER_C),
    ]
    result = reuse_find(corpus)
    assert sorted(zip(result.passages["doc_id"], result.passages["source_doc_id"], result.passages["direction"])) == [
        ("a", "b", "earlier_source"), ("b", "a", "later"),
    ]
    docs = result.docs.set_index("doc_id")
    assert docs.loc["a", "top_source"] == "b" and docs.loc["a", "n_sources"] == 1
    assert docs.loc["a", "reused_chars"] == len(PASSAGE) - 1  # up to the last character compared (the final 。 is not)
    assert docs.loc["a", "reused_share"] == pytest.approx((len(PASSAGE) - 1) / len(FILLER_A + PASSAGE), abs=1e-4)
    assert docs.loc["c", "reused_chars"] == 0


def test_stock_phrases_are_reported_apart_not_as_reuse() -> None:
    stock = "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中全会精神，坚持稳中求进工作总基调"
    fillers = [FILLER_A, FILLER_B, FILLER_C, "".join(reversed(FILLER_A)), "".join(reversed(FILLER_B)), "".join(reversed(FILLER_C))]
    corpus = [CorpusText(doc_id=f"d{i}", text=filler + stock + "。") for i, filler in enumerate(fillers)]
    result = reuse_find(corpus, params=ReuseParams(stock_share=0.5, stock_min_docs=3))
    assert result.passages.empty
    assert stock[:20] in result.stock["text"].iloc[0]
    assert result.stock["n_docs"].iloc[0] == len(corpus)
    # the same phrase shared by only two of six speeches is reuse
    corpus_two = [CorpusText(doc_id=f"d{i}", text=filler + (stock if i < 2 else "")) for i, filler in enumerate(fillers)]
    assert len(reuse_find(corpus_two, params=ReuseParams(stock_share=0.5, stock_min_docs=3)).passages) == 2


def test_lsh_banding_gives_the_pairs_datasketch_gives() -> None:
    from datasketch import MinHash, MinHashLSH

    rng = np.random.default_rng(7)
    base = [set(rng.integers(0, 2**32, 30).tolist()) for _ in range(40)]
    sets = base + [set(list(s)[:24]) | set(rng.integers(0, 2**32, 6).tolist()) for s in base[:20]]
    sketches = []
    for values in sets:
        m = MinHash(num_perm=63, seed=1, hashfunc=lambda x: x)
        m.update_batch(np.array(sorted(values), dtype=np.uint32))
        sketches.append(m)
    signatures = np.vstack([m.hashvalues for m in sketches])
    ours = {tuple(p) for p in lsh_candidates(signatures, bands=21, max_bucket=1000).tolist()}
    lsh = MinHashLSH(num_perm=63, params=(21, 3))
    for i, m in enumerate(sketches):
        lsh.insert(i, m)
    theirs = {(min(i, j), max(i, j)) for i, m in enumerate(sketches) for j in lsh.query(m) if i != j}
    assert ours == theirs
    assert len(ours) >= 20  # the near copies are found


def test_dask_gives_the_local_result(shared_corpus) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("dask.distributed")
    texts, _ = texts_read(sorted((shared_corpus / "politburo").glob("2024-*_politburo-meeting*.txt")))
    reference, _ = texts_read(sorted((shared_corpus / "politburo").glob("2023-*_politburo-meeting*.txt")))
    local = reuse_find(texts, reference=reference)
    pool = reuse_find(texts, reference=reference, workers=2)
    dask = reuse_find(texts, reference=reference, backend="dask", workers=2)
    assert len(local.passages) > 0
    for other in (pool, dask):
        assert local.passages.equals(other.passages)
        assert local.docs.equals(other.docs)
        assert local.stock.equals(other.stock)


def test_each_docx_reuses_its_txt_twin(local_corpus) -> None:  # type: ignore[no-untyped-def]
    cities = ["三亚", "枣庄", "承德", "锡林郭勒"]
    files = [local_corpus / folder / f"2024_{c}_government-work-report.{ext}" for c in cities for folder, ext in (("gwr-city", "txt"), ("gwr-city-docx", "docx"))]
    texts, problems = texts_read(files)
    assert problems == [] and len(texts) == 8
    docs = reuse_find(texts).docs.set_index("doc_id")
    for city in cities:
        row = docs.loc[f"gwr-city-docx/2024_{city}_government-work-report"]
        assert row["top_source"] == f"gwr-city/2024_{city}_government-work-report"
        assert row["reused_share"] >= 0.95, (city, row["reused_share"])
