"""Cold `assistant ask`: a new process answering one question from a built index.

Measures, interleaved in the same run: `assistant ask` wall and peak RSS (/usr/bin/time -v), `python -c
"import sentence_transformers"` (the reference the target is a ratio of) and `python -c pass` (the
interpreter alone). With --profile, also where the cold path spends its time: phases timed in a fresh
process and the `-X importtime` breakdown by top-level package.

Run: .venv/bin/python bench/perf_cold.py [--runs 7] [--profile] [--json out.json]
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from benchlib import (
    ASSISTANT,
    PYTHON,
    REPO,
    Report,
    common_args,
    ensure_seed_index,
    log,
    median,
    run_timed,
    seed_conversations,
    spread,
)

PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
import assistant.cli  # what the entry point imports before parsing arguments
t1 = time.perf_counter()
from assistant.config import Settings
from assistant.engine import Conversation, Engine
settings = Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]))
engine = Engine(settings)
t2 = time.perf_counter()
from assistant.store import IndexStore
store = IndexStore.open(settings.index_dir)
t3 = time.perf_counter()
from assistant.encoder import QueryEncoder
encoder = QueryEncoder.load(store.generation.parent / store.manifest.encoder)
t4 = time.perf_counter()
engine.load()
t5 = time.perf_counter()
import assistant.answer, assistant.conversation  # noqa: E401  (imported lazily by Engine.ask)
t6 = time.perf_counter()
answer = engine.ask(sys.argv[3], Conversation())
t7 = time.perf_counter()
answer2 = engine.ask(sys.argv[3], Conversation())
t8 = time.perf_counter()
from assistant.render import answer_plain
answer_plain(answer)
t9 = time.perf_counter()
print(json.dumps({
    "import assistant.cli (typer, click, ...)": t1 - t0,
    "Settings + Engine": t2 - t1,
    "open store (manifest)": t3 - t2,
    "QueryEncoder.load (onnxruntime + tokenizers + session)": t4 - t3,
    "Engine.load (Retriever.open, rest)": t5 - t4,
    "import answer + conversation modules": t6 - t5,
    "first ask (lazy imports, FAISS read, wordfreq, ...)": t7 - t6,
    "same ask again (warm)": t8 - t7,
    "render": t9 - t8,
}))
"""

_IMPORT_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def importtime_breakdown(args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """`python -X importtime`: self time summed per top-level package, and the biggest cumulative imports."""
    result = run_timed([PYTHON, "-X", "importtime", *args], env=env)
    by_package: dict[str, float] = defaultdict(float)
    top_level: list[tuple[float, str]] = []
    for line in result.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if not match:
            continue
        self_us, cumulative_us, indent, name = int(match[1]), int(match[2]), len(match[3]), match[4]
        by_package[name.split(".")[0]] += self_us / 1e6
        if indent <= 1:
            top_level.append((cumulative_us / 1e6, name))
    total = sum(by_package.values())
    return {
        "total_import_s": round(total, 3),
        "wall_s": round(result.wall, 3),
        "self_by_package_s": {k: round(v, 3) for k, v in sorted(by_package.items(), key=lambda kv: -kv[1])[:20]},
        "top_level_cumulative_s": {n: round(s, 3) for s, n in sorted(top_level, reverse=True)[:20]},
    }


def main() -> None:
    parser = common_args(__doc__ or "")
    parser.add_argument("--profile", action="store_true", help="Also break the cold path down (phases, imports).")
    args = parser.parse_args()
    args.runs = max(args.runs, 5)
    corpus, index = ensure_seed_index(args.workdir)
    question = seed_conversations()[0][0]
    ask = [ASSISTANT, "ask", question, "--corpus", str(corpus), "--index", str(index)]
    walls: dict[str, list[float]] = {"ask": [], "st": [], "python": []}
    rss: list[float] = []
    st_rss: list[float] = []
    # One untimed run of each first: the page cache holds the model files and .pyc either way in real use.
    run_timed(ask, cwd=REPO)
    run_timed([PYTHON, "-c", "import sentence_transformers"])
    for i in range(args.runs):
        r = run_timed(ask, cwd=REPO)
        if r.returncode != 0:
            raise RuntimeError(f"assistant ask abstained or failed: {r.stdout}{r.stderr}")
        walls["ask"].append(r.wall)
        rss.append((r.max_rss_kb or 0) / 1024)
        s = run_timed([PYTHON, "-c", "import sentence_transformers"])
        walls["st"].append(s.wall)
        st_rss.append((s.max_rss_kb or 0) / 1024)
        walls["python"].append(run_timed([PYTHON, "-c", "pass"]).wall)
        log(
            f"cold ask run {i + 1}/{args.runs}: ask {walls['ask'][-1]:.2f} s ({rss[-1]:.0f} MB), "
            f"import sentence_transformers {walls['st'][-1]:.2f} s"
        )
    ratios = [a / s for a, s in zip(walls["ask"], walls["st"], strict=True)]
    report = Report()
    ask_med, st_med, ratio_med, rss_med = median(walls["ask"]), median(walls["st"]), median(ratios), median(rss)
    report.add(
        "cold ask",
        "assistant ask, wall (median)",
        ask_med,
        "s",
        target="≤ 1.0 s",
        met=ask_med <= 1.0,
        note=f"{args.runs} runs, {spread(walls['ask'])} s; seed index, one question",
    )
    report.add(
        "cold ask",
        "import sentence_transformers, wall",
        st_med,
        "s",
        note=f"same run, interleaved; {spread(walls['st'])} s; peak RSS {median(st_rss):.0f} MB",
    )
    report.add(
        "cold ask",
        "ask / sentence-transformers import",
        ratio_med,
        "×",
        target="≤ 0.15",
        met=ratio_med <= 0.15,
        note="median of per-pair ratios",
    )
    report.add(
        "cold ask",
        "assistant ask, peak RSS",
        rss_med,
        "MB",
        target="≤ 350 MB",
        met=rss_med <= 350,
        note=f"/usr/bin/time -v; {spread(rss)} MB",
    )
    report.add("cold ask", "python -c pass, wall", median(walls["python"]), "s", note="interpreter start alone")
    report.details["cold"] = {"walls": walls, "rss_mb": rss, "ratios": ratios, "question": question}
    if args.profile:
        log("profiling the cold path: phases")
        phases = []
        for _ in range(3):
            out = run_timed([PYTHON, "-c", PHASES, str(corpus), str(index), question])
            phases.append(json.loads(out.stdout.strip().splitlines()[-1]))
        report.details["cold_phases_s"] = {k: round(median([p[k] for p in phases]), 3) for k in phases[0]}
        log("profiling the cold path: -X importtime")
        report.details["cold_importtime"] = importtime_breakdown(
            ["-m", "assistant", "ask", question, "--corpus", str(corpus), "--index", str(index)]
        )
    report.save(args.json)


if __name__ == "__main__":
    main()
