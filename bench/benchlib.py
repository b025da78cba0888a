"""Shared helpers for the speed and memory benches (bench/perf_*.py, driven by bench/run_all.py).

Every bench script runs as its own process, prints human-readable progress on stderr and, with
`--json PATH`, writes its figures as JSON: a list of table rows plus free-form details. Rows are
`{"section", "metric", "value", "unit", "target", "met", "note"}`; `met` is None when there is no target.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON = sys.executable
ASSISTANT = str(BIN / "assistant")
SCIFACT = Path(os.environ.get("BENCH_SCIFACT", "/work/shared/bench/scifact"))
TIME_BIN = "/usr/bin/time"
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / "assistant-bench"
"""Everything the benches build (corpora, indexes) lives here, never in the repository."""


# --------------------------------------------------------------------------------------------------
# Results


@dataclass
class Row:
    section: str
    metric: str
    value: float | None
    unit: str = ""
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def add(
        self,
        section: str,
        metric: str,
        value: float | None,
        unit: str = "",
        *,
        target: str = "",
        met: bool | None = None,
        note: str = "",
    ) -> None:
        self.rows.append(Row(section, metric, value, unit, target, met, note))

    def save(self, path: Path | None) -> None:
        data = {"rows": [asdict(r) for r in self.rows], "details": self.details, "machine": machine()}
        if path is None:
            print(json.dumps(data, indent=2))
        else:
            path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def log(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


# --------------------------------------------------------------------------------------------------
# Statistics


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100), like numpy's default."""
    if not values:
        return float("nan")
    data = sorted(values)
    pos = (len(data) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return float(data[lo] + (data[hi] - data[lo]) * (pos - lo))


def num(value: float) -> str:
    """A figure with as many digits as it deserves."""
    if value != value:  # NaN
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def spread(values: Sequence[float]) -> str:
    """min..max, for the notes: how noisy a median is."""
    return f"{num(min(values))}..{num(max(values))}" if values else ""


# --------------------------------------------------------------------------------------------------
# Processes


@dataclass
class Timed:
    wall: float
    """Seconds, measured here around the whole child (interpreter start included)."""
    max_rss_kb: int | None
    returncode: int
    cpu_s: float | None
    """User + system CPU seconds of the child (all its threads), from /usr/bin/time."""
    stdout: str
    stderr: str


_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
_CPU = re.compile(r"(?:User|System) time \(seconds\): ([\d.]+)")


def run_timed(
    args: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    stdin: str | None = None,
    check: bool = True,
) -> Timed:
    """Run a command under /usr/bin/time -v (when present) for its peak RSS; wall time is measured here."""
    env_all = {**os.environ, **(env or {})}
    use_time = Path(TIME_BIN).exists()
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as handle:
        time_file = handle.name
    command = [TIME_BIN, "-v", "-o", time_file, *args] if use_time else list(args)
    started = time.perf_counter()
    proc = subprocess.run(command, env=env_all, cwd=cwd, input=stdin, capture_output=True, text=True)
    wall = time.perf_counter() - started
    rss: int | None = None
    cpu: float | None = None
    if use_time:
        text = Path(time_file).read_text(encoding="utf-8", errors="replace")
        match = _RSS.search(text)
        rss = int(match.group(1)) if match else None
        cpu = sum(float(x) for x in _CPU.findall(text)) or None
    Path(time_file).unlink(missing_ok=True)
    if check and proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return Timed(wall, rss, proc.returncode, cpu, proc.stdout, proc.stderr)


def run_json(script: str, args: Sequence[str] = (), env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a helper Python snippet file/module in a fresh interpreter and parse the last stdout line as JSON."""
    proc = subprocess.run(
        [PYTHON, script, *args], env={**os.environ, **(env or {})}, capture_output=True, text=True, cwd=REPO
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{script} {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def vm_hwm_mb() -> float:
    """Peak RSS of this process so far (VmHWM), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def vm_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def interleave(runs: int, *jobs: Callable[[], None]) -> None:
    """Run each job `runs` times, alternating, so drifting machine load hits them alike."""
    for _ in range(runs):
        for job in jobs:
            job()


# --------------------------------------------------------------------------------------------------
# Corpora and indexes the benches share


def scifact_dirs(workdir: Path) -> tuple[Path, Path]:
    return workdir / "scifact" / "corpus", workdir / "scifact" / "index"


def ensure_scifact_corpus(workdir: Path) -> Path:
    from assistant.evaluate import beir_corpus_to_folder

    corpus, _ = scifact_dirs(workdir)
    if not (corpus.is_dir() and any(corpus.iterdir())):
        log(f"writing the SciFact corpus as Markdown into {corpus}")
        beir_corpus_to_folder(SCIFACT, corpus)
    return corpus


def ensure_index(corpus: Path, index: Path) -> None:
    """Build (or bring up to date) an index with the real CLI."""
    from assistant.store import current_generation

    if current_generation(index) is None:
        _reuse_encoder(index)
        log(f"building the index {index} from {corpus}")
    result = run_timed([ASSISTANT, "index", "--corpus", str(corpus), "--index", str(index), "--json"])
    if current_generation(index) is None:
        raise RuntimeError(f"no index was built in {index}: {result.stderr[-2000:]}")


def _reuse_encoder(index: Path) -> None:
    """Hard-link an encoder another bench index already exported for the same model (the indexer reuses an
    existing `encoder-<hash>/` as it does across generations), so each work dir pays the export once."""
    from assistant.config import Settings
    from assistant.indexer import encoder_dir_name

    name = encoder_dir_name(Settings().model)
    if (index / name / "encoder.json").exists():
        return
    for other in index.parent.parent.glob(f"*/index/{name}"):
        if (other / "encoder.json").exists() and not other.is_symlink():
            (index / name).mkdir(parents=True, exist_ok=True)
            for file in other.iterdir():
                os.link(file, index / name / file.name)
            return


def ensure_encoder(index: Path) -> None:
    """The exported query encoder in `index` (reused or exported now), so a measured build never exports."""
    from assistant.config import Settings
    from assistant.indexer import encoder_dir_name

    model = Settings().model
    target = index / encoder_dir_name(model)
    if (target / "encoder.json").exists():
        return
    _reuse_encoder(index)
    if not (target / "encoder.json").exists():
        log(f"exporting the query encoder into {target}")
        subprocess.run(
            [
                PYTHON,
                "-c",
                "import sys; from pathlib import Path; from assistant.encoder import "
                "export_query_encoder; export_query_encoder(sys.argv[1], Path(sys.argv[2]))",
                model,
                str(target),
            ],
            check=True,
            cwd=REPO,
        )


def ensure_seed_index(workdir: Path) -> tuple[Path, Path]:
    """The seed corpus (corpus/ of the repository, read only) indexed into the work dir with today's code."""
    corpus = REPO / "corpus"
    index = workdir / "seed" / "index"
    ensure_index(corpus, index)
    return corpus, index


def scifact_claims(split: str = "test") -> list[str]:
    from assistant.evaluate import beir_queries

    queries, _ = beir_queries(SCIFACT, split)
    return list(queries.values())


def scifact_claims_all() -> list[str]:
    """Every SciFact claim (test ones first, then the others), for passes that must not repeat questions."""
    test = scifact_claims("test")
    seen = set(test)
    rest = []
    with (SCIFACT / "queries_all.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                text = json.loads(line)["text"]
                if text not in seen:
                    seen.add(text)
                    rest.append(text)
    return test + rest


def seed_conversations() -> list[list[str]]:
    """The seed dev questions, each with its follow-ups, as conversations."""
    chains = []
    with (REPO / "eval" / "seed_devset.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                chains.append([item["question"], *(f["question"] for f in item.get("followups", []))])
    return chains


def fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


# --------------------------------------------------------------------------------------------------
# Machine


def _version(module: str) -> str:
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:
        return "?"


def machine() -> dict[str, Any]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = (float("nan"),) * 3

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.rstrip()
        except OSError:
            return "?"

    dirty = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines() if line[3:]]
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "git": git("rev-parse", "--short", "HEAD").strip()
        + (f" + uncommitted changes in {', '.join(dirty)}" if dirty else ""),
        "nproc": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in load],
        "versions": {
            m: _version(m)
            for m in (
                "onnxruntime",
                "faiss-cpu",
                "torch",
                "sentence-transformers",
                "transformers",
                "tokenizers",
                "numpy",
                "textual",
            )
        },
    }


def common_args(description: str) -> Any:
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=DEFAULT_WORKDIR,
        help=f"Where corpora and indexes are built (default {DEFAULT_WORKDIR}).",
    )
    parser.add_argument("--runs", type=int, default=5, help="Repetitions; the median is reported (default 5).")
    parser.add_argument("--json", type=Path, default=None, help="Write the figures here as JSON.")
    return parser
