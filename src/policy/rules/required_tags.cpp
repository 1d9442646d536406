#include "rule_kinds.hpp"

namespace costgate {

namespace {

/// Resources must carry every listed tag (Terraform tags or labels, Kubernetes labels)
/// with a non-empty value. Terraform resources whose type has no tags or labels
/// attribute are skipped: they cannot be tagged.
class RequiredTags final : public Rule {
  public:
    std::vector<std::string> tags;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const Resource& resource : input.resources) {
            if (!match.matches(resource) || !taggable(resource))
                continue;
            std::string missing;
            for (const std::string& tag : tags) {
                const auto found = resource.tags.find(tag);
                if (found == resource.tags.end() || found->second.empty())
                    missing += (missing.empty() ? "" : ", ") + tag;
            }
            if (!missing.empty())
                findings.push_back(finding(
                    &resource, resource.address + " is missing required tag(s): " + missing));
        }
    }

  private:
    static bool taggable(const Resource& resource) {
        if (resource.source == Source::kubernetes)
            return true;
        const auto& state = resource.after ? resource.after : resource.before;
        if (!state)
            return false;
        for (const char* key : {"tags", "tags_all", "labels"})
            if (state->contains(key))
                return true;
        return false;
    }
};

} // namespace

std::unique_ptr<Rule> parse_required_tags(YamlMap& map) {
    auto rule = std::make_unique<RequiredTags>();
    rule->tags = map.string_list("tags");
    if (rule->tags.empty())
        map.fail("required_tags needs a non-empty \"tags\" list");
    return rule;
}

} // namespace costgate
