"""Questions as people dictate them, turned into the typed form the rest of the engine reads.

Speech-to-text gives "um so what does josh smiley at zay lab expect going into twenty twenty six": filler
words, numbers spelled out, names split or misheard ("astra zeneca", "bei gene", "a d c's", "zay lab").
Typed chat has the same habits in smaller doses. Each rewrite is checked against the corpus itself: two
words are joined only when the index holds the joined word and not the first part, a misheard name is
replaced only by a name the articles hold one edit away, so a cleanly typed question comes out unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from .chinese import english_terms
from .codemix import code_mixed
from .framing import unframed
from .question import is_rare_english, one_edit, rare_zipf, zipf
from .tickers import company_names

_FILLER_START = re.compile(
    r"^(?:\s*(?:um+|uh+|erm+|er|hmm+|ok(?:ay)?|alright|g['’]?day(?:\s+mate)?|fair\s+dinkum|crikey|mate|cheers)"
    r"(?![\w'’-])[\s,.!]*)+",
    re.IGNORECASE,
)
"""Fillers before the question. "So" and "well" stay: "So what does she recommend?" follows on from the thread."""
_COURTESY = re.compile(
    r"^\s*(?:(?:would|could|can|will)\s+you\s+(?:(?:be\s+so\s+kind\s+as|be\s+good\s+enough|care)\s+to\s+)?"
    r"(?:kindly\s+|please\s+)?|(?:please|kindly)\s+)?(?:remind|tell|inform)\s+me(?:\s+once\s+more|\s+again)?"
    r"(?:\s*,?\s*(?:if\s+you\s+would|if\s+you\s+please|please)\s*,?)?[\s,:]*"
    r"(?=(?:who|what|which|when|where|why|how|whether|if|in\s+which|for\s+which|of\s+which)\b)"
    r"|^\s*(?:would|could)\s+you\s+be\s+so\s+kind\s+as\s+to\s+"
    r"|,\s*(?:if\s+you\s+would|if\s+you\s+please|if\s+I\s+may)\s*(?=,)",
    re.IGNORECASE,
)
"""Courtesy around the question ("Would you be so kind as to remind me in which fields...", "Remind me, if
you would, who..."): how it is asked, not what ("kind" and "remind" are no words to find)."""
_HEDGE = re.compile(
    r"\bI\s+(?:wonder|was\s+wondering|am\s+wondering)\s+(?:whether|if)\s+"
    r"(?:it\s+(?:might|would|could|may)\s+be\s+(?:fair|right|accurate|correct|reasonable)\s+to\s+(?:say|suggest|ask)\s+(?:that\s+)?)?"
    r"(?:you\s+(?:might|could|would)\s+be\s+(?:in\s+a\s+position|able)\s+to\s+tell\s+me\s+)?"
    r"|\b(?:might|would|could|may|is)\s+it\s+(?:not\s+)?be\s+(?:fair|right|accurate|correct|reasonable)\s+to\s+(?:say|suggest)\s+"
    r"(?:that\s+)?"
    r"|\bI\s+should\s+(?:be\s+(?:grateful|interested|glad)|like)\s+to\s+(?:know|learn|hear)\s*,?\s*"
    r"|,?\s*with\s+the\s+usual\s+caveat\s+that\s+[^,—–?]*,"
    r"|,\s*all\s+things\s+considered(?=\s*[?.]?\s*$)"
    # "— one recalls a certain reputation for imitation —": the asker's own musing between dashes.
    r"|\s[—–]\s*(?:one|I)\s+(?:recalls?|suspects?|imagines?|assumes?|gathers?|have\s+in\s+mind|am\s+thinking"
    r"(?:\s+here)?\s+of|might\s+suspect|should\s+add|know)\b[^—–?]*(?:[—–]|(?=\?)|$)"
    r"|\s[—–]\s*given\s+that\b[^—–?]*[—–]",
    re.IGNORECASE,
)
"""A scholar's hedges around the question ("I wonder whether it might be fair to say that...", "I should be grateful
to know, with the usual caveat that such projections..., what..."): how it is asked, not what."""
_FILLER = re.compile(
    r"\b(?:um+|uh+|erm+|hmm+)\b[,.]?\s*|,?\s*\byou know\b,?|,\s*I\s+mean\b(?=\s*(?:[,—–?.]|$))", re.IGNORECASE
)

_CORRECTION = r"(?:sorry|no|I\s+mean|or\s+rather)"


def _self_corrected(text: str) -> str:
    """Speech's false starts and corrections, as the speaker meant them: "in 2024, no, sorry, 2023" -> "in 2023";
    "the Novartis — sorry, the AstraZeneca deal" -> "the AstraZeneca deal"; "what — what stretch" -> "what
    stretch"; "the Zenas — Zenas Biopharma — deal" -> "the Zenas Biopharma deal"."""
    # A year, taken back: "was it 2023, no, 2024" (the later one is meant).
    text = re.sub(
        r"\b(?:was\s+it\s+)?(?:19|20)\d\d\s*[,—–]?\s*"
        + _CORRECTION
        + r"\s*[,—–]?\s*(?:sorry\s*,?\s*)?(?=(?:19|20)\d\d\b)",
        "",
        text,
        flags=re.IGNORECASE,
    )
    # A word or two broken off at a dash and corrected: "Smiley — no, Yang", "the R— sorry, the research" (not
    # "Yang — no worries there?").
    text = re.sub(
        r"(?:\b(?:the|a|an)\s+)?[\w’'&-]+\s*[—–]+\s*" + _CORRECTION + r"\s*,\s*",
        "",
        text,
        flags=re.IGNORECASE,
    )
    # A name said again in full: "Cui — Cui Cui — think" -> "Cui Cui think".
    text = re.sub(r"\b([A-Z][\w-]*)\s*[—–]\s*(\1(?:\s+[A-Z][\w-]*)+)\s*[—–]\s*", r"\2 ", text)
    # A false start repeated: "what's it, what's it pivoting", "the — the paperwork", "before he — before he".
    return re.sub(r"\b([a-z][\w’']*(?:\s+[a-z][\w’']*){0,2})\s*(?:,|[—–]+)\s+\1\b", r"\1", text)


_APOSTROPHES = {
    w.replace("'", ""): w
    for w in """who's what's where's how's that's there's she's he's it's don't doesn't didn't isn't aren't wasn't
    weren't can't couldn't shouldn't wouldn't haven't hasn't hadn't won't i'm i've they're you're we're""".split()
    if w not in ("he's", "it's", "won't", "we're")  # "hes", "its", "wont", "were" are words of their own
}
"""Contractions dictated or typed without the apostrophe ("whos dajun yang", "doesnt")."""

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TWO_DIGITS = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: 10 + i for i, w in enumerate(_TEENS)}
_TWO_DIGITS |= {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_ONE_TO_NINE, _TEN_TO_NINETY = "|".join(_UNITS), "|".join(_TEENS + _TENS)
_YEAR = re.compile(
    rf"\b(nineteen|twenty)[\s-]+(?:(oh)[\s-]+({_ONE_TO_NINE})|({_TEN_TO_NINETY})(?:[\s-]+({_ONE_TO_NINE}))?)\b",
    re.IGNORECASE,
)
"""A year said the usual way: "twenty twenty six", "nineteen ninety-nine", "twenty oh five"."""
_NUMBER_WORD = "|".join(_UNITS + _TEENS + _TENS + ["zero", "hundred", "thousand", "million", "billion", "trillion"])
_SPOKEN_AMOUNT = re.compile(
    rf"\b(?:a|{_NUMBER_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_NUMBER_WORD}|point))*\b", re.IGNORECASE
)
_SCALE = re.compile(r"\b(?:hundred|thousand|million|billion|trillion|point)\b", re.IGNORECASE)
_HALF = re.compile(r"\bhalf a (billion|million)\b", re.IGNORECASE)
_LETTERS = re.compile(r"(?<![\w’'])(?:[A-Za-z]\.?\s+){1,5}[A-Za-z]\.?(?:['’]?s\b)?(?![\w’'])")
"""Letters said one by one ("a d c's", "u s", "n m p a"): an acronym, when the corpus holds it."""


_FLAGS = {
    "CN": "China",
    "US": "US",
    "EU": "EU",
    "GB": "UK",
    "JP": "Japan",
    "KR": "Korea",
    "IN": "India",
    "DE": "Germany",
}


_DICTATED = re.compile(
    r"\bquestion\s+mark\b|\bcomma\b|\bfull\s+stop\b|\bnew\s+(?:line|paragraph)\b|\b(?:open|close|end)\s+quotes?\b"
    r"|\bunquote\b",
    re.IGNORECASE,
)
_SPOKEN_MARKS = (
    (r"\s*\bnew\s+(?:line|paragraph)\b\s*", " "),
    (r"\s*\bquestion\s+mark\b", "?"),
    (r"\s*\bexclamation\s+(?:mark|point)\b", "!"),
    (r"\s*\b(?:full\s+stop|period)\b", "."),
    (r"\s*\bsemi-?colon\b", ";"),
    (r"\s*\bcolon\b", ":"),
    (r"\s*\bcomma\b", ","),
    (r"\bopen\s+(?:quote|quotes|quotation\s+marks?)\s+(?=\w)", '"'),
    (r"(?<=\w)\s+(?:(?:close|end)\s+(?:quote|quotes|quotation\s+marks?)|unquote)\b", '"'),
    # "…worth in total. Scratch that, I mean the 2024 figure?": the words after it are what is meant.
    (r"\s*[,.;]?\s*\bscratch\s+that\b\s*[,.;]?\s*(?:i\s+mean\b\s*,?\s*)?", ", "),
)


def _dictated(text: str) -> str:
    """Dictation that writes out the punctuation said aloud, punctuated: "what did smiley say about adcs question
    mark" -> "what did smiley say about adcs?"; "open quote two point oh close quote" -> a quoted "2.0"; "scratch
    that" takes the words before it back. Only a text that says "question mark", "comma", "full stop", "new line"
    or a quote is read so ("period" alone is a word)."""
    if not _DICTATED.search(text):
        return text
    for pattern, mark in _SPOKEN_MARKS:
        text = re.sub(pattern, mark, text, flags=re.IGNORECASE)
    text = re.sub(r"^[\s,.;:]+", "", text)
    return re.sub(r"([,.;:?!])(?=[^\s\d\"”’'])", r"\1 ", text).strip()


_SINGLISH = re.compile(
    r"\b(?:lah|leh|lor|meh|sia|liao|hor)\b|\bah\s*[?!,]|\bang\s+moh\b|\bkiasu\b|\bgot\s+(?:say|give|make)\b",
    re.IGNORECASE,
)
_PARTICLE = r"lah|leh|lor|meh|sia|liao|hor|ah|one"
_DETERMINERS = {"the", "that", "this", "other", "another", "any", "each", "every", "no", "a", "which"}


def _singlish(text: str) -> str:
    """Singapore's colloquial English in its standard form: sentence particles dropped ("how much they pay ah?"),
    "…or not?" and a clause-final "one" ("which city one?") as plain questions, "got" as the verb it stands
    for, "ang moh" as Western. "which X one?" is read so even without a particle; the rest only in a question
    that has one ("lah", "leh", "meh", "…ah?"), so "Ah, and the other one?" keeps its words."""
    # "from which city one?", "how much one?": the question ("which one?" stays, and so does "how much was the
    # AstraZeneca one?", where "one" is the deal meant)
    text = re.sub(
        r"\b((?:which|what|how\s+much|how\s+many)(?:\s+(?!(?:the|that|this|those|these|a|an|other|another)\b)"
        r"[\w’'-]+){1,3}?)\s+one(?=\s*(?:ah|leh|lah)?\s*[?!])",
        r"\1",
        text,
        flags=re.IGNORECASE,
    )
    if not _SINGLISH.search(text):
        return text
    text = re.sub(r"^\s*eh\b[\s,]*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^\s*last\s+time\b", "In the past", text, flags=re.IGNORECASE)

    def particle(match: re.Match[str]) -> str:
        # "the AZ one leh?", "from that one ah?": "one" is the thing meant
        before = text[max(0, match.start() - 20) : match.start()].lower().split()
        if match.group(1).lower() == "one" and set(before[-2:]) & _DETERMINERS:
            return match.group(0)
        return ""

    # "…or not ah?", "…still grow ah?", "…enter what era already ah?", "…drugs one, now…"
    for _ in range(3):
        text = re.sub(
            r"(?:\s*,)?\s+(or\s+not|already|" + _PARTICLE + r")(?=\s*[?!.,]|\s*$)",
            particle,
            text,
            flags=re.IGNORECASE,
        )
    text = re.sub(r"\bang\s+moh\b", "Western", text, flags=re.IGNORECASE)
    text = re.sub(r"\bkiasu\b", "keen", text, flags=re.IGNORECASE)
    text = re.sub(r"\bdamn\s+(?=\w)", "very ", text, flags=re.IGNORECASE)
    text = re.sub(r"\bgot\s+(?=(?:say|give|make|quote|become|sell|sign|name|any)\b)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(^|[?!.,]\s+)got\b", r"\1is there", text, flags=re.IGNORECASE)
    text = re.sub(r"\bgot\b", "has", text, flags=re.IGNORECASE)
    return re.sub(r"\bgo\s+(?=(?:buy|partner|sell)\b)", "", text, flags=re.IGNORECASE)


def _social(text: str) -> str:
    """A post's emoji: flags as their country ("into 🇨🇳" -> "into China"), the others dropped."""
    if text.isascii():
        return text

    def flag(m: re.Match[str]) -> str:
        code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.group(0))
        return f" {_FLAGS.get(code, '')} "

    text = re.sub(r"[\U0001F1E6-\U0001F1FF]{2}", flag, text)
    text = "".join(
        " " if unicodedata.category(c) == "So" or c in "\u200d\ufe0f" or 0x1F300 <= ord(c) <= 0x1FAFF else c
        for c in text
    )
    return text


