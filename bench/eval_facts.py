"""Precision and recall of the fact extractor against hand labels (seed article + two fixtures).

Usage: .venv/bin/python bench/eval_facts.py [labels.json ...]

Labels name their facts by verbatim text, not by extractor output: a label's text is located in the
cleaned document (a label that is not found is an error, so labels cannot silently rot), and an extracted
fact matches a label when it has the same value and an overlapping span. Deals match on their parties
(any name the article uses for a company counts), then value, payments and year are scored on the
matched pairs, so a wrong amount costs precision and recall of that field only.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.corpus import load_document  # noqa: E402
from assistant.facts import (  # noqa: E402
    Deal,
    DocumentFacts,
    Money,
    _company_key,
    _short_key,
    canonical_company,
    extract_facts,
)
from assistant.models import Document  # noqa: E402

LABEL_FILES = [
    ROOT / "eval" / "facts" / "seed.labels.json",
    ROOT / "tests" / "fixtures" / "articles" / "norrvik-qinghe-bispecific.labels.json",
    ROOT / "tests" / "fixtures" / "articles" / "q3-china-outlicensing-roundup.labels.json",
    # Written and labelled after the rules were frozen, to measure generalisation (see their notes); the
    # first-run scores are in the feature's report, the rules have since been fixed on what they exposed.
    ROOT / "eval" / "facts" / "heldout-valkenburg-kaiyuan.labels.json",
    ROOT / "eval" / "facts" / "heldout2-ostara-linqi.labels.json",
]

Label = dict[str, Any]


@dataclass
class Score:
    """Counts for one field: extracted (predicted) facts, labelled (gold) facts and the matches."""

    predicted: int = 0
    gold: int = 0
    correct_predicted: int = 0
    correct_gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 1.0

    def add(self, other: Score) -> Score:
        return Score(
            self.predicted + other.predicted,
            self.gold + other.gold,
            self.correct_predicted + other.correct_predicted,
            self.correct_gold + other.correct_gold,
        )


FIELDS = [
    "deal parties",
    "deal value",
    "deal payments",
    "deal year",
    "figures",
    "figure year",
    "people",
    "people role",
    "people org",
    "views",
    "company aliases",
]


# --------------------------------------------------------------------------------------------------
# Loading


def load_labelled(labels_path: Path) -> tuple[Document, Label]:
    """The labels and the document they describe, loaded the way the index loads it."""
    labels: Label = json.loads(labels_path.read_text(encoding="utf-8"))
    doc_path = Path(labels["document"])
    if not doc_path.is_absolute():
        doc_path = labels_path.parent / doc_path
    document = load_document(doc_path.parent, doc_path)
    check_labels(document, labels)
    return document, labels


def locate(text: str, wanted: str, occurrence: str | None = None) -> tuple[int, int]:
    """Span of a label's verbatim text (inside `occurrence` when the text alone is ambiguous)."""
    base = 0
    if occurrence is not None:
        base = text.find(occurrence)
        if base < 0:
            raise ValueError(f"label context {occurrence!r} is not in the document")
        at = text.find(wanted, base, base + len(occurrence))
    else:
        at = text.find(wanted)
    if at < 0:
        raise ValueError(f"label text {wanted!r} is not in the document")
    return at, at + len(wanted)


def check_labels(document: Document, labels: Label) -> None:
    for deal in labels["deals"]:
        locate(document.text, deal["evidence"])
        for key in ("value", "upfront", "milestones", "value_equivalent"):
            if deal.get(key):
                locate(document.text, deal[key]["text"])
    for figure in labels["figures"]:
        locate(document.text, figure["text"], figure.get("occurrence"))
    for view in labels["views"]:
        locate(document.text, view["text"])


# --------------------------------------------------------------------------------------------------
# Matching


def _keys(name: str) -> set[str]:
    keys = {_company_key(name)}
    short = _short_key(name)
    if short:
        keys.add(short)
    return keys


def _party_keys(name: str, facts: DocumentFacts) -> set[str]:
    canonical = canonical_company(name, facts)
    company = next((c for c in facts.companies if c.name == canonical), None)
    forms = [name, *(company.aliases if company else []), canonical]
    return set().union(*(_keys(f) for f in forms))


def _same_parties(deal: Deal, gold: Label, facts: DocumentFacts) -> bool:
    if len(deal.parties) != len(gold["parties"]):
        return False
    extracted = [_party_keys(p, facts) for p in deal.parties]
    return all(any(_keys(g) & keys for keys in extracted) for g in gold["parties"]) and all(
        any(_keys(g) & keys for g in gold["parties"]) for keys in extracted
    )


def _same_money(money: Money | None, gold: Label | None) -> bool:
    if money is None or gold is None:
        return False
    return money.currency == gold["currency"] and abs(money.amount - gold["amount"]) <= 0.005 * gold["amount"]


def _pair(predicted: list[Any], gold: list[Label], same: Callable[[Any, Label], bool]) -> list[tuple[Any, Label]]:
    """Greedy one-to-one matching in document order."""
    pairs: list[tuple[Any, Label]] = []
    free = list(gold)
    for item in predicted:
        match = next((g for g in free if same(item, g)), None)
        if match is not None:
            free.remove(match)
            pairs.append((item, match))
    return pairs


