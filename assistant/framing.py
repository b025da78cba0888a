"""Questions in a frame of someone's work, without the frame: a quiz's blanks, a product ticket's user story,
what another outlet reported, and a speechwriter's request for a line to quote.

"AstraZeneca paid ___ upfront to CSPC." asks what fills the gap; "As a BD lead, I want to know X, so that I can
benchmark our offer." asks X; "Bloomberg had the deal at $5.3bn. Does this piece agree?" asks what the articles
say, and the other outlet's name and figures are not what is looked for. Each reading needs its frame's own
markers (a gap, "As a … I want", an outlet's name before a verb of reporting), so other questions pass unchanged.
"""

from __future__ import annotations

import re

# --- blanks --------------------------------------------------------------------------------------------------

_GAP = r"(?:_{2,}|\[\s*(?:blank|gap)\s*\]|\(\s*(?:blank|gap)\s*\)|<\s*blank\s*>)"
_ELLIPSIS_GAP = r"(?:\[\s*(?:\.\.\.|…)\s*\]|…|\.\.\.)"
_CLOZE_LEAD = re.compile(
    r"^\s*(?:fill\s+in(?:\s+the\s+(?:blanks?|gaps?))?(?:\s+both)?|complete(?:\s+the\s+(?:sentence|blank|gap|line))?|"
    r"what\s+goes\s+(?:here|in\s+the\s+(?:blank|gap))|gap|cloze)\s*[:\-–—]\s*",
    re.IGNORECASE,
)


def unblanked(text: str) -> str:
    """A cloze as the question it is: "The House passed the BIOSECURE Act on ___." -> "The House passed the
    BIOSECURE Act on what?"; "Fill in: Smiley serves as ___ and ___ at Zai Lab." -> "Smiley serves as what at
    Zai Lab?"; "Same blank for the Novartis one: ___." -> "And what about the Novartis one?". An ellipsis is a gap
    only after a lead-in ("Complete the sentence: ... with …")."""
    lead = _CLOZE_LEAD.match(text)
    gap = _GAP + (f"|{_ELLIPSIS_GAP}" if lead else "")
    if not re.search(gap, text):
        return text
    if lead:
        text = text[lead.end() :]
    same = re.match(
        rf"^\s*(?:and\s+)?(?:the\s+)?same\s+(?:blank|gap|question)s?\s+(?:for|with|on)\s+(.+?)\s*[:,]?\s*(?:{gap})?\s*[.?!]*\s*$",
        text,
        re.IGNORECASE,
    )
    if same:
        return f"And what about {same.group(1)}?"
    # "Cui Cui is the ___ head at Jefferies.", "Josh Smiley serves as ___ at Zai Lab": the person's role there.
    role = re.match(
        rf"^\s*(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}})\s+(?:is|was|serves\s+as|works\s+as)\s+"
        rf"(?:(?:the|a|an)\s+)?(?:{gap})(?:\s*(?:and|or|,)\s*(?:{gap}))?(?:\s+[a-z-]+){{0,2}}?\s+(?:at|of|for|with)\s+"
        r"(?P<where>[A-Z][^,.?!]*?)\s*[.?!]?\s*$",
        text,
    )
    if role:
        return f"What is {role.group('who')}’s role at {role.group('where')}?"
    # "And the company he runs as CEO is ___.": what it is.
    last = re.match(
        rf"^\s*(?P<and>and\s+)?(?P<what>.{{3,80}}?)\s+(?P<verb>is|was|are|were)\s+(?:{gap})\s*[.?!]?\s*$", text, re.I
    )
    if last:
        what = last.group("what")
        what = what[0].lower() + what[1:] if what[1:2].islower() else what
        return f"{'And what' if last.group('and') else 'What'} {last.group('verb').lower()} {what}?"
    # "(the abbreviation, please)", "(one word)": how to answer, not what
    text = re.sub(
        r"\s*\((?:[^()]{0,40}\b(?:please|abbreviation|one\s+word|two\s+words|in\s+words|figure)\b[^()]*)\)",
        "",
        text,
        flags=re.I,
    )
    text = re.sub(rf"(?:{gap})\s*(?:and|or|,)\s*(?:{gap})", "what", text)
    text = re.sub(rf"\b(?:a|an)\s+(?={gap})", "", text)
    # "there were ___ transactions": how many
    text = re.sub(
        rf"\b(there\s+(?:were|are|have\s+been)|were|are)\s+(?:{gap})(?=(?:\s+[\w–-]+){0, 2}?\s+[\w–-]+s\b)",
        lambda m: f"{m.group(1)} how many",
        text,
        flags=re.IGNORECASE,
    )
    # "The House passed the BIOSECURE Act on ___.": when (a day is what goes after "on")
    on = re.match(rf"^\s*(?P<and>and\s+)?(?P<what>.+?)\s+on\s+(?:{gap})\s*[.?!]?\s*$", text, re.I)
    if on:
        what = on.group("what")
        what = what[0].lower() + what[1:] if re.match(r"(?:the|a|an|it|this|that)\b", what, re.I) else what
        return f"{'And when' if on.group('and') else 'When'} {what}?"
    text = re.sub(gap, "what", text)
    return text.strip().rstrip(".?!:;, ") + "?"


