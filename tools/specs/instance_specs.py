#!/usr/bin/env python3
"""Turn public, generated machine-type tables into costgate's spec tables (src/pricing/specs/).

Offline: it only reads files you fetched, and prints the rows
(provider,instance_type,vcpus,memory_gib,gpus,source,source_detail,as_of), sorted by type.

  instance_specs.py gcp pricing.yml machinetypes.csv --commit fd66b26f --as-of 2026-07-30 [--out gcp.csv]
      From github.com/Cyclenerd/google-cloud-pricing-cost-calculator at one commit:
      tools/machinetypes.csv (`gcloud compute machine-types list`: NAME;CPUS;SHARED_CPU;
      MEMORY_GB;...) gives vCPUs and memory, pricing.yml (compute.instance.<type>) gives the
      GPUs the type's price includes (fields a100, a100-80gb, h100-80gb, l4, ...). One row per
      machine type pricing.yml prices, so every type the catalog prices from it has a spec.
      Custom types are left out (costgate reads them from their name); so are types whose
      price includes a fraction of a GPU (the table counts whole GPUs).
  instance_specs.py azure azure_instance_types.go --commit 03e49d9c --as-of 2026-03-05 [--out azure.csv]
      kubernetes/autoscaler's cluster-autoscaler/cloudprovider/azure/azure_instance_types.go,
      generated from `az vm list-skus` (VCPU, MemoryMb, GPU); memory is MemoryMb / 1024.
"""
import argparse
import csv
import io
import re
import sys

