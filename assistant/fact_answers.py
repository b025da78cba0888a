"""Aggregate answers from extracted facts: biggest deal, deals above a value, totals, counts, who said what.

Passage retrieval cannot answer "the biggest deal in 2025" (no sentence says so) and should not try; the
facts can, by comparing values the articles state. Every answer sentence here is a deterministic
rendering of facts (arithmetic shown) or a verbatim corpus sentence, each with a citation of the exact
sentence the fact came from. The gate is conservative: anything that is not clearly an aggregate, a
superlative, a list, a sum/count or a "who said/thinks ..." question returns None and goes to the
passage answerer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date as Date
from decimal import Decimal
from functools import lru_cache
from typing import Literal

# --------------------------------------------------------------------------------------------------
# Understanding the question
from .fact_questions import (
    _ACQUISITION_Q,
    _BELOW,
    _COUNT_Q,
    _DEAL_WORDS,
    _INCLUSIVE,
    _LIST_DEALS,
    _OPINION,
    _PERSON_VIEW,
    _RELATIVE_Q,
    _SUM,
    _SUPERLATIVE,
    _TOP_N,
    _VALUE_OF_A_DEAL,
    _WHO,
    _YEAR_Q,
    NUMBER_TREND,
    threshold_asked,
    who_is,
)
from .facts import (
    Deal,
    DocumentFacts,
    Money,
    Person,
    Sentence,
    View,
    _company_key,
    find_money,
    lexicon_values,
    section_heading,
    split_sentences,
)
from .lexicon import british
from .models import Answer, AnswerSentence, Citation, Document
from .question import FACT_CHECK, NOT_COMPANIES, area_family, set_aside_areas

# fmt: off
_STOPWORDS = {
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "should", "can",
    "may", "might", "do", "does", "did", "has", "have", "had", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "about", "as", "that", "this", "these", "those", "it", "its", "their", "there", "here", "and", "or",
    "but", "not", "no", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "any", "all",
    "some", "most", "more", "less", "than", "then", "so", "such", "very", "i", "me", "my", "we", "our", "you",
    "your", "he", "she", "him", "her", "they", "them", "say", "said", "says", "think", "thinks", "thought",
    "believe", "believes", "expect", "expects", "predict", "predicts", "see", "sees", "call", "calls", "called",
    "view", "views", "quoted", "mention", "mentioned", "feel", "feels", "someone", "anyone", "people", "person",
    "analyst", "analysts", "executive", "executives", "expert", "experts",
}
# fmt: on
_SYNONYMS = {
    "stay": {"continu", "remain"},
    "remain": {"continu", "stay"},
    "continu": {"remain", "stay"},
    "grow": {"rise", "increas", "expand"},
    "rise": {"grow", "increas"},
    "big": {"larg", "major"},
    "china": {"chines"},
    "chines": {"china"},
    "expens": {"cost", "price"},
}


# Words nearly every view in this corpus shares: matching on them alone is not evidence of an answer.
_GENERIC_STEMS = {
    "china", "chines", "deal", "compani", "pharma", "biotech", "west", "western", "market", "industri",
    "drug", "licens", "global", "us", "big", "futur", "go", "happen", "matter", "topic", "issu",
}  # fmt: skip


@dataclass(frozen=True)
class Threshold:
    """A value bound from the question; "above $2bn" is strict, "at least $2bn" is not."""

    money: Money
    below: bool
    inclusive: bool
    words: str

    def admits(self, amount: float) -> bool:
        if self.below:
            return amount <= self.money.amount if self.inclusive else amount < self.money.amount
        return amount >= self.money.amount if self.inclusive else amount > self.money.amount


@dataclass
class DealQuery:
    """What a deal question asks for, and the filters it names."""

    operation: Literal["max", "min", "list", "sum", "count"]
    top: int = 1
    year: int | None = None
    year_words: str | None = None
    threshold: Threshold | None = None
    areas: list[tuple[str, str]] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    acquisitions_only: bool = False


def _threshold(question: str) -> Threshold | None:
    match = threshold_asked(question)
    if match is None:
        return None
    amount = match.group("amount").strip()
    found = find_money(amount)
    if found:
        money = found[0]
    else:
        plain = re.fullmatch(r"(?P<num>\d[\d,.]*)\s?(?P<scale>bn|billion|b|m|mn|million|k)?", amount, re.I)
        if plain is None or (not plain.group("scale") and re.fullmatch(r"(?:19|20)\d\d", plain.group("num"))):
            return None  # "over 2025–2030": years, not an amount
        scale = {"bn": 1e9, "billion": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "million": 1e6, "k": 1e3}
        value = float(plain.group("num").replace(",", "")) * scale.get((plain.group("scale") or "").lower(), 1)
        money = Money(text=amount, start=0, end=len(amount), amount=value, currency="USD")
    op = re.sub(r"\s+", " ", match.group("op").lower())
    return Threshold(money=money, below=op in _BELOW, inclusive=op in _INCLUSIVE, words=op)


def _year(question: str, today: Date) -> tuple[int | None, str | None]:
    match = _YEAR_Q.search(question)
    if match:
        return int(match.group("year")), None
    relative = _RELATIVE_Q.search(question)
    if relative:
        offset = 0 if relative.group("rel").lower() == "this" else 1
        return today.year - offset, relative.group().lower()
    return None, None


def _company_forms(name: str, aliases: Iterable[str]) -> list[str]:
    """How a question may name a company: as the articles do, by its first word ("Ascentage", "Zai"), and
    with its last word in the singular or plural ("Zai Lab" for the article's "Zai Labs")."""
    words = name.split()
    forms = [name, *aliases]
    if len(words) > 1:
        last = words[-1]
        other = last[:-1] if last.endswith("s") else last + "s"
        forms.append(" ".join([*words[:-1], other]))
        if words[0] not in NOT_COMPANIES:
            forms.append(words[0])
    return forms


def _party_named(question: str, facts: list[DocumentFacts]) -> bool:
    """Does the question name a company that is a party to a deal the articles name?"""
    named = {_company_key(c) for c in _companies_named(question, facts)}
    return any(named & _party_keys(g.deal) for g in collect_deals(facts))


def _companies_named(question: str, facts: list[DocumentFacts]) -> list[str]:
    named: list[str] = []
    # "zenas x innocare how big": a question typed all in lower case names companies in lower case.
    flags = re.IGNORECASE if question == question.lower() else 0
    for doc_facts in facts:
        for company in doc_facts.companies:
            for form in _company_forms(company.name, company.aliases):
                if len(form) >= 3 and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", question, flags):
                    named.append(company.name)
                    break
    return list(dict.fromkeys(named))


_ASKS_AREAS_FIRST = re.compile(
    r"^\s*(?:(?:besides|beyond|apart\s+from|aside\s+from|other\s+than)\s+[\w\s-]+,\s*)?(?:and\s+)?(?:what|which)\s+(?:other\s+)?(?:therapy\s+|therapeutic\s+|disease\s+)?"
    r"(?:areas?|modalit(?:y|ies)|indications?)\b(?!\s+(?:deals?|transactions?|agreements?)\b)",
    re.IGNORECASE,
)


def _asks_something_else_first(question: str) -> bool:
    """ "What other therapy area has emerged, and which deals illustrate it?": the deals only illustrate the
    answer to the first question, which the articles' sentences give."""
    match = _LIST_DEALS.search(question)
    if match is None:
        return False
    if _ASKS_AREAS_FIRST.match(question):
        return True  # "Which therapy areas does the article list where R&D is attracting Western deals?"
    before = question[: match.start()]
    return bool(re.search(r"\b(?:what|which|who|how|why|where|when)\b", before, re.IGNORECASE)) and bool(
        re.search(r"(?:,|\band)\s*$", before, re.IGNORECASE)
    )


def parse_deal_question(question: str, facts: list[DocumentFacts], today: Date) -> DealQuery | None:
    """A DealQuery when the question is clearly an aggregate over deals, or the value of a named company's
    deal, else None."""
    # "How big was the Zenas deal?", "Zenas / InnoCare – how big was that one": a named party's deal.
    value_of_one = bool(_VALUE_OF_A_DEAL.search(question)) and _party_named(question, facts)
    if not _DEAL_WORDS.search(question) and not value_of_one:
        return None
    threshold = _threshold(question)
    superlative = _SUPERLATIVE.search(question)
    operation: Literal["max", "min", "list", "sum", "count"]
    top = 1
    if _COUNT_Q.search(question) and NUMBER_TREND.search(question):
        return None  # "Will the number of deals go up?": a forecast, which the articles' sentences give
    if _COUNT_Q.search(question):
        operation = "count"
    elif _SUM.search(question):
        operation = "sum"
    elif superlative and not threshold:
        operation = "max" if superlative.group("max") else "min"
        top_n = _TOP_N.search(question)
        if top_n:
            words = {"two": 2, "three": 3, "four": 4, "five": 5}
            top = int(words.get(top_n.group("n").lower(), top_n.group("n") if top_n.group("n").isdigit() else 1))
        elif superlative.group("max") and superlative.group("max").lower() in {"top", "major"}:
            operation, top = "list", 1
    elif threshold or (_LIST_DEALS.search(question) and not _asks_something_else_first(question)):
        operation = "list"
    elif value_of_one:
        operation = "list"  # "How big was the Zenas deal?": that deal, with its value and its other party
    else:
        return None
    year, year_words = _year(question, today)
    if value_of_one and operation == "list" and not threshold and year_words:
        # "Zenas did a China deal this year — what was it worth?": the asker's "this year" is the article's.
        year, year_words = None, None
    aside = set_aside_areas(question)
    return DealQuery(
        operation=operation,
        top=top,
        year=year,
        year_words=year_words,
        threshold=threshold,
        # "Beyond oncology, ...": an area set aside is not a condition on the deals.
        areas=[a for a in lexicon_values(question) if area_family(a[1]) not in aside],
        companies=_companies_named(question, facts),
        acquisitions_only=bool(_ACQUISITION_Q.search(question)),
    )


# --------------------------------------------------------------------------------------------------
# Money and deal rendering

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "RMB ", "JPY": "¥", "HKD": "HK$", "CHF": "CHF "}


