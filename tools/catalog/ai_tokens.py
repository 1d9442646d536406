"""Which rows of ai/ai_tokens.csv become catalog prices, and under which key.

ai_tokens.csv holds per-token list prices and Bedrock provisioned-throughput hours read
from a community-maintained model price list (SOURCES-first-pass.md, "ai_tokens.csv").
Its keys are that list's model names, some with a route in front (`bedrock/us-east-1/`,
`azure/eu/`, `vertex_ai/`), and one key carries several prices told apart by the unit.
A catalog key has one unit, so the kind of price goes into the product:

    <model>|<kind>    kinds: input, output, cached_input, cache_write, batch_input,
                      batch_output, input_above_200k, output_above_200k

and the route becomes the region: an AWS region for `bedrock/<region>/` rows, the data
zone (`us`, `eu`) or `global` for Azure OpenAI deployment types, `any` where the list
price names no region. Bedrock cross-region inference profiles keep their prefix in the
model name (`us.anthropic...`), as Bedrock's model ids do. Provisioned throughput becomes
`aws/bedrock_provisioned_throughput/<model>|<commitment>/<region>`, per model-unit hour.
"""
import re

FILE_NAME = "ai_tokens.csv"

# Catalog service of each facts service imported.
SERVICES = {
    ("aws", "bedrock"): "bedrock",
    ("aws", "bedrock_provisioned_throughput"): "bedrock_provisioned_throughput",
    ("azure", "azure_openai"): "openai",
    ("gcp", "vertex_ai"): "vertex_ai",
    # Model APIs billed outside a cloud, which Kubernetes workloads call (costgate.io/model).
    ("openai", "openai_api"): "api",
    ("anthropic", "anthropic_api"): "api",
}

# Facts services left out: Azure AI Foundry's serverless models, which no resource type
# prices yet (#24).
LEFT_OUT = {("azure", "azure_ai_foundry")}

# The facts unit (before its parenthesis) and terms -> the kind of price.
KINDS = {
    ("1M input tokens", ""): "input",
    ("1M output tokens", ""): "output",
    ("1M cached input tokens", "cache read"): "cached_input",
    ("1M cache write input tokens", "5-min TTL where applicable"): "cache_write",
    ("1M input tokens", "batch"): "batch_input",
    ("1M output tokens", "batch"): "batch_output",
    ("1M input tokens", "prompt above 200k tokens"): "input_above_200k",
    ("1M output tokens", "prompt above 200k tokens"): "output_above_200k",
}

# Azure OpenAI deployment routes of the list -> the catalog region.
AZURE_ROUTES = {"global": "global", "global-standard": "global", "us": "us", "eu": "eu"}

# Entries SOURCES-first-pass.md finds stale against a second list (genai-prices), in any
# route: Titan text, Llama 3.1/3.2 (since cut), mistral-large-2402 and claude-sonnet-5;
# o1-mini only as Azure OpenAI lists it (OpenAI's own o1-mini agrees). Left out, so a
# resource using them is unpriced with the key named.
STALE = re.compile(r"titan-text|llama3-[12]-|llama-3\.[12]-|mistral-large-2402|"
                   r"claude-sonnet-5", re.IGNORECASE)
STALE_IN_SERVICE = {"azure_openai": re.compile(r"o1-mini", re.IGNORECASE)}

PROVISIONED = re.compile(r"^bedrock/(?P<region>[^/]+)/(?P<commitment>[0-9]+-month-commitment)/"
                         r"(?P<model>[^/]+)$")
BEDROCK_REGIONAL = re.compile(r"^bedrock/(?P<region>[a-z]+(?:-[a-z]+)+-[0-9]+)/(?P<model>[^/]+)$")


def _route(service, key):
    """(model, region) of a facts key, or None when it names no single model and region."""
    if service == "bedrock_provisioned_throughput":
        match = PROVISIONED.match(key)
        if match is None:
            return None
        region = "any" if match["region"] == "*" else match["region"]
        return f"{match['model']}|{match['commitment']}", region
    if service == "bedrock":
        match = BEDROCK_REGIONAL.match(key)
        if match:
            return match["model"], match["region"]
        return (key, "any") if "/" not in key else None
    if service == "azure_openai":
        parts = key.split("/")
        if len(parts) == 2 and parts[0] == "azure":
            return parts[1], "any"
        if len(parts) == 3 and parts[0] == "azure" and parts[1] in AZURE_ROUTES:
            return parts[2], AZURE_ROUTES[parts[1]]
        return None
    if service == "vertex_ai":
        model = key.removeprefix("vertex_ai/")
        return (model, "any") if "/" not in model else None
    if service in ("openai_api", "anthropic_api"):
        return (key, "any") if "/" not in key else None
    return None


def map_row(row):
    """The row under its catalog key, or (None, reason) when it is left out."""
    if (row["provider"], row["service"]) in LEFT_OUT:
        return None, "ai_tokens.csv service no resource type prices yet"
    service = SERVICES.get((row["provider"], row["service"]))
    if service is None:
        raise ValueError(f"{FILE_NAME}: service {row['provider']}/{row['service']} is neither "
                         "imported nor left out (tools/catalog/ai_tokens.py)")
    stale_here = STALE_IN_SERVICE.get(row["service"])
    if STALE.search(row["product"]) or (stale_here and stale_here.search(row["product"])):
        return None, "ai_tokens.csv entry the sources call stale"
    route = _route(row["service"], row["product"])
    if route is None:
        return None, "ai_tokens.csv key naming no single model and region"
    model, region = route
    if service == "bedrock_provisioned_throughput":
        product = model
    else:
        kind = KINDS.get((row["unit"], row["terms"]))
        if kind is None:
            raise ValueError(f"{FILE_NAME}: unit {row['fact_unit']!r} of {row['product']} "
                             "has no token kind (tools/catalog/ai_tokens.py)")
        product = f"{model}|{kind}"
    detail = f"{row['source_detail']} [key {row['product']}]"
    return dict(row, service=service, product=product, region=region, source_detail=detail), None
