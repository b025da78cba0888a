"""`assistant add`: files and URLs -> corpus articles, against a real HTTP server on 127.0.0.1.

The server serves hand-written fixtures (tests/fixtures/web/) and PDFs built here byte by byte, plus
every way a URL goes wrong: 404, wrong content type, a slow server, oversized bodies (streamed, and
announced by Content-Length), a redirect loop, a page with no article. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import frontmatter
import pytest

from assistant.corpus import load_document
from assistant.dedup import find_duplicate, shingles
from assistant.errors import CorpusError, ImportFailedError
from assistant.importers import (
    ImportedArticle,
    add_articles,
    convert_file,
    fetch_url,
    reflow_pdf_text,
    slugify,
)

FIXTURES = Path(__file__).parent / "fixtures" / "web"
SEED = Path(__file__).parents[1] / "corpus" / "china-innovative-medicines-outlook.md"

# --------------------------------------------------------------------------------------------------
# PDFs written by hand: one Helvetica text line per `Tj`, so pypdf extracts exactly these lines.

REPORT_PAGES: list[list[str] | None] = [
    [
        "Verdant and Qilu sign obesity licence",
        "Shanghai, 4 June 2025",
        "Verdant Pharma has signed an exclusive licence with Qilu Biotech for QL-208, a long-acting",
        "GLP-1 receptor agonist, paying $120m upfront and up to $1.4bn in milestones. The agree-",
        "ment covers all markets outside Greater China, where Qilu keeps the rights.",
        "Phase 2 results",
        "In a 36-week study in China the weekly injection reduced body weight by 14.2% versus",
        "placebo, and a PD-",
        "1 combination arm is planned in patients with obesity-related liver disease.",
        "1",
    ],
    [
        "Verdant said it would start a global phase 3 programme in 2026. Qilu will supply the",
        "drug substance from its Jinan plant under a separate manufacturing agreement.",
        "2",
    ],
]


def make_pdf(pages: list[list[str] | None], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF; a page given as None has no content stream (what a scan without OCR is)."""
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in below

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        contents = b""
        if lines is not None:
            ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
            for line in lines:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(b"(" + escaped.encode("cp1252") + b") Tj T*")
            stream = b"\n".join([*ops, b"ET"])
            content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
            contents = b" /Contents %d 0 R" % content
        kids.append(
            add(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 %d 0 R >> >>%s >>" % (font, contents)
            )
        )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    info_ref = b""
    if info:
        entries = b" ".join(b"/%s (%s)" % (k.encode(), v.encode("cp1252")) for k, v in info.items())
        info_ref = b" /Info %d 0 R" % add(b"<< " + entries + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info_ref,
        xref,
    )
    return bytes(out)


REPORT_PDF = make_pdf(
    REPORT_PAGES,
    {
        "Title": "Verdant and Qilu sign obesity licence",
        "Author": "Research Desk",
        "Company": "Example Capital",
    },
)
SCANNED_PDF = make_pdf([None, None], {"Title": "Scanned deal memo"})
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

# --------------------------------------------------------------------------------------------------
# The server


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, content_type: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        html = "text/html; charset=utf-8"
        pages = {
            "/news/licensing-deal.html": "licensing-deal.html",
            "/syndicated.html": "syndicated-copy.html",
            "/no-article.html": "no-article.html",
        }
        try:
            if self.path in pages:
                self._send(200, html, (FIXTURES / pages[self.path]).read_bytes())
            elif self.path == "/old-link":
                self._redirect(301, "/news/licensing-deal.html")
            elif self.path == "/report.pdf":
                self._send(200, "application/pdf", REPORT_PDF)
            elif self.path == "/scanned.pdf":
                self._send(200, "application/pdf", SCANNED_PDF)
            elif self.path == "/logo.png":
                self._send(200, "image/png", PNG)
            elif self.path == "/slow":
                time.sleep(1.5)
                self._send(200, html, b"<html><body><p>late</p></body></html>")
            elif self.path == "/huge":
                # No Content-Length: only counting while streaming can stop this one.
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.end_headers()
                paragraph = b"<p>" + b"word " * 2000 + b"</p>\n"
                for _ in range(300):  # ~3 MB
                    self.wfile.write(paragraph)
            elif self.path == "/huge-advertised":
                # Announces 50 MB, then stalls: reading the body would hang until the timeout.
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(50_000_000))
                self.end_headers()
                self.wfile.write(b"%PDF-1.4\n" + b"0" * 1024)
                self.wfile.flush()
                time.sleep(3)
            elif self.path == "/loop-a":
                self._redirect(302, "/loop-b")
            elif self.path == "/loop-b":
                self._redirect(302, "/loop-a")
            elif self.path == "/notes.md":
                self._send(200, "text/plain; charset=utf-8", b"# Weekly notes\n\n" + b"Deal flow was busy. " * 20)
            else:
                self._send(404, "text/html", b"<h1>Not found</h1>")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up on purpose (size cap, timeout)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def corpus_files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")}


