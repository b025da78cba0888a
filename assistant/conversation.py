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
    """The text to search for: the question itself, or the question with the previous turn's topic."""
    question = question.strip()
    if conversation is None or not conversation.turns or not is_follow_up(question):
        return question
    previous = conversation.turns[-1]
    own = set(query_terms(question))
    context_terms = [t for t in query_terms(previous.query) if t not in own]
    names: list[str] = []
    if not previous.answer.abstained and previous.answer.sentences:
        first = previous.answer.sentences[0].text
        names = [n for n in _names(first) if n.lower() not in own][:4]
    extra = " ".join(dict.fromkeys(context_terms + names))
    return f"{question} ({extra})" if extra else question
