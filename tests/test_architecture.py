"""The package's layers and modules stay as docs/architecture.md describes them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from conftest import REPO

LAYERS = ["lexicon", "text", "ingest", "measures", "run", "trends", "charts", "report"]


def test_import_contract_is_kept() -> None:
    """The layers contract in pyproject.toml (also run by `make test` before pytest)."""
    command = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(command), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "1 kept, 0 broken" in done.stdout


def test_no_module_imports_in_a_circle() -> None:
    graph = grimp.build_graph("analysis", cache_dir=None)
    modules = sorted(m for m in graph.modules if m != "analysis")
    circles = []
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != "analysis" and graph.chain_exists(imported=module, importer=imported):
                circles.append((module, imported))
    assert circles == []


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_is_a_package_with_a_docstring(layer: str) -> None:
    init = REPO / "analysis" / layer / "__init__.py"
    assert init.is_file()
    assert init.read_text(encoding="utf-8").lstrip().startswith('"""')


def test_every_module_says_what_it_is_for() -> None:
    missing = [str(p.relative_to(REPO)) for p in (REPO / "analysis").rglob("*.py") if not p.read_text(encoding="utf-8").lstrip().startswith('"""')]
    assert missing == []
