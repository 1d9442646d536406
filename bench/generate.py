#!/usr/bin/env python3
"""Writes synthetic but realistic inputs for costgate's benchmark (docs/performance.md).

  generate.py plan N OUT.json [--seed S]      a `terraform show -json` plan of N resources
  generate.py k8s N OUT_DIR [--seed S]        a directory of manifests with N workloads
  generate.py terraform N OUT_DIR [--seed S]  a Terraform root module of N resources

Plans are shaped as Terraform writes them (plan.py says how). The output is a function of N
and the seed only, and is written as it is generated (a 100k plan never sits in memory).
"""

import argparse
import os
import random

from plan import AZURE_SIZES, DB_CLASSES, GCP_MACHINES, TEAMS, hexid, pick, write_plan

# The Terraform roots' resource types, share of resources.
ROOT_TYPE_MIX = [
    ("aws_instance", 20), ("aws_ebs_volume", 12), ("aws_db_instance", 6), ("aws_s3_bucket", 10),
    ("aws_iam_role", 10), ("aws_security_group", 12), ("google_compute_instance", 10),
    ("google_compute_disk", 5), ("azurerm_linux_virtual_machine", 8), ("azurerm_managed_disk", 7),
]


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
    remaining = count - module_resources
    for start in range(0, remaining, 100):
        with open(os.path.join(directory, f"resources_{start // 100:04d}.tf"), "w") as out:
            for i in range(start, min(remaining, start + 100)):
                out.write(tf_resource(rng, pick(rng, ROOT_TYPE_MIX), i, rng.choice(TEAMS)) + "\n")
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
        write_plan(args.count, args.out, args.seed)
    elif args.what == "k8s":
        write_k8s(args.count, args.out, args.seed)
    else:
        write_terraform(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
