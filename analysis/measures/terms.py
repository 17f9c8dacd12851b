"""Policy-term frequencies, keywords in context, and the document-term matrix.

Two ways of counting, kept apart on purpose:

* **lexicon counts** (:func:`terms_count`) apply the lexicon's dictionary
  semantics to the cleaned text: leftmost-longest matching, variants
  counted toward their canonical term, each match counted once;
* **plain counts** (:func:`phrase_count`, :func:`token_count`) answer
  "how often does this string occur": ``phrase`` is ``str.count`` on the
  cleaned text (what Ctrl+F shows), ``token`` counts segmented tokens equal
  to the string.

Rates are per 10,000 characters of cleaned text (``n_chars``), the usual
unit for Chinese text, which has no word boundaries to count words by.
"""

from __future__ import annotations

from pathlib import Path

import math
from bisect import bisect_right
from collections import Counter
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
from scipy import sparse

from analysis.lexicon import Lexicon
from analysis.text.outline import Sentence, sentence_of_positions
from analysis.text.segment import is_content_word

__all__ = [
    "TERM_MATCH_COLUMNS",
    "terms_match",
    "terms_match_columns",
    "terms_count",
    "phrase_count",
    "token_count",
    "kwic",
    "DocumentTermMatrix",
    "dtm_build",
    "dtm_top_terms",
    "keywords_tfidf",
    "is_content_word",
    "texts_from_sentences",
    "kwic_corpus",
    "count_modes",
]

TERM_MATCH_COLUMNS = ["doc_id", "term", "theme", "subtheme", "matched", "start", "end", "sentence", "section"]


def _sentence_index(starts: Sequence[int], position: int) -> int:
    """Index of the sentence containing ``position``, from the sentences' start offsets."""
    return max(0, bisect_right(starts, position) - 1)


def terms_match_columns(doc_id: str, text: str, lexicon: Lexicon, sentences: Sequence[Sentence]) -> dict[str, Any]:
    """:func:`terms_match` as a dict of equal-length columns (lists or arrays).

    The pipeline's fast path: building a DataFrame per speech costs more
    than finding the matches in a short speech.
    """
    found = list(lexicon.find(text))
    if not found:
        return {name: [] for name in TERM_MATCH_COLUMNS}
    starts, ends, matched, terms = (list(column) for column in zip(*found))
    index = sentence_of_positions([s.start for s in sentences], starts)
    sections = [sentences[i].section for i in index.tolist()] if sentences else ["0"] * len(found)
    return {
        "doc_id": [doc_id] * len(found),
        "term": [t.term for t in terms],
        "theme": [t.theme for t in terms],
        "subtheme": [t.subtheme for t in terms],
        "matched": matched,
        "start": starts,
        "end": ends,
        "sentence": index,
        "section": sections,
    }


def terms_match(doc_id: str, text: str, lexicon: Lexicon, sentences: Sequence[Sentence]) -> pd.DataFrame:
    """Every lexicon match in a text, with its sentence and section.

    Columns: ``doc_id, term`` (canonical), ``theme, subtheme, matched``
    (the surface form found), ``start, end, sentence, section``.
    """
    columns = terms_match_columns(doc_id, text, lexicon, sentences)
    if not columns["term"]:
        return pd.DataFrame(columns=TERM_MATCH_COLUMNS)
    return pd.DataFrame(columns, columns=TERM_MATCH_COLUMNS)


