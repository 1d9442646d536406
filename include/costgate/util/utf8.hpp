#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace costgate::util {

/// The length of the well-formed UTF-8 sequence starting at `text[at]` (1 for ASCII), or
/// 0 when there is none there: stray continuation bytes, overlong forms, surrogates, code
/// points above U+10FFFF, a sequence cut short (Unicode Table 3-7, what simdjson's and
/// nlohmann/json's validators accept).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

/// Appends `code_point` (a Unicode scalar value) to `out` in UTF-8.
void append_utf8(std::string& out, char32_t code_point);

/// UTF-16 surrogates (of \u escapes and UTF-16 input): a high one must be followed by a low
/// one, and the pair stands for one code point above U+FFFF.
constexpr bool is_high_surrogate(char32_t unit) {
    return unit >= 0xD800 && unit <= 0xDBFF;
}
constexpr bool is_low_surrogate(char32_t unit) {
    return unit >= 0xDC00 && unit <= 0xDFFF;
}
constexpr char32_t surrogate_pair_code_point(char32_t high, char32_t low) {
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

} // namespace costgate::util
