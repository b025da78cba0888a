"""Code-mixed English in the English the articles use: Taglish (Tagalog grammar words around English names and
terms) and Nigerian Pidgin.

Analysts in Manila and Lagos ask about China–West deals the way they chat: "Magkano daw yung deal ng AstraZeneca
sa CSPC?", "Wetin Smiley talk about ADC?". The content words (companies, people, deals, figures) are already
English; what the engine cannot read are the grammar words around them. Each reading swaps those for their
English sense, word by word, and only in a question that carries several of its markers, so an English question
that happens to hold "na", "sa" or "go" is left alone.
"""

from __future__ import annotations

import re

# --- Taglish -------------------------------------------------------------------------------------------------

_TAGALOG = {
    # question words
    "magkano": "how much",
    "ano": "what",
    "anong": "what",
    "ano-ano": "what",
    "alin": "which",
    "aling": "which",
    "sino": "who",
    "sinong": "which",
    "sino-sino": "who",
    "bakit": "why",
    "kailan": "when",
    "saan": "where",
    "saang": "which",
    "ilan": "how many",
    "ilang": "how many",
    "paano": "how",
    "gaano": "how",
    "totoo": "true",
    # pronouns, in the one gender English lacks a word for ("niya" is his or her)
    "niya": "their",
    "siya": "they",
    "nila": "their",
    "sila": "they",
    "nito": "its",
    "nun": "that",
    "noon": "then",
    "iyon": "that",
    "yun": "that",
    "ito": "this",
    "dun": "there",
    "doon": "there",
    "natin": "our",
    "namin": "our",
    "ko": "I",
    # linkers and prepositions
    "yung": "the",
    "ung": "the",
    "ang": "the",
    "mga": "",
    "ng": "of",
    "nang": "of",
    "sa": "in",
    "kay": "",
    "ni": "of",
    "si": "",
    "para": "for",
    "dahil": "because",
    "kasi": "because",
    "kahit": "even though",
    "pero": "but",
    "at": "and",
    "o": "or",
    "kung": "if",
    "nung": "in",
    "noong": "in",
    "mula": "from",
    "hanggang": "until",
    "tungkol": "about",
    "ayon": "according to",
    # particles: how it is said, not what
    "daw": "",
    "raw": "",
    "ba": "",
    "naman": "",
    "po": "",
    "talaga": "",
    "pala": "",
    "lang": "",
    "ulit": "",
    "eh": "",
    "kaya": "",
    "nga": "",
    "din": "",
    "rin": "",
    "pa": "",
    "na": "",
    "yata": "",
    "muna": "",
    "di": "not",
    "hindi": "not",
    "wala": "no",
    "walang": "no",
    "may": "is there",
    "meron": "is there",
    "mayroon": "is there",
    # everyday words of deal talk
    "ngayon": "now",
    "kahapon": "yesterday",
    "bukas": "tomorrow",
    "dati": "formerly",
    "dating": "former",
    "taon": "year",
    "taong": "year",
    "buwan": "month",
    "araw": "days",
    "malaki": "big",
    "malaking": "big",
    "malalaki": "big",
    "malalaking": "big",
    "pinakamalaki": "biggest",
    "pinakamalaking": "biggest",
    "maliit": "small",
    "mura": "cheap",
    "mahal": "expensive",
    "bago": "new",
    "bagong": "new",
    "marami": "many",
    "maraming": "many",
    "daming": "many",
    "karamihan": "most",
    "iba": "other",
    "ibang": "other",
    "lahat": "all",
    "sobrang": "very",
    "sobra": "very",
    "pinaka": "most",
    "kasama": "including",
    "kasabay": "alongside",
    "tingin": "view",
    "sabi": "said",
    "sinabi": "said",
    "sinasabi": "says",
    "binanggit": "mentioned",
    "banggit": "mention",
    "bayad": "payment",
    "binayad": "paid",
    "nagbayad": "paid",
    "magbabayad": "will pay",
    "kinuha": "took",
    "kumuha": "took",
    "dinala": "brought",
    "nagdala": "brought",
    "mawawala": "be lost",
    "nawala": "lost",
    "nangunguna": "leads",
    "nanguna": "led",
    "nagsimula": "started",
    "simula": "start",
    "pinasa": "passed",
    "ipinasa": "passed",
    "iboboto": "vote on",
    "bumoto": "voted",
    "makakatulong": "help",
    "tumulong": "helped",
    "tulong": "help",
    "tumataas": "rising",
    "tumaas": "rose",
    "bumababa": "falling",
    "bumaba": "fell",
    "kailangan": "need",
    "kailangang": "need",
    "gusto": "want",
    "dapat": "should",
    "pwede": "can",
    "puwede": "can",
    "naging": "became",
    "magiging": "will be",
    "mananatili": "stay",
    "nananatili": "stays",
    "tinitingnan": "looking at",
    "tinatarget": "targeting",
    "bumalik": "returned",
    "babalik": "return",
    "nakakuha": "got",
    "makakuha": "get",
    "nag-sign": "signed",
    "pumirma": "signed",
    "binili": "bought",
    "bumili": "bought",
    "ibinenta": "sold",
    "nagbenta": "sold",
    "benta": "sales",
    "kita": "earnings",
    "gamot": "drug",
    "kumpanya": "company",
    "kompanya": "company",
    "bansa": "country",
    "presyo": "price",
    "halaga": "value",
    "kahalaga": "worth",
}
"""Tagalog's grammar words and the everyday words of deal talk, in the English sense they carry in a question.
Particles ("daw", "ba", "naman", "po") are how it is said, not what is asked: they go."""

