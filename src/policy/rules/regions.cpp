#include "costgate/util/glob.hpp"
#include "rule_kinds.hpp"
#include "rule_options.hpp"

#include <algorithm>

namespace costgate::policy {

namespace {

/// Selected resources must be in an allowed region and in no denied one. Resources
/// without a region (Kubernetes objects, global services whose plan names none) are
/// not judged.
class Regions final : public Rule {
  public:
    std::vector<std::string> allow;
    std::vector<std::string> deny;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (resource.region.empty() || !match.matches(resource))
                continue;
            if (!allowed(resource.region))
                findings.push_back(finding(&priced,
                                           resource.address + " is in region " + resource.region +
                                               ", which is not allowed (" + describe() + ")",
                                           {{"allowed", join_list(allow)}}));
        }
    }

    std::optional<bool> allows_region(const Resource& resource,
                                      std::string_view region) const override {
        if (!match.matches(resource))
            return std::nullopt;
        return allowed(region);
    }

  private:
    bool allowed(std::string_view region) const {
        const auto in = [&](const std::vector<std::string>& globs) {
            return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
                return util::glob_match(glob, region);
            });
        };
        return !in(deny) && (allow.empty() || in(allow));
    }

    std::string describe() const {
        std::string text;
        if (!allow.empty())
            text = "allowed: " + join_list(allow);
        if (!deny.empty())
            text += std::string(text.empty() ? "" : "; ") + "denied: " + join_list(deny);
        return text;
    }
};

} // namespace

std::unique_ptr<Rule> parse_regions(util::YamlMap& map) {
    auto rule = std::make_unique<Regions>();
    rule->allow = glob_list(map, "allow");
    rule->deny = glob_list(map, "deny");
    if (rule->allow.empty() && rule->deny.empty())
        map.fail("regions needs \"allow\" or \"deny\"");
    return rule;
}

} // namespace costgate::policy
