"""A `terraform show -json` plan of N resources, shaped as Terraform 1.7 writes it.

What makes the shape (checked against plans in ../shared/corpus/tfplan):
- minified, one line;
- Terraform's own structures keep their Go struct field order (`format_version`,
  `terraform_version`, `variables`, `planned_values`, `resource_changes`, `prior_state`,
  `configuration`, ...; `address`, `module_address`, `mode`, `type`, `name`, `index`,
  `provider_name`, `change` in an entry; `actions`, `before`, `after`, `after_unknown`,
  `before_sensitive`, `after_sensitive` in a change), while maps (attribute values,
  expressions, `module_calls`, `provider_config`) come out with their keys sorted, as Go's
  encoding/json writes maps;
- every resource is in `planned_values` (unless deleted), in `resource_changes`, in
  `prior_state` (unless created) and, once per block, in `configuration`, whose attributes
  are expressions (`constant_value` or `references`);
- resources carry their provider's full schema, 28 to 60 attributes with nested blocks:
  attributes known only after apply are missing from `after` and `true` in `after_unknown`;
  `after_unknown` and the `*_sensitive` values mirror lists (`[false, ...]`) and nested
  blocks as Terraform does;
- a tenth of the resources are in the root module, the rest in per-team modules, some with
  a nested storage module; creates, updates, no-ops, deletes and replaces.
The output is a function of N and the seed only, and is written as it is generated.
"""

import json
import random

PROVIDERS = {
    "aws": "registry.terraform.io/hashicorp/aws",
    "google": "registry.terraform.io/hashicorp/google",
    "azurerm": "registry.terraform.io/hashicorp/azurerm",
}
AWS_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"]
INSTANCE_TYPES = ["t3.micro", "t3.large", "m5.large", "m5.xlarge", "c5.2xlarge", "r5.large", "m6i.large"]
DB_CLASSES = ["db.t3.micro", "db.t3.medium", "db.m5.large", "db.r5.xlarge"]
CACHE_NODES = ["cache.t3.micro", "cache.m5.large", "cache.r6g.large"]
GCP_MACHINES = ["e2-small", "e2-standard-4", "n2-standard-8", "n1-standard-2"]
GCP_ZONES = ["us-central1-a", "europe-west1-b", "us-east1-c"]
AZURE_SIZES = ["Standard_B2s", "Standard_D2s_v3", "Standard_D4s_v3", "Standard_E4s_v3"]
AZURE_LOCATIONS = ["westeurope", "eastus", "uksouth"]
TEAMS = ["payments", "search", "ml", "platform", "web", "data", "mobile", "billing"]
ACCOUNT = "123456789012"

# Type, share of resources.
TYPE_MIX = [
    ("aws_instance", 22), ("aws_db_instance", 8), ("aws_s3_bucket", 10), ("aws_lb", 8),
    ("aws_elasticache_cluster", 6), ("google_compute_instance", 14), ("google_compute_disk", 8),
    ("azurerm_linux_virtual_machine", 12), ("azurerm_managed_disk", 12),
]
ACTION_MIX = [(["create"], 55), (["update"], 20), (["no-op"], 15), (["delete"], 5), (["delete", "create"], 5)]


def dumps(value):
    return json.dumps(value, separators=(",", ":"))


def pick(rng, weighted):
    total = sum(weight for _, weight in weighted)
    roll = rng.uniform(0, total)
    for item, weight in weighted:
        roll -= weight
        if roll <= 0:
            return item
    return weighted[-1][0]


