"""Shorthand that biopharma analysts type, and what articles write instead.

Used twice: the expansions are added to the search (so "AZ CSPC deal size?" finds "AstraZeneca"), and a
question word counts as found in the evidence when one of its expansions is (so "LOE" is not "missing"
from an article that says "patent cliff").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Each value lists the long forms, "|" between alternatives; an alternative counts as found when all its
# words are.
ABBREVIATIONS: dict[str, str] = {
    "az": "astrazeneca",
    "azn": "astrazeneca",
    "bms": "bristol myers squibb",
    "gsk": "glaxosmithkline|gsk",
    "j&j": "johnson",
    "jnj": "johnson",
    "msd": "merck",
    "lly": "lilly",
    "pfe": "pfizer",
    # Stock tickers, as investors type the companies.
    "nvs": "novartis",
    "abbv": "abbvie",
    "mrk": "merck",
    "bmy": "bristol myers squibb",
    "sny": "sanofi",
    "amgn": "amgen",
    "gild": "gilead",
    "nvo": "novo nordisk",
    "regn": "regeneron",
    "vrtx": "vertex",
    "biib": "biogen",
    "rhhby": "roche",
    "tak": "takeda",
    "bgne": "beigene|beone",
    "onc": "oncology|beone|beigene",  # the trade's shorthand for oncology first, BeOne's ticker second
    "zlab": "zai lab",
    "zbio": "zenas",
    "exec": "executive|president|chief|exec",  # "ZLAB exec": Zai Lab's president and COO
    "execs": "executives|president|chief|execs",
    "sweating": "worry|unfazed|concerned|sweating",  # "is the AAPG CEO sweating BIOSECURE?"
    "sweat": "worry|unfazed|concerned|sweat",
    "aapg": "ascentage",
    "cn": "china|chinese",
    "prc": "china|chinese",
    "eu": "european union",
    "hc": "healthcare",
    "bd": "business development|deal|dealmaking",
    "bp": "big pharma|large pharma",
    "m&a": "acquisition|merger",
    "mnc": "multinational|mnc|big pharma|large pharma|pharma companies|global companies",
    "ta": "therapy area|therapeutic area|therapy areas",
    "tas": "therapy areas|therapeutic areas|therapy area",  # "which TAs is CN R&D ramping in?"
    "lic": "licensing|license|licence",  # "Zenas in-lic 2025"
    "est": "estimate|estimates|est",  # "GD est?"
    "rep": "reputation|rep",  # "CN rep was generics/me-too"
    "mncs": "multinational|mnc|big pharma|large pharma|pharma companies|global companies",
    "loe": "loss exclusivity|patent cliff",
    "cgt": "cell gene therapy|cgt",
    "cgts": "cell gene therapies|cgts",
    "adc": "antibody drug conjugate|adcs",
    "adcs": "antibody drug conjugates|adc",
    "bsab": "bispecific|bispecifics",
    "bsabs": "bispecifics|bispecific",
    "mab": "monoclonal antibody",
    "io": "immuno oncology",
    "i&i": "immunology|inflammation",
    "glp-1": "glp obesity",
    "ind": "investigational new drug|ind",
    "inds": "investigational new drug|ind",
    "nda": "new drug application",
    "bla": "biologics license application",
    "r&d": "research development|r&d",
    "fy": "fiscal year",
    "rev": "revenue|sales",
    "val": "value|val",  # "az cspc deal val"
    "pct": "percent|pct",  # "china share of big pharma innovator deals 2024 pct"
    "quantum": "value|size|quantum",  # "the total quantum of that deal": its value
    "appetite": "interest|appetite",  # "asian investor appetite for outlicensing"
    "image": "reputation|image",  # "this change of image"
    "ceo": "chief executive|ceo",
    "coo": "chief operating|coo",
    "cfo": "chief financial|cfo",
    "ndaa": "national defense authorization act|ndaa",
    "self-comm": "self commercialisation|self commercialization",
    "comm": "commercialisation|commercialization|commercial",
    "fwd": "forward",
    # Capitals standing for governments ("BIOSECURE in Washington").
    "washington": "us|congress|senate|house|federal",
    "beijing": "china|chinese",
    "brussels": "eu|european",
    # Everyday words for what articles write in the trade's terms.
    "cancer": "oncology|cancer",
    "cancers": "oncology|cancers",
    "tumour": "oncology|tumour",
    "tumor": "oncology|tumor",
    "immune": "immunology|immune",
    "autoimmune": "immunology|autoimmune",
    "voted": "passed|voted",
    "vote": "passed|vote",
    "missing": "lack|missing",
    "expiring": "patent cliff|expiring|expiry",
    "expiry": "patent cliff|expiry|expiring",
    "lacking": "lack|lacking",
    "fka": "formerly known|formerly|fka",
    "aka": "also known|known as|aka",
    "congress": "house|senate|congress",
    "congressional": "house|senate|congress",
    "financial": "capital|financial|funding|money",
    "money": "capital|funding|money",  # "his point about money": access to capital
    "funding": "capital|funding|financing",  # "tie out-licensing to funding needs": access to capital
    "acted": "passed|voted|acted",  # "Has the House acted on it?": passed it, or voted
    "persistence": "continued|continue|still|remain|persistence",  # "the persistence of out-licensing"
    "hot": "popular|hot",  # "which drug types are hot": popular with dealmakers
    "ramping": "accelerate|ramping",
    "jabs": "obesity|jabs",  # "weight-loss jabs"
    "glut": "abundance|glut",  # "how does CN's early-stage glut help pharma?": the abundance of assets
    "surplus": "abundance|surplus",
    "bring": "took|take|bring",  # "what did they bring to the US?": what they took there
    "brought": "took|brought",  # "which TAs is CN R&D ramping in?"
    "regulator": "regulatory|regulator",  # "Is the Chinese regulator helping?": the regulatory system
    "regulators": "regulatory|regulators",
    "outfit": "company|companies|outfit",  # "Which Chinese outfit...?": which company
    "outfits": "companies|outfits",
    "houses": "companies|houses",  # "the Western houses": the companies, in a banker's word
    "hunting": "seeking|hunting",  # "hunting for Chinese partners": seeking out deals
    "fields": "areas|fields",  # "in which therapeutic fields": therapy areas
    "wisest": "best|wisest",  # "the wisest course for these companies": best practice
    "smartest": "best|smartest",
    "movement": "uptick|growth|movement",  # "Any movement on the cardiometabolic side?"
    "offset": "mitigate|offset",  # "help pharma buyers offset pricing pressure": mitigate its impact
    "cushion": "mitigate|cushion",
    "soften": "mitigate|soften",  # "soften the blow": mitigate the impact
    "climbing": "rise|climbing",  # "deal values keep climbing": continue to rise
    "slowdown": "grow|continue|slowdown",  # "forecasting a slowdown?": the forecast says which way
    "terrified": "worry|unfazed|terrified",  # "Yang must be terrified of BIOSECURE": whether he worries
    "scared": "worry|unfazed|scared",
    "climb": "rise|climb",
    "headliner": "focus|headliner",  # "the headliner therapy area": the centre of focus
    "clout": "influence|clout",  # "as Chinese biotechs gain clout abroad": their influence
    "diminish": "drop|diminish",  # "sales will diminish between 2025 and 2030"
    "capacities": "capability|capacities",  # "what capacities are missing": the R&D capability they lack
    "capacity": "capability|capacity",
    "provoke": "result|provoke",  # "which reaction could it provoke": what it could result in
    "trigger": "result|trigger",
    "vanish": "drop|vanish",  # "revenue expected to vanish as big brands lose patent protection"
    "disappear": "drop|disappear",
    "evaporate": "drop|evaporate",
    "returning": "returnees|returning",  # "people returning to China": the returnees
    "returned": "returnees|returned",
    "persist": "continue|persist",  # "whether this year's licensing trends persist into 2026"
    "persists": "continue|persists",
    "erosion": "drop|decline|erosion",  # "US sales erosion from the patent cliff": the drop in sales
    "formats": "modalities|formats",  # "next-gen biologic formats": modalities
    "format": "modality|format",
    "hottest": "popular|hottest",  # "the hottest China buy": the most popular
    "buyers": "companies|dealmakers|buyers",
    "chase": "seeking|break|chase",  # "as buyers chase obesity": as companies try to break into it
    "chasing": "seeking|break|chasing",
    "therapeutic": "therapy|therapeutic",  # "therapeutic areas": the articles' "therapy areas"
    "hooked": "engaged|interested|hooked",
    "restock": "bulk|restock",  # "restock their pipelines": bulk them out
    "replenish": "bulk|replenish",
    "gd": "globaldata",  # "per GD": GlobalData, the publisher's analysts
    "attention": "interest|attention",  # "getting the same attention": the same interest
    "agree": "agree|echoed|mirrors|similar",  # "did the Ascentage guy agree?": "Yang echoed this sentiment"
    "agreed": "agreed|echoed|mirrors|similar",
    "agrees": "agrees|echoed|mirrors|similar",
    "pushback": "lobbying|restrict|pushback",  # "what pushback should we expect": lobbying to restrict them
    "backlash": "lobbying|restrict|backlash",
    "keen": "popular|interest|keen",  # "which modality are dealmakers most keen on": the popular one
    "keener": "popular|interest|keener",
    "keenest": "popular|interest|keenest",
    "chamber": "house|senate|chamber",  # "Which chamber of Congress has passed it?"
    "chambers": "house|senate|chambers",
    "scene": "landscape|scene",  # "why are global companies so hooked on China"
    "players": "companies|players",  # "why are the global players so engaged"
    "heavyweights": "companies|heavyweights",  # "which Western heavyweights struck cancer deals"
    "heavyweight": "companies|heavyweight",
    "giants": "companies|giants",  # "the pharma giants"
    "player": "company|player",
    "worried": "concerned|worried|unfazed|fazed",
    "flags": "notes|highlights|flags",  # "who flags a pickup in cardiometabolic dealmaking?"
    "flagged": "noted|highlighted|flagged",
    "unbothered": "unfazed|unbothered",  # "which executive is largely unbothered by BIOSECURE?"
    "untroubled": "unfazed|untroubled",
    "unperturbed": "unfazed|unperturbed",
    "concerned": "concerned|worried|unfazed|fazed",
    "pivot": "moving|shift|pivot",
    "pivoting": "moving|shift|pivoting",  # "what is it pivoting towards now?"
    "reliant": "require|need|reliant",  # "which keeps them reliant on partners": what they will still require
    "reliance": "require|need|reliance",
    "foresee": "predicts|forecasts|concludes|expects|foresee",  # "what backlash does Cui foresee?"
    "foresees": "predicts|forecasts|concludes|expects|foresees",
    "insulated": "little worry|insulated",  # "what it takes to be insulated from that risk": little worry
    "shielded": "little worry|shielded",
    "gen": "generation",
    "dev": "development",
    "co": "company|companies",
    "cos": "companies",
    "licensors": "licensing|deals|licensors",
    "licensor": "licensing|deal|licensor",
    "licensees": "licensing|deals|licensees",
    "licensee": "licensing|deal|licensee",
    "txn": "transaction|deal|agreement",
    "txns": "transactions|deals|agreements",
    "copycat": "me-too|generic|copycat",  # "known for copycat drugs": generic and me-too manufacturing
    "copycats": "me-too|generic|copycats",
    "newer": "next generation|newer",  # "newer medicines": next-generation biologics
    "copies": "me-too|generic|copies",  # "known for cheap copies of existing drugs"
    "centre": "hub|centre",  # "a big centre for cell and gene therapy work": a development hub
    "center": "hub|center",
    "cheap": "expensive|cheap",  # "will it stay that cheap?": "will get more expensive over time"
    "cheaper": "expensive|cheaper",
    "knockoff": "me-too|generic|knockoff",
    "knockoffs": "me-too|generic|knockoffs",
    # A scholar's register: the plain words articles use.
    "imitation": "me-too|generic|imitation",  # "a reputation for imitation rather than originality"
    "imitators": "me-too|generic|imitators",
    "primacy": "lead|primacy",  # "a certain primacy in the commencement of new studies": the lead in starts
    "commencement": "starts|start|commencement",
    "commencements": "starts|commencements",
    "prudent": "best|prudent",  # "the most prudent course": best practice
    "advisable": "best|advisable",
    "perturbed": "unfazed|concerned|perturbed",
    "deficiencies": "lack|deficiencies",  # "what deficiencies stand between them and...": what they lack
    "shortcomings": "lack|shortcomings",
    "enthusiasm": "engaged|interest|enthusiasm",
    "prognosis": "predicts|forecasts|expects|prognosis",  # "what is prognosis of Zai Lab COO": his forecast
    "prognoses": "predicts|forecasts|expects|prognoses",
    "cardiomet": "cardiometabolic",
    "haigui": "returnees|returnee",
    "reg": "regulatory|regulator|regulation",
    "bn": "billion|bn",  # "multi-bn deals"
    "mn": "million|mn",
    "counterparty": "agreement|deal|counterparty",
    "yr": "year",
    "yrs": "years",
    "q": "quarter",
    # A deal sheet's shorthand: "Zenas x InnoCare – TEV?", "agg TEV of CN lic deals", "WW study starts".
    "tev": "total value|value|worth",
    "agg": "aggregate|total|combined",
    "ww": "worldwide|global|globally",
    "uf": "upfront",
    "lt": "long term|longer-term",
    "fic": "first-in-class|first",
    "bic": "best-in-class|best",
    "nme": "new drug|innovative|novel",
    "nmes": "new drugs|innovative|novel",
    "clin": "clinical|clinic",
    "cm": "cardiometabolic",
    "pharmaco": "pharma|pharma company",
    "pharmacos": "pharma|pharma companies",
    "biotechco": "biotech|biotech company",
    "biotechcos": "biotech|biotech companies",
    "tuck": "inclusion|include|tuck",  # "the bigger law they want to tuck BIOSECURE inside": its inclusion in it
    "tucked": "inclusion|included|tucked",
    "foothold": "break|foothold",  # "which market are companies trying to get a foothold in": to break into
    "defence": "defense|defence",  # the British spelling of the (US) National Defense Authorization Act
    "converge": "normalise|converge",  # "CN asset pricing stays cheap or converges?": the prices normalise
    "converges": "normalise|converges",
    "converging": "normalise|converging",
}

# Chat shorthand that carries no topic: treated like "what" and "the", and spelled out for the dense model.
CHAT_WORDS_MEANING = {
    "wat": "what",
    "wot": "what",
    # Transposed letters in the question words, typed fast.
    "waht": "what",
    "whta": "what",
    "hwo": "how",
    "woh": "who",
    "wich": "which",
    "whcih": "which",
    "wehn": "when",
    "wehre": "where",
    "teh": "the",
    "wen": "when",
    "wher": "where",
    "whats": "what is",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "abt": "about",
    "u": "you",
    "ur": "your",
    "vs": "versus",
    "rn": "right now",
    "tbh": "",
    "nah": "",  # "sweating BIOSECURE or nah?"
    "imo": "",
    "ngl": "",
    "tho": "",  # "does he think that lasts tho?"
    "r": "are",  # "why r big pharmas so into China"
    "acc": "according",  # "acc to him"
    "yr": "year",
    "bc": "because",
    "gonna": "going to",
}
CHAT_WORDS = frozenset(
    [
        *CHAT_WORDS_MEANING,
        # Negated auxiliaries carry no topic: "why needn't they sweat it?"
        *("don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "cannot"),
        *("needn't", "shouldn't", "wouldn't", "couldn't", "hasn't", "haven't", "hadn't", "mustn't"),
        *("don’t", "doesn’t", "didn’t", "isn’t", "aren’t", "won’t", "can’t", "needn’t", "shouldn’t"),
        *("w/", "re", "eg", "ie", "etc"),
        # Verbs that ask for an account rather than name a topic: "How does Cui characterise BIOSECURE?"
        *("characterise", "characterize", "characterises", "characterizes", "describe", "describes"),
        *("summarise", "summarize", "explain", "explains", "assess", "assesses", "portray", "portrays"),
        # Asking for it briefly, or word for word: "In a nutshell, why...?", "his exact words on BIOSECURE".
        *("nutshell", "briefly", "tldr", "gist", "exact", "words", "verbatim", "wording", "pull", "grab"),
        # Words that point at the corpus or at nothing in particular: "anything on obesity?", "what does the
        # article say about...?".
        *("anything", "something", "article", "articles", "piece"),
        # "at this juncture": now, which every question about the present means anyway.
        "juncture",
        # Words that ask for a reason, never in it: "pipeline rationale beyond price?"
        *("rationale", "reasoning", "thesis"),
        # Asking what a short form stands for: "What does the abbreviation MNC stand for?"
        *("abbreviation", "abbreviations", "acronym", "acronyms"),
    ]
)

_TOKEN = re.compile(r"[\w&-]+")


RENAMING = re.compile(
    r"\b(?:called|named|known)\s+(?:before|previously|earlier|originally)\b|\b(?:old|previous|former)\s+name\b"
    r"|\bused\s+to\s+be\s+(?:called|named)\b"
    r"|\b(?:called|named|known(?:\s+as)?)\s+now\b|\bnow\s+(?:called|named|known)\b|\bnew\s+name\b"
    r"|\brenam(?:e|es|ed|ing)\b|\brebrand\w*|\bgo(?:es)?\s+by\b|\bgoing\s+by\b"
    r"|\b(?:called|named|known(?:\s+as)?)\s+(?:these\s+days|today|nowadays)\b",
    re.IGNORECASE,
)
"""Asks for a company's old or new name ("What was it called before?", "BeiGene goes by what now?")."""
RENAMED = re.compile(
    r"\bformerly\b|\brenamed\b|\brebranded\b|\bpreviously\s+(?:known|called)\b|\bnow\s+(?:known|called)\b"
    r"|\bchanged\s+its\s+name\b",
    re.IGNORECASE,
)
"""A sentence saying a company was renamed ("BeOne Medicines – formerly known as BeiGene")."""


