#!/usr/bin/env python3
"""Rebuild costgate's embedded catalog from the shared price facts.

Reads ../shared/pricing/reference.csv, then tools/catalog/reference_supplement.csv (sourced
prices the shared reference lacks), then every `regions/*.csv` and `ai/*.csv` the facts
README lists, and
writes one catalog file per service under src/pricing/catalog/ plus manifest.yaml
(docs/catalog.md describes the files, the key scheme and every rule applied here):

- rows without a YYYY-MM-DD as_of, or without one region, are left out, and so are the
  facts the sources' notes call wrong (mapping.dropped);
- keys are re-filed where a source's key means something narrower (mapping.RENAMES), spot
  prices go to `<service>_spot`, peer_goldens.csv rows only through its mapping table,
  ai/ai_tokens.csv rows through ai_tokens.py (model and kind of token in the product);
- units are made one per key: per 730-hour month for the keys pricers read so
  (mapping.PER_MONTH), per hour for every other flat fee;
- the newest row wins where sources overlap (the first read on a tie);
- EC2 sizes a region lacks are filled from a known size of the same family in the same
  region where prices scale linearly with size (ec2_scaling.py);
- the output is byte-identical for the same inputs: rows are sorted and the version is
  derived from the catalog's content unless --version gives one.

Usage: tools/catalog/import_reference.py [FACTS_CSV ...] [--facts DIR] [--out DIR] [--version V]
"""
import argparse
import collections
import hashlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ai_tokens  # noqa: E402
import catalog_pack  # noqa: E402
import ec2_scaling  # noqa: E402
import facts  # noqa: E402
import mapping  # noqa: E402
import peer_goldens  # noqa: E402

COLUMNS = ["provider", "service", "product", "region", "unit", "price", "terms",
           "source", "source_detail", "as_of"]


def with_terms(terms, *more):
    return "; ".join(part for part in (terms, *more) if part)


def normalise_unit(row):
    """Stores the row per 730-hour month where its key is read so, per hour otherwise."""
    monthly = mapping.PER_MONTH.get((row["provider"], row["service"], row["product"]))
    parts = [part for part in row["terms"].split("; ") if part]
    per_730_hours = "730 hours" in parts
    if monthly is not None and row["unit"] == monthly:
        return row
    if monthly is not None and mapping.HOURLY_TO_MONTHLY.get(row["unit"]) == monthly:
        price = float(row["price"]) * facts.HOURS_PER_MONTH
        return dict(row, unit=monthly, price=facts.format_price(price),
                    terms=with_terms(row["terms"], "730 hours"),
                    source_detail=f"{row['source_detail']} [converted: {row['price']} per "
                                  f"{row['unit']} x 730 hours]")
    if monthly is None and per_730_hours and row["unit"].endswith("month"):
        hourly = row["unit"][: -len("month")] + "hour"
        price = float(row["price"]) / facts.HOURS_PER_MONTH
        return dict(row, unit=hourly, price=facts.format_price(price),
                    terms="; ".join(part for part in parts if part != "730 hours"),
                    source_detail=f"{row['source_detail']} [converted: {row['price']} per "
                                  f"{row['unit']} of 730 hours / 730]")
    if monthly is not None:
        raise ValueError(f"{row['origin']}: {key_of(row)} in {row['unit']}, expected {monthly}")
    return row


def key_of(row):
    return f"{row['provider']}/{row['service']}/{row['product']}/{row['region']}"


def prepare(row, dropped):
    """The row as a catalog candidate, or None (counting why in `dropped`)."""
    if row["origin"] == peer_goldens.FILE_NAME:
        row = peer_goldens.map_row(row)
        if row is None:
            dropped["peer_goldens.csv row without an unambiguous product key"] += 1
            return None
    if row["origin"] == ai_tokens.FILE_NAME:
        row, reason = ai_tokens.map_row(row)
        if row is None:
            dropped[reason] += 1
            return None
    if not facts.DATE.match(row["as_of"]):
        dropped["no YYYY-MM-DD as_of"] += 1
        return None
    region = mapping.region_code(row["region"])
    if region is None:
        dropped["region names no single region"] += 1
        return None
    if region != row["region"] and region != "any":
        row = dict(row, terms=with_terms(row["terms"], f"region as stated: {row['region']}"))
    row = dict(row, region=region)
    reason = mapping.dropped(row)
    if reason:
        dropped[reason] += 1
        return None
    renamed = mapping.RENAMES.get((row["provider"], row["service"], row["product"]))
    if renamed:
        row = dict(row, service=renamed[0], product=renamed[1])
    spot = mapping.spot_service(row)
    if spot:
        row = dict(row, service=spot, terms="; ".join(
            part for part in row["terms"].split("; ") if part != "spot") or "spot")
    if row["service"] not in mapping.IMPORTS.get(row["provider"], ()):
        if (row["provider"], row["service"]) in mapping.IGNORED:
            dropped[mapping.IGNORED[(row["provider"], row["service"])]] += 1
            return None
        raise ValueError(f"{row['origin']}: service {row['provider']}/{row['service']} is "
                         "neither imported nor ignored (tools/catalog/mapping.py)")
    if float(row["price"]) < 0:
        raise ValueError(f"{row['origin']}: negative price for {key_of(row)}")
    return normalise_unit(row)


