"""People named by role or pronoun are searched by name (no model needed)."""

from __future__ import annotations

import pytest

from assistant.conversation import name_people_by_role
from assistant.engine import name_pronouns

PEOPLE = [
    ("Josh Smiley", "president and COO", "Zai Labs"),
    ("Cui Cui", "Asia healthcare head", "Jeffries"),
    ("Dajun Yang", "CEO", "Ascentage Pharma"),
]


@pytest.mark.parametrize(
    ("question", "query", "names"),
    [
        ("Zai Lab COO view on deal pricing", "Smiley view on deal pricing", ["Josh Smiley"]),
        ("What does Zai Lab's COO think about ADCs?", "What does Smiley think about ADCs?", ["Josh Smiley"]),
        ("What does the president of Zai Lab expect?", "What does Smiley expect?", ["Josh Smiley"]),
        ("is BIOSECURE a threat per Ascentage CEO", "is BIOSECURE a threat per Yang", ["Dajun Yang"]),
        # The article spells the bank "Jeffries"; one slip is forgiven.
        ("Jefferies Asia HC head on BIOSECURE", "Cui on BIOSECURE", ["Cui Cui"]),
    ],
)
def test_a_person_named_by_role_and_organisation_is_searched_by_name(
    question: str, query: str, names: list[str]
) -> None:
    assert name_people_by_role(question, PEOPLE) == (query, names)


@pytest.mark.parametrize(
    "question",
    [
        "Zai Lab 2024 revenue",  # no role word: the company, not a person
        "What does Josh Smiley, Zai Lab's COO, expect?",  # already named
        "What does the CEO of Pfizer think?",  # nobody from Pfizer is introduced
        "Zap Lab COO",  # too short to forgive a slip
    ],
)
def test_questions_without_a_role_or_a_known_organisation_are_left_alone(question: str) -> None:
    assert name_people_by_role(question, PEOPLE) == (question, [])


def test_pronouns_become_the_name() -> None:
    assert name_pronouns("Does he think the assets will stay this cheap?", "Smiley") == (
        "Does Smiley think the assets will stay this cheap?"
    )
    assert name_pronouns("What is her view? She said so.", "Cui") == "What is Cui's view? Cui said so."
    assert name_pronouns("Where is the hedge?", "Cui") == "Where is the hedge?"
    assert name_pronouns("and per her, why?", "Cui") == "and per Cui, why?"  # the object, not a possessive
    assert name_pronouns("What did he tell her", "Cui") == "What did Cui tell Cui"


def test_people_named_in_full_are_said_by_surname() -> None:
    from assistant.conversation import surname_people

    assert surname_people("According to Zai Lab's Josh Smiley, what makes China attractive?", PEOPLE) == (
        "According to Smiley, what makes China attractive?",
        ["Josh Smiley"],
    )
    assert surname_people("How can China help, in Cui Cui's view?", PEOPLE) == (
        "How can China help, in Cui's view?",
        ["Cui Cui"],
    )
    assert surname_people("What does Smiley think?", PEOPLE) == ("What does Smiley think?", [])


def test_run_together_words_are_as_specific_as_their_parts() -> None:
    from assistant.question import compound_parts, specificity

    assert compound_parts("longterm") == ("long", "term")
    assert specificity("longterm", typo_check=True) < 0.4  # not a rare word the corpus lacks
    assert compound_parts("keytruda") is None and specificity("keytruda", typo_check=True) == 1.0


def test_why_questions_prefer_sentences_giving_a_reason() -> None:
    from assistant.question import REASON, analyse

    assert analyse("Why are Western drugmakers shopping for Chinese assets?").asks_reason
    assert analyse("CN ADCs - why popular?").asks_reason
    assert not analyse("What did Smiley say?").asks_reason
    assert analyse("What's driving Western pharma to in-license from China?").asks_reason
    assert analyse("What's holding Chinese companies back from going global?").asks_reason
    reasoning = analyse("What's his reasoning?")  # a reason answers it, whatever its words
    assert reasoning.asks_reason and reasoning.focus == []
    assert REASON.search("This comes as they look to bulk out their pipelines")
    assert not REASON.search("It was passed by the House on 11 December.")


def test_everyday_verb_forms_are_told_from_jargon() -> None:
    from assistant.question import analyse, is_everyday_verb_form

    assert is_everyday_verb_form("speeding") and is_everyday_verb_form("licensed")
    assert not is_everyday_verb_form("upfront") and not is_everyday_verb_form("milestones")
    assert is_everyday_verb_form("reinserted")  # an everyday verb done again
    assert not is_everyday_verb_form("reimbursed")  # a word in its own right, not "imbursed" again
    assert analyse("How long does an IND review take?").expects == "duration"
    assert analyse("On what date was the deal announced?").expects == "day"
    assert analyse("az/cspc $5.3bn deal - what therapy area / modality is it for?").expects == "area"
    assert analyse("What therapy area is the AZ CSPC deal in?").expects == "area"
    assert analyse("When will the Senate vote on it?").action == ("senate", "vote")
    assert analyse("When was the BIOSECURE Act passed by the House?").action is None  # passive: actor after "by"


