"""Sentence-aware passages with exact character offsets: `document.text[chunk.start:chunk.end] == chunk.text`.

Passages never cross a section heading (the heading travels with the passage as context) and are packed
from whole sentences up to a budget in the embedding model's own word pieces, so nothing is silently
truncated by the model's window.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .models import Chunk, Document

TokenCounter = Callable[[Sequence[str]], list[int]]

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class ChunkerSettings:
    max_tokens: int = 200
    overlap: int = 1
    window: int = 256
    """The model's window (max_seq_length): title + heading + passage must fit in it."""


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets, white space trimmed) of text[start:end].

    Lines are split separately first: a line break in an article is a paragraph break, and pysbd would
    otherwise glue a heading or a list item onto the next sentence.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    offset = start
    for line in text[start:end].split("\n"):
        if line.strip():
            spans.extend(_split_line(line, offset))
        offset += len(line) + 1
    return spans


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter().segment(line):
        sentence = piece.sent.strip()
        if not sentence:
            continue
        at = line.find(sentence, cursor)
        if at < 0:  # pysbd altered the text; fall back to its own span
            at = max(piece.start, cursor)
            sentence = line[at : piece.end].strip()
            if not sentence:
                continue
        spans.append((offset + at, offset + at + len(sentence)))
        cursor = at + len(sentence)
    # Whatever pysbd skipped (it drops some trailing fragments) is kept as its own sentence.
    tail = line[cursor:].strip()
    if tail:
        at = line.find(tail, cursor)
        spans.append((offset + at, offset + at + len(tail)))
    return spans


def approximate_token_counter(texts: Sequence[str]) -> list[int]:
    """Word pieces estimated from words, for tests and when no tokenizer is at hand."""
    return [int(len(_WORD.findall(t)) * 1.35) + 1 for t in texts]


def _split_long(text: str, start: int, end: int, budget: int, count: TokenCounter) -> list[tuple[int, int]]:
    """A sentence over the budget is cut at word boundaries into pieces that fit."""
    words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    pieces: list[tuple[int, int]] = []
    lo = 0
    while lo < len(words):
        hi = lo + 1
        step = max(1, budget // 2)
        while hi < len(words):
            nxt = min(len(words), hi + step)
            if count([text[words[lo][0] : words[nxt - 1][1]]])[0] <= budget:
                hi = nxt
            elif step > 1:
                step //= 2
            else:
                break
        pieces.append((words[lo][0], words[hi - 1][1]))
        lo = hi
    return pieces


def chunk_document(
    document: Document,
    count_tokens: TokenCounter,
    settings: ChunkerSettings | None = None,
) -> tuple[list[Chunk], list[list[tuple[int, int]]]]:
    """Passages of a document and, for each, its sentence spans (document offsets)."""
    settings = settings or ChunkerSettings()
    text = document.text
    sections = document.sections or []
    if not sections:
        from .models import Section

        sections = [Section(heading=None, start=0, end=len(text))]
    chunks: list[Chunk] = []
    chunk_sentences: list[list[tuple[int, int]]] = []
    for section in sections:
        spans = split_sentences(text, section.start, section.end)
        if not spans:
            continue
        prefix = " — ".join(p for p in (document.meta.title, section.heading) if p)
        prefix_tokens = count_tokens([prefix])[0] if prefix else 0
        budget = max(16, min(settings.max_tokens, settings.window - prefix_tokens - 3))
        sizes = count_tokens([text[s:e] for s, e in spans])
        units: list[tuple[int, int, int]] = []
        for (s, e), size in zip(spans, sizes, strict=True):
            if size <= budget:
                units.append((s, e, size))
            else:
                pieces = _split_long(text, s, e, budget, count_tokens)
                units.extend(
                    (ps, pe, n)
                    for (ps, pe), n in zip(pieces, count_tokens([text[a:b] for a, b in pieces]), strict=True)
                )
        for group in _pack(units, budget, settings.overlap):
            start, end = group[0][0], group[-1][1]
            chunks.append(
                Chunk(
                    document=document.path,
                    ordinal=len(chunks),
                    section=section.heading,
                    start=start,
                    end=end,
                    text=text[start:end],
                )
            )
            chunk_sentences.append([(s, e) for s, e, _ in group])
    return chunks, chunk_sentences


def _pack(units: list[tuple[int, int, int]], budget: int, overlap: int) -> list[list[tuple[int, int, int]]]:
    """Greedy packing of sentences; each new passage repeats up to `overlap` trailing sentences."""
    groups: list[list[tuple[int, int, int]]] = []
    current: list[tuple[int, int, int]] = []
    total = 0
    fresh = 0  # sentences in `current` that are not overlap
    for unit in units:
        if current and total + unit[2] > budget:
            groups.append(current)
            carry = current[-overlap:] if overlap and fresh > overlap else []
            while carry and sum(u[2] for u in carry) + unit[2] > budget:
                carry = carry[1:]
            current = list(carry)
            total = sum(u[2] for u in current)
            fresh = 0
        current.append(unit)
        total += unit[2]
        fresh += 1
    if current and (fresh or not groups):
        groups.append(current)
    return groups
