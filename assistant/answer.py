"""Extractive answers: the corpus's own sentences, each with its citation, or an honest abstention.

1. Retrieve passages (hybrid). 2. Score every sentence of the best passages by its meaning (cosine with
the question), the question's words it contains (weighted by how specific each word is) and its passage's
rank. 3. Keep the best sentence and add others only if they are nearly as good and say something new.
4. Decide whether the evidence answers the question at all: a logistic confidence over the best
sentence's similarity, how much of the question the evidence covers, and whether a specific word of the
question (a name, a number, a rare term) is missing from every retrieved passage. Its weights are fitted
on the development set (`bench/tune_answers.py`).
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .config import Settings
from .models import Answer, AnswerSentence, Citation, Hit
from .retrieval import Retriever, query_terms

if TYPE_CHECKING:
    from .engine import Filters

ABSTAIN_TEXT = "Not in the corpus: no article answers this question."
_WORD = re.compile(r"[\w$€£¥%]+(?:[.'’][\w]+)*")


@dataclass(frozen=True)
class ComposerParams:
    passages: int = 6
    """Passages whose sentences compete."""
    w_sentence: float = 0.55
    w_lexical: float = 0.25
    w_passage: float = 0.20
    extra_ratio: float = 0.85
    """A further sentence must score at least this share of the best one."""
    redundancy: float = 0.80
    # Abstention: logistic over features (see `features`).
    bias: float = -6.0
    w_best: float = 9.0
    w_coverage: float = 4.0
    w_missing: float = -5.0
    w_top_passage: float = 2.0


DEFAULT_PARAMS = ComposerParams()


# --------------------------------------------------------------------------------------------------
# Words: stems and specificity


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("porter")


def stems(words: list[str]) -> list[str]:
    return list(_stemmer().stemWords(words))


@lru_cache(maxsize=4096)
def specificity(term: str) -> float:
    """How much a word narrows a question, 0.1 (everyday word) to 1.0 (a name, a number, jargon).

    From the word's frequency in general English (wordfreq's Zipf scale): a question asking about a
    word no passage contains is unanswerable when the word is specific ("Keytruda", "upfront", "2027"),
    not when it is an everyday paraphrase ("pay", "big").
    """
    if any(ch.isdigit() for ch in term):
        return 1.0
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(term, "en", wordlist="small")
    return float(min(1.0, max(0.1, (6.0 - zipf) / 3.5)))


def _near(a: str, b: str) -> bool:
    """Same word up to one edit, for names users spell differently (Jefferies / Jeffries)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _text_stems(text: str) -> set[str]:
    return set(stems([w.lower().strip("'’.") for w in _WORD.findall(text)]))


def _present(term_stem: str, pool: set[str]) -> bool:
    return term_stem in pool or any(_near(term_stem, w) for w in pool if abs(len(w) - len(term_stem)) <= 1)


# --------------------------------------------------------------------------------------------------
# Sentence vectors, cached across questions (the chat asks about the same passages again and again)


class _VectorCache:
    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.data: OrderedDict[tuple[str, int, int], np.ndarray] = OrderedDict()

    def get_many(self, retriever: Retriever, keys: list[tuple[str, int, int]], texts: list[str]) -> np.ndarray:
        missing = [i for i, k in enumerate(keys) if k not in self.data]
        if missing:
            vectors = retriever.encode([texts[i] for i in missing])
            for i, v in zip(missing, vectors, strict=True):
                self.data[keys[i]] = v
        out = np.stack([self.data[k] for k in keys]) if keys else np.zeros((0, 1), dtype=np.float32)
        for k in keys:
            self.data.move_to_end(k)
        while len(self.data) > self.size:
            self.data.popitem(last=False)
        return out


_CACHE = _VectorCache()


# --------------------------------------------------------------------------------------------------
# Composition


@dataclass
class Candidate:
    hit_index: int
    start: int
    end: int
    text: str
    similarity: float
    lexical: float
    score: float


@dataclass
class Evidence:
    """Everything the decision to answer is based on; also what `bench/tune_answers.py` fits."""

    hits: list[Hit]
    candidates: list[Candidate]
    coverage: float
    missing: float
    best: float
    top_passage: float

    def features(self) -> list[float]:
        return [self.best, self.coverage, self.missing, self.top_passage]