FORMERLY_ASKED = re.compile(
    r"\b(?:known|seen|regarded|viewed|considered|famous|thought\s+of)\b[^?]{0,60}?\b(?:before|b4)\b"
    r"|\bused\s+to\s+be\s+(?:known|seen|famous|regarded)\b|\b(?:old|former|past|previous)\s+(?:reputation|image|rep)\b",
    re.IGNORECASE,
)
"""Asks what something was once known for ("What was China known for before its push into...?")."""
MAJORITY_ASKED = re.compile(
    r"\b(?:are|will|do|does|would|could|should|can|whether|if)\s+most\b|^\W*most\b|\bmost\s+of\b", re.IGNORECASE
)
"""Asks what most of them do ("Are most Chinese biotechs going to...?")."""


PHRASES: list[tuple[re.Pattern[str], str]] = [
    # "What was it called before?", "its old name": how articles say it.
    (RENAMING, "formerly known"),
    # "Where did they start out?": where its roots are.
    # "And where it was born, this company?": where it was founded.
    (
        re.compile(
            r"\bstart(?:ed)?\s+out\b|\bfound(?:ed)?\s+where\b|\boriginat\w*|\bwhere\b[^?]*\bborn\b", re.IGNORECASE
        ),
        "roots started",
    ),
    # "Will they go it alone?", "sell their drugs worldwide on their own": self-commercialisation.
    (
        re.compile(
            r"\b(?:go|goes|going|gone|went)\s+it\s+alone\b|\bon\s+(?:their|its|our)\s+own\b"
            r"|\bby\s+(?:themselves|itself|ourselves)\b|\bunaided\b|\bsell(?:s|ing)?\s+(?:[\w-]+\s+){0,4}(?:themselves|itself|ourselves)\b"
            r"|\b(?:their|its)\s+own\s+(?:drugs?|medicines?|products?|assets?)\b",
            re.IGNORECASE,
        ),
        "self-commercialisation",
    ),
    # "What alternative to the usual licensing route are some of them eyeing?": selling on their own instead.
    (
        re.compile(r"\balternatives?\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:out-?)?licens\w*", re.IGNORECASE),
        "self-commercialise globally rather than out-license",
    ),
    # "any time soon", "in the next few years": what articles call the short or near term.
    (
        re.compile(
            r"\b(?:any\s*time\s+soon|near(?:-|\s+)future|next\s+(?:few|couple\s+of)\s+years|short(?:-|\s+)run)\b",
            re.IGNORECASE,
        ),
        "short near term",
    ),
    # "Is he losing sleep over it?", "rattled", "worried": how articles report a stance on a threat.
    (
        re.compile(
            r"\blos(?:e|es|ing|t)\s+(?:any\s+|much\s+)?sleep\b|\brattled\b|\bworr(?:y|ied|ies|ying)\b|\bnervous\b|\bspooked\b|"
            r"\bpreoccupied\b|"  # an Italian's "preoccupato": worried
            r"\bfazed\b|\banxious\b|\bconcerned\b|\bfret(?:s|ted|ting)?\b",
            re.IGNORECASE,
        ),
        "unfazed concerned worry",
    ),
    # "Have those made money?": whether they have had commercial success.
    (
        re.compile(r"\b(?:made|make|makes|making)\s+(?:any\s+)?money\b|\bmoney[- ]?makers?\b", re.IGNORECASE),
        "commercial success",
    ),
    # "Who's bullish on more deals?": who predicts or expects them.
    (re.compile(r"\b(?:bullish|optimistic|upbeat|sanguine)\b", re.IGNORECASE), "predicts expects"),
    # "In the long run", "further out": the longer term.
    (
        re.compile(
            r"\blong(?:er)?(?:-|\s+)(?:run|range)\b|\blong\s+haul\b|\bfurther\s+out\b|\bdown\s+the\s+road\b"
            r"|\bin\s+the\s+long\s+term\b",
            re.I,
        ),
        "longer term",
    ),
    # "tie-ups", "pacts", "shook hands on", "inked": deals and agreements signed.
    (
        re.compile(r"\btie-?ups?\b|\bpacts?\b|\bshook\s+hands\b|\binked\b|\bstruck\b", re.IGNORECASE),
        "deal agreement signing",
    ),
    # "Why the pickup in cardiometabolic deals?", "any other area picking up?": an uptick.
    (re.compile(r"\bpick(?:s|ed|ing)?(?:-|\s+)up\b|\bpickups?\b|\btick(?:s|ed|ing)?\s+up\b", re.IGNORECASE), "uptick"),
    # "When did the House sign off on it?": when it passed.
    (re.compile(r"\bsign(?:s|ed|ing)?\s+off\b|\bgreen-?lit\b", re.IGNORECASE), "passed"),
    # "heart-and-metabolism deals", "immune-mediated disease": the therapy areas' names.
    (
        re.compile(r"\bheart(?:-|\s+)(?:and(?:-|\s+))?metabol\w*|\bcardio(?:-|\s+)metabolic\b", re.IGNORECASE),
        "cardiometabolic",
    ),
    (re.compile(r"\bimmune(?:-|\s+)mediated\b", re.IGNORECASE), "immune immunology"),
    # "When did China overtake everyone in trial starts?": when it took the lead.
    (re.compile(r"\bovert(?:ake|akes|aking|aken|ook)\b|\boutpac\w*", re.IGNORECASE), "lead"),
    # "the House of Representatives": "the House", as articles call it after the first mention.
    (re.compile(r"\bHouse\s+of\s+Representatives\b", re.IGNORECASE), "house"),
    # "IND turnaround times": how fast applications are processed.
    (re.compile(r"\bturn-?arounds?\b", re.IGNORECASE), "processing"),
    # "antibody drugs that carry a chemo payload", "antibody-chemo combos": antibody-drug conjugates.
    (
        re.compile(
            r"\bantibod(?:y|ies)[- ]chemo\w*(?:\s+(?:combos?|combinations?|drugs?|conjugates?|hybrids?))?"
            r"|\bchemo[- ]?payloads?\b|\bantibod(?:y|ies)(?:[- ]\w+){0,3}\s+(?:that\s+)?"
            r"carr(?:y|ies|ying)\b",
            re.IGNORECASE,
        ),
        "adcs antibody-drug conjugates",
    ),
    # "when big patents expire": the patent cliff.
    (
        re.compile(r"\bpatents?\s+(?:\w+\s+){0,2}expir\w*|\bexpir\w*\s+(?:\w+\s+)?patents?\b", re.IGNORECASE),
        "patent cliff",
    ),
    # "gene and cell therapy": the articles' "cell and gene therapies".
    (re.compile(r"\bgene\s+(?:and|&)\s+cell\s+therap\w*", re.IGNORECASE), "cell gene therapies cgts"),
    # "cell and gene therapy": what articles abbreviate after the first mention ("China's CGT output").
    (re.compile(r"\bcell\s+(?:and|&)\s+gene\s+therap\w*", re.IGNORECASE), "cgt cgts"),
    # "weight-loss drugs", "fat jabs": the obesity market.
    (re.compile(r"\bweight[- ]?loss\b|\bfat[- ]jabs?\b|\bslimming\b", re.IGNORECASE), "obesity"),
    # "team up with a big multinational": partner with an MNC.
    (re.compile(r"\bteam(?:s|ed|ing)?[- ]up\b|\bjoin(?:s|ed|ing)?\s+forces\b", re.IGNORECASE), "partnering partner"),
    # "this year's licensing frenzy", "the deal boom": the uptick in deals.
    (re.compile(r"\b(?:frenzy|boom|spree|flurry|bonanza|gold\s+rush)\b", re.IGNORECASE), "uptick trends"),
    # "What was China known for before...?", "its old image": what it was once considered.
    (FORMERLY_ASKED, "once considered"),
    # "the reputation China is shaking off", "leaving behind", "shedding its image": what it is moving away from.
    (
        re.compile(
            r"\bshak(?:e|es|ing|en)\s+off\b|\bshook\s+off\b|\bleav(?:e|es|ing)\s+behind\b|\bleft\s+behind\b"
            r"|\bmov(?:e|es|ed|ing)\s+past\b|\bbreak(?:s|ing)?\s+away\b|\bdistanc(?:e|es|ed|ing)\s+(?:itself\s+)?from\b"
            r"|\bshed(?:s|ding)?\s+(?:its|the|that|this|an?)\s+(?:[\w-]+\s+)?(?:image|reputation|label|tag)\b",
            re.IGNORECASE,
        ),
        "moving away",
    ),
    # "Does he think it stays that cheap?", "will the discount last?": whether prices normalise.
    (
        re.compile(
            r"\b(?:stay|stays|staying|remain|remains|keep|keeps|last|lasts)\s+(?:so\s+|that\s+|this\s+|as\s+)?"
            r"(?:cheap|inexpensive|affordable|low-?cost|a\s+bargain|discounted)\b"
            r"|\b(?:cheap|cheapness|discounts?|bargains?|low\s+prices?)\b[^?]*\b(?:last|lasts|persist|continue|endure)\b",
            re.IGNORECASE,
        ),
        "normalise expensive",
    ),
    # "Does the Zai guy back her up?", "side with": whether he shares the view ("Smiley mirrors this belief").
    (
        re.compile(r"\bback(?:s|ed|ing)?\s+(?:her|him|them|that|this|it)\s+up\b|\bsid(?:e|es|ed|ing)\s+with\b", re.I),
        "mirrors echoed agree",
    ),
    # "Is the Jefferies analyst on the same page?": whether she agrees.
    (
        re.compile(
            r"\bon\s+the\s+same\s+page\b|\bsee(?:s)?\s+eye\s+to\s+eye\b|\bin\s+agreement\b"
            r"|\bof\s+the\s+same\s+(?:idea|opinion|mind|view)\b",  # an Italian's "della stessa idea"
            re.I,
        ),
        "similar echoed agree",
    ),
    # "sticking with licensing": keeping to it, as articles say it remains or continues.
    (re.compile(r"\bstick(?:s|ing)?\s+with\b|\bstuck\s+with\b", re.IGNORECASE), "remain continue"),
    # "the open question hanging over the licensing scene", "still unsettled", "what uncertainties": the
    # questions that remain.
    (
        re.compile(
            r"\bhang(?:s|ing)?\s+over\b|\bopen\s+questions?\b|\bunsettled\b|\bunresolved\b|\buncertaint(?:y|ies)\b"
            r"|\bunknowns?\b|\bup\s+in\s+the\s+air\b",
            re.IGNORECASE,
        ),
        "questions",
    ),
    # "all the headline-grabbing dealmaking", "deals making headlines": deals that grab headlines.
    (
        re.compile(r"\bheadline[- ]grabbing\b|\bmak(?:e|es|ing)\s+(?:the\s+)?headlines\b", re.IGNORECASE),
        "grab headlines",
    ),
    # "Why are global companies piling in?", "flocking to China": why they are so engaged.
    (
        re.compile(
            r"\bpil(?:e|es|ed|ing)\s+in(?:to)?\b|\bflock(?:s|ed|ing)?\b|\brush(?:es|ed|ing)?\s+in(?:to)?\b"
            r"|\bpour(?:s|ed|ing)?\s+in(?:to)?\b",
            re.IGNORECASE,
        ),
        "engaged interest",
    ),
    # "What larger bill is BIOSECURE being folded into?", "tacked onto": the act it is included in.
    (
        re.compile(
            r"\b(?:fold|folds|folded|folding|roll|rolls|rolled|rolling|bundl(?:e|es|ed|ing))\s+into\b"
            r"|\b(?:tack|tacks|tacked|tacking|attach|attaches|attached|attaching)\s+(?:on)?to\b"
            # "What legislative vehicle is BIOSECURE riding on?": the act it is included in.
            r"|\blegislative\s+vehicle\b|\brid(?:e|es|ing)\s+(?:on|along\s+(?:on|with))\b",
            re.IGNORECASE,
        ),
        "inclusion",
    ),
    # "trying to bypass the usual out-licensing model": selling it themselves instead.
    (
        re.compile(
            r"\bbypass\w*|\bsidestep\w*|\bcircumvent\w*|\bgo(?:es|ing)?\s+around\b|\bcut(?:s|ting)?\s+out\s+the\b",
            re.IGNORECASE,
        ),
        "self-commercialisation",
    ),
    # "global sponsors", "trial sponsors": a CRO's word for the companies whose trials it runs (not a bill's).
    (
        re.compile(
            r"\b(?:global|pharma|trial|study|clinical|big|western|biotech|industry|chinese|us|american|european"
            r"|japanese|korean|local|domestic)\s+sponsors?\b",
            re.I,
        ),
        "companies",
    ),
    # "revenue lost to loss of exclusivity": what articles call the patent cliff.
    (re.compile(r"\bloss(?:es)?\s+of\s+(?:market\s+)?exclusivity\b", re.IGNORECASE), "patent cliff"),
    # "Will that still be a focus next year?": what articles forecast to continue.
    (re.compile(r"\b(?:next|coming)\s+year\b|\byear\s+ahead\b", re.IGNORECASE), "continue forecasts"),
    # "Which therapy areas does he see staying hot?": which will continue to be a focus.
    (
        re.compile(
            r"\b(?:stay|stays|staying|stayed|remain|remains|remaining)\s+(?:hot|popular|in\s+focus|in\s+demand|strong)\b",
            re.IGNORECASE,
        ),
        "continue focus",
    ),
    # "Why would US drugmakers keep working with Chinese biotechs?": why they maintain relations.
    (
        re.compile(r"\b(?:keep|kept|keeps|continue|continues)\s+(?:working|dealing|doing\s+deals)\s+with\b", re.I),
        "maintain relations",
    ),
    # "Smiley's pick of China modalities?", "other modalities Yang adds?": the ones named (not "these modalities").
    (
        re.compile(
            r"\b(?:which|what|pick\s+of|choice\s+of|other|top|hot|favou?rite)\s+(?:[\w-]+\s+){0,2}modalit(?:y|ies)\b",
            re.IGNORECASE,
        ),
        "adcs bispecifics cgts",
    ),
    # "which drug types are hot": the modalities.
    (
        re.compile(r"\b(?:drug|medicine|treatment|therapy|product)\s+(?:types|kinds|classes|formats)\b", re.IGNORECASE),
        "modalities",
    ),
    # "had a crack at taking its own drug to the US": tried, attempting it.
    (
        re.compile(r"\b(?:had|have|has|having|take|took|taking)\s+a\s+(?:crack|go|stab|shot)\s+at\b", re.IGNORECASE),
        "attempting",
    ),
    # "get into bed with": do a deal with.
    (re.compile(r"\b(?:get|got|getting|jump|jumped)\s+into\s+bed\s+with\b", re.IGNORECASE), "deal agreement"),
    # "actually made money or just hype?": commercial success.
    (re.compile(r"\b(?:made|make|makes|making)\s+(?:any\s+|real\s+)?money\b", re.IGNORECASE), "commercial success"),
    # "catching investors' eye": what draws their interest.
    (re.compile(r"\b(?:catch(?:es|ing)?|caught)\s+(?:[\w’'-]+\s+){0,2}eyes?\b", re.IGNORECASE), "interest"),
    # "deal flow": the deals.
    (re.compile(r"\bdeal[- ]?flow\b", re.IGNORECASE), "deals"),
    # "where's incremental deal flow showing up": where there is an uptick.
    (re.compile(r"\bincremental\b|\bshowing\s+up\b", re.IGNORECASE), "uptick"),
    # "research and development": R&D, as articles write it.
    (re.compile(r"\bresearch\s+(?:and|&)\s+development\b", re.IGNORECASE), "r&d"),
    # "where R&D is picking up pace", "ramping up": where efforts accelerate.
    (
        re.compile(
            r"\bpick(?:s|ed|ing)?\s+up\s+(?:pace|speed|steam)\b|\bgather(?:s|ed|ing)?\s+(?:pace|speed|steam)\b"
            r"|\bramp(?:s|ed|ing)?\s+up\b|\bspeed(?:s|ing)?\s+up\b|\bsped\s+up\b",
            re.IGNORECASE,
        ),
        "accelerate",
    ),
    # "has stayed consistently important", "the constant": what has remained constant.
    (
        re.compile(
            r"\b(?:stay|stays|stayed|remain|remains|remained)\s+(?:consistently\s+|steadily\s+)?(?:[\w’'-]+['’]s\s+)?"
            r"(?:important|central|the\s+same|constant|steady|a\s+priority)\b|\bconsistently\b"
            r"|\b(?:has|have|hasn['’]t|haven['’]t|not)\s+(?:not\s+)?changed\b|\bunchanged\b",
            re.IGNORECASE,
        ),
        "remained constant",
    ),
    # "the usual licensing playbook": the blueprint.
    (re.compile(r"\bplaybooks?\b|\btemplates?\b", re.IGNORECASE), "blueprint"),
    # "Will most of them...?", "are most Chinese biotechs...": what the majority does (not "the most valuable").
    (MAJORITY_ASKED, "majority"),
]
"""Everyday phrasings of what articles say in set phrases."""


