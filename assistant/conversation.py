"""Follow-ups: "And immunology?", "Why are they popular?", "What did he say about BIOSECURE?".

A question that leans on the previous turn (a pronoun, an elliptical "and ...?" or "what about ...?", or
too few words of its own) is searched together with the previous turn's topic: its content words and the
names its answer was about. A self-contained question starts afresh.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .question import ANSWER_KIND_WORDS, AREA
from .retrieval import query_terms

if TYPE_CHECKING:
    from .engine import Conversation, Turn

_PRONOUNS = re.compile(
    r"\b(?:it|its|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|the same"
    r"|the deal|the deals|the company|the co|the firm|the act|the bill|the other|one|ones|either|both|other"
    # "What was the drug called?" after an answer naming one: that drug.
    r"|the drug|the medicine|the product"
    r"|another|else)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
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


_ASKS_FOR_VIEW = frozenset(
    "reason reasons reasoning rationale motivation argument logic view views take thoughts opinion point read".split()
)


_SAYING = frozenset("say says said mean means meant put".split())
_HEDGES = frozenset("exactly actually really just precisely again".split())


AGREEING_WORDS = (
    r"(?:(?:dis)?(?:agree|agrees|concur|concurs)|sees?\s+(?:it\s+|things\s+)?(?:the\s+same(?:\s+way)?|that\s+way)"
    r"|shares?\s+(?:that|this|the\s+same|her|his)\s+view|backs?\s+(?:her|him|them|that|this|it)\s+up|sides?\s+with"
    r"|on\s+the\s+same\s+page|sees?\s+eye\s+to\s+eye|in\s+agreement)"
)
"""How a question asks whether someone agrees: "agree", "see it the same way", "share that view"."""
_AGREES = re.compile(rf"\b{AGREEING_WORDS}\b", re.IGNORECASE)
"""'Does Smiley agree?': with what the thread was about."""


VIEW_OF_IT = re.compile(
    r"\b(?:see|sees|view|views|think\s+(?:of|about)|thinks\s+(?:of|about)|feel\s+about|feels\s+about|make\s+of|"
    r"makes\s+of|take\s+on|read\s+on)\s+(?:it|that|this|them|those)\b"
    # "and the Jefferies HC head's read?": that person's view, of nothing else named
    r"|(?:['’]s|\bher|\bhis|\btheir)\s+(?:read|take|view|verdict|line)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
"""A view of what the thread was about: "how does she see it?", "what does Smiley make of that?"."""


THOSE_THINGS = re.compile(
    r"\b(?:those|these)\s+(?:three\s+|two\s+)?(?:modalities|areas|assets|drugs|therapies|formats)\b", re.I
)
"""Things the last answer named: "Have those modalities actually proven themselves commercially?"."""


LASTS = re.compile(
    r"\b(?:last|lasts|stay|stays|continue|continues|remain|remains|persist|persists|hold\s+up|holds\s+up|keep\s+up|change)\b"
    r"(?:\s+(?:like\s+that|that\s+way|so|this\s+way))?\s*\??\s*$",
    re.IGNORECASE,
)
"""Asks whether what was just said will last: "Does he expect that to last?", "Will it stay like that?"."""


_BESIDES = re.compile(
    r"\b(?:other|else|another)\b|\b(?:besides|apart\s+from|aside\s+from|beyond|other\s+than)\s+"
    r"(?:that|this|those|these|it|them)\b",
    re.IGNORECASE,
)
"""Asks for more of the same kind: "Any other therapy area picking up?", "What else?", "besides that"."""


def is_follow_up(question: str) -> bool:
    from .question import FACT_CHECK, set_aside_areas

    terms = query_terms(question)
    if FACT_CHECK.search(question) and len(terms) >= 4:
        return False  # a claim states what it is about: "quick check — 20 deals over $1bn in 2023, is that right?"
    if set_aside_areas(question) and len(terms) >= 4:
        return False  # "Beyond oncology, what other area is popular, and which deals illustrate it?": its own topic
    if _ELLIPTICAL.match(question) or _PRONOUNS.search(question) or _AGREES.search(question):
        return True
    # "longer term?", "upfront?": a fragment of two words at most, naming nothing, leans on the thread.
    fragment = len(terms) <= 2 and not re.search(r"[A-Z0-9]", question) and question.rstrip().endswith("?")
    return len(terms) <= 1 or fragment


def _root(turns: list[Turn]) -> Turn:
    """The turn that opened the current thread: the last one that stands on its own. The conversation's
    first question always does, whatever it says ("Cui: near-term — partner or go it alone?")."""
    return next((t for t in reversed(turns[1:]) if not is_follow_up(t.question)), turns[0])


def _names(text: str) -> list[str]:
    names: dict[str, None] = {}
    for match in _NAME.finditer(text):
        words = [w for w in match.group(0).split() if w not in _COMMON_CAPITALISED]
        if words:
            names.setdefault(" ".join(words), None)
    return list(names)


_THEN = re.compile(
    r"\b(?:at\s+(?:that|this|the)\s+(?:point|time|stage|juncture)|(?:around|by|back|until)\s+then|at\s+the\s+time)\b",
    re.IGNORECASE,
)
"""A timeline's pointer back to the thread's moment: no topic of its own."""


def resolve_query(question: str, conversation: Conversation | None) -> str:
    """The text to search for: the question itself, or the question with the thread's topic.

    An elliptical question ("And immunology?", "Why?") borrows the frame of the question that opened the
    thread and of the previous one; one that leans on "it"/"they"/"that" borrows the names it can refer
    to; one about "he"/"she" keeps its own words, and the passages naming the thread's people are
    preferred instead (see `person_anchors`).
    """
    from .question import is_everyday_verb_form, specificity

    question = question.strip()
    if conversation is None or not conversation.turns or not is_follow_up(question):
        return question
    previous = conversation.turns[-1]
    root = _root(conversation.turns)
    # "her read at that point": at the thread's time, which is no topic of its own
    bare = re.sub(r"\s+(?=[?.!,]|$)", "", re.sub(r"\s{2,}", " ", _THEN.sub(" ", question)))
    own = set(query_terms(bare))
    names = [n for n in thread_names(conversation) if n.lower() not in own]
    # "What's his reasoning?": one word of its own; the rest is the thread's question. "Does the Ascentage
    # CEO agree?", "Does Josh Smiley agree with her?": a person and "agree", nothing else of its own.
    # "And what's happening on the Western side?": everyday verbs and vague nouns say nothing of their own.
    content = {t for t in own if specificity(t) >= 0.2 and not is_everyday_verb_form(t)}
    if (
        (len(own) <= 2 and (_ELLIPTICAL.match(question) or not _PRONOUNS.search(question)))
        or (len(content) <= 1 and _ELLIPTICAL.match(question) and not _PRONOUNS.search(question))
        # "And in dollar terms, how much were they worth?": nothing of its own but the kind of answer.
        or (own and own <= ANSWER_KIND_WORDS | {"deal", "deals"})
        or (len(own) <= 1 and own <= _ASKS_FOR_VIEW and _PERSON_PRONOUN.search(question))
        # "What exactly did he say?": nothing of its own but that he said it.
        or (own and own <= _ASKS_FOR_VIEW | _SAYING | _HEDGES and _PERSON_PRONOUN.search(question))
        or (_AGREES.search(question) and not _topic_besides_people(question))
        # "And the Jefferies analyst, how does she see it?": her view of what the thread was about.
        or (VIEW_OF_IT.search(bare) and len(own) <= 4)
    ):
        framing = [previous, root]
        new_year = any(_YEAR.fullmatch(t) for t in own)
        if new_year and not _YEAR.search(previous.question) and _YEAR.search(root.question):
            # "and in 2023?" after "Which deals does it list for 2025?" and "What was the upfront on that one?":
            # the year stands in for the opening question's...
            framing = [root]
        frame = [t for turn in framing for t in query_terms(turn.question) if t not in own]
        if AREA.search(question):
            # "And on immunology next year?" after "What's his line on ADCs?": the area stands in for the last one.
            frame = [t for t in frame if not AREA.fullmatch(t)]
        if new_year:
            # ...and that year's deals and names are not this one's.
            frame, names = [t for t in frame if not _YEAR.fullmatch(t)], []
        extra = " ".join(dict.fromkeys(frame + names[:3]))
        return f"{question} ({extra})" if extra else question
    answered = not previous.answer.abstained and previous.answer.sentences
    if THOSE_THINGS.search(question) and answered:
        # "Have those modalities proven themselves commercially?": the ones the last answer named.
        named = [m.group(0) for s in previous.answer.sentences for m in AREA.finditer(s.text)]
        if named:
            return f"{question} ({' '.join(dict.fromkeys(named))})"
    if LASTS.search(question) and answered:
        # "Does he think that advantage will last?", "Will it stay like that?": whether what the last answer
        # said holds; the article says so next to it, so that answer's words are searched too.
        said = [t for t in query_terms(previous.answer.sentences[0].text) if t not in own][:12]
        return f"{question} ({' '.join(said)})"
    if _BESIDES.search(question):
        # "Any other therapy area picking up?", "Where is he seeing an uptick besides that?": more of what the
        # last question asked for; the article says so next to it, so that question's words are searched too.
        frame = [t for t in query_terms(previous.question) if t not in own]
        extra = " ".join(dict.fromkeys(frame + names[:3]))
        return f"{question} ({extra})" if extra else question
    if _PERSON_PRONOUN.search(question) or not _PRONOUNS.search(question):
        # "he"/"she": retrieval prefers passages naming the thread's people (person_anchors); a question
        # with words enough and nothing pointing back ("And what do investors think of bispecifics?")
        # stands on its own.
        return question
    # "Why the interest in that area anyway?" after a refused question about cardiometabolic deals: no names
    # to point back to, so what that question asked about.
    extra = " ".join(names[:4]) or " ".join(t for t in query_terms(previous.question) if t not in own)
    return f"{question} ({extra})" if extra else question


def _topic_besides_people(question: str) -> bool:
    """Does the question name something besides people, their roles and organisations, and agreeing?"""
    from .question import analyse

    names = set(analyse(question).entities)
    return any(
        not (_AGREES.fullmatch(t) or ROLE_WORDS.fullmatch(t) or t in names or t in _ORGANISATION_SUFFIXES)
        for t in query_terms(question)
    )


def thread_names(conversation: Conversation) -> list[str]:
    """Names of the thread, most recent first: in the previous question and answer, then the opening ones
    (and, after a refusal, the last answered turn's)."""
    from .question import analyse

    previous = conversation.turns[-1]
    root = _root(conversation.turns)
    names: list[str] = []
    turns = [previous] if root is previous else [previous, root]
    if previous.answer.abstained:
        # A refused turn settled nothing ("What was the margin of the House vote?" - not in the corpus); "it"
        # in the next question still points at what the thread last had an answer about.
        answered = next(
            (i for i in range(len(conversation.turns) - 1, -1, -1) if not conversation.turns[i].answer.abstained), None
        )
        if answered is not None:
            before = conversation.turns[: answered + 1]
            its_root = _root(before)
            turns += [t for t in (before[-1], its_root) if t not in turns]
    # What the user named comes first: it is what "it" most likely points back to.
    for turn in turns:
        names += [e.capitalize() for e in analyse(turn.question).entities]
    for turn in turns:
        if not turn.answer.abstained:
            for sentence in turn.answer.sentences:
                names += _names(sentence.text)
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


def thread_person(
    conversation: Conversation,
    people: Iterable[tuple[str, str | None, str | None, tuple[str, ...]]],
    question: str = "",
    pronouns: dict[str, str] | None = None,
) -> str | None:
    """The person "he"/"she" most likely means: the first of the thread's names (most recent first) that
    is one of the people the articles introduce (by full name or the surname they use), and whom the
    articles call by that pronoun (`pronouns`: name -> "he"/"she", when known). "And what does she expect?"
    after a turn about Smiley goes back to Cui."""
    asked = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "hers": "she"}
    said = {asked[w.lower()] for w in _PERSON_PRONOUN.findall(question)}
    pronouns = pronouns or {}
    known = [
        (name, {name.lower(), *(a.lower() for a in aliases)})
        for name, _r, _o, aliases in people
        if not (len(said) == 1 and pronouns.get(name, next(iter(said))) not in said)
    ]
    # Names as typed count too: "what does cui say...?" names Cui, lower case or not.
    # So do names a role was read as: "Does Zai Lab's president expect...?" was asked of Smiley (the query).
    # The person the last question asked about comes first: "and per her, ...?" after a refused "same query,
    # person = the Jefferies analyst" (read as Cui) that followed a turn about Yang means Cui.
    last, root = (
        list(query_terms(f"{turn.question} {turn.query}"))
        for turn in (conversation.turns[-1], _root(conversation.turns))
    )
    for mention in [*last, *thread_names(conversation), *root]:
        m = re.sub(r"[’']s$", "", mention.lower())
        for name, forms in known:
            if m in forms or any(part in forms for part in m.split()):
                return name
    return None


