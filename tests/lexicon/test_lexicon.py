"""Lexicon loading, linting and dictionary semantics."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.lexicon import LexiconError, lexicon_check, lexicon_extend, lexicon_load

REQUIRED_THEMES = ["党的建设", "纪律作风与反腐败", "经济发展与招商引资", "项目建设", "乡村振兴与三农", "基层治理", "民生保障", "安全稳定", "生态环保", "改革创新", "宣传与意识形态", "干部与组织人事"]


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "lexicon.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_default_lexicon_is_clean_and_large(lexicon) -> None:
    assert lexicon_check(lexicon) == []
    assert len(lexicon.terms) >= 400 and len(lexicon.themes) >= 12
    labels = {t.label for t in lexicon.themes.values()}
    assert set(REQUIRED_THEMES) <= labels
    assert all(t.label_en for t in lexicon.themes.values())


def test_longest_match_wins_and_variants_count_to_canonical(tmp_path: Path) -> None:
    lexicon = lexicon_load(_write(tmp_path, """
themes:
  - id: party
    label: 党建
    label_en: Party
    subthemes:
      - id: party.discipline
        label: 纪律
        terms:
          - term: 全面从严治党
          - term: 从严治党
          - term: 招商引资
            variants: [招商]
"""))
    found = [(matched, term.term) for _, _, matched, term in lexicon.find("坚持全面从严治党，从严治党，招商引资和招商")]
    assert found == [("全面从严治党", "全面从严治党"), ("从严治党", "从严治党"), ("招商引资", "招商引资"), ("招商", "招商引资")]


_PATTERN_LEXICON = """
themes:
  - id: party
    label: 党建
    terms:
      - term: 两新组织
        pattern: '两新[”"]?组织'
      - term: 新组织建设
      - term: 组织
      - term: 不敢腐不能腐不想腐
        pattern: '不敢腐[、，]?不能腐[、，]?不想腐'
      - term: 不敢腐
"""


def _reference_matches(lexicon, text: str) -> list[tuple[int, int, str]]:
    """Matches of the documented regular expression (the reference semantics of find)."""
    return [(m.start(), m.end(), m.group()) for m in lexicon.matcher().finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "两新”组织建设",  # a pattern starts where no fixed string does
        "两新组织建设",  # fixed 两新组织 and pattern start together: the fixed string wins
        "新组织建设和组织",  # nested fixed strings: longest first, then no overlap
        "不敢腐、不能腐、不想腐，不敢腐",  # a pattern covers a fixed string that starts inside it
        "没有任何词条",
        "",
    ],
)
def test_find_agrees_with_the_reference_expression(tmp_path: Path, text: str) -> None:
    lexicon = lexicon_load(_write(tmp_path, _PATTERN_LEXICON))
    assert [(s, e, m) for s, e, m, _ in lexicon.find(text)] == _reference_matches(lexicon, text)


def test_find_agrees_with_the_reference_expression_on_the_shared_corpus(shared_corpus: Path, lexicon) -> None:
    from analysis.ingest import document_read

    n_matches = 0
    for path in sorted(shared_corpus.rglob("*.txt")):
        text = document_read(path, path.name).text
        found = [(s, e, m) for s, e, m, _ in lexicon.find(text)]
        assert found == _reference_matches(lexicon, text), path.name
        n_matches += len(found)
    assert n_matches > 20_000


@pytest.mark.parametrize(
    "terms, problem",
    [
        ("[{term: 招商引资}, {term: 招商引资}]", "listed twice"),
        ("[{term: 招商引资, variants: [招商]}, {term: 招商}]", "collides"),
        ("[{term: 招商 引资}]", "space"),
        ("[{term: \"两新\u201d组织\"}]", "punctuation"),
        ("[{term: 党}]", "single character"),
    ],
)
def test_lint_finds_problems(tmp_path: Path, terms: str, problem: str) -> None:
    lexicon = lexicon_load(_write(tmp_path, f"themes:\n  - id: a\n    label: 甲\n    terms: {terms}\n"))
    assert any(problem in p for p in lexicon_check(lexicon))


def test_term_under_two_themes(tmp_path: Path) -> None:
    body = "themes:\n  - id: a\n    label: 甲\n    terms: [{term: 乡村振兴}]\n  - id: b\n    label: 乙\n    terms: [{term: 乡村振兴}]\n"
    assert any("two themes" in p for p in lexicon_check(lexicon_load(_write(tmp_path, body))))


@pytest.mark.parametrize("body, message", [("themes: 3", "not a lexicon"), ("themes: [", "not valid UTF-8 YAML")])
def test_bad_lexicon_files(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        lexicon_load(_write(tmp_path, body))


def test_missing_lexicon_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no such lexicon file"):
        lexicon_load(tmp_path / "nope.yaml")


def test_extend_replaces_same_term(tmp_path: Path, lexicon) -> None:
    extra = lexicon_load(_write(tmp_path, "themes:\n  - id: mine\n    label: 我的\n    terms: [{term: 招商引资}, {term: 飞地经济新词}]\n"))
    merged = lexicon_extend(lexicon, extra)
    assert merged.theme_of("招商引资") == "mine" and merged.theme_of("飞地经济新词") == "mine"
    assert lexicon_check(merged) == []
    assert merged.fingerprint() != lexicon.fingerprint()


@pytest.mark.parametrize("pattern", ["两新组织|", "[、，]?", "甲*"])
def test_pattern_matching_empty_text_is_refused(tmp_path: Path, pattern: str) -> None:
    body = f"themes:\n  - id: a\n    label: 甲\n    terms:\n      - term: 两新组织\n        pattern: '{pattern}'\n"
    with pytest.raises(LexiconError, match="matches empty text"):
        lexicon_load(_write(tmp_path, body))


def test_pattern_with_lookaround_is_refused_naming_its_term(tmp_path: Path) -> None:
    # Patterns are matched by RE2 (linear time), which has no look-arounds.
    body = "themes:\n  - id: a\n    label: 甲\n    terms:\n      - term: 新组织\n        pattern: '(?<=两)新组织'\n      - term: 放管服\n"
    with pytest.raises(LexiconError, match=r"term 新组织: bad pattern: .*look-arounds"):
        lexicon_load(_write(tmp_path, body))


def test_a_backtracking_pattern_cannot_hang_a_run(tmp_path: Path) -> None:
    import subprocess
    import sys

    body = "themes:\n  - id: a\n    label: 甲\n    terms:\n      - term: 啊啊\n        pattern: '(a+)+$'\n      - term: 放管服\n"
    path = _write(tmp_path, body)
    script = (
        "import sys; from analysis.lexicon import lexicon_load;"
        f"lexicon = lexicon_load({str(path)!r});"
        "print(len(list(lexicon.find('放管服' + 'a' * 40 + 'b' + 'a' * 30))))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"  # 放管服, and the a's at the end of the text


def test_patterns_and_fixed_strings_interleave_as_with_re(tmp_path: Path) -> None:
    # A fixed string that cuts into a pattern match: the pattern is looked for again right after it, as re would.
    body = "themes:\n  - id: a\n    label: 甲\n    terms:\n      - term: 甲乙\n      - term: 乙丙丁\n        pattern: '乙?丙丁'\n"
    lexicon = lexicon_load(_write(tmp_path, body))
    assert [(s, m) for s, _, m, _ in lexicon.find("甲乙丙丁，乙丙丁")] == [(0, "甲乙"), (2, "丙丁"), (5, "乙丙丁")]
