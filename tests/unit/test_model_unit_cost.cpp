#include "costgate/model/estimate.hpp"
#include "costgate/model/unit_cost.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

namespace {

Money dollars(const char* amount) {
    return Money::from_double(std::stod(amount));
}

} // namespace

TEST_CASE("a cost per 1,000 units is exact to the millionth", "[model][unit_cost]") {
    // $1,234.50 a month over 2,000,000 requests: 1,234.50 / 2,000,000 × 1,000 = $0.61725,
    // exactly (617,250 millionths), shown with all its digits.
    const Money per_request = cost_per_thousand(dollars("1234.50"), 2'000'000);
    CHECK(per_request.micros() == 617'250);
    CHECK(per_request.to_exact_string() == "0.61725");
    CHECK(format_exact_money(per_request, "USD") == "$0.61725");
    // $81.00 over 40,000 cases resolved: 81 / 40,000 × 1,000 = $2.025.
    CHECK(cost_per_thousand(dollars("81"), 40'000).to_exact_string() == "2.025");
    // $16,057.08 over 3 training runs: 16,057.08 × 1,000 / 3 = 5,352,360 exactly.
    CHECK(format_exact_money(cost_per_thousand(dollars("16057.08"), 3), "USD") == "$5,352,360.00");
}

TEST_CASE("a cost per 1,000 units rounds half away from zero at the millionth",
          "[model][unit_cost]") {
    // $100 over 3 units: 100,000 / 3 = 33,333.333333|33... → down to 33,333.333333.
    CHECK(cost_per_thousand(dollars("100"), 3).micros() == 33'333'333'333);
    // $2 over 3 units: 2,000 / 3 = 666.666666|66... → up to 666.666667.
    CHECK(cost_per_thousand(dollars("2"), 3).micros() == 666'666'667);
    // $0.000001 over 2,000 units: 0.0000005 exactly half a millionth → up to 0.000001.
    CHECK(cost_per_thousand(Money::from_micros(1), 2'000).micros() == 1);
    // The same below zero rounds away from zero too (a saving per unit).
    CHECK(cost_per_thousand(Money::from_micros(-1), 2'000).micros() == -1);
    CHECK(cost_per_thousand(dollars("-2"), 3).micros() == -666'666'667);
    // Less than half a millionth per 1,000 units is 0.
    CHECK(cost_per_thousand(Money::from_micros(1), 2'001).micros() == 0);
}

TEST_CASE("a cost per 1,000 units takes the whole range of amounts and volumes",
          "[model][unit_cost]") {
    // $9 trillion over the largest volume: 9e18 micros × 1,000 / 2^53 = 999,200.722...
    // micros, computed without overflowing 64 bits.
    CHECK(cost_per_thousand(Money::from_micros(9'000'000'000'000'000'000), k_max_monthly_units)
              .micros() == 999'201);
    // A large amount over a single unit is over Money's range.
    CHECK_THROWS_AS(cost_per_thousand(Money::from_micros(9'000'000'000'000'000'000), 1),
                    std::overflow_error);
    CHECK_THROWS_AS(cost_per_thousand(dollars("1"), 0), std::invalid_argument);
    CHECK_THROWS_AS(cost_per_thousand(dollars("1"), k_max_monthly_units + 1),
                    std::invalid_argument);
}

TEST_CASE("exact amounts drop trailing zeros down to cents", "[model][money]") {
    CHECK(Money::from_micros(0).to_exact_string() == "0.00");
    CHECK(Money::from_micros(12'500'000).to_exact_string() == "12.50");
    CHECK(Money::from_micros(-1).to_exact_string() == "-0.000001");
    CHECK(format_exact_money(Money::from_micros(1'234'567'891), "EUR", true) ==
          "+EUR 1,234.567891");
}

TEST_CASE("a unit cost divides before and after, and is at least when they are",
          "[model][unit_cost]") {
    const UnitVolume volume{"requests", 2'000'000};
    Unknowns unknowns;
    unknowns.after = true;
    // Before $1,000.00 → $0.50; after at least $1,234.50 → at least $0.61725; +$0.11725.
    const UnitCost cost = unit_cost(volume, dollars("1000"), dollars("1234.50"), unknowns);
    CHECK(cost.before->to_exact_string() == "0.50");
    CHECK(cost.after->to_exact_string() == "0.61725");
    CHECK(cost.delta->to_exact_string() == "0.11725");
    CHECK(cost.after_at_least);
    CHECK_FALSE(cost.before_at_least);
    CHECK(format_volume(volume) == "2,000,000 requests");
    CHECK(per_thousand_label(volume) == "per 1,000 requests");

    // Nothing priced after the change: no cost per unit, no delta.
    const UnitCost unpriced = unit_cost(volume, dollars("0"), std::nullopt, unknowns);
    CHECK_FALSE(unpriced.after.has_value());
    CHECK_FALSE(unpriced.delta.has_value());
    CHECK_FALSE(unpriced.after_at_least);
}
