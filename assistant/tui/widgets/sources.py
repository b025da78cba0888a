"""The sources of the selected answer (or, for an abstention, the nearest passages)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ListView, Static

from ...models import Answer, Citation
from .citation_item import CitationItem


class SourcesPanel(Vertical):
    """A list of the selected answer's citations; Enter or a click opens one."""

    @dataclass
    class CitationChosen(Message):
        answer: Answer
        citation: Citation

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.answer: Answer | None = None

    def on_mount(self) -> None:
        self.add_class("-empty")

    def compose(self) -> ComposeResult:
        yield Static("Sources", classes="heading", markup=False)
        yield ListView()
        yield Static("The sources of the selected answer appear here.", classes="empty", markup=False)

    @property
    def list(self) -> ListView:
        return self.query_one(ListView)

    async def show(self, answer: Answer | None) -> None:
        """Show this answer's citations (None clears the panel)."""
        if answer is not None and answer == self.answer:
            return
        self.answer = answer
        heading = self.query_one(".heading", Static)
        nearest = bool(answer and answer.abstained)
        self.set_class(nearest, "-nearest")
        self.set_class(answer is None, "-empty")
        if answer is None:
            heading.update("Sources")
        elif nearest:
            heading.update("Nearest passages — they do not answer the question")
        else:
            n = len(answer.citations)
            heading.update(f"Sources · {n} cited passage{'s' if n != 1 else ''}")
        self.query_one(".empty", Static).display = not (answer and answer.citations)
        items = [CitationItem(c, nearest=nearest) for c in (answer.citations if answer else [])]
        view = self.list
        await view.clear()
        if items:
            await view.extend(items)
            view.index = 0
        view.scroll_home(animate=False)

    @on(ListView.Selected)
    def choose_citation(self, event: ListView.Selected) -> None:
        event.stop()
        if self.answer is not None and isinstance(event.item, CitationItem):
            self.post_message(self.CitationChosen(self.answer, event.item.citation))
