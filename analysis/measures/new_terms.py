"""New terms: multi-character formulations the lexicon does not know yet, found from characters alone.

Segmenters split exactly the terms a researcher is looking for (新质生产力 →
新质/生产力), so candidates come from characters, by the standard method of
Chinese new-word discovery:

* **frequency**: a candidate of 2–``max_chars`` Chinese characters occurs at
  least ``min_count`` times (runs of Chinese characters only: digits, Latin
  letters and punctuation end a run);
* **cohesion**: ``pmi = min over split points of log(p(w) / (p(left) · p(right)))``,
  with ``p(x) = count(x) / N`` and ``N`` the number of Chinese characters, so
  that every way of cutting the string is less likely than the whole;
* **freedom**: the entropy of the characters just before (``left_entropy``)
  and just after (``right_entropy``) its occurrences, in nats, where the edge
  of a run counts as a different neighbour each time.  A fragment of a longer
  term (新质生产 before 力) has one neighbour and an entropy near zero.

A candidate is kept when ``pmi >= min_pmi`` and both entropies are
``>= min_entropy``, when it neither begins nor ends with a function character
(的, 了, 和 … : :data:`EDGE_CHARACTERS`), when it is not a lexicon term or
variant, nor part of one, nor a word of jieba's dictionary (the general
vocabulary), when it does not end in a verb still waiting for its object or a
function word or an adjective (加快构建, 取得新: jieba's part-of-speech tag of its last word), is no
reporting frame (会议指出), does not follow a number most of the time
(2024年经济…), and when its edges are word boundaries of jieba's
segmentation of the context in at least half of (up to 40 of) its
occurrences (``min_boundary_share``: 业增加值 in 工业增加值 is a fragment; 新质生产力,
cut 新质/生产力, is not).  :func:`new_terms_timeline` then places each candidate's
per-speech counts in time: first and last date, counts per month, ``rise``
(the log-likelihood G² of its count from its first month on against the
characters of the speeches before and after: 0 for a term present from the
first month) and ``novelty`` (the share of the corpus's characters dated
before its first month).  Candidates are ranked by ``score = count × (1 +
novelty)``: frequent candidates first and, of two equally frequent, the one
that appeared later; ``sort="rise"`` ranks by ``rise`` instead.  A term
coined just before the corpus begins (中国式现代化 in readouts from October
2022) has no measurable rise, which is why ``rise`` is not the default.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Mapping

import ahocorasick
import pandas as pd

from analysis.lexicon import Lexicon

__all__ = ["NEW_TERM_COLUMNS", "NEW_TERM_PERIOD_COLUMNS", "EDGE_CHARACTERS", "new_terms_find", "new_terms_timeline"]

NEW_TERM_COLUMNS = [
    "term", "n_chars", "count", "n_docs", "pmi", "left_entropy", "right_entropy",
    "first_date", "last_date", "n_periods", "rise", "novelty", "score", "theme", "theme_cooccurrences",
]
NEW_TERM_PERIOD_COLUMNS = ["term", "period", "count"]

#: Characters a term does not begin or end with (particles, conjunctions, prepositions, light verbs).
EDGE_CHARACTERS = frozenset("的了和与及或等是在对把被为将要以于从向而并也就都又还更很不没着过之其所地得这那个各每该此")

#: Suffixes a term does not begin with (型 in 创新型城市, 化 in 现代化).
SUFFIX_CHARACTERS = frozenset("型化性式级者率度界")

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _runs(texts: Mapping[str, str]) -> list[str]:
    return [run for text in texts.values() for run in _HAN_RUN.findall(text)]


@lru_cache(maxsize=1)
def _general_vocabulary() -> frozenset[str]:
    """jieba's dictionary: the general vocabulary a new term is not part of."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict…" lines on the user's screen
    jieba.initialize()
    return frozenset(word for word, freq in jieba.dt.FREQ.items() if freq > 0)


#: Parts of speech (jieba's tags) a term does not end with: a verb still waiting for its object
#: (加快构建), an adverb, preposition, conjunction, particle, pronoun, numeral, classifier or locative.
_NON_FINAL_TAGS = frozenset({"v", "d", "ad", "a", "p", "c", "u", "r", "m", "q", "f"})
#: Nouns that usually modify a following noun (全国, 国家, 省级, 中央, 人大: jieba's n, ns, nt, b, j).
_MODIFIER_NOUN_TAGS = frozenset({"n", "ns", "nt", "b", "j"})
#: A reporting frame (会议指出, 习近平强调) is not a term.
_REPORTING = re.compile(r"(指出|强调|表示|认为|召开)$")


def _is_fragment(term: str) -> bool:
    import jieba.posseg

    if _REPORTING.search(term):
        return True
    words = list(jieba.posseg.cut(term))
    if not words:
        return False
    if words[-1].flag in _NON_FINAL_TAGS:
        return True
    # A verb and the modifier of its object (入选全国…, 创建国家…, 落实中央…): the object is still to come.
    return len(words) == 2 and words[0].flag == "v" and words[1].flag in _MODIFIER_NOUN_TAGS


