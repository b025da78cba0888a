"""Tune hybrid retrieval on SciFact TRAIN, then score TEST once for the chosen configuration.

Run: `.venv/bin/python bench/tune_scifact.py [--beir DIR] [--index DIR] [--out FILE]` after the index was
built by `assistant eval /work/shared/bench/scifact --split train` (or with `--index` for another build;
set ASSISTANT_CHUNK_TOKENS / ASSISTANT_CHUNK_OVERLAP to match that build).

Every query is encoded once; the dense (FAISS) candidates and the FTS5 candidates for each query variant
and column weighting are fetched once and cached; every fusion variant is then scored in-process.
Evidence for changes outside retrieval (a document-level FTS5 table, BM25 with tuned k1/b) is measured on
throw-away structures built here from the index's own SQLite, never committed.

SciFact is CC BY-NC: evaluation only; nothing of it is written outside index/ and /tmp.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from assistant.config import Settings  # noqa: E402
from assistant.evaluate import EVAL_RANKING, beir_queries, rank_documents, retrieval_metrics  # noqa: E402
from assistant.retrieval import Retriever, fts_expression, query_terms  # noqa: E402
from assistant.store import IndexStore  # noqa: E402

Cands = list[tuple[int, float]]
"""(chunk id, score), best first."""


# --------------------------------------------------------------------------------------------------
# Candidates


def fts_query(db: sqlite3.Connection, table: str, match: str, k: int, weights: tuple[float, ...]) -> Cands:
    if not match:
        return []
    w = ", ".join(f"{x:g}" for x in weights)
    try:
        rows = db.execute(
            f"SELECT rowid, -bm25({table}, {w}) FROM {table} WHERE {table} MATCH ? ORDER BY bm25({table}, {w}) LIMIT ?",
            (match, k),
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    return [(int(r[0]), float(r[1])) for r in rows]


def expr_all_words(text: str) -> str:
    """OR over every word, stopwords included (FTS5's idf alone decides what matters)."""
    words = [m.replace('"', "") for m in query_terms_nostop(text)]
    return " OR ".join(f'"{t}"' for t in words if t)


def query_terms_nostop(text: str) -> list[str]:
    import re

    seen: dict[str, None] = {}
    for m in re.finditer(r"[\w$€£¥%]+(?:[.'’][\w]+)*", text.lower()):
        token = m.group(0).strip("'’.")
        if token:
            seen.setdefault(token, None)
    return list(seen)


def expr_with_phrases(text: str) -> str:
    """OR over content words plus each adjacent pair of content words as a phrase (a proximity bonus)."""
    terms = [t.replace('"', "") for t in query_terms(text)]
    terms = [t for t in terms if t.strip('"$€£¥%')]
    pairs = [f'"{a} {b}"' for a, b in itertools.pairwise(terms)]
    return " OR ".join([f'"{t}"' for t in terms] + pairs)


def expr_bio_stop(text: str) -> str:
    """The product's expression minus words common in claims but empty of content."""
    extra = {
        "associated",
        "increased",
        "increase",
        "increases",
        "decreased",
        "reduces",
        "reduced",
        "risk",
        "patients",
        "cells",
        "effect",
        "effects",
        "higher",
        "lower",
        "level",
        "levels",
        "causes",
        "cause",
    }
    terms = [t.replace('"', "") for t in query_terms(text) if t not in extra]
    return " OR ".join(f'"{t}"' for t in terms if t.strip('"$€£¥%'))


QUERY_VARIANTS: dict[str, Callable[[str], str]] = {
    "or": fts_expression,
    "or-all-words": expr_all_words,
    "or+pairs": expr_with_phrases,
    "or-bio-stop": expr_bio_stop,
}


@dataclass
class Split:
    name: str
    ids: list[str]
    texts: list[str]
    qrels: dict[str, dict[str, int]]
    vectors: np.ndarray
    dense: list[Cands]
    lexical: dict[tuple[str, tuple[float, ...]], list[Cands]]


# --------------------------------------------------------------------------------------------------
# Fusion and document ranking (pure functions over the cached candidates)


@dataclass(frozen=True)
class Config:
    fusion: str = "convex"  # convex | rrf
    norm: str = "minmax"  # minmax | zscore | max | none
    dense_weight: float = 0.55
    rrf_k: int = 60
    dense_depth: int = 100
    lexical_depth: int = 100
    agg: str = "passage"  # passage (fuse passages, doc = best) | doc-max (each side to docs, then fuse)
    bonus: float = 0.0  # doc score += bonus * (second-best passage score) in doc-level aggregation
    lexical: tuple[str, tuple[float, ...]] = ("or", (1.0, 0.5))

    def label(self) -> str:
        parts = [self.fusion]
        if self.fusion == "convex":
            parts += [self.norm, f"w={self.dense_weight:.2f}"]
        else:
            parts += [f"k={self.rrf_k}", f"w={self.dense_weight:.2f}"]
        parts += [f"D={self.dense_depth}/{self.lexical_depth}", self.agg]
        if self.bonus:
            parts.append(f"bonus={self.bonus:g}")
        q, w = self.lexical
        parts.append(f"fts={q}{list(w)}")
        return " ".join(parts)


def normalise(scores: dict[object, float], how: str) -> dict[object, float]:
    if not scores:
        return {}
    values = np.fromiter(scores.values(), dtype=np.float64)
    if how == "minmax":
        lo, hi = values.min(), values.max()
        span = hi - lo
        out = (values - lo) / span if span > 1e-9 else np.ones_like(values)
    elif how == "zscore":
        sd = values.std()
        out = (values - values.mean()) / sd if sd > 1e-9 else np.zeros_like(values)
    elif how == "max":
        hi = values.max()
        out = values / hi if abs(hi) > 1e-9 else values
    else:
        out = values
    return dict(zip(scores, out.tolist(), strict=True))


def _aggregate(cands: Cands, doc_of: dict[int, str], bonus: float) -> dict[str, float]:
    best: dict[str, float] = {}
    second: dict[str, float] = {}
    for cid, s in cands:
        d = doc_of[cid]
        if d not in best:
            best[d] = s
        elif d not in second:
            second[d] = s
    if bonus:
        return {d: s + bonus * second.get(d, 0.0) for d, s in best.items()}
    return best


def _combine(dense: dict[object, float], lexical: dict[object, float], cfg: Config) -> dict[object, float]:
    if cfg.fusion == "rrf":
        out: dict[object, float] = {}
        for r, key in enumerate(sorted(dense, key=dense.__getitem__, reverse=True)):
            out[key] = out.get(key, 0.0) + cfg.dense_weight * 2 / (cfg.rrf_k + r + 1)
        for r, key in enumerate(sorted(lexical, key=lexical.__getitem__, reverse=True)):
            out[key] = out.get(key, 0.0) + (1 - cfg.dense_weight) * 2 / (cfg.rrf_k + r + 1)
        return out
    dn = normalise(dense, cfg.norm)
    ln = normalise(lexical, cfg.norm)
    d_floor = min(dn.values(), default=0.0) if cfg.norm == "zscore" else 0.0
    l_floor = min(ln.values(), default=0.0) if cfg.norm == "zscore" else 0.0
    keys = list(dict.fromkeys([*dn, *ln]))
    w = cfg.dense_weight
    return {k: w * dn.get(k, d_floor) + (1 - w) * ln.get(k, l_floor) for k in keys}


def rank_one(dense: Cands, lexical: Cands, cfg: Config, doc_of: dict[int, str], depth: int = 100) -> list[str]:
    dense = dense[: cfg.dense_depth]
    lexical = lexical[: cfg.lexical_depth]
    if cfg.agg == "passage":
        fused = _combine(dict(dense), dict(lexical), cfg)
        ranked: dict[str, None] = {}
        for cid in sorted(fused, key=fused.__getitem__, reverse=True):
            ranked.setdefault(doc_of[cid], None)  # type: ignore[index]
            if len(ranked) >= depth:
                break
        return list(ranked)
    fused = _combine(_aggregate(dense, doc_of, cfg.bonus), _aggregate(lexical, doc_of, cfg.bonus), cfg)
    return [str(d) for d in sorted(fused, key=fused.__getitem__, reverse=True)[:depth]]


def score(split: Split, cfg: Config, doc_of: dict[int, str]) -> dict[str, float]:
    lexical = split.lexical[cfg.lexical]
    runs = {qid: rank_one(d, lx, cfg, doc_of) for qid, d, lx in zip(split.ids, split.dense, lexical, strict=True)}
    return retrieval_metrics(runs, split.qrels)


def score_runs(split: Split, ranked: Iterable[list[str]]) -> dict[str, float]:
    return retrieval_metrics(dict(zip(split.ids, ranked, strict=True)), split.qrels)


# --------------------------------------------------------------------------------------------------
# Evidence for changes outside retrieval.py: document-level FTS5, BM25 with tuned k1/b, dense PRF


def build_doc_fts(store_db: sqlite3.Connection, path: Path) -> tuple[sqlite3.Connection, dict[int, str]]:
    """A document-level FTS5 table (title, body) next to the passage one, as store.py could keep it."""
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIRTUAL TABLE docs_fts USING fts5(text, context, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    rows = store_db.execute("SELECT rowid, path, meta, text FROM documents").fetchall()
    doc_of: dict[int, str] = {}
    batch = []
    for rowid, path_, meta, text in rows:
        doc_of[int(rowid)] = Path(path_).stem
        batch.append((int(rowid), text, json.loads(meta).get("title") or ""))
    db.executemany("INSERT INTO docs_fts (rowid, text, context) VALUES (?, ?, ?)", batch)
    db.commit()
    return db, doc_of


def bm25s_runs(
    store_db: sqlite3.Connection, texts: list[str], k1: float, b: float, level: str, k: int = 1000
) -> list[list[tuple[str, float]]]:
    """bm25s (English stopwords, Snowball stems) over documents (title + text) or passages (+ title)."""
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    if level == "doc":
        rows = store_db.execute("SELECT path, meta, text FROM documents").fetchall()
        keys = [Path(p).stem for p, _, _ in rows]
        corpus = [f"{json.loads(m).get('title') or ''} {t}" for _, m, t in rows]
    else:
        titles = {p: json.loads(m).get("title") or "" for p, m in store_db.execute("SELECT path, meta FROM documents")}
        rows = store_db.execute("SELECT document, text FROM chunks").fetchall()
        keys = [Path(d).stem for d, _ in rows]
        corpus = [f"{titles[d]} {t}" for d, t in rows]
    model = bm25s.BM25(k1=k1, b=b)
    model.index(bm25s.tokenize(corpus, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False)
    tokens = bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False)
    docs, scores = model.retrieve(tokens, k=min(k, len(corpus)), show_progress=False, n_threads=1)
    out = []
    for drow, srow in zip(docs, scores, strict=True):
        best: dict[str, float] = {}
        for i, s in zip(drow.tolist(), srow.tolist(), strict=True):
            if s > 0:
                best.setdefault(keys[i], s)
        out.append(list(best.items()))
    return out


def combine_doc_runs(
    dense_docs: list[dict[str, float]], lexical_docs: list[list[tuple[str, float]]], w: float, norm: str = "minmax"
) -> list[list[str]]:
    out = []
    for d, lx in zip(dense_docs, lexical_docs, strict=True):
        fused = _combine(d, dict(lx[:100]), Config(dense_weight=w, norm=norm))  # type: ignore[arg-type]
        out.append([str(k) for k in sorted(fused, key=fused.__getitem__, reverse=True)[:100]])
    return out


def prf_dense(
    retriever: Retriever, split: Split, first: list[list[int]], alpha: float, m: int, depth: int
) -> list[Cands]:
    """Rocchio on the query vector: q + alpha * mean of the top-m first-round passage vectors."""
    store = retriever.store
    vectors = np.asarray(store.vectors())
    position = {int(c): i for i, c in enumerate(store.ids.tolist())}
    q = split.vectors.astype(np.float32).copy()
    for i, top in enumerate(first):
        rows = [position[c] for c in top[:m] if c in position]
        if rows:
            q[i] = q[i] + alpha * vectors[rows].mean(axis=0)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    return store.dense_search(q, depth)


# --------------------------------------------------------------------------------------------------
# Driver


def load_split(retriever: Retriever, beir: Path, name: str, depth: int, fts_weights: list[tuple[float, ...]]) -> Split:
    queries, qrels = beir_queries(beir, name)
    ids = list(queries)
    texts = [queries[q] for q in ids]
    vectors = np.concatenate([retriever.encode(texts[i : i + 64]) for i in range(0, len(texts), 64)])
    dense = retriever.store.dense_search(vectors, depth)
    db = retriever.store.db
    lexical = {}
    for qname, make in QUERY_VARIANTS.items():
        for weights in fts_weights if qname == "or" else [(1.0, 0.5)]:
            lexical[(qname, weights)] = [fts_query(db, "chunks_fts", make(t), depth, weights) for t in texts]
    return Split(name, ids, texts, qrels, vectors, dense, lexical)


def table(rows: list[tuple[str, dict[str, float], dict[str, float] | None]], out: list[str]) -> None:
    head = f"{'configuration':<78} {'train nDCG@10':>13} {'R@100':>6} {'test nDCG@10':>13} {'R@100':>6}"
    out.append(head)
    out.append("-" * len(head))
    for label, tr, te in rows:
        test = f"{te['ndcg@10']:>13.4f} {te['recall@100']:>6.3f}" if te else f"{'':>13} {'':>6}"
        out.append(f"{label:<78} {tr['ndcg@10']:>13.4f} {tr['recall@100']:>6.3f} {test}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--beir", type=Path, default=Path("/work/shared/bench/scifact"))
    parser.add_argument("--index", type=Path, default=None, help="index folder (default index/.eval/<name>/index)")
    parser.add_argument("--depth", type=int, default=1000, help="candidates cached per side")
    parser.add_argument("--out", type=Path, default=None, help="also write the report here")
    parser.add_argument("--no-cache", action="store_true", help="refetch candidates (cached in the temp dir)")
    parser.add_argument("--skip-evidence", action="store_true", help="no doc-level FTS / bm25s / PRF runs")
    args = parser.parse_args()

    base = Settings()
    work = Path(base.index_dir) / ".eval" / args.beir.resolve().name
    settings = base.model_copy(update={"corpus_dir": work / "corpus", "index_dir": args.index or work / "index"})
    # IndexStore + Retriever directly: an index of an older store format still serves these comparisons
    # (passage vectors and FTS rows are what is read), only `assistant eval` insists on a rebuild.
    retriever = Retriever(IndexStore.open(Path(settings.index_dir)), settings)
    store = retriever.store
    doc_of = {int(c): Path(d).stem for c, d in store.db.execute("SELECT id, document FROM chunks")}
    per_doc = np.bincount(np.unique(list(doc_of.values()), return_inverse=True)[1])
    lines: list[str] = []
    lines.append(
        f"index {settings.index_dir}: {store.manifest.documents} documents, {store.manifest.chunks} passages "
        f"(chunk_tokens={store.manifest.chunker.max_tokens}, overlap={store.manifest.chunker.overlap}); "
        f"passages per document: mean {per_doc.mean():.2f}, 1: {np.mean(per_doc == 1):.0%}, "
        f"2: {np.mean(per_doc == 2):.0%}, 3+: {np.mean(per_doc >= 3):.0%}"
    )

    fts_weights = [(1.0, 0.5), (1.0, 0.0), (1.0, 0.25), (1.0, 1.0), (1.0, 2.0), (1.0, 4.0)]
    t0 = time.perf_counter()
    cache = Path(tempfile.gettempdir()) / f"tune-scifact-{store.generation.resolve().as_posix().replace('/', '_')}.pkl"
    if cache.exists() and not args.no_cache:
        train, test = pickle.loads(cache.read_bytes())
    else:
        train = load_split(retriever, args.beir, "train", args.depth, fts_weights)
        test = load_split(retriever, args.beir, "test", args.depth, fts_weights)
        cache.write_bytes(pickle.dumps((train, test)))
    lines.append(
        f"candidates cached in {time.perf_counter() - t0:.1f} s ({len(train.ids)} train, {len(test.ids)} test)"
    )

    tried: list[tuple[str, dict[str, float]]] = []

    def run(cfg: Config) -> float:
        m = score(train, cfg, doc_of)
        tried.append((cfg.label(), m))
        return m["ndcg@10"]

    def best_of(cfgs: Iterable[Config]) -> Config:
        results = [(run(c), c) for c in cfgs]
        return max(results, key=lambda r: r[0])[1]

    t0 = time.perf_counter()
    # What `assistant eval` did before this tuning: rank_documents asked for 300 passages per side.
    current = Config(dense_depth=300, lexical_depth=300)
    dense_only = Config(dense_weight=1.0, lexical_depth=0)
    fts_only = Config(dense_weight=0.0, dense_depth=0)
    rrf = Config(fusion="rrf", dense_weight=0.5, rrf_k=60)
    for c in (current, dense_only, fts_only, rrf):
        run(c)

    # 1. FTS side alone: query handling and column weights.
    lex_keys = list(train.lexical)
    best_lex = max(lex_keys, key=lambda key: run(replace(fts_only, lexical=key)))
    # 2. Fusion as retrieval.py + evaluate.py can do it (the FTS side as store.py queries it), a full grid:
    #    normalisation x document aggregation x depth (the same for both sides) x dense weight.
    weights = [round(x, 2) for x in np.arange(0.3, 0.76, 0.05)]
    grid = [
        Config(norm=n, dense_weight=w, agg=a, dense_depth=d, lexical_depth=d)
        for n in ("minmax", "zscore")
        for a in ("passage", "doc-max")
        for d in (100, 300, 1000)
        for w in weights
    ]
    best = best_of(grid)
    best = best_of(replace(best, dense_weight=round(w, 3)) for w in np.arange(0.3, 0.76, 0.025))
    best_passage = best_of(
        replace(c, dense_weight=round(w, 3))
        for c in [max((c for c in grid if c.agg == "passage"), key=lambda c: score(train, c, doc_of)["ndcg@10"])]
        for w in np.arange(0.3, 0.76, 0.025)
    )
    # 3. RRF: k x weight.
    best_rrf = best_of(
        Config(fusion="rrf", rrf_k=k, dense_weight=w, agg=a)
        for k in (5, 10, 20, 40, 60)
        for w in (0.4, 0.5, 0.6, 0.7)
        for a in ("passage", "doc-max")
    )
    # 4. Tried, not adopted (each within noise of the grid's best on train): uneven depths, score/max
    #    normalisation, a bonus for a document's second matching passage.
    explored = [
        replace(best, dense_depth=dd, lexical_depth=ld)
        for dd in (100, 300, 1000)
        for ld in (100, 300, 1000)
        if dd != ld
    ]
    explored += [replace(best, norm="max", dense_weight=w) for w in weights]
    explored += [replace(best, agg="doc-max", bonus=b) for b in (0.05, 0.1, 0.2, 0.3)]
    best_of(explored)
    # 5. What store.py's FTS query could add: column weights / query handling with the chosen fusion.
    best_store = best_of(replace(best, lexical=key) for key in lex_keys)
    best_store = best_of(replace(best_store, dense_weight=round(w, 3)) for w in np.arange(0.3, 0.81, 0.025))
    lines.append(f"{len(tried)} configurations scored on train in {time.perf_counter() - t0:.1f} s")

    # The table: baselines and the winners, test scored once each.
    rows: list[tuple[str, dict[str, float], dict[str, float] | None]] = []
    baselines = [
        ("dense only (MiniLM passages, doc = best passage)", dense_only),
        ("FTS5 only (store.py: OR, bm25 weights 1/0.5)", fts_only),
        (f"FTS5 only, best query/weights ({best_lex[0]} {list(best_lex[1])})", replace(fts_only, lexical=best_lex)),
        ("RRF k=60 w=0.5 (passages)", rrf),
        ("previous defaults (convex minmax w=0.55, 300/300, passages)", current),
        (f"best RRF: {best_rrf.label()}", best_rrf),
        (f"best passage-level: {best_passage.label()}", best_passage),
        (f"CHOSEN: {best.label()}", best),
        (f"CHOSEN + store.py FTS change: {best_store.label()}", best_store),
    ]
    for label, cfg in baselines:
        rows.append((label, score(train, cfg, doc_of), score(test, cfg, doc_of)))

    if not args.skip_evidence:
        evidence(retriever, train, test, best, doc_of, rows, lines)

    lines.append("")
    table(rows, lines)
    lines.append("")
    lines.append("All configurations tried (train only), best first:")
    for label, m in sorted(tried, key=lambda r: -r[1]["ndcg@10"])[:60]:
        lines.append(f"  {m['ndcg@10']:.4f}  R@100 {m['recall@100']:.3f}  {label}")
    lines.append(f"  ... {max(0, len(tried) - 60)} more")

    # The production path must agree with the bench for the chosen configuration.
    lines.append("")
    for split in (train, test):
        lines.append(
            f"assistant eval's rank_documents, current defaults, {split.name}: {production_check(retriever, split)}"
        )

    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


def production_check(retriever: Retriever, split: Split) -> str:
    started = time.perf_counter()
    ranked = rank_documents(retriever, split.texts, by=EVAL_RANKING)
    ms = 1000 * (time.perf_counter() - started) / len(split.texts)
    m = score_runs(split, ranked)
    return f"nDCG@10 {m['ndcg@10']:.4f}, R@100 {m['recall@100']:.3f} ({ms:.1f} ms/query)"


def evidence(
    retriever: Retriever,
    train: Split,
    test: Split,
    best: Config,
    doc_of: dict[int, str],
    rows: list[tuple[str, dict[str, float], dict[str, float] | None]],
    lines: list[str],
) -> None:
    store = retriever.store
    tmp = Path(tempfile.mkdtemp(prefix="tune-scifact-"))
    doc_db, rowdoc = build_doc_fts(store.db, tmp / "docs.sqlite")

    def dense_docs(split: Split, depth: int) -> list[dict[str, float]]:
        return [_aggregate(d[:depth], doc_of, 0.0) for d in split.dense]

    def doc_fts(split: Split, weights: tuple[float, ...]) -> list[list[tuple[str, float]]]:
        return [
            [(rowdoc[c], s) for c, s in fts_query(doc_db, "docs_fts", fts_expression(t), 1000, weights)]
            for t in split.texts
        ]

    # Document-level FTS5 (a docs_fts table in store.py), alone and fused with dense.
    dd_train, dd_test = dense_docs(train, best.dense_depth), dense_docs(test, best.dense_depth)
    best_w, best_s, best_cols = 0.0, -1.0, (1.0, 0.5)
    for cols in ((1.0, 0.5), (1.0, 1.0), (1.0, 2.0)):
        lx_train = doc_fts(train, cols)
        alone = score_runs(train, [[d for d, _ in r[:100]] for r in lx_train])
        lines.append(f"doc-level FTS5 {list(cols)} alone, train nDCG@10 {alone['ndcg@10']:.4f}")
        for w in np.arange(0.3, 0.81, 0.05):
            s = score_runs(train, combine_doc_runs(dd_train, lx_train, float(w)))["ndcg@10"]
            if s > best_s:
                best_w, best_s, best_cols = float(w), s, cols
    lx_train, lx_test = doc_fts(train, best_cols), doc_fts(test, best_cols)
    rows.append(
        (
            f"doc-level FTS5 {list(best_cols)} only",
            score_runs(train, [[d for d, _ in r[:100]] for r in lx_train]),
            score_runs(test, [[d for d, _ in r[:100]] for r in lx_test]),
        )
    )
    rows.append(
        (
            f"dense passages (doc max) + doc-level FTS5 {list(best_cols)}, convex w={best_w:.2f}",
            score_runs(train, combine_doc_runs(dd_train, lx_train, best_w)),
            score_runs(test, combine_doc_runs(dd_test, lx_test, best_w)),
        )
    )

    # BM25 with k1/b tuned (bm25s), document level, alone and fused.
    try:
        import bm25s  # noqa: F401
    except ImportError:
        lines.append("bm25s not installed: k1/b evidence skipped")
        return
    best_kb, best_s = (1.2, 0.75), -1.0
    for k1, b in itertools.product((0.6, 0.9, 1.2, 1.5), (0.4, 0.6, 0.75, 0.9)):
        s = score_runs(train, [[d for d, _ in r[:100]] for r in bm25s_runs(store.db, train.texts, k1, b, "doc")])
        if s["ndcg@10"] > best_s:
            best_kb, best_s = (k1, b), s["ndcg@10"]
    k1, b = best_kb
    bt_train = bm25s_runs(store.db, train.texts, k1, b, "doc")
    bt_test = bm25s_runs(store.db, test.texts, k1, b, "doc")
    rows.append(
        (
            f"bm25s doc-level k1={k1} b={b} only",
            score_runs(train, [[d for d, _ in r[:100]] for r in bt_train]),
            score_runs(test, [[d for d, _ in r[:100]] for r in bt_test]),
        )
    )
    w_best = max(
        np.arange(0.3, 0.81, 0.05),
        key=lambda w: score_runs(train, combine_doc_runs(dd_train, bt_train, float(w)))["ndcg@10"],
    )
    rows.append(
        (
            f"dense passages (doc max) + bm25s doc k1={k1} b={b}, convex w={w_best:.2f}",
            score_runs(train, combine_doc_runs(dd_train, bt_train, float(w_best))),
            score_runs(test, combine_doc_runs(dd_test, bt_test, float(w_best))),
        )
    )

    # Dense pseudo-relevance feedback (Rocchio from the fused top passages), then the chosen fusion.
    first_train = [
        [c for c, _ in sorted(_combine(dict(d[:100]), dict(lx[:100]), best).items(), key=lambda x: -x[1])]
        for d, lx in zip(train.dense, train.lexical[best.lexical], strict=True)
    ]
    best_prf, best_s = (0.0, 0), score(train, best, doc_of)["ndcg@10"]
    for alpha, m in itertools.product((0.25, 0.5, 1.0), (1, 3, 5)):
        trial = replace(train, dense=prf_dense(retriever, train, first_train, alpha, m, 1000))  # type: ignore[arg-type]
        s = score(trial, best, doc_of)["ndcg@10"]
        lines.append(f"dense PRF alpha={alpha} m={m}: train nDCG@10 {s:.4f}")
        if s > best_s:
            best_prf, best_s = (alpha, m), s
    if best_prf[1]:
        first_test = [
            [c for c, _ in sorted(_combine(dict(d[:100]), dict(lx[:100]), best).items(), key=lambda x: -x[1])]
            for d, lx in zip(test.dense, test.lexical[best.lexical], strict=True)
        ]
        alpha, m = best_prf
        tr = replace(train, dense=prf_dense(retriever, train, first_train, alpha, m, 1000))
        te = replace(test, dense=prf_dense(retriever, test, first_test, alpha, m, 1000))
        rows.append((f"CHOSEN + dense PRF alpha={alpha} m={m}", score(tr, best, doc_of), score(te, best, doc_of)))


if __name__ == "__main__":
    main()