def _tags(text: str) -> str:
    """A post's tags: after the question dropped, inside it read as words ("#BIOSECURE") and tickers ("$ZLAB");
    a line break as the colon between a topic and its question."""
    if "#" not in text and "$" not in text and "\n" not in text:
        return text
    # "...? #biotech #China", "...this yr? $ONC": tags after the question are how it was posted, not what is asked.
    text = re.sub(r"(?<=[?.!])(?:\s*[#$]\w+)+\s*$", "", text)
    text = re.sub(r"#(?=[A-Za-z])", "", text)  # "#BIOSECURE is back": the word ("# of deals" stays)
    text = re.sub(r"\$(?=[A-Z]{2,5}\b)(?!BN\b|MN\b|USD\b)", "", text)  # "$ZLAB": the ticker, not an amount
    # "$ZLAB's Josh Smiley\nwhat's his call?": a topic on one line, the question on the next.
    return re.sub(r"(?<![.?!:;,])\s*\n+\s*", ": ", text).replace("\n", " ")


_US_PRONOUN = re.compile(
    r"\b(?:tell|tells|told|give|gives|gave|show|shows|let|lets|help|helps|for|with|among)\s+$", re.I
)


def _unshouted(text: str, names: Iterable[str]) -> str:
    """A question typed in capitals, in the case it would have been typed in: "WHAT WAS ASTRAZENECAS CSPC DEAL
    WORTH" -> "what was AstraZeneca’s CSPC deal worth". The articles' names get their own case back, whole
    ("Zai Labs") or by their first word ("Argo", "Zai"); "US" stays the country unless it follows "tell",
    "give", "for"..."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 12 or len(re.findall(r"[A-Za-z]+", text)) < 4:
        return text
    if sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return text

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w == "I" or (w == "US" and not _US_PRONOUN.search(text[: m.start()])):
            return w
        return w.lower()

    lowered = re.sub(r"[A-Za-z][A-Za-z&-]*", word, text)
    forms: dict[str, str] = {}
    for name in names:
        forms.setdefault(name.lower(), name)
        forms.setdefault(name.split()[0].lower(), name.split()[0])
    if forms:
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        lowered = re.sub(
            rf"(?<![\w-])({alternatives})(s)?(?![\w-])",
            lambda m: forms[m.group(1)] + ("’s" if m.group(2) and not m.group(1).endswith("s") else m.group(2) or ""),
            lowered,
        )
    return re.sub(r"\br\s*(?:and|&|n)\s*d\b", "R&D", lowered)  # "R AND D"


_CODE = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bWHERE\s+\w+\s*=|\bLIMIT\s+\d|\b[A-Za-z]\w*\([^()]*(?:=|'|\)\s*$)"
    r"|\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z_]+\b(?![.\d])|\b[a-z]+=\w",
)
"""A question typed as code: SQL, a function call, snake_case or dotted names ("cui.outlook(topic='licensing')")."""


def _uncoded(text: str) -> str:
    """A question typed as a query or a call, in words: "SELECT COUNT(*) FROM deals WHERE yr = 2023" -> "how many
    deals where yr 2023"; "get_quote(person='Cui', topic='BIOSECURE')" -> "quote Cui, on BIOSECURE"."""
    if not _CODE.search(text):
        return text
    text = re.sub(r"\s*--\s*", ": ", text)  # an SQL comment: what the asker adds in words
    # "get_quote(person='Yang', topic='BIOSECURE')": Yang's quote on BIOSECURE.
    text = re.sub(r"\b(?:get|fetch|find|lookup|list|show|query)_(?=[a-z])", "", text)
    text = re.sub(r"\b(?:person|speaker|who)\s*=\s*", "", text)
    text = re.sub(r"\b(?:topic|about|subject)\s*=\s*", "on ", text)
    text = re.sub(r"\bSELECT\s+COUNT\s*\(\s*\*?\s*\)\s+FROM\b", "how many", text, flags=re.I)
    text = re.sub(r"\bCOUNT\s*\(\s*\*?\s*\)", "how many", text, flags=re.I)
    text = re.sub(r"\bSUM\s*\(([^()]*)\)", r"total \1", text)
    text = re.sub(r"\bIN\s*\(([^()]*)\)", lambda m: "in " + m.group(1).replace(",", ", "), text)
    text = re.sub(r"\bSELECT\s+(?:DISTINCT\s+)?", "what ", text)
    text = re.sub(r"^\s*WHERE\b", "", text)
    text = re.sub(r"\bORDER\s+BY\s+(\w+)\s+DESC\s+LIMIT\s+1\b", r"with the most \1", text)
    text = re.sub(r"\bLIMIT\s+1\s+OFFSET\s+1\b", "second", text)
    text = re.sub(r"\b(?:ORDER\s+BY|LIMIT\s+\d+|OFFSET\s+\d+|DESC|ASC)\b", " ", text)
    text = re.sub(r"\b(FROM|WHERE|AND|OR|IN|NOT)\b", lambda m: m.group(1).lower(), text)
    text = re.sub(r"\s*(?:!=|<>)\s*", " not ", text)
    text = re.sub(r"\s*==?\s*(?:TRUE|True|true)\b", "", text)
    text = re.sub(r"(?<=\d)\.\.(?=\d)", "-", text)  # '2025..2030'
    text = re.sub(r"\s*=\s*\?", "?", text)  # "ta=?": what it is
    text = re.sub(r"\s*==?\s*", " ", text)
    text = re.sub(r"(?<=[A-Za-z)}\]])\.(?=[a-z_])", " ", text)  # "cui.outlook": Cui's outlook
    text = re.sub(r"\(\s*\)|\[\s*\]|[{}]", " ", text)
    text = re.sub(r"(?<=\w)\((?=[^()]*\))", " ", text)  # a call's brackets
    text = re.sub(r"(?<=[\w'?])\)", " ", text)
    text = re.sub(r"'([^']*)'", r"\1", text)
    text = re.sub(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])", " ", text)
    return re.sub(r"\s{2,}", " ", re.sub(r"\s+([,?:])", r"\1", text)).strip()