def confidence(evidence: Evidence, params: ComposerParams = DEFAULT_PARAMS) -> float:
    if not evidence.candidates:
        return 0.0
    z = (
        params.bias
        + params.w_best * evidence.best
        + params.w_coverage * evidence.coverage
        + params.w_missing * evidence.missing
        + params.w_top_passage * evidence.top_passage
    )
    return 1.0 / (1.0 + math.exp(-z))


def gather_evidence(
    query: str,
    retriever: Retriever,
    hits: list[Hit],
    query_vector: np.ndarray,
    params: ComposerParams = DEFAULT_PARAMS,
) -> Evidence:
    terms = query_terms(query)
    term_stems = stems(terms)
    weights = [specificity(t) for t in terms]
    pool_hits = hits[: params.passages]
    spans = retriever.store.chunk_sentences([h.chunk.id for h in pool_hits])
    keys: list[tuple[str, int, int]] = []
    texts: list[str] = []
    owners: list[int] = []
    for i, hit in enumerate(pool_hits):
        seen = set(keys)
        for s, e in spans.get(hit.chunk.id, []):
            key = (hit.chunk.document, s, e)
            if key in seen:
                continue
            local = hit.chunk.text[s - hit.chunk.start : e - hit.chunk.start]
            keys.append(key)
            texts.append(local)
            owners.append(i)
    # The same sentence may sit in two overlapping passages: keep its best-ranked passage.
    unique: dict[tuple[str, int, int], int] = {}
    for idx, key in enumerate(keys):
        unique.setdefault(key, idx)
    order = sorted(unique.values())
    keys = [keys[i] for i in order]
    texts = [texts[i] for i in order]
    owners = [owners[i] for i in order]
    if not keys:
        return Evidence(hits=hits, candidates=[], coverage=0.0, missing=1.0, best=0.0, top_passage=0.0)
    vectors = _CACHE.get_many(retriever, keys, texts)
    sims = vectors @ query_vector
    total_weight = sum(weights) or 1.0
    top_score = pool_hits[0].score or 1.0
    candidates = []
    for key, text, owner, sim in zip(keys, texts, owners, sims, strict=True):
        present = _text_stems(text)
        lexical = sum(w for t, w in zip(term_stems, weights, strict=True) if _present(t, present)) / total_weight
        passage = pool_hits[owner].score / top_score if top_score else 0.0
        score = params.w_sentence * float(sim) + params.w_lexical * lexical + params.w_passage * passage
        candidates.append(Candidate(owner, key[1], key[2], text, float(sim), lexical, score))
    candidates.sort(key=lambda c: c.score, reverse=True)
    # Coverage and missing words are judged on the best passages (plus their headings and titles).
    evidence_pool: set[str] = set()
    for hit in pool_hits[:3]:
        evidence_pool |= _text_stems(hit.chunk.text + " " + (hit.chunk.section or "") + " " + hit.meta.title)
    found = [_present(t, evidence_pool) for t in term_stems]
    coverage = sum(w for w, f in zip(weights, found, strict=True) if f) / total_weight
    missing = max((w for w, f in zip(weights, found, strict=True) if not f), default=0.0)
    top_passage = max((h.dense_score or 0.0) for h in pool_hits) if pool_hits else 0.0
    return Evidence(
        hits=hits,
        candidates=candidates,
        coverage=coverage,
        missing=missing,
        best=candidates[0].similarity if candidates else 0.0,
        top_passage=top_passage,
    )