def hexid(rng, n=17):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def sort_keys(value):
    """The value with every object's keys sorted, as Terraform writes attribute values."""
    if isinstance(value, dict):
        return {key: sort_keys(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [sort_keys(item) for item in value]
    return value


def tags(rng, team, i):
    result = {"Name": f"{team}-{i}", "env": rng.choice(["prod", "staging", "dev"]), "team": team,
              "managed-by": "terraform"}
    if rng.random() < 0.85:
        result["cost-centre"] = f"cc-{rng.randint(100, 140)}"
    return result


def ip(rng):
    return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


# Each resource type: its attributes as the provider's schema has them (values as in prior
# state), the ones known only after apply, and the sensitive ones.

def aws_instance(rng, team, i, region):
    t = tags(rng, team, i)
    zone = region + rng.choice("abc")
    instance = f"i-{hexid(rng)}"
    private_ip = ip(rng)
    values = {
        "ami": f"ami-{hexid(rng)}", "arn": f"arn:aws:ec2:{region}:{ACCOUNT}:instance/{instance}",
        "associate_public_ip_address": False, "availability_zone": zone,
        "cpu_core_count": 1,
        "cpu_threads_per_core": 2, "credit_specification": [], "disable_api_stop": False,
        "disable_api_termination": False, "ebs_block_device": [], "ebs_optimized": True,
        "ephemeral_block_device": [], "get_password_data": False, "hibernation": False, "host_id": "",
        "iam_instance_profile": f"{team}-profile", "id": instance,
        "instance_initiated_shutdown_behavior": "stop", "instance_lifecycle": "",
        "instance_state": "running", "instance_type": rng.choice(INSTANCE_TYPES), "ipv6_address_count": 0,
        "ipv6_addresses": [], "key_name": f"{team}-deployer",
        "maintenance_options": [{"auto_recovery": "default"}],
        "metadata_options": [{"http_endpoint": "enabled", "http_protocol_ipv6": "disabled",
                              "http_put_response_hop_limit": 2, "http_tokens": "required",
                              "instance_metadata_tags": "disabled"}],
        "monitoring": True, "network_interface": [], "outpost_arn": "", "password_data": "",
        "placement_group": "",
        "primary_network_interface_id": f"eni-{hexid(rng)}",
        "private_dns": f"ip-{private_ip.replace('.', '-')}.{region}.compute.internal",
        "private_ip": private_ip, "public_dns": "", "public_ip": "",
        "root_block_device": [{"delete_on_termination": True, "device_name": "/dev/xvda", "encrypted": True,
                               "iops": 3000, "kms_key_id": "alias/aws/ebs", "tags": {}, "throughput": 125, "volume_id": f"vol-{hexid(rng)}",
                               "volume_size": rng.choice([8, 20, 50, 100]), "volume_type": "gp3"}],
        "secondary_private_ips": [], "security_groups": [], "source_dest_check": True,
        "subnet_id": f"subnet-{hexid(rng)}", "tags": t,
        "tags_all": dict(t, owner="infra"), "tenancy": "default", "timeouts": None,
        "user_data": hexid(rng, 12), "user_data_replace_on_change": False,
        "volume_tags": None, "vpc_security_group_ids": [f"sg-{hexid(rng)}", f"sg-{hexid(rng)}"],
    }
    computed = ["arn", "cpu_core_count", "cpu_threads_per_core", "host_id", "id", "instance_lifecycle",
                "instance_state", "ipv6_address_count", "ipv6_addresses", "outpost_arn", "password_data",
                "primary_network_interface_id", "private_dns", "public_dns", "public_ip", "secondary_private_ips",
                "security_groups", "tags_all"]
    return values, computed, []


def aws_db_instance(rng, team, i, region):
    t = tags(rng, team, i)
    name = f"{team}-db-{i}"
    engine = rng.choice(["postgres", "mysql"])
    values = {
        "address": f"{name}.c{hexid(rng, 11)}.{region}.rds.amazonaws.com", "allocated_storage": rng.choice([20, 100, 500]),
        "allow_major_version_upgrade": None, "apply_immediately": False,
        "arn": f"arn:aws:rds:{region}:{ACCOUNT}:db:{name}", "auto_minor_version_upgrade": True,
        "availability_zone": region + "a", "backup_retention_period": 7, 
        "backup_window": "03:00-04:00", "ca_cert_identifier": "rds-ca-rsa2048-g1", "copy_tags_to_snapshot": True, "db_name": f"{team}db", "db_subnet_group_name": f"{team}-db-subnets",
        "delete_automated_backups": True, "deletion_protection": True,         "enabled_cloudwatch_logs_exports": ["postgresql"] if engine == "postgres" else ["error", "slowquery"],
        "endpoint": f"{name}.c{hexid(rng, 11)}.{region}.rds.amazonaws.com:5432", "engine": engine,
        "engine_version": "15.4" if engine == "postgres" else "8.0.35", 
        "final_snapshot_identifier": None, "hosted_zone_id": "Z2R2ITUGPM61AM",
        "iam_database_authentication_enabled": False, "id": f"db-{hexid(rng, 12).upper()}",
        "identifier": name, "instance_class": rng.choice(DB_CLASSES), "iops": 0,
        "kms_key_id": "alias/aws/rds", "latest_restorable_time": "", "maintenance_window": "sun:05:00-sun:06:00",
        "master_user_secret": [], "max_allocated_storage": 1000,
        "monitoring_interval": 60, 
        "multi_az": rng.random() < 0.3, "network_type": "IPV4",
        "option_group_name": "default:postgres-15", "parameter_group_name": f"{team}-pg15", "password": None,
        "performance_insights_enabled": True, "port": 5432,
        "publicly_accessible": False, "replicas": [], "replicate_source_db": "",
        "resource_id": f"db-{hexid(rng, 12).upper()}",
        "skip_final_snapshot": False, "snapshot_identifier": None, "status": "available",
        "storage_encrypted": True, "storage_type": "gp3", "tags": t, "tags_all": t,
        "timeouts": None, "username": "admin", "vpc_security_group_ids": [f"sg-{hexid(rng)}"],
    }
    computed = ["address", "arn", "availability_zone", "endpoint", "hosted_zone_id", "id", "latest_restorable_time", "master_user_secret", "replicas", "resource_id",
                "status", "tags_all"]
    return values, computed, ["password"]


def aws_s3_bucket(rng, team, i, region):
    t = tags(rng, team, i)
    bucket = f"{team}-artifacts-{i}-{hexid(rng, 8)}"
    values = {
        "acceleration_status": "", "acl": None, "arn": f"arn:aws:s3:::{bucket}", "bucket": bucket,
        "bucket_domain_name": f"{bucket}.s3.amazonaws.com", "bucket_prefix": "",
        "bucket_regional_domain_name": f"{bucket}.s3.{region}.amazonaws.com", "cors_rule": [],
        "force_destroy": False,
        "grant": [{"id": hexid(rng, 16), "permissions": ["FULL_CONTROL"], "type": "CanonicalUser", "uri": ""}],
        "hosted_zone_id": "Z3AQBSTGFYJSTF", "id": bucket, "lifecycle_rule": [], "logging": [],
        "object_lock_configuration": [], "object_lock_enabled": False, "policy": "", "region": region,
        "replication_configuration": [], "request_payer": "BucketOwner",
        "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [
            {"kms_master_key_id": "", "sse_algorithm": "AES256"}], "bucket_key_enabled": False}]}],
        "tags": t, "tags_all": t, "timeouts": None, "versioning": [{"enabled": True, "mfa_delete": False}],
        "website": [], "website_domain": None, "website_endpoint": None,
    }
    computed = ["acceleration_status", "arn", "bucket_domain_name", "bucket_regional_domain_name", "grant",
                "hosted_zone_id", "id", "policy", "region", "request_payer", "tags_all", "website_domain",
                "website_endpoint"]
    return values, computed, []


