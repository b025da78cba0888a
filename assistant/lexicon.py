"""Shorthand that biopharma analysts type, and what articles write instead.

Used twice: the expansions are added to the search (so "AZ CSPC deal size?" finds "AstraZeneca"), and a
question word counts as found in the evidence when one of its expansions is (so "LOE" is not "missing"
from an article that says "patent cliff").
"""

from __future__ import annotations

import re

ABBREVIATIONS: dict[str, str] = {
    "az": "astrazeneca",
    "azn": "astrazeneca",
    "bms": "bristol myers squibb",
    "gsk": "glaxosmithkline gsk",
    "j&j": "johnson",
    "jnj": "johnson",
    "msd": "merck",
    "lly": "lilly",
    "pfe": "pfizer",
    "cn": "china chinese",
    "prc": "china chinese",
    "us": "us united states american",
    "eu": "european union europe",
    "hc": "healthcare",
    "bd": "business development deal deals dealmaking",
    "m&a": "acquisition merger",
    "mnc": "multinational mnc",
    "mncs": "multinational mnc",
    "loe": "loss exclusivity patent cliff",
    "cgt": "cell gene therapy therapies",
    "cgts": "cell gene therapy therapies",
    "adc": "antibody drug conjugate conjugates adcs",
    "adcs": "antibody drug conjugate conjugates",
    "bsab": "bispecific bispecifics",
    "bsabs": "bispecific bispecifics",
    "mab": "monoclonal antibody",
    "io": "immuno oncology",
    "i&i": "immunology inflammation",
    "car-t": "cell therapy",
    "glp-1": "glp obesity",
    "ind": "investigational new drug",
    "inds": "investigational new drug",
    "nda": "new drug application",
    "bla": "biologics license application",
    "r&d": "research development",
    "fy": "fiscal year",
    "rev": "revenue sales",
    "yoy": "year",
    "ceo": "chief executive ceo",
    "coo": "chief operating coo",
    "cfo": "chief financial",
    "ndaa": "national defense authorization act",
    "self-comm": "self commercialisation commercialization",
    "comm": "commercialisation commercialization commercial",
    "commercialization": "commercialisation",
    "commercialisation": "commercialization",
    "commercialize": "commercialise",
    "commercialise": "commercialize",
    "ex-beigene": "beigene formerly",
}

_TOKEN = re.compile(r"[\w&-]+")


def expansions(text: str) -> list[str]:
    """Expansion words for the shorthand in a text, in order, without repeats."""
    words: dict[str, None] = {}
    for token in _TOKEN.findall(text.lower()):
        expansion = ABBREVIATIONS.get(token)
        if expansion:
            words.update(dict.fromkeys(expansion.split()))
    return list(words)


def expand_query(text: str) -> str:
    extra = [w for w in expansions(text) if w not in text.lower()]
    return f"{text} ({' '.join(extra)})" if extra else text
