"""Deals and people extracted from the corpus (the same rows as `assistant deals` / `assistant people`),
in two tabs; each row says which article and characters it comes from."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from ...fact_tables import DealRow, PersonRow
from ...render import inert


class FactsScreen(ModalScreen[None]):
    """F2 opens it; Esc closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f2", "dismiss", "Close", show=True)]

    def __init__(self, deals: list[DealRow], people: list[PersonRow]) -> None:
        super().__init__()
        self.deals = deals
        self.people = people

    def compose(self) -> ComposeResult:
        with TabbedContent(id="facts-body", initial="deals-tab"):
            with TabPane(f"Deals ({len(self.deals)})", id="deals-tab"):
                yield DataTable(id="deals-table", cursor_type="row", zebra_stripes=True)
            with TabPane(f"People ({len(self.people)})", id="people-tab"), VerticalScroll():
                yield Static(self._people_content(), id="people-body")

    def on_mount(self) -> None:
        self.query_one(TabbedContent).border_subtitle = "Esc closes"
        table = self.query_one("#deals-table", DataTable)
        table.add_columns("Deal", "Value", "Year", "Area", "Source")
        for row in sorted(self.deals, key=lambda r: (r.value is None, -(r.value or 0))):
            source = row.sources[0]
            year = "" if row.year is None else f"{row.year}{'?' if row.year_inferred else ''}"
            area = ", ".join(x for x in (row.modality, row.therapy_area) if x)
            table.add_row(
                inert(row.deal),
                inert(row.value_text or "not stated"),
                year,
                inert(area),
                inert(f"{source.document}:{source.start}"),
            )
        if not self.deals:
            table.add_row("No deal with named parties in the corpus.", "", "", "", "")

    def _people_content(self) -> Content:
        parts: list[Content] = []
        for person in self.people:
            role = ", ".join(x for x in (person.role, person.organisation) if x)
            parts.append(Content.styled(inert(person.name), "bold $text-primary"))
            if role:
                parts.append(Content.styled(inert(role), "$text-muted"))
            for view in person.views:
                parts.append(Content(f"  “{inert(view.text)}”"))
                parts.append(Content.styled(f"     {inert(view.source.document)}:{view.source.start}", "$text-muted"))
            parts.append(Content(""))
        if not parts:
            parts.append(Content("Nobody is quoted in the corpus."))
        return Content("\n").join(parts)
