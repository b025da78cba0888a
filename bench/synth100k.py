"""A 100k-passage index built honestly but cheaply, without embedding 100k passages.

The documents are the SciFact abstracts of a real index replicated with small text variations (copy 0 is
the original; in copy k about 8% of the words of four letters or more are replaced by another corpus word
of the same length, so every character offset, section and sentence span stays valid). Each copy's vectors
are the real passage vectors plus Gaussian noise (sigma 0.015 per dimension, cosine ~0.95 to the original),
re-normalised; the per-sentence vectors stored with each passage are reused unchanged. Everything is
written through `assistant.store.GenerationWriter`, so SQLite, FTS5, the vectors and FAISS are exactly what
the indexer writes; the real exported query encoder is linked in.

Run: .venv/bin/python bench/synth100k.py BASE_INDEX OUT_INDEX [--passages 100000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from assistant.models import Chunk, Document, DocumentMeta, Section
from assistant.store import GenerationWriter, build_faiss, current_generation, read_manifest

NOISE_SIGMA = 0.015
WORD_SWAP_RATE = 0.08
_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


def _vary(text: str, rng: random.Random, by_length: dict[int, list[str]]) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= WORD_SWAP_RATE:
            return word
        pool = by_length.get(len(word))
        return rng.choice(pool) if pool else word

    varied = _WORD.sub(swap, text)
    assert len(varied) == len(text)
    return varied


def build_synthetic(
    base_index: Path, out_index: Path, passages: int = 100_000, seed: int = 0, hnsw_threshold: int = 200_000
) -> dict[str, float]:
    """Write a `passages`-passage generation into `out_index` (replaced) from the SciFact index `base_index`."""
    started = time.perf_counter()
    if hnsw_threshold is None:
        from assistant.config import Settings

        hnsw_threshold = Settings().hnsw_threshold
    generation = current_generation(base_index)
    if generation is None:
        raise SystemExit(f"no index in {base_index}")
    manifest = read_manifest(generation)
    db = sqlite3.connect(f"file:{generation / 'store.sqlite'}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    documents = db.execute("SELECT * FROM documents ORDER BY path").fetchall()
    chunks_by_doc: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in db.execute("SELECT * FROM chunks ORDER BY document, ordinal"):
        chunks_by_doc[row["document"]].append(row)
    ids = np.load(generation / "ids.npy")
    vectors = np.load(generation / "vectors.npy")
    position = {int(i): p for p, i in enumerate(ids)}
    vocabulary: dict[int, set[str]] = defaultdict(set)
    for row in documents:
        for word in _WORD.findall(row["text"]):
            vocabulary[len(word)].add(word.lower())
    by_length = {n: sorted(words) for n, words in vocabulary.items()}

    shutil.rmtree(out_index, ignore_errors=True)
    out_index.mkdir(parents=True)
    assert manifest.encoder is not None
    os.symlink((base_index / manifest.encoder).resolve(), out_index / manifest.encoder)
    writer = GenerationWriter(out_index, None, dimension=manifest.dimension)
    writer.db.execute("PRAGMA synchronous = OFF")
    rng_np = np.random.default_rng(seed)
    total = copy = 0
    while total < passages:
        rng = random.Random(f"{seed}-{copy}")
        for row in documents:
            if total >= passages:
                break
            rows = chunks_by_doc.get(row["path"], [])
            text = row["text"] if copy == 0 else _vary(row["text"], rng, by_length)
            path = row["path"] if copy == 0 else f"v{copy:02d}/{row['path']}"
            document = Document(
                path=path,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                meta=DocumentMeta.model_validate_json(row["meta"]),
                text=text,
                sections=[Section(heading=h, start=s, end=e) for h, s, e in json.loads(row["sections"])],
                pages=[tuple(p) for p in json.loads(row["pages"])],
            )
            chunks = [
                Chunk(
                    document=path,
                    ordinal=c["ordinal"],
                    section=c["section"],
                    start=c["start"],
                    end=c["end"],
                    text=text[c["start"] : c["end"]],
                )
                for c in rows
            ]
            sentences = [[tuple(s) for s in json.loads(c["sentences"])] for c in rows]
            block = vectors[[position[int(c["id"])] for c in rows]] if rows else np.zeros((0, manifest.dimension))
            if copy and len(block):
                block = block + rng_np.normal(0.0, NOISE_SIGMA, block.shape).astype(np.float32)
                block /= np.linalg.norm(block, axis=1, keepdims=True)
            # Sentence vectors (float16 in the store) are reused unchanged: only answer scoring reads them.
            sentence_vectors = [
                np.frombuffer(c["sentence_vectors"], dtype=np.float16).reshape(-1, manifest.dimension) for c in rows
            ]
            writer.add_document(
                document,
                len(text),
                0,
                chunks,
                sentences,
                block.astype(np.float32),
                sentence_vectors,
                facts_json=row["facts"],
            )
            total += len(rows)
        copy += 1
    documents_total, chunks_total = writer.counts()
    written = manifest.model_copy(update={"documents": documents_total, "chunks": chunks_total})
    writer.commit(written, hnsw_threshold)
    db.close()
    return {
        "documents": documents_total,
        "passages": chunks_total,
        "copies": copy,
        "seconds": round(time.perf_counter() - started, 1),
    }


def faiss_variant(src_index: Path, dst_index: Path, *, hnsw: bool) -> float:
    """The same generation with a flat or an HNSW FAISS index (other files hard-linked); returns build seconds."""
    generation = current_generation(src_index)
    assert generation is not None
    manifest = read_manifest(generation)
    shutil.rmtree(dst_index, ignore_errors=True)
    target = dst_index / generation.name
    target.mkdir(parents=True)
    for name in ("store.sqlite", "ids.npy", "vectors.npy"):
        os.link(generation / name, target / name)
    assert manifest.encoder is not None
    os.symlink((src_index / manifest.encoder).resolve(), dst_index / manifest.encoder)
    vectors = np.load(generation / "vectors.npy")
    started = time.perf_counter()
    kind = build_faiss(vectors, target / "faiss.index", hnsw_threshold=1 if hnsw else len(vectors) + 1)
    seconds = time.perf_counter() - started
    (target / "manifest.json").write_text(manifest.model_copy(update={"index_type": kind}).model_dump_json(indent=2))
    (dst_index / "CURRENT").write_text(generation.name + "\n")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("base_index", type=Path)
    parser.add_argument("out_index", type=Path)
    parser.add_argument("--passages", type=int, default=100_000)
    args = parser.parse_args()
    print(json.dumps(build_synthetic(args.base_index, args.out_index, args.passages)))


if __name__ == "__main__":
    main()
