"""Index builds on SciFact (~5k abstracts): full rebuild, no-op update, adding one article.

Interleaved in the same run:
- `assistant index --full` (a new process, wall under /usr/bin/time) and, as the reference,
  `SentenceTransformer.encode` of the very passage texts the indexer embeds (batch 64, normalised) timed
  inside an already started process with the model loaded: the ratio is build wall / encode time;
- `assistant index` with nothing changed;
- `assistant index` after copying one article (the seed corpus's article) into the corpus, compared with
  no-op time + that article's own encoding time (warm model, in process) + 1 s; then the article is
  removed again (that update is timed too, for information).
With --profile, a full build in process with the forward passes stubbed out records what a build costs
besides encoding, by phase (scan, read + chunk, model load, write + facts + FAISS).

A full SciFact build is ~10 min of CPU-bound encoding on an idle 2-core machine, so the default is one
build/encode pair; --build-runs 5 gives the median of five (about 1.5 h).

Run: .venv/bin/python bench/perf_build.py [--runs 5] [--build-runs 1] [--profile]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchlib import (
    ASSISTANT,
    PYTHON,
    REPO,
    Report,
    common_args,
    ensure_encoder,
    ensure_scifact_corpus,
    log,
    median,
    run_timed,
    scifact_dirs,
    spread,
)

ADDED_NAME = "zz-bench-added-article.md"


def passage_texts(index: Path, document: str | None = None) -> list[str]:
    """What the indexer embedded: each passage's `embedding_text(title)`, in id order."""
    from assistant.store import IndexStore

    store = IndexStore.open(index)
    try:
        where, args = ("WHERE c.document = ?", (document,)) if document else ("", ())
        rows = store.db.execute(
            f"SELECT c.*, d.meta AS dmeta FROM chunks c JOIN documents d ON d.path = c.document {where} ORDER BY c.id",
            args,
        ).fetchall()
        from assistant.models import Chunk, DocumentMeta

        return [
            Chunk(
                id=r["id"],
                document=r["document"],
                ordinal=r["ordinal"],
                section=r["section"],
                start=r["start"],
                end=r["end"],
                text=r["text"],
            ).embedding_text(DocumentMeta.model_validate_json(r["dmeta"]).title)
            for r in rows
        ]
    finally:
        store.close()


def footprint(index: Path) -> dict[str, Any]:
    """Bytes on disk per passage: SQLite (documents, passages, full text), vectors + ids, FAISS."""
    from assistant.store import current_generation, read_manifest

    generation = current_generation(index)
    assert generation is not None
    manifest = read_manifest(generation)
    n = max(1, manifest.chunks)
    sizes = {
        name: (generation / name).stat().st_size for name in ("store.sqlite", "vectors.npy", "ids.npy", "faiss.index")
    }
    return {
        "passages": manifest.chunks,
        "documents": manifest.documents,
        "index_type": manifest.index_type,
        "bytes_per_passage": {k: round(v / n) for k, v in sizes.items()},
        "total_bytes_per_passage": round(sum(sizes.values()) / n),
        "total_mb": round(sum(sizes.values()) / 1e6, 1),
    }


# --------------------------------------------------------------------------------------------------
# Workers, each in its own process


def _st_worker(job: dict[str, Any]) -> dict[str, Any]:
    """Load sentence-transformers and encode one sentence (untimed), then time `encode` of each text list."""
    from assistant.encoder import load_sentence_transformer

    t0 = time.perf_counter()
    model = load_sentence_transformer(job["model"])
    load_s = time.perf_counter() - t0
    model.encode(["warm-up: the first call sets up thread pools"], show_progress_bar=False)
    out: dict[str, Any] = {"load_s": load_s}
    for name, texts in job["texts"].items():
        t0, c0 = time.perf_counter(), time.process_time()
        model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        out[name] = time.perf_counter() - t0
        out[f"{name}_cpu"] = time.process_time() - c0
    return out


