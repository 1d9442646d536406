#pragma once

#include "value.hpp"

#include <memory>
#include <string>
#include <vector>

namespace costgate::ingest {

/// Where a piece of configuration is: file and 1-based line and column.
struct HclPosition {
    /// Shared by every position in one file.
    std::shared_ptr<const std::string> file;
    int line = 0;
    int column = 0;
};

/// One HCL expression, whatever syntax it was written in (native `.tf` or JSON `.tf.json`).
/// The parts a kind uses are listed with it.
struct HclExpression {
    enum class Kind {
        literal,      // value
        tuple,        // operands: elements
        object,       // operands: key, value, key, value, ...
        variable,     // name: the root name (`var`, `local`, `aws_instance`, ...)
        get_attr,     // operands[0]: object; name: the attribute
        index,        // operands[0]: collection; operands[1]: key
        splat,        // operands[0]: collection; operands[1]: what follows `[*]` applied to
                      // `splat_item`, or absent
        splat_item,   // the element a splat's traversal starts from
        call,         // name: the function; operands: arguments; expand_last: `...`
        conditional,  // operands: condition, then, else
        binary,       // name: the operator; operands: left, right
        unary,        // name: `!` or `-`; operands[0]
        template_,    // operands: parts (literal strings, interpolations, directives)
        template_if,  // operands: condition, then-template, else-template (or absent)
        template_for, // names: key and value variables (key may be empty); operands:
                      // collection, body-template
        for_tuple,    // names as template_for; operands: collection, value, condition
                      // (or absent)
        for_object,   // names as template_for; operands: collection, key, value,
                      // condition (or absent); expand_last: grouping `...`
    };

    Kind kind = Kind::literal;
    HclPosition position;
    std::string name;
    std::string second_name;
    Value value;
    std::vector<std::unique_ptr<HclExpression>> operands;
    bool expand_last = false;
    /// Template parts: whether `~` strips the whitespace before/after an interpolation.
    bool strip_before = false;
    bool strip_after = false;
};

using HclExpressionPtr = std::unique_ptr<HclExpression>;

struct HclBody;

/// `name = expression`.
struct HclAttribute {
    std::string name;
    HclExpressionPtr expression;
    HclPosition position;
};

/// `type "label" ... { body }`.
struct HclBlockNode {
    std::string type;
    std::vector<std::string> labels;
    std::unique_ptr<HclBody> body;
    HclPosition position;
};

/// The attributes and blocks of a file or of a block, in the order written.
struct HclBody {
    std::vector<HclAttribute> attributes;
    std::vector<HclBlockNode> blocks;

    /// The attribute `name`, or null.
    const HclAttribute* attribute(std::string_view name) const;
};

} // namespace costgate::ingest
