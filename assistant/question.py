"""What a question asks for, read by rules: its own words, the names in it, the thing it asks about
(its focus: "what *revenue*", "which *platform*", "how many *senators*") and the kind of answer it
expects (an amount of money, a count, a date, a share, a name).

An extractive answer can only be trusted when the evidence contains what the question asks for; these
are the pieces `answer.py` checks.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .fact_questions import NUMBER_OF, NUMBER_TREND
from .lexicon import CHAT_WORDS, CHAT_WORDS_MEANING
from .retrieval import STOPWORDS, query_terms

_AUX = frozenset(
    """is was are were be been do does did has have had will would can could should may might must 's""".split()
    # "Which molecule wasn't Zenas licensing...?": the negative ends the noun phrase as well.
    + [
        f"{aux}n{apostrophe}t"
        for aux in "is was are were do does did has have had would could should".split()
        for apostrophe in "'’"
    ]
    + ["won't", "won’t", "can't", "can’t"]
)
_PREPOSITIONS = frozenset(
    """of on in for with from about to by at as over under between into across than since during after
    before per vs versus near according""".split()
)
_GENERIC_CAPITALISED = frozenset(
    """american americans chinese western westerners european europeans asian asians us u.s. usa uk china
    english i what which who whom whose when where why how is are was were do does did has have can
    could should will would and or but the a an in on of for to according
    fact right correct confirm verify check draft pls please true mr mrs ms dr prof""".split()
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
MONEY = re.compile(
    r"\b(?:multi-)?(?:billion|million)[- ]dollar\b"
    r"|(?:[$€£¥]|\b(?:US\$|USD|EUR|RMB|CNY|GBP|JPY)\s?)\s?\d[\d,.]*"
    r"|\b\d[\d,.]*\s?(?:bn|m|mn|billion|million|trillion)\b",
    re.IGNORECASE,
)
PERCENT = re.compile(r"\d[\d.,]*\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b|\b(?:19|20)\d\d\b", re.IGNORECASE)
DAY = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b", re.IGNORECASE)
"""A day of a month ("11 December", "Dec 11"): what "on what date" asks for."""
PRODUCT = re.compile(
    r"\b[a-z]{3,}(?:mab|nib|tinib|ciclib|parib|lisib|tide|cept|stat|vir|mig|tug|ximab|zumab|umab)\b"
    r"|\b[A-Z]{2,5}-?\d{2,5}[A-Za-z]?\b|\b[A-Z][a-z]+\s*\([a-z]+(?:mab|nib|tinib|ciclib|parib|lisib|tide|cept)\)",
)
"""A drug: an international non-proprietary name ("zanubrutinib"), a code ("SKB264", "HRS-1167"), or a brand
with its INN in brackets ("Brukinsa (zanubrutinib)")."""
PHASE = re.compile(
    r"\b(?:phase|stage)\s*(?:[0-4]|i{1,3}|iv)(?:[ab]|/(?:[0-4]|i{1,3}))?\b|\bpre-?clinical\b|\bIND-enabling\b"
    r"|\b(?:early|mid|late)[- ]stage\b|\bclinical[- ]stage\b",
    re.IGNORECASE,
)
"""A development stage ("Phase II", "preclinical", "late-stage"): what "what phase" asks for."""
INDICATION = re.compile(
    r"\b(?:(?:lung|breast|gastric|stomach|liver|hepatocellular|colorectal|bowel|prostate|pancreatic|ovarian|cervical"
    r"|bladder|kidney|renal|thyroid|skin|brain|oesophageal|esophageal|blood|head\s+and\s+neck)\s+(?:cancers?|tumou?rs?)"
    r"|leuk(?:a)?emias?|lymphomas?|myelomas?|melanomas?|carcinomas?|sarcomas?|glioblastomas?|gliomas?|solid\s+tumou?rs?"
    r"|haematologic(?:al)?\s+(?:cancers?|malignanc(?:y|ies))|hematologic(?:al)?\s+(?:cancers?|malignanc(?:y|ies))"
    r"|B-cell\s+malignanc(?:y|ies)|NSCLC|SCLC|CLL|AML|DLBCL|HCC)\b",
    re.IGNORECASE,
)
"""A particular cancer ("non-small cell lung cancer", "lymphoma"): what "which cancers" asks for; "oncology"
does not answer it."""
PLACE = re.compile(
    r"\b(?:China|US|USA|United States|America|Europe|EU|UK|Britain|Japan|Korea|India|Germany|Switzerland|"
    r"Canada|Australia|Singapore|Taiwan|Hong Kong|Beijing|Shanghai|Suzhou|Hangzhou|Shenzhen|Boston|"
    r"San Francisco|New York|London|Basel|Washington)\b"
)
"""A country or a city: what "where did they work / start / launch" asks for."""
_ASKS_PLACE = re.compile(
    r"^\s*(?:and\s+|so\s+)?where\s+(?:did|does|do|was|is|were|are|has|had)\b.*\b(?:work\w*|based|headquartered|"
    r"located|born|stud(?:y|ied|ying)|liv(?:e|ed|ing)|found\w*|start\w*|roots?|launch\w*|come|came|from|originat\w*)\b"
    # "Where Dajun Yang was working before...?": the subject before the verb, as some write it
    r"|^\s*(?:and\s+|so\s+)?where\s+(?:[A-Z][\w-]*\s+){1,3}(?:was|is|were|did)\s+(?:work\w*|based|born|liv\w*|stud\w*)\b",
    re.IGNORECASE,
)
DURATION = re.compile(
    r"\b(?:\d[\d,.]*|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)[\s-]+"
    r"(?:days?|weeks?|months?|years?|hours?|quarters?)\b",
    re.IGNORECASE,
)
"""A stretch of time ("60 days", "three years"): what "how long" asks for."""
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    "|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|dozen|dozens|several"
)
"""Words that give a count ("many Chinese companies" does not say how many)."""
_COUNT = re.compile(rf"\b\d[\d,]*\b|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE)
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)(?<![“\"‘])\b[A-Z][\w’'&-]*[A-Za-z]")
_NAMES = re.compile(_NAME.pattern + r"(?:\s+[A-Z][\w’'&-]*[A-Za-z])*")
"""A name of one or more capitalised words ("BeOne Medicines", "Argo Biopharmaceutical")."""
_OPENING_NAME = re.compile(r"[“\"‘]?([A-Z][\w’'&-]*[A-Za-z](?:\s+[A-Z][\w’'&-]*[A-Za-z])*)")


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """General-English word frequencies on the Zipf scale, from wordfreq's "small" English list.

    Read straight from the package's data file (a few ms) rather than through `import wordfreq`, which
    pulls in ftfy, langcodes and regex and would cost a one-shot `assistant ask` a tenth of a second.
    The file format (cBpack: lists of words per centibel of frequency) has been stable since 2015; if it
    is not found, wordfreq itself is used.
    """
    import gzip
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "data" / "small_en.msgpack.gz"
        if path.exists():
            import msgpack

            with gzip.open(path, "rb") as handle:
                packed = msgpack.load(handle, raw=False)
            if isinstance(packed[0], dict) and packed[0].get("format") == "cB":
                return {word: 9.0 - centibels / 100.0 for centibels, words in enumerate(packed[1:]) for word in words}
    import math

    from wordfreq import get_frequency_dict  # pragma: no cover - only if the data file moved

    return {w: math.log10(f) + 9.0 for w, f in get_frequency_dict("en", "small").items() if f > 0}


def _large_list() -> list[list[str]]:
    """wordfreq's "large" English list: words grouped by frequency, a centibel per group (~90 ms to read)."""
    import gzip
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    for location in list(spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "data" / "large_en.msgpack.gz"
        if path.exists():
            import msgpack

            with gzip.open(path, "rb") as handle:
                packed: list[list[str]] = msgpack.load(handle, raw=False)[1:]
            return packed
    return [[w] for w in _zipf_table()]  # pragma: no cover - only if the data file moved


@lru_cache(maxsize=1)
def _large_vocabulary() -> frozenset[str]:
    """Every word of the large list (321k words; only read when a question holds a word the small list does
    not know)."""
    return frozenset(w for words in _large_list() for w in words)


@lru_cache(maxsize=1)
def _large_zipf() -> dict[str, float]:
    """The large list with each word's Zipf frequency (only read when a rare word may be a typo)."""
    return {w: 9.0 - centibels / 100.0 for centibels, words in enumerate(_large_list()) for w in words}


def is_rare_english(word: str) -> bool:
    """A real word too rare for the everyday list ("counterparty", "licencing"), not a typo."""
    return word.lower() in _large_vocabulary()


def rare_zipf(word: str) -> float:
    """The word's Zipf frequency in the large list: "thier" (3.0) is written, but far less than "their" (6.5)."""
    return _large_zipf().get(word.lower(), 0.0)


def one_edit(word: str) -> list[set[str]]:
    """Every string one typing error from `word`, likeliest kind first: two letters swapped ("knwon"), one
    left out ("globaly"), one mistyped, one doubled in ("dealss"). Four-letter words only swap or mistype
    ("nera", "trem"): a letter more or less in a short ticker ("zlab") makes another word too easily."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1} - {word}
    mistyped = {a + c + b[1:] for a, b in splits if b for c in letters} - {word}
    if len(word) <= 4:
        return [swapped, set(), mistyped, set()]
    left_out = {a + c + b for a, b in splits for c in letters}
    doubled = {a + b[1:] for a, b in splits if b}
    return [swapped, left_out, mistyped, doubled]


def zipf(word: str) -> float:
    return _zipf_table().get(word.lower(), 0.0)


@lru_cache(maxsize=4096)
def specificity(term: str, *, typo_check: bool = False) -> float:
    """How much a word narrows a question, 0.1 (everyday word) to 1.0 (a name, a number, jargon).

    From the word's frequency in general English (Zipf scale): a question asking about a word no passage
    contains is unanswerable when the word is specific ("Keytruda", "upfront", "2027"), not when it is
    an everyday paraphrase ("pay", "big"). With `typo_check`, a word English does not know that is one
    typing error away from one it does ("originaly") is scored as that word.
    """
    if any(ch.isdigit() for ch in term):
        return 1.0
    value = zipf(term)
    if value == 0.0 and typo_check:
        corrected = spelling_neighbour(term)
        if corrected:
            value = zipf(corrected)
        else:
            parts = compound_parts(term)
            if parts:  # "longterm", "dealmaking": as specific as its rarer part
                value = min(zipf(p) for p in parts)
    return float(min(1.0, max(0.1, (6.0 - value) / 3.5)))


def is_everyday_verb_form(term: str) -> bool:
    """ "speeding", "attracting", "surged": an -ing/-ed form of a verb in everyday use (Zipf >= 3.5)."""
    if term.endswith("ly") and len(term) > 6 and zipf(term[:-2]) >= 3.5:
        return True  # "legislatively": an everyday word's adverb
    if term.startswith("re") and len(term) > 7 and zipf(term) < 3.5 and is_everyday_verb_form(term[2:]):
        return True  # "reinserted": an everyday verb done again
    for suffix in ("ing", "ed"):
        if term.endswith(suffix) and len(term) > len(suffix) + 2:
            base = term[: -len(suffix)]
            forms = [base, base + "e"] + ([base[:-1]] if len(base) > 2 and base[-1] == base[-2] else [])
            return any(zipf(f) >= 3.5 for f in forms)
    return False


def compound_parts(term: str) -> tuple[str, str] | None:
    """Two everyday words run together ("longterm", "nearterm"), for a word English does not know."""
    if len(term) < 7 or not term.isalpha() or zipf(term) > 0.0:
        return None
    for i in range(3, len(term) - 2):
        head, tail = term[:i], term[i:]
        if zipf(head) >= 3.0 and zipf(tail) >= 3.0:
            return head, tail
    return None


@lru_cache(maxsize=8192)
def is_known_word(word: str) -> bool:
    """In everyday English, in any form."""
    return zipf(word) > 0.0


@lru_cache(maxsize=1)
def _deletion_index() -> dict[str, str]:
    """Everyday English words (Zipf >= 3) keyed by themselves and by each one-letter deletion: a word one
    edit from a key is a typo of it (the symmetric-deletion trick). Built only when an unknown word appears."""
    index: dict[str, str] = {}
    for word, value in sorted(_zipf_table().items(), key=lambda kv: -kv[1]):
        if value < 3.0:
            break
        if not word.isalpha() or len(word) < 4:
            continue
        index.setdefault(word, word)
        for i in range(len(word)):
            index.setdefault(word[:i] + word[i + 1 :], word)
    return index


def spelling_neighbour(term: str) -> str | None:
    """An everyday English word one typing error away from `term` (not `term` itself), if any."""
    if len(term) < 5 or not term.isalpha():
        return None
    index = _deletion_index()
    for candidate in [term] + [term[:i] + term[i + 1 :] for i in range(len(term))]:
        word = index.get(candidate)
        if word is not None and word != term:
            return word
    return None


_QUESTION_OPENERS = frozenset(
    "what which who whom whose when where why how is are was were do does did has have had can could should "
    "will would list give show summarise summarize tell name explain describe compare any".split()
)


_ACTED = re.compile(
    r"^\s*(?i:and\s+)?(?i:when\s+(?:will|would|did|does)\s+|has\s+|have\s+|had\s+|did\s+|was\s+|were\s+)"
    r"(?i:the\s+)?(?P<actor>(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*)\s+"
    r"(?:(?:already|actually|yet|now|finally|also)\s+){0,2}(?P<verb>[a-z]+(?:ed|en)|sign|vote|pass|approve|agree|"
    r"license|buy|acquire|sell|launch|file|brought|bought|sold|paid|raised|won|lost|struck)\b"
)
"""A question about what someone did: "Has the Senate voted on it?", "Did AZ sign a deal with CSPC?", "When will
the Senate vote on it?"."""


TOPIC_THEN_QUESTION = re.compile(
    r"^(?P<topic>[^:?—–]{2,80}?)(?::\s+|\s[—–-]\s*(?=(?:what|which|who|whom|how|why|when|where)\b))(?P<ask>\S.*)$",
    re.IGNORECASE,
)
"""A topic, then the question: "InnoCare $2bn deal: who's the counterparty?", "Yang's thesis — what's driving it?"."""


_COMMA_TOPIC = re.compile(
    r"^(?P<topic>(?![^,?]*\b(?:which|what|when|how|who|whom|where|why)\b)(?:(?:the|this|that)\s+|(?-i:[A-Z]))[^,?]{1,60}?),"
    r"\s+(?P<ask>(?:and\s+)?(?:(?:in|on|at|for|from|with|by|to)\s+)?"
    r"(?:which|what|when|how|who|whom|where|why)\b[^,?]*\?*)\s*$",
    re.IGNORECASE,
)
"""The topic set before the question with a comma, as Italian puts it ("Ascentage Pharma, which is its main
drug?", "The asset of Argo that Novartis took, in which clinical phase it is?"): the kind of answer is the
question's."""
_PRONOUN_BACK = re.compile(r"\b(?:it|its|he|his|him|she|her|they|their|them)\b", re.IGNORECASE)
"""A pronoun pointing back to something named before it."""


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
    """"money", "count", "date" (a year will do), "day", "duration", "percent", "person", "company",
    "companies", "people" (named people in a role: "which senators"), "product", "area", "indication" (a
    particular cancer), "place", "phase", "example", "name" or None."""
    action: tuple[str, str] | None = None
    """(who, what they did), lower-cased, for a yes/no question about an action: ("senate", "voted")."""
    asks_reason: bool = False
    """A "why" question: a sentence giving a reason ("as they look to...", "one of the main reasons") fits."""


def _tokens(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9$€£¥%][\w’'&.$%-]*", text)


def _clean(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower().strip(".’'-"))


_LIST_COMPANIES = re.compile(
    r"^\s*(?:pls\s+|please\s+)?(?:give|list|name|show|tell)\s+(?:me\s+|us\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+)?"
    r"(?:(?!(?:what|which|how|why|whether|if)\b)[\w-]+\s+){0,2}(?:companies|firms|pharmas|drugmakers|biotechs|buyers|licensees|licensors|partners|mncs)\b",
    re.IGNORECASE,
)


def _spelled_out(text: str) -> list[str]:
    """The words of `text`, chat shorthand spelled out ("wat" -> "what")."""
    return [t for t in " ".join(CHAT_WORDS_MEANING.get(t.lower(), t) for t in _tokens(text)).split() if t]


_UNIT = re.compile(r"^[$€£¥]+(?:bn|b|mn|m|k|billions?|millions?)?$|^x+(?:\.\d+)?$|^\d+\.x$")
"""A unit the answer is wanted in ("$bn") or a blank for it ("x.0", "2.x"): not a word to find."""


@lru_cache(maxsize=1024)
def analyse(question: str) -> QuestionAnalysis:
    text = question.strip()
    tokens = _spelled_out(text)
    entities: list[str] = []
    sentence_starts = {_clean(m.group(1)) for m in re.finditer(r"[.?!]['’”\"]?\s+([A-Z][\w'’-]*)", text)}
    for i, token in enumerate(tokens):
        word = _clean(token)
        if not word or word in _GENERIC_CAPITALISED or word in STOPWORDS:
            continue
        has_upper_inside = any(ch.isupper() for ch in token[1:])
        mixed = any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token)
        # A capitalised first word is a name only when it is not an everyday word ("Novartis", not "Big").
        # So is the first word of a later sentence ("...in 2025? Trying to see if...").
        starts = i == 0 or word in sentence_starts
        first_name = (
            starts
            and token[0].isupper()
            and word not in _QUESTION_OPENERS
            and word not in _HEAD_TYPES  # "Brukinsa. Molecule?": the kind of answer asked for, not a name
            and specificity(word) >= 0.6
            and not (word.endswith("ly") and is_known_word(word))  # "Realistically, will most...?"
            # "Software-style version numbers: what era...?", "Crystal-ball question: ...": everyday words joined
            and not ("-" in word and all(is_known_word(p) for p in word.split("-") if p))
        )
        if (token[0].isupper() and not starts) or first_name or has_upper_inside or mixed:
            # "ex-BeiGene": only the parts written as a name are names.
            parts = [p for p in re.split(r"[-–]", token) if p]
            named = [p for p in parts if any(ch.isupper() or ch.isdigit() for ch in p)] if len(parts) > 1 else parts
            entities.extend(
                w for w in (_clean(p) for p in named) if w and w not in _GENERIC_CAPITALISED and w not in STOPWORDS
            )
    # "InnoCare $2bn deal: who's the counterparty?": the topic, then the question; what is asked for is
    # read from the question.
    shaped = TOPIC_THEN_QUESTION.match(text)
    asked = shaped.group("ask") if shaped else text
    # "The piece just calls it immuno-oncology. Does it say what the mechanism is?": a remark, then the question.
    remark = re.match(r"^[^?]{10,200}?[a-z0-9)”’\"]\.\s+(?P<ask>[A-Z][^.?!]*\?)\s*$", asked)
    asked = remark.group("ask") if remark and _EMBEDDED_WH.match(remark.group("ask")) else asked
    # An aside in brackets ("(ex-BeiGene)") glosses the question; it is not the thing asked about.
    unbracketed = re.sub(r"\s*\([^()]*\)", "", asked).strip() or asked
    # "And what was the value?", "OK, so when did it pass?": the connective opens a follow-up; the question
    # word after it says what is asked for.
    bare = _CONNECTIVES.sub("", unbracketed) or unbracketed
    # "If BIOSECURE passes with the NDAA, when do the restrictions bite?": the condition, then the question.
    bare = (
        re.sub(
            # "if bio secure goes through when does it kick in": dictated, without the comma
            r"^\s*(?:if|assuming|suppose|supposing|once|given\s+that)\b[^,?]{3,100}?"
            r"(?:,\s*|\s+(?=(?:when|what|how|why|who|which|where)\b))",
            "",
            bare,
            flags=re.I,
        )
        or bare
    )
    # "Besides BeOne, which Chinese companies...?": what is set aside, then the question.
    bare = re.sub(r"^\s*" + SET_ASIDE + r"[^,?]{2,60},\s*", "", bare, flags=re.IGNORECASE) or bare
    # "Which cancer indications specifically?": the head is before the adverb.
    bare = re.sub(r"[\s,—–-]+(?:specifically|exactly|precisely|in\s+particular)(?=\W*$)", "", bare, flags=re.I) or bare
    # "what the mechanism actually is": the adverb is how it is asked, not what.
    bare = re.sub(r"\s+(?:actually|really)\b", "", bare, flags=re.IGNORECASE)
    # "Did she name any of those US partners?": which partners, by name.
    bare = _NAMED_ANY.sub("which ", bare)
    # "Did he say which of his own company's drugs could be affected?": what he would have said is asked for.
    embedded = _EMBEDDED_WH.match(bare)
    bare = embedded.group("wh") if embedded else bare
    # "What is BeiGene called these days?": when, not what is counted.
    if re.match(r"\s*(?:what|which|who|how|when|where)\b", bare, re.IGNORECASE):
        bare = _NOWADAYS.sub("", bare) or bare
    # "At what valuation multiples...?", "In which therapy area...?": what is asked for follows the preposition.
    bare = (
        re.sub(r"^\s*(?:at|in|by|for|with|from)\s+(?=(?:what|which)\s+\w+\s+\w)", "", bare, flags=re.IGNORECASE) or bare
    )
    # "List the modalities Yang says are pulling in investors": which modalities.
    bare = _LIST_THE.sub("which ", bare)
    focus, expects = _focus([_clean(t) for t in _spelled_out(bare)])
    if expects is None and _WHERE_TREND.search(bare):
        expects = "area"  # "Where has he seen a notable pickup in deals?": in which therapy area
    if (
        expects is None
        and len(focus) > 1
        and focus[-1] in {"called", "named"}
        and _HEAD_TYPES.get(focus[-2]) == "product"
    ):
        expects, focus = "product", []  # "What's Ascentage Pharma's lead drug called?": the drug's name
    verb = re.match(r"^\s*(?:and\s+|so\s+)?what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+([a-z]+)\b", unbracketed, re.I)
    if verb and is_everyday_verb_form(verb.group(1).lower()):
        focus = []  # "what's credited with...", "what is driving...": a verb, not a thing named
        if expects in {"companies", "company", "product"}:
            expects = None  # "What's pushing Western companies to...?": the companies are its object, not asked for
    if re.search(
        r"\b(?:what|which|exact)\s+(?:date|day|month)\b|^\s*on what\b(?!\s+(?:basis|grounds|terms|evidence))"
        r"|\bwhen exactly\b",
        text,
        re.I,
    ):
        expects = "day"  # "On what date was the deal announced?": a year does not answer it
    if expects == "name" and re.search(
        r"\bname\s+of\s+(?:the\s+|its\s+|their\s+|that\s+)?(?:[\w’'-]+\s+){0,3}(?:drug|asset|product|molecule|candidate|"
        r"compound|therapy|therapeutic|medicine|medication)s?\b",
        text,
        re.I,
    ):
        expects = "product"  # "What's the name of the Argo drug Novartis licensed?": a drug's name
    if expects is None and re.match(
        r"^\s*(?:and\s+)?what\s+(?:exactly\s+)?(?:did|does|has|have|will)\s+(?:[\w&.’'-]+\s+){1,3}?(?:actually\s+|exactly\s+)?"
        r"(?:licen[cs]e|in-licen[cs]e|out-licen[cs]e|buy|acquire|(?:get|pick\s+up)(?=[^?]*\bfrom\b))\b",
        text,
        re.IGNORECASE,
    ):
        expects = "product"  # "What did Novartis actually license from Argo?": the asset, by name
    if expects is None and re.match(
        r"^\s*(?:and\s+)?which\s+(?:[\w-]+\s+){0,2}(?:adc|bispecific)\b(?!s)(?!\s+(?:deal|agreement|licen|market|compan|developer|space|field))",
        bare if _NAMED_ANY.match(unbracketed) else text,
        re.I,
    ):
        expects = "product"  # "Which Chinese ADC posted...?": one drug (not "which ADCs", a kind; nor "what's an ADC")
    if re.search(
        r"\b(?:which|what)\s+(?:specific\s+|particular\s+)?(?:cancers|tumou?rs|tumou?r\s+types|cancer\s+types|malignancies)\b"
        r"|\b(?:which|what)\s+(?:specific\s+|particular\s+)?(?:kinds?|types?|sorts?)\s+of\s+(?:cancers?|tumou?rs?)\b"
        r"|\b(?:which|what)\s+(?:specific\s+|particular\s+)?(?:cancer|oncology|tumou?r|autoimmune|immune|immunology|"
        r"inflammatory|cardiometabolic|metabolic)\s+(?:indications|conditions|diseases)\b"
        r"|\b(?:which|what)\s+(?:specific|particular)\s+(?:indications?|conditions?|diseases?)\b",
        text,
        re.IGNORECASE,
    ):
        expects = "indication"  # "Which cancers specifically?": a particular cancer, not "oncology"
    if expects == "product" and not re.match(r"^\s*(?:(?:and|so|but|then)\s+)?(?:which|what)\b", bare, re.I):
        expects = None  # "early-stage assets", "me-too drugs": the topic, not a request to name one
    if expects == "product" and set_aside_areas(text):
        expects = "area"  # "Apart from the antibody-chemo combos, what other newer drugs...?": other kinds of drug
    later_wh = re.search(r"^\W*(?:\S+\s+){3,}(?:which|what)\s+([a-z]+)\b", text, re.IGNORECASE)
    if (
        expects is None
        and later_wh
        and not re.match(r"\s*(?:\W*\s*)?(?:which|what|who|how|when|where|why)\b", text, re.I)
    ):
        # "Zenas and InnoCare deal is for which molecule?", "Brukinsa get FDA approve which year?": the kind of
        # answer the head after the question word names.
        head = later_wh.group(1).lower()
        # "abbvie immunology deal which indicaton": the head as meant.
        typo = not is_known_word(head) and spelling_neighbour(head)
        expects = _HEAD_TYPES.get(head) or (_HEAD_TYPES.get(typo) if typo else None)
    compared = re.search(
        r"\b(?:compare[sd]?|stacks?\s+up|measures?\s+up)\s+(?:with|to|against)\s+(?:the|its|their)\s+"
        r"(?:[A-Za-z]+\s+)?([a-z]+)\s+(?:in|for|of)\s+(?:19|20)\d\d\b",
        text,
        re.IGNORECASE,
    )
    if expects is None and compared:
        # "How does that compare with the share in 2023?": the same measure, another year.
        expects = _HEAD_TYPES.get(compared.group(1).lower())
    if expects is None and re.search(
        r"\b(?:put|puts|putting|give|gives|gave|attach|attached)\s+(?:an?\s+)?(?:actual\s+|exact\s+|hard\s+|specific\s+)?"
        r"(?:number|numbers)\s+(?:on|to)\b",
        text,
        re.I,
    ):
        expects = "count"  # "Did he put an actual number on next year's deals?": a number, not a forecast's words
    if expects is None and re.match(
        r"^\s*what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:[\w&.-]+\s+){1,3}?[\w&.-]+['’]s?\s+(?:[\w-]+\s+){0,2}"
        r"(?:drug|asset|product|molecule|candidate|medicine)s?\s*\??\s*$",
        text,
        re.I,
    ):
        expects = "product"  # "What is Ascentage Pharma's lead marketed drug?": the drug, by name
    if expects is None and re.search(
        r"\b(?:asset|drug|molecule|candidate|antibody|adc|therapy|medicine)\b[^?]*\btarget(?:ing|s|ed)?\s*\??\s*$",
        text,
        re.I,
    ):
        expects = "indication"  # "What's the Argo asset Novartis bought actually targeting?": a disease or a target
    if expects is None and re.search(
        r"\b(?:name|identify|single\s+out)\s+(?:an?|one|any)\s+(?:[\w-]+\s+){0,2}(?:deal|agreement|transaction)s?\b",
        text,
        re.I,
    ):
        expects = "companies"  # "Can you name an obesity deal from the article?": a deal, by who signed it
    if expects is None and re.search(
        r"\bhow\s+(?:big|large)\s+(?:is|was|are|will\s+be)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}market\b", text, re.I
    ):
        expects = "money"  # "How big is the obesity drug market?": its size in money
    fragment = re.search(r"(?:[—–:.]|\s-|\?)\s*([a-z]+)\s*\?", text, re.IGNORECASE)
    if expects == "count" and NUMBER_TREND.search(text):
        expects = None  # "Does he think the number of deals is going to go up?": whether it rises, not a count
    if expects is None and re.search(
        r"\bwhat\s+(?:was|is)\s+(?:it|that)\s*[,—–]\s*(?:about\s+|like\s+)?[$€£¥]\s?\d[\d.,]*\s*[a-z]{0,7}\s*\?+\s*$",
        text,
        re.IGNORECASE,
    ):
        expects = "money"  # "Zenas did some deal with InnoCare, what was it, $200m?": an amount, guessed
    if expects is None and re.search(r"(?:^|[.:—–]\s*)how\s+(?:big|large)\s*\??\s*$", text, re.IGNORECASE):
        expects, focus = "money", []  # "Patent cliff. How big?": its size, in money
    if expects is None and fragment and fragment.group(1).lower() in _HEAD_TYPES:
        # "Argo asset in NVS deal — phase? indication?", "AZ/CSPC: value? area?": the first kind asked for.
        expects = _HEAD_TYPES[fragment.group(1).lower()]
    if expects is None and re.search(r"(?:,|\(|\bin)\s*%\s*\)?\s*\??\s*$", text):
        expects, focus = "percent", []  # "China's share of global trial starts in 2024, %": of what, below
    if expects in {None, "count"} and re.search(r"\b(?:what|which)\s+(?:years?|yrs?)\b", text, re.IGNORECASE):
        expects = "date"  # "In what year did it change its name?", "over what years?"
    if expects is None:  # "On average, how many days...": the question word after an opening phrase
        later = re.search(r"\bhow (many|much|long)\b", text, re.I)
        if later and not _asks_degree([_clean(t) for t in _spelled_out(text)]):
            expects = {"many": "count", "much": "money", "long": "duration"}[later.group(1).lower()]
    if re.search(r"\bby (?:what|how much of a|how big a|how wide a) margin\b|\bhow many votes\b", text, re.I):
        expects = "count"  # "Has the Senate voted on it, and by what margin?"
    if expects == "count" and re.search(
        r"\bhow\s+many\s+(?:(?:billion|million)\s+)?(?:billions?|millions?|bn|mn|dollars?|usd|euros?)\b", text, re.I
    ):
        expects = "money"  # "how many billion dollar?": an amount
    if re.search(r"\bhow\s+(?:much|many)\s+(?:percent|per\s+cent|%)", text, re.I):
        expects = "percent"  # "how much percent?"
    if (
        expects is None
        and focus[-1:]
        and focus[-1].endswith("s")
        and focus[-1] not in {"classes", "kinds", "types", "sorts", "formats", "categories"}  # kinds of drug
        and re.match(r"^\s*which\b", bare, re.IGNORECASE)
        and re.search(
            r"\b(?:did|does|do)\s+(?:[\w’'-]+\s+){1,3}?(?:name|mention|identify|single\s+out|cite|list)\b", text, re.I
        )
    ):
        expects = "companies"  # "Which Asian investors did Smiley name...?": names, which "Asian investors" is not
    if expects is None and re.search(r"^\s*what\b.*\b(?:worth|valued at|cost)\b", text, re.IGNORECASE):
        expects = "money"  # "What were Chinese licensing deals worth in 2024?"
    if (
        expects == "count"
        and not re.search(r"\bhow\s+many\b|\b(?:number|count)\s+of\b", text, re.IGNORECASE)
        and re.search(r"\b(?:number|figure|estimate)\b[^?]*\b(?:sales|revenues?|value|worth)\b", text, re.IGNORECASE)
    ):
        expects = "money"  # "globaldata patent cliff number for US sales 2025-30?": an amount of sales
    if expects in {None, "count"} and re.search(_EARNED, text, re.IGNORECASE):  # "headline number": an amount
        expects = "money"  # "What did Brukinsa bring in in US sales?", "put a dollar figure on it"
    if expects is None and FACT_CHECK.search(text):
        # The answer must give the true figure of the kind claimed ("clears INDs in 30 days, right?": a time).
        claimed = [("money", MONEY), ("percent", PERCENT), ("duration", DURATION)]
        expects = next((kind for kind, pattern in claimed if pattern.search(text)), None)
    if expects is None and re.search(
        r"\b(?:what|which|how\s+(?:big|large|high)\s+a)\s+(?:(?:percentage|percent|share|proportion|fraction)\b|%)",
        text,
        re.I,
    ):
        expects = "percent"  # "By what percentage did trial starts grow?"
    if expects is None and re.search(
        r"\b(?:an?|any)\s+(?:percentage|percent|%)(?:\s+(?:figure|number))?\s+(?:for|on)\b", text, re.IGNORECASE
    ):
        expects = "percent"  # "Is there a percentage for China's share of global trial starts?"
    if expects is None and re.search(r"(?:%|\bpct\b)\s*(?:share\s+)?of\b", text, re.IGNORECASE):
        expects, focus = "percent", []  # "china's % share of global trial starts": of what, below
    if expects is None and _LIST_COMPANIES.match(unbracketed):
        expects = "companies"  # "give me all the big pharmas named w multi-billion deals"
    if expects is None and re.search(r"^\s*(?:and\s+)?(?:what|which)\b.*\b(?:to\s+)?treat\b", text, re.I):
        expects = "area"  # "What is the Argo asset meant to treat?": a disease area answers it
    if expects is None and _ASKS_AREA.search(text):
        expects = "area"  # "AZ/CSPC deal - what therapy area / modality is it for?"
    if expects is None and _ASKS_EXAMPLE.search(text):
        expects = "example"  # "Give me an example of a Chinese biotech that self-commercialised in the US."
    if expects is None and re.search(r"\b(?:pct|percent|per\s+cent|%)\s*\??\s*$", text, re.IGNORECASE):
        expects = "percent"  # "china share of big pharma innovator deals 2024 pct"
    if expects is None and re.match(r"^\s*no\s+of\s+(?:\w+\s+){0,2}\w+s\b", text, re.IGNORECASE):
        expects = "count"  # "no of ind filings in china 2024"
    if expects == "person" and re.search(
        r"\bwho\s+(?:was|is|were|are)\s+(?:the\s+|their\s+|its\s+)?(?:[\w’'-]+\s+){0,2}"
        r"(?:counterpart|counterparty|partner|licensor|licensee|buyer|seller)s?\b",
        text,
        re.I,
    ):
        expects = "company"  # "Who was the Chinese counterpart in Pfizer's oncology deal?": a company
    if (
        expects in {"companies", "company"}
        and re.search(r"\bor\b", text)
        and not re.search(r"\b(?:which|what|who)\b", text, re.I)
    ):
        expects = None  # "Cui: near-term, partner with MNC or go it alone?": a choice, not a partner's name
    if expects in {"companies", "company", "product"} and re.match(r"^\W*(?:[\w’'-]+\s+){0,2}why\b", text, re.I):
        expects = None  # "smiley why chinese cos still need partners": a reason, not the partners' names
    if re.match(r"^\s*(?:and\s+|so\s+)?(?:from|in)?\s*(?:which|what)\s+(?:country|countries)\b", text, re.I):
        expects = "place"  # "From which country did Yang come back to China?"
    # "Before heading home to China, where did Yang work?": the clause before the question sets the time.
    if _ASKS_PLACE.match(re.sub(r"^\s*(?:before|after|when|while|once)\b[^,?]{3,80},\s*", "", text, flags=re.I)):
        expects = "place"  # "Where did Yang work before he returned to China?": a place other than China
    if expects is None and re.search(r"\w\s+when\s*(?:[?,;]|$)", text, re.I):
        expects = "date"  # shorthand "BIOSECURE pass House when?", "and Senate vote when, what result?"
    if (
        expects is None
        and (
            re.match(r"^\s*#", asked)
            or re.search(
                rf"\bcount of\b|\bno\.\s*of\b|(?:^|\s)#\s*of\b|(?:^|:\s*|absolute\s+)n\s+of\b|{NUMBER_OF}", text, re.I
            )
        )
        and not NUMBER_TREND.search(text)
    ):
        expects = "count"  # "# of deals over $500m in 2023"
    elif expects is None and re.search(
        r"\(\s*[$€£¥]\s*\)|\bin\s+[$€£¥]|\bin\s+(?:dollar|usd|euro|money)\s+terms\b|\bin\s+(?:us\s+|u\.s\.\s+)?dollars\b"
        r"|(?<![\w$€£¥])[$€£¥](?![\w$€£¥.,])",  # "what's the headline $ on that one?"
        text,
        re.I,
    ):
        expects, focus = "money", []  # "US LOE exposure 2025-30 ($)"

    measured = re.search(r"(?:\b(?:percentage|share|proportion|fraction|percent|pct)|%)\s+of\s+(.+)", text, re.I)
    if expects == "percent" and measured and not focus:
        # "% of global trial starts (in) 2024": what is measured, not when
        focus = [
            w
            for w in _noun_phrase([_clean(w) for w in _tokens(measured.group(1))])
            if not w.isdigit() and w not in {"pct", "percent", "%"}  # "...deals 2024 pct": how it is measured
        ]
    if expects == "percent" and len(focus) > 1 and focus[-1] in {"count", "number", "total", "volume", "tally"}:
        focus = focus[:-1]  # "what share of the deal count": a share of the deals
    if expects is None and re.match(r"^\s*(?:year|date)\b(?![-–])", text, re.IGNORECASE):
        expects = "date"  # "Year BeiGene rebranded as BeOne?"
    if expects is None and re.search(r"[—–:,-]\s*(?:the\s+)?(?:figure|number|stat|%)\s*\??\s*$", text, re.IGNORECASE):
        # "Year-on-year growth in Chinese CGT trial starts — figure?": a number is asked for.
        expects = (
            "percent"
            if re.search(r"\b(?:growth|grow|increase|rise|decline|drop|fall|change|share)\b", text, re.I)
            else "count"
        )
    if re.search(r"(?:^|:\s*)(?:n|#)\s+of\b|\babsolute\s+(?:n|#|number|count)\b", text, re.IGNORECASE):
        expects = "count"  # "absolute n of deals behind the 28%?": a count, whatever share the asker quotes
    if expects is None and re.match(r"^\s*(?:and\s+)?(?:by|since|until|till)\s+when\b", text, re.IGNORECASE):
        expects = "date"  # "By when is the asset expected to reach phase 3?", "Since when has he been COO?"
    if (
        expects in {None, "company"}
        and _MAIN_PRODUCT.search(text)
        and re.search(
            r"^\W*(?:and\s+|so\s+|but\s+)?(?:what|name|tell|identify)\b|\bname\s+(?:the|its|their|his|her)\b",
            text,
            re.I,
        )
    ):
        # "What does Yang say is Ascentage Pharma's lead product?", "...but name the company's flagship medicine",
        # "What's Ascentage's main drug, the one Yang's company is best known for?": the drug, by name.
        expects = "product"
    if re.search(r"\b(?:on|under|with)\s+what\s+(?:conditions?|premise|assumptions?)\b", text, re.IGNORECASE):
        expects = None  # "BIOSECURE will be noise — but on what condition?": an if, not a disease nor a date
    dislocated = _COMMA_TOPIC.match(text) if expects is None else None
    if dislocated and _PRONOUN_BACK.search(dislocated.group("ask")):
        expects = analyse(dislocated.group("ask")).expects  # "Ascentage Pharma, which is its main drug?"
    # "that drug's generic name": which name of the drug is asked for, not a topic to find.
    name_kinds = {m.group(1).lower() for m in _NAME_KIND.finditer(text)} if expects in {"product", "name"} else set()
    return QuestionAnalysis(
        text=text,
        # "headline value, $bn?": "$bn" is the unit the amount is wanted in, not a word to find.
        terms=[t for t in query_terms(text) if t not in CHAT_WORDS and t not in name_kinds and not _UNIT.match(t)],
        entities=list(dict.fromkeys(entities)),
        focus=focus,
        expects=expects,
        asks_reason=bool(_WHY.search(text)),
        action=_action(text),
    )


_COMPARATIVES = frozenset(
    "bigger larger higher greater smaller lower cheaper dearer pricier earlier later faster slower more less".split()
)
"""Comparing with what the thread named ("and was the AstraZeneca one bigger?"): no thing asked about."""
_LIST_THE = re.compile(
    r"^\s*(?:pls\s+|please\s+)?(?:list|name|give\s+me|tell\s+me|show\s+me)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?"
    r"(?!(?:what|which|who|how|why|whether|if)\b)"
    r"(?=(?:[\w-]+\s+){0,2}?(?:modalities|areas|drugs?|assets?|products?|molecules?|compounds?|candidates?|companies|"
    r"company|firms?|deals|people|experts)\b)",
    re.IGNORECASE,
)
"""An imperative asking for a list of things or for one: "List the modalities...", "Name the companies...", "Name the
lead molecule AstraZeneca licensed" (which molecule)."""
_NAME_KIND = re.compile(r"\b(generic|brand|trade|chemical|proprietary|scientific|inn)\s+names?\b", re.IGNORECASE)
_NAMED_ANY = re.compile(
    r"^\s*(?:did|does|do|has|have)\s+(?:[\w’'-]+\s+){1,3}?(?:name|mention|identify|cite|list|single\s+out)\s+"
    r"(?:any|specific|particular)\s+(?:(?:of\s+)?(?:the|those|these|them)\s+)?(?=(?:[\w-]+\s+){0,2}[\w-]+s\b)"
    # "Does the article name any specific Chinese ADC...?", "Can you name an obesity deal...?": which one.
    r"|^\s*(?:(?:did|does|do|has|have)\s+(?:[\w’'-]+\s+){1,3}?|can\s+you\s+)(?:name|identify|single\s+out)\s+"
    r"(?:(?:any|an?|one)\s+(?=specific\b|particular\b)|an?\s+|one\s+)",
    re.IGNORECASE,
)
_EMBEDDED_WH = re.compile(
    r"^\s*(?:did|does|do|has|have|will|would|can|could)\s+(?:[\w’'-]+\s+){1,3}?"
    r"(?:say|mention|name|specify|reveal|disclose|indicate|tell\s+(?:us|me)|said|mentioned|named|specified|revealed"
    r"|disclosed|indicated)\s*,?\s+(?P<wh>(?:which|what|when|who|how\s+(?:many|much|long))\b.*)$",
    re.IGNORECASE,
)
_NOWADAYS = re.compile(
    r"[\s,]+(?:these\s+days|nowadays|at\s+the\s+moment|at\s+present|right\s+now"
    # "What was Zai Lab's revenue this year?": when, not a year asked for.
    r"|(?:this|last|next|past|previous|coming)\s+(?:year|quarter|month|week))(?=\W*$)",
    re.IGNORECASE,
)
_CONNECTIVES = re.compile(r"^(?:\s*(?:and|so|ok|okay|but|then|also|well|right|now)\b[\s,]*)+", re.IGNORECASE)
"""Words that open a follow-up before its question word: "And what...", "OK, so when..."."""


_EVENT = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:(?:why|when|how)\s+)?(?:did|does|has|have|had|would|will)\s+(?:the\s+)?"
    r"(?P<actor>[\w&.-]+(?:\s+[\w&.-]+)?)\s+(?:already\s+|actually\s+|ever\s+)?"
    r"(?P<verb>terminat\w*|cancel\w*|abandon\w*|withdr[ae]w\w*|halt\w*|scrap\w*|reject\w*|veto\w*|block\w*|"
    r"sue[ds]?|suing|exit\w*|walk(?:ed)?\s+away|pull(?:ed)?\s+out|hand(?:ed)?\s+back)\b",
    re.IGNORECASE,
)
"""A question that takes an event for granted ("why did novartis terminate the argo deal"): the event must
be in the evidence, whoever typed the name in lower case."""


