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

# The 2021 conversion table gives CAMEO 02 (appeals) no PLOVER type: PLOVER codes no appeals.
# But the PLOVER manual's REQUEST section takes in what CAMEO files under 0233: refugees'
# demands to be let into other countries and asylum demands, "not necessarily verbal acts"
# (refugees seeking shelter or refuge). Those get REQUEST, as the manual says.
PLOVER_MANUAL = {"0233": ("REQUEST", "assist", "humanitarian")}


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