def aws_lb(rng, team, i, region):
    t = tags(rng, team, i)
    name = f"{team}-lb-{i}"
    suffix = f"app/{name}/{hexid(rng, 16)}"
    values = {
        "access_logs": [{"bucket": f"{team}-lb-logs", "enabled": True, "prefix": name}],
        "arn": f"arn:aws:elasticloadbalancing:{region}:{ACCOUNT}:loadbalancer/{suffix}", "arn_suffix": suffix,
        "client_keep_alive": 3600, "connection_logs": [], "customer_owned_ipv4_pool": "",
        "desync_mitigation_mode": "defensive", "dns_name": f"{name}-{rng.randint(10**8, 10**9)}.{region}.elb.amazonaws.com",
        "dns_record_client_routing_policy": None, "drop_invalid_header_fields": True,
        "enable_cross_zone_load_balancing": True, "enable_deletion_protection": True, "enable_http2": True,
        "enable_tls_version_and_cipher_suite_headers": False, "enable_waf_fail_open": False,
        "enable_xff_client_port": False, "enforce_security_group_inbound_rules_on_private_link_traffic": "",
        "id": f"arn:aws:elasticloadbalancing:{region}:{ACCOUNT}:loadbalancer/{suffix}", "idle_timeout": 60,
        "internal": rng.random() < 0.5, "ip_address_type": "ipv4", "load_balancer_type": "application",
        "name": name, "name_prefix": "", "preserve_host_header": False,
        "security_groups": [f"sg-{hexid(rng)}"],
        "subnet_mapping": [{"allocation_id": "", "ipv6_address": "", "outpost_id": "", "private_ipv4_address": "",
                            "subnet_id": f"subnet-{hexid(rng)}"} for _ in range(2)],
        "subnets": [f"subnet-{hexid(rng)}", f"subnet-{hexid(rng)}"], "tags": t, "tags_all": t, "timeouts": None,
        "vpc_id": f"vpc-{hexid(rng)}", "xff_header_processing_mode": "append", "zone_id": "Z35SXDOTRQ7X7K",
    }
    computed = ["arn", "arn_suffix", "dns_name", "id", "subnet_mapping", "tags_all", "vpc_id", "zone_id"]
    return values, computed, []


