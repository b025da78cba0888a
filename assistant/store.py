"""The index on disk: SQLite (documents, passages, full text) + vectors + FAISS, in atomic generations.

```
index/
  CURRENT            name of the live generation, replaced atomically (os.replace) as the last step
  .lock              one writer at a time (filelock)
  gen-00000007/      manifest.json, store.sqlite, vectors.npy, ids.npy, faiss.index
  encoder-<hash>/    the exported ONNX query encoder for the index's model
```

A writer builds the next generation in a temporary folder from a copy of the live one and only then points
CURRENT at it, so a `kill -9` at any moment leaves the previous index intact and readers never see a
half-written one. Readers open whatever CURRENT names; old generations are removed two builds later.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel

from .errors import IndexIncompatibleError, IndexMissingError
from .models import Chunk, Document, DocumentInfo, DocumentMeta, Section

FORMAT_VERSION = 2
CURRENT = "CURRENT"
LOCK = ".lock"

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    meta TEXT NOT NULL,
    published TEXT,
    source TEXT,
    text TEXT NOT NULL,
    sections TEXT NOT NULL,
    pages TEXT NOT NULL,
    facts TEXT,
    indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    section TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentences TEXT NOT NULL,
    sentence_vectors BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document);
CREATE TABLE IF NOT EXISTS skipped (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    text, context, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""


class ChunkerManifest(BaseModel):
    max_tokens: int
    overlap: int


class Manifest(BaseModel):
    format_version: int = FORMAT_VERSION
    model: str
    dimension: int
    max_seq_length: int
    chunker: ChunkerManifest
    index_type: str
    encoder: str | None = None
    built_at: str
    documents: int
    chunks: int

    def problem_with(self, model: str, chunker: ChunkerManifest) -> str | None:
        """Why this index cannot serve the given settings, or None."""
        if self.format_version != FORMAT_VERSION:
            return f"the index has format {self.format_version}, this version reads {FORMAT_VERSION}"
        if self.model != model:
            return f"the index was built with model '{self.model}', the settings name '{model}'"
        if self.chunker != chunker:
            return (
                f"the index was built with passages of {self.chunker.max_tokens} tokens "
                f"(overlap {self.chunker.overlap}), the settings ask for {chunker.max_tokens} "
                f"(overlap {chunker.overlap})"
            )
        return None


# --------------------------------------------------------------------------------------------------
# Locating generations


def current_generation(index_dir: Path) -> Path | None:
    try:
        name = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    path = index_dir / name
    return path if name and (path / "manifest.json").exists() else None


def read_manifest(generation: Path) -> Manifest:
    return Manifest.model_validate_json((generation / "manifest.json").read_text(encoding="utf-8"))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see either the old or the new content, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------------------------------
# Rows <-> models


def _meta_json(meta: DocumentMeta) -> str:
    return meta.model_dump_json(exclude_none=True)


def _document_from_row(row: sqlite3.Row) -> Document:
    return Document(
        path=row["path"],
        sha256=row["sha256"],
        meta=DocumentMeta.model_validate_json(row["meta"]),
        text=row["text"],
        sections=[Section(heading=h, start=s, end=e) for h, s, e in json.loads(row["sections"])],
        pages=[tuple(p) for p in json.loads(row["pages"])],
    )


def _chunk_from_row(row: sqlite3.Row) -> Chunk:
    return Chunk(
        id=row["id"],
        document=row["document"],
        ordinal=row["ordinal"],
        section=row["section"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
    )


# --------------------------------------------------------------------------------------------------
# Reading


class IndexStore:
    """A read-only view of one generation. Thread-safe for reads (one connection per thread)."""

    def __init__(self, generation: Path) -> None:
        self.generation = generation
        self.manifest = read_manifest(generation)
        self._db_path = generation / "store.sqlite"
        self._connections: dict[int, sqlite3.Connection] = {}
        self._faiss: Any = None
        self._ids: np.ndarray | None = None
        self._meta_cache: dict[str, DocumentMeta] = {}
        self._shares: dict[str, float] = {}

    @classmethod
    def open(cls, index_dir: Path) -> IndexStore:
        generation = current_generation(index_dir)
        if generation is None:
            raise IndexMissingError(f"no index in {index_dir}: run `assistant index` to build it")
        return cls(generation)

    @property
    def db(self) -> sqlite3.Connection:
        import threading

        key = threading.get_ident()
        conn = self._connections.get(key)
        if conn is None:
            conn = sqlite3.connect(f"file:{self._db_path}?mode=ro", uri=True, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._connections[key] = conn
        return conn

    def close(self) -> None:
        for conn in self._connections.values():
            conn.close()
        self._connections.clear()

    # documents ---------------------------------------------------------------------------------------
    def document_states(self) -> dict[str, tuple[str, int, int]]:
        """path -> (sha256, size, mtime_ns) for indexed and skipped files."""
        rows = self.db.execute(
            "SELECT path, sha256, size, mtime_ns FROM documents UNION ALL "
            "SELECT path, sha256, size, mtime_ns FROM skipped"
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def get_document(self, path: str) -> Document:
        row = self.db.execute("SELECT * FROM documents WHERE path = ?", (path,)).fetchone()
        if row is None:
            raise KeyError(path)
        return _document_from_row(row)

    def meta(self, path: str) -> DocumentMeta:
        cached = self._meta_cache.get(path)
        if cached is None:
            row = self.db.execute("SELECT meta FROM documents WHERE path = ?", (path,)).fetchone()
            if row is None:
                raise KeyError(path)
            cached = self._meta_cache[path] = DocumentMeta.model_validate_json(row[0])
        return cached

    def list_documents(self) -> list[DocumentInfo]:
        rows = self.db.execute(
            "SELECT d.path, d.meta, COUNT(c.id) AS n FROM documents d LEFT JOIN chunks c ON c.document = d.path "
            "GROUP BY d.path ORDER BY d.published DESC, d.path"
        )
        return [DocumentInfo(path=r[0], meta=DocumentMeta.model_validate_json(r[1]), passages=r[2]) for r in rows]

    def latest_published(self) -> str | None:
        """The newest publication date (ISO) among the documents: the corpus's "now"."""
        row = self.db.execute("SELECT MAX(published) FROM documents").fetchone()
        return row[0] if row else None

    def facts(self) -> list[tuple[str, str]]:
        """(document path, facts JSON) for every document with extracted facts."""
        return [(r[0], r[1]) for r in self.db.execute("SELECT path, facts FROM documents WHERE facts IS NOT NULL")]

    def filter_documents(
        self, source: str | None, since: str | None, until: str | None, paths: Sequence[str]
    ) -> list[str]:
        clauses, args = [], []
        if source:
            clauses.append("(source LIKE ? OR meta LIKE ?)")
            args += [f"%{source}%", f'%"url":"%{source}%']
        if since:
            clauses.append("published >= ?")
            args.append(since)
        if until:
            clauses.append("published <= ?")
            args.append(until)
        if paths:
            clauses.append("(" + " OR ".join("path = ? OR path LIKE ?" for _ in paths) + ")")
            for p in paths:
                args += [p, p.rstrip("/") + "/%"]
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        return [r[0] for r in self.db.execute(f"SELECT path FROM documents{where}", args)]

    # passages ----------------------------------------------------------------------------------------
    def chunks(self, ids: Sequence[int]) -> dict[int, Chunk]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT * FROM chunks WHERE id IN ({marks})", list(ids))
        return {r["id"]: _chunk_from_row(r) for r in rows}

    def chunk_sentences(self, ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, sentences FROM chunks WHERE id IN ({marks})", list(ids))
        return {r[0]: [tuple(s) for s in json.loads(r[1])] for r in rows}

    def sentence_vectors(self, ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Per passage: its sentences' unit vectors (float32, one row per sentence span)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, sentence_vectors FROM chunks WHERE id IN ({marks})", list(ids))
        d = self.manifest.dimension
        return {r[0]: np.frombuffer(r[1], dtype=np.float16).reshape(-1, d).astype(np.float32) for r in rows}

    def chunk_ids_for(self, documents: Sequence[str]) -> list[int]:
        if not documents:
            return []
        marks = ",".join("?" * len(documents))
        return [r[0] for r in self.db.execute(f"SELECT id FROM chunks WHERE document IN ({marks})", list(documents))]

    def chunks_of(self, document: str) -> list[Chunk]:
        rows = self.db.execute("SELECT * FROM chunks WHERE document = ? ORDER BY ordinal", (document,))
        return [_chunk_from_row(r) for r in rows]

    def full_text_search(self, match: str, k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """(chunk id, bm25 score; higher is better) for an FTS5 MATCH expression."""
        if not match:
            return []
        limit = k if allowed is None else k * 20 + 200
        try:
            rows = self.db.execute(
                "SELECT rowid, -bm25(chunks_fts, 1.0, 0.5) AS score FROM chunks_fts WHERE chunks_fts MATCH ? "
                "ORDER BY bm25(chunks_fts, 1.0, 0.5) LIMIT ?",
                (match, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        hits = [(int(r[0]), float(r[1])) for r in rows]
        if allowed is not None:
            hits = [h for h in hits if h[0] in allowed]
        return hits[:k]

    def passage_share(self, terms: Sequence[str]) -> dict[str, float]:
        """Share of the passages whose full text holds each word (as FTS5 indexes it: Porter stems), from
        the index's own vocabulary; cached per index generation."""
        import Stemmer

        cache = self._shares
        missing = [t for t in terms if t not in cache]
        if missing:
            db = self.db
            if not db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'vocab'").fetchone():
                db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, chunks_fts, 'row')")
            # FTS5's Porter stems "-logy" as the revised algorithm does ("oncology" -> "oncolog"), PyStemmer's
            # "porter" as the original ("oncologi"): look both up.
            stems = (Stemmer.Stemmer("porter").stemWord, Stemmer.Stemmer("english").stemWord)
            total = max(1, self.manifest.chunks)
            from .lexicon import spelling_variant

            for term in missing:
                forms = [term.lower(), spelling_variant(term.lower())]  # "commercialize" or "-ise"
                found = [
                    db.execute("SELECT doc FROM temp.vocab WHERE term = ?", (stemmed,)).fetchone()
                    for stemmed in dict.fromkeys(stem(form) for form in forms if form for stem in stems)
                ]
                cache[term] = max((row[0] for row in found if row), default=0) / total
        return {t: cache[t] for t in terms}

    # vectors -----------------------------------------------------------------------------------------
    @property
    def ids(self) -> np.ndarray:
        if self._ids is None:
            self._ids = np.load(self.generation / "ids.npy")
        return self._ids

    @property
    def faiss_index(self) -> Any:
        if self._faiss is None:
            import faiss

            # One query at a time: OpenMP's thread hand-off costs more than it saves (measured with
            # bench/perf_faiss.py: flat search over 20k vectors 16 ms with 2 threads, 1 ms with one).
            faiss.omp_set_num_threads(1)
            self._faiss = faiss.read_index(str(self.generation / "faiss.index"))
        return self._faiss

    def dense_search(
        self, vectors: np.ndarray, k: int, allowed: set[int] | None = None
    ) -> list[list[tuple[int, float]]]:
        """Per query vector: (chunk id, inner product) best first."""
        import faiss

        index = self.faiss_index
        faiss.omp_set_num_threads(1)  # per calling thread in OpenMP: the chat asks from worker threads
        if index.ntotal == 0:
            return [[] for _ in range(len(vectors))]
        k = min(k, index.ntotal)
        params = None
        if allowed is not None:
            positions = np.flatnonzero(np.isin(self.ids, np.fromiter(allowed, dtype=np.int64)))
            if len(positions) == 0:
                return [[] for _ in range(len(vectors))]
            selector = faiss.IDSelectorBatch(positions.astype(np.int64))
            params = (
                faiss.SearchParametersHNSW(sel=selector, efSearch=max(128, k))  # type: ignore[attr-defined]
                if self.manifest.index_type.startswith("hnsw")
                else faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
            )
            k = min(k, len(positions))
        elif self.manifest.index_type.startswith("hnsw"):
            index.hnsw.efSearch = max(128, k)
        scores, positions_ = index.search(np.ascontiguousarray(vectors, dtype=np.float32), k, params=params)
        ids = self.ids
        return [
            [(int(ids[p]), float(s)) for p, s in zip(prow, srow, strict=True) if p >= 0]
            for prow, srow in zip(positions_, scores, strict=True)
        ]

    def vectors(self) -> np.ndarray:
        return np.load(self.generation / "vectors.npy", mmap_mode="r")


# --------------------------------------------------------------------------------------------------
# Writing


class GenerationWriter:
    """Builds the next generation in a temporary folder; `commit()` makes it live atomically."""

    def __init__(self, index_dir: Path, base: Path | None, *, dimension: int) -> None:
        self.index_dir = index_dir
        index_dir.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(index_dir)
        self.tmp = Path(tempfile.mkdtemp(dir=index_dir, prefix=".build-"))
        self.dimension = dimension
        self.db = sqlite3.connect(self.tmp / "store.sqlite")
        if base is not None:
            source = sqlite3.connect(f"file:{base / 'store.sqlite'}?mode=ro", uri=True)
            source.backup(self.db)
            source.close()
            self._vectors = np.load(base / "vectors.npy")
            self._ids = np.load(base / "ids.npy")
        else:
            self._vectors = np.zeros((0, dimension), dtype=np.float32)
            self._ids = np.zeros((0,), dtype=np.int64)
        self.db.executescript(SCHEMA)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.base = base
        self._removed: set[int] = set()
        self._added_ids: list[np.ndarray] = []
        self._added_vectors: list[np.ndarray] = []
        row = self.db.execute("SELECT MAX(id) FROM chunks").fetchone()
        self._next_id = int(row[0] or 0) + 1
        if len(self._ids):
            self._next_id = max(self._next_id, int(self._ids.max()) + 1)

    # edits ---------------------------------------------------------------------------------------
    def remove_document(self, path: str) -> int:
        ids = [r[0] for r in self.db.execute("SELECT id FROM chunks WHERE document = ?", (path,))]
        self.db.executemany("DELETE FROM chunks_fts WHERE rowid = ?", [(i,) for i in ids])
        self.db.execute("DELETE FROM chunks WHERE document = ?", (path,))
        self.db.execute("DELETE FROM documents WHERE path = ?", (path,))
        self._removed.update(ids)
        return len(ids)

    def set_skipped(self, entries: Iterable[tuple[str, str, int, int, str]]) -> None:
        """Replace the list of files that could not be indexed (path, sha256, size, mtime_ns, reason)."""
        self.db.execute("DELETE FROM skipped")
        self.db.executemany("INSERT INTO skipped VALUES (?, ?, ?, ?, ?)", list(entries))

    def add_document(
        self,
        document: Document,
        size: int,
        mtime_ns: int,
        chunks: Sequence[Chunk],
        sentences: Sequence[Sequence[tuple[int, int]]],
        vectors: np.ndarray,
        sentence_vectors: Sequence[np.ndarray],
        facts_json: str | None = None,
    ) -> list[int]:
        self.remove_document(document.path)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self.db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.path,
                document.sha256,
                size,
                mtime_ns,
                _meta_json(document.meta),
                document.meta.published.isoformat() if document.meta.published else None,
                document.meta.source,
                document.text,
                json.dumps([(s.heading, s.start, s.end) for s in document.sections]),
                json.dumps(document.pages),
                facts_json,
                now,
            ),
        )
        ids = list(range(self._next_id, self._next_id + len(chunks)))
        self._next_id += len(chunks)
        self.db.executemany(
            'INSERT INTO chunks (id, document, ordinal, section, start, "end", text, sentences, sentence_vectors) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    c.document,
                    c.ordinal,
                    c.section,
                    c.start,
                    c.end,
                    c.text,
                    json.dumps(s),
                    np.asarray(v, dtype=np.float16).tobytes(),
                )
                for i, c, s, v in zip(ids, chunks, sentences, sentence_vectors, strict=True)
            ],
        )
        context = " ".join(p for p in (document.meta.title,) if p)
        self.db.executemany(
            "INSERT INTO chunks_fts (rowid, text, context) VALUES (?, ?, ?)",
            [(i, c.text, f"{context} {c.section or ''}".strip()) for i, c in zip(ids, chunks, strict=True)],
        )
        if len(ids):
            self._added_ids.append(np.asarray(ids, dtype=np.int64))
            self._added_vectors.append(np.asarray(vectors, dtype=np.float32).reshape(len(ids), self.dimension))
        return ids

    def counts(self) -> tuple[int, int]:
        documents = self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        chunks = self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return int(documents), int(chunks)

    # finishing -----------------------------------------------------------------------------------
    def commit(self, manifest: Manifest, hnsw_threshold: int) -> Path:
        """Write vectors, FAISS and manifest, fsync, and switch CURRENT to the new generation."""
        self.db.commit()
        self.db.execute("PRAGMA optimize")
        self.db.close()
        keep = ~np.isin(self._ids, np.fromiter(self._removed, dtype=np.int64)) if self._removed else None
        ids = self._ids if keep is None else self._ids[keep]
        vectors = self._vectors if keep is None else self._vectors[keep]
        if self._added_ids:
            ids = np.concatenate([ids, *self._added_ids])
            vectors = np.concatenate([vectors, *self._added_vectors])
        np.save(self.tmp / "ids.npy", ids)
        np.save(self.tmp / "vectors.npy", np.ascontiguousarray(vectors, dtype=np.float32))
        index_type = build_faiss(vectors, self.tmp / "faiss.index", hnsw_threshold)
        manifest = manifest.model_copy(update={"index_type": index_type})
        (self.tmp / "manifest.json").write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
        for name in ("store.sqlite", "ids.npy", "vectors.npy", "faiss.index", "manifest.json"):
            with open(self.tmp / name, "rb") as handle:
                os.fsync(handle.fileno())
        _fsync_dir(self.tmp)
        number = _next_generation_number(self.index_dir)
        final = self.index_dir / f"gen-{number:08d}"
        os.replace(self.tmp, final)
        _fsync_dir(self.index_dir)
        write_atomic(self.index_dir / CURRENT, f"{final.name}\n".encode())
        _remove_old_generations(self.index_dir, keep={final.name, self.base.name if self.base else ""})
        return final

    def abort(self) -> None:
        try:
            self.db.close()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)


