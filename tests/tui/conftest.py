"""Helpers for driving the chat with Pilot: wait on conditions (never sleep), ask, read what is shown."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from textual.pilot import Pilot

from assistant.tui.app import ChatApp
from assistant.tui.widgets.answer import AnswerMessage
from assistant.tui.widgets.prompt import PromptInput

SIZE = (100, 32)


async def wait_for(pilot: Pilot, predicate: Callable[[], object], what: str, timeout: float = 30.0) -> None:
    """Let the app run until `predicate()` holds (workers post their results as messages)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await pilot.pause(0.02)
    await pilot.pause()


async def wait_ready(pilot: Pilot) -> None:
    app = pilot.app
    assert isinstance(app, ChatApp)
    await wait_for(pilot, lambda: app.ready, "the engine to load")


async def ask(pilot: Pilot, question: str) -> AnswerMessage:
    """Put a question in the prompt, press Enter, and return the answer widget once it is shown.

    (The question is pasted rather than typed: Pilot spends ~60 ms a key; typing is tested on its own.)
    """
    before = len(pilot.app.query(AnswerMessage))
    prompt = pilot.app.query_one(PromptInput)
    prompt.focus()
    prompt.value = question
    await pilot.press("enter")
    await wait_for(pilot, lambda: len(pilot.app.query(AnswerMessage)) > before, f"an answer to {question!r}")
    return list(pilot.app.query(AnswerMessage))[-1]


def screen_text(pilot: Pilot) -> str:
    """What the terminal would show, as plain text."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


@pytest.fixture
def ui() -> SimpleNamespace:
    """The helpers above, for the test modules (tests/ is not a package, so they cannot import them)."""
    return SimpleNamespace(SIZE=SIZE, wait_for=wait_for, wait_ready=wait_ready, ask=ask, screen_text=screen_text)
