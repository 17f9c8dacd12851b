"""Packaging: environment.yml and pyproject.toml describe one environment."""

from __future__ import annotations

import re
import tomllib

import yaml

from conftest import REPO


def test_environment_yml_installs_the_project_with_pip() -> None:
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    conda_deps = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_deps = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    # Conda supplies only Python and pip: the dependency list lives in pyproject.toml.
    assert sorted(re.split(r"[<>=]", d)[0] for d in conda_deps) == ["pip", "python"]
    python_spec = next(d for d in conda_deps if d.startswith("python"))
    assert python_spec.replace("python", "") == project["requires-python"]
    assert len(pip_deps) == 1
    match = re.fullmatch(r"-e \.\[([a-z,]+)\]", pip_deps[0])
    assert match and set(match.group(1).split(",")) <= set(project["optional-dependencies"])


def test_client_stack_declared() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=\[]", d)[0].lower() for d in project["dependencies"]}
    assert {"jupyterlab", "pandas", "jieba", "matplotlib", "wordcloud"} <= names
    assert all(re.search(r">=", d) for d in project["dependencies"])


def test_notebooks_stored_without_outputs() -> None:
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        assert '"output_type"' not in notebook.read_text(encoding="utf-8"), notebook.name
