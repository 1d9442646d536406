#pragma once

#include "costgate/model/money.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace costgate {

struct Unknowns;

/// The largest volume: 2^53, the largest whole number a double (as YAML numbers are read)
/// holds exactly.
constexpr std::int64_t k_max_monthly_units = std::int64_t{1} << 53;

/// A business volume: how many units of what a project or resource serves in a month
/// (`2,000,000 requests`), as the usage file's `unit_volumes` gives it.
struct UnitVolume {
    /// What is counted, in the user's words: `requests`, `cases resolved`.
    std::string unit;
    /// Units a month; always above 0.
    std::int64_t monthly_units = 0;

    bool operator==(const UnitVolume&) const = default;
};

/// `monthly` × 1,000 / `monthly_units`, exact in millionths: the quotient is rounded half
/// away from zero to the nearest millionth once, with no floating point on the way
/// ($1,234.50 over 2,000,000 units is $0.61725; $100 over 3 units is $33,333.333333).
/// `monthly_units` must be from 1 to k_max_monthly_units (else std::invalid_argument).
Money cost_per_thousand(Money monthly, std::int64_t monthly_units);

/// What 1,000 units of a volume cost, before and after the change: the monthly amounts of
/// a resource or a project's totals divided by its volume. A monthly amount that leaves
/// unpriced parts out gives a cost per 1,000 units that does too, flagged "at least".
struct UnitCost {
    UnitVolume volume;
    /// Absent when the monthly amount before (after) is: nothing of it is priced.
    std::optional<Money> before;
    std::optional<Money> after;
    /// `after` − `before`; absent when either is.
    std::optional<Money> delta;
    /// The amount divided leaves unpriced parts out after (before) the change: the true
    /// cost per 1,000 units is at least `after` (`before`). False when that is absent.
    bool after_at_least = false;
    bool before_at_least = false;
};

/// `2,000,000 requests`: a volume as reports and findings name it.
std::string format_volume(const UnitVolume& volume);

/// `per 1,000 requests`: what a cost per 1,000 units is of.
std::string per_thousand_label(const UnitVolume& volume);

/// The cost per 1,000 units of `volume` for the given monthly amounts and their unknowns.
UnitCost unit_cost(UnitVolume volume, std::optional<Money> monthly_before,
                   std::optional<Money> monthly_after, const Unknowns& unknowns);

} // namespace costgate
