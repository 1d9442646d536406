#pragma once

#include "evaluator.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace costgate::ingest {

/// A variable's `type`: what its value is converted to, as Terraform converts it
/// (`"3"` to a number, an object's missing optional attributes to their defaults).
struct TypeConstraint {
    enum class Kind { any, string, number, boolean, list, set, map, tuple, object };
    struct Attribute;

    Kind kind = Kind::any;
    /// The element type of a list, set or map; the element types of a tuple.
    std::vector<TypeConstraint> elements;
    std::map<std::string, Attribute, std::less<>> attributes;

    /// True for string, number and bool: a `--var` value of such a type is taken as text.
    bool is_primitive() const {
        return kind == Kind::string || kind == Kind::number || kind == Kind::boolean;
    }
};

struct TypeConstraint::Attribute {
    TypeConstraint type;
    bool optional = false;
    /// `optional(TYPE, DEFAULT)`'s default.
    std::optional<Value> fallback;
};

/// Reads a type expression (`string`, `list(number)`, `object({size = optional(number, 8)})`).
/// `evaluator` evaluates optional attributes' defaults. Throws InputError at the
/// expression for anything that is not a type.
TypeConstraint parse_type_constraint(const HclExpression& expression, Evaluator& evaluator);

/// `value` converted to `type`; throws FunctionError saying why it does not convert.
Value convert_to_type(const Value& value, const TypeConstraint& type);

} // namespace costgate::ingest
