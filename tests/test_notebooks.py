"""Every notebook runs top to bottom, without errors or warnings, on a monthly series and on the single bundled speech.

The kernel starts in ``notebooks/`` as in JupyterLab, so the notebooks'
paths must resolve from the project root. ``SPEECH_CORPUS`` points a notebook
at a corpus without editing it.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO, require_shared_corpus

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def execute(path: Path, corpus: Path | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, meeting_type: str = "") -> nbformat.NotebookNode:
    if corpus is None:
        monkeypatch.delenv("SPEECH_CORPUS", raising=False)  # the notebook's own default
    else:
        monkeypatch.setenv("SPEECH_CORPUS", str(corpus))
    monkeypatch.setenv("SPEECH_MEETING_TYPE", meeting_type)
    monkeypatch.setenv("SPEECH_OUT", str(tmp_path))  # as make notebooks OUT=DIR does
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if "parameters" in cell.metadata.get("tags", []) and "OUT = " in cell.source:
            cell.source = re.sub(r'OUT = "reports/[^"]*"', f'OUT = r"{tmp_path / "out"}"', cell.source)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    return notebook


def problems(notebook: nbformat.NotebookNode) -> list[str]:
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            text = output.get("text", "") if output.get("output_type") == "stream" else ""
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                found.append(f"cell {index}: stderr: {text[:200]}")
            elif "Warning" in text:
                found.append(f"cell {index}: {text[:200]}")
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
    return found


def images(notebook: nbformat.NotebookNode) -> int:
    return sum("image/png" in o.get("data", {}) for c in notebook.cells for o in c.get("outputs", []))


def test_notebooks_are_numbered_and_parameterised() -> None:
    numbers = [int(p.stem[:2]) for p in NOTEBOOKS]
    assert numbers[:7] == [1, 2, 3, 4, 5, 6, 7] and 8 in numbers and numbers == sorted(set(numbers))
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1 and 'CORPUS = "data/raw' in tagged[0].source, path.name
        assert not any(c.get("outputs") for c in notebook.cells if c.cell_type == "code"), f"{path.name} stored with outputs"


def test_trend_notebooks_default_to_the_bundled_monthly_series() -> None:
    for path in NOTEBOOKS:
        if path.stem.startswith(("05", "06")):
            source = next(c.source for c in nbformat.read(path, as_version=4).cells if "parameters" in c.metadata.get("tags", []))
            assert 'CORPUS = "data/raw/politburo-monthly"' in source, path.name


def empty_tables(notebook: nbformat.NotebookNode) -> list[str]:
    """Header-only HTML tables in the outputs (an empty result must say so in a line instead)."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            if "<table" in html and "<td" not in html:
                found.append(f"cell {index}")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_on_bundled_speech(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    notebook = execute(path, REPO / "data" / "raw" / "county", monkeypatch, tmp_path)
    assert problems(notebook) == []
    assert empty_tables(notebook) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_on_its_default_corpus(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    notebook = execute(path, None, monkeypatch, tmp_path)
    assert problems(notebook) == []
    assert empty_tables(notebook) == []
    if path.stem.startswith(("05", "06")):
        assert images(notebook) >= 2  # the monthly series draws its trend charts
    if path.stem.startswith("06"):
        assert (tmp_path / "out" / "briefing.docx").is_file()  # OUT under SPEECH_OUT: nothing in reports/


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_on_monthly_politburo_meetings(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    corpus = require_shared_corpus() / "politburo"
    notebook = execute(path, corpus, monkeypatch, tmp_path, meeting_type="politburo-meeting")
    assert problems(notebook) == []
    if path.stem.startswith(("01", "03", "05", "06", "07")):
        assert images(notebook) >= 1