def _profile_worker(job: dict[str, Any]) -> dict[str, Any]:
    """A full build in process with the forward passes stubbed out (random unit vectors of the right shapes;
    the model is still loaded): what a build costs besides encoding, by phase."""
    import numpy as np

    import assistant.encoder as encoder_module
    import assistant.indexer as indexer
    from assistant.config import Settings

    rng = np.random.default_rng(0)

    def unit(n: int, d: int) -> np.ndarray:
        v = rng.standard_normal((n, d)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    def fake_encode(self: Any, texts: list[str], *args: Any, **kwargs: Any) -> np.ndarray:
        return unit(len(texts), self.dimension)

    def fake_encode_with_sentences(
        self: Any, texts: list[str], spans: list[Any], *args: Any, **kwargs: Any
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        return unit(len(texts), self.dimension), [unit(len(s), self.dimension) for s in spans]

    # Whichever class the indexer embeds with (sentence-transformers' DocumentEncoder or the ONNX encoder).
    for cls in (getattr(encoder_module, "DocumentEncoder", None), getattr(encoder_module, "QueryEncoder", None)):
        if cls is not None and hasattr(cls, "encode_with_sentences"):
            cls.encode_with_sentences = fake_encode_with_sentences
    encoder_module.DocumentEncoder.encode = fake_encode  # type: ignore[method-assign]

    marks: list[tuple[str, float]] = []
    timers = {"(in read) chunking": 0.0, "(in write) fact extraction": 0.0}
    original_chunk = indexer.chunk_document
    original_facts = indexer._fact_extractor

    def chunk_timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return original_chunk(*args, **kwargs)
        finally:
            timers["(in read) chunking"] += time.perf_counter() - t0

    def facts_timed() -> Any:
        inner = original_facts()

        def extract(document: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return inner(document)
            finally:
                timers["(in write) fact extraction"] += time.perf_counter() - t0

        return extract

    indexer.chunk_document = chunk_timed  # type: ignore[assignment]
    indexer._fact_extractor = facts_timed  # type: ignore[assignment]

    def progress(p: Any) -> None:
        label = "load model" if p.phase == "embed" and p.message == "loading model" else p.phase
        if label == "embed":
            label = "embed (stubbed)"
        if not marks or marks[-1][0] != label:
            marks.append((label, time.perf_counter()))

    settings = Settings(corpus_dir=Path(job["corpus"]), index_dir=Path(job["index"]))
    imported = time.time()
    t0 = time.perf_counter()
    indexer.update_index(settings, full=True, progress=progress)
    end = time.perf_counter()
    phases: dict[str, float] = {"process start + imports": imported - job["t_launch"]}
    for (label, start), (_, stop) in zip(marks, [*marks[1:], ("end", end)], strict=True):
        phases[label] = phases.get(label, 0.0) + stop - start
    phases.update(timers)
    phases["update_index total"] = end - t0
    phases["launch to done"] = time.time() - job["t_launch"]
    return {k: round(v, 2) for k, v in phases.items()}


def _spawn(kind: str, job: dict[str, Any]) -> dict[str, Any]:
    job = {**job, "t_launch": time.time()}
    proc = subprocess.run(
        [PYTHON, __file__, f"--worker={kind}"],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "TOKENIZERS_PARALLELISM": "false"},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} worker failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------------


def main() -> None:
    for kind, fn in (("st", _st_worker), ("profile", _profile_worker)):
        if f"--worker={kind}" in sys.argv:
            print(json.dumps(fn(json.loads(sys.stdin.read()))))
            return
    parser = common_args(__doc__ or "")
    parser.add_argument(
        "--build-runs",
        type=int,
        default=1,
        help="Full SciFact builds, each paired with an encode-alone run (~10 min a pair on an "
        "idle 2-core machine; default 1, use 5 for a median).",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="Also a full build with the forward passes stubbed out, by phase (x --runs).",
    )
    args = parser.parse_args()
    corpus = ensure_scifact_corpus(args.workdir)
    _, index = scifact_dirs(args.workdir)
    (corpus / ADDED_NAME).unlink(missing_ok=True)
    ensure_encoder(index)  # exported once per work dir, never inside a measured build
    from assistant.config import Settings

    model = Settings().model
    report = Report()
    base = [ASSISTANT, "index", "--corpus", str(corpus), "--index", str(index), "--json"]

    # Full build vs encoding alone, interleaved (the first build also makes a stale or missing index current).
    builds: list[float] = []
    build_cpu: list[float] = []
    build_rss: list[float] = []
    encodes: list[float] = []
    encode_cpu: list[float] = []
    texts: list[str] = []
    for i in range(args.build_runs):
        r = run_timed([*base, "--full"])
        builds.append(r.wall)
        build_cpu.append(r.cpu_s or float("nan"))
        build_rss.append((r.max_rss_kb or 0) / 1024)
        texts = texts or passage_texts(index)
        e = _spawn("st", {"model": model, "texts": {"all": texts}})
        encodes.append(e["all"])
        encode_cpu.append(e["all_cpu"])
        log(
            f"full build {i + 1}/{args.build_runs}: {builds[-1]:.1f} s ({build_cpu[-1]:.0f} s CPU); "
            f"sentence-transformers encode alone {encodes[-1]:.1f} s ({encode_cpu[-1]:.0f} s CPU; model load "
            f"{e['load_s']:.1f} s excluded)"
        )
    ratios = [b / e for b, e in zip(builds, encodes, strict=True)]
    cpu_ratios = [b / e for b, e in zip(build_cpu, encode_cpu, strict=True)]
    ratio = median(ratios)
    runs_note = f"{args.build_runs} run{'s' if args.build_runs > 1 else ''}"
    report.add(
        "index",
        f"assistant index --full, SciFact ({len(texts)} passages)",
        median(builds),
        "s",
        note=f"{runs_note}, {spread(builds)} s; {median(build_cpu):.0f} s CPU; peak RSS {median(build_rss):.0f} MB",
    )
    report.add(
        "index",
        "SentenceTransformer.encode alone (same texts, batch 64)",
        median(encodes),
        "s",
        note=f"in process, model loaded; {spread(encodes)} s; {median(encode_cpu):.0f} s CPU; "
        f"{len(texts) / median(encodes):.0f} passages/s",
    )
    report.add(
        "index",
        "full build / encode alone (wall)",
        ratio,
        "×",
        target="≤ 1.15",
        met=ratio <= 1.15,
        note=f"median of per-pair ratios ({runs_note}); CPU-time ratio {median(cpu_ratios):.2f}",
    )

    if args.profile:
        profile_index = args.workdir / "scifact-profile" / "index"
        ensure_encoder(profile_index)
        stubbed = [
            _spawn("profile", {"corpus": str(corpus), "index": str(profile_index)})
            for _ in range(max(1, min(args.runs, 3)))
        ]
        phases = {k: median([p.get(k, 0.0) for p in stubbed]) for k in stubbed[0]}
        report.details["build_phases_s"] = phases
        report.add(
            "index",
            "full build with forward passes stubbed out",
            phases["launch to done"],
            "s",
            note=f"{len(stubbed)} runs, new process; what a build costs besides encoding",
        )
        log(f"stubbed build phases: {phases}")

    # No-op and add-one, interleaved; the article's own encode time from a warm model.
    article = REPO / "corpus" / sorted(p.name for p in (REPO / "corpus").glob("*.md"))[0]
    added = corpus / ADDED_NAME
    noops: list[float] = []
    adds: list[float] = []
    removes: list[float] = []
    article_encodes: list[float] = []
    runs = max(args.runs, 5)
    article_texts: list[str] = []
    for i in range(runs):
        noops.append(run_timed(base).wall)
        shutil.copyfile(article, added)
        result = run_timed(base)
        adds.append(result.wall)
        if json.loads(result.stdout)["added"] != 1:
            raise RuntimeError(f"adding one article did not add it: {result.stdout}")
        if not article_texts:
            article_texts = passage_texts(index, ADDED_NAME)
        added.unlink()
        removes.append(run_timed(base).wall)
        article_encodes.append(_spawn("st", {"model": model, "texts": {"article": article_texts}})["article"])
        log(
            f"update run {i + 1}/{runs}: no-op {noops[-1]:.2f} s, add one {adds[-1]:.2f} s, "
            f"remove it {removes[-1]:.2f} s, its encoding {article_encodes[-1] * 1000:.0f} ms"
        )
    noop, add, enc = median(noops), median(adds), median(article_encodes)
    allowed = noop + enc + 1.0
    report.add(
        "index",
        "assistant index, nothing changed",
        noop,
        "s",
        target="≤ 1.0 s",
        met=noop <= 1.0,
        note=f"{runs} runs, {spread(noops)} s",
    )
    report.add(
        "index",
        f"assistant index, one article added ({len(article_texts)} passages)",
        add,
        "s",
        target=f"≤ no-op + encode + 1 s = {allowed:.2f} s",
        met=add <= allowed,
        note=f"{spread(adds)} s; the article's encoding alone {enc * 1000:.0f} ms (warm model)",
    )
    report.add(
        "index",
        "assistant index, that article removed again",
        median(removes),
        "s",
        note=f"{spread(removes)} s; no model needed",
    )
    report.details["build"] = {
        "builds_s": builds,
        "encodes_s": encodes,
        "ratios": ratios,
        "build_rss_mb": build_rss,
        "noops_s": noops,
        "adds_s": adds,
        "removes_s": removes,
        "article_encode_s": article_encodes,
        "article": article.name,
        "article_passages": len(article_texts),
        "passages": len(texts),
    }
    report.details["footprint_scifact"] = footprint(index)
    report.save(args.json)


if __name__ == "__main__":
    main()
