#!/usr/bin/env python3
"""Convert public price exports into costgate catalog CSV (docs/catalog.md).

Download an export, convert it, then either replace an embedded catalog file and rebuild,
or pass the result to `costgate --catalog` as an overlay. Offline: it only reads files.

  refresh.py aws-ec2 AmazonEC2.csv [--out aws_ec2.csv]
      AWS Price List bulk offer file (CSV) for EC2, from
      https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/index.csv
      Keeps on-demand, shared-tenancy Linux instance hours; as_of is its Publication Date.
  refresh.py azure-vm prices.json [prices2.json ...] --as-of YYYY-MM-DD [--out azure_virtual_machines.csv]
      Azure Retail Prices API pages (https://prices.azure.com/api/retail/prices?$filter=
      serviceName eq 'Virtual Machines'). Keeps pay-as-you-go hourly prices, Linux as service
      virtual_machines and Windows as virtual_machines_windows (no Spot or Low Priority);
      as_of is the day you downloaded them.
  refresh.py gcp-compute skus.json [...] --as-of YYYY-MM-DD [--out gcp_compute_engine_rates.csv]
      Cloud Billing Catalog API SKU lists for Compute Engine
      (services/6F81-5844-456A/skus). Keeps on-demand per-vCPU and per-GB rates of
      predefined and custom machine families, one row per region the SKU serves.
"""
import argparse
import csv
import io
import json
import re
import sys

HEADER = ["provider", "service", "product", "region", "unit", "price", "terms", "source",
          "source_detail", "as_of"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def number(text):
    """Shortest decimal text for a price: 0.0960000000 -> 0.096."""
    return format(float(text), ".10g")


def aws_ec2(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        metadata = {}
        for _ in range(5):
            row = next(csv.reader([handle.readline()]))
            if len(row) >= 2:
                metadata[row[0]] = row[1]
        if metadata.get("OfferCode") != "AmazonEC2":
            raise SystemExit(f"{path}: not an AmazonEC2 offer file (OfferCode {metadata.get('OfferCode')!r})")
        as_of = metadata.get("Publication Date", "")[:10]
        if not DATE.match(as_of):
            raise SystemExit(f"{path}: no Publication Date in the file header")
        source_detail = f"AmazonEC2 offer file version {metadata.get('Version', '?')}"
        rows = []
        for item in csv.DictReader(handle):
            if (item["TermType"] != "OnDemand" or item["Product Family"] != "Compute Instance"
                    or item["Tenancy"] != "Shared" or item["Operating System"] != "Linux"
                    or item["Pre Installed S/W"] != "NA" or item["CapacityStatus"] != "Used"
                    or item["License Model"] != "No License required" or item["Unit"] != "Hrs"
                    or item["Currency"] != "USD"):
                continue
            rows.append(["aws", "ec2", item["Instance Type"], item["Region Code"], "hour",
                         number(item["PricePerUnit"]), "Linux; shared tenancy; on-demand",
                         "AWS Price List bulk API", f"{source_detail}; SKU {item['SKU']}", as_of])
    return rows


def azure_vm(paths, as_of):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            items = json.load(handle).get("Items", [])
        for item in items:
            sku = item.get("skuName", "")
            if (item.get("serviceName") != "Virtual Machines" or item.get("type") != "Consumption"
                    or item.get("unitOfMeasure") != "1 Hour" or item.get("currencyCode") != "USD"
                    or "Spot" in sku or "Low Priority" in sku or not item.get("armSkuName")):
                continue
            windows = "Windows" in item.get("productName", "")
            rows.append(["azure", "virtual_machines_windows" if windows else "virtual_machines",
                         item["armSkuName"], item["armRegionName"], "hour", number(item["retailPrice"]),
                         ("Windows" if windows else "Linux") + " pay-as-you-go", "Azure Retail Prices API",
                         f"meterId {item.get('meterId', '?')}; {item.get('productName', '')}", as_of])
    return rows


GCP_SKU = re.compile(r"^(?P<family>[A-Za-z0-9]+) (?P<custom>Custom )?Instance (?P<kind>Core|Ram) running in ")


def gcp_compute(paths, as_of):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            skus = json.load(handle).get("skus", [])
        for sku in skus:
            match = GCP_SKU.match(sku.get("description", ""))
            if not match or sku.get("category", {}).get("usageType") != "OnDemand":
                continue
            tiers = sku["pricingInfo"][0]["pricingExpression"]["tieredRates"]
            price = tiers[-1]["unitPrice"]
            value = int(price.get("units", "0")) + price.get("nanos", 0) / 1e9
            unit = "vCPU-hour" if match["kind"] == "Core" else "GB-hour"
            suffix = "vcpu" if match["kind"] == "Core" else "ram"
            kind = "custom" if match["custom"] else "predefined"
            product = f"{match['family'].lower()}-{kind}-{suffix}"
            for region in sku.get("serviceRegions", []):
                rows.append(["gcp", "compute_engine_rates", product, region, unit, number(value), "on-demand",
                             "Cloud Billing Catalog API", f"SKU {sku.get('skuId', '?')}: {sku['description']}",
                             as_of])
    return rows


def write(rows, out):
    rows = sorted({tuple(row[:4]): row for row in rows}.values(), key=lambda row: row[:4])
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    if out:
        with open(out, "w", newline="", encoding="utf-8") as handle:
            handle.write(text.getvalue())
        print(f"{out}: {len(rows)} prices", file=sys.stderr)
    else:
        sys.stdout.write(text.getvalue())


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("export", choices=["aws-ec2", "azure-vm", "gcp-compute"])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--as-of", help="YYYY-MM-DD you downloaded the export (Azure, GCP)")
    parser.add_argument("--out", help="catalog CSV to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.export == "aws-ec2":
        if len(args.files) != 1:
            parser.error("aws-ec2 reads one offer file")
        rows = aws_ec2(args.files[0])
    else:
        if not args.as_of or not DATE.match(args.as_of):
            parser.error(f"{args.export} needs --as-of YYYY-MM-DD: the day you downloaded the export")
        rows = (azure_vm if args.export == "azure-vm" else gcp_compute)(args.files, args.as_of)
    if not rows:
        parser.error("no prices found: is this the right export?")
    write(rows, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