_SCOTS = {
    "whit": "what",
    "wis": "was",
    "aboot": "about",
    "hoo": "how",
    "cannae": "cannot",
    "didnae": "did not",
    "dinnae": "do not",
    "disnae": "does not",
    "isnae": "is not",
    "wasnae": "was not",
    "wouldnae": "would not",
    "widnae": "would not",
    "couldnae": "could not",
    "shouldnae": "should not",
    "havenae": "have not",
    "wi'": "with",
    "wi’": "with",
    "o'": "of",
    "o’": "of",
    "an'": "and",
    "an’": "and",
    "ken": "know",
    "kent": "known",
    "yon": "that",
    "youse": "you",
    "wee": "little",
    "noo": "now",
    "gonnae": "going to",
    "efter": "after",
    "fae": "from",
    "intae": "into",
    "oot": "out",
    "wha": "who",
    "wha's": "who is",
    "wha’s": "who is",
    "mony": "many",
    "ony": "any",
    "ower": "over",
    "aw": "all",
    "hale": "whole",
    "hauf": "half",
    "ain": "own",
    "wan": "one",
    "cawed": "called",
    "afore": "before",
    "roond": "round",
    "alane": "alone",
    "lang": "long",
    "huv": "have",
    "fashed": "worried",
    "daein'": "doing",
    "daein’": "doing",
    "insteid": "instead",
    "fur": "for",
    "jist": "just",
    "hame": "home",
    "wey": "way",
    "awbody": "everybody",
    "thegither": "together",
    "gaffer": "boss",
    "dae": "do",
    "dis": "does",
    "gie": "give",
    "gies": "give me",
    "naw": "no",
    "mair": "more",
    "maist": "most",
    "twa": "two",
    "oor": "our",
    "sae": "so",
    "aff": "off",
    "doon": "down",
    "heid": "head",
    "flog": "sell",
    "gaun": "going",
    "tellt": "told",
}
"""Scots as a Glaswegian types it ("Whit wis the AstraZeneca deal worth, hen?"), in the English the articles use."""
_SCOTS_ONLY = frozenset(
    """whit aboot hoo cannae didnae dinnae disnae isnae wasnae wouldnae widnae couldnae shouldnae havenae gonnae intae
    awbody thegither insteid fashed cawed huv youse tellt""".split()
)
"""Words only Scots has: one of them and the question is read as Scots."""
_SCOTS_MARKERS = _SCOTS_ONLY | frozenset(
    """wis noo efter oot wha mony ony ower ain afore roond alane hale hauf aff doon mair wi' wi’ o' o’ an' an’ fae
    tae gaun jist""".split()
)
"""Words Scots has that English might (a name, an abbreviation): two of them ("fur", "ken", "aye" are English)."""
_TEXTING = {
    "hw": "how",
    "wats": "what's",
    "smth": "something",
    "sth": "something",
    "shd": "should",
    "tryna": "trying to",
    "kinda": "kind of",
    "sorta": "sort of",
    "thru": "through",
    "abt": "about",
    "w/": "with",
    "b/c": "because",
    "w/o": "without",
    "bc": "because",
    "rn": "now",
    "ppl": "people",
    "bcuz": "because",
    "cuz": "because",
    "gonna": "going to",
    "vibe": "view",  # "wats the ascentage ceo's vibe on biosecure"
    "wanna": "want to",
    "gotta": "have to",
    "dunno": "do not know",
    "wat": "what",
    "shud": "should",
    "wud": "would",
    "cud": "could",
    "wen": "when",
    "b4": "before",  # "wat was china knwon for b4 all this"
    "ovr": "over",  # "how many china deals ovr 500m"
    "tryin": "trying",  # "r any chinese cos tryin to go global"
}
"""Texting shorthand with one meaning ("hw much r us drug sales supposed to tank"), spelled out."""
_TEXTING_FILLER = re.compile(
    r"(?<![\w'’])(?:lowkey|highkey|ngl|tbh|idk|imo|imho|lol|lmao|fr(?:\s+fr)?|istg|smh|tho)(?![\w'’])[,.!]*\s*"
)
"""Texting's asides ("ngl", "lowkey", "fr", "lol"): how it is said, not what is asked."""


_RELATIVE_YEARS = {
    "the year before last": -2,
    "two years ago": -2,
    "two years earlier": -2,
    "a year ago": -1,
    "last year": -1,
    "earlier this year": 0,
    "this year": 0,
    "next year": 1,
    "the coming year": 1,
    "the year after next": 2,
    "in two years' time": 2,
}
_RELATIVE_YEAR = re.compile(
    r"\b(?P<prep>(?:in|for|into|during|over|from|since|until|through|by|of|between|and|to)\s+)?"
    r"(?P<when>" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in _RELATIVE_YEARS) + r")(?P<own>['’]s)?\b",
    re.IGNORECASE,
)
_DECADE_END = re.compile(r"\b(?:by|until|to|through|and)\s+the\s+end\s+of\s+the\s+decade\b", re.IGNORECASE)


def _relative_years(text: str, year: int) -> str:
    """ "last year", "the year before last", "next year", "by the end of the decade": the years they are as the
    newest article counts them ("As 2025 draws to a close..."), so that its figures' years can answer."""

    def absolute(match: re.Match[str]) -> str:
        when = str(year + _RELATIVE_YEARS[re.sub(r"\s+", " ", match.group("when").lower())])
        if match.group("own"):
            return f"the {when}"  # "last year's licensing trends": the 2024 licensing trends
        return f"{match.group('prep')}{when}" if match.group("prep") else f"in {when}"

    text = _RELATIVE_YEAR.sub(absolute, text)
    return _DECADE_END.sub(lambda m: f"{m.group(0).split()[0]} {year // 10 * 10 + 10}", text)


_LAY_TERMS = [
    # "China's antibody-drug combos", "double antibodies": the modalities by their names.
    (r"\bantibody[- ]drug\s+(?:combo|combination)(s?)\b", r"antibody-drug conjugate\1"),
    (r"\bdouble[- ]antibod(?:y|ies)\b", "bispecifics"),
    # "renting out the rights", "drug-rental deals": licensing, as the trade says it.
    (r"\brent(?:ing)?[- ]out[- ]the[- ]rights\b", "out-licensing"),
    (r"\brented[- ]out\b", "out-licensed"),
    (r"\b(?:drug|rights)[- ]rental\b", "licensing"),
    (r"\b(?:a\s+|the\s+)?down[- ]payment(?:\s+up[- ]?front)?\b", "the upfront"),
    (r"\b(?:(?:the|a)\s+)?deposit\b", "the upfront"),
    (r"\bdrug\s+start-?up(s?)\b", r"biotech\1"),
    (r"\b(?:drug\s+)?watchdog\b", "regulator"),
    (r"\bweight[- ]loss\s+(?:drugs?|medicines?|jabs?|pills?)\b", "obesity drugs"),
    (r"\bnewfangled\b", "next-generation"),
    # "mainland firms", "the mainland regulator", "mainland-made": China, as the articles name it.
    (r"\bmainland\s+(?=chin)", ""),
    (r"\bthe\s+mainland\b", "China"),
    (r"\bmainland-(?=\w)", "China-"),
    (r"\bmainland\b", "Chinese"),
    (r"\bplugg(?:ing|ed)\s+away\s+at\b", "focusing on"),
    (r"\bgive\s+(.{1,40}?)\s+the\s+nod\b", r"pass \1"),
    (r"\bgave\s+(.{1,40}?)\s+the\s+nod\b", r"passed \1"),
]
"""A layperson's words for the trade's terms ("the deposit Novartis handed over", "antibody-drug combos")."""


def _lay_terms(text: str) -> str:
    """Everyday words for the trade's terms, in the trade's words: "antibody-drug combos" -> "antibody-drug
    conjugates", "the deposit" -> "the upfront", "renting out the rights" -> "out-licensing"."""
    for pattern, replacement in _LAY_TERMS:
        text = re.sub(pattern, replacement, text, flags=re.IGNORECASE)
    return text