LOWER_CASE_MEANING = {"onc": "oncology"}
"""Shorthand that, typed in lower case, means one thing only."""


def expansions(text: str) -> list[str]:
    """Expansion words for the shorthand and the everyday phrasings in a text, in order, without repeats."""
    words: dict[str, None] = {}
    for written in _TOKEN.findall(text):
        token = written.lower()
        # "onc deals" is oncology; "ONC" may be BeOne's ticker too.
        expansion = LOWER_CASE_MEANING.get(written) or _expansion(token)
        if expansion:
            words.update(dict.fromkeys(expansion.replace("|", " ").split()))
    for pattern, expansion in PHRASES:
        if pattern.search(text):
            words.update(dict.fromkeys(expansion.split()))
    return list(words)


def phrase_words(text: str) -> dict[str, list[str]]:
    """For each word of an everyday phrasing in the text, the words articles use instead ("rattled" ->
    ["unfazed", "concerned"]): a word so phrased is not missing when the article has one of those."""
    found: dict[str, list[str]] = {}
    for pattern, expansion in PHRASES:
        for match in pattern.finditer(text):
            for word in _TOKEN.findall(match.group(0).lower()):
                # "antibody-chemo": the question's words are its parts as well.
                for part in dict.fromkeys([word, *(p for p in word.split("-") if p)]):
                    found.setdefault(part, []).extend(expansion.split())
    return found


