#!/usr/bin/env python3
"""Rebuild costgate's embedded catalog files from reference price CSVs.

A reference CSV has one public price fact per row (lines starting with # are comments):
    provider,service,resource_key,region,unit,usd_per_unit,source_repo_or_url,source_path,as_of
This script keeps the services listed in IMPORTS, drops rows without a YYYY-MM-DD as_of
date (a price whose date is unknown cannot be trusted or aged), keeps the newest row when
several sources price the same product in the same region, and writes one sorted catalog
pack per service under src/pricing/catalog/ (catalog_pack.py; docs/catalog.md).

By default it reads ../shared/pricing/reference.csv and then tools/catalog/reference_supplement.csv
(sourced prices the shared reference lacks).

Usage: tools/catalog/import_reference.py [REFERENCE_CSV ...] [--out DIR] [--version V]
"""
import argparse
import csv
import datetime
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import catalog_pack  # noqa: E402

# The services imported; each becomes src/pricing/catalog/<provider>_<service>.csv.
# Kubernetes default rates are read by the cluster profiles, not imported here.
IMPORTS = {
    "aws": ["cloudwatch", "ebs", "ec2", "ecs_fargate", "eks", "elasticache", "elb", "lambda",
            "rds", "route53", "s3", "vpc"],
    "gcp": ["cloud_nat", "cloud_sql", "cloud_storage", "compute_engine", "compute_engine_rates",
            "external_ip", "gke", "load_balancing", "persistent_disk", "vpn"],
    "k8s": ["default", "eks", "gke", "gke-autopilot", "aks"],
    "azure": ["managed_disks", "nat_gateway", "public_ip",
              "virtual_machines", "virtual_machines_windows"],
}

# Kubernetes cluster profiles (provider "k8s", service = profile, region "any"): each
# rate is a published reference row, copied under the profile's key with its own source.
K8S_PROFILES = {
    ("k8s-default", "kubecost_default_model", "CPU"): ("default", "cpu"),
    ("k8s-default", "kubecost_default_model", "RAM"): ("default", "memory"),
    ("k8s-default", "kubecost_default_model", "GPU"): ("default", "gpu"),
    ("k8s-default", "kubecost_default_model", "storage"): ("default", "storage"),
    ("k8s-default", "opencost_lb", "forwarding_rule_first5"): ("default", "load_balancer"),
    ("k8s-default", "opencost_aws", "CPU"): ("eks", "cpu"),
    ("k8s-default", "opencost_aws", "RAM"): ("eks", "memory"),
    ("k8s-default", "opencost_aws", "GPU"): ("eks", "gpu"),
    ("k8s-default", "opencost_aws", "storage"): ("eks", "storage"),
    ("aws", "elb", "nlb"): ("eks", "load_balancer"),
    ("k8s-default", "opencost_gcp", "CPU"): ("gke", "cpu"),
    ("k8s-default", "opencost_gcp", "RAM"): ("gke", "memory"),
    ("k8s-default", "opencost_gcp", "storage"): ("gke", "storage"),
    ("gcp", "load_balancing", "forwarding_rule"): ("gke", "load_balancer"),
    ("gcp", "gke", "autopilot_vcpu"): ("gke-autopilot", "cpu"),
    ("gcp", "gke", "autopilot_memory"): ("gke-autopilot", "memory"),
    ("gcp", "persistent_disk", "pd-balanced"): ("gke-autopilot", "storage"),
    ("k8s-default", "opencost_azure", "CPU"): ("aks", "cpu"),
    ("k8s-default", "opencost_azure", "RAM"): ("aks", "memory"),
    ("k8s-default", "opencost_azure", "GPU"): ("aks", "gpu"),
    ("k8s-default", "opencost_azure", "storage"): ("aks", "storage"),
}
# Cloud rows used by a profile come from the region the profile stands for.
K8S_PROFILE_REGIONS = {"aws": "us-east-1", "gcp": "us-central1"}

# Regions the reference states in words. A region it leaves ambiguous is not imported:
# a price must belong to one region.
REGION_WORDS = {
    "any": "any",
    # cluster-autoscaler's GCE constants, which the reference says match us-central1.
    "unstated (constants; match us-central1)": "us-central1",
}
REGION = re.compile(r"^[a-z0-9-]+$")