# --- user stories --------------------------------------------------------------------------------------------

_ROLE = r"(?:an?|the)\s+[^,.;:?]{2,80}?"
_WANT = r"(?:want|need|would\s+like|wish|expect|am\s+looking|'d\s+like|’d\s+like)"
_KNOW = r"(?:to\s+(?:know|see|learn|understand|find\s+out|get|have|check|confirm|capture|identify)\s+)?"
_PURPOSE = re.compile(
    r"(?:,?\s+so\s+(?:that\s+)?(?:I|we|our|my|the|they|it)\b|,?\s+in\s+order\s+to\b|,?\s+to\s+help\s+(?:me|us)\b)"
    r"[^?]*?(?=[?.!]?\s*$)",
    re.IGNORECASE,
)
_WH = r"(?:what|which|who|whom|whose|when|where|why|how|whether|if)\b"


def _as_question(what: str) -> str:
    what = what.strip().rstrip(".?! ")
    if not what:
        return what
    if re.match(_WH, what, re.IGNORECASE):
        return what[0].upper() + what[1:] + "?"
    # "the year Dajun Yang moved back to China": when he did
    when = re.match(
        r"(?:the\s+)?(?:year|date|day|month)\s+(?:that\s+|when\s+|in\s+which\s+|on\s+which\s+)?(.+)$", what, re.I
    )
    if when:
        return f"When {when.group(1)}?"
    if re.match(r"(?:list|name|find|get|capture|understand|identify|learn|see|know)\s+", what, re.IGNORECASE):
        what = re.sub(r"^(?:list|name|find|get|capture|understand|identify|learn|see|know)\s+", "", what, flags=re.I)
        if re.match(_WH, what, re.IGNORECASE):
            return what[0].upper() + what[1:] + "?"
    return f"What is {what}?"


