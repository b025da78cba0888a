"""What a question asks for, read by rules: its own words, the names in it, the thing it asks about
(its focus: "what *revenue*", "which *platform*", "how many *senators*") and the kind of answer it
expects (an amount of money, a count, a date, a share, a name).

An extractive answer can only be trusted when the evidence contains what the question asks for; these
are the pieces `answer.py` checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .retrieval import STOPWORDS, query_terms

_AUX = frozenset(
    [
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "'s",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "of",
        "on",
        "in",
        "for",
        "with",
        "from",
        "about",
        "to",
        "by",
        "at",
        "as",
        "over",
        "under",
        "between",
        "into",
        "across",
        "than",
        "since",
        "during",
        "after",
        "before",
    ]
)
_GENERIC_CAPITALISED = frozenset(
    [
        "american",
        "americans",
        "chinese",
        "western",
        "westerners",
        "european",
        "europeans",
        "asian",
        "asians",
        "us",
        "u.s.",
        "usa",
        "uk",
        "china",
        "english",
        "i",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "has",
        "have",
        "can",
        "could",
        "should",
        "will",
        "would",
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "in",
        "on",
        "of",
        "for",
        "to",
        "according",
    ]
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
MONEY = re.compile(
    r"(?:[$€£¥]|\b(?:US\$|USD|EUR|RMB|CNY|GBP|JPY)\s?)\s?\d[\d,.]*"
    r"|\b\d[\d,.]*\s?(?:bn|m|mn|billion|million|trillion)\b",
    re.IGNORECASE,
)
PERCENT = re.compile(r"\d[\d.,]*\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    "|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|dozen|dozens|several|many"
)
_COUNT = re.compile(rf"\b\d[\d,]*\b|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE)
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'&-]*[A-Za-z]")

_TYPE_WORDS = {
    "percent": re.compile(r"\b(?:percentage|proportion|share|percent|fraction)\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class QuestionAnalysis:
    text: str
    terms: list[str]
    """Content words, lower-cased."""
    entities: list[str] = field(default_factory=list)
    """Lower-cased words written as names (capitalised mid-question, acronyms, alphanumerics like GLP-1)."""
    focus: list[str] = field(default_factory=list)
    """Words of the thing asked about ("clinical phase"), lower-cased; the last is its head."""
    expects: str | None = None
    """"money", "count", "date", "percent", "person" or None."""


def _tokens(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9$€£¥%][\w’'&.$%-]*", text)


def _clean(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower().strip(".’'-"))


@lru_cache(maxsize=1024)
def analyse(question: str) -> QuestionAnalysis:
    text = question.strip()
    tokens = _tokens(text)
    lower = [_clean(t) for t in tokens]
    entities: list[str] = []
    for i, token in enumerate(tokens):
        word = _clean(token)
        if not word or word in _GENERIC_CAPITALISED or word in STOPWORDS:
            continue
        has_upper_inside = any(ch.isupper() for ch in token[1:])
        mixed = any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token)
        if (token[0].isupper() and i > 0) or has_upper_inside or mixed:
            # "ex-BeiGene": only the parts written as a name are names.
            parts = [p for p in re.split(r"[-–]", token) if p]
            named = [p for p in parts if any(ch.isupper() or ch.isdigit() for ch in p)] if len(parts) > 1 else parts
            entities.extend(
                w for w in (_clean(p) for p in named) if w and w not in _GENERIC_CAPITALISED and w not in STOPWORDS
            )
    focus, expects = _focus(lower)
    return QuestionAnalysis(
        text=text,
        terms=query_terms(text),
        entities=list(dict.fromkeys(entities)),
        focus=focus,
        expects=expects,
    )


def _noun_phrase(words: list[str]) -> list[str]:
    """Words up to the first auxiliary, preposition or end; possessors ("x's") dropped."""
    phrase: list[str] = []
    for word in words:
        if word in _AUX or word in _PREPOSITIONS:
            break
        phrase.append(word)
    return [w for w in phrase if w not in STOPWORDS and w not in {"the", "a", "an"}]


def _focus(words: list[str]) -> tuple[list[str], str | None]:
    if not words:
        return [], None
    first, rest = words[0], words[1:]
    expects: str | None = None
    focus: list[str] = []
    if first == "how" and rest[:1] == ["much"]:
        expects = "money"
        focus = _noun_phrase(rest[1:])
    elif first == "how" and rest[:1] == ["many"]:
        expects = "count"
        focus = _noun_phrase(rest[1:])
    elif first == "when" or (first in {"what", "which"} and rest[:1] in (["year"], ["date"], ["month"])):
        expects = "date"
    elif first in {"who", "whom"}:
        expects = "person"
    elif first in {"what", "which"}:
        if rest[:1] and rest[0] in _AUX:
            # "what was X's revenue": the copula's complement is what is asked for.
            if rest[0] in {"is", "was", "are", "were", "'s"}:
                tail = rest[1:]
                if tail[:1] == ["the"]:
                    tail = tail[1:]
                focus = _noun_phrase(tail)
        else:
            focus = _noun_phrase(rest)
    if focus and _TYPE_WORDS["percent"].search(" ".join(focus)):
        expects = "percent"
    return focus, expects


def satisfies(expects: str | None, text: str) -> bool:
    """Does the text contain the kind of thing the question expects?"""
    if expects is None:
        return True
    if expects == "money":
        return bool(MONEY.search(text))
    if expects == "percent":
        return bool(PERCENT.search(text))
    if expects == "date":
        return bool(DATE.search(text))
    if expects == "count":
        stripped = DATE.sub(" ", MONEY.sub(" ", text))
        return bool(_COUNT.search(stripped))
    if expects == "person":
        return bool(_NAME.search(text))
    return True
