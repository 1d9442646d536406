"""What the importer keeps of the price facts, and under which catalog key.

Every table here is a decision about the facts, written down once with its reason; the
key scheme per service is documented in docs/catalog.md.
"""
import re

import ai_tokens

# The services imported; each becomes src/pricing/catalog/<provider>_<service>.csv. A fact
# of a service neither imported nor in IGNORED stops the import, so a new service in the
# facts is a decision, not a silent loss. Services of peer_goldens.csv come from its own
# mapping table (peer_goldens.py), those of ai/ai_tokens.csv from ai_tokens.py; Kubernetes
# profiles from K8S_PROFILES.
IMPORTS = {
    "aws": ["acm", "acm_pca", "api_gateway", "backup", "client_vpn", "cloudfront", "cloudhsm",
            "cloudtrail", "cloudwatch", "codebuild", "config", "directory_service",
            "documentdb", "dynamodb", "ebs", "ec2", "ec2_dedicated_host", "ecr", "ecs_fargate",
            "efs", "eks", "elasticache", "elb", "eventbridge", "firehose", "fsx",
            "global_accelerator", "glue", "grafana", "kinesis", "kinesis_analytics", "kms",
            "lambda", "mq", "msk", "mwaa", "neptune", "network_firewall", "opensearch", "rds",
            "redshift", "route53", "route53_resolver", "s3", "secrets_manager", "sns", "sqs",
            "ssm_managed_instances", "step_functions", "transfer_family", "vpc", "waf"],
    "gcp": ["artifact_registry", "bigquery", "cloud_dns", "cloud_functions", "cloud_kms",
            "cloud_logging", "cloud_monitoring", "cloud_nat", "cloud_run", "cloud_sql",
            "cloud_storage", "compute_engine", "compute_engine_rates", "compute_engine_spot",
            "compute_images", "external_ip", "gke", "load_balancing", "memorystore_redis",
            "network_egress", "persistent_disk", "persistent_disk_spot", "pubsub",
            "secret_manager", "vpn"],
    "k8s": ["default", "eks", "gke", "gke-autopilot", "aks"],
    "azure": ["aks", "app_service", "application_gateway", "application_insights", "bastion",
              "container_registry", "cosmosdb", "ddos_protection", "dns", "domain_services",
              "event_hubs", "firewall", "frontdoor_waf", "functions", "load_balancer",
              "log_analytics", "logic_apps", "managed_disks", "managed_redis", "mariadb",
              "mysql_flexible", "mysql_single_server", "nat_gateway", "notification_hubs",
              "postgresql_flexible", "postgresql_single_server", "powerbi_embedded",
              "private_endpoint", "public_ip", "redis_cache", "service_bus", "signalr",
              "snapshots", "sql_database", "sql_elastic_pool", "sql_managed_instance",
              "static_web_apps", "storage", "synapse", "traffic_manager", "virtual_machines",
              "virtual_machines_windows", "virtual_wan", "vpn_gateway"],
    # Model APIs billed outside a cloud: only ai/ai_tokens.csv's services (below).
    "openai": [],
    "anthropic": [],
}
# The model prices of ai/ai_tokens.csv, under the services ai_tokens.py files them in.
for (_provider, _facts_service), _service in ai_tokens.SERVICES.items():
    IMPORTS[_provider].append(_service)
IGNORED = {
    ("gcp", "compute_engine_gpu"): "region stated only as 'unstated (constants)'",
    ("azure", "aks"): "reference.csv's row mixes two regions; peer goldens give eastus",
    ("azure", "load_balancer"): "reference.csv's row mixes two regions; peer goldens give more",
}
# Providers of Kubernetes cost-model defaults: read only through K8S_PROFILES.
PROFILE_ONLY_PROVIDERS = {"k8s-default"}

# Kubernetes cluster profiles (provider "k8s", service = profile, region "any"): each
# rate is a published reference row, copied under the profile's key with its own source.
# Rows of a cloud (aws, gcp) are taken from the catalog as imported, in the region the
# profile stands for (K8S_PROFILE_REGIONS).
# No profile has a GPU rate: the cost models' GPU figures (kubecost's commented example,
# opencost's AWS and Azure defaults: $0.0429 a GPU-hour on AKS against $0.95 on EKS) are
# defaults of those tools, not list prices, and no cloud lists a GPU-hour apart from the
# GPU node it comes with. Pods' GPUs are unpriced, naming `k8s/<profile>/gpu/any`, which
# an overlay can set (issue #18).
K8S_PROFILES = {
    ("k8s-default", "kubecost_default_model", "CPU"): ("default", "cpu"),
    ("k8s-default", "kubecost_default_model", "RAM"): ("default", "memory"),
    ("k8s-default", "kubecost_default_model", "storage"): ("default", "storage"),
    ("k8s-default", "opencost_lb", "forwarding_rule_first5"): ("default", "load_balancer"),
    ("k8s-default", "opencost_aws", "CPU"): ("eks", "cpu"),
    ("k8s-default", "opencost_aws", "RAM"): ("eks", "memory"),
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
    ("k8s-default", "opencost_azure", "storage"): ("aks", "storage"),
}
K8S_PROFILE_REGIONS = {"aws": "us-east-1", "gcp": "us-central1"}

