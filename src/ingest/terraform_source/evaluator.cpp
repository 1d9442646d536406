#include "evaluator.hpp"

#include "costgate/model/error.hpp"
#include "function_library.hpp"

#include <cmath>

namespace costgate::ingest {

namespace {

using Kind = HclExpression::Kind;

/// Evaluation recursion (nested expressions, and references through locals and outputs)
/// deeper than this is reported instead of risking the stack.
constexpr int k_max_depth = 1000;

struct DepthGuard {
    explicit DepthGuard(int& depth) : m_depth(++depth) {}
    ~DepthGuard() { --m_depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    int& m_depth;
};

/// The key of a for expression's element: a list index or a map key.
Value key_value(std::size_t index) {
    return Value::number(static_cast<double>(index));
}

bool is_true(const Value& condition) {
    return functions::bool_of(condition);
}

} // namespace

void Evaluator::fail(const HclExpression& expression, const std::string& what) {
    const HclPosition& where = expression.position;
    throw InputError({where.file ? *where.file : std::string(), where.line, where.column}, what);
}

Value Evaluator::evaluate(const HclExpression& expression) {
    const DepthGuard guard(m_depth);
    if (m_depth > k_max_depth)
        fail(expression, "expression too deeply nested, or references that loop");
    try {
        switch (expression.kind) {
        case Kind::literal:
            return expression.value;
        case Kind::tuple: {
            Value::List elements;
            for (const HclExpressionPtr& operand : expression.operands)
                elements.push_back(evaluate(*operand));
            return Value::list(std::move(elements));
        }
        case Kind::object:
            return object(expression);
        case Kind::variable:
            return variable(expression, nullptr);
        case Kind::get_attr:
            return get_attr(expression);
        case Kind::index:
            return index(expression);
        case Kind::splat:
            return splat(expression);
        case Kind::splat_item:
            return m_splat_items.empty() ? Value() : m_splat_items.back();
        case Kind::call:
            return call(expression);
        case Kind::conditional:
            return conditional(expression);
        case Kind::binary:
            return binary(expression);
        case Kind::unary:
            return unary(expression);
        case Kind::template_:
            return template_(expression);
        case Kind::for_tuple:
        case Kind::for_object:
            return for_expression(expression);
        case Kind::template_if:
        case Kind::template_for:
            break;
        }
    } catch (const FunctionError& error) {
        fail(expression, error.what());
    }
    fail(expression, "unexpected template directive");
}

Value Evaluator::variable(const HclExpression& expression, const std::string* attribute) {
    for (auto binding = m_bindings.rbegin(); binding != m_bindings.rend(); ++binding) {
        if (binding->first != expression.name)
            continue;
        if (!attribute)
            return binding->second;
        if (binding->second.is_unknown())
            return Value::unknown();
        const Value::Map& members = binding->second.as_map();
        const auto found = members.find(*attribute);
        if (found == members.end() && binding->second.has_unknown_members())
            return Value::unknown();
        if (found == members.end())
            fail(expression, "\"" + expression.name + "\" has no attribute \"" + *attribute + "\"");
        return found->second;
    }
    return m_scope.reference(expression.name, attribute, expression.position);
}

Value Evaluator::get_attr(const HclExpression& expression) {
    const HclExpression& base = *expression.operands[0];
    if (base.kind == Kind::variable)
        return variable(base, &expression.name);
    const Value object = evaluate(base);
    if (object.is_unknown())
        return Value::unknown();
    if (object.is_null())
        fail(expression, "cannot read attribute \"" + expression.name + "\" of a null value");
    if (!object.is_map())
        fail(expression, "cannot read attribute \"" + expression.name + "\" of a " +
                             std::string(object.type_name()));
    const auto found = object.as_map().find(expression.name);
    if (found == object.as_map().end() && object.has_unknown_members())
        return Value::unknown();
    if (found == object.as_map().end())
        fail(expression, "no attribute \"" + expression.name + "\"");
    return found->second;
}

Value Evaluator::index(const HclExpression& expression) {
    const Value collection = evaluate(*expression.operands[0]);
    const Value key = evaluate(*expression.operands[1]);
    if (collection.is_unknown() || key.is_unknown())
        return Value::unknown();
    if (collection.is_map()) {
        const std::string name = functions::string_of(key);
        const auto found = collection.as_map().find(name);
        if (found == collection.as_map().end() && collection.has_unknown_members())
            return Value::unknown();
        if (found == collection.as_map().end())
            fail(expression, "no element for the key \"" + name + "\"");
        return found->second;
    }
    if (collection.is_list()) {
        const std::size_t at = functions::index_of(key);
        if (at >= collection.as_list().size())
            fail(expression, "index " + std::to_string(at) + " is out of range for a list of " +
                                 std::to_string(collection.as_list().size()));
        return collection.as_list()[at];
    }
    fail(expression, "cannot index a " + std::string(collection.type_name()));
}

Value Evaluator::splat(const HclExpression& expression) {
    const Value collection = evaluate(*expression.operands[0]);
    if (collection.is_unknown())
        return Value::unknown();
    // A splat over a single value treats it as a list of one; over null, as an empty list.
    Value::List items;
    if (collection.is_list())
        items = collection.as_list();
    else if (!collection.is_null())
        items.push_back(collection);
    const HclExpression* each = expression.operands[1].get();
    if (!each)
        return Value::list(std::move(items));
    Value::List results;
    for (const Value& item : items) {
        m_splat_items.push_back(item);
        results.push_back(evaluate(*each));
        m_splat_items.pop_back();
    }
    return Value::list(std::move(results));
}

Value Evaluator::call(const HclExpression& expression) {
    if (expression.name == "try" || expression.name == "can")
        return try_call(expression, expression.name == "can");
    const FunctionSpec* function = find_function(expression.name);
    if (!function) {
        m_diagnostics.warn_once("function " + expression.name,
                                *expression.position.file + ":" +
                                    std::to_string(expression.position.line) + ": function " +
                                    expression.name +
                                    " is not evaluated without a plan; its result is unknown");
        return Value::unknown();
    }
    FunctionArguments arguments;
    for (const HclExpressionPtr& operand : expression.operands)
        arguments.push_back(evaluate(*operand));
    if (expression.expand_last && !arguments.empty()) {
        const Value last = std::move(arguments.back());
        arguments.pop_back();
        if (last.is_unknown())
            return Value::unknown();
        for (const Value& element : functions::list_of(last))
            arguments.push_back(element);
    }
    if (arguments.size() < function->min_arguments ||
        (function->max_arguments != k_variadic && arguments.size() > function->max_arguments))
        fail(expression, "wrong number of arguments to " + expression.name);
    if (!function->handles_unknown)
        for (const Value& argument : arguments)
            if (argument.has_unknown())
                return Value::unknown();
    try {
        return function->body(arguments);
    } catch (const FunctionError& error) {
        fail(expression, "call to function " + expression.name + " failed: " + error.what());
    }
}

Value Evaluator::try_call(const HclExpression& expression, bool can) {
    if (expression.operands.empty() || (can && expression.operands.size() != 1))
        fail(expression, "wrong number of arguments to " + expression.name);
    const std::size_t bindings = m_bindings.size();
    const std::size_t splats = m_splat_items.size();
    for (const HclExpressionPtr& operand : expression.operands) {
        try {
            const Value value = evaluate(*operand);
            if (can)
                return value.has_unknown() ? Value::unknown() : Value::boolean(true);
            return value;
        } catch (const InputError&) {
            // An argument that fails moves on to the next, as Terraform's try does.
            m_bindings.resize(bindings);
            m_splat_items.resize(splats);
        }
    }
    if (can)
        return Value::boolean(false);
    fail(expression, "no argument of try could be evaluated without an error");
}

Value Evaluator::conditional(const HclExpression& expression) {
    const Value condition = evaluate(*expression.operands[0]);
    if (condition.is_unknown())
        return Value::unknown();
    if (condition.is_null())
        fail(expression, "the condition is null");
    return evaluate(*expression.operands[is_true(condition) ? 1 : 2]);
}

Value Evaluator::binary(const HclExpression& expression) {
    const std::string& op = expression.name;
    const Value left = evaluate(*expression.operands[0]);
    const Value right = evaluate(*expression.operands[1]);
    if (op == "==" || op == "!=") {
        if (left.has_unknown() || right.has_unknown())
            return Value::unknown();
        return Value::boolean((left == right) == (op == "=="));
    }
    if (left.is_unknown() || right.is_unknown())
        return Value::unknown();
    if (op == "&&")
        return Value::boolean(is_true(left) && is_true(right));
    if (op == "||")
        return Value::boolean(is_true(left) || is_true(right));
    const double a = functions::number_of(left);
    const double b = functions::number_of(right);
    if (op == "+")
        return Value::number(a + b);
    if (op == "-")
        return Value::number(a - b);
    if (op == "*")
        return Value::number(a * b);
    if (op == "/") {
        if (b == 0)
            fail(expression, "division by zero");
        return Value::number(a / b);
    }
    if (op == "%") {
        if (b == 0)
            fail(expression, "modulo by zero");
        return Value::number(std::fmod(a, b));
    }
    if (op == "<")
        return Value::boolean(a < b);
    if (op == ">")
        return Value::boolean(a > b);
    if (op == "<=")
        return Value::boolean(a <= b);
    if (op == ">=")
        return Value::boolean(a >= b);
    fail(expression, "unknown operator " + op);
}

Value Evaluator::unary(const HclExpression& expression) {
    const Value operand = evaluate(*expression.operands[0]);
    if (operand.is_unknown())
        return Value::unknown();
    if (expression.name == "!")
        return Value::boolean(!is_true(operand));
    return Value::number(-functions::number_of(operand));
}

Value Evaluator::object(const HclExpression& expression) {
    Value::Map members;
    for (std::size_t i = 0; i + 1 < expression.operands.size(); i += 2) {
        const Value key = evaluate(*expression.operands[i]);
        if (key.is_unknown())
            return Value::unknown();
        members.insert_or_assign(functions::string_of(key), evaluate(*expression.operands[i + 1]));
    }
    return Value::map(std::move(members));
}

Value Evaluator::template_(const HclExpression& expression) {
    // `"${x}"` alone is x itself, whatever its type, as in HCL.
    if (expression.operands.size() == 1 && expression.operands[0]->kind != Kind::literal &&
        expression.operands[0]->kind != Kind::template_if &&
        expression.operands[0]->kind != Kind::template_for)
        return evaluate(*expression.operands[0]);
    std::string out;
    return template_parts(expression, out) ? Value::string(std::move(out)) : Value::unknown();
}

bool Evaluator::template_parts(const HclExpression& expression, std::string& out) {
    for (const HclExpressionPtr& part : expression.operands) {
        if (part->kind == Kind::template_if) {
            const Value condition = evaluate(*part->operands[0]);
            if (condition.is_unknown())
                return false;
            const HclExpression* branch =
                is_true(condition) ? part->operands[1].get() : part->operands[2].get();
            if (branch && !template_parts(*branch, out))
                return false;
            continue;
        }
        if (part->kind == Kind::template_for) {
            const Value collection = evaluate(*part->operands[0]);
            if (collection.has_unknown())
                return false;
            bool known = true;
            for_each_element(*part, collection, [&](const Value&, const Value&) {
                known = known && template_parts(*part->operands[1], out);
                return true;
            });
            if (!known)
                return false;
            continue;
        }
        const Value value = evaluate(*part);
        if (value.is_unknown())
            return false;
        if (value.is_null())
            fail(*part, "a template cannot include a null value");
        if (value.is_list() || value.is_map())
            fail(*part, "a template cannot include a " + std::string(value.type_name()));
        out += functions::string_of(value);
    }
    return true;
}

template <typename Each>
void Evaluator::for_each_element(const HclExpression& loop, const Value& collection, Each each) {
    const auto visit = [&](const Value& key, const Value& value) {
        if (!loop.name.empty())
            bind(loop.name, key);
        bind(loop.second_name, value);
        each(key, value);
        unbind();
        if (!loop.name.empty())
            unbind();
    };
    if (collection.is_map()) {
        for (const auto& [key, value] : collection.as_map())
            visit(Value::string(key), value);
    } else if (collection.is_list()) {
        for (std::size_t i = 0; i < collection.as_list().size(); ++i)
            visit(key_value(i), collection.as_list()[i]);
    } else {
        fail(loop, "cannot iterate over a " + std::string(collection.type_name()));
    }
}

Value Evaluator::for_expression(const HclExpression& expression) {
    const Value collection = evaluate(*expression.operands[0]);
    if (collection.is_unknown())
        return Value::unknown();
    const bool object = expression.kind == Kind::for_object;
    const HclExpression* condition = expression.operands.back().get();
    bool unknown = false;
    Value::List elements;
    Value::Map members;
    std::map<std::string, Value::List> groups;
    for_each_element(expression, collection, [&](const Value&, const Value&) {
        if (unknown)
            return;
        if (condition) {
            const Value keep = evaluate(*condition);
            if (keep.is_unknown()) {
                unknown = true;
                return;
            }
            if (!is_true(keep))
                return;
        }
        if (!object) {
            elements.push_back(evaluate(*expression.operands[1]));
            return;
        }
        const Value key = evaluate(*expression.operands[1]);
        if (key.is_unknown()) {
            unknown = true;
            return;
        }
        const std::string name = functions::string_of(key);
        Value value = evaluate(*expression.operands[2]);
        if (expression.expand_last)
            groups[name].push_back(std::move(value));
        else if (!members.emplace(name, std::move(value)).second)
            fail(expression,
                 "duplicate key \"" + name + "\" in a for expression (add ... to group them)");
    });
    if (unknown)
        return Value::unknown();
    if (!object)
        return Value::list(std::move(elements));
    for (auto& [name, group] : groups)
        members.emplace(name, Value::list(std::move(group)));
    return Value::map(std::move(members));
}

} // namespace costgate::ingest
