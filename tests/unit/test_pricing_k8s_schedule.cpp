#include "pricing/k8s/schedule.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;

using costgate::pricing::k8s::runs_per_month;

TEST_CASE("cron schedules count their runs in a 730-hour month", "[k8s][cron]") {
    // A year has 8,760 hours; a month is 730 of them.
    CHECK(*pricing::k8s::runs_per_month("@hourly") == Approx(730));
    CHECK(*runs_per_month("*/15 * * * *") == Approx(730 * 4));
    CHECK(*runs_per_month("0 */6 * * *") == Approx(4 * 365 / 12.0));
    CHECK(*runs_per_month("@daily") == Approx(365 / 12.0));
    CHECK(*runs_per_month("30 2 * * mon-fri") == Approx(261 / 12.0)); // 261 weekdays in 2025
    CHECK(*runs_per_month("0 0 * * 0,7") == Approx(52 / 12.0));       // 52 Sundays
    CHECK(*runs_per_month("0 9 1,15 * *") == Approx(2));
    // The 1st or a Monday: 12 + 52, less September 1 and December 1, which are Mondays.
    CHECK(*runs_per_month("0 9 1 * 1") == Approx((12 + 52 - 2) / 12.0));
    CHECK(*runs_per_month("@monthly") == Approx(1));
    CHECK(*runs_per_month("@yearly") == Approx(1.0 / 12));
    CHECK(*runs_per_month("0 0 1 jan,jul *") == Approx(2.0 / 12));
}

TEST_CASE("malformed schedules are refused", "[k8s][cron]") {
    for (const char* bad : {"", "* * * *", "61 * * * *", "*/0 * * * *", "5-1 * * * *",
                            "0 0 * * funday", "@fortnightly", "a b c d e"})
        CHECK_FALSE(pricing::k8s::runs_per_month(bad).has_value());
}
