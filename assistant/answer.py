"""Extractive answers: the corpus's own sentences, each with its citation, or an honest abstention.

1. Retrieve passages (hybrid; shorthand expanded, typos corrected against what was found). 2. Score every
sentence of the best passages by its meaning (cosine with the question, from sentence vectors stored at
index time; the leading few re-encoded exactly), the question's words it contains (weighted by how
specific each word is) and its passage's rank. 3. Lead with the best sentence and add others only if
they are nearly as good and say something new (a short sentence carrying the lead on follows it). 4.
Decide whether the evidence answers the question at all: hard rules first — a name or number no cited
article mentions; an expected figure (amount, share, count, date, day, duration) that no leading
sentence gives for what the question names, the year and the place it asks about; an expected kind of
answer (a company, a drug, a phase) no leading sentence has; a person's answer from a passage that is
not theirs or not about the topic — then a logistic confidence over the best sentence's similarity,
coverage of the question's words, the most specific missing word, the missing focus and whether a
typed sentence names what the question names. Its weights are fitted on the development set
(`bench/tune_answers.py`).
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .config import Settings
from .conversation import AGREEING_WORDS, LASTS, ROLE_WORDS, VIEW_OF_IT
from .lexicon import (
    DRUG_CLASS_STEMS,
    FORMERLY_ASKED,
    MAJORITY_ASKED,
    PHRASES,
    RENAMED,
    RENAMING,
    drug_class_members,
    expand_query,
    long_forms,
    phrase_words,
)
from .models import Answer, AnswerSentence, Citation, Hit
from .question import (
    _PRONOUN_BACK,
    ANSWER_KIND_WORDS,
    AREA,
    BECOMES_LAW,
    DISEASE_AREA_ASKED,
    EXPECTED_OUTCOME,
    FACT_CHECK,
    LACKS,
    MARKET_FACTS,
    PLACE,
    REPORTED_VERBS,
    SET_ASIDE,
    SPEAKS,
    STANCE_WORDS,
    TAKES_EFFECT,
    TOPIC_THEN_QUESTION,
    WHY_NOT,
    QuestionAnalysis,
    analyse,
    areas_named,
    asks_example,
    company_names,
    compound_parts,
    gives_example,
    gives_reason,
    horizon,
    is_everyday_verb_form,
    is_known_word,
    names_another_area,
    other_horizon,
    satisfies,
    set_aside_areas,
    specificity,
)
from .retrieval import Retriever, _join_function_word_pairs, query_terms

if TYPE_CHECKING:
    from .engine import Filters

ABSTAIN_TEXT = "Not in the corpus: no article answers this question."
# "R&D" is one word, as the question's terms keep it (`query_terms`).
_WORD = re.compile(r"[\w$€£¥%]+(?:[.'’&][\w]+)*")


@dataclass(frozen=True)
class ComposerParams:
    passages: int = 8
    """Passages whose sentences compete."""
    w_sentence: float = 0.55
    w_lexical: float = 0.25
    w_passage: float = 0.35
    w_typed: float = 0.1
    """Bonus for a sentence holding the kind of thing asked for (an amount for "how much")."""
    w_reason: float = 0.1
    """Bonus, for a "why" question, for a sentence that gives a reason ("as they look to...")."""
    w_agrees: float = 0.1
    """Bonus, for "Does Yang agree?", for a sentence saying someone shares a view ("echoed this sentiment")."""
    w_lacks: float = 0.1
    """Further bonus, for a "why not?" question, for a sentence saying what is lacking: few sentences do, and
    the one that does answers it, while the words borrowed from the thread favour what was already said."""
    w_off_anchor: float = 0.15
    """Penalty, for a question about a person, for a sentence from a passage that never names them."""
    w_other_horizon: float = 0.15
    """Penalty for a sentence about the long term when the question asks about the short term, and back."""
    w_said: float = 0.15
    """Penalty, for a follow-up asking why not ("why not?"), on a sentence the last answer already gave."""
    w_said_again: float = 0.05
    """Penalty, for any other follow-up, on a sentence the last answer already gave: the words borrowed from
    the thread favour it, though a follow-up mostly asks something new ("Does he think it will last?")."""
    w_follows: float = 0.15
    """Bonus, for a follow-up asking whether what the last answer said lasts, on the sentence right after one
    it gave ("...for less total value exchange. However, I expect these figures will start to normalise")."""
    w_context: float = 0.5
    """A sentence that refers back ("This comes as they...") matches the words of the sentence before it
    at this share: the question's words are often there."""
    extra_ratio: float = 0.75
    """A further sentence must score at least this share of the best one."""
    redundancy: float = 0.80
    refine: int = 3
    """Leading candidates re-scored with exactly encoded sentence vectors."""
    # Abstention: logistic over features (see `features`).
    bias: float = -2.639
    w_best: float = 3.742
    w_coverage: float = -0.285
    w_missing: float = -4.292
    w_focus: float = -2.283
    market_fact: float = 0.85
    """Weight of a missing market fact ("tariffs", "headquarters", "signed into law"): never a paraphrase."""
    rare_word: float = 0.70
    """Specificity from which a question word missing from the cited articles counts in full."""
    common_word_discount: float = 0.3
    w_top_passage: float = 3.405
    w_margin: float = 1.58
    w_typed_match: float = 1.142


DEFAULT_PARAMS = ComposerParams()


# --------------------------------------------------------------------------------------------------
# Words: stems and specificity


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("porter")


def stems(words: list[str]) -> list[str]:
    from .lexicon import british

    return list(_stemmer().stemWords([british(w) for w in words]))


def _near(a: str, b: str) -> bool:
    """Same word up to one edit, for names users spell differently (Jefferies / Jeffries)."""
    return a == b or (min(len(a), len(b)) >= 4 and _edits_at_most(a, b, 1))


def _edits_at_most(a: str, b: str, limit: int) -> bool:
    """Levenshtein distance <= limit."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b, score_cutoff=limit) <= limit


def _stems_of(text: str) -> frozenset[str]:
    # "me-too" is one word, as the question's terms keep it (`query_terms`).
    return frozenset(stems([w.lower().strip("'’.") for w in _WORD.findall(_join_function_word_pairs(text.lower()))]))


@lru_cache(maxsize=4096)
def _text_stems(text: str) -> frozenset[str]:
    """The stems of a sentence's or a passage's words; cached, as the same passages and sentences are
    checked by several rules per question (and again by the next question of a conversation). Whole
    documents go through `_DocumentStems` instead."""
    return _stems_of(text)


_UNITS = frozenset({"m", "mn", "bn", "b", "k", "million", "billion"})


def _other_horizon_than(cand: Candidate, chosen: list[Candidate]) -> bool:
    """Does the sentence speak of one time horizon, and every chosen sentence of the other?"""
    own = horizon(cand.text)
    return own is not None and all(horizon(c.text) not in {None, own} for c in chosen)


def _drug_names(term: str, pool: AbstractSet[str]) -> list[str]:
    """Drugs in the pool of the class the term names, by their names' stems ("btk": zanubrutinib)."""
    if term.lower() not in DRUG_CLASS_STEMS:
        return []
    return [w for w in drug_class_members(term, sorted(pool)) if not is_known_word(w)]


_JOINED = frozenset({"se", "see", "seer", "line", "lin", "man", "men", "way", "work", "back", "out", "up", "off"})
"""Endings that are words joined on, not suffixes: "sightseeing" is not a form of "sight"."""


def _present(term_stem: str, pool: AbstractSet[str]) -> bool:
    """In the pool as the same stem, up to one edit (Jefferies / Jeffries), as a longer or shorter form
    of the same word (regulator / regulatory, commercialy / commerci), or, for a long word, up to two
    typing errors (bispecfics / bispecifics)."""
    if term_stem in pool:
        return True
    if any(ch.isdigit() for ch in term_stem):
        if term_stem[:1].isdigit() and any(f"{c}{term_stem}" in pool for c in "$€£¥"):
            return True  # "a two-billion-dollar deal" (2bn) is the "$2bn agreement"
        # "$500" (of "$500 million") is "$500m"; 2027 is not a typo of 2025.
        if term_stem[:1] in "$€£¥":
            return any(w[len(term_stem) :] in _UNITS for w in pool if w.startswith(term_stem))
        # "its 5.3 billion agreement": the "$5.3bn agreement".
        return any(w[len(term_stem) + 1 :] in _UNITS for w in pool if w[:1] in "$€£¥" and w[1:].startswith(term_stem))
    n = len(term_stem)
    for word in pool:
        m = len(word)
        if 2 <= n <= 3 < m and word.startswith(term_stem) and word[n:].isdigit() and term_stem.isalpha():
            return True  # "FY?": the article's "FY2026"
        if abs(m - n) <= 1 and _near(term_stem, word):
            return True
        if n >= 5 and m > n and word.startswith(term_stem):
            return True
        # A shorter form by a suffix ("regulatori" / "regul"), not another word joined on ("sightse(eing)" / "sight").
        if m >= 5 and n > m and n - m <= 3 and term_stem.startswith(word) and term_stem[m:] not in _JOINED:
            return True
        # Two errors in a short word only as a shorter form ("passag(e)", "pass"): "mechan(ism)" is not "mean".
        if (
            n >= 6
            and word[:1] == term_stem[:1]
            and abs(m - n) <= 2
            and (
                min(n, m) >= 6
                or (term_stem.startswith(word) and term_stem[m:] not in _JOINED)
                or word.startswith(term_stem)
            )
            and _edits_at_most(term_stem, word, 2)
        ):
            return True
    return False


class _DocumentStems:
    """Stems of whole documents, cached: "is this name anywhere in the cited article?"."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self.data: OrderedDict[tuple[str, str], frozenset[str]] = OrderedDict()

    def get(self, retriever: Retriever, path: str) -> frozenset[str]:
        key = (str(retriever.store.generation), path)
        if key not in self.data:
            try:
                text = retriever.store.get_document(path).text
            except KeyError:
                text = ""
            self.data[key] = _stems_of(text)
            while len(self.data) > self.size:
                self.data.popitem(last=False)
        self.data.move_to_end(key)
        return self.data[key]


_DOC_STEMS = _DocumentStems()


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
    typed: bool = True
    """Contains the kind of thing the question expects (an amount, a date...)."""
    vector: np.ndarray | None = None
    floor: float = -1.0
    """The similarity it keeps whatever its own words score: the sentence before's, when it gives the
    reason for that sentence."""


@dataclass
class Evidence:
    """Everything the decision to answer is based on; also what `bench/tune_answers.py` fits."""

    hits: list[Hit]
    candidates: list[Candidate]
    coverage: float
    """Share of the question's words (weighted by specificity) found in the best passages."""
    missing: float
    """Specificity of the most specific question word that no cited article contains (names count 1.0)."""
    focus_missing: float
    """Specificity of the thing asked about ("what *revenue*") when the best passages never mention it."""
    best: float
    top_passage: float
    typed_ok: bool = True
    """False when the question expects an amount, count, date, share or name and no good candidate has
    one, names something or a number no cited article mentions, or says "he"/"she" and the best passage
    is about somebody else."""

    margin: float = 0.0
    """How far the best sentence stands out from the median candidate (terse queries score low overall)."""
    anchors: list[str] | None = None
    """Stems of the people the question is about: further sentences must be theirs too."""
    asked: list[str] | None = None
    """Stems of the words searched for (the question's, its context's and their expansions)."""

    typed_match: float = 0.0
    """1.0 when the question expects an amount, date, count or share and a leading sentence holding one
    also names everything the question names (with the sentence before it): "Zenas InnoCare deal size"
    against "...Zenas Biopharma entering a $2bn agreement with InnoCare Pharma"."""

    def features(self) -> list[float]:
        return [
            self.best,
            self.coverage,
            self.missing,
            self.focus_missing,
            self.top_passage,
            self.margin,
            self.typed_match,
        ]


def confidence(evidence: Evidence, params: ComposerParams = DEFAULT_PARAMS) -> float:
    if not evidence.candidates or not evidence.typed_ok:
        return 0.0
    z = (
        params.bias
        + params.w_best * evidence.best
        + params.w_coverage * evidence.coverage
        + params.w_missing * evidence.missing
        + params.w_focus * evidence.focus_missing
        + params.w_top_passage * evidence.top_passage
        + params.w_margin * evidence.margin
        + params.w_typed_match * evidence.typed_match
    )
    return 1.0 / (1.0 + math.exp(-z))


def _candidates(
    retriever: Retriever, pool_hits: list[Hit]
) -> tuple[list[tuple[str, int, int]], list[str], list[int], np.ndarray, list[str], np.ndarray]:
    """Every sentence of the pooled passages once (overlapping passages share sentences), with the
    sentence vectors stored at index time and the sentence before each in its passage ("" for the first)."""
    ids = [h.chunk.id for h in pool_hits]
    spans = retriever.store.chunk_sentences(ids)
    stored = retriever.store.sentence_vectors(ids)
    seen: set[tuple[str, int, int]] = set()
    keys: list[tuple[str, int, int]] = []
    texts: list[str] = []
    owners: list[int] = []
    vectors: list[np.ndarray] = []
    before: list[str] = []
    before_vectors: list[np.ndarray | None] = []
    for i, hit in enumerate(pool_hits):
        previous = ""
        previous_vector: np.ndarray | None = None
        for k, (s, e) in enumerate(spans.get(hit.chunk.id, [])):
            text = hit.chunk.text[s - hit.chunk.start : e - hit.chunk.start]
            key = (hit.chunk.document, s, e)
            if key not in seen:
                seen.add(key)
                keys.append(key)
                texts.append(text)
                owners.append(i)
                vectors.append(stored[hit.chunk.id][k])
                before.append(previous)
                before_vectors.append(previous_vector)
            previous = text
            previous_vector = stored[hit.chunk.id][k]
    # A passage's first sentence: the sentence before it may be in another pooled passage (they overlap).
    ending = {(doc, e): j for j, (doc, _, e) in enumerate(keys)}
    for i, (doc, s, _) in enumerate(keys):
        if not before[i]:
            j = next((ending[(doc, e)] for e in range(s, s - 4, -1) if (doc, e) in ending), None)
            if j is not None:
                before[i], before_vectors[i] = texts[j], vectors[j]
    dimension = retriever.store.manifest.dimension
    matrix = np.stack(vectors) if vectors else np.zeros((0, dimension), np.float32)
    previous_matrix = (
        np.stack([v if v is not None else np.zeros(dimension, np.float32) for v in before_vectors])
        if vectors
        else matrix
    )
    return keys, texts, owners, matrix, before, previous_matrix


