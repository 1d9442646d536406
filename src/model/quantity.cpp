#include "costgate/quantity.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace costgate {

namespace {

constexpr double k_kilo = 1e3;
constexpr double k_kibi = 1024;

// Longest suffixes first so `Mi` is not read as `M` followed by junk.
constexpr std::array<std::pair<std::string_view, double>, 15> k_suffixes = {{
    {"Ki", k_kibi},
    {"Mi", k_kibi * k_kibi},
    {"Gi", k_kibi * k_kibi * k_kibi},
    {"Ti", k_kibi * k_kibi * k_kibi * k_kibi},
    {"Pi", k_kibi * k_kibi * k_kibi * k_kibi * k_kibi},
    {"Ei", k_kibi * k_kibi * k_kibi * k_kibi * k_kibi * k_kibi},
    {"n", 1e-9},
    {"u", 1e-6},
    {"m", 1e-3},
    {"k", k_kilo},
    {"M", 1e6},
    {"G", 1e9},
    {"T", 1e12},
    {"P", 1e15},
    {"E", 1e18},
}};

} // namespace

std::optional<double> parse_quantity(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (text.empty())
        return std::nullopt;
    double multiplier = 1;
    for (const auto& [suffix, factor] : k_suffixes) {
        // A trailing `E` after digits is the exa suffix; `1e3` and `1E3` are exponents,
        // which from_chars reads below.
        if (text.size() > suffix.size() && text.ends_with(suffix)) {
            const char before = text[text.size() - suffix.size() - 1];
            if ((suffix == "E") && (before == 'e' || before == 'E' || before == '+' || before == '-'))
                continue;
            multiplier = factor;
            text.remove_suffix(suffix.size());
            break;
        }
    }
    if (text.starts_with('+'))
        text.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    const double result = value * multiplier;
    if (!std::isfinite(result) || result < 0)
        return std::nullopt;
    return result;
}

} // namespace costgate
