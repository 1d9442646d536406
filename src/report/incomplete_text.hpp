#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/money.hpp"

#include <optional>
#include <string>
#include <vector>

/// How the text renderers say that an estimate leaves unpriced parts out.
namespace costgate::report::text {

/// `$1,234.56`, or for a figure that leaves unpriced parts out `at least $1,234.56` (the
/// whole may be more), `at most $1,234.56` (it may be less) or `$1,234.56 for the priced
/// parts` (either).
std::string bounded_money(Money amount, bool may_be_more, bool may_be_less,
                          const std::string& currency, bool with_sign = false);

/// The monthly total after the change as a headline gives it: `at least $1,234.56` when
/// resources are not fully priced.
std::string total_after(const CostTotals& totals, const std::string& currency);

/// The monthly change as a headline gives it (`+$12.00`, `at least +$12.00`, ...).
std::string total_delta(const CostTotals& totals, const std::string& currency);

/// `2 resources unpriced (1 partly priced)`; empty when every resource is priced.
std::string unpriced_summary(const CostTotals& totals);

/// A resource that is not fully priced, as the reports list it.
struct UnpricedEntry {
    std::string address;
    /// What its priced parts cost a month after the change; absent when nothing is priced.
    std::optional<Money> known;
    /// The reasons its parts lack a price, each once, joined by `; `.
    std::string reasons;
};

/// The resources that are not fully priced (free ones never are), in report order.
std::vector<UnpricedEntry> unpriced_entries(const Estimate& estimate);

} // namespace costgate::report::text