def format_money(amount: float, currency: str) -> str:
    """ "$5.36bn", "€110m", "RMB 2bn": exact decimal digits, no float noise."""
    value = Decimal(str(amount))
    symbol = _SYMBOLS.get(currency, currency + " ")
    for size, suffix in ((Decimal(10**12), "tn"), (Decimal(10**9), "bn"), (Decimal(10**6), "m")):
        if abs(value) >= size:
            scaled = (value / size).normalize()
            return f"{symbol}{scaled:f}{suffix}"
    return f"{symbol}{value.normalize():,f}"


@dataclass
class Amount:
    """The number a deal is compared by, how it was obtained, and the facts it rests on."""

    value: float
    currency: str
    rendering: str
    basis: Literal["value", "equivalent", "upfront+milestones", "upfront"]
    sources: list[Money]


# How a bound written before an amount is rendered ("worth as much as $2.8 billion" -> "up to $2.8bn").
_BOUND_WORDS = {
    "up to": "up to ", "as much as": "up to ", "about": "about ", "around": "about ", "approximately": "about ",
    "roughly": "about ", "some": "about ", "an estimated": "about ", "over": "over ", "more than": "over ",
    "above": "over ", "exceeding": "over ", "excess of": "over ", "at least": "at least ",
}  # fmt: skip


