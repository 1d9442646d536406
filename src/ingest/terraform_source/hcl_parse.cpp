#include "hcl_parse.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/utf8.hpp"
#include "hcl_tree.hpp"

#include <charconv>
#include <cstring>

namespace costgate::ingest {

namespace {

/// Expressions nest no deeper than this: far beyond real configuration, shallow enough
/// that the recursive conversion and evaluation cannot overflow the stack.
constexpr int k_max_depth = 200;

bool is(TSNode node, const char* type) {
    return std::strcmp(ts_node_type(node), type) == 0;
}

/// The first child of `node` of `type`, or a null node.
TSNode child_of_type(TSNode node, const char* type) {
    for (const TSNode child : named_children_of(node))
        if (is(child, type))
            return child;
    return TSNode{};
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Converts tree-sitter's concrete syntax tree of one text into the syntax model.
class Converter {
  public:
    Converter(std::string_view text, std::shared_ptr<const std::string> file)
        : m_text(text), m_file(std::move(file)) {}

    HclBody body(TSNode node, int depth = 0) {
        if (depth > k_max_depth)
            fail(node, "blocks nested too deeply");
        HclBody body;
        for (const TSNode child : named_children_of(node)) {
            if (is(child, "attribute"))
                body.attributes.push_back({std::string(text_of(child_of_type(child, "identifier"))),
                                           expression(child_of_type(child, "expression"), 0),
                                           position(child)});
            else if (is(child, "block"))
                body.blocks.push_back(block(child, depth + 1));
        }
        return body;
    }

    HclExpressionPtr expression(TSNode node, int depth) {
        if (depth > k_max_depth)
            fail(node, "expression nested too deeply");
        if (!is(node, "expression"))
            return primary(node, depth);
        // An expression is a primary value (possibly a parenthesised expression) followed by
        // traversals: `.name`, `[index]`, `.0`, `[*]...` and `.*...`.
        HclExpressionPtr result;
        for (const TSNode child : named_children_of(node)) {
            if (!result)
                result = primary(child, depth + 1);
            else
                result = traversal(std::move(result), child, depth + 1);
        }
        if (!result)
            fail(node, "expected an expression");
        return result;
    }

    HclExpressionPtr template_of(TSNode node, int depth) {
        auto result = make(HclExpression::Kind::template_, node);
        const std::vector<TSNode> children = children_of(node);
        const std::size_t count = children.size();
        if (is(node, "quoted_template")) {
            if (count < 2)
                fail(node, "unterminated string");
            add_parts(children, 1, count - 1, ts_node_end_byte(children[0]),
                      ts_node_start_byte(children[count - 1]), true, *result, depth);
            return result;
        }
        // A heredoc: the lines between the opening marker's line and the closing marker's.
        std::size_t first = 0;
        while (first < count && !is(children[first], "heredoc_identifier"))
            ++first;
        std::size_t last = count;
        while (last > first + 1 && !is(children[last - 1], "heredoc_identifier"))
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

  private:
    HclBlockNode block(TSNode node, int depth) {
        HclBlockNode block;
        block.position = position(node);
        for (const TSNode child : named_children_of(node)) {
            if (is(child, "identifier") && block.type.empty())
                block.type = text_of(child);
            else if (is(child, "identifier"))
                block.labels.emplace_back(text_of(child));
            else if (is(child, "string_lit"))
                block.labels.push_back(string_literal(child));
            else if (is(child, "body"))
                block.body = std::make_unique<HclBody>(body(child, depth + 1));
        }
        if (!block.body)
            block.body = std::make_unique<HclBody>();
        return block;
    }

    HclExpressionPtr primary(TSNode node, int depth) {
        if (depth > k_max_depth)
            fail(node, "expression nested too deeply");
        using Kind = HclExpression::Kind;
        if (is(node, "expression"))
            return expression(node, depth + 1);
        if (is(node, "literal_value"))
            return literal(ts_node_named_child(node, 0));
        if (is(node, "variable_expr")) {
            auto result = make(Kind::variable, node);
            result->name = text_of(node);
            return result;
        }
        if (is(node, "collection_value"))
            return primary(ts_node_named_child(node, 0), depth + 1);
        if (is(node, "tuple")) {
            auto result = make(Kind::tuple, node);
            for (const TSNode child : named_children_of(node))
                if (is(child, "expression"))
                    result->operands.push_back(expression(child, depth + 1));
            return result;
        }
        if (is(node, "object"))
            return object(node, depth);
        if (is(node, "function_call"))
            return call(node, depth);
        if (is(node, "conditional")) {
            auto result = make(Kind::conditional, node);
            for (const TSNode child : named_children_of(node))
                result->operands.push_back(expression(child, depth + 1));
            if (result->operands.size() != 3)
                fail(node, "incomplete conditional expression");
            return result;
        }
        if (is(node, "operation"))
            return operation(ts_node_named_child(node, 0), depth);
        if (is(node, "for_expr"))
            return for_expression(ts_node_named_child(node, 0), depth);
        if (is(node, "template_expr"))
            return template_of(ts_node_named_child(node, 0), depth + 1);
        fail(node, "unexpected " + std::string(ts_node_type(node)));
    }

    HclExpressionPtr literal(TSNode node) {
        auto result = make(HclExpression::Kind::literal, node);
        if (is(node, "numeric_lit")) {
            const std::string_view text = text_of(node);
            double number = 0;
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), number);
            if (error != std::errc() || end != text.data() + text.size())
                fail(node, "invalid number " + std::string(text));
            result->value = Value::number(number);
        } else if (is(node, "bool_lit")) {
            result->value = Value::boolean(text_of(node) == "true");
        } else if (is(node, "string_lit")) {
            result->value = Value::string(string_literal(node));
        }
        return result;
    }

    /// A quoted string without interpolations (block labels, plain string literals).
    std::string string_literal(TSNode node) {
        const std::vector<TSNode> children = children_of(node);
        if (children.size() < 2)
            return {};
        const std::uint32_t begin = ts_node_end_byte(children.front());
        const std::uint32_t end = ts_node_start_byte(children.back());
        return unescape(m_text.substr(begin, end - begin), true, node);
    }

    HclExpressionPtr object(TSNode node, int depth) {
        auto result = make(HclExpression::Kind::object, node);
        for (const TSNode element : named_children_of(node)) {
            if (!is(element, "object_elem"))
                continue;
            const TSNode key = ts_node_child_by_field_name(element, "key", 3);
            const TSNode value = ts_node_child_by_field_name(element, "val", 3);
            if (ts_node_is_null(key) || ts_node_is_null(value))
                fail(element, "incomplete object element");
            // A bare name as a key is that name, not a reference (`{ size = 10 }`).
            if (ts_node_named_child_count(key) == 1 &&
                is(ts_node_named_child(key, 0), "variable_expr")) {
                auto name = make(HclExpression::Kind::literal, key);
                name->value = Value::string(std::string(text_of(key)));
                result->operands.push_back(std::move(name));
            } else {
                result->operands.push_back(expression(key, depth + 1));
            }
            result->operands.push_back(expression(value, depth + 1));
        }
        return result;
    }

    HclExpressionPtr call(TSNode node, int depth) {
        auto result = make(HclExpression::Kind::call, node);
        for (const TSNode child : children_of(node)) {
            if (is(child, "identifier") || is(child, "::"))
                result->name += text_of(child);
        }
        if (const TSNode arguments = child_of_type(node, "function_arguments");
            !ts_node_is_null(arguments)) {
            for (const TSNode child : named_children_of(arguments)) {
                if (is(child, "expression"))
                    result->operands.push_back(expression(child, depth + 1));
                else if (is(child, "ellipsis"))
                    result->expand_last = true;
            }
        }
        return result;
    }

    HclExpressionPtr operation(TSNode node, int depth) {
        using Kind = HclExpression::Kind;
        auto result = make(is(node, "unary_operation") ? Kind::unary : Kind::binary, node);
        // An operand is a primary value followed by its traversals (`var.size * 2` is
        // variable_expr, get_attr, `*`, literal_value), or a parenthesised expression.
        HclExpressionPtr operand;
        const auto finish_operand = [&] {
            if (operand)
                result->operands.push_back(std::move(operand));
        };
        for (const TSNode child : children_of(node)) {
            if (!ts_node_is_named(child)) {
                if (is(child, "(") || is(child, ")"))
                    continue;
                finish_operand();
                result->name = text_of(child);
            } else if (!operand) {
                operand = primary(child, depth + 1);
            } else if (is(child, "get_attr") || is(child, "index") || is(child, "splat")) {
                operand = traversal(std::move(operand), child, depth + 1);
            } else {
                finish_operand();
                operand = primary(child, depth + 1);
            }
        }
        finish_operand();
        const std::size_t wanted = result->kind == Kind::unary ? 1 : 2;
        if (result->operands.size() != wanted || result->name.empty())
            fail(node, "incomplete operation");
        return result;
    }

    HclExpressionPtr for_expression(TSNode node, int depth) {
        using Kind = HclExpression::Kind;
        const bool object = is(node, "for_object_expr");
        auto result = make(object ? Kind::for_object : Kind::for_tuple, node);
        const TSNode intro = child_of_type(node, "for_intro");
        if (ts_node_is_null(intro))
            fail(node, "incomplete for expression");
        loop_intro(*result, intro, depth);
        HclExpressionPtr condition;
        for (const TSNode child : named_children_of(node)) {
            if (is(child, "expression"))
                result->operands.push_back(expression(child, depth + 1));
            else if (is(child, "for_cond"))
                condition = expression(ts_node_named_child(child, 0), depth + 1);
            else if (is(child, "ellipsis"))
                result->expand_last = true;
        }
        if (result->operands.size() != (object ? 3u : 2u))
            fail(node, "incomplete for expression");
        result->operands.push_back(std::move(condition));
        return result;
    }

    /// Reads `for KEY, VALUE in COLLECTION` (a for expression's or a `%{ for }` directive's):
    /// the names into `loop`, the collection as its first operand.
    void loop_intro(HclExpression& loop, TSNode intro, int depth) {
        std::vector<std::string> names;
        for (const TSNode child : named_children_of(intro)) {
            if (is(child, "identifier"))
                names.emplace_back(text_of(child));
            else if (is(child, "expression"))
                loop.operands.push_back(expression(child, depth + 1));
        }
        if (names.size() == 1) {
            loop.second_name = names[0];
        } else if (names.size() == 2) {
            loop.name = names[0];
            loop.second_name = names[1];
        } else {
            fail(intro, "a for expression takes one or two variable names");
        }
    }

    HclExpressionPtr traversal(HclExpressionPtr base, TSNode node, int depth) {
        using Kind = HclExpression::Kind;
        if (is(node, "get_attr")) {
            auto result = make(Kind::get_attr, node);
            result->name = text_of(child_of_type(node, "identifier"));
            result->operands.push_back(std::move(base));
            return result;
        }
        if (is(node, "index")) {
            auto result = make(Kind::index, node);
            result->operands.push_back(std::move(base));
            const TSNode inner = ts_node_named_child(node, 0);
            if (is(inner, "legacy_index")) {
                // `.0`: the digits after the dot.
                auto key = make(Kind::literal, inner);
                const std::string_view text = text_of(inner).substr(1);
                double number = 0;
                std::from_chars(text.data(), text.data() + text.size(), number);
                key->value = Value::number(number);
                result->operands.push_back(std::move(key));
            } else {
                result->operands.push_back(expression(ts_node_named_child(inner, 0), depth + 1));
            }
            return result;
        }
        if (is(node, "splat")) {
            const TSNode inner = ts_node_named_child(node, 0);
            auto result = make(Kind::splat, node);
            result->operands.push_back(std::move(base));
            HclExpressionPtr each;
            for (const TSNode step : named_children_of(inner)) {
                if (!each)
                    each = make(Kind::splat_item, inner);
                each = traversal(std::move(each), step, depth + 1);
            }
            result->operands.push_back(std::move(each));
            return result;
        }
        fail(node, "unexpected " + std::string(ts_node_type(node)));
    }

    /// Adds the parts of a template found between byte `begin` and `end`, where the
    /// structural nodes are children[from, to): interpolations, directives, and the raw
    /// text between them as literal parts.
    void add_parts(const std::vector<TSNode>& children, std::size_t from, std::size_t to,
                   std::uint32_t begin, std::uint32_t end, bool quoted, HclExpression& into,
                   int depth) {
        std::uint32_t at = begin;
        for (std::size_t i = from; i < to; ++i) {
            const TSNode child = children[i];
            const bool interpolation = is(child, "template_interpolation");
            if (!interpolation && !is(child, "template_directive"))
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

    void directive(TSNode node, bool quoted, HclExpression& into, int depth) {
        using Kind = HclExpression::Kind;
        if (depth > k_max_depth)
            fail(node, "template nested too deeply");
        const bool is_if = is(node, "template_if");
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
            if (is(children[i], "template_else_intro"))
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
    static std::pair<bool, bool> strip_markers(TSNode node) {
        bool before = false;
        bool after = false;
        bool seen_other = false;
        for (const TSNode child : children_of(node)) {
            if (is(child, "strip_marker"))
                (seen_other ? after : before) = true;
            else if (!is(child, "template_interpolation_start") &&
                     !is(child, "template_directive_start"))
                seen_other = true;
        }
        return {before, after};
    }

    static void strip_last_literal(HclExpression& into, bool strip) {
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

    void add_literal(HclExpression& into, std::uint32_t begin, std::uint32_t end, bool quoted,
                     TSNode where) {
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
    std::size_t common_indent(std::size_t begin, std::size_t end) const {
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
    std::string remove_indent(const std::string& text, std::uint32_t begin) const {
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
    std::string unescape(std::string_view raw, bool quoted, TSNode where) const {
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

    HclExpressionPtr make(HclExpression::Kind kind, TSNode node) const {
        auto expression = std::make_unique<HclExpression>();
        expression->kind = kind;
        expression->position = position(node);
        return expression;
    }

    HclPosition position(TSNode node) const {
        const TSPoint point = ts_node_start_point(node);
        return {m_file, static_cast<int>(point.row) + 1, static_cast<int>(point.column) + 1};
    }

    std::string_view text_of(TSNode node) const {
        if (ts_node_is_null(node))
            return {};
        const std::uint32_t begin = ts_node_start_byte(node);
        return m_text.substr(begin, ts_node_end_byte(node) - begin);
    }

    [[noreturn]] void fail(TSNode node, const std::string& what) const {
        const HclPosition where =
            ts_node_is_null(node) ? HclPosition{m_file, 0, 0} : position(node);
        throw InputError({*m_file, where.line, where.column}, what);
    }

    std::string_view m_text;
    std::shared_ptr<const std::string> m_file;
    std::size_t m_heredoc_indent = 0;
    bool m_strip_next = false;
};

/// The first node in document order that is an error or a missing token, or a null node.
TSNode first_error(TSNode node) {
    while (!ts_node_is_error(node) && !ts_node_is_missing(node)) {
        TSNode next{};
        for (const TSNode child : children_of(node))
            if (ts_node_has_error(child)) {
                next = child;
                break;
            }
        if (ts_node_is_null(next))
            return node;
        node = next;
    }
    return node;
}

[[noreturn]] void syntax_error(const std::string& file, std::string_view text, TSNode node) {
    const TSPoint point = ts_node_start_point(node);
    const SourceLocation where{file, static_cast<int>(point.row) + 1,
                               static_cast<int>(point.column) + 1};
    if (ts_node_is_missing(node))
        throw InputError(where, std::string("invalid HCL: missing \"") + ts_node_type(node) + "\"");
    const std::uint32_t begin = ts_node_start_byte(node);
    std::string_view near =
        text.substr(begin, std::min<std::size_t>(ts_node_end_byte(node) - begin, 40));
    near = near.substr(0, near.find('\n'));
    throw InputError(where, "invalid HCL: unexpected \"" + std::string(near) + "\"");
}

/// Parses `text`, throwing InputError at its first syntax error.
std::unique_ptr<HclTree> parse_text(const std::string& file, std::string_view text) {
    auto tree = std::make_unique<HclTree>(text);
    if (ts_node_has_error(tree->root()))
        syntax_error(file, text, first_error(tree->root()));
    return tree;
}

/// The expression of the one attribute `x = ...` that `text` holds.
TSNode single_attribute_expression(TSNode root) {
    const TSNode body = child_of_type(root, "body");
    if (ts_node_is_null(body) || ts_node_named_child_count(body) != 1)
        return TSNode{};
    const TSNode attribute = ts_node_named_child(body, 0);
    return is(attribute, "attribute") ? child_of_type(attribute, "expression") : TSNode{};
}

void reposition(HclExpression& expression, const HclPosition& position) {
    expression.position = position;
    for (const HclExpressionPtr& operand : expression.operands)
        if (operand)
            reposition(*operand, position);
}

} // namespace

HclBody parse_hcl(const util::InputText& input) {
    if (input.text.size() > UINT32_MAX / 2)
        throw InputError({input.name}, "file too large for the HCL parser");
    const std::unique_ptr<HclTree> parsed = parse_text(input.name, input.text);
    const TSNode root = parsed->root();
    const TSNode body = child_of_type(root, "body");
    if (ts_node_is_null(body)) {
        if (ts_node_named_child_count(root) > 0)
            throw InputError({input.name, 1, 1}, "invalid HCL: expected attributes and blocks");
        return {};
    }
    return Converter(input.text, std::make_shared<const std::string>(input.name)).body(body);
}

HclExpressionPtr parse_hcl_template(std::string_view text, const HclPosition& position) {
    std::string source = "x = \"";
    for (const char c : text) {
        // Re-escaped so the string reads back as written; `${` and `%{` stay templates.
        if (c == '"' || c == '\\')
            source += '\\';
        if (c == '\n')
            source += "\\n";
        else if (c == '\r')
            source += "\\r";
        else
            source += c;
    }
    source += "\"\n";
    const std::string file = position.file ? *position.file : std::string();
    std::unique_ptr<HclTree> parsed;
    try {
        parsed = parse_text(file, source);
    } catch (const InputError& error) {
        throw InputError({file, position.line, position.column},
                         "invalid template in a string: " +
                             std::string(error.what()).substr(file.size() + 1));
    }
    const TSNode expression = single_attribute_expression(parsed->root());
    if (ts_node_is_null(expression))
        throw InputError({file, position.line, position.column}, "invalid template in a string");
    HclExpressionPtr result = Converter(source, position.file).expression(expression, 0);
    reposition(*result, position);
    return result;
}

HclExpressionPtr parse_hcl_expression(const std::string& name, std::string_view text) {
    const std::string source = "x = " + std::string(text) + "\n";
    std::unique_ptr<HclTree> parsed;
    try {
        parsed = parse_text(name, source);
    } catch (const InputError& error) {
        throw InputError({name},
                         "invalid value: " + std::string(error.what()).substr(name.size() + 1));
    }
    const TSNode expression = single_attribute_expression(parsed->root());
    if (ts_node_is_null(expression))
        throw InputError({name}, "invalid value: expected one expression");
    auto file = std::make_shared<const std::string>(name);
    return Converter(source, file).expression(expression, 0);
}

} // namespace costgate::ingest
