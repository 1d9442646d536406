"""Writing (and reading back) the embedded catalog's compact per-service files.

The embedded catalog holds some 170,000 prices whose sources are long strings repeated on
every row (repository, file, commit, how the figure was read). Written as plain catalog
CSV it would be 58 MB, compiled into the binary and indexed whole on first use. A pack
keeps every field of every row, but says each repeated thing once:

    costgate catalog pack,1,aws,ec2          magic, format version, provider, service
    profiles,2                               unit, terms, source, as_of of groups of rows
    hour,Linux; shared tenancy; on-demand,github.com/aws/karpenter-provider-aws,2026-07-20
    ...
    strings,3                                pieces of source_detail texts, one a line
    pkg/providers/pricing/zz_generated.pricing_aws.go @6fc13b52
    ...
    rows,16356                               product,region,price,profile,pieces
    a1.2xlarge,us-east-1,0.204,0,0.1
    ...

A row's source_detail is its pieces (string ids joined by '.') concatenated. Rows are
sorted by the text `product,region,`, so a reader finds one by binary search without
reading the rest. Profiles and strings are CSV fields (quoted when they hold a comma, a
quote or surrounding spaces); products, regions, prices and ids never need quoting.
"""
import csv
import io
import pathlib
import re

MAGIC = "costgate catalog pack"
VERSION = "1"
# source_detail texts are cut where their per-row part starts (` [`) and between the
# items of that part (`, `), so pieces repeat across rows: `pricing.yml @fd66b26f (...)`
# once, `, location "EU (Ireland)"]` once per location.
ROW_PART = re.compile(r"(?= \[)")
ITEM = re.compile(r"(?=, )")
PLAIN = re.compile(r"^[^,\"\r\n]*$")


def split_detail(detail):
    """The pieces of a source_detail: the text before its first ` [`, then that part cut
    before each `, `."""
    head, *rest = ROW_PART.split(detail, maxsplit=1)
    pieces = [head] + (ITEM.split(rest[0]) if rest else [])
    return [piece for piece in pieces if piece]


def _field(text):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([text])
    return buffer.getvalue()


def _csv_line(fields):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(fields)
    return buffer.getvalue()


def pack(provider, service, entries):
    """The pack text of one service's catalog rows (lists in catalog column order)."""
    profiles, strings, rows = {}, {}, []
    for entry in entries:
        _, _, product, region, unit, price, terms, source, detail, as_of = entry
        for name, value in (("product", product), ("region", region), ("price", price)):
            if not PLAIN.match(value) or not value or value != value.strip():
                raise ValueError(f"{provider}/{service}: {name} {value!r} cannot be packed")
        profile = profiles.setdefault((unit, terms, source, as_of), len(profiles))
        if "\n" in detail or "\r" in detail:
            raise ValueError(f"{provider}/{service}: a line break in the source of {product}")
        pieces = [strings.setdefault(piece, len(strings)) for piece in split_detail(detail)]
        rows.append((f"{product},{region}", price, profile, ".".join(map(str, pieces))))
    # Sorted as the reader compares: `product,region,` (the comma ends the key).
    rows.sort(key=lambda row: row[0] + ",")
    keys = [row[0] for row in rows]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{provider}/{service}: duplicate product and region")
    lines = [_csv_line([MAGIC, VERSION, provider, service]), f"profiles,{len(profiles)}"]
    lines += [_csv_line(profile) for profile in profiles]
    lines.append(f"strings,{len(strings)}")
    lines += [_field(piece) for piece in strings]
    lines.append(f"rows,{len(rows)}")
    lines += [f"{key},{price},{profile},{pieces}" for key, price, profile, pieces in rows]
    return "\n".join(lines) + "\n"


def unpack(text):
    """The catalog rows of a pack (for tests and for checking a written pack)."""
    lines = text.split("\n")
    magic = next(csv.reader([lines[0]]))
    if magic[:2] != [MAGIC, VERSION]:
        raise ValueError(f"not a catalog pack: {lines[0]!r}")
    provider, service = magic[2], magic[3]
    at = 1

    def section(name):
        nonlocal at
        label, count = lines[at].split(",")
        if label != name:
            raise ValueError(f"expected section {name}, found {lines[at]!r}")
        body = lines[at + 1: at + 1 + int(count)]
        at += 1 + int(count)
        return body

    profiles = [next(csv.reader([line])) for line in section("profiles")]
    strings = [next(csv.reader([line]))[0] if line else "" for line in section("strings")]
    entries = []
    for line in section("rows"):
        product, region, price, profile, pieces = line.split(",")
        unit, terms, source, as_of = profiles[int(profile)]
        detail = "".join(strings[int(piece)] for piece in pieces.split(".") if piece)
        entries.append([provider, service, product, region, unit, price, terms, source,
                        detail, as_of])
    return entries


def write(out, name, entries):
    """Writes `<name>.pack` under `out` and checks it reads back as `entries`."""
    provider, service = name.split("_", 1)
    text = pack(provider, service, entries)
    if sorted(unpack(text)) != sorted(list(entry) for entry in entries):
        raise ValueError(f"{name}: the pack does not read back as its rows")
    path = pathlib.Path(out) / f"{name}.pack"
    path.write_text(text, encoding="utf-8")
    return path
