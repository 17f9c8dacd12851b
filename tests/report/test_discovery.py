"""`python -m analysis discover`: the tables, the lexicon snippet and the charts."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from analysis.cli import main


def test_discover_writes_every_table_snippet_and_chart(shared_corpus, tmp_path, capsys) -> None:
    out = tmp_path / "d"
    assert main(["discover", str(shared_corpus / "politburo"), "--meeting-type", "politburo-meeting", "--out", str(out), "--workers", "1"]) == 0
    for name in ("collocations", "new_terms", "new_terms_by_period", "cooccurrence", "topics", "doc_topics", "topics_by_period"):
        frame = pd.read_csv(out / f"{name}.csv")
        assert len(frame), name
    new = pd.read_csv(out / "new_terms.csv")
    assert {"term", "count", "first_date", "last_date", "rise", "score", "theme"} <= set(new.columns)
    assert new["score"].is_monotonic_decreasing
    snippet = yaml.safe_load((out / "lexicon_candidates.yaml").read_text(encoding="utf-8"))
    from analysis.lexicon import lexicon_check, lexicon_load

    lexicon = lexicon_load(out / "lexicon_candidates.yaml")  # the snippet is a valid lexicon file
    assert len(lexicon.terms) == min(30, len(new)) and snippet["themes"]
    assert lexicon_check(lexicon) == [] or all("one character" not in p for p in lexicon_check(lexicon))
    for chart in ("cooccurrence_network", "topic_shares"):
        assert (out / "figures" / f"{chart}.png").stat().st_size > 20_000
    assert "top new terms" in capsys.readouterr().out


@pytest.mark.parametrize("flag", ["--min-count=0", "--new-terms=0", "--extra-topics=-1"])
def test_discover_rejects_bad_numbers(flag: str, tmp_path, capsys) -> None:
    assert main(["discover", "data/raw", flag, "--out", str(tmp_path)]) == 2
    assert "must be" in capsys.readouterr().err
