#include "schedule.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <charconv>
#include <sstream>
#include <vector>

namespace costgate::k8s {

namespace {

constexpr int k_minutes_per_month = 730 * 60;

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
        if (text.size() == 3 && std::equal(text.begin(), text.end(), field.names[i], [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            }))
            return field.low + static_cast<int>(i);
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < field.low || value > field.high)
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
            const auto [end, error] = std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
            if (error != std::errc() || end != step_text.data() + step_text.size() || step <= 0)
                return std::nullopt;
            part.erase(slash);
        }
        int low = field.low;
        int high = field.high;
        if (part != "*" && part != "?") {
            const std::size_t dash = part.find('-');
            const auto first = value_of(part.substr(0, dash), field);
            const auto last = dash == std::string::npos ? first : value_of(part.substr(dash + 1), field);
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
    // Months are averaged: a schedule's runs in one 30-day month, times the share of
    // months it allows.
    const double month_share = static_cast<double>(allowed[3].count()) / 12.0;
    double runs = 0;
    for (int minute = 0; minute < k_minutes_per_month; ++minute) {
        const int day_index = minute / (24 * 60);
        const int day_of_month = 1 + day_index % 30;
        const int day_of_week = (1 + day_index) % 7; // day 0 is a Monday
        const bool dom = allowed[2].test(static_cast<std::size_t>(day_of_month));
        const bool dow = allowed[4].test(static_cast<std::size_t>(day_of_week));
        // Cron's rule: when both day fields are restricted, either may match.
        const bool day = any_day_of_month ? dow : any_day_of_week ? dom : (dom || dow);
        if (day && allowed[1].test(static_cast<std::size_t>(minute / 60 % 24)) &&
            allowed[0].test(static_cast<std::size_t>(minute % 60)))
            ++runs;
    }
    return runs * month_share;
}

} // namespace costgate::k8s
