#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/finding.hpp"
#include "costgate/model/money.hpp"
#include "costgate/util/yaml_map.hpp"

#include <string>
#include <vector>

namespace costgate::policy {

/// Which way the whole of a figure may differ from it when the estimate behind it leaves
/// unpriced parts out.
struct FigureUnknowns {
    /// The whole may be more (unpriced parts after the change): the figure is a lower bound.
    bool more = false;
    /// The whole may be less (unpriced parts before the change weigh on a delta).
    bool less = false;

    bool complete() const { return !more && !less; }
};

/// Whether a figure's limit and warning tiers can be judged on it: a lower bound that
/// reaches them does so whatever the unpriced parts cost.
inline bool thresholds_apply(FigureUnknowns unknowns) {
    return !unknowns.less;
}

/// True when the unpriced parts could put the figure on the other side of its limit: a
/// lower bound within it, a figure that may be less over it, or one that may be either.
bool unconfirmed(bool over_limit, FigureUnknowns unknowns);

/// `$12.00`, `at least $12.00`, `at most $12.00`, or `$12.00 for the priced parts`, in
/// the estimate's currency.
std::string figure_text(Money value, FigureUnknowns unknowns, const std::string& currency);

/// `2 resources not fully priced: a (Storage (gp3)), b (instance_type)`, naming at most a
/// few resources and the count of the others.
std::string unpriced_resources_text(const std::vector<const PricedResource*>& resources);

/// `when_incomplete: fail|warn|info`: the severity of the finding that a budget could not
/// be confirmed on an incomplete estimate; warn when absent.
Severity when_incomplete_option(util::YamlMap& map);

} // namespace costgate::policy
