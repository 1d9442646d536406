#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace costgate::util {

/// A calendar date (policy expiry dates, catalog as-of dates).
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    /// Parses `YYYY-MM-DD`, checking the day exists in that month.
    static std::optional<Date> parse(std::string_view text);
    /// Today in UTC, or the date in the COSTGATE_TODAY environment variable (for
    /// reproducible runs and tests); a COSTGATE_TODAY that is not a date throws UsageError.
    static Date today();
    /// Days since 1970-01-01.
    long days_since_epoch() const;
    std::string to_string() const;

    friend auto operator<=>(const Date&, const Date&) = default;
};

} // namespace costgate::util
