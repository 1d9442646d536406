#include "costgate/util/glob.hpp"
#include "rule_kinds.hpp"
#include "rule_options.hpp"

#include <algorithm>
#include <cctype>

namespace costgate::policy {

namespace {

/// One required tag: its key, the other spellings accepted for it, and optionally the
/// values it may take.
struct RequiredTag {
    std::string key;
    std::vector<std::string> aliases;
    std::vector<std::string> allowed;
    std::optional<Pattern> pattern;
};

bool equal_keys(const std::string& a, const std::string& b, bool ignore_case) {
    if (!ignore_case)
        return a == b;
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

/// Resources must carry every listed tag (Terraform tags or labels, Kubernetes labels)
/// with a non-empty value, under its key or an alias, optionally from a list of allowed
/// values or matching a pattern. Terraform resources whose type has no tags or labels
/// attribute are skipped: they cannot be tagged. Resources known to cost nothing (IAM,
/// security groups, ...) are skipped too unless `include_free` is set: cost allocation
/// tags matter where money is spent.
class RequiredTags final : public Rule {
  public:
    std::vector<RequiredTag> tags;
    bool ignore_case = false;
    bool include_free = false;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource) || !taggable(resource) ||
                (!include_free && priced.estimate.free))
                continue;
            std::vector<std::string> missing;
            std::vector<std::string> invalid;
            for (const RequiredTag& tag : tags) {
                const std::string* value = find(resource, tag);
                if (!value || value->empty())
                    missing.push_back(tag.key);
                else if (!allowed(tag, *value))
                    invalid.push_back(tag.key + "=\"" + *value + "\" (" + expectation(tag) + ")");
            }
            if (missing.empty() && invalid.empty())
                continue;
            std::string text = resource.address;
            if (!missing.empty())
                text += " is missing required tag(s): " + join_list(missing);
            if (!invalid.empty())
                text += std::string(missing.empty() ? " has" : "; and has") +
                        " tag value(s) not allowed: " + join_list(invalid);
            findings.push_back(finding(
                &priced, text, {{"missing", join_list(missing)}, {"invalid", join_list(invalid)}}));
        }
    }

  private:
    const std::string* find(const Resource& resource, const RequiredTag& tag) const {
        for (const auto& [key, value] : resource.tags) {
            if (equal_keys(key, tag.key, ignore_case))
                return &value;
            for (const std::string& alias : tag.aliases)
                if (equal_keys(key, alias, ignore_case))
                    return &value;
        }
        return nullptr;
    }

    static bool allowed(const RequiredTag& tag, const std::string& value) {
        if (!tag.allowed.empty() &&
            std::none_of(tag.allowed.begin(), tag.allowed.end(),
                         [&](const std::string& glob) { return util::glob_match(glob, value); }))
            return false;
        return !tag.pattern || tag.pattern->matches(value);
    }

    static std::string expectation(const RequiredTag& tag) {
        std::string text;
        if (!tag.allowed.empty())
            text = "allowed: " + join_list(tag.allowed);
        if (tag.pattern)
            text += std::string(text.empty() ? "" : "; ") + "pattern: " + tag.pattern->text;
        return text;
    }

    static bool taggable(const Resource& resource) {
        if (resource.source == Source::kubernetes)
            return true;
        const auto& state = resource.after ? resource.after : resource.before;
        if (!state)
            return false;
        for (const char* key : {"tags", "tags_all", "labels"})
            if (state->root().find(key))
                return true;
        return false;
    }
};

RequiredTag parse_tag(util::YamlMap& rule, const YAML::Node& node) {
    RequiredTag tag;
    if (node.IsScalar()) {
        tag.key = node.Scalar();
        if (tag.key.empty())
            rule.fail(node, "a required tag key must not be empty");
        return tag;
    }
    util::YamlMap map(rule.file(), node, "required tag");
    tag.key = map.required_string("key");
    tag.aliases = map.string_list("aliases");
    tag.allowed = glob_list(map, "allowed");
    tag.pattern = pattern_option(map, "pattern");
    map.finish();
    return tag;
}

} // namespace

std::unique_ptr<Rule> parse_required_tags(util::YamlMap& map) {
    auto rule = std::make_unique<RequiredTags>();
    const YAML::Node tags = map.get("tags");
    if (tags.IsDefined() && tags.IsScalar())
        rule->tags.push_back(parse_tag(map, tags));
    else if (tags.IsDefined() && tags.IsSequence())
        for (const YAML::Node& tag : tags)
            rule->tags.push_back(parse_tag(map, tag));
    else if (tags.IsDefined() && !tags.IsNull())
        map.fail(tags, "\"tags\" must be a list of keys or of {key, aliases, allowed, pattern}");
    if (rule->tags.empty())
        map.fail("required_tags needs a non-empty \"tags\" list");
    rule->ignore_case = map.optional_bool("ignore_case").value_or(false);
    rule->include_free = map.optional_bool("include_free").value_or(false);
    return rule;
}

} // namespace costgate::policy