ROLE_WORDS = re.compile(
    r"\b(?:ceo|coo|cfo|cso|cmo|cto|president|chair(?:man|woman|person)?|head|founder|analyst|director|vp|"
    r"chief|exec|executive|boss|md|partner|woman|women|man|men|guy|lady|person|expert|spokesperson|rep)s?\b",
    re.IGNORECASE,
)


_TITLES = frozenset("ceo coo cfo cso cmo cto president chairman chairwoman chairperson chair founder".split())
"""Titles one person holds: "the Zai Lab CEO" is not its COO (a "head" or "boss" may be either)."""


def _loose_founder(titles: set[str], question: str) -> bool:
    """ "the Ascentage founder's exact words": people call a founder-led company's chief its founder; the
    article's CEO is meant, unless the question asks who holds the title ("Who founded Ascentage?")."""
    return titles == {"founder"} and not re.search(
        r"\bwho\s+(?:is|was|are|were)\s+(?:the\s+)?(?:\w+\s+)?(?:co-?)?founders?\b|\bwho\s+(?:co-?)?founded\b"
        r"|\bfounders?['’]?s?\s+name\b|\bname\s+of\s+(?:the\s+)?(?:\w+\s+)?founders?\b",
        question,
        re.IGNORECASE,
    )


def mentions_a_role(question: str) -> bool:
    """Cheap test before the people table is consulted: "Zai Lab's COO", "the Ascentage CEO"."""
    return bool(ROLE_WORDS.search(question))


