#include "costgate/model/error.hpp"
#include "costgate/util/date.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

using namespace costgate;
using namespace costgate::util;

namespace {

/// Sets (or, given nullptr, clears) COSTGATE_TODAY for one scope, then puts back whatever
/// was there before so other tests see the environment they started with.
class ScopedToday {
  public:
    explicit ScopedToday(const char* value) {
        if (const char* old = std::getenv("COSTGATE_TODAY"))
            m_old = old;
        if (value)
            setenv("COSTGATE_TODAY", value, 1);
        else
            unsetenv("COSTGATE_TODAY");
    }
    ~ScopedToday() {
        if (m_old)
            setenv("COSTGATE_TODAY", m_old->c_str(), 1);
        else
            unsetenv("COSTGATE_TODAY");
    }
    ScopedToday(const ScopedToday&) = delete;
    ScopedToday& operator=(const ScopedToday&) = delete;

  private:
    std::optional<std::string> m_old;
};

Date utc_today() {
    const std::chrono::year_month_day now{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return Date{static_cast<int>(now.year()), static_cast<int>(static_cast<unsigned>(now.month())),
                static_cast<int>(static_cast<unsigned>(now.day()))};
}

} // namespace

TEST_CASE("a date parses from YYYY-MM-DD into its fields", "[policy][date]") {
    const auto date = Date::parse("2026-11-22");
    REQUIRE(date);
    CHECK(date->year == 2026);
    CHECK(date->month == 11);
    CHECK(date->day == 22);
    CHECK(Date::parse("0001-01-01") == Date{1, 1, 1});
    CHECK(Date::parse("2026-12-31") == Date{2026, 12, 31});
}

TEST_CASE("a date must name a day that exists", "[policy][date]") {
    CHECK(Date::parse("2028-02-29") == Date{2028, 2, 29});
    CHECK(Date::parse("2000-02-29") == Date{2000, 2, 29});
    CHECK_FALSE(Date::parse("2026-02-29"));
    CHECK_FALSE(Date::parse("1900-02-29"));
    CHECK_FALSE(Date::parse("2026-02-30"));
    CHECK_FALSE(Date::parse("2026-04-31"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026-00-10"));
    CHECK_FALSE(Date::parse("2026-01-00"));
    CHECK_FALSE(Date::parse("2026-01-32"));
}

TEST_CASE("a date must be written exactly as YYYY-MM-DD", "[policy][date]") {
    CHECK_FALSE(Date::parse("2026-1-01"));
    CHECK_FALSE(Date::parse("2026-01-1"));
    CHECK_FALSE(Date::parse("26-01-01"));
    CHECK_FALSE(Date::parse("2026-01-01x"));
    CHECK_FALSE(Date::parse("2026-01-01 "));
    CHECK_FALSE(Date::parse(" 2026-01-01"));
    CHECK_FALSE(Date::parse("2026-01-01T00:00:00Z"));
    CHECK_FALSE(Date::parse("2026/01/01"));
    CHECK_FALSE(Date::parse("2026-0a-01"));
    CHECK_FALSE(Date::parse("+026-01-01"));
    CHECK_FALSE(Date::parse(""));
}

TEST_CASE("dates order by year, then month, then day", "[policy][date]") {
    CHECK(Date{2025, 12, 31} < Date{2026, 1, 1});
    CHECK(Date{2026, 1, 31} < Date{2026, 2, 1});
    CHECK(Date{2026, 12, 1} < Date{2026, 12, 31});
    CHECK(Date{2026, 12, 31} > Date{2026, 12, 1});
    CHECK(Date{2026, 6, 15} == Date{2026, 6, 15});
    CHECK(Date{2026, 6, 15} <= Date{2026, 6, 15});
    CHECK_FALSE(Date{2026, 6, 15} < Date{2026, 6, 15});
    CHECK(Date{2026, 6, 15} != Date{2026, 6, 16});
}

TEST_CASE("a date prints zero-padded and parses back to itself", "[policy][date]") {
    CHECK(Date{2026, 1, 2}.to_string() == "2026-01-02");
    CHECK(Date{999, 10, 20}.to_string() == "0999-10-20");
    CHECK(Date{}.to_string() == "1970-01-01");
    for (const Date date : {Date{2028, 2, 29}, Date{2026, 12, 31}, Date{1, 1, 1}})
        CHECK(Date::parse(date.to_string()) == date);
}

TEST_CASE("days since the epoch count calendar days, leap days included", "[policy][date]") {
    CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
    CHECK(Date{1970, 1, 2}.days_since_epoch() == 1);
    CHECK(Date{1969, 12, 31}.days_since_epoch() == -1);
    CHECK(Date{2000, 1, 1}.days_since_epoch() == 10957);
    CHECK(Date{2026, 3, 1}.days_since_epoch() - Date{2026, 2, 28}.days_since_epoch() == 1);
    CHECK(Date{2028, 3, 1}.days_since_epoch() - Date{2028, 2, 28}.days_since_epoch() == 2);
    CHECK(Date{2027, 1, 1}.days_since_epoch() - Date{2026, 1, 1}.days_since_epoch() == 365);
    CHECK(Date{2029, 1, 1}.days_since_epoch() - Date{2028, 1, 1}.days_since_epoch() == 366);
}

TEST_CASE("today honours COSTGATE_TODAY and otherwise reads the UTC clock", "[policy][date]") {
    SECTION("a valid COSTGATE_TODAY fixes the date") {
        const ScopedToday today("2030-05-06");
        CHECK(Date::today() == Date{2030, 5, 6});
    }
    SECTION("without COSTGATE_TODAY the date is today in UTC") {
        const ScopedToday today(nullptr);
        const Date before = utc_today();
        const Date date = Date::today();
        const Date after = utc_today();
        CHECK((date == before || date == after));
    }
    SECTION("an empty COSTGATE_TODAY is not set") {
        const ScopedToday today("");
        const Date before = utc_today();
        const Date date = Date::today();
        const Date after = utc_today();
        CHECK((date == before || date == after));
    }
}

TEST_CASE("a COSTGATE_TODAY that is not a date is a usage error, never ignored", "[policy][date]") {
    for (const char* bad : {"tomorrow", "2026-02-30", "2026-2-1", "2026-02-01 ", "20260201"}) {
        const ScopedToday today(bad);
        CHECK_THROWS_MATCHES(Date::today(), UsageError,
                             Catch::Message(std::string("COSTGATE_TODAY must be a date written "
                                                        "YYYY-MM-DD that exists, found \"") +
                                            bad + "\""));
    }
}
