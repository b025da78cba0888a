"""The data that crosses module boundaries. The CLI and the TUI only render these."""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocumentMeta(_Model):
    """What an article says about itself (front matter or extracted)."""

    title: str
    source: str | None = None
    author: str | None = None
    published: Date | None = None
    published_approximate: bool = False
    """True when the date is inferred (e.g. from the text) rather than printed on the article."""
    url: str | None = None
    added: Date | None = None


class Section(_Model):
    """A heading and the character span of the text under it."""

    heading: str | None
    start: int
    end: int


class Document(_Model):
    """One article as indexed: `text` is the cleaned body every offset points into."""

    path: str
    """Path relative to the corpus directory, POSIX style; the document's identity."""
    sha256: str
    """Hash of the file's bytes: the unit of incremental indexing."""
    meta: DocumentMeta
    text: str
    sections: list[Section] = Field(default_factory=list)
    pages: list[tuple[int, int, int]] = Field(default_factory=list)
    """(page number, start, end) spans for paginated sources (PDF)."""

    def page_at(self, offset: int) -> int | None:
        for number, start, end in self.pages:
            if start <= offset < end:
                return number
        return None


class Chunk(_Model):
    """A passage: `document.text[start:end] == text`."""

    id: int = -1
    document: str
    ordinal: int
    section: str | None
    start: int
    end: int
    text: str

    def embedding_text(self, title: str | None = None) -> str:
        """What the dense model sees: the heading kept as context before the passage."""
        parts = [p for p in (title, self.section) if p]
        return (" — ".join(parts) + "\n" + self.text) if parts else self.text


class Hit(_Model):
    """A retrieved passage with its document's metadata and fused score."""

    chunk: Chunk
    meta: DocumentMeta
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    dense_score: float | None = None


class Citation(_Model):
    """A numbered source of an answer: the passage, and the exact sentence spans used."""

    id: int
    """The n of the `[n]` marker."""
    document: str
    title: str
    section: str | None
    published: Date | None
    published_approximate: bool = False
    source: str | None = None
    url: str | None = None
    page: int | None = None
    chunk_id: int | None = None
    """The passage's id in the index (None for a citation of an extracted fact's sentence)."""
    text: str
    """The whole passage (for a fact: the sentence it was extracted from)."""
    start: int
    end: int
    """Character span of the passage in the document text."""
    sentence_spans: list[tuple[int, int]] = Field(default_factory=list)
    """Character spans (document offsets) of the cited sentences inside the passage."""
    score: float


class AnswerSentence(_Model):
    text: str
    citations: list[int]
    """Ids of the citations this sentence comes from."""
    kind: str = "passage"
    """"passage": a verbatim corpus sentence; "fact": a deterministic rendering of extracted facts."""


class Answer(_Model):
    question: str
    query: str
    """What was actually searched: the question with the conversation's context resolved."""
    answer: str
    """The answer text with `[n]` markers."""
    abstained: bool
    sentences: list[AnswerSentence]
    citations: list[Citation]
    """Sources the answer uses (or, when abstained, the nearest passages)."""
    confidence: float
    seconds: float = 0.0


class IndexReport(_Model):
    """What one `assistant index` run did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: int = 0
    chunks_embedded: int = 0
    chunks_total: int = 0
    documents_total: int = 0
    seconds: float = 0.0
    rebuilt: bool = False
    warnings: list[str] = Field(default_factory=list)


class CorpusChanges(_Model):
    new: list[str] = Field(default_factory=list)
    changed: list[str] = Field(default_factory=list)
    deleted: list[str] = Field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.new or self.changed or self.deleted)


class IndexStatus(_Model):
    corpus_dir: Path
    index_dir: Path
    exists: bool
    documents: int = 0
    passages: int = 0
    model: str | None = None
    dimension: int | None = None
    index_type: str | None = None
    built_at: str | None = None
    compatible: bool = True
    problem: str | None = None
    changes: CorpusChanges = Field(default_factory=CorpusChanges)


class DocumentInfo(_Model):
    """A row of `assistant list`."""

    path: str
    meta: DocumentMeta
    passages: int