def _expansion(term: str) -> str | None:
    """What a shorthand term stands for; a plural of one ("LOEs", "INDs") stands for the same."""
    expansion = ABBREVIATIONS.get(term)
    if expansion is None and len(term) > 2 and term.endswith("s"):
        expansion = ABBREVIATIONS.get(term[:-1])
    return expansion


# Drug classes a drug's international non-proprietary name announces by its stem (the WHO INN and USAN stems):
# zanubrutinib is a BTK inhibitor, olaparib a PARP inhibitor, any "-mab" an antibody. An article naming
# Brukinsa (zanubrutinib) answers "which BTK inhibitor...?" without the words "BTK inhibitor".
DRUG_CLASS_STEMS = {
    "btk": ("brutinib",),
    "jak": ("citinib",),
    "parp": ("parib",),
    "cdk": ("ciclib",),
    "kras": ("rasib",),
    "egfr": ("ertinib",),
    "tki": ("tinib",),
    "tkis": ("tinib",),
    "kinase": ("tinib", "nib"),
    "inhibitor": ("ib",),
    "inhibitors": ("ib",),
    "mab": ("mab",),
    "mabs": ("mab",),
    "monoclonal": ("mab",),
}
_INN = re.compile(r"[a-z]{5,}(?:ib|mab)")


