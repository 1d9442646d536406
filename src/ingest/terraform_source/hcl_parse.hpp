#pragma once

#include "costgate/util/input_file.hpp"
#include "hcl_syntax.hpp"

#include <string_view>

namespace costgate::ingest {

/// Parses HCL native syntax (`.tf`, `.tofu`, `.tfvars`) with tree-sitter's HCL grammar into
/// the syntax model. The first syntax error throws InputError with `file:line:column`.
HclBody parse_hcl(const util::InputText& input);

/// Parses the text of a `.tf.json` string as the template it is in HCL's JSON syntax
/// (`"${var.size}"`); every position in the result is `position`. Throws InputError there
/// when the template is not valid.
HclExpressionPtr parse_hcl_template(std::string_view text, const HclPosition& position);

/// Parses `text` as one HCL expression (a `--var` value of a list, map or object
/// variable); `name` names it in messages.
HclExpressionPtr parse_hcl_expression(const std::string& name, std::string_view text);

} // namespace costgate::ingest
