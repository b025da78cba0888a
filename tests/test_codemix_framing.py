"""Code-mixed English (Taglish, Nigerian Pidgin) and framed questions (blanks, user stories, other outlets)
read as plain questions; English questions pass unchanged (no model needed)."""

from __future__ import annotations

import pytest

from assistant.codemix import code_mixed, pidgin, taglish
from assistant.framing import unblanked, unframed, unreported, unstoried


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
    assert unframed(english) == english


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


def test_a_blank_is_what_is_asked() -> None:
    assert unblanked("BeOne Medicines used to go by the name ___.") == "BeOne Medicines used to go by the name what?"
    # A day goes after "on"; a person's title before "at"; a blank at the end of "X is ___" asks what X is.
    assert unblanked("The House passed the BIOSECURE Act on ___.") == "When the House passed the BIOSECURE Act?"
    assert unblanked("Cui Cui is the ___ head at Jefferies.") == "What is Cui Cui’s role at Jefferies?"
    assert unblanked("And the company he runs as CEO is ___.") == "And what is the company he runs as CEO?"
    assert (
        unblanked("Fill in: Josh Smiley serves as ___ and ___ at Zai Labs.")
        == "What is Josh Smiley’s role at Zai Labs?"
    )
    assert unblanked("Same blank for the Novartis one with Argo: ___.") == "And what about the Novartis one with Argo?"
    assert unblanked("In 2023 there were ___ West–China transactions over $500m.") == (
        "In 2023 there were how many West–China transactions over $500m?"
    )
    assert unblanked(
        "One thing speeding up timelines is quick processing of ____ applications (the abbreviation, please)."
    ) == ("One thing speeding up timelines is quick processing of what applications?")
    # An ellipsis is a gap only after a quiz's lead-in.
    assert unblanked("Complete the sentence: Pfizer's 2025 oncology deal was with …") == (
        "Pfizer's 2025 oncology deal was with what?"
    )
    assert unblanked("And then… what did Smiley say?") == "And then… what did Smiley say?"


def test_a_user_story_is_the_question_in_it() -> None:
    assert (
        unstoried(
            "As a BD lead, I want to know the headline value of AstraZeneca’s 2025 tie-up with CSPC, so that I can "
            "benchmark our term sheet."
        )
        == "What is the headline value of AstraZeneca’s 2025 tie-up with CSPC?"
    )
    assert unstoried("As an analyst, I want to know why Cui thinks US partners will stay, so that I can plan.") == (
        "Why Cui thinks US partners will stay?"
    )
    assert unstoried("Story: the profile team needs the year Dajun Yang moved back. Acceptance: the year.") == (
        "When Dajun Yang moved back?"
    )
    assert unstoried("Story: investor wants Dajun Yang’s framing of the sector. Acceptance: the era he describes.") == (
        "What is Dajun Yang’s framing of the sector?"
    )
    assert unstoried("Job to be done: list the big pharmas that signed oncology deals, so our dashboard is right.") == (
        "What is the big pharmas that signed oncology deals?"
    )
    assert (
        unstoried(
            "Given the Zenas Biopharma–InnoCare agreement, when I open the deal card, "
            "then what total value should I see?"
        )
        == "the Zenas Biopharma–InnoCare agreement: open the deal card: what total value?"
    )


def test_another_outlets_report_leaves_what_the_articles_say() -> None:
    assert (
        unreported(
            "Bloomberg had AstraZeneca's CSPC pact pegged at about $5.3bn in total. "
            "Does this piece agree on the headline value?"
        )
        == "AstraZeneca's CSPC pact: does this piece agree on the headline value?"
    )
    assert unreported("Endpoints quoted a Jefferies analyst on BIOSECURE; what does she say in this one?") == (
        "a Jefferies analyst on BIOSECURE: what does she say?"
    )
    # A criterion is kept ("$500m-plus deals"); only the outlet's own figure goes.
    assert unreported(
        "Fierce wrote that there were dozens of $500m-plus deals in 2023. What count does this article give?"
    ) == ("that there were dozens of $500m-plus deals in 2023: what count does this article give?")
    # A speechwriter's request for a line: what the person says.
    assert (
        unframed(
            "Give me something quotable from the Jefferies analyst on why Chinese companies can't go it alone yet."
        )
        == "What does the Jefferies analyst say about why Chinese companies can't go it alone yet?"
    )
    assert unframed("I want to cite the patent-cliff number safely — whose estimate is it?") == (
        "the patent-cliff number: whose estimate is it?"
    )
    assert unreported("Per SCMP, Cui sees China's pipeline as a buffer. Does this article carry that point?") == (
        "Cui sees China's pipeline as a buffer. Does this article carry that point?"
    )
