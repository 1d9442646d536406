#include "costgate/util/date.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/environment.hpp"

#include <chrono>
#include <cstdio>

namespace costgate::util {

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    auto number = [&](std::size_t from, std::size_t length) {
        int value = 0;
        for (std::size_t i = from; i < from + length; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    const std::chrono::year_month_day date{std::chrono::year(number(0, 4)),
                                           std::chrono::month(static_cast<unsigned>(number(5, 2))),
                                           std::chrono::day(static_cast<unsigned>(number(8, 2)))};
    if (!date.ok())
        return std::nullopt;
    return Date{number(0, 4), number(5, 2), number(8, 2)};
}

Date Date::today() {
    if (const auto fixed = environment_variable("COSTGATE_TODAY")) {
        if (auto date = parse(*fixed))
            return *date;
        throw UsageError("COSTGATE_TODAY must be a date written YYYY-MM-DD that exists, found \"" +
                         *fixed + "\"");
    }
    const std::chrono::year_month_day now{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return Date{static_cast<int>(now.year()), static_cast<int>(static_cast<unsigned>(now.month())),
                static_cast<int>(static_cast<unsigned>(now.day()))};
}

long Date::days_since_epoch() const {
    const std::chrono::sys_days days{std::chrono::year(year) /
                                     std::chrono::month(static_cast<unsigned>(month)) /
                                     std::chrono::day(static_cast<unsigned>(day))};
    return days.time_since_epoch().count();
}

std::string Date::to_string() const {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

} // namespace costgate::util