def front_matter(article: ImportedArticle) -> dict[str, object]:
    return dict(frontmatter.loads(article.markdown).metadata)


def body_of(article: ImportedArticle) -> str:
    return frontmatter.loads(article.markdown).content


# --------------------------------------------------------------------------------------------------
# Files

PAGE_FURNITURE = [
    "Accept all cookies",
    "We use cookies",
    "Clinical trials",
    "Policy & regulation",
    "PharmaCloud",
    "CDMO services",
    "Related stories",
    "Merck pays $200m",
    "All rights reserved",
    "daily newsletter",
]


def test_html_page_becomes_article_with_byline_date_and_headings() -> None:
    article = convert_file(FIXTURES / "licensing-deal.html")
    data = front_matter(article)
    assert data["title"] == "Halcyon Bio licenses bispecific ADC from Suzhou’s Jinhe Therapeutics in $1.9bn deal"
    assert data["author"] == "Mei Lin Okafor"
    assert data["source"] == "BioDeal Wire"
    assert data["published"] == date(2025, 3, 12)
    assert "published_approximate" not in data
    assert data["added"] == date.today()
    assert article.meta.published == date(2025, 3, 12) and not article.meta.published_approximate
    assert article.suggested_name == "halcyon-bio-licenses-bispecific-adc-from-suzhous-jinhe-therapeutics-in-1-9bn"
    body = body_of(article)
    assert "## Early data in lung cancer" in body.split("\n")
    assert "## Why Western buyers keep coming" in body.split("\n")
    assert body.startswith("Boston-based Halcyon Bio has agreed to pay Jinhe Therapeutics $85m upfront")
    assert "more efficient use of capital than building an ADC platform from scratch.”" in body
    assert "\n\nThe transaction is expected to close in the second quarter" in body
    for furniture in PAGE_FURNITURE:
        assert furniture not in article.markdown, furniture


def test_html_dropped_into_corpus_is_read_by_the_corpus_loader(corpus: Path) -> None:
    shutil.copy(FIXTURES / "licensing-deal.html", corpus / "deal.html")
    document = load_document(corpus, corpus / "deal.html")
    assert document.path == "deal.html"
    assert document.meta.author == "Mei Lin Okafor"
    assert document.meta.published == date(2025, 3, 12)
    assert [s.heading for s in document.sections] == [
        None,
        "Early data in lung cancer",
        "Why Western buyers keep coming",
    ]
    assert "Jinhe reported an objective response rate of 46%" in document.text


def test_html_date_guessed_from_the_text_is_marked_approximate(tmp_path: Path) -> None:
    sentence = "Lanqiao Pharma licensed its T-cell engager to a European buyer for $40m. "
    paragraph = f"<p>{sentence * 4}</p>"
    page = tmp_path / "undated.html"
    page.write_text(
        f"<html><head><title>Lanqiao deal</title></head><body><article><h1>Lanqiao deal</h1>{paragraph}"
        f"<p>The talks began on 5 January 2024 in Basel.</p>{paragraph}</article></body></html>",
        encoding="utf-8",
    )
    article = convert_file(page)
    assert article.meta.published == date(2024, 1, 5) and article.meta.published_approximate
    assert front_matter(article)["published_approximate"] is True
    assert not body_of(article).startswith("# ")  # the headline is in the front matter only