# Region words of the facts that name one region (or one GCS location). Any other value
# that is not a plain region code is not imported: a price must belong to one region.
REGION_WORDS = {
    "any": "any",
    "n/a (default)": "any",
    # cluster-autoscaler's GCE constants, which the reference says match us-central1.
    "unstated (constants; match us-central1)": "us-central1",
    # Cloud Storage multi-regions and dual-regions, named as a bucket's `location` is.
    "us-multi": "us", "europe-multi": "eu", "asia-multi": "asia",
    "us-multi (multi-region)": "us", "europe-multi (multi-region)": "eu",
    "asia-multi (multi-region)": "asia",
}
DUAL_REGION = re.compile(r"^(?P<name>[a-z0-9]+) \(dual-region: [a-z0-9+-]+\)$")
REGION = re.compile(r"^[a-z]+(-[a-z]+)*[0-9]*(-[a-z0-9]+)*$")
NOT_A_REGION = {"unspecified", "n/a"}


def region_code(text):
    """The catalog region for a facts region, or None when it names none (or several)."""
    if text in REGION_WORDS:
        return REGION_WORDS[text]
    dual = DUAL_REGION.match(text)
    if dual:
        return dual.group("name")
    if text in NOT_A_REGION or not REGION.match(text):
        return None
    return text


# Facts re-keyed because the source's key names something narrower or different from the
# key it was filed under: (provider, service, resource_key) -> (service, product).
RENAMES = {
    # reference.csv's row is infracost's "Additional backup storage" of an aws_db_instance
    # with engine aurora-postgresql: the Aurora PostgreSQL backup rate (calculator key
    # aurora_postgresql_backup_storage), not RDS backup storage (backup_storage, 0.095).
    ("aws", "rds", "additional_backup_storage"): ("rds", "aurora_postgresql_backup_storage"),
    # infracost's "IP address (if unused)" of an aws_eip: the idle public IPv4 rate.
    ("aws", "vpc", "eip_idle_or_public_ipv4"): ("vpc", "public_ipv4_idle"),
}

# Facts left out, with the reason (the doubts of SOURCES-first-pass.md / -second-pass.md).
def dropped(row):
    """Why a fact is not imported, or None."""
    if row["price"] and float(row["price"]) == 0:
        # A zero in these sources marks a free first tier or a meter with no list price
        # (SNS HTTP notifications, CloudFront invalidations, Azure table deletes).
        return "zero price: a free tier marker, not a list price"
    if (row["provider"], row["service"], row["product"]) == ("aws", "rds", "aurora_serverless_v2"):
        return "the golden does not name the Aurora engine; the calculator rows do"
    if (row["provider"], row["service"]) == ("gcp", "compute_engine_rates") and \
            row["source"] == "github.com/kubernetes/autoscaler" and \
            row["product"].split("-")[0] in {"c3", "n4", "n4a", "n4d"}:
        # SOURCES-first-pass.md: these constants reproduce 0 of 96 c3/n4/n4a/n4d machine
        # prices (1-8% high for c3/n4, about 20% for n4a/n4d).
        return "cluster-autoscaler constant that does not reproduce the family's machine prices"
    return None


# Spot (preemptible) prices are kept apart from on-demand ones: service <service>_spot,
# same product names, so a key never changes meaning with its terms.
def spot_service(row):
    terms = row["terms"].split("; ")
    return row["service"] + "_spot" if "spot" in terms else None


# Keys whose readers (pricers, cluster profiles) multiply a price per 730-hour month by a
# number of months: their hourly facts are stored x 730. Every other flat fee is stored
# per hour (a `month(730h)` fact / 730), the unit new types should use.
PER_MONTH = {
    ("aws", "elb", "alb"): "month", ("aws", "elb", "nlb"): "month",
    ("aws", "elb", "clb"): "month",
    ("aws", "elb", "alb_lcu"): "LCU-month", ("aws", "elb", "nlb_lcu"): "LCU-month",
    ("aws", "vpc", "nat_gateway"): "month", ("aws", "vpc", "public_ipv4_in_use"): "month",
    ("aws", "eks", "eks_cluster_standard_support"): "month",
    ("aws", "ecs_fargate", "fargate_vcpu"): "vCPU-month",
    ("aws", "ecs_fargate", "fargate_memory"): "GB-month",
    ("gcp", "gke", "cluster_management_fee"): "month",
    ("gcp", "gke", "autopilot_cluster_fee"): "month",
    ("gcp", "gke", "autopilot_vcpu"): "vCPU-month",
    ("gcp", "gke", "autopilot_memory"): "GB-month",
    ("gcp", "load_balancing", "forwarding_rule"): "month",
    ("azure", "nat_gateway", "nat_gateway"): "month",
    ("azure", "public_ip", "static_regional"): "month",
}
# Hourly units and the monthly unit of the same thing (an NLCU is the NLB's LCU).
HOURLY_TO_MONTHLY = {"hour": "month", "vCPU-hour": "vCPU-month", "GB-hour": "GB-month",
                     "LCU-hour": "LCU-month", "NLCU-hour": "LCU-month"}
