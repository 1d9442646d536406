#include "hcl_converter.hpp"

#include "costgate/model/error.hpp"
#include "hcl_tree.hpp"

#include <charconv>

namespace costgate::ingest {

HclBody HclConverter::body(TSNode node, int depth) {
    if (depth > k_max_depth)
        fail(node, "blocks nested too deeply");
    HclBody body;
    for (const TSNode child : named_children_of(node)) {
        if (has_type(child, "attribute"))
            body.attributes.push_back({std::string(text_of(child_of_type(child, "identifier"))),
                                       expression(child_of_type(child, "expression"), 0),
                                       position(child)});
        else if (has_type(child, "block"))
            body.blocks.push_back(block(child, depth + 1));
    }
    return body;
}

HclExpressionPtr HclConverter::expression(TSNode node, int depth) {
    if (depth > k_max_depth)
        fail(node, "expression nested too deeply");
    if (!has_type(node, "expression"))
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

HclBlockNode HclConverter::block(TSNode node, int depth) {
    HclBlockNode block;
    block.position = position(node);
    for (const TSNode child : named_children_of(node)) {
        if (has_type(child, "identifier") && block.type.empty())
            block.type = text_of(child);
        else if (has_type(child, "identifier"))
            block.labels.emplace_back(text_of(child));
        else if (has_type(child, "string_lit"))
            block.labels.push_back(string_literal(child));
        else if (has_type(child, "body"))
            block.body = std::make_unique<HclBody>(body(child, depth + 1));
    }
    if (!block.body)
        block.body = std::make_unique<HclBody>();
    return block;
}

HclExpressionPtr HclConverter::primary(TSNode node, int depth) {
    if (depth > k_max_depth)
        fail(node, "expression nested too deeply");
    using Kind = HclExpression::Kind;
    if (has_type(node, "expression"))
        return expression(node, depth + 1);
    if (has_type(node, "literal_value"))
        return literal(ts_node_named_child(node, 0));
    if (has_type(node, "variable_expr")) {
        auto result = make(Kind::variable, node);
        result->name = text_of(node);
        return result;
    }
    if (has_type(node, "collection_value"))
        return primary(ts_node_named_child(node, 0), depth + 1);
    if (has_type(node, "tuple")) {
        auto result = make(Kind::tuple, node);
        for (const TSNode child : named_children_of(node))
            if (has_type(child, "expression"))
                result->operands.push_back(expression(child, depth + 1));
        return result;
    }
    if (has_type(node, "object"))
        return object(node, depth);
    if (has_type(node, "function_call"))
        return call(node, depth);
    if (has_type(node, "conditional")) {
        auto result = make(Kind::conditional, node);
        for (const TSNode child : named_children_of(node))
            result->operands.push_back(expression(child, depth + 1));
        if (result->operands.size() != 3)
            fail(node, "incomplete conditional expression");
        return result;
    }
    if (has_type(node, "operation"))
        return operation(ts_node_named_child(node, 0), depth);
    if (has_type(node, "for_expr"))
        return for_expression(ts_node_named_child(node, 0), depth);
    if (has_type(node, "template_expr"))
        return template_of(ts_node_named_child(node, 0), depth + 1);
    fail(node, "unexpected " + std::string(ts_node_type(node)));
}

HclExpressionPtr HclConverter::literal(TSNode node) {
    auto result = make(HclExpression::Kind::literal, node);
    if (has_type(node, "numeric_lit")) {
        const std::string_view text = text_of(node);
        double number = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error != std::errc() || end != text.data() + text.size())
            fail(node, "invalid number " + std::string(text));
        result->value = Value::number(number);
    } else if (has_type(node, "bool_lit")) {
        result->value = Value::boolean(text_of(node) == "true");
    } else if (has_type(node, "string_lit")) {
        result->value = Value::string(string_literal(node));
    }
    return result;
}

/// A quoted string without interpolations (block labels, plain string literals).
std::string HclConverter::string_literal(TSNode node) {
    const std::vector<TSNode> children = children_of(node);
    if (children.size() < 2)
        return {};
    const std::uint32_t begin = ts_node_end_byte(children.front());
    const std::uint32_t end = ts_node_start_byte(children.back());
    return unescape(m_text.substr(begin, end - begin), true, node);
}

HclExpressionPtr HclConverter::object(TSNode node, int depth) {
    auto result = make(HclExpression::Kind::object, node);
    for (const TSNode element : named_children_of(node)) {
        if (!has_type(element, "object_elem"))
            continue;
        const TSNode key = ts_node_child_by_field_name(element, "key", 3);
        const TSNode value = ts_node_child_by_field_name(element, "val", 3);
        if (ts_node_is_null(key) || ts_node_is_null(value))
            fail(element, "incomplete object element");
        // A bare name as a key is that name, not a reference (`{ size = 10 }`).
        if (ts_node_named_child_count(key) == 1 &&
            has_type(ts_node_named_child(key, 0), "variable_expr")) {
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

HclExpressionPtr HclConverter::call(TSNode node, int depth) {
    auto result = make(HclExpression::Kind::call, node);
    for (const TSNode child : children_of(node)) {
        if (has_type(child, "identifier") || has_type(child, "::"))
            result->name += text_of(child);
    }
    if (const TSNode arguments = child_of_type(node, "function_arguments");
        !ts_node_is_null(arguments)) {
        for (const TSNode child : named_children_of(arguments)) {
            if (has_type(child, "expression"))
                result->operands.push_back(expression(child, depth + 1));
            else if (has_type(child, "ellipsis"))
                result->expand_last = true;
        }
    }
    return result;
}

HclExpressionPtr HclConverter::operation(TSNode node, int depth) {
    using Kind = HclExpression::Kind;
    auto result = make(has_type(node, "unary_operation") ? Kind::unary : Kind::binary, node);
    // An operand is a primary value followed by its traversals (`var.size * 2` is
    // variable_expr, get_attr, `*`, literal_value), or a parenthesised expression.
    HclExpressionPtr operand;
    const auto finish_operand = [&] {
        if (operand)
            result->operands.push_back(std::move(operand));
    };
    for (const TSNode child : children_of(node)) {
        if (!ts_node_is_named(child)) {
            if (has_type(child, "(") || has_type(child, ")"))
                continue;
            finish_operand();
            result->name = text_of(child);
        } else if (!operand) {
            operand = primary(child, depth + 1);
        } else if (has_type(child, "get_attr") || has_type(child, "index") ||
                   has_type(child, "splat")) {
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

HclExpressionPtr HclConverter::for_expression(TSNode node, int depth) {
    using Kind = HclExpression::Kind;
    const bool object = has_type(node, "for_object_expr");
    auto result = make(object ? Kind::for_object : Kind::for_tuple, node);
    const TSNode intro = child_of_type(node, "for_intro");
    if (ts_node_is_null(intro))
        fail(node, "incomplete for expression");
    loop_intro(*result, intro, depth);
    HclExpressionPtr condition;
    for (const TSNode child : named_children_of(node)) {
        if (has_type(child, "expression"))
            result->operands.push_back(expression(child, depth + 1));
        else if (has_type(child, "for_cond"))
            condition = expression(ts_node_named_child(child, 0), depth + 1);
        else if (has_type(child, "ellipsis"))
            result->expand_last = true;
    }
    if (result->operands.size() != (object ? 3u : 2u))
        fail(node, "incomplete for expression");
    result->operands.push_back(std::move(condition));
    return result;
}

/// Reads `for KEY, VALUE in COLLECTION` (a for expression's or a `%{ for }` directive's):
/// the names into `loop`, the collection as its first operand.
void HclConverter::loop_intro(HclExpression& loop, TSNode intro, int depth) {
    std::vector<std::string> names;
    for (const TSNode child : named_children_of(intro)) {
        if (has_type(child, "identifier"))
            names.emplace_back(text_of(child));
        else if (has_type(child, "expression"))
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

HclExpressionPtr HclConverter::traversal(HclExpressionPtr base, TSNode node, int depth) {
    using Kind = HclExpression::Kind;
    if (has_type(node, "get_attr")) {
        auto result = make(Kind::get_attr, node);
        result->name = text_of(child_of_type(node, "identifier"));
        result->operands.push_back(std::move(base));
        return result;
    }
    if (has_type(node, "index")) {
        auto result = make(Kind::index, node);
        result->operands.push_back(std::move(base));
        const TSNode inner = ts_node_named_child(node, 0);
        if (has_type(inner, "legacy_index")) {
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
    if (has_type(node, "splat")) {
        const TSNode inner = ts_node_named_child(node, 0);
        auto result = make(Kind::splat, node);
        result->operands.push_back(std::move(base));
        // The legacy `.*` applies only attribute steps to each element: an index ends it and,
        // with what follows, applies to the resulting list (`a.*.id[count.index]`).
        const bool attributes_only = has_type(inner, "attr_splat");
        HclExpressionPtr each;
        std::vector<TSNode> past_splat;
        for (const TSNode step : named_children_of(inner)) {
            if (attributes_only && (!past_splat.empty() || !has_type(step, "get_attr"))) {
                past_splat.push_back(step);
                continue;
            }
            if (!each)
                each = make(Kind::splat_item, inner);
            each = traversal(std::move(each), step, depth + 1);
        }
        result->operands.push_back(std::move(each));
        HclExpressionPtr whole = std::move(result);
        for (const TSNode step : past_splat)
            whole = traversal(std::move(whole), step, depth + 1);
        return whole;
    }
    fail(node, "unexpected " + std::string(ts_node_type(node)));
}

HclExpressionPtr HclConverter::make(HclExpression::Kind kind, TSNode node) const {
    auto expression = std::make_unique<HclExpression>();
    expression->kind = kind;
    expression->position = position(node);
    return expression;
}

HclPosition HclConverter::position(TSNode node) const {
    const TSPoint point = ts_node_start_point(node);
    return {m_file, static_cast<int>(point.row) + 1, static_cast<int>(point.column) + 1};
}

std::string_view HclConverter::text_of(TSNode node) const {
    if (ts_node_is_null(node))
        return {};
    const std::uint32_t begin = ts_node_start_byte(node);
    return m_text.substr(begin, ts_node_end_byte(node) - begin);
}

[[noreturn]] void HclConverter::fail(TSNode node, const std::string& what) const {
    const HclPosition where = ts_node_is_null(node) ? HclPosition{m_file, 0, 0} : position(node);
    throw InputError({*m_file, where.line, where.column}, what);
}

} // namespace costgate::ingest
