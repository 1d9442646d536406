"""EC2 linear scaling: check it, list where it fails, fill missing sizes where it holds.

On-demand Linux prices of one instance family scale with size: t3.micro = t3.xlarge / 16,
m5.large = m5.xlarge / 2. In units of AWS's size normalisation (nano 0.25, micro 0.5,
small 1, medium 2, large 4, xlarge 8, Nxlarge 8N), price / units is the same for every
size of a family in a region. `check` tests that in every region on the imported rows;
`fill_missing_sizes` adds, for families where it held in every region that has two or
more sizes, the sizes a region lacks, priced from the largest known size of the same
family in the same region (the least rounded figure) and marked
`derived from aws/ec2/<type>/<region> x <factor>`, the factor a fraction (1/48).
`.metal` sizes are left out: their prices follow the hardware, not the size names.
"""
import collections
import fractions
import re
import statistics

SIZE_UNITS = {"nano": 0.25, "micro": 0.5, "small": 1, "medium": 2, "large": 4, "xlarge": 8}
MULTIPLE = re.compile(r"^(?P<n>\d+)xlarge$")
# AWS prints hourly prices to 3 to 5 decimals (t2.small 0.023 where t2.micro x 2 is
# 0.0232): a size agrees with its family's rate when the difference is within the rounding
# of its printed price, half a unit of its last decimal (at least the third), plus 0.05%
# for the rounding of the rate itself.
RELATIVE_SLACK = 0.0005


def split_type(instance_type):
    """('m5', 4.0) for m5.large; None for metal and names that are not family.size."""
    family, _, size = instance_type.partition(".")
    if not size or "." in size:
        return None
    if size in SIZE_UNITS:
        return family, float(SIZE_UNITS[size])
    multiple = MULTIPLE.match(size)
    if multiple:
        return family, 8.0 * int(multiple.group("n"))
    return None


def linear_prices(chosen):
    """{(family, region): {instance_type: (units, price)}} of the imported EC2 rows."""
    families = collections.defaultdict(dict)
    for (provider, service, product, region), row in chosen.items():
        if (provider, service) != ("aws", "ec2"):
            continue
        parsed = split_type(product)
        if parsed:
            families[(parsed[0], region)][product] = (parsed[1], row["price"])
    return families


def rounding(price_text):
    """Half a unit of the last printed decimal of a price (at least the third)."""
    decimals = len(price_text.partition(".")[2]) if "e" not in price_text else 6
    return 0.5 * 10 ** -max(decimals, 3)


def agrees(price_text, units, rate):
    expected = units * rate
    return abs(float(price_text) - expected) <= rounding(price_text) + RELATIVE_SLACK * expected


def check(chosen):
    """(families where the rule held in every region with two sizes or more,
        {family: [(region, instance_type, price, expected)]} where it did not)."""
    checked = set()
    exceptions = collections.defaultdict(list)
    for (family, region), sizes in sorted(linear_prices(chosen).items()):
        if len(sizes) < 2:
            continue
        checked.add(family)
        rate = statistics.median(float(price) / units for units, price in sizes.values())
        for instance_type, (size_units, size_price) in sorted(sizes.items()):
            if not agrees(size_price, size_units, rate):
                exceptions[family].append((region, instance_type, size_price,
                                           round(size_units * rate, 6)))
    return checked - set(exceptions), dict(exceptions)


def fill_missing_sizes(chosen):
    """Derived rows for the sizes of linear families that a region lacks."""
    linear, _ = check(chosen)
    families = linear_prices(chosen)
    sizes_of = collections.defaultdict(dict)
    for (family, _), sizes in families.items():
        for instance_type, (units, _) in sizes.items():
            sizes_of[family][instance_type] = units
    rows = []
    for (family, region), sizes in sorted(families.items()):
        if family not in linear:
            continue
        base_units, base_type = max((units, name) for name, (units, _) in sizes.items())
        base = chosen[("aws", "ec2", base_type, region)]
        for instance_type, units in sorted(sizes_of[family].items()):
            if instance_type in sizes:
                continue
            factor = fractions.Fraction(units / base_units).limit_denominator(1000)
            rows.append(dict(base, product=instance_type,
                             price=format(float(base["price"]) * factor, ".10g"),
                             source_detail=f"derived from aws/ec2/{base_type}/{region} x {factor}",
                             origin="ec2_scaling"))
    return rows


def report(chosen):
    """Text for docs/catalog.md: the families checked and the exceptions found."""
    linear, exceptions = check(chosen)
    lines = [f"{len(linear)} families scale linearly in every region checked; "
             f"{len(exceptions)} do not:"]
    for family, failures in sorted(exceptions.items()):
        shown = ", ".join(f"{name} {region} {price} (linear: {expected})"
                          for region, name, price, expected in failures[:3])
        more = f" and {len(failures) - 3} more" if len(failures) > 3 else ""
        lines.append(f"- {family}: {shown}{more}")
    return "\n".join(lines)
