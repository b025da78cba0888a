"""`assistant eval`: retrieval quality on a BEIR folder, answer quality on a question file."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import ConfigError

# --------------------------------------------------------------------------------------------------
# BEIR


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ConfigError(f"{path}:{n} is not valid JSON ({exc.msg})") from None
    return rows


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0] in ("query-id", "query_id"):
                continue
            qrels[parts[0]][parts[1]] = int(parts[2])
    return dict(qrels)


def beir_corpus_to_folder(beir_dir: Path, corpus_dir: Path) -> int:
    """Write each BEIR document as `<_id>.md` (title in front matter); unchanged files are left alone so
    re-running is a no-op for the indexer."""
    import yaml

    corpus_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for row in _read_jsonl(beir_dir / "corpus.jsonl"):
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(row["_id"]))
        front = yaml.safe_dump({"title": row.get("title") or f"Document {row['_id']}"}, allow_unicode=True)
        content = f"---\n{front}---\n\n{row.get('text', '').strip()}\n"
        path = corpus_dir / f"{safe}.md"
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
        n += 1
    return n


def ndcg_at(ranked: list[str], relevant: dict[str, int], k: int) -> float:
    dcg = sum((2 ** relevant.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def retrieval_metrics(runs: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> dict[str, float]:
    n = len(runs) or 1
    ndcg = recall10 = recall100 = mrr = 0.0
    for qid, ranked in runs.items():
        relevant = {d: g for d, g in qrels[qid].items() if g > 0}
        ndcg += ndcg_at(ranked, relevant, 10)
        recall10 += len(set(ranked[:10]) & set(relevant)) / len(relevant)
        recall100 += len(set(ranked[:100]) & set(relevant)) / len(relevant)
        mrr += next((1.0 / (i + 1) for i, d in enumerate(ranked[:10]) if d in relevant), 0.0)
    return {"ndcg@10": ndcg / n, "recall@10": recall10 / n, "recall@100": recall100 / n, "mrr@10": mrr / n}


def beir_queries(beir_dir: Path, split: str) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
    qrels_path = beir_dir / "qrels" / f"{split}.tsv"
    if not qrels_path.exists():
        raise ConfigError(f"no qrels for split '{split}' ({qrels_path} is missing)")
    qrels = read_qrels(qrels_path)
    queries: dict[str, str] = {}
    for path in sorted(beir_dir.glob("queries*.jsonl")):
        for row in _read_jsonl(path):
            queries[str(row["_id"])] = row["text"]
    missing = [q for q in qrels if q not in queries]
    if missing:
        raise ConfigError(f"{len(missing)} judged queries have no text in queries*.jsonl (e.g. {missing[0]})")
    return {q: queries[q] for q in qrels}, qrels


EVAL_PASSAGES = 1000
"""Candidates per side when ranking documents: z-scores over 1000 candidates per side scored best on
SciFact train (100 and 300 a little lower). Answers keep `dense_candidates`/`lexical_candidates`."""
EVAL_RANKING = "document"
"""How `assistant eval` turns passages into a document ranking (see `rank_documents`): "document" was the
best on SciFact train, +0.002 nDCG@10 over "passage", which is within noise (bench/tune_scifact.py)."""


def rank_documents(
    retriever: Any,
    texts: list[str],
    depth: int = 100,
    passages: int = EVAL_PASSAGES,
    *,
    by: str = "passage",
) -> list[list[str]]:
    """Documents best first, as BEIR ranks them.

    by="passage": the product's own passage ranking, each document at its best passage. by="document":
    each side's passages are first mapped to their documents (best passage per side), then documents are
    fused.
    """
    from dataclasses import replace

    from .retrieval import fuse_scores

    params = replace(retriever.params, dense_candidates=passages, lexical_candidates=passages)
    if by not in ("passage", "document"):
        raise ValueError(f"unknown ranking '{by}' (passage or document)")
    document_of: dict[int, str] = {}
    if by == "document":
        rows = retriever.store.db.execute("SELECT id, document FROM chunks")
        document_of = {int(cid): Path(path).stem for cid, path in rows}
    out = []
    batch = 64
    for i in range(0, len(texts), batch):
        chunk = texts[i : i + batch]
        if by == "document":
            for dense, lexical in retriever.candidates(chunk, params=params):
                fused = fuse_scores(_best_per(dense, document_of), _best_per(lexical, document_of), params)
                out.append(sorted(fused, key=fused.__getitem__, reverse=True)[:depth])
            continue
        for hits in retriever.batch_search(chunk, k=passages, params=params):
            ranked: dict[str, None] = {}
            for hit in hits:
                ranked.setdefault(Path(hit.chunk.document).stem, None)
                if len(ranked) >= depth:
                    break
            out.append(list(ranked))
    return out


def _best_per(candidates: list[tuple[int, float]], document_of: dict[int, str]) -> dict[str, float]:
    best: dict[str, float] = {}
    for cid, score in candidates:
        best.setdefault(document_of[cid], score)
    return best


def evaluate_beir(
    beir_dir: Path,
    settings: Settings,
    *,
    split: str = "test",
    index_dir: Path | None = None,
    limit: int | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Index the BEIR corpus with the real pipeline (its own corpus and index folders), then score."""
    import time

    from .indexer import update_index
    from .retrieval import Retriever

    if not (beir_dir / "corpus.jsonl").exists():
        raise ConfigError(f"{beir_dir} is not a BEIR folder (no corpus.jsonl)")
    work = Path(settings.index_dir) / ".eval" / beir_dir.resolve().name
    corpus_dir = work / "corpus"
    eval_index = index_dir or (work / "index")
    queries, qrels = beir_queries(beir_dir, split)
    beir_corpus_to_folder(beir_dir, corpus_dir)
    eval_settings = settings.model_copy(update={"corpus_dir": corpus_dir, "index_dir": eval_index})
    if progress:
        from .cli import _run_index

        report = _run_index(eval_settings, full=False, quiet=False)
    else:
        report = update_index(eval_settings)
    retriever = Retriever.open(eval_settings)
    ids = list(queries)[:limit] if limit else list(queries)
    started = time.perf_counter()
    ranked = rank_documents(retriever, [queries[q] for q in ids], by=EVAL_RANKING)
    seconds = time.perf_counter() - started
    metrics = retrieval_metrics(dict(zip(ids, ranked, strict=True)), qrels)
    return {
        "split": split,
        "queries": len(ids),
        **metrics,
        "documents": report.documents_total,
        "passages": report.chunks_total,
        "ms_per_query": 1000 * seconds / max(1, len(ids)),
    }


