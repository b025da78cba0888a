"""Reading articles: metadata, web-debris cleaning that keeps every article sentence, one reason per bad file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.corpus import clean_body, load_document, read_text
from assistant.errors import ArticleError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "china-innovative-medicines-outlook.md"
SHARED_SEED = ROOT.parent / "shared" / "corpus" / "china-innovative-medicines-outlook.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"

SEED_DEBRIS = [
    "Discover B2B Marketing That Performs",
    "Combine business intelligence and editorial excellence",
    "US Tariffs are shifting - will you react or anticipate?",
    "Don’t let policy changes catch you off guard.",
    "Stay proactive with real-time data and expert analysis.",
    "By GlobalData",
]


def test_seed_article_metadata() -> None:
    doc = load_document(SEED.parent, SEED)
    assert doc.path == "china-innovative-medicines-outlook.md"
    assert doc.meta.source == "Pharmaceutical Technology (GlobalData)"
    assert doc.meta.published is not None and doc.meta.published.isoformat().startswith("2025-12")
    assert doc.meta.published_approximate is True
    assert [s.heading for s in doc.sections] == [
        None,
        "High-value deals become more commonplace",
        "Oncology deals set the precedent",
        "Addressing BIOSECURE’s implications",
        "Independence in sight, but more work ahead",
    ]


def test_seed_debris_removed_and_every_article_sentence_kept() -> None:
    doc = load_document(SEED.parent, SEED)
    for debris in SEED_DEBRIS:
        assert debris not in doc.text
    assert "As deals between the West and China continue to grab headlines" in doc.text
    source_lines = SEED.read_text(encoding="utf-8").split("---", 2)[2].split("\n")
    kept = [ln for ln in source_lines if ln.strip() and not any(d in ln for d in SEED_DEBRIS)]
    assert len(kept) == 34  # 4 headings + 30 paragraphs; the glued byline line is checked above
    for line in kept:
        assert line.strip() in doc.text, line


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="shared corpus not beside the checkout")
def test_corpus_copy_is_the_shared_article() -> None:
    """The Markdown in corpus/ is the shared article plus front matter and heading marks, nothing else."""
    original = [ln.strip() for ln in SHARED_SEED.read_text(encoding="utf-8").split("\n") if ln.strip()]
    body = SEED.read_text(encoding="utf-8").split("---", 2)[2]
    ours = [ln.strip().removeprefix("## ") for ln in body.split("\n") if ln.strip()]
    assert ours == original


def test_debris_rule_generalises_to_other_ad_boxes() -> None:
    text = (FIXTURES / "promo-laden.txt").read_text(encoding="utf-8")
    clean = clean_body(text)
    for debris in (
        "Subscribe to our daily newsletter",
        "delivered to your inbox",
        "Sign up for free webinars",
        "Read more:",
        "By Pharma Insights",
        "Are you ready",
        "Download our free report",
    ):
        assert debris not in clean, debris
    for kept in (
        "Hengrui licenses bispecific to European partner",
        "it had licensed a PD-1/VEGF bispecific antibody",
        "upfront payment of $150m",
        "“You cannot ignore the speed of Chinese biotech any more,” one banker said.",
        "Analysts expect more bispecific deals in 2026.",
        "The European partner will handle development outside Greater China.",
    ):
        assert kept in clean, kept


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.md", b"", "is empty"),
        ("blank.txt", b"  \n\n\t\n", "has no text"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Caf\xe9 deal".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("only-front.md", b"---\ntitle: x\n---\n\n", "no article text"),
        (
            "bad-yaml.md",
            b"---\ntitle: [unclosed\n---\nBody text here.\n",
            "front matter that is not valid YAML",
        ),
        ("image.png", b"PNGDATA", "unsupported type"),
    ],
)
def test_bad_files_get_one_clear_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(ArticleError) as info:
        load_document(tmp_path, path)
    message = str(info.value)
    assert reason in message
    assert "\n" not in message


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20_000_000)
    with pytest.raises(ArticleError, match=r"20\.0 MB, over the 10 MB limit"):
        read_text(path, 10_000_000)


def test_vanished_and_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ArticleError, match="vanished"):
        read_text(tmp_path / "gone.md", 1000)
    path = _write(tmp_path, "secret.md", b"Some text.")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: simulate the permission error the OS would raise

        def deny(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(ArticleError, match="permission denied"):
        read_text(path, 1000)


def test_plain_text_headings_become_sections(tmp_path: Path) -> None:
    doc = load_document(FIXTURES, FIXTURES / "promo-laden.txt")
    assert doc.meta.title == "Promo laden"
    assert doc.sections[0].heading == "Hengrui licenses bispecific to European partner"


def test_a_long_paragraph_that_mentions_advertising_is_kept() -> None:
    paragraph = (
        "Regulators said the company's advertising and sponsored content rules for prescription drugs "
        "would apply to subscribers of its patient platform, which now counts more than two million users "
        "across China; the licensing deal announced on Monday includes those rights, the company said, "
        "and the partner will pay an upfront fee of $80m with milestones tied to approvals. All rights "
        "reserved by the original rights holders remain unaffected by the agreement."
    )
    assert paragraph in clean_body(paragraph + "\nSubscribe to our newsletter\n")
    assert "Subscribe to our newsletter" not in clean_body(paragraph + "\nSubscribe to our newsletter\n")