_SAMPLES = 40
_WINDOW = 6


def _boundary_share(term: str, occurrences: list[tuple[str, int, int]], texts: Mapping[str, str]) -> float:
    """The share of ``occurrences`` whose two edges are word boundaries when jieba segments the context."""
    import jieba

    if not occurrences:
        return 0.0
    whole = 0
    for doc_id, start, end in occurrences:
        text = texts[doc_id]
        left = max(0, start - _WINDOW)
        cuts, position = set(), left
        for word in jieba.cut(text[left:min(len(text), end + _WINDOW)], HMM=True):
            cuts.add(position)
            position += len(word)
        cuts.add(position)
        whole += start in cuts and end in cuts
    return whole / len(occurrences)


def _neighbour(text: str, i: int) -> str:
    """The neighbour class of the character at ``i`` outside a run: digits and Latin letters are one
    class each (``2024年`` gives 年 no freedom); punctuation, space and the text's edge are free ('')."""
    if i < 0 or i >= len(text):
        return ""
    ch = text[i]
    if ch.isdigit():
        return "0"
    if ch.isascii() and ch.isalpha():
        return "a"
    return ""


def _entropy(counter: Counter, edges: int) -> float:
    total = sum(counter.values()) + edges
    if not total:
        return 0.0
    value = -sum(c / total * math.log(c / total) for c in counter.values())
    # Each edge of a run is a neighbour of its own (counted once).
    value -= edges * (1 / total) * math.log(1 / total) if edges else 0.0
    return value


def new_terms_find(
    texts: Mapping[str, str],
    *,
    lexicon: Lexicon | None = None,
    min_count: int = 5,
    max_chars: int = 8,
    min_pmi: float = 3.0,
    min_entropy: float = 1.0,
    exclude_general: bool = True,
    min_boundary_share: float = 0.5,
) -> tuple[pd.DataFrame, dict[str, Counter]]:
    """Candidate terms in ``texts`` (doc_id → cleaned text).

    Returns:
        The candidates (``term, n_chars, count, n_docs, pmi, left_entropy,
        right_entropy``, sorted by count) and, per candidate, its count in
        each speech (doc_id → count).
    """
    runs = _runs(texts)
    n_chars = sum(len(run) for run in runs)
    if not n_chars:
        return pd.DataFrame(columns=NEW_TERM_COLUMNS[:7]), {}
    # Counts level by level; a string is counted only when both its shorter parts are frequent.
    counts: dict[int, Counter] = {1: Counter(ch for run in runs for ch in run)}
    frequent = {ch for ch, c in counts[1].items() if c >= min_count}
    for n in range(2, max_chars + 1):
        level: Counter = Counter()
        previous = frequent
        for run in runs:
            for i in range(len(run) - n + 1):
                gram = run[i:i + n]
                if gram[:-1] in previous and gram[1:] in previous:
                    level[gram] += 1
        counts[n] = level
        frequent = {g for g, c in level.items() if c >= min_count}
        if not frequent:
            break
    known: set[str] = set()  # lexicon terms and variants, and every part of one
    if lexicon is not None:
        for form in lexicon.surface_forms():
            known.update(form[i:j] for i in range(len(form)) for j in range(i + 2, len(form) + 1))

    general = _general_vocabulary() if exclude_general else frozenset()

    def probability(s: str) -> float:
        return counts[len(s)][s] / n_chars

    candidates = {}
    for n in range(2, max_chars + 1):
        for gram, count in counts.get(n, {}).items():
            if count < min_count or gram[0] in EDGE_CHARACTERS or gram[-1] in EDGE_CHARACTERS or gram[0] in SUFFIX_CHARACTERS:
                continue
            if gram in known or gram in general:
                continue
            p = count / n_chars
            pmi = min(math.log(p / (probability(gram[:i]) * probability(gram[i:]))) for i in range(1, n))
            if pmi >= min_pmi:
                candidates[gram] = (count, pmi)
    if not candidates:
        return pd.DataFrame(columns=NEW_TERM_COLUMNS[:7]), {}
    # Neighbours and per-speech counts, from every occurrence of every candidate.
    automaton = ahocorasick.Automaton()
    for term in candidates:
        automaton.add_word(term, term)
    automaton.make_automaton()
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    edges: Counter = Counter()
    per_doc: dict[str, Counter] = defaultdict(Counter)
    samples: dict[str, list[tuple[str, int, int]]] = defaultdict(list)  # up to _SAMPLES occurrences a term
    for doc_id, text in texts.items():
        for run_match in _HAN_RUN.finditer(text):
            run, offset = run_match.group(), run_match.start()
            for end, term in automaton.iter(run):
                start = end - len(term) + 1
                per_doc[term][doc_id] += 1
                if len(samples[term]) < _SAMPLES:
                    samples[term].append((doc_id, offset + start, offset + end + 1))
                before = run[start - 1] if start > 0 else _neighbour(text, offset - 1)
                after = run[end + 1] if end + 1 < len(run) else _neighbour(text, offset + end + 1)
                if before:
                    left[term][before] += 1
                else:
                    edges[(term, "l")] += 1
                if after:
                    right[term][after] += 1
                else:
                    edges[(term, "r")] += 1
    rows = []
    for term, (count, pmi) in candidates.items():
        left_entropy = _entropy(left[term], edges[(term, "l")])
        right_entropy = _entropy(right[term], edges[(term, "r")])
        if left_entropy < min_entropy or right_entropy < min_entropy:
            continue
        if left[term]["0"] > count / 2 or _is_fragment(term):
            continue  # after a number most of the time (2024年经济…), or a predicate cut before its object
        if _boundary_share(term, samples[term], texts) < min_boundary_share:
            continue  # its edges fall inside words (业增加值 in 工业增加值, 市人民 in 市人民政府)
        rows.append((term, len(term), count, len(per_doc[term]), pmi, left_entropy, right_entropy))
    frame = pd.DataFrame(rows, columns=NEW_TERM_COLUMNS[:7]).sort_values(["count", "term"], ascending=[False, True], kind="stable")
    kept = set(frame["term"])
    return frame.reset_index(drop=True), {t: c for t, c in per_doc.items() if t in kept}


