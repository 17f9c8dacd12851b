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