_LAWMAKERS_ACT = re.compile(
    r"\b(?:did|does|has|have|had|will|would|why|how|when|that)\s+(?:the\s+)?(?P<actor>senate|house|congress|president)\s+"
    r"(?:(?:already|actually|yet|finally|also)\s+){0,2}"
    r"(?P<verb>pass|vote|approve|sign|adopt|passed|voted|approved|signed|adopted)\b",
    re.IGNORECASE,
)
"""Lawmakers acting, anywhere in the question, in any case: "what date did the senate pass the NDAA?"."""


_AUTHORITY_ACTS = re.compile(
    r"\b(?:how|when|why|did|does|do|has|have|had|will|would)\s+(?:(?:has|have|did|does|will|would)\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<actor>government|regulator|regulators|authorities|ministry|fda|nmpa|cde|beijing)\s+"
    r"(?:officially\s+|already\s+|actually\s+|formally\s+|publicly\s+)?"
    r"(?P<verb>respond\w*|react\w*|approv\w*|reject\w*|retaliat\w*|ban\w*|block\w*|sanction\w*|clear\w*)\b",
    re.IGNORECASE,
)
"""A government or regulator acting: "How has the Chinese government responded to BIOSECURE?", "In which
year did the US regulator approve that drug?"."""


_CHAMBER_VOTE = re.compile(
    r"\b(?:what|how)\s+(?:was|is|were|did)\s+the\s+(?P<actor>senate|house)(?:['’]s)?\s+(?P<verb>vote)\b", re.IGNORECASE
)
"""A chamber's vote asked for as a thing: "What was the Senate vote on it?"."""


