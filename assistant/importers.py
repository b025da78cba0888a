"""`assistant add`: files and URLs -> Markdown articles with front matter in the corpus folder.

Every source becomes one `corpus/<slug>.md` in the seed article's format (YAML front matter, then the
body with paragraphs separated by blank lines and `## ` headings), so what is indexed is plain text a
person can read, correct and diff. PDFs keep `<!-- page N -->` lines, which `corpus.parse_article` turns
into page spans for citations. Conversion is offline (trafilatura only parses; it never fetches).

`add_articles` never stops at a bad source, never writes a failed or duplicate one, writes atomically and
never overwrites another article. It does not index: the caller runs the incremental indexer afterwards.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
import unicodedata
from datetime import date
from http import HTTPStatus
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict

from .corpus import SUPPORTED_SUFFIXES, iter_corpus_files, load_document, parse_article, parse_date
from .dedup import DEFAULT_THRESHOLD, ShingleIndex, normalise_words, shingles
from .errors import ArticleError, AssistantError, CorpusError, ImportFailedError
from .models import DocumentMeta

Kind = Literal["markdown", "text", "html", "pdf"]

_KIND_BY_SUFFIX: dict[str, Kind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
_KIND_BY_CONTENT_TYPE: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
MAX_NAME_LENGTH = 80
"""Longest file stem `add` writes: long enough to read, short enough for every file system."""

MIN_ARTICLE_WORDS = 30
"""Words of running prose (lines of 10+ words) below which an HTML page is a list of links, not an article."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ImportedArticle(_Model):
    """One converted source, ready to be written as `corpus/<suggested_name>.md`."""

    markdown: str
    """The whole article file: YAML front matter, then the body."""
    meta: DocumentMeta
    suggested_name: str
    """Safe file stem from the title: lowercase ASCII letters, digits and hyphens, never empty."""
    origin: str
    """The path or URL it came from."""


class AddResult(_Model):
    """What `add` did with one source; the CLI prints one line per result."""

    origin: str
    status: Literal["added", "duplicate", "failed"]
    path: str | None = None
    """Corpus-relative POSIX path of the written article (status "added")."""
    duplicate_of: str | None = None
    """Corpus-relative path of the article that already holds this text (status "duplicate")."""
    similarity: float | None = None
    message: str


# --------------------------------------------------------------------------------------------------
# Names and front matter

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"{dev}{i}" for dev in ("com", "lpt") for i in range(10))}


def slugify(title: str, max_length: int = MAX_NAME_LENGTH) -> str:
    """A file stem that cannot escape its folder: `[a-z0-9-]` only, cut at a word boundary, never empty.

    Accents are folded ("Zürich" -> "zurich") and apostrophes dropped; anything else that is not a
    letter or digit (slashes, dots, CJK) becomes a separator, so "../../etc/passwd" is "etc-passwd".
    """
    title = re.sub(r"(?<=\w)['’](?=\w)", "", title)  # "Suzhou’s" -> "suzhous", not "suzhou-s"
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[max_length // 2 :] else slug[:max_length]
        slug = slug.strip("-")
    if not slug:
        slug = "article"
    if slug in _WINDOWS_RESERVED:
        slug = f"{slug}-article"
    return slug


def _front_matter(meta: DocumentMeta) -> str:
    data: dict[str, Any] = {
        "title": meta.title,
        "source": meta.source,
        "author": meta.author,
        "published": meta.published,
    }
    if meta.published_approximate:
        data["published_approximate"] = True
    if meta.url:
        data["url"] = meta.url
    data["added"] = meta.added
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{dumped}---\n\n"


def _article(meta: DocumentMeta, body: str, origin: str) -> ImportedArticle:
    body = re.sub(r"\n{3,}", "\n\n", body.strip()) + "\n"
    return ImportedArticle(
        markdown=_front_matter(meta) + body, meta=meta, suggested_name=slugify(meta.title), origin=origin
    )


def _clean_title(value: str | None) -> str | None:
    if not value:
        return None
    title = re.sub(r"\s+", " ", value).strip().strip("#").strip()
    return title[:300] or None


def _title_from_stem(stem: str) -> str:
    return re.sub(r"[-_]+", " ", stem).strip().capitalize() or "Untitled article"


_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_PRINTED_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+(?:19|20)\d\d"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-[01]\d-[0-3]\d)\b",
    re.IGNORECASE,
)


