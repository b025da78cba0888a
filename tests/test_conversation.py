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