def _action(text: str) -> tuple[str, str] | None:
    match = (
        _ACTED.match(text)
        or _EVENT.match(text)
        or _LAWMAKERS_ACT.search(text)
        or _AUTHORITY_ACTS.search(text)
        or _CHAMBER_VOTE.search(text)
    )
    if match is None:
        return None
    actor = match.group("actor").split()[-1].lower()
    verb = match.group("verb").lower()
    chamber = re.match(r"\s+(?:the\s+)?(house|senate|congress)\b", text[match.end() :], re.IGNORECASE)
    if verb.startswith("pass") and chamber:
        actor = chamber.group(1).lower()  # "When did BIOSECURE pass the House?": the House passed it
    return (actor, verb)


_ASKS_EXAMPLE = re.compile(
    r"\b(?:an?|one|any)\s+(?:[\w-]+\s+)?examples?\b|\bexamples?\s*\??\s*$|\bfor\s+instance\s*\??\s*$|^\s*examples?\s+of\b"
    r"|['’]s\s+examples?\s+of\b"  # "the article's example of going global on its own"
    r"|\bthe\s+examples?\s+(?:given|cited|used|offered)\b"  # "What's the example given of...?"
    # "Any Chinese company that's actually gone global on its own?": one that has, named.
    r"|^\s*(?:(?:is|are)\s+there\s+)?any\s+(?:[\w-]+\s+){0,3}(?:company|companies|firm|firms|biotech|biotechs|"
    r"drugmaker|drugmakers|pharma)\s+(?:that|which|who|already|actually|currently|now|[a-z]+ing)\b"
    # "Is there a Chinese drugmaker that actually launched its own drug in the US?": one that did, named.
    r"|^\s*(?:is|are)\s+there\s+(?:an?|one)\s+(?:[\w-]+\s+){0,3}(?:company|firm|biotech|drugmaker|pharma)\s+"
    r"(?:that|which|who)\b"
    # "Has any Chinese company taken its own drug to the US?": one that has, named.
    r"|^\s*(?:has|have|did|does|do|is|are)\s+any\s+(?:[\w-]+\s+){0,3}(?:company|companies|firm|firms|biotech|"
    r"biotechs|drugmaker|drugmakers)\b",
    re.I,
)