class _SentenceVectors:
    """Exact vectors of sentences encoded alone, cached: the chat keeps citing the same sentences."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self.data: OrderedDict[tuple[str, str, int, int], np.ndarray] = OrderedDict()

    def get(self, retriever: Retriever, keys: list[tuple[str, str, int, int]], texts: list[str]) -> np.ndarray:
        missing = [i for i, k in enumerate(keys) if k not in self.data]
        if missing:
            for i, vector in zip(missing, retriever.encode([texts[i] for i in missing]), strict=True):
                self.data[keys[i]] = vector
        for key in keys:
            self.data.move_to_end(key)
        while len(self.data) > self.size:
            self.data.popitem(last=False)
        return np.stack([self.data[k] for k in keys])


_EXACT = _SentenceVectors()


def _refine(
    candidates: list[Candidate],
    retriever: Retriever,
    pool_hits: list[Hit],
    query_vector: np.ndarray,
    params: ComposerParams,
) -> None:
    """Re-score the leading candidates with vectors of the sentences encoded on their own.

    The stored vectors are pooled from each passage's forward pass (free at index time), which blurs a
    short sentence into its passage ("It was passed by the House on 11 December."); the few sentences
    that can still make the answer are worth encoding exactly.
    """
    lead = candidates[: params.refine]
    if not lead:
        return
    generation = str(retriever.store.generation)
    keys = [(generation, pool_hits[c.hit_index].chunk.document, c.start, c.end) for c in lead]
    exact = _EXACT.get(retriever, keys, [c.text for c in lead]) @ query_vector
    for cand, sim in zip(lead, exact, strict=True):
        refined = max(float(sim), cand.floor)
        cand.score += params.w_sentence * (refined - cand.similarity)
        cand.similarity = refined
    candidates.sort(key=lambda c: c.score, reverse=True)


def gather_evidence(
    question: str,
    query: str,
    retriever: Retriever,
    hits: list[Hit],
    query_vector: np.ndarray,
    params: ComposerParams = DEFAULT_PARAMS,
    anchors: list[str] | None = None,
    said: tuple[str, ...] = (),
) -> Evidence:
    """Score the candidate sentences for `query` (the question with any conversation context) and judge
    the evidence against `question`'s own words."""
    analysis = analyse(question)
    terms = query_terms(query)
    term_stems = stems(terms)
    weights = [specificity(t) for t in terms]
    people = set(anchors or []) | set(stems(anchors or []))
    names_own_topic = any(e not in people for e in analysis.entities) or bool(areas_named(question))
    if names_own_topic and query != question and "(" in query:
        # "And how does he feel about BIOSECURE?": a follow-up that names its own topic leans less on the words
        # it borrowed from the thread (the last answer's "2.0 era").
        asked_here = set(stems(query_terms(question)))
        weights = [w if st in asked_here else w * 0.5 for w, st in zip(weights, term_stems, strict=True)]
    pool_hits = hits[: params.passages]
    own_topic_stems = stems([t for t in analysis.terms if not t.isdigit()]) or stems(analysis.terms)
    # "which TAs is CN R&D ramping in?": shorthand is about what it stands for ("therapy areas", "China").
    own_topic_long = [stems(alt) for t in analysis.terms if not is_known_word(t) for alt in long_forms(t)]
    # "Where did it originate?": how articles say it ("its roots started").
    phrased = phrase_words(question)  # "rattled": the words articles use instead ("unfazed")
    own_topic_long += [stems([w]) for t in analysis.terms for w in phrased.get(t, [])]
    # "Which US pharma companies are lobbying...?": the companies named must be doing it ("inked": signing).
    doing = (
        _predicate(question) if analysis.expects in {"company", "companies", "person", "people", "product"} else None
    )
    doing_forms = stems([doing, *phrased.get(doing, [])]) if doing else []
    takes_effect = bool(TAKES_EFFECT.search(question)) and analysis.expects in {"date", "day", "duration"}
    if (
        query != question
        and "(" in query
        # ("What was its drug called?": "called" asks for the name, like "name")
        and all(
            t in ANSWER_KIND_WORDS or t in _SAYING_WORDS or t in {"called", "named"} or specificity(t) <= 0.1
            for t in analysis.terms
        )
    ):
        # "How much was that one worth?", "Who made that point?", "And which drug did they take over there?":
        # what it is about is in the thread the query borrowed from (not so for "Senate vote date?": the
        # Senate must be in the sentence).
        own_topic_stems = own_topic_stems + stems(query_terms(_thread_part(question, query)))
    # "share of big pharma in-licensing": a share of licensing (a compound's head is its last part).
    measured = analysis.focus[-1].rsplit("-", 1)[-1] if analysis.focus and analysis.expects == "percent" else ""
    measured_head = stems([measured])[0] if measured else None
    keys, texts, owners, vectors, before, previous_vectors = _candidates(retriever, pool_hits)
    aside_areas = set_aside_areas(question)
    diseases_asked = bool(DISEASE_AREA_ASKED.search(question))
    # "Besides BeOne, which Chinese companies...?": companies other than the one set aside answer it.
    aside_companies = {
        w.lower()
        for m in re.finditer(SET_ASIDE + r"([^,?]+)", question, re.I)
        for w in _CAPITALISED.findall(m.group(1))
    }
    need = 2 if analysis.expects == "companies" else 1
    asked_horizon = horizon(question)
    why_not = bool(WHY_NOT.search(question))  # "why not?", "what's holding them back?": what they lack
    lasts = bool(LASTS.search(question))  # "Will that last?", "Does he think it stays so cheap?"
    stays = bool(_STAYS.search(question))  # "Will it stay that cheap?", "...to last, or should we expect it to fade?"
    # "What capabilities do they lack?", "What are most Chinese firms missing that keeps them from...?"
    wants_lack = why_not or bool(LACKS.search(question) or _MISSING_ASKED.search(question))
    asks_agreement = bool(_AGREEING.search(question))
    anchor_stems = stems(anchors) if anchors else []
    anchored = {i for i, h in enumerate(pool_hits) if any(_present(a, _text_stems(h.chunk.text)) for a in anchor_stems)}
    if not keys:
        return Evidence(hits, [], 0.0, 1.0, 0.0, 0.0, 0.0, typed_ok=False)
    sims = vectors @ query_vector
    previous_sims = previous_vectors @ query_vector
    # "Why are Western drugmakers shopping for Chinese assets?" - "[Western companies are increasingly
    # seeking out deals with Chinese biotech.] This comes as they look to bulk out their pipelines...": a
    # sentence that gives the reason for the sentence before it answers "why" as well as that one matches.
    explains = [
        bool(analysis.asks_reason and previous and _ANAPHOR.match(text) and gives_reason(text))
        for previous, text in zip(before, texts, strict=True)
    ]
    floors = np.where(explains, previous_sims, -1.0)
    sims = np.maximum(sims, floors)
    total_weight = sum(weights) or 1.0
    top_score = pool_hits[0].score or 1.0
    candidates = []
    continuing: set[str] = set()  # sentences right after one the last answer gave, for "Will that last?"
    for key, text, owner, sim, vector, previous, floor in zip(
        keys, texts, owners, sims, vectors, before, floors, strict=True
    ):
        present = _text_stems(text)
        found = sum(w for t, w in zip(term_stems, weights, strict=True) if _present(t, present))
        if previous and _PRONOUN_SAYS.search(text):
            # "..., she states.": the speaker is the person the sentence before names.
            speaker = _text_stems(" ".join(re.findall(r"\b[A-Z][a-z]+\b", previous)))
            found += sum(
                w for t, w in zip(term_stems, weights, strict=True) if _present(t, speaker) and not _present(t, present)
            )
        elif previous and _ANAPHOR.match(text):
            context = present | _text_stems(previous)
            carried = sum(w for t, w in zip(term_stems, weights, strict=True) if _present(t, context))
            found += params.w_context * (carried - found)
        lexical = found / total_weight
        passage = pool_hits[owner].score / top_score if top_score else 0.0
        # The expected kind of answer must be about the question: "ADC deal count?" is not answered by
        # "All three of these modalities..." (a count, but of something else).
        typed = (
            satisfies(analysis.expects, text)
            and (
                # "Beyond oncology, what other therapy area...?": an area other than oncology.
                analysis.expects != "area"
                or not aside_areas
                or names_another_area(text, aside_areas, diseases_only=diseases_asked)
            )
            and (not doing_forms or any(_present(f, present) for f in doing_forms))
            # "Which senators are behind the BIOSECURE Act?": a person named as a senator.
            and (analysis.expects != "people" or not analysis.focus or _present(stems(analysis.focus[-1:])[0], present))
            and (
                not aside_companies
                or analysis.expects not in {"company", "companies"}
                or len({n for n in company_names(text) if not set(n.lower().split()) & aside_companies}) >= need
            )
            # "When would the restrictions take effect?": a date for the bill's fiscal year is not one for that.
            and (not takes_effect or bool(_IN_EFFECT.search(text)))
            and (
                # "Where did Yang work before he returned to China?": a place other than the question's.
                analysis.expects != "place"
                or bool(
                    {m.group(0).lower() for m in PLACE.finditer(text)}
                    - {m.group(0).lower() for m in re.finditer(PLACE.pattern, question, re.IGNORECASE)}  # "china"
                )
            )
            and (
                analysis.expects is None
                or (
                    (
                        any(_present(t, present) for t in own_topic_stems)
                        or any(all(_present(w, present) for w in alt) for alt in own_topic_long)
                    )
                    # "What percentage of global trial starts...": a share of something else does not answer it.
                    and (measured_head is None or _present(measured_head, present))
                )
            )
        )
        score = (
            params.w_sentence * float(sim)
            + params.w_lexical * lexical
            + params.w_passage * passage
            + (params.w_typed if analysis.expects and typed else 0.0)
            + (
                params.w_reason
                if analysis.asks_reason and (gives_reason(text) or (why_not and LACKS.search(text)))
                else 0.0
            )
            + (params.w_lacks if wants_lack and LACKS.search(text) else 0.0)
            # "Does the Ascentage CEO see the same thing?": "Yang echoed this sentiment, noting..." says so.
            + (params.w_agrees if asks_agreement and _SAYS_LIKEWISE.search(text) else 0.0)
            # "According to Smiley, why...": his passages first.
            - (params.w_off_anchor if anchor_stems and owner not in anchored else 0.0)
            # "Will most go it alone in the short term?" is not answered by "From a longer-term perspective".
            - (params.w_other_horizon if other_horizon(asked_horizon, text) else 0.0)
            # "why not?": the reason, not what the last answer already said.
            # (Not a sentence saying what is lacking: when the last answer gave it, it is still the reason.)
            - (
                (params.w_said if why_not else params.w_said_again)
                if text in said and not (why_not and LACKS.search(text))
                else 0.0
            )
            # "Will it stay that way?": the article says whether it holds right after saying it.
            + (params.w_follows if lasts and previous and previous in said else 0.0)
        )
        if (lasts or stays) and previous and previous in said:
            continuing.add(text)
        candidates.append(
            Candidate(owner, key[1], key[2], text, float(sim), lexical, score, typed, vector, float(floor))
        )
    candidates.sort(key=lambda c: c.score, reverse=True)
    _refine(candidates, retriever, pool_hits, query_vector, params)

    # The question's own words (not the borrowed context) against what the evidence says.
    own = analysis.terms
    own_stems = stems(own)
    passages_pool: set[str] = set()
    for hit in pool_hits[:3]:
        passages_pool |= _text_stems(f"{hit.chunk.text} {hit.chunk.section or ''} {hit.meta.title}")
    # Names typed in lower case ("zenas innocare deal size"): a word English does not know, written as
    # such in the passages found, is a name.
    written = " ".join(h.chunk.text for h in pool_hits[:3])
    entities = set(analysis.entities) | {
        t
        for t, st in zip(own, own_stems, strict=True)
        if t.isalpha()
        and not is_known_word(t)
        and st in passages_pool
        # capitalised where the passages write it, and never in lower case ("Zenas Biopharma" is a name, but
        # "a US-China biopharma" makes "biopharma" a word)
        and all(not m.group(0).islower() for m in re.finditer(rf"\b{re.escape(t)}\b", written, re.IGNORECASE))
        and re.search(rf"\b{re.escape(t)}\b", written, re.IGNORECASE) is not None
    }
    own_weights = [
        0.0 if _is_bound_or_claim(t, question) else 1.0 if t in entities else specificity(t, typo_check=True)
        for t in own
    ]
    # A missing everyday word is usually a paraphrase ("cheap", "picking up pace"); a missing name, number
    # or rare term ("Keytruda", "2027", "upfront") usually means the corpus does not say it.
    # A verb form of an everyday verb ("speeding", "attracting") is a paraphrase too, however rare the form.
    # "what reaction could it provoke?": a verb after a modal is how the asker puts it, like an -ing form.
    verbs = {m.group(1).lower() for m in _AFTER_MODAL.finditer(question)} | {
        m.group(1).lower() for m in _PROGRESSIVE.finditer(question)
    }
    claim = bool(FACT_CHECK.search(question) or _GUESSED_FIGURE.search(question))
    missing_weights = [
        max(w, params.market_fact)
        if t in MARKET_FACTS
        or (t in {"law", "enacted", "enact", "enactment", "veto", "vetoed"} and BECOMES_LAW.search(question))
        or (not is_known_word(t) and any(_edits_at_most(t, m, 1 if len(m) < 6 else 2) for m in MARKET_FACTS))
        else w
        if w >= params.rare_word
        and not (
            t not in entities
            and (
                is_everyday_verb_form(t)
                or t in STANCE_WORDS
                or t in REPORTED_VERBS
                or t in verbs
                # "dealmaking cools off, isn't it?": the claim's own words, which the answer may contradict
                or (claim and is_known_word(t))
            )
        )
        else w * params.common_word_discount
        for t, w in zip(own, own_weights, strict=True)
    ]
    # An aside in brackets ("what's credited with faster timelines (CDE/NMPA)?") glosses the question in
    # the asker's terms; the article need not use them.
    aside = _aside_terms(question)
    missing_weights = [
        w * params.common_word_discount if t in aside else w for t, w in zip(own, missing_weights, strict=True)
    ]
    documents_pool: set[str] = set()
    for path in dict.fromkeys(h.chunk.document for h in pool_hits[:3]):
        documents_pool |= _DOC_STEMS.get(retriever, path)
    # Shorthand and two-digit years ("2025-30") count as found when a long form is.
    alternatives = [
        [stems(words) for words in long_forms(t)]
        + ([[f"20{t}"]] if t.isdigit() and len(t) == 2 and _short_year(t, question) else [])
        + ([[_NUMBER_WORDS[int(t)]]] if t.isdigit() and int(t) < len(_NUMBER_WORDS) else [])  # "3": three
        + ([stems(list(parts))] if (parts := compound_parts(t)) else [])  # "longterm": long, term
        + [stems([w]) for w in phrased.get(t, [])]  # "rattled": the article says "unfazed"
        + [stems([w]) for w in sorted(_SCOPES.get(t, ()))]  # "America": the article says "the US"
        + [[w] for w in _drug_names(t, documents_pool)]  # "BTK inhibitor": the article names zanubrutinib
        for t in own
    ]

    # "at Goldman or at Jefferies": either name will do (the answer says which), if written as the question does.
    choices: dict[int, str] = {}
    for first, second in _CHOICES.findall(question.lower()):
        if first in own and second in own and first in entities and second in entities:
            choices[own.index(first)] = own_stems[own.index(second)]
            choices[own.index(second)] = own_stems[own.index(first)]

    def found_in(pool: AbstractSet[str], i: int) -> bool:
        if _present(own_stems[i], pool) or choices.get(i) in pool:
            return True
        return any(all(_present(w, pool) for w in alt) for alt in alternatives[i])

    in_passages = [found_in(passages_pool, i) for i in range(len(own))]
    # "...? I'd love to read it out on the show.": why they ask is not what the passages must cover.
    covered_weights = [
        0.0 if t in aside and not found else w for t, w, found in zip(own, own_weights, in_passages, strict=True)
    ]
    own_total = sum(covered_weights) or 1.0
    coverage = sum(w for w, f in zip(covered_weights, in_passages, strict=True) if f) / own_total
    absent = [i for i in range(len(own)) if not found_in(documents_pool, i)]
    claimed_titles = (
        {i for i in range(len(own)) if ROLE_WORDS.fullmatch(own[i])}
        if anchors and any(ROLE_WORDS.search(c.text) for c in candidates[:2])
        else set()
    )
    # "Dajun Yang — I have him down as CFO at Ascentage": a title claimed for the person asked about is
    # corrected by the sentence giving their title, not missing from it.
    # So, in a claim to check, is a year, a place or a region the leading sentences give otherwise ("Is it right
    # that BeOne's roots are in Shanghai?", "...among European investors?", "...trial starts back in 2023?"),
    # and the organisation claimed for the person asked about ("Yang is CEO of Hengrui?").
    claimed_titles |= _claimed_details(own, absent, question, candidates[:2], claim, bool(anchors))
    absent = [i for i in absent if i not in claimed_titles]
    missing = max((missing_weights[i] for i in absent), default=0.0)
    # A name or a number the cited articles never mention ("Keytruda", "2027") settles it: not answered.
    names_absent = any(
        (own[i] in entities or any(ch.isdigit() for ch in own[i]))
        and not _is_bound_or_claim(own[i], question)
        and own[i] not in aside
        for i in absent
    )
    focus_missing = 0.0
    if analysis.focus and analysis.expects not in {"money", "percent", "count"}:
        # What the question asks about must be in the passage the answer would come from.
        head = analysis.focus[-1]
        best_hit = pool_hits[candidates[0].hit_index]
        answer_pool = _text_stems(f"{best_hit.chunk.text} {best_hit.chunk.section or ''} {best_hit.meta.title}")
        # "self-comm": each part, or what its shorthand stands for ("commercialisation").
        head_parts = [p for p in head.split("-") if p] or [head]
        if not all(
            _present(stems([p])[0], answer_pool)
            or any(all(_present(w, answer_pool) for w in stems(alt)) for alt in long_forms(p))
            or any(_present(w, answer_pool) for w in stems(phrased.get(p, [])))
            or _drug_names(p, answer_pool)
            for p in head_parts
        ):
            focus_missing = 1.0 if head in entities else specificity(head)
        if (
            focus_missing
            and ROLE_WORDS.fullmatch(head)
            and (
                re.match(r"^\s*(?:is|was|isn['’]t|wasn['’]t)\b", question, re.IGNORECASE) or FACT_CHECK.search(question)
            )
            and ROLE_WORDS.search(candidates[0].text)
        ):
            # "Is Josh Smiley the CEO of Zai Lab?", "Josh Smiley — he's the CEO of Zai Lab, right?": the sentence
            # giving his title corrects it.
            focus_missing = 0.0
    example_asked = analysis.expects == "example" or asks_example(question)
    contenders = [
        c
        for k, c in enumerate(candidates[:8])
        if (k < 5 and c.score >= params.extra_ratio * candidates[0].score)
        # "example?", "Which company is given as an example of...?": a sentence that gives one ("An example of
        # this is BeOne...") is what was asked for.
        or (example_asked and c.typed and gives_example(c.text))
    ]
    lead = next((c for c in contenders if c.typed), contenders[0])
    """The sentence the answer would lead with (`select_sentences`): the rules below judge it."""
    displaced_similarity = 0.0  # the similarity of a lead set aside for the asked person's own sentence
    typed_ok = (analysis.expects is None or any(c.typed for c in contenders)) and not names_absent
    if claim and typed_ok:
        # "Is it correct that GlobalData counted more than 1,000 trial starts in 2024?": a claimed figure is
        # corrected by a figure of its kind in the leading sentences; sentences with none say nothing of it.
        lead_text = candidates[0].text.lower() if candidates else ""
        # "barely one in ten of the deals": a share, said as a ratio.
        ratio = {
            w.lower()
            for m in re.finditer(r"\b(\w+)\s+(?:in|out\s+of)\s+(\w+)\b", question)
            if all(g.lower() in _CLAIMED_NUMBER_WORDS | {"one"} or g.isdigit() for g in m.groups())
            for w in m.groups()
        }
        claimed_kinds = {
            "percent" if t in ratio else _figure_kind(t)
            for t in own
            if _figure_kind(t)
            and (t in _CLAIMED_NUMBER_WORDS or t in _FRACTIONS or _is_bound_or_claim(t, question))
            and not re.search(rf"(?<![\w$.,]){re.escape(t)}(?![\w%])", lead_text)  # "all three": the lead's own
            and not re.search(rf"\b{re.escape(t)}\s+(?:{_MONTHS})\b", question, re.IGNORECASE)  # "11 December": a date
            # "Those three modalities — ... — they haven't made money, have they?": which ones, not a claimed count
            and not re.search(rf"\b(?:those|these|the|all)\s+{re.escape(t)}\b", question, re.IGNORECASE)
        }
        given_kinds = {_figure_kind(w) for w in re.findall(r"\$?\d+(?:[.,]\d+)*(?:bn|m|%)?", lead_text)}
        if re.search(r"\bmulti-?billion\b|\b(?:billion|million)-dollar\b", lead_text):
            given_kinds.add("money")  # "multi-billion dollar deals" answers "didn't even reach a billion dollars"
        typed_ok = claimed_kinds <= given_kinds
    if anchors and typed_ok:
        # Names other than the people's; a title ("zai lab CEO josh smiley...") is theirs, checked by its sentence.
        others = [
            i
            for i in range(len(own))
            if own[i] in entities
            # "Jefferies' Cui": her firm, spelled as the article does not ("Jeffries"), is hers, not another's.
            and not any(_near(own_stems[i], a) for a in anchor_stems)
            and not ROLE_WORDS.fullmatch(own[i])
            and own[i] not in aside  # "Some of our LPs think...": who asks
            and i not in claimed_titles  # "Is Yang CEO of Hengrui?": the company a claim gets wrong
        ]
        # "ok what about smiley" after a thread on BIOSECURE: nothing but the person, so his view of the topic.
        own_words = stems(query_terms(question))
        person_only = bool(own_words) and all(w in anchor_stems for w in own_words)
        topic = [n for n in _thread_topic(question, query, bare=person_only) if n not in anchor_stems]
        # "Yang's view on the obesity market?": an area asked about must be in what they say, not only nearby.
        view_areas = areas_named(question) - aside_areas
        # "Does Yang agree?", "Does Smiley agree with Cui?": the one who agrees must say it, not the one agreed
        # with (whose sentence the thread's words match best).
        agreeing = _AGREEING.search(question)
        view_of_it = bool(VIEW_OF_IT.search(question)) or person_only
        agrees = [a for a in stems(agreeing.group("who").lower().split()) if a in anchor_stems] if agreeing else []
        # "What does Yang say about asset prices?": what they say must be about that, at least half of its words
        # in their sentence (not his 2.0-era one because Smiley's passage on prices was found beside it).
        said_about = _SAID_ABOUT.search(question_proper(question))
        about_words = (
            set(query_terms(said_about.group("topic")))
            # "about the first of those", "about it": what it points back to is the thread's, not these words
            if said_about and not _TOPIC_POINTS_BACK.search(said_about.group("topic"))
            else set()
        )
        about_asked = [
            i
            for i in range(len(own))
            if own[i] in about_words
            and not any(_near(own_stems[i], a) for a in anchor_stems)
            and not ROLE_WORDS.fullmatch(own[i])
            and own[i] not in aside
        ]

        def about_them(cand: Candidate) -> bool:
            # "he"/"she": the answer must come from a passage about one of the thread's people...
            hit = pool_hits[cand.hit_index]
            about = _text_stems(f"{hit.chunk.text} {hit.chunk.section or ''}")
            # ...and about what is asked of them: "What did Smiley say about BIOSECURE?" is not answered by
            # a Smiley passage that never mentions BIOSECURE (Yang's and Cui's do); "And what did Smiley
            # have to say about it?": "it" is what the thread was about.
            sentence = _text_stems(cand.text)
            said_on = [
                found_in(sentence, i)
                or any(all(_present(p, sentence) for p in stems(w.split("-"))) for w in phrased.get(own[i], []))
                for i in about_asked
            ]
            return (
                any(_present(a, about) for a in anchor_stems)
                and all(found_in(about, i) for i in others)
                and sum(said_on) * 2 >= len(said_on)
                # "what's his take on it?": his own sentence must be about "it".
                and (not topic or any(_present(n, _text_stems(cand.text) if view_of_it else about) for n in topic))
                and (
                    not view_areas
                    or (bool(areas_named(cand.text) & view_areas) and _speaks_for(cand, candidates, anchor_stems))
                )
                and (not agrees or _speaks_for(cand, candidates, agrees))
            )

        fitting: Candidate | None = lead if about_them(lead) else None
        if fitting is None and (others or view_areas or agrees or view_of_it or about_asked):
            # Another contender may lead when the sentence itself is theirs and names what is asked of them.
            fitting = next(
                (
                    c
                    # "Does Yang see it the same way?": his own sentence on it, further down if need be.
                    for c in (candidates[:8] if agrees else contenders)
                    if c.typed
                    and about_them(c)
                    and _speaks_for(c, candidates, anchor_stems)
                    # "Does Smiley agree with Cui that partnering with an MNC...?" - "Smiley mirrors this belief":
                    # what is agreed on is in the passage (`about_them`), said by the one agreed with.
                    and (bool(agrees) or all(found_in(_text_stems(c.text), i) for i in others))
                ),
                None,
            )
        if fitting is lead and _someone_else_speaks(lead.text, anchor_stems):
            # "the Ascentage CEO's exact words on BIOSECURE": his own sentence leads, not Cui's in his passage;
            # how well the passages match the question is still judged by the best of them.
            displaced_similarity = lead.similarity
            fitting = next(
                (c for c in contenders if c.typed and about_them(c) and _speaks_for(c, candidates, anchor_stems)),
                lead,
            )
        typed_ok = fitting is not None
        if fitting is not None and fitting is not lead:
            # "Yang on BIOSECURE — why...?": his BIOSECURE quote leads, not his introduction.
            candidates.remove(fitting)
            candidates.insert(0, fitting)
    elif query != question and 0 < len(own) <= 2 and all(specificity(t) >= 0.6 for t in own):
        # "And cardiometabolic?" after questions on therapy areas: the thread's words match the sentences the
        # last answer gave; a sentence that names what this one asks about leads.
        def names_own(cand: Candidate) -> bool:
            return all(found_in(_text_stems(cand.text), i) for i in range(len(own)))

        if not names_own(candidates[0]):
            naming = next((c for c in candidates[1:5] if names_own(c)), None)
            if naming is not None:
                candidates.remove(naming)
                candidates.insert(0, naming)
    elif query != question and (
        own_areas := areas_named(question) - aside_areas - areas_named(_thread_part(question, query))
    ):
        # "Why has China become such a centre for the cell and gene therapy ones?" after a thread on ADCs: the
        # area this follow-up names, not the thread's, is in the sentence that leads (one giving a reason, if why
        # is asked).
        area_leads = [c for c in candidates[:6] if own_areas <= areas_named(c.text)]
        if analysis.asks_reason:
            area_leads.sort(key=lambda c: not gives_reason(c.text))
        if area_leads and area_leads[0] is not candidates[0]:
            candidates.remove(area_leads[0])
            candidates.insert(0, area_leads[0])
    if _HELP_ASKED.search(question):
        # "What does Cui say can help pharma cope with pricing pressure and patent cliffs?": the sentence on what
        # helps leads, not the one naming the pressures (which matches the question's words best).
        _lead_with(candidates, _HELP_SAID)
    if FORMERLY_ASKED.search(question):
        # "What was China known for before its push into innovative medicines?": the sentence on what it was once
        # considered leads, not the one on its rise.
        _lead_with(candidates, _FORMERLY_SAID)
    if MAJORITY_ASKED.search(question) and not analysis.asks_reason:
        # "Are most Chinese biotechs going to sell globally on their own soon?": the sentence on what the majority
        # will do leads, not the one on what some are trying.
        _lead_with(candidates, _MAJORITY_SAID)
    named = [
        i
        for i in range(len(own))
        if own[i] in entities and not _is_bound_or_claim(own[i], question) and own[i] not in aside
    ]
    years = [
        i
        for i in range(len(own))
        if own[i].isdigit()
        and len(own[i]) == 4
        and not _is_bound_or_claim(own[i], question)
        and i not in claimed_titles
    ]
    borrowed = _borrowed_names(question, query, analysis)
    # "moving to China rather than staying in the US or Europe": places set against the one asked about are
    # not the scope of the answer.
    contrasted = set(query_terms(m.group(1))) if (m := _CONTRAST.search(question)) else set()
    # "the US House", "the US FDA": whose institution it is, not the place a figure is for.
    institutions = {
        m.group(1).lower()
        for m in re.finditer(
            r"\b(US|U\.S\.|American|Chinese|European|Japanese)\s+(?:House|Senate|Congress|FDA|NMPA|government|"
            r"regulators?|lawmakers|president|administration)\b",
            question,
            re.IGNORECASE,
        )
    }
    places_asked = [
        stems(list(_SCOPES[w]))
        for i, w in enumerate(own)
        # not the asker's Japan, nor the place a claim gets wrong
        if w in _SCOPES and w not in contrasted and w not in institutions and w not in aside and i not in claimed_titles
    ]
    areas_asked = (
        [
            [m.group(0).lower()[:5], *(alt[0][:5] for alt in long_forms(m.group(0).lower()) if len(alt) == 1)]
            for m in AREA.finditer(question)
            if m.group(0).lower() not in _NOT_AN_AREA
        ]
        if analysis.expects in {"money", "count", "percent"}
        else []
    )

    def names_all(cand: Candidate) -> bool:
        pool = _text_stems(_with_previous(cand, candidates))
        return all(found_in(pool, i) for i in named)

    # "How much venture money did Chinese biotechs raise?", "By how much has biotech funding fallen?": the amount
    # must be of that (venture money, funding), not another figure of the passage.
    measured_amount = [
        own.index(w)
        for w in _amount_of(question, analysis)
        if w in own and specificity(w) >= 0.3 and not _is_bound_or_claim(w, question)
    ]

    def fits(cand: Candidate) -> bool:
        """A figure that answers: of the kind asked, in a sentence naming what the question names ("How much
        did Brukinsa make?" is not answered by US drug sales overall), for the year asked (a 2024 count
        does not answer for 2025) and the place asked (Europe's drug sales are not the US's), and, for a
        follow-up without names ("How much did that product sell?"), about what the thread was about."""
        if not cand.typed or not names_all(cand):
            return False
        if not all(found_in(_text_stems(cand.text), i) for i in years + measured_amount):
            return False
        context = _text_stems(_with_previous(cand, candidates))
        if borrowed and not any(_present(n, context) for n in borrowed):
            return False
        # "How much are European drug sales expected to fall?" is not answered by US drug sales.
        sentence = _text_stems(cand.text)
        if not all(any(_present(f, sentence) for f in forms) for forms in places_asked):
            return False
        # "Of the $41.5bn, how much was oncology?": a figure for every area is not one for oncology.
        return all(
            any(re.search(rf"\b{re.escape(f)}", cand.text, re.IGNORECASE) for f in forms) for forms in areas_asked
        )

    if analysis.expects == "product" and named and typed_ok:
        # "What's the name of the medicine Zenas is licensing from InnoCare?": a drug named with other
        # companies (BeOne's Brukinsa) is not theirs.
        typed_ok = any(c.typed and names_all(c) for c in contenders)
    if len(named) >= 2 and typed_ok:
        # "Which asset did AstraZeneca license from CSPC?" is not answered from a passage naming neither.
        passages_of = [_text_stems(pool_hits[c.hit_index].chunk.text) for c in contenders[:1]]
        typed_ok = any(
            found_in(pool, i) for pool in passages_of for i in named if not _is_bound_or_claim(own[i], question)
        )
    if analysis.action and typed_ok:
        # "Has the Senate voted on it yet?" is not answered by "It was passed by the House": some leading
        # sentence must have that actor doing that (a form of the verb, or what the lexicon says it means).
        actor, verb = analysis.action
        verb_forms = [stems([verb])[0], *(stems(alt)[0] for alt in long_forms(verb) if len(alt) == 1)]
        base = re.sub(r"(?:ed|d)$", "", verb)
        verb_forms += [stems([base])[0], *(stems(alt)[0] for alt in long_forms(base) if len(alt) == 1)]
        verb_forms += stems(phrased.get(verb, []))  # "sign off on it": it passed
        if actor in {"house", "senate", "congress"} and re.match(r"approv|adopt|clear", verb):
            verb_forms += stems(["passed"])  # "When did the House approve it?": it passed it
        actor_forms = [stems([actor])[0], *(stems(alt)[0] for alt in long_forms(actor) if len(alt) == 1)]

        def acting(cand: Candidate) -> bool:
            pool = _text_stems(cand.text)
            return any(_present(a, pool) for a in actor_forms) and any(_present(v, pool) for v in verb_forms)

        typed_ok = any(acting(c) for c in candidates[:6])
        doer = next((c for c in candidates[:3] if acting(c)), None)
        if doer is not None and doer is not candidates[0]:
            # "And has the House acted on it?": the sentence saying it did ("It was passed by the House") leads.
            candidates.remove(doer)
            candidates.insert(0, doer)
            lead = doer
    if typed_ok and EXPECTED_OUTCOME.search(question):
        # "Does Cui expect the BIOSECURE Act to pass the Senate?", "When is the Senate expected to vote?": a
        # forecast of a vote; the passage on the act ("...will simply serve as noise", "It was passed by the
        # House") is not one. Some leading sentence must say both.
        typed_ok = any(_VOTE_WORDS.search(c.text) and _FORECAST_WORDS.search(c.text) for c in candidates[:3])
    if places_asked and typed_ok and analysis.expects not in _FIGURES:
        # "GlobalData's patent-cliff estimate for Europe?": a lead about another place (the US) answers for
        # that place, not the one asked.
        sentence = _text_stems(lead.text)
        elsewhere = [forms for forms in map(stems, map(list, set(_SCOPES.values()))) if forms not in places_asked]
        typed_ok = all(any(_present(f, sentence) for f in forms) for forms in places_asked) or not any(
            _present(f, sentence) for forms in elsewhere for f in forms
        )
        # "What did Cui say about Europe's response to BIOSECURE?": a passage that never mentions Europe
        # does not answer for Europe. (The US often goes unsaid: a passage on the Senate's defence bill.)
        passage = _text_stems(pool_hits[lead.hit_index].chunk.text)
        us = stems(list(_SCOPE_FORMS["us"]))
        typed_ok = typed_ok and all(any(_present(f, passage) for f in forms) for forms in places_asked if forms != us)
    if typed_ok and analysis.expects in _FIGURES and _CHINA_MARKET.search(question):
        # "the size of China's innovative drugs market by 2030?": a figure for US drug sales is another place's,
        # though China is every article's scope (`_SCOPES`).
        lead_words = _text_stems(lead.text)
        other_place = any(_present(f, lead_words) for forms in _SCOPE_FORMS.values() for f in stems(list(forms)))
        typed_ok = not other_place or bool(re.search(r"\bchin(?:a|ese)\b", lead.text, re.IGNORECASE))
    if years and typed_ok and analysis.expects not in _FIGURES:
        # "Chinese share of big pharma deals in 2025?" is not answered by the share "in 2024": a lead that
        # dates itself to another year, never the one asked, answers for that other year.
        dated = set(re.findall(r"\b(?:19|20)\d{2}\b", lead.text))
        typed_ok = not dated or any(own[i] in dated for i in years)
        if not typed_ok and _ASKS_FORECAST.search(question):
            # "Will that interest hold into 2026?": a close forecast dated to the year asked leads instead.
            of_year = next(
                (
                    c
                    for c in candidates[1:3]
                    if c.typed
                    and c.score >= 0.9 * lead.score
                    and _FORECAST_WORDS.search(c.text)
                    and any(own[i] in re.findall(r"\b(?:19|20)\d{2}\b", c.text) for i in years)
                ),
                None,
            )
            if of_year is not None:
                candidates.remove(of_year)
                candidates.insert(0, of_year)
                lead, typed_ok = of_year, True
    typed_match = 1.0 if analysis.expects and named and any(c.typed and names_all(c) for c in contenders) else 0.0
    if lead.text in continuing and _FORECAST_WORDS.search(lead.text):
        # "Does he think it'll stay that cheap?": the article's next sentence forecasting it ("However, I
        # expect these figures will start to normalise") answers it, in words the question never uses.
        typed_match = 1.0

    def own_query() -> bool:  # not a follow-up, whose thread the lead must share (asked last: it is the dearest)
        return query in (question, expand_query(question))

    if (
        not typed_match
        and lead.lexical >= 0.5
        and missing <= 0.1
        and _says_as_set_phrase(question, lead)
        and own_query()
    ):
        # "deal values keep climbing but what's stayed constant?": the lead says it in the article's set phrase
        # ("one thing has remained constant"), which MiniLM places far from the question's everyday words.
        typed_match = 1.0
    if (
        not typed_match
        and analysis.expects in {"money", "percent"}
        and lead.typed
        and lead.lexical >= 0.9
        and not absent
        and sum(specificity(t) >= 0.5 for t in own) >= 2  # a topic of its own ("patent cliff"), not "US sales"
        and own_query()
    ):
        # "Patent cliff. How big?": the one sentence holding every word asked, with the amount asked for,
        # answers it, however short the question (MiniLM places a three-word question far from any sentence).
        typed_match = 1.0
    if named and typed_ok and RENAMING.search(question):
        # "What is BeiGene called these days?": a leading sentence saying it was renamed answers it, however
        # little its words look like the question's; without one, nothing does ("What was Zai Lab called?").
        renamed = next((c for c in contenders[:3] if c.typed and RENAMED.search(c.text) and names_all(c)), None)
        typed_ok = renamed is not None
        if renamed is not None:
            typed_match = 1.0
            lead = renamed  # "What was BeOne called before?": the sentence giving the old name leads
            candidates.remove(renamed)
            candidates.insert(0, renamed)
    if analysis.expects in _FIGURES and typed_ok:
        # The sentence that would lead the answer must fit: another contender's figure (US drug sales in
        # 2025) does not make the lead's (2024 licensing value) an answer for 2025. A close runner-up that
        # fits leads instead ("Which therapy area dominated 2025 deals?": not the sentence listing every
        # area, undated, but "In 2025, oncology was a strong centre of focus...").
        typed_ok = fits(lead)
        if not typed_ok and analysis.expects != "money":  # an amount: a deal's value is no market total
            runner_up = next(
                (
                    c
                    for c in candidates[: params.passages]
                    if c is not lead and c.score >= params.extra_ratio * candidates[0].score and fits(c)
                ),
                None,
            )
            if runner_up is not None:
                typed_ok = True
                lead = runner_up
                candidates.remove(runner_up)
                candidates.insert(0, runner_up)
    if analysis.expects in {"company", "companies"} and named and typed_ok:
        # "Which Chinese companies are named in the BIOSECURE Act?" is not answered by a sentence naming
        # companies in another connection (GSK and AbbVie deals): the companies must come with the names.
        typed_ok = names_all(lead)
    if analysis.expects in {"company", "companies"} and typed_ok:
        # "Which companies signed obesity deals?": companies named with another area (GSK's and AbbVie's
        # immunology) do not answer for obesity; the area must be in the sentence that names them.
        typed_ok = areas_named(question) - aside_areas <= areas_named(lead.text)
    elif typed_ok:
        # "Are any of these China licensing deals for rare diseases?": an area the question names must be in
        # the passage the answer comes from (immunology deals do not answer for rare diseases).
        # (An area in what the asker says of themselves is theirs: "the way BeiGene did with its immunology drug".)
        asked_areas = areas_named(question_proper(question)) - aside_areas
        typed_ok = asked_areas <= areas_named(pool_hits[candidates[0].hit_index].chunk.text)
    if typed_ok and _APPROVAL_ASKED.search(question_proper(question)):  # not "our regulators take forever to approve"
        # "Which conditions is it approved for in the US?": a sentence taking the drug to the US says nothing
        # of an approval; some leading sentence must speak of one.
        typed_ok = any(_APPROVAL_SAID.search(c.text) for c in candidates[:3])
    if typed_ok and analysis.expects in {"date", "day"}:
        # "When is the Zenas–InnoCare deal set to close?", "Since when has Smiley been COO?": a year in a sentence
        # about the deal's signing or the person's words is not the date of that event; a leading sentence
        # must speak of it.
        asked = question_proper(question)
        typed_ok = all(
            any(said.search(c.text) for c in candidates[:3]) for event, said in _DATED_EVENTS if event.search(asked)
        )
    if typed_ok:
        # "How much was paid upfront?", "What milestone payments are included in Novartis's deal?": the
        # articles give headline values; a part of one they never mention (upfront, milestones, royalties)
        # is not answered by the headline.
        typed_ok = not any(own[i] in _PAYMENT_PARTS and not _is_bound_or_claim(own[i], question) for i in absent)
    if typed_ok and named:
        # "Ascentage main drug is what?", "Does the FDA accept China-only data?": a name the question gives must
        # be in the article the answer comes from, not only in another one found alongside it.
        lead_document = _DOC_STEMS.get(retriever, pool_hits[lead.hit_index].chunk.document)
        typed_ok = all(found_in(lead_document, i) for i in named if own[i] not in aside and i not in claimed_titles)
    china = [i for i in range(len(own)) if own[i] in {"china", "chinese"} and own[i] not in aside]
    if typed_ok and china:
        # "Per-patient trial cost in China...?": an article that never mentions China (a US cholesterol study
        # among the abstracts) does not answer for China, however well its figures fit.
        lead_document = _DOC_STEMS.get(retriever, pool_hits[lead.hit_index].chunk.document)
        typed_ok = any(found_in(lead_document, i) for i in china)
    return Evidence(
        hits=hits,
        candidates=candidates,
        coverage=coverage,
        missing=missing,
        focus_missing=focus_missing,
        best=max(c.similarity for c in candidates[:2]),
        top_passage=max((h.dense_score or 0.0) for h in pool_hits),
        typed_ok=typed_ok,
        margin=max(candidates[0].similarity, displaced_similarity) - float(np.median(sims)),
        typed_match=typed_match,
        anchors=stems(anchors) if anchors else None,
        asked=term_stems,
    )


