"""Hybrid retrieval: dense (FAISS over the ONNX query encoder) + full text (SQLite FTS5 BM25), fused.

Both sides are oversampled and fused with a convex combination of z-scored scores (each side's candidate
scores to mean 0, sd 1; the dense weight tuned on SciFact train). On SciFact train that beat min-max
normalisation (most with deep candidate lists, where one outlier squeezes min-max) and reciprocal-rank
fusion; both stay available through `RetrievalParams`. `bench/tune_scifact.py` has the figures.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import numpy as np

from .config import Settings
from .errors import IndexIncompatibleError
from .models import Hit
from .store import IndexStore, check_compatible

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before being
    below between both but by can could did didn't do does doesn't doing don't down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is isn't
    it it's its itself just let me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves tell know say said says
    give list show much many also within without across via per summarise summarize summary explain
    describe outline overview please details info information despite notwithstanding although regardless
    whereas mr mrs ms""".split()
)
_TOKEN = re.compile(r"[\w$€£¥%]+(?:[.'’][\w]+)*", re.UNICODE)


_NEGATED = frozenset(
    "don doesn didn isn aren wasn weren won wouldn can couldn shouldn haven hasn hadn needn mustn".split()
)


# A compound of two words only: "out-licensing-to-a-multinational" holds no word "to-a".
_FUNCTION_WORD_PAIR = re.compile(r"(?<![\w-])([a-z]+)-([a-z]+)(?![\w-])")