def name_people_by_role(question: str, people: Iterable[tuple[str, str | None, str | None]]) -> tuple[str, list[str]]:
    """The question with people it points at by role and organisation named instead, and their names.

    `people` are (name, role, organisation) as the articles introduce them. "Zai Lab COO view on deal
    pricing" points at Josh Smiley, "president and COO of ... Zai Labs", and becomes "Josh Smiley view on
    deal pricing": the role words would otherwise pull the sentence that introduces him, not his view.
    The organisation must be named (a distinctive word of it, allowing a one-letter slip: "Jefferies" for
    the article's "Jeffries") and the question must use a role word; a person already named is left out.
    """
    if not mentions_a_role(question):
        return question, []
    people = list(people)  # read twice: by organisation, then by title alone
    tokens = list(re.finditer(r"[A-Za-z][\w’'-]*", question))
    words = [re.sub(r"[’']s$", "", t.group(0).lower()) for t in tokens]

    from .lexicon import long_forms

    def is_role(k: int, role_words: frozenset[str] = frozenset()) -> bool:
        if ROLE_WORDS.fullmatch(words[k]) or words[k] in role_words:
            return True
        return any(all(w in role_words for w in alt) for alt in long_forms(words[k]))  # "HC": healthcare

    found: list[str] = []
    spans: list[tuple[int, int, str]] = []
    titles = {w for w in words if w in _TITLES}
    for name, role, organisation in people:
        role_words = frozenset(re.findall(r"[a-z]+", (role or "").lower()))
        if not organisation or any(part.lower() in words for part in name.split()):
            continue
        if titles and role_words and not titles & role_words and not _loose_founder(titles, question):
            continue  # "Who is the CEO of Zai Lab?": its president and COO is not its CEO
        distinctive = [w.lower() for w in re.findall(r"[A-Za-z][\w-]+", organisation) if len(w) >= 3]
        distinctive = [w for w in distinctive if w not in _ORGANISATION_SUFFIXES]
        # "ZLAB COO": a ticker stands for the company ("zai lab").
        hits = [
            k
            for k, w in enumerate(words)
            if distinctive
            and (
                _same_word(distinctive[0], w)
                or any(alt and _same_word(distinctive[0], alt[0]) for alt in long_forms(w))
            )
        ]
        if not hits:
            continue
        found.append(name)
        said = name.split()[-1]  # as the articles mostly refer to them after introducing them: "Smiley"
        # "Zai Lab's COO", "the COO of Zai Lab", "Jefferies Asia HC head": the organisation, its suffixes
        # and the role words right around it make one span, said instead as the person's name.
        first = last = hits[0]
        while last + 1 < len(words) and (words[last + 1] in _ORGANISATION_SUFFIXES or is_role(last + 1, role_words)):
            last += 1
        # "the COO of Zai Lab", "the woman from Jefferies", "the analyst at Jefferies"
        if first >= 2 and words[first - 1] in {"of", "from", "at"} and is_role(first - 2, role_words):
            first -= 2
        while first >= 1 and is_role(first - 1, role_words):
            first -= 1
        spans.append((tokens[first].start(), tokens[last].end(), said))
    if not found:
        return _by_title_alone(question, people)
    out = question
    for start, end, name in sorted(spans, reverse=True):
        out = out[:start] + name + out[end:]
    said_forms = [n.split()[-1] for n in found]
    return re.sub(r"\bthe (?=" + "|".join(re.escape(n) for n in said_forms) + ")", "", out), list(dict.fromkeys(found))


