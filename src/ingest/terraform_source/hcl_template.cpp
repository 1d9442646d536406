#include "costgate/util/utf8.hpp"
#include "hcl_converter.hpp"
#include "hcl_tree.hpp"

#include <algorithm>
#include <charconv>

namespace costgate::ingest {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

HclExpressionPtr HclConverter::template_of(TSNode node, int depth) {
    auto result = make(HclExpression::Kind::template_, node);
    const std::vector<TSNode> children = children_of(node);
    const std::size_t count = children.size();
    if (has_type(node, "quoted_template")) {
        if (count < 2)
            fail(node, "unterminated string");
        add_parts(children, 1, count - 1, ts_node_end_byte(children[0]),
                  ts_node_start_byte(children[count - 1]), true, *result, depth);
        return result;
    }
    // A heredoc: the lines between the opening marker's line and the closing marker's.
    std::size_t first = 0;
    while (first < count && !has_type(children[first], "heredoc_identifier"))
        ++first;
    std::size_t last = count;
    while (last > first + 1 && !has_type(children[last - 1], "heredoc_identifier"))
        --last;
    if (first >= count || last <= first + 1)
        fail(node, "unterminated heredoc");
    const TSNode closing = children[last - 1];
    std::size_t begin = m_text.find('\n', ts_node_end_byte(children[first]));
    begin = begin == std::string_view::npos ? m_text.size() : begin + 1;
    std::size_t end = m_text.rfind('\n', ts_node_start_byte(closing));
    end = end == std::string_view::npos || end < begin ? begin : end + 1;
    m_heredoc_indent = 0;
    if (text_of(children[0]) == "<<-")
        m_heredoc_indent = common_indent(begin, end);
    add_parts(children, first + 1, last - 1, static_cast<std::uint32_t>(begin),
              static_cast<std::uint32_t>(end), false, *result, depth);
    m_heredoc_indent = 0;
    return result;
}

/// Adds the parts of a template found between byte `begin` and `end`, where the
/// structural nodes are children[from, to): interpolations, directives, and the raw
/// text between them as literal parts.
void HclConverter::add_parts(const std::vector<TSNode>& children, std::size_t from, std::size_t to,
                             std::uint32_t begin, std::uint32_t end, bool quoted,
                             HclExpression& into, int depth) {
    std::uint32_t at = begin;
    for (std::size_t i = from; i < to; ++i) {
        const TSNode child = children[i];
        const bool interpolation = has_type(child, "template_interpolation");
        if (!interpolation && !has_type(child, "template_directive"))
            continue;
        add_literal(into, at, ts_node_start_byte(child), quoted, child);
        at = ts_node_end_byte(child);
        if (interpolation) {
            const auto [before, after] = strip_markers(child);
            strip_last_literal(into, before);
            into.operands.push_back(expression(child_of_type(child, "expression"), depth + 1));
            m_strip_next = after;
        } else {
            directive(ts_node_named_child(child, 0), quoted, into, depth + 1);
        }
    }
    add_literal(into, at, end, quoted, children.empty() ? TSNode{} : children.front());
}

void HclConverter::directive(TSNode node, bool quoted, HclExpression& into, int depth) {
    using Kind = HclExpression::Kind;
    if (depth > k_max_depth)
        fail(node, "template nested too deeply");
    const bool is_if = has_type(node, "template_if");
    auto result = make(is_if ? Kind::template_if : Kind::template_for, node);
    const std::vector<TSNode> children = children_of(node);
    const std::size_t count = children.size();
    if (count < 2)
        fail(node, "incomplete template directive");
    const TSNode intro = children[0];
    const TSNode closing = children[count - 1];
    strip_last_literal(into, strip_markers(intro).first);
    m_strip_next = strip_markers(intro).second;
    if (is_if) {
        result->operands.push_back(expression(child_of_type(intro, "expression"), depth + 1));
    } else {
        loop_intro(*result, intro, depth);
    }
    std::size_t split = count - 1;
    for (std::size_t i = 1; i + 1 < count; ++i)
        if (has_type(children[i], "template_else_intro"))
            split = i;
    auto first = make(Kind::template_, node);
    add_parts(children, 1, split, ts_node_end_byte(intro), ts_node_start_byte(children[split]),
              quoted, *first, depth + 1);
    HclExpressionPtr second;
    if (split != count - 1) {
        const TSNode else_intro = children[split];
        strip_last_literal(*first, strip_markers(else_intro).first);
        m_strip_next = strip_markers(else_intro).second;
        second = make(Kind::template_, node);
        add_parts(children, split + 1, count - 1, ts_node_end_byte(else_intro),
                  ts_node_start_byte(closing), quoted, *second, depth + 1);
    }
    strip_last_literal(second ? *second : *first, strip_markers(closing).first);
    m_strip_next = strip_markers(closing).second;
    result->operands.push_back(std::move(first));
    if (is_if)
        result->operands.push_back(std::move(second));
    into.operands.push_back(std::move(result));
}

/// Whether a `~` strips the whitespace before and after an interpolation or directive
/// marker node (`${~ x ~}`, `%{~ if c ~}`).
std::pair<bool, bool> HclConverter::strip_markers(TSNode node) {
    bool before = false;
    bool after = false;
    bool seen_other = false;
    for (const TSNode child : children_of(node)) {
        if (has_type(child, "strip_marker"))
            (seen_other ? after : before) = true;
        else if (!has_type(child, "template_interpolation_start") &&
                 !has_type(child, "template_directive_start"))
            seen_other = true;
    }
    return {before, after};
}

void HclConverter::strip_last_literal(HclExpression& into, bool strip) {
    if (!strip || into.operands.empty())
        return;
    HclExpression& last = *into.operands.back();
    if (last.kind != HclExpression::Kind::literal)
        return;
    std::string text = last.value.as_string();
    while (!text.empty() && is_space(text.back()))
        text.pop_back();
    last.value = Value::string(std::move(text));
}

void HclConverter::add_literal(HclExpression& into, std::uint32_t begin, std::uint32_t end,
                               bool quoted, TSNode where) {
    std::string text =
        begin < end ? unescape(m_text.substr(begin, end - begin), quoted, where) : "";
    if (m_strip_next) {
        std::size_t first = 0;
        while (first < text.size() && is_space(text[first]))
            ++first;
        text.erase(0, first);
        m_strip_next = false;
    }
    if (m_heredoc_indent > 0)
        text = remove_indent(text, begin);
    if (text.empty())
        return;
    auto literal = make(HclExpression::Kind::literal, where);
    literal->value = Value::string(std::move(text));
    into.operands.push_back(std::move(literal));
}

/// The smallest indentation of the non-blank lines in [begin, end) (for `<<-`).
std::size_t HclConverter::common_indent(std::size_t begin, std::size_t end) const {
    std::size_t smallest = std::string_view::npos;
    for (std::size_t line = begin; line < end;) {
        std::size_t stop = m_text.find('\n', line);
        stop = stop == std::string_view::npos || stop > end ? end : stop;
        std::size_t indent = 0;
        while (line + indent < stop &&
               (m_text[line + indent] == ' ' || m_text[line + indent] == '\t'))
            ++indent;
        if (line + indent < stop)
            smallest = std::min(smallest, indent);
        line = stop + 1;
    }
    return smallest == std::string_view::npos ? 0 : smallest;
}

/// Removes the heredoc's common indentation from the lines that start inside a literal
/// part beginning at byte `begin` of the text.
std::string HclConverter::remove_indent(const std::string& text, std::uint32_t begin) const {
    std::string out;
    const bool starts_line = begin == 0 || m_text[begin - 1] == '\n';
    std::size_t skip = starts_line ? m_heredoc_indent : 0;
    for (const char c : text) {
        if (skip > 0 && (c == ' ' || c == '\t')) {
            --skip;
            continue;
        }
        skip = 0;
        out += c;
        if (c == '\n')
            skip = m_heredoc_indent;
    }
    return out;
}

/// A template's literal text: `$${` and `%%{` give `${` and `%{`; quoted strings also
/// resolve backslash escapes.
std::string HclConverter::unescape(std::string_view raw, bool quoted, TSNode where) const {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if ((c == '$' || c == '%') && raw.substr(i + 1, 2) == std::string{c, '{'}) {
            out += c;
            out += '{';
            i += 2;
            continue;
        }
        if (c != '\\' || !quoted || i + 1 >= raw.size()) {
            out += c;
            continue;
        }
        const char next = raw[++i];
        switch (next) {
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case '"':
        case '\\':
            out += next;
            break;
        case 'u':
        case 'U': {
            const std::size_t digits = next == 'u' ? 4 : 8;
            std::uint32_t code = 0;
            const std::string_view hex = raw.substr(i + 1, digits);
            const auto [end, error] =
                std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
            if (hex.size() != digits || error != std::errc() || end != hex.data() + hex.size())
                fail(where, "invalid \\" + std::string(1, next) + " escape in a string");
            util::append_utf8(out, static_cast<char32_t>(code));
            i += digits;
            break;
        }
        default:
            fail(where, "invalid escape \\" + std::string(1, next) + " in a string");
        }
    }
    return out;
}

} // namespace costgate::ingest
