#include "hcl_parse.hpp"

#include "costgate/model/error.hpp"
#include "hcl_converter.hpp"
#include "hcl_tree.hpp"

#include <algorithm>
#include <cstdint>

namespace costgate::ingest {

namespace {

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
    return has_type(attribute, "attribute") ? child_of_type(attribute, "expression") : TSNode{};
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
    return HclConverter(input.text, std::make_shared<const std::string>(input.name)).body(body);
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
    HclExpressionPtr result = HclConverter(source, position.file).expression(expression, 0);
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
    return HclConverter(source, file).expression(expression, 0);
}

} // namespace costgate::ingest
