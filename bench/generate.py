#!/usr/bin/env python3
"""Writes synthetic but realistic inputs for costgate's benchmark (docs/performance.md).

  generate.py plan N OUT.json [--seed S]      a `terraform show -json` plan of N resources
  generate.py k8s N OUT_DIR [--seed S]        a directory of manifests with N workloads
  generate.py terraform N OUT_DIR [--seed S]  a Terraform root module of N resources

Plans look like Terraform 1.x writes them: minified, with planned_values (root and child
modules), resource_changes (before/after/after_unknown/before_sensitive/after_sensitive),
prior_state for resources that exist, and configuration (provider_config, resources with
expressions, module_calls). Resources have dozens of attributes; about a tenth are in the
root module, the rest in per-team modules with a nested storage module. The output is a
function of N and the seed only, and is written as it is generated (a 100k plan never sits
in memory).
"""

import argparse
import json
import os
import random

PROVIDERS = {
    "aws": "registry.terraform.io/hashicorp/aws",
    "google": "registry.terraform.io/hashicorp/google",
    "azurerm": "registry.terraform.io/hashicorp/azurerm",
}
AWS_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"]
INSTANCE_TYPES = ["t3.micro", "t3.large", "m5.large", "m5.xlarge", "c5.2xlarge", "r5.large", "m6i.large"]
DB_CLASSES = ["db.t3.micro", "db.t3.medium", "db.m5.large", "db.r5.xlarge"]
GCP_MACHINES = ["e2-small", "e2-standard-4", "n2-standard-8", "n1-standard-2"]
AZURE_SIZES = ["Standard_B2s", "Standard_D2s_v3", "Standard_D4s_v3", "Standard_E4s_v3"]
TEAMS = ["payments", "search", "ml", "platform", "web", "data", "mobile", "billing"]