def test_pdf_keeps_page_markers_and_reflows_lines(tmp_path: Path) -> None:
    pdf = tmp_path / "qilu-report.pdf"
    pdf.write_bytes(REPORT_PDF)
    article = convert_file(pdf)
    data = front_matter(article)
    assert data["title"] == "Verdant and Qilu sign obesity licence"
    assert data["author"] == "Research Desk"
    assert data["source"] == "Example Capital"
    assert data["published"] == date(2025, 6, 4)  # the dateline printed on page 1
    body = body_of(article)
    assert body.count("<!-- page 1 -->") == 1 and body.count("<!-- page 2 -->") == 1
    assert body.index("<!-- page 1 -->") < body.index("<!-- page 2 -->")
    # Visual lines joined into one paragraph; a word broken at a line end is mended; real hyphens stay.
    assert (
        "Verdant Pharma has signed an exclusive licence with Qilu Biotech for QL-208, a long-acting GLP-1 "
        "receptor agonist, paying $120m upfront and up to $1.4bn in milestones. The agreement covers all "
        "markets outside Greater China, where Qilu keeps the rights."
    ) in body.split("\n")
    assert "and a PD-1 combination arm is planned" in body
    assert "Phase 2 results" in body.split("\n")
    lines = body.split("\n")
    assert "1" not in lines and "2" not in lines  # page numbers dropped


def test_pdf_in_corpus_gets_page_spans(corpus: Path) -> None:
    (corpus / "qilu-report.pdf").write_bytes(REPORT_PDF)
    document = load_document(corpus, corpus / "qilu-report.pdf")
    assert [number for number, _, _ in document.pages] == [1, 2]
    assert document.page_at(document.text.index("Phase 2 results")) == 1
    assert document.page_at(document.text.index("global phase 3 programme")) == 2
    assert "<!--" not in document.text


def test_pdf_without_metadata_takes_title_from_first_line_and_guesses_no_date(tmp_path: Path) -> None:
    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(make_pdf([["Board memo on partnering", "The board approved the partnering plan for QL-208."]]))
    article = convert_file(pdf)
    assert article.meta.title == "Board memo on partnering"
    assert article.meta.published is None


def test_scanned_pdf_is_refused_with_ocr_hint(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(SCANNED_PDF)
    with pytest.raises(ImportFailedError, match=r"^scan\.pdf has no text layer \(scanned PDF\?\); run OCR first$"):
        convert_file(pdf)


def test_text_file_gets_front_matter_and_title_from_first_line(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "Keystone Bio in-licenses Chinese TCE\n\nKeystone Bio said on 2 February 2025 that it paid $40m "
        "for a T-cell engager from Wuxi-based Lanqiao Pharma.\n",
        encoding="utf-8",
    )
    article = convert_file(path)
    assert article.meta.title == "Keystone Bio in-licenses Chinese TCE"
    assert article.meta.published == date(2025, 2, 2)
    assert body_of(article).startswith("Keystone Bio said on 2 February 2025")
    assert article.suggested_name == "keystone-bio-in-licenses-chinese-tce"

    prose = tmp_path / "untitled_note.txt"
    prose.write_text("This file starts with a full sentence. And goes on.\n", encoding="utf-8")
    assert convert_file(prose).meta.title == "Untitled note"


def test_markdown_is_kept_verbatim_with_added_date_filled_in(tmp_path: Path) -> None:
    original = SEED.read_text(encoding="utf-8")
    without_added = "\n".join(line for line in original.split("\n") if not line.startswith("added:"))
    path = tmp_path / "outlook.md"
    path.write_text(without_added, encoding="utf-8")
    article = convert_file(path)
    assert front_matter(article)["added"] == date.today()
    assert "# Approximate: the text says" in article.markdown  # YAML comments survive
    assert article.markdown.split("\n---\n", 1)[1] == without_added.split("\n---\n", 1)[1]
    kept = tmp_path / "kept.md"
    kept.write_text(original, encoding="utf-8")
    assert convert_file(kept).markdown == original  # nothing missing, nothing changed

    bare = tmp_path / "bare-notes.md"
    bare.write_text("## Pipeline\n\nA paragraph about licensing deals in 2025.\n", encoding="utf-8")
    converted = convert_file(bare)
    assert front_matter(converted)["title"] == "Pipeline"
    assert body_of(converted).startswith("## Pipeline")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("deal.docx", b"PK\x03\x04", r"^deal\.docx has an unsupported type '\.docx' \(supported: "),
        ("empty.txt", b"", r"^empty\.txt is empty$"),
        ("blank.md", b"  \n\n", r"^blank\.md is empty$"),
        (
            "latin.txt",
            "Zürich deal".encode("latin-1"),
            r"^latin\.txt is not valid UTF-8 \(byte 0xfc at offset 1\)",
        ),
        ("page.html", (FIXTURES / "no-article.html").read_bytes(), r"^no article text found in page\.html$"),
        ("broken.pdf", b"%PDF-1.4\nthis is not a pdf", r"^broken\.pdf is not a readable PDF \("),
    ],
)
def test_bad_files_fail_with_one_line_naming_the_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFailedError, match=message) as failure:
        convert_file(path)
    assert "\n" not in str(failure.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFailedError, match=r"^no such file: .*gone\.html$"):
        convert_file(tmp_path / "gone.html")
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(ImportFailedError, match=r"folder\.md is a folder"):
        convert_file(tmp_path / "folder.md")


