"""A conversation as Markdown: each question, the answer with its [n] markers, and its numbered sources."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from ..engine import Turn
from ..models import Answer, Citation
from ..render import format_date, inert


def quote(citation: Citation, limit: int = 400) -> str:
    """The cited sentences (or, without any, the start of the passage), on one line."""
    if citation.sentence_spans:
        text = " … ".join(
            citation.text[s - citation.start : e - citation.start] for s, e in sorted(citation.sentence_spans)
        )
    else:
        text = citation.text
    text = " ".join(inert(text).split())
    if len(text) > limit and not citation.sentence_spans:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def source_line(c: Citation) -> str:
    parts = [f"*{inert(c.title)}*"]
    if c.section:
        parts.append(inert(c.section))
    parts.append(format_date(c.published, c.published_approximate))
    if c.page is not None:
        parts.append(f"p. {c.page}")
    if c.source:
        parts.append(inert(c.source))
    line = " — ".join(parts)
    location = f"`{inert(c.document)}`, characters {c.start}–{c.end}"
    if c.url:
        location += f", <{inert(c.url)}>"
    return f"{c.id}. {line}  \n   {location}"


def answer_markdown(answer: Answer) -> str:
    lines = [inert(answer.answer).strip(), ""]
    if answer.citations:
        label = "Nearest passages (they do not answer the question)" if answer.abstained else "Sources"
        lines += [f"**{label}**", ""]
        for c in answer.citations:
            lines.append(source_line(c))
            lines.append(f"   > {quote(c)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def conversation_markdown(turns: Sequence[Turn], now: datetime) -> str:
    out = [f"# Conversation, {now:%d %b %Y %H:%M}", ""]
    for turn in turns:
        out += [f"## {inert(turn.question)}", ""]
        if turn.query != turn.question:
            out += [f"*Searched as: {inert(turn.query)}*", ""]
        out += [answer_markdown(turn.answer)]
    return "\n".join(out).rstrip() + "\n"


def write_export(turns: Sequence[Turn], directory: Path, now: datetime | None = None) -> Path:
    """Write `directory/conversation-YYYYmmdd-HHMMSS.md` (made unique) and return its path."""
    now = now or datetime.now()
    directory.mkdir(parents=True, exist_ok=True)
    stem = f"conversation-{now:%Y%m%d-%H%M%S}"
    path = directory / f"{stem}.md"
    n = 2
    while path.exists():
        path = directory / f"{stem}-{n}.md"
        n += 1
    path.write_text(conversation_markdown(turns, now), encoding="utf-8")
    return path
