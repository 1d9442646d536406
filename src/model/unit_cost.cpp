#include "costgate/model/unit_cost.hpp"

#include "costgate/model/estimate.hpp"

#include <limits>
#include <stdexcept>

namespace costgate {

Money cost_per_thousand(Money monthly, std::int64_t monthly_units) {
    if (monthly_units <= 0 || monthly_units > k_max_monthly_units)
        throw std::invalid_argument("a cost per 1,000 units needs a volume from 1 to 2^53");
    // On the magnitude, in two steps so that nothing overflows: the whole part of
    // micros / units times 1,000, then the remainder (below units, at most 2^53) times
    // 1,000 (below 2^63) over units. Half away from zero: a last remainder of at least half
    // the divisor rounds the magnitude up.
    const auto units = static_cast<std::uint64_t>(monthly_units);
    const std::uint64_t magnitude = monthly.micros() < 0
                                        ? 0 - static_cast<std::uint64_t>(monthly.micros())
                                        : static_cast<std::uint64_t>(monthly.micros());
    std::uint64_t whole = 0;
    if (__builtin_mul_overflow(magnitude / units, std::uint64_t{1000}, &whole))
        throw std::overflow_error("a cost per 1,000 units beyond ±9.2 trillion");
    const std::uint64_t rest = magnitude % units * 1000;
    const std::uint64_t micros = whole + rest / units + (2 * (rest % units) >= units ? 1 : 0);
    if (micros > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        throw std::overflow_error("a cost per 1,000 units beyond ±9.2 trillion");
    const auto signed_micros = static_cast<std::int64_t>(micros);
    return Money::from_micros(monthly.micros() < 0 ? -signed_micros : signed_micros);
}

std::string format_volume(const UnitVolume& volume) {
    return group_thousands(std::to_string(volume.monthly_units)) + " " + volume.unit;
}

std::string per_thousand_label(const UnitVolume& volume) {
    return "per 1,000 " + volume.unit;
}

UnitCost unit_cost(UnitVolume volume, std::optional<Money> monthly_before,
                   std::optional<Money> monthly_after, const Unknowns& unknowns) {
    UnitCost cost;
    if (monthly_before)
        cost.before = cost_per_thousand(*monthly_before, volume.monthly_units);
    if (monthly_after)
        cost.after = cost_per_thousand(*monthly_after, volume.monthly_units);
    if (cost.before && cost.after)
        cost.delta = *cost.after - *cost.before;
    // A lower bound needs a figure: with nothing priced there is none to be "at least".
    cost.after_at_least = cost.after && unknowns.after;
    cost.before_at_least = cost.before && unknowns.before;
    cost.volume = std::move(volume);
    return cost;
}

} // namespace costgate
