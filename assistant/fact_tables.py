"""Rows for `assistant deals` and `assistant people` (and the chat's tab): facts flattened, each cited."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from .fact_answers import collect_deals, deal_amount, deal_name
from .facts import DocumentFacts


class Source(BaseModel):
    """Where a fact was read: the document and the character span of its sentence."""

    model_config = ConfigDict(frozen=True)
    document: str
    start: int
    end: int
    text: str


class DealRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    deal: str
    parties: list[str]
    value: float | None
    currency: str | None
    value_text: str | None
    """The amount as rendered for people ("$5.36bn", "$150m upfront (no total stated)")."""
    year: int | None
    year_inferred: bool
    kind: str | None
    therapy_area: str | None
    modality: str | None
    sources: list[Source]


class ViewRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: str
    text: str
    topics: list[str]
    source: Source


class PersonRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    aliases: list[str]
    role: str | None
    organisation: str | None
    views: list[ViewRow]
    source: Source


TextOf = Callable[[str, int, int], str]
"""(document, start, end) -> that span of the document's text."""


def deal_rows(facts: list[DocumentFacts], text_of: TextOf) -> list[DealRow]:
    """One row per deal (the same deal reported by several articles once), cited by its sentences."""
    rows = []
    for group in collect_deals(facts):
        deal = group.deal
        amount = deal_amount(deal)
        rows.append(
            DealRow(
                deal=deal_name(deal),
                parties=list(deal.parties),
                value=amount.value if amount else None,
                currency=amount.currency if amount else None,
                value_text=amount.rendering if amount else None,
                year=deal.year,
                year_inferred=deal.year_inferred,
                kind=deal.kind,
                therapy_area=deal.therapy_area,
                modality=deal.modality,
                sources=[
                    Source(
                        document=r.document,
                        start=r.sentence_start,
                        end=r.sentence_end,
                        text=text_of(r.document, r.sentence_start, r.sentence_end),
                    )
                    for r in group.reports
                ],
            )
        )
    return rows


def people_rows(facts: list[DocumentFacts], text_of: TextOf) -> list[PersonRow]:
    """One row per person per article, with their views (quotes and reported speech) cited."""
    rows = []
    for doc_facts in facts:
        for person in doc_facts.people:
            views = [
                ViewRow(
                    kind=v.kind,
                    text=v.text,
                    topics=list(v.topics),
                    source=Source(
                        document=doc_facts.document,
                        start=v.sentence_start,
                        end=v.sentence_end,
                        text=text_of(doc_facts.document, v.sentence_start, v.sentence_end),
                    ),
                )
                for v in doc_facts.views
                if v.person == person.name
            ]
            rows.append(
                PersonRow(
                    name=person.name,
                    aliases=list(person.aliases),
                    role=person.role,
                    organisation=person.organisation,
                    views=views,
                    source=Source(
                        document=doc_facts.document,
                        start=person.sentence_start,
                        end=person.sentence_end,
                        text=text_of(doc_facts.document, person.sentence_start, person.sentence_end),
                    ),
                )
            )
    return rows