def _deal_sheet(text: str) -> str:
    """A deal tracker's shorthand, in words: "'24" -> 2024, "Zenas x InnoCare" -> "Zenas–InnoCare" (the pair as
    articles name a deal), "in-lic'ing" -> "in-licensing"."""
    text = re.sub(
        r"(?<![\w'’$£€])['’](\d\d)(?![\w%'’])",
        lambda m: ("20" if int(m.group(1)) < 50 else "19") + m.group(1),
        text,
    )
    text = re.sub(r"\b([A-Z][\w&.-]*)\s+[x×]\s+(?=[A-Z])", r"\1–", text)
    text = re.sub(r"\blic['’]?ing\b", "licensing", text, flags=re.IGNORECASE)
    # "Which TAs…?": therapy areas; "going into YE25": the end of 2025; "onc and I&I": immunology and
    # inflammation, which articles call immunology.
    text = re.sub(r"\bTA(s?)\b", lambda m: "therapy area" + m.group(1), text)
    text = re.sub(r"\b(?:YE|year[- ]end)\s?['’]?(\d\d)\b", r"the end of 20\1", text)
    text = re.sub(r"\bYE\s?(20\d\d)\b", r"the end of \1", text)
    text = re.sub(r"\bI\s?&\s?I\b", "immunology", text)
    return re.sub(r"\blic['’]d\b", "licensed", text, flags=re.IGNORECASE)


def _vernacular(text: str) -> str:
    """Dialect and texting, in the English the articles use: "Whit wis the Zenas deal worth, hen?" -> "What was the
    Zenas deal worth?"; "hw much r us drug sales supposed to tank bc of the patent cliff fr" -> "how much are us drug
    sales supposed to tank because of the patent cliff"; "takin'" -> "taking"."""
    words = re.findall(r"[A-Za-z]+['’]?", text)
    lower = [w.lower() for w in words]
    markers = {w.rstrip("'’") if w.rstrip("'’") in _SCOTS_MARKERS else w for w in lower} & _SCOTS_MARKERS
    if markers & _SCOTS_ONLY or len(markers) >= 2:
        text = re.sub(r"\btae(?=\s*[?.!]*\s*$)", "too", text)  # "...gettin' a look in tae?": too
        text = re.sub(r",\s*(?:hen|pal|mate|big man)\b", "", text, flags=re.IGNORECASE)
        text = re.sub(r",\s*like\s*(?=[?.!]*\s*$)", "", text)  # "...quicker, like?"
        text = re.sub(r"\b((?:wis|is|was|does|did)\s+(?:it|he|she|they|that))\s+no\s*(?=\?)", r"\1 not", text)
        text = re.sub(r",\s*aye\s*(?=\?)", ", right", text)  # "..., aye?": a claim to check
        text = re.sub(r"(?<=\w )aye(?= \w)", "always", text)  # "China wis aye kent fur...": always
        text = re.sub(r"\bthe\s+noo\b", "now", text, flags=re.IGNORECASE)
        text = re.sub(r"\btae\b", "to", text)
        # "wi'", "o'", "daein'": the apostrophe is part of the word; "Whit's", "wha's": the word, then "'s".
        text = re.sub(
            r"(?<![\w'’])([A-Za-z]+['’])(?![\w'’])",
            lambda m: _cased(_SCOTS.get(m.group(1).lower(), m.group(1)), m.group(1)),
            text,
        )
        text = re.sub(
            r"\b[A-Za-z]+\b(?!['’](?![sS]\b))",
            lambda m: _cased(_SCOTS.get(m.group(0).lower(), m.group(0)), m.group(0)),
            text,
        )
    # "takin'", "licensin'", "sayin'": the dropped g, in any English.
    text = re.sub(r"(?<=[A-Za-z]{2})in['’](?=[\s?.!,;:]|$)", "ing", text)
    if any(w in _TEXTING for w in lower) or "w/" in text.lower() or _TEXTING_FILLER.search(text):
        text = _TEXTING_FILLER.sub("", text)
        text = re.sub(
            r"(?<![\w'’/])(w/o|w/|b/c|[A-Za-z][A-Za-z0-9]*)(?![\w'’/])",
            lambda m: (
                _TEXTING.get(m.group(1).lower(), m.group(1))
                if m.group(1).islower() or "/" in m.group(1)
                else m.group(1)
            ),
            text,
        )
        if text[:1].islower():
            # One-letter words in a message typed without capitals: "r" are, "n" and, "u" you, "y" why ("y tho").
            text = re.sub(r"(?<=[a-z] )r(?= [a-z])|^r(?= (?:any|there|they|the|these|those|we|you)\b)", "are", text)
            text = re.sub(r"(?<=[a-z] )n(?= [a-z])", "and", text)
            text = re.sub(r"^y(?= )|(?:(?<=\band )|(?<=\bbut )|(?<=\bso ))y(?= )", "why", text)
            # "zenas x innocare", "china x west": the two sides of a deal.
            text = re.sub(r"(?<=[a-z]) x (?=[a-z])", " and ", text)
            # "chinese cos": companies.
            text = re.sub(
                r"\b(chinese|us|western|pharma|biotech|big|these|those|other|many|some|which)\s+cos\b",
                r"\1 companies",
                text,
            )
    return text


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


_PROMPT_LABEL = re.compile(
    r"(?:^|(?<=[\s.|;>]))(?:#{2,}\s*)?(?P<label>role|persona|system|context|background|task|objective|goal|instruction|"
    r"input|question|query|user|constraints?|rules|guardrails|format|output(?:\s+format)?|deliverable|return|"
    r"response|step\s+\d+)\s*:",
    re.IGNORECASE,
)
_PROMPT_KEEP = re.compile(r"task|objective|goal|instruction|question|query|user|step|context|background", re.I)
"""A structured prompt's parts that ask; a role, constraints and the output format say how to answer."""


def _unprompted(text: str) -> str:
    """A question wrapped in a structured prompt, without the wrapping: "Role: senior BD analyst. Task: identify
    the upfront on the AZ deal. Constraints: cite the source. Output: one sentence." -> "what is the upfront on the
    AZ deal"; "<role>...</role><task>why China?</task>" and "### Instruction: ... ### Output: ..." alike."""
    tagged = re.search(r"<(?:role|task|question|query|instruction|persona|system|format)>", text, re.I)
    text = re.sub(r"<(role|persona|system|format|output|constraints?|rules)>.*?</\1>", " ", text, flags=re.I | re.S)
    text = re.sub(r"</?[a-z_]+>", " ", text)
    labels = list(_PROMPT_LABEL.finditer(text))
    if len(labels) < 2 and not (
        labels and re.match(r"\s*(?:#{2,}|(?:task|objective|goal|instruction)\s*:)", text, re.I)
    ):
        text = re.sub(r"^\s*you\s+are\s+(?:an?|the)\s+[^.?!]{0,80}\.\s*(?=\S)", "", text, flags=re.I)
        return _asked(text.strip()) if tagged else text
    kept: list[str] = []
    head = text[: labels[0].start()] if labels else ""
    for label, following in zip(labels, [*labels[1:], None], strict=True):
        part = text[label.end() : following.start() if following else len(text)]
        part = re.sub(r"\s*(?:\||#+)\s*$", "", part).strip()
        if not _PROMPT_KEEP.fullmatch(label.group("label").split()[0]) or not part:
            continue
        if label.group("label").lower() in ("context", "background") and re.search(
            r"\b(?:article|piece|text)\b", part, re.I
        ):
            continue
        kept.append(part.rstrip("."))
    # "You are an expert in ADC licensing. Step 1: ...": the persona before the labels says nothing either.
    head = re.sub(r"^\s*(?:you\s+are|act\s+as)\b[^.?!]*[.?!]\s*", "", head, flags=re.I).strip()
    kept = ([head.rstrip(".")] if head else []) + kept
    # "Step 1: find where the article discusses China's trials.": where to look, when another step asks.
    kept = [
        k
        for k in kept
        if not re.match(
            r"(?:find|locate|read)\s+(?:where\b|the\s+(?:[\w’'-]+\s+){0,3}?(?:part|section|passage|paragraph|article|piece)s?\b)",
            k,
            re.I,
        )
    ] or kept
    kept = [_asked(k) for k in kept]
    if not kept:
        return text
    # "Return JSON with keys deal, value" inside a kept part: the format again.
    joined = "; ".join(
        re.sub(r"\s*\b(?:return|output|respond|answer)\s+(?:as\s+)?(?:json|a\s+table|bullets?)\b.*$", "", k, flags=re.I)
        for k in kept
    )
    return re.sub(r"\s{2,}", " ", joined).strip(" ;")


_IMPERATIVE = re.compile(
    r"^(?:please\s+)?(?:identify|extract|report|find|locate|state|give|provide|summari[sz]e|describe|determine|retrieve|"
    r"pull|output|specify|quote|cite|explain|tell\s+me)\s+(?:me\s+|back\s+)?",
    re.IGNORECASE,
)


def _asked(part: str) -> str:
    """A prompt's instruction as a question: "identify Novartis's partner" -> "what is Novartis's partner", "explain
    why China leads" -> "why China leads", "identify which step..." -> "which step..."."""
    verb = _IMPERATIVE.match(part)
    if not verb:
        return part
    rest = part[verb.end() :]
    if re.match(r"(?:how|where|who|whom|why|whether|when|if)\b", rest, re.IGNORECASE):
        return rest  # (not "which"/"what": "identify which step the article credits" reads better with its verb)
    if re.match(r"(?:which|what)\b", rest, re.IGNORECASE):
        return part
    if re.match(r"(?:the|his|her|their|its|this|that)\b", rest, re.IGNORECASE) or re.match(r"[A-Z]|\w+['’]s\b", rest):
        return "what is " + rest
    return part


