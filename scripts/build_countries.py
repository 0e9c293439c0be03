#!/usr/bin/env python3
"""Build dyad's country table from the shared GeoNames country list.

Usage (from the repository root, with ../shared beside it):
    python3 scripts/build_countries.py > crates/dyad-actors/data/countries.tsv

Keeps facts only: ISO 3166-1 alpha-3 code, English name, capital (GeoNames, CC BY 4.0; see NOTICE).
"""
import json
import sys

SOURCE = "../shared/data/geo/countries.json"


def main():
    with open(SOURCE, encoding="utf-8") as f:
        countries = json.load(f)
    sys.stdout.write("# iso3\tname\tcapital\n")
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        sys.stdout.write(f"{c['iso3']}\t{c['name']}\t{c.get('capital') or ''}\n")


if __name__ == "__main__":
    main()
