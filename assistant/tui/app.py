"""The chat app: composes the widgets, binds the keys and runs the engine in workers.

Blocking work (loading the index, answering, re-indexing, reading an article, checking the corpus) runs in
thread workers that post a message when done; the UI is only touched from those messages.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input
from textual.worker import Worker, WorkerState, get_current_worker

from ..config import Settings
from ..engine import Conversation, Engine, parse_filters
from ..errors import AssistantError
from ..models import Answer, Citation, Document, IndexReport, IndexStatus
from ..render import answer_plain, inert
from .screens.article import ArticleScreen
from .screens.facts import FactsScreen
from .screens.help import HelpScreen
from .widgets.answer import AnswerMessage
from .widgets.conversation import EXAMPLE, ConversationView
from .widgets.prompt import PromptInput
from .widgets.sources import SourcesPanel
from .widgets.status_bar import StatusBar, plural

if TYPE_CHECKING:
    from ..indexer import Progress

DETERMINISTIC_ENV = "ASSISTANT_TUI_DETERMINISTIC"
"""Set to 1 to hide timings and skip periodic refreshes (snapshot tests)."""
STATUS_EVERY = 10.0
"""Seconds between checks of the corpus for new, changed or deleted articles."""
TERMINAL_EVERY = 2.0
"""Seconds between checks that the terminal is still there."""


@dataclass
class Ticket:
    """A question waiting for (or getting) its answer."""

    number: int
    question: str
    conversation: Conversation = field(repr=False)


class ChatApp(App[None]):
    """Questions in, cited answers out."""

    CSS_PATH = "app.tcss"
    TITLE = "Licensing deals · cited answers"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new_conversation", "New chat"),
        Binding("ctrl+s", "export", "Export"),
        Binding("ctrl+y", "copy_answer", "Copy"),
        Binding("ctrl+r", "update_index", "Update index"),
        Binding("f1", "help", "Help"),
        Binding("f2", "facts", "Deals & people"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        Binding("escape", "switch_focus", "Prompt ⇄ answers", show=False),
        *(Binding(str(n), f"open_citation({n})", f"Open source [{n}]", show=False) for n in range(1, 10)),
    ]

    # -- what the workers report --------------------------------------------------------------------
    @dataclass
    class EngineLoaded(Message):
        """The index and the query encoder are loaded: questions can be answered."""

        built_at: str | None
        """When the loaded index was built (to notice an index rebuilt by another process)."""

    @dataclass
    class EngineUnavailable(Message):
        """The engine cannot load (no index, empty corpus ...); `message` says why, for the user."""

        message: str

    @dataclass
    class IndexMissing(Message):
        """No index yet, but the corpus has `articles` articles to build it from."""

        articles: int

    @dataclass
    class StatusChecked(Message):
        status: IndexStatus

    @dataclass
    class AnswerReady(Message):
        ticket: Ticket
        answer: Answer

    @dataclass
    class AnswerFailed(Message):
        ticket: Ticket
        message: str

    @dataclass
    class IndexProgressed(Message):
        progress: Progress

    @dataclass
    class IndexUpdated(Message):
        report: IndexReport

    @dataclass
    class IndexUpdateFailed(Message):
        message: str

    @dataclass
    class ArticleLoaded(Message):
        document: Document
        citation: Citation
        nearest: bool

    @dataclass
    class ArticleUnavailable(Message):
        message: str

    # -----------------------------------------------------------------------------------------------
    def __init__(
        self, settings: Settings | None = None, *, engine: Engine | None = None, deterministic: bool | None = None
    ) -> None:
        super().__init__()
        self.engine = engine or Engine(settings)
        self.deterministic = (
            os.environ.get(DETERMINISTIC_ENV, "") not in ("", "0") if deterministic is None else deterministic
        )
        self.conversation = Conversation()
        self.ready = False
        """True once the engine has loaded; questions asked before wait in `queue`."""
        self.indexing = False
        self.queue: deque[Ticket] = deque()
        self.asking: Ticket | None = None
        self.selected: Answer | None = None
        self.problem: str | None = None
        """Why the engine cannot be used (no index, empty corpus ...), while that lasts."""
        self.loaded_built_at: str | None = None
        self.quiet_update = False
        self._tickets = 0
        self._reading = threading.Lock()
        """One reader of the index at a time (answers, articles); indexing runs beside it."""

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal(id="body"):
            yield ConversationView(id="conversation")
            yield SourcesPanel(id="sources")
        yield PromptInput(
            id="prompt", placeholder="Ask about China–West licensing deals · Enter asks · ↑ earlier questions"
        )
        yield StatusBar(id="status")
        yield Footer()

    terminal_fd: int | None = None
    """The terminal the chat was started in (`run_chat`); when it goes away, the chat quits."""

    def on_mount(self) -> None:
        if self.deterministic:
            self.query_one(PromptInput).cursor_blink = False
        self.query_one(PromptInput).focus()
        self.load_engine()
        if not self.deterministic:
            self.set_interval(STATUS_EVERY, self.check_status)
        if self.terminal_fd is not None:
            self.set_interval(TERMINAL_EVERY, self.check_terminal)
            if hasattr(signal, "SIGHUP"):  # the terminal hung up: quit, as a terminal program should
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.exit)

    def check_terminal(self) -> None:
        """A closed terminal window (or a dropped SSH session) does not always send the chat SIGHUP (`make run`
        keeps it from it); without this the chat would run on against a dead terminal, busy."""
        if self.terminal_fd is not None and not os.isatty(self.terminal_fd):
            self.exit()

    @property
    def status_bar(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def conversation_view(self) -> ConversationView:
        return self.query_one(ConversationView)

    # -- loading --------------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_engine(self) -> None:
        """Open the index and the query encoder; a missing index with articles waiting gets built."""
        status = self.engine.status()
        self.post_message(self.StatusChecked(status))
        worker = get_current_worker()
        if not status.exists:
            if status.changes.new:
                self.post_message(self.IndexMissing(len(status.changes.new)))
            else:
                self.post_message(
                    self.EngineUnavailable(
                        f"There is no index and no article in {status.corpus_dir}: add articles with "
                        "`assistant add PATH` (or copy them there), then press Ctrl+R."
                    )
                )
            return
        try:
            self.engine.load()
        except AssistantError as exc:
            self.post_message(self.EngineUnavailable(str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(self.EngineLoaded(status.built_at))

    @on(EngineLoaded)
    def start_answering(self, event: EngineLoaded) -> None:
        self.ready = True
        self.problem = None
        self.loaded_built_at = event.built_at
        self.status_bar.set_state("Ready")
        self.answer_next()

    @on(EngineUnavailable)
    def report_unavailable(self, event: EngineUnavailable) -> None:
        self.ready = False
        self.problem = event.message
        self.status_bar.set_state("Not ready", "$text-error")
        self.notify(inert(event.message), title="The index cannot be used", severity="error", markup=False, timeout=12)

    @on(IndexMissing)
    def build_missing_index(self, event: IndexMissing) -> None:
        self.notify(
            f"No index yet: building it from {plural(event.articles, 'article')}.",
            title="First run",
            timeout=30,  # a first build takes longer than the default five seconds: the notice stays while it runs
        )
        self.action_update_index()

    # -- asking ---------------------------------------------------------------------------------------
    @on(Input.Submitted, "#prompt")
    def ask(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if not question:
            return
        prompt = self.query_one(PromptInput)
        prompt.remember(question)
        prompt.value = ""
        self._tickets += 1
        ticket = Ticket(self._tickets, question, self.conversation)
        self.conversation_view.add_question(question, ticket.number, waiting=not self.ready)
        self.queue.append(ticket)
        if self.problem is not None and not self.indexing:
            self.notify(inert(self.problem), title="Kept until the index can be used", markup=False)
        elif not self.ready and not self.indexing:
            self.notify("The index is still loading: the question will be answered when it is ready.", title="Queued")
        self.answer_next()

    def answer_next(self) -> None:
        """Start answering the oldest queued question, one at a time, once the engine is ready."""
        if not self.ready or self.asking is not None or not self.queue:
            return
        self.asking = self.queue.popleft()
        pending = self.conversation_view.pending(self.asking.number)
        if pending is not None:
            pending.searching()
        self.answer_question(self.asking)

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def answer_question(self, ticket: Ticket) -> None:
        try:
            with self._reading:
                # Inline filters, as `assistant ask` takes them as flags: "since:2025-06-01 source:Reuters ..."
                question, filters = parse_filters(ticket.question)
                answer = self.engine.ask(question or ticket.question, ticket.conversation, filters=filters)
        except AssistantError as exc:
            self.post_message(self.AnswerFailed(ticket, str(exc)))
            return
        self.post_message(self.AnswerReady(ticket, answer))

    @on(AnswerReady)
    def show_answer(self, event: AnswerReady) -> None:
        self.asking = None
        if event.ticket.conversation is self.conversation:
            self.conversation_view.show_answer(event.ticket.number, event.answer, show_timing=not self.deterministic)
        self.answer_next()

    @on(AnswerFailed)
    def show_failure(self, event: AnswerFailed) -> None:
        self.asking = None
        self.conversation_view.show_failure(event.ticket.number, inert(event.message))
        self.notify(inert(event.message), title="No answer", severity="error", markup=False)
        self.answer_next()

    @on(ConversationView.AnswerSelected)
    async def show_sources(self, event: ConversationView.AnswerSelected) -> None:
        self.selected = event.answer
        await self.query_one(SourcesPanel).show(event.answer)

    # -- citations and articles -----------------------------------------------------------------------
    def action_open_citation(self, number: int) -> None:
        """Open source [number] of the selected answer."""
        if self.selected is None:
            self.notify("Ask a question first: its sources can then be opened with 1–9.", severity="warning")
            return
        for citation in self.selected.citations:
            if citation.id == number:
                self.load_article(citation, self.selected.abstained)
                return
        self.notify(f"The selected answer has no source [{number}].", severity="warning")

    @on(AnswerMessage.CitationRequested)
    def open_clicked_marker(self, event: AnswerMessage.CitationRequested) -> None:
        for citation in event.answer.citations:
            if citation.id == event.number:
                self.load_article(citation, event.answer.abstained)
                return

    @on(SourcesPanel.CitationChosen)
    def open_chosen(self, event: SourcesPanel.CitationChosen) -> None:
        self.load_article(event.citation, event.answer.abstained)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self, citation: Citation, nearest: bool) -> None:
        try:
            with self._reading:
                document = self.engine.document(citation.document)
        except KeyError:
            self.post_message(
                self.ArticleUnavailable(f"{citation.document} is no longer in the index: ask again to cite it anew.")
            )
            return
        except AssistantError as exc:
            self.post_message(self.ArticleUnavailable(str(exc)))
            return
        self.post_message(self.ArticleLoaded(document, citation, nearest))

    @on(ArticleUnavailable)
    def report_article_unavailable(self, event: ArticleUnavailable) -> None:
        self.notify(inert(event.message), title="The article cannot be shown", severity="error", markup=False)

    @on(ArticleLoaded)
    def show_article(self, event: ArticleLoaded) -> None:
        screen = ArticleScreen(event.document, event.citation, nearest=event.nearest)
        if isinstance(self.screen, ArticleScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- index ----------------------------------------------------------------------------------------
    def check_status(self) -> None:
        if not self.indexing:
            self.read_status()

    @work(thread=True, exclusive=True, group="status", exit_on_error=False)
    def read_status(self) -> None:
        status = self.engine.status()
        if not get_current_worker().is_cancelled:
            self.post_message(self.StatusChecked(status))

    @on(StatusChecked)
    def show_status(self, event: StatusChecked) -> None:
        status = event.status
        self.status_bar.set_status(status)
        rebuilt_elsewhere = (
            self.ready
            and not self.indexing
            and status.exists
            and None not in (status.built_at, self.loaded_built_at)
            and status.built_at != self.loaded_built_at
        )
        if rebuilt_elsewhere:
            # `assistant index` or `assistant add` ran in another terminal: an (incremental, usually
            # empty) update makes the engine reopen the index, so answers come from the new one.
            self.notify("The index was updated outside the chat: switching to it.", title="Index")
            self.action_update_index(quiet=True)

    def action_update_index(self, quiet: bool = False) -> None:
        """Bring the index up to date with the corpus (only new and changed articles are embedded)."""
        if self.indexing:
            if not quiet:
                self.notify("The index is already being updated.")
            return
        self.indexing = True
        self.quiet_update = quiet
        self.status_bar.set_progress(None)
        self.update_index()

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def update_index(self) -> None:
        def progressed(progress: Progress) -> None:
            self.post_message(self.IndexProgressed(progress))

        try:
            report = self.engine.update_index(progress=progressed)
        except AssistantError as exc:
            self.post_message(self.IndexUpdateFailed(str(exc)))
            return
        self.post_message(self.IndexUpdated(report))

    @on(IndexProgressed)
    def show_progress(self, event: IndexProgressed) -> None:
        if self.indexing:
            self.status_bar.set_progress(event.progress)

    @on(IndexUpdated)
    def use_new_index(self, event: IndexUpdated) -> None:
        self.indexing = False
        self.status_bar.set_progress(None)
        r = event.report
        for warning in r.warnings:
            self.notify(inert(warning), title="Indexing", severity="warning", markup=False, timeout=10)
        changed = r.added or r.updated or r.removed
        if r.documents_total and (changed or not self.quiet_update):
            size = f"{plural(r.documents_total, 'article')}, {plural(r.chunks_total, 'passage')}"
            summary = (
                f"{r.added} added, {r.updated} updated, {r.removed} removed: {size}."
                if changed
                else f"Already up to date: {size}."
            )
            self.notify(summary, title="Index updated")
        self.load_engine()

    @on(IndexUpdateFailed)
    def report_index_failure(self, event: IndexUpdateFailed) -> None:
        self.indexing = False
        self.status_bar.set_progress(None)
        self.notify(inert(event.message), title="The index was not updated", severity="error", markup=False, timeout=12)
        self.read_status()

    # -- failures nobody expected -----------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        message = inert(f"{type(error).__name__}: {error}")
        group = event.worker.group
        if group == "ask" and self.asking is not None:
            self.post_message(self.AnswerFailed(self.asking, f"Unexpected error while answering: {message}"))
            return
        if group == "index":
            self.post_message(self.IndexUpdateFailed(f"Unexpected error while indexing: {message}"))
            return
        if group == "load":
            self.post_message(self.EngineUnavailable(f"Unexpected error while loading: {message}"))
            return
        self.notify(message, title="Something went wrong", severity="error", markup=False)

    # -- actions ----------------------------------------------------------------------------------------
    def action_new_conversation(self) -> None:
        """Forget the conversation: the next question starts afresh."""
        self.conversation = Conversation()
        self.queue.clear()
        self.conversation_view.clear()
        self.query_one(PromptInput).focus()
        self.notify("New conversation.")

    def action_copy_answer(self) -> None:
        """Copy the selected answer and its sources (OSC 52: the terminal puts it on the clipboard)."""
        if self.selected is None:
            self.notify("No answer to copy yet.", severity="warning")
            return
        self.copy_to_clipboard(answer_plain(self.selected))
        n = len(self.selected.citations)
        self.notify(f"Copied the answer and its {plural(n, 'source')}.", title="Clipboard")

    def action_export(self) -> None:
        """Write the conversation to exports/conversation-YYYYmmdd-HHMMSS.md."""
        from .export import write_export

        if not self.conversation.turns:
            self.notify("Nothing to export yet: ask a question first.", severity="warning")
            return
        try:
            path = write_export(self.conversation.turns, Path.cwd() / "exports")
        except OSError as exc:
            self.notify(inert(f"Could not write the export: {exc}"), severity="error", markup=False)
            return
        try:
            shown = path.relative_to(Path.cwd())
        except ValueError:
            shown = path
        n = len(self.conversation.turns)
        self.notify(inert(str(shown)), title=f"Exported {plural(n, 'answer')}", markup=False)

    async def action_ask_example(self) -> None:
        """Ask the example question of the welcome text (clicked)."""
        prompt = self.query_one(PromptInput)
        prompt.value = EXAMPLE
        prompt.focus()
        await prompt.action_submit()

    def action_facts(self) -> None:
        """Deals and people extracted from the corpus, each with its source."""
        if self.ready:
            self.load_facts()
        else:
            self.notify("The index is still loading.", severity="warning")

    @work(thread=True, exclusive=True, group="facts", exit_on_error=False)
    def load_facts(self) -> None:
        from ..fact_tables import deal_rows, people_rows

        try:
            with self._reading:
                facts = self.engine.facts()
                texts: dict[str, str] = {}

                def text_of(document: str, start: int, end: int) -> str:
                    if document not in texts:
                        texts[document] = self.engine.document(document).text
                    return texts[document][start:end]

                deals, people = deal_rows(facts, text_of), people_rows(facts, text_of)
        except AssistantError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.call_from_thread(self.push_screen, FactsScreen(deals, people))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    @on(PromptInput.HelpRequested)
    def open_help(self) -> None:
        self.action_help()

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_switch_focus(self) -> None:
        prompt = self.query_one(PromptInput)
        if prompt.has_focus:
            self.conversation_view.focus()
        else:
            prompt.focus()

    def action_focus_sources(self) -> None:
        self.query_one(SourcesPanel).list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys of the chat do nothing under the help screen.
        chat_only = {"open_citation", "switch_focus", "focus_sources"}
        return not (isinstance(self.screen, HelpScreen) and action in chat_only)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("New conversation", "Forget the conversation (Ctrl+N)", self.action_new_conversation)
        yield SystemCommand("Export conversation", "Write it to exports/*.md as Markdown (Ctrl+S)", self.action_export)
        yield SystemCommand(
            "Copy answer", "Copy the selected answer with its sources (Ctrl+Y)", self.action_copy_answer
        )
        yield SystemCommand("Update index", "Index new and changed articles (Ctrl+R)", self.action_update_index)
        yield SystemCommand("Toggle dark / light", "Switch the theme (Ctrl+T)", self.action_toggle_theme)
        yield SystemCommand("Help", "Show the keys (F1)", self.action_help)
        yield SystemCommand("Deals and people", "Extracted deals and who said what (F2)", self.action_facts)
        if self.selected is not None:
            for c in self.selected.citations[:9]:
                yield SystemCommand(
                    f"Open source [{c.id}]",
                    inert(f"{c.title} — {c.section or 'start'}"),
                    lambda n=c.id: self.action_open_citation(n),
                )


def run_chat(settings: Settings) -> None:
    """Open the chat (blocking until it quits). It quits, too, when its terminal hangs up."""
    import sys

    app = ChatApp(settings)
    if sys.__stdin__ is not None and sys.__stdin__.isatty():
        app.terminal_fd = sys.__stdin__.fileno()
    app.run()
