"""One source in the sources panel: number, title, section and date, and the passage."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ListItem, Static

from ...models import Citation
from ...render import inert
from ..content import MARKER_STYLE, citation_meta, passage_content


class CitationItem(ListItem):
    """Enter or a click opens the article at this passage."""

    def __init__(self, citation: Citation, *, nearest: bool = False) -> None:
        super().__init__(classes="-nearest" if nearest else "")
        self.citation = citation
        self.nearest = nearest

    def compose(self) -> ComposeResult:
        c = self.citation
        with Horizontal():
            yield Static(Content.styled(f"[{c.id}]", MARKER_STYLE), classes="number")
            with Vertical():
                yield Static(Content.styled(inert(c.title), "bold"), classes="title")
                yield Static(Content.styled(citation_meta(c), "$text-muted"), classes="meta")
                yield Static(passage_content(c, nearest=self.nearest), classes="passage")
