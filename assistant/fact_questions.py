"""Which questions extracted facts can answer, told from the question alone.

Kept apart from `fact_answers` (which needs the extraction rules, slow to import) so that an ordinary
question pays only for these few patterns.
"""

from __future__ import annotations

import re

_DEAL_WORDS = re.compile(
    r"\b(?:deals?|transactions?|agreements?|acquisitions?|takeovers?|partnerships?|collaborations?|tie-ups?|"
    r"licen[cs]ing\s+deals?|buyouts?)\b",
    re.IGNORECASE,
)
_SUPERLATIVE = re.compile(
    r"\b(?P<max>biggest|largest|highest|most\s+valuable|priciest|richest|top|major)\b|"
    r"\b(?P<min>smallest|lowest|least\s+valuable|cheapest)\b",
    re.IGNORECASE,
)
_TOP_N = re.compile(r"\btop\s+(?P<n>\d{1,2}|two|three|four|five)\b", re.IGNORECASE)
_SUM = re.compile(
    # ("for what sum?" asks for one deal's amount, not a total)
    r"\b(?:total|(?<!what\s)(?<!which\s)sum|combined|aggregate|add(?:ed)?\s+up|altogether|in\s+total|cumulative)\b",
    re.IGNORECASE,
)
NUMBER_OF = (
    r"(?<!happen to the )(?<!happens to the )(?<!happening to the )\bnumber\s+of\b"
    r"(?!(?:\s+[\w–-]+){1,4}\s+(?:(?:is|are|will|would)\s+)?(?:(?:expected|going|set|likely)\s+to\s+)?"
    r"(?:rise|grow|increase|fall|decline|drop|shrink|change|keep\s+(?:rising|growing|going\s+up|climbing|increasing)"
    r"|go\s+(?:up|down))\b)"
)
""""number of" asking for a count: not "Is the number of China–West deals expected to rise?" or "What happens to
the number of deals?", which ask about a trend."""
_COUNT_Q = re.compile(r"\bhow\s+many\b|" + NUMBER_OF, re.IGNORECASE)
NUMBER_TREND = re.compile(
    r"\bnumber\s+of\b.*\b(?:go(?:es|ing)?\s+up|rise|rising|increase|increasing|grow|growing|fall|falling|drop|"
    r"dropping|decline|declining|head(?:ed|ing)?|trend(?:ing)?)\b"
    # "What does he expect to happen to dealmaking and the number of deals?": its direction.
    r"|\b(?:happen(?:s|ed|ing)?\s+to|direction\s+of|trend\s+in|outlook\s+for)\b.*\bnumber\s+of\b",
    re.IGNORECASE,
)
"""Whether a number rises ("Does he think the number of deals is going to go up?"), not a count asked for."""
_LIST = re.compile(
    r"\b(?:list|lists|which|what\s+(?:are|were)|show|shows|name|names|all|every|mentions?|give\s+me)\b", re.IGNORECASE
)
_THRESHOLD = re.compile(
    r"(?P<op>at\s+least|no\s+less\s+than|above|over|more\s+than|greater\s+than|bigger\s+than|larger\s+than|"
    r"exceeding|in\s+excess\s+of|>=|>|at\s+most|no\s+more\s+than|below|under|less\s+than|smaller\s+than|<=|<)"
    r"\s*(?P<amount>(?:US\$|\$|€|£|¥|EUR|USD|RMB|CNY|GBP)?\s?\d[\d,.]*\s?(?:bn|billion|b|m|mn|million|k)?\b)",
    re.IGNORECASE,
)
_BOUND_CHOICE = re.compile(
    r"[<>]=?\s*\S+\s+or\s+[<>]|\b(?:above|over|more\s+than)\s+or\s+(?:below|under|less\s+than)\b"
    r"|\b(?:below|under|less\s+than)\s+or\s+(?:above|over|more\s+than)\b",
    re.IGNORECASE,
)


def threshold_asked(question: str) -> re.Match[str] | None:
    """A bound the deals must pass ("deals over $500m"); not a choice between two ("<$1bn or >$1bn?"), which
    asks what a deal was worth."""
    return None if _BOUND_CHOICE.search(question) else _THRESHOLD.search(question)


_INCLUSIVE = {"at least", "no less than", ">=", "at most", "no more than", "<="}
_BELOW = {"at most", "no more than", "below", "under", "less than", "smaller than", "<=", "<"}
_YEAR_Q = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_RELATIVE_Q = re.compile(r"\b(?P<rel>this|last)\s+year\b", re.IGNORECASE)
# "list the deals", "which deals", "what 2025 deals": a list of deals, not "which therapy area ... deals".
_LIST_DEALS = re.compile(
    r"\b(?:list|lists|listed|show|shows|name|names|named|mention|mentions|mentioned|give\s+me)\b.*"
    r"\b(?:deals|transactions|agreements|acquisitions)\b"
    # "all the 2025 deals", not "Is this all cancer, or are the deals...?"
    r"|\b(?:all|every)\s+(?:(?:the|of|those|these)\s+)*(?:[\w$–-]+\s+){0,3}(?:deals|transactions|agreements|acquisitions)\b"
    r"|\b(?:which|what)\s+(?:(?!of\b|\w+ed\b)[\w$–-]+\s+){0,4}(?:deals|transactions|agreements|acquisitions)\b"
    r"|^\s*what\s+(?:were|are)\s+the\s+(?:[\w$–-]+\s+){1,4}(?:deals|transactions|agreements)\b"
    # "What were the big 2025 China deals the article lists?"
    r"|^\s*what\s+(?:were|are)\b.*\b(?:deals|transactions|agreements)\s+(?:that\s+)?(?:the\s+)?(?:article|piece|story|it)\s+"
    r"(?:lists|mentions|names|cites)\W*$",
    re.IGNORECASE,
)
_ACQUISITION_Q = re.compile(r"\b(?:acquisitions?|takeovers?|buyouts?|mergers?)\b", re.IGNORECASE)

