"""How much the ONNX query encoder saves over sentence-transformers, and what it costs in fidelity.

Run: `.venv/bin/python bench/bench_encoder.py [--encoder-dir DIR] [--queries N]`. Without
--encoder-dir the packaged model is exported to a temporary directory first.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from assistant.config import PACKAGED_MODEL  # noqa: E402
from assistant.encoder import QueryEncoder, export_query_encoder, load_sentence_transformer  # noqa: E402

_SUBJECTS = [
    "Hengrui",
    "BeiGene",
    "Akeso",
    "Merck",
    "Summit Therapeutics",
    "AstraZeneca",
    "a Chinese biotech",
    "恒瑞医药",
]
_TOPICS = [
    "the upfront payment for the GLP-1 licence",
    "total milestones in the ivonescimab deal",
    "royalties on ex-China net sales",
    "the territory covered by the ADC agreement",
    "phase 3 data for the PD-1/VEGF bispecific",
    "NMPA approval timing",
    "the $5.36bn headline value",
    "equity stake taken by the partner",
]
_FORMS = [
    "What was {t} agreed by {s}?",
    "How much did {s} receive for {t}",
    "{s}: {t}",
    "Tell me about {t} involving {s} and why it matters for China–West licensing in 2024.",
    "{t}?",
]


def queries(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(_FORMS).format(s=rng.choice(_SUBJECTS), t=rng.choice(_TOPICS)) for _ in range(count)]


def cold_load_seconds(encoder_dir: Path, runs: int) -> tuple[list[float], list[float]]:
    """Fresh interpreter each run: import + QueryEncoder.load, and the first encode after it."""
    code = (
        "import time; t0 = time.perf_counter()\n"
        "from pathlib import Path\n"
        "from assistant.encoder import QueryEncoder\n"
        f"e = QueryEncoder.load(Path({str(encoder_dir)!r}))\n"
        "t1 = time.perf_counter(); e.encode_one('what was the upfront payment?'); t2 = time.perf_counter()\n"
        "print(t1 - t0, t2 - t1)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    loads, firsts = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
        )
        load, first = (float(x) for x in out.stdout.split())
        loads.append(load)
        firsts.append(first)
    return loads, firsts


def per_query_ms(encode: Callable[[str], object], texts: list[str]) -> list[float]:
    for text in texts[:10]:  # warm-up
        encode(text)
    times = []
    for text in texts:
        t = time.perf_counter()
        encode(text)
        times.append((time.perf_counter() - t) * 1000)
    return times


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--encoder-dir", type=Path, default=None)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        encoder_dir = args.encoder_dir
        if encoder_dir is None:
            encoder_dir = Path(tmp) / "query_encoder"
            t = time.perf_counter()
            export_query_encoder(PACKAGED_MODEL, encoder_dir)
            print(f"export (incl. loading sentence-transformers): {time.perf_counter() - t:.1f} s")
        size_mb = sum(p.stat().st_size for p in encoder_dir.iterdir()) / 1e6

        loads, firsts = cold_load_seconds(encoder_dir, args.runs)

        texts = queries(args.queries)
        onnx = QueryEncoder.load(encoder_dir)
        model = load_sentence_transformer(PACKAGED_MODEL)
        onnx_ms = per_query_ms(onnx.encode_one, texts)
        st_ms = per_query_ms(lambda q: model.encode([q], normalize_embeddings=True, show_progress_bar=False), texts)

        got = onnx.encode(texts)
        expected = np.asarray(model.encode(texts, normalize_embeddings=True, show_progress_bar=False), dtype=np.float32)
        deviation = float(np.max(np.abs(1.0 - np.sum(got * expected, axis=1))))

    rows = [
        (
            f"import + QueryEncoder.load, fresh process (median of {args.runs})",
            f"{statistics.median(loads) * 1000:.0f} ms",
        ),
        ("first encode after load, same process (median)", f"{statistics.median(firsts) * 1000:.1f} ms"),
        (
            f"ONNX encode_one, median / p95 ({len(texts)} queries)",
            f"{statistics.median(onnx_ms):.2f} / {p95(onnx_ms):.2f} ms",
        ),
        (
            "sentence-transformers encode, median / p95",
            f"{statistics.median(st_ms):.2f} / {p95(st_ms):.2f} ms",
        ),
        ("max |1 - cosine|, ONNX vs sentence-transformers", f"{deviation:.2e}"),
    ]
    print(f"encoder directory: {size_mb:.1f} MB, {os.cpu_count()} CPUs")
    print()
    print(f"{'measure':<55} {'value':>18}")
    print("-" * 74)
    for name, value in rows:
        print(f"{name:<55} {value:>18}")


if __name__ == "__main__":
    main()