def deal_amount(deal: Deal, currency: str | None = None) -> Amount | None:
    """A deal's comparable amount: its stated value, else upfront + milestones, else upfront alone.

    With `currency`, a stated conversion ("RMB 2 billion (about US$280 million)") is used when the
    deal's own currency differs; without a stated conversion there is no amount in that currency.
    """
    if deal.value is not None:
        amount = _from_value(deal, currency)
        if amount is not None:
            return amount
    up, ms = deal.upfront, deal.milestones
    if up is not None and ms is not None and up.currency == ms.currency and currency in (None, up.currency):
        total = float(Decimal(str(up.amount)) + Decimal(str(ms.amount)))
        bound = "up to " if _BOUND_WORDS.get(ms.bound or "") == "up to " else ""
        rendering = (
            f"{bound}{format_money(total, up.currency)} ({format_money(up.amount, up.currency)} upfront + "
            f"{bound}{format_money(ms.amount, ms.currency)} in milestones)"
        )
        return Amount(total, up.currency, rendering, "upfront+milestones", [up, ms])
    if up is not None and currency in (None, up.currency):
        rendering = f"{format_money(up.amount, up.currency)} upfront (no total stated)"
        return Amount(up.amount, up.currency, rendering, "upfront", [up])
    return None


def _from_value(deal: Deal, currency: str | None) -> Amount | None:
    value = deal.value
    assert value is not None
    bound = _BOUND_WORDS.get(value.bound or "", "")
    if currency in (None, value.currency):
        return Amount(
            value.amount, value.currency, bound + format_money(value.amount, value.currency), "value", [value]
        )
    eq = deal.value_equivalent
    if eq is not None and eq.currency == currency:
        rendering = (
            f"{format_money(value.amount, value.currency)} (stated as about {format_money(eq.amount, eq.currency)})"
        )
        return Amount(eq.amount, eq.currency, rendering, "equivalent", [value, eq])
    return None


def deal_name(deal: Deal) -> str:
    return "–".join(deal.parties)


def _year_note(deal: Deal) -> str:
    if deal.year is None:
        return ""
    return f" ({deal.year}, year inferred from the publication date)" if deal.year_inferred else f" ({deal.year})"


# --------------------------------------------------------------------------------------------------
# Citations


_SENTENCE_CACHE: dict[tuple[str, str, int], list[Sentence]] = {}


def _sentences(document: Document) -> list[Sentence]:
    """Sentence spans of a document, cached: answers cite several facts of the same article."""
    key = (document.path, document.sha256, len(document.text))
    if key not in _SENTENCE_CACHE:
        if len(_SENTENCE_CACHE) > 256:
            _SENTENCE_CACHE.clear()
        _SENTENCE_CACHE[key] = [s for s in split_sentences(document) if not s.heading]
    return _SENTENCE_CACHE[key]