# --------------------------------------------------------------------------------------------------
# Question files


def _expected(item: dict[str, Any]) -> list[str]:
    if item.get("expected_any"):
        return list(item["expected_any"])
    return [item["expected"]] if item.get("expected") else []


def _flatten(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Each top-level question with its follow-ups, as one conversation."""
    return [[item, *item.get("followups", [])] for item in items]


def score_answer(item: dict[str, Any], answer: Any) -> dict[str, Any]:
    expected = _expected(item)
    unanswerable = bool(item.get("unanswerable"))
    cited = [c.text for c in answer.citations] if not answer.abstained else []
    rank = next((i + 1 for i, text in enumerate(cited) if any(e in text for e in expected)), None)
    keywords = item.get("keywords", [])
    text = answer.answer.lower()
    keywords_ok = all(k.lower() in text for k in keywords) and not answer.abstained
    return {
        "question": item["question"],
        "unanswerable": unanswerable,
        "abstained": answer.abstained,
        "rank": rank,
        "keywords_ok": keywords_ok,
        "confidence": answer.confidence,
    }


def summarise(scores: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [s for s in scores if not s["unanswerable"]]
    unanswerable = [s for s in scores if s["unanswerable"]]
    refused = [s for s in scores if s["abstained"]]
    a = len(answerable) or 1
    failures = []
    for s in scores:
        if s["unanswerable"] and not s["abstained"]:
            failures.append(f"answered an unanswerable question: {s['question']}")
        elif not s["unanswerable"] and s["abstained"]:
            failures.append(f"refused an answerable question: {s['question']}")
        elif not s["unanswerable"] and (s["rank"] is None or s["rank"] > 3):
            failures.append(f"expected passage not in top 3 citations: {s['question']}")
        elif not s["unanswerable"] and not s["keywords_ok"]:
            failures.append(f"answer lacks expected keywords: {s['question']}")
    return {
        "questions": len(scores),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "hit@1": sum(1 for s in answerable if s["rank"] == 1) / a,
        "hit@3": sum(1 for s in answerable if s["rank"] is not None and s["rank"] <= 3) / a,
        "keyword_rate": sum(1 for s in answerable if s["keywords_ok"]) / a,
        "answerable_refused": sum(1 for s in answerable if s["abstained"]) / a,
        "unanswerable_refused": (
            sum(1 for s in unanswerable if s["abstained"]) / len(unanswerable) if unanswerable else 0.0
        ),
        "abstention_precision": (sum(1 for s in refused if s["unanswerable"]) / len(refused) if refused else 1.0),
        "abstention_recall": (
            sum(1 for s in unanswerable if s["abstained"]) / len(unanswerable) if unanswerable else 1.0
        ),
        "failures": failures,
    }


def evaluate_questions(path: Path, settings: Settings, *, limit: int | None = None) -> dict[str, Any]:
    """Score a question file, or every `*.jsonl` question file of a folder: the pooled figures, and for a
    folder each file's under "files"."""
    from .engine import Engine

    engine = Engine(settings)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise ConfigError(f"{path} holds no question files (*.jsonl)")
        per_file = {f.name: _score_file(f, engine, limit) for f in files}
        pooled = summarise([s for scores in per_file.values() for s in scores])
        pooled["failures"] = [
            f"{name}: {x}" for name, scores in per_file.items() for x in summarise(scores)["failures"]
        ]
        pooled["files"] = {
            name: {k: v for k, v in summarise(scores).items() if k != "failures"} for name, scores in per_file.items()
        }
        return pooled
    return summarise(_score_file(path, engine, limit))


def _score_file(path: Path, engine: Any, limit: int | None) -> list[dict[str, Any]]:
    from .engine import Conversation

    items = _read_jsonl(path)[:limit] if limit else _read_jsonl(path)
    scores = []
    for chain in _flatten(items):
        conversation = Conversation()
        for item in chain:
            answer = engine.ask(item["question"], conversation)
            scores.append(score_answer(item, answer))
    return scores
