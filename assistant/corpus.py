"""Reading articles: bytes -> checked text -> metadata + cleaned body + sections.

`Document.text` is the article body after web debris is removed; every offset in the index points into it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import ArticleError, CorpusError
from .models import Document, DocumentMeta, Section

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
CONVERTED_SUFFIXES = {".html", ".htm", ".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | CONVERTED_SUFFIXES

# --------------------------------------------------------------------------------------------------
# Finding and hashing files


def iter_corpus_files(corpus_dir: Path) -> list[Path]:
    """Every file that could be an article, sorted; hidden files and folders are not looked at."""
    if not corpus_dir.exists():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist (create it, or pass --corpus DIR)")
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus path {corpus_dir} is not a folder")
    files: list[Path] = []
    for path in sorted(corpus_dir.rglob("*")):
        rel = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() or path.is_symlink():
            files.append(path)
    return files


def document_id(corpus_dir: Path, path: Path) -> str:
    return path.relative_to(corpus_dir).as_posix()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------------
# Bytes -> text, with one clear reason per failure


def read_text(path: Path, max_bytes: int) -> tuple[str, bytes]:
    """The file as text, or an ArticleError that says in a few words what is wrong with it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ArticleError("vanished while indexing") from None
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise ArticleError("is empty")
    if size > max_bytes:
        raise ArticleError(
            f"is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for an article "
            "(raise ASSISTANT_MAX_FILE_MB if it really is one)"
        )
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError("vanished while indexing") from None
    except PermissionError:
        raise ArticleError("cannot be read (permission denied)") from None
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in raw[:8192]:
        raise ArticleError("is a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("has no text (only white space)")
    return text, raw


# --------------------------------------------------------------------------------------------------
# Web debris: ads, newsletter boxes and bylines that scraping glues into the article

# Calls to action open with an imperative aimed at the reader; articles almost never do.
_CTA_OPENERS = re.compile(
    r"^\s*(?:discover|combine|subscribe|sign\s+up|register|download|join\s+(?:us|our|the)|learn\s+more"
    r"|read\s+more|click|tap\s+here|get\s+(?:the|our|your|access|started|in\s+touch)|request\s+a"
    r"|stay\s+(?:ahead|proactive|informed|up\s+to\s+date|connected)|don[’']t\s+(?:let|miss)|follow\s+us"
    r"|sponsored|advertisement|related\s*:|see\s+also\s*:|share\s+this|recommended\s*:"
    r"|book\s+(?:a|your)|find\s+out\s+(?:more|how)|explore\s+(?:our|the)|try\s+(?:it|our)|unlock)\b",
    re.IGNORECASE,
)
_AD_TERMS = re.compile(
    r"\b(?:b2b|newsletters?|webinars?|white\s?papers?|advertis\w+|sponsored|cookies?\s+policy"
    r"|privacy\s+policy|all\s+rights\s+reserved|terms\s+of\s+(?:use|service)|click\s+here"
    r"|free\s+trial|subscribe\w*|sign\s+up)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you[’']re|you[’']ll)\b", re.IGNORECASE)
# A quotation runs to its closing mark or, for a quote that continues in the next paragraph, to the line end.
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", re.MULTILINE)
# "By GlobalDataAs deals ..." : a promo box's byline glued onto the next paragraph's first word.
_GLUED_BYLINE = re.compile(r"^By\s+(?:[A-Z][\w&.-]*\s?){1,4}?(?<=[a-z])(?=[A-Z][a-z]+\b)")
_SENTENCE_END = re.compile(r"[.!?…:;”\"’')\]]\s*$")


def _is_debris(line: str) -> bool:
    text = line.strip()
    if not text:
        return False
    if len(text) > 300:
        return False  # a long paragraph is the article's, even when it mentions advertising or subscribers
    if _AD_TERMS.search(text) or _CTA_OPENERS.match(text):
        return True
    outside_quotes = _QUOTED.sub(" ", text)
    # Addressing the reader outside any quotation, in a short blurb: marketing copy, not reporting.
    return len(text) <= 200 and bool(_SECOND_PERSON.search(outside_quotes))


def _is_title_like(line: str) -> bool:
    text = line.strip().lstrip("#").strip()
    return bool(text) and len(text) <= 90 and not _SENTENCE_END.search(text)


def clean_body(body: str) -> str:
    """Drop web debris lines (and the orphan headline of an ad box), unglue bylines; keep every other line.

    The rule works on lines, so article sentences are kept verbatim: a paragraph is either the article's
    or debris, and debris is recognised by how it talks (to the reader, in imperatives, about newsletters
    and marketing), not by a list of known ads.
    """
    lines = body.split("\n")
    drop = [_is_debris(line) for line in lines]
    # An ad box's headline is a title-like line directly followed by debris; a real heading is followed
    # by article text.
    for i, line in enumerate(lines):
        if drop[i] or not _is_title_like(line):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and drop[j]:
            drop[i] = True
    kept = []
    for line, is_debris in zip(lines, drop, strict=True):
        if is_debris:
            continue
        kept.append(_GLUED_BYLINE.sub("", line))
    text = "\n".join(kept)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


# --------------------------------------------------------------------------------------------------
# Sections

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def _heading_of(line: str, is_markdown: bool, next_line: str | None) -> str | None:
    match = _MD_HEADING.match(line)
    if match:
        return match.group(2).strip()
    if is_markdown:
        return None
    # Plain text: a short title-like line standing alone before a longer paragraph.
    text = line.strip()
    if (
        _is_title_like(text)
        and text[:1].isupper()
        and next_line is not None
        and len(next_line.strip()) > len(text)
        and len(text.split()) >= 2
    ):
        return text
    return None


def find_sections(text: str, is_markdown: bool) -> list[Section]:
    """Sections by heading; a section's span is the text under its heading line (heading excluded)."""
    sections: list[Section] = []
    heading: str | None = None
    start = 0
    offset = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        next_line = next((candidate for candidate in lines[i + 1 :] if candidate.strip()), None)
        found = _heading_of(line, is_markdown, next_line) if line.strip() else None
        if found is not None:
            if offset > start or heading is not None:
                sections.append(Section(heading=heading, start=start, end=offset))
            heading = found
            start = offset + len(line) + 1
        offset += len(line) + 1
    end = len(text)
    if end > start or heading is not None:
        sections.append(Section(heading=heading, start=min(start, end), end=end))
    return [s for s in sections if s.end > s.start]


# --------------------------------------------------------------------------------------------------
# Metadata


def parse_date(value: Any) -> date | None:
    """A date from front matter or page metadata (a date, a datetime or text dateutil understands)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        from dateutil import parser as date_parser

        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        return None


def _title_from_path(path: Path) -> str:
    return re.sub(r"[-_]+", " ", path.stem).strip().capitalize() or path.name


def _meta_from_front_matter(data: dict[str, Any], path: Path, body: str) -> DocumentMeta:
    title = str(data.get("title") or "").strip()
    if not title:
        first_heading = next((m.group(2) for m in map(_MD_HEADING.match, body.split("\n")) if m), None)
        title = first_heading or _title_from_path(path)
    return DocumentMeta(
        title=title,
        source=(str(data["source"]).strip() or None) if data.get("source") else None,
        author=(str(data["author"]).strip() or None) if data.get("author") else None,
        published=parse_date(data.get("published") or data.get("date")),
        published_approximate=bool(data.get("published_approximate", False)),
        url=(str(data["url"]).strip() or None) if data.get("url") else None,
        added=parse_date(data.get("added")),
    )


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        return {}, text
    import frontmatter
    import yaml

    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        problem = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise ArticleError(f"has front matter that is not valid YAML ({problem})") from None
    if not isinstance(post.metadata, dict):
        raise ArticleError("has front matter that is not a mapping of fields")
    return dict(post.metadata), post.content


_PAGE_MARK = re.compile(r"^<!--\s*page:?\s*(\d+)\s*-->\s*$", re.MULTILINE)


def _take_page_marks(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """`<!-- page N -->` lines (written when a PDF is added) become page spans and leave the text."""
    marks = list(_PAGE_MARK.finditer(text))
    if not marks:
        return text, []
    pieces: list[str] = [text[: marks[0].start()]]
    starts: list[tuple[int, int]] = []
    length = len(pieces[0])
    for i, mark in enumerate(marks):
        body_end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[mark.end() : body_end].lstrip("\n")
        starts.append((int(mark.group(1)), length))
        pieces.append(body)
        length += len(body)
    joined = "".join(pieces)
    pages = [
        (number, start, starts[i + 1][1] if i + 1 < len(starts) else len(joined))
        for i, (number, start) in enumerate(starts)
    ]
    return joined, pages


def _locate_pages(raw_pages: list[tuple[int, int, int]], raw: str, clean: str) -> list[tuple[int, int, int]]:
    """Map page spans of the uncleaned body onto the cleaned text by finding each page's first line."""
    if not raw_pages:
        return []
    located: list[tuple[int, int]] = []
    cursor = 0
    for number, start, end in raw_pages:
        first = next((ln.strip() for ln in raw[start:end].split("\n") if ln.strip()), "")
        at = clean.find(first, cursor) if first else -1
        if at >= 0:
            located.append((number, at))
            cursor = at
    return [
        (number, start, located[i + 1][1] if i + 1 < len(located) else len(clean))
        for i, (number, start) in enumerate(located)
    ]


def parse_article(text: str, path: Path) -> tuple[DocumentMeta, str, list[Section], list[tuple[int, int, int]]]:
    """Text of a .md/.txt article -> (metadata, cleaned body, sections, pages)."""
    is_markdown = path.suffix.lower() in {".md", ".markdown"}
    data, body = _split_front_matter(text, path) if is_markdown else ({}, text)
    body, raw_pages = _take_page_marks(body)
    clean = clean_body(body)
    if not clean.strip():
        raise ArticleError("has no article text after removing front matter and web debris")
    meta = _meta_from_front_matter(data, path, clean)
    return meta, clean, find_sections(clean, is_markdown), _locate_pages(raw_pages, body, clean)


def load_document(corpus_dir: Path, path: Path, *, max_bytes: int = 10_000_000) -> Document:
    """Read one article from the corpus. Raises ArticleError (with the reason) when it cannot be indexed."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleError(
            f"has an unsupported type '{suffix or path.name}' (articles are "
            + ", ".join(sorted(SUPPORTED_SUFFIXES))
            + ")"
        )
    if suffix in CONVERTED_SUFFIXES:
        from .errors import ImportFailedError
        from .importers import convert_bytes

        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise ArticleError("vanished while indexing") from None
        except OSError as exc:
            raise ArticleError(f"cannot be read ({exc.strerror or exc})") from None
        if len(raw) > max_bytes:
            raise ArticleError(f"is {len(raw) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        try:
            markdown = convert_bytes(raw, path.name, origin=str(path)).markdown
        except ImportFailedError as exc:
            raise ArticleError(str(exc).removeprefix(f"{path.name} ")) from None
        meta, clean, sections, pages = parse_article(markdown, path.with_suffix(".md"))
    else:
        text, raw = read_text(path, max_bytes)
        meta, clean, sections, pages = parse_article(text, path)
    return Document(
        path=document_id(corpus_dir, path),
        sha256=hashlib.sha256(raw).hexdigest(),
        meta=meta,
        text=clean,
        sections=sections,
        pages=pages,
    )


def iter_documents(corpus_dir: Path, max_bytes: int) -> Iterator[tuple[Path, Document | ArticleError]]:
    for path in iter_corpus_files(corpus_dir):
        try:
            yield path, load_document(corpus_dir, path, max_bytes=max_bytes)
        except ArticleError as exc:
            yield path, exc
