"""The run summary: the selection's leavings counted apart, and an empty run that says what the corpus has."""

from __future__ import annotations

import pytest

from analysis.run import Options, Selection, corpus_run
from analysis.run.summary import run_nothing_read, run_summary
from conftest import REPO

MONTHLY = REPO / "data" / "raw" / "politburo-monthly"


@pytest.mark.parametrize(
    "selection, expected",
    [
        (Selection(meeting_type="politburo_meeting"), "meeting types in the corpus: politburo-meeting (39)"),
        (Selection(speaker="李强"), "speakers in the corpus: 中共中央政治局（习近平主持） (39)"),
        (Selection(since="2027-01"), "dates in the corpus: 2022-10-25 … 2026-07-30"),
    ],
)
def test_an_empty_selection_lists_what_the_corpus_has(selection: Selection, expected: str) -> None:
    result = corpus_run([MONTHLY], options=Options(selection=selection))
    message = run_nothing_read(result)
    assert message.startswith("no speech matches the selection (39 of 41 files filtered out)") and expected in message


def test_nothing_readable_says_so_without_blaming_the_selection(tmp_path) -> None:
    (tmp_path / "a.doc").write_bytes(b"old")
    assert run_nothing_read(corpus_run([tmp_path])) == "no speech could be read (1 files found)"


def test_summary_counts_filtered_out_apart_from_skipped(tmp_path) -> None:
    result = corpus_run([MONTHLY], options=Options(selection=Selection(since="2026")))
    first = run_summary(result, tmp_path).splitlines()[0]
    assert first.startswith("41 files: 6 ok, 33 filtered out, 2 skipped, 0 errors")