_BRIEFING_REQUEST = re.compile(
    r"^\s*(?:further\s+to\s+the\s+above,\s*)?(?:an?\s+|the\s+)?(?:clarification|confirmation|indication|enumeration|"
    r"particulars|details|specification|identification|explanation|account|statement|summary|overview|outline)"
    r"\s+(?:is|are)\s+(?:hereby\s+)?(?:requested|sought|required|invited)\s+(?:regarding|as\s+to|concerning|on|of|"
    r"with\s+respect\s+to|in\s+respect\s+of)\s+",
    re.IGNORECASE,
)
_BRIEFING_OF = re.compile(
    r"^\s*(?P<further>further\s+to\s+the\s+above,\s*)?(?:an?\s+|the\s+)?(?:clarification|confirmation|indication|"
    r"enumeration|particulars|details|specification|identification|explanation|account|statement|summary|overview|"
    r"outline)\s+(?:of|as\s+to|regarding)\s+(?P<what>.+?)\s+(?:would\s+be\s+(?:appreciated|welcome(?:d)?|helpful)|"
    r"(?:is|are)\s+(?:hereby\s+)?(?:requested|sought|required|invited))\s*[.?]?\s*$",
    re.IGNORECASE,
)
_TO_BE_ESTABLISHED = re.compile(
    r"^\s*(?P<further>further\s+to\s+the\s+above,\s*)?(?P<what>.+?)\s+(?:is|are)\s+(?:likewise\s+|also\s+|further\s+)?"
    r"to\s+be\s+(?:ascertained|confirmed|indicated|set\s+out|characterised|characterized|clarified|specified|"
    r"identified|established|stated|provided|explained|outlined|summarised|summarized|enumerated|described)"
    r"\s*[.?]?\s*$",
    re.IGNORECASE,
)


def _unbureaucratic(text: str) -> str:
    """A briefing request in the passive, as the question it is: "Confirmation of the identity of the counterparty
    is sought." -> "What is the identity of the counterparty?"; "The position of X on Y is to be ascertained." ->
    "What is the position of X on Y?"; "Further to the above, ..." leans on the last question ("And ...")."""
    match = _BRIEFING_OF.match(text) or _TO_BE_ESTABLISHED.match(text)
    if match:
        what = match.group("what")
        # "the therapeutic fields in which...", "the grounds on which...": plural, so "What are".
        head = re.match(
            r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)(?:\s+(?:in|of|on|for|that|which|who|by|with|from|to|as|at)\b|$)",
            what,
            re.I,
        )
        first = re.match(r"(?:the\s+|an?\s+)?([\w-]+)", what, re.I)
        plural = [
            w.group(1)
            for w in (head, first)
            if w
            and re.search(r"[^su]s$", w.group(1))
            and w.group(1).lower() not in {"his", "its", "this", "was", "has"}
        ]
        verb = "are" if plural else "is"
        what = what[0].lower() + what[1:] if what[1:2].islower() else what
        and_ = "And what" if match.group("further") else "What"
        return f"{and_} {verb} {what.rstrip(' ,')}?"
    requested = re.match(
        r"^\s*(?P<further>further\s+to\s+the\s+above,\s*)?(?P<what>(?:the|an?)\s+.+?)\s+(?:is|are)\s+(?:hereby\s+)?"
        r"(?:requested|sought|required)\s*[.?]?\s*$",
        text,
        re.IGNORECASE,
    )
    if requested:  # "The assessment of the Jefferies analyst as to whether... is requested."
        what = requested.group("what")
        return f"{'And what' if requested.group('further') else 'What'} is {what[0].lower()}{what[1:]}?"
    request = _BRIEFING_REQUEST.match(text)
    if request:
        rest = text[request.end() :].rstrip(" .")
        and_ = "And what" if re.match(r"\s*further", text, re.I) else "What"
        return f"{and_} is {rest}?"
    return text


_IN_THE_PIECE = (
    r"(?:in\s+(?:here|it|there|the\s+(?:piece|article|text|story|report))"
    r"|anywhere(?:\s+in\s+(?:here|the\s+(?:piece|article|text|story|report)))?)"
)
_ASKED_WH = r"(?=(?:how|what|which|who|whom|when|where|why)\b)"
_WHERE_IT_SAYS = [
    # "Would I find in here the year Dajun Yang moved back?" -> "When Dajun Yang moved back?"
    (
        rf"^(\s*(?:and\s+)?)(?:would|will|could|can|do|might)\s+i\s+find\s+{_IN_THE_PIECE}?\s*(?:about\s+|on\s+)?"
        r"the\s+(?:year|date|month|day)\s+(?:that\s+|when\s+)?",
        r"\1When ",
    ),
    # "Would I find in here a list of the disease areas...?" -> "a list of the disease areas...?"
    # (not "Would I find in here which drug the deal covers?": that order loses what kind of answer is asked)
    (
        rf"^(\s*(?:and\s+)?)(?:would|will|could|can|do|might)\s+i\s+find\s+{_IN_THE_PIECE}\s+(?:(?:about|on)\s+)?"
        rf"(?!{_ASKED_WH}|whether\b|if\b)",
        r"\1",
    ),
    # "Is there any figure in the piece for how big the obesity market is?" -> "how big the obesity market is?"
    (
        rf"^(\s*(?:and\s+)?)is\s+there\s+(?:any|a|an)\s+(?:figure|number|estimate|total|count|mention|word|discussion|"
        rf"explanation|detail)s?\s+(?:{_IN_THE_PIECE}\s+)?(?:for|of|on|about|as\s+to)\s+{_ASKED_WH}",
        r"\1",
    ),
    # "Is there a total anywhere in the piece for the value of all 2025 deals?" -> "What is the total for..."
    (
        rf"^(\s*(?:and\s+)?)is\s+there\s+(?:any|a|an)\s+(figure|number|estimate|total|count)\s+"
        rf"(?:{_IN_THE_PIECE}\s+)?(?:for|of|on)\s+(?!{_ASKED_WH})",
        r"\1What is the \2 for ",
    ),
    # "Does the piece say what Chinese companies are missing...?" -> "what Chinese companies are missing...?"
    (
        r"^(\s*(?:and\s+)?)(?:does|did|do|would|will)\s+(?:the\s+|this\s+)?(?:piece|article|text|story|report|it)\s+"
        rf"(?:say|tell\s+(?:us|me)|mention|explain|state|note|report|give)\s+{_ASKED_WH}",
        r"\1",
    ),
]
"""A reference librarian's "is it in there?" for the question it stands for: the article is the only place the
answer can come from, so where it says it adds nothing to look for ("Would I find in here the year...")."""


def _where_it_says(text: str) -> str:
    for pattern, replacement in _WHERE_IT_SAYS:
        changed = re.sub(pattern, replacement, text, count=1, flags=re.IGNORECASE)
        if changed != text:
            return re.sub(r"^(\s*(?:and\s+)?)([a-z])", lambda m: m.group(1) + m.group(2).upper(), changed)
    return text