def _g2_rise(count_after: int, chars_after: int, chars_total: int) -> float:
    """G² of ``count_after`` occurrences all falling in ``chars_after`` of ``chars_total`` characters."""
    if count_after <= 0 or chars_after <= 0 or chars_after >= chars_total:
        return 0.0
    expected = count_after * chars_after / chars_total
    return 2.0 * count_after * math.log(count_after / expected)


def new_terms_timeline(
    candidates: pd.DataFrame,
    per_doc: Mapping[str, Mapping[str, int]],
    corpus: pd.DataFrame,
    *,
    sort: str = "score",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Place candidates in time with the run's ``corpus`` table (``doc_id, date, n_chars, duplicate_of``).

    Months are ``YYYY-MM`` (``YYYY`` for speeches dated only to the year);
    undated speeches and near-duplicates (``duplicate_of``) are left out of
    dates and ``rise`` but counted in ``count``.

    Returns:
        The candidates with ``first_date, last_date, n_periods, rise`` added,
        ranked by ``rise`` then count, and the long table ``term, period,
        count``.
    """
    if candidates.empty:
        return pd.DataFrame(columns=[c for c in NEW_TERM_COLUMNS if c not in ("theme", "theme_cooccurrences")]), pd.DataFrame(columns=NEW_TERM_PERIOD_COLUMNS)
    dated = corpus[(corpus["date"].fillna("") != "") & (corpus["duplicate_of"].fillna("") == "")]
    dates = dict(zip(dated["doc_id"], dated["date"].astype(str)))
    chars = dict(zip(dated["doc_id"], dated["n_chars"].astype(int)))
    chars_total = sum(chars.values())
    ordered_dates = sorted(set(dates.values()))
    chars_from: dict[str, int] = {}  # characters of the speeches dated on or after each date
    running = 0
    by_date: Counter = Counter()
    for doc_id, date in dates.items():
        by_date[date] += chars[doc_id]
    for date in reversed(ordered_dates):
        running += by_date[date]
        chars_from[date] = running
    summary, periods = [], []
    for term in candidates["term"]:
        docs = per_doc.get(term, {})
        placed = sorted((dates[d], n) for d, n in docs.items() if d in dates)
        if placed:
            first, last = placed[0][0], placed[-1][0]
            month_counts: Counter = Counter()
            for date, n in placed:
                month_counts[date[:7]] += n
            periods.extend((term, month, n) for month, n in sorted(month_counts.items()))
            # The first month's speeches: the rise counts from the start of that month.
            first_month_start = min(d for d in ordered_dates if d[:7] == first[:7])
            rise = _g2_rise(sum(n for _, n in placed), chars_from[first_month_start], chars_total)
            novelty = 1 - chars_from[first_month_start] / chars_total
            summary.append((first, last, len(month_counts), round(rise, 3), round(novelty, 4)))
        else:
            summary.append(("", "", 0, 0.0, 0.0))
    frame = candidates.copy()
    frame[["first_date", "last_date", "n_periods", "rise", "novelty"]] = pd.DataFrame(summary, index=frame.index)
    frame["score"] = (frame["count"] * (1 + frame["novelty"])).round(3)
    key = "rise" if sort == "rise" else "score"
    frame = frame.sort_values([key, "count", "term"], ascending=[False, False, True], kind="stable").reset_index(drop=True)
    return frame, pd.DataFrame(periods, columns=NEW_TERM_PERIOD_COLUMNS)
