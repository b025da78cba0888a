"""Follow-ups: "And immunology?", "Why are they popular?", "What did he say about BIOSECURE?".

A question that leans on the previous turn (a pronoun, an elliptical "and ...?" or "what about ...?", or
too few words of its own) is searched together with the previous turn's topic: its content words and the
names its answer was about. A self-contained question starts afresh.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .retrieval import query_terms

if TYPE_CHECKING:
    from .engine import Conversation

_PRONOUNS = re.compile(
    r"\b(?:it|its|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|the same"
    r"|the deal|the deals|the company|the firm|the act|the bill|the other|one|ones|either|both)\b",
    re.IGNORECASE,
)
_PERSON_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)
_ELLIPTICAL = re.compile(
    r"^\s*(?:and|but|also|what about|how about|and what about|what of|so|then|why|how come|compared)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
_COMMON_CAPITALISED = frozenset(
    [
        "The",
        "A",
        "An",
        "As",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "By",
        "Of",
        "And",
        "But",
        "Or",
        "If",
        "When",
        "While",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "They",
        "He",
        "She",
        "We",
        "I",
        "According",
        "Though",
        "However",
        "Due",
        "Once",
        "Many",
        "Some",
        "Most",
        "Interest",
    ]
)


def is_follow_up(question: str) -> bool:
    terms = query_terms(question)
    if _ELLIPTICAL.match(question) or _PRONOUNS.search(question):
        return True
    return len(terms) <= 1


def _names(text: str) -> list[str]:
    names: dict[str, None] = {}
    for match in _NAME.finditer(text):
        words = [w for w in match.group(0).split() if w not in _COMMON_CAPITALISED]
        if words:
            names.setdefault(" ".join(words), None)
    return list(names)


def resolve_query(question: str, conversation: Conversation | None) -> str:
    """The text to search for: the question itself, or the question with the thread's topic.

    An elliptical question ("And immunology?", "Why?") borrows the frame of the question that opened the
    thread and of the previous one; one that leans on "it"/"they"/"that" borrows the names it can refer
    to; one about "he"/"she" keeps its own words, and the passages naming the thread's people are
    preferred instead (see `person_anchors`).
    """
    question = question.strip()
    if conversation is None or not conversation.turns or not is_follow_up(question):
        return question
    previous = conversation.turns[-1]
    root = next((t for t in reversed(conversation.turns) if not is_follow_up(t.question)), previous)
    own = set(query_terms(question))
    names = [n for n in thread_names(conversation) if n.lower() not in own]
    if len(own) <= 2 and (_ELLIPTICAL.match(question) or not _PRONOUNS.search(question)):
        frame = [t for t in query_terms(previous.question) + query_terms(root.question) if t not in own]
        extra = " ".join(dict.fromkeys(frame + names[:3]))
        return f"{question} ({extra})" if extra else question
    if _PERSON_PRONOUN.search(question) or not _PRONOUNS.search(question):
        # "he"/"she": retrieval prefers passages naming the thread's people (person_anchors); a question
        # with words enough and nothing pointing back ("And what do investors think of bispecifics?")
        # stands on its own.
        return question
    extra = " ".join(names[:4])
    return f"{question} ({extra})" if extra else question


def thread_names(conversation: Conversation) -> list[str]:
    """Names of the thread, most recent first: in the previous question and answer, then the opening ones."""
    from .question import analyse

    previous = conversation.turns[-1]
    root = next((t for t in reversed(conversation.turns) if not is_follow_up(t.question)), previous)
    names: list[str] = []
    for turn in [previous] if root is previous else [previous, root]:
        if not turn.answer.abstained:
            for sentence in turn.answer.sentences[:1]:
                names += _names(sentence.text)
        names += [e.capitalize() for e in analyse(turn.question).entities]
    return list(dict.fromkeys(names))


def own_terms(question: str) -> list[str]:
    """The question's own content words (not the context a follow-up borrowed)."""
    return query_terms(question)


def person_anchors(question: str, conversation: Conversation | None) -> list[str]:
    """Who "he"/"she" can be: the words of the thread's names, lower-cased.

    An answer to "What did he say about BIOSECURE?" must come from a passage that mentions one of them;
    otherwise it would quote somebody else.
    """
    if conversation is None or not conversation.turns or not _PERSON_PRONOUN.search(question):
        return []
    words: list[str] = []
    for name in thread_names(conversation):
        words += [re.sub(r"[’']s$", "", w.lower()) for w in re.split(r"[\s-]+", name)]
    return [w for w in dict.fromkeys(words) if len(w) > 2 and w not in {"us", "china", "chinese", "west", "coo", "ceo"}]
