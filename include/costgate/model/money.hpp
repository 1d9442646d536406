#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace costgate {

/// An exact amount of money in millionths of a currency unit.
///
/// Costs are computed as quantity × unit price in floating point, then fixed here once;
/// all sums are integer sums, so totals never drift however many resources are added.
/// Rounding to cents happens only when rendering. Sums and differences beyond the int64
/// range (about ±9.2 trillion) throw std::overflow_error instead of wrapping around.
class Money {
  public:
    constexpr Money() = default;

    /// Rounds to the nearest millionth (half away from zero). Throws std::range_error
    /// for NaN, infinities and amounts beyond ±9 trillion.
    static Money from_double(double amount);
    static constexpr Money from_micros(std::int64_t micros) { return Money(micros); }

    constexpr std::int64_t micros() const { return m_micros; }
    double to_double() const;
    /// The amount rounded half away from zero to cents, as a double (for JSON numbers).
    double to_cents_double() const;
    /// The amount rounded to cents: `1234.50`, `-0.25`.
    std::string to_cents_string() const;
    /// As to_cents_string() but always signed: `+12.00`, `-3.10`, `0.00`.
    std::string to_signed_cents_string() const;
    /// The exact amount, every millionth it has, with trailing zeros dropped down to cents:
    /// `0.61725`, `2.025`, `12.50`, `-0.000001`. For amounts smaller than a cent matters,
    /// such as a cost per 1,000 units.
    std::string to_exact_string() const;

    friend constexpr Money operator+(Money a, Money b) {
        std::int64_t sum = 0;
        if (__builtin_add_overflow(a.m_micros, b.m_micros, &sum))
            throw std::overflow_error("amounts add up to more than ±9.2 trillion");
        return Money(sum);
    }
    friend constexpr Money operator-(Money a, Money b) {
        std::int64_t difference = 0;
        if (__builtin_sub_overflow(a.m_micros, b.m_micros, &difference))
            throw std::overflow_error("amounts differ by more than ±9.2 trillion");
        return Money(difference);
    }
    Money& operator+=(Money other) { return *this = *this + other; }
    friend constexpr auto operator<=>(Money, Money) = default;

  private:
    constexpr explicit Money(std::int64_t micros) : m_micros(micros) {}
    std::int64_t rounded_cents() const;

    std::int64_t m_micros = 0;
};

/// The unsigned whole number `digits` with a comma every three digits from the right
/// (`1234567` -> `1,234,567`): how amounts, counts and volumes are grouped in messages.
std::string group_thousands(std::string_view digits);

/// The one way costgate shows an amount to people (reports and finding messages):
/// `$1,234.56` for USD, `EUR 1,234.56` otherwise; `with_sign` adds `+` to positive amounts.
std::string format_money(Money amount, std::string_view currency, bool with_sign = false);

/// As format_money, but with every millionth the amount has (Money::to_exact_string):
/// `$0.61725`, `$1,234.50`.
std::string format_exact_money(Money amount, std::string_view currency, bool with_sign = false);

} // namespace costgate