HEADER = ["provider", "instance_type", "vcpus", "memory_gib", "gpus", "source", "source_detail",
          "as_of"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# pricing.yml's per-type fields: hardware, and the accelerators a type's price includes
# (one field per GPU model, its value the count). A field in neither set stops the
# conversion, so a new GPU model is counted rather than silently read as no GPU.
GCP_HARDWARE_FIELDS = {"cpu", "ram", "local-ssd", "type"}
GCP_GPU_FIELDS = {"a100", "a100-80gb", "h100-80gb", "h100-80gb-mega", "l4", "rtx6000"}


def number_text(value):
    """85.0 -> 85, 3.75 -> 3.75, 0.6 -> 0.6."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def gcp_priced_types(text):
    """{machine type: {field: value}} of pricing.yml's compute.instance block, without its
    cost sub-blocks. The file is regular (two-space indents, one scalar a line), so it is
    read line by line rather than with a YAML library the tests may not have."""
    types = {}
    section = []
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        key, _, value = stripped.partition(":")
        value = value.strip()
        if indent <= 2:
            section = section[:indent // 2] + [key]
            current = None
            continue
        if section != ["compute", "instance"]:
            continue
        if indent == 4:
            current = types.setdefault(key, {})
        elif indent == 6 and current is not None and value:
            current[key] = value
    return types


def gcp_machine_types(text):
    """{machine type: (vcpus, memory_gib)} of machinetypes.csv, deprecated ones left out."""
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    missing = {"NAME", "CPUS", "MEMORY_GB", "DEPRECATED"} - set(reader.fieldnames or [])
    if missing:
        raise SystemExit(f"machinetypes.csv: no column {', '.join(sorted(missing))}")
    return {row["NAME"]: (int(row["CPUS"]), float(row["MEMORY_GB"]))
            for row in reader if not row["DEPRECATED"]}


def gcp(pricing_text, machine_types_text, commit, as_of):
    """(rows, notes): a row per priced, predefined machine type; notes say what was left out."""
    priced = gcp_priced_types(pricing_text)
    if not priced:
        raise SystemExit("pricing.yml: no compute.instance machine types")
    machine_types = gcp_machine_types(machine_types_text)
    rows, notes = [], []
    for name, fields in sorted(priced.items()):
        unknown = set(fields) - GCP_HARDWARE_FIELDS - GCP_GPU_FIELDS - {"cost"}
        if unknown:
            raise SystemExit(f"pricing.yml: {name} has unknown field(s) {', '.join(sorted(unknown))}; "
                             "add them to GCP_HARDWARE_FIELDS or GCP_GPU_FIELDS")
        if "custom-" in name:
            notes.append(f"{name}: custom type, read from its name")
            continue
        gpus = sum(float(fields[field]) for field in GCP_GPU_FIELDS if field in fields)
        if gpus != int(gpus):
            notes.append(f"{name}: {gpus:g} of a GPU, not a whole count")
            continue
        gpu_fields = "+".join(sorted(field for field in GCP_GPU_FIELDS if field in fields))
        gpu_detail = f"GPUs: pricing.yml {gpu_fields or 'none'}"
        if name in machine_types:
            vcpus, memory = machine_types[name]
            detail = (f"tools/machinetypes.csv @{commit} (gcloud compute machine-types list; "
                      f"CPUS, MEMORY_GB); {gpu_detail}")
        else:
            # pricing.yml bills shared-core types a fraction of a vCPU, so its `cpu` is only
            # taken where it is a whole number.
            cpu = float(fields["cpu"])
            if cpu != int(cpu):
                notes.append(f"{name}: not in machinetypes.csv and pricing.yml bills {cpu:g} vCPU")
                continue
            vcpus, memory = int(cpu), float(fields["ram"])
            detail = f"pricing.yml @{commit} (compute.instance.<type>.cpu, ram); {gpu_detail}"
        rows.append(["gcp", name, str(vcpus), number_text(memory), str(int(gpus)),
                     "github.com/Cyclenerd/google-cloud-pricing-cost-calculator", detail, as_of])
    return rows, notes


AZURE_ENTRY = re.compile(r'"(?P<name>[^"]+)":\s*\{(?P<body>[^{}]*)\}')
AZURE_FIELD = re.compile(r"(?P<key>\w+):\s*(?P<value>\"[^\"]*\"|-?\d+)")


def azure(go_text, commit, as_of):
    """(rows, notes): a row per VM size of azure_instance_types.go's InstanceTypes map."""
    rows, notes = [], []
    for entry in AZURE_ENTRY.finditer(go_text):
        fields = {match["key"]: match["value"].strip('"') for match in
                  AZURE_FIELD.finditer(entry["body"])}
        if not {"InstanceType", "VCPU", "MemoryMb", "GPU"} <= set(fields):
            continue
        name = fields["InstanceType"]
        vcpus, memory_mb, gpus = int(fields["VCPU"]), int(fields["MemoryMb"]), int(fields["GPU"])
        if vcpus <= 0 or memory_mb <= 0:
            notes.append(f"{name}: {vcpus} vCPUs, {memory_mb} MiB in the table")
            continue
        rows.append(["azure", name, str(vcpus), number_text(memory_mb / 1024), str(gpus),
                     "github.com/kubernetes/autoscaler",
                     f"cluster-autoscaler/cloudprovider/azure/azure_instance_types.go @{commit} "
                     "(generated from az vm list-skus; VCPU, MemoryMb/1024, GPU)", as_of])
    if not rows:
        raise SystemExit("azure_instance_types.go: no InstanceTypes entries")
    rows.sort(key=lambda row: row[1])
    return rows, notes


def write(rows, out):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    if out:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            handle.write(buffer.getvalue())
    else:
        sys.stdout.write(buffer.getvalue())


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("provider", choices=["gcp", "azure"])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--commit", required=True, help="the source repository's commit")
    parser.add_argument("--as-of", required=True, help="YYYY-MM-DD of that commit")
    parser.add_argument("--out", help="spec CSV to write (default: stdout)")
    args = parser.parse_args(argv)
    if not DATE.match(args.as_of):
        parser.error("--as-of must be YYYY-MM-DD")
    if args.provider == "gcp":
        if len(args.files) != 2:
            parser.error("gcp takes pricing.yml and machinetypes.csv")
        rows, notes = gcp(read(args.files[0]), read(args.files[1]), args.commit, args.as_of)
    else:
        if len(args.files) != 1:
            parser.error("azure takes azure_instance_types.go")
        rows, notes = azure(read(args.files[0]), args.commit, args.as_of)
    write(rows, args.out)
    for note in notes:
        print(f"left out {note}", file=sys.stderr)
    print(f"{len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