def _date_in_text(text: str) -> date | None:
    """A date printed near the top of a document (a dateline), if any."""
    match = _PRINTED_DATE.search(text[:1500])
    return parse_date(match.group(0)) if match else None


# --------------------------------------------------------------------------------------------------
# Bytes -> text


def _decode(raw: bytes, label: str, charset: str | None = None) -> str:
    """UTF-8 (or the server's declared charset) text with Unix newlines; ImportFailedError otherwise."""
    if b"\x00" in raw[:8192]:
        raise ImportFailedError(f"{label} is a binary file, not text")
    encoding = charset or "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except LookupError:
        text = raw.decode("utf-8-sig", errors="replace")
    except UnicodeDecodeError as exc:
        byte = f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"
        raise ImportFailedError(f"{label} is not valid UTF-8 ({byte}); save it as UTF-8") from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ImportFailedError(f"{label} is empty")
    return text


# --------------------------------------------------------------------------------------------------
# Markdown and plain text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def _convert_markdown(text: str, label: str, stem: str, origin: str, url: str | None) -> ImportedArticle:
    """Kept as written (comments and extra keys included); only `added:` (and `url:`) are filled in."""
    try:
        meta, _, _, _ = parse_article(text, Path(f"{stem or 'article'}.md"))
    except ArticleError as exc:
        raise ImportFailedError(f"{label} {exc}") from None
    match = _FRONT_MATTER.match(text)
    missing: dict[str, Any] = {}
    if meta.url is None and url:
        missing["url"] = url
    if meta.added is None:
        missing["added"] = date.today()
    updates = meta.model_copy(update=missing)
    if match:
        extra = yaml.safe_dump(missing, sort_keys=False, allow_unicode=True) if missing else ""
        block = match.group(1) or ""
        markdown = f"---\n{block}{extra}---\n" + text[match.end() :]
    else:
        markdown = _front_matter(updates) + text.lstrip("\n")
    return ImportedArticle(markdown=markdown, meta=updates, suggested_name=slugify(meta.title), origin=origin)


_SENTENCE_END = re.compile(r"[.!?…:;”\"’')\]]\s*$")


def _title_like(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= 120 and not _SENTENCE_END.search(text) and len(text.split()) <= 20


def _convert_text(text: str, stem: str, origin: str, url: str | None) -> ImportedArticle:
    """The first line is the title when it looks like one (short, no full stop) and text follows it."""
    lines = text.strip("\n").split("\n")
    first = lines[0].strip()
    rest = "\n".join(lines[1:]).strip()
    if _title_like(first) and rest:
        title, body = first.lstrip("#").strip(), rest
    else:
        title, body = _title_from_stem(stem), text
    printed = _date_in_text(body)
    meta = DocumentMeta(title=title, published=printed, url=url, added=date.today())
    return _article(meta, body, origin)


# --------------------------------------------------------------------------------------------------
# HTML

# Page furniture trafilatura's own rules may keep inside an article: promo boxes and ad slots.
_PRUNE_XPATH = [
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' ad ')]",
    "//*[contains(@class, 'promo') or contains(@id, 'promo')]",
    "//*[contains(@class, 'advert') or contains(@id, 'advert') or contains(@class, 'ad-slot')]",
    "//*[contains(@class, 'sponsor') or contains(@class, 'cookie') or contains(@id, 'cookie')]",
]
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def _prose_words(body: str) -> int:
    return sum(len(line.split()) for line in body.split("\n") if len(line.split()) >= 10)


