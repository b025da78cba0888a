"""The CLI as a user runs it: subprocesses with real arguments, exit codes, JSON, plain output, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.models import Answer, DocumentInfo, IndexStatus
from tests.conftest import SEED_CORPUS, assistant_cmd, cli_env

ANSWER_KEYS = {"question", "answer", "abstained", "sentences", "citations", "seconds"}
CITATION_KEYS = {"id", "document", "title", "section", "text", "start", "end", "score"}


def run(
    settings: Settings | None, *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        assistant_cmd(*args),
        env=cli_env(settings, **env),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_help_explains_every_command() -> None:
    proc = run(None, "--help")
    assert proc.returncode == 0
    for command in ("index", "add", "status", "list", "ask", "eval", "chat"):
        assert command in proc.stdout
    ask_help = run(None, "ask", "--help").stdout
    assert "--json" in ask_help and "Exit status" in ask_help and "--since" in ask_help


def test_index_json_twice(seed_copy: Settings) -> None:
    (seed_copy.corpus_dir / "extra.md").write_text(
        "---\ntitle: Extra\n---\n\nHengrui licensed a bispecific antibody for $150m upfront.\n", encoding="utf-8"
    )
    first = run(seed_copy, "index", "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    for key in ("added", "updated", "removed", "unchanged", "skipped", "chunks_embedded", "chunks_total"):
        assert key in report
    assert report["added"] == 1 and report["chunks_embedded"] >= 1 and report["documents_total"] == 2
    second = json.loads(run(seed_copy, "index", "--json").stdout)
    assert second["chunks_embedded"] == 0 and second["unchanged"] == 2
    assert second["seconds"] < 1.5


def test_status_and_list(seed_copy: Settings) -> None:
    status = IndexStatus.model_validate_json(run(seed_copy, "status", "--json").stdout)
    assert status.exists and status.documents == 1 and not status.changes.any
    (seed_copy.corpus_dir / "new.md").write_text("---\ntitle: New\n---\n\nA new article.\n", encoding="utf-8")
    status = IndexStatus.model_validate_json(run(seed_copy, "status", "--json").stdout)
    assert status.changes.new == ["new.md"]
    plain = run(seed_copy, "status").stdout
    assert "1 new, 0 changed, 0 deleted" in plain
    docs = [DocumentInfo.model_validate(d) for d in json.loads(run(seed_copy, "list", "--json").stdout)]
    assert docs[0].meta.source == "Pharmaceutical Technology (GlobalData)" and docs[0].passages >= 8


def test_ask_json_is_one_answer_per_line_and_a_conversation(seed_index: Settings) -> None:
    proc = run(
        seed_index,
        "ask",
        "--json",
        "Which therapy area was the focus of licensing agreements in 2025?",
        "And immunology?",
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().split("\n")
    assert len(lines) == 2
    for line in lines:
        data = json.loads(line)
        assert set(data) >= ANSWER_KEYS
        Answer.model_validate(data)
        for sentence in data["sentences"]:
            assert {"text", "citations"} <= set(sentence)
        for citation in data["citations"]:
            assert set(citation) >= CITATION_KEYS
    assert json.loads(lines[1])["query"] != "And immunology?"


def test_ask_exit_status_is_1_when_the_corpus_has_no_answer(seed_index: Settings) -> None:
    proc = run(seed_index, "ask", "--json", "Who won the last football World Cup?")
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["abstained"] is True


def test_ask_reads_stdin_and_plain_output_has_no_escape_codes(seed_index: Settings) -> None:
    proc = run(seed_index, "ask", "-", stdin="How much is AstraZeneca's agreement with CSPC worth?\n")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout
    assert "$5.3bn" in proc.stdout and "[1]" in proc.stdout and "Sources:" in proc.stdout


def test_ask_builds_a_missing_index_first(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    proc = run(settings, "ask", "--json", "How much is AstraZeneca's agreement with CSPC worth?")
    assert proc.returncode == 0, proc.stderr
    assert "building it now" in proc.stderr
    assert "$5.3bn" in json.loads(proc.stdout)["answer"]


def test_ask_filters(seed_index: Settings) -> None:
    proc = run(seed_index, "ask", "--json", "--since", "2026-06-01", "Novartis Argo deal")
    assert proc.returncode == 1 and "No article matches the filters" in proc.stdout
    proc = run(seed_index, "ask", "--json", "--doc", "china-innovative-medicines-outlook.md", "Novartis Argo deal")
    assert proc.returncode == 0 and "$5.36bn" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("index", "--corpus", "/nonexistent/corpus"), "error: corpus folder /nonexistent/corpus does not exist"),
        (("ask", "--since", "last week", "x"), "error: --since takes a date as YYYY-MM-DD"),
        (("ask", "--top-k", "0", "x"), "error: invalid setting top_k"),
        (("eval", "/nonexistent"), "error: /nonexistent is neither a BEIR folder nor a question file"),
        (("ask",), "Missing argument"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(seed_index: Settings, args: tuple[str, ...], message: str) -> None:
    proc = run(seed_index, *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_ask_with_an_index_of_another_chunker_names_the_command(seed_index: Settings) -> None:
    proc = run(seed_index, "ask", "x", ASSISTANT_CHUNK_TOKENS="96")
    assert proc.returncode == 2
    assert "run `assistant index`" in proc.stderr and proc.stderr.count("\n") == 1


def test_add_a_file_then_the_same_again(seed_copy: Settings, tmp_path: Path) -> None:
    article = tmp_path / "hengrui.md"
    article.write_text(
        "---\ntitle: Hengrui licenses a bispecific\npublished: 2026-01-20\n---\n\n"
        + " ".join(
            f"Sentence {i}: Jiangsu Hengrui licensed its PD-1/VEGF bispecific antibody to a European partner."
            for i in range(12)
        )
        + "\n",
        encoding="utf-8",
    )
    first = run(seed_copy, "add", str(article))
    assert first.returncode == 0, first.stderr
    assert "added" in first.stdout and "2 documents" in first.stdout
    second = run(seed_copy, "add", "--json", str(article))
    data = json.loads(second.stdout)
    assert data["results"][0]["status"] == "duplicate"
    assert len(list(seed_copy.corpus_dir.glob("*.md"))) == 2


def test_add_a_missing_file_fails_cleanly(seed_copy: Settings, tmp_path: Path) -> None:
    proc = run(seed_copy, "add", str(tmp_path / "missing.pdf"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    assert len(list(seed_copy.corpus_dir.iterdir())) == 1


def test_deals_and_people(seed_index: Settings) -> None:
    deals = json.loads(run(seed_index, "deals", "--json").stdout)
    assert [d["deal"] for d in deals] == [
        "Novartis–Argo Biopharmaceutical",
        "AstraZeneca–CSPC Pharmaceutical",
        "Zenas Biopharma–InnoCare Pharma",
    ]
    assert deals[0]["value"] == 5.36e9 and deals[0]["currency"] == "USD" and deals[0]["year"] == 2025
    assert "$5.36bn" in deals[0]["sources"][0]["text"]
    csv_out = run(seed_index, "deals", "--csv", "--sort", "deal").stdout.splitlines()
    assert csv_out[0].startswith("deal,value,currency") and csv_out[1].startswith("AstraZeneca")
    people = json.loads(run(seed_index, "people", "--json").stdout)
    cui = next(p for p in people if p["name"] == "Cui Cui")
    assert any("noise" in v["text"] for v in cui["views"])
    assert run(seed_index, "deals", "--sort", "size").returncode == 2


def test_aggregate_questions_are_answered_from_facts_with_arithmetic(seed_index: Settings) -> None:
    proc = run(seed_index, "ask", "--json", "total value of the 2025 deals named", "Who said BIOSECURE is noise?")
    total, who = (json.loads(line) for line in proc.stdout.strip().split("\n"))
    assert "$5.36bn + $5.3bn + $2bn = $12.66bn" in total["answer"]
    assert total["sentences"][0]["kind"] == "fact" and total["citations"][0]["text"].count("$") == 3
    assert "Cui Cui" in who["answer"]


def test_eval_scores_a_folder_of_question_files_together_and_one_by_one(seed_index: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    folder.mkdir()
    deal = {"question": "How much is AstraZeneca's agreement with CSPC worth?", "keywords": ["$5.3bn"]}
    (folder / "one.jsonl").write_text(json.dumps(deal) + "\n", encoding="utf-8")
    (folder / "two.jsonl").write_text(json.dumps({"question": "Who won the World Cup?", "unanswerable": True}) + "\n")
    proc = run(seed_index, "eval", "--json", str(folder))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["questions"] == 2 and set(result["files"]) == {"one.jsonl", "two.jsonl"}
    assert result["keyword_rate"] == 1.0 and result["unanswerable_refused"] == 1.0
    text = run(seed_index, "eval", str(folder)).stdout
    assert "one.jsonl" in text and "two.jsonl" in text
    (folder / "one.jsonl").unlink()
    (folder / "two.jsonl").unlink()
    proc = run(seed_index, "eval", str(folder))
    assert proc.returncode == 2 and "holds no question files" in proc.stderr


def test_ask_notes_a_stale_index_and_a_missing_corpus_folder(seed_copy: Settings, tmp_path: Path) -> None:
    question = "What was the Novartis Argo deal worth?"
    fresh = run(seed_copy, "ask", question)
    assert fresh.returncode == 0 and "warning" not in fresh.stderr
    (seed_copy.corpus_dir / "unindexed.md").write_text(
        "---\ntitle: Not indexed yet\n---\n\nAn article added to the folder after the index was built.\n"
    )
    stale = run(seed_copy, "ask", question)
    assert stale.returncode == 0 and "$5.36bn" in stale.stdout  # still answers from the index
    assert "1 article" in stale.stderr and "assistant index" in stale.stderr and len(stale.stderr.splitlines()) == 1
    missing = run(seed_copy, "ask", "--corpus", str(tmp_path / "nowhere"), question)
    assert missing.returncode == 0 and "no corpus folder" in missing.stderr


@pytest.mark.parametrize("how", ["window closed", "SIGHUP"])
def test_the_chat_quits_when_its_terminal_goes_away(seed_index: Settings, how: str) -> None:
    """A closed terminal window or a dropped SSH session must not leave the chat running (and busy) against
    a dead terminal: closing the terminal's other end, or a hang-up signal, ends it."""
    import os
    import pty
    import signal
    import time

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        assistant_cmd("chat"),
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=cli_env(seed_index, TERM="xterm-256color", COLUMNS="100", LINES="30"),
        start_new_session=True,  # no controlling terminal: closing the window sends no SIGHUP
    )
    os.close(slave)
    shown = b""
    deadline = time.monotonic() + 60
    while b"Ready" not in shown and time.monotonic() < deadline and proc.poll() is None:
        try:
            shown += os.read(master, 65536)
        except OSError:
            break
    try:
        assert b"Ready" in shown, shown[-500:]
        if how == "SIGHUP":
            proc.send_signal(signal.SIGHUP)
        else:
            os.close(master)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
        if how == "SIGHUP":
            os.close(master)
    assert proc.returncode == 0  # it quit, cleanly (not killed by the signal)