def select_sentences(
    evidence: Evidence,
    max_sentences: int,
    max_words: int,
    params: ComposerParams,
    *,
    asks_reason: bool = False,
    asks_example: bool = False,
) -> list[Candidate]:
    """The best sentence (one of the expected kind, if the question expects one), then others that are
    nearly as good and not redundant, in reading order. For a "why" question, a best sentence that points
    back to its reason ("Due to this, Cui believes...") is preceded by the sentence it points back to."""
    pool = evidence.candidates
    if not pool:
        return []
    best = next((c for c in pool[:5] if c.typed), pool[0])
    if asks_example:
        # "Any Chinese company that has gone global on its own?": the sentence giving one, as `find_evidence`
        # judged it ("An example of this is BeOne..."), even from further down.
        best = next((c for c in pool[:8] if c.typed and gives_example(c.text)), best)
    if evidence.anchors and not _speaks_for(best, pool, evidence.anchors) and not _may_carry_on(best):
        # "Does the Jefferies analyst see it the same way?": her sentence leads, not Yang's, when one of
        # hers is nearly as good.
        theirs = [
            c
            for c in pool[:5]
            if c.typed and c.score >= params.extra_ratio * pool[0].score and _speaks_for(c, pool, evidence.anchors)
        ]
        if theirs:
            # The one that says most of what was asked ("What does Jefferies think of BIOSECURE?": her
            # BIOSECURE sentence, not her introduction), the better scored first.
            asked = [a for a in evidence.asked or [] if a not in evidence.anchors]
            best = max(theirs, key=lambda c: sum(_present(a, _text_stems(c.text)) for a in asked))
    chosen = [best]
    words = len(best.text.split())

    chosen_vectors = [best.vector]
    for cand in pool:
        if cand is best:
            continue
        if len(chosen) >= max_sentences or cand.score < params.extra_ratio * best.score:
            break
        n = len(cand.text.split())
        if words + n > max_words:
            continue
        v = cand.vector
        if (
            v is not None
            and any(u is not None and float(u @ v) > params.redundancy for u in chosen_vectors)
            and not _adds_asked_words(cand, chosen, evidence.asked or [])
            # "the majority are unlikely to... in the short term" beside "From a longer-term perspective...":
            # the same subject, another horizon; not a repeat.
            and not _other_horizon_than(cand, chosen)
        ):
            continue
        if evidence.anchors and not _speaks_for(cand, pool, evidence.anchors):
            continue  # "Why does Smiley think...?" is not answered by what "she" (Cui) highlighted
        chosen.append(cand)
        chosen_vectors.append(v)
        words += n
    # A short sentence that carries the lead on ("It was passed by the House on 11 December.", "However,
    # I expect these figures will start to normalise...") completes it, budget allowing.
    follow = _carried_on(best, pool, evidence.hits)
    if (
        follow is not None
        and follow not in chosen
        and len(chosen) < max_sentences
        and words + len(follow.text.split()) <= max_words
    ):
        chosen.append(follow)
    # The best sentence leads; the others follow in reading order (by document, then position).
    rest = chosen[1:]
    doc_rank: dict[str, int] = {}
    for cand in chosen:
        doc_rank.setdefault(evidence.hits[cand.hit_index].chunk.document, len(doc_rank))
    rest.sort(key=lambda c: (doc_rank[evidence.hits[c.hit_index].chunk.document], c.start))
    # A lead that points back ("Due to this, ..." for a why question; "All three of these modalities...",
    # "It was passed by the House...") reads only after the sentence it points back to.
    points_back = (
        (asks_reason and _BECAUSE_OF_BEFORE.match(best.text))
        or _POINTS_BACK.match(best.text)
        or best.floor > -1.0  # "This comes as they look to...": the reason for the sentence before
        or (asks_example and _EXAMPLE_OF_BEFORE.match(best.text))  # "An example of this is BeOne..."
    )
    reason = _sentence_before(best, pool, evidence.hits) if points_back else None
    if reason is not None:
        rest = [c for c in rest if c is not reason]
        while rest and words + len(reason.text.split()) > max_words:
            words -= len(rest.pop().text.split())
        return [reason, best, *rest][:max_sentences]
    return [best, *rest]


