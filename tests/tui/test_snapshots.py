"""Snapshots of the chat (pytest-textual-snapshot). Update them with `--snapshot-update` after a deliberate
change, and look at the report before accepting.

The app runs with `deterministic=True` (no timings, no periodic refresh, no cursor blink) over the seed
index built by the session fixture, answering from recorded answers (tests/tui/recorded.py), so the
pictures only change when the UI does.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence

import pytest
from textual.pilot import Pilot

from assistant.config import Settings
from assistant.tui.app import ChatApp
from assistant.tui.screens.article import ArticleScreen
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.prompt import PromptInput
from tests.tui.recorded import RecordedEngine

pytestmark = pytest.mark.slow


async def until(pilot: Pilot, predicate: Callable[[], object], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)


def scenario(*questions: str, keys: Sequence[str] = ()) -> Callable[[Pilot], Awaitable[None]]:
    """Wait for the engine, ask each question (waiting for its answer), then press `keys`."""

    async def run(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, ChatApp)
        await until(pilot, lambda: app.ready, "the engine")
        for question in questions:
            before = len(app.query(AnswerMessage))
            prompt = app.query_one(PromptInput)
            prompt.value = question
            await pilot.press("enter")
            await until(pilot, lambda n=before: len(app.query(AnswerMessage)) > n, f"an answer to {question!r}")
        await pilot.press(*keys)
        await app.workers.wait_for_complete()
        await pilot.pause()

    return run


def chat(settings: Settings) -> ChatApp:
    return ChatApp(settings, engine=RecordedEngine(settings), deterministic=True)


def test_startup(snap_compare, seed_index: Settings) -> None:
    assert snap_compare(chat(seed_index), terminal_size=(80, 24), run_before=scenario())


def test_answer_with_sources_wide(snap_compare, seed_index: Settings) -> None:
    run = scenario(
        "Why are Chinese ADCs popular with Western dealmakers?", "And what do investors think of bispecifics?"
    )
    assert snap_compare(chat(seed_index), terminal_size=(160, 48), run_before=run)


def test_answer_with_sources_narrow(snap_compare, seed_index: Settings) -> None:
    run = scenario("How much is AstraZeneca's agreement with CSPC worth?")
    assert snap_compare(chat(seed_index), terminal_size=(80, 24), run_before=run)


def test_abstention(snap_compare, seed_index: Settings) -> None:
    run = scenario("What is the weather in Paris tomorrow?")
    assert snap_compare(chat(seed_index), terminal_size=(100, 32), run_before=run)


def test_help_screen(snap_compare, seed_index: Settings) -> None:
    assert snap_compare(chat(seed_index), terminal_size=(80, 24), run_before=scenario(keys=["f1"]))


def test_article_viewer(snap_compare, seed_index: Settings) -> None:
    async def run(pilot: Pilot) -> None:
        await scenario("How much is AstraZeneca's agreement with CSPC worth?", keys=["escape", "1"])(pilot)
        await until(pilot, lambda: isinstance(pilot.app.screen, ArticleScreen), "the article")
        await pilot.pause()

    assert snap_compare(chat(seed_index), terminal_size=(100, 32), run_before=run)


def test_light_theme(snap_compare, seed_index: Settings) -> None:
    run = scenario("Why are Chinese ADCs popular with Western dealmakers?", keys=["ctrl+t"])
    assert snap_compare(chat(seed_index), terminal_size=(120, 32), run_before=run)
