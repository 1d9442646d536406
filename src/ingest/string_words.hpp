#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace costgate::ingest {

/// The value of the four hex digits of a \u escape, or -1 when `digits` is not four hex
/// digits.
inline int hex4_value(std::string_view digits) {
    if (digits.size() != 4)
        return -1;
    int value = 0;
    for (const char c : digits) {
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

/// Steps over plain string characters several bytes at a time, stopping at or before the
/// first quote, backslash or control character of `[at, end)` (or near the end): the caller
/// goes on byte by byte from there. Strings are most of a plan's bytes.
inline const char* skip_plain_string_words(const char* at, const char* end) {
#if defined(__SSE2__)
    // Sixteen bytes at a time (SSE2 is part of x86-64), stopping exactly at the byte.
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i last_control = _mm_set1_epi8(0x1F);
    while (end - at >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
        // max(byte, 0x1F) == 0x1F exactly for bytes 0x00 to 0x1F (unsigned).
        const __m128i stops = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
            _mm_cmpeq_epi8(_mm_max_epu8(bytes, last_control), last_control));
        if (const int mask = _mm_movemask_epi8(stops))
            return at + __builtin_ctz(static_cast<unsigned>(mask));
        at += 16;
    }
    return at;
#else
    constexpr std::uint64_t ones = 0x0101010101010101;
    constexpr std::uint64_t high_bits = 0x8080808080808080;
    // Exact tests for "some byte is zero" and "some byte is below 0x20" (bytes of 0x80
    // and above, UTF-8 sequences, never match either).
    const auto has_zero_byte = [](std::uint64_t word) { return (word - ones) & ~word & high_bits; };
    const auto has_control_byte = [](std::uint64_t word) {
        return (word - ones * 0x20) & ~word & high_bits;
    };
    while (end - at >= static_cast<std::ptrdiff_t>(sizeof(std::uint64_t))) {
        std::uint64_t word = 0;
        std::memcpy(&word, at, sizeof word);
        if (has_zero_byte(word ^ (ones * '"')) | has_zero_byte(word ^ (ones * '\\')) |
            has_control_byte(word))
            return at;
        at += sizeof word;
    }
    return at;
#endif
}

} // namespace costgate::ingest