def _adds_asked_words(cand: Candidate, chosen: list[Candidate], asked: list[str], least: int = 2) -> bool:
    """Does a sentence much like those chosen still hold words of the question that none of them does? "Will
    most go it alone in the short term?": "...the majority are unlikely to... in the short term" is not
    redundant after "some companies are looking to pursue a global self-commercialisation strategy"."""
    said: set[str] = set()
    for c in chosen:
        said |= _text_stems(c.text)
    present = _text_stems(cand.text)
    return sum(1 for t in dict.fromkeys(asked) if _present(t, present) and not _present(t, said)) >= least


_POINTS_BACK = re.compile(
    r"^\s*[“\"‘']?\s*(?:it|these|those|they|such|all\s+(?:two|three|four|five|of)\s+(?:of\s+)?"
    r"(?:these|those|them))\b",
    re.IGNORECASE,
)
"""A sentence whose subject is only named in the sentence before it ("This uptick in deals" names its own)."""

_EXAMPLE_OF_BEFORE = re.compile(r"^\s*(?:an|one)\s+example\s+of\s+(?:this|these|that)\b", re.IGNORECASE)
"""An example of what the sentence before says."""

_BECAUSE_OF_BEFORE = re.compile(
    r"^\s*(?:due to this|because of this|as a result|for this reason|this is why|that is why|therefore|hence|"
    r"consequently|thus)\b",
    re.IGNORECASE,
)
"""A sentence whose reason is the sentence before it."""