# Type, share of resources.
TYPE_MIX = [
    ("aws_instance", 20), ("aws_ebs_volume", 12), ("aws_db_instance", 6), ("aws_s3_bucket", 10),
    ("aws_iam_role", 10), ("aws_security_group", 12), ("google_compute_instance", 10),
    ("google_compute_disk", 5), ("azurerm_linux_virtual_machine", 8), ("azurerm_managed_disk", 7),
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


def tags(rng, team, i):
    result = {"Name": f"{team}-{i}", "env": rng.choice(["prod", "staging", "dev"]), "team": team,
              "managed-by": "terraform"}
    if rng.random() < 0.85:
        result["cost-centre"] = f"cc-{rng.randint(100, 140)}"
    return result


def hexid(rng, n=17):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def aws_instance(rng, team, i, region):
    t = tags(rng, team, i)
    return {
        "ami": f"ami-{hexid(rng)}", "associate_public_ip_address": False,
        "availability_zone": region + rng.choice("abc"), "capacity_reservation_specification": [],
        "credit_specification": [], "disable_api_stop": False, "disable_api_termination": False,
        "ebs_block_device": [], "ebs_optimized": True, "get_password_data": False,
        "hibernation": None, "iam_instance_profile": f"{team}-profile", "instance_initiated_shutdown_behavior": "stop",
        "instance_type": rng.choice(INSTANCE_TYPES), "key_name": f"{team}-deployer", "launch_template": [],
        "maintenance_options": [{"auto_recovery": "default"}],
        "metadata_options": [{"http_endpoint": "enabled", "http_put_response_hop_limit": 2, "http_tokens": "required",
                              "instance_metadata_tags": "disabled"}],
        "monitoring": True, "placement_group": "", "private_ip": f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        "root_block_device": [{"delete_on_termination": True, "encrypted": True, "iops": 3000, "kms_key_id": None,
                               "tags": None, "throughput": 125, "volume_size": rng.choice([8, 20, 50, 100]),
                               "volume_type": "gp3"}],
        "secondary_private_ips": [], "source_dest_check": True, "subnet_id": f"subnet-{hexid(rng)}",
        "tags": t, "tags_all": dict(t, **{"owner": "infra"}), "tenancy": "default", "timeouts": None,
        "user_data": hexid(rng, 40), "user_data_replace_on_change": False, "volume_tags": None,
        "vpc_security_group_ids": [f"sg-{hexid(rng)}", f"sg-{hexid(rng)}"],
    }


def aws_ebs_volume(rng, team, i, region):
    t = tags(rng, team, i)
    return {"availability_zone": region + rng.choice("abc"), "encrypted": True, "final_snapshot": False,
            "iops": rng.choice([3000, 6000]), "kms_key_id": None, "multi_attach_enabled": False, "outpost_arn": None,
            "size": rng.choice([20, 100, 500, 1000]), "snapshot_id": None, "tags": t, "tags_all": t,
            "throughput": 125, "timeouts": None, "type": rng.choice(["gp3", "gp2", "io2", "st1"])}


def aws_db_instance(rng, team, i, region):
    t = tags(rng, team, i)
    return {"allocated_storage": rng.choice([20, 100, 500]), "allow_major_version_upgrade": None,
            "apply_immediately": False, "auto_minor_version_upgrade": True, "backup_retention_period": 7,
            "backup_window": "03:00-04:00", "copy_tags_to_snapshot": True, "db_name": f"{team}db",
            "db_subnet_group_name": f"{team}-db-subnets", "delete_automated_backups": True,
            "deletion_protection": True, "engine": rng.choice(["postgres", "mysql"]), "engine_version": "15.4",
            "final_snapshot_identifier": None, "iam_database_authentication_enabled": False,
            "identifier": f"{team}-db-{i}", "instance_class": rng.choice(DB_CLASSES), "iops": None,
            "maintenance_window": "sun:05:00-sun:06:00", "max_allocated_storage": 1000, "monitoring_interval": 60,
            "multi_az": rng.random() < 0.3, "option_group_name": None, "parameter_group_name": f"{team}-pg15",
            "password": None, "performance_insights_enabled": True, "port": 5432, "publicly_accessible": False,
            "replicate_source_db": None, "skip_final_snapshot": False, "snapshot_identifier": None,
            "storage_encrypted": True, "storage_type": "gp3", "tags": t, "tags_all": t, "timeouts": None,
            "username": "admin", "vpc_security_group_ids": [f"sg-{hexid(rng)}"]}


def aws_s3_bucket(rng, team, i, region):
    t = tags(rng, team, i)
    return {"bucket": f"{team}-artifacts-{i}-{hexid(rng, 8)}", "bucket_prefix": None, "force_destroy": False,
            "object_lock_enabled": False, "tags": t, "tags_all": t, "timeouts": None,
            "versioning": [{"enabled": True, "mfa_delete": False}], "acl": None, "policy": None,
            "website": [], "logging": [], "lifecycle_rule": [], "cors_rule": [], "grant": [],
            "replication_configuration": [], "request_payer": "BucketOwner",
            "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [
                {"kms_master_key_id": "", "sse_algorithm": "AES256"}], "bucket_key_enabled": False}]}]}


def aws_iam_role(rng, team, i, region):
    policy = dumps({"Version": "2012-10-17", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                                                            "Principal": {"Service": "ec2.amazonaws.com"}}]})
    t = tags(rng, team, i)
    return {"assume_role_policy": policy, "description": f"Role for {team} workers", "force_detach_policies": False,
            "inline_policy": [], "managed_policy_arns": [f"arn:aws:iam::aws:policy/ReadOnlyAccess"],
            "max_session_duration": 3600, "name": f"{team}-worker-{i}", "name_prefix": None, "path": "/",
            "permissions_boundary": None, "tags": t, "tags_all": t}


def aws_security_group(rng, team, i, region):
    rule = {"cidr_blocks": ["10.0.0.0/8"], "description": "internal", "from_port": 443, "ipv6_cidr_blocks": [],
            "prefix_list_ids": [], "protocol": "tcp", "security_groups": [], "self": False, "to_port": 443}
    t = tags(rng, team, i)
    return {"description": f"{team} service {i}", "egress": [dict(rule, from_port=0, to_port=0, protocol="-1",
                                                                    cidr_blocks=["0.0.0.0/0"])],
            "ingress": [rule, dict(rule, from_port=80, to_port=80)], "name": f"{team}-sg-{i}", "name_prefix": None,
            "revoke_rules_on_delete": False, "tags": t, "tags_all": t, "timeouts": None,
            "vpc_id": f"vpc-{hexid(rng)}"}


