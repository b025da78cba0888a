"""Shared fixtures: the seed corpus indexed once per test process with the real model, and cheap copies."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from assistant.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED_CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The seed corpus, indexed with the real model into a private folder (built once per process)."""
    from assistant.indexer import update_index

    base = tmp_path_factory.mktemp("seed")
    corpus = base / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=base / "index")
    update_index(settings)
    return settings


@pytest.fixture
def seed_copy(seed_index: Settings, tmp_path: Path) -> Settings:
    """A private copy of the indexed seed corpus that a test may change freely."""
    corpus = tmp_path / "corpus"
    index = tmp_path / "index"
    shutil.copytree(seed_index.corpus_dir, corpus)
    shutil.copytree(seed_index.index_dir, index, ignore=shutil.ignore_patterns(".lock"))
    return Settings(corpus_dir=corpus, index_dir=index)


def cli_env(settings: Settings | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    if settings is not None:
        env["ASSISTANT_CORPUS_DIR"] = str(settings.corpus_dir)
        env["ASSISTANT_INDEX_DIR"] = str(settings.index_dir)
    env.update(extra)
    return env


def assistant_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant", *args]
