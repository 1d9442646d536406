#include "costgate/policy/match.hpp"

#include "costgate/util/glob.hpp"
#include "resource_hardware.hpp"

#include <algorithm>

namespace costgate::policy {

namespace {

bool any_glob(const std::vector<std::string>& patterns, std::string_view text) {
    return patterns.empty() ||
           std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& pattern) { return util::glob_match(pattern, text); });
}

bool selects_positively(const Match& match, const Resource& resource) {
    if (!match.sources.empty() && std::find(match.sources.begin(), match.sources.end(),
                                            resource.source) == match.sources.end())
        return false;
    if (!any_glob(match.types, resource.type) || !any_glob(match.addresses, resource.address))
        return false;
    if (!match.modules.empty()) {
        const std::string module = resource_module(resource);
        if (resource.source != Source::terraform ||
            !any_glob(match.modules, module.empty() ? "root" : module))
            return false;
    }
    if (!match.namespaces.empty() && (resource.source != Source::kubernetes ||
                                      !any_glob(match.namespaces, resource_namespace(resource))))
        return false;
    for (const auto& [key, values] : match.tags) {
        const auto found = resource.tags.find(key);
        if (found == resource.tags.end() || !any_glob(values, found->second))
            return false;
    }
    return !match.gpu || uses_gpus(resource) == *match.gpu;
}

} // namespace

bool Match::selects(const Resource& resource) const {
    return selects_positively(*this, resource) &&
           !(exclude && selects_positively(*exclude, resource));
}

bool Match::matches(const Resource& resource) const {
    return actions.contains(resource.action) && selects(resource);
}

} // namespace costgate::policy
