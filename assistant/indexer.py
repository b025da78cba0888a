"""Bring the index up to date with the corpus: diff by content hash, embed only what changed.

When nothing changed no model is loaded and no generation is written, so a no-op run costs a directory
scan and a hash per file.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .chunking import ChunkerSettings, TokenCounter, chunk_document
from .config import Settings
from .corpus import document_id, iter_corpus_files, load_document
from .errors import ArticleError, IndexIncompatibleError, IndexLockedError
from .models import Chunk, CorpusChanges, Document, IndexReport, IndexStatus
from .store import (
    LOCK,
    ChunkerManifest,
    GenerationWriter,
    IndexStore,
    Manifest,
    current_generation,
    read_manifest,
)

if TYPE_CHECKING:
    from .encoder import QueryEncoder


@dataclass
class Progress:
    """Posted while indexing; `phase` is "scan", "read", "embed" or "write"."""

    phase: str
    done: int = 0
    total: int = 0
    documents: int = 0
    documents_total: int = 0
    message: str = ""


@dataclass
class _FileState:
    path: Path
    rel: str
    size: int
    mtime_ns: int
    sha256: str | None = None


@dataclass
class _Plan:
    new: list[_FileState] = field(default_factory=list)
    changed: list[_FileState] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[_FileState] = field(default_factory=list)
    skipped_before: list[_FileState] = field(default_factory=list)
    """Files that failed last time and have not changed since: reported again, not re-read."""


def chunker_manifest(settings: Settings) -> ChunkerManifest:
    return ChunkerManifest(max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)


# --------------------------------------------------------------------------------------------------
# Scanning


def _stat_files(corpus_dir: Path) -> tuple[list[_FileState], list[str]]:
    states: list[_FileState] = []
    warnings: list[str] = []
    for path in iter_corpus_files(corpus_dir):
        rel = document_id(corpus_dir, path)
        try:
            st = path.stat()
        except FileNotFoundError:
            warnings.append(f"{rel}: skipped, vanished while indexing")
            continue
        except OSError as exc:
            warnings.append(f"{rel}: skipped, cannot be read ({exc.strerror or exc})")
            continue
        states.append(_FileState(path=path, rel=rel, size=st.st_size, mtime_ns=st.st_mtime_ns))
    return states, warnings


def _hash(state: _FileState) -> str | None:
    try:
        digest = hashlib.sha256()
        with state.path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def _plan(states: list[_FileState], known: dict[str, tuple[str, int, int]], skipped: set[str]) -> _Plan:
    plan = _Plan()
    seen = set()
    for state in states:
        seen.add(state.rel)
        previous = known.get(state.rel)
        if previous is None:
            plan.new.append(state)
            continue
        sha, size, mtime_ns = previous
        # Same size and mtime: trust it. Otherwise the content hash decides (touch without edit = unchanged).
        if size != state.size or mtime_ns != state.mtime_ns:
            state.sha256 = _hash(state)
            if state.sha256 != sha:
                (plan.new if state.rel in skipped else plan.changed).append(state)
                continue
        else:
            state.sha256 = sha
        (plan.skipped_before if state.rel in skipped else plan.unchanged).append(state)
    plan.deleted = sorted(set(known) - seen)
    return plan


def corpus_changes(settings: Settings, store: IndexStore | None = None) -> CorpusChanges:
    """Files new, changed or deleted in the corpus since the index was built (files that failed and
    have not changed since are not counted: they are reported by `assistant index`)."""
    states, _ = _stat_files(settings.corpus_dir)
    if store is None:
        return CorpusChanges(new=[s.rel for s in states])
    known = store.document_states()
    skipped = {r[0] for r in store.db.execute("SELECT path FROM skipped")}
    plan = _plan(states, known, skipped)
    return CorpusChanges(
        new=[s.rel for s in plan.new],
        changed=[s.rel for s in plan.changed],
        deleted=[p for p in plan.deleted if p not in skipped],
    )


def index_status(settings: Settings) -> IndexStatus:
    from .store import check_compatible

    generation = current_generation(settings.index_dir)
    base = IndexStatus(corpus_dir=settings.corpus_dir, index_dir=settings.index_dir, exists=generation is not None)
    if generation is None:
        changes = CorpusChanges()
        if settings.corpus_dir.is_dir():
            changes = corpus_changes(settings)
        return base.model_copy(update={"changes": changes, "problem": "no index yet: run `assistant index`"})
    store = IndexStore(generation)
    try:
        manifest = store.manifest
        problem = None
        try:
            check_compatible(store, settings.model, chunker_manifest(settings))
        except Exception as exc:
            problem = str(exc)
        changes = corpus_changes(settings, store) if settings.corpus_dir.is_dir() else CorpusChanges()
        return base.model_copy(
            update={
                "documents": manifest.documents,
                "passages": manifest.chunks,
                "model": manifest.model,
                "dimension": manifest.dimension,
                "index_type": manifest.index_type,
                "built_at": manifest.built_at,
                "compatible": problem is None,
                "problem": problem,
                "changes": changes,
            }
        )
    finally:
        store.close()


# --------------------------------------------------------------------------------------------------
# Models, loaded only when something must be embedded


@lru_cache(maxsize=4)
def token_counter(model: str) -> TokenCounter:
    """Counts the model's word pieces (no special tokens) with its fast tokenizer; no torch needed."""
    from tokenizers import Tokenizer

    from .encoder import resolve_model_path

    path = Path(resolve_model_path(model)) / "tokenizer.json"
    if path.exists():
        tokenizer = Tokenizer.from_file(str(path))
        tokenizer.no_truncation()
        tokenizer.no_padding()

        def count(texts: list[str] | tuple[str, ...]) -> list[int]:  # type: ignore[misc]
            encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
            return [len(e.ids) for e in encodings]

        return count  # type: ignore[return-value]
    from .encoder import DocumentEncoder

    return DocumentEncoder(model).count_tokens  # type: ignore[return-value]