def aws_elasticache_cluster(rng, team, i, region):
    t = tags(rng, team, i)
    name = f"{team}-cache-{i}"
    node_type = rng.choice(CACHE_NODES)
    values = {
        "apply_immediately": None, "arn": f"arn:aws:elasticache:{region}:{ACCOUNT}:cluster:{name}",
        "auto_minor_version_upgrade": "true", "availability_zone": region + "a", "az_mode": "single-az",
        "cache_nodes": [{"address": f"{name}.{hexid(rng, 6)}.0001.use1.cache.amazonaws.com",
                         "availability_zone": region + "a", "id": "0001", "outpost_arn": "", "port": 6379}],
        "cluster_address": "", "cluster_id": name, "configuration_endpoint": "", "engine": "redis",
        "engine_version": "7.1", "engine_version_actual": "7.1.0", "final_snapshot_identifier": None,
        "id": name, "ip_discovery": "ipv4", "log_delivery_configuration": [],
        "maintenance_window": "sun:05:00-sun:09:00", "network_type": "ipv4", "node_type": node_type,
        "notification_topic_arn": None, "num_cache_nodes": 1, "outpost_mode": None,
        "parameter_group_name": "default.redis7", "port": 6379, "preferred_availability_zones": None,
        "preferred_outpost_arn": "", "replication_group_id": "", "security_group_ids": [f"sg-{hexid(rng)}"],
        "snapshot_arns": None, "snapshot_name": None, "snapshot_retention_limit": 5,
        "snapshot_window": "03:00-05:00", "subnet_group_name": f"{team}-cache-subnets", "tags": t, "tags_all": t,
        "transit_encryption_enabled": False,
    }
    computed = ["arn", "availability_zone", "cache_nodes", "cluster_address", "configuration_endpoint",
                "engine_version_actual", "id", "preferred_outpost_arn", "replication_group_id", "tags_all"]
    return values, computed, []


