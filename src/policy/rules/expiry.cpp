#include "rule_kinds.hpp"

namespace costgate::policy {

namespace {

/// Ephemeral resources (previews, sandboxes: chosen with `match`) must carry an expiry tag
/// holding a date (`YYYY-MM-DD`, or an RFC 3339 timestamp whose date is used) that has not
/// passed, and with `max_days`, is at most that many days away.
class Expiry final : public Rule {
  public:
    std::string tag;
    std::vector<std::string> aliases;
    std::optional<long> max_days;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource))
                continue;
            const std::string* value = find(resource);
            if (!value || value->empty()) {
                report(priced, "has no " + tag + " tag with an expiry date", "", "", "", findings);
                continue;
            }
            const std::optional<util::Date> date = parse_expiry(*value);
            if (!date) {
                report(priced, "has " + tag + "=\"" + *value + "\", which is not a YYYY-MM-DD date",
                       *value, "", "", findings);
                continue;
            }
            const long days = date->days_since_epoch() - input.today.days_since_epoch();
            if (days < 0)
                report(priced, "expired on " + date->to_string() + " (" + tag + ")", *value,
                       date->to_string(), std::to_string(days), findings);
            else if (max_days && days > *max_days)
                report(priced,
                       "expires on " + date->to_string() + ", " + std::to_string(days) +
                           " days away, more than the " + std::to_string(*max_days) +
                           " days allowed",
                       *value, date->to_string(), std::to_string(days), findings);
        }
    }

  private:
    const std::string* find(const Resource& resource) const {
        if (const auto found = resource.tags.find(tag); found != resource.tags.end())
            return &found->second;
        for (const std::string& alias : aliases)
            if (const auto found = resource.tags.find(alias); found != resource.tags.end())
                return &found->second;
        return nullptr;
    }

    static std::optional<util::Date> parse_expiry(const std::string& value) {
        if (value.size() > 10 && (value[10] == 'T' || value[10] == 't'))
            return util::Date::parse(std::string_view(value).substr(0, 10));
        return util::Date::parse(value);
    }

    void report(const PricedResource& priced, const std::string& what, const std::string& value,
                const std::string& expires, const std::string& days,
                std::vector<Finding>& findings) const {
        const Resource& resource = priced.resource;
        findings.push_back(
            finding(&priced, resource.address + " " + what,
                    {{"tag", tag}, {"value", value}, {"expires", expires}, {"days", days}}));
    }
};

} // namespace

std::unique_ptr<Rule> parse_expiry(util::YamlMap& map) {
    auto rule = std::make_unique<Expiry>();
    rule->tag = map.required_string("tag");
    rule->aliases = map.string_list("aliases");
    rule->max_days = map.optional_integer("max_days", 1, 36500);
    return rule;
}

} // namespace costgate::policy