def unstoried(text: str) -> str:
    """A product ticket's user story as the question in it: "As a BD lead, I want to know X, so that I can Y." ->
    "X?" (or "What is X?"); "Story: investor wants X. Acceptance: Y." -> "What is X?"; "Job to be done: list X, so
    our dashboard shows Y." -> "What is X?"; "Given X, when I Y, then what Z?" -> "X: Y: what Z?"."""
    story = re.match(rf"^\s*as\s+{_ROLE}\s*,\s*I\s+{_WANT}\s+{_KNOW}(?P<what>.+?)\s*$", text, re.IGNORECASE | re.DOTALL)
    if story:
        return _as_question(_PURPOSE.sub("", story.group("what")))
    story = re.match(
        r"^\s*(?:user\s+)?story\s*:\s*(?:[^.?!]{2,60}?)\s+(?:wants?|needs?|asks?|would\s+like)\s+"
        rf"{_KNOW}(?P<what>[^.?!]+?)[.?!]?\s*(?:acceptance(?:\s+criteri(?:on|a))?\s*:\s*(?P<accept>.+?))?\s*$",
        text,
        re.IGNORECASE,
    )
    if story:
        return _as_question(_PURPOSE.sub("", story.group("what")))
    job = re.match(
        r"^\s*(?:job\s+to\s+be\s+done|jtbd|acceptance(?:\s+criteri(?:on|a))?|requirement|need)\s*:\s*(?P<what>.+?)\s*$",
        text,
        re.IGNORECASE,
    )
    if job:
        what = _PURPOSE.sub("", job.group("what"))
        # "the tool states where X": what it should state is the question
        what = re.sub(
            r"^(?:the\s+(?:tool|app|assistant|system|answer|output)\s+)?(?:states?|shows?|lists?|gives?|returns?|says?)\s+",
            "",
            what,
            flags=re.IGNORECASE,
        )
        return _as_question(what)
    given = re.match(
        r"^\s*given\s+(?P<given>[^,]+?)\s*,\s*when\s+(?:I|we|the\s+\w+|a\s+\w+)\s+(?P<when>[^,]+?)\s*,\s*then\s+"
        r"(?P<then>.+?)\s*$",
        text,
        re.IGNORECASE,
    )
    if given:
        then = re.sub(
            r"\s+should\s+(?:I|we|it|the\s+\w+|our\s+\w+)\s+(?:see|show|say|list|read|display|point\s+to|give)\b"
            r"|\s+should\s+(?:appear|show)\b",
            "",
            given.group("then"),
            flags=re.IGNORECASE,
        )
        return f"{given.group('given')}: {given.group('when')}: {then.rstrip('?. ')}?"
    return text


# --- other outlets -------------------------------------------------------------------------------------------

_OUTLETS = (
    r"Bloomberg(?:\s+(?:Intelligence|News|Law))?|Reuters|(?:the\s+)?FT|(?:the\s+)?Financial\s+Times|Endpoints(?:\s+News)?|"
    r"STAT(?:\s+News)?|Fierce\s*(?:Biotech|Pharma)?|Nikkei(?:\s+Asia)?|(?:the\s+)?SCMP|(?:the\s+)?South\s+China\s+Morning\s+Post|"
    r"BioCentury|BioSpace|(?:the\s+)?(?:WSJ|Wall\s+Street\s+Journal)|CNBC|Caixin|Scrip|Pink\s+Sheet|In\s+Vivo|"
    r"Evaluate(?:\s+Pharma|\s+Vantage)?|Citeline|(?:the\s+)?Economist|(?:the\s+)?(?:New\s+York\s+Times|NYT)|Axios|"
    r"Politico|(?:the\s+)?Guardian|(?:the\s+)?Information|Barron['’]?s|Forbes|Business\s+Insider|Yicai|"
    r"Pharmaceutical\s+Executive|BioPharma\s+Dive|Fierce\s+Pharma\s+Asia|Jiemian|21st\s+Century\s+Business\s+Herald"
)
_REPORTING = (
    r"(?:says?|said|had|has|have|reported|reports?|wrote|writes?|put|puts|pegged|pegs|tallied|tallies|flagged|flags|"
    r"quoted|quotes|paraphrased|argued|argues|claimed|claims|framed|frames|credited|credits|listed|lists|named|names|"
    r"called|calls|cited|cites|ran|described|describes|noted|notes|estimated|estimates|suggested|suggests|"
    r"characterised|characterized|profiled|headlined|reckons|reckoned|counted|counts|framed|covered|covers|"
    r"(?:ran|published|carried)\s+(?:a\s+)?(?:piece|story|column|profile|report|note)\s+(?:saying|claiming|arguing|that|on))"
)
_OUTLET_CLAIM = re.compile(
    rf"^\s*(?:(?:a|an|one|the)\s+)?(?:recent\s+)?(?:{_OUTLETS})(?:['’]s?)?(?:\s+(?:piece|story|column|profile|report|"
    rf"article|note|analysis|headline|write-?up|feature|interview))?(?:\s+(?:from|in|on)\s+\w+)?\s+{_REPORTING}\s+"
    r"(?P<claim>[^?]+?)(?:[.;:]|\s+[—–-]|,)\s+(?P<ask>[^.]*\?)\s*$",
    re.IGNORECASE,
)
_PER_OUTLET = re.compile(rf"^\s*(?:per|according\s+to|via)\s+(?:{_OUTLETS})\s*,\s*", re.IGNORECASE)
_THIS_PIECE = r"(?:this|the)\s+(?:piece|article|story|report|one|text)|here"


