#!/usr/bin/env python3
"""Rebuild costgate's embedded catalog files from a reference price CSV.

The reference CSV has one public price fact per row:
    provider,service,resource_key,region,unit,usd_per_unit,source_repo_or_url,source_path,as_of
This script keeps the services listed in IMPORTS, drops rows without a YYYY-MM-DD as_of
date (a price whose date is unknown cannot be trusted or aged), keeps the newest row when
several sources price the same product in the same region, and writes one sorted catalog
CSV per service under src/pricing/catalog/ in costgate's catalog format (docs/catalog.md).

Usage: tools/catalog/import_reference.py [REFERENCE_CSV] [--out DIR]
"""
import argparse
import csv
import pathlib
import re
import sys

# (provider, service) in the reference file -> catalog file name.
IMPORTS = {
    ("aws", "ec2"): "aws_ec2.csv",
    ("aws", "ebs"): "aws_ebs.csv",
}

HEADER = ["provider", "service", "product", "region", "unit", "price", "terms",
          "source", "source_detail", "as_of"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNIT = re.compile(r"^(?P<unit>[^(]+?)\s*(?:\((?P<terms>.*)\))?$")


def split_unit(text):
    """'hour (Linux; shared tenancy; on-demand)' -> ('hour', 'Linux; shared tenancy; on-demand')."""
    match = UNIT.match(text.strip())
    if not match:
        raise ValueError(f"unrecognised unit {text!r}")
    return match.group("unit"), match.group("terms") or ""


def convert(rows):
    """Catalog rows keyed by file name, each list sorted by product and region."""
    chosen = {}
    for row in rows:
        target = IMPORTS.get((row["provider"], row["service"]))
        if target is None or not DATE.match(row["as_of"]):
            continue
        unit, terms = split_unit(row["unit"])
        price = float(row["usd_per_unit"])
        if price < 0:
            raise ValueError(f"negative price in {row}")
        key = (target, row["provider"], row["service"], row["resource_key"], row["region"])
        entry = [row["provider"], row["service"], row["resource_key"], row["region"], unit,
                 row["usd_per_unit"], terms, row["source_repo_or_url"], row["source_path"],
                 row["as_of"]]
        previous = chosen.get(key)
        if previous is None or entry[9] > previous[9]:
            chosen[key] = entry
    files = {name: [] for name in IMPORTS.values()}
    for key in sorted(chosen):
        files[key[0]].append(chosen[key])
    return files


def main(argv):
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", nargs="?",
                        default=here.parents[2] / "shared" / "pricing" / "reference.csv")
    parser.add_argument("--out", default=here.parents[1] / "src" / "pricing" / "catalog")
    args = parser.parse_args(argv)
    with open(args.reference, newline="", encoding="utf-8") as handle:
        files = convert(csv.DictReader(handle))
    out = pathlib.Path(args.out)
    for name, entries in files.items():
        with open(out / name, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(HEADER)
            writer.writerows(entries)
        print(f"{out / name}: {len(entries)} prices")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