def asks_example(text: str) -> bool:
    """ "Give me an example of...", "Which company is given as an example of...": one instance is wanted."""
    return bool(_ASKS_EXAMPLE.search(text) or re.search(r"\bas\s+an?\s+example\b", text, re.IGNORECASE))


_GIVES_EXAMPLE = re.compile(r"\bexamples?\b|\bfor instance\b|\bsuch as\b|\be\.g\.", re.IGNORECASE)


def gives_example(text: str) -> bool:
    """ "An example of this is BeOne Medicines...": a sentence that gives an instance."""
    return bool(_GIVES_EXAMPLE.search(text))


_DEGREE_VERBS = frozenset(
    "matter matters affect affects impact impacts hurt hurts help helps worry worries care cares influence".split()
)


def _asks_degree(words: list[str]) -> bool:
    """ "How much does he think the bill will matter?": how much something counts, not an amount."""
    return words[:2] == ["how", "much"] and words[2:3] != [] and words[2] in _AUX and bool(_DEGREE_VERBS & set(words))


_ADVERBS = frozenset("also still ever actually really both already yet just".split())

_CLAUSE_OPENERS = frozenset("when where while if because although though whereas unless until".split())
"""Words that open a clause: "the House vote margin when BIOSECURE passed" ends at "when"."""