_TITLE_PHRASES = (
    (re.compile(r"\bchief\s+executive(?:\s+officer)?\b", re.IGNORECASE), "ceo"),
    (re.compile(r"\b(?:chief\s+operating\s+officer|operations\s+chief|operating\s+chief)\b", re.IGNORECASE), "coo"),
    (re.compile(r"\bchief\s+financial\s+officer\b", re.IGNORECASE), "cfo"),
    (re.compile(r"\b(" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")\b", re.IGNORECASE), ""),
)
_DETERMINER = r"(?:the|its|their|his|her|that|this)"
_CHINA_SIDE = r"(?:us-china|china|chinese|mainland|asia|asian|returnee|homecoming)"
_ORG_KIND = r"(?:company|firm|biotech|biopharma|drugmaker|pharma|group|outfit|business|startup|start-up)"
_TITLE_BEFORE = re.compile(
    # "the COO", "the returnee CEO", "the Chinese drugmaker's chief executive", "that dual-market company's COO"
    rf"\b{_DETERMINER}\s+(?:(?:{_CHINA_SIDE}|{_ORG_KIND})\s+)*"
    rf"(?:(?:(?-i:[a-z])[\w-]*|{_CHINA_SIDE})\s+){{0,3}}?(?:(?-i:[a-z])[\w-]*|{_CHINA_SIDE})['’]s\s+$"
    rf"|\b{_DETERMINER}\s+(?:(?:{_CHINA_SIDE}|{_ORG_KIND})\s+)*$",
    re.IGNORECASE,
)
_TITLE_AFTER_ORGANISATION = re.compile(r"^\s+(?:of|at|from|for)\s+(?!(?:the|a|an|its|their|that|this)\b)\w", re.I)


