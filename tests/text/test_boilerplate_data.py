"""Every entry of analysis/data/boilerplate_zh.yaml: its examples come out clean, and the file is well formed."""

from __future__ import annotations

import pytest

from analysis.text.clean import boilerplate_rules, clean_text

RULES = boilerplate_rules()


def test_entries_are_unique_and_each_has_an_example() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(rule.examples for rule in RULES), [rule.id for rule in RULES if not rule.examples]


@pytest.mark.parametrize(
    "raw, expected",
    [pytest.param(raw, clean, id=f"{rule.id}-{i}") for rule in RULES for i, (raw, clean) in enumerate(rule.examples)],
)
def test_example_is_cleaned(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_quick_check_finds_every_example(rule) -> None:
    for raw, _ in rule.examples:
        assert rule.pattern.search(raw), f"{rule.id}: pattern misses its example"
        assert rule.quick.search(raw), f"{rule.id}: quick check misses its example"


def test_user_file_is_read(tmp_path) -> None:
    path = tmp_path / "sites.yaml"
    path.write_text("sites:\n  - id: x\n    rule: site header\n    quick: 'ABC'\n    pattern: 'ABC\\d+'\n", encoding="utf-8")
    assert [r.id for r in boilerplate_rules(str(path))] == ["x"]


def test_bad_user_file_names_the_entry(tmp_path) -> None:
    path = tmp_path / "sites.yaml"
    path.write_text("sites:\n  - id: broken\n    rule: site header\n    quick: '('\n    pattern: 'x'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="broken"):
        boilerplate_rules(str(path))
