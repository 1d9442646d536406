#include "costgate/money.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

using costgate::Money;

TEST_CASE("money rounds to micro-units half away from zero", "[money]") {
    CHECK(Money::from_double(70.08).micros() == 70'080'000);
    CHECK(Money::from_double(0.0000005).micros() == 1);
    CHECK(Money::from_double(-0.0000005).micros() == -1);
    CHECK(Money::from_double(0.00000049).micros() == 0);
}

TEST_CASE("money renders cents half away from zero", "[money]") {
    CHECK(Money::from_double(1234.5).to_cents_string() == "1234.50");
    CHECK(Money::from_double(0.005).to_cents_string() == "0.01");
    CHECK(Money::from_double(-0.005).to_cents_string() == "-0.01");
    CHECK(Money::from_double(0.004999).to_cents_string() == "0.00");
    CHECK(Money::from_double(-3.1).to_cents_string() == "-3.10");
    CHECK(Money().to_cents_string() == "0.00");
    CHECK(Money::from_double(44.325).to_cents_double() == 44.33);
}

TEST_CASE("signed cents show a plus only for positive amounts", "[money]") {
    CHECK(Money::from_double(12).to_signed_cents_string() == "+12.00");
    CHECK(Money::from_double(-12).to_signed_cents_string() == "-12.00");
    CHECK(Money::from_double(0.001).to_signed_cents_string() == "0.00");
}

TEST_CASE("money refuses amounts it cannot hold exactly", "[money]") {
    CHECK_THROWS_AS(Money::from_double(std::numeric_limits<double>::quiet_NaN()), std::range_error);
    CHECK_THROWS_AS(Money::from_double(std::numeric_limits<double>::infinity()), std::range_error);
    CHECK_THROWS_AS(Money::from_double(1e13), std::range_error);
    CHECK_THROWS_AS(Money::from_double(-1e13), std::range_error);
}

TEST_CASE("summing many amounts does not drift", "[money]") {
    Money total;
    double naive = 0;
    for (int i = 0; i < 100'000; ++i) {
        total += Money::from_double(0.1);
        naive += 0.1;
    }
    CHECK(total.to_cents_string() == "10000.00");
    CHECK(total.micros() == 10'000'000'000);
    // The reason for Money: a double sum is already off by more than a micro-unit.
    CHECK(std::fabs(naive - 10000.0) > 1e-9);
}

TEST_CASE("totals equal the sum of their parts within half a cent per part", "[money]") {
    // The documented rule: totals are exact sums of micro-unit parts, so they may differ
    // from the sum of the parts' rounded cents by at most half a cent per part.
    Money total;
    long rounded_cents_sum = 0;
    for (int i = 0; i < 100'000; ++i) {
        const Money part = Money::from_double(0.333333 + i * 0.000001);
        total += part;
        rounded_cents_sum += std::lround(part.to_cents_double() * 100);
    }
    const long total_cents = std::lround(total.to_cents_double() * 100);
    CHECK(std::labs(total_cents - rounded_cents_sum) <= 100'000 / 2);
    CHECK(total.micros() == 100'000LL * 333'333 + (99'999LL * 100'000 / 2));
}
