"""Policy-term lexicons: loading, checking, and dictionary matching.

A lexicon is a YAML data file (schema in ``analysis/data/README.md``): themes,
each with an English label and subthemes; subthemes hold terms; a term has a
canonical form, optional variants (abbreviations counted toward it), an
optional regular-expression ``pattern`` and a note.  The default lexicon is
``analysis/data/lexicon_zh.yaml``; users pass their own file or extend the
default with :func:`lexicon_extend`.

Matching follows the dictionary semantics of quanteda's ``tokens_lookup``:
scanning the text from left to right, the longest entry starting at a
position wins, so 全面从严治党 is not also counted as 从严治党, and a variant
counts toward its canonical term.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import yaml

from analysis.lexicon.user_regex import UserRegexError, user_regex

if TYPE_CHECKING:
    import ahocorasick

__all__ = [
    "Term",
    "Theme",
    "Lexicon",
    "LexiconError",
    "DEFAULT_LEXICON",
    "lexicon_load",
    "lexicon_default",
    "lexicon_extend",
    "lexicon_check",
]

DEFAULT_LEXICON = "lexicon_zh.yaml"
# libyaml's safe loader when PyYAML was built with it (about 7x faster than the pure-Python one); both build plain data only.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the cause."""


@dataclass(frozen=True)
class Term:
    """One lexicon term: its canonical form and where it sits."""

    term: str
    theme: str
    subtheme: str
    variants: tuple[str, ...] = ()
    pattern: str = ""
    note: str = ""


@dataclass(frozen=True)
class Theme:
    """A theme: id, Chinese label, English label, and its subthemes' labels."""

    id: str
    label: str
    label_en: str
    subthemes: dict[str, tuple[str, str]] = field(default_factory=dict)


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch).startswith(("P", "S"))