def _by_title_alone(question: str, people: Iterable[tuple[str, str | None, str | None]]) -> tuple[str, list[str]]:
    """ "What does the returnee CEO think?", "the dual-market company's operations chief", "the bank's Asia
    healthcare head": a title (or the whole role) that only one person the articles quote holds, said with a
    description rather than the organisation's name. A title tied to another name ("the CEO of Novartis",
    "AstraZeneca's CEO", "the Swiss drugmaker's CEO") names nobody the articles quote."""
    people = list(people)
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", question)}
    if any(part.lower() in words for name, _r, _o in people for part in name.split()):
        return question, []
    spans: list[tuple[int, int, str]] = []
    for pattern, title in _TITLE_PHRASES:
        for m in pattern.finditer(question):
            if not any(a <= m.start() < b for a, b, _t in spans):
                spans.append((m.start(), m.end(), title or m.group(1).lower()))
    for _name, role, _org in people:
        role_words = [w for w in re.findall(r"[a-z]+", (role or "").lower()) if w != "and"]
        if len(role_words) >= 2:  # "Asia healthcare head", or "head of healthcare, Asia"
            for m in re.finditer(r"\b" + r"\s+".join(role_words) + r"\b", question, re.IGNORECASE):
                spans.append((m.start(), m.end(), " ".join(role_words)))
    if not spans:
        return question, []

    def holds(role: str | None, title: str) -> bool:
        role = (role or "").lower()
        return title == role or title in re.findall(r"[a-z]+", role) or (title == "chairperson" and "chair" in role)

    holders = {name for _a, _b, title in spans for name, role, _o in people if holds(role, title)}
    held = all(any(holds(role, title) for _n, role, _o in people) for _a, _b, title in spans)
    if len(holders) != 1 or not held:  # "the CTO and the COO": the CTO is nobody the articles quote
        return question, []
    for start, end, _title in spans:
        if _TITLE_AFTER_ORGANISATION.match(question[end:]) or not _TITLE_BEFORE.search(question[:start]):
            return question, []
    name = holders.pop()
    out = question
    for start, end, _title in sorted(spans, reverse=True):
        out = out[:start] + name.split()[-1] + out[end:]
    # "the dual-market company's Smiley" -> "Smiley"
    out = re.sub(
        rf"\b{_DETERMINER}\s+(?:[\w-]+\s+){{0,3}}?[\w-]+['’]s\s+(?={re.escape(name.split()[-1])})", "", out, flags=re.I
    )
    out = re.sub(rf"\b{_DETERMINER}\s+(?:[\w-]+\s+){{0,2}}?(?={re.escape(name.split()[-1])})", "", out, flags=re.I)
    return out, [name]


