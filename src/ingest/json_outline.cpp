#include "json_outline.hpp"

#include "costgate/util/utf8.hpp"
#include "json_number.hpp"
#include "string_words.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <simdjson.h>
#include <vector>

namespace costgate::ingest {

namespace {

/// Deeper documents are left to nlohmann/json rather than risk this scanner's stack.
constexpr int k_max_depth = 1000;
// A number without an exponent and with at most this many characters is below 10^300, well
// inside a double's range.
constexpr std::size_t k_max_plain_digits = 300;

/// Past this many keys, an object with keys out of order is left to nlohmann/json rather
/// than checked for repeats key by key.
constexpr std::size_t k_max_unsorted_keys = 256;

/// Bytes that end a run of plain string characters: quote, backslash, control characters.
constexpr std::array<bool, 256> k_string_stop = [] {
    std::array<bool, 256> stop{};
    for (int c = 0; c < 0x20; ++c)
        stop[static_cast<std::size_t>(c)] = true;
    stop['"'] = stop['\\'] = true;
    return stop;
}();

class Scanner {
  public:
    Scanner(std::string_view text, std::string_view array_key)
        : m_text(text), m_array_key(array_key) {}

    std::optional<JsonOutline> outline() {
        if (!simdjson::validate_utf8(m_text.data(), m_text.size()))
            return std::nullopt;
        skip_space();
        if (!top_level_object())
            return std::nullopt;
        skip_space();
        if (m_at != m_text.size())
            return std::nullopt;
        return std::move(m_outline);
    }

  private:
    /// Scans an object from its `{`, reading each member's value with `read_value(key)`;
    /// false on a syntax error or a repeated key.
    template <typename ReadValue> bool members(int depth, ReadValue read_value) {
        if (!consume('{'))
            return false;
        skip_space();
        if (consume('}'))
            return true;
        std::vector<std::string_view>& keys = keys_at(depth);
        bool sorted = true;
        while (true) {
            const std::size_t key_begin = m_at + 1;
            bool escaped = false;
            if (peek() != '"' || !string(&escaped) || escaped || !new_key(keys, sorted, key_begin))
                return false;
            skip_space();
            if (!consume(':'))
                return false;
            skip_space();
            if (!read_value(keys.back()))
                return false;
            skip_space();
            if (consume('}'))
                return true;
            if (!consume(','))
                return false;
            skip_space();
        }
    }

    bool top_level_object() {
        return members(0, [&](std::string_view key) {
            const std::size_t value_begin = m_at;
            const bool outlined = key == m_array_key && peek() == '[';
            if (!(outlined ? outlined_array() : value(1)))
                return false;
            m_outline.members.push_back({key, {value_begin, m_at}});
            return true;
        });
    }

    bool outlined_array() {
        ++m_at;
        skip_space();
        if (consume(']'))
            return true;
        while (true) {
            const std::size_t begin = m_at;
            if (!value(2))
                return false;
            m_outline.elements.push_back({begin, m_at});
            skip_space();
            if (consume(']'))
                return true;
            if (!consume(','))
                return false;
            skip_space();
        }
    }

    bool value(int depth) {
        if (depth > k_max_depth)
            return false;
        switch (peek()) {
        case '{':
            return object(depth);
        case '[':
            return array(depth);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth) {
        return members(depth, [&](std::string_view) { return value(depth + 1); });
    }

    bool array(int depth) {
        ++m_at;
        skip_space();
        if (consume(']'))
            return true;
        while (true) {
            if (!value(depth + 1))
                return false;
            skip_space();
            if (consume(']'))
                return true;
            if (!consume(','))
                return false;
            skip_space();
        }
    }

    /// Scans a string from its opening quote; `escaped` tells whether it held an escape.
    bool string(bool* escaped = nullptr) {
        if (!consume('"'))
            return false;
        const std::size_t size = m_text.size();
        while (true) {
            skip_plain_words();
            while (m_at < size && !k_string_stop[static_cast<unsigned char>(m_text[m_at])])
                ++m_at;
            if (m_at >= size)
                return false;
            const char c = m_text[m_at++];
            if (c == '"')
                return true;
            if (c != '\\' || !escape())
                return false;
            if (escaped)
                *escaped = true;
        }
    }

    void skip_plain_words() {
        const char* const begin = m_text.data();
        m_at = static_cast<std::size_t>(
            skip_plain_string_words(begin + m_at, begin + m_text.size()) - begin);
    }

    bool escape() {
        const char c = peek();
        ++m_at;
        switch (c) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            return true;
        case 'u':
            break;
        default:
            return false;
        }
        int unit = hex4();
        if (unit < 0 || util::is_low_surrogate(static_cast<char32_t>(unit)))
            return false;
        if (util::is_high_surrogate(static_cast<char32_t>(unit))) {
            // A high surrogate must be followed by an escaped low surrogate.
            if (!consume('\\') || !consume('u'))
                return false;
            unit = hex4();
            return unit >= 0 && util::is_low_surrogate(static_cast<char32_t>(unit));
        }
        return true;
    }

