#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace costgate::ingest {

/// A byte range [begin, end) of a JSON text.
struct JsonSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const { return end - begin; }
};

/// A container too large to parse in one go, and the children cut out of it.
struct JsonSplitNode {
    /// The node number of a child parsed whole.
    static constexpr std::uint32_t k_whole = UINT32_MAX;

    struct Child {
        /// The child's place among the container's members or elements (0 for the first).
        std::uint32_t index;
        /// The JsonSplit node it is cut into in turn, or k_whole.
        std::uint32_t node;
        JsonSpan span;
    };

    JsonSpan span;
    /// The children cut out, in document order: every object or array child of at least
    /// the split's min_cut bytes. Smaller children and scalars stay in the container's text.
    std::vector<Child> children;
};

/// Where a JSON text is cut into pieces of at most `max_piece` bytes, so that simdjson never
/// holds the structure of a whole 500 MB plan at once (its index alone is 0.7 times the
/// text). The text is not checked: on valid JSON the cuts are exact, and on anything else
/// they only have to let the pieces fail to parse.
struct JsonSplit {
    /// The split containers, each after the nodes of its children; the root is the last.
    /// Empty when the text is read in one piece: a root that is small, not an object or
    /// array, or not closed.
    std::vector<JsonSplitNode> nodes;
};

/// Splits `text`: containers larger than `max_piece` bytes are split, and their object and
/// array children of at least `min_cut` bytes are cut out. The root node spans the whole
/// text (leading and trailing bytes included, so that they are parsed with it).
JsonSplit split_json(std::string_view text, std::size_t max_piece, std::size_t min_cut);

} // namespace costgate::ingest
