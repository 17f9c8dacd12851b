"""The benchmark scripts stay in step with the package (they are not run here: they time things)."""

from __future__ import annotations

import importlib.util

import analysis.run.document
from conftest import REPO


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_stages_times_steps_the_pipeline_calls() -> None:
    stages = _load("stages")
    source = (REPO / "analysis" / "run" / "document.py").read_text(encoding="utf-8")
    for name, _ in stages.STEPS:
        assert callable(getattr(analysis.run.document, name)), name
        assert f"{name}(" in source.split("def document_process(", 1)[1], f"{name} is not called per speech"


def test_targets_eval_on_the_dev_labels(shared_corpus, local_corpus, monkeypatch) -> None:
    """The issue's accuracy goals on the dev split (>= 0.97 for gdp_growth, >= 0.9 for the others); the test split is only printed."""
    import pytest

    labels = REPO / "benchmarks" / "targets_eval"
    if not (labels / "dev.jsonl").is_file():
        pytest.skip("benchmarks/targets_eval/dev.jsonl not there")
    monkeypatch.setenv("SPEECH_CORPUS_SHARED", str(shared_corpus))
    monkeypatch.setenv("SPEECH_CORPUS_LOCAL", str(local_corpus))
    total = _load("targets_eval").evaluate("dev", labels)
    n, correct, _ = total["gdp_growth"]
    assert correct / n >= 0.97
    others = [v for k, v in total.items() if k != "gdp_growth"]
    assert sum(v[1] for v in others) / sum(v[0] for v in others) >= 0.9
