#!/usr/bin/env python3
"""Build dyad's CAMEO codebook data file from the shared CAMEO code table.

Usage (from the repository root, with ../shared beside it):
    python3 scripts/build_codebook.py > crates/dyad-codebook/data/cameo_codes.tsv

Keeps only facts (codes, names, Goldstein values, quad classes, PLOVER event type, mode and
context); see NOTICE for the sources (GDELT/CAMEO lookups; PLOVER CC BY-SA 4.0).
"""
import csv
import sys

SOURCE = "../shared/data/cameo/cameo_eventcodes.tsv"

# Where the 2021 conversion table contradicts the PLOVER manual (Draft 0.8, the same release),
# the manual's definition of the category wins:
# - 0233: the table gives CAMEO 02 (appeals) no type, as PLOVER codes no appeals; but the
#   manual's REQUEST section takes in refugees' demands to be let into other countries and
#   asylum demands, "not necessarily verbal acts" (refugees seeking shelter or refuge).
# - 0813, 0814: the manual's CONCEDE section covers easing administrative or legal restrictions
#   and names lifting a curfew as its example of a concession; the table says RETREAT.
# - 0831: the manual's RETREAT section "also covers resignations of government officials" and
#   gives RETREAT a `resign` mode; the table says CONCEDE.
# (0871, declaring a ceasefire, keeps the table's RETREAT: the manual names ceasefires under
# both CONCEDE, declared, and RETREAT, its `ceasefire` mode.)
PLOVER_MANUAL = {
    "0233": ("REQUEST", "assist", "humanitarian"),
    "0813": ("CONCEDE", "", "legal"),
    "0814": ("CONCEDE", "", "legal"),
    "0831": ("RETREAT", "resign", "political_institutions"),
}


def main():
    out = sys.stdout
    out.write("# code\troot\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\n")
    with open(SOURCE, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code = row["cameo_code"].strip()
            if not code:
                continue
            fields = [
                code,
                row["root_code"].strip(),
                " ".join(row["name_gdelt"].split()),
                row["goldstein_gdelt"].strip(),
                row["quad_class_gdelt"].strip(),
                row["plover_event_2021"].strip(),
                row["plover_mode_2021"].strip(),
                row["plover_context_2021"].strip(),
            ]
            if code in PLOVER_MANUAL:
                fields[5:8] = PLOVER_MANUAL[code]
            out.write("\t".join(fields) + "\n")


if __name__ == "__main__":
    main()
