#include "rule_options.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace costgate::policy {

std::vector<std::string> glob_list(util::YamlMap& map, const std::string& key) {
    std::vector<std::string> globs = map.string_list(key);
    for (const std::string& glob : globs)
        if (glob.find_first_not_of('*') == std::string::npos && glob.size() > 1)
            map.fail(map.get(key), "glob \"" + glob + "\" is only stars; use \"*\"");
    return globs;
}

std::optional<util::Regex> pattern_option(util::YamlMap& map, const std::string& key) {
    const auto text = map.optional_string(key);
    if (!text)
        return std::nullopt;
    try {
        return util::Regex(*text);
    } catch (const util::RegexError& error) {
        map.fail(map.get(key), "\"" + key +
                                   "\" is not a valid regular expression (RE2 syntax: no "
                                   "lookaround or backreferences): " +
                                   error.what());
    }
}

std::optional<Money> money_option(util::YamlMap& map, const std::string& key) {
    const auto value = map.optional_number(key);
    if (!value)
        return std::nullopt;
    if (*value < 0 || *value > 1e12)
        map.fail(map.get(key), "\"" + key + "\" must be between 0 and 1,000,000,000,000");
    return Money::from_double(*value);
}

std::optional<Severity> severity_option(util::YamlMap& map, const std::string& key) {
    const auto text = map.optional_string(key);
    if (!text)
        return std::nullopt;
    for (const Severity severity : {Severity::info, Severity::warn, Severity::fail})
        if (*text == to_string(severity))
            return severity;
    map.fail(map.get(key), "\"" + key + "\" must be info, warn or fail, found \"" + *text + "\"");
}

std::vector<double> warn_tiers(util::YamlMap& map) {
    std::vector<double> tiers;
    const YAML::Node node = map.get("warn_at_percent");
    if (!node.IsDefined() || node.IsNull())
        return tiers;
    if (!node.IsSequence())
        map.fail(node, "\"warn_at_percent\" must be a list of percentages");
    for (const YAML::Node& tier : node) {
        const double percent = util::yaml_number(map, tier, "a warn_at_percent entry");
        if (percent <= 0 || percent > 100)
            map.fail(tier, "warn_at_percent entries must be above 0 and at most 100");
        if (percent < 100)
            tiers.push_back(percent);
    }
    std::sort(tiers.begin(), tiers.end());
    tiers.erase(std::unique(tiers.begin(), tiers.end()), tiers.end());
    return tiers;
}

std::optional<ThresholdHit> check_threshold(double value, double limit,
                                            const std::vector<double>& tiers, Severity over) {
    if (value > limit)
        return ThresholdHit{over, std::nullopt};
    if (limit <= 0)
        return std::nullopt;
    const double percent = 100.0 * value / limit;
    for (std::size_t i = tiers.size(); i-- > 0;)
        if (percent + 1e-9 >= tiers[i])
            return ThresholdHit{
                i + 1 == tiers.size() ? std::min(Severity::warn, over) : Severity::info, tiers[i]};
    return std::nullopt;
}

std::optional<ThresholdHit> check_threshold(Money value, Money limit,
                                            const std::vector<double>& tiers, Severity over) {
    // Compared in micros, so that a cent over a limit is over whatever doubles round to.
    if (value > limit)
        return ThresholdHit{over, std::nullopt};
    return check_threshold(static_cast<double>(value.micros()), static_cast<double>(limit.micros()),
                           tiers, over);
}

bool at_max_replicas(util::YamlMap& map) {
    const auto replicas = map.optional_string("replicas");
    if (replicas && *replicas != "min" && *replicas != "max")
        map.fail(map.get("replicas"),
                 "\"replicas\" must be min or max, found \"" + *replicas + "\"");
    return replicas == "max";
}

std::optional<Money> monthly_after(const ResourceEstimate& estimate, bool at_max) {
    return at_max && estimate.monthly_after_max ? estimate.monthly_after_max
                                                : estimate.monthly_after;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text;
}

std::string format_count(double count) {
    const std::string digits = std::to_string(std::llround(count));
    return digits.front() == '-' ? "-" + group_thousands(std::string_view(digits).substr(1))
                                 : group_thousands(digits);
}

std::string format_unit_price(double price, const std::string& currency) {
    if (std::abs(price * 100 - std::round(price * 100)) < 1e-9)
        return format_money(Money::from_double(price), currency);
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.6g", price);
    return (currency == "USD" ? std::string("$") : currency + " ") + digits;
}

std::string format_percent(double percent) {
    std::ostringstream text;
    text << std::round(percent * 100) / 100 << '%';
    return text.str();
}

} // namespace costgate::policy
