"""Reading price-fact CSVs into catalog rows.

A facts file has one public price a row (lines starting with # are comments):
    provider,service,resource_key,region,unit,usd_per_unit,source_repo_or_url,source_path,as_of
`read_facts` turns each row into a dict with the catalog's column names (product, price,
source, source_detail, ...) plus `origin`, the file it came from, so later steps can apply
rules that belong to one file (its doubts, its mapping), and `fact_unit`, the unit as
written. Units are split into the unit
proper and its terms: `hour (Linux; on-demand)` -> unit `hour`, terms `Linux; on-demand`;
`vCPU-month(730h)` -> unit `vCPU-month`, terms `730 hours`.
"""
import csv
import pathlib
import re

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNIT = re.compile(r"^(?P<unit>[^(]+?)\s*(?:\((?P<terms>.*)\))?$")
HOURS_PER_MONTH = 730
# The facts README names its files in backquotes: `regions/aws_ec2.csv`, `ai/ai_tokens.csv`.
README_FILE = re.compile(r"`((?:regions|ai)/[A-Za-z0-9_.-]+\.csv)`")


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


def listed_region_files(facts_dir):
    """The `regions/*.csv` and `ai/*.csv` files the facts README lists, sorted by path."""
    readme = pathlib.Path(facts_dir) / "README.md"
    names = set(README_FILE.findall(readme.read_text(encoding="utf-8")))
    return [pathlib.Path(facts_dir) / name for name in sorted(names)]


def default_inputs(facts_dir, supplement):
    """reference.csv, the supplement, then every regions and ai file the README lists."""
    facts_dir = pathlib.Path(facts_dir)
    return [facts_dir / "reference.csv", pathlib.Path(supplement)] + listed_region_files(facts_dir)


def read_facts(path):
    """The rows of one facts file as catalog-shaped dicts (unit split, origin kept)."""
    path = pathlib.Path(path)
    rows = []
    with open(path, newline="", encoding="utf-8") as handle:
        for fact in csv.DictReader(line for line in handle if not line.startswith("#")):
            unit, terms = split_unit(fact["unit"])
            rows.append({
                "provider": fact["provider"], "service": fact["service"],
                # karpenter's Azure table writes one size with trailing spaces.
                "product": fact["resource_key"].strip(), "region": fact["region"],
                "unit": unit, "terms": terms, "price": fact["usd_per_unit"],
                "source": fact["source_repo_or_url"], "source_detail": fact["source_path"],
                "as_of": fact["as_of"], "origin": path.name, "fact_unit": fact["unit"],
            })
    return rows


def format_price(value):
    """A computed price as text: ten significant digits, no float noise (0.0225 x 730 -> 16.425)."""
    return format(value, ".10g")