def _field(
    pairs: Iterable[tuple[Any, Label]],
    predicted: list[Any],
    gold: list[Label],
    has_pred: Callable[[Any], bool],
    has_gold: Callable[[Label], bool],
    correct: Callable[[Any, Label], bool],
) -> Score:
    """A field scored on matched pairs: a prediction without a matching label counts as wrong."""
    ok = [(p, g) for p, g in pairs if has_pred(p) and has_gold(g) and correct(p, g)]
    return Score(
        predicted=sum(1 for p in predicted if has_pred(p)),
        gold=sum(1 for g in gold if has_gold(g)),
        correct_predicted=len(ok),
        correct_gold=len(ok),
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def score_document(document: Document, facts: DocumentFacts, labels: Label) -> dict[str, Score]:
    """One Score per field of FIELDS."""
    text = document.text
    scores: dict[str, Score] = {}
    gold_deals: list[Label] = labels["deals"]
    pairs = _pair(facts.deals, gold_deals, lambda d, g: _same_parties(d, g, facts))
    scores["deal parties"] = Score(len(facts.deals), len(gold_deals), len(pairs), len(pairs))
    scores["deal value"] = _field(
        pairs, facts.deals, gold_deals,
        lambda d: d.value is not None, lambda g: bool(g.get("value")),
        lambda d, g: _same_money(d.value, g["value"]),
    )  # fmt: skip
    payments = [(d, g, key) for d, g in pairs for key in ("upfront", "milestones")]
    scores["deal payments"] = Score(
        predicted=sum((d.upfront is not None) + (d.milestones is not None) for d in facts.deals),
        gold=sum(bool(g.get("upfront")) + bool(g.get("milestones")) for g in gold_deals),
        correct_predicted=sum(_same_money(getattr(d, k), g.get(k)) for d, g, k in payments),
        correct_gold=sum(_same_money(getattr(d, k), g.get(k)) for d, g, k in payments),
    )
    scores["deal year"] = _field(
        pairs, facts.deals, gold_deals,
        lambda d: d.year is not None, lambda g: g.get("year") is not None,
        lambda d, g: d.year == g["year"],
    )  # fmt: skip

    gold_figures: list[Label] = labels["figures"]
    spans = {id(g): locate(text, g["text"], g.get("occurrence")) for g in gold_figures}
    fig_pairs = _pair(
        facts.figures,
        gold_figures,
        lambda f, g: (
            f.unit == g["unit"]
            and abs(f.value - g["value"]) <= 0.005 * abs(g["value"])
            and _overlap((f.start, f.end), spans[id(g)]) > 0
        ),
    )
    scores["figures"] = Score(len(facts.figures), len(gold_figures), len(fig_pairs), len(fig_pairs))
    scores["figure year"] = _field(
        fig_pairs, [f for f, _ in fig_pairs], [g for _, g in fig_pairs],
        lambda f: f.year is not None, lambda g: g.get("year") is not None,
        lambda f, g: f.year == g["year"] and f.year_end == g.get("year_end"),
    )  # fmt: skip

    gold_people: list[Label] = labels["people"]
    people_pairs = _pair(facts.people, gold_people, lambda p, g: _norm(p.name) == _norm(g["name"]))
    scores["people"] = Score(len(facts.people), len(gold_people), len(people_pairs), len(people_pairs))
    scores["people role"] = _field(
        people_pairs, facts.people, gold_people,
        lambda p: p.role is not None, lambda g: g.get("role") is not None,
        lambda p, g: _norm(p.role) == _norm(g["role"]),
    )  # fmt: skip
    scores["people org"] = _field(
        people_pairs, facts.people, gold_people,
        lambda p: p.organisation is not None, lambda g: g.get("organisation") is not None,
        lambda p, g: bool(_party_keys(p.organisation or "", facts) & _keys(g["organisation"])),
    )  # fmt: skip

    gold_views: list[Label] = labels["views"]
    view_spans = {id(g): locate(text, g["text"]) for g in gold_views}
    view_pairs = _pair(
        facts.views,
        gold_views,
        lambda v, g: (
            _norm(v.person) == _norm(g["person"])
            and v.kind == g["kind"]
            and _overlap((v.start, v.end), view_spans[id(g)]) >= 0.8
        ),
    )
    scores["views"] = Score(len(facts.views), len(gold_views), len(view_pairs), len(view_pairs))

    alias_total = alias_ok = 0
    for company in labels.get("companies", []):
        expected = canonical_company(company["name"], facts)
        for alias in company["aliases"]:
            alias_total += 1
            known = any(c.name == expected for c in facts.companies)
            alias_ok += known and canonical_company(alias, facts) == expected
    scores["company aliases"] = Score(alias_total, alias_total, alias_ok, alias_ok)
    return scores


# --------------------------------------------------------------------------------------------------
# Report


def evaluate(label_files: list[Path]) -> dict[str, dict[str, Score]]:
    """Scores per document name, plus "all" summed over the documents."""
    results: dict[str, dict[str, Score]] = {}
    for path in label_files:
        document, labels = load_labelled(path)
        results[Path(document.path).stem] = score_document(document, extract_facts(document), labels)
    total = {field: Score() for field in FIELDS}
    for scores in results.values():
        for field in FIELDS:
            total[field] = total[field].add(scores[field])
    results["all"] = total
    return results


def render(results: dict[str, dict[str, Score]]) -> str:
    """One row per field, one column per document: precision, recall and the counts behind them."""
    width = 27
    names = list(results)
    lines = [
        f"{'field':<16}" + "".join(f"{name[: width - 2]:>{width}}" for name in names),
        f"{'':<16}" + "".join(f"{'P     R  ok/pred ok/gold':>{width}}" for _ in names),
    ]
    for field in FIELDS:
        cells = []
        for name in names:
            s = results[name][field]
            counts = f"{s.correct_predicted}/{s.predicted} {s.correct_gold}/{s.gold}"
            cells.append(f"{s.precision:4.2f}  {s.recall:4.2f} {counts:>11}")
        lines.append(f"{field:<16}" + "".join(f"{c:>{width}}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or LABEL_FILES
    print(render(evaluate(files)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
