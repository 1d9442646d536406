#include "costgate/model/quantity.hpp"

#include <catch2/catch.hpp>

using costgate::parse_quantity;

TEST_CASE("Kubernetes quantities parse to base units", "[quantity]") {
    CHECK(parse_quantity("2") == 2.0);
    CHECK(parse_quantity("0.5") == 0.5);
    CHECK(parse_quantity("500m") == Approx(0.5));
    CHECK(parse_quantity("250m") == Approx(0.25));
    CHECK(parse_quantity("256M") == 256e6);
    CHECK(parse_quantity("1Gi") == 1073741824.0);
    CHECK(parse_quantity("512Mi") == 536870912.0);
    CHECK(parse_quantity("64Ki") == 65536.0);
    CHECK(parse_quantity("1e3") == 1000.0);
    CHECK(parse_quantity("1E3") == 1000.0);
    CHECK(parse_quantity("2.5e-3") == Approx(0.0025));
    CHECK(parse_quantity("1k") == 1000.0);
    CHECK(parse_quantity("2E") == 2e18);
    CHECK(parse_quantity("100n") == Approx(1e-7));
    CHECK(parse_quantity("+1") == 1.0);
    CHECK(parse_quantity(" 4 ") == 4.0);
}

TEST_CASE("malformed or negative quantities are rejected", "[quantity]") {
    for (const char* bad :
         {"", "abc", "1.5.5", "10 Gi", "1Gb", "-1", "1x", "Gi", "nan", "inf", "1e400"})
        CHECK_FALSE(parse_quantity(bad).has_value());
}

TEST_CASE("quantities are the double nearest their exact decimal value", "[quantity]") {
    // 100 × 0.001 and 3 × 0.001 are not always the doubles 0.1 and 0.003; the suffix is
    // folded into the exponent so each quantity is parsed as the exact decimal it writes.
    CHECK(parse_quantity("100m") == 0.1);
    CHECK(parse_quantity("3m") == 0.003);
    CHECK(parse_quantity("7n") == 7e-9);
    CHECK(parse_quantity("1.1k") == 1100.0);
    CHECK(parse_quantity("0.3") == 0.3);
    CHECK(parse_quantity("1.5Gi") == 1610612736.0);
    CHECK(parse_quantity("123456789u") == 123.456789);
    for (int millicores = 1; millicores <= 4000; ++millicores)
        REQUIRE(parse_quantity(std::to_string(millicores) + "m") ==
                std::stod(std::to_string(millicores) + "e-3"));
    CHECK_FALSE(parse_quantity("1e3k").has_value());
}