def terms_count(matches: pd.DataFrame, *, n_chars: int | dict[str, int]) -> pd.DataFrame:
    """Lexicon term frequencies per speech from :func:`terms_match` rows.

    Columns: ``doc_id, term, theme, count, per_10k``; only terms found
    (a term absent from a speech has no row: trends fill zeros).
    """
    if matches.empty:
        return pd.DataFrame(columns=["doc_id", "term", "theme", "count", "per_10k"])
    counts = matches.groupby(["doc_id", "term", "theme"], sort=False).size().rename("count").reset_index()
    chars = counts["doc_id"].map(n_chars) if isinstance(n_chars, dict) else n_chars
    counts["per_10k"] = (counts["count"] * 10_000 / chars).round(3)
    return counts.sort_values(["doc_id", "count", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def phrase_count(text: str, term: str) -> int:
    """Occurrences of exactly ``term`` in ``text`` (``str.count``: non-overlapping)."""
    return text.count(term) if term else 0


def token_count(tokens: Iterable[str], term: str) -> int:
    """Segmented tokens equal to ``term``."""
    return sum(1 for token in tokens if token == term)


def kwic(
    doc_id: str,
    text: str,
    sentences: Sequence[Sentence],
    term: str,
    *,
    window: int = 20,
    regex: bool = False,
) -> pd.DataFrame:
    """Keywords in context: every occurrence of ``term`` with ``window`` characters each side.

    Columns: ``doc_id, section, start, left, match, right``.  Line breaks in
    the context are shown as spaces.  With ``regex``, ``term`` is matched
    by RE2 in linear time (:func:`analysis.lexicon.user_regex.user_regex`;
    raises :class:`~analysis.lexicon.user_regex.UserRegexError` for a pattern it cannot use).
    """
    import re

    from analysis.lexicon.user_regex import user_regex

    pattern = user_regex(term) if regex else re.compile(re.escape(term))
    rows = []
    starts = [s.start for s in sentences]
    for match in pattern.finditer(text):
        if match.start() == match.end():
            continue
        index = _sentence_index(starts, match.start()) if sentences else 0
        section = sentences[index].section if sentences else "0"
        left = text[max(0, match.start() - window):match.start()].replace("\n", " ")
        right = text[match.end():match.end() + window].replace("\n", " ")
        rows.append((doc_id, section, match.start(), left, match.group(), right))
    return pd.DataFrame(rows, columns=["doc_id", "section", "start", "left", "match", "right"])


class DocumentTermMatrix:
    """A sparse document-term matrix of token counts.

    ``matrix[i, j]`` counts token ``vocabulary[j]`` in document ``doc_ids[i]``.
    """

    def __init__(self, matrix: sparse.csr_matrix, doc_ids: list[str], vocabulary: list[str]) -> None:
        self.matrix = matrix
        self.doc_ids = doc_ids
        self.vocabulary = vocabulary

    def frequency(self) -> pd.DataFrame:
        """Corpus frequency of each feature: ``term, count, docfreq`` (quanteda's ``textstat_frequency``)."""
        counts = np.asarray(self.matrix.sum(axis=0)).ravel()
        docfreq = np.asarray((self.matrix > 0).sum(axis=0)).ravel()
        frame = pd.DataFrame({"term": self.vocabulary, "count": counts, "docfreq": docfreq})
        return frame.sort_values(["count", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)

    def group_sum(self, groups: Sequence[str]) -> "DocumentTermMatrix":
        """Rows summed by group label (quanteda's ``dfm_group``)."""
        labels = list(dict.fromkeys(groups))
        index = {g: i for i, g in enumerate(labels)}
        rows = np.array([index[g] for g in groups])
        indicator = sparse.csr_matrix((np.ones(len(groups)), (rows, np.arange(len(groups)))), shape=(len(labels), len(groups)))
        return DocumentTermMatrix((indicator @ self.matrix).tocsr(), labels, self.vocabulary)

    def counts_of(self, doc_id: str) -> Counter[str]:
        row = self.matrix.getrow(self.doc_ids.index(doc_id))
        return Counter({self.vocabulary[j]: int(v) for j, v in zip(row.indices, row.data)})


def dtm_build(counters: Sequence[tuple[str, Counter[str] | pa.Table]]) -> DocumentTermMatrix:
    """Build a :class:`DocumentTermMatrix` from ``(doc_id, token counts)`` pairs.

    Token counts are a ``Counter`` or an Arrow table with columns ``token``
    and ``count`` (as the pipeline carries them: no Python string per
    token).  The vocabulary is in order of first appearance.
    """
    tokens, counts = [], []
    for _, counted in counters:
        if isinstance(counted, pa.Table):
            tokens.append(counted.column("token").combine_chunks().cast(pa.large_string()))
            counts.append(counted.column("count").to_numpy())
        else:
            tokens.append(pa.array(list(counted), pa.large_string()))
            counts.append(np.fromiter(counted.values(), dtype=np.int64, count=len(counted)))
    sizes = np.array([len(t) for t in tokens], dtype=np.int64)
    # Hashing every (speech, word) pair in C: a Python loop over them dominated large corpora.
    encoded = pa.concat_arrays(tokens).dictionary_encode() if tokens else pa.array([], pa.large_string()).dictionary_encode()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    vocabulary = encoded.dictionary.to_pylist()
    rows = np.repeat(np.arange(len(counters), dtype=np.int64), sizes)
    data = np.concatenate(counts).astype(np.int64) if counts else np.empty(0, dtype=np.int64)
    matrix = sparse.csr_matrix((data, (rows, codes)), shape=(len(counters), len(vocabulary)))
    return DocumentTermMatrix(matrix, [d for d, _ in counters], vocabulary)


def dtm_top_terms(dtm: DocumentTermMatrix, *, n: int = 20) -> pd.DataFrame:
    """Most frequent tokens per row: ``doc_id, rank, term, count``."""
    rows = []
    for i, doc_id in enumerate(dtm.doc_ids):
        row = dtm.matrix.getrow(i)
        order = sorted(zip(row.data, row.indices), key=lambda p: (-p[0], dtm.vocabulary[p[1]]))[:n]
        rows += [(doc_id, rank + 1, dtm.vocabulary[j], int(c)) for rank, (c, j) in enumerate(order)]
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "count"])


def reference_idf(vocabulary: Sequence[str]) -> np.ndarray:
    """jieba's bundled IDF (estimated on a large general corpus) of each word in ``vocabulary``.

    A word missing from the table gets the table's median, as in jieba's own
    TF-IDF.  The 270,000-line table is parsed by Arrow's CSV reader and looked
    up in bulk: building a Python dict of it took a fifth of a second, a fifth
    of a one-speech run.
    """
    from importlib.util import find_spec

    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    # Found without importing jieba, whose import costs half a second (it loads pkg_resources).
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed: its IDF table is the reference for fewer than 5 speeches")
    path = Path(list(spec.submodule_search_locations)[0]) / "analyse" / "idf.txt"
    table = pcsv.read_csv(
        path,
        read_options=pcsv.ReadOptions(column_names=["word", "idf"]),
        parse_options=pcsv.ParseOptions(delimiter=" ", quote_char=False, escape_char=False),
        convert_options=pcsv.ConvertOptions(column_types={"word": pa.string(), "idf": pa.float64()}),
    )
    values = table.column("idf").to_numpy()
    median = float(np.median(values))
    # Every word is listed once in jieba 0.42.1's table, so the first match is the only one.
    index = pc.index_in(pa.array(list(vocabulary), pa.string()), value_set=table.column("word").combine_chunks())
    found = index.is_valid().to_numpy(zero_copy_only=False)
    return np.where(found, values[index.fill_null(0).to_numpy()], median)


def keywords_tfidf(dtm: DocumentTermMatrix, *, n: int = 20, min_corpus_docs: int = 5) -> pd.DataFrame:
    """TF-IDF keywords per speech: ``doc_id, rank, term, count, tfidf, idf_source``.

    With at least ``min_corpus_docs`` speeches the IDF is the corpus's own
    (smoothed: ``log((1 + N) / (1 + df))``, so a word used in every speech
    scores zero), which brings out what sets a speech apart from the others.  With fewer it is jieba's reference IDF
    (terms missing from it get the table's median), so that a single speech
    still gets meaningful keywords.  ``tfidf = count / tokens × idf``.
    """
    n_docs = len(dtm.doc_ids)
    if n_docs >= min_corpus_docs:
        docfreq = np.asarray((dtm.matrix > 0).sum(axis=0)).ravel()
        idf = np.log((1 + n_docs) / (1 + docfreq))
        source = "corpus"
    else:
        idf = reference_idf(dtm.vocabulary)
        source = "jieba-reference"
    # Ties break by the term itself, so results do not depend on input order.
    alphabetical = np.empty(len(dtm.vocabulary), dtype=np.int64)
    alphabetical[np.argsort(np.asarray(dtm.vocabulary, dtype=object), kind="stable")] = np.arange(len(dtm.vocabulary))
    matrix = dtm.matrix.tocsr()
    rows = []
    for i, doc_id in enumerate(dtm.doc_ids):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        indices, counts = matrix.indices[lo:hi], matrix.data[lo:hi]
        if not len(indices):
            continue
        scores = counts / (counts.sum() or 1) * idf[indices]
        top = np.lexsort((alphabetical[indices], -scores))[:n]
        rows += [
            (doc_id, rank + 1, dtm.vocabulary[indices[k]], int(counts[k]), round(float(scores[k]), 6), source)
            for rank, k in enumerate(top)
            if math.isfinite(scores[k]) and scores[k] > 0
        ]
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "count", "tfidf", "idf_source"])