def _sentence_before(lead: Candidate, pool: list[Candidate], hits: list[Hit]) -> Candidate | None:
    """The sentence right before the lead in its article (found in any pooled passage)."""
    document = hits[lead.hit_index].chunk.document
    before = [c for c in pool if hits[c.hit_index].chunk.document == document and c.end <= lead.start]
    if not before:
        return None
    previous = max(before, key=lambda c: c.end)
    return previous if lead.start - previous.end <= 3 else None


_ANAPHOR = re.compile(
    r"^\s*[“\"‘']?\s*(?:it|its|this|that|these|those|they|their|he|she|his|her|such)\b", re.IGNORECASE
)
"""A sentence whose subject is in the sentence before it."""

_CARRIES_ON = re.compile(
    r"^\s*[“\"‘']?\s*(?:it|its|this|that|these|those|they|their|he|she|his|her|however|but|while|yet|still)\b",
    re.IGNORECASE,
)


def _carried_on(lead: Candidate, pool: list[Candidate], hits: list[Hit], max_words: int = 30) -> Candidate | None:
    """The sentence right after the lead in its article, when it is short and refers back to it (it may have
    been found in the next passage: a passage can end with the lead)."""
    document = hits[lead.hit_index].chunk.document
    after = [c for c in pool if hits[c.hit_index].chunk.document == document and c.start >= lead.end]
    if not after:
        return None
    nxt = min(after, key=lambda c: c.start)
    if nxt.start - lead.end > 3 or len(nxt.text.split()) > max_words or not _CARRIES_ON.match(nxt.text):
        return None
    return nxt


_CHINA_MARKET = re.compile(
    r"\b(?:china['’]s|chinese|in\s+china)\s+(?:[\w-]+\s+){0,3}(?:market|sales|revenues?)\b", re.IGNORECASE
)
_SCOPE_FORMS = {
    "us": ("us", "american", "america"),
    "european": ("europ", "european", "eu"),
    "japanese": ("japan", "japanes"),
    "korean": ("korea", "korean"),
    "indian": ("india", "indian"),
    "british": ("uk", "britain", "british"),
    "taiwanese": ("taiwan", "taiwanes"),
    "singapore": ("singapor",),
}
_SCOPES = {
    **dict.fromkeys(("us", "usa", "american", "america"), _SCOPE_FORMS["us"]),
    **dict.fromkeys(("europe", "european", "eu"), _SCOPE_FORMS["european"]),
    **dict.fromkeys(("japan", "japanese"), _SCOPE_FORMS["japanese"]),
    **dict.fromkeys(("korea", "korean", "s.korea"), _SCOPE_FORMS["korean"]),
    **dict.fromkeys(("india", "indian"), _SCOPE_FORMS["indian"]),
    **dict.fromkeys(("uk", "britain", "british"), _SCOPE_FORMS["british"]),
    **dict.fromkeys(("taiwan", "taiwanese"), _SCOPE_FORMS["taiwanese"]),
    **dict.fromkeys(("singapore",), _SCOPE_FORMS["singapore"]),
}
"""Where a figure is about: a figure for the US does not answer for Europe (China is every article's scope)."""

_IN_EFFECT = re.compile(
    r"\b(?:effect|effective|in\s+force|into\s+force|apply|applies|implement\w*|enforce\w*|phase[ds]?\s+in|deadline)\b",
    re.IGNORECASE,
)
"""A sentence saying when a law applies."""
_DOING = re.compile(
    r"^\s*(?:and\s+)?(?:which|what)\s+(?:[\w’'-]+\s+){1,4}?(?:(?:are|were|is|was|have|has|had)\s+"
    r"(?:been\s+|already\s+|actually\s+|now\s+|currently\s+)?)?(?P<verb>[a-z]{3,}(?:ing|ed))\b",
    re.IGNORECASE,
)


_REPORTED = frozenset(
    """named mentioned listed cited given called known involved included described referenced featured
    highlighted quoted flagged noted reported covered discussed shown""".split()
)


def _predicate(question: str) -> str | None:
    """What the asked-for companies or people do ("Which US pharma companies are lobbying to restrict...?":
    lobbying), when it is an everyday verb the answer must say they do."""
    match = _DOING.match(question)
    verb = match.group("verb").lower() if match else ""
    if not verb or verb in _REPORTED or not is_everyday_verb_form(verb):
        return None  # "What companies are named/mentioned?": what the article does, not they
    return verb


_PLACES = frozenset("us usa china chinese west western europe european asia asian global world".split())


_AMOUNT_OF = re.compile(
    r"\bhow\s+much\s+(?:has|have|had|did|does|do|will|would|is|are|was|were)\s+(?:the\s+)?"
    r"(?P<subject>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:fallen|fell|fall|risen|rose|rise|grown|grew|grow|dropped|drop|"
    r"declined|decline|increased|increase|changed|change|shrunk|shrank|shrink|raised|raise)\b",
    re.IGNORECASE,
)


def _amount_of(question: str, analysis: QuestionAnalysis) -> list[str]:
    """What an amount asked for is of: "venture money" (not "money"), "biotech funding"."""
    if analysis.expects != "money":
        return []
    moved = _AMOUNT_OF.search(question)
    if moved:
        return [w.lower() for w in moved.group("subject").split()[-1:]]
    focus = analysis.focus
    if len(focus) > 1 and focus[-1] in {"money", "cash", "funding", "financing", "investment"}:
        return focus[-2:-1]  # "venture money": money of that kind
    sized = re.search(r"^\W*how\s+(?:big|large)\b.*?\b([a-z][\w-]+)\s+market\b", question, re.IGNORECASE)
    return [sized.group(1).lower()] if sized else []  # "How large is the obesity market?": obesity's


def _thread_part(question: str, query: str) -> str:
    """The words a follow-up borrowed from the thread: the bracket `prepare` added to the question, not the
    shorthand's expansions `expand_query` appended after it ("(multinational big pharma)" for "MNC")."""
    base = query
    cut = base.rfind(" (")
    if cut > 0 and expand_query(base[:cut]) == base:
        base = base[:cut]
    if base == question or "(" not in base:
        return ""
    return base[base.rindex("(") :]


def _borrowed_names(question: str, query: str, analysis: QuestionAnalysis) -> list[str]:
    """Stems of the names a follow-up without names of its own ("that product") borrowed from the thread."""
    if any(e not in _PLACES for e in analysis.entities) or query == question or "(" not in query:
        return []
    names = [e for e in analyse(_thread_part(question, query)).entities if e not in _PLACES]
    return stems(names)


def _thread_topic(question: str, query: str, *, bare: bool = False) -> list[str]:
    """Stems of the names a follow-up borrowed from the thread that it does not say itself ("And what did
    Smiley have to say about it?" after questions about BIOSECURE: biosecure). `bare`: the follow-up says
    nothing but a name ("what about smiley"), so it points back as much as "it" does."""
    points_back = bare or re.search(r"\b(?:it|its|that|this|they|them)\b", question, re.I)
    if query == question or "(" not in query or not points_back:
        return []
    own = set(analyse(question).entities)
    names = [e for e in analyse(_thread_part(question, query)).entities if e not in _PLACES and e not in own]
    return stems(names)


_PROGRESSIVE = re.compile(
    r"\b(?:keeps?|kept|is|are|was|were|be|been|being|am|['’]re|['’]s|starts?|started|stops?|stopped)\s+([a-z]{3,}ing)\b",
    re.IGNORECASE,
)
"""A verb in its -ing form after "keeps", "is"...: "the patent cliff everyone keeps invoking"."""


_CONTRAST = re.compile(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to)\b([^?.;]*)", re.IGNORECASE)
"""What a question sets its subject against: "in China rather than in the US or Europe"."""


_AFTER_MODAL = re.compile(
    r"\b(?i:could|would|will|might|may|can|should|must|did|does|do)\s+(?:[\w’'-]+\s+){0,3}?([a-z]{3,}[a-rt-z])"
    r"(?=\s+(?:in|the|a|an|to|from|with|on|any|its|their|it|them|us|for)\b)"
)
"""The verb after a modal: "what reaction could Chinese self-commercialisation provoke in the US"."""


_ASKER = re.compile(
    r"^\s*(?:we(?:['’]re|\s+are)|i(?:['’]m|\s+am)|as\s+an?|(?:some\s+of\s+)?(?:our|my)\s+[\w-]+"
    # "I should like to reassure a client that... .": what the asker means to do with the answer
    r"|i(?:\s+should|\s+would|['’]d)\s+like\s+to|i\s+(?:want|need|have|hope)\s+to"
    # "We see a lot of our Chinese postdocs go home...": what the asker sees (what they heard is the question's)
    r"|we\s+(?!heard\b|read\b|saw\b|were\s+told\b)[a-z]+\s+(?:[\w’'-]+\s+){0,3}(?:our|my)\s+[\w-]+)\b"
    r"(?:[^.?!;]|\.(?=\S))*[.;!]\s+"
    r"|^\s*(?:(?:a|one)\s+)?(?:(?:quick|brief|short|simple|last)\s+)?(?:refresher|question|q|recap|reminder|check)\b"
    r"[^:?.]*:\s+"
    # "We learned 'me-too' drugs in pharmacology – how does...?": what the asker knows from elsewhere
    r"|^\s*(?:we|i)\s+(?:learned|learnt|studied|covered|were\s+taught)\b[^.?!;–—]*\s[–—]\s+",
    re.IGNORECASE,
)
"""A sentence before the question that says who asks ("We're a Shanghai biotech weighing...", "Some of our LPs
think..."), or why ("Quick refresher before my call: ...")."""