def newest(rows):
    """One row per key: the newest as_of; on a tie, the first read."""
    chosen = {}
    for row in rows:
        key = (row["provider"], row["service"], row["product"], row["region"])
        if key not in chosen or row["as_of"] > chosen[key]["as_of"]:
            chosen[key] = row
    return chosen


def check_one_unit(chosen):
    units = collections.defaultdict(set)
    for (provider, service, product, _), row in chosen.items():
        units[(provider, service, product)].add(row["unit"])
    mixed = {key: sorted(found) for key, found in units.items() if len(found) > 1}
    if mixed:
        raise ValueError(f"keys with more than one unit: {mixed}")


def k8s_profile_rows(profile_facts, chosen):
    """Cluster-profile rates: cost-model defaults as published, cloud rows as imported."""
    rows = []
    for row in profile_facts:
        target = mapping.K8S_PROFILES.get((row["provider"], row["service"], row["product"]))
        if target and facts.DATE.match(row["as_of"]):
            rows.append((target, row))
    for (provider, service, product, region), row in chosen.items():
        target = mapping.K8S_PROFILES.get((provider, service, product))
        if target and region == mapping.K8S_PROFILE_REGIONS.get(provider):
            rows.append((target, row))
    for (profile, product), row in rows:
        detail = f"{row['source_detail']} [{row['provider']}/{row['service']}/{row['product']}]"
        terms = "; ".join(part for part in row["terms"].split("; ")
                          if part and not part.startswith("region as stated"))
        yield dict(row, provider="k8s", service=profile, product=product, region="any",
                   terms=terms, source_detail=detail)


def convert(rows):
    """Catalog rows keyed by file name, each list sorted by product and region, and the
    count of facts left out by reason."""
    dropped = collections.Counter()
    candidates = []
    peer_rows = []
    profile_facts = []
    for row in rows:
        if row["provider"] in mapping.PROFILE_ONLY_PROVIDERS:
            profile_facts.append(row)
            continue
        prepared = prepare(row, dropped)
        if prepared is not None:
            (peer_rows if row["origin"] == peer_goldens.FILE_NAME else candidates).append(prepared)
    ambiguous, peer_rows = peer_goldens.ambiguous_keys(peer_rows)
    dropped["peer_goldens.csv key whose rows disagree"] += len(ambiguous)
    chosen = newest(candidates + peer_rows)
    for row in ec2_scaling.fill_missing_sizes(chosen):
        chosen[(row["provider"], row["service"], row["product"], row["region"])] = row
    chosen.update(newest(k8s_profile_rows(profile_facts, chosen)))
    check_one_unit(chosen)
    files = {f"{provider}_{service}": [] for provider, services in mapping.IMPORTS.items()
             for service in services}
    for key in sorted(chosen):
        row = chosen[key]
        files[f"{row['provider']}_{row['service']}"].append([row[column] for column in COLUMNS])
    return {name: entries for name, entries in files.items() if entries}, dropped


def derived_version(files):
    """YYYY.MM.DD of the newest price plus the first 8 hex digits of the rows' SHA-256."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode())
        for entry in files[name]:
            digest.update("\x1f".join(entry).encode() + b"\n")
    as_of = max(entry[9] for entries in files.values() for entry in entries)
    return f"{as_of.replace('-', '.')}-{digest.hexdigest()[:8]}", as_of


def write_catalog(files, out, version):
    out = pathlib.Path(out)
    # Catalog files are `<provider>_<service>.pack`; older catalogs were `.csv`.
    for stale in list(out.glob("*_*.csv")) + list(out.glob("*_*.pack")):
        if stale.suffix != ".pack" or stale.stem not in files:
            stale.unlink()
    for name, entries in sorted(files.items()):
        path = catalog_pack.write(out, name, entries)
        print(f"{path}: {len(entries)} prices")
    derived, as_of = derived_version(files)
    version = version or derived
    (out / "manifest.yaml").write_text(
        "# The embedded catalog's identity, shown in every report. Written by\n"
        "# tools/catalog/import_reference.py: version is the newest price's date and a digest\n"
        "# of the rows (or --version), as_of the newest price.\n"
        f'version: "{version}"\nas_of: "{as_of}"\ncurrency: USD\n', encoding="utf-8")
    print(f"{out / 'manifest.yaml'}: version {version}, prices as of {as_of}")


def find_facts_dir():
    """The nearest `shared/pricing` beside the repository or one of its parents."""
    for parent in HERE.parents:
        candidate = parent / "shared" / "pricing"
        if (candidate / "README.md").exists():
            return candidate
    return None


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", nargs="*", help="facts CSVs (default: the shared facts)")
    parser.add_argument("--facts-dir", help="the shared pricing folder (default: found "
                        "beside the repository)")
    parser.add_argument("--out", default=HERE.parents[1] / "src" / "pricing" / "catalog")
    parser.add_argument("--version", help="catalog version for manifest.yaml (default: the "
                        "newest price's date and a digest of the rows)")
    args = parser.parse_args(argv)
    inputs = args.facts
    if not inputs:
        facts_dir = args.facts_dir or find_facts_dir()
        if facts_dir is None:
            parser.error("no facts given and no shared/pricing folder found; use --facts-dir")
        inputs = facts.default_inputs(facts_dir, HERE / "reference_supplement.csv")
    rows = []
    for path in inputs:
        rows += facts.read_facts(path)
    files, dropped = convert(rows)
    for reason, count in sorted(dropped.items()):
        print(f"left out {count}: {reason}")
    write_catalog(files, args.out, args.version)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