def _join_function_word_pairs(text: str) -> str:
    """ "me-too" ("me-toos") is a word of its own, though both its parts are stopwords: kept as "me_too"."""

    def join(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        second = second[:-1] if second.endswith("s") and second[:-1] in STOPWORDS else second
        return f"{first}_{second}" if first in STOPWORDS and second in STOPWORDS else m.group(0)

    return _FUNCTION_WORD_PAIR.sub(join, text)


def query_terms(text: str) -> list[str]:
    """Content words of a query, lower-cased, in order, without duplicates."""
    seen: dict[str, None] = {}
    for match in _TOKEN.finditer(_join_function_word_pairs(text.lower())):
        token = match.group(0).strip("'’.").replace("’", "'")
        token = re.sub(r"'s$", "", token)
        if "'" in token and (token.split("'")[0] in STOPWORDS or token.split("'")[0] in _NEGATED):
            continue  # "I'm", "we're", "don't": a pronoun or an auxiliary, contracted
        if token and token not in STOPWORDS and (len(token) > 1 or token.isdigit()):
            seen.setdefault(token, None)
    return list(seen)


def fts_expression(text: str) -> str:
    """An FTS5 MATCH expression: any content word (OR), each quoted so user text is never syntax."""
    from .lexicon import spelling_variant

    terms = [t.replace('"', "").replace("_", " ") for t in query_terms(text)]  # "me_too": the phrase "me too"
    terms += [v for v in (spelling_variant(t) for t in terms) if v and v not in terms]  # -ise / -ize
    return " OR ".join(f'"{t}"' for t in terms if t.strip('"$€£¥%'))


@dataclass(frozen=True)
class RetrievalParams:
    top_k: int = 8
    dense_candidates: int = 100
    lexical_candidates: int = 100
    dense_weight: float = 0.45
    fusion: str = "convex"
    """"convex": weighted sum of per-side normalised scores; "rrf": weighted reciprocal-rank fusion."""
    normalisation: str = "zscore"
    """For convex fusion: "zscore" (mean 0, sd 1 over each side's candidates) or "minmax"."""
    rrf_k: int = 60


K = TypeVar("K", bound=Hashable)  # passage ids or document paths


def fuse_scores(dense: dict[K, float], lexical: dict[K, float], params: RetrievalParams) -> dict[K, float]:
    """One fused score per key (a passage or a document) from each side's raw scores, higher is better.

    A key one side did not return gets that side's lowest normalised score: it is at best as good as the
    last candidate there. Convex scores are rescaled to [0, 1] (best 1.0, last candidate 0.0) whatever
    the normalisation, because the answer composer reads scores relative to the top passage.
    """
    fused: dict[K, float] = {}
    w = params.dense_weight
    if params.fusion == "rrf":
        for weight, side in ((w, dense), (1 - w, lexical)):
            for rank, key in enumerate(sorted(side, key=side.__getitem__, reverse=True)):
                fused[key] = fused.get(key, 0.0) + weight * 2 / (params.rrf_k + rank + 1)
        return fused
    dn, d_floor = _normalise(dense, params.normalisation)
    ln, l_floor = _normalise(lexical, params.normalisation)
    for item in dict.fromkeys([*dense, *lexical]):
        fused[item] = w * dn.get(item, d_floor) + (1 - w) * ln.get(item, l_floor)
    return _normalise(fused, "minmax")[0]


def fuse(
    dense: list[tuple[int, float]],
    lexical: list[tuple[int, float]],
    params: RetrievalParams,
) -> list[tuple[int, float, int | None, int | None, float | None]]:
    """(chunk id, fused score, dense rank, lexical rank, dense score), best first."""
    dense_rank = {cid: r for r, (cid, _) in enumerate(dense)}
    lexical_rank = {cid: r for r, (cid, _) in enumerate(lexical)}
    dense_score = dict(dense)
    scores = fuse_scores(dense_score, dict(lexical), params)
    ordered = sorted(scores, key=lambda c: scores[c], reverse=True)
    return [(c, scores[c], dense_rank.get(c), lexical_rank.get(c), dense_score.get(c)) for c in ordered]


def _normalise(scores: dict[K, float], how: str) -> tuple[dict[K, float], float]:
    """Normalised scores and the value for a key this side did not return."""
    if not scores:
        return {}, 0.0
    values = np.fromiter(scores.values(), dtype=np.float64, count=len(scores))
    if how == "zscore":
        sd = float(values.std())
        if sd < 1e-9:
            return dict.fromkeys(scores, 1.0), 0.0
        normed = (values - values.mean()) / sd
        return dict(zip(scores, normed.tolist(), strict=True)), float(normed.min())
    if how != "minmax":
        raise ValueError(f"unknown normalisation '{how}' (zscore or minmax)")
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-9:
        return dict.fromkeys(scores, 1.0), 0.0
    return dict(zip(scores, ((values - lo) / (hi - lo)).tolist(), strict=True)), 0.0


@lru_cache(maxsize=2)
def _query_encoder(directory: Path):  # type: ignore[no-untyped-def]
    from .encoder import QueryEncoder

    return QueryEncoder.load(directory)


class Retriever:
    """Search over one index generation. `search(q)` is `batch_search([q])[0]`."""

    def __init__(self, store: IndexStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        if store.manifest.encoder is None:
            raise IndexIncompatibleError("the index has no query encoder: run `assistant index --full`")
        self.encoder = _query_encoder(store.generation.parent / store.manifest.encoder)
        self.params = RetrievalParams(
            top_k=settings.top_k,
            dense_candidates=settings.dense_candidates,
            lexical_candidates=settings.lexical_candidates,
            dense_weight=settings.dense_weight,
        )

    @classmethod
    def open(cls, settings: Settings) -> Retriever:
        from .indexer import chunker_manifest

        store = IndexStore.open(settings.index_dir)
        check_compatible(store, settings.model, chunker_manifest(settings))
        return cls(store, settings)

    def encode(self, queries: list[str]) -> np.ndarray:
        return self.encoder.encode(queries)

    def search(self, query: str, *, k: int | None = None, allowed: set[int] | None = None) -> list[Hit]:
        return self.batch_search([query], k=k, allowed=allowed)[0]

    def candidates(
        self,
        queries: list[str],
        *,
        allowed: set[int] | None = None,
        vectors: np.ndarray | None = None,
        params: RetrievalParams | None = None,
    ) -> list[tuple[list[tuple[int, float]], list[tuple[int, float]]]]:
        """Per query, both sides unfused: (dense, full text), each [(chunk id, raw score)] best first."""
        params = params or self.params
        if vectors is None:
            vectors = self.encode(queries)
        dense_all = self.store.dense_search(vectors, params.dense_candidates, allowed)
        return [
            (dense, self.store.full_text_search(self.full_text_expression(query), params.lexical_candidates, allowed))
            for query, dense in zip(queries, dense_all, strict=True)
        ]

    def full_text_expression(self, query: str, keep: int = 3) -> str:
        """The FTS5 query for a question: every content word, except in a large index (`common_words_from`
        passages) the words found in more than `common_word_share` of the passages, keeping the `keep`
        rarest whatever their share."""
        if self.store.manifest.chunks < self.settings.common_words_from:
            return fts_expression(query)
        terms = [t.replace('"', "") for t in query_terms(query)]
        terms = [t for t in terms if t.strip('"$€£¥%')]
        shares = self.store.passage_share(terms)
        kept = [t for t in terms if shares[t] <= self.settings.common_word_share]
        if len(kept) < min(keep, len(terms)):
            rarest = set(sorted(terms, key=shares.__getitem__)[:keep])
            kept = [t for t in terms if t in rarest]
        return " OR ".join(f'"{t}"' for t in kept)

    def batch_search(
        self,
        queries: list[str],
        *,
        k: int | None = None,
        allowed: set[int] | None = None,
        vectors: np.ndarray | None = None,
        params: RetrievalParams | None = None,
    ) -> list[list[Hit]]:
        params = params or self.params
        k = k or params.top_k
        return [
            self._hits(dense, lexical, params, k)
            for dense, lexical in self.candidates(queries, allowed=allowed, vectors=vectors, params=params)
        ]

    def search_one(
        self, query: str, *, k: int | None = None, allowed: set[int] | None = None
    ) -> tuple[list[Hit], np.ndarray]:
        """One question as the answer path asks it, with its vector: the full-text search runs in a helper
        thread while the question is encoded and FAISS searched (SQLite and onnxruntime release the GIL),
        so a question costs the slower of the two sides rather than their sum."""
        params = self.params
        future = _full_text_pool().submit(
            self.store.full_text_search, self.full_text_expression(query), params.lexical_candidates, allowed
        )
        vector = self.encode([query])
        dense = self.store.dense_search(vector, params.dense_candidates, allowed)[0]
        return self._hits(dense, future.result(), params, k or params.top_k), vector

    def _hits(
        self, dense: list[tuple[int, float]], lexical: list[tuple[int, float]], params: RetrievalParams, k: int
    ) -> list[Hit]:
        fused = fuse(dense, lexical, params)[:k]
        chunks = self.store.chunks([c for c, *_ in fused])
        hits = []
        for cid, score, d_rank, l_rank, d_score in fused:
            chunk = chunks.get(cid)
            if chunk is None:
                continue
            hits.append(
                Hit(
                    chunk=chunk,
                    meta=self.store.meta(chunk.document),
                    score=score,
                    dense_rank=d_rank,
                    lexical_rank=l_rank,
                    dense_score=d_score,
                )
            )
        return hits


@lru_cache(maxsize=1)
def _full_text_pool() -> ThreadPoolExecutor:
    """One thread for full-text searches alongside the encoder (it keeps its own SQLite connection)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="assistant-fts")
