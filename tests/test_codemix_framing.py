"""Code-mixed English (Taglish, Nigerian Pidgin)
read as plain questions; English questions pass unchanged (no model needed)."""

from __future__ import annotations

import pytest

from assistant.codemix import code_mixed, pidgin, taglish


@pytest.mark.parametrize(
    ("taglish_question", "english"),
    [
        (
            "Magkano daw yung deal ng AstraZeneca sa CSPC this year?",
            "How much the deal of AstraZeneca in CSPC this year?",
        ),
        ("Ano naman sabi niya about ADCs from China?", "What did they say about ADCs from China?"),
        ("Kailan pinasa ng House yung BIOSECURE?", "When did House pass the BIOSECURE?"),
        (
            "Anong specific na molecule yung nilicense ng Novartis from Argo?",
            "What specific molecule did Novartis license from Argo?",
        ),
        ("Long term naman, ano prediction niya?", "Long term, what their prediction?"),
        (
            "Bakit ba sobrang daming Western pharma na nagha-hunt ng deals sa China ngayon?",
            "Why very many Western pharma hunt of deals in China now?",
        ),
        (
            "Ilang percent ng innovator deals nung 2024 yung galing China?",
            "What share of innovator deals in 2024 the from China?",
        ),
    ],
)
def test_taglish_is_read_in_english(taglish_question: str, english: str) -> None:
    assert taglish(taglish_question) == english


@pytest.mark.parametrize(
    "english",
    [
        "What did Smiley say about the Sino-US relationship?",  # "Sino-" is no Tagalog "who"
        "Is the NA or SA market in play?",
        "How much did AstraZeneca pay CSPC, and may I ask for the source?",
        "Is there a mass-market angle in the deals?",
        "Which in-licensing deals does the piece name?",
        "Did the deals go up in 2025, or did they slow down?",
        "Where am I in the list of deals?",
        "What did Don say about the deal?",  # a name, not Pidgin's "don"
        "Whit aboot the Asian investors, are they still keen on the oot-licensin' wey o' daein' things?",  # Scots
    ],
)
def test_english_is_left_alone(english: str) -> None:
    assert code_mixed(english) == english


@pytest.mark.parametrize(
    ("pidgin_question", "english"),
    [
        ("Wetin Smiley talk about ADC wey China dey develop?", "What did Smiley say about ADC that China develop?"),
        ("Abeg, how much AZ pay CSPC for upfront?", "How much AZ pay CSPC for upfront?"),
        ("And cardiometabolic nko?", "And what about cardiometabolic?"),
        ("When the House pass am?", "When the House pass it?"),
        ("Na which country lead trial starts for 2024?", "Which country lead trial starts in 2024?"),
        (
            "Cui Cui think say most Chinese pharma go self-commercialise globally soon soon?",
            "Cui Cui think that most Chinese pharma will self-commercialise globally soon?",
        ),
        ("Who be Dajun Yang?", "Who is Dajun Yang?"),
        ("Na from which country him come back?", "From which country he come back?"),
    ],
)
def test_nigerian_pidgin_is_read_in_english(pidgin_question: str, english: str) -> None:
    assert pidgin(pidgin_question) == english
