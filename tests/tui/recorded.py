"""A real engine (index, articles, status) whose answers are recorded ones, for the snapshot tests.

Snapshots are about how the chat looks; recorded answers keep them from changing every time answer
composition is tuned. The Pilot tests in test_chat.py use the live engine. Re-record after changing the
seed corpus: `python -m tests.tui.recorded` (writes tests/tui/fixtures/answers.json).
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.config import Settings
from assistant.engine import Conversation, Engine, Filters, Turn
from assistant.models import Answer

ANSWERS = Path(__file__).resolve().parent / "fixtures" / "answers.json"
QUESTIONS = [
    ["Why are Chinese ADCs popular with Western dealmakers?", "And what do investors think of bispecifics?"],
    ["How much is AstraZeneca's agreement with CSPC worth?"],
    ["What is the weather in Paris tomorrow?"],
]


class RecordedEngine(Engine):
    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.recorded = {q: Answer.model_validate(a) for q, a in json.loads(ANSWERS.read_text("utf-8")).items()}

    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        *,
        filters: Filters | None = None,
        long: bool = False,
    ) -> Answer:
        answer = self.recorded[question]
        if conversation is not None:
            conversation.turns.append(Turn(question=question, query=answer.query, answer=answer))
        return answer


def record() -> None:
    engine = Engine(Settings())
    answers = {}
    for chain in QUESTIONS:
        conversation = Conversation()
        for question in chain:
            answer = engine.ask(question, conversation).model_copy(update={"seconds": 0.0})
            answers[question] = json.loads(answer.model_dump_json())
    ANSWERS.write_text(json.dumps(answers, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record()