_VERBS = {
    "binayad": "pay",
    "nagbayad": "pay",
    "pinasa": "pass",
    "ipinasa": "pass",
    "iboboto": "vote on",
    "kinuha": "take",
    "dinala": "bring",
    "binanggit": "mention",
    "binili": "buy",
    "tinitingnan": "look at",
    "tinatarget": "target",
    "sinabi": "say",
    "license": "license",
    "approve": "approve",
    "sign": "sign",
    "launch": "launch",
    "file": "file",
    "announce": "announce",
}
"""Tagalog verbs (and the English ones its affixes go on) before "ng" and who does them, in the form after
"did": "binayad ng Pfizer" -> "did Pfizer pay"."""

_TAGALOG_STRONG = frozenset(
    "magkano anong sino-sino bakit kailan saang ilang paano daw naman niya nila siya sila yung ung nung noong ayon "
    "sabi sinabi talaga kasi kahit ngayon hindi karamihan kailangan ng mga kay po pala ulit dati dating".split()
)
_TAGALOG_WEAK = frozenset("ano sino saan ilan ba si sa ni na pa lang may eh dun nun ito".split())

# "nag-sign", "magse-self-commercialise", "nagha-hunt", "na-approve", "i-found", "nilicense": Tagalog's verb
# affixes (with the first syllable said twice for what is under way) on an English verb, which is what is meant.
_AFFIXED = re.compile(
    r"\b(?:nakaka|nagpapa|magpapa|nagpa|magpa|naka|nag|mag|ma|na|i|ipa|pina|pag)"
    r"(?P<again>[bcdfghklmnprstvwy]{1,2}[aeiou])?-(?P<verb>[a-z]{3,})",
    re.IGNORECASE,
)


def _unaffixed(m: re.Match[str]) -> str:
    again, verb = m.group("again"), m.group("verb")
    if again and not verb.lower().startswith(again[:-1].lower()):
        return m.group(0)  # "mass-market" is no "ma" + "ss-"
    return verb


_ENGLISH_INFIX = re.compile(r"\b(?:ni|in)(?=(?:license|licensed|launch|file|approve|announce|sign)\b)", re.I)


def _tagalog_score(words: list[str]) -> int:
    return sum(2 if w in _TAGALOG_STRONG else 1 if w in _TAGALOG_WEAK else 0 for w in words)