def google_compute_instance(rng, team, i, region):
    zone = rng.choice(GCP_ZONES)
    name = f"{team}-vm-{i}"
    project = f"acme-{team}"
    labels = {"cost-centre": f"cc-{rng.randint(100, 140)}", "env": rng.choice(["prod", "dev"]), "team": team}
    values = {
        "allow_stopping_for_update": True, "attached_disk": [],
        "boot_disk": [{"auto_delete": True, "device_name": "persistent-disk-0", "disk_encryption_key_raw": "",
                       "initialize_params": [{"image": "debian-cloud/debian-12", "labels": {},
                                              "size": rng.choice([20, 50]), "type": "pd-balanced"}],
                       "kms_key_self_link": "", "mode": "READ_WRITE",
                       "source": name}],
        "can_ip_forward": False, "cpu_platform": "Intel Broadwell",
        "current_status": "RUNNING", "deletion_protection": False, "description": "", "desired_status": None,
        "effective_labels": dict(labels, goog_terraform_provisioned="true"), "enable_display": False,
        "hostname": "", "id": f"projects/{project}/zones/{zone}/instances/{name}",
        "instance_id": str(rng.randint(10**18, 10**19)), "label_fingerprint": hexid(rng, 11), "labels": labels,
        "machine_type": rng.choice(GCP_MACHINES), "metadata": {"enable-oslogin": "TRUE"},
        "metadata_fingerprint": hexid(rng, 11), "metadata_startup_script": None, "min_cpu_platform": "",
        "name": name,
        "network_interface": [{"access_config": [], "alias_ip_range": [], "name": "nic0",
                               "network": "default",
                               "network_ip": ip(rng), "nic_type": "", "queue_count": 0, "stack_type": "IPV4_ONLY",
                               "subnetwork": team,
                               "subnetwork_project": project}],
        "project": project, "resource_policies": [],
        "scheduling": [{"automatic_restart": True, "on_host_maintenance": "MIGRATE", "preemptible": False,
                        "provisioning_model": "STANDARD"}],
        "scratch_disk": [], "self_link": f"projects/{project}/zones/{zone}/instances/{name}",
        "service_account": [{"email": f"{team}@{project}.iam.gserviceaccount.com",
                             "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}],
        "shielded_instance_config": [{"enable_integrity_monitoring": True, "enable_secure_boot": True,
                                      "enable_vtpm": True}],
        "tags": ["web", team], "tags_fingerprint": hexid(rng, 11),
        "terraform_labels": dict(labels, goog_terraform_provisioned="true"), "timeouts": None, "zone": zone,
    }
    computed = ["cpu_platform", "current_status", "effective_labels", "id", "instance_id", "label_fingerprint",
                "metadata_fingerprint", "self_link", "tags_fingerprint", "terraform_labels"]
    return values, computed, []


def google_compute_disk(rng, team, i, region):
    zone = rng.choice(GCP_ZONES)
    name = f"{team}-disk-{i}"
    project = f"acme-{team}"
    labels = {"cost-centre": f"cc-{rng.randint(100, 140)}", "team": team}
    values = {
        "async_primary_disk": [], "creation_timestamp": "2026-11-02T09:14:05.123-07:00", "description": "",
        "disk_encryption_key": [], "disk_id": str(rng.randint(10**18, 10**19)),
        "effective_labels": dict(labels, goog_terraform_provisioned="true"), "enable_confidential_compute": False,
        "guest_os_features": [], "id": f"projects/{project}/zones/{zone}/disks/{name}", "image": "",
        "label_fingerprint": hexid(rng, 11), "labels": labels, "last_attach_timestamp": "",
        "last_detach_timestamp": "", "licenses": [], "name": name, "physical_block_size_bytes": 4096,
        "project": project, "provisioned_iops": 0, "provisioned_throughput": 0,
        "self_link": f"projects/{project}/zones/{zone}/disks/{name}",
        "size": rng.choice([50, 200, 1000]), "snapshot": "", "source_disk": "", "source_disk_id": "",
        "source_image_encryption_key": [], "source_image_id": "", "source_snapshot_encryption_key": [],
        "source_snapshot_id": "", "storage_pool": "", "terraform_labels": dict(labels, goog_terraform_provisioned="true"),
        "timeouts": None, "type": rng.choice(["pd-standard", "pd-balanced", "pd-ssd"]), "users": [], "zone": zone,
    }
    computed = ["creation_timestamp", "disk_id", "effective_labels", "id", "label_fingerprint",
                "last_attach_timestamp", "last_detach_timestamp", "self_link", "source_disk_id", "source_image_id",
                "source_snapshot_id", "terraform_labels", "users"]
    return values, computed, ["disk_encryption_key"]


def azurerm_linux_virtual_machine(rng, team, i, region):
    t = tags(rng, team, i)
    name = f"{team}-vm-{i}"
    group = f"rg-{team}"
    base = f"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/{group}/providers"
    values = {
        "additional_capabilities": [], "admin_password": None,
        "admin_ssh_key": [{"public_key": "ssh-rsa AAAAB3NzaC1yc2E" + hexid(rng, 16),
                           "username": "azureuser"}],
        "admin_username": "azureuser", "allow_extension_operations": True, "availability_set_id": "",
        "boot_diagnostics": [], "computer_name": f"{team}vm{i}", "custom_data": None,
        "disable_password_authentication": True,
        "disk_controller_type": "SCSI", "edge_zone": "", "encryption_at_host_enabled": False,
        "eviction_policy": "", "extensions_time_budget": "PT1H30M", 
        "id": f"{base}/Microsoft.Compute/virtualMachines/{name}", "identity": [], "license_type": "",
        "location": rng.choice(AZURE_LOCATIONS), "max_bid_price": -1, "name": name,
        "network_interface_ids": [f"{base}/Microsoft.Network/networkInterfaces/{name}-nic"],
        "os_disk": [{"caching": "ReadWrite", "diff_disk_settings": [], "disk_encryption_set_id": "",
                     "disk_size_gb": 64, "name": f"{name}-osdisk", "secure_vm_disk_encryption_set_id": "",
                     "security_encryption_type": "", "storage_account_type": "Premium_LRS",
                     "write_accelerator_enabled": False}],
        "patch_assessment_mode": "ImageDefault", "patch_mode": "ImageDefault",
        "plan": [], "platform_fault_domain": -1, "priority": "Regular", "private_ip_address": ip(rng),
        "private_ip_addresses": [], "provision_vm_agent": True, "proximity_placement_group_id": "",
        "public_ip_address": "", "public_ip_addresses": [], "resource_group_name": group,
        "secret": [], "secure_boot_enabled": False, "size": rng.choice(AZURE_SIZES), "source_image_id": "",
        "source_image_reference": [{"offer": "0001-com-ubuntu-server-jammy", "publisher": "Canonical",
                                    "sku": "22_04-lts", "version": "latest"}],
        "tags": t, "timeouts": None, "user_data": "",
        "virtual_machine_id": f"{hexid(rng, 8)}-{hexid(rng, 4)}-{hexid(rng, 4)}-{hexid(rng, 4)}-{hexid(rng, 12)}",
        "virtual_machine_scale_set_id": "", "vtpm_enabled": False,
        "zone": "",
    }
    computed = ["id", "private_ip_address", "private_ip_addresses", "public_ip_address", "public_ip_addresses",
                "virtual_machine_id"]
    return values, computed, ["admin_password", "custom_data"]


def azurerm_managed_disk(rng, team, i, region):
    t = tags(rng, team, i)
    name = f"{team}-disk-{i}"
    group = f"rg-{team}"
    values = {
        "create_option": "Empty", "disk_access_id": "", "disk_encryption_set_id": "", "disk_iops_read_only": 0,
        "disk_iops_read_write": 500, "disk_mbps_read_only": 0, "disk_mbps_read_write": 60,
        "disk_size_gb": rng.choice([32, 128, 512]), "edge_zone": "", "encryption_settings": [],
        "gallery_image_reference_id": "", "hyper_v_generation": "",
        "id": f"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/{group}/providers/Microsoft.Compute/disks/{name}",
        "image_reference_id": "", "location": rng.choice(AZURE_LOCATIONS[:2]), "logical_sector_size": 0,
        "max_shares": 0, "name": name, "network_access_policy": "AllowAll",
        "on_demand_bursting_enabled": False, "optimized_frequent_attach_enabled": False, "os_type": "",
        "performance_plus_enabled": False, "public_network_access_enabled": True, "resource_group_name": group,
        "secure_vm_disk_encryption_set_id": "", "security_type": "", "source_resource_id": "", "source_uri": "",
        "storage_account_id": "", "storage_account_type": rng.choice(["Premium_LRS", "Standard_LRS"]),
        "tags": t, "tier": "P10", "timeouts": None, "trusted_launch_enabled": False, "upload_size_bytes": 0,
        "zone": "",
    }
    computed = ["disk_iops_read_write", "disk_mbps_read_write", "id", "max_shares", "tier"]
    return values, computed, []


SCHEMAS = {name: globals()[name] for name, _ in TYPE_MIX}


def mirror(value, marked):
    """after_unknown or *_sensitive of a known value: `marked` attributes `true`, lists one
    entry per element (`false` for a plain value), objects without their `false` members."""
    if isinstance(value, dict):
        result = {}
        for key in sorted(value):
            inner = True if key in marked else mirror(value[key], ())
            if inner is not False:
                result[key] = inner
        for key in sorted(set(marked) - set(value)):
            result[key] = True
        return {key: result[key] for key in sorted(result)}
    if isinstance(value, list):
        return [mirror(item, ()) for item in value]
    return False


def expressions(values, computed, rng):
    """A resource block's attributes as configuration expressions: what the plan knew from
    the source (constants and references), nested blocks as blocks of expressions."""
    result = {}
    for key in sorted(values):
        value = values[key]
        if key in computed or value is None or value == "" or value == []:
            continue
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            result[key] = [expressions(item, (), rng) for item in value]
        elif rng.random() < 0.3:
            result[key] = {"references": [f"var.{key}", "local.defaults"]}
        else:
            result[key] = {"constant_value": value}
    return result


class Plan:
    def __init__(self, count, seed):
        self.rng = random.Random(seed)
        self.count = count
        self.resources = []  # (module path, type, name, count index, actions, team)
        modules = max(1, count // 60)
        for i in range(count):
            kind = pick(self.rng, TYPE_MIX)
            team = TEAMS[i % len(TEAMS)]
            module = []
            if i % 10:
                module = [f"{team}_{i % modules}"]
                if self.rng.random() < 0.3:
                    module.append("storage")
            self.resources.append((tuple(module), kind, f"r{i // 4}", i % 4, pick(self.rng, ACTION_MIX), team))

    def schema(self, i):
        """(values, computed, sensitive) of resource i: the state it has or will have."""
        _, kind, _, _, _, team = self.resources[i]
        rng = random.Random(i * 7919 + self.count)
        values, computed, sensitive = SCHEMAS[kind](rng, team, i, rng.choice(AWS_REGIONS))
        return sort_keys(values), computed, sensitive

    def states(self, i):
        """before, after (without what is known only after apply), after_unknown."""
        actions = self.resources[i][4]
        values, computed, _ = self.schema(i)
        before = after = None
        unknown = {}
        if actions != ["create"]:
            before = values
        if actions == ["update"]:  # a tag or label changes
            key = "tags" if isinstance(values.get("tags"), dict) else "labels"
            after = dict(values, **{key: sort_keys(dict(values[key], version="2"))})
            unknown = mirror(after, ())
        elif actions == ["no-op"]:
            after = values
            unknown = mirror(after, ())
        elif actions != ["delete"]:  # create, replace: the provider computes some attributes again
            after = {key: value for key, value in values.items() if key not in computed}
            unknown = mirror(after, computed)
        return before, after, unknown

    @staticmethod
    def module_address(module):
        return ".".join(f"module.{name}" for name in module)

    def address(self, i):
        module, kind, name, index, _, _ = self.resources[i]
        prefix = self.module_address(module)
        return (prefix + "." if prefix else "") + f"{kind}.{name}[{index}]"

    def state_resource(self, i, values):
        _, kind, name, index, _, _ = self.resources[i]
        sensitive = self.schema(i)[2]
        return {"address": self.address(i), "mode": "managed", "type": kind, "name": name, "index": index,
                "provider_name": PROVIDERS[kind.split("_")[0]], "schema_version": 1, "values": values,
                "sensitive_values": mirror(values, [key for key in sensitive if key in values])}

    def change(self, i):
        module, kind, name, index, actions, _ = self.resources[i]
        before, after, unknown = self.states(i)
        sensitive = self.schema(i)[2]
        entry = {"address": self.address(i)}
        if module:
            entry["module_address"] = self.module_address(module)
        entry.update({"mode": "managed", "type": kind, "name": name, "index": index,
                      "provider_name": PROVIDERS[kind.split("_")[0]]})
        entry["change"] = {
            "actions": actions, "before": before, "after": after, "after_unknown": unknown,
            "before_sensitive": mirror(before, [key for key in sensitive if key in before]) if before else False,
            "after_sensitive": mirror(after, [key for key in sensitive if key in after]) if after else False,
        }
        if actions == ["delete", "create"]:
            entry["change"]["replace_paths"] = [["availability_zone"]]
            entry["action_reason"] = "replace_because_cannot_update"
        return entry

    def write(self, out):
        out.write('{"format_version":"1.2","terraform_version":"1.7.5",')
        out.write('"variables":{"environment":{"value":"prod"},"region":{"value":"us-east-1"}},')
        out.write('"planned_values":{"root_module":')
        self.write_module_tree(out, lambda i: self.resources[i][4] != ["delete"], lambda i: self.states(i)[1])
        out.write('},"resource_changes":[')
        for i in range(self.count):
            out.write(("," if i else "") + dumps(self.change(i)))
        out.write('],"prior_state":{"format_version":"1.0","terraform_version":"1.7.5","values":{"root_module":')
        self.write_module_tree(out, lambda i: self.resources[i][4] != ["create"], lambda i: self.schema(i)[0])
        out.write('}},"configuration":')
        self.write_configuration(out)
        out.write(',"relevant_attributes":[{"resource":"aws_instance.r0[0]","attribute":["id"]}]')
        out.write(',"timestamp":"2026-11-22T12:00:00Z","applyable":true,"complete":true,"errored":false}\n')

    def write_module_tree(self, out, keep, values_of):
        """The root module of planned_values or prior_state: resources by module, child
        modules nested (a module: resources, address, child_modules)."""
        tree = {}
        for i, entry in enumerate(self.resources):
            if not keep(i):
                continue
            node = tree
            for depth in range(len(entry[0])):
                node = node.setdefault(entry[0][:depth + 1], {})
            node.setdefault(None, []).append(i)

        def emit(node, path):
            fields = []
            if None in node:
                fields.append('"resources":[' + ",".join(dumps(self.state_resource(i, values_of(i)))
                                                         for i in node[None]) + "]")
            if path:
                fields.append('"address":' + dumps(self.module_address(path)))
            out.write("{" + ",".join(fields))
            children = sorted(k for k in node if k is not None)
            if children:
                out.write(("," if fields else "") + '"child_modules":[')
                for n, child in enumerate(children):
                    out.write("," if n else "")
                    emit(node[child], child)
                out.write("]")
            out.write("}")

        emit(tree, ())

    def write_configuration(self, out):
        providers = {
            "aws": {"name": "aws", "full_name": PROVIDERS["aws"], "version_constraint": "~> 5.0",
                    "expressions": {"region": {"references": ["var.region"]}}},
            "azurerm": {"name": "azurerm", "full_name": PROVIDERS["azurerm"], "expressions": {"features": [{}]}},
            "google": {"name": "google", "full_name": PROVIDERS["google"],
                       "expressions": {"project": {"constant_value": "acme"}, "region": {"constant_value": "us-central1"}}},
        }
        out.write('{"provider_config":' + dumps(providers) + ',"root_module":')
        tree = {}
        for i, entry in enumerate(self.resources):
            if entry[3] != 0:
                continue  # configuration lists each resource block once, not each instance
            node = tree
            for name in entry[0]:
                node = node.setdefault(name, {})
            node.setdefault(None, []).append(i)

        def emit(node):
            out.write('{"resources":[')
            for n, i in enumerate(node.get(None, [])):
                _, kind, name, _, _, _ = self.resources[i]
                values, computed, _ = self.schema(i)
                block = {"address": f"{kind}.{name}", "mode": "managed", "type": kind, "name": name,
                         "provider_config_key": kind.split("_")[0],
                         "expressions": expressions(values, computed, self.rng), "schema_version": 1,
                         "count_expression": {"constant_value": 4}}
                out.write(("," if n else "") + dumps(block))
            out.write("]")
            children = sorted(k for k in node if k is not None)
            if children:
                out.write(',"module_calls":{')
                for n, child in enumerate(children):
                    out.write(("," if n else "") + dumps(child) + ':{"source":' +
                              dumps("./modules/" + child.split("_")[0]) +
                              ',"expressions":{"team":{"constant_value":' + dumps(child.split("_")[0]) + '}}' +
                              ',"module":')
                    emit(node[child])
                    out.write("}")
                out.write("}")
            out.write("}")

        emit(tree)
        out.write("}")


def write_plan(count, path, seed):
    with open(path, "w", buffering=1 << 20) as out:
        Plan(count, seed).write(out)