def normalise(
    question: str, *, in_corpus: Callable[[str], bool], names: Iterable[str] = (), year: int | None = None
) -> str:
    """The question as it would have been typed; unchanged when there is nothing to undo. `year` is the year of
    the newest article, which "last year" and "next year" count from."""
    names = list(names)
    text = _uncoded(
        _unprompted(
            company_names(
                _unshouted(_tags(_social(english_terms(_singlish(unframed(code_mixed(_dictated(question))))))), names)
            )
        )
    )
    if year:
        text = _relative_years(text, year)
    text = _where_it_says(_unbureaucratic(_vernacular(_deal_sheet(_lay_terms(text)))))
    # "True or false: ...", "Confirm or deny: ...": a claim to check, as it is usually asked.
    text = re.sub(
        r"^\s*(?:true\s+or\s+false|confirm\s+or\s+deny|fact[- ]?check)\s*[:,\-–—?]\s*(.+?)[.?!]*\s*$",
        lambda m: f"Is it true that {m.group(1)}?",
        text,
        flags=re.IGNORECASE,
    )
    # "Task: same, for the AstraZeneca agreement", "same query, the Jefferies analyst": the last question, of that.
    text = re.sub(
        r"^\s*(?:and\s+)?(?:the\s+)?same(?:\s+(?:question|query|thing|again|here|please))?\s*[,:;]?\s*(?:but\s+)?"
        r"(?:for|with|on|about|re|regarding|,)?\s+(?:[a-z_]+\s*=\s*)?(?=\S)",
        "And what about ",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"^\s*What\s+(?:is|was)\s+the\s+number\s+of\b", "How many", text, flags=re.IGNORECASE)
    # A debater's "What's the strongest evidence in the piece that X?", "Does anything in the article cut against
    # the idea that X?": whether X, as the articles have it (for or against). ("Is there evidence X?" stays: its
    # "evidence" is part of what finds the sentence that shows X.)
    text = re.sub(
        r"^\s*(?:(?:what['’]?s|what\s+is)\s+the\s+(?:(?:piece|article)['’]s\s+)?(?:best|strongest|clearest|main|"
        r"key|hardest|firmest)\s+(?:evidence|proof)|(?:is|are)\s+there\s+(?:any\s+)?(?:(?:hard|real|expert|firm)\s+)?"
        r"(?:evidence|proof)\s+against\s+the\s+(?:idea|claim|notion|view)|does\s+anything\s+(?:in\s+the\s+(?:piece|article)\s+)?(?:cut|cuts|go|push)\s+against\s+"
        r"the\s+(?:idea|claim|notion|view)|does\s+anything\s+(?:in\s+the\s+(?:piece|article)\s+)?(?:back|support)"
        r"(?:\s+up)?\s+the\s+(?:idea|claim|notion|view))(?:\s+in\s+the\s+(?:piece|article))?\s+(?:that\s+)?"
        r"(?!(?:on|of|for|about|in|from)\b)",
        "Is it true that ",
        text,
        flags=re.IGNORECASE,
    )
    # "Our listeners want to know which therapy areas ...": the question someone else wants answered.
    text = re.sub(
        r"^\s*(?:(?:our|my|the|your)\s+(?:[\w-]+\s+){0,3}?[\w-]+|i|we|they|he|she|people|everyone)\s+"
        r"(?:would\s+(?:like|love)|wants?|needs?|(?:is|are)\s+(?:dying|keen))\s+to\s+know\s+"
        r"(?=(?:which|what|who|whom|whose|how|why|when|where)\b)",
        "",
        text,
        flags=re.IGNORECASE,
    )
    # "You write about a rise in cardiometabolic deals — which market...?": the topic the reader points to.
    text = re.sub(
        r"^\s*(?:in\s+your\s+(?:piece|article|story)\s*,?\s*)?you\s+(?:write|wrote|mention|mentioned|cite|cited|"
        r"describe|described|discuss|discussed|talk|talked)\s+(?:about\s+)?"
        # (not "You cite GlobalData on how much US sales will fall — ...": a question reported, which is no topic)
        r"(?=[^—–?]{3,}\s[—–]\s)(?![^—–?]*\b(?:how|what|which|who|whom|when|where|why)\b)",
        "",
        text,
        flags=re.IGNORECASE,
    )
    # "If Smiley isn't Zai Lab's CEO, then who is?": who is Zai Lab's CEO.
    text = re.sub(
        r"^\s*if\s+.{2,60}?\s+(?:isn['’]t|is\s+not|wasn['’]t|was\s+not)\s+(.{2,60}?)\s*,\s*(?:then\s+)?(who|what|which)\s+"
        r"(is|was)\s*\?",
        r"\2 \3 \1?",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\bSino[-–]Western\b", "China–West", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:the\s+)?quantum\s+of\s+(?:the\s+)?consideration\b", "the value", text, flags=re.IGNORECASE)
    text = re.sub(r"\bleast\s+substantial\b", "smallest", text, flags=re.IGNORECASE)
    # A briefing's nominal style, in plain words: "the position of X as regards Y" is X's view on Y, "the identity
    # of the counterparty" who it is, "the date on which" when, "the lower chamber" the House.
    text = re.sub(
        r"\b(the|his|her|their|its)\s+(?:position|stance|standpoint)\s+(?=of\b|on\b|as\s+regards\b|regarding\b|"
        r"with\s+respect\s+to\b|concerning\b|in\s+respect\s+of\b)",
        r"\1 view ",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"\b(view\s+(?:of\s+[^,?]{3,60}?\s+)?)(?:as\s+regards|with\s+respect\s+to|in\s+respect\s+of|concerning)\b",
        r"\1on",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"^(\s*(?:and\s+)?)what\s+is\s+the\s+identity\s+of\b", r"\1who is", text, flags=re.IGNORECASE)
    # "While BIOSECURE was moving through Congress, why would US partners...?": a timeline's frame, not a topic.
    text = re.sub(
        r"^\s*(?:while|as|when|back\s+when)\s+[^,?]{3,80}?\s+(?:was|were)\s+\w+ing\b[^,?]{0,60},\s*"
        r"(?=(?:why|what|how|who|which|where|did|does|do|is|are|was|were|would|will)\b)",
        "",
        text,
        flags=re.IGNORECASE,
    )
    # A due-diligence analyst's attribution: "X is the source for the call that...", "what's driving it on his
    # account?", "Quoting Cui directly, ...": who says it, and what they say.
    text = re.sub(
        r"\b(?:is|was)\s+the\s+source\s+(?:for|of|behind)\s+(?:the|this|that)\s+(?:call|claim|view|estimate|"
        r"forecast|statement|line|idea|prediction|assertion)\s+that\b",
        "says that",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"\bon\s+(his|her|their)\s+account\b",
        lambda m: "according to " + {"his": "him", "her": "her", "their": "them"}[m.group(1).lower()],
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"^\s*(?i:quoting)\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\s+(?:directly|exactly|verbatim|word\s+for\s+word)?\s*,",
        r"According to \1,",
        text,
    )
    text = re.sub(
        r"^(\s*(?:and\s+)?)what\s+is\s+the\s+date\s+on\s+which\s+(.+?)\s+(was|were|is|are)\s+",
        r"\1when \3 \2 ",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"^(\s*(?:and\s+)?)what\s+is\s+the\s+course\s+of\s+action\s+(?:which|that)\s+(he|she|they|\w+)\s+(?:\w+ly\s+)?"
        r"recommends?\b",
        r"\1what does \2 recommend",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"\b(?:the\s+)?(lower|upper)\s+(?:chamber|house)(?:\s+of\s+(?:the\s+)?(?:US\s+)?Congress)?\b",
        lambda m: "the House" if m.group(1).lower() == "lower" else "the Senate",
        text,
        flags=re.I,
    )
    text = re.sub(r"\bmost\s+substantial\b", "largest", text, flags=re.IGNORECASE)
    text = _FILLER_START.sub("", text)
    text = _FILLER.sub("", text)
    text = _self_corrected(text)
    text = _COURTESY.sub("", text)
    text = re.sub(r"\s+(?=[?,])", "", _HEDGE.sub(" ", text)) if _HEDGE.search(text) else text
    # "Leaving aside for the moment the backdrop, ...": what is set aside.
    text = re.sub(
        r"^\s*(?:leaving|setting|putting)\s+aside\s+for\s+(?:the\s+moment|now|present\s+purposes)\s+",
        "Aside from ",
        text,
        flags=re.IGNORECASE,
    )
    # "Cancer aside, which area...?", "Leaving oncology aside, ...": what is set aside, in the usual order.
    text = re.sub(
        r"^\s*(?:(?:leaving|setting|putting)\s+)?((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+aside\s*,",
        lambda m: f"Aside from {m.group(1).lower() if m.group(1)[1:].islower() else m.group(1)},",  # not "BeOne"
        text,
        flags=re.IGNORECASE,
    )
    # "anything on obesity?", "any news about BIOSECURE?": what about it.
    text = re.sub(
        r"^\s*(?:(?:is|was)\s+there\s+)?(?:anything|something|any\s+news|any\s+info(?:rmation)?)\s+(?:new\s+)?"
        r"(?:on|about|re|regarding)\b",
        "what about",
        text,
        flags=re.IGNORECASE,
    )
    # "like five billion", "like 40bn?": a spoken "about" (a guess the answer checks, not a figure it must hold).
    text = re.sub(r"\blike\s+(?=(?:about|around)\s+(?:\d|(?:" + _NUMBER_WORD + r")\b))", "", text, flags=re.I)
    text = re.sub(r"\blike\s+(?=(?:\d|(?:" + _NUMBER_WORD + r")\b))", "about ", text, flags=re.I)
    text = re.sub(
        r"\b[A-Za-z]+\b",
        lambda m: _APOSTROPHES.get(m.group(0).lower(), m.group(0)) if m.group(0).islower() else m.group(0),
        text,
    )
    text = re.sub(r"\bhalf\s+a\s+billion\b", "500m", text, flags=re.IGNORECASE)  # "over half a billion"
    # "half-billion-dollar deals"; "paid up front" (not "up front about it")
    text = re.sub(r"\bhalf[- ]billion(?:[- ]dollars?)?\b", "$500m", text, flags=re.IGNORECASE)
    text = re.sub(r"\bup[- ]front\b(?!\s+(?:about|with)\b)", "upfront", text, flags=re.IGNORECASE)
    # "Jefferies Cui -> 25 trends carry into 26?": an arrow between a topic and the question is a colon.
    text = re.sub(r"\s*(?:->|=>|→|⇒)\s*", ": ", text)
    # "$$ angle": the money side of it.
    text = re.sub(r"(?<![\w$])\$\$+(?![\w$])", "money", text)
    # "churning out copycat drugs": manufacturing them; "what's the score with BIOSECURE?": its status.
    text = re.sub(
        r"\bchurn(ing|ed|s)?\s+out\b",
        lambda m: "manufactur" + {"ing": "ing", "ed": "ed", "s": "es"}.get(m.group(1) or "", "e"),
        text,
        flags=re.I,
    )
    text = re.sub(r"\bwhat['’]?s\s+the\s+(?:score|story)\s+(?:with|on)\b", "what is the status of", text, flags=re.I)
    # "What's Cui saying the Chinese firms are missing?": what she says (the firms are not what is asked for).
    text = re.sub(
        r"\b((?i:what|how|why))['’]?s\s+((?:(?:that|the)\s+)?(?:[A-Z][\w’'-]*\s+){1,3}(?:(?:from|at|of)\s+[A-Z][\w’'-]*\s+)?)"
        r"(saying|thinking|reckoning|predicting|expecting)\b",
        lambda m: f"{m.group(1)} does {m.group(2)}{m.group(3)[:-3]}",
        text,
    )
    # "shell out for", "fork out": pay (slang the answer's words never use).
    text = re.sub(
        r"\b(?:shell|fork)(ed|ing|s)?\s+out\b",
        lambda m: {"ed": "paid", "ing": "paying", "s": "pays"}.get(m.group(1) or "", "pay"),
        text,
        flags=re.I,
    )
    # "word for word-ish", "soon-ish": roughly so; the suffix is how it is said.
    text = re.sub(r"(?<=\w)-ish\b", "", text)
    # "the United States": the US, as articles mostly write it (and "United" is no name to look for).
    text = re.sub(r"\bUnited\s+States(?:\s+of\s+America)?\b", "US", text, flags=re.IGNORECASE)
    text = re.sub(r"\bUnited\s+Kingdom\b", "UK", text, flags=re.IGNORECASE)
    text = re.sub(r"\bthe\s+States\b", "the US", text)
    text = re.sub(
        r"\bper\s+(?:sent|scent)\b", "percent", text, flags=re.IGNORECASE
    )  # dictation's "per cent"  # "selling its own drug over in the States"
    # "what was it's name before": the possessive, mistyped (autocorrect's favourite).
    text = re.sub(
        r"\bit['’]s(?=\s+(?:name|names|roots|origins?|headquarters|hq|drugs?|deals?|value|price|ceo|coo|lead|main|"
        r"own|partners?|sales|pipeline|share|stock|founder|home|base)\b)",
        "its",
        text,
        flags=re.IGNORECASE,
    )
    text = _spoken_numbers(text)
    text = _written_amounts(text)
    text = _spelled_letters(text, in_corpus)
    text = _acronyms(text, in_corpus)
    text = _joined_words(text, in_corpus)
    text = _split_words(text, in_corpus)
    text = _possessive_names(text, names)
    text = _misheard_names(text, in_corpus, names)
    text = _typos(text, in_corpus)
    # "BeiGene change name to BeOne when?", "House passed it when?": the question word, put first.
    text = re.sub(
        r"^(?!\s*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|has|have|had|can|"
        r"could|will|would|should|and|so|but|or)\b)\s*([^?,;:]{6,}?)\s+(when|where)\s*\?",
        lambda m: f"{m.group(2).capitalize()} {m.group(1)}?",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\s{2,}", " ", text).strip()
    if not text:
        return question
    return _cased(text, question)


def _spoken_numbers(text: str) -> str:
    """ "twenty twenty six" -> 2026, "five point three six billion" -> 5.36bn, "five hundred million" -> 500m,
    "twenty percent" -> 20 percent. Small numbers on their own ("three deals") stay words: the engine reads
    those already, and rewriting them would only change questions that were typed."""

    def year(match: re.Match[str]) -> str:
        century = 19 if match.group(1).lower() == "nineteen" else 20
        if match.group(2):
            return str(century * 100 + _TWO_DIGITS[match.group(3).lower()])
        return str(
            century * 100
            + _TWO_DIGITS[match.group(4).lower()]
            + (_TWO_DIGITS[match.group(5).lower()] if match.group(5) else 0)
        )

    # "two point oh": 2.0, as a version is said
    text = re.sub(
        r"\b(one|two|three|four|five)\s+point\s+(?:oh|o|zero|nought)\b",
        lambda m: f"{_UNITS.index(m.group(1).lower()) + 1}.0",
        text,
        flags=re.IGNORECASE,
    )
    text = _YEAR.sub(year, text)
    text = _HALF.sub(lambda m: "500m" if m.group(1).lower() == "billion" else "0.5m", text)

    def amount(match: re.Match[str]) -> str:
        span = match.group(0)
        after = text[match.end() : match.end() + 12].lower()
        if re.match(r"(?:hundred|thousand|million|billion|trillion)\b", span, re.I):
            return span  # "multi billion": no number said
        if not (_SCALE.search(span) or re.match(r"\s*(?:percent|per cent|%)", after)):
            return span
        if span.lower().startswith("a "):  # "a billion"
            span = "one " + span[2:]
        from text_to_num import alpha2digit

        digits = alpha2digit(span, "en")
        return _scaled(digits) if re.fullmatch(r"[\d.\s]+", digits) else span

    return _SPOKEN_AMOUNT.sub(amount, text)


_CONTINENTAL_SCALE = re.compile(r"(?<=\d)\s?(mio|mln|mrd|bln)\b\.?", re.IGNORECASE)
_CURRENCY_CODE_AFTER = re.compile(
    r"(?<![\w$€£¥.,])(\d[\d,.]*)\s?(bn|billion|m|million|k)?\s?(?:USD|US\s?dollars?)\b", re.IGNORECASE
)
_CURRENCY_CODE_BEFORE = re.compile(r"\b(?:USD|US\$)\s?(?=\d)", re.IGNORECASE)


def _dollars(match: re.Match[str]) -> str:
    number, scale = match.group(1), (match.group(2) or "").lower()
    if not scale and re.fullmatch(r"(?:19|20)\d\d", number):
        return match.group(0)  # "2023 USD": a year before the currency, not an amount
    unit = {"billion": "bn", "million": "m"}.get(scale, scale)
    return f"${number}{unit}"


def _written_amounts(text: str) -> str:
    """ "500 mio USD", "USD 500m", "2 Mrd" -> "$500m", "$500m", "2bn": amounts as the articles write them."""
    text = _CONTINENTAL_SCALE.sub(lambda m: "bn" if m.group(1).lower() in ("mrd", "bln") else "m", text)
    text = _CURRENCY_CODE_AFTER.sub(_dollars, text)
    return _CURRENCY_CODE_BEFORE.sub("$", text)


def _scaled(digits: str) -> str:
    """ "5.36 1000000000" -> "5.36bn", "500000000" -> "500m": money as articles write it."""
    parts = digits.split()
    value = float(parts[0])
    for multiplier in parts[1:]:
        value *= float(multiplier)
    for size, suffix in ((1e9, "bn"), (1e6, "m")):
        if value >= size:
            return f"{round(value / size, 4):g}{suffix}"
    return f"{value:g}"


_LETTER_NAMES = {
    "ay": "a", "bee": "b", "see": "c", "cee": "c", "dee": "d", "ee": "e", "ef": "f", "eff": "f", "gee": "g",
    "aitch": "h", "jay": "j", "kay": "k", "el": "l", "ell": "l", "em": "m", "en": "n", "pee": "p", "cue": "q",
    "ar": "r", "ess": "s", "tee": "t", "you": "u", "vee": "v", "ex": "x", "why": "y", "zee": "z", "zed": "z",
}  # fmt: skip
_SPELLED = re.compile(r"\b(?:(?:" + "|".join(_LETTER_NAMES) + r")\s+){2,5}(?:" + "|".join(_LETTER_NAMES) + r")\b", re.I)
"""Letters dictated by their names: "see ess pee see" (CSPC)."""


def _spelled_letters(text: str, in_corpus: Callable[[str], bool]) -> str:
    def join(match: re.Match[str]) -> str:
        acronym = "".join(_LETTER_NAMES[w.lower()] for w in match.group(0).split())
        return acronym.upper() if in_corpus(acronym) else match.group(0)

    return _SPELLED.sub(join, text)


def _acronyms(text: str, in_corpus: Callable[[str], bool]) -> str:
    def join(match: re.Match[str]) -> str:
        span = match.group(0)
        tokens = span.split()
        if tokens[-1].lower() in {"is", "as"}:
            # "R&D is picking up": "is" is a word, not the letter i made plural.
            head = " ".join(tokens[:-1])
            return (_LETTERS.sub(join, head) if len(tokens) > 2 else head) + " " + tokens[-1]
        # "a d c's", and dictation's "a d c s", "c g t s": a plural (not "u s", two letters)
        plural = bool(re.search(r"['’]s$", span)) or (len(tokens) >= 3 and tokens[-1].lower() == "s")
        letters = re.findall(r"[A-Za-z]", re.sub(r"\s*['’]?s$", "", span) if plural else span)
        for start in range(len(letters) - 1):  # "a d c": "adc" if the corpus has it, else "dc"
            acronym = "".join(letters[start:]).lower()
            if len(acronym) >= 2 and (in_corpus(acronym) or acronym in _KNOWN_ACRONYMS):
                kept = span.split()[:start]
                return " ".join([*kept, acronym.upper() + ("s" if plural else "")])
        return span

    text = re.sub(r"\b([A-Z])-and-([A-Z])\b", r"\1&\2", text)  # a script's "R-and-D", "M-and-A"
    text = re.sub(r"\b[rR]\s+and\s+[dD]\b", "R&D", text)  # dictation's "r and d"
    text = re.sub(r"\b[mM]\s+and\s+[aA]\b", "M&A", text)

    def hyphened(match: re.Match[str]) -> str:  # a script's "A-D-Cs", "G-S-K", "the F-D-A"
        plural = match.group(0).endswith("s")
        acronym = match.group(0).rstrip("s").replace("-", "")
        return acronym + ("s" if plural else "") if in_corpus(acronym.lower()) else match.group(0)

    text = _HYPHENED_LETTERS.sub(hyphened, text)
    return _LETTERS.sub(join, text)


_KNOWN_ACRONYMS = frozenset("eu uk fda ema nih nmpa cde ipo ceo cfo coo cso cmo".split())
"""Letters said one by one that are an acronym even where no article uses it ("what does the e u think"): the
question then names what the articles lack, as typed it would."""
_HYPHENED_LETTERS = re.compile(r"(?<![\w’'-])(?:[A-Z]-){1,4}[A-Z]s?(?=['’]s\b|(?![\w’'-]))")
"""Capital letters joined by hyphens, as a script spells an acronym out ("A-D-Cs", "G-S-K's")."""


def _split_words(text: str, in_corpus: Callable[[str], bool]) -> str:
    """ "bigpharma", "whatother": two words run together, as dictation and fast typing do. A lower-case word
    neither English nor the corpus knows is split where both halves are words: one of the commonest ("big",
    "what"; not "radio" of "radiopharma"), then one of five letters or more the corpus holds (not "off|sets":
    "offsets" is only too rare for the word list)."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if in_corpus(word) or zipf(word) > 0:
            return word
        for k in range(2, len(word) - 2):
            first, second = word[:k], word[k:]
            if zipf(first) >= 5.5 and len(second) >= 5 and zipf(second) >= 3.0 and in_corpus(second):
                return f"{first} {second}"
        return word

    return re.sub(r"\b[a-z]{7,}\b", split, text)


def _joined_words(text: str, in_corpus: Callable[[str], bool]) -> str:
    """ "astra zeneca", "bei gene", "bio pharma": two words the corpus only holds as one."""
    words = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            a, b = words[i], words[i + 1]
            core_a, core_b = a.strip(".,;:!?"), b.rstrip(".,;:!?")
            if (
                core_a.isalpha()
                and re.fullmatch(r"[A-Za-z]+(?:['’]s)?", core_b)
                and len(core_a) >= 2
                and len(core_b) >= 3
                and a == core_a
            ):
                stem_b = re.sub(r"['’]s$", "", core_b)
                joined = (core_a + stem_b).lower()
                # The first part must be foreign to the corpus: "drug make" is two words the corpus uses,
                # even though "drugmake" shares a stem with its "drugmaker".
                if in_corpus(joined) and not in_corpus(core_a):
                    out.append(core_a + stem_b.lower() + b[len(stem_b) :])
                    i += 2
                    continue
        out.append(words[i])
        i += 1
    return " ".join(out)


def _misheard_names(text: str, in_corpus: Callable[[str], bool], names: Iterable[str]) -> str:
    """ "Smilye" -> "Smiley": a word neither English nor in the corpus, one edit from a name that is, or
    sounding the same as one ("Smylie", "Jeffreys"; "astra zenica" as two words) and starting alike."""
    from jellyfish import metaphone

    name_words = {w for name in names for w in re.findall(r"[A-Za-z]{3,}", name) if zipf(w) < 4.0}
    if not name_words:
        return text
    lower_names = {n.lower() for n in name_words}
    sounds: dict[str, set[str]] = {}
    for n in name_words:
        sounds.setdefault(metaphone(n), set()).add(n)
        if n[:2].lower() in ("pf", "ph"):  # "fizer": Pfizer, as it sounds
            sounds.setdefault(metaphone(n[1:]), set()).add(n)

    def foreign(lower: str) -> bool:
        return len(lower) >= 3 and zipf(lower) < 3.0 and not in_corpus(lower)

    def alike_start(lower: str, name: str) -> bool:
        """Names heard, not read, start alike: the same letter, or "s"/"z" ("sigh labs"), "f"/"pf" ("fizer")."""
        first, start = lower[0], name.lower()
        return first == start[0] or {first, start[0]} == {"s", "z"} or (first == "f" and start[:2] in ("pf", "ph"))

    def sounds_like(lower: str) -> str | None:
        alike = {n for n in sounds.get(metaphone(lower), set()) if alike_start(lower, n)}
        return next(iter(alike)) if len({n.lower() for n in alike}) == 1 else None

    def one_off(lower: str) -> str | None:
        from rapidfuzz.distance import OSA

        close = [n for n in name_words if n[0].lower() == lower[0] and OSA.distance(lower, n.lower()) == 1]
        return close[0] if len({c.lower() for c in close}) == 1 else None

    def begun(first: str, second: str) -> str | None:
        """ "astra zenith": the first word begins a name whose rest the second word begins ("zen...")."""
        starts = [n for n in name_words if len(first) >= 4 and n.lower().startswith(first) and len(n) > len(first) + 2]
        fits = [n for n in starts if second[:3] == n.lower()[len(first) : len(first) + 3]]
        return fits[0] if len({n.lower() for n in fits}) == 1 else None

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        stem = re.sub(r"['’]s$", "", lower)
        if stem != lower:  # a possessive: "Smilye's" is Smiley's; "Novartis's", "Lab's" stay
            if in_corpus(stem) or stem in lower_names:
                return word
            if foreign(stem) and (named := one_off(stem) or sounds_like(stem)):
                return named + word[len(stem) :]
        if not foreign(lower):
            return word
        return one_off(lower) or sounds_like(re.sub(r"['’]", "", lower)) or word  # "jeffrey's": "jeffreys"

    two_word = [n for n in names if re.fullmatch(r"[A-Za-z]{3,} [A-Za-z]{3,}", n)]
    words = text.split(" ")
    for i in range(len(words) - 1):  # "astra zenica": two words that together sound like one name
        first, second = words[i], words[i + 1]
        if not (re.fullmatch(r"[A-Za-z]{3,}", first) and re.fullmatch(r"[A-Za-z]{3,}", second)):
            continue
        pair = (first + second).lower()
        # "sigh labs", "dajun young": a word sounding like a two-word name's first (or last) word, next to its
        # other word, is that name's word.
        for whole in two_word:
            one, two = whole.split()
            heard = [w for w in (first, second) if zipf(w) < 5.0]  # "sigh labs", not "see labs"
            if (
                second.lower().rstrip("s") == two.lower().rstrip("s")
                and first.lower() != one.lower()
                and first in heard
                and metaphone(first) == metaphone(one)
                and alike_start(first.lower(), one)
            ):
                words[i] = one
            elif (
                first.lower() == one.lower()
                and second.lower() != two.lower()
                and (second in heard or zipf(one) < 3.0)  # "dajun young": a first name as rare as Dajun vouches
                and metaphone(second) == metaphone(two)
                and alike_start(second.lower(), two)
            ):
                words[i + 1] = two
        first, second = words[i], words[i + 1]
        if first.lower() in lower_names or second.lower() in lower_names:
            continue
        if (foreign(first.lower()) or foreign(second.lower())) and (joined := sounds_like(pair)):
            words[i : i + 2] = [joined, ""]
        elif min(zipf(first), zipf(second)) < 3.5 and (joined := one_off(pair) or begun(first.lower(), second.lower())):
            words[i : i + 2] = [joined, ""]  # "abby vie": AbbVie; "astra zenith": AstraZeneca
    text = " ".join(w for w in words if w)
    return re.sub(r"(?<![\w'’-])[A-Za-z]+(?:['’]s)?(?![\w'’-])", fix, text)


def _possessive_names(text: str, names: Iterable[str]) -> str:
    """ "wats cuis best practise", "smileys view": a name's possessive typed without its apostrophe."""
    from rapidfuzz.distance import OSA

    from .conversation import _ORGANISATION_SUFFIXES  # "pharmas" is no possessive of "Ascentage Pharma"

    name_words = {w.lower() for name in names for w in re.findall(r"[A-Za-z]{3,}", name)} - _ORGANISATION_SUFFIXES

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        stem = word[:-1]
        if word.lower() in name_words:
            return word
        if stem.lower() in name_words:
            return f"{stem}'s"
        # "pfizrs chinese partner": a slip in the name as well ("pfizer's"), in a word English does not know.
        slipped = [
            n for n in name_words if len(n) >= 5 and n[0] == stem[0].lower() and OSA.distance(stem.lower(), n) == 1
        ]
        if len(slipped) != 1 or zipf(word) or is_rare_english(word):
            return word
        return f"{slipped[0]}'s"

    return re.sub(r"(?<![\w'’-])[A-Za-z]{3,}s(?![\w'’-])", fix, text)


def _typos(text: str, in_corpus: Callable[[str], bool]) -> str:
    """ "lobying" -> "lobbying", "knwon" -> "known", "nera" -> "near": a word not in everyday English nor in the
    corpus, one typing error from an everyday English word that the corpus holds (of the likeliest kind of error,
    the most frequent such).
    Rare English stays ("counterparty", "licencing"), unless the word it could be is a hundred times more
    common: "thier" is written, but "their" far more."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if word != word.lower() or zipf(word) > 0.0 or in_corpus(word):
            return word
        # "pharmas", "biotechs": a plural of a corpus word is no typo of it.
        kinds = [
            {c for c in kind if zipf(c) >= 3.0 and in_corpus(c) and word not in {c + "s", c + "es"}}
            for kind in one_edit(word)
        ]
        if is_rare_english(word):
            # A real word is only taken for a slip of the commonest kinds, a swap or a letter left out ("thier",
            # "happend"): "yeas" and "nays" are not "year" and "says" mistyped.
            kinds = kinds[:2]
        candidates = next((kind for kind in kinds if kind), None)
        if not candidates and len(word) >= 6 and zipf(word) == 0.0:
            # "happend", "insted": no corpus word, but a common English one a swap or a left-out letter away (a
            # name the articles lack, "keytruda", "hengrui", is none; the question then names what they lack).
            english = [{c for c in kind if zipf(c) >= 4.0} for kind in one_edit(word)[:2]]
            candidates = next((kind for kind in english if kind), None)
        if not candidates:
            return word
        best = max(candidates, key=zipf)
        if is_rare_english(word) and zipf(best) - rare_zipf(word) < 2.0:
            return word
        return best

    return re.sub(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])", fix, text)