@dataclass
class Lexicon:
    """A loaded lexicon.  Build with :func:`lexicon_load` or :func:`lexicon_default`."""

    name: str
    version: str
    themes: dict[str, Theme]
    terms: list[Term]
    source: str = ""
    description: str = ""

    def __getstate__(self) -> dict:
        # Compiled RE2 patterns cannot be sent to another process: they are compiled again on first use there.
        return {k: v for k, v in self.__dict__.items() if k not in ("_compiled_patterns", "_pattern_alternation")}

    # -- look-ups ---------------------------------------------------------
    def surface_forms(self) -> dict[str, Term]:
        """Every fixed string (canonical terms and variants) → its term."""
        if not hasattr(self, "_forms"):
            forms: dict[str, Term] = {}
            for term in self.terms:
                forms.setdefault(term.term, term)
                for variant in term.variants:
                    forms.setdefault(variant, term)
            self._forms = forms
        return self._forms

    def theme_of(self, term: str) -> str:
        """Theme id of a canonical term or variant ('' when not in the lexicon)."""
        found = self.surface_forms().get(term)
        return found.theme if found else ""

    def theme_label(self, theme_id: str, *, lang: str = "zh") -> str:
        theme = self.themes.get(theme_id)
        if theme is None:
            return theme_id
        return theme.label_en if lang == "en" else theme.label

    def fingerprint(self) -> str:
        """A short hash of the lexicon's content, for caches and ``run.json``."""
        if not hasattr(self, "_fingerprint"):
            digest = hashlib.sha256()
            for term in sorted(self.terms, key=lambda t: t.term):
                digest.update(f"{term.term}|{term.theme}|{term.subtheme}|{','.join(term.variants)}|{term.pattern}\n".encode())
            self._fingerprint = digest.hexdigest()[:16]
        return self._fingerprint

    # -- matching ---------------------------------------------------------
    def matcher(self) -> re.Pattern[str]:
        """A regular expression that matches entries as :meth:`find` does.

        For re-based tools (``sentences.text.str.contains(lexicon.matcher())``).
        Fixed strings are compiled into a trie-shaped expression whose
        optional groups are greedy, so the longest entry at a position wins;
        patterns are tried only where no fixed string starts.
        """
        if not hasattr(self, "_matcher"):
            trie_regex = _trie_regex(list(self.surface_forms()))
            alternatives = [f"(?:{trie_regex})"] if trie_regex else []
            alternatives += [f"(?:{t.pattern})" for t in self.terms if t.pattern]
            self._matcher = re.compile("|".join(alternatives) or r"(?!)")
        return self._matcher

    def _pattern_terms(self) -> list[tuple[Any, Term]]:
        """Each term's pattern, compiled with RE2 (linear time: see :mod:`analysis.lexicon.user_regex`)."""
        if not hasattr(self, "_compiled_patterns"):
            self._compiled_patterns = [(user_regex(t.pattern), t) for t in self.terms if t.pattern]
        return self._compiled_patterns

    def _automaton(self) -> "ahocorasick.Automaton":
        """An Aho–Corasick automaton of every fixed string, valued by its length."""
        if not hasattr(self, "_aho"):
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for form in self.surface_forms():
                automaton.add_word(form, len(form))
            if len(automaton):
                automaton.make_automaton()
            self._aho = automaton
        return self._aho

    def find(self, text: str) -> Iterator[tuple[int, int, str, Term]]:
        """Yield ``(start, end, matched text, term)`` for every match in ``text``.

        Leftmost-longest and non-overlapping: scanning left to right, the
        longest fixed string starting at a position wins; a pattern counts
        only where no fixed string starts.  The same matches as
        :meth:`matcher`, found in one pass of an Aho–Corasick automaton
        (C) instead of trying each branch of the expression at each character.
        """
        forms = self.surface_forms()
        automaton = self._automaton()
        longest: dict[int, int] = {}
        if len(automaton):
            for end, length in automaton.iter(text):
                start = end + 1 - length
                if longest.get(start, 0) < length:
                    longest[start] = length
        patterns = self._pattern_terms()
        pattern_any = self._pattern_any() if patterns else None
        position = 0
        starts = sorted(longest)
        i = 0
        # Pattern matches in one linear pass (RE2 re-reads the whole text on every search call).
        found = iter(pattern_any.finditer(text) if pattern_any is not None else ())
        queued: list[Any] = []

        def following() -> Any:
            return queued.pop() if queued else next(found, None)

        pending = following()
        while True:
            while i < len(starts) and starts[i] < position:
                i += 1
            while pending is not None and pending.start() < position:
                overlapped = pending.end() > position
                pending = following()
                if overlapped:  # rare: a fixed string cut into a pattern match; search again right after it
                    again = pattern_any.search(text[position:])  # type: ignore[union-attr]
                    if again is not None and (pending is None or again.start() + position < pending.start()):
                        if pending is not None:
                            queued.append(pending)
                        pending = _Shifted(again, position)
            fixed_start = starts[i] if i < len(starts) else None
            if fixed_start is not None and (pending is None or fixed_start <= pending.start()):
                end = fixed_start + longest[fixed_start]
                matched = text[fixed_start:end]
                yield fixed_start, end, matched, forms[matched]
                position = end
            elif pending is not None:
                matched = pending.group()
                yield pending.start(), pending.end(), matched, forms.get(matched) or self._pattern_term(text, pending)
                position = max(pending.end(), pending.start() + 1)
                if position > len(text):
                    return
            else:
                return

    def _pattern_term(self, text: str, found: Any) -> Term:
        """The term whose pattern made ``found`` (the first that matches it, as in the alternation)."""
        matched = found.group()
        for pattern, term in self._pattern_terms():
            if pattern.fullmatch(matched) is not None:
                return term
        return self._pattern_terms()[0][1]

    def _pattern_any(self) -> Any:
        if not hasattr(self, "_pattern_alternation"):
            self._pattern_alternation = user_regex("|".join(f"(?:{t.pattern})" for _, t in self._pattern_terms()))
        return self._pattern_alternation

    def user_dictionary(self) -> list[str]:
        """Entries for the segmenter's user dictionary: all fixed strings."""
        return sorted(self.surface_forms(), key=lambda s: (-len(s), s))


class _Shifted:
    """A match found in a slice of the text, with positions in the whole text."""

    def __init__(self, match: Any, offset: int) -> None:
        self._match, self._offset = match, offset

    def start(self) -> int:
        return self._match.start() + self._offset

    def end(self) -> int:
        return self._match.end() + self._offset

    def group(self) -> str:
        return self._match.group()


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def render(node: dict) -> str:
        terminal = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            return f"(?:{body})?"
        return body

    return render(trie)


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


