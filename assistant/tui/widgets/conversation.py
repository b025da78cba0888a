"""The conversation: questions and answers in order; one answer is selected and its sources shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from ...models import Answer
from .answer import AnswerMessage
from .pending import PendingAnswer
from .question import QuestionMessage

EXAMPLE = "Which modalities are Western dealmakers buying from China?"
WELCOME = Content.assemble(
    ("Ask about China–West biopharma licensing deals.", "bold"),
    "\nEvery sentence of an answer is quoted from an article and cited [n]; "
    "when the articles do not answer, the chat says so.\n\n",
    ("Try: ", "$text-muted"),
    Content.from_markup(f"[$text-accent underline @click=app.ask_example]{EXAMPLE}[/]"),
    ("\nF1 keys · Ctrl+P commands", "$text-muted"),
)


class ConversationView(VerticalScroll, can_focus=True):
    """Up/Down select an answer; 1–9 open its sources; Enter moves to the sources panel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "select_previous", "Previous answer", show=False),
        Binding("down,j", "select_next", "Next answer", show=False),
        Binding("enter", "app.focus_sources", "Sources", show=False),
        Binding("c", "app.copy_answer", "Copy answer", show=False),
    ]

    @dataclass
    class AnswerSelected(Message):
        """The selected answer changed (None: the conversation is empty)."""

        answer: Answer | None

    selected: reactive[AnswerMessage | None] = reactive(None, always_update=True, init=False)

    def compose(self) -> ComposeResult:
        yield Static(WELCOME, id="welcome")

    # -- building -----------------------------------------------------------------------------------
    def add_question(self, question: str, ticket: int, *, waiting: bool) -> None:
        self.query_one("#welcome").display = False
        self.mount(QuestionMessage(question))
        self.mount(PendingAnswer(ticket, waiting=waiting))
        self.scroll_end(animate=False)

    def pending(self, ticket: int) -> PendingAnswer | None:
        for widget in self.query(PendingAnswer):
            if widget.ticket == ticket:
                return widget
        return None

    def show_answer(self, ticket: int, answer: Answer, *, show_timing: bool) -> None:
        message = AnswerMessage(answer, show_timing=show_timing)
        placeholder = self.pending(ticket)
        top: Widget = message
        if placeholder is None:
            self.mount(message)
        else:
            children = list(self.children)
            before = children[children.index(placeholder) - 1]
            if isinstance(before, QuestionMessage):
                top = before  # read the answer under its question
            self.mount(message, after=placeholder)
            placeholder.remove()
        self.selected = message
        self.call_after_refresh(self.scroll_to_widget, top, animate=False, top=True)

    def show_failure(self, ticket: int, text: str) -> None:
        placeholder = self.pending(ticket)
        failure = Static(text, classes="failure", markup=False)
        failure.border_title = "Error"
        if placeholder is None:
            self.mount(failure)
        else:
            self.mount(failure, after=placeholder)
            placeholder.remove()

    def clear(self) -> None:
        for widget in list(self.children):
            if widget.id != "welcome":
                widget.remove()
        self.query_one("#welcome").display = True
        self.selected = None

    # -- selection ----------------------------------------------------------------------------------
    @property
    def answers(self) -> list[AnswerMessage]:
        return list(self.query(AnswerMessage))

    def watch_selected(self, old: AnswerMessage | None, new: AnswerMessage | None) -> None:
        for message in self.answers:
            message.set_class(message is new, "-selected")
        self.post_message(self.AnswerSelected(new.answer if new is not None else None))

    def _step(self, delta: int) -> None:
        answers = self.answers
        if not answers:
            return
        index = answers.index(self.selected) + delta if self.selected in answers else len(answers) - 1
        index = max(0, min(index, len(answers) - 1))
        if answers[index] is not self.selected:
            self.selected = answers[index]
        self.scroll_to_widget(answers[index], animate=False)

    def action_select_previous(self) -> None:
        self._step(-1)

    def action_select_next(self) -> None:
        self._step(1)

    @on(AnswerMessage.Clicked)
    def select_clicked(self, event: AnswerMessage.Clicked) -> None:
        event.stop()
        if event.message is not self.selected:
            self.selected = event.message
        self.focus()
