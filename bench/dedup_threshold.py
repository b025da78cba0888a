"""Measure where the near-duplicate threshold of `assistant.dedup` should sit.

Duplicates are made from real text (the seed article and SciFact abstracts) the way syndication makes
them: exact copies, boilerplate added or removed, re-flowed lines and changed punctuation, a new title,
10-30 % of sentences dropped (in both directions: the trimmed copy added after the full text, and the
full text added after the trimmed copy), and all of these at once. Non-duplicates are distinct abstracts
on the same topic: each sampled abstract against its nearest abstracts by shared content words, and
against the whole SciFact corpus (what `add` does). Prints the score distributions, the threshold in the
gap between them, and the margin on each side.

    .venv/bin/python bench/dedup_threshold.py [--sample 300] [--scifact PATH]

SciFact is read in place (never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.corpus import parse_article  # noqa: E402
from assistant.dedup import (  # noqa: E402
    DEFAULT_THRESHOLD,
    ShingleIndex,
    jaccard,
    normalise_words,
    shingles,
)

SCIFACT = Path("/work/shared/bench/scifact/corpus.jsonl")
SEED = ROOT / "corpus" / "china-innovative-medicines-outlook.md"

BOILERPLATE = [
    "Discover B2B Marketing That Performs",
    "Combine business intelligence and editorial excellence to reach engaged professionals across 36 "
    "leading media platforms.",
    "Sign up for our daily newsletter and never miss a licensing deal.",
    "This story was first published by BioDeal Wire and is republished with permission.",
    "Advertisement – Register now for the Dealmakers Forum in Shanghai and meet 300 licensing executives.",
    "© 2025 Example Media Ltd. All rights reserved. Privacy policy · Terms of use",
]
_SENTENCE = re.compile(r"(?<=[.!?”])\s+(?=[A-Z0-9“\"(])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.replace("\n", " ")) if s.strip()]


def drop_sentences(text: str, share: float, rng: random.Random) -> str:
    sents = sentences(text)
    k = max(1, round(len(sents) * share))
    keep = sorted(rng.sample(range(len(sents)), len(sents) - k)) if len(sents) > k else [0]
    return " ".join(sents[i] for i in keep)


def with_boilerplate(text: str, rng: random.Random) -> str:
    ads = rng.sample(BOILERPLATE, 3)
    paragraphs = text.split("\n\n")
    middle = len(paragraphs) // 2
    return "\n\n".join([ads[0], *paragraphs[:middle], ads[1], *paragraphs[middle:], ads[2]])


def reflow(text: str) -> str:
    """Hard-wrapped at 60 columns, doubled spaces, straight quotes and dashes, commas turned to semicolons."""
    swapped = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace(", ", " ; ")
    return "\n".join(textwrap.wrap(swapped, 60)).replace(". ", ".  ")


def titled(text: str, title: str) -> str:
    return f"# {title}\n\n{text}"


def variants(text: str, title: str, rng: random.Random) -> dict[str, tuple[str, str]]:
    """name -> (text already stored, text being added)."""
    out = {
        "exact copy": (text, text),
        "boilerplate added": (text, with_boilerplate(text, rng)),
        "boilerplate removed": (with_boilerplate(text, rng), text),
        "re-flowed + punctuation": (text, reflow(text)),
        "changed title": (titled(text, title), titled(text, "Rival outlet headline about the same story")),
    }
    for share in (0.1, 0.2, 0.3):
        trimmed = drop_sentences(text, share, rng)
        out[f"{share:.0%} sentences dropped (trimmed copy added)"] = (text, trimmed)
        out[f"{share:.0%} sentences dropped (full text added after copy)"] = (trimmed, text)
    syndicated = titled(with_boilerplate(drop_sentences(text, 0.3, rng), rng), "Syndicated headline")
    out["syndicated: title + boilerplate + 30% dropped"] = (titled(text, title), syndicated)
    out["syndicated, reverse (full added after copy)"] = (syndicated, titled(text, title))
    return out


def score(stored: str, added: str) -> float:
    """What `ShingleIndex.best_match` computes for one stored text."""
    index = ShingleIndex()
    index.add("stored", stored)
    return max((s for _, s in index.scores(added)), default=0.0)


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def describe(values: list[float]) -> str:
    return (
        f"n={len(values):5d}  min={min(values):.3f}  p5={quantile(values, 0.05):.3f}  "
        f"median={statistics.median(values):.3f}  p99={quantile(values, 0.99):.3f}  max={max(values):.3f}"
    )


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in normalise_words(text) if len(w) > 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=300, help="abstracts used as articles")
    parser.add_argument("--neighbours", type=int, default=5, help="same-topic abstracts per sample")
    parser.add_argument("--scifact", type=Path, default=SCIFACT)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    rows = [json.loads(line) for line in args.scifact.read_text(encoding="utf-8").splitlines() if line]
    abstracts = {row["_id"]: row["text"].strip() for row in rows if len(row["text"].split()) >= 60}
    titles = {row["_id"]: row["title"] for row in rows}
    ids = sorted(abstracts)
    sample = rng.sample([i for i in ids if len(sentences(abstracts[i])) >= 5], args.sample)

    _, seed_clean, _, _ = parse_article(SEED.read_text(encoding="utf-8"), SEED)
    seed_raw = SEED.read_text(encoding="utf-8").split("---", 2)[2]

    # ---- duplicates
    positives: dict[str, list[float]] = {}
    jaccards: dict[str, list[float]] = {}
    articles: list[tuple[str, str]] = [(seed_clean, "China–West licensing outlook")]
    articles += [(abstracts[i], titles[i]) for i in sample]
    for text, title in articles:
        for name, (stored, added) in variants(text, title, rng).items():
            positives.setdefault(name, []).append(score(stored, added))
            jaccards.setdefault(name, []).append(jaccard(shingles(stored), shingles(added)))
    positives.setdefault("seed: raw scraped body vs cleaned", []).append(score(seed_raw, seed_clean))
    positives["seed: raw scraped body vs cleaned"].append(score(seed_clean, seed_raw))

    print(f"Duplicates (containment of the added text in the stored one; {len(articles)} articles)")
    for name, values in positives.items():
        print(f"  {name:55s} {describe(values)}")
    print("\n  The seed (a news-length article, 1,150 words) alone:")
    for name, values in positives.items():
        print(f"  {name:55s} {values[0]:.3f}")
    print("\n  (Jaccard for comparison, which the trims and boilerplate pull down:)")
    for name in (
        "boilerplate added",
        "30% sentences dropped (trimmed copy added)",
        "syndicated: title + boilerplate + 30% dropped",
    ):
        print(f"  {name:55s} {describe(jaccards[name])}")
    all_positive = [v for values in positives.values() for v in values]

    # ---- distinct articles on the same topic
    started = time.perf_counter()
    index = ShingleIndex()
    for i in ids:
        index.add(i, abstracts[i])
    build_seconds = time.perf_counter() - started
    words = {i: content_words(abstracts[i]) for i in ids}

    neighbour_scores: list[float] = []
    corpus_max: list[tuple[float, str, str]] = []
    all_pairs: list[float] = []
    query_seconds: list[float] = []
    for i in sample:
        mine = words[i]
        near = sorted((len(mine & words[j]) / max(1, len(mine | words[j])), j) for j in ids if j != i)[
            -args.neighbours :
        ]
        for _, j in near:
            neighbour_scores.append(score(abstracts[j], abstracts[i]))
        t0 = time.perf_counter()
        found = [(s, key) for key, s in index.scores(abstracts[i]) if key != i]
        query_seconds.append(time.perf_counter() - t0)
        all_pairs.extend(s for s, _ in found)
        best = max(found, default=(0.0, ""))
        corpus_max.append((best[0], i, best[1]))
    seed_vs_scifact = [s for _, s in index.scores(seed_clean)] or [0.0]

    print(f"\nDistinct articles on the same topic ({len(sample)} abstracts)")
    print(f"  {'vs their 5 nearest abstracts (content words)':55s} {describe(neighbour_scores)}")
    print(f"  {'vs every abstract sharing a shingle':55s} {describe(all_pairs)}")
    print(f"  {'best match in the whole corpus (what add checks)':55s} {describe([s for s, _, _ in corpus_max])}")
    print(f"  {'seed article vs all abstracts':55s} max={max(seed_vs_scifact):.3f}")
    top = sorted(corpus_max, reverse=True)[:3]
    print("  closest distinct pairs: " + ", ".join(f"{a}~{b} {s:.3f}" for s, a, b in top))
    print(f"  p99.9 of all scored pairs: {quantile(all_pairs, 0.999):.3f}")

    all_negative = neighbour_scores + [s for s, _, _ in corpus_max] + seed_vs_scifact
    low, high = max(all_negative), min(all_positive)
    weakest = min(positives, key=lambda name: min(positives[name]))
    print("\nThreshold")
    print(f"  most similar distinct pair : {low:.3f}")
    print(f"  least similar duplicate    : {high:.3f}  ({weakest})")
    weakest_copy = min(v for name, values in positives.items() if "after" not in name for v in values)
    print(f"  least similar copy added   : {weakest_copy:.3f}  (the copy added after the original)")
    print(f"  midpoint                   : {(low + high) / 2:.3f}")
    print(
        f"  DEFAULT_THRESHOLD = {DEFAULT_THRESHOLD}: margin {DEFAULT_THRESHOLD - low:+.3f} above distinct, "
        f"{high - DEFAULT_THRESHOLD:+.3f} below duplicates"
    )
    missed = sum(v < DEFAULT_THRESHOLD for v in all_positive)
    false = sum(v >= DEFAULT_THRESHOLD for v in all_negative)
    print(
        f"  at that threshold: {missed}/{len(all_positive)} duplicates missed, "
        f"{false}/{len(all_negative)} distinct pairs flagged"
    )
    print("\n  threshold  duplicates missed: copy added / full text added after a copy / all;  distinct pairs flagged")
    reverse = [v for name, values in positives.items() if "after" in name for v in values]
    forward = [v for name, values in positives.items() if "after" not in name for v in values]
    for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6):
        print(
            f"  {t:9.2f}  {sum(v < t for v in forward):5d}/{len(forward)}  {sum(v < t for v in reverse):5d}/"
            f"{len(reverse)}  {sum(v < t for v in all_positive):5d}/{len(all_positive)}"
            f"  {sum(v >= t for v in all_negative):5d}/{len(all_negative)}"
        )
    per_query = statistics.median(query_seconds) * 1000
    print(f"\nSpeed: index of {len(ids)} abstracts built in {build_seconds:.2f} s; median query {per_query:.1f} ms")


if __name__ == "__main__":
    main()