_PREMISE = re.compile(r"^\s*(?:since|given(?:\s+that)?|considering|now\s+that)\b[^,?]*,\s+", re.IGNORECASE)
"""A clause before the question that says what the asker assumes ("Since ... like BeOne did, does Cui...")."""


_CHOICES = re.compile(r"\b([\w&-]+)\s+or\s+(?:(?:at|in|the|a|an|with|from|by)\s+)?([\w&-]+)")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'&-]*")
_APPROVAL_ASKED = re.compile(
    r"\bapprov(?:e|ed|es|ing|als?)\b(?![\s-]+(?:process|speed|times?|timelines?|pathways?|system|regime|clock|rates?)\b)",
    re.IGNORECASE,
)
"""Asks whether or when something was approved ("When did the FDA approve it?"), not about how approvals go
("China's IND approval speed")."""
_APPROVAL_SAID = re.compile(
    r"\bapprov\w*|\bauthori[sz]\w*|\bclear(?:ed|ance)\b|\bgreen[- ]?l(?:ight|it)\w*|\blaunch\w*", re.IGNORECASE
)

_SAID_ABOUT = re.compile(
    r"\b(?:say|says|said|saying|think|thinks|thought|comment|comments|commented|feel|feels|make|makes)\s+"
    r"(?:about|on|regarding|of)\s+(?P<topic>(?:(?!\s+(?:and|or|but)\s)[^?!.;,—–:])+)",
    re.IGNORECASE,
)
"""What someone is asked to have said something about, up to a second part: "What does Yang say about asset
prices?", "How does Yang feel about the BIOSECURE Act and the risk it poses...?"."""

_TOPIC_POINTS_BACK = re.compile(
    r"\b(?:it|that|this|those|these|them|they|there|one|ones|the\s+(?:first|second|last|other|former|latter|same))\b",
    re.IGNORECASE,
)
"""A topic that points back ("about the first of those"): the thread's, not its own words."""
_DATED_EVENTS = [
    (
        re.compile(
            r"\b(?:set|due|expected|slated|scheduled)\s+to\s+close\b|\bclos(?:e|es|ed|ing)\b(?=[^?]*\bdeal)", re.I
        ),
        re.compile(r"\bclos(?:e|es|ed|ing)\b|\bcomplet\w*", re.I),
    ),
    (
        re.compile(r"\b(?:reach|enter|start|begin|move\s+into)\w*\s+(?:a\s+)?phase\b", re.I),
        re.compile(r"\bphase\b", re.I),
    ),
    (
        re.compile(
            r"\bsince\s+when\b(?=[^?]*\b(?:been|served|held)\b)|\b(?:joined|appointed|took\s+over|became)\b"
            r"(?=[^?]{0,40}\b(?:ceo|coo|cfo|president|chair\w*|head|director|chief)\b)",
            re.I,
        ),
        re.compile(r"\bsince\b|\bjoined\b|\bappointed\b|\btook\s+over\b|\bbecame\b", re.I),
    ),
    (
        re.compile(r"\b(?:have|has|had)\s+to\b|\bdeadline\b|\bmust\b", re.I),
        re.compile(r"\bdeadline\b|\bmust\b|\bdue\b|\bhave\s+to\b|\bno\s+later\b", re.I),
    ),
]
"""A dated event asked about, and what a sentence giving its date says: when a deal closes, a drug reaches a
phase, someone took up a role, something is due by."""

_ASKER_AFTER = re.compile(
    r"(?<=\?)\s+"
    r"(?!(?:[Ii]|[Ww]e)(?:['’]ve)?\s+(?:heard|read|recall|remember|saw|seen|understood|understand|was\s+told)\b)"
    r"(?=[^?]*\b(?:[Ii]|[Ii]['’][md]|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|us)\b)[^?]+$"
)
"""A sentence after the question, not itself one, about the asker: "Trying to see if any of my holdings are
involved.", "That's where I figured all the money was.". What the asker has heard or read is about the topic
("I heard GSK and AbbVie deal had some extra component.")."""


def _context_before(question: str) -> re.Match[str] | None:
    return _ASKER.match(question) or _PREMISE.match(question)


def without_motive(question: str) -> str:
    """The question without a sentence after it about why the asker asks ("...on BIOSECURE? I'd love to read
    it out on the show.") or how to answer ("...? just the number, nothing else"), nor the request around it
    (`without_request`): their words are neither searched for nor required of the answer."""
    after = _ASKER_AFTER.search(question)
    return without_instructions(without_request(question[: after.start()] if after else question))


_FRAME_NOUN = (
    r"(?:memo|deck|digest|briefing|roundup|round-up|playbook|slides?|pack|newsletter|call|meeting|review|presentation|"
    r"chart|email|one-pager)"
)
_REQUEST_FRAME = re.compile(
    # "This is for Priya's board deck...", "For the IR briefing pack Mark is presenting...", "Quick one for our VP"
    rf"^\s*(?:this\s+is|it['’]s)\s+for\b|^\s*(?:background|context)\s+for\b|\b{_FRAME_NOUN}s?\b"
    r"|^\s*(?:prepping|preparing|drafting|putting\s+together)\b"
    r"|^\s*(?:i['’]m|i\s+am|we['’]re|we\s+are)\s+(?:writing|putting|prepping|preparing|drafting|pulling|building)\b"
    r"|^\s*(?:(?:a\s+)?quick|last|one\s+more|another|separate)\s+(?:one|question|q|bullet|item)\b"
    # "The immunology franchise lead wants something checked", "He just wants a sentence he can drop into..."
    r"|^\s*(?:he|she|they|(?:the|our|my)\s+(?:[\w-]+\s+){0,4}?(?:director|lead|team|head|vp|svp|evp|ceo|coo|cfo|boss|"
    r"manager|desk|committee|affairs|partner|analyst|group))\s+(?:just\s+|only\s+|really\s+|also\s+)?"
    r"(?:wants?|needs?|asked|is\s+(?:modelling|modeling|asking|prepping|preparing|worried|presenting))\b"
    r"|^\s*(?:government|investor|public|regulatory|medical)\s+(?:affairs|relations)\s+(?:needs?|wants?|asked)\b",
    re.IGNORECASE,
)
"""A sentence that frames a request rather than asks: who it is for, what it feeds, when it is due."""


def without_request(question: str) -> str:
    """The question without the sentences before it that frame the request ("This is for Priya's board deck,
    one line per point, no fluff. In which year does the piece say China overtook...?"): who it is for and
    what it feeds are the asker's, not what the article must say. A sentence the question points back to ("he
    wants Cui Cui's angle on pricing. What does she say...?") stays."""
    sentences = re.split(r"(?<=[.;!:])\s+(?=[A-Z0-9]|in\s+\d)", question.strip())
    asking = next((k for k, s in enumerate(sentences) if "?" in s or _WH_OR_AUX.match(s)), None)
    if not asking or "?" in " ".join(sentences[:asking]):
        return question
    framing = sentences[:asking]
    # "I'm drafting a board memo and my notes say ... about 38% ...": a figure is a claim to check, not framing.
    if not all(_REQUEST_FRAME.search(s) and not _FIGURE_IN_FRAME.search(s) for s in framing):
        return question
    rest = " ".join(sentences[asking:])
    if _PRONOUN_BACK.search(rest) and any(_NAMED_IN_FRAME.search(s[1:]) for s in framing):
        return question
    return rest


_FIGURE_IN_FRAME = re.compile(r"[$%£€]|(?<![\w.])(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?(?!\s*(?:am|pm)\b)", re.IGNORECASE)
"""A figure (not a year or a time of day): "my notes say about 38%" is a claim, "out to 2028", "at 3pm" frame."""
_WH_OR_AUX = re.compile(
    r"^\s*(?:and\s+|so\s+|also\s+|now\s+|then\s+)?(?:what|which|how|why|who|whom|whose|when|where|in\s+which|on\s+which|"
    r"does|do|did|is|are|was|were|will|would|can|could|has|have|had|should)\b",
    re.IGNORECASE,
)
_NAMED_IN_FRAME = re.compile(
    r"(?!(?:Chinese|China|Western|American|European|Asian|US|VP|SVP|EVP|CEO|COO|CFO|BD|IR|R&D)\b)"
    rf"\b(?-i:[A-Z])[\w-]+(?!['’]s\s+(?:[\w-]+\s+)?{_FRAME_NOUN}s?\b)(?!['’]s\s+(?:call|deck|board))\b(?<!\bI)"
)


_ANSWER_KIND = (
    r"(?:number|figure|%|percentage|amount|label|names?|year|date|city|\$\s*figure|total\s*\$|count|value|answer)"
)
_INSTRUCTION = re.compile(
    r"(?:please|pls|plz|thanks|thx)"
    # "just the number", "name only" (not "figure?" alone: "Zai Lab revenue, figure?" asks for one).
    rf"|(?:(?:give\s+me\s+)?(?:just|only)\s+(?:the\s+)?{_ANSWER_KIND}(?:\s+only)?|(?:the\s+)?{_ANSWER_KIND}\s+only)"
    r"(?:\s+(?:pls|please))?"
    r"|exact\s+count|no\s+ranges|one\s+(?:figure|number)"
    r"|(?:answer\s+)?(?:in\s+)?(?:one|a|1|two|2)\s+(?:line|sentence|word)s?(?:\s+(?:answer|max|each|why))?"
    r"|(?:answer|reply|respond)\s+in\s+(?:one|a|1)\s+(?:line|sentence|word)"
    r"|(?:be\s+)?(?:brief|concise|short)|keep\s+it\s+(?:short|brief|tight)|short\s+answer"
    r"|no\s+(?:fluff|commentary|bio|waffle|preamble)|nothing\s+else|comma[- ]separated"
    r"|quote\s+(?:the\s+(?:exact\s+)?(?:sentence|line|quote)|(?:him|her|them)\s+exactly)"
    r"|yes\s*/\s*no(?:\s*(?:plus|\+)\s*(?:a|one)\s+line(?:\s+why)?)?|correct\s+me\s+in\s+one\s+line"
    r"|(?:just\s+)?list\s+them|bullet\s+points?(?:\s+fine)?|table\s+please"
    # A request's haste and format: "Names only, bulleted, quick please.", "One sentence is fine, he just needs
    # the direction.", "Same one-line format for the VP.", "As quick as you can manage".
    rf"|(?:just\s+)?(?:the\s+)?{_ANSWER_KIND}\s+as\s+a\s+list|(?:a\s+)?list(?:\s+(?:please|is\s+fine))?"
    r"|(?:and\s+)?(?:please\s+)?hurry|(?:a\s+)?quick(?:ly)?(?:\s+(?:one|turnaround))?(?:\s+(?:please|pls))?"
    r"|(?:fast|quick(?:ly)?)\s+if\s+you\s+can|as\s+(?:quick(?:ly)?|fast|soon)\s+as\s+(?:you\s+can(?:\s+manage)?|possible)|asap"
    r"|(?:i\s+)?need\s+it\s+(?:before|by)\s+[\w\s]{1,20}|due\s+[\w\s]{1,20}"
    r"|(?:one|a|1|separate)\s+bullet(?:\s+point)?|bullet(?:ed|s)"
    r"|no\s+(?:adjectives|background|context|caveats|hedging)(?:\s+please)?"
    r"|(?:he|she|they)\s+(?:\w+\s+)?(?:reviews?|reads?|presents?|sends?)\s+it(?:\s+[\w\s]{1,15})?"
    r"|(?:one|a|1)\s+(?:word|line|sentence|name|number|figure)\s+is\s+fine"
    r"|(?:he|she|they)\s+(?:just\s+|only\s+)?needs?\s+the\s+[\w-]+"
    r"|same\s+(?:[\w-]+\s+){0,2}format(?:\s+for\s+(?:the\s+)?[\w-]+)?|plain\s+text"
    r"|quote\s+it(?:\s+if\s+there\s+is\s+one)?|in\s+(?:his|her|their)\s+own\s+words|thanks|thank\s+you|cheers"
    r"|(?:name|list)\s+(?:them|it|those|these|him|her)(?:\s+(?:all|both))?(?:\s+for\s+(?:us|me|them))?",
    re.IGNORECASE,
)
"""How to answer, not what: "just the number", "one line", "no fluff", "quote the exact sentence"."""
_BARE_INSTRUCTION = re.compile(
    rf"(?<=\w)\s+(?:(?:give\s+me\s+)?(?:just|only)\s+(?:the\s+)?{_ANSWER_KIND}(?:\s+only)?"
    rf"|give\s+me\s+(?:the\s+)?(?:dollars|{_ANSWER_KIND}))(?:\s+(?:pls|please))?\s*[.!]*\s*$",
    re.IGNORECASE,
)
_LAST_CLAUSE = re.compile(r"([,.;?!:]|\s[—–-])\s*([^,.;?!:—–]+?)\s*[.!]?\s*$")


def without_instructions(question: str) -> str:
    """ "Novartis x Argo — how much was that deal worth? just the number, nothing else": the question, without
    the instructions after it (the answer is the corpus's sentences either way)."""
    text = question
    while (last := _LAST_CLAUSE.search(text)) and _INSTRUCTION.fullmatch(last.group(2).strip()):
        text = text[: last.start()] + ("?" if last.group(1) == "?" else "")
    # "...worth this year just the number": the same, typed without a comma.
    text = _BARE_INSTRUCTION.sub("", text)
    return text.strip() if len(text.strip()) >= 8 else question


def question_proper(question: str) -> str:
    """The question without a sentence saying who asks or what they assume ("I'm pitching a Chinese ADC to a
    Western partner... Why does he think...?": the partner is the asker's)."""
    context = _context_before(question)
    return question[context.end() :] if context else question


