"""Discovery over a corpus: ``python -m analysis discover``.

:func:`discover_build` runs the job on a corpus and finds what the lexicon
does not already count: collocations (:mod:`analysis.measures.collocations`),
new terms with their dates (:mod:`analysis.measures.new_terms`), the
co-occurrence of lexicon terms (:mod:`analysis.measures.cooccurrence`) and a
seeded topic model (:mod:`analysis.measures.topics`).  :func:`discover_write`
writes the tables (``collocations.csv``, ``new_terms.csv``,
``new_terms_by_period.csv``, ``cooccurrence.csv``, ``topics.csv``,
``doc_topics.csv``, ``topics_by_period.csv``), ``lexicon_candidates.yaml``
(the top new terms in the lexicon's own format, for review: never applied
automatically) and two charts (``figures/cooccurrence_network.png``,
``figures/topic_shares.png``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.charts.discovery import cooccurrence_network_plot, topics_share_plot
from analysis.measures.collocations import textstat_collocations, token_runs
from analysis.measures.cooccurrence import terms_cooccurrence
from analysis.measures.new_terms import new_terms_find, new_terms_timeline
from analysis.measures.topics import topics_fit
from analysis.run import CorpusResult, Options, corpus_run, outputs_write  # noqa: F401 (outputs_write: see write)
from analysis.run.options import tools_for
from analysis.text.segment import is_content_word
from analysis.trends import period_choose
from analysis.trends.topics import topics_trend

__all__ = ["Discovery", "discover_build", "discover_write"]


@dataclass
class Discovery:
    """The tables of one discovery run (columns in the README's *Discovery* section)."""

    result: CorpusResult
    collocations: pd.DataFrame
    new_terms: pd.DataFrame
    new_terms_by_period: pd.DataFrame
    cooccurrence: pd.DataFrame
    topics: pd.DataFrame
    doc_topics: pd.DataFrame
    topics_by_period: pd.DataFrame
    period: str
    notes: list[str] = field(default_factory=list)


def _new_term_themes(new_terms: pd.DataFrame, texts: dict[str, str], result: CorpusResult) -> tuple[list[str], list[int]]:
    """Each new term's best-matching theme: the theme of most lexicon matches in the sentences that hold it."""
    matches = result.matches
    if matches is None or matches.empty or new_terms.empty:
        return [""] * len(new_terms), [0] * len(new_terms)
    by_sentence: dict[tuple[str, int], Counter] = {}
    for doc_id, sentence, theme in zip(matches["doc_id"], matches["sentence"], matches["theme"]):
        by_sentence.setdefault((doc_id, int(sentence)), Counter())[theme] += 1
    sentences = result.sentences
    starts: dict[str, list[int]] = {}
    if sentences is not None and not sentences.empty:
        for doc_id, group in sentences.groupby("doc_id", sort=False):
            starts[doc_id] = group["start"].tolist()
    themes, counts = [], []
    for term in new_terms["term"]:
        total: Counter = Counter()
        for doc_id, text in texts.items():
            at = text.find(term)
            while at >= 0:
                index = bisect_right(starts.get(doc_id, [0]), at) - 1
                total.update(by_sentence.get((doc_id, index), {}))
                at = text.find(term, at + len(term))
        best = total.most_common(1)
        themes.append(best[0][0] if best else "")
        counts.append(best[0][1] if best else 0)
    return themes, counts


def discover_build(
    inputs: list[str | Path],
    *,
    options: Options | None = None,
    metadata: str | Path | None = None,
    workers: int = 1,
    period: str | None = None,
    collocation_sizes: tuple[int, ...] = (2, 3, 4),
    min_count: int = 5,
    topics: int | None = None,
    extra_topics: int = 3,
    n_new_terms: int = 200,
    sort: str = "score",
    progress: bool | None = None,
) -> Discovery:
    """Run the job on ``inputs`` and build every discovery table.

    Args:
        topics: seeded topics: the ``topics`` lexicon themes with most matches
            (default: every theme found in the corpus).
        extra_topics: unseeded topics for what the lexicon misses.
        n_new_terms: new terms kept (ranked, see :mod:`analysis.measures.new_terms`).
        sort: ``score`` (default) or ``rise``: how new terms are ranked.
    """
    options = options or Options()
    result = corpus_run(inputs, options=options, metadata=metadata, workers=workers, progress=progress)
    if result.n_ok == 0:
        raise RuntimeError(f"no speech could be read ({len(result.report)} files found)")
    lexicon, segmenter = tools_for(options)
    corpus = result.corpus
    kept = corpus.loc[corpus["duplicate_of"].fillna("") == "", "doc_id"].tolist()
    period = period or period_choose(corpus)
    tokens = result.tokens
    tokens = tokens[tokens["doc_id"].isin(set(kept))] if tokens is not None else tokens
    runs = token_runs(tokens)
    collocations = textstat_collocations(runs, size=collocation_sizes, min_count=min_count, stopwords=segmenter.stopwords)

    from analysis.ingest import corpus_discover, document_read

    texts: dict[str, str] = {}
    discovered = corpus_discover(list(inputs), metadata=metadata)
    wanted = set(kept)
    for path, rel in discovered.speeches:
        try:
            doc = document_read(path, rel, table_row=discovered.table_row(rel), max_mb=options.max_mb)
        except Exception:  # noqa: BLE001 - the run's report already says why a file was not read
            continue
        if doc.doc_id in wanted:
            texts[doc.doc_id] = doc.text
    candidates, per_doc = new_terms_find(texts, lexicon=lexicon, min_count=min_count)
    new_terms, by_period = new_terms_timeline(candidates, per_doc, corpus, sort=sort)
    new_terms = new_terms.head(n_new_terms).reset_index(drop=True)
    by_period = by_period[by_period["term"].isin(set(new_terms["term"]))].reset_index(drop=True)
    themes, counts = _new_term_themes(new_terms, texts, result)
    new_terms["theme"], new_terms["theme_cooccurrences"] = themes, counts

    matches = result.matches
    cooccurrence = terms_cooccurrence(matches[matches["doc_id"].isin(wanted)] if matches is not None else matches)

    documents = {d: [w for w in g["token"] if is_content_word(w, segmenter.stopwords)] for d, g in tokens.groupby("doc_id", sort=False)}
    chosen = None
    if topics is not None and matches is not None and not matches.empty:
        chosen = matches["theme"].value_counts().index[:topics].tolist()
    topic_words, doc_topics = topics_fit(documents, lexicon=lexicon, themes=chosen, extra=extra_topics)
    trend = topics_trend(doc_topics, corpus, period=period)
    return Discovery(
        result=result, collocations=collocations, new_terms=new_terms, new_terms_by_period=by_period,
        cooccurrence=cooccurrence, topics=topic_words, doc_topics=doc_topics, topics_by_period=trend, period=period,
    )


def lexicon_snippet(discovery: Discovery, *, n: int = 30) -> str:
    """The top ``n`` new terms as a lexicon YAML file, each under its best-matching theme, for review."""
    import yaml

    lexicon = discovery.result.lexicon
    by_theme: dict[str, list[dict[str, Any]]] = {}
    for row in discovery.new_terms.head(n).itertuples(index=False):
        theme = row.theme or "discovered"
        note = f"discover: {row.count} times, first {row.first_date or '?'}, last {row.last_date or '?'}"
        by_theme.setdefault(theme, []).append({"term": row.term, "note": note})
    themes = []
    for theme, terms in by_theme.items():
        known = lexicon.themes.get(theme)
        themes.append({
            "id": theme,
            "label": known.label if known else "新发现",
            "label_en": known.label_en if known else "Discovered",
            "subthemes": [{"id": f"{theme}.discovered", "label": "新发现的提法（待审核）", "label_en": "Discovered (to review)", "terms": terms}],
        })
    header = (
        "# Candidate terms found by `python -m analysis discover`: REVIEW BEFORE USE.\n"
        "# Delete what is not a term, move terms between themes, then run with\n"
        "#   python -m analysis run CORPUS --lexicon lexicon_candidates.yaml --extend-lexicon\n"
        "# (lexicon check lexicon_candidates.yaml says whether the file is well formed).\n"
    )
    body = {"name": "discovered", "version": "0", "description": "Candidate terms from new-term discovery, for review.", "themes": themes}
    return header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False)


