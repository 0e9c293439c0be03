#!/usr/bin/env python3
"""Build the dashboard map's country table from the shared GeoNames country list.

Usage (from the repository root, with ../shared beside it):
    python3 scripts/build_map_countries.py > crates/dyad-serve/data/countries.tsv

Keeps facts only: ISO 3166-1 alpha-3 code, ISO 3166-1 numeric code (three digits, the ids
of the world-atlas outlines the map draws) and English name (GeoNames, CC BY 4.0; see
NOTICE). Countries without a numeric code (GeoNames gives 0) keep an empty one.
"""
import json
import sys

SOURCE = "../shared/data/geo/countries.json"


def main():
    with open(SOURCE, encoding="utf-8") as f:
        countries = json.load(f)
    sys.stdout.write("# iso3\tnumeric\tname\n")
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        numeric = f"{int(c['isonumeric']):03d}" if c.get("isonumeric") else ""
        sys.stdout.write(f"{c['iso3']}\t{numeric}\t{c['name']}\n")


if __name__ == "__main__":
    main()
