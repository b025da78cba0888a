#!/usr/bin/env python3
"""Validate a seed question set (JSONL) against the article it was written from.

Usage:
    python eval/check_devset.py eval/seed_devset.jsonl \\
        /work/shared/corpus/china-innovative-medicines-outlook.txt

Checks: one JSON object per line, unique ids, allowed tags, every `expected` / `expected_any` entry is a
verbatim substring of the article (single line, not web advertising debris), every keyword occurs
(case-insensitively) in every expected alternative, and follow-up chains are well formed.
Prints counts; exits 1 if anything is wrong. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ALLOWED_TAGS = {
    "deal", "figure", "modality", "therapy-area", "expert", "policy",
    "strategy", "market", "unanswerable", "followup",
}
# Lines of the scraped page that are advertising, not article text.
DEBRIS = (
    "Discover B2B Marketing That Performs",
    "Combine business intelligence and editorial excellence",
    "US Tariffs are shifting",
    "Don’t let policy changes catch you off guard",
    "By GlobalData",
)
MAX_FOLLOWUPS = 3
TURN_FIELDS = {"question", "expected", "expected_any", "keywords", "unanswerable"}
ITEM_FIELDS = TURN_FIELDS | {"id", "tags", "followups"}


def check_turn(turn: dict[str, Any], where: str, article: str, errors: list[str]) -> bool | None:
    """Validate the answer part of a question or follow-up. Returns True if answerable, False if not,
    None if malformed."""
    q = turn.get("question")
    if not isinstance(q, str) or not q.strip():
        errors.append(f"{where}: missing or empty 'question'")
    unanswerable = turn.get("unanswerable", False)
    has_exp = "expected" in turn
    has_any = "expected_any" in turn
    if unanswerable is True:
        for key in ("expected", "expected_any", "keywords"):
            if key in turn:
                errors.append(f"{where}: unanswerable item must not have '{key}'")
        return False
    if unanswerable is not False:
        errors.append(f"{where}: 'unanswerable' must be true or absent")
        return None
    if has_exp == has_any:
        errors.append(f"{where}: needs exactly one of 'expected' / 'expected_any' (or unanswerable: true)")
        return None
    alternatives = [turn["expected"]] if has_exp else turn["expected_any"]
    if not isinstance(alternatives, list) or not alternatives:
        errors.append(f"{where}: 'expected_any' must be a non-empty list")
        return None
    for alt in alternatives:
        if not isinstance(alt, str) or len(alt.strip()) < 15:
            errors.append(f"{where}: expected text too short or not a string: {alt!r}")
            continue
        if alt != alt.strip():
            errors.append(f"{where}: expected text has leading/trailing whitespace: {alt[:60]!r}")
        if "\n" in alt:
            errors.append(f"{where}: expected text spans lines: {alt[:60]!r}")
        if alt not in article:
            errors.append(f"{where}: expected text not found verbatim in article: {alt[:80]!r}")
        for d in DEBRIS:
            if d in alt:
                errors.append(f"{where}: expected text contains advertising debris {d!r}")
    kws = turn.get("keywords")
    if not isinstance(kws, list) or not 1 <= len(kws) <= 3 or not all(isinstance(k, str) and k for k in kws):
        errors.append(f"{where}: 'keywords' must be a list of 1-3 non-empty strings")
        return True
    for k in kws:
        for alt in alternatives:
            if isinstance(alt, str) and k.lower() not in alt.lower():
                errors.append(f"{where}: keyword {k!r} not in expected text {alt[:60]!r}")
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl", type=Path)
    ap.add_argument("article", type=Path)
    args = ap.parse_args(argv)

    article = args.article.read_text(encoding="utf-8")
    errors: list[str] = []
    ids: set[str] = set()
    n = dict.fromkeys(
        ("items", "answerable", "unanswerable", "chains", "fu_answerable", "fu_unanswerable"), 0
    )

    for lineno, raw in enumerate(args.jsonl.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        where = f"line {lineno}"
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: invalid JSON ({e})")
            continue
        if not isinstance(item, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        n["items"] += 1
        iid = item.get("id")
        if not isinstance(iid, str) or not iid:
            errors.append(f"{where}: missing 'id'")
        elif iid in ids:
            errors.append(f"{where}: duplicate id {iid!r}")
        else:
            ids.add(iid)
            where = f"{where} ({iid})"
        for key in set(item) - ITEM_FIELDS:
            errors.append(f"{where}: unknown field {key!r}")
        tags = item.get("tags")
        if not isinstance(tags, list) or not tags:
            errors.append(f"{where}: 'tags' must be a non-empty list")
            tags = []
        for t in tags:
            if t not in ALLOWED_TAGS:
                errors.append(f"{where}: unknown tag {t!r}")
        answerable = check_turn(item, where, article, errors)
        if answerable is True:
            n["answerable"] += 1
        elif answerable is False:
            n["unanswerable"] += 1
        if (answerable is False) != ("unanswerable" in tags):
            errors.append(f"{where}: tag 'unanswerable' must be present exactly when unanswerable is true")

        if "followups" in item:
            fus = item["followups"]
            if not isinstance(fus, list) or not 1 <= len(fus) <= MAX_FOLLOWUPS:
                errors.append(f"{where}: 'followups' must be a list of 1-{MAX_FOLLOWUPS} turns")
                continue
            n["chains"] += 1
            if "followup" not in tags:
                errors.append(f"{where}: chains must carry the 'followup' tag")
            for j, fu in enumerate(fus, 1):
                fwhere = f"{where} followup {j}"
                if not isinstance(fu, dict):
                    errors.append(f"{fwhere}: not a JSON object")
                    continue
                for key in set(fu) - TURN_FIELDS:
                    errors.append(f"{fwhere}: unknown field {key!r}")
                ok = check_turn(fu, fwhere, article, errors)
                if ok is True:
                    n["fu_answerable"] += 1
                elif ok is False:
                    n["fu_unanswerable"] += 1
        elif "followup" in tags:
            errors.append(f"{where}: tagged 'followup' but has no 'followups'")

    print(f"{args.jsonl}: {n['items']} questions "
          f"({n['answerable']} answerable, {n['unanswerable']} unanswerable), "
          f"{n['chains']} follow-up chains with "
          f"{n['fu_answerable'] + n['fu_unanswerable']} follow-ups "
          f"({n['fu_answerable']} answerable, {n['fu_unanswerable']} unanswerable)")
    for err in errors:
        print(f"ERROR {err}", file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
