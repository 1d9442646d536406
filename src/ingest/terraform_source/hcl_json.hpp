#pragma once

#include "costgate/util/input_file.hpp"
#include "hcl_syntax.hpp"

namespace costgate::ingest {

/// Reads a `.tf.json` (or `.tfvars.json`) file into the syntax model, as Terraform reads
/// HCL's JSON syntax: top-level properties are block types (`resource`, `variable`, ...)
/// whose nested objects hold the labels, then the block's body; strings are templates
/// (`"${var.size}"`); a `"//"` property is a comment. Inside a body every property is an
/// attribute (a nested block written as an array of objects reads the same), except
/// `dynamic` blocks and the meta blocks `lifecycle`, `provisioner` and `connection`.
/// Invalid JSON throws InputError with `file:line:column`.
HclBody parse_hcl_json(const util::InputText& input);

/// Reads a `.tfvars.json` file: each top-level property is a variable's value, taken as the
/// JSON value it is (strings are not templates there).
HclBody parse_tfvars_json(const util::InputText& input);

} // namespace costgate::ingest
