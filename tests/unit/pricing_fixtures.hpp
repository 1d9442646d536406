#pragma once

#include "costgate/pricing/estimator.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace costgate::testing {

/// A Terraform resource in us-east-1 with the given action and attribute states (JSON
/// text; empty for an absent state).
inline Resource terraform_resource(const std::string& address, const std::string& type,
                                   Action action, const std::string& before,
                                   const std::string& after,
                                   const std::string& after_unknown = "{}") {
    Resource resource;
    resource.address = address;
    resource.type = type;
    resource.provider = type.substr(0, type.find('_'));
    resource.cloud = cloud_of_provider(resource.provider);
    resource.file = "plan.json";
    resource.action = action;
    resource.region = "us-east-1";
    if (!before.empty())
        resource.before = JsonTree(nlohmann::json::parse(before));
    if (!after.empty())
        resource.after = JsonTree(nlohmann::json::parse(after));
    resource.after_unknown = JsonTree(nlohmann::json::parse(after_unknown));
    return resource;
}

/// Estimates one resource with the embedded catalog and the given usage.
inline ResourceEstimate estimate_one(const Resource& resource,
                                     const pricing::Usage& usage = pricing::Usage()) {
    static const pricing::Catalog catalog = pricing::Catalog::embedded();
    return pricing::estimate_costs({resource}, catalog, usage, {}).resources.at(0).estimate;
}

/// Estimates one created resource of `type` (address `TYPE.a`) in `region`, with `usage` the
/// lines of its entry under `resource_usage` (empty for none).
inline ResourceEstimate estimate_created(const std::string& type, const std::string& after,
                                         const std::string& region = "us-east-1",
                                         const std::string& usage = "") {
    Resource resource = terraform_resource(type + ".a", type, Action::create, "", after);
    resource.region = region;
    return usage.empty()
               ? estimate_one(resource)
               : estimate_one(resource,
                              pricing::Usage::parse("u.yaml", "version: 1\nresource_usage:\n  " +
                                                                  type + ".a:\n" + usage));
}

inline bool has_note(const ResourceEstimate& estimate, const std::string& fragment) {
    for (const std::string& note : estimate.notes)
        if (note.find(fragment) != std::string::npos)
            return true;
    return false;
}

} // namespace costgate::testing
