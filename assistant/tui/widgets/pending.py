"""The place an answer will appear: queued while the index loads, then searching."""

from __future__ import annotations

from textual.widgets import Static


class PendingAnswer(Static):
    """Stands in for an answer until it arrives."""

    WAITING = "Queued: it will be answered as soon as the index has loaded."
    SEARCHING = "Searching the articles…"

    def __init__(self, ticket: int, *, waiting: bool) -> None:
        super().__init__(self.WAITING if waiting else self.SEARCHING, markup=False)
        self.ticket = ticket
        self.set_class(waiting, "-waiting")

    def searching(self) -> None:
        self.update(self.SEARCHING)
        self.remove_class("-waiting")
