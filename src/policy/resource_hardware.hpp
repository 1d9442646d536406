#pragma once

#include "costgate/model/resource.hpp"
#include "costgate/pricing/instance_specs.hpp"

#include <optional>
#include <string>
#include <vector>

namespace costgate::policy {

using pricing::find_instance_spec;
using pricing::InstanceSpec;

/// The instance types, VM sizes, machine types or database/cache classes a resource's
/// after state names (several for node groups with a list of types); for Kubernetes
/// workloads, the type pinned by an instance-type node selector.
std::vector<std::string> instance_types_of(const Resource& resource);

/// The hardware of `type` as used by `resource` (its provider picks the spec table).
std::optional<InstanceSpec> spec_of(const Resource& resource, const std::string& type);

/// GPUs one container asks for: its largest `*/gpu` request or limit (0 for none).
double container_gpus(JsonValue container);

/// GPUs of one machine a resource runs (not a Kubernetes object; it has an after state):
/// its instance type's, else the guest accelerators attached to it.
double gpus_per_machine(const Resource& resource);

/// The resource runs on GPUs: an instance type with GPUs, attached guest accelerators, or
/// a Kubernetes workload whose containers request or limit a `*/gpu` resource.
bool uses_gpus(const Resource& resource);

} // namespace costgate::policy
