#include "costgate/model/money.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <stdexcept>

using costgate::Money;

namespace {

std::string cents(double amount) {
    return Money::from_double(amount).to_cents_string();
}
std::string signed_cents(double amount) {
    return Money::from_double(amount).to_signed_cents_string();
}

} // namespace

TEST_CASE("money rounds to millionths half away from zero", "[money]") {
    CHECK(Money::from_double(70.08).micros() == 70'080'000);
    CHECK(Money::from_double(0.0000005).micros() == 1);
    CHECK(Money::from_double(-0.0000005).micros() == -1);
    CHECK(Money::from_double(0.00000049).micros() == 0);
    CHECK(Money::from_double(-0.00000049).micros() == 0);
    // Halves go away from zero, not to even: banker's rounding would give 2 and 123456.
    CHECK(Money::from_double(0.0000025).micros() == 3);
    CHECK(Money::from_double(-0.0000025).micros() == -3);
    CHECK(Money::from_double(0.1234565).micros() == 123'457);
    CHECK(Money::from_double(-0.1234565).micros() == -123'457);
}

TEST_CASE("money renders positive, negative and zero amounts as cents", "[money]") {
    CHECK(cents(1234.5) == "1234.50");
    CHECK(cents(70.72) == "70.72");
    CHECK(cents(1'234'567.891) == "1234567.89");
    CHECK(cents(-3.1) == "-3.10");
    CHECK(cents(-1234.567) == "-1234.57");
    CHECK(cents(0.07) == "0.07");
    CHECK(cents(-0.07) == "-0.07");
    CHECK(cents(0) == "0.00");
    CHECK(Money().to_cents_string() == "0.00");
    CHECK(Money::from_micros(-10'000).to_cents_string() == "-0.01");
}

TEST_CASE("sub-cent amounts round to the nearest cent half away from zero", "[money]") {
    CHECK(cents(0.005) == "0.01");
    CHECK(cents(-0.005) == "-0.01");
    CHECK(cents(0.015) == "0.02");
    CHECK(cents(0.004999) == "0.00");
    CHECK(Money::from_micros(4'999).to_cents_string() == "0.00");
    CHECK(Money::from_micros(5'000).to_cents_string() == "0.01");
    CHECK(Money::from_micros(-5'000).to_cents_string() == "-0.01");
    // A negative amount that rounds to zero cents is "0.00", never "-0.00".
    CHECK(cents(-0.004999) == "0.00");
    CHECK(cents(-0.000001) == "0.00");
    CHECK(Money::from_double(44.325).to_cents_double() == 44.33);
    CHECK(Money::from_double(-44.325).to_cents_double() == -44.33);
    CHECK(Money::from_micros(4'999).to_cents_double() == 0.0);
}

TEST_CASE("signed cents show a plus only for amounts that round above zero", "[money]") {
    CHECK(signed_cents(12) == "+12.00");
    CHECK(signed_cents(-12) == "-12.00");
    CHECK(signed_cents(0) == "0.00");
    CHECK(signed_cents(0.005) == "+0.01");
    CHECK(signed_cents(-0.005) == "-0.01");
    CHECK(signed_cents(0.001) == "0.00");
    CHECK(signed_cents(-0.001) == "0.00");
}

TEST_CASE("money refuses amounts it cannot hold exactly", "[money]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double infinity = std::numeric_limits<double>::infinity();
    CHECK_THROWS_AS(Money::from_double(nan), std::range_error);
    CHECK_THROWS_AS(Money::from_double(infinity), std::range_error);
    CHECK_THROWS_AS(Money::from_double(-infinity), std::range_error);
    CHECK_THROWS_AS(Money::from_double(1e13), std::range_error);
    CHECK_THROWS_AS(Money::from_double(-1e13), std::range_error);
    CHECK_THROWS_AS(Money::from_double(std::numeric_limits<double>::max()), std::range_error);
    // The documented limit itself still fits.
    CHECK(Money::from_double(9e12).micros() == 9'000'000'000'000'000'000);
    CHECK(Money::from_double(-9e12).micros() == -9'000'000'000'000'000'000);
}

TEST_CASE("summing 100,000 amounts of 0.1 gives exactly 10,000.00", "[money]") {
    Money total;
    double naive = 0;
    for (int i = 0; i < 100'000; ++i) {
        total += Money::from_double(0.1);
        naive += 0.1;
    }
    CHECK(total.micros() == 10'000'000'000);
    CHECK(total.to_cents_string() == "10000.00");
    CHECK(total.to_double() == 10000.0);
    // The reason for Money: the same sum in doubles has drifted.
    CHECK(naive != 10000.0);
}

TEST_CASE("sums and differences are exact in millionths", "[money]") {
    Money total;
    for (int i = 0; i < 100'000; ++i)
        total += Money::from_double(0.333333 + i * 0.000001);
    CHECK(total.micros() == 100'000LL * 333'333 + 99'999LL * 100'000 / 2);

    const Money before = Money::from_double(100.10);
    const Money after = Money::from_double(10.01);
    CHECK((after - before).to_signed_cents_string() == "-90.09");
    CHECK((before + after).to_cents_string() == "110.11");
    CHECK(after < before);
}

TEST_CASE("sums beyond the int64 range throw instead of wrapping around", "[money]") {
    const Money big = Money::from_double(9e12);
    CHECK_THROWS_AS(big + big, std::overflow_error);
    CHECK_THROWS_AS(Money() - big - big, std::overflow_error);
    Money total = big;
    CHECK_THROWS_AS(total += big, std::overflow_error);
    CHECK(total == big);
    // The extremes still render (no llabs overflow on the most negative amount).
    const Money lowest = Money::from_micros(std::numeric_limits<std::int64_t>::min());
    CHECK(lowest.to_cents_string() == "-9223372036854.78");
    CHECK(Money::from_micros(std::numeric_limits<std::int64_t>::max()).to_cents_string() ==
          "9223372036854.78");
}

// The documented rule (docs/reliability.md): a total is the exact sum of its components'
// millionths, so the rendered total differs from the sum of the rendered (cent-rounded)
// parts by at most half a cent per part, and is never further than half a cent from the
// exact sum of the amounts.
TEST_CASE("a total of 100,000 resources is the exact sum of their millionths", "[money]") {
    Money total;
    std::int64_t micros = 0;
    std::int64_t rounded_cents = 0;
    for (int i = 0; i < 100'000; ++i) {
        // Amounts with sub-cent parts, as 730 hours × an hourly price have.
        const double amount = 730 * (0.0104 + 0.0000137 * (i % 977));
        const Money part = Money::from_double(amount);
        total += part;
        micros += part.micros();
        rounded_cents += std::llround(std::stod(part.to_cents_string()) * 100);
    }
    CHECK(total.micros() == micros);
    const std::int64_t total_cents = std::llround(std::stod(total.to_cents_string()) * 100);
    CHECK(std::llabs(total_cents * 10'000 - micros) <= 5'000);
    CHECK(std::llabs(total_cents - rounded_cents) <= 100'000 / 2);
}

TEST_CASE("format_money is the one way amounts are shown to people", "[money]") {
    CHECK(format_money(Money::from_double(1000), "USD") == "$1,000.00");
    CHECK(format_money(Money::from_double(1019.155), "USD") == "$1,019.16");
    CHECK(format_money(Money::from_double(14322300), "USD", true) == "+$14,322,300.00");
    CHECK(format_money(Money::from_double(-3.1), "USD", true) == "-$3.10");
    CHECK(format_money(Money(), "USD", true) == "$0.00");
    CHECK(format_money(Money::from_double(999.999), "EUR") == "EUR 1,000.00");
}
