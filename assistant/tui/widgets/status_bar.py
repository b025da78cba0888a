"""The line under the input: is the index loaded, what it holds, and whether the corpus changed since."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from ...models import IndexStatus
from ...render import inert

if TYPE_CHECKING:
    from ...indexer import Progress

PHASES = {
    "scan": "scanning the corpus",
    "read": "reading articles",
    "embed": "embedding passages",
    "write": "writing the index",
}


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class StatusBar(Horizontal):
    """State · documents and passages · freshness, with a progress bar while the index updates."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = "Loading the index…"
        self.state_style = "$text-warning"
        self.status: IndexStatus | None = None
        self.progress: Progress | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="status-text", markup=False)
        yield ProgressBar(id="status-progress", show_eta=False)

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self._show()

    def set_state(self, text: str, style: str = "$text-success") -> None:
        self.state, self.state_style = text, style
        self._show()

    def set_status(self, status: IndexStatus) -> None:
        self.status = status
        self._show()

    def set_progress(self, progress: Progress | None) -> None:
        self.progress = progress
        bar = self.query_one(ProgressBar)
        bar.display = progress is not None
        if progress is not None:
            if progress.total:
                bar.update(total=progress.total, progress=progress.done)
            else:
                bar.update(total=None)
        self._show()

    def _show(self) -> None:
        parts: list[str | tuple[str, str]] = [("● ", self.state_style), (self.state, self.state_style)]
        if self.progress is not None:
            phase = PHASES.get(self.progress.phase, self.progress.phase)
            parts += [" · ", (f"Updating: {phase}", "$text-warning")]
            if self.progress.total:
                parts.append(f" {self.progress.done}/{self.progress.total}")
            if self.progress.message and not self.progress.done and self.progress.phase == "embed":
                parts.append((f" ({inert(self.progress.message)})", "$text-muted"))
        elif self.status is not None:
            parts += [" · ", *self._summary(self.status)]
        self.query_one("#status-text", Static).update(Content.assemble(*parts))

    @staticmethod
    def _summary(status: IndexStatus) -> list[str | tuple[str, str]]:
        changes = status.changes
        if not status.exists:
            if changes.new:
                return [
                    (
                        f"no index yet, {plural(len(changes.new), 'article')} to index — Ctrl+R builds it",
                        "$text-warning",
                    )
                ]
            return [("no index and no articles in the corpus", "$text-error")]
        out: list[str | tuple[str, str]] = [
            f"{plural(status.documents, 'article')} · {plural(status.passages, 'passage')} · "
        ]
        if not status.compatible:
            out.append(("index needs rebuilding — Ctrl+R", "$text-error"))
        elif changes.any:
            counts = [
                f"{len(v)} {k}"
                for k, v in (("new", changes.new), ("changed", changes.changed), ("deleted", changes.deleted))
                if v
            ]
            out.append((", ".join(counts) + " — Ctrl+R to update", "$text-warning"))
        else:
            out.append(("index up to date", "$text-success"))
        return out