HEADER = ["provider", "service", "product", "region", "unit", "price", "terms",
          "source", "source_detail", "as_of"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNIT = re.compile(r"^(?P<unit>[^(]+?)\s*(?:\((?P<terms>.*)\))?$")


def split_unit(text):
    """'hour (Linux; on-demand)' -> ('hour', 'Linux; on-demand');
    'vCPU-month(730h)' -> ('vCPU-month', '730 hours')."""
    text = text.strip()
    if text.endswith("(730h)"):
        return text[: -len("(730h)")].strip(), "730 hours"
    match = UNIT.match(text)
    if not match:
        raise ValueError(f"unrecognised unit {text!r}")
    return match.group("unit"), match.group("terms") or ""


def catalog_file(provider, service):
    return f"{provider}_{service}.csv" if service in IMPORTS.get(provider, ()) else None


def k8s_profile_rows(rows):
    """Reference rows that cluster profiles use, re-keyed as k8s/<profile>/<product>/any."""
    for row in rows:
        target = K8S_PROFILES.get((row["provider"], row["service"], row["resource_key"]))
        if target is None or not DATE.match(row["as_of"]):
            continue
        region = K8S_PROFILE_REGIONS.get(row["provider"])
        if region is not None and row["region"] != region:
            continue
        profile, product = target
        detail = f"{row['source_path']} [{row['provider']}/{row['service']}/{row['resource_key']}]"
        yield dict(row, provider="k8s", service=profile, resource_key=product, region="any",
                   source_path=detail)


def convert(rows):
    """Catalog rows keyed by file name, each list sorted by product and region."""
    rows = list(rows)
    rows += list(k8s_profile_rows(rows))
    chosen = {}
    for row in rows:
        target = catalog_file(row["provider"], row["service"])
        if target is None or not DATE.match(row["as_of"]):
            continue
        region = REGION_WORDS.get(row["region"], row["region"])
        if not REGION.match(region):
            continue
        unit, terms = split_unit(row["unit"])
        if region != row["region"]:
            terms = "; ".join(part for part in (terms, f"region as stated: {row['region']}") if part)
        price = float(row["usd_per_unit"])
        if price < 0:
            raise ValueError(f"negative price in {row}")
        # karpenter's Azure table writes one size with trailing spaces.
        product = row["resource_key"].strip()
        key = (target, row["provider"], row["service"], product, region)
        entry = [row["provider"], row["service"], product, region, unit,
                 row["usd_per_unit"], terms, row["source_repo_or_url"], row["source_path"],
                 row["as_of"]]
        previous = chosen.get(key)
        if previous is None or entry[9] > previous[9]:
            chosen[key] = entry
    files = {catalog_file(provider, service): []
             for provider, services in IMPORTS.items() for service in services}
    for key in sorted(chosen):
        files[key[0]].append(chosen[key])
    return files


def main(argv):
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("references", nargs="*",
                        default=[here.parents[2] / "shared" / "pricing" / "reference.csv",
                                 here / "reference_supplement.csv"])
    parser.add_argument("--out", default=here.parents[1] / "src" / "pricing" / "catalog")
    parser.add_argument("--version", default=datetime.date.today().strftime("%Y.%m.%d"),
                        help="catalog version to write into manifest.yaml (default: today)")
    args = parser.parse_args(argv)
    rows = []
    for reference in args.references:
        with open(reference, newline="", encoding="utf-8") as handle:
            rows += csv.DictReader(line for line in handle if not line.startswith("#"))
    files = convert(rows)
    out = pathlib.Path(args.out)
    for name, entries in files.items():
        path = catalog_pack.write(out, name[: -len(".csv")], entries)
        print(f"{path}: {len(entries)} prices")
    as_of = max(entry[9] for entries in files.values() for entry in entries)
    (out / "manifest.yaml").write_text(
        "# The embedded catalog's identity, shown in every report. Written by\n"
        "# tools/catalog/import_reference.py: version is the import date, as_of the newest price.\n"
        f'version: "{args.version}"\nas_of: "{as_of}"\ncurrency: USD\n', encoding="utf-8")
    print(f"{out / 'manifest.yaml'}: version {args.version}, prices as of {as_of}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