def _sentence_spans(document: Document, offsets: Iterable[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for offset in offsets:
        for sentence in _sentences(document):
            if sentence.start <= offset < sentence.end:
                spans.append((sentence.start, sentence.end))
                break
    return sorted(set(spans))


class Citations:
    """Numbers cited evidence in order of first use; the same sentences get the same number."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self.items: list[Citation] = []
        self._ids: dict[tuple[str, tuple[tuple[int, int], ...]], int] = {}

    def cite(self, path: str, spans: list[tuple[int, int]]) -> int | None:
        document = self.documents.get(path)
        if document is None or not spans:
            return None
        key = (path, tuple(spans))
        if key in self._ids:
            return self._ids[key]
        start, end = spans[0][0], spans[-1][1]
        cid = len(self.items) + 1
        meta = document.meta
        self.items.append(
            Citation(
                id=cid,
                document=path,
                title=meta.title,
                section=section_heading(document, start),
                published=meta.published,
                published_approximate=meta.published_approximate,
                source=meta.source,
                url=meta.url,
                page=document.page_at(start),
                chunk_id=None,
                text=document.text[start:end],
                start=start,
                end=end,
                sentence_spans=spans,
                score=1.0,
            )
        )
        self._ids[key] = cid
        return cid

    def cite_deal(self, deal: Deal) -> list[int]:
        """The deal's sentence, plus any sentence its amounts or year were read from."""
        document = self.documents.get(deal.document)
        if document is None:
            return []
        refs = [deal.sentence_start]
        for money in (deal.value, deal.value_equivalent, deal.upfront, deal.milestones, deal.year_mention):
            if money is not None:
                refs.append(money.start)
        cid = self.cite(deal.document, _sentence_spans(document, refs))
        return [cid] if cid is not None else []

    def cite_span(self, path: str, start: int, end: int) -> list[int]:
        document = self.documents.get(path)
        if document is None:
            return []
        spans = [(s.start, s.end) for s in _sentences(document) if s.start < end and s.end > start]
        cid = self.cite(path, spans or [(start, end)])
        return [cid] if cid is not None else []


def _marked(text: str, citations: list[int]) -> str:
    markers = "".join(f"[{c}]" for c in dict.fromkeys(citations))
    if not markers:
        return text
    if text.endswith((".", ":")):
        return f"{text[:-1]} {markers}{text[-1]}"
    return f"{text} {markers}"


def _answer(
    question: str,
    sentences: list[AnswerSentence],
    citations: Citations,
    *,
    abstained: bool = False,
) -> Answer:
    return Answer(
        question=question,
        query=question,
        answer=" ".join(_marked(s.text, s.citations) for s in sentences),
        abstained=abstained,
        sentences=sentences,
        citations=citations.items,
        confidence=0.0 if abstained else 1.0,
    )


def _fact(text: str, citations: Iterable[int]) -> AnswerSentence:
    return AnswerSentence(text=text, citations=list(dict.fromkeys(citations)), kind="fact")


# --------------------------------------------------------------------------------------------------
# Deal answers


@dataclass
class _DealGroup:
    """One deal as reported by one or more articles."""

    deal: Deal
    reports: list[Deal]


def _party_keys(deal: Deal) -> frozenset[str]:
    return frozenset(_company_key(p) for p in deal.parties)


def collect_deals(facts: list[DocumentFacts]) -> list[_DealGroup]:
    """All deals, the same deal reported by several articles counted once (same parties, same value)."""
    groups: list[_DealGroup] = []
    for doc_facts in facts:
        for deal in doc_facts.deals:
            value = (deal.value.amount, deal.value.currency) if deal.value else None
            same = next(
                (
                    g
                    for g in groups
                    if _party_keys(g.deal) == _party_keys(deal)
                    and (g.deal.value is None or value is None or (g.deal.value.amount, g.deal.value.currency) == value)
                ),
                None,
            )
            if same is None:
                groups.append(_DealGroup(deal, [deal]))
            else:
                same.reports.append(deal)
                if same.deal.value is None and deal.value is not None:
                    same.deal = deal
    return groups


def _matches_filters(group: _DealGroup, query: DealQuery, *, areas: bool = True, year: bool = True) -> bool:
    deal = group.deal
    if year and query.year is not None and deal.year != query.year:
        return False
    if query.companies and not any(_company_key(c) in {_company_key(p) for p in deal.parties} for c in query.companies):
        return False
    if query.acquisitions_only and deal.kind != "acquisition":
        return False
    if areas and query.areas:
        named = {(m.kind, m.value) for m in deal.area_mentions}
        if deal.modality:
            named.add(("modality", deal.modality))
        if deal.therapy_area:
            named.add(("therapy_area", deal.therapy_area))
        if not all(area in named for area in query.areas):
            return False
    return True


def _describe(query: DealQuery) -> str:
    parts: list[str] = []
    if query.areas:
        parts.append(" and ".join(value for _, value in query.areas))
    if query.acquisitions_only:
        parts.append("acquisition")
    subject = (" ".join(parts) + " deal") if parts else "deal"
    if query.companies:
        subject += " involving " + " or ".join(query.companies)
    if query.year is not None:
        subject += f" dated {query.year}" + (f" ({query.year_words})" if query.year_words else "")
    if query.threshold is not None:
        subject += f" with a stated value {query.threshold.words} {query.threshold.money.text.strip()}"
    return subject


def _cite(citations: Citations, group: _DealGroup) -> list[int]:
    ids: list[int] = []
    for report in group.reports:
        ids.extend(citations.cite_deal(report))
    return list(dict.fromkeys(ids))


def _line(group: _DealGroup, amount: Amount | None) -> str:
    worth = f" at {amount.rendering}" if amount else " (no value stated)"
    return f"{deal_name(group.deal)}{worth}{_year_note(group.deal)}"


def _comparison_currency(groups: list[_DealGroup], query: DealQuery) -> str | None:
    """The currency that makes the most deals comparable (a stated conversion counts); US$ on a tie.

    There is no exchange-rate table offline, and inventing one would put numbers in answers that no
    article states; deals with no amount in that currency are listed as not compared.
    """
    if query.threshold is not None:
        return query.threshold.money.currency
    currencies = {a.currency for g in groups if (a := deal_amount(g.deal)) is not None}
    currencies |= {g.deal.value_equivalent.currency for g in groups if g.deal.value_equivalent is not None}
    if not currencies:
        return None
    reach = {c: sum(deal_amount(g.deal, c) is not None for g in groups) for c in currencies}
    return max(sorted(currencies), key=lambda c: (reach[c], c == "USD"))


def _newest_year(facts: list[DocumentFacts], documents: Mapping[str, Document]) -> int | None:
    """The publication year of the newest article the facts come from."""
    years = [d.meta.published.year for f in facts if (d := documents.get(f.document)) and d.meta.published]
    return max(years, default=None)


def _answer_deals(
    question: str, query: DealQuery, facts: list[DocumentFacts], documents: Mapping[str, Document]
) -> Answer:
    citations = Citations(documents)
    groups = [g for g in collect_deals(facts) if _matches_filters(g, query)]
    if query.operation == "count":
        return _count(question, query, groups, citations)
    currency = _comparison_currency(groups, query)
    valued = [(g, a) for g in groups if (a := deal_amount(g.deal, currency)) is not None]
    unvalued = [g for g in groups if deal_amount(g.deal, currency) is None]
    if query.threshold is not None:
        valued = [(g, a) for g, a in valued if query.threshold.admits(a.value)]
    if not valued:
        newest = _newest_year(facts, documents)
        if query.year_words and query.year is not None and newest is not None and newest < query.year:
            # "What were the big deals this year?" asked after the newest article: the articles' "this year",
            # said as such.
            shifted = replace(query, year=newest - (1 if query.year_words.lower() == "last year" else 0))
            answer = _answer_deals(question, replace(shifted, year_words=None), facts, documents)
            if not answer.abstained:
                note = _fact(
                    f"No deal dated {query.year} ({query.year_words}) is named in the corpus; its newest article "
                    f"is from {newest}, so this answers for {shifted.year}.",
                    [],
                )
                return answer.model_copy(
                    update={"answer": f"{note.text} {answer.answer}", "sentences": [note, *answer.sentences]}
                )
        return _no_deal(question, query, facts, documents)
    if query.operation in {"max", "min"}:
        return _superlative(question, query, valued, unvalued, citations)
    if query.operation == "sum":
        return _total(question, query, valued, unvalued, citations)
    return _listing(question, query, valued, groups, currency, citations)


def _scope_words(query: DealQuery) -> str:
    """ " for 2025 involving Novartis": the year and companies the question restricts to."""
    words = f" for {query.year}" if query.year is not None else ""
    if query.companies:
        words += " involving " + " or ".join(query.companies)
    return words


def _noun(query: DealQuery, count: int) -> str:
    """ "deal", "ADC deals", "acquisitions": what is being counted, with the areas the question names."""
    areas = " and ".join(v for _, v in query.areas)
    noun = "acquisition" if query.acquisitions_only else "deal"
    noun = f"{areas} {noun}" if areas else noun
    return noun if count == 1 else noun + "s"


def _verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def _superlative(
    question: str,
    query: DealQuery,
    valued: list[tuple[_DealGroup, Amount]],
    unvalued: list[_DealGroup],
    citations: Citations,
) -> Answer:
    ordered = sorted(valued, key=lambda ga: ga[1].value, reverse=query.operation == "max")
    word = "largest" if query.operation == "max" else "smallest"
    best = ordered[0][1].value
    winners = [ga for ga in ordered if ga[1].value == best] if query.top == 1 else ordered[: query.top]
    rest = [ga for ga in ordered if ga not in winners]
    sentences: list[AnswerSentence] = []
    scope = _scope_words(query)
    if query.top > 1:
        ids = [i for g, _ in winners for i in _cite(citations, g)]
        sentences.append(_fact(f"The {word} {len(winners)} {_noun(query, len(winners))} named{scope}:", ids))
        for group, amount in winners:
            sentences.append(_fact(_line(group, amount) + ".", _cite(citations, group)))
    else:
        for group, amount in winners:
            text = f"The {word} {_noun(query, 1)} named{scope} is {_line(group, amount)}."
            sentences.append(_fact(text, _cite(citations, group)))
    if rest:
        shown = rest[:4]
        listed = "; ".join(_line(g, a) for g, a in shown)
        more = f" and {len(rest) - len(shown)} more" if len(rest) > len(shown) else ""
        ids = [i for g, _ in shown for i in _cite(citations, g)]
        other = _verb(len(rest), "other deal", "other deals")
        sentences.append(_fact(f"Compared with {len(rest)} {other} with a stated value: {listed}{more}.", ids))
    sentences.extend(_not_compared(unvalued, citations))
    return _answer(question, sentences, citations)


def _not_compared(
    unvalued: list[_DealGroup], citations: Citations, verb: str = "compared", why: str = "no value in the same currency"
) -> list[AnswerSentence]:
    if not unvalued:
        return []
    shown = unvalued[:4]
    names = "; ".join(_line(g, deal_amount(g.deal)) for g in shown)
    more = f" and {len(unvalued) - len(shown)} more" if len(unvalued) > len(shown) else ""
    ids = [i for g in shown for i in _cite(citations, g)]
    return [_fact(f"Not {verb} ({why} stated): {names}{more}.", ids)]


def _total(
    question: str,
    query: DealQuery,
    valued: list[tuple[_DealGroup, Amount]],
    unvalued: list[_DealGroup],
    citations: Citations,
) -> Answer:
    partial = [g for g, a in valued if a.basis == "upfront"]
    valued = [(g, a) for g, a in valued if a.basis != "upfront"]
    if not valued:
        return _answer(
            question, _not_compared(partial + unvalued, citations, "included", "no total"), citations, abstained=True
        )
    currency = valued[0][1].currency
    terms = [format_money(a.value, a.currency) for _, a in valued]
    total = float(sum((Decimal(str(a.value)) for _, a in valued), Decimal(0)))
    ids = [i for g, _ in valued for i in _cite(citations, g)]
    scope = _scope_words(query)
    if len(valued) == 1:
        head = f"Only one {_noun(query, 1)} with a stated value is named{scope}, so the total is its value: {terms[0]}."
    else:
        noun = _noun(query, len(valued))
        head = f"Total of the {len(valued)} {noun} named{scope}: {' + '.join(terms)} = {format_money(total, currency)}."
    sentences = [_fact(head, ids)]
    for group, amount in valued:
        sentences.append(_fact(_line(group, amount) + ".", _cite(citations, group)))
    if any(a.basis == "upfront+milestones" for _, a in valued):
        sentences.append(_fact("Where no total is stated, upfront plus milestones is used, as shown.", []))
    sentences.extend(_not_compared(partial, citations, "included", "only an upfront payment"))
    sentences.extend(_not_compared(unvalued, citations, "included"))
    return _answer(question, sentences, citations)


def _listing(
    question: str,
    query: DealQuery,
    valued: list[tuple[_DealGroup, Amount]],
    groups: list[_DealGroup],
    currency: str | None,
    citations: Citations,
) -> Answer:
    ordered = sorted(valued, key=lambda ga: ga[1].value, reverse=True)
    scope = _scope_words(query)
    sentences: list[AnswerSentence] = []
    if query.threshold is not None:
        t = query.threshold
        limit = f"{t.words} {format_money(t.money.amount, t.money.currency)}"
        ids = [i for g, _ in ordered for i in _cite(citations, g)]
        n = len(ordered)
        head = f"{n} {_noun(query, n)} named{scope} {_verb(n, 'has', 'have')} a stated value {limit}"
        sentences.append(_fact(head + ":", ids))
    else:
        n = len(ordered)
        ids = [i for g, _ in ordered for i in _cite(citations, g)]
        sentences.append(_fact(f"{n} {_noun(query, n)} with a stated value {_verb(n, 'is', 'are')} named{scope}:", ids))
    for group, amount in ordered:
        sentences.append(_fact(_line(group, amount) + ".", _cite(citations, group)))
    if query.threshold is not None and not query.threshold.inclusive:
        sentences.extend(_boundary(query, groups, currency, citations))
    if query.threshold is None:
        sentences.extend(_not_compared([g for g in groups if deal_amount(g.deal, currency) is None], citations))
    return _answer(question, sentences, citations)


def _boundary(
    query: DealQuery, groups: list[_DealGroup], currency: str | None, citations: Citations
) -> list[AnswerSentence]:
    """A deal at exactly the threshold is not "above" it; say so rather than drop it silently."""
    assert query.threshold is not None
    sentences: list[AnswerSentence] = []
    for group in groups:
        amount = deal_amount(group.deal, currency)
        if amount is not None and amount.value == query.threshold.money.amount:
            sentences.append(
                _fact(
                    f"{deal_name(group.deal)} at exactly {amount.rendering} is not counted: "
                    f"“{query.threshold.words}” is read as strictly {query.threshold.words}.",
                    _cite(citations, group),
                )
            )
    return sentences


def _count(question: str, query: DealQuery, groups: list[_DealGroup], citations: Citations) -> Answer:
    scope = _scope_words(query)
    if query.threshold is not None:
        currency = query.threshold.money.currency
        groups = [
            g for g in groups if (a := deal_amount(g.deal, currency)) is not None and query.threshold.admits(a.value)
        ]
    if not groups:
        return Answer(
            question=question,
            query=question,
            answer=f"No {_describe(query)} is named in the corpus.",
            abstained=True,
            sentences=[],
            citations=[],
            confidence=0.0,
        )
    ids = [i for g in groups for i in _cite(citations, g)]
    n = len(groups)
    sentences = [_fact(f"{n} {_noun(query, n)} {_verb(n, 'is', 'are')} named{scope}:", ids)]
    for group in groups:
        sentences.append(_fact(_line(group, deal_amount(group.deal)) + ".", _cite(citations, group)))
    return _answer(question, sentences, citations)


def _no_deal(question: str, query: DealQuery, facts: list[DocumentFacts], documents: Mapping[str, Document]) -> Answer:
    """Nothing matches: say which condition fails, and cite the nearest facts (not an answer)."""
    citations = Citations(documents)
    sentences = [_fact(f"No {_describe(query)} is named in the corpus.", [])]
    groups = collect_deals(facts)
    if query.areas:
        near = [g for g in groups if _matches_filters(g, query, areas=False)]
        near = [
            g
            for g in near
            if (a := deal_amount(g.deal)) is not None and (query.threshold is None or query.threshold.admits(a.value))
        ]
        mentions = [(f.document, m) for f in facts for m in f.mentions if (m.kind, m.value) in set(query.areas)][:3]
        if mentions:
            ids = [i for path, m in mentions for i in citations.cite_span(path, m.start, m.end)]
            names = " and ".join(v for _, v in query.areas)
            sentences.append(_fact(f"{names} is mentioned, but not as part of a deal with a stated value.", ids))
        if near:
            listed = "; ".join(_line(g, deal_amount(g.deal)) for g in near[:4])
            ids = [i for g in near[:4] for i in _cite(citations, g)]
            sentences.append(_fact(f"Deals that match the rest of the question: {listed}.", ids))
    elif query.threshold is not None and (
        valued := [g for g in groups if _matches_filters(g, query) and deal_amount(g.deal) is not None]
    ):
        # "Wasn't AstraZeneca's 2025 tie-up with CSPC worth less than $5bn?": the deal is there, at another value.
        listed = "; ".join(_line(g, deal_amount(g.deal)) for g in valued[:4])
        ids = [i for g in valued[:4] for i in _cite(citations, g)]
        sentences.append(_fact(f"Deals that match the rest of the question: {listed}.", ids))
        # A yes-or-no question about the named companies' deal is answered by its value: no.
        settled = bool(query.companies) and bool(_YES_NO.match(question) or FACT_CHECK.search(question))
        return _answer(question, sentences, citations, abstained=not settled)
    elif query.year is not None:
        near = [
            g
            for g in groups
            if _matches_filters(g, query, year=False) and g.deal.year is not None and g.deal.year != query.year
        ]
        near.sort(key=lambda g: abs((g.deal.year or 0) - (query.year or 0)))
        if near:
            listed = "; ".join(_line(g, deal_amount(g.deal)) for g in near[:4])
            ids = [i for g in near[:4] for i in _cite(citations, g)]
            sentences.append(_fact(f"Deals dated other years: {listed}.", ids))
    return _answer(question, sentences, citations, abstained=True)


_YES_NO = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:is|was|are|were|did|does|do|has|had|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|"
    r"didn['’]t|doesn['’]t|hasn['’]t)\b",
    re.IGNORECASE,
)
"""A question answered yes or no ("Was the AstraZeneca deal worth less than $5bn?")."""


# --------------------------------------------------------------------------------------------------
# Views and people


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def _stems(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z][A-Za-z\-]+", text.lower())
    return set(_stemmer().stemWords([british(w) for w in words if w not in _STOPWORDS]))


def _keywords(question: str, drop: Iterable[str] = ()) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z\-]+", question.lower())
    dropped = {w.lower() for name in drop for w in name.split()}
    kept = [w for w in words if w not in _STOPWORDS and w not in dropped and not _OPINION.fullmatch(w)]
    return list(dict.fromkeys(_stemmer().stemWords([british(w) for w in kept])))


