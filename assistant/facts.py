"""Deal intelligence: facts read off an article at index time, each tied to the characters it came from.

Aggregate questions ("the biggest deal this year", "who said BIOSECURE is noise?") cannot be answered by
quoting one passage; they need deals, figures and attributed views as data. Everything here is rules over
the cleaned `Document.text`, so it is fast, offline and explainable, and it prefers missing a fact to
inventing one: a deal needs two named parties joined by a deal phrase, a view needs a person introduced
in the article, and every value keeps the span of its source text (`document.text[start:end] == text`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from typing import Literal

import pysbd
from pydantic import BaseModel, ConfigDict, Field

from .models import Document

FACTS_VERSION = 1
"""Bump when the rules change, so a stored index knows its facts are stale and re-extracts them."""


# --------------------------------------------------------------------------------------------------
# Models


class _Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Ref(_Fact):
    """A verbatim piece of the document: `document.text[start:end] == text`."""

    text: str
    start: int
    end: int


class Money(Ref):
    """An amount of money as written ("$5.36bn"), normalised to units of `currency` (ISO 4217)."""

    amount: float
    currency: str
    bound: str | None = None
    """A qualifier written just before it: "up to", "over", "about"... (not part of `text`)."""


class Mention(Ref):
    """A modality or therapy area named in the text, normalised to a lexicon value."""

    kind: Literal["modality", "therapy_area"]
    value: str


DealKind = Literal["licensing", "agreement", "acquisition", "collaboration", "option"]


class Deal(_Fact):
    """Two (or more) named companies joined by a deal phrase in one sentence, with what it says of them."""

    document: str
    parties: list[str]
    """Canonical company names, in the order they are written."""
    party_mentions: list[Ref]
    """The party names as written, one per party."""
    value: Money | None = None
    """The headline (total) value when one is stated; upfront and milestones are kept apart."""
    value_equivalent: Money | None = None
    """A conversion the article gives in brackets, e.g. "RMB 2 billion (about US$280 million)"."""
    upfront: Money | None = None
    milestones: Money | None = None
    other_amounts: list[Money] = Field(default_factory=list)
    year: int | None = None
    year_inferred: bool = False
    """True when the year comes from "this year"/"last year" and the publication date, not a printed year."""
    year_mention: Ref | None = None
    kind: DealKind | None = None
    kind_mention: Ref | None = None
    therapy_area: str | None = None
    modality: str | None = None
    area_mentions: list[Mention] = Field(default_factory=list)
    text: str
    start: int
    end: int
    """Span of the deal mention itself ("Novartis signing a $5.36bn deal with Argo Biopharmaceutical")."""
    sentence_start: int
    sentence_end: int


FigureUnit = str
"""An ISO currency code for money, "percent", or "count"."""


class MarketFigure(_Fact):
    """A number about the market that is not a deal's own value (a share, a total, a count of deals)."""

    document: str
    value: float
    unit: FigureUnit
    text: str
    start: int
    end: int
    bound: str | None = None
    threshold: Money | None = None
    """For counts: the amount each counted item exceeds ("20 transactions worth over $500m")."""
    description: str
    """The clause the figure belongs to, verbatim."""
    description_start: int
    description_end: int
    year: int | None = None
    year_end: int | None = None
    """Set with `year` for a stated period ("between 2025 and 2030")."""
    year_inferred: bool = False
    """True when the year comes from "this year"/"last year" and the publication date."""
    year_mention: Ref | None = None
    sentence_start: int
    sentence_end: int


class Person(_Fact):
    """Someone the article introduces by name, with the role and organisation it gives them."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    """Other forms the article uses for them (usually the surname alone)."""
    role: str | None = None
    role_mention: Ref | None = None
    organisation: str | None = None
    """Canonical company name."""
    organisation_mention: Ref | None = None
    text: str
    start: int
    end: int
    """Span of the introducing mention of the name."""
    sentence_start: int
    sentence_end: int
    mentions: list[Ref] = Field(default_factory=list)


class View(_Fact):
    """An opinion attributed to a person: a direct quote or a reported-speech sentence."""

    person: str
    kind: Literal["quote", "reported"]
    text: str
    start: int
    end: int
    speaker: Ref
    """The word(s) that attribute it: a name, an alias or a resolved pronoun."""
    topics: list[str] = Field(default_factory=list)
    sentence_start: int
    sentence_end: int


class Company(_Fact):
    """One company, with every name the article uses for it folded in."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Ref] = Field(default_factory=list)


class DocumentFacts(_Fact):
    """Everything extracted from one document; stored per document in the index as JSON."""

    document: str
    version: int = FACTS_VERSION
    deals: list[Deal] = Field(default_factory=list)
    figures: list[MarketFigure] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    views: list[View] = Field(default_factory=list)
    companies: list[Company] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------------
# Sentences and paragraphs


@dataclass(frozen=True)
class Sentence:
    """A sentence span (document offsets), the paragraph it is in, and whether it is a heading."""

    start: int
    end: int
    paragraph: int
    heading: bool = False


_TERMINAL = tuple(".!?:;”\"’')]…")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.end()


def _heading_starts(document: Document) -> set[int]:
    """Line starts of headings the loader found (plain-text articles have no `#` to go by)."""
    starts: set[int] = set()
    for section in document.sections:
        if section.heading is None:
            continue
        line_end = document.text.rfind("\n", 0, max(section.start - 1, 0) + 1)
        line_start = document.text.rfind("\n", 0, max(line_end, 0)) + 1
        if document.text[line_start:line_end].strip() == section.heading.strip():
            starts.add(line_start)
    return starts


def _blocks(text: str, heading_starts: set[int]) -> list[tuple[int, int, bool]]:
    """Paragraphs as (start, end, is_heading); a hard-wrapped paragraph's lines are joined back."""
    blocks: list[list[int | bool]] = []
    previous_end = -1
    for start, end in _lines(text):
        line = text[start:end]
        heading = line.lstrip().startswith("#") or start in heading_starts
        joined = False
        if blocks and not heading and not blocks[-1][2] and not _LIST_ITEM.match(line):
            gap = text[previous_end:start]
            last_line = text[text.rfind("\n", 0, previous_end) + 1 : previous_end].rstrip()
            wrapped = gap.count("\n") == 1 and len(last_line) >= 60 and not last_line.endswith(_TERMINAL)
            if wrapped:
                blocks[-1][1] = end
                joined = True
        if not joined:
            blocks.append([start, end, heading])
        previous_end = end
    return [(int(s), int(e), bool(h)) for s, e, h in blocks]


def split_sentences(document: Document) -> list[Sentence]:
    """Sentence spans of the whole text; headings are kept as one-"sentence" paragraphs, flagged."""
    text = document.text
    sentences: list[Sentence] = []
    for index, (start, end, heading) in enumerate(_blocks(text, _heading_starts(document))):
        if heading:
            sentences.append(Sentence(start, end, index, heading=True))
            continue
        block = text[start:end].replace("\n", " ")
        for span in _segmenter().segment(block):
            s, e = start + span.start, start + span.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences.append(Sentence(s, e, index))
    return sentences


def section_heading(document: Document, offset: int) -> str | None:
    """The heading of the section an offset is in: loader sections first, else the last `## ` line."""
    for section in document.sections:
        if section.start <= offset < section.end:
            return section.heading
    heading: str | None = None
    for match in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$", document.text, re.MULTILINE):
        if match.start() > offset:
            break
        heading = match.group(1)
    return heading


# --------------------------------------------------------------------------------------------------
# Vocabulary

# fmt: off
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NATIONALITIES = [
    "Chinese", "American", "European", "Swiss", "German", "French", "British", "Japanese", "Korean", "Danish",
    "Belgian", "Dutch", "Irish", "Italian", "Spanish", "Swedish", "Norwegian", "Finnish", "Austrian", "Canadian",
    "Australian", "Indian", "Israeli", "Singaporean", "Taiwanese", "Western", "Eastern", "Asian", "Global",
    "International",
]
# Capitalised words that start a sentence or a descriptor, never a company name.
_LEADING_STOP = {
    "The", "A", "An", "In", "On", "At", "After", "Before", "Earlier", "Later", "Last", "This", "That", "These",
    "Those", "Meanwhile", "However", "Also", "Both", "Under", "According", "With", "As", "While", "Its", "Their",
    "His", "Her", "Separately", "Elsewhere", "Then", "Now", "Today", "Yesterday", "And", "But", "For", "From",
    "By", "If", "When", "Since", "Although", "Though", "Shares", "Analysts", "Investors", "Big", "Rival", "Fellow",
} | set(_MONTHS) | set(_WEEKDAYS) | set(_NATIONALITIES)
# Capitalised names that are places, institutions or acronyms of the trade, not companies.
_STOP_NAMES = {
    "China", "US", "USA", "UK", "EU", "Europe", "Asia", "West", "East", "America", "Japan", "Korea", "India",
    "Beijing", "Shanghai", "Senate", "House", "Congress", "FDA", "NMPA", "EMA", "IND", "INDs", "NDA", "BLA", "MNC",
    "MNCs", "R&D", "ADC", "ADCs", "CGT", "CGTs", "Phase", "I", "It", "He", "She", "They", "We", "GlobalData",
    "Nasdaq", "NYSE", "HKEX", "STAR",
}
_CORP_SUFFIXES = {
    "Pharma", "Pharmaceutical", "Pharmaceuticals", "Biopharma", "Biopharmaceutical", "Biopharmaceuticals",
    "Therapeutics", "Therapeutic", "Biosciences", "Bioscience", "Biologics", "Biotech", "Biotechnology", "Bio",
    "Medicines", "Medical", "Labs", "Lab", "Laboratories", "Inc", "Ltd", "Limited", "Co", "Corp", "Corporation",
    "AG", "SA", "SE", "plc", "PLC", "GmbH", "NV", "Holdings", "Group", "Sciences", "Health", "Healthcare",
    "Oncology", "Genomics", "Securities", "Capital", "Partners", "Ventures", "Research",
}
# Chinese company names often open with their city or province ("Suzhou Qinghe Biologics" = "Qinghe").
_CHINESE_PLACES = {
    "Suzhou", "Shanghai", "Beijing", "Hangzhou", "Jiangsu", "Zhejiang", "Guangzhou", "Shenzhen", "Chengdu",
    "Nanjing", "Wuhan", "Tianjin", "Sichuan", "Shandong", "Hong", "Kong", "Xiamen", "Qilu", "Hainan", "Chongqing",
    "Wuxi", "Changzhou", "Hefei", "Jinan", "Qingdao", "Zhuhai",
}
# fmt: on
_REGION_WORDS = {"Asia", "Asia-Pacific", "APAC", "China", "Europe", "EMEA", "US", "Global", "Greater"}
_ROLE_CAPS = (
    r"(?:CEO|COO|CFO|CSO|CMO|CBO|CTO|CCO|Chief|President|Chairman|Chairwoman|Chair|Founder|Co-founder|"
    r"Head|Director|Dr|Prof|Professor|Mr|Ms|Mrs|Said|Says|According)"
)
_ROLE_WORD = re.compile(
    r"\b(?:chief|CEO|COO|CFO|CSO|CMO|CBO|CTO|CCO|president|founder|co-founder|chair|chairman|chairwoman|"
    r"director|head|officer|vice|VP|SVP|EVP|partner|analyst|executive|manager|lead|leader|professor|"
    r"scientist|principal|strategist|economist|GM|managing)\b",
    re.IGNORECASE,
)

