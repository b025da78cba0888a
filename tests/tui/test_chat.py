"""The chat, driven with Pilot over the real engine (real model, real index) on a private corpus copy."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from textual.strip import Strip
from textual.widgets import Static

from assistant.config import Settings
from assistant.engine import Engine
from assistant.errors import AssistantError
from assistant.indexer import update_index
from assistant.render import answer_plain
from assistant.tui.app import ChatApp
from assistant.tui.screens.article import ArticleScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.citation_item import CitationItem
from assistant.tui.widgets.conversation import ConversationView
from assistant.tui.widgets.pending import PendingAnswer
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.sources import SourcesPanel
from assistant.tui.widgets.status_bar import StatusBar

pytestmark = pytest.mark.slow

NEW_ARTICLE = """---
title: "Zorblax licenses ZX-101 to Quentara"
published: 2026-01-05
source: Test Wire
---

Zorblax Therapeutics licensed its bispecific antibody ZX-101 to Quentara Pharma for $900m upfront.
The deal gives Quentara rights outside Greater China.
"""

HOSTILE_ARTICLE = (
    "---\n"
    'title: "Hostile [bold red]markup[/] title \\x1b[31m"\n'
    "published: 2026-02-01\n"
    "source: Test Wire\n"
    "---\n\n"
    "Vexillar Biotech licensed the peptide VX-9 to Harbourline Pharma for $42m upfront, "
    "a filing said, quoting [bold red]not bold[/] and [link=https://evil.example]a link[/link] verbatim.\n"
    "The filing also held \x1b[31mred text\x1b[0m and \x1b]52;c;ZXZpbA==\x07 sequences.\n"
)


def rendered(widget: Static) -> str:
    """The text of the strips the widget sends to the terminal."""
    strips: list[Strip] = widget.render_lines(widget.content_region.reset_offset)
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def status_text(app: ChatApp) -> str:
    return str(app.query_one("#status-text", Static).render())


# ---------------------------------------------------------------------------------------------------
async def test_answer_with_markers_and_sources(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        message = await ui.ask(pilot, "Which modalities are Western dealmakers buying from China?")
        assert not message.answer.abstained
        assert "[1]" in str(message.render())
        items = list(app.query(CitationItem))
        assert len(items) == len(message.answer.citations) >= 1
        assert "Sources" in str(app.query_one("#sources .heading", Static).render())
        first = items[0].citation
        assert first.title in rendered(items[0].query_one(".title", Static))
        assert "15 Dec 2025" in rendered(items[0].query_one(".meta", Static))
        # The cited sentences are highlighted inside the passage.
        passage = items[0].query_one(".passage", Static).render()
        assert any("warning-muted" in str(span.style) for span in passage.spans)  # type: ignore[union-attr]
        assert "1 article · 12 passages · index up to date" in status_text(app)


async def test_open_citation_by_number_and_by_enter(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        message = await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        citation = message.answer.citations[0]

        await pilot.press("escape")  # from the prompt to the answers
        assert app.focused is app.query_one(ConversationView)
        await pilot.press("1")
        await ui.wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article screen")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        cited = list(screen.query(".block.-cited"))
        assert cited, "the passage is marked"
        shown = "".join(str(block.render()) for block in cited)
        for s, e in citation.sentence_spans:
            assert " ".join(screen.document.text[s:e].split()) in " ".join(shown.split())
        spans = [span for block in cited for span in block.render().spans]  # type: ignore[union-attr]
        assert any("primary-muted" in str(span.style) for span in spans), "passage highlighted"
        assert any("warning-muted" in str(span.style) for span in spans), "cited sentences highlighted"
        # Scrolled so the passage is in view.
        body = screen.query_one("#article-body")
        assert body.scroll_offset.y > 0 or cited[0].region.y < body.region.bottom
        assert cited[0].region.y >= body.region.y and cited[0].region.y < body.region.bottom

        await pilot.press("escape")
        await ui.wait_for(pilot, lambda: not isinstance(app.screen, ArticleScreen), "the chat again")

        # Enter in the sources list opens the highlighted source.
        app.query_one(SourcesPanel).list.focus()
        await pilot.press("enter")
        await ui.wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article from Enter")
        assert app.screen.citation == citation  # type: ignore[attr-defined]
        await pilot.press("escape")
        await ui.wait_for(pilot, lambda: not isinstance(app.screen, ArticleScreen), "the chat again")


async def test_follow_up_uses_the_conversation(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        follow = await ui.ask(pilot, "And immunology?")
        assert len(app.conversation.turns) == 2
        assert follow.answer.query != "And immunology?", "the follow-up was resolved against the first question"
        assert not follow.answer.abstained
        assert "immunology" in follow.answer.answer.lower()
        assert "searched as:" in str(follow.render())
        # The newest answer is selected and its sources shown.
        assert app.query_one(SourcesPanel).answer == follow.answer


async def test_question_typed_while_loading_is_answered_when_ready(seed_copy: Settings, ui) -> None:
    release = threading.Event()

    class SlowEngine(Engine):
        def load(self) -> None:
            release.wait(30)
            super().load()

    app = ChatApp(seed_copy, engine=SlowEngine(seed_copy), deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await pilot.press(*"Top deal?", "enter")
        await pilot.pause()
        assert not app.ready
        pending = app.query_one(PendingAnswer)
        assert pending.has_class("-waiting")
        assert "Loading" in status_text(app)
        release.set()
        await ui.wait_for(pilot, lambda: app.query(AnswerMessage), "the queued question's answer")
        assert not app.query(PendingAnswer)
        assert app.query_one(AnswerMessage).answer.question == "Top deal?"


async def test_ctrl_n_starts_a_new_conversation(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        first = app.conversation
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not app.query(AnswerMessage)
        assert app.conversation is not first and not app.conversation.turns
        assert app.query_one(SourcesPanel).answer is None
        assert app.query_one("#welcome").display
        # The next question is not treated as a follow-up.
        message = await ui.ask(pilot, "And immunology?")
        assert message.answer.query == "And immunology?"


async def test_history_recall_with_up_and_down(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        await ui.ask(pilot, "What did Novartis sign?")
        prompt = app.query_one(PromptInput)
        await pilot.press("u", "p")
        await pilot.press("up")
        assert prompt.value == "What did Novartis sign?"
        await pilot.press("up")
        assert prompt.value == "Which therapy area led 2025 licensing agreements?"
        await pilot.press("down", "down")
        assert prompt.value == "up", "the draft comes back"


async def test_export_writes_markdown(seed_copy: Settings, ui, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        message = await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        files = list((tmp_path / "exports").glob("conversation-*.md"))
        assert len(files) == 1
        assert any(str(Path("exports") / files[0].name) in n.message for n in app._notifications)
    text = files[0].read_text(encoding="utf-8")
    assert "## Which therapy area led 2025 licensing agreements?" in text
    assert "[1]" in text
    assert message.answer.citations[0].title in text
    assert "c. 15 Dec 2025" in text
    cited = message.answer.citations[0]
    s, e = cited.sentence_spans[0]
    assert f"> {' '.join(cited.text[s - cited.start : e - cited.start].split())[:60]}" in text


async def test_copy_puts_answer_and_sources_on_the_clipboard(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        message = await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        await pilot.press("ctrl+y")
        assert app.clipboard == answer_plain(message.answer)
        app.copy_to_clipboard("")
        await pilot.press("escape", "c")
        assert app.clipboard == answer_plain(message.answer)


async def test_abstention_looks_different(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        message = await ui.ask(pilot, "What is the weather in Paris tomorrow?")
        assert message.answer.abstained
        assert message.has_class("-abstained") and not message.has_class("-answered")
        assert message.border_title == "No answer"
        assert "nearest passage" in str(message.render())
        panel = app.query_one(SourcesPanel)
        assert panel.has_class("-nearest")
        assert "Nearest passages — they do not answer" in str(panel.query_one(".heading", Static).render())
        assert all(item.has_class("-nearest") for item in panel.query(CitationItem))


async def test_ctrl_r_indexes_a_new_article(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        (seed_copy.corpus_dir / "zorblax.md").write_text(NEW_ARTICLE, encoding="utf-8")
        app.check_status()
        await ui.wait_for(pilot, lambda: "1 new — Ctrl+R to update" in status_text(app), "the change to show")
        await pilot.press("ctrl+r")
        await ui.wait_for(pilot, lambda: not app.indexing, "the index update")
        await ui.wait_for(pilot, lambda: "2 articles" in status_text(app), "the new count")
        assert "index up to date" in status_text(app)
        assert app.query_one(StatusBar).progress is None
        message = await ui.ask(pilot, "What did Zorblax license to Quentara?")
        assert any(c.document == "zorblax.md" for c in message.answer.citations)


async def test_markup_and_escape_sequences_are_shown_inert(seed_copy: Settings, ui) -> None:
    (seed_copy.corpus_dir / "hostile.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    update_index(seed_copy)
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        message = await ui.ask(pilot, "What did Vexillar Biotech license to Harbourline Pharma?")
        number = next(c.id for c in message.answer.citations if c.document == "hostile.md")
        title = rendered(list(app.query(CitationItem))[number - 1].query_one(".title", Static))
        assert "Hostile [bold red]markup[/] title" in title and "\x1b" not in title
        await pilot.press("escape", str(number))
        await ui.wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article screen")
        await pilot.pause()
        screen = app.screen
        text = "\n".join(rendered(block) for block in screen.query(".block"))  # type: ignore[arg-type]
        assert "[bold red]not bold[/]" in text
        assert "[link=https://evil.example]a link[/link]" in text
        assert "␛[31mred text␛[0m" in text
        assert "␛]52;c;ZXZpbA==\\x07" in text
        assert "\x1b" not in text and "\x07" not in text
        # Nothing on the whole screen carries a raw control character to the terminal.
        whole = ui.screen_text(pilot)
        assert "\x1b" not in whole and "\x07" not in whole
        assert "Hostile [bold red]markup[/] title ␛[31m" in whole
        # And no style came out of the article's markup (no bold red, no link).
        for block in screen.query(".block"):
            for strip in block.render_lines(block.content_region.reset_offset):  # type: ignore[attr-defined]
                for segment in strip:
                    assert not (segment.style and segment.style.link)


async def test_help_screen_from_f1_and_question_mark(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Ctrl+S" in ui.screen_text(pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("?")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("w", "h", "y", "?")
        assert not isinstance(app.screen, HelpScreen)
        assert app.query_one(PromptInput).value == "why?"


async def test_every_action_is_in_the_command_palette(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for title in (
            "New conversation",
            "Export conversation",
            "Copy answer",
            "Update index",
            "Toggle dark / light",
            "Help",
            "Open source [1]",
        ):
            assert title in titles
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark


async def test_narrow_terminal_stacks_sources_under_the_conversation(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_ready(pilot)
        assert app.screen.has_class("-narrow")
        assert not app.query_one(SourcesPanel).display, "no empty panel at 80 columns"
        await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        conversation, sources = app.query_one(ConversationView), app.query_one(SourcesPanel)
        assert sources.display
        assert sources.region.y >= conversation.region.bottom
        assert sources.region.width == conversation.region.width
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await ui.wait_ready(pilot)
        await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        conversation, sources = app.query_one(ConversationView), app.query_one(SourcesPanel)
        assert sources.region.x >= conversation.region.right
        assert sources.region.y == conversation.region.y


# -- failures become notifications; the app keeps running --------------------------------------------
async def test_engine_errors_are_notified_not_fatal(seed_copy: Settings, ui) -> None:
    class BrokenEngine(Engine):
        calls = 0

        def ask(self, question, conversation=None, **kwargs):  # type: ignore[no-untyped-def]
            BrokenEngine.calls += 1
            if BrokenEngine.calls == 1:
                raise AssistantError("the index is being rebuilt")
            raise RuntimeError("boom")

    app = ChatApp(seed_copy, engine=BrokenEngine(seed_copy), deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        app.query_one("#prompt").focus()
        await pilot.press(*"first", "enter")
        await ui.wait_for(pilot, lambda: len(app.query(".failure")) == 1, "the first failure")
        await pilot.press(*"second", "enter")
        await ui.wait_for(pilot, lambda: len(app.query(".failure")) == 2, "the second failure")
        messages = [n.message for n in app._notifications]
        assert any("the index is being rebuilt" in m for m in messages)
        assert any("boom" in m for m in messages)
        assert app.is_running and app.asking is None


async def test_missing_index_is_built_automatically(seed_index: Settings, tmp_path: Path, ui) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(seed_index.corpus_dir, corpus)
    index.mkdir()
    # Reuse the exported query encoder so the test does not spend its time re-exporting it.
    for encoder in seed_index.index_dir.glob("encoder-*"):
        shutil.copytree(encoder, index / encoder.name)
    settings = Settings(corpus_dir=corpus, index_dir=index)
    app = ChatApp(settings, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_for(pilot, lambda: app.ready, "the index to be built and loaded", timeout=60)
        assert "1 article · 12 passages · index up to date" in status_text(app)
        assert any("building it" in n.message for n in app._notifications)


async def test_empty_corpus_is_explained(tmp_path: Path, ui) -> None:
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    (tmp_path / "corpus").mkdir()
    app = ChatApp(settings, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_for(pilot, lambda: app._notifications, "a notification")
        assert any("no article" in n.message for n in app._notifications)
        assert "no index and no articles" in status_text(app)
        await pilot.press(*"Anything?", "enter")
        await pilot.pause()
        assert app.query_one(PendingAnswer).has_class("-waiting"), "kept until an index exists"
        assert app.is_running


async def test_clicking_the_example_asks_it(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        await app.run_action("app.ask_example")
        await ui.wait_for(pilot, lambda: app.query(AnswerMessage), "the example's answer")
        assert app.query_one(AnswerMessage).answer.question.startswith("Which modalities")


async def test_an_index_rebuilt_elsewhere_is_picked_up(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        (seed_copy.corpus_dir / "zorblax.md").write_text(NEW_ARTICLE, encoding="utf-8")
        update_index(seed_copy)  # as `assistant index` in another terminal would
        app.check_status()
        await ui.wait_for(pilot, lambda: any("outside the chat" in n.message for n in app._notifications), "notice")
        await ui.wait_for(pilot, lambda: not app.indexing and app.ready, "the engine to reopen the index")
        message = await ui.ask(pilot, "What did Zorblax license to Quentara?")
        assert any(c.document == "zorblax.md" for c in message.answer.citations)


async def test_the_chat_answers_while_the_index_updates(seed_copy: Settings, ui) -> None:
    release = threading.Event()

    class SlowIndexing(Engine):
        def update_index(self, *, full=False, progress=None):  # type: ignore[no-untyped-def]
            release.wait(30)
            return super().update_index(full=full, progress=progress)

    app = ChatApp(seed_copy, engine=SlowIndexing(seed_copy), deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        (seed_copy.corpus_dir / "zorblax.md").write_text(NEW_ARTICLE, encoding="utf-8")
        await pilot.press("ctrl+r")
        assert app.indexing
        message = await ui.ask(pilot, "Which therapy area led 2025 licensing agreements?")
        assert not message.answer.abstained and app.indexing, "answered while the update waits"
        release.set()
        await ui.wait_for(pilot, lambda: not app.indexing, "the update")
        await ui.wait_for(pilot, lambda: "2 articles" in status_text(app), "the new count")


async def test_clicking_a_marker_opens_that_source(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        first = await ui.ask(pilot, "Which modalities are Western dealmakers buying from China?")
        await ui.ask(pilot, "What is the weather in Paris tomorrow?")
        # Find the first answer's "[1]" on screen and click it.
        first.scroll_visible(animate=False, top=True)
        await pilot.pause()
        # render_lines gives the widget's lines from its top-left corner (border included).
        lines = ["".join(s.text for s in strip) for strip in first.render_lines(first.region.reset_offset)]
        x, y = next((line.index("[1]") + 1, y) for y, line in enumerate(lines) if "[1]" in line)
        await pilot.click(first, offset=(x, y))
        await ui.wait_for(pilot, lambda: isinstance(app.screen, ArticleScreen), "the clicked source")
        assert app.screen.citation == first.answer.citations[0]  # type: ignore[attr-defined]


async def test_inline_filters_restrict_the_articles(seed_copy: Settings, ui) -> None:
    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        message = await ui.ask(pilot, "since:2026-06-01 How much is AstraZeneca's agreement with CSPC worth?")
        assert message.answer.abstained and "No article matches the filters" in message.answer.answer
        message = await ui.ask(pilot, 'source:"Pharmaceutical Technology" How much is AstraZeneca\'s agreement worth?')
        assert not message.answer.abstained and "$5.3bn" in message.answer.answer


async def test_f2_shows_deals_and_people(seed_copy: Settings, ui) -> None:
    from textual.widgets import DataTable

    from assistant.tui.screens.facts import FactsScreen

    app = ChatApp(seed_copy, deterministic=True)
    async with app.run_test(size=ui.SIZE) as pilot:
        await ui.wait_ready(pilot)
        await pilot.press("f2")
        await ui.wait_for(pilot, lambda: isinstance(app.screen, FactsScreen), "the deals screen")
        table = app.screen.query_one("#deals-table", DataTable)
        assert table.row_count == 3
        assert "Novartis–Argo Biopharmaceutical" in str(table.get_row_at(0)[0])
        assert "$5.36bn" in str(table.get_row_at(0)[1])
        await pilot.press("escape")
        await ui.wait_for(pilot, lambda: not isinstance(app.screen, FactsScreen), "the chat again")
