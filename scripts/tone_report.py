#!/usr/bin/env python3
"""Summarise tone and PLOVER contexts of `dyad code --format jsonl` records (docs/tone.md).

Usage (from the repository root, with ../shared beside it):
    target/release/dyad code ../shared/data/news/bbc.jsonl --format jsonl \\
        | python3 scripts/tone_report.py

Prints Markdown tables: document tone per category (the part of `doc.id` before `/`, the
BBC corpus's topic), event tone per quad class with the correlation of event tone and
Goldstein value, and the contexts of events.
"""
import json
import math
import statistics
import sys
from collections import Counter, defaultdict

QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]


def pearson(xs, ys):
    if len(xs) < 3:
        return float("nan")
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return sxy / (sx * sy) if sx and sy else float("nan")


def main():
    docs = defaultdict(list)
    by_quad = defaultdict(list)
    pairs = []
    contexts = Counter()
    events = 0
    with_context = 0
    for line in sys.stdin:
        record = json.loads(line)
        category = (record["doc"].get("id") or "").split("/")[0] or "(none)"
        tone = record.get("tone")
        if tone:
            docs[category].append(tone)
        for e in record["events"]:
            events += 1
            if e.get("tone") is not None:
                by_quad[e["quad_class"]].append(e["tone"])
                pairs.append((e["tone"], e["goldstein"]))
            if e.get("contexts"):
                with_context += 1
            contexts.update(e.get("contexts") or [])
    print("| category | articles | mean AvgTone | median | positive % | negative % | polarity | articles < 0 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    everything = []
    for category in sorted(docs) + ["all"]:
        rows = everything if category == "all" else docs[category]
        if category != "all":
            everything.extend(rows)
        tones = [r["tone"] for r in rows]
        print(
            f"| {category} | {len(rows)} | {statistics.fmean(tones):+.2f} | {statistics.median(tones):+.2f} "
            f"| {statistics.fmean(r['positive'] for r in rows):.2f} | {statistics.fmean(r['negative'] for r in rows):.2f} "
            f"| {statistics.fmean(r['polarity'] for r in rows):.2f} | {sum(t < 0 for t in tones) / len(tones):.0%} |"
        )
    print()
    print("| quad class | events | mean event tone | events with tone < 0 |")
    print("| --- | ---: | ---: | ---: |")
    for q in sorted(by_quad):
        tones = by_quad[q]
        print(f"| {q} {QUADS[q - 1] if 1 <= q <= 4 else ''} | {len(tones)} | {statistics.fmean(tones):+.2f} | {sum(t < 0 for t in tones) / len(tones):.0%} |")
    r = pearson([t for t, _ in pairs], [g for _, g in pairs])
    print()
    print(f"Pearson correlation of event tone and Goldstein value over {len(pairs)} events: {r:+.3f}")
    print()
    print(f"Events with at least one context: {with_context} of {events} ({with_context / max(events, 1):.0%})")
    print()
    print("| context | events |")
    print("| --- | ---: |")
    for name, n in contexts.most_common():
        print(f"| {name} | {n} |")


if __name__ == "__main__":
    main()
