"""An article, scrolled to a cited passage with the passage and its cited sentences highlighted."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...models import Citation, Document
from ...render import format_date, inert
from ..content import MARKER_STYLE, PASSAGE_STYLE, SENTENCE_STYLE, article_blocks


class ArticleScreen(Screen[None]):
    """Shows `document.text` as text (never markup); Esc returns to the chat."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back to the chat"),
        Binding("space", "jump_to_passage", "Back to the passage"),
    ]

    def __init__(self, document: Document, citation: Citation, *, nearest: bool = False) -> None:
        super().__init__()
        self.document = document
        self.citation = citation
        self.nearest = nearest

    def compose(self) -> ComposeResult:
        meta = self.document.meta
        c = self.citation
        yield Static(Content.styled(inert(meta.title), "bold"), id="article-title")
        details = [format_date(meta.published, meta.published_approximate)]
        details += [inert(x) for x in (meta.source, meta.author) if x]
        yield Static(Content(" · ".join(details)), id="article-meta")
        where = [inert(self.document.path), *([inert(meta.url)] if meta.url else [])]
        yield Static(Content.styled(" · ".join(where), "$text-muted"), id="article-path")
        if self.nearest:
            legend = Content.assemble(
                (f"[{c.id}] ", MARKER_STYLE),
                ("nearest passage", PASSAGE_STYLE),
                " — it does not answer the question",
            )
        else:
            legend = Content.assemble(
                (f"[{c.id}] ", MARKER_STYLE),
                ("cited passage", PASSAGE_STYLE),
                "  ",
                ("quoted sentences", SENTENCE_STYLE),
            )
        if c.section:
            legend += Content.styled(f" · {inert(c.section)}", "$text-muted")
        yield Static(legend, id="article-legend")
        with VerticalScroll(id="article-body"):
            for block in article_blocks(self.document.text, c, nearest=self.nearest):
                flags = {"-heading": block.heading, "-cited": block.cited, "-gap": block.gap}
                yield Static(block.content, classes=" ".join(["block", *(k for k, v in flags.items() if v)]))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#article-body").focus()
        self.call_after_refresh(self.action_jump_to_passage)

    def action_jump_to_passage(self) -> None:
        """Scroll so the passage starts near the top (one paragraph of context above when there is room)."""
        blocks = list(self.query(".block"))
        first = next((i for i, b in enumerate(blocks) if b.has_class("-cited")), None)
        if first is not None:
            # One line of context above the passage when there is one.
            target = blocks[max(first - 1, 0)]
            self.query_one("#article-body", VerticalScroll).scroll_to_widget(target, animate=False, top=True)