def select_sentences(
    evidence: Evidence, retriever: Retriever, max_sentences: int, max_words: int, params: ComposerParams
) -> list[Candidate]:
    if not evidence.candidates:
        return []
    best = evidence.candidates[0]
    chosen = [best]
    words = len(best.text.split())
    chosen_vectors = [_CACHE.data.get((evidence.hits[best.hit_index].chunk.document, best.start, best.end))]
    for cand in evidence.candidates[1:]:
        if len(chosen) >= max_sentences:
            break
        if cand.score < params.extra_ratio * best.score:
            break
        n = len(cand.text.split())
        if words + n > max_words:
            continue
        vector = _CACHE.data.get((evidence.hits[cand.hit_index].chunk.document, cand.start, cand.end))
        if vector is not None and any(v is not None and float(v @ vector) > params.redundancy for v in chosen_vectors):
            continue
        chosen.append(cand)
        chosen_vectors.append(vector)
        words += n
    # Readable order: by document, then by position in it, with the best sentence's document first.
    doc_rank = {}
    for cand in chosen:
        doc_rank.setdefault(evidence.hits[cand.hit_index].chunk.document, len(doc_rank))
    chosen.sort(key=lambda c: (doc_rank[evidence.hits[c.hit_index].chunk.document], c.start))
    return chosen


def _citation(cid: int, hit: Hit, spans: list[tuple[int, int]]) -> Citation:
    return Citation(
        id=cid,
        document=hit.chunk.document,
        title=hit.meta.title,
        section=hit.chunk.section,
        published=hit.meta.published,
        published_approximate=hit.meta.published_approximate,
        source=hit.meta.source,
        url=hit.meta.url,
        chunk_id=hit.chunk.id,
        text=hit.chunk.text,
        start=hit.chunk.start,
        end=hit.chunk.end,
        sentence_spans=spans,
        score=round(hit.score, 4),
    )


def compose_answer(
    question: str,
    query: str,
    retriever: Retriever,
    settings: Settings,
    *,
    filters: Filters | None = None,
    long: bool = False,
    params: ComposerParams = DEFAULT_PARAMS,
) -> Answer:
    allowed = _allowed_chunks(retriever, filters)
    if allowed is not None and not allowed:
        return _abstain(question, query, [], 0.0, note="No article matches the filters.")
    vector = retriever.encode([query])
    hits = retriever.batch_search([query], vectors=vector, allowed=allowed)[0]
    evidence = gather_evidence(query, retriever, hits, vector[0], params)
    conf = confidence(evidence, params)
    if conf < settings.abstain_threshold:
        return _abstain(question, query, hits[:3], conf)
    max_sentences = settings.max_sentences * (2 if long else 1)
    max_words = settings.max_words * (3 if long else 1)
    chosen = select_sentences(evidence, retriever, max_sentences, max_words, params)
    citations: list[Citation] = []
    by_hit: dict[int, int] = {}
    spans_by_hit: dict[int, list[tuple[int, int]]] = {}
    sentences: list[AnswerSentence] = []
    for cand in chosen:
        if cand.hit_index not in by_hit:
            by_hit[cand.hit_index] = len(by_hit) + 1
        spans_by_hit.setdefault(cand.hit_index, []).append((cand.start, cand.end))
        sentences.append(AnswerSentence(text=cand.text, citations=[by_hit[cand.hit_index]]))
    for hit_index, cid in by_hit.items():
        citations.append(_citation(cid, evidence.hits[hit_index], sorted(spans_by_hit[hit_index])))
    text = " ".join(f"{s.text} [{s.citations[0]}]" for s in sentences)
    return Answer(
        question=question,
        query=query,
        answer=text,
        abstained=False,
        sentences=sentences,
        citations=citations,
        confidence=round(conf, 4),
    )


def _abstain(question: str, query: str, nearest: list[Hit], conf: float, note: str | None = None) -> Answer:
    text = ABSTAIN_TEXT if note is None else f"{ABSTAIN_TEXT} {note}"
    if nearest:
        text += " The nearest passages are listed below; they do not answer it."
    return Answer(
        question=question,
        query=query,
        answer=text,
        abstained=True,
        sentences=[],
        citations=[_citation(i + 1, hit, []) for i, hit in enumerate(nearest)],
        confidence=round(conf, 4),
    )


def _allowed_chunks(retriever: Retriever, filters: Filters | None) -> set[int] | None:
    if filters is None or not filters.active:
        return None
    documents = retriever.store.filter_documents(
        filters.source,
        filters.since.isoformat() if filters.since else None,
        filters.until.isoformat() if filters.until else None,
        list(filters.documents),
    )
    return set(retriever.store.chunk_ids_for(documents))