def build_faiss(vectors: np.ndarray, path: Path, hnsw_threshold: int) -> str:
    """Exact inner product while it is fastest; HNSW (approximate) from `hnsw_threshold` passages on."""
    import faiss

    faiss.omp_set_num_threads(os.cpu_count() or 1)  # building does use every core
    n, dimension = vectors.shape
    index: Any
    if n >= hnsw_threshold:
        index = faiss.IndexHNSWFlat(dimension, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        kind = "hnsw32"
    else:
        index = faiss.IndexFlatIP(dimension)
        kind = "flat"
    if n:
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    faiss.write_index(index, str(path))
    return kind


def _next_generation_number(index_dir: Path) -> int:
    numbers = [int(p.name[4:]) for p in index_dir.glob("gen-*") if p.name[4:].isdigit()]
    return max(numbers, default=0) + 1


def _remove_old_generations(index_dir: Path, keep: set[str]) -> None:
    for path in index_dir.glob("gen-*"):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def _remove_stale_temporaries(index_dir: Path) -> None:
    """Left behind by a writer that was killed; only ever called with the write lock held."""
    for path in index_dir.glob(".build-*"):
        shutil.rmtree(path, ignore_errors=True)


def check_compatible(store: IndexStore, model: str, chunker: ChunkerManifest) -> None:
    problem = store.manifest.problem_with(model, chunker)
    if problem:
        raise IndexIncompatibleError(f"{problem}: run `assistant index` to rebuild it")
