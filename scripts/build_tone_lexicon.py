#!/usr/bin/env python3
"""Build dyad's tone lexicon (word -> mean valence) from the shared VADER lexicon.

Usage (from the repository root, with ../shared beside it):
    python3 scripts/build_tone_lexicon.py > crates/dyad-tone/data/valence.tsv

Keeps facts only: each word's mean valence rating, -4 (most negative) to +4 (most
positive), from VADER (Hutto & Gilbert 2014, MIT licence; see NOTICE). Emoticons and
other entries that are not words (letters, with inner apostrophes or hyphens) are left
out: news text has none. The rating spread and the raters' votes are not kept.
"""
import re
import sys

SOURCE = "../shared/data/lexicons/vader_lexicon.txt"
WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")


def main():
    rows = {}
    with open(SOURCE, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                continue
            word, mean = fields[0].strip().lower(), float(fields[1])
            if WORD.match(word) and mean != 0.0:
                rows[word] = mean
    sys.stdout.write("# word\tmean valence (-4..+4), from VADER; rebuilt by scripts/build_tone_lexicon.py\n")
    for word in sorted(rows):
        sys.stdout.write(f"{word}\t{rows[word]:g}\n")


if __name__ == "__main__":
    main()
