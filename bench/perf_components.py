"""The expensive pieces of a warm answer, and proposed replacements, timed side by side in one process.

Separate warm runs cannot compare two variants on a shared machine (the load moves between runs), so here
every variant runs on the same question back to back, alternating, and the table reports medians and the
median of per-question ratios. Pieces, on the 100k synthetic index and on SciFact (or --index ...):
- full text (FTS5 BM25, 100 candidates): the current OR-of-every-content-word query; the 8 most specific
  words only; and words found in at most 5% (10%) of the passages only (document frequencies, fts5vocab);
- dense search (FAISS, 100 candidates) from a thread other than the one that opened the index (as in the
  chat, whose load and ask workers are different threads), with and without `faiss.omp_set_num_threads(1)`
  in the asking thread;
- the ONNX encoder: the question alone, and the question plus the answer's 3 leading sentences.
With --quality, SciFact test nDCG@10 / recall@100 of the pruned full-text queries (document-level ranking,
as `assistant eval`). With --update-cost, the seconds to write the next generation of the 100k index after
adding one article (everything `assistant index` does after embedding it), with HNSW and with flat FAISS.

Run: .venv/bin/python bench/perf_components.py [--questions 100] [--quality] [--update-cost]
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from benchlib import Report, common_args, log, median, scifact_claims_all, scifact_dirs

_TERM = re.compile(r'"([^"]*)"')


class DocumentFrequencies:
    """Passages containing each indexed (stemmed) term, read once from an fts5vocab table."""

    def __init__(self, db_path: Path, passages: int) -> None:
        import Stemmer

        db = sqlite3.connect(":memory:")
        db.execute("ATTACH DATABASE ? AS store", (f"file:{db_path}?mode=ro",))
        db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(store, chunks_fts, 'row')")
        self.df = dict(db.execute("SELECT term, doc FROM temp.vocab"))
        db.close()
        self.passages = max(1, passages)
        self._stem = Stemmer.Stemmer("porter").stemWord

    def share(self, word: str) -> float:
        return self.df.get(self._stem(word.lower()), 0) / self.passages


def pruned_by_df(match: str, frequencies: DocumentFrequencies, limit: float, keep: int = 3) -> str:
    """Drop the words of an FTS OR-query found in more than `limit` of the passages (keeping the `keep`
    rarest if fewer would remain)."""
    terms = _TERM.findall(match)
    rare = [t for t in terms if frequencies.share(t) <= limit]
    if len(rare) < min(keep, len(terms)):
        rare = sorted(terms, key=frequencies.share)[:keep]
        rare = [t for t in terms if t in rare]
    return " OR ".join(f'"{t}"' for t in rare)


def most_specific(match: str, limit: int) -> str:
    from perf_warm import _specificity_function

    specificity = _specificity_function()
    terms = _TERM.findall(match)
    if len(terms) > limit:
        keep = set(sorted(terms, key=lambda t: -specificity(t))[:limit])
        terms = [t for t in terms if t in keep]
    return " OR ".join(f'"{t}"' for t in terms)


def _timed(fn: Any, *args: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn(*args)
    return (time.perf_counter() - t0) * 1000, out


def _in_thread(fn: Any, *args: Any) -> tuple[float, Any]:
    box: list[tuple[float, Any]] = []
    worker = threading.Thread(target=lambda: box.append(_timed(fn, *args)))
    worker.start()
    worker.join()
    return box[0]


def components(index: Path, claims: list[str], runs: int) -> dict[str, Any]:
    import faiss

    from assistant.config import Settings
    from assistant.retrieval import Retriever, fts_expression

    retriever = Retriever.open(Settings(index_dir=index))
    store = retriever.store
    opener = threading.Thread(target=lambda: store.faiss_index)  # opened in another thread, as the chat does
    opener.start()
    opener.join()
    frequencies = DocumentFrequencies(store.generation / "store.sqlite", store.manifest.chunks)
    times: dict[str, list[float]] = {}
    overlap: dict[str, list[float]] = {}

    def note(label: str, ms: float) -> None:
        times.setdefault(label, []).append(ms)

    def dense_default(vector: Any) -> Any:
        return store.dense_search(vector, 100)

    def dense_one_thread(vector: Any) -> Any:
        faiss.omp_set_num_threads(1)
        return store.dense_search(vector, 100)

    vectors = {claim: retriever.encode([claim]) for claim in claims}
    for _ in range(runs):
        for claim in claims:
            match = fts_expression(claim)
            variants = {
                "FTS5: every content word (now)": match,
                "FTS5: the 8 most specific words": most_specific(match, 8),
                "FTS5: words in ≤ 5% of passages": pruned_by_df(match, frequencies, 0.05),
                "FTS5: words in ≤ 10% of passages": pruned_by_df(match, frequencies, 0.10),
            }
            results = {}
            for label, expression in variants.items():
                ms, hits = _timed(store.full_text_search, expression, 100)
                note(label, ms)
                results[label] = {c for c, _ in hits}
            base = results["FTS5: every content word (now)"]
            for label, got in results.items():
                overlap.setdefault(label, []).append(len(got & base) / max(1, len(base)))
            note("FAISS from another thread (now)", _in_thread(dense_default, vectors[claim])[0])
            note(
                "FAISS from another thread, 1 OpenMP thread set in it", _in_thread(dense_one_thread, vectors[claim])[0]
            )
            note("ONNX: the question alone", _timed(retriever.encode, [claim])[0])
            sentences = [claim[: len(claim) // 2], claim[len(claim) // 2 :], claim]
            note("ONNX: question + 3 sentences (refine)", _timed(retriever.encode, [claim, *sentences])[0])
    return {
        "passages": store.manifest.chunks,
        "index_type": store.manifest.index_type,
        "median_ms": {k: median(v) for k, v in times.items()},
        "ratio_to_now": {
            k: median([a / b for a, b in zip(v, times[_baseline(k)], strict=True)]) for k, v in times.items()
        },
        "top100_overlap_with_now": {k: median(v) for k, v in overlap.items()},
    }


def _baseline(label: str) -> str:
    if label.startswith("FTS5"):
        return "FTS5: every content word (now)"
    if label.startswith("FAISS"):
        return "FAISS from another thread (now)"
    return "ONNX: the question alone"


def quality(corpus: Path, index: Path, limits: tuple[float, ...]) -> dict[str, Any]:
    from benchlib import SCIFACT

    from assistant import evaluate, retrieval
    from assistant.config import Settings

    queries, qrels = evaluate.beir_queries(SCIFACT, "test")
    retriever = retrieval.Retriever.open(Settings(corpus_dir=corpus, index_dir=index))
    frequencies = DocumentFrequencies(retriever.store.generation / "store.sqlite", retriever.store.manifest.chunks)
    ids = list(queries)
    original = retrieval.fts_expression
    out = {}
    variants: list[tuple[str, Any]] = [
        ("every content word (now)", original),
        ("8 most specific words", lambda text: most_specific(original(text), 8)),
    ]
    for share in limits:
        variants.append(
            (f"words in ≤ {share:.0%} of passages", lambda text, s=share: pruned_by_df(original(text), frequencies, s))
        )
    for label, expression in variants:
        retrieval.fts_expression = expression
        ranked = evaluate.rank_documents(retriever, [queries[q] for q in ids])
        metrics = evaluate.retrieval_metrics(dict(zip(ids, ranked, strict=True)), qrels)
        out[label] = {k: round(v, 4) for k, v in metrics.items()}
    retrieval.fts_expression = original
    return out


def update_write_cost(index: Path, runs: int) -> dict[str, Any]:
    """Seconds to write the next generation after adding one document (an existing one under a new path, with
    its own vectors), i.e. what `assistant index` spends after embedding an added article: SQLite copy, FTS,
    vectors and the FAISS index rebuilt from all vectors. Written into a scratch folder; `index` is untouched."""
    import shutil
    import tempfile

    from assistant.config import Settings
    from assistant.store import GenerationWriter, IndexStore

    store = IndexStore.open(index)
    path = store.db.execute("SELECT path FROM documents ORDER BY path LIMIT 1").fetchone()[0]
    document = store.get_document(path).model_copy(update={"path": "zz-added/" + path})
    chunks = [c.model_copy(update={"document": document.path}) for c in store.chunks_of(path)]
    ids = [c.id for c in store.chunks_of(path)]
    spans = store.chunk_sentences(ids)
    sentence_vectors = store.sentence_vectors(ids)
    position = {int(i): p for p, i in enumerate(store.ids)}
    vectors = store.vectors()[[position[i] for i in ids]]
    times = []
    for _ in range(runs):
        scratch = Path(tempfile.mkdtemp(prefix="bench-update-"))
        try:
            t0 = time.perf_counter()
            writer = GenerationWriter(scratch, store.generation, dimension=store.manifest.dimension)
            writer.add_document(
                document, 1, 0, chunks, [spans[i] for i in ids], vectors, [sentence_vectors[i] for i in ids]
            )
            documents, passages = writer.counts()
            manifest = store.manifest.model_copy(update={"documents": documents, "chunks": passages})
            writer.commit(manifest, Settings().hnsw_threshold if store.manifest.index_type != "flat" else 10**12)
            times.append(time.perf_counter() - t0)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return {"passages": store.manifest.chunks, "index_type": store.manifest.index_type, "seconds": times}


def main() -> None:
    parser = common_args(__doc__ or "")
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument(
        "--index", type=Path, action="append", help="Repeatable; default: the synthetic 100k and SciFact indexes."
    )
    parser.add_argument("--quality", action="store_true", help="Also SciFact test quality of the FTS variants.")
    parser.add_argument(
        "--update-cost",
        action="store_true",
        help="Also the cost of writing a generation after adding one article to the 100k index (HNSW and flat).",
    )
    args = parser.parse_args()
    indexes = args.index or [args.workdir / "synth100k" / "index", scifact_dirs(args.workdir)[1]]
    claims = scifact_claims_all()[-args.questions - 1 : -1]
    report = Report()
    for index in indexes:
        log(f"components on {index}: {len(claims)} claims × {args.runs} rounds, variants interleaved")
        result = components(index, claims, max(1, args.runs))
        label = f"{result['passages']:,} passages, {result['index_type']}"
        for key, ms in result["median_ms"].items():
            note = f"median per-question ratio to now {result['ratio_to_now'][key]:.2f}"
            if key in result["top100_overlap_with_now"]:
                note += f"; top-100 overlap with now {result['top100_overlap_with_now'][key]:.2f}"
            report.add("components", f"{label}: {key}", ms, "ms", note=note)
        report.details[f"components_{result['passages']}"] = result
        log(json.dumps(result["median_ms"]))
    if args.update_cost:
        for index in [args.workdir / "synth100k" / "index", args.workdir / "synth100k-flat" / "index"]:
            if not (index / "CURRENT").exists():
                continue
            log(f"writing one added document's generation over {index}")
            cost = update_write_cost(index, max(1, min(args.runs, 3)))
            report.details[f"update_cost_{cost['index_type']}"] = cost
            report.add(
                "components",
                f"{cost['passages']:,} passages, {cost['index_type']}: write the generation after adding one article",
                median(cost["seconds"]),
                "s",
                note=f"{len(cost['seconds'])} runs; SQLite copy + FTS + vectors + FAISS rebuilt (no embedding)",
            )
    if args.quality:
        corpus, scifact_index = scifact_dirs(args.workdir)
        log("SciFact test quality of the full-text variants")
        q = quality(corpus, scifact_index, (0.05, 0.10))
        report.details["components_quality"] = q
        for key, metrics in q.items():
            report.add(
                "components",
                f"SciFact test nDCG@10, full text = {key}",
                metrics["ndcg@10"],
                "",
                note=f"recall@100 {metrics['recall@100']:.4f}",
            )
    report.save(args.json)


if __name__ == "__main__":
    main()