# --------------------------------------------------------------------------------------------------
# URLs


def test_url_follows_redirect_and_records_final_url(server: str) -> None:
    article = fetch_url(f"{server}/old-link")
    assert article.origin == f"{server}/old-link"
    assert article.meta.url == f"{server}/news/licensing-deal.html"
    assert front_matter(article)["url"] == f"{server}/news/licensing-deal.html"
    assert article.meta.author == "Mei Lin Okafor"
    assert article.meta.published == date(2025, 3, 12)
    assert "## Early data in lung cancer" in article.markdown
    for furniture in PAGE_FURNITURE:
        assert furniture not in article.markdown, furniture


def test_url_pdf_and_markdown(server: str) -> None:
    pdf = fetch_url(f"{server}/report.pdf")
    assert pdf.meta.title == "Verdant and Qilu sign obesity licence"
    assert "<!-- page 2 -->" in pdf.markdown and pdf.meta.url == f"{server}/report.pdf"
    notes = fetch_url(f"{server}/notes.md")  # served as text/plain, recognised by its .md path
    assert notes.meta.title == "Weekly notes" and front_matter(notes)["url"] == f"{server}/notes.md"


def refused(call: Callable[[], object]) -> str:
    with pytest.raises(ImportFailedError) as failure:
        call()
    message = str(failure.value)
    assert "\n" not in message
    return message


def test_url_failures_have_clear_messages(server: str) -> None:
    assert refused(lambda: fetch_url(f"{server}/missing")) == f"HTTP 404 Not Found for {server}/missing"
    assert refused(lambda: fetch_url(f"{server}/logo.png")).startswith(
        f"unsupported content type image/png for {server}/logo.png"
    )
    assert refused(lambda: fetch_url(f"{server}/loop-a")) == f"too many redirects (more than 5) for {server}/loop-a"
    assert refused(lambda: fetch_url(f"{server}/scanned.pdf")) == (
        f"{server}/scanned.pdf has no text layer (scanned PDF?); run OCR first"
    )
    assert refused(lambda: fetch_url(f"{server}/no-article.html")) == (
        f"no article text found in {server}/no-article.html"
    )
    assert refused(lambda: fetch_url("ftp://example.com/deal.pdf")).startswith("unsupported URL scheme 'ftp'")
    assert refused(lambda: fetch_url("file:///etc/passwd")).startswith("unsupported URL scheme 'file'")


def test_url_timeout(server: str) -> None:
    started = time.monotonic()
    assert refused(lambda: fetch_url(f"{server}/slow", timeout=0.3)) == f"timed out after 0.3 s fetching {server}/slow"
    assert time.monotonic() - started < 1.45  # the server answers only after 1.5 s


def test_url_size_cap_while_streaming(server: str) -> None:
    message = refused(lambda: fetch_url(f"{server}/huge", max_bytes=1_000_000))
    assert message == f"response from {server}/huge is larger than 1 MB"


def test_url_size_cap_from_content_length_reads_no_body(server: str) -> None:
    # With the real 20 MB default: refused from the header alone (reading would stall until the timeout).
    started = time.monotonic()
    message = refused(lambda: fetch_url(f"{server}/huge-advertised", timeout=2.0))
    assert message == f"response from {server}/huge-advertised is larger than 20 MB"
    assert time.monotonic() - started < 1.9  # reading the body would take the 2 s timeout


def test_url_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert refused(lambda: fetch_url(f"http://127.0.0.1:{port}/x", timeout=2)).startswith(
        "could not connect to host: 127.0.0.1"
    )


# --------------------------------------------------------------------------------------------------
# add_articles