# A company-like name: a run of capitalised tokens (role titles like "CEO" end it).
_TOK = rf"(?!{_ROLE_CAPS}\b)(?:[A-Z][A-Za-z0-9&\-]*[A-Za-z0-9]|[A-Z]|\d+[A-Za-z][A-Za-z0-9\-]*)"
_ORG = rf"(?<![\w&\-’']){_TOK}(?:\s(?:&\s)?{_TOK}){{0,5}}(?:\s(?:plc|ltd|inc))?(?![\w&])"
# Descriptors between a preposition and a company: "with Chinese biotech", "to Shanghai-based drugmaker".
_DESC_WORD = (
    r"(?:the|a|an|its|their|fellow|compatriot|[A-Z][a-z]+-(?:based|listed|headquartered)|US-China|"
    r"U\.S\.|US|UK|Hong\s+Kong(?:-listed)?|Nasdaq-listed|" + "|".join(_NATIONALITIES) + r"|"
    r"(?:" + "|".join(sorted(_CHINESE_PLACES)) + r"|Boston|London|Basel|Tokyo|Seoul)(?=\s+[a-z])|"
    r"(?!(?:and|or|with|for|to|from|in|on|by|as|at|that|which|who|worth|valued|including|under|of|"
    r"said|says|its)\b)[a-z][a-z\-]+)"
)
_DESC = rf"(?:{_DESC_WORD}\s+){{0,4}}"
# A person's name: two or three capitalised words ("Cui Cui", "Dajun Yang"), an optional title kept out.
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|la|le|ter|bin)"
_PNAME = (
    r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?"
    rf"(?P<pname>{_NAME_WORD}(?:\s(?:{_PARTICLE}\s)*{_NAME_WORD}){{1,2}})(?![\w])"
)


def _company_key(name: str) -> str:
    """A name without its corporate suffixes, lowercased: "CSPC Pharmaceutical Group" -> "cspc"."""
    tokens = name.replace("’", "'").split()
    while len(tokens) > 1 and tokens[-1].rstrip(".") in _CORP_SUFFIXES:
        tokens.pop()
    return " ".join(tokens).lower()


def _short_key(name: str) -> str | None:
    """A Chinese company's name without its city: "Suzhou Qinghe Biologics" -> "qinghe"."""
    key = _company_key(name)
    tokens = key.split()
    places = {p.lower() for p in _CHINESE_PLACES}
    if len(tokens) >= 2 and tokens[0] in places:
        return " ".join(tokens[1:])
    return None


# --------------------------------------------------------------------------------------------------
# Money, numbers and years

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"bn|billion|tn|trillion|mn|mln|million|m|b|k|thousand"
_SCALES = {
    "bn": 1e9, "billion": 1e9, "b": 1e9, "tn": 1e12, "trillion": 1e12,
    "mn": 1e6, "mln": 1e6, "million": 1e6, "m": 1e6, "k": 1e3, "thousand": 1e3,
}  # fmt: skip
_PREFIX_CURRENCIES = {
    "US$": "USD", "USD": "USD", "$": "USD", "HK$": "HKD", "S$": "SGD", "A$": "AUD", "C$": "CAD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "RMB": "CNY", "Rmb": "CNY", "CNY": "CNY",
    "JPY": "JPY", "CHF": "CHF",
}  # fmt: skip
_WORD_CURRENCIES = {
    "us dollars": "USD", "dollars": "USD", "euros": "EUR", "euro": "EUR", "yuan": "CNY", "renminbi": "CNY",
    "yen": "JPY", "pounds": "GBP", "pounds sterling": "GBP", "swiss francs": "CHF", "usd": "USD",
    "eur": "EUR", "rmb": "CNY", "cny": "CNY", "gbp": "GBP", "jpy": "JPY", "chf": "CHF",
}  # fmt: skip
_MONEY_PREFIX = re.compile(
    r"(?<![\w$€£¥])(?P<cur>US\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|(?:USD|EUR|GBP|RMB|Rmb|CNY|JPY|CHF)\s?)"
    rf"(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE})\b)?"
)
_MONEY_SUFFIX = re.compile(
    rf"(?<![\w$€£¥.,])(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?\s"
    r"(?P<cur>US\s+dollars|dollars|euros?|yuan|renminbi|yen|pounds(?:\s+sterling)?|Swiss\s+francs|"
    r"USD|EUR|RMB|CNY|GBP|JPY|CHF)\b"
)
_BOUND_BEFORE = re.compile(
    r"(?P<bound>up\s+to|as\s+much\s+as|more\s+than|over|above|at\s+least|about|around|approximately|"
    r"roughly|nearly|almost|some|under|below|less\s+than|an\s+estimated|exceeding|excess\s+of)\s+$",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)")
_COUNT = re.compile(
    r"(?<![\w$€£¥.,%\-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:[a-z][a-z\-]*|[A-Z][A-Za-z\-]*)\s+){0,2}?"
    r"(?P<noun>transactions|deals|agreements|licen[cs]es|assets|programmes|programs|companies|biotechs|"
    r"drugs|therapies|candidates|molecules|trials|studies|approvals|INDs|partnerships|collaborations|"
    r"acquisitions|products)\b"
)
_YEAR = re.compile(r"(?<![\w$€£¥.,\-])(?P<year>19[5-9]\d|20[0-4]\d)(?![\w%]|\s?(?:bn|billion|m\b|million))")
_RELATIVE_YEAR = re.compile(
    r"\b(?P<rel>(?:earlier\s+|so\s+far\s+|later\s+)?this\s+(?:year|month|week)|last\s+(?:year|month|week)|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today)\b",
    re.IGNORECASE,
)
_YEAR_WORDS = re.compile(r"\b(?:(?:earlier\s+|so\s+far\s+|later\s+)?this|last)\s+year\b", re.IGNORECASE)
_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
]  # fmt: skip
# "In September", "on 12 March", "in early July" -- a month with no year printed after it.
_BARE_MONTH = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Oo]n(?:\s+\d{1,2})?|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id-?)\s+"
    r"(?:(?:early|late|mid-?)\s*)?(?P<month>" + "|".join(_MONTH_NAMES) + r")\b(?!,?\s+(?:\d{1,2},?\s+)?\d{4})"
)


def _parse_number(text: str) -> float:
    return float(text.replace(",", ""))


def _yen_currency(text: str) -> str:
    """ "¥" is yuan in an article about China unless it also talks of Japan or yen."""
    if re.search(r"\b(?:Japan|Japanese|yen)\b", text):
        return "JPY"
    return "CNY" if re.search(r"\b(?:China|Chinese|yuan|RMB|renminbi)\b", text) else "JPY"


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """Every amount of money in text[start:end], with document offsets and the bound written before it."""
    end = len(text) if end is None else end
    found: dict[int, Money] = {}
    for pattern, prefix in ((_MONEY_PREFIX, True), (_MONEY_SUFFIX, False)):
        for match in pattern.finditer(text, start, end):
            if any(m.start <= match.start() < m.end for m in found.values()):
                continue
            cur_text = match.group("cur").strip()
            if prefix:
                currency = _yen_currency(text) if cur_text == "¥" else _PREFIX_CURRENCIES[cur_text]
            else:
                currency = _WORD_CURRENCIES[re.sub(r"\s+", " ", cur_text.lower())]
            scale = _SCALES.get((match.group("scale") or "").lower(), 1.0)
            amount = round(_parse_number(match.group("num")) * scale, 2)
            bound = _BOUND_BEFORE.search(text[max(0, match.start() - 24) : match.start()])
            found[match.start()] = Money(
                text=match.group(),
                start=match.start(),
                end=match.end(),
                amount=amount,
                currency=currency,
                bound=re.sub(r"\s+", " ", bound.group("bound").lower()) if bound else None,
            )
    return [found[k] for k in sorted(found)]


def _years(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_YEAR.finditer(text, start, end))


# --------------------------------------------------------------------------------------------------
# Modality and therapy-area lexicon