_IRREGULAR_PAST = frozenset(
    """came went grew rose fell took made drove got gave saw brought won struck began became held kept lost
    met paid ran said sold sent showed stood told thought wrote bought sought caught built felt found heard
    meant led done given taken seen known shown written gone begun""".split()
)
"""Verbs whose past tense does not end in -ed: "big pharma's deals came out of China" ends at "came"."""


_PARTICIPLES = frozenset("called named renamed based headquartered founded listed focused".split())
"""Past forms that mostly describe the noun before them ("What was the company called before?")."""


_SPEAKER_VERBS = frozenset("says thinks believes sees expects reckons argues notes claims predicts flags".split())


def _past_after_noun(phrase: list[str], word: str) -> bool:
    """A regular past-tense verb after a noun ("pharma signed"), not a participle before one ("licensed
    drugs", "the previously mentioned deals")."""
    if not phrase or not word.endswith("ed") or "-" in word or phrase[-1].endswith("ly") or word in _PARTICIPLES:
        return False
    return phrase[-1] not in STOPWORDS and phrase[-1] not in {"the", "a", "an"} and is_everyday_verb_form(word)


_PRESENT_VERBS = frozenset(
    "keeps pushes drives stops prevents forces lets allows blocks holds makes pulls brings gives".split()
)
"""Verbs in the present tense that are rarely a noun after a noun ("what constraint keeps...")."""
_MAIN_PRODUCT = re.compile(
    r"\b(?:lead|leading|main|flagship|top|best[- ]?selling|key|core|marketed|approved|star)\s+(?:marketed\s+)?"
    r"(?:drug|product|medicine|asset|molecule|therapy|therapeutic|candidate)\b"
    r"(?![\s-]+(?:class|classes|types?|categor\w*|areas?|modalit\w*|development|pipelines?|makers?)\b)",
    re.IGNORECASE,
)
"""A company's main drug ("its flagship medicine"), which a name answers."""
_PLURAL_VERBS = frozenset("keep push drive stop prevent force let allow block hold pull bring give".split())
"""The same verbs after a plural subject ("which gaps stop...")."""
_NATIONALITIES = frozenset("chinese western european japanese korean asian".split())


def _noun_phrase(words: list[str]) -> list[str]:
    """Words up to the first auxiliary, preposition, past-tense verb or end; possessors ("x's") dropped."""
    phrase: list[str] = []
    for i, word in enumerate(words):
        if phrase and phrase[-1] not in STOPWORDS and words[i + 1 : i + 2] in (["their"], ["its"], ["his"], ["her"]):
            break  # "Which Western houses put their names to...?": a verb before its object ends the subject
        if word in {"the", "these", "those"} and phrase and re.fullmatch(r"[a-z]+(?:ies|[^s']s)", phrase[-1]):
            break  # "which therapeutic fields the Western houses are hunting in": a subject starts, no "do"
        if word in _PRESENT_VERBS and phrase and phrase[-1] not in STOPWORDS:
            break  # "what constraint keeps China biotechs on the partnering route?": the verb ends the subject
        if word in _PLURAL_VERBS and phrase and re.fullmatch(r"[a-z]+(?:ies|[^s']s)", phrase[-1]):
            break  # "which gaps stop Chinese companies...?": the gaps are asked for, not the companies
        if word in _AUX or word in _PREPOSITIONS or word in _CLAUSE_OPENERS or word in _IRREGULAR_PAST:
            break
        if _past_after_noun(phrase, word):
            break  # "Which big pharma signed an obesity deal?": the verb ends the subject
        if word in _SPEAKER_VERBS and len(phrase) >= 2:
            phrase.pop()  # "which modalities Yang says are...": Yang speaks; the modalities are asked for
            break
        if word in _NATIONALITIES and phrase and re.fullmatch(r"[a-z]+(?:ies|[^s']s)", phrase[-1]):
            break  # "What capabilities Chinese companies are lacking...?": a subject starts, without its "do"
        phrase.append(word)
    return [w for w in phrase if w not in STOPWORDS and w not in {"the", "a", "an"} and any(c.isalnum() for c in w)]


