#pragma once

#include "costgate/model/json_tree.hpp"

#include <map>
#include <set>
#include <string>

namespace costgate::ingest {

/// The regions a plan's provider configurations set, and which configuration each
/// resource uses (`configuration.provider_config` and the `provider_config_key` of the
/// resources in `configuration.root_module`, through nested `module_calls`). A configuration
/// that sets no region takes the one its AWS data sources in `prior_state` were read in,
/// when they agree (a plan made with AWS_REGION set in the environment).
class ProviderRegions {
  public:
    /// `plan` is the plan's top level (it must outlive this); a plan without
    /// `configuration` has no regions.
    explicit ProviderRegions(JsonValue plan);

    /// The region of the provider configuration used by the resource whose configuration
    /// address (module path without instance keys, then `type.name`) is given, or empty.
    /// `provider` is the provider's local name, used when the configuration does not say.
    std::string region_for(const std::string& config_address, const std::string& provider) const;

  private:
    void index_module(JsonValue module, const std::string& prefix);
    void infer_from_data_sources(JsonValue prior_state);
    /// The key of the configuration the resource uses: its own, the nearest declared
    /// ancestor's, or the provider's root default (`aws`).
    std::string config_key_for(const std::string& config_address,
                               const std::string& provider) const;
    std::string region_of_config(JsonValue config) const;

    JsonValue m_variables;
    std::map<std::string, std::string> m_resource_keys;
    std::map<std::string, std::string> m_regions;
    std::set<std::string> m_declared;
};

/// Removes instance keys from an address: `module.a["x"].module.b[0].aws_instance.c[1]`
/// → `module.a.module.b.aws_instance.c`.
std::string strip_instance_keys(const std::string& address);

} // namespace costgate::ingest