def taglish(text: str) -> str:
    """ "Magkano daw yung deal ng AstraZeneca sa CSPC this year?" -> "how much the deal of AstraZeneca in CSPC this
    year?"; "Ano sabi niya about ADCs?" -> "what did they say about ADCs?". A question with fewer than three
    points of Tagalog markers (a strong marker counts two) is left as it is."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower())
    # "Sino-US" is no Tagalog "who"
    if _tagalog_score([w for w in words if not w.startswith("sino-") or w == "sino-sino"]) < 3:
        return text
    text = re.sub(r"\bdi\s+ba\b\s*", "", text, flags=re.IGNORECASE)  # "…, di ba?": isn't it
    # "sabi ni Smiley", "ayon kay Smiley", "according kay Smiley": according to Smiley
    text = re.sub(r"\b(?:sabi|ayon|according)\s+(?:ni|kay|sa)\b", "according to", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(?:sabi|sinabi)\s+(?:niya|nila)\b", "did they say", text, flags=re.IGNORECASE)
    text = re.sub(
        r"\b(?:per|from|by|with|to|about)\s+(?:kay|ni|si)\b", lambda m: m.group(0).split()[0], text, flags=re.I
    )
    # "nilicense ng Novartis", "binayad ng Pfizer": the verb before the one doing it ("ng" marks who does it)
    text = re.sub(
        r"\b(?P<affix>(?:ni|in)(?=license|launch|file|approve|announce|sign)|(?:na|nag|i|pina)-)?(?P<verb>[a-z]+)"
        r"\s+ng\s+(?P<who>(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)",
        lambda m: (
            f"did {m['who']} {_VERBS.get(m['verb'].lower(), m['verb'])}"
            if m["verb"].lower() in _VERBS or m["affix"]
            else m.group(0)
        ),
        text,
    )
    text = re.sub(r"\b(?:ilang|anong)\s+(?:percent|porsyento|porsiyento)\b", "what share", text, flags=re.I)
    text = _ENGLISH_INFIX.sub("", text)
    text = _AFFIXED.sub(_unaffixed, text)
    text = re.sub(r"\bpinaka-(?=[a-z])", "most ", text, flags=re.IGNORECASE)  # "pinaka-focus": the most focus
    text = re.sub(r"\bgaling\b", "from", text, flags=re.IGNORECASE)

    # "prediction niya": their prediction (the owner comes after in Tagalog); "kinuha nila": they took.
    def owner(m: re.Match[str]) -> str:
        before, pronoun = m.group(1), m.group(2).lower()
        if before.lower() in _TAGALOG or before.lower().rstrip("g").removesuffix("n") in _TAGALOG:
            return f"{before} {pronoun}"
        return f"their {before}"

    text = re.sub(r"(?<![\w’'-])([A-Za-z][\w-]*)\s+(niya|nila)\b", owner, text)

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if (
            w.lower() == "sino"
            and m.end() < len(text)
            and text[m.end()] == "-"
            and text[m.end() + 1 : m.end() + 2].isupper()
        ):
            return w  # "Sino-American"
        if not (w.islower() or (w[:1].isupper() and w[1:].islower())):
            return w  # "NA", "SA", "ADC": not Tagalog
        english = _TAGALOG.get(w.lower())
        if english is None and w.lower().endswith("ng") and w.lower() != "ng":
            # "siyang", "bang", "niyang": the word with Tagalog's linker "-ng" on it
            english = _TAGALOG.get(w.lower()[:-2]) if w.lower()[:-2] in _TAGALOG else None
            if english is None and w.lower()[:-1] in _TAGALOG:
                english = _TAGALOG[w.lower()[:-1]]
        return w if english is None else english

    text = re.sub(r"(?<![\w’'-])[A-Za-z]+(?:-[a-z]+)?(?![\w’'])", word, text)
    text = re.sub(r"\bthe\s+(?=did\b)", "", text)  # "yung nilicense ng Novartis": what Novartis licensed
    text = re.sub(r"\s+(?=[?,.!])", "", re.sub(r"\s{2,}", " ", text)).strip(" ,")
    return text[:1].upper() + text[1:] if text else text


# --- Nigerian Pidgin -----------------------------------------------------------------------------------------

_PIDGIN_MARKERS = re.compile(
    r"\b(?:wetin|dey|abi|sef|abeg|oya|nko|wahala|wey(?!\s+o(?:['’]|f\b))|una|oga|pikin|sabi|dem\s+(?:don|dey|go|no|sign|talk|say|"
    r"expect|name|pay|want|wan)|(?:talk|think|believe|know|expect|predict|hear|feel|fear)\s+say|no\s+(?:go|be)|"
    r"e\s+be|soon\s+soon|before\s+before|talk\s+so|im\s+own|(?:who|what|which|where)\s+be|how\s+much\s+na|(?-i:don\s+(?=[a-z]+\b))(?!\w+ing\b))\b"
    r"|^\s*na\s+(?:which|who|where|when|how|what|from|with|for)\b"
    r"|\b(?<!\bi\s)(?<!\bwhere\s)(?<!\bwho\s)(?<!\bwhat\s)\w+\s+am(?:\s+finish)?\s*\?",
    re.IGNORECASE,
)

_PIDGIN_PHRASES = [
    (r"\be\s+be\s+like\s+say\b", "it seems"),
    (r"\bbefore\s+before\b", "formerly"),
    (r"\bsoon\s+soon\b", "soon"),
    (r"\bcatch(?:ing)?\s+fire\b", "heating up"),
    (r"\bno\s+be\b", "is not"),
    (r"\bno\s+go\b", "will not"),
    (r"\bno\s+dey\b", "does not"),
    (r"\b(talk|think|believe|know|expect|predict|hear|feel|fear|said|thinks|believes)\s+say\b", r"\1 that"),
    (r"\b(wetin|who|what|which|where|how\s+much)\s+be\b", r"\1 is"),
    (r"\b((?:which|what)\s+[a-z]+)\s+be\b", r"\1 is"),
    (r"\btalk\s+so\b", "say so"),
    (r"\bhow\s+much\s+na\b", "how much is"),
    (r"\bgo\s+(?=(?:US|America|Europe|China|abroad|overseas)\b)", "to "),
    (r"\bwetin\s+(?=(?:\w+\s+){1,4}talk\b)", "what did "),
    (r"\bwetin\b", "what"),
    (r"^\s*na\s+(?=(?:which|who|where|when|how|what|from|with|for)\b)", ""),
    (r"(?<=[?,.]\s)na\s+(?=(?:which|who|where|when|how|what|from|with|for)\b)", ""),
    (r"\b(?:abeg|oya|sef|abi|o)\b(?!['’])\s*,?", ""),
    (r"^\s*okay\s*,?\s*", ""),
    # "And cardiometabolic nko?": what about it
    (r"^(\s*(?:and\s+)?)(.+?)\s+nko\s*\?", r"\1what about \2?"),
    (r"\b(did|do|does|are|were|will|can|would|could|have|has|had|should)\s+dey\b", r"\1 they"),  # "did dey say"
    (r"\bdem\b", "they"),
    (r"\buna\b", "you"),
    (r"\bim\b", "his"),
    (r"\bhim\s+(?=(?:company|position|title|firm|view|role|name|own)\b)", "his "),
    (
        r"(?<![\w’'])(?<!\bto\s)(?<!\bfor\s)(?<!\bwith\s)(?<!\babout\s)him\b(?=\s+(?:talk|say|think|dey|don|go|fit|wan|"
        r"believe|expect|predict|sef|na|work|be|come|sign|get|make|take|run|know|see|want|need|lead|start|return)\b)",
        "he",
    ),
    (r"\bwey\b", "that"),
    (r"\bwan\b", "want to"),
    (r"\bfit\b(?=\s+[a-z])", "can"),
    (r"\b(?-i:don\s+(?=[a-z]+\b))", ""),
    (r"\bdey\s+(?=[a-z]+\b)", ""),
    (r"\s+dey\s*(?=\?)", " is"),
    (
        r"\bgo\s+(?=(?:be|remain|stay|drop|rise|fall|do|make|lose|happen|change|continue|grow|sign|self|need|get|come|"
        r"cut|cheap|keep|last|increase|reduce|slow|affect|hurt|take)\b)",
        "will ",
    ),
    (r"\bwahala\b", "problem"),
    (r"\boga\b", "boss"),
    (r"\bsabi\b", "know"),
    (r"\b(\w+)\s+am\s+finish\s*\?", r"\1 it yet?"),
    (r"(?<!\bI\s)(?<!\bwhere\s)(?<!\bwho\s)(?<!\bwhat\s)\bam\b", "it"),
    (r"(?<![\w’'-])e(?=\s+(?:cost|be|dey|don|go|make|take|succeed|reach|fit|worth|mean|sell)\b)", "it"),
    (r"\bfor\s+(?=(?:19|20)\d\d\b)", "in "),
    (r"\bfor\s+(?=(?:China|US|America|Europe|Washington|Nigeria|Africa|market)\b)", "in "),
    (r"\btalk\b", "say"),
    (r"\bcarry\b", "take"),
    (r"\bna\b(?=\s+(?:still|one|from|the|a|an)\b)", "is"),
    (r"\bna\b", ""),
    (r"\s+finish\s*(?=\?)", ""),
]
"""Pidgin's grammar words in their English sense: "wetin" what, "dey" and "don" the tense they mark, "go" before
a verb the future, "dem" they, "am" it, "wey" that, "X nko?" what about X; "abeg", "oya", "sef", "abi" are how
it is said."""


def pidgin(text: str) -> str:
    """ "Wetin Smiley talk about ADC wey China dey develop?" -> "what did Smiley say about ADC that China develop?";
    only in a question with a marker only Pidgin has ("wetin", "dey", "abi", "talk say", "X nko?"...)."""
    if not _PIDGIN_MARKERS.search(text):
        return text
    for pattern, english in _PIDGIN_PHRASES:
        text = re.sub(pattern, english, text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(?=[?,.!])", "", re.sub(r"\s{2,}", " ", text)).strip(" ,")
    return text[:1].upper() + text[1:] if text else text


def code_mixed(text: str) -> str:
    """Taglish and Nigerian Pidgin, in English; any other question unchanged."""
    return pidgin(taglish(text))
