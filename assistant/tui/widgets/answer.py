"""An answer in the conversation: its sentences with [n] markers, or an abstention set apart."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ...models import Answer
from ...render import inert
from ..content import answer_content


class AnswerMessage(Static):
    """Click it to show its sources; click a marker to open that source."""

    @dataclass
    class Clicked(Message):
        message: AnswerMessage

    @dataclass
    class CitationRequested(Message):
        answer: Answer
        number: int

    def __init__(self, answer: Answer, *, show_timing: bool = True) -> None:
        super().__init__(self._content(answer), classes="-abstained" if answer.abstained else "-answered")
        self.answer = answer
        if answer.abstained:
            self.border_title = "No answer"
        else:
            n = len(answer.citations)
            self.border_title = f"Answer · {n} source{'s' if n != 1 else ''}"
        if show_timing:
            self.border_subtitle = f"{answer.seconds:.2f} s"

    @staticmethod
    def _content(answer: Answer) -> Content:
        lines = [answer_content(answer)]
        if answer.query.strip() != answer.question.strip():
            lines.append(Content.styled(f"searched as: {inert(answer.query)}", "$text-muted italic"))
        if answer.abstained and answer.citations:
            n = len(answer.citations)
            lines.append(
                Content.styled(
                    f"The sources panel shows the {n} nearest passage{'s' if n != 1 else ''}: they do not answer it.",
                    "$text-muted",
                )
            )
        return Content("\n").join(lines)

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))

    def action_open_citation(self, number: int) -> None:
        """Run by a click on an `[n]` marker."""
        self.post_message(self.CitationRequested(self.answer, number))
