"""Word segmentation with a policy lexicon.

:class:`Segmenter` wraps a private jieba tokenizer (accurate mode, HMM on)
with the lexicon's terms added as user-dictionary entries, so that
全面从严治党, 软弱涣散 or 三会一课 come out as single tokens.  It never
touches jieba's global default tokenizer: two analyses with different
lexicons in one notebook do not leak into each other.  jieba's log lines
are silenced.

``rjieba`` (the jieba-rs binding, about 20 times faster) can be chosen
with ``engine="rjieba"``; jieba stays the reference.

Tokens keep their character offsets into the cleaned text.  Whitespace
and punctuation are dropped from token lists; stopwords are kept and
flagged, so the same tokens serve counting (which drops them) and reading
(which keeps them).
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Literal

import numpy as np

from analysis.lexicon import Lexicon

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["Token", "Segmenter", "SegmentColumns", "load_stopwords", "is_punctuation", "is_content_word", "ENGINES", "engine_default"]

ENGINES = ("jieba", "rjieba")


def engine_default() -> str:
    """``rjieba`` when it is installed (jieba's tokens but for a handful in a million, about 20 times faster), else ``jieba``."""
    from importlib.util import find_spec

    return "rjieba" if find_spec("rjieba") is not None else "jieba"

_USER_FREQ = 200_000  # high enough that a user term beats any split of it
# Multi-character stopwords unknown to jieba's dictionary (同志们) are added
# with a modest frequency: enough to keep them whole, too little to break
# longer dictionary words around them.
_STOPWORD_FREQ = 1_000
# Classes of distinct tokens, remembered per segmenter (at most _KINDS_LIMIT words).
_DROP, _WORD, _STOPWORD, _CONTENT = 0, 1, 2, 3
_KINDS_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Token:
    """A token with offsets into the text it came from."""

    text: str
    start: int
    end: int
    stopword: bool


@dataclass(frozen=True)
class SegmentColumns:
    """One text's tokens from :meth:`Segmenter.segment_columns` (punctuation and whitespace dropped).

    ``words`` is an Arrow string array; ``starts``, ``ends`` (int64) and
    ``stopword`` (bool) are numpy arrays of the same length; ``content``
    counts the content words (:func:`is_content_word`) in order of first
    occurrence.
    """

    words: "pa.StringArray"
    starts: np.ndarray
    ends: np.ndarray
    stopword: np.ndarray
    content: Counter[str]


@lru_cache(maxsize=65536)
def is_punctuation(token: str) -> bool:
    """Whether a token is only punctuation, symbols or whitespace."""
    return all(ch.isspace() or unicodedata.category(ch)[0] in "PSZC" for ch in token)


def is_content_word(token: str, stopwords: frozenset[str] | set[str]) -> bool:
    """Whether a token counts as a content word: not a stopword, not a lone character, not a number."""
    if token in stopwords or len(token) < 2:
        return False
    stripped = token.replace(".", "").replace("%", "")
    return not stripped.isdigit() and not stripped.isascii()


def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Read a stopword list (one word a line, ``#`` comments); the bundled list by default."""
    if path is None:
        text = (resources.files("analysis") / "data" / "stopwords_zh.txt").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8-sig")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


def _quiet_jieba() -> None:
    logging.getLogger("jieba").setLevel(logging.ERROR)
    import jieba

    jieba.setLogLevel(logging.ERROR)


class Segmenter:
    """A jieba (or rjieba) tokenizer with a lexicon's terms as user words.

    Args:
        lexicon: terms added to the dictionary so that they stay whole.
        stopwords: words flagged as stopwords (the bundled list when None).
        engine: ``"jieba"`` (reference) or ``"rjieba"`` (fast, if installed).
        extra_words: more user-dictionary entries.
    """

    def __init__(
        self,
        *,
        lexicon: Lexicon | None = None,
        stopwords: Iterable[str] | None = None,
        engine: Literal["jieba", "rjieba"] = "jieba",
        extra_words: Iterable[str] = (),
    ) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown segmenter {engine!r}: choose one of {', '.join(ENGINES)}")
        self.engine = engine
        self.stopwords = frozenset(stopwords) if stopwords is not None else load_stopwords()
        words = list(lexicon.user_dictionary()) if lexicon is not None else []
        words += [w for w in extra_words if w]
        self.user_words = tuple(dict.fromkeys(words))
        self._tokenizer = self._build()
        self._kinds: dict[str, int] = {}

    def _build(self) -> object:
        if self.engine == "rjieba":
            try:
                import rjieba
            except ImportError:
                raise RuntimeError("segmenter rjieba is not installed: pip install rjieba, or use --segmenter jieba") from None
            tokenizer = rjieba.Jieba()
            for word in self._new_stopwords(tokenizer.has_word):
                tokenizer.add_word(word, _STOPWORD_FREQ, None)
            for word in self.user_words:
                tokenizer.add_word(word, _USER_FREQ, None)
            return tokenizer
        _quiet_jieba()
        import jieba

        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        for word in self._new_stopwords(lambda w: bool(tokenizer.FREQ.get(w))):
            tokenizer.add_word(word, freq=_STOPWORD_FREQ)
        for word in self.user_words:
            tokenizer.add_word(word, freq=_USER_FREQ)
        return tokenizer

    def fingerprint(self) -> str:
        """A short hash of everything that shapes this segmenter's tokens."""
        if not hasattr(self, "_fingerprint"):
            import hashlib

            digest = hashlib.sha256(self.engine.encode())
            digest.update("\n".join(sorted(self.stopwords)).encode())
            digest.update("\n".join(self.user_words).encode())
            self._fingerprint = digest.hexdigest()[:16]
        return self._fingerprint

    def _new_stopwords(self, known: "Callable[[str], bool]") -> list[str]:
        return sorted(w for w in self.stopwords if len(w) > 1 and not known(w) and not is_punctuation(w))

    def __getstate__(self) -> dict:
        # Tokenizers are rebuilt in worker processes rather than pickled.
        state = dict(self.__dict__)
        state.pop("_tokenizer", None)
        state.pop("_kinds", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._tokenizer = self._build()
        self._kinds = {}

    def _cut(self, text: str) -> list[str]:
        """Every token, punctuation and spaces included; together they spell ``text``."""
        if self.engine == "rjieba":
            return self._tokenizer.cut(text, True)  # type: ignore[attr-defined]
        return self._tokenizer.lcut(text, HMM=True)  # type: ignore[attr-defined]

    def tokens(self, text: str, *, offset: int = 0) -> list[Token]:
        """Word tokens of ``text`` (punctuation and whitespace dropped).

        ``offset`` is added to every position, for segmenting a slice of a
        longer text.
        """
        words, starts, ends, stop = self.token_columns(text)
        return [
            Token(word, start + offset, end + offset, flag)
            for word, start, end, flag in zip(words.tolist(), starts.tolist(), ends.tolist(), stop.tolist())
        ]

    def token_columns(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The same tokens as :meth:`tokens`, as parallel arrays: words (object), starts, ends (int64), stopword flags."""
        columns = self.segment_columns(text)
        return columns.words.to_numpy(zero_copy_only=False), columns.starts, columns.ends, columns.stopword

    def segment_columns(self, text: str) -> "SegmentColumns":
        """Tokens of ``text`` as Arrow and numpy columns, with the counts of its content words.

        The fast path for whole corpora.  Segmenting costs less than handling
        tokens one by one in Python, so the work per token is done in bulk:
        offsets are a cumulative sum of token lengths, and the tokens are
        dictionary-encoded so that each distinct word is classified once and
        content words are counted with ``bincount``.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        cut = pa.array(self._cut(text), pa.string())
        if not len(cut):
            empty = np.empty(0, dtype=np.int64)
            return SegmentColumns(cut, empty, empty.copy(), np.empty(0, dtype=bool), Counter())
        lengths = pc.utf8_length(cut).to_numpy().astype(np.int64)
        ends = np.cumsum(lengths)
        starts = ends - lengths
        encoded = cut.dictionary_encode()
        distinct = encoded.dictionary.to_pylist()  # in order of first occurrence
        codes = encoded.indices.to_numpy()
        if len(self._kinds) > _KINDS_LIMIT:  # a bounded memo, even over a gigabyte of text
            self._kinds = {}
        kinds = self._kinds
        for word in set(distinct).difference(kinds):
            kinds[word] = (
                _DROP if is_punctuation(word)
                else _STOPWORD if word in self.stopwords
                else _CONTENT if is_content_word(word, self.stopwords)
                else _WORD
            )
        kind_of_distinct = np.fromiter(map(kinds.__getitem__, distinct), dtype=np.int8, count=len(distinct))
        kind = kind_of_distinct[codes]
        keep = kind != _DROP
        tally = np.bincount(codes, minlength=len(distinct))
        chosen = np.flatnonzero(kind_of_distinct == _CONTENT)
        content = Counter(dict(zip([distinct[i] for i in chosen.tolist()], tally[chosen].tolist())))
        return SegmentColumns(
            cut.filter(pa.array(keep)), starts[keep], ends[keep], kind[keep] == _STOPWORD, content
        )

    def content_counts(self, words: np.ndarray) -> Counter[str]:
        """Counts of the content words (:func:`is_content_word`) among tokens from :meth:`token_columns`."""
        counts = Counter(words.tolist())  # counted in C; then each distinct word looked up once
        kinds = self._kinds  # holds every word of the last token_columns call
        for word in [w for w in counts if kinds.get(w) != _CONTENT]:
            if word not in kinds and is_content_word(word, self.stopwords):
                continue  # words from an earlier call, classified before the memo was emptied
            del counts[word]
        return counts

    def words(self, text: str, *, drop_stopwords: bool = False) -> list[str]:
        """Token strings only."""
        return [t.text for t in self.tokens(text) if not (drop_stopwords and t.stopword)]
