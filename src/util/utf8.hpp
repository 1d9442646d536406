#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace costgate {

/// The length of the well-formed UTF-8 sequence starting at `text[at]` (1 for ASCII), or
/// 0 when there is none there: stray continuation bytes, overlong forms, surrogates, code
/// points above U+10FFFF, a sequence cut short (Unicode Table 3-7, what simdjson's and
/// nlohmann/json's validators accept).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

/// Appends `code_point` (a Unicode scalar value) to `out` in UTF-8.
void append_utf8(std::string& out, char32_t code_point);

} // namespace costgate
