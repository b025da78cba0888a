"""The index with the real model: incremental by content hash, bad files skipped, incompatibility detected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import IndexIncompatibleError, IndexLockedError
from assistant.indexer import index_status, update_index
from assistant.retrieval import Retriever
from assistant.store import IndexStore, current_generation

NEW_ARTICLE = """---
title: Hengrui licenses PD-1/VEGF bispecific to a European drugmaker
source: Test Wire
published: 2026-01-20
---

Jiangsu Hengrui Pharmaceuticals licensed its PD-1/VEGF bispecific antibody to a European drugmaker.
The agreement includes an upfront payment of $150m and up to $1.2bn in milestones.
The partner gains rights outside Greater China.
"""


def passages_of(settings: Settings, document: str) -> int:
    store = IndexStore.open(settings.index_dir)
    try:
        return len(store.chunks_of(document))
    finally:
        store.close()


def test_seed_index_is_built_and_searchable(seed_index: Settings) -> None:
    status = index_status(seed_index)
    assert status.exists and status.compatible
    assert status.documents == 1
    assert 8 <= status.passages <= 30
    assert not status.changes.any
    hits = Retriever.open(seed_index).search("Novartis deal with Argo Biopharmaceutical")
    assert "$5.36bn" in hits[0].chunk.text


def test_no_change_embeds_nothing_and_loads_no_model(seed_copy: Settings) -> None:
    before = current_generation(seed_copy.index_dir)
    report = update_index(seed_copy)
    assert (report.added, report.updated, report.removed, report.chunks_embedded) == (0, 0, 0, 0)
    assert report.unchanged == 1
    assert current_generation(seed_copy.index_dir) == before  # no new generation written


def test_add_change_delete_embed_only_what_changed(seed_copy: Settings) -> None:
    seed_passages = passages_of(seed_copy, "china-innovative-medicines-outlook.md")
    (seed_copy.corpus_dir / "hengrui.md").write_text(NEW_ARTICLE, encoding="utf-8")
    added = update_index(seed_copy)
    new_passages = passages_of(seed_copy, "hengrui.md")
    assert (added.added, added.updated, added.unchanged) == (1, 0, 1)
    assert added.chunks_embedded == new_passages >= 1
    assert added.chunks_total == seed_passages + new_passages
    hits = Retriever.open(seed_copy).search("Hengrui upfront payment")
    assert hits[0].chunk.document == "hengrui.md"

    # Touching a file without changing it is not a change.
    path = seed_copy.corpus_dir / "hengrui.md"
    path.write_text(NEW_ARTICLE, encoding="utf-8")
    assert update_index(seed_copy).chunks_embedded == 0

    path.write_text(NEW_ARTICLE.replace("$150m", "$175m"), encoding="utf-8")
    changed = update_index(seed_copy)
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 1)
    assert changed.chunks_embedded == passages_of(seed_copy, "hengrui.md")
    assert "$175m" in Retriever.open(seed_copy).search("Hengrui upfront payment")[0].chunk.text

    path.unlink()
    removed = update_index(seed_copy)
    assert (removed.removed, removed.chunks_embedded, removed.documents_total) == (1, 0, 1)
    assert removed.chunks_total == seed_passages
    assert all(h.chunk.document != "hengrui.md" for h in Retriever.open(seed_copy).search("Hengrui"))


def test_bad_files_warn_and_the_rest_is_indexed(seed_copy: Settings) -> None:
    corpus = seed_copy.corpus_dir
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (corpus / "latin1.md").write_bytes("Caf\xe9".encode("latin-1"))
    with (corpus / "huge.txt").open("wb") as handle:
        handle.truncate(20_000_000)
    (corpus / "good.md").write_text(NEW_ARTICLE, encoding="utf-8")
    report = update_index(seed_copy)
    assert report.added == 1 and report.skipped == 4
    joined = "\n".join(report.warnings)
    for name, reason in (
        ("empty.md", "is empty"),
        ("binary.txt", "binary"),
        ("latin1.md", "not valid UTF-8"),
        ("huge.txt", "over the 10 MB limit"),
    ):
        assert any(w.startswith(f"{name}: skipped") and reason in w for w in report.warnings), joined
    # They are reported again on the next run, without re-reading or re-embedding anything.
    again = update_index(seed_copy)
    assert again.chunks_embedded == 0 and again.skipped == 4 and len(again.warnings) == 4
    assert not index_status(seed_copy).changes.any


def test_an_indexed_article_that_turns_bad_keeps_its_indexed_version(seed_copy: Settings) -> None:
    seed = seed_copy.corpus_dir / "china-innovative-medicines-outlook.md"
    before = passages_of(seed_copy, seed.name)
    seed.write_bytes(b"\xff\xfe broken")
    report = update_index(seed_copy)
    assert any("previously indexed version is kept" in w for w in report.warnings)
    assert passages_of(seed_copy, seed.name) == before
    assert "$5.36bn" in Retriever.open(seed_copy).search("Novartis Argo deal")[0].chunk.text


def test_empty_corpus_warns_and_builds_nothing(tmp_path: Path) -> None:
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    settings.corpus_dir.mkdir()
    report = update_index(settings)
    assert report.documents_total == 0
    assert any("has no articles" in w for w in report.warnings)
    assert current_generation(settings.index_dir) is None


def test_other_chunker_settings_are_detected(seed_copy: Settings) -> None:
    other = seed_copy.model_copy(update={"chunk_tokens": 96})
    with pytest.raises(IndexIncompatibleError, match="run `assistant index`"):
        Retriever.open(other)
    report = update_index(other)
    assert report.rebuilt and any("rebuilding the whole index" in w for w in report.warnings)
    assert report.chunks_embedded == report.chunks_total
    Retriever.open(other)  # now compatible


def test_a_second_writer_waits_then_gives_up_clearly(seed_copy: Settings) -> None:
    from filelock import FileLock

    with (
        FileLock(str(seed_copy.index_dir / ".lock")),
        pytest.raises(IndexLockedError, match="another process is updating the index"),
    ):
        update_index(seed_copy, lock_timeout=0.2)
    assert update_index(seed_copy).unchanged == 1


def test_old_generations_are_removed(seed_copy: Settings) -> None:
    path = seed_copy.corpus_dir / "a.md"
    for i in range(3):
        path.write_text(NEW_ARTICLE.replace("$150m", f"${100 + i}m"), encoding="utf-8")
        update_index(seed_copy)
    generations = sorted(p.name for p in seed_copy.index_dir.glob("gen-*"))
    assert len(generations) == 2  # the live one and the one before it (readers may still hold it)
    assert not list(seed_copy.index_dir.glob(".build-*"))
    shutil.rmtree(seed_copy.corpus_dir)
