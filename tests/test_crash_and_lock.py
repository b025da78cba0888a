"""`kill -9` at any moment of `assistant index` loses nothing; two writers never interleave."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from assistant.config import Settings
from assistant.indexer import update_index
from assistant.retrieval import Retriever
from assistant.store import current_generation
from tests.conftest import assistant_cmd, cli_env

TOPICS = [
    "oncology",
    "immunology",
    "obesity",
    "ADC",
    "bispecific",
    "cell therapy",
    "gene therapy",
    "vaccines",
]


def write_articles(corpus: Path, n: int) -> None:
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        body = "\n".join(
            f"Company {i}-{j} licensed a {topic} asset to a Western partner for ${100 + i + j}m upfront, "
            f"with milestones tied to trials in {2020 + j % 6} and regulatory filings in China and the US."
            for j in range(12)
        )
        (corpus / f"generated-{i:03d}.md").write_text(
            f"---\ntitle: Generated test article {i} on {topic}\npublished: 2026-01-{1 + i % 28:02d}\n---\n\n{body}\n",
            encoding="utf-8",
        )


def assert_seed_index_serves(settings: Settings, generation: Path | None) -> None:
    assert current_generation(settings.index_dir) == generation
    hits = Retriever.open(settings).search("Novartis Argo deal value")
    assert "$5.36bn" in hits[0].chunk.text
    assert Retriever.open(settings).store.manifest.documents == 1


def _kill_when(proc: subprocess.Popen[bytes], condition, timeout: float = 120.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if condition():
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.01)
    proc.kill()
    return False


def test_sigkill_at_any_moment_keeps_the_old_index_and_the_rerun_completes(seed_copy: Settings) -> None:
    """Kill the same build three times (model loading, embedding, writing the new generation)."""
    # Enough articles that the build outlasts the embedding kill on a fast machine (80 take about 11 s here).
    write_articles(seed_copy.corpus_dir, 80)
    before = current_generation(seed_copy.index_dir)
    moments = {
        "loading": lambda started: time.monotonic() - started > 1.0,
        "embedding": lambda started: time.monotonic() - started > 5.0,
        "writing": lambda started: any(seed_copy.index_dir.glob(".build-*")),
    }
    for moment, condition in moments.items():
        started = time.monotonic()
        proc = subprocess.Popen(
            assistant_cmd("index", "--json"),
            env=cli_env(seed_copy),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        killed = _kill_when(proc, lambda c=condition, s=started: c(s))
        assert killed, f"the build finished before the {moment} kill; make the corpus larger"
        assert_seed_index_serves(seed_copy, before)
    report = update_index(seed_copy)
    assert report.documents_total == 81
    assert report.added == 80
    assert not list(seed_copy.index_dir.glob(".build-*"))
    hits = Retriever.open(seed_copy).search("Company 7-3 licensed")
    assert hits and hits[0].chunk.document.startswith("generated-")


def test_two_writers_at_once_both_finish_and_agree(seed_copy: Settings) -> None:
    write_articles(seed_copy.corpus_dir, 8)
    procs = [
        subprocess.Popen(
            assistant_cmd("index", "--json"),
            env=cli_env(seed_copy),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outputs]
    import json

    reports = sorted((json.loads(o[0]) for o in outputs), key=lambda r: r["chunks_embedded"])
    # One did the work; the other waited for the lock, then found nothing left to do.
    assert reports[0]["chunks_embedded"] == 0 and reports[0]["unchanged"] == 9
    assert reports[1]["added"] == 8
    assert Retriever.open(seed_copy).store.manifest.documents == 9


def test_a_locked_index_is_a_one_line_error(seed_copy: Settings) -> None:
    from filelock import FileLock

    (seed_copy.corpus_dir / "x.md").write_text("---\ntitle: X\n---\n\nA new article.\n", encoding="utf-8")
    with FileLock(str(seed_copy.index_dir / ".lock")):
        proc = subprocess.run(
            assistant_cmd("index"),
            env=cli_env(seed_copy, ASSISTANT_LOCK_TIMEOUT="0.2"),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: another process is updating the index")
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