_COMPARISON_FRAME = re.compile(
    r"^\s*(?:compared\s+(?:with|to)|unlike|as\s+in|similar\s+to|relative\s+to)\s+[^,?]{2,80},"
    r"|,\s*(?:as|like)\s+(?:some|many|most|several|other|the)?\s*[^,?]{2,60}\s+(?:did|do|does|have|had)\b[^,?]*(?=\?\s*$)"
    # "In Japan it is quite rare to see...": how things are where the asker is, before the question.
    r"|^\s*in\s+[A-Z][a-z]+,?\s+(?:it\s+is|it['’]s|we|people|companies|firms)\b[^.?!]*[.!]\s+"
    # "Some senior colleagues in Tokyo still think...": what people around the asker think.
    r"|^\s*(?:some\s+|many\s+|a\s+few\s+)?(?:of\s+my\s+|of\s+our\s+)?(?:senior\s+|older\s+)?(?:colleagues|people|folks|"
    r"clients|peers)\s+(?:in|at|back\s+in)\s+[A-Z][a-z]+\b[^.?!]*[.!]\s+",
    re.IGNORECASE,
)
"""A comparison with where the asker is, or a frame around the question: not what the article must say."""
_APPOSITIVE = re.compile(
    r"\b[A-Z][\w&-]+,\s+the\s+([^,—–?]{2,40}?)\s+(?:people|folks|guys|crowd|outfit|shop|specialists?)\s*[,—–-]"
)
"""A description of a company set after its name ("InnoCare, the BTK inhibitor people —"): who it is, as the
asker knows it; the article need not say so."""


_OTHER_ALTERNATIVE = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:does|do|did|is|are|will|would|can|should|has|have)\b[^?]*?\s+or\s+([^,?]{3,30})\?*\s*$",
    re.IGNORECASE,
)
"""The second of two answers a yes/no question offers ("...carry on into 2026 or fizzle out?"): the article
answers with one of them, in its own words."""


def _says_as_set_phrase(question: str, lead: Candidate) -> bool:
    """Does the lead hold, word for word, a set phrase the question puts in everyday words (`lexicon.PHRASES`)?"""
    said = lead.text.lower()
    return any(
        len(expansion.split()) > 1 and expansion in said for pattern, expansion in PHRASES if pattern.search(question)
    )


def _aside_terms(question: str) -> set[str]:
    appositives = {t for m in _APPOSITIVE.finditer(question) for t in query_terms(m.group(1))}
    other = _OTHER_ALTERNATIVE.match(question)
    if other:
        rest = question[: other.start(1)]
        appositives |= set(query_terms(other.group(1))) - set(query_terms(rest))
    return _asides(question) | appositives


def _asides(question: str) -> set[str]:
    """Words only inside brackets in a topic before the question ("Reg side (CDE/NMPA): what's credited...?"),
    not also in the question proper. Brackets in the question itself may hold what it asks for ("any named
    ADC target (TROP2/HER2)?")."""
    # "We're a Shanghai biotech weighing whether to go global. What do the experts recommend?": who asks;
    # "Since Chinese biotechs seem to be going it alone like BeOne did, does Cui think...": what they assume.
    context = _context_before(question)
    if context:
        return set(query_terms(context.group(0))) - set(query_terms(question[context.end() :]))
    who = re.match(r"\s*as\s+an?\s+([^,.?]{1,40}),", question, re.IGNORECASE)
    if who:  # "As a founder, should I expect...?": who asks
        return set(query_terms(who.group(1))) - set(query_terms(question[who.end() :]))
    frame = _COMPARISON_FRAME.search(question)
    if frame:
        # "Compared with the PMDA in Japan, how...?", "...to the US itself, as some Japanese firms did?": what the
        # asker compares with, not what the article must mention.
        rest = question[: frame.start()] + question[frame.end() :]
        return set(query_terms(frame.group(0))) - set(query_terms(rest))
    like_us = re.search(r"\blike\s+us\s+[A-Z][a-z]+s\b", question)
    if like_us:  # "...generics and me-too products, just like us Indians.": who asks
        return set(query_terms(like_us.group(0))) - set(query_terms(question[: like_us.start()]))
    after = _ASKER_AFTER.search(question)
    if after:
        # "...signed cancer deals in 2025? Trying to see if any of my holdings are involved.": why they ask.
        return set(query_terms(after.group(0))) - set(query_terms(question[: after.start()]))
    set_aside = re.match(r"\s*" + SET_ASIDE + r"([^,?]{2,60}),", question, re.IGNORECASE)
    if set_aside:
        # "Aside from market know-how, what financial need...?": what is set aside need not be in the answer.
        return set(query_terms(set_aside.group(1))) - set(query_terms(question[set_aside.end() :]))
    shaped = TOPIC_THEN_QUESTION.match(question)
    if not shaped:
        return set()
    inside = " ".join(re.findall(r"\(([^()]*)\)", shaped.group("topic")))
    outside = re.sub(r"\([^()]*\)", " ", question)
    return set(query_terms(inside)) - set(query_terms(outside)) if inside else set()


