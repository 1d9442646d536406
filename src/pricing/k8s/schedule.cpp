#include "schedule.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <charconv>
#include <chrono>
#include <sstream>
#include <vector>

namespace costgate::pricing::k8s {

namespace {

constexpr double k_hours_per_month = 730;
constexpr double k_hours_per_year = 365 * 24;

struct Field {
    int low;
    int high;
    std::array<const char*, 12> names;
};

constexpr Field k_fields[] = {
    {0, 59, {}},
    {0, 23, {}},
    {1, 31, {}},
    {1, 12, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
    {0, 7, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
};

std::optional<int> value_of(const std::string& text, const Field& field) {
    for (std::size_t i = 0; i < field.names.size() && field.names[i]; ++i)
        if (text.size() == 3 &&
            std::equal(text.begin(), text.end(), field.names[i], [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            }))
            return field.low + static_cast<int>(i);
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < field.low ||
        value > field.high)
        return std::nullopt;
    return value;
}

// Expands one field into the set of values it allows.
std::optional<std::bitset<64>> expand(const std::string& text, const Field& field) {
    std::bitset<64> allowed;
    std::stringstream parts(text);
    for (std::string part; std::getline(parts, part, ',');) {
        int step = 1;
        if (const std::size_t slash = part.find('/'); slash != std::string::npos) {
            const std::string step_text = part.substr(slash + 1);
            const auto [end, error] =
                std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
            if (error != std::errc() || end != step_text.data() + step_text.size() || step <= 0)
                return std::nullopt;
            part.erase(slash);
        }
        int low = field.low;
        int high = field.high;
        if (part != "*" && part != "?") {
            const std::size_t dash = part.find('-');
            const auto first = value_of(part.substr(0, dash), field);
            const auto last =
                dash == std::string::npos ? first : value_of(part.substr(dash + 1), field);
            if (!first || !last || *last < *first)
                return std::nullopt;
            low = *first;
            high = dash == std::string::npos && step > 1 ? field.high : *last;
        }
        for (int value = low; value <= high; value += step)
            allowed.set(static_cast<std::size_t>(value));
    }
    return allowed;
}

std::string expand_macro(const std::string& schedule) {
    if (schedule == "@hourly")
        return "0 * * * *";
    if (schedule == "@daily" || schedule == "@midnight")
        return "0 0 * * *";
    if (schedule == "@weekly")
        return "0 0 * * 0";
    if (schedule == "@monthly")
        return "0 0 1 * *";
    if (schedule == "@yearly" || schedule == "@annually")
        return "0 0 1 1 *";
    return schedule;
}

} // namespace

std::optional<double> runs_per_month(const std::string& schedule) {
    std::stringstream words(expand_macro(schedule));
    std::vector<std::string> fields;
    for (std::string word; words >> word;)
        fields.push_back(word);
    if (fields.size() != 5)
        return std::nullopt;
    std::array<std::bitset<64>, 5> allowed;
    for (std::size_t i = 0; i < 5; ++i) {
        const auto field = expand(fields[i], k_fields[i]);
        if (!field)
            return std::nullopt;
        allowed[i] = *field;
    }
    if (allowed[4].test(7))
        allowed[4].set(0);
    const bool any_day_of_month = fields[2] == "*" || fields[2] == "?";
    const bool any_day_of_week = fields[4] == "*" || fields[4] == "?";
    const double runs_per_day = static_cast<double>(allowed[0].count() * allowed[1].count());

    // Runs in a calendar year (2025, which starts on a Wednesday), scaled to 730 hours,
    // so monthly and yearly schedules average out like a bill does.
    using namespace std::chrono;
    const sys_days first{year{2025} / January / 1};
    double runs = 0;
    for (int offset = 0; offset < 365; ++offset) {
        const sys_days day = first + days{offset};
        const year_month_day date{day};
        const unsigned weekday_index = weekday{day}.c_encoding();
        const bool dom = allowed[2].test(static_cast<unsigned>(date.day()));
        const bool dow = allowed[4].test(weekday_index);
        // Cron's rule: when both day fields are restricted, either may match.
        const bool matches_day = any_day_of_month ? dow : any_day_of_week ? dom : (dom || dow);
        if (matches_day && allowed[3].test(static_cast<unsigned>(date.month())))
            runs += runs_per_day;
    }
    return runs * k_hours_per_month / k_hours_per_year;
}

} // namespace costgate::pricing::k8s
