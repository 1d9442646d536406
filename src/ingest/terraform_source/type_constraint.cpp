#include "type_constraint.hpp"

#include "costgate/model/error.hpp"
#include "function_library.hpp"

#include <algorithm>

namespace costgate::ingest {

namespace {

using Kind = TypeConstraint::Kind;

[[noreturn]] void not_a_type(const HclExpression& expression) {
    const HclPosition& where = expression.position;
    throw InputError({where.file ? *where.file : std::string(), where.line, where.column},
                     "invalid type constraint");
}

const std::map<std::string, Kind, std::less<>> k_primitives = {{"any", Kind::any},
                                                               {"string", Kind::string},
                                                               {"number", Kind::number},
                                                               {"bool", Kind::boolean}};
const std::map<std::string, Kind, std::less<>> k_collections = {
    {"list", Kind::list}, {"set", Kind::set}, {"map", Kind::map}};

TypeConstraint object_type(const HclExpression& argument, Evaluator& evaluator) {
    if (argument.kind != HclExpression::Kind::object)
        not_a_type(argument);
    TypeConstraint type{Kind::object, {}, {}};
    for (std::size_t i = 0; i + 1 < argument.operands.size(); i += 2) {
        const HclExpression& key = *argument.operands[i];
        const HclExpression& value = *argument.operands[i + 1];
        if (key.kind != HclExpression::Kind::literal || !key.value.is_string())
            not_a_type(key);
        TypeConstraint::Attribute attribute;
        if (value.kind == HclExpression::Kind::call && value.name == "optional") {
            if (value.operands.empty() || value.operands.size() > 2)
                not_a_type(value);
            attribute.optional = true;
            attribute.type = parse_type_constraint(*value.operands[0], evaluator);
            if (value.operands.size() == 2)
                attribute.fallback =
                    convert_to_type(evaluator.evaluate(*value.operands[1]), attribute.type);
        } else {
            attribute.type = parse_type_constraint(value, evaluator);
        }
        type.attributes.emplace(key.value.as_string(), std::move(attribute));
    }
    return type;
}

Value convert_list(const Value& value, const TypeConstraint& type) {
    if (!value.is_list())
        throw FunctionError("a " + std::string(value.type_name()) + " is not a list");
    Value::List elements;
    for (const Value& element : value.as_list())
        elements.push_back(convert_to_type(element, type.elements.front()));
    if (type.kind == Kind::set)
        return functions::toset({Value::list(std::move(elements))});
    return Value::list(std::move(elements));
}

Value convert_object(const Value& value, const TypeConstraint& type) {
    if (!value.is_map())
        throw FunctionError("a " + std::string(value.type_name()) + " is not an object");
    Value::Map members;
    for (const auto& [name, attribute] : type.attributes) {
        const auto found = value.as_map().find(name);
        if (found != value.as_map().end() && !(found->second.is_null() && attribute.optional))
            members.emplace(name, convert_to_type(found->second, attribute.type));
        else if (attribute.optional)
            members.emplace(name, attribute.fallback.value_or(Value()));
        else
            throw FunctionError("attribute \"" + name + "\" is required");
    }
    return Value::map(std::move(members));
}

} // namespace

TypeConstraint parse_type_constraint(const HclExpression& expression, Evaluator& evaluator) {
    using ExpressionKind = HclExpression::Kind;
    if (expression.kind == ExpressionKind::variable) {
        const auto primitive = k_primitives.find(expression.name);
        if (primitive == k_primitives.end())
            not_a_type(expression);
        return {primitive->second, {}, {}};
    }
    if (expression.kind != ExpressionKind::call || expression.operands.size() != 1)
        not_a_type(expression);
    const HclExpression& argument = *expression.operands[0];
    if (const auto collection = k_collections.find(expression.name);
        collection != k_collections.end())
        return {collection->second, {parse_type_constraint(argument, evaluator)}, {}};
    if (expression.name == "object")
        return object_type(argument, evaluator);
    if (expression.name == "tuple" && argument.kind == ExpressionKind::tuple) {
        TypeConstraint type{Kind::tuple, {}, {}};
        for (const HclExpressionPtr& element : argument.operands)
            type.elements.push_back(parse_type_constraint(*element, evaluator));
        return type;
    }
    not_a_type(expression);
}

Value convert_to_type(const Value& value, const TypeConstraint& type) {
    if (value.is_unknown() || value.is_null() || type.kind == Kind::any)
        return value;
    switch (type.kind) {
    case Kind::string:
        return Value::string(functions::string_of(value));
    case Kind::number:
        return Value::number(functions::number_of(value));
    case Kind::boolean:
        return Value::boolean(functions::bool_of(value));
    case Kind::list:
    case Kind::set:
        return convert_list(value, type);
    case Kind::map: {
        Value::Map members;
        for (const auto& [name, member] : functions::map_of(value))
            members.emplace(name, convert_to_type(member, type.elements.front()));
        return Value::map(std::move(members));
    }
    case Kind::tuple: {
        const Value::List& list = functions::list_of(value);
        if (list.size() != type.elements.size())
            throw FunctionError("a tuple of " + std::to_string(type.elements.size()) +
                                " elements is required");
        Value::List elements;
        for (std::size_t i = 0; i < list.size(); ++i)
            elements.push_back(convert_to_type(list[i], type.elements[i]));
        return Value::list(std::move(elements));
    }
    case Kind::object:
        return convert_object(value, type);
    case Kind::any:
        break;
    }
    return value;
}

} // namespace costgate::ingest