    int hex4() {
        const int unit = hex4_value(m_text.substr(m_at, 4));
        m_at += 4;
        return unit;
    }

    bool number() {
        const std::size_t begin = m_at;
        consume('-');
        if (consume('0')) {
            if (is_digit(peek()))
                return false;
        } else if (!digits()) {
            return false;
        }
        if (consume('.') && !digits())
            return false;
        const bool has_exponent = consume('e') || consume('E');
        if (has_exponent) {
            if (!consume('+'))
                consume('-');
            if (!digits())
                return false;
        }
        // Only an exponent or hundreds of digits reach past a double, which nlohmann/json
        // rejects: leave those documents to it.
        return !(has_exponent || m_at - begin > k_max_plain_digits) ||
               json_double(m_text.substr(begin, m_at - begin)).has_value();
    }

    bool digits() {
        const std::size_t begin = m_at;
        while (is_digit(peek()))
            ++m_at;
        return m_at > begin;
    }

    bool literal(std::string_view word) {
        if (m_text.substr(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }

    static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    /// The key buffer of objects at `depth`, emptied (buffers are reused, not reallocated).
    std::vector<std::string_view>& keys_at(int depth) {
        if (m_keys.size() <= static_cast<std::size_t>(depth))
            m_keys.resize(static_cast<std::size_t>(depth) + 1);
        std::vector<std::string_view>& keys = m_keys[static_cast<std::size_t>(depth)];
        keys.clear();
        return keys;
    }

    /// Records the key just scanned (the string from `key_begin` to the closing quote).
    /// False, leaving the document to nlohmann/json, for a key repeated in its object (an
    /// error there when the values differ). Keys with escapes, whose repeats could be
    /// spelled differently, never get here (members() leaves them to nlohmann/json too). Terraform
    /// writes map keys sorted, so while an object's keys are in order (`sorted`), each is checked
    /// against the last one only.
    bool new_key(std::vector<std::string_view>& keys, bool& sorted, std::size_t key_begin) {
        const std::string_view key = m_text.substr(key_begin, m_at - 1 - key_begin);
        if (!keys.empty() && (!sorted || !comes_after(key, keys.back()))) {
            sorted = false;
            if (keys.size() > k_max_unsorted_keys)
                return false;
            for (const std::string_view seen : keys)
                if (seen.size() == key.size() && (key.empty() || seen.front() == key.front()) &&
                    seen == key)
                    return false;
        }
        keys.push_back(key);
        return true;
    }

    // key > previous, deciding on the first byte without a call when it differs (it mostly does).
    static bool comes_after(std::string_view key, std::string_view previous) {
        if (!key.empty() && !previous.empty() && key.front() != previous.front())
            return static_cast<unsigned char>(key.front()) >
                   static_cast<unsigned char>(previous.front());
        return key > previous;
    }

    char peek() const { return m_at < m_text.size() ? m_text[m_at] : '\0'; }

    bool consume(char c) {
        if (peek() != c || m_at >= m_text.size())
            return false;
        ++m_at;
        return true;
    }

    void skip_space() {
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++m_at;
        }
    }

    std::string_view m_text;
    std::string_view m_array_key;
    std::size_t m_at = 0;
    JsonOutline m_outline;
    // One key buffer per depth; a deque, so growing it keeps outer objects' buffers in place.
    std::deque<std::vector<std::string_view>> m_keys;
};

} // namespace

std::optional<JsonOutline> outline_json(std::string_view text, std::string_view array_key) {
    return Scanner(text, array_key).outline();
}

} // namespace costgate::ingest
