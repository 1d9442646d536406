#include "json_writer.hpp"

#include "costgate/util/utf8.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace costgate::report {

namespace {

constexpr std::size_t k_indent = 2;

void append_escaped(std::string& out, unsigned char c) {
    switch (c) {
    case '"':
        out += "\\\"";
        return;
    case '\\':
        out += "\\\\";
        return;
    case '\b':
        out += "\\b";
        return;
    case '\f':
        out += "\\f";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default:
        break;
    }
    constexpr std::string_view hex = "0123456789abcdef";
    out += "\\u00";
    out += hex[c >> 4];
    out += hex[c & 0xF];
}

} // namespace

JsonWriter::JsonWriter(std::ostream& sink, std::size_t chunk) : m_sink(sink), m_chunk(chunk) {
    // One item past a full chunk fits without growing the buffer, unless it is a long string.
    m_out.reserve(2 * chunk);
}

void JsonWriter::begin_object() {
    begin_value();
    m_out += '{';
    m_has_items.push_back(false);
}

void JsonWriter::end_object() {
    end_container('}');
}

void JsonWriter::begin_array() {
    begin_value();
    m_out += '[';
    m_has_items.push_back(false);
}

void JsonWriter::end_array() {
    end_container(']');
}

JsonWriter& JsonWriter::key(std::string_view name) {
    begin_item();
    write_string(name);
    m_out += ": ";
    m_after_key = true;
    return *this;
}

void JsonWriter::string(std::string_view text) {
    begin_value();
    write_string(text);
}

void JsonWriter::integer(std::int64_t value) {
    begin_value();
    std::array<char, 24> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    m_out.append(buffer.data(), result.ptr);
}

void JsonWriter::number(double value) {
    begin_value();
    if (!std::isfinite(value)) {
        m_out += "null";
        return;
    }
    // Fixed notation: the shortest digits that read back as `value` (std::to_chars), and
    // enough room for the longest, 5e-324 (324 decimals) and the largest double (309 digits).
    std::array<char, 400> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed);
    const std::string_view digits(buffer.data(),
                                  static_cast<std::size_t>(result.ptr - buffer.data()));
    m_out += digits;
    if (digits.find('.') == std::string_view::npos)
        m_out += ".0";
}

void JsonWriter::boolean(bool value) {
    begin_value();
    m_out += value ? "true" : "false";
}

void JsonWriter::null() {
    begin_value();
    m_out += "null";
}

void JsonWriter::finish() {
    hand_over();
}

void JsonWriter::hand_over() {
    m_sink.write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
    m_out.clear();
}

void JsonWriter::begin_value() {
    if (m_after_key)
        m_after_key = false;
    else if (!m_has_items.empty())
        begin_item();
}

void JsonWriter::begin_item() {
    if (m_out.size() >= m_chunk)
        hand_over();
    m_out += m_has_items.back() ? ",\n" : "\n";
    m_has_items.back() = true;
    m_out.append(k_indent * m_has_items.size(), ' ');
}

void JsonWriter::end_container(char close) {
    const bool has_items = m_has_items.back();
    m_has_items.pop_back();
    if (has_items) {
        m_out += '\n';
        m_out.append(k_indent * m_has_items.size(), ' ');
    }
    m_out += close;
}

void JsonWriter::write_string(std::string_view text) {
    const std::size_t start = m_out.size();
    m_out += '"';
    std::size_t copied = 0; // text[copied, i) is still to be copied as is
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = util::utf8_sequence_length(text, i);
            if (length == 0) {
                m_out.resize(start);
                constexpr std::string_view hex = "0123456789ABCDEF";
                throw std::logic_error(std::string("invalid UTF-8 in a JSON string: byte 0x") +
                                       hex[c >> 4] + hex[c & 0xF] + " at offset " +
                                       std::to_string(i));
            }
            i += length;
        } else if (c < 0x20 || c == '"' || c == '\\') {
            m_out.append(text.substr(copied, i - copied));
            append_escaped(m_out, c);
            copied = ++i;
        } else {
            ++i;
        }
    }
    m_out.append(text.substr(copied));
    m_out += '"';
}

} // namespace costgate::report