def unreported(text: str) -> str:
    """What another outlet reported, as the question about what the articles say: "Bloomberg had AstraZeneca's
    CSPC pact at about $5.3bn. Does this piece agree on the headline value?" -> "AstraZeneca's CSPC pact: does this
    piece agree on the headline value?". The other outlet's figures go when the question asks for the articles'
    own ("what figure does this article use?"), and its name always (it is not in the articles)."""
    text = _PER_OUTLET.sub("", text)
    match = _OUTLET_CLAIM.match(text)
    if not match:
        return text
    claim, ask = match.group("claim").strip(), match.group("ask").strip()
    # the outlet's own figure is what the question checks, not what it asks for
    claim = re.sub(
        r"\s*(?:\b(?:at|to|around|about|roughly|some|nearly|almost|reach|worth(?:\s+up\s+to)?|up\s+to)\s+|~)"
        r"(?:about|around|roughly|some|nearly|almost|~)?\s*\$\s?\d[\d.,]*\s*(?:bn|m|billion|million|trillion|tn)?\+?"
        r"(?![\w-])(?:\s+in\s+total)?",
        "",
        claim,
        flags=re.IGNORECASE,
    )
    claim = re.sub(
        r"\s*(?:at|to)\s+(?:roughly|about|around)?\s*(?:a|one)\s+(?:third|quarter|half|fifth)\b", "", claim, flags=re.I
    )
    claim = re.sub(r"\s+(?:pegged|put|placed|valued|estimated)\s*$", "", claim.strip(), flags=re.IGNORECASE)
    ask = re.sub(rf"\s*,?\s*(?:in|per|according\s+to)\s+(?:{_THIS_PIECE})\b", "", ask, flags=re.IGNORECASE)
    ask = re.sub(rf"\s+(?:in\s+)?(?:{_THIS_PIECE})\s*(?=\?)", "", ask, flags=re.IGNORECASE)
    return f"{claim}: {ask[0].lower()}{ask[1:]}" if claim else ask


# --- a line to quote -----------------------------------------------------------------------------------------

_QUOTE_REQUEST = re.compile(
    r"^\s*(?:(?:can\s+you\s+)?give\s+me|i\s+need|i['’]d\s+like|i\s+want|find\s+me|get\s+me|i['’]m\s+after)\s+"
    r"(?:something|a\s+(?:line|quote|soundbite|sentence|phrase))\s+(?:[\w-]+\s+){0,2}?(?:from|by)\s+(?P<who>[^—–?]+?)\s+"
    r"(?:about|on|regarding)\s+(?P<what>[^—–?]+?)\s*(?:[—–]\s*[^?]*)?[.?!]?\s*$",
    re.IGNORECASE,
)
_TO_CITE = re.compile(
    r"^\s*i\s+(?:want|need|['’]d\s+like|plan)\s+to\s+(?:cite|quote|use|attribute|mention)\s+(?P<what>[^—–?]+?)"
    r"(?:\s+(?:safely|correctly|properly|accurately|on\s+stage))?\s*[—–:]+\s*(?P<ask>[^?]+\?)\s*$",
    re.IGNORECASE,
)


def unquotable(text: str) -> str:
    """A speechwriter's request for a line, as the question it asks: "Give me something quotable from the
    Jefferies analyst on why Chinese firms can't go it alone." -> "What does the Jefferies analyst say about why
    Chinese firms can't go it alone?"; "I want to cite the patent-cliff number safely — whose estimate is it?"
    -> "the patent-cliff number: whose estimate is it?"."""
    request = _QUOTE_REQUEST.match(text)
    if request:
        return f"What does {request.group('who')} say about {request.group('what')}?"
    cite = _TO_CITE.match(text)
    if cite:
        return f"{cite.group('what')}: {cite.group('ask')}"
    return text


def unframed(text: str) -> str:
    """The frames, in turn."""
    return unquotable(unreported(unstoried(unblanked(text))))
