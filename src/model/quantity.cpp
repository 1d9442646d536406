#include "costgate/model/quantity.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace costgate {

namespace {

constexpr double k_kibi = 1024;

/// A suffix scales by a power of 1024 (exact in binary) or by a power of ten, which is
/// folded into the decimal exponent before parsing so `100m` is exactly the double 0.1,
/// not 100 × 0.001.
struct Suffix {
    std::string_view text;
    double binary_factor;
    int decimal_exponent;
};

// Longest suffixes first so `Mi` is not read as `M` followed by junk.
constexpr std::array<Suffix, 15> k_suffixes = {{
    {"Ki", k_kibi, 0},
    {"Mi", k_kibi* k_kibi, 0},
    {"Gi", k_kibi* k_kibi* k_kibi, 0},
    {"Ti", k_kibi* k_kibi* k_kibi* k_kibi, 0},
    {"Pi", k_kibi* k_kibi* k_kibi* k_kibi* k_kibi, 0},
    {"Ei", k_kibi* k_kibi* k_kibi* k_kibi* k_kibi* k_kibi, 0},
    {"n", 1, -9},
    {"u", 1, -6},
    {"m", 1, -3},
    {"k", 1, 3},
    {"M", 1, 6},
    {"G", 1, 9},
    {"T", 1, 12},
    {"P", 1, 15},
    {"E", 1, 18},
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
    int exponent = 0;
    for (const Suffix& suffix : k_suffixes) {
        // A trailing `E` after digits is the exa suffix; `1e3` and `1E3` are exponents,
        // which from_chars reads below.
        if (text.size() > suffix.text.size() && text.ends_with(suffix.text)) {
            const char before = text[text.size() - suffix.text.size() - 1];
            if ((suffix.text == "E") &&
                (before == 'e' || before == 'E' || before == '+' || before == '-'))
                continue;
            multiplier = suffix.binary_factor;
            exponent = suffix.decimal_exponent;
            text.remove_suffix(suffix.text.size());
            break;
        }
    }
    if (text.starts_with('+'))
        text.remove_prefix(1);
    // A decimal suffix after a number that has its own exponent (`1e3k`) is not a quantity.
    std::string number(text);
    if (exponent != 0) {
        if (number.find_first_of("eE") != std::string::npos)
            return std::nullopt;
        number += "e" + std::to_string(exponent);
    }
    double value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size())
        return std::nullopt;
    const double result = value * multiplier;
    if (!std::isfinite(result) || result < 0)
        return std::nullopt;
    return result;
}

} // namespace costgate
