#pragma once

#include "costgate/model/resource.hpp"

#include <vector>

namespace costgate::ingest {

/// Sets the action of each resource of `head` (read as creates: Kubernetes manifests,
/// Terraform source) against `base`, the same inputs before the change (`--base-k8s`,
/// `--base-terraform`), matching by address: in both → update, or no-op when the states
/// are identical; only in head → create; only in base → delete. Returns head's resources
/// and the deleted ones together.
std::vector<Resource> diff_resource_states(std::vector<Resource> head, std::vector<Resource> base);

} // namespace costgate::ingest
