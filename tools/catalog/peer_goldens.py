"""Which rows of peer_goldens.csv become catalog prices, and under which key.

peer_goldens.csv holds unit prices read from another estimator's published test outputs,
keyed by that estimator's resource address and component name
(`aws_db_instance.extended_support["mysql-5.7"]|Extended support (year 1)`), with the
Terraform type as `service`. Only components whose name says unambiguously what is
priced are mapped, by the explicit RULES below; every other row is left out.

Two further guards, because addresses repeat across test files and some prices are a cost
divided by a quantity printed to the cent (marked `derived` in source_path, which the
catalog keeps): where a key has rows printed as unit prices, the derived ones are not
used; and a key whose remaining rows disagree on the price is left out entirely
(`ambiguous_keys`), e.g. a Basic and a Standard public IP priced under one component name.
"""
import re

import facts

FILE_NAME = "peer_goldens.csv"

DISK_KINDS = {"P": "premium_ssd", "E": "standard_ssd", "S": "standard_hdd"}
RDS_ENGINES = {"mysql": "MySQL", "postgres": "PostgreSQL", "aurora": "Aurora MySQL",
               "aurora-mysql": "Aurora MySQL", "aurora-postgresql": "Aurora PostgreSQL"}
CLOUDFRONT_GEOGRAPHIES = {
    "US, Mexico, Canada": "us_mexico_canada", "Europe, Israel": "europe_israel",
    "South Africa, Kenya, Middle East": "south_africa_kenya_middle_east",
    "South America": "south_america", "Japan": "japan",
    "Australia, New Zealand": "australia_new_zealand",
    "Hong Kong, Philippines, Asia Pacific": "hong_kong_philippines_asia_pacific",
    "India": "india",
}
# The goldens' names of Application Gateway v2 tiers, as Terraform's `sku.tier` spells them.
APPLICATION_GATEWAY_TIERS = {"WAF v2": "WAF_v2", "basic v2": "Basic", "Standard v2": "Standard_v2"}
REDIS_TIERS = {"basic": "BASIC", "standard": "STANDARD_HA"}
# Cloud Run's CPU and memory items: the product's stem and the catalog unit.
CLOUD_RUN_ITEMS = {"CPU": ("vcpu", "vCPU-second"), "Memory": ("memory", "GiB-second")}
TARGET_PROXIES = r"google_compute_(?:region_)?target_(?:http|https|grpc|ssl|tcp)_proxy"
VM_TYPES = r"azurerm_(?:linux_|windows_)?virtual_machine(?:_scale_set)?|azurerm_managed_disk|" \
           r"azurerm_kubernetes_cluster(?:_node_pool)?"

# The storage account golden names each account `<kind>.<tier>.<replication>[.<access tier>]`
# in its for_each key, in Terraform's spelling; only those addresses say what is priced.
STORAGE_ACCOUNT_ADDRESS = (
    r'azurerm_storage_account\.(?:storagev1|storagev2|blob|blockblob|file)\["'
    r'(?P<kind>Storage|StorageV2|BlobStorage|BlockBlobStorage|FileStorage)\.'
    r'(?P<tier>Standard|Premium)\.(?P<replication>LRS|ZRS|GRS|RAGRS|GZRS|RAGZRS)'
    r'(?:\.(?P<access>Hot|Cool))?"\]')
# Kinds billed by access tier (Hot, Cool): their keys carry it; the others' do not.
STORAGE_KINDS_WITH_ACCESS_TIER = {"StorageV2", "BlobStorage", "FileStorage"}
STORAGE_ITEMS = {"Capacity": "capacity", "Capacity (first 50TB)": "capacity"}
FUNCTION_APP_TYPES = r"azurerm_(?:linux_|windows_)?function_app"
MANAGED_INSTANCE_TYPES = r"azurerm_(?:mssql|sql)_managed_instance"
# The SignalR golden names each service's sku in its for_each key.
SIGNALR_ADDRESS = r'azurerm_signalr_service\.[a-z_]+\["(?P<sku>[A-Za-z]+_[A-Z][0-9]+)"\]'
COSMOSDB_TYPES = (r"azurerm_cosmosdb_(?:sql_database|sql_container|mongo_database|"
                  r"mongo_collection|cassandra_keyspace|cassandra_table|gremlin_database|"
                  r"gremlin_graph|table)")
# Cosmos DB components name the account location they price (`Transactional storage (West
# US)`), which is the price's region; the row's own region is the resource group's.
COSMOSDB_LOCATIONS = {"West US": "westus", "Central US": "centralus"}


def _snake(text):
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _disk(match):
    tier = match["tier"]
    return f"{DISK_KINDS[tier[0]]}_{tier}_{match['redundancy']}"


def _storage_account(match):
    """`StorageV2|Standard|LRS|Hot|capacity`; None for an address without the access tier
    its kind is billed by."""
    with_access = match["kind"] in STORAGE_KINDS_WITH_ACCESS_TIER
    if with_access != (match["access"] is not None):
        return None
    item = STORAGE_ITEMS.get(match["item"]) or _snake(match["item"])
    parts = [match["kind"], match["tier"], match["replication"], match["access"], item]
    return "|".join(part for part in parts if part)


def _storage_account_unit(match):
    item = match["item"]
    if item.endswith("operations"):
        return "10K operations"
    return "GB" if item == "Data retrieval" else "GB-month"


def _rds_extended_support(match):
    engine = RDS_ENGINES.get(match["engine"])
    return f"extended_support_year_1|{engine}" if engine else None


def _cloudfront(match):
    geography = CLOUDFRONT_GEOGRAPHIES.get(match["geography"])
    if geography is None:
        return None
    if match["tier"] is None:
        return f"data_transfer_out_to_origin_{geography}"
    return f"data_transfer_out_{geography}_{match['tier'].replace(' ', '_')}"