def _model_window(model: str) -> int:
    import json

    from .encoder import resolve_model_path

    config = Path(resolve_model_path(model)) / "sentence_bert_config.json"
    try:
        return int(json.loads(config.read_text())["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 256


def encoder_dir_name(model: str) -> str:
    return "encoder-" + hashlib.sha256(model.encode()).hexdigest()[:12]


# --------------------------------------------------------------------------------------------------
# The update


def update_index(
    settings: Settings,
    *,
    full: bool = False,
    progress: Callable[[Progress], None] | None = None,
    lock_timeout: float | None = None,
) -> IndexReport:
    """Incremental update (or a full rebuild) under the write lock. See the module docstring."""
    from filelock import FileLock, Timeout

    started = time.perf_counter()
    notify = progress or (lambda _p: None)
    index_dir = settings.index_dir
    # Fail on the corpus before touching index/.
    iter_corpus_files(settings.corpus_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK))
    timeout = settings.lock_timeout if lock_timeout is None else lock_timeout
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise IndexLockedError(
            f"another process is updating the index in {index_dir} (waited {timeout:.0f} s); "
            "try again when it has finished"
        ) from None
    try:
        report = _update_locked(settings, full=full, notify=notify)
    finally:
        lock.release()
    return report.model_copy(update={"seconds": round(time.perf_counter() - started, 3)})


def _update_locked(settings: Settings, *, full: bool, notify: Callable[[Progress], None]) -> IndexReport:
    warnings: list[str] = []
    notify(Progress("scan", message="scanning corpus"))
    states, stat_warnings = _stat_files(settings.corpus_dir)
    warnings += stat_warnings
    generation = current_generation(settings.index_dir)
    store = IndexStore(generation) if generation is not None else None
    wanted = chunker_manifest(settings)
    rebuilt = False
    if store is not None and not full:
        problem = store.manifest.problem_with(settings.model, wanted)
        if problem:
            warnings.append(f"rebuilding the whole index: {problem}")
            rebuilt = True
    if full:
        rebuilt = store is not None
    base = None if (store is None or rebuilt) else store
    known = base.document_states() if base is not None else {}
    skipped_paths = {r[0] for r in base.db.execute("SELECT path FROM skipped")} if base is not None else set()
    skipped_reasons = (
        {r[0]: r[1] for r in base.db.execute("SELECT path, reason FROM skipped")} if base is not None else {}
    )
    plan = _plan(states, known, skipped_paths)
    for state in plan.skipped_before:
        warnings.append(f"{state.rel}: skipped, {skipped_reasons.get(state.rel, 'could not be read')}")

    to_read = plan.new + plan.changed
    if not states and base is None:
        warnings.append(f"{settings.corpus_dir} has no articles: add some with `assistant add PATH`")
        return IndexReport(warnings=warnings)
    nothing_to_do = not to_read and not plan.deleted and base is not None
    if nothing_to_do:
        assert base is not None
        base.close()
        return IndexReport(
            unchanged=len(plan.unchanged),
            skipped=len(plan.skipped_before),
            chunks_total=base.manifest.chunks,
            documents_total=base.manifest.documents,
            warnings=warnings,
        )

    # Read and chunk what is new or changed.
    documents: list[tuple[_FileState, Document]] = []
    skipped_now: list[tuple[str, str, int, int, str]] = [
        (s.rel, s.sha256 or "", s.size, s.mtime_ns, skipped_reasons.get(s.rel, "could not be read"))
        for s in plan.skipped_before
    ]
    kept_despite_error: set[str] = set()
    max_bytes = int(settings.max_file_mb * 1_000_000)
    for i, state in enumerate(to_read):
        notify(Progress("read", done=i, total=len(to_read), message=state.rel))
        try:
            document = load_document(settings.corpus_dir, state.path, max_bytes=max_bytes)
        except ArticleError as exc:
            warnings.append(f"{state.rel}: skipped, {exc}")
            if state.rel in known and state.rel not in skipped_paths:
                kept_despite_error.add(state.rel)  # the indexed version stays until the file is fixed
                warnings[-1] += " (the previously indexed version is kept)"
            else:
                skipped_now.append(
                    (state.rel, state.sha256 or _hash(state) or "", state.size, state.mtime_ns, str(exc))
                )
            continue
        state.sha256 = document.sha256
        documents.append((state, document))
    notify(Progress("read", done=len(to_read), total=len(to_read)))

    if not documents and not plan.deleted and base is not None and {s[0] for s in skipped_now} == skipped_paths:
        # Only unreadable files changed: nothing to write.
        documents_total, chunks_total = base.manifest.documents, base.manifest.chunks
        base.close()
        return IndexReport(
            unchanged=len(plan.unchanged) + len(kept_despite_error),
            skipped=len(skipped_now),
            chunks_total=chunks_total,
            documents_total=documents_total,
            warnings=warnings,
        )

    chunker = ChunkerSettings(
        max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap, window=_model_window(settings.model)
    )
    counter = token_counter(settings.model)
    chunked: list[tuple[_FileState, Document, list[Chunk], list[list[tuple[int, int]]]]] = []
    for state, document in documents:
        chunks, sentences = chunk_document(document, counter, chunker)
        chunked.append((state, document, chunks, sentences))
    if any(chunks for _, _, chunks, _ in chunked) or base is None:
        vectors, sentence_vectors, dimension = _embed(settings, chunked, notify)
    else:  # only deletions or unreadable files: no model needed
        dimension = base.manifest.dimension
        vectors, sentence_vectors = np.zeros((0, dimension), dtype=np.float32), []

    notify(Progress("write", message="writing index"))
    writer = GenerationWriter(settings.index_dir, base.generation if base else None, dimension=dimension)
    try:
        removed = 0
        for path in plan.deleted:
            if path not in skipped_paths:
                writer.remove_document(path)
                removed += 1
        facts_for = _fact_extractor()
        offset = 0
        for state, document, chunks, sentences in chunked:
            block = vectors[offset : offset + len(chunks)]
            sentence_block = sentence_vectors[offset : offset + len(chunks)]
            offset += len(chunks)
            writer.add_document(
                document,
                state.size,
                state.mtime_ns,
                chunks,
                sentences,
                block,
                sentence_block,
                facts_json=facts_for(document),
            )
        writer.set_skipped(skipped_now)
        documents_total, chunks_total = writer.counts()
        encoder = _ensure_query_encoder(settings, notify)
        manifest = Manifest(
            model=settings.model,
            dimension=dimension,
            max_seq_length=chunker.window,
            chunker=wanted,
            index_type="flat",
            encoder=encoder,
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            documents=documents_total,
            chunks=chunks_total,
        )
        writer.commit(manifest, settings.hnsw_threshold)
        _remove_stale_encoders(settings.index_dir, keep=encoder)
    except BaseException:
        writer.abort()
        raise
    finally:
        if base is not None:
            base.close()
        if store is not None and store is not base:
            store.close()
    changed_paths = {s.rel for s in plan.changed}
    updated = sum(1 for state, *_ in chunked if state.rel in changed_paths)
    return IndexReport(
        added=len(chunked) - updated,
        updated=updated,
        removed=removed,
        unchanged=len(plan.unchanged) + len(kept_despite_error),
        skipped=len(skipped_now),
        chunks_embedded=len(vectors),
        chunks_total=chunks_total,
        documents_total=documents_total,
        rebuilt=rebuilt,
        warnings=warnings,
    )


def _embed(
    settings: Settings,
    chunked: list[tuple[_FileState, Document, list[Chunk], list[list[tuple[int, int]]]]],
    notify: Callable[[Progress], None],
) -> tuple[np.ndarray, list[np.ndarray], int]:
    """Passage vectors, and per passage its sentences' vectors (pooled from the same forward pass)."""
    texts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    for _, doc, chunks, sentences in chunked:
        for chunk, chunk_sentences in zip(chunks, sentences, strict=True):
            text = chunk.embedding_text(doc.meta.title)
            shift = len(text) - len(chunk.text) - chunk.start  # document offset -> offset in `text`
            texts.append(text)
            spans.append([(s + shift, e + shift) for s, e in chunk_sentences])
    total = len(texts)
    notify(Progress("embed", done=0, total=total, documents_total=len(chunked), message="loading model"))
    encoder = _document_encoder(settings, notify)
    if not texts:
        return np.zeros((0, encoder.dimension), dtype=np.float32), [], encoder.dimension

    def on_batch(done: int) -> None:
        notify(Progress("embed", done=done, total=total, documents_total=len(chunked)))

    vectors, sentence_vectors = encoder.encode_with_sentences(
        texts, spans, batch_size=settings.batch_size, on_batch=on_batch
    )
    return np.asarray(vectors, dtype=np.float32), sentence_vectors, encoder.dimension


def _document_encoder(settings: Settings, notify: Callable[[Progress], None]) -> QueryEncoder:
    """Passages are embedded with the exported ONNX encoder (equal to sentence-transformers to cosine
    0.9999, tested): adding one article then costs no torch import and no model load. The export is made
    once per model, from sentence-transformers, the first time the model is used."""
    from .encoder import QueryEncoder

    directory = settings.index_dir / _ensure_query_encoder(settings, notify)
    try:
        return QueryEncoder.load(directory)
    except IndexIncompatibleError:  # an export from an older version: export again
        import shutil

        shutil.rmtree(directory, ignore_errors=True)
        return QueryEncoder.load(settings.index_dir / _ensure_query_encoder(settings, notify))


def _ensure_query_encoder(settings: Settings, notify: Callable[[Progress], None]) -> str:
    """The ONNX query encoder for this model, exported once per model and reused across generations."""
    from .encoder import CONFIG_FILE, export_query_encoder

    name = encoder_dir_name(settings.model)
    target = settings.index_dir / name
    if not (target / CONFIG_FILE).exists():
        notify(Progress("write", message="exporting query encoder"))
        export_query_encoder(settings.model, target)
    return name


def _remove_stale_encoders(index_dir: Path, keep: str) -> None:
    """Only after the new generation is live: the previous one may still need its encoder until then."""
    import shutil

    for stale in index_dir.glob("encoder-*"):
        if stale.name != keep:
            shutil.rmtree(stale, ignore_errors=True)


def _fact_extractor() -> Callable[[Document], str | None]:
    try:
        from .facts import extract_facts
    except ImportError:
        return lambda _d: None

    def extract(document: Document) -> str | None:
        try:
            return extract_facts(document).model_dump_json()
        except Exception:
            return None

    return extract


def manifest_of(index_dir: Path) -> Manifest | None:
    generation = current_generation(index_dir)
    return read_manifest(generation) if generation else None


os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