def texts_from_sentences(sentences: pd.DataFrame) -> dict[str, str]:
    """Each speech's cleaned text rebuilt from the run's ``sentences`` table.

    Sentences go back at their offsets; the line breaks and spaces between
    them become single newlines and spaces, so offsets into the rebuilt text
    equal offsets into the cleaned text.
    """
    texts: dict[str, str] = {}
    for doc_id, group in sentences.groupby("doc_id", sort=False):
        pieces: list[str] = []
        position = 0
        for start, end, text in zip(group["start"], group["end"], group["text"]):
            if start > position:
                pieces.append("\n" * (int(start) - position))
            pieces.append(text)
            position = int(end)
        texts[str(doc_id)] = "".join(pieces)
    return texts


def kwic_corpus(sentences: pd.DataFrame, term: str, *, window: int = 20, regex: bool = False) -> pd.DataFrame:
    """Keywords in context over a whole run (from its ``sentences`` table); columns as :func:`kwic`."""
    from analysis.text.outline import Sentence

    frames = []
    for doc_id, group in sentences.groupby("doc_id", sort=False):
        text = texts_from_sentences(group)[str(doc_id)]
        spans = [
            Sentence(int(i), int(s), int(e), t, str(sec), str(h))
            for i, s, e, t, sec, h in zip(group["sentence"], group["start"], group["end"], group["text"], group["section"], group["heading"])
        ]
        frames.append(kwic(str(doc_id), text, spans, term, window=window, regex=regex))
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["doc_id", "section", "start", "left", "match", "right"])


def count_modes(sentences: pd.DataFrame, tokens: pd.DataFrame, term_counts: pd.DataFrame, terms: Sequence[str]) -> pd.DataFrame:
    """The three ways of counting side by side, summed over a run: ``term, phrase, token, lexicon``.

    ``phrase`` is ``str.count`` on the cleaned texts, ``token`` the tokens
    equal to the term, ``lexicon`` the dictionary count of the canonical
    term (variants included, longest match first; 0 when the term is not a
    canonical lexicon term).
    """
    texts = texts_from_sentences(sentences)
    token_counts = tokens["token"].value_counts() if len(tokens) else pd.Series(dtype="int64")
    lexicon_counts = term_counts.groupby("term")["count"].sum() if len(term_counts) else pd.Series(dtype="int64")
    rows = [
        (
            term,
            sum(phrase_count(text, term) for text in texts.values()),
            int(token_counts.get(term, 0)),
            int(lexicon_counts.get(term, 0)),
        )
        for term in terms
    ]
    return pd.DataFrame(rows, columns=["term", "phrase", "token", "lexicon"])