_LEXICON: list[tuple[Literal["modality", "therapy_area"], str, str, int]] = [
    ("modality", "ADC", r"antibody[- ]drug\s+conjugates?|\bADCs?\b", 0),
    ("modality", "bispecific", r"bispecific\s+antibod(?:y|ies)|bispecifics?|\bBsAbs?\b", re.IGNORECASE),
    ("modality", "trispecific", r"trispecific\s+antibod(?:y|ies)|trispecifics?", re.IGNORECASE),
    ("modality", "cell and gene therapy", r"cell\s+and\s+gene\s+therap(?:y|ies)|\bCGTs?\b", 0),
    ("modality", "cell therapy", r"\bCAR-?Ts?\b|\bcell\s+therap(?:y|ies)", 0),
    ("modality", "gene therapy", r"\bgene\s+therap(?:y|ies)", re.IGNORECASE),
    ("modality", "small molecule", r"small[- ]molecules?", re.IGNORECASE),
    ("modality", "monoclonal antibody", r"monoclonal\s+antibod(?:y|ies)|\bmAbs?\b", 0),
    ("modality", "GLP-1", r"\bGLP-1(?:s|\s+receptor\s+agonists?|\s+agonists?)?\b", 0),
    ("modality", "T-cell engager", r"T-cell\s+engagers?|\bTCEs?\b", 0),
    ("modality", "siRNA", r"\bsiRNAs?\b|\bRNAi\b", 0),
    ("modality", "radiopharmaceutical", r"radiopharmaceuticals?|radioligands?", re.IGNORECASE),
    ("modality", "vaccine", r"\bvaccines?\b", re.IGNORECASE),
    ("modality", "biologics", r"\bbiologics\b", 0),
    (
        "therapy_area",
        "oncology",
        r"immuno-oncology|\boncolog(?:y|ical)|\bcancers?\b|\btumou?rs?\b|\bmyeloma\b|\blymphomas?\b|"
        r"\bleuka?emias?\b|\bcarcinomas?\b",
        re.IGNORECASE,
    ),
    (
        "therapy_area",
        "immunology",
        r"\bimmunology\b|\bimmune\s+(?:disease|disorder)s?|\bautoimmun\w*|\binflammatory\s+(?:bowel\s+)?"
        r"diseases?|\bIBD\b|\bpsoriasis\b|\batopic\s+dermatitis\b|\blupus\b|\brheumatoid\s+arthritis\b",
        re.IGNORECASE,
    ),
    ("therapy_area", "cardiometabolic", r"cardiometabolic|cardiovascular|\bmetabolic\s+disease", re.I),
    ("therapy_area", "obesity", r"\bobesity\b|\banti-obesity\b|\bweight[- ]loss\b", re.IGNORECASE),
    ("therapy_area", "neurology", r"\bneurolog\w*|\bneuroscience\b|\bAlzheimer\w*|\bCNS\b", 0),
    ("therapy_area", "rare disease", r"\brare\s+diseases?\b", re.IGNORECASE),
    ("therapy_area", "infectious disease", r"\binfectious\s+diseases?\b", re.IGNORECASE),
    ("therapy_area", "ophthalmology", r"\bophthalmolog\w*", re.IGNORECASE),
    ("therapy_area", "respiratory", r"\brespiratory\b", re.IGNORECASE),
]
_LEXICON_RE = [(kind, value, re.compile(pattern, flags)) for kind, value, pattern, flags in _LEXICON]


def find_mentions(text: str) -> list[Mention]:
    """Modalities and therapy areas; where two entries overlap the longer wording wins."""
    found: list[Mention] = []
    for kind, value, pattern in _LEXICON_RE:
        for match in pattern.finditer(text):
            found.append(Mention(text=match.group(), start=match.start(), end=match.end(), kind=kind, value=value))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def lexicon_values(text: str) -> list[tuple[str, str]]:
    """(kind, value) pairs named in a piece of text, e.g. a question: "ADC deals" -> [("modality", "ADC")]."""
    return list(dict.fromkeys((m.kind, m.value) for m in find_mentions(text)))


# --------------------------------------------------------------------------------------------------
# Companies