# Head nouns that name a kind of answer rather than a topic: "deal size" asks for an amount.
_HEAD_TYPES = {
    **dict.fromkeys(
        """value values size sizes worth price prices cost costs amount amounts total valuation valuations terms
        sales revenue revenues turnover earnings upfront milestone milestones royalty royalties
        dollar dollars usd tev""".split(),
        "money",
    ),
    **dict.fromkeys("name names".split(), "name"),
    **dict.fromkeys("phase phases stage".split(), "phase"),
    **dict.fromkeys("margin tally multiple multiples".split(), "count"),
    **dict.fromkeys(
        "drug drugs asset assets product products molecule molecules candidate candidates programme programmes".split(),
        "product",
    ),
    **dict.fromkeys("rate rates".split(), "percent"),
    **dict.fromkeys("count number tally days weeks months years hours duration".split(), "count"),
    **dict.fromkeys("time times turnaround".split(), "duration"),
    **dict.fromkeys("date year month day timing period timeframe window".split(), "date"),
    **dict.fromkeys("share percentage proportion percent fraction % slice portion".split(), "percent"),
    # "Which big pharmas...", "which companies": names of companies are the answer.
    **dict.fromkeys(
        "companies firms pharmas drugmakers biotechs buyers licensees licensors partners houses".split(), "companies"
    ),
    # "Which senators are behind the BIOSECURE Act?": people, by name, in that role.
    **dict.fromkeys("senators lawmakers legislators congressmen sponsors executives".split(), "people"),
    **dict.fromkeys("company firm drugmaker biotech buyer licensee licensor partner outfit".split(), "company"),
    # "What therapy area is the AZ–CSPC deal in?": a disease area or a kind of drug is the answer.
    **dict.fromkeys(
        "area areas modality modalities disease diseases condition conditions category categories field fields".split(),
        "area",
    ),
    # "what indication did it get in the us": a particular disease, not "immuno-oncology".
    **dict.fromkeys(["indication"], "indication"),
    **dict.fromkeys(["indications"], "area"),
}
ANSWER_KIND_WORDS = frozenset(_HEAD_TYPES)
"""Words that name the kind of answer wanted ("worth", "total", "date"), not what it is about."""
SPEAKS = re.compile(
    r"\s+(?:notes|noted|says|said|states|stated|believes|concludes|expressed|echoed|mirrors|forecasts|predicts|"
    r"highlights|highlighted|adds|added|argues|argued|thinks|expects)\b"
)
"""A name followed by a verb of speech is a person's ("Cui notes that...")."""

# Capitalised words that are not company names: places, nationalities, sentence openers.
NOT_COMPANIES = frozenset(
    "China Chinese West Western US USA Europe European Asia Asian America American Japan Japanese Korea "
    "Korean India Indian Beijing Shanghai Washington House Senate Congress The In As While According "
    "However Though Due From An A This That These Many Some Most Interest Once "
    # Lawmaking and government: "the BIOSECURE Act ... National Defense Authorization Act (NDAA)".
    "Act Acts Bill Bills Senate Senator Senators Congress Congressional National Defense Authorization NDAA "
    "Federal Government Administration President White Department Commerce Treasury FDA NMPA EMA BIOSECURE "
    "Republican Republicans Democrat Democrats FY "
    # Trade abbreviations: "R&D", "ADCs", "MNC" are not companies.
    "R&D M&A CEO COO CFO IND INDs ADC ADCs CGT CGTs MNC MNCs EU UK GLP-1 BD".split()
)


_WHERE_TREND = re.compile(
    r"^\s*(?:and\s+|so\s+)?where\b(?=[^?]*\b(?:uptick|pick(?:-|\s)?up|growth|increase|rise|surge|jump|boom|"
    r"momentum)\b)(?![^?]*\b(?:based|headquartered|located|roots|originat\w*|start\w*|founded)\b)",
    re.IGNORECASE,
)
"""Asks where a trend is, meaning in which field ("Where has he seen a notable pickup in deals?")."""
_SIZED = frozenset("market markets deal deals agreement agreements transaction transactions pact tie-up".split())
"""Things whose size is an amount of money ("How big was the deal?"), unlike a lead or a reputation."""


def _focus(words: list[str]) -> tuple[list[str], str | None]:
    if not words:
        return [], None
    first, rest = words[0], words[1:]
    expects: str | None = None
    focus: list[str] = []
    if first == "how" and rest[:1] == ["long"]:
        expects = "duration"  # "How long does an IND review take?"
        focus = _noun_phrase(rest[1:])
    elif first == "how" and rest[:1] == ["much"]:
        if _asks_degree(words):
            # "How much does the Jefferies banker think the bill will matter?": a degree, not an amount.
            return [], None
        expects = "money"
        focus = _noun_phrase(rest[1:])
    elif first == "how" and rest[:1] == ["many"]:
        expects = "count"
        focus = _noun_phrase(rest[1:])
    elif first == "how" and rest[:1] in (["big"], ["large"]) and _SIZED & set(rest):
        expects = "money"  # "How big was the AstraZeneca deal?", "How large is the obesity market?": an amount
    elif first == "when" or (first in {"what", "which"} and rest[:1] in (["year"], ["date"], ["month"])):
        expects = "date"
    elif first in {"who", "whom"}:
        expects = "person"
    elif first in {"what", "which"}:
        if rest[:1] and rest[0] in _AUX:
            # "what was X's revenue": the copula's complement is what is asked for.
            if rest[0] in {"is", "was", "are", "were", "'s"} or rest[:2] in (["will", "be"], ["would", "be"]):
                tail = rest[2:] if rest[1:2] == ["be"] else rest[1:]  # "what will be the size of...?"
                if tail[:1] == ["the"]:
                    tail = tail[1:]
                focus = _noun_phrase(tail)
        else:
            # "Which of Ascentage's drugs has been approved?", "Which of the 2025 deals also covered immune
            # diseases?": the things of which one is asked for, up to the verb.
            if rest[:1] and rest[0] in {"kind", "kinds", "type", "types", "sort", "sorts"} and rest[1:2] == ["of"]:
                # "What kinds of therapies...?": therapies are what is asked about, and a kind of them answers
                # it ("What kinds of drugs...?" asks for no drug's name).
                return [], None
            of = rest[:1] == ["of"]
            if of:
                rest = list(
                    itertools.takewhile(
                        lambda w: w not in _AUX and w not in _ADVERBS and not (w.endswith("ed") and "-" not in w),
                        rest[1:],
                    )
                )
            focus = _noun_phrase(rest)
            if of and len(focus) == 1 and _HEAD_TYPES.get(focus[0]) in {"people", "companies"}:
                # "Which of the executives interviewed says...?": one of them, by name; no word to find.
                return [], _HEAD_TYPES[focus[0]]
            typed = next((i for i, w in enumerate(focus) if _HEAD_TYPES.get(w) in {"product", "money", "date"}), None)
            if typed is not None and "pharma" in focus[typed + 2 :] and not is_known_word(focus[typed + 1]):
                # "Which drugs Ascentage Pharma has...?" (no "does"): the phrase's head is "drugs", and the
                # company after it is whose they are.
                focus = focus[: typed + 1]
            pharma = focus[-1:] == ["pharma"] or focus[-2:] in (
                ["pharma", "names"],
                ["pharma", "name"],
                ["pharma", "sponsors"],
            )
            if pharma and not is_everyday_verb_form(focus[0]):  # not "What's driving Western pharma to...?"
                # "Which big pharma signed...?", "Which big pharma names...?": which companies
                focus, expects = focus[: focus.index("pharma")], "companies"
    elif first in {"is", "are", "was", "were"} and len(words) <= 8:
        # "Is Zai Lab profitable?", "is BIOSECURE a threat per ...": the predicate is what is asked about.
        content = [w for w in _noun_phrase(words[1:]) if any(ch.isalpha() for ch in w)]
        focus = [] if content[-1:] and content[-1] in _COMPARATIVES else content[-1:]  # "was the AZ one bigger"
    elif (
        first not in _QUESTION_OPENERS
        and len(words) <= 8
        and (
            kind_word := next(
                (
                    w
                    for w, after in itertools.pairwise(words)
                    if w in _HEAD_TYPES and after in {"it", "they", "he", "she"}
                ),
                None,
            )
        )
    ):
        # "BIOSECURE – date it cleared the House?", "value they agreed?": the kind of answer, then what it is of.
        expects = _HEAD_TYPES[kind_word]
    elif first not in _QUESTION_OPENERS and len(words) <= 8:
        # Analyst shorthand ("Zai Lab 2024 revenue", "EU reaction to BIOSECURE"): the noun phrase's head; "biosecure
        # getting attached to what bill": what the "what" asks for.
        wh = next((i for i, w in enumerate(words) if w in {"what", "which"}), None)
        phrase = words[wh + 1 :] if wh is not None and wh + 1 < len(words) else words
        focus = [w for w in _noun_phrase(phrase) if w.isalpha() or (w.replace("-", "").isalpha())]
        while focus and is_everyday_verb_form(focus[-1]):
            focus = focus[:-1]  # "other modalities Yang flagged?": "flagged" is what he did, not a thing
    if focus and focus[-1].endswith("ing") and is_everyday_verb_form(focus[-1]):
        # "What are Western companies bracing for...?", "What are Chinese biotechs missing...?": what they do,
        # not a thing named (nor are the companies doing it what is asked for).
        return [], expects
    if focus and focus[-1] in _PART_HEADS and focus[-1] in words:
        # "Which element of the Chinese regulatory system plays a role?": a part of what follows "of".
        head = len(words) - 1 - words[::-1].index(focus[-1])
        after = words[head + 1 :]
        if after[:1] == ["of"]:
            part_of = itertools.takewhile(
                lambda w: (
                    w not in _QUESTION_OPENERS
                    and w not in {"in", "for", "to", "that", "which", "with"}
                    and not is_everyday_verb_form(w)
                ),
                after[1:],
            )
            focus = _noun_phrase(list(part_of))
    if focus and focus[-1] in _REASON_HEADS:
        focus = []  # "What's his reasoning?": a reason answers it, whatever words it uses
    elif focus and focus[-1] in _VIEW_HEADS:
        # "stance on out-licensing per smiley?", "Yang: view on asset price normalisation?": a view answers
        # it whatever its words, but it must be on the topic named after "on"/"about".
        head = len(words) - 1 - words[::-1].index(focus[-1])
        after = words[head + 1 :]
        topic = list(itertools.takewhile(lambda w: w not in {"and", "or"}, after[1:]))  # the first topic
        # "view on whether Chinese companies will...": a clause, not a thing to name.
        clause = topic[:1] and topic[0] in {"whether", "if", "how", "why", "what", "which", "when", "who"}
        on_topic = after[:1] and after[0] in {"on", "about", "of", "regarding"}
        focus = _noun_phrase(topic) if on_topic and not clause else []
        return focus, expects  # "view on IND turnaround times": a view, not a time, answers it
    while len(focus) > 1 and (focus[-1].isdigit() or (focus[-1] in _PERIODS and focus[-2] in _RELATIVE)):
        # "Zai Lab's revenues last year", "deal count 2024": when, not what is asked for.
        focus = focus[:-1] if focus[-1].isdigit() else focus[:-2]
    if focus and expects is None:
        expects = _HEAD_TYPES.get(focus[-1])
        if expects == "name" and len(focus) > 1:
            # "InnoCare asset name in Zenas deal?": the drug's name; "Which big pharma names...?": companies;
            # "that drug's generic name": the drug's.
            owners = [_HEAD_TYPES.get(re.sub(r"['’]s$", "", w)) for w in reversed(focus[-3:-1])]
            expects = next((t for t in owners if t in {"product", "companies"}), expects)
        if expects == "people":
            focus = focus[-1:]  # "Which senators...?": people, who must be senators
        elif expects is not None:
            focus = focus[:-1]  # "deal size": the amount is the answer; "deal" stays a topic word
            focus = []
    return focus, expects


