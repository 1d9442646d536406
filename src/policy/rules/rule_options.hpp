#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/finding.hpp"
#include "costgate/model/money.hpp"
#include "costgate/util/regex.hpp"
#include "costgate/util/yaml_map.hpp"

#include <optional>
#include <string>
#include <vector>

namespace costgate::policy {

/// A list of globs (`*`, `?`); a glob of only stars longer than one is refused as a typo.
std::vector<std::string> glob_list(util::YamlMap& map, const std::string& key);

/// A regular expression in RE2 syntax, or nullopt when absent; one RE2 refuses
/// (lookaround, backreferences, a typo) is an error at its line.
std::optional<util::Regex> pattern_option(util::YamlMap& map, const std::string& key);

/// A money amount from 0 to 1,000,000,000,000, or nullopt when absent.
std::optional<Money> money_option(util::YamlMap& map, const std::string& key);

/// `info`, `warn` or `fail` in `key`, or nullopt when absent.
std::optional<Severity> severity_option(util::YamlMap& map, const std::string& key);

/// `warn_at_percent`: ascending percentages in (0, 100]; 100 itself is dropped as it is
/// the limit, which the rule's severity covers.
std::vector<double> warn_tiers(util::YamlMap& map);

/// How a value compares with a limit and its warning tiers.
struct ThresholdHit {
    Severity severity;
    /// The tier reached, or nullopt when the value is over the limit.
    std::optional<double> tier;
};

/// Over the limit: `over`; else the highest tier reached gives `warn` (at most `over`)
/// and lower tiers `info`; nullopt below every tier. A zero limit has no tiers.
std::optional<ThresholdHit> check_threshold(Money value, Money limit,
                                            const std::vector<double>& tiers, Severity over);
/// The same for a count that is not money (tokens, GPU-hours).
std::optional<ThresholdHit> check_threshold(double value, double limit,
                                            const std::vector<double>& tiers, Severity over);

/// `replicas: min|max`: whether workloads an HPA scales count at its minimum (as the
/// estimate prices them) or at its maximum. True for max.
bool at_max_replicas(util::YamlMap& map);

/// The monthly cost after the change of one resource: at its HPA's maximum when
/// `at_max` and the estimate has one.
std::optional<Money> monthly_after(const ResourceEstimate& estimate, bool at_max);

/// `1,460` or `2,500,000`: a count (tokens, GPU-hours) rounded to a whole number.
std::string format_count(double count);

/// A unit price in the estimate's currency: `$2.50`, `$0.075` (cents and more digits
/// where the price has them).
std::string format_unit_price(double price, const std::string& currency);

/// `50%`, `12.5%`.
std::string format_percent(double percent);

/// `a, b, c`: values listed in a finding's message.
std::string join_list(const std::vector<std::string>& items);

} // namespace costgate::policy