def test_add_writes_good_sources_and_nothing_for_bad_or_duplicate_ones(
    server: str, corpus: Path, tmp_path: Path
) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCANNED_PDF)
    report = tmp_path / "qilu-report.pdf"
    report.write_bytes(REPORT_PDF)
    sources = [
        f"{server}/news/licensing-deal.html",
        f"{server}/old-link",  # the same page again
        f"{server}/syndicated.html",  # another title, an ad paragraph, trimmed
        f"{server}/logo.png",
        f"{server}/missing",
        f"{server}/loop-a",
        f"{server}/no-article.html",
        str(scan),
        str(tmp_path / "does-not-exist.md"),
        str(report),
        str(SEED),  # already in the corpus
    ]
    results = add_articles(sources, corpus)
    assert [r.origin for r in results] == sources
    assert [r.status for r in results] == [
        "added", "duplicate", "duplicate", "failed", "failed", "failed", "failed", "failed", "failed",
        "added", "duplicate",
    ]  # fmt: skip
    deal = results[0].path
    assert deal == "halcyon-bio-licenses-bispecific-adc-from-suzhous-jinhe-therapeutics-in-1-9bn.md"
    assert results[1].duplicate_of == deal and results[1].similarity == 1.0
    assert results[2].duplicate_of == deal and 0.6 < (results[2].similarity or 0) < 1.0
    assert results[3].message.startswith("unsupported content type image/png")
    assert results[4].message == f"HTTP 404 Not Found for {server}/missing"
    assert results[7].message == "scan.pdf has no text layer (scanned PDF?); run OCR first"
    assert results[8].message.startswith("no such file:")
    assert results[9].path == "verdant-and-qilu-sign-obesity-licence.md"
    assert results[10].duplicate_of == SEED.name and results[10].similarity == 1.0
    for result in results:
        assert "\n" not in result.message
        assert (result.path is not None) == (result.status == "added")

    assert corpus_files(corpus) == {SEED.name, deal, "verdant-and-qilu-sign-obesity-licence.md"}
    written = load_document(corpus, corpus / deal)
    assert written.meta.url == f"{server}/news/licensing-deal.html"
    assert written.meta.author == "Mei Lin Okafor" and written.meta.published == date(2025, 3, 12)
    pdf = load_document(corpus, corpus / "verdant-and-qilu-sign-obesity-licence.md")
    assert [number for number, _, _ in pdf.pages] == [1, 2]
    assert pdf.page_at(pdf.text.index("Jinan plant")) == 2

    again = add_articles([f"{server}/syndicated.html"], corpus)  # a later call sees what was written
    assert again[0].status == "duplicate" and again[0].duplicate_of == deal


def test_add_neutralises_path_traversal_in_titles(corpus: Path, tmp_path: Path) -> None:
    sources = []
    for i, title in enumerate(["../../etc/passwd", "/etc/shadow", "*** / ***", "C:\\Windows\\system32", "CON"]):
        path = tmp_path / f"evil{i}.txt"
        path.write_text(f"{title}\n\nArticle {i} says something different: {'lorem ' * i} ipsum.\n", encoding="utf-8")
        sources.append(str(path))
    results = add_articles(sources, corpus)
    assert [r.status for r in results] == ["added"] * 5
    names = [r.path for r in results]
    assert names == [
        "etc-passwd.md",
        "etc-shadow.md",
        "article.md",
        "c-windows-system32.md",
        "con-article.md",
    ]
    for name in names:
        assert name is not None and (corpus / name).resolve().parent == corpus.resolve()
    assert not (tmp_path / "etc").exists()
    assert corpus_files(corpus) == {SEED.name, *(n for n in names if n)}  # no temp files left behind