_EARNED = (
    r"^\s*(?:and\s+)?what\s+(?:did|does|do|has|have|will|would)\b.*\b(?:bring|brought|generate|generated|earn|earned|"
    r"make|made|rake|raked|book|booked|post|posted|do|did)\b.*\b(?:sales|revenues?|turnover|earnings)\b"
    r"|\b(?:dollar|money|\$|headline)\s+(?:figure|number|amount|value|total|forecast|estimate|projection)\b"
    r"|\b(?:number|figure|estimate)\s+(?:for|on)\s+how\s+much\b"  # "the GlobalData number for how much sales drop"
    # "...and its price tag?", "what was the price tag on it?" (not "expect the price tag to stay low")
    r"|\b(?:its|their|what(?:['’]s|\s+is|\s+was)\s+the)\s+price[\s-]?tags?\b|\bprice[\s-]?tags?\s*\??\s*$"
)
"""Asking for an amount without a word for it: what something brought in, a dollar figure."""


_PERIODS = frozenset("year years month months quarter quarters week weeks".split())
_RELATIVE = frozenset("last this next previous past coming prior".split())


_PART_HEADS = frozenset("part parts element elements component components feature features piece pieces".split())
_REASON_HEADS = frozenset(
    "reason reasons reasoning rationale motivation motive motives explanation logic argument arguments thesis driver "
    "drivers".split()
)
_VIEW_HEADS = frozenset(
    """stance view views take opinion opinions position thoughts perspective outlook quote quotes comment comments
    remarks anything something news update updates angle angles aspect point points message takeaway takeaways
    recommendation recommendations advice verdict pick picks choice favourite favourites""".split()
)
STANCE_WORDS = frozenset(
    """bullish bearish optimistic pessimistic upbeat downbeat sanguine ballpark roughly approximately approx
    realistically honestly frankly seriously genuinely contemplate contemplates contemplating contemplated
    mull mulls mulling mulled ponder ponders pondering pondered undisputed undoubted unquestioned runaway
    breathless overhyped overblown hyped fluff characterisation characterization venture ventures ventured adduce
    adduces moreover notwithstanding insofar admittedly galore""".split()
)
"""How a user frames a view or a figure ("who's bullish on...", "ballpark, how big...") or an intent ("are any
contemplating going it alone?"): not words the answer must contain."""
REPORTED_VERBS = _IRREGULAR_PAST | frozenset(
    "advise advises recommend recommends urge urges suggest suggests counsel counsels reckon reckons".split()
)
"""How a user retells what someone said ("The partner understood that Cui advises..."): the asker's verbs,
not words the answer must contain."""
MARKET_FACTS = frozenset(
    """tariff tariffs stock stocks rating ratings dividend dividends ipo ipos royalty royalties layoff layoffs
    lawsuit lawsuits litigation headquarters headquartered hq sponsor sponsors sponsored sponsoring cosponsor
    cosponsors founded founding founder founders cofounder cofounded established incorporated""".split()
)
"""Market facts a question can ask for ("Does Yang think US tariffs will hurt Ascentage?", "Zai Lab's stock",
"a buy rating", a bill's sponsors): everyday words, but when the cited articles never use one, they do not say it."""
BECOMES_LAW = re.compile(
    r"\b(?:signed|sign|signs|signing|passed|pass|made)\s+(?:it\s+|\w+\s+)?into\s+law\b|\bbec(?:ome|ame|omes|oming)\s+law\b"
    r"|\benact(?:ed|s|ing|ment)?\b|\bveto(?:ed|es)?\b",
    re.IGNORECASE,
)
"""A bill's final steps ("Has it been signed into law?"): a status the articles state in these words or not
at all; "law" here is no paraphrase of "act"."""
TAKES_EFFECT = re.compile(
    r"\b(?:take|takes|taking|took)\s+effect\b|\bkick(?:s|ed|ing)?\s+in\b|\b(?:come|comes|came)\s+into\s+(?:force|effect)\b"
    r"|\bgo(?:es)?\s+into\s+effect\b|\b(?:start|begin)s?\s+to\s+bite\b|\bbite\b|\beffective\s+date\b",
    re.IGNORECASE,
)
"""When a law applies ("When would the restrictions take effect?"): a date the articles give in these words or
not at all; a bill's fiscal year is not it."""
_WHY = re.compile(
    r"\bwhy\b|\breasons?\b|\breasoning\b|\brationale\b|\bmotivations?\b|\bmotives?\b|\bdrivers\b"
    r"|\b(?:holding|hold|holds|held)\s+(?:[\w-]+\s+){1,4}?back\b|\bwhat(?:['’]s|\s+is)\s+(?:stopping|preventing)\b"
    # "What's driving Western pharma to in-license from China?": what makes them do it is the reason.
    r"|\bwhat(?:['’]s|\s+is|\s+are)\s+(?:driving|fuell?ing|motivating|prompting|spurring|pushing)\b"
    # "On what basis does Yang argue...?": the grounds are the reason.
    r"|\bon\s+what\s+(?:basis|grounds)\b"
    # "How did China end up as a big centre for cell and gene therapy?": what brought it about.
    r"|\bhow\s+(?:did|has|have|does|do|come)\s+(?:[\w’'-]+\s+){1,4}?(?:end(?:ed)?\s+up|bec[oa]me|come\s+to\s+be|turn(?:ed)?\s+into)\b",
    re.IGNORECASE,
)
WHY_NOT = re.compile(
    r"\bwhy\s+(?:not|can['’]?t|cannot|won['’]?t|wouldn['’]?t|aren['’]?t|isn['’]?t|don['’]?t|doesn['’]?t)\b"
    # "Why does Cui think most Chinese drugmakers aren't ready to commercialise on their own?"
    r"|\bwhy\b[^?]{0,80}?\b(?:aren['’]t|isn['’]t|are\s+not|is\s+not)\s+(?:yet\s+)?(?:ready|able|equipped|prepared)\b"
    r"|\b(?:holding|hold|holds|held)\s+(?:[\w-]+\s+){1,4}?back\b|\bwhat(?:['’]s|\s+is)\s+(?:stopping|preventing)\b",
    re.IGNORECASE,
)
"""Asks why something does not happen: what is lacking answers it ("Many Chinese companies currently lack...")."""
LACKS = re.compile(
    r"\black(?:s|ed|ing)?\b|\binsufficient\b|\bnot\s+yet\b|\bdo(?:es)?\s+not\s+(?:yet\s+)?have\b|\bshort\s+of\b",
    re.IGNORECASE,
)
"""A sentence saying what is missing: the reason for a "why not?"."""
SHORT_HORIZON = re.compile(
    r"\b(?:short|near)(?:-|\s+)term\b|\bsoon\b|\bnear(?:-|\s+)future\b|\bnext\s+(?:few|couple\s+of)\s+years\b"
    r"|\bshort(?:-|\s+)run\b|\bfor\s+now\b",
    re.IGNORECASE,
)
LONG_HORIZON = re.compile(r"\blong(?:er)?(?:-|\s+)(?:term|run)\b|\bin\s+the\s+long\b|\bover\s+time\b", re.IGNORECASE)
"""When a view is for: "in the short term" and "from a longer-term perspective" are different answers."""


def horizon(text: str) -> str | None:
    """ "short" or "long" when the text speaks of one time horizon only, else None."""
    short, long = bool(SHORT_HORIZON.search(text)), bool(LONG_HORIZON.search(text))
    return None if short == long else "short" if short else "long"


def other_horizon(asked: str | None, text: str) -> bool:
    """Does the sentence speak only of the other time horizon than the one asked about (`horizon(question)`)?"""
    return asked is not None and horizon(text) not in {None, asked}


REASON = re.compile(
    r"\b(?:because|due to|driven by|in anticipation of|reasons?|comes as|thanks to|so that|in order to|"
    r"given that|incentivi[sz]ed|motivated|as they|as it|as the|as (?:many|most|some|chinese|western)\b)",
    re.IGNORECASE,
)


EXPECTED_OUTCOME = re.compile(
    r"\b(?:expect\w*|predict\w*|likely|likelihood|forecast\w*|odds|chances?)\b(?:\W+\w+){0,8}?\W+"
    r"(?:vot(?:e|es|ing)|pass(?:es)?|signed\s+into\s+law|become\s+law|enact\w*)\b"
    r"|\b(?:vot(?:e|es|ing)|pass(?:es)?|signed\s+into\s+law|become\s+law)\b(?:\W+\w+){0,4}?\W+"
    r"(?:expect\w*|predict\w*|likely|odds|chances?)\b",
    re.IGNORECASE,
)
"""Asks for a forecast of a vote ("Does Cui expect the act to pass the Senate?", "When is the Senate expected to
vote?", "How likely is it to be signed into law?")."""


def gives_reason(text: str) -> bool:
    """Whether a sentence gives a reason ("…, as they need their output", "This comes as they look to…").
    A sentence that opens with "As" sets a scene ("As the value of deals continues to rise, …"): that "as"
    is not a reason."""
    return any(m.start() > 1 or not m.group(0).lower().startswith("as ") for m in REASON.finditer(text))