def _convert_html(raw: bytes | str, label: str, stem: str, origin: str, url: str | None) -> ImportedArticle:
    """Main text with headings (trafilatura's Markdown), title, byline, date and site name."""
    import trafilatura
    import trafilatura.settings

    today = date.today().isoformat()
    document = trafilatura.bare_extraction(
        raw,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,
        include_tables=True,
        include_images=False,
        include_links=False,
        output_format="markdown",
        prune_xpath=_PRUNE_XPATH,
        # Only dates printed in the page's metadata or byline; a guess is marked approximate below.
        date_extraction_params={"original_date": True, "extensive_search": False, "max_date": today},
    )
    if not isinstance(document, trafilatura.settings.Document) or document.body is None:
        raise ImportFailedError(f"no article text found in {label}")
    from trafilatura.xml import xmltotxt

    # Bold and italics markers would sit inside quoted citations; the words are what matter.
    body = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), xmltotxt(document.body, True) or "")
    if _prose_words(body) < MIN_ARTICLE_WORDS:
        raise ImportFailedError(f"no article text found in {label}")
    title = _clean_title(document.title)
    lines = body.strip().split("\n")
    heading = _clean_title(lines[0]) if lines[0].startswith("# ") else None
    if heading and (title is None or normalise_words(heading) == normalise_words(title)):
        title = title or heading
        body = "\n".join(lines[1:])  # the headline lives in the front matter, as in the seed article
    published = parse_date(document.date)
    approximate = False
    if published is None:
        import htmldate

        guessed = htmldate.find_date(raw, extensive_search=True, original_date=True, max_date=today)
        published = parse_date(guessed)
        approximate = published is not None
    meta = DocumentMeta(
        title=title or _title_from_stem(stem),
        source=_clean_title(document.sitename) or (document.hostname or None),
        author=_clean_title(document.author),
        published=published,
        published_approximate=approximate,
        url=url or document.url or None,
        added=date.today(),
    )
    return _article(meta, body, origin)


# --------------------------------------------------------------------------------------------------
# PDF

_PAGE_NUMBER_LINE = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"[.!?…:”\"’)]$")
_JUNK_TITLE = re.compile(
    r"^(?:untitled|document\d*|microsoft (?:word|powerpoint)\b.*|slide \d+)$|\.(?:docx?|pdf|pptx?|indd|tex)$",
    re.IGNORECASE,
)


def reflow_pdf_text(text: str) -> str:
    """A page's extracted lines -> paragraphs separated by blank lines.

    PDF text comes as visual lines. Lines are joined with a space (a line-end hyphen between lowercase
    letters is a word broken by typesetting and is removed); a paragraph ends at a blank line, or at a
    line that is clearly shorter than the page's full lines and ends a sentence; a short line without
    final punctuation, after a finished sentence and before a capitalised line, is a heading and stands
    alone. Bare page numbers go. (Without layout positions, a paragraph whose last line is nearly full
    runs on into the next one; that costs readability, never text.)
    """
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    lines = [line if not _PAGE_NUMBER_LINE.match(line) else "" for line in lines]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return ""
    full = lengths[round(0.8 * (len(lengths) - 1))]
    paragraphs: list[str] = []
    current = ""

    def flush() -> None:
        nonlocal current
        if current:
            paragraphs.append(current)
        current = ""

    for i, line in enumerate(lines):
        if not line:
            flush()
            continue
        following = next((candidate for candidate in lines[i + 1 :] if candidate), "")
        short = len(line) < 0.8 * full
        after_sentence = not current or bool(_PARAGRAPH_END.search(current))
        heading = short and after_sentence and _title_like(line) and following[:1].isupper()
        if heading:
            flush()
            paragraphs.append(line)
            continue
        if not current:
            current = line
        elif re.search(r"[a-z]-$", current) and line[:1].islower():
            current = current[:-1] + line
        elif current.endswith("-") and re.search(r"[A-Z0-9]-$", current):
            current += line  # "PD-" + "1 inhibitor", "China-" + "based": the hyphen is real
        else:
            current = f"{current} {line}"
        if short and _PARAGRAPH_END.search(line):
            flush()
    flush()
    return "\n\n".join(paragraphs)


def _pdf_info(reader: Any, key: str) -> str | None:
    try:
        value = (reader.metadata or {}).get(key)
    except Exception:  # malformed /Info dictionaries are common and never fatal
        return None
    return _clean_title(str(value)) if value else None


