"""Shared fixtures: the bundled county speech and the two shared real corpora.

The shared corpus (234 national texts and the county speech) lives outside
the repository, at ``../shared/corpus`` from the repository root
(``SPEECH_CORPUS_SHARED`` overrides the path); the local corpus (113 city
government work reports of 2024, each as ``.txt`` and ``.docx``) at
``../shared/corpus-local`` (``SPEECH_CORPUS_LOCAL``).  Tests that need either
skip with the reason when it is absent, and fail instead when
``REQUIRE_SHARED_CORPUS=1`` (as in CI).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COUNTY = REPO / "data" / "raw" / "county" / "county-party-secretary_monthly-meeting_august.txt"


def pytest_configure(config: pytest.Config) -> None:
    # Keep the per-speech cache of test runs out of the user's home.
    os.environ.setdefault("SPEECH_ANALYSIS_CACHE", tempfile.mkdtemp(prefix="speech-analysis-cache-"))


def shared_corpus_path() -> Path:
    return Path(os.environ.get("SPEECH_CORPUS_SHARED", REPO.parent / "shared" / "corpus"))


def require_shared_corpus() -> Path:
    """The shared corpus folder, or skip (fail under REQUIRE_SHARED_CORPUS=1)."""
    path = shared_corpus_path()
    if (path / "MANIFEST.tsv").is_file():
        return path
    message = f"shared corpus not found at {path} (set SPEECH_CORPUS_SHARED)"
    if os.environ.get("REQUIRE_SHARED_CORPUS") == "1":
        pytest.fail(message + " and REQUIRE_SHARED_CORPUS=1")
    pytest.skip(message)


def local_corpus_path() -> Path:
    return Path(os.environ.get("SPEECH_CORPUS_LOCAL", REPO.parent / "shared" / "corpus-local"))


def require_local_corpus() -> Path:
    """The local corpus folder (city reports), or skip (fail under REQUIRE_SHARED_CORPUS=1)."""
    path = local_corpus_path()
    if (path / "MANIFEST.tsv").is_file():
        return path
    message = f"local corpus not found at {path} (set SPEECH_CORPUS_LOCAL)"
    if os.environ.get("REQUIRE_SHARED_CORPUS") == "1":
        pytest.fail(message + " and REQUIRE_SHARED_CORPUS=1")
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    return require_shared_corpus()


@pytest.fixture(scope="session")
def local_corpus() -> Path:
    return require_local_corpus()


@pytest.fixture(scope="session")
def county_raw() -> str:
    return COUNTY.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def county_doc():
    from analysis.ingest import document_read

    return document_read(COUNTY, COUNTY.name)


@pytest.fixture(scope="session")
def lexicon():
    from analysis.lexicon import lexicon_default

    return lexicon_default()


@pytest.fixture(scope="session")
def segmenter(lexicon):
    from analysis.text.segment import Segmenter

    return Segmenter(lexicon=lexicon)


@pytest.fixture(scope="session")
def shared_run(tmp_path_factory):
    """One full run over the shared corpus, reused by the integration tests."""
    from analysis.run import corpus_run

    corpus = require_shared_corpus()
    return corpus_run([corpus])
