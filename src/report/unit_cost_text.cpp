#include "unit_cost_text.hpp"

namespace costgate::report::text {

namespace {

std::string exact(const std::optional<Money>& amount, bool at_least, const std::string& currency) {
    if (!amount)
        return "unpriced";
    return (at_least ? "at least " : "") + format_exact_money(*amount, currency);
}

} // namespace

std::string unit_cost_after(const UnitCost& cost, const std::string& currency) {
    return exact(cost.after, cost.after_at_least, currency);
}

std::string unit_cost_change(const UnitCost& cost, const std::string& currency) {
    // A resource being created costs nothing per unit before it: no arrow from $0.00.
    if (!cost.before || !cost.after || *cost.before == *cost.after || cost.before->micros() == 0)
        return unit_cost_after(cost, currency);
    return exact(cost.before, cost.before_at_least, currency) + " → " +
           unit_cost_after(cost, currency);
}

} // namespace costgate::report::text