def _convert_pdf(raw: bytes, label: str, stem: str, origin: str, url: str | None) -> ImportedArticle:
    """Text per page behind `<!-- page N -->` lines, re-flowed into paragraphs; metadata from /Info."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    def unreadable(exc: Exception) -> ImportFailedError:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ImportFailedError(f"{label} is not a readable PDF ({reason})")

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailedError(f"{label} is password-protected; save an unprotected copy first")
        page_objects = list(reader.pages)
    except ImportFailedError:
        raise
    except (PyPdfError, DependencyError, ValueError, KeyError, TypeError, OSError) as exc:
        raise unreadable(exc) from None
    pages: list[tuple[int, str]] = []
    failure: Exception | None = None
    for number, page in enumerate(page_objects, 1):
        try:
            pages.append((number, page.extract_text() or ""))
        except Exception as exc:  # one page with a broken font must not lose the others
            failure = failure or exc
    if failure is not None and not any(text.strip() for _, text in pages):
        raise unreadable(failure)
    reflowed = [(number, reflow_pdf_text(text)) for number, text in pages]
    reflowed = [(number, text) for number, text in reflowed if text.strip()]
    if not reflowed:
        raise ImportFailedError(f"{label} has no text layer (scanned PDF?); run OCR first")
    body = "\n\n".join(f"<!-- page {number} -->\n\n{text}" for number, text in reflowed)

    title = _pdf_info(reader, "/Title")
    if title and _JUNK_TITLE.search(title):
        title = None
    if not title:
        first_page = next(text for _, text in pages if text.strip())
        lines = (line.strip() for line in first_page.split("\n"))
        first_line = next((line for line in lines if line and not _PAGE_NUMBER_LINE.match(line)), "")
        title = first_line if _title_like(first_line) else _title_from_stem(stem)
    published = _date_in_text(reflowed[0][1])
    approximate = False
    if published is None:
        with contextlib.suppress(Exception):  # a malformed /CreationDate is not worth failing over
            created = reader.metadata.creation_date if reader.metadata else None
            published = created.date() if created else None
        approximate = published is not None
    meta = DocumentMeta(
        title=title,
        source=_pdf_info(reader, "/Company") or _pdf_info(reader, "/Publisher"),
        author=_pdf_info(reader, "/Author"),
        published=published,
        published_approximate=approximate,
        url=url,
        added=date.today(),
    )
    return _article(meta, body, origin)


# --------------------------------------------------------------------------------------------------
# Public conversion entry points


def _convert(
    raw: bytes, kind: Kind, *, label: str, stem: str, origin: str, url: str | None, charset: str | None = None
) -> ImportedArticle:
    if not raw.strip():
        raise ImportFailedError(f"{label} is empty")
    if kind == "pdf":
        return _convert_pdf(raw, label, stem, origin, url)
    if kind == "html":
        source: bytes | str = raw
        if charset:
            with contextlib.suppress(LookupError):
                source = raw.decode(charset, errors="replace")
        return _convert_html(source, label, stem, origin, url)
    text = _decode(raw, label, charset)
    if kind == "markdown":
        return _convert_markdown(text, label, stem, origin, url)
    return _convert_text(text, stem, origin, url)


def _kind_of(path: Path) -> Kind:
    kind = _KIND_BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        raise ImportFailedError(
            f"{path.name} has an unsupported type '{path.suffix or 'no extension'}' "
            f"(supported: {', '.join(sorted(_KIND_BY_SUFFIX))})"
        )
    return kind


def convert_bytes(data: bytes, name: str, *, origin: str | None = None) -> ImportedArticle:
    """Already-read file contents -> an article; `name` (a file name) gives the type and the messages.

    For callers that hold the bytes anyway (the corpus reader hashes them), so a file is read once.
    """
    path = Path(name)
    return _convert(data, _kind_of(path), label=path.name, stem=path.stem, origin=origin or name, url=None)


def convert_file(path: Path) -> ImportedArticle:
    """One local file -> an article. Raises ImportFailedError with a one-line reason naming the file."""
    kind = _kind_of(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailedError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise ImportFailedError(f"{path} is a folder, not an article file") from None
    except OSError as exc:
        raise ImportFailedError(f"{path.name} cannot be read ({exc.strerror or exc})") from None
    return _convert(raw, kind, label=path.name, stem=path.stem, origin=str(path), url=None)


def _status_phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "error"


def _size(limit: int) -> str:
    return f"{limit / 1e6:.3g} MB" if limit >= 1_000_000 else f"{limit / 1e3:.3g} kB"


def fetch_url(
    url: str, *, timeout: float = 15.0, max_bytes: int = 20_000_000, max_redirects: int = 5
) -> ImportedArticle:
    """Download one http(s) URL and convert it; the article's `url` is where redirects ended.

    Bounded on every side, because a URL is untrusted input: connect/read timeouts, at most
    `max_redirects` redirects, a content-type allow-list checked before the body is read, and a size
    cap checked against Content-Length first and then while streaming (a lying or absent header
    cannot make it read more than `max_bytes`).
    """
    import httpx

    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        raise ImportFailedError(f"unsupported URL scheme '{parts.scheme}' in {url} (only http and https)")
    if not parts.hostname:
        raise ImportFailedError(f"{url} has no host name")
    too_large = f"response from {url} is larger than {_size(max_bytes)}"
    try:
        with (
            httpx.Client(
                timeout=httpx.Timeout(timeout),
                follow_redirects=True,
                max_redirects=max_redirects,
                headers={"User-Agent": "assistant-add/0.1 (offline article importer)"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            final_url = str(response.url)
            if response.status_code >= 400:
                reason = response.reason_phrase or _status_phrase(response.status_code)
                raise ImportFailedError(f"HTTP {response.status_code} {reason} for {final_url}")
            content_type = response.headers.get("content-type", "")
            mime = content_type.split(";", 1)[0].strip().lower()
            kind = _KIND_BY_CONTENT_TYPE.get(mime)
            by_suffix = _KIND_BY_SUFFIX.get(Path(urlsplit(final_url).path).suffix.lower())
            if kind == "text" and by_suffix == "markdown":
                kind = "markdown"  # raw Markdown is usually served as text/plain
            if kind is None and mime in {"", "application/octet-stream", "binary/octet-stream"}:
                kind = by_suffix  # no useful type: trust the file name in the URL
            if kind is None:
                raise ImportFailedError(
                    f"unsupported content type {mime or '(none)'} for {final_url} "
                    "(expected HTML, PDF, plain text or Markdown)"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise ImportFailedError(too_large)
            chunks: list[bytes] = []
            received = 0
            for chunk in response.iter_bytes():
                received += len(chunk)
                if received > max_bytes:
                    raise ImportFailedError(too_large)
                chunks.append(chunk)
            charset = response.charset_encoding
    except httpx.TooManyRedirects:
        raise ImportFailedError(f"too many redirects (more than {max_redirects}) for {url}") from None
    except httpx.TimeoutException:
        raise ImportFailedError(f"timed out after {timeout:g} s fetching {url}") from None
    except httpx.ConnectError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "connection failed"
        raise ImportFailedError(f"could not connect to host: {parts.hostname} ({reason})") from None
    except httpx.HTTPError as exc:
        raise ImportFailedError(f"could not fetch {url} ({type(exc).__name__}: {exc})") from None
    raw = b"".join(chunks)
    path_name = unquote(urlsplit(final_url).path.rstrip("/").rsplit("/", 1)[-1])
    stem = Path(path_name).stem if path_name else (urlsplit(final_url).hostname or "article")
    return _convert(raw, kind, label=final_url, stem=stem, origin=url, url=final_url, charset=charset)


# --------------------------------------------------------------------------------------------------
# Adding to the corpus

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
# Shingles of corpus files by absolute path, valid while (size, mtime) is unchanged: a long-lived
# process (the chat) adding articles again does not re-read and re-convert the whole corpus.
_SHINGLE_CACHE: dict[str, tuple[tuple[int, int], frozenset[int], bool]] = {}


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def _corpus_index(corpus_dir: Path) -> ShingleIndex:
    """Shingle sets of every readable article in the corpus (unreadable ones cannot be duplicated)."""
    from .dedup import MIN_WORDS

    index = ShingleIndex()
    for path in iter_corpus_files(corpus_dir):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        key = str(path.resolve())
        stamp = (stat.st_size, stat.st_mtime_ns)
        cached = _SHINGLE_CACHE.get(key)
        if cached is None or cached[0] != stamp:
            try:
                text = load_document(corpus_dir, path).text
            except (AssistantError, OSError, ValueError):
                continue
            cached = (stamp, shingles(text), len(normalise_words(text)) < MIN_WORDS)
            _SHINGLE_CACHE[key] = cached
        index.add_shingles(path.relative_to(corpus_dir).as_posix(), cached[1], cached[2])
    return index


def _write_new(corpus_dir: Path, stem: str, content: str) -> tuple[str, bool]:
    """Write `content` as `<stem>.md`, or `<stem>-2.md`, `-3`... if taken by other content.

    Returns (corpus-relative name, written). An existing file with the same bytes is reported, not
    rewritten. The file appears complete or not at all: temp file + fsync, then a hard link (which
    refuses to replace an existing name, so a concurrent writer cannot be overwritten) or, where the
    file system has no hard links, os.replace after an existence check.
    """
    try:
        return _link_new(corpus_dir.resolve(), stem, content.encode("utf-8"))
    except OSError as exc:
        raise ImportFailedError(f"cannot write {stem}.md in {corpus_dir} ({exc.strerror or exc})") from None


def _link_new(root: Path, stem: str, data: bytes) -> tuple[str, bool]:
    fd, tmp_name = tempfile.mkstemp(prefix=".add-", suffix=".tmp", dir=root)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        for attempt in range(1, 10_000):
            name = f"{stem}.md" if attempt == 1 else f"{stem}-{attempt}.md"
            target = root / name
            if target.parent != root:  # unreachable with slugify's alphabet; kept as the last guard
                raise ImportFailedError(f"refusing to write outside the corpus folder: {name}")
            if target.exists():
                with contextlib.suppress(OSError):
                    if target.read_bytes() == data:
                        return name, False
                continue
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            except OSError:
                os.replace(tmp, target)
            return name, True
        raise ImportFailedError(f"too many articles named {stem}.md in the corpus")
    finally:
        tmp.unlink(missing_ok=True)


def add_articles(
    sources: list[str],
    corpus_dir: Path,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    timeout: float = 15.0,
    max_bytes: int = 20_000_000,
) -> list[AddResult]:
    """Convert each file or http(s) URL, skip near-duplicates, write the rest into `corpus_dir`.

    One result per source, in order. A source is a duplicate when at least `threshold` of its body is
    already in one corpus article or in an article added earlier in the same call. Nothing is written
    for a failed or duplicate source, and one bad source never stops the others. Does not index.
    """
    if corpus_dir.exists() and not corpus_dir.is_dir():
        raise CorpusError(f"corpus path {corpus_dir} is not a folder")
    try:
        corpus_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusError(f"cannot create the corpus folder {corpus_dir} ({exc.strerror or exc})") from None
    index: ShingleIndex | None = None
    results: list[AddResult] = []
    for source in sources:
        try:
            if is_url(source):
                article = fetch_url(source, timeout=timeout, max_bytes=max_bytes)
            else:
                article = convert_file(Path(source).expanduser())
            try:
                _, body, _, _ = parse_article(article.markdown, Path(f"{article.suggested_name}.md"))
            except ArticleError as exc:
                label = source if is_url(source) else Path(source).name
                raise ImportFailedError(f"{label} {exc}") from None
            if index is None:
                index = _corpus_index(corpus_dir)
            match = index.best_match(body, threshold)
            if match is not None:
                existing, similarity = match
                results.append(
                    AddResult(
                        origin=source,
                        status="duplicate",
                        duplicate_of=existing,
                        similarity=round(similarity, 3),
                        message=f"already in the corpus as {existing} ({similarity:.0%} of its text is there)",
                    )
                )
                continue
            name, written = _write_new(corpus_dir, article.suggested_name, article.markdown)
            index.add(name, body)
            if not written:
                results.append(
                    AddResult(
                        origin=source,
                        status="duplicate",
                        duplicate_of=name,
                        similarity=1.0,
                        message=f"already in the corpus as {name} (identical file)",
                    )
                )
                continue
            results.append(
                AddResult(
                    origin=source,
                    status="added",
                    path=name,
                    message=f"added as {name}: {article.meta.title}",
                )
            )
        except AssistantError as exc:
            results.append(AddResult(origin=source, status="failed", message=str(exc)))
        except Exception as exc:  # a converter bug on one odd file must not lose the other sources
            detail = (str(exc).splitlines() or [""])[0]
            message = f"{source} could not be converted ({type(exc).__name__}: {detail})"
            results.append(AddResult(origin=source, status="failed", message=message))
    return results
