"""Passages: exact offsets, sentence boundaries, sections respected, sizes within budget."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.chunking import ChunkerSettings, approximate_token_counter, chunk_document, split_sentences
from assistant.corpus import find_sections
from assistant.models import Document, DocumentMeta


def make_document(text: str, markdown: bool = True) -> Document:
    return Document(
        path="x.md",
        sha256="0",
        meta=DocumentMeta(title="T"),
        text=text,
        sections=find_sections(text, markdown),
    )


def test_sentences_survive_money_abbreviations_and_quotes() -> None:
    text = (
        "Novartis signed a $5.36bn deal with Argo. The U.S. market grew 3.5% in 2024. "
        "Smiley said: “It will grow.” Then it did."
    )
    spans = split_sentences(text)
    sentences = [text[s:e] for s, e in spans]
    assert sentences == [
        "Novartis signed a $5.36bn deal with Argo.",
        "The U.S. market grew 3.5% in 2024.",
        "Smiley said: “It will grow.”",
        "Then it did.",
    ]


def test_line_breaks_are_sentence_boundaries() -> None:
    text = "A heading without a stop\nThe first sentence. The second one."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "A heading without a stop",
        "The first sentence.",
        "The second one.",
    ]


def test_chunks_never_cross_a_heading_and_keep_it_as_context() -> None:
    text = "Intro sentence one. Intro two.\n\n## Deals\n\nDeal sentence one. Deal two.\n\n## Policy\n\nPolicy text."
    chunks, _ = chunk_document(make_document(text), approximate_token_counter)
    assert [c.section for c in chunks] == [None, "Deals", "Policy"]
    for chunk in chunks:
        assert "##" not in chunk.text
        assert "Deals" not in chunk.text or chunk.section == "Deals"


def test_long_sections_split_with_overlap_within_budget() -> None:
    text = " ".join(f"Sentence number {i} talks about licensing deals in China." for i in range(60))
    chunker = ChunkerSettings(max_tokens=60, overlap=1)
    chunks, sentences = chunk_document(make_document(text), approximate_token_counter, chunker)
    assert len(chunks) > 5
    for chunk in chunks:
        assert approximate_token_counter([chunk.text])[0] <= 60 + 2 * len(chunk.text.split(". "))
    # Consecutive passages share exactly the overlap sentence.
    for a, b in itertools.pairwise(sentences):
        assert a[-1] == b[0]


def test_a_sentence_longer_than_the_budget_is_cut_at_words() -> None:
    text = " ".join(["word"] * 500) + "."
    chunks, _ = chunk_document(make_document(text), approximate_token_counter, ChunkerSettings(max_tokens=50))
    assert len(chunks) >= 10
    assert all(approximate_token_counter([c.text])[0] <= 50 for c in chunks)


_alphabet = st.sampled_from([*list("abc XYZ.,!?\n$5“”’-#é中"), ". ", "\n\n", "## ", "U.S. ", "$5.36bn "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_alphabet, min_size=0, max_size=400).map("".join), st.integers(8, 80), st.integers(0, 2))
def test_chunk_offsets_round_trip(text: str, max_tokens: int, overlap: int) -> None:
    document = make_document(text)
    chunks, sentences = chunk_document(
        document, approximate_token_counter, ChunkerSettings(max_tokens=max_tokens, overlap=overlap)
    )
    for chunk, spans in zip(chunks, sentences, strict=True):
        assert document.text[chunk.start : chunk.end] == chunk.text
        assert chunk.text.strip() == chunk.text and chunk.text
        for s, e in spans:
            assert chunk.start <= s < e <= chunk.end
    # Every non-blank character outside headings is inside some passage.
    covered = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    heading_lines = set()
    offset = 0
    for line in text.split("\n"):
        if line.lstrip().startswith("#") and line.strip("# ").strip():
            heading_lines.update(range(offset, offset + len(line)))
        offset += len(line) + 1
    for i, ch in enumerate(document.text):
        if not ch.isspace() and i not in heading_lines and ch != "#":
            assert i in covered, (i, ch, document.text)
