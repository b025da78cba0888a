"""Exact (IndexFlatIP) vs approximate (HNSW32, as `assistant.store.build_faiss` builds it) at scale.

Synthetic 384-d unit vectors, clustered to look like text embeddings: 2,000 random centres, each point a
centre plus isotropic noise (cosine ~0.67 to its centre), re-normalised. Queries are 200 fresh points of the
same distribution. Search is what the store does: one query at a time, k = 100 (dense_candidates),
efSearch = max(128, k), with FAISS's default OpenMP threads (2 here) and with one. Per size, in its own
process: build seconds (one build), single-query latency p50 (median over --runs passes of all queries; one
pass from 500k on), recall@10 (and @100) of HNSW against exact, and the serialized size in bytes per vector
(the worker's peak RSS holds the data, the flat and the HNSW index at once). From the latencies: the
smallest size at which HNSW answers faster than flat search, per thread count.

HNSW construction is the slow part on 2 cores; the default sizes stop at 200k. --million adds 500k and 1M
(tens of minutes); --max-build-s stops growing once one HNSW build took longer than that, and the larger
sizes are then extrapolated (n log n) and marked as such.

Run: .venv/bin/python bench/perf_faiss.py [--sizes 10000,...] [--million] [--runs 5]
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from typing import Any

from benchlib import PYTHON, REPO, Report, common_args, log, median, percentile, vm_hwm_mb

DIM = 384
CENTRES = 2000
BLOCK = 50_000
QUERIES = 200
K = 100
EF_SEARCH = max(128, K)


def vectors(n: int, seed: int = 0) -> Any:
    """The first n points of one deterministic clustered stream (any prefix has the same distribution)."""
    import numpy as np

    centres = np.random.default_rng(12345).standard_normal((CENTRES, DIM)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    out = np.empty((n, DIM), dtype=np.float32)
    for b, start in enumerate(range(0, n, BLOCK)):
        m = min(BLOCK, n - start)
        rng = np.random.default_rng((seed, b))
        block = centres[rng.integers(0, CENTRES, m)] + rng.normal(0, 1.1 / math.sqrt(DIM), (m, DIM))
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + m] = block
    return out


def _single_query_ms(index: Any, queries: Any, runs: int) -> tuple[float, list[float]]:
    p50s = []
    for _ in range(runs):
        times = []
        for q in queries:
            t0 = time.perf_counter()
            index.search(q[None, :], K)
            times.append((time.perf_counter() - t0) * 1000)
        p50s.append(percentile(times, 50))
    return median(p50s), p50s


def _worker(n: int, runs: int, hnsw: bool, threads: list[int]) -> dict[str, Any]:
    import faiss
    import numpy as np

    data = vectors(n)
    queries = vectors(QUERIES, seed=1)
    runs = runs if n <= 200_000 else 1  # 200 single queries over 500k+ vectors are slow and already stable
    out: dict[str, Any] = {"n": n, "default_threads": faiss.omp_get_max_threads()}
    t0 = time.perf_counter()
    flat = faiss.IndexFlatIP(DIM)
    flat.add(data)
    out["flat_build_s"] = time.perf_counter() - t0
    out["flat_bytes"] = int(faiss.serialize_index(flat).nbytes)
    for t in threads:
        faiss.omp_set_num_threads(t)
        out[f"flat_p50_ms_t{t}"], out[f"flat_p50s_t{t}"] = _single_query_ms(flat, queries, runs)
    faiss.omp_set_num_threads(out["default_threads"])
    _, exact = flat.search(queries, K)
    if hnsw:
        t0 = time.perf_counter()
        index = faiss.IndexHNSWFlat(DIM, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.add(data)
        out["hnsw_build_s"] = time.perf_counter() - t0
        index.hnsw.efSearch = EF_SEARCH
        for t in threads:
            faiss.omp_set_num_threads(t)
            out[f"hnsw_p50_ms_t{t}"], out[f"hnsw_p50s_t{t}"] = _single_query_ms(index, queries, runs)
        faiss.omp_set_num_threads(out["default_threads"])
        _, approx = index.search(queries, K)
        pairs = list(zip(approx, exact, strict=True))
        out["recall@10"] = float(np.mean([len(set(a[:10]) & set(e[:10])) / 10 for a, e in pairs]))
        out["recall@100"] = float(np.mean([len(set(a) & set(e)) / K for a, e in pairs]))
        out["hnsw_bytes"] = int(faiss.serialize_index(index).nbytes)
    out["peak_rss_mb"] = vm_hwm_mb()
    return out


def _spawn(n: int, runs: int, threads: list[int], hnsw: bool = True) -> dict[str, Any]:
    proc = subprocess.run(
        [PYTHON, __file__, "--worker", str(n), str(runs), str(int(hnsw)), ",".join(map(str, threads))],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"faiss worker n={n} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    if "--worker" in sys.argv:
        i = sys.argv.index("--worker")
        n, runs, hnsw = int(sys.argv[i + 1]), int(sys.argv[i + 2]), bool(int(sys.argv[i + 3]))
        print(json.dumps(_worker(n, runs, hnsw, [int(t) for t in sys.argv[i + 4].split(",")])))
        return
    parser = common_args(__doc__ or "")
    parser.add_argument("--sizes", default="5000,10000,20000,50000,100000,200000")
    parser.add_argument("--million", action="store_true", help="Also 500k and 1M (long).")
    parser.add_argument(
        "--threads",
        default="2,1",
        help="OpenMP thread counts to search with (default 2,1: FAISS's default here, and one).",
    )
    parser.add_argument(
        "--max-build-s",
        type=float,
        default=600.0,
        help="Stop growing after an HNSW build longer than this; extrapolate the rest.",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    threads = [int(t) for t in args.threads.split(",")]
    if args.million:
        sizes += [500_000, 1_000_000]
    report = Report()
    results: list[dict[str, Any]] = []
    skipped: list[int] = []
    for n in sizes:
        if results and results[-1].get("hnsw_build_s", 0) > args.max_build_s:
            skipped.append(n)
            continue
        log(f"FAISS n={n}: building flat and HNSW32")
        r = _spawn(n, max(args.runs, 5), threads)
        results.append(r)
        log(
            f"n={n}: "
            + ", ".join(
                f"{t} thread(s): flat {r[f'flat_p50_ms_t{t}']:.2f} ms, HNSW {r[f'hnsw_p50_ms_t{t}']:.2f} ms"
                for t in threads
            )
            + f" per query; HNSW built in {r['hnsw_build_s']:.0f} s, recall@10 {r['recall@10']:.3f}"
        )
    crossover = {
        t: next((r["n"] for r in results if r[f"hnsw_p50_ms_t{t}"] < r[f"flat_p50_ms_t{t}"]), None) for t in threads
    }
    for r in results:
        n = r["n"]
        for t in threads:
            report.add(
                "faiss",
                f"{n:>9,} vectors, {t} thread{'s' if t > 1 else ''}: flat / HNSW search p50",
                r[f"flat_p50_ms_t{t}"],
                "ms",
                note=f"HNSW {r[f'hnsw_p50_ms_t{t}']:.2f} ms; single query, k={K}, efSearch {EF_SEARCH}",
            )
        report.add(
            "faiss",
            f"{n:>9,} vectors: HNSW recall@10 vs exact",
            r["recall@10"],
            "",
            target="≥ 0.95",
            met=r["recall@10"] >= 0.95,
            note=f"recall@100 {r['recall@100']:.3f}; HNSW built in {r['hnsw_build_s']:.1f} s (one build); "
            f"{r['hnsw_bytes'] / n:,.0f} B/vector (flat {r['flat_bytes'] / n:,.0f}); "
            f"worker peak RSS {r['peak_rss_mb']:,.0f} MB",
        )
    for t in threads:
        report.add(
            "faiss",
            f"HNSW faster than flat from ({t} thread{'s' if t > 1 else ''})",
            crossover[t],
            "vectors",
            note="smallest measured size where single-query HNSW p50 < flat p50",
        )
    if skipped and results:
        last = results[-1]
        for n in skipped:
            scale = n * math.log(n) / (last["n"] * math.log(last["n"]))
            report.add(
                "faiss",
                f"{n:>9,} vectors: HNSW build (extrapolated)",
                last["hnsw_build_s"] * scale,
                "s",
                note=f"n log n from {last['n']:,} (not measured)",
            )
    report.details["faiss"] = {
        "results": results,
        "crossover": crossover,
        "skipped": skipped,
        "threads": threads,
        "dim": DIM,
        "k": K,
        "ef_search": EF_SEARCH,
        "centres": CENTRES,
    }
    report.save(args.json)


if __name__ == "__main__":
    main()
