#!/usr/bin/env python3
"""Held-out UNER EWT dev folds for NER decisions (docs/evaluation.md, "Named entities").

Splits the UNER EWT dev documents into four folds (document i goes to fold i % 4); for each
fold trains on eng.train, GUM train and the other three folds (12 epochs, eng.testa as the
held-out development file), scores the held-out fold, and prints the pooled entity F1 over
the four folds by type, with eng.testa F1 of each fold model. Fold files and models go to a
scratch folder (never into the repository).

    cargo build --release -p dyad-ner --example ner
    scripts/ner_folds.py NAME [--seed N] [--work /tmp/ner-folds]

The training binary's experiment variables (NER_WEB, NER_ROWS, NER_ORACLE, NER_RUNS, NER_SEEDS,
...) pass through; unset, the folds train like the shipped model.
"""

import argparse
import json
import os
import subprocess
from pathlib import Path

FOLDS = 4


def split(dev: Path, work: Path) -> None:
    docs = ["# newdoc" + d for d in dev.read_text().split("# newdoc")[1:]]
    for f in range(FOLDS):
        held = [d for i, d in enumerate(docs) if i % FOLDS == f]
        rest = [d for i, d in enumerate(docs) if i % FOLDS != f]
        (work / f"held{f}.iob2").write_text("".join(held))
        (work / f"rest{f}.iob2").write_text("".join(rest))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--seed", type=int, default=0x5EED)
    ap.add_argument("--work", type=Path, default=Path("/tmp/ner-folds"))
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--target-dir", default=os.environ.get("CARGO_TARGET_DIR", "target"))
    args = ap.parse_args()
    shared = args.shared.resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    split(shared / "ud/uner_en_ewt/en_ewt-ud-dev.iob2", args.work)
    binary = Path(args.target_dir) / "release/examples/ner"
    env = dict(os.environ, NER_LOWER="0", DYAD_SHARED_DATA=str(shared), NER_EPOCHS="12",
               NER_FIXED="1", NER_SEED=str(args.seed))
    totals: dict[str, list[float]] = {}
    testa = []
    for f in range(FOLDS):
        model = args.work / f"{args.name}-{f}.bin"
        report = subprocess.run(
            [binary, "train", model, shared / "conll2003/eng.testa",
             shared / "conll2003/eng.train", shared / "ud/en_gum/en_gum-ud-train.conllu",
             args.work / f"rest{f}.iob2"],
            env=env, check=True, capture_output=True, text=True).stdout
        testa.append(json.loads(report)["dev"]["f1"])
        out = subprocess.run([binary, "eval", model, args.work / f"held{f}.iob2"],
                             env=env, check=True, capture_output=True, text=True).stdout
        scores = json.loads(out.strip().splitlines()[-1])
        for kind, s in scores["by_type"].items():
            tp = s["recall"] * s["support"]
            predicted = tp / s["precision"] if s["precision"] > 0 else 0.0
            t = totals.setdefault(kind, [0.0, 0.0, 0.0])
            t[0] += tp
            t[1] += predicted
            t[2] += s["support"]

    def f1(t: list[float]) -> float:
        p = t[0] / t[1] if t[1] else 0.0
        r = t[0] / t[2] if t[2] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    pooled = [sum(t[i] for t in totals.values()) for i in range(3)]
    by_type = " ".join(f"{k} {f1(t):.3f}" for k, t in sorted(totals.items()))
    print(f"{args.name} seed {args.seed}: UNER dev folds F1 {f1(pooled):.4f} ({by_type}); "
          f"eng.testa {' '.join(f'{x:.4f}' for x in testa)}")


if __name__ == "__main__":
    main()
