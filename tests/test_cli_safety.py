"""The command line under stress: outputs are a set, runs into one folder are kept apart, SIGTERM stops the
workers, expected failures end in one line (never a traceback), and CSV cells are Excel-safe."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "county" / "county-party-secretary_monthly-meeting_august.txt"


@pytest.fixture(scope="session")
def slow_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough text that a cold run takes many seconds: 24 speeches of 40 unique copies of the sample each."""
    folder = tmp_path_factory.mktemp("slow") / "corpus"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(24):
        (folder / f"2024-{i % 12 + 1:02d}_speech-{i:02d}.txt").write_text(
            "\n".join(f"{text}\n第{i}篇第{k}份。" for k in range(40)), encoding="utf-8"
        )
    return folder


def _start(*args: str, cache: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPEECH_ANALYSIS_CACHE": str(cache)}
    return subprocess.Popen([sys.executable, "-m", "analysis", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, timeout: float = 90) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".zh-speech-analysis.lock"}


def _staging(out: Path) -> list[Path]:
    return list(out.parent.glob(f".{out.name}.partial-*"))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc (Linux)")
def test_sigterm_stops_the_pool_workers(slow_corpus: Path, tmp_path: Path) -> None:
    run = _start("run", str(slow_corpus), "--out", str(tmp_path / "out"), "--workers", "2", "--quiet", cache=tmp_path / "cache")
    try:
        assert _wait_for(lambda: len(_children(run.pid)) >= 2), "no workers started"
        time.sleep(1.0)  # workers busy
        workers = _children(run.pid)
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=30)
        assert _wait_for(lambda: not any(_alive(w) for w in workers), timeout=15), "workers left behind"
    finally:
        os.killpg(run.pid, signal.SIGKILL) if run.poll() is None else None
        for pid in _children(run.pid):
            os.kill(pid, signal.SIGKILL)


def test_an_interrupted_run_leaves_the_old_outputs_whole(slow_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["run", str(SAMPLE), "--out", str(out), "--quiet", "--no-cache"]) == 0
    before = _snapshot(out)
    run = _start("run", str(slow_corpus), "--out", str(out), "--workers", "1", "--quiet", "--no-cache", cache=tmp_path / "cache")
    try:
        started = time.time()
        # Killed once it has begun writing (its staging folder, or today's tokens.parquet in --out, has new bytes).
        assert _wait_for(lambda: any((s / "tokens.parquet").exists() for s in _staging(out))
                         or (out / "tokens.parquet").stat().st_mtime > started or run.poll() is not None)
        run.kill()
        run.wait(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
    assert _snapshot(out) == before
    assert main(["run", str(SAMPLE), "--out", str(out), "--quiet", "--no-cache"]) == 0
    assert _staging(out) == []  # the killed run's staging folder is removed by the next run


def test_a_second_run_into_the_same_folder_is_refused(slow_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    first = _start("run", str(slow_corpus), "--out", str(out), "--workers", "1", "--quiet", "--no-cache", cache=tmp_path / "cache")
    try:
        assert _wait_for(lambda: bool(_staging(out)) or first.poll() is not None)
        assert first.poll() is None, first.communicate()
        assert main(["run", str(SAMPLE), "--out", str(out), "--quiet", "--no-cache"]) == 1
        err = capsys.readouterr().err
        assert "another run is writing into this folder" in err and "Traceback" not in err
    finally:
        first.kill()
        first.wait(timeout=30)


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "abc"])
def test_max_mb_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["run", str(SAMPLE), "--max-mb", value])
    assert exited.value.code == 2
    assert "--max-mb" in capsys.readouterr().err


def _one_line_failure(argv: list[str], capsys: pytest.CaptureFixture, expected: str) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and expected in err, err


def test_out_is_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "taken").write_text("mine", encoding="utf-8")
    _one_line_failure(["run", str(SAMPLE), "--out", str(tmp_path / "taken"), "--quiet"], capsys, "exists and is not a folder")
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "mine"


def test_out_not_writable(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]  # root ignores chmod: inject the fault
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    _one_line_failure(["run", str(SAMPLE), "--out", str(tmp_path / "out"), "--quiet"], capsys, "Permission denied")


def test_a_full_disk_is_one_line_and_leaves_no_parquet(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.run.outputs

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(analysis.run.outputs, "csv_write", full)
    out = tmp_path / "out"
    _one_line_failure(["run", str(SAMPLE), "--out", str(out), "--quiet", "--no-cache"], capsys, "No space left on device")
    assert not list(out.glob("*.parquet")) and not _staging(out)


def test_stopwords_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _one_line_failure(["run", str(SAMPLE), "--out", str(tmp_path / "out"), "--stopwords", str(tmp_path), "--quiet", "--no-cache"], capsys,
                      "is a folder")


def test_lexicon_check_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _one_line_failure(["lexicon", "check", str(tmp_path)], capsys, "is a folder, not a lexicon file")


def test_lexicon_with_a_number_for_subthemes(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes:\n  - id: a\n    subthemes: 5\n", encoding="utf-8")
    _one_line_failure(["lexicon", "check", str(bad)], capsys, "'subthemes' must be a list")


def test_unreachable_scheduler_says_so_quickly(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    pytest.importorskip("dask.distributed")
    clock = time.monotonic()
    _one_line_failure(["run", str(SAMPLE), "--out", str(tmp_path / "out"), "--backend", "dask", "--scheduler", "tcp://127.0.0.1:9",
                       "--quiet", "--no-cache"], capsys, "cannot reach the Dask scheduler")
    assert time.monotonic() - clock < 30


def test_csv_cells_are_excel_safe(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "=HYPERLINK(evil).txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "meta.csv").write_text('path,title\n=HYPERLINK(evil).txt,"=HYPERLINK(""http://x"",""点击"")"\n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--quiet", "--no-cache"]) == 0
    text = (out / "corpus.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(\"\"http://x\"\"" in text and "'=HYPERLINK(evil).txt" in text
    for line in text.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
    frame = pd.read_csv(out / "corpus.csv")
    assert pd.api.types.is_integer_dtype(frame["n_chars"])  # numbers stay numbers


def test_kwic_with_a_backtracking_regex_does_not_hang(tmp_path: Path) -> None:
    speech = tmp_path / "speech.txt"
    speech.write_text("县委书记讲话。要抓好落实。" + "a" * 40 + "b\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "analysis", "kwic", str(speech), "--term", "(a+)+$", "--regex"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    assert done.returncode == 0 and done.stdout.splitlines()[0].startswith("doc_id"), done.stderr


def test_kwic_regex_it_cannot_use_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["kwic", str(SAMPLE), "--term", "(?<=全面)从严治党", "--regex"]) == 2
    assert "look-arounds" in capsys.readouterr().err


def test_a_briefing_that_fails_while_writing_leaves_the_old_one_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import analysis.report.write

    out = tmp_path / "brief"
    assert main(["brief", str(SAMPLE), "--out", str(out), "--quiet", "--no-cache"]) == 0
    before = _snapshot(out)
    assert {"briefing.html", "briefing.pdf", "briefing.docx", "tables.xlsx", "corpus.csv"} <= set(before)

    def disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    # Another corpus, so that every table would change; the workbook, written last, fails.
    monkeypatch.setattr(analysis.report.write, "tables_xlsx", disk_full)
    monthly = ROOT / "data" / "raw" / "politburo-monthly"
    assert main(["brief", str(monthly), "--out", str(out), "--quiet", "--no-cache"]) != 0
    assert "Traceback" not in capsys.readouterr().err
    assert _snapshot(out) == before
    assert _staging(out) == []
