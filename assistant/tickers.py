"""Stock tickers in questions, read as the companies they stand for.

Investors name listed companies by ticker ("AZN x 1093.HK – how big was the print?", "Per JEF's Cui, …",
"Is the 6855.HK CEO sweating BIOSECURE?"). The articles name the companies, so a ticker is replaced by the
company's usual name before anything else reads the question. Letter tickers are read only in capitals ("onc"
is oncology, "ONC" BeOne); Hong Kong, Shanghai and Shenzhen codes in any of the usual forms ("1093.HK",
"1093 HK", "HK:1093", "600276.SS"). A ticker not listed here is left as typed: the question then names
something no article mentions, and is refused as any such question is.

The list is the trade's: big pharma, the Chinese drugmakers and service companies such articles name, and the
banks whose analysts they quote. Tickers that are also common abbreviations are left out ("MRNA", "HCM" for
hypertrophic cardiomyopathy, "GS", "MS").
"""

from __future__ import annotations

import re

LETTER_TICKERS: dict[str, str] = {
    # Western pharma (NYSE, Nasdaq, and the European home listings)
    "AZN": "AstraZeneca",
    "NVS": "Novartis",
    "NOVN": "Novartis",
    "PFE": "Pfizer",
    "ABBV": "AbbVie",
    "LLY": "Eli Lilly",
    "MRK": "Merck",
    "BMY": "Bristol Myers Squibb",
    "AMGN": "Amgen",
    "GILD": "Gilead",
    "REGN": "Regeneron",
    "VRTX": "Vertex",
    "BIIB": "Biogen",
    "JNJ": "Johnson & Johnson",
    "NVO": "Novo Nordisk",
    "NOVO": "Novo Nordisk",
    "SNY": "Sanofi",
    "SAN": "Sanofi",
    "ROG": "Roche",
    "RHHBY": "Roche",
    "TAK": "Takeda",
    "BAYN": "Bayer",
    "BNTX": "BioNTech",
    # Chinese drugmakers on US exchanges
    "ZLAB": "Zai Lab",
    "BGNE": "BeiGene",
    "ONC": "BeOne",
    "ZBIO": "Zenas BioPharma",
    "AAPG": "Ascentage Pharma",
    "LEGN": "Legend Biotech",
    # Banks
    "JEF": "Jefferies",
    "JPM": "JPMorgan",
}

EXCHANGE_CODES: dict[str, str] = {
    # Hong Kong
    "1093": "CSPC",
    "1276": "Hengrui",
    "1530": "3SBio",
    "6855": "Ascentage Pharma",
    "9969": "InnoCare",
    "6160": "BeOne",
    "9688": "Zai Lab",
    "2359": "WuXi AppTec",
    "2269": "WuXi Biologics",
    "1801": "Innovent",
    "9926": "Akeso",
    "1177": "Sino Biopharm",
    "2196": "Fosun Pharma",
    "1877": "Junshi",
    "9995": "RemeGen",
    "6990": "Kelun-Biotech",
    "3692": "Hansoh",
    "2616": "CStone",
    "1548": "GenScript",
    "0700": "Tencent",
    # Shanghai and Shenzhen
    "600276": "Hengrui",
    "603259": "WuXi AppTec",
    "688235": "BeOne",
    "688428": "InnoCare",
    "600196": "Fosun Pharma",
    "300760": "Mindray",
}

_LETTERS = re.compile(
    r"(?<![\w$.&/-])(?:(?:NYSE|NASDAQ|Nasdaq|LSE|SIX|XETRA)\s?:\s?)?([A-Z]{2,5})(?![\w&-]|\.[A-Za-z])"
)
_CODE = re.compile(
    r"(?<![\w.])(?:(?:HK|HKEX|SEHK|SH|SZ|SS|SSE|SZSE)\s?:\s?(\d{3,6})"
    r"|(\d{3,6})(?:\.|\s)(?:HK|SH|SS|SZ)\b)",
    re.IGNORECASE,
)


def company_names(text: str) -> str:
    """The text with the tickers it holds replaced by the companies' names; unchanged when it has none."""
    if not re.search(r"[A-Z]{2}|\d{3}", text):
        return text

    def code(match: re.Match[str]) -> str:
        digits = match.group(1) or match.group(2)
        name = EXCHANGE_CODES.get(digits) or EXCHANGE_CODES.get(digits.zfill(4))
        return name or match.group(0)

    text = _CODE.sub(code, text)
    return _LETTERS.sub(lambda m: LETTER_TICKERS.get(m.group(1), m.group(0)), text)