def _parse(data: object, source: str) -> Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise LexiconError(f"{source}: not a lexicon (needs a top-level 'themes' list; see analysis/data/README.md)")
    themes: dict[str, Theme] = {}
    terms: list[Term] = []
    for i, theme_data in enumerate(data["themes"]):
        if not isinstance(theme_data, dict) or "id" not in theme_data:
            raise LexiconError(f"{source}: theme #{i + 1} has no 'id'")
        theme_id = str(theme_data["id"])
        subthemes: dict[str, tuple[str, str]] = {}
        listed = theme_data.get("subthemes") or []
        if not isinstance(listed, list) or not all(isinstance(g, dict) for g in listed):
            raise LexiconError(f"{source}: theme {theme_id}: 'subthemes' must be a list of entries with 'id' and 'terms', not {listed!r}")
        groups = list(listed)
        if theme_data.get("terms"):
            groups.append({"id": theme_id, "label": theme_data.get("label", theme_id), "terms": theme_data["terms"]})
        for group in groups:
            sub_id = str(group.get("id", theme_id))
            if not isinstance(group.get("terms") or [], list):
                raise LexiconError(f"{source}: {sub_id}: 'terms' must be a list, not {group.get('terms')!r}")
            subthemes[sub_id] = (str(group.get("label", sub_id)), str(group.get("label_en", group.get("label", sub_id))))
            for entry in group.get("terms") or []:
                if isinstance(entry, str):
                    entry = {"term": entry}
                if not isinstance(entry, dict) or not entry.get("term"):
                    raise LexiconError(f"{source}: an entry under {sub_id} has no 'term'")
                pattern = str(entry.get("pattern") or "")
                if pattern:
                    try:
                        compiled = user_regex(pattern)
                    except UserRegexError as err:
                        raise LexiconError(f"{source}: term {entry['term']}: bad pattern: {err}") from None
                    if compiled.fullmatch(""):
                        # It would match between every two characters (a stray | or a pattern of optional parts).
                        raise LexiconError(f"{source}: term {entry['term']}: pattern {pattern!r} matches empty text")
                terms.append(
                    Term(
                        term=str(entry["term"]).strip(),
                        theme=theme_id,
                        subtheme=sub_id,
                        variants=tuple(v.strip() for v in _as_list(entry.get("variants")) if v.strip()),
                        pattern=pattern,
                        note=str(entry.get("note") or entry.get("source") or ""),
                    )
                )
        themes[theme_id] = Theme(
            id=theme_id,
            label=str(theme_data.get("label", theme_id)),
            label_en=str(theme_data.get("label_en", theme_data.get("label", theme_id))),
            subthemes=subthemes,
        )
    return Lexicon(
        name=str(data.get("name", Path(source).stem)),
        version=str(data.get("version", "")),
        themes=themes,
        terms=terms,
        source=source,
        description=str(data.get("description", "")),
    )


def lexicon_load(path: str | Path) -> Lexicon:
    """Load a lexicon from a YAML file.

    Raises:
        LexiconError: when the file is missing, not YAML, or not a lexicon.
    """
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_SAFE_LOADER)
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except IsADirectoryError:
        raise LexiconError(f"{path}: is a folder, not a lexicon file") from None
    except OSError as err:
        raise LexiconError(f"{path}: cannot read ({err.strerror or err})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        first_line = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise LexiconError(f"{path}: not valid UTF-8 YAML ({first_line})") from None
    return _parse(data, str(path))


def lexicon_default() -> Lexicon:
    """The bundled default lexicon of Chinese governance vocabulary."""
    resource = resources.files("analysis") / "data" / DEFAULT_LEXICON
    with resources.as_file(resource) as path:
        lexicon = lexicon_load(path)
    lexicon.source = f"analysis/data/{DEFAULT_LEXICON}"
    return lexicon


def lexicon_extend(base: Lexicon, extra: Lexicon) -> Lexicon:
    """The base lexicon plus the extra one's themes and terms.

    A term in ``extra`` replaces the base entry with the same canonical form
    (so a user can move a term to another theme or add variants).
    """
    replaced = {t.term for t in extra.terms}
    themes = dict(base.themes)
    themes.update(extra.themes)
    terms = [t for t in base.terms if t.term not in replaced] + list(extra.terms)
    return Lexicon(
        name=f"{base.name}+{extra.name}",
        version=f"{base.version}+{extra.version}",
        themes=themes,
        terms=terms,
        source=f"{base.source}+{extra.source}",
        description=base.description,
    )


def lexicon_check(lexicon: Lexicon) -> list[str]:
    """Problems that make a lexicon count wrongly; an empty list means clean.

    Finds duplicate terms, a term under two themes, variants that collide
    with another term or variant, entries jieba cannot keep whole
    (punctuation or spaces inside), one-character entries, and themes with
    no terms.
    """
    problems: list[str] = []
    owner: dict[str, Term] = {}
    for term in lexicon.terms:
        if term.theme not in lexicon.themes:
            problems.append(f"term {term.term}: unknown theme {term.theme}")
        for form, kind in [(term.term, "term")] + [(v, "variant") for v in term.variants]:
            if form in owner:
                other = owner[form]
                if other.term == term.term and other.theme != term.theme:
                    problems.append(f"{kind} {form}: under two themes ({other.theme}, {term.theme})")
                elif other.term == term.term:
                    problems.append(f"{kind} {form}: listed twice under {term.theme}")
                else:
                    problems.append(f"{kind} {form} (of {term.term}) collides with {other.term} ({other.theme})")
                continue
            owner[form] = term
            if any(ch.isspace() for ch in form):
                problems.append(f"{kind} {form}: contains a space; jieba would split it")
            elif any(_is_punctuation(ch) for ch in form):
                problems.append(f"{kind} {form}: contains punctuation; jieba would split it")
            if len(form) < 2:
                problems.append(f"{kind} {form}: a single character matches inside too many words")
    used = {t.theme for t in lexicon.terms}
    for theme_id in lexicon.themes:
        if theme_id not in used:
            problems.append(f"theme {theme_id}: has no terms")
    return problems