def discover_write(discovery: Discovery, out: Path, *, lang: str = "zh", font: str | Path | None = None) -> list[Path]:
    """Write the discovery tables, the lexicon snippet and the two charts into ``out``; return the paths."""
    from analysis.charts.fonts import font_register
    from analysis.run.outputs import csv_write

    font_register(font)
    out = Path(out)
    figures = out / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    tables = {
        "collocations.csv": discovery.collocations, "new_terms.csv": discovery.new_terms,
        "new_terms_by_period.csv": discovery.new_terms_by_period, "cooccurrence.csv": discovery.cooccurrence,
        "topics.csv": discovery.topics, "doc_topics.csv": discovery.doc_topics, "topics_by_period.csv": discovery.topics_by_period,
    }
    for name, frame in tables.items():
        csv_write(frame, out / name)
        written.append(out / name)
    snippet = out / "lexicon_candidates.yaml"
    snippet.write_text(lexicon_snippet(discovery), encoding="utf-8")
    written.append(snippet)
    corpus = discovery.result.corpus
    dates = corpus["date"].replace("", pd.NA).dropna()
    source = f"{len(corpus)} 篇讲话" + (f"，{dates.min()} 至 {dates.max()}" if len(dates) else "")
    charts = {
        "cooccurrence_network": cooccurrence_network_plot(discovery.cooccurrence, lexicon=discovery.result.lexicon, lang=lang, font=font, source=source),
        "topic_shares": topics_share_plot(discovery.topics_by_period, period=discovery.period, lang=lang, font=font, source=source),
    }
    for name, fig in charts.items():
        path = figures / f"{name}.png"
        fig.savefig(path, dpi=200)
        written.append(path)
    return written
