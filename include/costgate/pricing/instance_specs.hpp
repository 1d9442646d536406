#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace costgate::pricing {

/// The hardware of an instance type, VM size or machine type.
struct InstanceSpec {
    int vcpus = 0;
    double memory_gib = 0;
    int gpus = 0;
};

/// The spec of `type` from the embedded tables in src/pricing/specs/ (`aws`, `azure`,
/// `gcp`). RDS (`db.m5.large`) and ElastiCache (`cache.m5.large`) classes use their EC2
/// type's spec; GCP custom types (`n2-custom-8-32768`) are read from their name.
std::optional<InstanceSpec> find_instance_spec(std::string_view provider, std::string_view type);

/// `type` as the embedded tables spell it, matched without regard to case (Azure accepts
/// `standard_b2s` for `Standard_B2s`); nullopt when no table row matches.
std::optional<std::string> canonical_instance_type(std::string_view provider,
                                                   std::string_view type);

} // namespace costgate::pricing