def google_compute_instance(rng, team, i, region):
    zone = rng.choice(["us-central1-a", "europe-west1-b", "us-east1-c"])
    return {"advanced_machine_features": [], "allow_stopping_for_update": True, "attached_disk": [],
            "boot_disk": [{"auto_delete": True, "disk_encryption_key_raw": None,
                           "initialize_params": [{"image": "debian-cloud/debian-12", "size": rng.choice([20, 50]),
                                                  "type": "pd-balanced"}], "mode": "READ_WRITE"}],
            "can_ip_forward": False, "deletion_protection": False, "description": None, "desired_status": None,
            "enable_display": False, "hostname": None,
            "labels": {"team": team, "env": rng.choice(["prod", "dev"]), "cost-centre": f"cc-{rng.randint(100, 140)}"},
            "machine_type": rng.choice(GCP_MACHINES), "metadata": {"enable-oslogin": "TRUE"},
            "metadata_startup_script": None, "name": f"{team}-vm-{i}",
            "network_interface": [{"access_config": [], "alias_ip_range": [], "ipv6_access_config": [],
                                   "network": "default", "nic_type": None, "queue_count": None,
                                   "subnetwork": f"{team}-subnet"}],
            "project": f"acme-{team}", "resource_policies": None, "scratch_disk": [],
            "service_account": [{"email": f"{team}@acme.iam.gserviceaccount.com",
                                 "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}],
            "shielded_instance_config": [{"enable_integrity_monitoring": True, "enable_secure_boot": True,
                                          "enable_vtpm": True}],
            "tags": ["web", team], "timeouts": None, "zone": zone}


def google_compute_disk(rng, team, i, region):
    return {"description": None, "disk_encryption_key": [], "image": None,
            "labels": {"team": team, "cost-centre": f"cc-{rng.randint(100, 140)}"}, "name": f"{team}-disk-{i}",
            "physical_block_size_bytes": 4096, "project": f"acme-{team}", "size": rng.choice([50, 200, 1000]),
            "snapshot": None, "source_image_encryption_key": [], "timeouts": None,
            "type": rng.choice(["pd-standard", "pd-balanced", "pd-ssd"]), "zone": "us-central1-a"}


def azurerm_linux_virtual_machine(rng, team, i, region):
    t = tags(rng, team, i)
    return {"additional_capabilities": [], "admin_password": None, "admin_ssh_key": [
                {"public_key": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC" + hexid(rng, 60), "username": "azureuser"}],
            "admin_username": "azureuser", "allow_extension_operations": True, "availability_set_id": None,
            "boot_diagnostics": [], "computer_name": f"{team}vm{i}", "custom_data": None,
            "disable_password_authentication": True, "encryption_at_host_enabled": None, "eviction_policy": None,
            "identity": [], "license_type": None, "location": rng.choice(["westeurope", "eastus", "uksouth"]),
            "max_bid_price": -1, "name": f"{team}-vm-{i}",
            "network_interface_ids": [f"/subscriptions/0000/resourceGroups/{team}/providers/Microsoft.Network/networkInterfaces/nic{i}"],
            "os_disk": [{"caching": "ReadWrite", "diff_disk_settings": [], "disk_encryption_set_id": None,
                         "disk_size_gb": 64, "storage_account_type": "Premium_LRS", "write_accelerator_enabled": False}],
            "patch_mode": "ImageDefault", "plan": [], "priority": "Regular", "provision_vm_agent": True,
            "resource_group_name": f"rg-{team}", "secret": [], "size": rng.choice(AZURE_SIZES),
            "source_image_id": None, "source_image_reference": [{"offer": "0001-com-ubuntu-server-jammy",
                                                                 "publisher": "Canonical", "sku": "22_04-lts",
                                                                 "version": "latest"}],
            "tags": t, "timeouts": None, "zone": None}


def azurerm_managed_disk(rng, team, i, region):
    t = tags(rng, team, i)
    return {"create_option": "Empty", "disk_size_gb": rng.choice([32, 128, 512]), "encryption_settings": [],
            "location": rng.choice(["westeurope", "eastus"]), "name": f"{team}-disk-{i}",
            "resource_group_name": f"rg-{team}", "storage_account_type": rng.choice(["Premium_LRS", "Standard_LRS"]),
            "tags": t, "timeouts": None, "zone": None, "os_type": None, "source_uri": None}


ATTRIBUTES = {name: globals()[name] for name, _ in TYPE_MIX}
# Attributes Terraform only knows after apply, per provider.
UNKNOWN = {"aws": ["arn", "id", "owner_id", "tags_all_computed"], "google": ["id", "self_link", "instance_id", "cpu_platform"],
           "azurerm": ["id", "private_ip_address", "public_ip_address", "virtual_machine_id"]}


def after_unknown(provider, attributes):
    unknown = {key: True for key in UNKNOWN[provider]}
    for key, value in attributes.items():
        if isinstance(value, list):
            unknown[key] = [{} for item in value if isinstance(item, dict)] if value else []
        elif isinstance(value, dict):
            unknown[key] = {}
    return unknown


def sensitive(attributes):
    return {key: ([] if isinstance(value, list) else {}) for key, value in attributes.items()
            if isinstance(value, (list, dict))}


def expressions(attributes, rng):
    result = {}
    for key, value in list(attributes.items())[:14]:
        if value is None or isinstance(value, (list, dict)):
            continue
        result[key] = ({"references": [f"var.{key}", "local.defaults"]} if rng.random() < 0.3
                       else {"constant_value": value})
    return result


class Plan:
    def __init__(self, count, seed):
        self.rng = random.Random(seed)
        self.count = count
        self.resources = []  # (module path list, type, name, index, action, before, after)
        self.build()

    def build(self):
        rng = self.rng
        modules = max(1, self.count // 60)
        for i in range(self.count):
            kind = pick(rng, TYPE_MIX)
            team = TEAMS[i % len(TEAMS)]
            if i % 10 == 0:
                module = []
            else:
                module = [f"{team}_{i % modules}"]
                if rng.random() < 0.3:
                    module.append("storage")
            action = pick(rng, ACTION_MIX)
            self.resources.append((tuple(module), kind, f"r{i // 4}", i % 4, action, team))

    def attributes(self, index):
        _, kind, _, _, _, team = self.resources[index]
        rng = random.Random(index * 7919 + self.count)
        return ATTRIBUTES[kind](rng, team, index, rng.choice(AWS_REGIONS))

    @staticmethod
    def module_address(module):
        return ".".join(f"module.{name}" for name in module)

    def address(self, entry):
        module, kind, name, index, _, _ = entry
        prefix = self.module_address(module)
        return (prefix + "." if prefix else "") + f"{kind}.{name}[{index}]"

    def resource_value(self, i, values):
        entry = self.resources[i]
        module, kind, name, index, _, _ = entry
        provider = kind.split("_")[0]
        return {"address": self.address(entry), "mode": "managed", "type": kind, "name": name, "index": index,
                "provider_name": PROVIDERS[provider], "schema_version": 1, "values": values,
                "sensitive_values": sensitive(values)}

    def write(self, out):
        rng = self.rng
        out.write('{"format_version":"1.2","terraform_version":"1.7.5",')
        out.write('"variables":{"region":{"value":"us-east-1"},"environment":{"value":"prod"}},')
        self.write_module_tree(out, "planned_values", lambda i, e: e[4] != ["delete"], after=True)
        out.write(',"resource_changes":[')
        for i, entry in enumerate(self.resources):
            module, kind, name, index, action, team = entry
            provider = kind.split("_")[0]
            attrs = self.attributes(i)
            before = after = None
            if action != ["create"]:
                before = dict(attrs)
                if action == ["update"] and isinstance(before.get("tags"), dict):
                    before["tags"] = dict(before["tags"], version="1")
            if action != ["delete"]:
                after = attrs
            change = {"actions": action, "before": before, "after": after,
                      "after_unknown": after_unknown(provider, attrs) if after else {},
                      "before_sensitive": sensitive(before) if before else False,
                      "after_sensitive": sensitive(after) if after else False}
            value = {"address": self.address(entry)}
            if module:
                value["module_address"] = self.module_address(module)
            value.update({"mode": "managed", "type": kind, "name": name, "index": index,
                          "provider_name": PROVIDERS[provider], "change": change})
            out.write(("," if i else "") + dumps(value))
        out.write("]")
        self.write_module_tree(out, "prior_state", lambda i, e: e[4] != ["create"], after=False)
        out.write(',"configuration":')
        self.write_configuration(out)
        out.write(',"timestamp":"2026-11-22T12:00:00Z","errored":false}\n')

    def write_module_tree(self, out, key, keep, after):
        """planned_values or prior_state: resources grouped by module, children nested."""
        tree = {}
        for i, entry in enumerate(self.resources):
            if not keep(i, entry):
                continue
            node = tree
            for depth in range(len(entry[0])):
                node = node.setdefault(entry[0][:depth + 1], {})
            node.setdefault(None, []).append(i)

        def emit(node, path):
            out.write("{")
            first = True
            if path:
                out.write('"address":' + dumps(self.module_address(path)))
                first = False
            out.write(("" if first else ",") + '"resources":[')
            for n, i in enumerate(node.get(None, [])):
                out.write(("," if n else "") + dumps(self.resource_value(i, self.attributes(i))))
            out.write("]")
            children = sorted(k for k in node if k is not None)
            if children:
                out.write(',"child_modules":[')
                for n, child in enumerate(children):
                    out.write("," if n else "")
                    emit(node[child], child)
                out.write("]")
            out.write("}")

        if key == "prior_state":
            out.write(',"prior_state":{"format_version":"1.0","terraform_version":"1.7.5","values":{"root_module":')
            emit(tree, ())
            out.write("}}")
        else:
            out.write('"planned_values":{"root_module":')
            emit(tree, ())
            out.write("}")

    def write_configuration(self, out):
        providers = {
            "aws": {"name": "aws", "full_name": PROVIDERS["aws"], "version_constraint": "~> 5.0",
                    "expressions": {"region": {"references": ["var.region"]}}},
            "google": {"name": "google", "full_name": PROVIDERS["google"],
                       "expressions": {"project": {"constant_value": "acme"}, "region": {"constant_value": "us-central1"}}},
            "azurerm": {"name": "azurerm", "full_name": PROVIDERS["azurerm"], "expressions": {"features": [{}]}},
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
                block = {"address": f"{kind}.{name}", "mode": "managed", "type": kind, "name": name,
                         "provider_config_key": kind.split("_")[0],
                         "expressions": expressions(self.attributes(i), self.rng), "schema_version": 1,
                         "count_expression": {"constant_value": 4}}
                out.write(("," if n else "") + dumps(block))
            out.write("]")
            children = sorted(k for k in node if k is not None)
            if children:
                out.write(',"module_calls":{')
                for n, child in enumerate(children):
                    out.write(("," if n else "") + dumps(child) + ':{"source":' +
                              dumps("./modules/" + child.split("_")[0]) + ',"module":')
                    emit(node[child])
                    out.write("}")
                out.write("}")
            out.write("}")

        emit(tree)
        out.write("}")


K8S_IMAGES = ["nginx:1.25", "ghcr.io/acme/api:2.3.1", "redis:7", "ghcr.io/acme/worker:1.9.0"]


def k8s_container(rng, name):
    cpu = rng.choice(["100m", "250m", "500m", "1", "2"])
    memory = rng.choice(["128Mi", "256Mi", "512Mi", "1Gi", "4Gi"])
    return (f"      - name: {name}\n        image: {rng.choice(K8S_IMAGES)}\n"
            f"        ports:\n        - containerPort: 8080\n          name: http\n"
            f"        env:\n        - name: LOG_LEVEL\n          value: info\n        - name: REGION\n          value: eu-west-1\n"
            f"        resources:\n          requests:\n            cpu: {cpu}\n            memory: {memory}\n"
            f"          limits:\n            memory: {memory}\n"
            f"        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: http\n"
            f"          periodSeconds: 10\n")


def k8s_workload(rng, namespace, i):
    kind = pick(rng, [("Deployment", 70), ("StatefulSet", 15), ("DaemonSet", 5), ("CronJob", 5), ("Job", 5)])
    name = f"app-{i}"
    labels = (f"    app: {name}\n    team: {namespace}\n    cost-centre: cc-{rng.randint(100, 140)}\n")
    pod = ("      labels:\n        app: " + name + "\n    spec:\n      containers:\n" +
           k8s_container(rng, "main") + (k8s_container(rng, "sidecar") if rng.random() < 0.3 else ""))
    head = f"apiVersion: apps/v1\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: {namespace}\n  labels:\n{labels}"
    if kind in ("Deployment", "StatefulSet"):
        doc = head + f"spec:\n  replicas: {rng.randint(1, 6)}\n  selector:\n    matchLabels:\n      app: {name}\n"
        if kind == "StatefulSet":
            doc += (f"  serviceName: {name}\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n"
                    f"    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n"
                    f"          storage: {rng.choice(['10Gi', '50Gi'])}\n")
        doc += "  template:\n    metadata:\n" + pod
    elif kind == "DaemonSet":
        doc = head + f"spec:\n  selector:\n    matchLabels:\n      app: {name}\n  template:\n    metadata:\n" + pod
    elif kind == "Job":
        doc = (head.replace("apps/v1", "batch/v1") + "spec:\n  completions: 1\n  template:\n    metadata:\n" +
               pod.replace("      containers:", "      restartPolicy: Never\n      containers:"))
        doc = doc + "  activeDeadlineSeconds: 3600\n"
    else:
        indented = "".join("    " + line + "\n" for line in pod.rstrip("\n").split("\n"))
        doc = (head.replace("apps/v1", "batch/v1") + "spec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n"
               "      template:\n        metadata:\n" +
               indented.replace("          containers:", "          restartPolicy: OnFailure\n          containers:"))
    extra = ""
    if kind == "Deployment" and rng.random() < 0.3:
        extra += (f"---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: {name}\n"
                  f"  namespace: {namespace}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n"
                  f"    name: {name}\n  minReplicas: 2\n  maxReplicas: 10\n")
    if rng.random() < 0.4:
        service_type = "LoadBalancer" if rng.random() < 0.1 else "ClusterIP"
        extra += (f"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\n  namespace: {namespace}\n"
                  f"spec:\n  type: {service_type}\n  selector:\n    app: {name}\n  ports:\n  - port: 80\n"
                  f"    targetPort: http\n")
    return doc + extra


def write_k8s(count, directory, seed):
    rng = random.Random(seed)
    os.makedirs(directory, exist_ok=True)
    namespaces = [f"team-{n}" for n in range(max(1, count // 100))]
    per_file = 20
    for start in range(0, count, per_file):
        namespace = namespaces[(start // per_file) % len(namespaces)]
        docs = []
        if start // per_file < len(namespaces):
            docs.append(f"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {namespace}\n  labels:\n"
                        f"    cost-centre: cc-{rng.randint(100, 140)}\n")
            docs.append(f"apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: {namespace}\n"
                        "spec:\n  limits:\n  - type: Container\n    defaultRequest:\n      cpu: 100m\n      memory: 128Mi\n")
        docs += [k8s_workload(rng, namespace, i) for i in range(start, min(count, start + per_file))]
        with open(os.path.join(directory, f"{namespace}-{start // per_file:05d}.yaml"), "w") as out:
            out.write("---\n".join(docs))


TF_SERVICE_MODULE = """variable "team" {
  type = string
}

variable "instances" {
  type    = number
  default = 2
}

variable "size" {
  type = string
}

variable "disk_gb" {
  type    = number
  default = 50
}

variable "tags" {
  type = map(string)
}

locals {
  name = "${var.team}-svc"
  tags = merge(var.tags, { service = local.name })
}

resource "aws_instance" "server" {
  count         = var.instances
  ami           = data.aws_ami.base.id
  instance_type = var.size
  subnet_id     = "subnet-${format("%04d", count.index)}"

  root_block_device {
    volume_size = 20
    volume_type = "gp3"
  }

  tags = merge(local.tags, { Name = "${local.name}-${count.index}" })
}

resource "aws_ebs_volume" "data" {
  count             = var.instances
  availability_zone = "${var.tags["region"]}a"
  size              = var.disk_gb
  type              = "gp3"
  tags              = local.tags
}

resource "aws_s3_bucket" "assets" {
  bucket = "${local.name}-assets"
  tags   = local.tags
}

data "aws_ami" "base" {
  most_recent = true
  owners      = ["amazon"]
}

output "server_count" {
  value = length(aws_instance.server)
}
"""


def tf_resource(rng, kind, i, team):
    tags = f'merge(local.common_tags, {{ Name = "{team}-{i}", team = "{team}" }})'
    if kind == "aws_instance":
        return (f'resource "aws_instance" "app_{i}" {{\n  ami           = "ami-{hexid(rng)}"\n'
                f'  instance_type = lookup(local.sizes, "{rng.choice(["small", "medium", "large"])}", var.default_size)\n'
                f'  monitoring    = {str(rng.random() < 0.5).lower()}\n'
                f'  root_block_device {{\n    volume_size = {rng.choice([8, 20, 50, 100])}\n    volume_type = "gp3"\n  }}\n'
                f'  tags = {tags}\n}}\n')
    if kind == "aws_ebs_volume":
        return (f'resource "aws_ebs_volume" "disk_{i}" {{\n  availability_zone = "${{var.region}}a"\n'
                f'  size              = {rng.choice([20, 100, 500])}\n  type              = "{rng.choice(["gp2", "gp3", "io1"])}"\n'
                f'  iops              = 3000\n  tags              = {tags}\n}}\n')
    if kind == "aws_db_instance":
        return (f'resource "aws_db_instance" "db_{i}" {{\n  identifier        = "db-{i}"\n'
                f'  instance_class    = "{rng.choice(DB_CLASSES)}"\n  engine            = "postgres"\n'
                f'  allocated_storage = {rng.choice([20, 100, 250])}\n  multi_az          = var.environment == "prod"\n'
                f'  tags              = {tags}\n}}\n')
    if kind == "aws_s3_bucket":
        return f'resource "aws_s3_bucket" "bucket_{i}" {{\n  bucket = "${{var.environment}}-{team}-{i}"\n  tags   = {tags}\n}}\n'
    if kind == "aws_iam_role":
        return (f'resource "aws_iam_role" "role_{i}" {{\n  name = "{team}-{i}"\n'
                f'  assume_role_policy = jsonencode({{ Version = "2012-10-17", Statement = [] }})\n}}\n')
    if kind == "aws_security_group":
        return (f'resource "aws_security_group" "sg_{i}" {{\n  name = "{team}-{i}"\n'
                f'  dynamic "ingress" {{\n    for_each = local.ports\n    content {{\n'
                f'      from_port = ingress.value\n      to_port   = ingress.value\n      protocol  = "tcp"\n    }}\n  }}\n'
                f'  tags = {tags}\n}}\n')
    if kind == "google_compute_instance":
        return (f'resource "google_compute_instance" "vm_{i}" {{\n  name         = "vm-{i}"\n'
                f'  machine_type = "{rng.choice(GCP_MACHINES)}"\n  zone         = "europe-west1-b"\n'
                f'  boot_disk {{\n    initialize_params {{\n      size = 50\n    }}\n  }}\n'
                f'  labels = {{ team = "{team}" }}\n}}\n')
    if kind == "google_compute_disk":
        return (f'resource "google_compute_disk" "pd_{i}" {{\n  name = "pd-{i}"\n  type = "pd-ssd"\n'
                f'  zone = "europe-west1-b"\n  size = {rng.choice([50, 200])}\n}}\n')
    if kind == "azurerm_linux_virtual_machine":
        return (f'resource "azurerm_linux_virtual_machine" "vm_{i}" {{\n  name     = "vm-{i}"\n'
                f'  location = "West Europe"\n  size     = "{rng.choice(AZURE_SIZES)}"\n'
                f'  os_disk {{\n    caching              = "ReadWrite"\n    storage_account_type = "Premium_LRS"\n  }}\n'
                f'  tags = {{ team = "{team}" }}\n}}\n')
    return (f'resource "azurerm_managed_disk" "disk_{i}" {{\n  name                 = "disk-{i}"\n'
            f'  location             = "westeurope"\n  storage_account_type = "StandardSSD_LRS"\n'
            f'  create_option        = "Empty"\n  disk_size_gb         = {rng.choice([32, 128])}\n}}\n')


def write_terraform(count, directory, seed):
    """Half the resources in root files (100 a file), half from a local module called with
    count and for_each (5 resources an instance); variables from terraform.tfvars."""
    rng = random.Random(seed)
    os.makedirs(os.path.join(directory, "modules", "service"), exist_ok=True)
    with open(os.path.join(directory, "modules", "service", "main.tf"), "w") as out:
        out.write(TF_SERVICE_MODULE)
    calls = (count // 2) // 5
    with open(os.path.join(directory, "main.tf"), "w") as out:
        out.write('variable "region" {\n  type = string\n}\n\nvariable "environment" {\n  type    = string\n'
                  '  default = "prod"\n}\n\nvariable "default_size" {\n  type    = string\n  default = "t3.medium"\n}\n\n'
                  'provider "aws" {\n  region = var.region\n  default_tags {\n    tags = { managed-by = "terraform" }\n  }\n}\n\n'
                  'provider "google" {\n  region = "europe-west1"\n}\n\nprovider "azurerm" {\n  features {}\n}\n\n'
                  'locals {\n  sizes = { small = "t3.small", medium = "m5.large", large = "m5.2xlarge" }\n'
                  '  ports = toset(["80", "443"])\n'
                  '  common_tags = { env = var.environment, "cost-centre" = "cc-${var.environment}", region = var.region }\n'
                  f'  teams = {{ for n in range({max(1, calls // 2)}) : "team-${{n}}" => n % 3 == 0 ? "m5.large" : "t3.medium" }}\n}}\n\n')
        half = calls // 2
        out.write(f'module "service" {{\n  source    = "./modules/service"\n  count     = {half}\n'
                  f'  team      = "svc-${{count.index}}"\n  size      = var.default_size\n  tags      = local.common_tags\n}}\n\n')
        out.write(f'module "team" {{\n  source   = "./modules/service"\n  for_each = local.teams\n'
                  f'  team     = each.key\n  size     = each.value\n  disk_gb  = 100\n  tags     = local.common_tags\n}}\n')
    module_resources = 5 * (half + max(1, calls // 2))
    kinds = [kind for kind, _ in TYPE_MIX]
    remaining = count - module_resources
    for start in range(0, remaining, 100):
        with open(os.path.join(directory, f"resources_{start // 100:04d}.tf"), "w") as out:
            for i in range(start, min(remaining, start + 100)):
                out.write(tf_resource(rng, pick(rng, TYPE_MIX), i, rng.choice(TEAMS)) + "\n")
    with open(os.path.join(directory, "terraform.tfvars"), "w") as out:
        out.write('region = "us-east-1"\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["plan", "k8s", "terraform"])
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    if args.what == "plan":
        with open(args.out, "w", buffering=1 << 20) as out:
            Plan(args.count, args.seed).write(out)
    elif args.what == "k8s":
        write_k8s(args.count, args.out, args.seed)
    else:
        write_terraform(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
