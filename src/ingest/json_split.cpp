#include "json_split.hpp"

#include <array>
#include <cstring>

namespace costgate::ingest {

namespace {

/// The bytes the split looks at; everything else (numbers, literals, white space, colons)
/// is stepped over.
constexpr std::array<bool, 256> k_marks = [] {
    std::array<bool, 256> marks{};
    for (const char c : std::string_view("\"{}[],"))
        marks[static_cast<unsigned char>(c)] = true;
    return marks;
}();

/// The closing quote of the string whose opening quote is at `quote`, or npos.
std::size_t string_end(std::string_view text, std::size_t quote) {
    std::size_t at = quote + 1;
    while (true) {
        const void* found = std::memchr(text.data() + at, '"', text.size() - at);
        if (!found)
            return std::string_view::npos;
        const std::size_t end = static_cast<const char*>(found) - text.data();
        // Escaped when an odd number of backslashes comes before it.
        std::size_t backslashes = 0;
        while (end - backslashes > quote + 1 && text[end - backslashes - 1] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return end;
        at = end + 1;
    }
}

class Splitter {
  public:
    Splitter(std::string_view text, std::size_t max_piece, std::size_t min_cut)
        : m_text(text), m_max_piece(max_piece), m_min_cut(min_cut) {}

    JsonSplit split() {
        if (m_text.size() <= m_max_piece)
            return {};
        std::size_t at = m_text.find_first_not_of(" \t\r\n");
        if (at == std::string_view::npos || (m_text[at] != '{' && m_text[at] != '['))
            return {};
        for (; at < m_text.size(); ++at) {
            const char c = m_text[at];
            if (!k_marks[static_cast<unsigned char>(c)])
                continue;
            if (c == '"') {
                at = string_end(m_text, at);
                if (at == std::string_view::npos)
                    return {};
            } else if (c == '{' || c == '[') {
                m_open.push_back(
                    {at, m_children.size(), m_open.empty() ? 0 : m_open.back().commas, 0});
            } else if (c == ',') {
                if (!m_open.empty())
                    ++m_open.back().commas;
            } else if (close(at)) {
                return std::move(m_split);
            }
        }
        return {}; // not closed
    }

  private:
    struct Open {
        std::size_t begin;
        /// Where its cut-out children start in m_children.
        std::size_t first_child;
        /// Its place in its parent.
        std::uint32_t index;
        /// Commas so far at its own level: the place of its current member or element.
        std::uint32_t commas;
    };

    /// Closes the container open at the `}` or `]` at `at`; true when that was the root.
    bool close(std::size_t at) {
        const Open open = m_open.back();
        m_open.pop_back();
        const JsonSpan span{open.begin, at + 1};
        const bool root = m_open.empty();
        std::uint32_t node = JsonSplitNode::k_whole;
        if (span.size() > m_max_piece) {
            node = static_cast<std::uint32_t>(m_split.nodes.size());
            JsonSplitNode& split = m_split.nodes.emplace_back();
            split.span = root ? JsonSpan{0, m_text.size()} : span;
            split.children.assign(m_children.begin() +
                                      static_cast<std::ptrdiff_t>(open.first_child),
                                  m_children.end());
        }
        m_children.resize(open.first_child);
        if (!root && (node != JsonSplitNode::k_whole || span.size() >= m_min_cut))
            m_children.push_back({open.index, node, span});
        return root;
    }

    std::string_view m_text;
    std::size_t m_max_piece;
    std::size_t m_min_cut;
    JsonSplit m_split;
    std::vector<Open> m_open;
    /// Children cut out of the containers still open, innermost last.
    std::vector<JsonSplitNode::Child> m_children;
};

} // namespace

JsonSplit split_json(std::string_view text, std::size_t max_piece, std::size_t min_cut) {
    return Splitter(text, max_piece, min_cut).split();
}

} // namespace costgate::ingest
