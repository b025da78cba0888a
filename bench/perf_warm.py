"""Warm answers as the chat gives them: `Engine(settings).ask(q)` in one process, after one warm-up.

Each corpus is measured in its own process (so their memory does not mix). Per pass: what earlier questions
left in the process is forgotten (the answer module's caches and every memoising `lru_cache` of the
assistant), one warm-up question is asked untimed, then every question is timed; p50/p95 are per pass and
the median over passes is reported. SciFact passes each have their own 100 claims (test claims first, then
the rest of SciFact's claims); the seed passes repeat the dev questions (there are only 141). A last pass
(not in the table; fresh claims for SciFact) wraps the expensive calls to show where a question's time goes.

Corpora: `seed` (corpus/ of the repository indexed into the work dir; the dev questions with their
follow-ups as conversations), `scifact` (the SciFact index built by perf_build.py), `100k` (synth100k.py
from the SciFact index, with the FAISS index today's `hnsw_threshold` picks) and `100k-flat` / `100k-hnsw`
(the same generation with that FAISS index forced). Experiments are suffixes: `+threads` loads and asks
each in a thread of its own, as the chat's workers do; `+faiss1` sets FAISS to one OpenMP thread in the
asking thread; `+fts8` sends only the 8 most specific words of the question to FTS5 (and then also
reports SciFact test nDCG@10 with and without it); `+ftsdf10` drops the words found in more than 10% of
the passages from the FTS5 query (perf_components.py reports its quality).

Run: .venv/bin/python bench/perf_warm.py [--corpora seed,scifact,100k,100k-hnsw+faiss1] [--questions 100]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchlib import (
    PYTHON,
    REPO,
    SCIFACT,
    Report,
    common_args,
    ensure_index,
    ensure_scifact_corpus,
    ensure_seed_index,
    log,
    median,
    percentile,
    scifact_claims_all,
    scifact_dirs,
    seed_conversations,
    spread,
    vm_hwm_mb,
)

TARGETS = {"seed": (25.0, 60.0), "100k": (60.0, None)}


def clear_memo_caches() -> None:
    """Forget what earlier questions taught the process: the answer module's per-corpus caches and every
    memoising `lru_cache` of the assistant's modules (maxsize > 1). One-time loaders (maxsize 1: the stemmer,
    word tables...) are kept, as they are in a chat session after its first question."""
    import assistant.answer as answer_module

    for name in ("_CACHE", "_DOC_STEMS"):
        cache = getattr(answer_module, name, None)
        if cache is not None:
            cache.data.clear()
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("assistant") or module is None:
            continue
        for obj in list(vars(module).values()):
            info = getattr(obj, "cache_info", None)
            if callable(info) and hasattr(obj, "cache_clear"):
                maxsize = info().maxsize
                if maxsize is None or maxsize > 1:
                    obj.cache_clear()


def _apply_experiments(experiments: dict[str, Any]) -> None:
    """Proposals tried by monkeypatching the library in this process only."""
    from assistant.store import IndexStore

    threads = experiments.get("faiss_threads")
    if threads:
        import faiss

        original = IndexStore.dense_search

        def dense_search(self: Any, *args: Any, **kwargs: Any) -> Any:
            faiss.omp_set_num_threads(threads)  # per calling thread in OpenMP: the query worker only
            return original(self, *args, **kwargs)

        IndexStore.dense_search = dense_search  # type: ignore[method-assign]
    terms = experiments.get("fts_terms")
    if terms:
        import assistant.retrieval as retrieval

        retrieval.fts_expression = fts_most_specific(terms)
    share = experiments.get("fts_df")
    if share:
        from perf_components import DocumentFrequencies, pruned_by_df

        original_fts = IndexStore.full_text_search
        frequencies: dict[str, DocumentFrequencies] = {}

        def full_text_search(self: Any, match: str, k: int, allowed: Any = None) -> Any:
            key = str(self.generation)
            if key not in frequencies:  # read once per index, like a cache the store would keep
                frequencies[key] = DocumentFrequencies(self.generation / "store.sqlite", self.manifest.chunks)
            return original_fts(self, pruned_by_df(match, frequencies[key], share), k, allowed)

        IndexStore.full_text_search = full_text_search  # type: ignore[method-assign]


def fts_most_specific(limit: int) -> Any:
    """An `fts_expression` that keeps only the `limit` most specific words (wordfreq), in query order."""
    from assistant import retrieval

    specificity = _specificity_function()

    def fts_expression(text: str) -> str:
        terms = [t.replace('"', "") for t in retrieval.query_terms(text)]
        terms = [t for t in terms if t.strip('"$€£¥%')]
        if len(terms) > limit:
            keep = set(sorted(terms, key=lambda t: -specificity(t))[:limit])
            terms = [t for t in terms if t in keep]
        return " OR ".join(f'"{t}"' for t in terms)

    return fts_expression


def _specificity_function() -> Any:
    import assistant.answer as answer_module

    found = getattr(answer_module, "specificity", None)
    if found is not None:
        return found
    from wordfreq import zipf_frequency

    return lambda term: 7.0 - zipf_frequency(term, "en")


def _worker(
    index: Path,
    corpus: Path,
    passes: list[list[list[str]]],
    warmup: str,
    experiments: dict[str, Any],
    probe: list[list[str]],
) -> dict[str, Any]:
    """In the measuring process: load, then per pass forget, warm up and time; then one instrumented pass."""
    from assistant.config import Settings
    from assistant.engine import Conversation, Engine
    from assistant.retrieval import Retriever
    from assistant.store import IndexStore

    _apply_experiments(experiments)

    def call(fn: Any, *args: Any) -> Any:
        """Directly, or as the chat does: each call in a thread of its own (Textual's thread workers)."""
        if not experiments.get("threads"):
            return fn(*args)
        box: list[Any] = []
        worker = threading.Thread(target=lambda: box.append(fn(*args)))
        worker.start()
        worker.join()
        return box[0]

    started = time.perf_counter()
    engine = Engine(Settings(corpus_dir=corpus, index_dir=index))
    call(engine.load)
    load_s = time.perf_counter() - started

    def one_pass(conversations: list[list[str]]) -> tuple[list[float], int]:
        clear_memo_caches()
        call(engine.ask, warmup, Conversation())  # the warm-up, untimed
        latencies: list[float] = []
        abstained = 0
        for chain in conversations:
            conversation = Conversation()
            for question in chain:
                t0 = time.perf_counter()
                answer = call(engine.ask, question, conversation)
                latencies.append((time.perf_counter() - t0) * 1000)
                abstained += answer.abstained
        return latencies, abstained

    results = []
    for conversations in passes:
        latencies, abstained = one_pass(conversations)
        results.append(
            {
                "p50": percentile(latencies, 50),
                "p95": percentile(latencies, 95),
                "mean": sum(latencies) / len(latencies),
                "max": max(latencies),
                "n": len(latencies),
                "abstained": abstained,
            }
        )

    # Instrumented pass: time spent inside the expensive calls, per question (ms).
    spent: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    encoded: list[int] = []

    def wrap(owner: Any, name: str, label: str, count_texts: bool = False) -> None:
        original = getattr(owner, name)

        def timed(self: Any, *args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                spent[label] += (time.perf_counter() - t0) * 1000
                calls[label] += 1
                if count_texts:
                    encoded.append(len(args[0]))

        setattr(owner, name, timed)

    wrap(Retriever, "encode", "ONNX query encode", count_texts=True)
    wrap(IndexStore, "dense_search", "FAISS dense search")
    wrap(IndexStore, "full_text_search", "FTS5 BM25 search")
    wrap(IndexStore, "chunks", "SQLite chunk rows")
    wrap(IndexStore, "chunk_sentences", "SQLite sentence spans")
    if hasattr(IndexStore, "sentence_vectors"):
        wrap(IndexStore, "sentence_vectors", "SQLite sentence vectors")
    wrap(IndexStore, "get_document", "SQLite whole documents (stems)")
    total_latencies, _ = one_pass(probe)
    questions = len(total_latencies)
    breakdown = {label: round(ms / questions, 2) for label, ms in sorted(spent.items(), key=lambda kv: -kv[1])}
    breakdown["total ask"] = round(sum(total_latencies) / questions, 2)
    breakdown["everything else (composition, stems, wordfreq, pydantic)"] = round(
        breakdown["total ask"] - sum(v for k, v in breakdown.items() if k != "total ask"), 2
    )
    texts_per_question = sum(encoded) / questions if encoded else 0.0
    store = engine._get_retriever().store
    return {
        "load_s": load_s,
        "passes": results,
        "passages": store.manifest.chunks,
        "documents": store.manifest.documents,
        "index_type": store.manifest.index_type,
        "peak_rss_mb": vm_hwm_mb(),
        "breakdown_ms_per_question": breakdown,
        "texts_encoded_per_question": round(texts_per_question, 1),
    }


def measure(
    name: str,
    index: Path,
    corpus: Path,
    passes: list[list[list[str]]],
    warmup: str,
    experiments: dict[str, Any] | None = None,
    probe: list[list[str]] | None = None,
) -> dict[str, Any]:
    log(
        f"warm answers on {name}: {sum(map(len, passes[0]))} questions × {len(passes)} passes"
        + (f" {experiments}" if experiments else "")
    )
    payload = json.dumps(
        {
            "index": str(index),
            "corpus": str(corpus),
            "passes": passes,
            "warmup": warmup,
            "experiments": experiments or {},
            "probe": probe or passes[-1],
        }
    )
    proc = subprocess.run(
        [PYTHON, __file__, "--worker"],
        input=payload,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "TOKENIZERS_PARALLELISM": "false"},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"warm worker for {name} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _current(index: Path, index_type: str | None = None) -> bool:
    """A generation this code can read (a format change since it was written means rebuilding it)."""
    from assistant.store import FORMAT_VERSION, current_generation, read_manifest

    generation = current_generation(index)
    if generation is None:
        return False
    manifest = read_manifest(generation)
    return manifest.format_version == FORMAT_VERSION and index_type in (None, manifest.index_type)


def ensure_100k(workdir: Path, kind: str = "") -> Path:
    """The synthetic 100k index with the FAISS index today's settings choose; kind "flat" or "hnsw" forces one."""
    from synth100k import build_synthetic, faiss_variant

    from assistant.config import Settings

    _, scifact_index = scifact_dirs(workdir)
    out = workdir / "synth100k" / "index"
    threshold = Settings().hnsw_threshold
    expected = "hnsw32" if threshold <= 100_000 else "flat"
    if not _current(out, expected):
        log(f"writing the synthetic 100k-passage index (SciFact replicated, noisy real vectors; {expected})")
        info = build_synthetic(scifact_index, out, hnsw_threshold=threshold)
        log(f"synthetic index: {info}")
    if not kind or expected.startswith(kind):
        return out
    variant = workdir / f"synth100k-{kind}" / "index"
    if not _current(variant, "hnsw32" if kind == "hnsw" else "flat"):
        log(f"building the {kind} variant of the 100k index")
        seconds = faiss_variant(out, variant, hnsw=kind == "hnsw")
        log(f"{kind} FAISS index over 100k built in {seconds:.0f} s")
    return variant


def _quality_worker(job: dict[str, Any]) -> dict[str, Any]:
    """SciFact test retrieval quality (what `assistant eval` reports) with and without an FTS experiment."""
    from assistant import evaluate, retrieval
    from assistant.config import Settings

    beir = Path(job["beir"])
    queries, qrels = evaluate.beir_queries(beir, "test")
    settings = Settings(corpus_dir=Path(job["corpus"]), index_dir=Path(job["index"]))
    retriever = retrieval.Retriever.open(settings)
    ids = list(queries)
    out: dict[str, Any] = {}
    baseline = retrieval.fts_expression
    for label, expression in (
        ("baseline", baseline),
        (f"fts_terms={job['fts_terms']}", fts_most_specific(job["fts_terms"])),
    ):
        retrieval.fts_expression = expression
        ranked = evaluate.rank_documents(retriever, [queries[q] for q in ids])
        out[label] = {
            k: round(v, 4) for k, v in evaluate.retrieval_metrics(dict(zip(ids, ranked, strict=True)), qrels).items()
        }
    retrieval.fts_expression = baseline
    return out


def _experiments_of(mods: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mod in mods:
        if mod.startswith("faiss"):
            out["faiss_threads"] = int(mod[5:])
        elif mod.startswith("ftsdf"):
            out["fts_df"] = int(mod[5:]) / 100
        elif mod.startswith("fts"):
            out["fts_terms"] = int(mod[3:])
        elif mod == "threads":
            out["threads"] = True
        else:
            raise SystemExit(f"unknown experiment {mod!r} (faissN, ftsN, ftsdfN, threads)")
    return out


def main() -> None:
    if "--worker" in sys.argv:
        job = json.loads(sys.stdin.read())
        result = _worker(
            Path(job["index"]), Path(job["corpus"]), job["passes"], job["warmup"], job["experiments"], job["probe"]
        )
        print(json.dumps(result))
        return
    if "--quality-worker" in sys.argv:
        print(json.dumps(_quality_worker(json.loads(sys.stdin.read()))))
        return
    parser = common_args(__doc__ or "")
    parser.add_argument(
        "--corpora",
        default="seed,scifact,100k",
        help="Comma-separated: seed, scifact, 100k, 100k-hnsw, each optionally with experiments "
        "(+faiss1: FAISS searches on one OpenMP thread; +fts8: full-text query of the 8 most "
        "specific words), e.g. 100k-hnsw+faiss1+fts8 (default seed,scifact,100k).",
    )
    parser.add_argument(
        "--questions",
        type=int,
        default=100,
        help="SciFact claims per pass (default 100; each pass has its own claims).",
    )
    args = parser.parse_args()
    report = Report()
    runs = max(args.runs, 5)
    claims = scifact_claims_all()
    if (runs + 1) * args.questions + 1 > len(claims):
        raise SystemExit(f"{runs} passes of {args.questions} claims need more than the {len(claims)} SciFact has")
    claim_passes = [[[c] for c in claims[i * args.questions : (i + 1) * args.questions]] for i in range(runs + 1)]
    holdout = REPO / "eval" / "seed_holdout.jsonl"
    seed_warmup = json.loads(holdout.read_text(encoding="utf-8").splitlines()[0])["question"]
    quality_done: set[int] = set()
    for spec in args.corpora.split(","):
        name, *mods = spec.split("+")
        experiments = _experiments_of(mods)
        if name == "seed":
            corpus, index = ensure_seed_index(args.workdir)
            passes, warmup, probe = [seed_conversations()] * runs, seed_warmup, seed_conversations()
        else:
            corpus = ensure_scifact_corpus(args.workdir)
            _, index = scifact_dirs(args.workdir)
            ensure_index(corpus, index)
            passes, warmup, probe = claim_passes[:runs], claims[-1], claim_passes[runs]
            if name.startswith("100k"):
                index = ensure_100k(args.workdir, name[5:])
        result = measure(spec, index, corpus, passes, warmup, experiments, probe)
        p50 = median([p["p50"] for p in result["passes"]])
        p95 = median([p["p95"] for p in result["passes"]])
        target50, target95 = TARGETS.get(name.split("-")[0], (None, None))
        label = f"{name} ({result['passages']:,} passages, {result['index_type']})"
        if experiments:
            label = "experiment: " + label + " " + " ".join(f"{k}={v}" for k, v in experiments.items())
        report.add(
            "warm ask",
            f"{label}: p50",
            p50,
            "ms",
            target=f"≤ {target50:.0f} ms" if target50 else "",
            met=(p50 <= target50) if target50 else None,
            note=f"{result['passes'][0]['n']} questions × {runs} passes; pass p50s "
            f"{spread([p['p50'] for p in result['passes']])} ms",
        )
        report.add(
            "warm ask",
            f"{label}: p95",
            p95,
            "ms",
            target=f"≤ {target95:.0f} ms" if target95 else "",
            met=(p95 <= target95) if target95 else None,
            note=f"engine load {result['load_s']:.2f} s, peak RSS {result['peak_rss_mb']:.0f} MB; pass p95s "
            f"{spread([p['p95'] for p in result['passes']])} ms",
        )
        report.details[f"warm_{spec}"] = result
        log(f"{spec}: p50 {p50:.1f} ms, p95 {p95:.1f} ms; breakdown {result['breakdown_ms_per_question']}")
        terms = experiments.get("fts_terms")
        if terms and terms not in quality_done:
            quality_done.add(terms)
            corpus_s, index_s = scifact_dirs(args.workdir)
            proc = subprocess.run(
                [PYTHON, __file__, "--quality-worker"],
                capture_output=True,
                text=True,
                cwd=REPO,
                input=json.dumps(
                    {"beir": str(SCIFACT), "corpus": str(corpus_s), "index": str(index_s), "fts_terms": terms}
                ),
            )
            if proc.returncode == 0:
                quality = json.loads(proc.stdout.strip().splitlines()[-1])
                report.details[f"quality_fts{terms}"] = quality
                base, patched = quality["baseline"], quality[f"fts_terms={terms}"]
                report.add(
                    "warm ask",
                    f"experiment fts_terms={terms}: SciFact test nDCG@10",
                    patched["ndcg@10"],
                    "",
                    note=f"baseline {base['ndcg@10']:.4f}; recall@100 {patched['recall@100']:.4f} vs "
                    f"{base['recall@100']:.4f}",
                )
            else:
                log(f"quality check failed: {proc.stderr[-2000:]}")
    report.save(args.json)


if __name__ == "__main__":
    main()
