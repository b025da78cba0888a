"""Chat ready-to-answer time: from launching the chat to the app being able to answer.

The app signals readiness by setting `ChatApp.ready` (and the status bar to "● Ready") when its `load_engine`
worker posts `EngineLoaded`. Two measurements, each in a new process, wall time from just before the launch:
- `pilot`: a fresh interpreter imports the TUI, constructs `ChatApp(settings)` and runs it with
  `App.run_test()` (headless) until `app.ready`; reports launch → ready and construction → ready;
- `pty`: the real `assistant chat` under a pseudo-terminal (100×32), launch → "Ready" drawn on the screen.

With --experiments, also the pty launch of a variant that starts `Engine.load()` in a thread before importing
the TUI (the proposal for this target).

Run: .venv/bin/python bench/perf_chat.py [--runs 5] [--corpora seed,scifact] [--experiments]
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path
from typing import Any

from benchlib import (
    ASSISTANT,
    PYTHON,
    REPO,
    Report,
    common_args,
    ensure_index,
    ensure_scifact_corpus,
    ensure_seed_index,
    log,
    median,
    scifact_dirs,
    spread,
)

PILOT = r"""
import asyncio, json, sys, time
launched = float(sys.argv[3])
t0 = time.time()
from pathlib import Path
from assistant.config import Settings
from assistant.tui.app import ChatApp
imported = time.time()

async def main():
    app = ChatApp(Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2])), deterministic=True)
    constructed = time.time()
    first = None
    async with app.run_test(size=(100, 32)) as pilot:
        while not app.ready:
            if first is None and app.screen.is_mounted:
                first = time.time()
            await pilot.pause(0.005)
            if time.time() - constructed > 120:
                raise SystemExit("not ready after 120 s")
        ready = time.time()
    print(json.dumps({"launch_to_ready": ready - launched, "construct_to_ready": ready - constructed,
                      "interpreter_start": t0 - launched, "imports": imported - t0,
                      "launch_to_mounted": (first or ready) - launched}))

asyncio.run(main())
"""

PRELOAD = r"""
import sys, threading
from pathlib import Path
from assistant.config import Settings
from assistant.engine import Engine
engine = Engine(Settings(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2])))
threading.Thread(target=engine.load, daemon=True).start()  # the proposal: load while Textual imports
from assistant.tui.app import ChatApp
ChatApp(engine=engine).run()
"""
"""Experiment: what `assistant chat` would do if it started loading the engine before importing the TUI."""

_ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def pilot_run(corpus: Path, index: Path) -> dict[str, float]:
    launched = time.time()
    proc = subprocess.run(
        [PYTHON, "-c", PILOT, str(corpus), str(index), repr(launched)], capture_output=True, text=True, cwd=REPO
    )
    if proc.returncode != 0:
        raise RuntimeError(f"pilot run failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def pty_run(corpus: Path, index: Path, timeout: float = 60.0, preload: bool = False) -> dict[str, float]:
    """`assistant chat` on a pseudo-terminal; seconds until "Ready" is drawn, and until anything is drawn."""
    command = (
        [PYTHON, "-c", PRELOAD, str(corpus), str(index)]
        if preload
        else [ASSISTANT, "chat", "--corpus", str(corpus), "--index", str(index)]
    )
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
    launched = time.perf_counter()
    proc = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=REPO, start_new_session=True)
    os.close(slave)
    screen = ""
    first_paint = ready = None
    try:
        while time.perf_counter() - launched < timeout:
            readable, _, _ = select.select([master], [], [], 0.05)
            if not readable:
                if proc.poll() is not None:
                    break
                continue
            try:
                data = os.read(master, 65536).decode("utf-8", "replace")
            except OSError:
                break
            screen += data
            text = _ANSI.sub("", screen)
            if first_paint is None and "Loading the index" in text:
                first_paint = time.perf_counter() - launched
            if "Ready" in text:
                ready = time.perf_counter() - launched
                break
    finally:
        try:
            os.write(master, b"\x11")  # ctrl+q
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        os.close(master)
    if ready is None:
        raise RuntimeError(f"the chat never showed Ready; last output: {_ANSI.sub('', screen)[-800:]!r}")
    return {"launch_to_ready": ready, "launch_to_first_paint": first_paint or float("nan")}


def main() -> None:
    parser = common_args(__doc__ or "")
    parser.add_argument("--corpora", default="seed,scifact", help="seed and/or scifact (default both).")
    parser.add_argument(
        "--experiments",
        action="store_true",
        help="Also launch with the engine loading in a thread started before the TUI imports.",
    )
    args = parser.parse_args()
    report = Report()
    for name in args.corpora.split(","):
        if name == "seed":
            corpus, index = ensure_seed_index(args.workdir)
        else:
            corpus = ensure_scifact_corpus(args.workdir)
            _, index = scifact_dirs(args.workdir)
            ensure_index(corpus, index)
        pilot_run(corpus, index)  # untimed: page cache
        pilots: list[dict[str, float]] = []
        ptys: list[dict[str, float]] = []
        preloads: list[float] = []
        for i in range(max(args.runs, 5)):
            pilots.append(pilot_run(corpus, index))
            ptys.append(pty_run(corpus, index))
            if args.experiments:
                preloads.append(pty_run(corpus, index, preload=True)["launch_to_ready"])
            log(
                f"chat {name} run {i + 1}: pilot launch→ready {pilots[-1]['launch_to_ready']:.2f} s, "
                f"pty launch→Ready {ptys[-1]['launch_to_ready']:.2f} s"
                + (f", with the engine preloaded {preloads[-1]:.2f} s" if preloads else "")
            )
        values: dict[str, Any] = {k: [p[k] for p in pilots] for k in pilots[0]}
        values.update({f"pty_{k}": [p[k] for p in ptys] for k in ptys[0]})
        target = name == "seed"
        pty_ready = median(values["pty_launch_to_ready"])
        pilot_ready = median(values["launch_to_ready"])
        report.add(
            "chat",
            f"{name}: assistant chat (pty) launch → Ready",
            pty_ready,
            "s",
            target="≤ 1.5 s" if target else "",
            met=(pty_ready <= 1.5) if target else None,
            note=f"{spread(values['pty_launch_to_ready'])} s; first paint at "
            f"{median(values['pty_launch_to_first_paint']):.2f} s",
        )
        report.add(
            "chat",
            f"{name}: run_test() launch → app.ready",
            pilot_ready,
            "s",
            target="≤ 1.5 s" if target else "",
            met=(pilot_ready <= 1.5) if target else None,
            note=f"imports {median(values['imports']):.2f} s, construction → ready "
            f"{median(values['construct_to_ready']):.2f} s",
        )
        if preloads:
            values["pty_preload_launch_to_ready"] = preloads
            pre = median(preloads)
            report.add(
                "chat",
                f"{name}: experiment, engine load started before the TUI imports (pty)",
                pre,
                "s",
                target="≤ 1.5 s" if target else "",
                met=(pre <= 1.5) if target else None,
                note=f"{spread(preloads)} s; median of per-run ratios to the plain launch "
                f"{median([a / b for a, b in zip(preloads, values['pty_launch_to_ready'], strict=True)]):.2f}",
            )
        report.details[f"chat_{name}"] = {k: [round(x, 3) for x in v] for k, v in values.items()}
    report.save(args.json)


if __name__ == "__main__":
    main()
