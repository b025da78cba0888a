"""Answers, passages and articles as Textual `Content`.

Article text is never parsed as markup: every piece is a plain string passed through `render.inert`
(control characters and escape sequences become visible symbols), and styles are applied by character
span afterwards. Styles name theme variables (`$warning-muted` ...) so highlights follow the theme.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from textual.content import Content

from ..models import Answer, Citation
from ..render import format_date, inert

PASSAGE_STYLE = "on $primary-muted"
"""The cited passage, in the article viewer."""
SENTENCE_STYLE = "bold $text on $warning-muted"
"""The cited sentences: the words the answer quotes."""
NEAREST_SENTENCE_STYLE = "italic"
MARKER_STYLE = "bold $text-accent"


def spans_content(text: str, offset: int, styled: Iterable[tuple[int, int, str]]) -> Content:
    """`text` starts at document offset `offset`; `styled` holds (start, end, style) in document offsets.

    Later styles are applied on top of earlier ones. Offsets are mapped through `inert`, which may lengthen
    a piece (a bell becomes "\\x07"), so each piece is made inert on its own.
    """
    ranges = [(max(s - offset, 0), min(e - offset, len(text)), style) for s, e, style in styled]
    ranges = [(s, e, style) for s, e, style in ranges if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in ranges), *(e for _, e, _ in ranges)})
    position = {0: 0}
    pieces: list[str] = []
    total = 0
    for a, b in pairwise(cuts):
        piece = inert(text[a:b])
        pieces.append(piece)
        total += len(piece)
        position[b] = total
    content = Content("".join(pieces))
    for s, e, style in ranges:
        content = content.stylize(style, position[s], position[e])
    return content


def passage_content(citation: Citation, *, nearest: bool = False) -> Content:
    """The whole passage, the cited sentences highlighted (or, for a nearest passage, only set in italics)."""
    style = NEAREST_SENTENCE_STYLE if nearest else SENTENCE_STYLE
    return spans_content(citation.text, citation.start, ((s, e, style) for s, e in citation.sentence_spans))


def marker(cid: int) -> Content:
    """A clickable `[n]`: runs the `open_citation(n)` action of the widget showing it."""
    return Content.from_markup(f"[{MARKER_STYLE} @click=open_citation({int(cid)})]\\[{int(cid)}][/]")


LISTED_BELOW = " The nearest passages are listed below; they do not answer it."
"""The engine's abstention says where the nearest passages are for the CLI; here the sources panel says it."""


def answer_content(answer: Answer) -> Content:
    """The answer's sentences with their `[n]` markers (an abstention: its message)."""
    if answer.abstained or not answer.sentences:
        return Content(inert(answer.answer.replace(LISTED_BELOW, "")))
    parts: list[str | Content] = []
    listing = False
    for i, sentence in enumerate(answer.sentences):
        # Extracted facts introduced by "...:" read as a list, one item a line.
        item = listing and sentence.kind == "fact"
        if item:
            parts.append("\n• ")
        elif i:
            parts.append(" ")
        parts.append(inert(sentence.text))
        listing = item or sentence.text.rstrip().endswith(":")
        for cid in sentence.citations:
            parts.append(" ")
            parts.append(marker(cid))
    return Content.assemble(*parts)


def citation_meta(citation: Citation) -> str:
    """Section · date · page: the line under a source's title."""
    parts = [citation.section] if citation.section else []
    parts.append(format_date(citation.published, citation.published_approximate))
    if citation.page is not None:
        parts.append(f"p. {citation.page}")
    return inert(" · ".join(parts))


@dataclass(frozen=True)
class Block:
    """A line of an article (articles keep one paragraph per line): its content and character span."""

    start: int
    end: int
    content: Content
    heading: bool
    cited: bool
    """True when the line overlaps the cited passage."""
    gap: bool
    """True when a blank line comes before it."""


def article_blocks(text: str, citation: Citation | None, *, nearest: bool = False) -> list[Block]:
    """The article line by line, the passage and its cited sentences highlighted."""
    styled: list[tuple[int, int, str]] = []
    if citation is not None:
        styled.append((citation.start, citation.end, PASSAGE_STYLE))
        style = NEAREST_SENTENCE_STYLE if nearest else SENTENCE_STYLE
        styled += [(s, e, style) for s, e in citation.sentence_spans]
    blocks: list[Block] = []
    for start, end, gap in _lines(text):
        cited = citation is not None and start < citation.end and citation.start < end
        blocks.append(
            Block(
                start=start,
                end=end,
                content=spans_content(text[start:end], start, styled if cited else ()),
                heading=text.startswith("#", start),
                cited=cited,
                gap=gap and bool(blocks),
            )
        )
    return blocks


def _lines(text: str) -> Sequence[tuple[int, int, bool]]:
    """(start, end, blank line before) of each non-blank line, trailing whitespace excluded."""
    out: list[tuple[int, int, bool]] = []
    offset = 0
    gap = False
    for line in text.split("\n"):
        stripped = line.rstrip()
        if stripped.strip():
            out.append((offset, offset + len(stripped), gap))
            gap = False
        else:
            gap = True
        offset += len(line) + 1
    return out
