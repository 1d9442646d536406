#include "costgate/model/money.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace costgate {

namespace {

// ±9 trillion keeps every sum of a few million amounts far inside int64 micros.
constexpr double k_max_amount = 9e12;
constexpr std::int64_t k_micros_per_cent = 10'000;

} // namespace

Money Money::from_double(double amount) {
    if (!std::isfinite(amount) || std::fabs(amount) > k_max_amount)
        throw std::range_error("amount out of range: " + std::to_string(amount));
    return Money(static_cast<std::int64_t>(std::llround(amount * 1e6)));
}

double Money::to_double() const {
    return static_cast<double>(m_micros) / 1e6;
}

std::int64_t Money::rounded_cents() const {
    // Division and remainder rather than llabs(), which overflows for the most negative amount.
    const std::int64_t half = k_micros_per_cent / 2;
    const std::int64_t cents = m_micros / k_micros_per_cent;
    const std::int64_t rest = m_micros % k_micros_per_cent;
    return cents + (rest >= half ? 1 : rest <= -half ? -1 : 0);
}

double Money::to_cents_double() const {
    return static_cast<double>(rounded_cents()) / 100.0;
}

std::string Money::to_cents_string() const {
    const std::int64_t cents = rounded_cents();
    const std::int64_t magnitude = std::llabs(cents);
    std::string fraction = std::to_string(magnitude % 100);
    if (fraction.size() < 2)
        fraction.insert(0, "0");
    return (cents < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + fraction;
}

std::string Money::to_signed_cents_string() const {
    return rounded_cents() > 0 ? "+" + to_cents_string() : to_cents_string();
}

std::string Money::to_exact_string() const {
    const std::int64_t magnitude = m_micros < 0 ? -(m_micros / 1'000'000) : m_micros / 1'000'000;
    std::int64_t fraction = m_micros % 1'000'000;
    fraction = fraction < 0 ? -fraction : fraction;
    std::string digits = std::to_string(fraction);
    digits.insert(0, 6 - digits.size(), '0');
    while (digits.size() > 2 && digits.back() == '0')
        digits.pop_back();
    return (m_micros < 0 ? "-" : "") + std::to_string(magnitude) + "." + digits;
}

std::string group_thousands(std::string_view digits) {
    std::string grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

namespace {

// `1,234.50` with the sign and currency of format_money, from the plain `digits` of `amount`.
std::string grouped_money(std::string digits, Money amount, std::string_view currency,
                          bool with_sign) {
    std::string sign;
    if (!digits.empty() && digits.front() == '-') {
        sign = "-";
        digits.erase(0, 1);
    } else if (with_sign && amount.micros() > 0) {
        sign = "+";
    }
    const std::size_t point = digits.find('.');
    return sign + (currency == "USD" ? std::string("$") : std::string(currency) + " ") +
           group_thousands(std::string_view(digits).substr(0, point)) + digits.substr(point);
}

} // namespace

std::string format_money(Money amount, std::string_view currency, bool with_sign) {
    return grouped_money(amount.to_cents_string(), amount, currency, with_sign);
}

std::string format_exact_money(Money amount, std::string_view currency, bool with_sign) {
    return grouped_money(amount.to_exact_string(), amount, currency, with_sign);
}

} // namespace costgate
