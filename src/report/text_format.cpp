#include "text_format.hpp"

#include "costgate/util/utf8.hpp"

#include <cstdint>
#include <cstdio>

namespace costgate::report::text {

namespace {

bool starts_char(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}

// The code point of a well-formed UTF-8 sequence of `length` bytes.
char32_t decode(std::string_view sequence) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(sequence[i]); };
    switch (sequence.size()) {
    case 1:
        return byte(0);
    case 2:
        return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    case 3:
        return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    default:
        return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) |
               (byte(3) & 0x3Fu);
    }
}

// Characters that change how the rest of a line reads (C0, DEL, C1, bidirectional
// embeddings, overrides and isolates, marks, line and paragraph separators).
bool is_invisible_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 ||
           c == 0x2029 || c == 0x061C;
}

} // namespace

std::string fingerprint(const Finding& finding, bool with_message) {
    std::uint64_t hash = 14695981039346656037ULL;
    const auto mix = [&](const std::string& text) {
        for (const char c : text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
        hash ^= 0xff;
        hash *= 1099511628211ULL;
    };
    mix(finding.rule);
    mix(finding.resource.value_or(""));
    mix(finding.project);
    if (with_message)
        mix(finding.message);
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

std::string finding_file(const Finding& finding, const Report& report) {
    if (!finding.file.empty())
        return finding.file;
    return report.inputs.empty() ? std::string("costgate") : report.inputs.front();
}

std::string prices_as_of(const Report& report) {
    const PricesUsed used = prices_used(report.estimate);
    if (used.oldest.empty())
        return "prices as of " + report.catalog_as_of;
    return "prices as of " + used.oldest + (used.oldest == used.newest ? "" : " to " + used.newest);
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = util::utf8_sequence_length(text, i);
        char escape[16];
        if (length == 0) {
            std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(text[i]));
            out += escape;
            ++i;
            continue;
        }
        const char32_t c = decode(text.substr(i, length));
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (is_invisible_control(c)) {
            std::snprintf(escape, sizeof escape, c <= 0xFF ? "\\x%02x" : "\\u%04x",
                          static_cast<unsigned>(c));
            out += escape;
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::string without_workflow_commands(std::string output) {
    std::string out;
    out.reserve(output.size());
    for (std::size_t start = 0; start < output.size();) {
        std::size_t end = output.find('\n', start);
        end = end == std::string::npos ? output.size() : end + 1;
        const std::size_t text = output.find_first_not_of(" \t", start);
        if (text != std::string::npos && text < end && output.compare(text, 2, "::") == 0) {
            out.append(output, start, text - start);
            out += '\\';
            out.append(output, text, end - text);
        } else {
            out.append(output, start, end - start);
        }
        start = end;
    }
    return out;
}

std::size_t columns(std::string_view text) {
    std::size_t count = 0;
    for (const char byte : text)
        count += starts_char(byte);
    return count;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    if (width == 0)
        width = 1;
    std::size_t start = 0;
    while (true) {
        // One pass from `start`: the byte after `width` code points, and the last space
        // before it.
        std::size_t cut = start;
        std::size_t space = std::string_view::npos;
        std::size_t seen = 0;
        for (; cut < text.size(); ++cut) {
            if (starts_char(text[cut]) && seen++ == width)
                break;
            if (text[cut] == ' ')
                space = cut;
        }
        if (cut >= text.size()) {
            lines.emplace_back(text.substr(start));
            return lines;
        }
        if (text[cut] == ' ')
            space = cut;
        const bool at_space = space != std::string_view::npos && space > start;
        const std::size_t end = at_space ? space : cut;
        lines.emplace_back(text.substr(start, end - start));
        start = at_space ? space + 1 : cut;
    }
}

} // namespace costgate::report::text