@dataclass
class _CompanyDraft:
    names: list[tuple[str, int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    renamed_to: str | None = None


_DESCRIPTOR_TOKEN = re.compile(r"-(?:based|listed|headquartered|backed|founded)$")


def _clean_org(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """Drop leading words that are not part of a name ("In", "The", "Swedish"); reject place names."""
    tokens = list(re.finditer(r"\S+", text[start:end]))
    described = [i for i, t in enumerate(tokens[:-1]) if _DESCRIPTOR_TOKEN.search(t.group())]
    if described:
        tokens = tokens[described[-1] + 1 :]
    while tokens and (tokens[0].group() in _LEADING_STOP or _DESCRIPTOR_TOKEN.search(tokens[0].group())):
        tokens.pop(0)
    if not tokens:
        return None
    s = start + tokens[0].start()
    name = text[s:end]
    if name in _STOP_NAMES or all(t.group() in _CORP_SUFFIXES for t in tokens):
        return None
    if _DESCRIPTOR_TOKEN.search(tokens[-1].group()):
        return None
    if not re.search(r"[A-Za-z]{2}", name):
        return None
    return name, s, end


_ALIAS_PATTERN = re.compile(
    rf"(?P<new>{_ORG})\s*(?:[–—-]|,|\()\s*(?:formerly|previously)\s+(?:known\s+as\s+|called\s+|named\s+)?"
    rf"(?P<old>{_ORG})"
)
_LIST_PATTERN = re.compile(
    r"(?:companies|firms|drugmakers|pharmas|players|biotechs|majors|pharma\s+companies)\s+"
    rf"(?:such\s+as|including|like)\s+(?P<list>{_ORG}(?:,\s+{_ORG})*,?\s+and\s+{_ORG})"
)


def _suffix_companies(text: str) -> Iterator[tuple[str, int, int]]:
    """Names that end in a corporate word ("Ascentage Pharma", "Zai Labs")."""
    for match in re.finditer(_ORG, text):
        last = match.group().split()[-1]
        if last in _CORP_SUFFIXES and len(match.group().split()) >= 2:
            cleaned = _clean_org(text, match.start(), match.end())
            if cleaned:
                yield cleaned


def _listed_companies(text: str) -> Iterator[tuple[str, int, int]]:
    for match in _LIST_PATTERN.finditer(text):
        for org in re.finditer(_ORG, text[: match.end("list")]):
            if org.start() < match.start("list"):
                continue
            cleaned = _clean_org(text, org.start(), org.end())
            if cleaned:
                yield cleaned


class _Companies:
    """Folds the names of companies into entities: suffix variants, "formerly known as", initials."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.surface: list[tuple[str, int, int]] = []
        self.renames: list[tuple[str, str, int, int, int, int]] = []

    def add(self, name: str, start: int, end: int) -> None:
        self.surface.append((name, start, end))

    def add_rename(self, match: re.Match[str]) -> None:
        new = _clean_org(self.text, match.start("new"), match.end("new"))
        old = _clean_org(self.text, match.start("old"), match.end("old"))
        if new and old:
            self.add(*new)
            self.add(*old)
            self.renames.append((new[0], old[0], new[1], new[2], old[1], old[2]))

    def build(self, people_names: set[str]) -> list[Company]:
        groups: dict[str, list[tuple[str, int, int]]] = {}
        parent: dict[str, str] = {}

        def find(key: str) -> str:
            while parent.get(key, key) != key:
                key = parent[key]
            return key

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra

        for name, start, end in self.surface:
            if name in people_names:
                continue
            key = _company_key(name)
            groups.setdefault(key, []).append((name, start, end))
            parent.setdefault(key, key)
        for key in list(groups):
            short = _short_key(key)
            if short and short in groups:
                union(key, short)
            elif short:
                parent.setdefault(short, key)
        for new, old, *_ in self.renames:
            union(_company_key(new), _company_key(old))
        merged: dict[str, list[str]] = {}
        for key in groups:
            merged.setdefault(find(key), []).append(key)
        companies: list[Company] = []
        for keys in merged.values():
            companies.append(self._company(keys, groups))
        companies.sort(key=lambda c: c.mentions[0].start if c.mentions else 0)
        return companies

    def _company(self, keys: list[str], groups: dict[str, list[tuple[str, int, int]]]) -> Company:
        names = [n for k in keys for n in groups[k]]
        old_keys = {_company_key(old) for _, old, *_ in self.renames}
        preferred = [n for n in names if _company_key(n[0]) not in old_keys] or names
        counts: dict[str, int] = {}
        for name, *_ in preferred:
            counts[name] = counts.get(name, 0) + 1
        first_at = {n: min(s for m, s, _ in preferred if m == n) for n in counts}
        canonical = max(counts, key=lambda n: (len(n.split()) > 1, counts[n], -first_at[n]))
        spans = {(s, e) for _, s, e in names}
        for bare in self._bare_forms(keys, names):
            for match in re.finditer(rf"(?<![\w&\-]){re.escape(bare)}(?![\w&\-])", self.text):
                if not any(s <= match.start() < e for s, e in spans):
                    spans.add((match.start(), match.end()))
        aliases = sorted({self.text[s:e] for s, e in spans} - {canonical})
        mentions = [Ref(text=self.text[s:e], start=s, end=e) for s, e in sorted(spans)]
        return Company(name=canonical, aliases=aliases, mentions=mentions)

    def _bare_forms(self, keys: list[str], names: list[tuple[str, int, int]]) -> set[str]:
        """How the article may shorten the names: "BeOne" for "BeOne Medicines", "AZ" for "AstraZeneca"."""
        forms: set[str] = set()
        for name, *_ in names:
            tokens = name.split()
            while len(tokens) > 1 and tokens[-1] in _CORP_SUFFIXES:
                tokens.pop()
            if len(tokens) >= 2 and tokens[0] in _CHINESE_PLACES:
                forms.add(" ".join(tokens[1:]))
            core = " ".join(tokens)
            if core not in _STOP_NAMES and len(core) >= 3:
                forms.add(core)
            initials = "".join(ch for ch in core if ch.isupper())
            if len(initials) >= 2 and initials != core and re.search(rf"(?<![\w]){initials}(?![\w])", self.text):
                forms.add(initials)
        return {f for f in forms if f not in _STOP_NAMES}


def canonical_company(name: str, facts: DocumentFacts) -> str:
    """The entity name a company is known by in `facts` ("BeiGene" -> "BeOne Medicines"), else `name`."""
    wanted = name.strip()
    key = _company_key(wanted)
    for company in facts.companies:
        forms = [company.name, *company.aliases]
        if wanted in forms or key in {_company_key(f) for f in forms}:
            return company.name
    return wanted


# --------------------------------------------------------------------------------------------------
# Deals

_DEAL_VERB = (
    r"(?:sign(?:s|ed|ing)?|forg(?:e|es|ed|ing)|ent(?:er|ers|ered|ering)(?:\s+into)?|ink(?:s|ed|ing)?|"
    r"strik(?:e|es|ing)|struck|seal(?:s|ed|ing)?|clos(?:e|es|ed|ing)|reach(?:es|ed|ing)?|"
    r"announc(?:e|es|ed|ing)|finali[sz](?:e|es|ed|ing)|complet(?:e|es|ed|ing)|form(?:s|ed|ing)?|"
    r"land(?:s|ed|ing)?|agree(?:s|d)?\s+(?:to|on)|secur(?:e|es|ed|ing))"
)
_DEAL_NOUN = r"(?P<noun>deal|agreement|pact|tie-up|partnership|collaboration|alliance|transaction)s?"
_AUX = r"(?:(?:has|have|had|also|recently|just|will|would|formally)\s+)*"
_CLAUSE = r"(?:[^,;:“”]|,(?=\d)){0,100}?"
_SHORT_CLAUSE = r"(?:[^,;:“”.]|[,.](?=\d)){0,40}?"
# "Hallbrook Therapeutics, a Boston-based biotech, entered into ..."
_APPOS = r"(?:,\s+(?:a|an|the)\s+[^,;:“”]{1,60},)?"
_CURRENCY_AHEAD = r"(?=(?:about\s+|up\s+to\s+)?(?:US\$|HK\$|\$|€|£|¥|USD|EUR|RMB|CNY|GBP|CHF|JPY)\s?\d)"

_DEAL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "verb-with",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}{_DEAL_VERB}\s+(?:into\s+)?(?:a|an|the|its|their)\s+(?P<mid>{_CLAUSE})"
            rf"\b{_DEAL_NOUN}\b(?P<tail>(?:\s+{_CLAUSE})??)\s+with\s+{_DESC}(?P<b>{_ORG})"
        ),
    ),
    (
        "joint",
        re.compile(
            rf"(?P<a>{_ORG})\s+and\s+{_DESC}(?P<b>{_ORG})\s+{_AUX}{_DEAL_VERB}\s+(?:into\s+)?(?:a|an)\s+"
            rf"(?P<mid>{_CLAUSE})\b{_DEAL_NOUN}\b"
        ),
    ),
    (
        "acquire",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}(?:(?:has\s+|have\s+)?agreed\s+to\s+|agrees\s+to\s+|is\s+to\s+|"
            r"is\s+set\s+to\s+)?(?P<noun>acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
            rf"tak(?:e|es|ing)\s+over|took\s+over)\s+{_DESC}(?P<b>{_ORG})"
        ),
    ),
    (
        "acquisition-of",
        re.compile(
            rf"(?P<a>{_ORG})(?:['’]s)?\s+(?:{_CLAUSE}\s+)?(?P<noun>acquisition|purchase|takeover|buyout)\s+of\s+"
            rf"{_DESC}(?P<b>{_ORG})"
        ),
    ),
    (
        "license-possessive",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}(?P<noun>in-licen[sc]ed|licen[sc]ed|licen[sc]es|licen[sc]ing|obtained|"
            r"secured|acquired|gained|took|takes)\s+(?:(?:the|exclusive|global|worldwide|ex-China|"
            r"ex-Greater\s+China|regional|commercial|development|and|rights\s+(?:to|for))\s+)*"
            rf"{_DESC}(?P<b>{_ORG})['’]s?(?=\s)"
        ),
    ),
    (
        "license-from",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}(?P<noun>in-licen[sc]ed|licen[sc]ed|obtained|secured|acquired|gained)\s+"
            rf"(?P<mid>{_CLAUSE})\s+from\s+{_DESC}(?P<b>{_ORG})"
        ),
    ),
    (
        "license-to",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}(?P<noun>out-licen[sc]ed|licen[sc]ed)\s+(?P<mid>{_CLAUSE})(?<!rights)"
            rf"\s+to\s+{_DESC}(?P<b>{_ORG})"
        ),
    ),
    (
        "sell-rights",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}(?P<noun>sold|sells|selling|out-licen[sc]ed)\s+(?=[^,;.]*\brights\b)"
            rf"(?P<mid>{_CLAUSE})(?<!rights)\s+to\s+{_DESC}(?P<b>{_ORG})"
        ),
    ),
    (
        "grant",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}granted\s+{_DESC}(?P<b>{_ORG})\s+(?:an?\s+|the\s+)?(?:exclusive\s+|global\s+|"
            r"worldwide\s+)*(?P<noun>licen[cs]e|rights|option)"
        ),
    ),
    (
        "pay",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}(?:(?:has\s+|have\s+)?agreed\s+to\s+|agrees\s+to\s+|will\s+)?"
            rf"(?P<noun>pay|pays|paid)\s+{_DESC}(?P<b>{_ORG})\s+{_CURRENCY_AHEAD}"
        ),
    ),
    (
        "pay-to",
        re.compile(
            rf"(?P<a>{_ORG}){_APPOS}\s+{_AUX}(?:(?:has\s+|have\s+)?agreed\s+to\s+|agrees\s+to\s+|will\s+)?"
            rf"(?P<noun>pay|pays|paid)\s+{_CURRENCY_AHEAD}(?P<mid>{_CLAUSE})\s+to\s+{_DESC}(?P<b>{_ORG})"
        ),
    ),
    (
        "possessive-with",
        re.compile(rf"(?P<a>{_ORG})['’]s?\s+(?P<mid>{_SHORT_CLAUSE})\b{_DEAL_NOUN}\s+with\s+{_DESC}(?P<b>{_ORG})"),
    ),
    (
        "between",
        re.compile(
            r"(?P<noun>deal|agreement|collaboration|partnership|pact|tie-up|alliance|transaction)\s+between\s+"
            rf"{_DESC}(?P<a>{_ORG})\s+and\s+{_DESC}(?P<b>{_ORG})"
        ),
    ),
]
_HEDGED = re.compile(
    r"\b(?:in\s+talks|reportedly|rumou?red|could|may|might|considering|weighing|exploring|would\s+be|"
    r"plans?\s+to|if\s+approved|is\s+said\s+to)\b",
    re.IGNORECASE,
)


@dataclass
class _DealDraft:
    pattern: str
    start: int
    end: int
    parties: list[tuple[str, int, int]]
    noun: tuple[str, int, int] | None
    sentence: Sentence


def _deal_kind(words: str, pattern: str) -> DealKind | None:
    lowered = words.lower()
    if pattern.startswith("acqui") or re.search(r"acqui|purchas|buy|bought|takeover|take over|took over", lowered):
        return "acquisition"
    if "option" in lowered:
        return "option"
    if "licen" in lowered or pattern in {"license-possessive", "license-from", "license-to", "grant", "sell-rights"}:
        return "licensing"
    if re.search(r"collaborat|partnership|alliance|co-develop", lowered):
        return "collaboration"
    if re.search(r"agreement|pact", lowered):
        return "agreement"
    return None


def _matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Like finditer, but a match whose first party is not a name ("The pact follows Ostara's purchase of")
    is retried from the next word, so the real party later in the clause is still found."""
    position = start
    while position < end:
        match = pattern.search(text, position, end)
        if match is None:
            return
        if _clean_org(text, match.start("a"), match.end("a")) is None:
            position = match.start("a") + 1
            continue
        yield match
        position = match.end()


def _find_deal_drafts(text: str, sentence: Sentence) -> list[_DealDraft]:
    drafts: list[_DealDraft] = []
    for name, pattern in _DEAL_PATTERNS:
        for match in _matches(pattern, text, sentence.start, sentence.end):
            if any(d.start <= match.start() < d.end or match.start() <= d.start < match.end() for d in drafts):
                continue
            prefix = text[max(sentence.start, match.start() - 40) : match.start()]
            if _HEDGED.search(prefix + text[match.start() : match.end()]):
                continue
            parties = [_clean_org(text, match.start(g), match.end(g)) for g in ("a", "b")]
            if any(p is None for p in parties):
                continue
            cleaned = [p for p in parties if p is not None]
            if _company_key(cleaned[0][0]) == _company_key(cleaned[1][0]):
                continue
            noun = (
                (match.group("noun"), match.start("noun"), match.end("noun")) if "noun" in pattern.groupindex else None
            )
            start = min(cleaned[0][1], noun[1] if noun and name == "between" else cleaned[0][1])
            drafts.append(_DealDraft(name, start, match.end(), cleaned, noun, sentence))
    drafts.sort(key=lambda d: d.start)
    return drafts


@dataclass
class _MoneyRoles:
    value: Money | None = None
    equivalent: Money | None = None
    upfront: Money | None = None
    milestones: Money | None = None
    other: list[Money] = field(default_factory=list)


def _money_role(text: str, money: Money) -> str:
    after = text[money.end : money.end + 70]
    before = text[max(0, money.start - 40) : money.start]
    if re.match(r"\s*(?:in\s+)?(?:upfront|up-front|up\s+front)\b", after) or re.search(
        r"upfront\s+(?:payment|fee|cash)?\s*(?:of\s+)?(?:up\s+to\s+)?$", before
    ):
        return "upfront"
    if re.match(r"(?:\s+[\w,\-]+){0,6}?\s+milestones?\b", after) or re.search(
        r"milestones?(?:\s+payments?)?\s+(?:of\s+|worth\s+|totall?ing\s+)?(?:up\s+to\s+)?$", before
    ):
        return "milestones"
    if re.search(r"(?:equity|investment|stake|royalt\w*|loan|raised|raise|IPO)\s+(?:of\s+)?$", before):
        return "other"
    if re.match(r"\s*(?:in\s+)?(?:equity|investment|near-term|royalt)", after):
        return "other"
    return "value"


# "RMB 2 billion (about US$280 million)", "¥3.5 billion, or roughly US$490 million"
_CONVERSION = re.compile(
    r"\s*(?:\(|,\s+or|,)\s*(?:about|around|approximately|roughly|some|c\.|~|equivalent\s+to|or)?\s*"
)


def _assign_money(text: str, moneys: list[Money], roles: _MoneyRoles) -> None:
    """Upfront, milestones, a stated conversion, the headline value, or something else (equity, royalties)."""
    previous: Money | None = None
    for money in moneys:
        between = text[previous.end : money.start] if previous else ""
        if (
            previous is not None
            and _CONVERSION.fullmatch(between)
            and roles.equivalent is None
            and previous in (roles.value, roles.upfront, roles.milestones)
        ):
            if previous is roles.value:
                roles.equivalent = money
            else:
                roles.other.append(money)
            previous = money
            continue
        role = _money_role(text, money)
        if role == "upfront" and roles.upfront is None:
            roles.upfront = money
        elif role == "milestones" and roles.milestones is None:
            roles.milestones = money
        elif role == "value" and roles.value is None:
            roles.value = money
        else:
            roles.other.append(money)
        previous = money


_FOLLOW_UP = re.compile(
    r"^(?:The|That|This|Under\s+the|Under\s+its|As\s+part\s+of\s+the|According\s+to\s+the)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:deal|agreement|terms|licen[cs]e|transaction|collaboration|partnership|"
    r"acquisition|company|companies|firm|group|drugmaker|biotech)\b"
)


_NOT_DEAL_YEAR = re.compile(r"\b(?:by|until|till|through|to|and|before|since)\s+$")


def _printed_year(text: str, sentence: Sentence, start: int) -> re.Match[str] | None:
    """The year printed nearest before `start` in the sentence, else the first after it."""
    candidates = [
        m
        for m in _years(text, sentence.start, sentence.end)
        if not _NOT_DEAL_YEAR.search(text[max(0, m.start() - 9) : m.start()])
    ]
    before = [m for m in candidates if m.end() <= start]
    after = [m for m in candidates if m.start() >= start]
    return before[-1] if before else (after[0] if after else None)


def _relative_year(
    text: str, sentence: Sentence, published: Date | None, *, loose: bool = True
) -> tuple[int, Ref] | None:
    """ "last year", "this year", "on Thursday", "in September": a year only the publication date can give.

    `loose` also accepts weeks, weekdays and bare months (right for when a deal was struck); a market
    figure only takes "this year" / "last year".
    """
    if published is None:
        return None
    pattern = _RELATIVE_YEAR if loose else _YEAR_WORDS
    relative = pattern.search(text, sentence.start, sentence.end)
    if relative is not None:
        year = published.year - 1 if relative.group().lower().startswith("last year") else published.year
        return year, Ref(text=relative.group(), start=relative.start(), end=relative.end())
    month = _BARE_MONTH.search(text, sentence.start, sentence.end) if loose else None
    if month is None:
        return None
    number = _MONTH_NAMES.index(month.group("month")) + 1
    year = published.year if number <= published.month else published.year - 1
    return year, Ref(text=month.group("month"), start=month.start("month"), end=month.end("month"))


def _deal_year(
    text: str, sentence: Sentence, start: int, published: Date | None, lead_in: Sentence | None
) -> tuple[int | None, bool, Ref | None]:
    """Printed in the sentence, else in the lead-in of the list the sentence is an item of, else relative."""
    for scope, anchor in ((sentence, start), (lead_in, None)):
        if scope is None:
            continue
        chosen = _printed_year(text, scope, scope.end if anchor is None else anchor)
        if chosen is not None and (
            anchor is not None or len({m.group() for m in _years(text, scope.start, scope.end)}) == 1
        ):
            return (
                int(chosen.group()),
                False,
                Ref(text=chosen.group(), start=chosen.start(), end=chosen.end()),
            )
    relative = _relative_year(text, sentence, published)
    if relative is not None:
        return relative[0], True, relative[1]
    return None, False, None


def _list_lead_in(text: str, sentences: list[Sentence], index: int) -> Sentence | None:
    """For a list item, the sentence ending in ":" that introduces the list ("Four deals stood out ...:")."""
    if not _LIST_ITEM.match(text[text.rfind("\n", 0, sentences[index].start) + 1 : sentences[index].end]):
        return None
    for previous in reversed(sentences[:index]):
        if previous.heading:
            return None
        line = text[text.rfind("\n", 0, previous.start) + 1 : previous.end]
        if _LIST_ITEM.match(line):
            continue
        return previous if text[previous.start : previous.end].rstrip().endswith(":") else None
    return None


def _extract_deals(
    document: Document,
    sentences: list[Sentence],
    mentions: list[Mention],
    companies: _Companies,
) -> tuple[list[Deal], set[int]]:
    """Deals, and the start offsets of the money they used (so those amounts are not also 'figures')."""
    text = document.text
    deals: list[Deal] = []
    used: set[int] = set()
    follow: Deal | None = None
    for index, sentence in enumerate(sentences):
        if sentence.heading:
            follow = None
            continue
        drafts = _find_deal_drafts(text, sentence)
        if not drafts:
            follow = _follow_up(document, sentence, follow, deals, used)
            continue
        lead_in = _list_lead_in(text, sentences, index)
        for position, draft in enumerate(drafts):
            region_end = drafts[position + 1].start if position + 1 < len(drafts) else sentence.end
            region_start = sentence.start if len(drafts) == 1 else draft.start
            region_start, region_end = _own_clauses(text, draft, region_start, region_end)
            deal = _build_deal(document, draft, (region_start, region_end), mentions, len(drafts) == 1, used, lead_in)
            for name, start, end in draft.parties:
                companies.add(name, start, end)
            deals.append(deal)
        follow = deals[-1] if len(drafts) == 1 else None
    return _merge_repeats(deals), used


# ", and in July Huadong Ruikang sold ..." : a clause about another transaction; its amounts are not ours.
_OTHER_TRANSACTION = re.compile(
    r"(?:,\s+(?:and|while|whereas|but)\s+|;\s+)(?=[^,;]*?\b(?:sold|sells|paid|pays|licensed|licenses|signed|signs|"
    r"acquired|acquires|bought|buys|agreed|agrees|inked|inks|struck|strikes|entered|enters|formed|forged|closed|"
    r"completed|sealed)\b)"
)


def _own_clauses(text: str, draft: _DealDraft, start: int, end: int) -> tuple[int, int]:
    """Shrink a deal's region so it stops where a clause about another transaction begins."""
    after = _OTHER_TRANSACTION.search(text, draft.end, end)
    if after is not None:
        end = after.start()
    before = [m for m in _OTHER_TRANSACTION.finditer(text, start, draft.start) if m.end() <= draft.start]
    if before:
        start = before[-1].end()
    return start, end


def _build_deal(
    document: Document,
    draft: _DealDraft,
    region: tuple[int, int],
    mentions: list[Mention],
    alone: bool,
    used: set[int],
    lead_in: Sentence | None,
) -> Deal:
    text = document.text
    region_start, region_end = region
    roles = _MoneyRoles()
    moneys = [m for m in find_money(text, region_start, region_end) if m.start not in used]
    _assign_money(text, moneys, roles)
    for money in moneys:
        used.add(money.start)
    year, inferred, year_ref = _deal_year(text, draft.sentence, draft.start, document.meta.published, lead_in)
    scope = (region_start, region_end) if alone else (draft.start, region_end)
    areas = [m for m in mentions if scope[0] <= m.start and m.end <= scope[1]]
    noun_ref = Ref(text=draft.noun[0], start=draft.noun[1], end=draft.noun[2]) if draft.noun else None
    kind = _deal_kind(text[draft.start : draft.end], draft.pattern)
    if kind is None and re.search(r"\blicen[cs]|\brights\b", text[draft.end : region_end]):
        kind = "licensing"
    return Deal(
        document=document.path,
        parties=[p[0] for p in draft.parties],
        party_mentions=[Ref(text=n, start=s, end=e) for n, s, e in draft.parties],
        value=roles.value,
        value_equivalent=roles.equivalent,
        upfront=roles.upfront,
        milestones=roles.milestones,
        other_amounts=roles.other,
        year=year,
        year_inferred=inferred,
        year_mention=year_ref,
        kind=kind,
        kind_mention=noun_ref,
        therapy_area=next((m.value for m in areas if m.kind == "therapy_area"), None),
        modality=next((m.value for m in areas if m.kind == "modality"), None),
        area_mentions=areas,
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        sentence_start=draft.sentence.start,
        sentence_end=draft.sentence.end,
    )


def _follow_up(
    document: Document,
    sentence: Sentence,
    deal: Deal | None,
    deals: list[Deal],
    used: set[int],
) -> Deal | None:
    """ "Under the terms, Qinghe is eligible for up to EUR 1.45 billion in milestones": the next sentence.

    Only a sentence that directly follows a one-deal sentence and opens by pointing back at it ("The
    deal", "Under the terms") adds amounts (and a year, if the deal has none) to that deal.
    """
    text = document.text
    if deal is None:
        return None
    opening = text[sentence.start : sentence.end]
    if not (_FOLLOW_UP.match(opening) or _party_pays(opening, deal)):
        return None
    moneys = [m for m in find_money(text, sentence.start, sentence.end) if m.start not in used]
    roles = _MoneyRoles(
        value=deal.value, equivalent=deal.value_equivalent, upfront=deal.upfront, milestones=deal.milestones
    )
    _assign_money(text, moneys, roles)
    update: dict[str, object] = {
        "value": roles.value,
        "value_equivalent": roles.equivalent,
        "upfront": roles.upfront,
        "milestones": roles.milestones,
        "other_amounts": [*deal.other_amounts, *roles.other],
    }
    if deal.year is None:
        year, inferred, year_ref = _deal_year(text, sentence, sentence.start, document.meta.published, None)
        update |= {"year": year, "year_inferred": inferred, "year_mention": year_ref}
    for money in moneys:
        used.add(money.start)
    updated = deal.model_copy(update=update)
    deals[deals.index(deal)] = updated
    return updated


def _party_pays(sentence: str, deal: Deal) -> bool:
    """ "Valkenburg will pay $180 million upfront": the next sentence opens with a party paying or receiving."""
    forms: set[str] = set()
    for mention in deal.party_mentions:
        tokens = mention.text.split()
        while len(tokens) > 1 and tokens[-1] in _CORP_SUFFIXES:
            tokens.pop()
        forms |= {mention.text, " ".join(tokens)}
        if len(tokens) > 1 and tokens[0] in _CHINESE_PLACES:
            forms.add(" ".join(tokens[1:]))
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return bool(
        re.match(
            rf"(?:{names})\s+(?:will|would|is\s+to|has\s+agreed\s+to|agreed\s+to|also|is\s+set\s+to)\s+"
            r"(?:also\s+)?(?:pay|receive|get|make)\b",
            sentence,
        )
    )


def _merge_repeats(deals: list[Deal]) -> list[Deal]:
    """A deal named again later ("the deal between A and B") adds only what the first mention lacked."""
    merged: list[Deal] = []
    for deal in deals:
        keys = frozenset(_company_key(p) for p in deal.parties)
        earlier = next(
            (
                d
                for d in merged
                if frozenset(_company_key(p) for p in d.parties) == keys
                and (d.value is None or deal.value is None or d.value.amount == deal.value.amount)
            ),
            None,
        )
        if earlier is None:
            merged.append(deal)
            continue
        update = {
            name: getattr(deal, name)
            for name in (
                "value",
                "value_equivalent",
                "upfront",
                "milestones",
                "kind",
                "therapy_area",
                "modality",
            )
            if getattr(earlier, name) is None and getattr(deal, name) is not None
        }
        if earlier.year is None and deal.year is not None:
            update |= {
                "year": deal.year,
                "year_inferred": deal.year_inferred,
                "year_mention": deal.year_mention,
            }
        merged[merged.index(earlier)] = earlier.model_copy(update=update)
    return merged


# --------------------------------------------------------------------------------------------------
# Market figures

_CLAUSE_BREAK = re.compile(r",\s+|;\s+|\s+[–—]\s+|:\s+|\s+\(|\)\s*")


def _clause(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas, semicolons, dashes) around a span; the sentence if that is too short."""
    lo, hi = sentence.start, sentence.end
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if match.end() <= start:
            lo = match.end()
        elif match.start() >= end:
            hi = match.start()
            break
    if len(text[lo:hi].split()) < 4:
        lo, hi = sentence.start, sentence.end
    while hi > lo and text[hi - 1] in ".!?,;: ":
        hi -= 1
    return lo, hi


_PERIOD = re.compile(
    r"(?:between\s+|from\s+)(?P<a>(?:19|20)\d{2})\s*(?:and|to|–|-|—)\s*(?P<b>(?:19|20)?\d{2})\b|"
    r"(?P<c>(?:19|20)\d{2})\s*[–—]\s*(?P<d>(?:19|20)?\d{2})\b"
)


@dataclass(frozen=True)
class _FigureYear:
    year: int | None = None
    year_end: int | None = None
    inferred: bool = False
    mention: Ref | None = None


def _figure_year(text: str, sentence: Sentence, clause: tuple[int, int], published: Date | None) -> _FigureYear:
    """The period or year of the figure's clause; else the sentence's only year; else "this year"."""
    for scope in (clause, (sentence.start, sentence.end)):
        period = _PERIOD.search(text, *scope)
        if period:
            first = int(period.group("a") or period.group("c"))
            last = period.group("b") or period.group("d")
            second = int(last) if len(last) == 4 else (first // 100) * 100 + int(last)
            return _FigureYear(first, second, False, Ref(text=period.group(), start=period.start(), end=period.end()))
        if scope == clause:
            relative = _relative_year(text, Sentence(clause[0], clause[1], sentence.paragraph), published, loose=False)
            if relative is not None:
                return _FigureYear(relative[0], None, True, relative[1])
        years = _years(text, *scope)
        if len({m.group() for m in years}) == 1:
            m = years[0]
            return _FigureYear(int(m.group()), None, False, Ref(text=m.group(), start=m.start(), end=m.end()))
        if years:
            return _FigureYear()
    return _FigureYear()


def _figure(
    document: Document,
    sentence: Sentence,
    span: tuple[int, int],
    value: float,
    unit: str,
    bound: str | None = None,
    threshold: Money | None = None,
) -> MarketFigure:
    text = document.text
    start, end = span
    lo, hi = _clause(text, sentence, start, end)
    year = _figure_year(text, sentence, (lo, hi), document.meta.published)
    return MarketFigure(
        document=document.path,
        value=value,
        unit=unit,
        text=text[start:end],
        start=start,
        end=end,
        bound=bound,
        threshold=threshold,
        description=text[lo:hi],
        description_start=lo,
        description_end=hi,
        year=year.year,
        year_end=year.year_end,
        year_inferred=year.inferred,
        year_mention=year.mention,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
    )


# "deals worth more than $50m", "deals above $1bn": a threshold that qualifies other numbers.
_THRESHOLD_BEFORE = re.compile(
    r"(?:deals?|transactions?|agreements?|licen[cs]es|assets?|programmes?|upfronts?|payments?)\s+"
    r"(?:(?:worth|valued\s+at|with|of|carrying)\s+)?(?:more\s+than|over|above|at\s+least|in\s+excess\s+of|"
    r"exceeding|upwards\s+of|below|under|less\s+than)\s+$"
)
_COUNT_THRESHOLD = re.compile(
    r"\s+(?:worth|valued\s+at|of|with|carrying|with\s+values?\s+of)\s+(?:over|more\s+than|above|at\s+least|"
    r"in\s+excess\s+of|exceeding|upwards\s+of)?\s*"
)


def _bound(text: str, start: int) -> str | None:
    match = _BOUND_BEFORE.search(text[max(0, start - 24) : start])
    return re.sub(r"\s+", " ", match.group("bound").lower()) if match else None


def _count_figures(
    document: Document, sentence: Sentence, moneys: list[Money], consumed: set[int]
) -> list[MarketFigure]:
    """ "20 transactions worth over $500m": a count of deal-like things, with its threshold if any."""
    text = document.text
    figures: list[MarketFigure] = []
    for match in _COUNT.finditer(text, sentence.start, sentence.end):
        number = _parse_number(match.group("num"))
        if 1900 <= number <= 2100 or any(m.start <= match.start() < m.end for m in moneys):
            continue
        if re.search(r"\b(?:top|Top|the\s+first|Phase)\s+$", text[max(0, match.start() - 12) : match.start()]):
            continue
        threshold = next(
            (m for m in moneys if m.start > match.end() and _COUNT_THRESHOLD.fullmatch(text[match.end() : m.start])),
            None,
        )
        if threshold is not None:
            consumed.add(threshold.start)
        figures.append(
            _figure(
                document, sentence, (match.start(), match.end()), number, "count", _bound(text, match.start()),
                threshold,
            )
        )  # fmt: skip
    return figures


def _extract_figures(document: Document, sentences: list[Sentence], used: set[int]) -> list[MarketFigure]:
    text = document.text
    figures: list[MarketFigure] = []
    for sentence in sentences:
        if sentence.heading:
            continue
        moneys = find_money(text, sentence.start, sentence.end)
        consumed = set(used)
        figures.extend(_count_figures(document, sentence, moneys, consumed))
        for money in moneys:
            if money.start in consumed or _THRESHOLD_BEFORE.search(text[max(0, money.start - 60) : money.start]):
                continue
            figures.append(
                _figure(document, sentence, (money.start, money.end), money.amount, money.currency, money.bound)
            )
        for match in _PERCENT.finditer(text, sentence.start, sentence.end):
            value = _parse_number(match.group("num"))
            span = (match.start(), match.end())
            figures.append(_figure(document, sentence, span, value, "percent", _bound(text, match.start())))
    figures.sort(key=lambda f: f.start)
    return figures


# --------------------------------------------------------------------------------------------------
# People

_PERSON_PATTERNS: list[re.Pattern[str]] = [
    # "Josh Smiley, president and COO of US-China biopharma Zai Labs"
    re.compile(
        rf"{_PNAME},\s+(?:the\s+|a\s+|an\s+)?(?P<role>[^,;:“”()]{{2,80}})\s+(?:of|at|with)\s+{_DESC}(?P<org>{_ORG})"
    ),
    # "analyst Grace Ho of Pinecrest Securities"
    re.compile(
        r"(?<![\w-])(?P<role>(?:[a-z][a-z&\-]*\s+){0,2}(?:analyst|partner|economist|strategist|professor|"
        rf"researcher|investor|consultant)|Professor|Prof\.?)\s+{_PNAME}\s+(?:of|at|from)\s+{_DESC}(?P<org>{_ORG})"
    ),
    # "Jeffries Asia healthcare head Cui Cui", "Baylight CEO Mark Ellison"
    re.compile(
        rf"(?P<org>{_ORG})(?:['’]s)?\s+(?P<role>(?:(?:[a-z][a-z&\-]*|R&D|BD)\s+){{0,3}}?"
        r"(?:chief\s+(?:executive|business|scientific|medical|financial|operating|commercial|strategy)"
        r"(?:\s+officer)?|head(?:\s+of\s+(?:[a-z][\w&\-]*|R&D|BD)(?:\s+(?:[a-z&][\w&\-]*|R&D))?)?|"
        r"president|founder|co-founder|chairman|chairwoman|chair|director|analyst|partner|CEO|COO|CFO|CSO|"
        rf"CMO|CBO|CTO|vice\s+president|VP|SVP|EVP|general\s+manager))\s+{_PNAME}"
    ),
    # "Erik Sandberg, Norrvik’s head of research,"
    re.compile(rf"{_PNAME},\s+(?:the\s+)?(?P<org>{_ORG})['’]s?\s+(?P<role>[^,;:“”()]{{2,60}}?)(?=,|\s+(?:said|says))"),
    # "Norrvik’s head of research, Erik Sandberg,"
    re.compile(rf"(?P<org>{_ORG})['’]s\s+(?P<role>[^,;:“”()]{{2,60}}?),\s+{_PNAME}(?=,|\s+(?:said|says))"),
]
_BARE_SPEAKER = re.compile(
    rf"{_PNAME}\s+(?:also\s+)?(?:said|says|told|added|adds|noted|notes|believes|predicts|expects|argues)\b|"
    rf"(?:said|says|added)\s+{_PNAME.replace('pname', 'pname2')}\b"
)


@dataclass
class _PersonDraft:
    name: str
    start: int
    end: int
    sentence: Sentence
    role: tuple[str, int, int] | None = None
    org: tuple[str, int, int] | None = None


def _is_person_name(name: str, company_keys: set[str]) -> bool:
    tokens = name.split()
    if any(t in _LEADING_STOP or t in _STOP_NAMES or t in _CORP_SUFFIXES for t in tokens):
        return False
    if any(t in _CHINESE_PLACES for t in tokens[:1]):
        return False
    lowered = name.lower()
    return not any(lowered == k or lowered.startswith(k + " ") or k.startswith(lowered) for k in company_keys)


def _role_org(text: str, match: re.Match[str]) -> tuple[tuple[str, int, int] | None, tuple[str, int, int] | None]:
    """Role and organisation spans; region words ("Asia") move from the organisation into the role."""
    role_s, role_e = match.start("role"), match.end("role")
    org = _clean_org(text, match.start("org"), match.end("org"))
    if org is not None:
        name, org_s, org_e = org
        tokens = name.split()
        while len(tokens) > 1 and tokens[-1] in _REGION_WORDS and org_e <= role_s:
            tokens.pop()
            org_e = org_s + len(" ".join(tokens))
            role_s = org_e + 1
        org = (text[org_s:org_e], org_s, org_e)
    role_text = text[role_s:role_e].strip()
    if not _ROLE_WORD.search(role_text):
        return None, org
    return (role_text, role_s, role_s + len(role_text)), org


def _find_people(text: str, sentences: list[Sentence], company_keys: set[str]) -> list[_PersonDraft]:
    drafts: dict[str, _PersonDraft] = {}
    for sentence in sentences:
        if sentence.heading:
            continue
        for pattern in _PERSON_PATTERNS:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                name = match.group("pname")
                if not _is_person_name(name, company_keys):
                    continue
                role, org = _role_org(text, match)
                if role is None:
                    continue
                current = drafts.get(name)
                if current is None or current.role is None:
                    drafts[name] = _PersonDraft(name, match.start("pname"), match.end("pname"), sentence, role, org)
        for match in _BARE_SPEAKER.finditer(text, sentence.start, sentence.end):
            group = "pname" if match.group("pname") else "pname2"
            name = match.group(group)
            if name not in drafts and _is_person_name(name, company_keys):
                drafts[name] = _PersonDraft(name, match.start(group), match.end(group), sentence)
    return sorted(drafts.values(), key=lambda d: d.start)


def _aliases(text: str, drafts: list[_PersonDraft], company_keys: set[str]) -> dict[str, list[str]]:
    """Single names ("Smiley", "Cui") the article uses on their own, when they point to one person only."""
    owners: dict[str, set[str]] = {}
    for draft in drafts:
        tokens = draft.name.split()
        for token in {tokens[0], tokens[-1]}:
            if token.lower() in company_keys or token in _STOP_NAMES:
                continue
            alone = re.compile(rf"(?<![\w’'-]){re.escape(token)}(?![\w-])(?!\s[A-Z][a-z])")
            uses = [
                m
                for m in alone.finditer(text)
                if not (m.start() > 0 and re.search(r"[A-Z][a-z]+\s$", text[max(0, m.start() - 20) : m.start()])
                        and text[max(0, m.start() - 20) : m.start()].rstrip().split()[-1] in tokens)
            ]  # fmt: skip
            if uses:
                owners.setdefault(token, set()).add(draft.name)
    aliases: dict[str, list[str]] = {d.name: [] for d in drafts}
    for token, names in owners.items():
        if len(names) == 1:
            aliases[next(iter(names))].append(token)
    return aliases


def _name_pattern(forms: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(set(forms), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])")


# --------------------------------------------------------------------------------------------------
# Views

_REPORTING = (
    r"said|says|say|notes|noted|noting|believes|believed|predicts|predicted|forecasts|forecast|forecasted|"
    r"expects|expected|concludes|concluded|argues|argued|adds|added|highlights|highlighted|mentions|"
    r"mentioned|explains|explained|expressed|expresses|echoed|echoes|mirrors|mirrored|warns|warned|told|"
    r"tells|thinks|thought|stated|states|suggests|suggested|points\s+out|pointed\s+out|emphasi[sz]ed|"
    r"emphasi[sz]es|stresses|stressed|acknowledged|acknowledges|cautioned|cautions|maintains|maintained|"
    r"insists|insisted|sees|saw|called|calls|described|describes|agreed|agrees|disagrees|reckons|"
    r"observed|observes|admitted|admits|claims|claimed|contends|contended|dismissed|dismisses|shares|"
    r"shared|reiterated|reiterates|estimates|estimated|remains\s+confident|is\s+confident|is\s+optimistic|remains\s+optimistic"
)
_QUOTE_VERB = (
    r"says|said|adds|added|states|stated|notes|noted|explains|explained|continues|continued|argues|argued|"
    r"insists|insisted|warns|warned|concludes|concluded|tells|told|remarks|remarked|comments|commented"
)
_PREPOSITIONS = set(
    [
        "with",
        "to",
        "by",
        "from",
        "for",
        "than",
        "like",
        "as",
        "about",
        "of",
        "on",
        "at",
        "and",
        "or",
        "such",
        "between",
        "among",
    ]
)
_ACRONYM = re.compile(r"\b[A-Z]{3,}s?\b(?!-\d)")
_NOT_TOPICS = {"CEO", "COO", "CFO", "CSO", "CMO", "CBO", "CTO", "USD", "EUR", "RMB"}


@dataclass
class _Quote:
    open: int
    content_start: int
    content_end: int
    close: int
    paragraph: int


# “double curly”, "straight", or ‘single curly’ (where ’ before a letter is an apostrophe, not a close).
_QUOTE_MARKS = re.compile(r"“(?P<q>[^”]*?)(?:”|$)|\"(?P<s>[^\"\n]*?)(?:\"|$)|‘(?P<b>(?:[^’\n]|’(?=[A-Za-z]))*)(?:’|$)")


def _quotes(text: str, sentences: list[Sentence]) -> list[_Quote]:
    """Curly-quoted passages; an unclosed quote runs to the end of its paragraph."""
    paragraphs: dict[int, tuple[int, int]] = {}
    for s in sentences:
        lo, hi = paragraphs.get(s.paragraph, (s.start, s.end))
        paragraphs[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    quotes: list[_Quote] = []
    for index, (lo, hi) in sorted(paragraphs.items()):
        for match in _QUOTE_MARKS.finditer(text[lo:hi]):
            group = next(g for g in ("q", "s", "b") if match.group(g) is not None)
            cs, ce = lo + match.start(group), lo + match.end(group)
            while ce > cs and text[ce - 1] in " ,":
                ce -= 1
            quotes.append(_Quote(lo + match.start(), cs, ce, lo + match.end(), index))
    return quotes


@dataclass
class _Speaker:
    """Who is speaking at a point of the text, before pronouns are resolved."""

    form: str
    start: int
    end: int
    sentence_index: int


class _Resolver:
    """Tracks who was mentioned last and their gender, to resolve "she states" to a person."""

    def __init__(self, person_of: dict[str, str], gender: dict[str, str]) -> None:
        self.person_of = person_of
        self.gender = gender
        self.recent: list[tuple[str, int]] = []
        self.last_subject: str | None = None

    def note_mentions(self, people: list[str], sentence_index: int) -> None:
        for person in people:
            self.recent.append((person, sentence_index))

    def resolve(self, form: str, sentence_index: int) -> str | None:
        if form in self.person_of:
            return self.person_of[form]
        wanted = "female" if form.lower() == "she" else "male" if form.lower() == "he" else None
        if wanted is None:
            return None
        window = [p for p, i in reversed(self.recent) if sentence_index - i <= 4]
        window = list(dict.fromkeys(window))
        known = [p for p in window if self.gender.get(p) == wanted]
        if len(known) == 1:
            return known[0]
        compatible = [p for p in window if self.gender.get(p) in (None, wanted)]
        if self.last_subject in compatible:
            chosen = self.last_subject
        elif compatible:
            chosen = compatible[0]
        else:
            return None
        if chosen is not None and chosen not in self.gender:
            self.gender[chosen] = wanted
        return chosen


def _gender_evidence(
    text: str, sentences: list[Sentence], names: re.Pattern[str], person_of: dict[str, str]
) -> dict[str, str]:
    """He/she in a sentence that names exactly one person (outside quotes) tells that person's gender."""
    gender: dict[str, str] = {}
    conflicted: set[str] = set()
    for sentence in sentences:
        body = re.sub(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", " ", text[sentence.start : sentence.end])
        people = {person_of[m.group()] for m in names.finditer(body)}
        if len(people) != 1:
            continue
        male = bool(re.search(r"\b(?:he|him|his|himself)\b", body, re.IGNORECASE))
        female = bool(re.search(r"\b(?:she|her|hers|herself)\b", body, re.IGNORECASE))
        if male == female:
            continue
        person = next(iter(people))
        found = "male" if male else "female"
        if gender.get(person, found) != found:
            conflicted.add(person)
        gender[person] = found
    return {p: g for p, g in gender.items() if p not in conflicted}


def _topics(text: str, start: int, end: int, mentions: list[Mention]) -> list[str]:
    values = [m.value for m in mentions if start <= m.start and m.end <= end]
    acronyms = [a.rstrip("s") if a.endswith("s") and a[:-1].isupper() else a for a in _ACRONYM.findall(text[start:end])]
    return list(dict.fromkeys([*values, *(a for a in acronyms if a not in _NOT_TOPICS)]))


def _sentence_index(sentences: list[Sentence], offset: int) -> int:
    for i, s in enumerate(sentences):
        if s.start <= offset < s.end or offset < s.start:
            return i
    return len(sentences) - 1


def _quote_attributions(
    text: str, quotes: list[_Quote], sentences: list[Sentence], speaker_alt: str
) -> list[tuple[_Quote, _Speaker | None, tuple[int, int] | None]]:
    """(quote, explicit speaker or None for a continuation, span of the attributing verb).

    A quotation is someone's when the words right after it say so (“...,” Yang says / said Anna
    Lindqvist / Varenthal's chief business officer, Helene Brandt, told ...), or when the clause right
    before it ends in a colon with a person as its subject (Smiley said: / Brandt was blunt:). A
    quotation that opens a sentence right after an attributed one (same or next paragraph) continues it.
    """
    after_re = re.compile(
        rf"(?:[^“”‘\".!?\n]|\b(?:Dr|Mr|Ms|Mrs|Prof)\.){{0,80}}?(?<![\w’'-])(?P<who>{speaker_alt})(?![\w-])(?:,[^“”‘\".!?\n]{{0,120}}?,)?,?\s+(?:also\s+)?"
        rf"(?P<v1>{_QUOTE_VERB})\b|[ \t]*(?P<v2>{_QUOTE_VERB})\s+(?P<who2>{speaker_alt})(?![\w-])"
    )
    before_re = re.compile(rf"(?<![\w’'-])(?P<who>{speaker_alt})(?![\w-])(?P<v>[^“”\".!?;:]{{0,80}}?)\s*[:,]\s*$")
    found: list[tuple[_Quote, _Speaker | None, tuple[int, int] | None]] = []
    previous: _Quote | None = None
    for quote in quotes:
        if len(text[quote.content_start : quote.content_end].split()) < 4:
            continue
        sentence_start = max((s.start for s in sentences if s.start <= quote.open), default=quote.open)
        after = after_re.match(text, quote.close) if text[quote.close - 1] in '”"’' else None
        if after and _sentence_index(sentences, after.end()) != _sentence_index(sentences, quote.close - 1):
            after = None
        before = before_re.search(text, sentence_start, quote.open)
        if before and not re.search(rf"\b(?:{_QUOTE_VERB}|was|is|wrote|writes)\b", before.group("v") + " "):
            before = None
        if after:
            who, verb = ("who", "v1") if after.group("who") else ("who2", "v2")
        elif before:
            who, verb = "who", "v"
        else:
            if previous is not None and _continues(text, previous, quote, sentence_start):
                found.append((quote, None, None))
                previous = quote
            continue
        match = after or before
        assert match is not None
        idx = _sentence_index(sentences, match.start(who))
        speaker = _Speaker(match.group(who), match.start(who), match.end(who), idx)
        found.append((quote, speaker, (match.start(verb), match.end(verb))))
        previous = quote
    return found


def _continues(text: str, previous: _Quote, quote: _Quote, sentence_start: int) -> bool:
    """A quotation opening a sentence right after the previous one, in its paragraph or the next."""
    if text[sentence_start : quote.open].strip():
        return False
    if quote.paragraph == previous.paragraph + 1:
        return True
    if quote.paragraph != previous.paragraph:
        return False
    between = text[previous.close : quote.open]
    return "“" not in between and len(between) < 120


def _extract_views(
    text: str,
    sentences: list[Sentence],
    people: list[Person],
    mentions: list[Mention],
) -> list[View]:
    person_of = {form: p.name for p in people for form in (p.name, *p.aliases)}
    names = _name_pattern(person_of)
    if names is None:
        return []
    speaker_alt = names.pattern + r"|[Hh]e|[Ss]he"
    body = [s for s in sentences if not s.heading]
    gender = _gender_evidence(text, body, names, person_of)
    resolver = _Resolver(person_of, gender)
    quotes = _quotes(text, body)
    attributions = _quote_attributions(text, quotes, body, speaker_alt)
    verbs_used = [v for _, _, v in attributions if v is not None]
    inside_quotes = [(q.open, q.close) for q in quotes]
    reported = re.compile(
        rf"(?<![\w’'-])(?P<who>{speaker_alt})(?![\w-])(?P<app>,[^“”\"]{{0,160}}?,|\s+(?:of|at|from)\s+{_ORG})?,?\s+"
        rf"(?:also\s+|further\s+|similarly\s+|has\s+|had\s+)?(?P<verb>{_REPORTING})\b"
    )
    according = re.compile(rf"(?:^|,\s+|\b)[Aa]ccording\s+to\s+(?P<who>{names.pattern})\s*,")
    pending = sorted(attributions, key=lambda a: a[0].open)
    views: list[View] = []
    last_quote: tuple[str, Ref] | None = None
    for index, sentence in enumerate(body):
        events = _quote_events(sentence, pending)
        for pattern in (according, reported):
            for match in pattern.finditer(text, sentence.start, sentence.end):
                if _inside(match.start("who"), inside_quotes):
                    continue
                if pattern is reported and not _is_reported_subject(
                    text, sentence, match, inside_quotes, verbs_used, people
                ):
                    continue
                who = _Speaker(match.group("who"), match.start("who"), match.end("who"), index)
                events.append(_Event(match.start("who"), "reported", who, None))
        events.sort(key=lambda e: e.anchor)
        seen_reported = False
        for event in events:
            if event.kind == "reported" and seen_reported:
                continue  # one reported view per sentence: "According to X, ... X said" is one view
            if event.speaker is None:
                person, speaker_ref = last_quote if last_quote else (None, None)
            else:
                person = resolver.resolve(event.speaker.form, index)
                speaker_ref = Ref(text=event.speaker.form, start=event.speaker.start, end=event.speaker.end)
            if person is None or speaker_ref is None:
                continue
            views.append(_view(text, body, person, speaker_ref, sentence, event.quote, mentions))
            resolver.last_subject = person
            if event.quote is not None:
                last_quote = (person, speaker_ref)
            else:
                seen_reported = True
        mentioned = [person_of[m.group()] for m in names.finditer(text, sentence.start, sentence.end)]
        resolver.note_mentions(mentioned, index)
        if mentioned and not events:
            resolver.last_subject = mentioned[0]
    views.sort(key=lambda v: v.start)
    return views


@dataclass(frozen=True)
class _Event:
    """Something attributed in a sentence: a quote (with its speaker, or None if it continues) or a report."""

    anchor: int
    kind: Literal["quote", "reported"]
    speaker: _Speaker | None
    quote: _Quote | None


def _quote_events(
    sentence: Sentence, pending: list[tuple[_Quote, _Speaker | None, tuple[int, int] | None]]
) -> list[_Event]:
    """Quotes whose attribution (or, for a continuation, whose opening mark) is in this sentence."""
    events: list[_Event] = []
    for quote, speaker, _verb in pending:
        anchor = speaker.start if speaker else quote.open
        if sentence.start <= anchor < sentence.end:
            events.append(_Event(anchor, "quote", speaker, quote))
    return events


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(lo < offset < hi for lo, hi in spans)


def _is_reported_subject(
    text: str,
    sentence: Sentence,
    match: re.Match[str],
    inside_quotes: list[tuple[int, int]],
    verbs_used: list[tuple[int, int]],
    people: list[Person],
) -> bool:
    """The name (or he/she) is the subject of the reporting verb, outside any quotation."""
    who_start = match.start("who")
    verb = (match.start("verb"), match.end("verb"))
    if _inside(who_start, inside_quotes) or any(lo <= verb[0] < hi for lo, hi in verbs_used):
        return False
    if match.group("app") and re.search(rf"\b(?:{_REPORTING})\b", match.group("app")):
        return False
    if match.group("who") in {"he", "she"} and who_start != sentence.start:
        before = text[sentence.start : who_start].rstrip()
        if not before.endswith(","):
            return False
    intro_start = who_start
    for person in people:
        if person.start == who_start and person.role_mention and person.organisation_mention:
            intro_start = min(intro_start, person.role_mention.start, person.organisation_mention.start)
    prefix = text[sentence.start : intro_start].strip()
    if not prefix:
        return True
    if prefix.endswith((",", ":", ";")):
        return True
    last_word = prefix.split()[-1].lower()
    return last_word not in _PREPOSITIONS | {"that", "which", "who", "whom", "whose", "told", "asked", "said"}


def _view(
    text: str,
    sentences: list[Sentence],
    person: str,
    speaker: Ref,
    sentence: Sentence,
    quote: _Quote | None,
    mentions: list[Mention],
) -> View:
    if quote is not None:
        start, end = quote.content_start, quote.content_end
        covering = [s for s in sentences if s.end > quote.open and s.start < max(quote.close, speaker.end)]
        s_start = min(s.start for s in covering) if covering else sentence.start
        s_end = max(s.end for s in covering) if covering else sentence.end
    else:
        start, end, s_start, s_end = sentence.start, sentence.end, sentence.start, sentence.end
    return View(
        person=person,
        kind="quote" if quote is not None else "reported",
        text=text[start:end],
        start=start,
        end=end,
        speaker=speaker,
        topics=_topics(text, s_start, s_end, mentions),
        sentence_start=s_start,
        sentence_end=s_end,
    )


# --------------------------------------------------------------------------------------------------
# Putting it together


def _people(text: str, sentences: list[Sentence], companies: _Companies, canonical: dict[str, str]) -> list[Person]:
    company_keys = {_company_key(n) for n, _, _ in companies.surface}
    company_keys |= {k for n, _, _ in companies.surface if (k := _short_key(n))}
    drafts = _find_people(text, sentences, company_keys)
    aliases = _aliases(text, drafts, company_keys)
    people: list[Person] = []
    for draft in drafts:
        forms = [draft.name, *aliases[draft.name]]
        pattern = _name_pattern(forms)
        mentions = (
            [Ref(text=m.group(), start=m.start(), end=m.end()) for m in pattern.finditer(text)] if pattern else []
        )
        org_name = canonical.get(draft.org[0], draft.org[0]) if draft.org else None
        people.append(
            Person(
                name=draft.name,
                aliases=aliases[draft.name],
                role=draft.role[0] if draft.role else None,
                role_mention=Ref(text=draft.role[0], start=draft.role[1], end=draft.role[2]) if draft.role else None,
                organisation=org_name,
                organisation_mention=(
                    Ref(text=draft.org[0], start=draft.org[1], end=draft.org[2]) if draft.org else None
                ),
                text=draft.name,
                start=draft.start,
                end=draft.end,
                sentence_start=draft.sentence.start,
                sentence_end=draft.sentence.end,
                mentions=mentions,
            )
        )
    return people


def _canonical_map(companies: list[Company]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for company in companies:
        for form in (company.name, *company.aliases):
            mapping[form] = company.name
    return mapping


def extract_facts(document: Document) -> DocumentFacts:
    """Deals, figures, people, views, companies and modality/therapy mentions of one document."""
    text = document.text
    sentences = split_sentences(document)
    mentions = find_mentions(text)
    companies = _Companies(text)
    for match in _ALIAS_PATTERN.finditer(text):
        companies.add_rename(match)
    for found in (*_suffix_companies(text), *_listed_companies(text)):
        companies.add(*found)
    deals, used = _extract_deals(document, sentences, mentions, companies)
    figures = _extract_figures(document, sentences, used)
    people = _people(text, sentences, companies, {})
    for person in people:
        if person.organisation_mention is not None:
            org = person.organisation_mention
            companies.add(org.text, org.start, org.end)
    company_list = companies.build({p.name for p in people} | {a for p in people for a in p.aliases})
    canonical = _canonical_map(company_list)
    people = [
        p.model_copy(update={"organisation": canonical.get(p.organisation, p.organisation)}) if p.organisation else p
        for p in people
    ]
    deals = [d.model_copy(update={"parties": [canonical.get(n, n) for n in d.parties]}) for d in deals]
    views = _extract_views(text, sentences, people, mentions)
    return DocumentFacts(
        document=document.path,
        deals=deals,
        figures=figures,
        people=people,
        views=views,
        companies=company_list,
        mentions=mentions,
    )