_WHO = re.compile(
    r"^\s*(?:who|which\s+(?:analysts?|executives?|people|persons?|experts?|ceos?|investors?|interviewees?|"
    r"speakers?|commentators?|sources?|one|"
    # "which of them said...", not "which of the 2025 deals mentioned were above $5bn?"
    r"of\s+(?:the|them)(?!\s+(?:[\w$–-]+\s+){0,3}(?:deals?|transactions?|agreements?|acquisitions?)\b)))\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:said|says|say|think|thinks|thought|believes?|believed|expects?|expected|predicts?|predicted|"
    r"forecasts?|argues?|argued|sees|saw|calls?|called|warns?|warned|claims?|claimed|views?|considers?|"
    r"dismiss\w*|describe[sd]?|mentions?|mentioned|notes?|noted|highlights?|highlighted|feels?|reckons?|"
    r"agrees?|agreed|disagrees?|quoted|sceptical|skeptical|bullish|bearish|optimistic|pessimistic|"
    r"cautious|unfazed|worried|confident|concluded|concludes|makes?\s+of|made\s+of|opinions?|stance|perspective)\b",
    re.IGNORECASE,
)
_PERSON_VIEW = re.compile(
    r"^\s*(?:what|how)\b.*\b(?:think|thinks|say|said|says|believe|believes|view|views|expect|expects|"
    r"predict|predicts|see|sees|feel|feels|opinion|opinions|stance)\b",
    re.IGNORECASE,
)
# "Who is Cui Cui?", "remind me who cui cui is?"
_WHO_IS = re.compile(
    r"^\s*(?:(?:pls\s+|please\s+|can\s+you\s+|could\s+you\s+)?(?:remind\s+me|tell\s+me|refresh\s+me)\s*[,:-]?\s*)?"
    # (not "who's showing interest...?", an -ing verb; nor "who's Josh Smiley and what's he predicting?", two questions)
    r"who(?:(?:\s+(?:exactly|precisely))?(?:\s+(?:is|was)|['’]s)\s+(?:this\s+|that\s+)?(?!\w+ing\b)(?P<name>(?:(?!\band\s+(?:what|how|why|which|when|where|who|is|does|did)\b)"
    r"[^?])+?)|\s+(?P<embedded>[^?]+?)\s+(?:is|was))(?:\s+again)?\s*\??\s*$",
    re.IGNORECASE,
)


_VALUE_OF_A_DEAL = re.compile(
    r"\bhow\s+(?:big|large|much)\s+(?:was|is|were)\b|\bhow\s+(?:big|large)\s*\??\s*$|\bwhat\s+(?:was|is)\s+(?:it|that|the\s+\w+(?:\s+\w+)?\s+deal)\s+worth\b"
    r"|\b(?:deal|agreement)\s+(?:size|value)\b|\b(?:size|value)\s+of\s+the\b"
    # "the total headline value on Novartis's in-licensing deal with Argo": one company's deal
    r"|\b(?:size|value)\s+(?:on|of)\s+\w+['’]s?\s+(?:[\w-]+\s+){0,2}(?:deal|agreement)\b"
    r"|\b(?:size|value|quantum|worth)\s+(?:on|of)\s+(?:that|this)\s+(?:deal|agreement)\b",
    re.IGNORECASE,
)
"""The value of one deal asked for: "How big was the Zenas deal?", "Zenas / InnoCare – how big was that one"."""

_WHO_IS_ASIDES = re.compile(
    # "this Mr Smiley whose opinions are quoted": who he is to the asker, not a view asked for.
    r"\s+whose\s+[^,?]+"
    # "Who is Cui Cui, the analyst quoted a few times?": who she is to the asker
    r"|,\s*(?:the|that|this)\s+(?:analyst|banker|executive|exec|man|woman|gentleman|lady|person|guy|expert|one)\b[^,?]*"
    # "..., and for which firm does he work?": the person's answer gives the firm.
    r"|,?\s+and\s+(?:for\s+|at\s+|with\s+)?(?:which|what)\s+(?:firm|company|organisation|organization|outfit)\s+"
    r"(?:does|is)\s+(?:he|she)\s*(?:work(?:\s+(?:for|at))?|with|at|from)?(?=\s*\??\s*$)",
    re.IGNORECASE,
)


def who_is(question: str) -> tuple[re.Match[str] | None, str]:
    """A "who is X?" question's match, and the question without the asides about X it may carry."""
    bare = _WHO_IS_ASIDES.sub("", question)
    return _WHO_IS.match(bare), bare


def may_answer_from_facts(question: str) -> bool:
    """Could `fact_answers.answer_from_facts` answer this? Lets the caller skip loading the facts."""
    if who_is(question)[0] or (_WHO.match(question) and _OPINION.search(question)) or _PERSON_VIEW.match(question):
        return True
    if _VALUE_OF_A_DEAL.search(question):
        # A named company's deal (perhaps typed in lower case: "zenas x innocare how big"): the deals table
        # gives its value and its other party.
        return True
    if not _DEAL_WORDS.search(question):
        return False
    return bool(
        _COUNT_Q.search(question)
        or _SUM.search(question)
        or _SUPERLATIVE.search(question)
        or threshold_asked(question)
        or _LIST.search(question)
    )
