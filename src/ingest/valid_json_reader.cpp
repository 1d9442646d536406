#include "valid_json_reader.hpp"

#include "costgate/util/utf8.hpp"
#include "json_number.hpp"
#include "ondemand_json.hpp"
#include "string_words.hpp"

#include <charconv>

namespace costgate::ingest {

namespace {

char32_t hex4(const char* at) {
    return static_cast<char32_t>(hex4_value({at, 4}));
}

bool is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

} // namespace

void ValidJsonReader::read(JsonTreeBuilder& builder) {
    switch (peek()) {
    case '{': {
        ++m_at;
        builder.begin_object();
        std::string_view key;
        while (next_key(key)) {
            builder.key(key);
            read(builder);
        }
        builder.end_object();
        return;
    }
    case '[':
        ++m_at;
        builder.begin_array();
        while (peek() != ']') {
            if (*m_at == ',')
                ++m_at;
            read(builder);
        }
        ++m_at;
        builder.end_array();
        return;
    case '"':
        builder.string(read_string());
        return;
    case 't':
        m_at += 4;
        builder.boolean(true);
        return;
    case 'f':
        m_at += 5;
        builder.boolean(false);
        return;
    case 'n':
        m_at += 4;
        builder.null();
        return;
    default:
        read_number(builder);
    }
}

void ValidJsonReader::skip() {
    const char first = peek();
    if (first == '"') {
        skip_string();
        return;
    }
    if (first != '{' && first != '[') {
        while (is_number_char(*m_at) || (*m_at >= 'a' && *m_at <= 'z'))
            ++m_at;
        return;
    }
    int depth = 0;
    do {
        const char c = *m_at;
        if (c == '"') {
            skip_string();
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
        ++m_at;
    } while (depth > 0);
}

bool ValidJsonReader::next_key(std::string_view& key) {
    if (peek() == '}') {
        ++m_at;
        return false;
    }
    if (*m_at == ',') {
        ++m_at;
        skip_space();
    }
    key = read_string();
    skip_space();
    ++m_at; // ':'
    return true;
}

std::string_view ValidJsonReader::read_string() {
    const char* const start = ++m_at;
    m_at = skip_plain_string_words(m_at, m_end);
    while (*m_at != '"' && *m_at != '\\')
        ++m_at;
    if (*m_at == '"')
        return {start, static_cast<std::size_t>(m_at++ - start)};
    // Escapes: unescape into m_unescaped.
    m_unescaped.assign(start, m_at);
    while (*m_at != '"') {
        if (*m_at != '\\') {
            m_unescaped += *m_at++;
            continue;
        }
        const char escape = m_at[1];
        m_at += 2;
        switch (escape) {
        case 'b':
            m_unescaped += '\b';
            break;
        case 'f':
            m_unescaped += '\f';
            break;
        case 'n':
            m_unescaped += '\n';
            break;
        case 'r':
            m_unescaped += '\r';
            break;
        case 't':
            m_unescaped += '\t';
            break;
        case 'u': {
            char32_t code_point = hex4(m_at);
            m_at += 4;
            if (util::is_high_surrogate(code_point)) { // a pair, checked by the outline
                code_point = util::surrogate_pair_code_point(code_point, hex4(m_at + 2));
                m_at += 6;
            }
            util::append_utf8(m_unescaped, code_point);
            break;
        }
        default: // '"', '\\', '/'
            m_unescaped += escape;
        }
    }
    ++m_at;
    return m_unescaped;
}

void ValidJsonReader::skip_string() {
    ++m_at;
    while (*m_at != '"')
        m_at += *m_at == '\\' ? 2 : 1;
    ++m_at;
}

void ValidJsonReader::read_number(JsonTreeBuilder& builder) {
    const char* const start = m_at;
    bool integral = true;
    while (is_number_char(*m_at)) {
        integral = integral && *m_at != '.' && *m_at != 'e' && *m_at != 'E';
        ++m_at;
    }
    // As nlohmann/json's lexer: integers in 64 bits stay integers (non-negative ones
    // unsigned); anything else is a double, rounded as strtod rounds.
    if (integral) {
        if (*start == '-') {
            std::int64_t value = 0;
            if (std::from_chars(start, m_at, value).ec == std::errc()) {
                builder.integer(value);
                return;
            }
        } else {
            std::uint64_t value = 0;
            if (std::from_chars(start, m_at, value).ec == std::errc()) {
                builder.unsigned_integer(value);
                return;
            }
        }
    }
    const std::optional<double> value =
        json_double({start, static_cast<std::size_t>(m_at - start)});
    if (!value) // nlohmann/json rejects it; let it say so
        throw OnDemandUnsupported("number overflow");
    builder.floating(*value);
}

} // namespace costgate::ingest