def _view_score(view: View, keywords: list[str]) -> float:
    if not keywords:
        return 0.0
    pool = _stems(view.text) | _stems(" ".join(view.topics))
    hits = sum(1 for k in keywords if k in pool or _SYNONYMS.get(k, set()) & pool)
    return hits / len(keywords)


def _people_by_name(facts: list[DocumentFacts]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for doc_facts in facts:
        for person in doc_facts.people:
            people.setdefault(person.name, person)
    return people


def _person_named(question: str, facts: list[DocumentFacts]) -> Person | None:
    for doc_facts in facts:
        for person in doc_facts.people:
            for form in sorted((person.name, *person.aliases), key=len, reverse=True):
                if re.search(rf"(?<![\w-]){re.escape(form)}(?:[’']?s)?(?![\w-])", question, re.IGNORECASE):
                    return person
    return None


def _who(person: Person) -> str:
    details = [d for d in (person.role, person.organisation) if d]
    return f"{person.name} ({', '.join(details)})" if details else person.name


def _answer_views(
    question: str, facts: list[DocumentFacts], documents: Mapping[str, Document], person: Person | None
) -> Answer | None:
    keywords = _keywords(question, drop=[person.name, *person.aliases] if person else [])
    candidates = [(f.document, v) for f in facts for v in f.views if person is None or v.person == person.name]
    if not candidates:
        return None
    if keywords and all(k in _GENERIC_STEMS for k in keywords) and person is None:
        return None
    specific = [k for k in keywords if k not in _GENERIC_STEMS]
    if specific and person is not None:
        # "What did Cui say about Chinese ADCs?", "How can China help, in Cui's view?": a topic of its own
        # is for the passage composer, which quotes the person only where the passage is about the topic.
        return None
    if specific:
        keywords = specific
    if keywords:
        scored = [(_view_score(v, keywords), path, v) for path, v in candidates]
        best = max(score for score, _, _ in scored)
        if best < 0.5:
            return None
        chosen = [(path, v) for score, path, v in scored if score == best]
    elif person is not None:
        chosen = candidates
    else:
        return None
    chosen = chosen[:6]
    people = _people_by_name(facts)
    citations = Citations(documents)
    by_person: dict[str, list[int]] = {}
    evidence: list[AnswerSentence] = []
    for path, view in chosen:
        ids = citations.cite_span(path, view.sentence_start, view.sentence_end)
        by_person.setdefault(view.person, []).extend(ids)
        document = documents.get(path)
        if document is not None:
            evidence.append(AnswerSentence(text=document.text[view.sentence_start : view.sentence_end], citations=ids))
    names = [_who(people[name]) if name in people else name for name in by_person]
    all_ids = [i for ids in by_person.values() for i in ids]
    if person is not None:
        head = f"{names[0]} is cited {len(chosen)} time(s) on this:"
    elif len(names) == 1:
        head = f"The view is attributed to {names[0]}:"
    else:
        head = "Matching views are attributed to " + " and ".join(names) + ":"
    return _answer(question, [_fact(head, all_ids), *evidence], citations)


def answer_speaker(
    question: str, facts: list[DocumentFacts], documents: Mapping[str, Document], path: str, start: int, end: int
) -> Answer | None:
    """ "Who said that?" after an answer: the person a view in the sentence at [start, end) of `path` is
    attributed to, with that sentence; None when the sentence is nobody's view (the article's own words)."""
    views = [
        v for f in facts if f.document == path for v in f.views if v.sentence_start < end and start < v.sentence_end
    ]
    if not views or len({v.person for v in views}) > 1:
        return None
    view = views[0]
    document = documents.get(path)
    if document is None:
        return None
    people = _people_by_name(facts)
    citations = Citations(documents)
    shown = [view]
    pronouns = {"he", "she", "they"}
    if view.speaker.text.lower() in pronouns:
        # "..., she states.": the sentence before that names her comes first, as the article has it.
        named = [
            v
            for f in facts
            if f.document == path
            for v in f.views
            if v.person == view.person
            and v.sentence_end <= view.sentence_start
            and v.speaker.text.lower() not in pronouns
        ]
        shown = [named[-1], view] if named else shown
    ids = [i for v in shown for i in citations.cite_span(path, v.sentence_start, v.sentence_end)]
    who = _who(people[view.person]) if view.person in people else view.person
    sentences = [
        AnswerSentence(
            text=document.text[v.sentence_start : v.sentence_end],
            citations=citations.cite_span(path, v.sentence_start, v.sentence_end),
        )
        for v in shown
    ]
    return _answer(question, [_fact(f"The view is attributed to {who}:", ids), *sentences], citations)


def _answer_person(question: str, person: Person, path: str, documents: Mapping[str, Document]) -> Answer:
    citations = Citations(documents)
    ids = citations.cite_span(path, person.sentence_start, person.sentence_end)
    if person.role and person.organisation:
        text = f"{person.name} is {person.role} at {person.organisation}."
    elif person.role:
        text = f"{person.name} is described as {person.role}."
    else:
        text = f"{person.name} is quoted in the corpus; no role is given."
    return _answer(question, [_fact(text, ids)], citations)


# --------------------------------------------------------------------------------------------------
# Entry point


def answer_from_facts(
    question: str,
    facts: list[DocumentFacts],
    documents: Mapping[str, Document],
    *,
    today: Date | None = None,
) -> Answer | None:
    """An Answer built from facts for aggregate / superlative / list / sum / "who said" questions, else None.

    `documents` maps Document.path to the document (for citation text, titles and sections); `today`
    resolves "this year" (defaults to the current date).
    """
    if not facts:
        return None
    asks_who, bare = who_is(question)
    if asks_who:
        person = _person_named(asks_who.group("name") or asks_who.group("embedded"), facts)
        if person is not None and _OPINION.search(bare) is None:
            path = next(f.document for f in facts if person in f.people)
            return _answer_person(question, person, path, documents)
    if _WHO.match(question) and _OPINION.search(question):
        return _answer_views(question, facts, documents, None)
    if _PERSON_VIEW.match(question):
        person = _person_named(question, facts)
        if person is not None:
            return _answer_views(question, facts, documents, person)
    query = parse_deal_question(question, facts, today or Date.today())
    if query is None:
        return None
    return _answer_deals(question, query, facts, documents)