# (Terraform type regex, address regex or None, component regex, golden units accepted,
#  catalog service, product: text with {group} fields or a function of the match,
#  catalog unit as a facts unit (or a function of the match): `month(730h)` becomes hourly
#  unless a pricer reads it per month, see mapping.PER_MONTH), region override (or a
#  function of the match) or None.
RULES = [
    # AWS
    ("aws_db_instance|aws_rds_cluster_instance",
     r'.*\.extended_support\["(?P<engine>[a-z-]+?)-[0-9.]+"\]', r"Extended support \(year 1\)",
     {"vCPU-hours"}, "rds", _rds_extended_support, "vCPU-hour", None),
    ("aws_cloudfront_distribution", None,
     r"(?P<geography>[^>]+) > Data transfer out to "
     r"(?:internet \((?P<tier>(?:first|next|over) [0-9]+[TP]B)\)|origin)",
     {"GB"}, "cloudfront", _cloudfront, "GB", "global"),
    # CloudTrail's pricing page (aws.amazon.com/cloudtrail/pricing/) gives trails one price
    # per 100,000 events, for no region in particular: keyed `global`, as Route 53's are.
    ("aws_cloudtrail", None,
     r"(?P<item>Management events \(additional copies\)|Data events|Insight events)",
     {"100k events"}, "cloudtrail", lambda m: _snake(m["item"]), "100k events", "global"),
    ("aws_kinesis_stream", None, r"PROVISIONED", {"month(730h)"}, "kinesis", "provisioned_shard",
     "month(730h)", None),
    ("aws_kinesis_stream", None, r"ON_DEMAND", {"month(730h)"}, "kinesis", "on_demand_stream",
     "month(730h)", None),
    ("aws_kinesis_stream", None, r"Data (?P<item>ingested|retrieval)", {"GB"}, "kinesis",
     "on_demand_data_{item}", "GB", None),
    ("aws_sfn_state_machine", None, r"Transitions", {"1K transitions"}, "step_functions",
     "standard_state_transitions", "1K transitions", None),
    ("aws_sfn_state_machine", None, r"Requests", {"1M requests"}, "step_functions",
     "express_requests", "1M requests", None),
    ("aws_api_gateway_rest_api", None, r"Requests \(first 333M\)", {"1M requests"},
     "api_gateway", "rest_api_requests_first_333M", "1M requests", None),
    ("aws_apigatewayv2_api", None, r"Requests \(first 300M\)", {"1M requests"}, "api_gateway",
     "http_api_requests_first_300M", "1M requests", None),
    ("aws_apigatewayv2_api", None, r"Messages \(first 1B\)", {"1M messages"}, "api_gateway",
     "websocket_messages_first_1B", "1M messages", None),
    ("aws_apigatewayv2_api", None, r"Connection duration", {"1M minutes"}, "api_gateway",
     "websocket_connection_minutes", "1M minutes", None),
    ("aws_docdb_cluster_instance", None,
     r"Database instance \(on-demand, (?P<instance_class>db\.[a-z0-9]+\.[a-z0-9]+)\)",
     {"month(730h)"}, "documentdb", "{instance_class}", "month(730h)", None),
    ("aws_docdb_cluster_instance", None, r"Storage", {"GB", "GB-month"}, "documentdb", "storage",
     "GB-month", None),
    ("aws_docdb_cluster_instance", None, r"I/O requests", {"1M requests"}, "documentdb",
     "io_requests", "1M requests", None),
    ("aws_redshift_cluster", None,
     r"Cluster usage \(on-demand, (?P<node_type>[a-z0-9]+\.[a-z0-9]+)\)", {"month(730h)"},
     "redshift", "{node_type}", "month(730h)", None),
    ("aws_redshift_cluster", None,
     r"Cluster usage \(on-demand, (?P<node_type>[a-z0-9]+\.[a-z0-9]+)\)", {"hour"},
     "redshift", "{node_type}", "hour", None),
    ("aws_redshift_cluster", None, r"Managed storage \(ra3\.[a-z0-9]+\)", {"GB", "GB-month"},
     "redshift", "managed_storage", "GB-month", None),
    ("aws_msk_cluster", None, r"Instance \((?P<instance_type>kafka\.[a-z0-9]+\.[a-z0-9]+)\)",
     {"hour"}, "msk", "{instance_type}", "hour", None),
    ("aws_msk_cluster", None, r"Storage", {"GB-month"}, "msk", "storage", "GB-month", None),
    ("aws_acmpca_certificate_authority", None,
     r"Private certificate authority(?P<short> \(short-lived certificate mode\))?", {"month"},
     "acm_pca", lambda m: "SHORT_LIVED_CERTIFICATE" if m["short"] else "GENERAL_PURPOSE", "month",
     None),
    ("aws_cloudwatch_dashboard", None, r"Dashboard", {"month"}, "cloudwatch", "dashboard",
     "month", None),
    ("aws_cloudwatch_metric_alarm", None, r"(?P<resolution>Standard|High) resolution",
     {"alarm metrics"}, "cloudwatch",
     lambda m: f"alarm_metric_{m['resolution'].lower()}_resolution", "alarm-metric-month", None),
    ("aws_cloudwatch_event_bus", None, r"Custom events published", {"1M events"}, "eventbridge",
     "custom_events", "1M events", None),
    ("aws_wafv2_web_acl", None, r"Web ACL usage", {"month"}, "waf", "web_acl", "month", None),
    ("aws_wafv2_web_acl", None, r"Rules", {"rules"}, "waf", "rule", "rule-month", None),
    ("aws_wafv2_web_acl", None, r"Requests", {"1M requests"}, "waf", "requests", "1M requests",
     None),
    ("aws_mq_broker", None,
     r"Instance usage \((?P<engine>ActiveMQ|RabbitMQ), "
     r"(?P<instance_type>mq\.[a-z0-9]+\.[a-z0-9]+), (?P<deployment>[a-z_]+)\)", {"month(730h)"}, "mq",
     lambda m: f"{m['engine']}|{m['instance_type']}|{m['deployment'].upper()}", "month(730h)",
     None),
    ("aws_transfer_server", None, r"(?:SFTP|FTPS|FTP) protocol enabled", {"month(730h)"},
     "transfer_family", "protocol", "month(730h)", None),
    ("aws_transfer_server", None, r"Data (?P<direction>uploaded|downloaded)", {"GB"},
     "transfer_family", "data_{direction}", "GB", None),
    ("aws_neptune_cluster_instance", None,
     r"Database instance \(on-demand, (?P<instance_class>db\.[a-z0-9]+\.[a-z0-9]+)\)",
     {"month(730h)"}, "neptune", "{instance_class}", "month(730h)", None),
    ("aws_kinesis_firehose_delivery_stream", None, r"Data ingested \(first 500TB\)", {"GB"},
     "firehose", "data_ingested_first_500TB", "GB", None),
    ("aws_ec2_host", None, r"EC2 Dedicated Host \(on-demand, (?P<family>[a-z0-9-]+)\)",
     {"month(730h)"}, "ec2_dedicated_host", "{family}", "month(730h)", None),
    ("aws_networkfirewall_firewall", None, r"Network Firewall Endpoint", {"month(730h)"},
     "network_firewall", "endpoint", "month(730h)", None),
    ("aws_networkfirewall_firewall", None, r"Data Processed", {"GB"}, "network_firewall",
     "data_processed", "GB", None),
    ("aws_api_gateway_stage", None, r"Cache memory \((?P<size>[0-9.]+) GB\)", {"month(730h)"},
     "api_gateway", "cache_{size}", "month(730h)", None),
    ("aws_config_configuration_recorder", None, r"Config items", {"records"}, "config",
     "configuration_items", "record", None),
    ("aws_glue_catalog_database", None, r"Storage", {"100k objects"}, "glue", "catalog_storage",
     "100K objects", None),
    ("aws_glue_catalog_database", None, r"Requests", {"1M requests"}, "glue", "catalog_requests",
     "1M requests", None),
    ("aws_docdb_cluster", None, r"Backup storage", {"GB", "GB-month"}, "documentdb",
     "backup_storage", "GB-month", None),
    ("aws_neptune_cluster", None, r"(?P<item>Storage|Backup storage)", {"GB", "GB-month"},
     "neptune", lambda m: _snake(m["item"]), "GB-month", None),
    ("aws_neptune_cluster", None, r"I/O requests", {"1M request"}, "neptune", "io_requests",
     "1M requests", None),
    ("aws_neptune_cluster_snapshot", None, r"Backup storage", {"GB", "GB-month"}, "neptune",
     "backup_storage", "GB-month", None),
    ("aws_docdb_cluster_snapshot", None, r"Backup storage", {"GB", "GB-month"}, "documentdb",
     "backup_storage", "GB-month", None),
    # Route 53 prices health checks for no region in particular (aws.amazon.com/route53/pricing/):
    # keyed `global`, as hosted zones are. The goldens price endpoints outside AWS (0.75, 2.00)
    # only in their `_withUsage` cases, whose usage file says so; the others are AWS endpoints.
    ("aws_route53_health_check", r"aws_route53_health_check\.(?!.*_withUsage$).*",
     r"(?P<item>Health check|Optional features)", {"month"}, "route53",
     lambda m: "health_check_aws_endpoint" if m["item"] == "Health check"
     else "health_check_optional_feature_aws_endpoint", "month", "global"),
    ("aws_route53_resolver_endpoint", None, r"Resolver endpoints", {"hour"}, "route53_resolver",
     "endpoint_ip_address", "hour", None),
    ("aws_route53_resolver_endpoint", None, r"DNS queries \(first 1B\)", {"1M queries"},
     "route53_resolver", "dns_queries_first_1B", "1M queries", None),
    ("aws_ec2_client_vpn_endpoint", None, r"Connection", {"month(730h)"}, "client_vpn",
     "connection", "month(730h)", None),
    ("aws_ec2_client_vpn_network_association", None, r"Endpoint association", {"month(730h)"},
     "client_vpn", "endpoint_association", "month(730h)", None),
    # Global Accelerator's fixed fee is the same for every accelerator wherever its endpoints
    # are (aws.amazon.com/global-accelerator/pricing/): keyed `global`.
    ("aws_globalaccelerator_accelerator", None, r"Fixed fee", {"month(730h)"},
     "global_accelerator", "accelerator", "month(730h)", "global"),
    ("aws_ec2_traffic_mirror_session", None, r"Traffic mirror", {"month(730h)"}, "vpc",
     "traffic_mirror_session", "month(730h)", None),
    ("aws_cloudhsm_v2_hsm", None, r"HSM usage", {"month(730h)"}, "cloudhsm", "hsm",
     "month(730h)", None),
    # FSx keys carry the `storage_type` and `deployment_type` Terraform names; the goldens'
    # Windows file systems are MULTI_AZ_1 and their OpenZFS ones SINGLE_AZ_1 (their .tf files).
    ("aws_fsx_windows_file_system", None, r"(?P<item>SSD|HDD) storage", {"GB-month"}, "fsx",
     "windows_storage|{item}|MULTI_AZ_1", "GB-month", None),
    ("aws_fsx_windows_file_system", None, r"Throughput capacity", {"MBps"}, "fsx",
     "windows_throughput_capacity|MULTI_AZ_1", "MBps-month", None),
    ("aws_fsx_windows_file_system", None, r"Backup storage", {"GB", "GB-month"}, "fsx",
     "windows_backup_storage", "GB-month", None),
    ("aws_fsx_openzfs_file_system", None, r"Backup storage", {"GB", "GB-month"}, "fsx",
     "openzfs_backup_storage", "GB-month", None),
    ("aws_fsx_openzfs_file_system", None, r"SSD storage", {"GB-month"}, "fsx",
     "openzfs_storage|SSD|SINGLE_AZ_1", "GB-month", None),
    ("aws_fsx_openzfs_file_system", None, r"Throughput capacity", {"MBps"}, "fsx",
     "openzfs_throughput_capacity|SINGLE_AZ_1", "MBps-month", None),
    ("aws_mwaa_environment", None, r"Environment \((?P<size>Small|Medium|Large)\)",
     {"month(730h)"}, "mwaa", lambda m: f"mw1.{m['size'].lower()}", "month(730h)", None),
    ("aws_mwaa_environment", None, r"Meta database", {"GB"}, "mwaa", "meta_database",
     "GB-month", None),
    ("aws_grafana_workspace", None, r"(?P<item>Editor/administrator|Viewer) licenses", {"users"},
     "grafana", lambda m: "editor_license" if m["item"].startswith("Editor") else "viewer_license",
     "user-month", None),
    ("aws_directory_service_directory", None,
     r"Directory service \((?P<type>AD Connector|Microsoft AD|Simple AD), "
     r"(?P<size>Small|Large|Standard|Enterprise)\)", {"controllers"}, "directory_service",
     lambda m: m["type"].replace(" ", "") + "|" + m["size"], "controller-month(730h)", None),
    ("aws_codebuild_project", None,
     r"(?P<os>Linux|Windows) \(general1\.(?P<size>small|medium|large)\)", {"minutes"},
     "codebuild", lambda m: f"{m['os'].lower()}_BUILD_GENERAL1_{m['size'].upper()}", "minute",
     None),
    ("aws_config_config_rule|aws_config_organization_(?:managed|custom)_rule", None,
     r"Rule evaluations \(first 100K\)", {"evaluations"}, "config",
     "rule_evaluations_first_100K", "evaluation", None),
    ("aws_waf_web_acl", None, r"Web ACL usage", {"month"}, "waf", "web_acl", "month", None),
    ("aws_waf_web_acl", None, r"Rules", {"rules"}, "waf", "rule", "rule-month", None),
    ("aws_waf_web_acl", None, r"Requests", {"1M requests"}, "waf", "requests", "1M requests",
     None),
    ("aws_kinesisanalyticsv2_application|aws_kinesis_analytics_application", None,
     r"Processing \(stream\)", {"KPU"}, "kinesis_analytics", "kpu", "KPU-month(730h)", None),
    ("aws_kinesisanalyticsv2_application", None, r"Running storage", {"GB", "GB-month"},
     "kinesis_analytics", "running_storage", "GB-month", None),
    ("aws_kinesisanalyticsv2_application|aws_kinesisanalyticsv2_application_snapshot", None,
     r"Backup", {"GB", "GB-month"}, "kinesis_analytics", "backup", "GB-month", None),
    ("aws_glue_job", None, r"Duration", {"hours (1 DPU)"}, "glue", "dpu", "DPU-hour", None),
    ("aws_glue_crawler", None, r"Duration", {"hours", "hour"}, "glue", "dpu", "DPU-hour", None),
    ("aws_ssm_activation", None, r"On-prem managed instances \(advanced\)", {"hours", "hour"},
     "ssm_managed_instances", "advanced_on_premises_instance", "instance-hour", None),
    ("aws_sns_topic_subscription", None, r"HTTP notifications", {"1M notifications"}, "sns",
     "http_notifications", "1M notifications", None),
    ("aws_s3_bucket_analytics_configuration", None, r"Objects monitored", {"1M objects"}, "s3",
     "storage_class_analysis_objects", "1M objects", None),
    ("aws_s3_bucket_inventory", None, r"Objects listed", {"1M objects"}, "s3",
     "inventory_objects", "1M objects", None),
    ("aws_acm_certificate", None, r"Certificate", {"requests"}, "acm",
     "private_certificate_first_1000", "certificate", None),
    ("aws_backup_vault", None,
     r"(?P<item>EFS backup \((?:warm|cold)\)|EBS snapshot|RDS snapshot|DynamoDB backup|"
     r"Aurora snapshot|FSx for (?:Windows|Lustre) backup)", {"GB", "GB-month"}, "backup",
     lambda m: _snake(m["item"]), "GB-month", None),
    ("aws_backup_vault", None, r"(?P<item>EFS restore \((?:warm|cold)\)|DynamoDB restore)",
     {"GB"}, "backup", lambda m: _snake(m["item"]), "GB", None),
    # Azure
    (VM_TYPES, None, r"(?:.* > )?Storage \((?P<tier>[PES][0-9]+), (?P<redundancy>LRS|ZRS)\)",
     {"month", "months"}, "managed_disks", _disk, "disk-month", None),
    ("azurerm_public_ip", None,
     r"IP address \((?P<allocation>static|dynamic), (?P<scope>regional|global)\)",
     {"month(730h)"}, "public_ip", "{allocation}_{scope}", "month(730h)", None),
    ("azurerm_public_ip_prefix", None, r"IP prefix", {"month(730h)"}, "public_ip",
     "prefix_per_address", "month(730h)", None),
    ("azurerm_lb|azurerm_kubernetes_cluster", None, r"(?:Load Balancer > )?Data processed",
     {"GB"}, "load_balancer", "data_processed", "GB", None),
    ("azurerm_lb_rule|azurerm_lb_outbound_rule", None, r"Rule usage", {"month(730h)"},
     "load_balancer", "rule", "month(730h)", None),
    ("azurerm_nat_gateway", None, r"NAT gateway", {"month(730h)"}, "nat_gateway",
     "nat_gateway", "month(730h)", None),
    ("azurerm_nat_gateway", None, r"Data processed", {"GB"}, "nat_gateway",
     "nat_data_processed", "GB", None),
    ("azurerm_kubernetes_cluster", None, r"Uptime SLA", {"month(730h)"}, "aks",
     "uptime_sla", "month(730h)", None),
    ("azurerm_firewall", None,
     r"Deployment \((?P<tier>Basic|Standard|Premium)(?P<hub> Secured? Virtual Hub)?\)",
     {"month(730h)"}, "firewall",
     lambda m: m["tier"] + ("|AZFW_Hub" if m["hub"] else "|AZFW_VNet"), "month(730h)", None),
    ("azurerm_application_gateway", None, r"Gateway usage \((?P<sku>WAF v2|basic v2|Standard v2)\)",
     {"month(730h)"}, "application_gateway", lambda m: APPLICATION_GATEWAY_TIERS[m["sku"]],
     "month(730h)", None),
    ("azurerm_redis_cache", None,
     r"Cache usage \((?P<sku>(?:Basic|Standard|Premium)_[CP][0-9]+)\)", {"nodes"},
     "redis_cache", "{sku}", "node-month(730h)", None),
    ("azurerm_container_registry", None, r"Registry usage \((?P<tier>Basic|Standard|Premium)\)",
     {"days"}, "container_registry", "{tier}", "day", None),
    ("azurerm_container_registry", None, r"Storage \(over 10GB\)", {"GB", "GB-month"},
     "container_registry", "storage_over_included", "GB-month", None),
    ("azurerm_container_registry", None, r"Geo replication \([0-9]+ locations?\)", {"days"},
     "container_registry", "geo_replication", "location-day", None),
    ("azurerm_log_analytics_workspace", None,
     r"(?P<item>Log data ingestion|Sentinel data ingestion|Basic log data ingestion|"
     r"Log data export|Archive data restored|Archive data searched|Basic log search queries)",
     {"GB", "GB searched"}, "log_analytics", lambda m: _snake(m["item"]), "GB", None),
    ("azurerm_log_analytics_workspace", None, r"(?P<item>Log data retention|Archive data)",
     {"GB", "GB-month"}, "log_analytics", lambda m: _snake(m["item"]), "GB-month", None),
    ("azurerm_mssql_database", None,
     r"Compute \((?:provisioned, )?(?P<sku>Basic|S[0-9]+|P[0-9]+|(?:GP|BC|HS)_(?:Gen5|M|DC|FSv2)_[0-9]+)\)",
     {"month(730h)"}, "sql_database", "{sku}", "month(730h)", None),
    ("azurerm_mssql_database", None, r"Compute \(serverless, (?P<family>GP_S_Gen5)_[0-9]+\)",
     {"vCore-hours"}, "sql_database", "{family}_vcore", "vCore-hour", None),
    ("azurerm_postgresql_flexible_server", None,
     r"Compute \((?P<sku>(?:B|GP|MO)_Standard_[A-Za-z0-9_]+)\)", {"month(730h)"},
     "postgresql_flexible", "{sku}", "month(730h)", None),
    ("azurerm_postgresql_flexible_server", None, r"Storage", {"GB", "GB-month"},
     "postgresql_flexible", "storage", "GB-month", None),
    ("azurerm_postgresql_flexible_server|azurerm_mysql_flexible_server", None,
     r"Additional backup storage", {"GB", "GB-month"}, "{db}", "backup_storage", "GB-month", None),
    ("azurerm_mysql_flexible_server", None,
     r"Compute \((?P<sku>(?:B|GP|MO)_Standard_[A-Za-z0-9_]+)\)", {"month(730h)"},
     "mysql_flexible", "{sku}", "month(730h)", None),
    ("azurerm_mysql_flexible_server", None, r"Storage", {"GB-month"}, "mysql_flexible",
     "storage", "GB-month", None),
    ("azurerm_mysql_flexible_server", None, r"Additional IOPS", {"IOPS"}, "mysql_flexible",
     "additional_iops", "IOPS-month", None),
    ("azurerm_virtual_network_gateway", None, r"VPN gateway \((?P<sku>Basic|VpnGw[0-9]+(?:AZ)?)\)",
     {"month(730h)"}, "vpn_gateway", "{sku}", "month(730h)", None),
    ("azurerm_virtual_network_gateway", None, r"VPN gateway P2S tunnels \(over 128\)",
     {"tunnel"}, "vpn_gateway", "p2s_tunnel_over_128", "tunnel-month(730h)", None),
    ("azurerm_virtual_network_gateway", None, r"VPN gateway data tranfer", {"GB"},
     "vpn_gateway", "data_transfer", "GB", None),
    ("azurerm_private_endpoint", None, r"Private endpoint", {"hour"}, "private_endpoint",
     "endpoint", "hour", None),
    ("azurerm_private_endpoint", None,
     r"(?P<direction>Inbound|Outbound) data processed \((?P<tier>first 1PB|next 4PB|over 5PB)\)",
     {"GB"}, "private_endpoint", lambda m: f"{m['direction'].lower()}_data_"
     + m["tier"].replace(" ", "_"), "GB", None),
    ("azurerm_eventhub_namespace", None, r"Capacity \((?P<sku>Basic|Standard)\)",
     {"throughput units"}, "event_hubs", "{sku}", "throughput-unit-month(730h)", None),
    ("azurerm_eventhub_namespace", None, r"Capacity \((?P<sku>Premium)\)", {"processing units"},
     "event_hubs", "{sku}", "processing-unit-month(730h)", None),
    ("azurerm_eventhub_namespace", None, r"Ingress event \((?P<sku>Basic|Standard)\)",
     {"1M events"}, "event_hubs", "{sku}_ingress_events", "1M events", None),
    ("azurerm_servicebus_namespace", None, r"Base charge", {"month(730h)"}, "service_bus",
     "Standard", "month(730h)", None),
    ("azurerm_service_plan",
     r'azurerm_service_plan\.[a-z_]+'
     r'\["(?P<os>Linux|Windows|WindowsContainer)\.[A-Za-z0-9]+\.[0-9]+"\]',
     r"Instance usage \((?P<sku>[A-Za-z0-9]+)\)", {"month(730h)"}, "app_service", "{os}|{sku}",
     "month(730h)", None),
    ("azurerm_application_insights", None, r"Data ingested", {"GB"}, "application_insights",
     "data_ingested", "GB", None),
    ("azurerm_static_web_app|azurerm_static_site", None, r"Static Web App \((?P<sku>Standard)\)",
     {"month"}, "static_web_apps", "{sku}", "month", None),
    ("azurerm_frontdoor_firewall_policy", None, r"Policy", {"month"}, "frontdoor_waf", "policy",
     "month", None),
    ("azurerm_frontdoor_firewall_policy", None, r"Custom rule requests", {"1M requests"},
     "frontdoor_waf", "custom_rule_requests", "1M requests", None),
    ("azurerm_traffic_manager_profile", None, r"DNS queries \(first 1B\)", {"1M queries"},
     "traffic_manager", "dns_queries_first_1B", "1M queries", None),
    ("azurerm_traffic_manager_azure_endpoint", None, r"Basic health check \((?:Global|Germany)\)",
     {"month(730h)"}, "traffic_manager", "azure_endpoint_health_check", "month(730h)", None),
    ("azurerm_traffic_manager_external_endpoint", None,
     r"Basic health check \((?:Global|Germany)\)", {"month(730h)"}, "traffic_manager",
     "external_endpoint_health_check", "month(730h)", None),
    ("azurerm_traffic_manager_nested_endpoint", None, r"Basic health check \((?:Global|Germany)\)",
     {"month(730h)"}, "traffic_manager", "nested_endpoint_health_check", "month(730h)", None),
    ("azurerm_mysql_server|azurerm_postgresql_server|azurerm_mariadb_server", None,
     r"Compute \((?P<sku>(?:B|GP|MO)_Gen5_[0-9]+)\)", {"month(730h)"}, "{db}", "{sku}",
     "month(730h)", None),
    ("azurerm_mysql_server|azurerm_postgresql_server|azurerm_mariadb_server", None,
     r"Additional backup storage", {"GB"}, "{db}", "backup_storage", "GB-month", None),
    ("azurerm_notification_hub_namespace", None, r"Namespace usage \((?P<sku>Basic|Standard)\)",
     {"month"}, "notification_hubs", "{sku}", "month", None),
    ("azurerm_logic_app_integration_account", None,
     r"Integration Account \((?P<sku>Basic|Standard)\)", {"month(730h)"}, "logic_apps",
     "integration_account_{sku}", "month(730h)", None),
    ("azurerm_active_directory_domain_service", None,
     r"Active directory domain service \((?P<sku>Standard|Enterprise|Premium)\)",
     {"month(730h)"}, "domain_services", "{sku}", "month(730h)", None),
    ("azurerm_network_ddos_protection_plan", None, r"DDoS Protection Plan", {"month(730h)"},
     "ddos_protection", "plan", "month(730h)", None),
    ("azurerm_powerbi_embedded", None, r"Node usage \((?P<sku>A[0-9])\)", {"month(730h)"},
     "powerbi_embedded", "{sku}", "month(730h)", None),
    ("azurerm_synapse_sql_pool", None, r"DWU blocks \((?P<sku>DW[0-9]+c)\)", {"month(730h)"},
     "synapse", "{sku}", "month(730h)", None),
    ("azurerm_synapse_sql_pool", None, r"Storage", {"TB"}, "synapse", "storage", "TB-month", None),
    ("azurerm_dns_zone", None, r"Hosted zone", {"month"}, "dns", "hosted_zone", "month", None),
    ("azurerm_private_dns_zone", None, r"Hosted zone", {"month"}, "dns", "private_hosted_zone",
     "month", None),
    # Azure types of issue #17's third pass.
    ("azurerm_storage_account", STORAGE_ACCOUNT_ADDRESS,
     r"(?P<item>Capacity|Capacity \(first 50TB\)|Data at rest|Snapshots|Write operations|"
     r"List and create container operations|Read operations|All other operations|"
     r"Data retrieval)", {"GB", "GB-month", "10k operations"}, "storage", _storage_account,
     _storage_account_unit, None),
    ("azurerm_managed_redis", None, r"Cache usage \((?P<sku>[A-Za-z]+_[A-Z][0-9]+)\)", {"hour"},
     "managed_redis", "{sku}", "hour", None),
    ("azurerm_managed_redis", None, r"Cache usage \((?P<sku>[A-Za-z]+_[A-Z][0-9]+)\)",
     {"month(730h)"}, "managed_redis", "{sku}", "month(730h)", None),
    (FUNCTION_APP_TYPES, None, r"Executions", {"1M requests"}, "functions", "executions",
     "1M requests", None),
    (FUNCTION_APP_TYPES, None, r"Execution time", {"GB-seconds"}, "functions", "execution_time",
     "GB-second", None),
    # Elastic pools by sku.name and capacity as Terraform writes them: `StandardPool|200`
    # (DTUs), `GP_Gen5|4` (vCores).
    ("azurerm_mssql_elasticpool", None,
     r"Compute \((?P<tier>Basic|Standard|Premium), (?P<dtus>[0-9]+) DTUs\)", {"month(730h)"},
     "sql_elastic_pool", "{tier}Pool|{dtus}", "month(730h)", None),
    ("azurerm_mssql_elasticpool", None,
     r"Compute \((?P<sku>(?:GP|BC|HS)_[A-Za-z0-9]+), (?P<vcores>[0-9]+) vCore\)",
     {"month(730h)"}, "sql_elastic_pool", "{sku}|{vcores}", "month(730h)", None),
    ("azurerm_mssql_elasticpool", None,
     r"Zone redundancy \((?P<sku>(?:GP|BC|HS)_[A-Za-z0-9]+), (?P<vcores>[0-9]+) vCore\)",
     {"month(730h)"}, "sql_elastic_pool", "{sku}|{vcores}|zone_redundancy", "month(730h)", None),
    ("azurerm_dns_[a-z]+_record", None, r"DNS queries \((?P<tier>first|over) 1B\)",
     {"1M queries"}, "dns", "queries_{tier}_1B", "1M queries", None),
    ("azurerm_private_dns_[a-z]+_record", None, r"DNS queries \((?P<tier>first|over) 1B\)",
     {"1M queries"}, "dns", "private_queries_{tier}_1B", "1M queries", None),
    ("azurerm_snapshot", None, r"Storage", {"GB-month"}, "snapshots", "snapshot", "GB-month",
     None),
    ("azurerm_image", None, r"Storage", {"GB-month"}, "snapshots", "image", "GB-month", None),
    # The golden's host sets no sku: the provider's default, Basic.
    ("azurerm_bastion_host", None, r"Bastion host", {"month(730h)"}, "bastion", "Basic",
     "month(730h)", None),
    ("azurerm_bastion_host", None,
     r"Outbound data transfer \((?P<tier>first 10TB|next 40TB|next 100TB)\)", {"GB"}, "bastion",
     lambda m: "outbound_data_" + m["tier"].replace(" ", "_"), "GB", None),
    ("azurerm_signalr_service", SIGNALR_ADDRESS,
     r"Service usage \((?:Standard|Premium)\)", {"units"}, "signalr", "{sku}",
     "unit-month(730h)", None),
    ("azurerm_signalr_service", SIGNALR_ADDRESS,
     r"Additional messages \((?:Standard|Premium)\)", {"1M messages"}, "signalr",
     "{sku}_additional_messages", "1M messages", None),
    # SQL Managed Instance compute by sku_name and vCores, as Terraform spells the sku
    # (`GP_Gen5|4`); the golden writes GP_GEN5.
    (MANAGED_INSTANCE_TYPES, None,
     r"Compute \((?P<tier>GP|BC)_GEN5 (?P<vcores>[0-9]+) [Cc]ores\)", {"month(730h)"},
     "sql_managed_instance", "{tier}_Gen5|{vcores}", "month(730h)", None),
    (MANAGED_INSTANCE_TYPES, None, r"SQL license", {"vCore-hours"}, "sql_managed_instance",
     "license", "vCore-hour", None),
    (MANAGED_INSTANCE_TYPES, None, r"Additional Storage|Storage", {"GB-month"},
     "sql_managed_instance", "storage", "GB-month", None),
    ("azurerm_virtual_hub", None, r"Deployment", {"month(730h)"}, "virtual_wan", "hub",
     "month(730h)", None),
    ("azurerm_virtual_hub", None, r"Data processed", {"GB"}, "virtual_wan", "hub_data_processed",
     "GB", None),
    ("azurerm_vpn_gateway", None, r"S2S scale units \(500 Mbps\)", {"scale units"},
     "virtual_wan", "s2s_vpn_scale_unit", "scale-unit-month(730h)", None),
    ("azurerm_express_route_gateway", None, r"ER scale units \(2 Gbps\)", {"scale units"},
     "virtual_wan", "expressroute_scale_unit", "scale-unit-month(730h)", None),
    (COSMOSDB_TYPES, None,
     r"Provisioned throughput \(provisioned, (?P<location>West US|Central US)\)",
     {"RU/s x 100"}, "cosmosdb", "provisioned_throughput", "100-RU/s-month(730h)",
     lambda m: COSMOSDB_LOCATIONS[m["location"]]),
    (COSMOSDB_TYPES, None, r"Transactional storage \((?P<location>West US|Central US)\)",
     {"GB", "GB-month"}, "cosmosdb", "transactional_storage", "GB-month",
     lambda m: COSMOSDB_LOCATIONS[m["location"]]),
    # GCP
    ("google_secret_manager_secret", None, r"Active secret versions", {"versions"},
     "secret_manager", "active_secret_version", "version-month", None),
    ("google_secret_manager_secret", None, r"Access operations", {"10K requests"},
     "secret_manager", "access_operations", "10K requests", None),
    ("google_artifact_registry_repository", None, r"Storage", {"GB", "GB-month"},
     "artifact_registry", "storage", "GB-month", None),
    ("google_pubsub_topic", None, r"Message ingestion data", {"TiB"}, "pubsub",
     "message_ingestion", "TiB", None),
    ("google_pubsub_subscription", None, r"Message delivery data", {"TiB"}, "pubsub",
     "message_delivery", "TiB", None),
    ("google_pubsub_subscription", None, r"Retained acknowledged message storage",
     {"GiB", "GiB-month"}, "pubsub", "retained_acknowledged_message_storage", "GiB-month", None),
    ("google_dns_managed_zone", None, r"Managed zone", {"month"}, "cloud_dns", "managed_zone",
     "month", None),
    ("google_kms_crypto_key", None, r"Key versions", {"months"}, "cloud_kms",
     "software_key_version", "key-version-month", None),
    ("google_kms_crypto_key", None, r"Operations", {"10k operations"}, "cloud_kms",
     "software_operations", "10K operations", None),
    ("google_bigquery_dataset", None, r"Queries \(on-demand\)", {"TB"}, "bigquery",
     "on_demand_queries", "TB", None),
    # Memorystore for Redis bills each GB of capacity by the hour at the rate of its tier
    # and capacity band (M1 1-4 GB, ..., M5 over 100 GB); the goldens print it per GB-month.
    ("google_redis_instance", None,
     r"Redis instance \((?P<tier>basic|standard), (?P<capacity>M[1-5])\)", {"GB"},
     "memorystore_redis", lambda m: f"{REDIS_TIERS[m['tier']]}_{m['capacity']}",
     "GB-month(730h)", None),
    ("google_compute_image", None, r"Storage", {"GB-month"}, "compute_images", "image_storage",
     "GB-month", None),
    ("google_compute_machine_image", None, r"Storage", {"GB-month"}, "compute_images",
     "machine_image_storage", "GB-month", None),
    (TARGET_PROXIES, None, r"Proxy instance", {"hour", "hours"}, "load_balancing",
     "proxy_instance", "hour", None),
    (TARGET_PROXIES, None, r"Data processed", {"GB"}, "load_balancing", "proxy_data_processed",
     "GB", None),
    # Cloud DNS prices queries for no region in particular.
    ("google_dns_record_set", None, r"Queries", {"1M queries"}, "cloud_dns", "queries",
     "1M queries", "global"),
    # Cloud Logging bills ingestion into log buckets for no region in particular.
    (r"google_logging_(?:project|folder|organization|billing_account)_(?:bucket_config|sink)",
     None, r"Logging data", {"GB"}, "cloud_logging", "logging_data", "GB", "global"),
    ("google_bigquery_table", None, r"(?P<item>Active storage|Long-term storage)", {"GB-month"},
     "bigquery", lambda m: _snake(m["item"]), "GB-month", None),
    ("google_bigquery_table", None, r"Streaming inserts", {"MB"}, "bigquery", "streaming_inserts",
     "MB", None),
    ("google_bigquery_table", None, r"Storage write API", {"GB"}, "bigquery", "storage_write_api",
     "GB", None),
    ("google_bigquery_table", None, r"Storage read API", {"TB"}, "bigquery", "storage_read_api",
     "TB", None),
    # Cloud Run bills CPU and memory only while requests are served (CPU throttled, the
    # default) or for the instance's whole life (CPU always allocated; jobs), at two rates.
    ("google_cloud_run_service|google_cloud_run_v2_service",
     r".*\.(?:throttling_enabled|throttling_enabled_no_usage|no_usage)",
     r"(?P<item>CPU|Memory) allocation time \(tier 2\)", {"vCPU-seconds", "GiB-seconds"},
     "cloud_run", lambda m: "request_based_" + CLOUD_RUN_ITEMS[m["item"]][0],
     lambda m: CLOUD_RUN_ITEMS[m["item"]][1], None),
    ("google_cloud_run_service|google_cloud_run_v2_service", r".*\.throttling_disabled",
     r"(?P<item>CPU|Memory) allocation time \(tier 2\)", {"vCPU-seconds", "GiB-seconds"},
     "cloud_run", lambda m: "instance_based_" + CLOUD_RUN_ITEMS[m["item"]][0],
     lambda m: CLOUD_RUN_ITEMS[m["item"]][1], None),
    ("google_cloud_run_v2_job", None, r"(?P<item>CPU|Memory) allocation time \(tier 2\)",
     {"vCPU-seconds", "GiB-seconds"}, "cloud_run",
     lambda m: "instance_based_" + CLOUD_RUN_ITEMS[m["item"]][0],
     lambda m: CLOUD_RUN_ITEMS[m["item"]][1], None),
    ("google_cloud_run_service|google_cloud_run_v2_service", None, r"Number of requests",
     {"requests"}, "cloud_run", "requests", "request", None),
    ("google_cloudfunctions_function", None, r"CPU", {"GHz-seconds"}, "cloud_functions",
     "cpu", "GHz-second", None),
    ("google_cloudfunctions_function", None, r"Memory", {"GB-seconds"}, "cloud_functions",
     "memory", "GB-second", None),
    ("google_cloudfunctions_function", None, r"Invocations", {"invocations"}, "cloud_functions",
     "invocations", "invocation", None),
    ("google_cloudfunctions_function", None, r"Outbound data transfer", {"GB"},
     "cloud_functions", "outbound_data_transfer", "GB", None),
]
DATABASE_SERVICES = {"azurerm_postgresql_flexible_server": "postgresql_flexible",
                     "azurerm_mysql_flexible_server": "mysql_flexible",
                     "azurerm_mysql_server": "mysql_single_server",
                     "azurerm_postgresql_server": "postgresql_single_server",
                     "azurerm_mariadb_server": "mariadb"}
