#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace costgate::ingest {

/// A byte range [begin, end) of one JSON value inside a document.
struct JsonSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A strictly valid JSON document whose top level is an object: its members in document
/// order, and the elements of one array member, as byte ranges.
struct JsonOutline {
    struct Member {
        /// The key as written (it has no escapes).
        std::string_view key;
        JsonSpan value;
    };
    std::vector<Member> members;
    /// Elements of the top-level member named by outline_json's `array_key`, when that
    /// member is an array.
    std::vector<JsonSpan> elements;
};

/// Checks `text` against RFC 8259 (UTF-8, strings, escapes and surrogate pairs, numbers,
/// nothing after the value) in one pass without building anything, and outlines it.
/// Returns nullopt when the text is not valid JSON, its top level is not an object, a key
/// has escapes or an object repeats a key: the caller then parses it with nlohmann/json,
/// which reports the error exactly. Anything this accepts, nlohmann/json accepts too.
std::optional<JsonOutline> outline_json(std::string_view text, std::string_view array_key);

} // namespace costgate::ingest
