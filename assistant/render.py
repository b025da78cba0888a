"""Rendering answers as text. Article text is always shown inert: Rich markup in it is printed as
typed, and terminal control sequences are made visible instead of being sent to the terminal."""

from __future__ import annotations

import re
from datetime import date as Date

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from .models import Answer, Citation

# C0/C1 controls except tab and newline; ESC shows up as "␛" so "\x1b[31m" is visible and harmless.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """Text safe to write to a terminal: control characters become visible symbols."""
    return _CONTROL.sub(lambda m: "␛" if m.group(0) == "\x1b" else f"\\x{ord(m.group(0)):02x}", text)


def format_date(value: Date | None, approximate: bool = False) -> str:
    if value is None:
        return "undated"
    return f"c. {value:%d %b %Y}" if approximate else f"{value:%d %b %Y}"


def citation_heading(c: Citation) -> str:
    parts = [c.title]
    if c.section:
        parts.append(c.section)
    parts.append(format_date(c.published, c.published_approximate))
    if c.page is not None:
        parts.append(f"p. {c.page}")
    return " — ".join(inert(p) for p in parts)


def answer_plain(answer: Answer) -> str:
    """The answer as plain text (piped output, Markdown export)."""
    lines = [inert(answer.answer), ""]
    label = "Nearest passages (they do not answer the question):" if answer.abstained else "Sources:"
    if answer.citations:
        lines.append(label)
    for c in answer.citations:
        lines.append(f"[{c.id}] {citation_heading(c)}")
        lines.append(f"    {inert(c.document)} (characters {c.start}–{c.end})")
        lines.append(f"    “{inert(_quote(c))}”")
    return "\n".join(lines).rstrip() + "\n"


def _quote(c: Citation, limit: int = 400) -> str:
    if c.sentence_spans:
        return " … ".join(c.text[s - c.start : e - c.start] for s, e in c.sentence_spans)
    text = " ".join(c.text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def passage_text(c: Citation, *, base_style: str = "", highlight: str = "bold yellow") -> Text:
    """The passage with the cited sentences highlighted; built from spans, never parsed as markup."""
    text = Text(style=base_style)
    cursor = c.start
    for s, e in sorted(c.sentence_spans):
        text.append(inert(c.text[cursor - c.start : s - c.start]))
        text.append(inert(c.text[s - c.start : e - c.start]), style=highlight)
        cursor = e
    text.append(inert(c.text[cursor - c.start :]))
    return text


def answer_text(answer: Answer) -> Text:
    """The answer body with its [n] markers coloured."""
    if answer.abstained:
        return Text(inert(answer.answer), style="bold magenta")
    text = Text()
    for i, sentence in enumerate(answer.sentences):
        if i:
            text.append(" ")
        text.append(inert(sentence.text))
        for cid in sentence.citations:
            text.append(f" [{cid}]", style="bold cyan")
    return text


def answer_rich(answer: Answer) -> RenderableType:
    parts: list[RenderableType] = [answer_text(answer), Text()]
    label = "Nearest passages — they do not answer the question" if answer.abstained else "Sources"
    if answer.citations:
        parts.append(Text(label, style="bold underline"))
    for c in answer.citations:
        head = Text()
        head.append(f"[{c.id}] ", style="bold cyan")
        head.append(citation_heading(c), style="bold")
        parts.append(head)
        parts.append(Text(f"    {inert(c.document)}  chars {c.start}–{c.end}", style="dim"))
        parts.append(Padding(passage_text(c, base_style="dim" if answer.abstained else ""), (0, 0, 0, 4)))
    return Group(*parts)