_FRACTIONS = frozenset("half third quarter fifth sixth tenth".split())
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_CLAIMED_NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred dozen""".split()
)
_DEMONYMS = frozenset(
    """european asian american japanese korean indian british swiss german french chinese western eastern""".split()
)


def _detail_kind(word: str) -> str | None:
    """What kind of detail a claim may get wrong: a year, a place, a region of people."""
    if re.fullmatch(r"(?:19|20)\d{2}", word):
        return "year"
    if word.lower() in _DEMONYMS:
        return "region"
    if PLACE.fullmatch(word.capitalize()) or PLACE.fullmatch(word.upper()):
        return "place"
    return None


def _figure_kind(word: str) -> str | None:
    """ "$6bn" money, "38%" a share, "1,000" or "three" a count; a year is none of them."""
    if word in _FRACTIONS:
        return "percent"  # "about a fifth of the deals": a share
    if word in _CLAIMED_NUMBER_WORDS:
        return "count"
    if not re.fullmatch(r"\$?\d+(?:[.,]\d+)*(?:bn|m|%)?", word) or _detail_kind(word) == "year":
        return None  # not "FY2025", nor 2025
    if word.startswith("$") or re.search(r"\d(?:bn|m)$", word):
        return "money"
    return "percent" if word.endswith("%") else "count"


def _claimed_details(
    own: list[str], absent: list[int], question: str, leading: list[Candidate], claim: bool, about_someone: bool
) -> set[int]:
    """The words of a claim to check that the leading sentences correct: a year, a place or a region they give
    otherwise (when the claim's figures are theirs), or, for a claim about a person, the organisation claimed for
    them (a name the articles lack)."""
    if not claim or not leading:
        return set()
    asked = {w.lower() for w in re.findall(r"[\w’'-]+", question)}
    given = [w for c in leading for w in re.findall(r"[A-Za-z]+|\d{4}", c.text) if w.lower() not in asked]
    kinds = {_detail_kind(w) for w in given} - {None}
    said = {w.lower() for c in leading for w in re.findall(r"[A-Za-z]+|\d{4}", c.text)}
    # A figure of the claim that the sentences do not give makes it a claim about another figure, for that year
    # or place ("more than thirty such deals in 2024", when the article counts 20 in 2023): not corrected by them.
    figures = [
        w
        for w in own
        if (any(ch.isdigit() for ch in w) and _detail_kind(w) != "year")
        or w in _CLAIMED_NUMBER_WORDS
        or w in _FRACTIONS
    ]
    text = " ".join(c.text.lower() for c in leading)
    same_figures = all(re.search(rf"(?<![\d.]){re.escape(f.lower())}", text) for f in figures)
    claimed = {i for i, w in enumerate(own) if same_figures and _detail_kind(w) in kinds and w.lower() not in said}
    if about_someone and _CLAIMED_ORGANISATION.search(question):
        capitalised = {m.group(0).lower() for m in re.finditer(r"(?<=\w\s)[A-Z][\w-]+", question)}
        claimed |= {i for i in absent if own[i] in capitalised or (own[i][:1].isalpha() and not is_known_word(own[i]))}
    return claimed


_CLAIMED_ORGANISATION = re.compile(
    r"\b(?:is|was)\s+(?:the\s+)?(?:ceo|coo|cfo|president|head|chief\s+\w+|founder|chair\w*)\s+(?:of|at)\b"
    r"|\b(?:runs|heads|leads|works\s+(?:at|for))\b",
    re.IGNORECASE,
)
"""A claim of where someone works ("Yang is CEO of Hengrui", "Cui runs Asia healthcare at Goldman Sachs")."""


_MISSING_ASKED = re.compile(
    r"\bmissing\b|\bgaps?\b|\b(?:don['’]t|do\s+not|doesn['’]t|does\s+not)\s+(?:[\w-]+\s+){0,3}?have\b", re.IGNORECASE
)
"""Asks what is missing, in other words than "lack"."""
_GUESSED_FIGURE = re.compile(
    r"(?:\?|,|\s[—–])\s*(?:(?:was|is)\s+it\s+)?(?:like|about|around|roughly|maybe|say|approx\.?)?\s*[~$€£¥]?"
    r"(?!(?:19|20)\d\d\b)\d[\d.,]*\s*"
    r"(?:%|bn|m|billion|million|percent)?\s*\?+\s*$",
    re.IGNORECASE,
)
"""A figure guessed after the question ("Did Smiley quantify the discount? like 50%?", "what was it, $200m?"): a
claim, which a figure of its kind in the answer confirms or corrects."""


def _is_bound_or_claim(term: str, question: str) -> bool:
    """ "$5bn+", "over $500m", "more than 20": a bound the answer must pass, not a figure it must contain;
    "Is it right that the deal was $6bn?": a claimed figure, which the answer confirms or corrects; "#1
    reason": a rank."""
    if not any(ch.isdigit() for ch in term):
        return False
    if FACT_CHECK.search(question) and not re.fullmatch(r"(?:19|20)\d{2}", term):
        return True  # a year stays what the claim is about: 28% "in 2024" does not confirm a 2023 share
    if re.search(rf"#\s?{re.escape(term)}\b", question):
        return True
    if re.search(
        rf"\b(?:roughly|about|around|approximately|approx\.?|nearly|almost|some|circa|c\.|like)\s*[~$€£¥]?\s*{re.escape(term)}",
        question,
        re.IGNORECASE,
    ):
        return True  # "its roughly five-billion-dollar pact": about what the article says, not the figure
    from .fact_questions import _THRESHOLD

    if any(re.search(rf"(?<![\w.]){re.escape(term)}", m.group("amount"), re.I) for m in _THRESHOLD.finditer(question)):
        return True  # "bigger than $500m", "over 20"
    if re.search(rf"[,—–?]\s*(?:(?:was|is)\s+it\s+)?[$€£¥]?\s*{re.escape(term)}\w*\s*\?+\s*$", question, re.I):
        return True  # "what was it, $200m?", "...in 2024? 20%?": a guess after the question, which the answer corrects
    if re.search(rf"[<>≈≤≥~]\s*=?\s*{re.escape(term)}\b", question):
        return True  # "<$1bn or >$1bn?", "risk ≈ 0": a bound or a guess, written as a symbol
    return bool(re.search(rf"{re.escape(term)}\w*\s*\+", question, re.IGNORECASE))


def _with_previous(cand: Candidate, candidates: list[Candidate]) -> str:
    """The sentence with the one before it in its passage ("It was passed by the House..." needs it)."""
    before = [c for c in candidates if c.hit_index == cand.hit_index and c.end <= cand.start]
    return cand.text + (" " + max(before, key=lambda c: c.end).text if before else "")


_PAYMENT_PARTS = frozenset(
    "upfront up-front milestone milestones royalty royalties equity option tiered downpayment".split()
)
"""Parts of a deal's value that a headline value does not answer."""

_NOT_AN_AREA = frozenset({"modality", "modalities", "biologics", "therapeutic umbrella", "antibody", "antibodies"})
"""Words AREA knows that name no one area a figure could be broken down by."""


def _short_year(term: str, question: str) -> bool:
    """ "2025-30", "FY'26": a two-digit year, not the 30 of "a 30-working-day review"."""
    t = re.escape(term)
    if not re.fullmatch(r"[1-3]\d", term):
        return bool(re.search(rf"\b(?:19|20)\d{{2}}\s*[-–/]\s*{t}\b|['’]{t}\b|\bfy\s?{t}\b", question, re.IGNORECASE))
    if _short_year_said(t, question):
        return True
    # "Cui: 25 licensing trends carry into 26?": beside a two-digit year, a bare 20-39 is one too.
    others = {m.group(0) for m in re.finditer(r"\b[1-3]\d\b", question)} - {term}
    return any(_short_year_said(re.escape(o), question) for o in others) and not re.search(
        rf"\b{t}\s*(?:%|percent|days?|weeks?|months?|m\b|bn\b)", question, re.IGNORECASE
    )


def _short_year_said(t: str, question: str) -> bool:
    return bool(
        re.search(
            rf"\b(?:19|20)\d{{2}}\s*[-–/]\s*{t}\b|['’]{t}\b|\bfy\s?{t}\b"
            # "US sales 25-30", "carry into 26", "the 26 call": two-digit years in shorthand
            rf"|\b{t}\s*[-–/]\s*[1-3]\d\b(?!\s*(?:%|percent|days?|weeks?|months?|m\b|bn\b))|\b[1-3]\d\s*[-–/]\s*{t}\b(?!\s*(?:%|percent|days?|weeks?|months?))"
            rf"|\b(?:into|in|for|by|until|through|since|from|to)\s+{t}(?=\s*(?:[?.,;:)]|$|\s+(?:and|or|vs|versus)\b))"
            rf"|[—–-]\s*{t}\s+(?:deal\s*flow|dealflow|outlook|call|forecast|view)\b",
            question,
            re.IGNORECASE,
        )
    )


_NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()

_FIGURES = frozenset({"money", "percent", "count", "date", "day", "duration", "area"})
"""Kinds of answer that must come from a sentence naming what the question names."""

_REFERS_BACK = re.compile(r"^\s*(?:[“\"‘']|(?:he|she|his|her|they)\b)", re.IGNORECASE)


_PRONOUN_SAYS = re.compile(
    r"\b(?:he|she)\s+(?:says|said|states|stated|notes|noted|adds|added|explains|explained|argues|argued|concludes|"
    r"concluded|continues|continued|told|tells)\b"
)
"""A sentence whose speaker is named only in the sentence before it ("“...,” she states.")."""


def _may_carry_on(cand: Candidate) -> bool:
    """A quote or a "he"/"she" sentence: its speaker may be named in a sentence the pool does not hold (not
    so for "“...,” Yang says.": his)."""
    if _NAMED_SAYS.search(cand.text):
        return False
    return bool(_REFERS_BACK.match(cand.text) or _PRONOUN_SAYS.search(cand.text))


_NAMED_SAYS = re.compile(r"[”\"’'],?\s+(?:[A-Z][a-z]+\s+){1,2}(?:says|said|states|stated|notes|noted|adds|added)\b")
"""A quote closed by its speaker's name: "“...,” Yang says."."""


_NAMED_SPEAKER = re.compile(
    r"\b(?:According\s+to\s+(?P<per>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|(?P<who>[A-Z][a-z]+)(?=" + SPEAKS.pattern + r"))"
)


def _someone_else_speaks(text: str, anchors: list[str]) -> bool:
    """ "Cui expressed similar thoughts...", "According to Smiley, ...": a sentence given as another person's
    words, when the question asks for the anchored person's."""
    for match in _NAMED_SPEAKER.finditer(text):
        name = match.group("per") or match.group("who")
        if not any(_present(a, _text_stems(name)) for a in anchors):
            return True
    return False


def _speaks_for(cand: Candidate, pool: list[Candidate], anchors: list[str]) -> bool:
    """Is this sentence the anchored person's: it names them, or it carries on ("He also...", a quote)
    from the sentence before it, which does."""
    if any(_present(a, _text_stems(cand.text)) for a in anchors):
        return True
    if not _REFERS_BACK.match(cand.text):
        return False
    before = [c for c in pool if c.hit_index == cand.hit_index and c.end <= cand.start]
    if not before:
        return False
    previous = max(before, key=lambda c: c.end)
    return any(_present(a, _text_stems(previous.text)) for a in anchors)


_VOTE_WORDS = re.compile(r"\b(?:vot\w*|pass(?:es|ed|ing)?|law|signs?|signed|enact\w*|ballot)\b", re.IGNORECASE)
_STAYS = re.compile(
    r"\b(?:last|stays?|remains?|persists?|holds?|fades?)\b(?:\s+(?:that|so|this))?"
    r"(?:\s+(?:cheap|low|inexpensive|affordable|attractive))?(?:\s+(?:always|forever|for\s+long))?\s*(?:\??\s*$|,\s*or\b)",
    re.IGNORECASE,
)
"""Asks whether what the last answer said holds, in more words than `LASTS` reads."""
_ASKS_FORECAST = re.compile(
    r"\b(?:will|going\s+to|expect\w*|forecast\w*|predict\w*|outlook|hold|last|continue|stay)\b", re.IGNORECASE
)
"""A question about what comes next: "Will that interest hold into 2026?"."""
_FORECAST_WORDS = re.compile(
    r"\b(?:expect\w*|predict\w*|likely|forecast\w*|anticipat\w*|odds|chances?|set to|poised|probab\w*)\b",
    re.IGNORECASE,
)
_SAYING_WORDS = frozenset(
    """one ones made make makes said say says point points claim argument comment remark first second third fourth
    last latter former""".split()
)
"""Words of a follow-up that point at what was said ("Who made that point?", "and the second one — how much was it
worth?"), not at a topic."""


_AGREEING = re.compile(
    r"\b(?:does|do|did|would|will|is|are|was)\s+(?:the\s+)?(?P<who>(?:[\w’'-]+\s+){1,3}?)(?:also\s+|actually\s+)?"
    + AGREEING_WORDS,
    re.IGNORECASE,
)
"""Who agrees: "Does Yang agree?", "Does Smiley agree with Cui on licensing?"."""


def _lead_with(candidates: list[Candidate], said: re.Pattern[str]) -> None:
    """When the leading sentence does not say it, the first of the next two that does leads instead."""
    if said.search(candidates[0].text):
        return
    saying = next((c for c in candidates[1:3] if said.search(c.text)), None)
    if saying is not None:
        candidates.remove(saying)
        candidates.insert(0, saying)


_HELP_ASKED = re.compile(
    r"\bwhat\b[^?]*\b(?:help|helps|offset|offsets|mitigate|mitigates|soften|softens|cushion|cushions|counter)\b"
    r"[^?]*\b(?:cope|offset|mitigate|soften|with|against|pressures?|cliffs?|challenges?|blow)\b",
    re.IGNORECASE,
)
"""Asks what helps against something ("What can help pharma cope with pricing pressure?")."""
_HELP_SAID = re.compile(r"\b(?:help\w*|mitigat\w*|offset\w*|soften\w*|cushion\w*|counter\w*)\b", re.I)
"""A sentence on what helps ("...can help to mitigate the impact of such challenges")."""
_FORMERLY_SAID = re.compile(r"\b(?:once|formerly|previously|used\s+to|in\s+the\s+past)\b", re.I)
"""A sentence on what was once so ("Once considered a nation with expertise in generic...")."""
_MAJORITY_SAID = re.compile(
    r"\b(?:majority|minority|most\s+of\s+them|most\s+(?:chinese\s+)?(?:companies|biotechs))\b", re.I
)
"""A sentence on what most of them do ("Cui notes that the majority are unlikely to...")."""
_AGREE_IDIOM = re.compile(rf"\b{AGREEING_WORDS}\b", re.IGNORECASE)
"""The ways of asking whether someone agrees ("on the same page", "see it the same way"), searched as "agree"."""
_SAYS_LIKEWISE = re.compile(
    r"\b(?:echo(?:ed|es)?|mirror(?:ed|s)?|similar|likewise|(?:dis)?agree[sd]?|concur(?:red|s)?|shares?)\b",
    re.IGNORECASE,
)
"""A sentence reporting agreement: "Yang echoed this sentiment", "Smiley mirrors this belief"."""


_ALPHA_WORD = re.compile(r"[A-Za-z]{4,}")


def correct_spelling(query: str, texts: list[str]) -> str:
    """Replace words English does not know by the passage word they are a typo of ("commercialy" ->
    "commercially" when the passages say it); everything else is left as typed."""
    from .lexicon import CHAT_WORDS_MEANING
    from .question import is_known_word

    vocabulary: dict[str, str] = {}
    for text in texts:
        for word in _ALPHA_WORD.findall(text):
            vocabulary.setdefault(word.lower(), word)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower in CHAT_WORDS_MEANING:
            return CHAT_WORDS_MEANING[lower]
        if len(lower) < 4 or lower in vocabulary or is_known_word(lower):
            return word
        limit = 1 if len(lower) < 8 else 2
        # A four-letter word is only mended by a letter it dropped ("vaue": "value"); one letter changed
        # turns too many short shorthands into words.
        shortest = len(lower) + 1 if len(lower) < 5 else len(lower) - limit
        best = next(
            (
                w
                for w in vocabulary
                if w[:1] == lower[:1] and shortest <= len(w) <= len(lower) + limit and _edits_at_most(lower, w, limit)
            ),
            None,
        )
        if best is None or stems([lower]) == stems([best]):
            return word  # "biotechs" for "biotech": the same word to the search, and as the user wrote it
        return vocabulary[best]

    # Whole words: "needn't" is not a typo of "needs".
    return re.sub(r"(?<![’'])\b[A-Za-z]{3,}\b(?![’'])", fix, query)


def prefer_anchored(hits: list[Hit], anchors: list[str], bonus: float = 0.15) -> list[Hit]:
    """Passages that name one of the thread's people rank higher for a "he"/"she" question."""
    anchor_stems = stems(anchors)
    boosted = []
    for hit in hits:
        named = any(_present(a, _text_stems(hit.chunk.text)) for a in anchor_stems)
        boosted.append(hit.model_copy(update={"score": hit.score + bonus}) if named else hit)
    return sorted(boosted, key=lambda h: h.score, reverse=True)


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


def find_evidence(
    question: str,
    query: str,
    retriever: Retriever,
    *,
    allowed: set[int] | None = None,
    params: ComposerParams = DEFAULT_PARAMS,
    anchors: list[str] | None = None,
    said: tuple[str, ...] = (),
) -> tuple[str, Evidence]:
    """Search (shorthand expanded, typos corrected against what was found) and weigh the evidence.
    Returns the query actually searched and the evidence."""
    # "Is the Jefferies analyst on the same page?": the idiom means agreeing, which is what the model matches.
    query = expand_query(_AGREE_IDIOM.sub("agree", query))
    hits, vector = retriever.search_one(query, allowed=allowed)
    found = [h.chunk.text for h in hits[:5]]
    corrected = correct_spelling(query, found)
    if corrected != query:  # "bispecfics" hurts the dense side far more than the full-text one
        query = corrected
        hits, vector = retriever.search_one(query, allowed=allowed)
        question = correct_spelling(question, found)  # "vaue" is not a word the articles lack
    if anchors:
        hits = prefer_anchored(hits, anchors)
    return query, gather_evidence(question, query, retriever, hits, vector[0], params, anchors=anchors, said=said)


_ARTICLE = r"(?:the\s+|this\s+|that\s+)?(?:article|piece|story|report|text|corpus|write-?up|it|they)"
_TOPIC_ASKED = re.compile(
    r"^\s*(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:"
    r"tell\s+me\s+(?:(?:a\s+bit|more|something|anything)\s+)?about"
    rf"|what\s+(?:does|do|did)\s+{_ARTICLE}\s+(?:say|said|tell\s+(?:us|me)|report|have)\s+(?:\w+\s+)?(?:about|on)"
    rf"|(?:does|do|did)\s+{_ARTICLE}\s+(?:mention|cover|discuss|name|refer\s+to|talk\s+about|bring\s+up"
    r"|say\s+(?:anything|something)\s+(?:about|on))"
    r")\s+(?P<topic>[^?!.,;:]+?)(?:\s+(?:at\s+all|anywhere|in\s+there|in\s+here))?\s*[?.!]*\s*$"
    r"|^\s*(?:is|are)\s+(?P<named>[^?!.,;:]+?)\s+(?:mentioned|covered|discussed|named|in\s+there|in\s+here)"
    rf"(?:\s+(?:at\s+all|anywhere))?(?:\s+in\s+{_ARTICLE})?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_NOT_A_TOPIC = re.compile(r"\b(?:who|whom|whose|what|which|when|where|why|how|whether|if|that|than)\b", re.I)


def _topic_found(question: str, evidence: Evidence) -> bool:
    """ "Does the piece mention BeiGene at all?", "Tell me about Brukinsa.", "What does the article say about
    Novartis?": a topic, nothing asked of it but what the articles say. A name the model never learned
    scores low on meaning alone, so the answer is the leading sentence that holds every word of the topic."""
    m = _TOPIC_ASKED.match(question)
    if m is None or not evidence.typed_ok or not evidence.candidates:
        return False
    # "the weight-loss side of things": the side of a topic is the topic
    topic = re.sub(r"\s+(?:side|end|front|angle)(?:\s+of\s+(?:things|it))?$", "", m.group("topic") or m.group("named"))
    terms = query_terms(topic)
    if not terms or len(topic.split()) > 4 or _NOT_A_TOPIC.search(topic):
        return False  # "Does the article mention a licensing deal that Zai Lab has signed?" asks a question
    return set(stems(terms)) <= _text_stems(evidence.candidates[0].text)


_QUOTED_WORDS = re.compile(r"“([^”]{3,80})”|(?<![\w’'])[\"‘']([^\"‘’\n]{3,80}?)[\"’'](?![\w’'])")
"""A fragment quoted in the question: `Someone is described as "mainly unfazed" — who is it?`."""


def _plain(text: str) -> str:
    """Lower-case words only, one space apart: quotes, dashes and hyphens are no part of what was said."""
    return " " + " ".join(re.findall(r"[a-z0-9$%.]+(?<!\.)", text.lower().replace("’", "'").replace("'s", ""))) + " "


def _quoted(question: str, *, exactly: bool = False) -> list[str]:
    """The fragments of two words or more the question quotes ("2.0" alone is a label, not a quote); `exactly`:
    in double quotes only, as single ones also mark a loose paraphrase ("like software, 'version two'")."""
    fragments = [
        m.group(1) or m.group(2)
        for m in _QUOTED_WORDS.finditer(question)
        if not exactly or m.group(1) or m.group(0)[0] == '"'
    ]
    return [f for f in fragments if len(f.split()) >= 2 and query_terms(f)]


def _quote_found(question: str, evidence: Evidence) -> bool:
    """A copy editor's `"one thing has remained constant" — what is the constant?`: the leading sentence holds
    the quoted words as they stand, so it is the sentence asked about, however little else the question says."""
    if not evidence.typed_ok or not evidence.candidates or evidence.missing >= 0.5:
        return False  # `BeOne is "now an MNC" — where is its headquarters?`: what is asked of it is nowhere
    lead = _plain(evidence.candidates[0].text)
    return any(_plain(f) in lead for f in _quoted(question))


def _quote_not_found(question: str, evidence: Evidence) -> str | None:
    """`Where is the "breakthrough therapy designation" figure?`: a quote whose words no passage found holds
    together. A quote remembered loosely ("abundance of early assets" for "early-stage assets") still finds its
    passage: a third of its words may be the asker's (one of two or three)."""
    for fragment in _quoted(question, exactly=True):
        words = set(stems(query_terms(fragment.replace("-", " "))))
        held = max((len(words & _text_stems(hit.chunk.text.replace("-", " "))) for hit in evidence.hits), default=0)
        if len(words) - held > max(1, len(words) // 3):
            return fragment
    return None


def compose_answer(
    question: str,
    query: str,
    retriever: Retriever,
    settings: Settings,
    *,
    filters: Filters | None = None,
    long: bool = False,
    params: ComposerParams = DEFAULT_PARAMS,
    anchors: list[str] | None = None,
    judged: str | None = None,
    said: tuple[str, ...] = (),
) -> Answer:
    """Answer `question` from the passages found for `query`. The evidence is judged against `judged`
    when given: the question with "he"/"the Zai Lab COO" replaced by the person's name."""
    allowed = _allowed_chunks(retriever, filters)
    if allowed is not None and not allowed:
        return _abstain(question, query, [], 0.0, note="No article matches the filters.")
    query, evidence = find_evidence(
        judged or question, query, retriever, allowed=allowed, params=params, anchors=anchors, said=said
    )
    conf = confidence(evidence, params)
    unquoted = _quote_not_found(judged or question, evidence)
    if unquoted:
        return _abstain(question, query, evidence.hits[:3], 0.0, note=f"The articles never say “{unquoted}”.")
    if (
        conf < settings.abstain_threshold
        and not _topic_found(judged or question, evidence)
        and not _quote_found(judged or question, evidence)
    ):
        return _abstain(question, query, evidence.hits[:3], conf)
    max_sentences = settings.max_sentences * (2 if long else 1)
    max_words = settings.max_words * (3 if long else 1)
    analysis = analyse(judged or question)
    chosen = select_sentences(
        evidence,
        max_sentences,
        max_words,
        params,
        asks_reason=analysis.asks_reason,
        asks_example=analysis.expects == "example" or asks_example(judged or question),
    )
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