def test_add_never_overwrites_an_article_with_the_same_title(corpus: Path, tmp_path: Path) -> None:
    first, second, third = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    first.write_text(
        "China innovative medicines outlook\n\nHengrui licensed a PD-1 bispecific to a US start-up for "
        "$160m upfront, citing faster enrolment in Chinese trials and a thin competitive field.\n",
        encoding="utf-8",
    )
    second.write_text(
        "China innovative medicines outlook\n\nA separate report counts 94 out-licensing deals by Chinese "
        "companies in the first half, led by antibody-drug conjugates and GLP-1 agonists.\n",
        encoding="utf-8",
    )
    third.write_text(second.read_text(encoding="utf-8"), encoding="utf-8")
    before = SEED.read_bytes()
    results = add_articles([str(first), str(second), str(third)], corpus)
    assert [r.status for r in results] == ["added", "added", "duplicate"]
    assert [r.path for r in results[:2]] == [
        "china-innovative-medicines-outlook-2.md",
        "china-innovative-medicines-outlook-3.md",
    ]
    assert results[2].duplicate_of == "china-innovative-medicines-outlook-3.md"
    assert (corpus / SEED.name).read_bytes() == before
    assert "Hengrui" in (corpus / "china-innovative-medicines-outlook-2.md").read_text(encoding="utf-8")
    assert "94 out-licensing" in (corpus / "china-innovative-medicines-outlook-3.md").read_text(encoding="utf-8")


def test_add_creates_the_corpus_folder_and_survives_a_broken_corpus_file(tmp_path: Path) -> None:
    folder = tmp_path / "new-corpus"
    results = add_articles([str(FIXTURES / "licensing-deal.html")], folder)
    assert results[0].status == "added"
    (folder / "junk.pdf").write_bytes(b"%PDF-1.4 garbage")  # unreadable: skipped by the duplicate check
    again = add_articles([str(FIXTURES / "syndicated-copy.html")], folder)
    assert again[0].status == "duplicate" and again[0].duplicate_of == results[0].path


# --------------------------------------------------------------------------------------------------
# Helpers


def test_slugify_is_safe_short_and_never_empty() -> None:
    assert slugify("Zürich’s BeiGene: $2bn deal — «phase 3»") == "zurichs-beigene-2bn-deal-phase-3"
    assert slugify("恒瑞医药") == "article"
    assert slugify("") == "article"
    long = slugify("word " * 60)
    assert len(long) <= 80 and not long.endswith("-") and long.startswith("word-word")
    assert all(ch.isalnum() or ch == "-" for ch in slugify('../../a/b\\c:d*e?f|g<h>i"j'))


def test_reflow_joins_lines_and_splits_paragraphs() -> None:
    text = (
        "Results\n"
        "The licence gives Northbridge Therapeutics the rights outside China to the anti-\n"
        "body and its follow-on molecules, with royalties in the low double digits.\n"
        "Short last line.\n"
        "A second paragraph starts here and it is long enough to count as a full line of text,\n"
        "and it ends on this line.\n"
    )
    assert reflow_pdf_text(text).split("\n\n") == [
        "Results",
        "The licence gives Northbridge Therapeutics the rights outside China to the antibody and its "
        "follow-on molecules, with royalties in the low double digits. Short last line.",
        "A second paragraph starts here and it is long enough to count as a full line of text, and it ends "
        "on this line.",
    ]


def test_find_duplicate_separates_copies_from_other_articles() -> None:
    seed_body = SEED.read_text(encoding="utf-8").split("---", 2)[2]
    other = (FIXTURES / "licensing-deal.html").read_text(encoding="utf-8")
    existing = {"seed.md": seed_body, "other.md": other}
    trimmed = "\n".join(line for i, line in enumerate(seed_body.split("\n")) if i % 4 != 1)
    found = find_duplicate("# A new headline\n\n" + trimmed.replace("’", "'"), existing)
    assert found is not None and found[0] == "seed.md" and found[1] > 0.8
    assert find_duplicate("A different story about a Korean biosimilar approval in Europe.", existing) is None
    assert shingles("The  deal, signed\nin 2025!") == shingles("the deal signed in 2025")


def test_add_reports_an_unexpected_converter_error_and_goes_on(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.importers as importers

    real = importers.convert_file

    def flaky(path: Path) -> ImportedArticle:
        if path.name == "odd.html":
            raise RuntimeError("lxml exploded\nwith a second line")
        return real(path)

    monkeypatch.setattr(importers, "convert_file", flaky)
    odd = tmp_path / "odd.html"
    odd.write_text("<html></html>", encoding="utf-8")
    results = add_articles([str(odd), str(FIXTURES / "licensing-deal.html")], corpus)
    assert [r.status for r in results] == ["failed", "added"]
    assert results[0].message == f"{odd} could not be converted (RuntimeError: lxml exploded)"


def test_add_refuses_a_corpus_path_that_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "corpus"
    not_a_folder.write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="is not a folder"):
        add_articles([str(FIXTURES / "licensing-deal.html")], not_a_folder)