def surname_people(question: str, people: Iterable[tuple[str, str | None, str | None]]) -> tuple[str, list[str]]:
    """The question with people named in full (with their organisation before them) said by surname, as
    the articles say them after introducing them, and those people.

    "According to Zai Lab's Josh Smiley, what makes China so attractive?" becomes "According to Smiley,
    what makes China so attractive?": otherwise the sentence that introduces "Josh Smiley, president and
    COO of ... Zai Labs" outscores, on the names alone, the ones where he says why.
    """
    out, found = question, []
    for name, _role, organisation in people:
        parts = name.split()
        if len(parts) < 2:
            continue
        org = ""
        if organisation:
            words = [w for w in re.findall(r"[A-Za-z][\w-]+", organisation) if w.lower() not in _ORGANISATION_SUFFIXES]
            if words:
                org = rf"(?:{re.escape(words[0])}\w*(?:\s+\w+)?[’']s\s+|{re.escape(words[0])}\w*\s+)?"
        full = r"\s+".join(re.escape(p) for p in parts)
        pattern = re.compile(rf"\b{org}{full}\b", re.IGNORECASE)
        if pattern.search(out):
            out = pattern.sub(parts[-1], out)
            found.append(name)
        elif org:
            # "according to Zai Lab's Smiley": the organisation before the surname is part of naming him too.
            by_surname = re.compile(rf"\b{org[:-1]}{re.escape(parts[-1])}\b", re.IGNORECASE)
            out = by_surname.sub(parts[-1], out)
    return out, found


_ORGANISATION_SUFFIXES = {
    "pharma",
    "pharmaceutical",
    "pharmaceuticals",
    "biopharma",
    "biopharmaceutical",
    "biotech",
    "therapeutics",
    "labs",
    "lab",
    "inc",
    "ltd",
    "group",
    "holdings",
    "medicines",
    "the",
}


def _same_word(a: str, b: str) -> bool:
    """Equal, or (both at least 5 letters) one edit or transposition apart: "jeffries"/"jefferies"."""
    from rapidfuzz.distance import OSA

    return a == b or (min(len(a), len(b)) >= 5 and OSA.distance(a, b, score_cutoff=1) <= 1)