_COMPILED = [(re.compile(types), re.compile(address) if address else None, re.compile(component),
              units, service, product, unit, region)
             for types, address, component, units, service, product, unit, region in RULES]


def map_row(row):
    """The catalog row a peer-goldens fact maps to, or None."""
    address, _, component = row["product"].partition("|")
    golden_unit = row["fact_unit"]
    for types, address_rule, component_rule, units, service, product, unit, region in _COMPILED:
        if not types.fullmatch(row["service"]) or golden_unit not in units:
            continue
        match = component_rule.fullmatch(component)
        address_match = address_rule.fullmatch(address) if address_rule else None
        if match is None or (address_rule and address_match is None):
            continue
        groups = dict(match.groupdict(), **(address_match.groupdict() if address_match else {}))
        key = product(_Groups(groups)) if callable(product) else product.format(**groups)
        if key is None:
            return None
        service = service.format(db=DATABASE_SERVICES.get(row["service"], ""))
        catalog_unit, terms = facts.split_unit(unit(_Groups(groups)) if callable(unit) else unit)
        return dict(row, service=service, product=key, unit=catalog_unit, terms=terms,
                    region=(region(_Groups(groups)) if callable(region) else region)
                    or row["region"],
                    derived="derived" in row["source_detail"])
    return None


class _Groups(dict):
    """Match groups by name, None for a group that did not take part."""
    def __getitem__(self, name):
        return self.get(name)


def ambiguous_keys(rows):
    """Keys of mapped peer rows that cannot be priced from them: after preferring rows
    printed as unit prices over derived ones, their prices still disagree."""
    by_key = {}
    for row in rows:
        by_key.setdefault((row["provider"], row["service"], row["product"], row["region"]),
                          []).append(row)
    ambiguous = set()
    kept = []
    for key, group in by_key.items():
        printed = [row for row in group if not row["derived"]]
        group = printed or group
        if len({float(row["price"]) for row in group}) > 1:
            ambiguous.add(key)
        else:
            kept += group
    return ambiguous, kept
