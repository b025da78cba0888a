"""Fit the abstention model and sentence-selection weights on the development question set.

Prints the features of every question, a leave-one-out estimate of the abstention error rates for the
fitted logistic model, and the coefficients to put into `assistant.answer.ComposerParams`.
Run: python bench/tune_answers.py [question files or folders...] [--corpus corpus --index index]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from assistant.answer import DEFAULT_PARAMS, ComposerParams, find_evidence, select_sentences
from assistant.config import Settings
from assistant.engine import Conversation, Engine
from assistant.question import analyse


def collect(path: Path, settings: Settings, params: ComposerParams) -> list[dict]:
    engine = Engine(settings)
    retriever = engine._get_retriever()
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        conversation = Conversation()
        for turn in [item, *item.get("followups", [])]:
            facts_answer = engine._answer_from_facts(turn["question"])
            if facts_answer is not None and not facts_answer.abstained:
                engine.ask(turn["question"], conversation)  # answered from facts: not the passage composer's
                continue
            prepared = engine.prepare(turn["question"], conversation)
            query, evidence = find_evidence(
                prepared.judged, prepared.query, retriever, params=params, anchors=prepared.anchors
            )
            chosen = select_sentences(evidence, 4, 120, params)
            expected = turn.get("expected_any") or ([turn["expected"]] if turn.get("expected") else [])
            cand_rank = next(
                (i + 1 for i, c in enumerate(evidence.candidates) if any(c.text in e or e in c.text for e in expected)),
                None,
            )
            chosen_ok = any(any(c.text in e or e in c.text for e in expected) for c in chosen)
            top = evidence.hits[0].score if evidence.hits else 1.0
            cands = [
                {
                    "sim": c.similarity,
                    "lex": c.lexical,
                    "passage": evidence.hits[c.hit_index].score / (top or 1.0),
                    "typed": c.typed,
                    "hit": c.hit_index,
                    "ok": any(c.text in e or e in c.text for e in expected),
                }
                for c in evidence.candidates
            ]
            rows.append(
                {
                    "question": turn["question"],
                    "query": query,
                    "answerable": not turn.get("unanswerable", False),
                    "features": evidence.features(),
                    "typed_ok": evidence.typed_ok,
                    "candidate_rank": cand_rank,
                    "chosen_ok": chosen_ok,
                    "cands": cands,
                    "expects": analyse(turn["question"]).expects,
                }
            )
            engine.ask(turn["question"], conversation)
    return rows


def simulate(rows: list[dict], ws: float, wl: float, wp: float, wt: float, ratio: float, n: int = 4) -> float:
    """Score of a selection setting: 1/3 for the expected sentence among the chosen, 2/3 for it leading."""
    ok = 0
    answerable = [r for r in rows if r["answerable"]]
    for r in answerable:
        cands = r["cands"]
        if not cands:
            continue
        scored = sorted(
            cands,
            key=lambda c: (
                ws * c["sim"] + wl * c["lex"] + wp * c["passage"] + (wt if r["expects"] and c["typed"] else 0)
            ),
            reverse=True,
        )

        def score(c: dict, expects: str | None = r["expects"]) -> float:
            return ws * c["sim"] + wl * c["lex"] + wp * c["passage"] + (wt if expects and c["typed"] else 0)

        best = score(scored[0])
        chosen = [c for c in scored[:n] if score(c) >= ratio * best]
        ok += any(c["ok"] for c in chosen) + (2 if scored[0]["ok"] else 0)
    return ok / (3 * len(answerable))


def fit(rows: list[dict], c: float = 1.0) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    x = np.array([r["features"] for r in rows])
    y = np.array([r["answerable"] for r in rows], dtype=int)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000).fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def loo(rows: list[dict], c: float) -> tuple[float, float]:
    """Leave-one-out: (answerable refused rate, unanswerable answered rate)."""
    refused = answered = 0
    for i in range(len(rows)):
        train = rows[:i] + rows[i + 1 :]
        w, b = fit(train, c)
        z = b + float(np.dot(w, rows[i]["features"]))
        ok = z >= 0 and rows[i]["typed_ok"]
        if rows[i]["answerable"] and not ok:
            refused += 1
        if not rows[i]["answerable"] and ok:
            answered += 1
    a = sum(r["answerable"] for r in rows)
    return refused / a, answered / (len(rows) - a)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "questions",
        nargs="*",
        default=["eval/seed_devset.jsonl"],
        help="Question files or folders of them (default: the dev set); e.g. eval/seed_devset.jsonl eval/independent",
    )
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--index", default="index")
    parser.add_argument("--c", type=float, default=10.0, help="inverse regularisation of the fit")
    args = parser.parse_args()
    settings = Settings(corpus_dir=Path(args.corpus), index_dir=Path(args.index))
    files = [f for q in map(Path, args.questions) for f in (sorted(q.glob("*.jsonl")) if q.is_dir() else [q])]
    rows = [row for f in files for row in collect(f, settings, DEFAULT_PARAMS)]
    print(f"{'ans':<4}{'best':>6}{'cov':>6}{'miss':>6}{'focus':>6}{'top':>6}{'rank':>5} ok  question")
    for r in rows:
        f = r["features"]
        print(
            f"{'A' if r['answerable'] else '-':<4}{f[0]:6.2f}{f[1]:6.2f}{f[2]:6.2f}{f[3]:6.2f}{f[4]:6.2f}"
            f"{r['candidate_rank'] or 0:>5} {'y' if r['chosen_ok'] else 'n'} {'t' if r['typed_ok'] else 'X'} "
            f"{r['question'][:70]}"
        )
    answerable = [r for r in rows if r["answerable"]]
    print(f"\nexpected sentence chosen: {sum(r['chosen_ok'] for r in answerable)}/{len(answerable)}")
    grid = []
    for ws in (0.3, 0.4, 0.55, 0.7, 0.85):
        for wl in (0.1, 0.25, 0.4, 0.6):
            for wp in (0.0, 0.1, 0.2, 0.35, 0.5):
                for wt in (0.0, 0.1):
                    for ratio in (0.7, 0.75, 0.8):
                        grid.append((simulate(rows, ws, wl, wp, wt, ratio), ws, wl, wp, wt, ratio))
    grid.sort(reverse=True)
    print("best selection weights (share chosen, ws, wl, wp, wt, ratio):")
    for g in grid[:8]:
        print(f"  {g[0]:.3f}  {g[1:]}")
    print(
        "current:",
        simulate(
            rows,
            DEFAULT_PARAMS.w_sentence,
            DEFAULT_PARAMS.w_lexical,
            DEFAULT_PARAMS.w_passage,
            DEFAULT_PARAMS.w_typed,
            DEFAULT_PARAMS.extra_ratio,
        ),
    )
    for c in (0.3, 1.0, 3.0, 10.0):
        refused, answered = loo(rows, c)
        print(f"C={c:<5} leave-one-out: answerable refused {refused:.3f}, unanswerable answered {answered:.3f}")
    w, b = fit(rows, args.c)
    print(f"in-sample errors with C={args.c}:")
    for r in rows:
        ok = (b + float(np.dot(w, r["features"]))) >= 0 and r["typed_ok"]
        if ok != r["answerable"]:
            print(f"  {'refused' if r['answerable'] else 'answered'}: {r['question']}")
    names = ("w_best", "w_coverage", "w_missing", "w_focus", "w_top_passage", "w_margin", "w_typed_match")
    print(f"fitted (C={args.c}): bias={b:.3f} " + " ".join(f"{n}={v:.3f}" for n, v in zip(names, w, strict=True)))


if __name__ == "__main__":
    main()
