"""A question in the conversation."""

from __future__ import annotations

from textual.widgets import Static

from ...render import inert


class QuestionMessage(Static):
    """The user's words, shown as typed (never as markup)."""

    def __init__(self, question: str) -> None:
        super().__init__(inert(question), markup=False)
        self.question = question
        self.border_title = "You"
