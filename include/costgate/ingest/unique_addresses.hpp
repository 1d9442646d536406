#pragma once

#include "costgate/model/resource.hpp"

#include <string_view>
#include <vector>

namespace costgate::ingest {

/// Refuses two resources of `resources` with one address: Terraform gives each instance of
/// a plan one entry, and the API server keeps one object per namespace, kind and name, so a
/// repeat is an edited or concatenated input that would be priced twice (and whose report
/// would depend on the order of the two). Throws InputError at the second one's file and
/// line, naming the first; `input` names what holds them in the message ("plan",
/// "Kubernetes manifests").
void check_addresses_unique(const std::vector<Resource>& resources, std::string_view input);

} // namespace costgate::ingest
