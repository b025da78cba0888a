"""The keys, grouped by where they work."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Asking",
        [
            ("Enter", "ask the question"),
            ("↑ ↓", "earlier questions"),
            ("Esc", "go to the answers"),
            ("?", "this help (empty line)"),
        ],
    ),
    (
        "Answers",
        [
            ("↑ ↓  k j", "select an answer"),
            ("1 … 9", "open source [n]"),
            ("Enter", "go to the sources"),
            ("c", "copy answer + sources"),
            ("click [n]", "open that source"),
        ],
    ),
    (
        "Sources and articles",
        [
            ("↑ ↓  Enter", "open at the passage"),
            ("Space", "back to the passage"),
            ("Esc", "back to the chat"),
        ],
    ),
    (
        "Filters, typed before the question",
        [
            ("since:DATE", "published on/after (YYYY-MM-DD)"),
            ("until:DATE", "published on/before"),
            ("source:NAME", "source or URL contains"),
            ("doc:FILE", "only that article"),
        ],
    ),
    (
        "Anywhere",
        [
            ("Ctrl+N", "new conversation"),
            ("Ctrl+S", "export to Markdown"),
            ("Ctrl+Y", "copy selected answer"),
            ("Ctrl+R", "update the index"),
            ("F2", "deals and people"),
            ("Ctrl+T", "dark / light theme"),
            ("Ctrl+P", "all commands"),
            ("F1", "this help"),
            ("Ctrl+Q", "quit"),
        ],
    ),
]
KEY_WIDTH = max(len(key) for _, rows in KEYS for key, _ in rows) + 2


def keys_content(groups: list[tuple[str, list[tuple[str, str]]]]) -> Content:
    lines: list[Content] = []
    for i, (group, rows) in enumerate(groups):
        if i:
            lines.append(Content(""))
        lines.append(Content.styled(group, "bold $text-primary"))
        for key, text in rows:
            lines.append(Content.assemble((key.ljust(KEY_WIDTH), "bold $text-accent"), text))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """F1, `?` or the palette's "Keys" opens it; any of Esc, q, F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f1,question_mark", "dismiss", "Close", show=True)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc closes"
            with Horizontal():
                yield Static(keys_content(KEYS[:2]), classes="help-column")
                yield Static(keys_content(KEYS[2:]), classes="help-column")