def drug_class_members(term: str, words: Iterable[str]) -> list[str]:
    """The drug names among `words` whose name stem puts them in the class `term` names ("btk": zanubrutinib)."""
    endings = DRUG_CLASS_STEMS.get(term.lower())
    if not endings:
        return []
    return [w for w in words if _INN.fullmatch(w) and w.endswith(endings)]


def long_forms(term: str) -> list[list[str]]:
    """The alternatives a shorthand term stands for, each a list of words that must all be present."""
    expansion = _expansion(term)
    return [alt.split() for alt in expansion.split("|")] if expansion else []


def expand_query(text: str) -> str:
    extra = [w for w in expansions(text) if w not in text.lower()]
    return f"{text} ({' '.join(extra)})" if extra else text


_AMERICAN = re.compile(r"(?<=[a-z]{3})([iy])z(e|es|ed|ing|ation|ations|er|ers)$")


def british(word: str) -> str:
    """ "commercialize" -> "commercialise", "analyzed" -> "analysed": one spelling for matching, as the Porter
    stemmer keeps the two apart ("commerci" / "commercialis")."""
    return _AMERICAN.sub(r"\1s\2", word)


def spelling_variant(word: str) -> str | None:
    """The other side's spelling of an -ise/-ize word, for a full-text search over either."""
    if british(word) != word:
        return british(word)
    # "promise" -> "promize" too: a search term no article holds costs nothing.
    american = re.sub(r"(?<=[a-z]{3})([iy])s(e|es|ed|ing|ation|ations|er|ers)$", r"\1z\2", word)
    return american if american != word else None