AREA = re.compile(
    r"\b(?:oncology|oncological|cancers?|tumou?rs?|immunology|immune|autoimmune|inflammat\w*|cardiometabolic|"
    r"cardiovascular|metabolic|obesity|diabetes|neurology|neuroscience|psychiatr\w*|rare diseases?|infectious|"
    r"respiratory|dermatology|ophthalmology|haematology|hematology|ADCs?|antibody-drug conjugates?|bispecifics?|"
    r"cell (?:and gene )?therap(?:y|ies)|gene therap(?:y|ies)|CGTs?|CAR-T|GLP-1|small molecules?|antibod(?:y|ies)|"
    r"vaccines?|mRNA|siRNA|radiopharmaceuticals?|biologics|modalit(?:y|ies)|therapeutic umbrella)\b",
    re.IGNORECASE,
)
"""A disease area or a kind of drug: what "which therapy area" and "what modality" are answered with."""
SET_ASIDE = (
    r"\b(?:beyond|besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|excluding|outside(?:\s+of)?)\s+"
)
"""Words that set a thing aside: "Beyond oncology, what other area...?" asks about anything but oncology."""

_AREA_FAMILIES = (
    (re.compile(r"^(?:onco|cancer|tumou?r)", re.IGNORECASE), "oncology"),
    (re.compile(r"^(?:immun|autoimmun|inflammat)", re.IGNORECASE), "immunology"),
    (re.compile(r"^(?:cardio|metabolic|obesity|diabetes|glp)", re.IGNORECASE), "cardiometabolic"),
    (re.compile(r"^(?:cell|gene|cgt|car-t)", re.IGNORECASE), "cgt"),
    (re.compile(r"^(?:adc|antibody-drug)", re.IGNORECASE), "adc"),
    (re.compile(r"^bispecific", re.IGNORECASE), "bispecific"),
)


def area_family(name: str) -> str:
    """One name for the words of an area ("cancer", "oncological" -> "oncology"); other words lower-cased."""
    return next((family for pattern, family in _AREA_FAMILIES if pattern.match(name)), name.lower())


def set_aside_areas(question: str) -> set[str]:
    """The areas a question sets aside ("Apart from cancer, ..." -> {"oncology"})."""
    return {
        area_family(m.group(0))
        for m in AREA.finditer(question)
        if re.search(SET_ASIDE + r"(?:the\s+)?$", question[: m.start()], re.IGNORECASE)
    }


def areas_named(text: str) -> set[str]:
    """The areas or modalities a text names, by family ("obesity" -> "cardiometabolic"), generic words left out."""
    return {
        area_family(m.group(0))
        for m in AREA.finditer(text)
        if not re.match(r"modalit|biologics|therapeutic|antibod", m.group(0), re.I)
    }


_MODALITY_FAMILIES = re.compile(
    r"^(?:cgt|adc|bispecific|small molecules?|antibod(?:y|ies)|vaccines?|mrna|sirna|radiopharmaceuticals?)$"
)
DISEASE_AREA_ASKED = re.compile(r"\b(?:therapy|therapeutic|disease|treatment)\s+(?:areas?|fields?)\b", re.IGNORECASE)
"""A disease area asked for ("Cancer aside, which therapeutic area...?"): a kind of drug does not answer it."""


def names_another_area(text: str, aside: set[str], *, diseases_only: bool = False) -> bool:
    """Does the text name an area other than those set aside ("modality" and "therapeutic umbrella" name none)?
    With `diseases_only`, a kind of drug (ADCs, cell therapy) is no other area."""
    others = areas_named(text) - aside
    return any(not _MODALITY_FAMILIES.match(a) for a in others) if diseases_only else bool(others)


_ASKS_AREA = re.compile(
    r"\b(?:what|which)\s+(?:other\s+)?(?:therapy\s+|therapeutic\s+|disease\s+|drug\s+)?(?:areas?|modalit(?:y|ies)|"
    r"indications?|tas?)\b",
    re.IGNORECASE,
)


FACT_CHECK = re.compile(
    r"^\s*(?:(?:is|was)\s+it\s+(?:right|true|correct|accurate)\b|confirm\b|fact[- ]?check\b|verify\b|"
    r"(?:quick|sanity|double)[- ]?check\b|"
    r"(?:am\s+i|are\s+we)\s+right\b|my\s+draft\s+says\b|correct\s+me\b)"
    # "And the AstraZeneca one — am I right it was even bigger, at $5.5bn?"
    r"|[—–:;,]\s*(?:am\s+i|are\s+we)\s+right\b"
    r"|\b(?:right|correct)\s+(?:number|figure|amount)\s*\?|\bcorrect\s+(?:it|me)?\s*if\s+not\b"
    r"|\b(?:is|was)\s+that\s+(?:the\s+)?(?:right|true|correct)\b|[\s,]+(?:right|correct|true|yes|no)\s*\?*\s*$"
    # "Is that what the piece actually says?", "Does that match the article?", "did I get that right?"
    r"|\bis\s+(?:that|this)\s+what\s+(?:the|it|this)\b[^?]*\bsays?\b|\bdoes\s+(?:that|this)\s+match\b"
    r"|\bdid\s+i\s+get\s+(?:that|this|it)\s+right\b|\bis\s+(?:that|this)\s+accurate\b"
    # "CN = 35% of deals in 2024? confirm"
    r"|(?:[?,.;:]\s*|\s+(?:pls|please)\s+)(?:pls\s+|please\s+)?(?:confirm|verify|check)\s*[?.!]*\s*$"
    # "...was a five-billion-dollar transaction, isn't it?", "Let me put it to you that...": a claim put to be
    # confirmed or corrected, as a lawyer or a sceptic puts it.
    r"|,\s*(?:isn['’]t|wasn['’]t|aren['’]t|weren['’]t|doesn['’]t|didn['’]t|won['’]t|hasn['’]t|haven['’]t)\s+"
    r"(?:it|that|he|she|they|there)(?:\s+so)?\s*\?*\s*$"
    r"|^\s*(?:let\s+me\s+put\s+it\s+to\s+you|so\s+your\s+testimony\s+is|you\s+would\s+agree|isn['’]t\s+it\s+true)"
    r"\s+that\b"
    # "AbbVie's deal didn't even reach a billion dollars, did it?", "Wasn't the AstraZeneca deal under $5bn?",
    # "Am I wrong that...?": a sceptic's claim, put in the negative.
    r"|,\s*(?:is|was|are|were|does|do|did|has|have|had|will)\s+(?:it|that|he|she|they|there)\s*\?*\s*$"
    r"|^\s*(?:and\s+|so\s+|but\s+)?(?:isn['’]t|wasn['’]t|aren['’]t|weren['’]t|doesn['’]t|didn['’]t|hasn['’]t|"
    # (not "Wasn't that company called something else before?": a question for what it was called)
    r"haven['’]t)\s+(?![^?]*\b(?:something|anything|someone|somebody|somewhere|some\s+other|another)\b)"
    r"|^\s*(?:am\s+i|are\s+we)\s+wrong\b|^\s*surely\b",
    re.IGNORECASE,
)
"""A claim to check ("Is it right that the deal was $6bn?", "Confirm: ..."): its figures are what the answer
confirms or corrects, not words the evidence must contain."""


_SCENE_SETTING = re.compile(
    r"\bas\s+(?:(?:the\s+)?(?:year\s+)?(?:19|20)\d\d|the\s+(?:year|decade)|the\s+new\s+year)\s+"
    r"(?:approaches|nears|looms|dawns|begins|unfolds|draws\s+to\s+an?\s+(?:close|end)|comes\s+to\s+an?\s+(?:close|end)|"
    r"winds\s+down|gets\s+under\s*way)\b",
    re.IGNORECASE,
)
"""A year that sets the scene ("As 2026 approaches, ..."), dating nothing the sentence says was done."""


def satisfies(expects: str | None, text: str) -> bool:
    """Does the text contain the kind of thing the question expects?"""
    if expects is None:
        return True
    if expects == "money":
        return bool(MONEY.search(text))
    if expects == "percent":
        return bool(PERCENT.search(text))
    if expects == "date":
        # "As 2026 approaches, Josh Smiley... predicts...": a year that only sets the scene dates nothing.
        return bool(DATE.search(_SCENE_SETTING.sub(" ", text)))
    if expects == "product":
        return bool(PRODUCT.search(text))
    if expects == "phase":
        return bool(PHASE.search(text))
    if expects == "duration":
        return bool(DURATION.search(text))
    if expects == "day":
        return bool(DAY.search(text))
    if expects == "count":
        # "28% of deals" is a share, "a “2.0” era" a version: neither is a count.
        stripped = re.sub(r"\d+\.\d+", " ", DATE.sub(" ", MONEY.sub(" ", PERCENT.sub(" ", text))))
        return bool(_COUNT.search(stripped))
    if expects == "area":
        return bool(AREA.search(text))
    if expects == "indication":
        return bool(INDICATION.search(text))
    if expects == "place":
        return bool(PLACE.search(text))
    if expects in {"person", "name"}:
        return bool(_NAME.search(text))
    if expects == "people":
        # "Which senators are behind the BIOSECURE Act?": a name that is no place, law or chamber (a sentence
        # naming the act, the Senate and the NDAA does not answer it).
        return any(re.sub(r"[’']s$", "", m.group(0)) not in NOT_COMPANIES for m in _NAME.finditer(text))
    if expects == "example":
        return bool(_GIVES_EXAMPLE.search(text))
    if expects in {"company", "companies"}:
        # A list question ("which pharmas") wants at least two.
        return len(company_names(text)) >= (2 if expects == "companies" else 1)
    return True


def company_names(text: str) -> set[str]:
    """Capitalised words other than places, nationalities, laws and speakers ("China’s" is China; "Smiley
    said" is a person; "FY2026" a year); a company's former name ("formerly known as BeiGene") is not another
    company."""
    # "Jeffries Asia healthcare head Cui Cui said...": a name opening the sentence, unless an everyday word.
    opening = _OPENING_NAME.match(text)
    first = [opening] if opening and specificity(opening.group(1).split()[0].lower()) >= 0.6 else []
    names = {
        re.sub(r"[’']s$", "", m.group(1) if m is opening else m.group(0))
        for m in [*first, *_NAMES.finditer(text)]
        if not SPEAKS.match(text, m.end())
        and not text[: m.start()].rstrip().endswith("According to")
        and not re.search(r"\b(?:formerly|previously)(?:\s+known\s+as)?\s*$", text[: m.start()], re.IGNORECASE)
    }
    # "BIOSECURE Act", "National Defense Authorization Act": no company.
    names = {n for n in names if not all(w in NOT_COMPANIES for w in n.split())}
    return {n for n in names if not any(ch.isdigit() for ch in n)}
