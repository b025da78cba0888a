"""Questions that offer options: the options no article speaks of are no part of what is asked.

An analyst checking a half-remembered fact offers choices ("What share of big pharma's 2024 innovator deals
came from China – 18%, 28% or 38%?", "is that companies chasing obesity or hypertension?", "was it AbbVie,
Pfizer and GSK, or Merck, Lilly and Sanofi?"). Read as it stands, such a question names things the articles
never mention (38%, hypertension, Sanofi), and those count against any passage as words it lacks: the
answerable question is refused. An option none (or, of a specialised term, at most half) of whose words the
passages found for the question hold is dropped when another option's words are all there; the question then
asks what the articles can confirm ("…came from China – 28%?"). When no option is there ("Did AstraZeneca
pay $110m or $200m upfront?") or all are ("2024 or 2025?"), the question stays as typed, and is judged as
any other. The passages are the engine's to find (`Engine._options_dropped`): the whole corpus would not do,
as among a few hundred medical abstracts every disease has its mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import long_forms, phrase_words
from .question import zipf
from .retrieval import STOPWORDS

_OR = re.compile(r"(,)?\s+or\s+", re.IGNORECASE)
# Where an option ends: the question's end, a dash, a relative clause ("ADCs or CAR-Ts that Smiley said").
_END = re.compile(
    r"\s*(?:[?!;:]|\.(?!\d)|\s[–—-]\s|\s\((?=\w)|$)|\s+(?=(?:that|which|who|whom|whose)\b)", re.IGNORECASE
)
# An "or" that joins clauses, or asks yes or no, offers no option: "..., or is there something else?",
# "or not", "or so", "or what".
_CLAUSE = re.compile(
    r"(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall|may|might|must|not|so|"
    r"what|who|which|how|why|when|where|else|other|others|anything|something|someone|anyone|otherwise|"
    r"vice|maybe|perhaps|any|two|three|four|five|more|less|fewer|both|either|neither|i|we|you|he|she|they|it|there|\w+n['’]t)\b",
    re.IGNORECASE,
)
# Where the first option can start at the earliest: after a dash, a colon, a question's opening.
_START = re.compile(
    r"(?:[?!;:(]|\.(?!\d)|\s[–—-]\s|^)\s*(?:(?:is|was|are|were)\s+(?:it|that|this|they)\s+)?", re.IGNORECASE
)
_NUMBER = re.compile(
    r"(?:US)?[$€£]?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:bn|billion|m|mn|million|k|%|per\s?cent|percent)\b|%)?"
    r"(?:\s+(?:January|February|March|April|May|June|July|August|September|October|November|December))?",
    re.IGNORECASE,
)
_APPROXIMATELY = re.compile(
    r"^(?:(?:about|around|roughly|approximately|nearly|almost|some|more\s+like|closer\s+to|nearer|maybe|"
    r"perhaps|just|over|under|above|below)\s+)+",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|do|does|did|has|have|had|will|would|can|could|should|may|might|must)\b",
    re.IGNORECASE,
)
# Words a parallel option starts with: "because costs are lower there, or because enrolment is quicker".
_LEADS = re.compile(
    r"(?:because|since|to|into|in|on|at|for|from|with|by|as|than|through|via|after|before|due)$", re.IGNORECASE
)


@dataclass
class _Option:
    start: int
    end: int

    def text(self, question: str) -> str:
        return question[self.start : self.end]


def offers_options(question: str) -> bool:
    """Whether the question offers options ("…18%, 28% or 38%?", "obesity or hypertension?")."""
    return " or " in question.lower() and any(_options(question, m)[0] for m in _OR.finditer(question))


def without_options(question: str) -> str:
    """The question with the word options that may be dropped taken out (all but the first): what to search for
    the passages that judge them, so that an option's own word does not fetch the one passage that mentions
    it ("…obesity or hypertension?" beside a blood-pressure abstract). Numbers stay: in a follow-up ("did
    the other one come in around $5.3bn or $3.5bn?") they are all that finds the passage."""
    for match in reversed(list(_OR.finditer(question))):
        options, numbers = _options(question, match)
        if options and not numbers:
            question = question[: options[0].start] + options[0].text(question) + question[options[-1].end :]
    return re.sub(r"\s+([?!.,])", r"\1", re.sub(r"\s{2,}", " ", question))


def drop_unmentioned(question: str, in_corpus: Callable[[str], bool]) -> str:
    """The question with the options taken out that no passage speaks of, when another option's words are all
    there (`in_corpus(word)`: whether the passages found for the question hold the word; not the whole corpus,
    where, among a few hundred medical abstracts, every disease has its mention)."""
    if " or " not in question.lower():
        return question
    for match in reversed(list(_OR.finditer(question))):
        options, numbers = _options(question, match)
        if options:
            question = _keep_mentioned(question, options, bool(match.group(1)), numbers, in_corpus)
    return re.sub(r"\s+([?!.,])", r"\1", re.sub(r"\s{2,}", " ", question))


def _options(question: str, match: re.Match[str]) -> tuple[list[_Option], bool]:
    """The options an "or" joins, as spans of the question (those before it, and the one after it), and whether
    they are numbers."""
    after = match.end()
    if _CLAUSE.match(question, after):
        return [], False
    end = _END.search(question, after)
    stop = end.start() if end else len(question)
    right = question[after:stop]
    grouped = bool(match.group(1)) and " and " in right  # "AbbVie, Pfizer and GSK, or Merck, Lilly and Sanofi"
    if grouped:
        last_and = right.rfind(" and ")
        comma = right.find(",", last_and)
        if comma >= 0:
            right = right[:comma]
    elif ", " in right:
        right = right[: right.index(", ")]
    right = right.rstrip()
    # A longer option only when it starts as the first does ("because costs are lower there, or because
    # enrolment is quicker"); "what drug or target sits at the heart of it" offers a clause, not options.
    if not right or len(right.split()) > (8 if _LEADS.match(right.split()[0]) else 5):
        return [], False
    # "What drug or programme is Novartis getting in that deal?": a verb in it makes it the question's clause.
    if not _LEADS.match(right.split()[0]) and _VERB.search(right):
        return [], False
    # "48 or 60 innovative drugs": the options are the numbers.
    filler = _APPROXIMATELY.match(right)
    number = _NUMBER.match(right, filler.end() if filler else 0)
    if number:
        right = right[: number.end()]
    before = question[: match.start()]
    opening = max((m.end() for m in _START.finditer(before)), default=0)
    if opening >= len(before):
        return [], False
    if number:
        # "$130bn, $230bn or $330bn", "1 December, 11 December or 11 November", "$5.3bn or closer to $3.5bn"
        left = []
        for m in _NUMBER.finditer(before, opening):
            left.append(_Option(m.start(), m.end()))
        while len(left) > 1 and not re.fullmatch(r"\s*,\s*", question[left[-2].end : left[-1].start]):
            left.pop(0)
        if not left or not re.fullmatch(r"\s*", question[left[-1].end : match.start()]):
            return [], False
        return [*left, _Option(after, after + len(right))], True
    width = len(right.split(", ")[0].split()) if grouped else len(right.split())
    if grouped:
        items = before[opening:].split(", ")
        members = items[-(right.count(", ") + 1) :]
        group = ", ".join([_first_words(members[0], width, right), *members[1:]])
        start = match.start() - len(group)
        return [_Option(start, match.start()), _Option(after, after + len(right))], False
    chunk = before[opening:]
    items = chunk.split(", ")
    if width > 3 or any(len(item.split()) > min(width + 1, 3) for item in items[1:]):
        items = items[-1:]  # "..., was it X or Y": the comma before is not the options'
    first = _first_words(items[0], width, right)
    spans = []
    position = match.start() - len(", ".join(items)) + (len(items[0]) - len(first))
    for k, item in enumerate(items):
        text = first if k == 0 else item
        spans.append(_Option(position, position + len(text)))
        position += len(text) + 2
    return [*spans, _Option(after, after + len(right))], False


def _first_words(chunk: str, width: int, right: str) -> str:
    """The first option, out of the words before it: as many words as the option after the "or", or from the
    word it too starts with ("because …, or because …")."""
    words = chunk.split()
    lead = right.split()[0]
    if _LEADS.match(lead):
        for k in range(len(words) - 1, -1, -1):
            if words[k].lower() == lead.lower():
                return " ".join(words[k:])
    return " ".join(words[-width:])


def _content(option: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", option.lower()) if w not in STOPWORDS]


def _lacking(option: str, in_corpus: Callable[[str], bool]) -> list[str]:
    """The option's words no passage holds, in its own words or the articles' ("cancer": oncology, "lic":
    licensing, "unbothered": unfazed)."""
    everyday = phrase_words(option)
    return [
        w
        for w in _content(option)
        if not (
            in_corpus(w)
            or any(all(in_corpus(x) for x in alt) for alt in long_forms(w))
            or any(in_corpus(x) for x in everyday.get(w, []))
        )
    ]


def _support(option: str, in_corpus: Callable[[str], bool]) -> float | None:
    """The share of an option's words (as the full-text index splits them) that some passage holds; for a
    number, 1 or 0: all its digits. None for an option of no content words ("by it"), which was not read right."""
    words = _content(option)
    if not words:
        return None
    if _NUMBER.fullmatch(_APPROXIMATELY.sub("", option)):
        return float(all(in_corpus(w) for w in words))
    return 1 - len(_lacking(option, in_corpus)) / len(words)


def _specialised(option: str, in_corpus: Callable[[str], bool]) -> bool:
    """Whether an option has a word the articles lack that everyday English rarely uses (a name, a term of
    art: "neurology", "Sanofi", "enrolment"), rather than only everyday words ("go solo", "fade")."""
    return any(zipf(w) < 4.0 for w in _lacking(option, in_corpus))


def _keep_mentioned(
    question: str, options: list[_Option], grouped: bool, numbers: bool, in_corpus: Callable[[str], bool]
) -> str:
    """The question with the options dropped that the articles do not speak of. Any number may go; of words,
    only those after the first option, whose start is read less surely ("real risk or noise": is the first
    option "risk" or "real risk"?), and only when the first is all there."""
    measured = [_support(o.text(question), in_corpus) for o in options]
    if any(s is None for s in measured):
        return question
    support = [s for s in measured if s is not None]
    best = max(support) if numbers else support[0]
    # Dropped: an option the articles hold at most half the words of, when the first's (or, of numbers,
    # another's) are all there ("API and contract manufacturing" after "generics and me-too drugs"); one they
    # hold none of, when that one is mostly there. ("teaming up with an MNC" stays: "MNC" is there, and
    # "teaming" a paraphrase.) And of words, only an option naming something specialised the articles lack
    # ("hypertension", "Sanofi", "API"): "partner or go solo?" offers two courses, and "solo", an everyday
    # word the articles do not use, is still what is asked.
    kept = [
        o
        for k, (o, s) in enumerate(zip(options, support, strict=True))
        if not (
            (numbers or (k and _specialised(o.text(question), in_corpus)))
            and ((best == 1.0 and s <= 0.5) or (best >= 0.5 and s == 0.0))
        )
    ]
    if not kept or len(kept) == len(options):
        return question
    texts = [o.text(question) for o in kept]
    joined = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + (", or " if grouped else " or ") + texts[-1]
    return question[: options[0].start] + joined + question[options[-1].end :]