def test_kinds_of_answer_asked_without_a_question_word_for_them() -> None:
    from assistant.question import analyse

    assert analyse("What did Brukinsa bring in in US sales last year?").expects == "money"
    assert analyse("did Cui put a dollar figure on 2026 deal value?").expects == "money"
    assert analyse("What did Cui say about the sales network?").expects is None  # sales as a topic
    assert analyse("china clears INDs in 30 days now, right?").expects == "duration"  # the claim's kind
    assert analyse("What's the typical time from IND filing to first dosing?").expects == "duration"
    assert analyse("what's the view on china's IND turnaround times").expects is None  # a view is asked
    share = analyse("china's % share of global trial starts in 2024")
    assert share.expects == "percent" and share.focus == ["global", "trial", "starts"]  # of what, not when
    came = analyse("What proportion of big pharma's innovator deals came out of China in 2024?")
    assert came.expects == "percent" and came.focus[-1] == "deals"  # "came" is a verb, not the thing measured
    pharma = analyse("Which big pharma names did multi-billion oncology licensing deals in 2025?")
    assert pharma.expects == "companies"
    assert analyse("longterm risk us pharma lobbying").expects is None  # "pharma" as a word, not "which pharma"
    assert analyse("What were Zai Lab's revenues last year?").expects == "money"  # "last year" says when
    assert "trying" not in analyse("Which pharmas signed deals? Trying to see if I hold any.").entities


def test_lawmaking_words_and_quote_openers_are_not_company_names() -> None:
    from assistant.question import satisfies

    bill = (
        "In a potential hit to China’s pharma sector, the BIOSECURE Act was recently reintroduced back onto the "
        "Senate’s roster for inclusion in the FY2026 National Defense Authorization Act (NDAA)."
    )
    assert not satisfies("companies", bill) and not satisfies("company", bill)
    assert not satisfies("companies", "“If we cater to the unmet needs globally,” Yang says.")
    assert satisfies("companies", "with companies such as AbbVie, Pfizer and GSK all signing deals")


def test_people_and_trade_abbreviations_are_not_company_names() -> None:
    from assistant.question import is_everyday_verb_form, satisfies

    assert not satisfies("company", "Cui notes that the majority are unlikely to pursue self-commercialisation.")
    assert not satisfies("company", "Many Chinese companies currently lack the R&D capability to go global.")
    assert satisfies("company", "An example of this is BeOne Medicines – formerly known as BeiGene.")
    assert is_everyday_verb_form("legislatively")


def test_a_person_pointed_at_in_everyday_words_is_named() -> None:
    from assistant.conversation import name_people_by_role

    people = [("Cui Cui", "Asia healthcare head", "Jeffries"), ("Josh Smiley", "president and COO", "Zai Labs")]
    said, named = name_people_by_role("And what did the woman from Jefferies say about it?", people)
    assert named == ["Cui Cui"] and said == "And what did Cui say about it?"
    assert name_people_by_role("What did the analyst at Zai Lab say?", people)[1] == ["Josh Smiley"]


def test_short_fragments_and_agreement_lean_on_the_thread() -> None:
    from assistant.conversation import is_follow_up

    assert is_follow_up("longer term?") and is_follow_up("upfront?")  # a fragment naming nothing
    assert is_follow_up("does smiley agree")  # agree with what the thread was about
    assert not is_follow_up("AZ CSPC value?")  # names of its own
    assert not is_follow_up("patent cliff size by 2030?")
    # A claim states what it is about, "that" or not; a bare "Is that right?" leans on the thread.
    assert not is_follow_up("quick check — 20 west-china deals over $1bn in 2023, is that the right threshold?")
    assert is_follow_up("Is that right?")


def test_a_follow_up_opening_with_a_connective_still_asks_for_its_kind_of_answer() -> None:
    from assistant.question import analyse

    assert analyse("And what was the value?").expects == "money"
    assert analyse("OK, so when did it pass?").expects == "date"
    assert analyse("OK, and what is the same share for 2025 so far?").expects == "percent"
    assert analyse("What's the GlobalData number for how much US drug sales drop?").expects == "money"
    assert analyse("and was the astrazeneca one bigger").focus == []  # a comparison, not a thing asked about
    assert analyse("So what's Cui's recommendation for the near term?").focus == []  # a view answers it
    assert analyse("Smiley backs partnering — what's his point about money?").focus == ["money"]


def test_why_the_asker_asks_is_left_out_but_a_place_is_not() -> None:
    from assistant.answer import without_motive

    assert without_motive("What did Yang say? I'd love to read it out on the show.") == "What did Yang say?"
    assert (
        without_motive("Who signed cancer deals? Trying to see if my holdings are involved.")
        == "Who signed cancer deals?"
    )
    assert without_motive("How much did Brukinsa make? In the US.") == "How much did Brukinsa make? In the US."
