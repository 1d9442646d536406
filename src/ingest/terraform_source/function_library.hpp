#pragma once

#include "functions.hpp"

namespace costgate::ingest::functions {

// Conversions shared by the functions; each throws FunctionError when the value does not
// convert, as Terraform's automatic conversions do.
double number_of(const Value& value);
std::string string_of(const Value& value);
bool bool_of(const Value& value);
/// The elements of a list, or of a map's values in key order.
const Value::List& list_of(const Value& value);
const Value::Map& map_of(const Value& value);
/// A whole number usable as an index or count.
std::size_t index_of(const Value& value);

// Collections (function_collections.cpp).
Value length(const FunctionArguments& arguments);
Value element(const FunctionArguments& arguments);
Value lookup(const FunctionArguments& arguments);
Value merge(const FunctionArguments& arguments);
Value concat(const FunctionArguments& arguments);
Value keys(const FunctionArguments& arguments);
Value values(const FunctionArguments& arguments);
Value contains(const FunctionArguments& arguments);
Value flatten(const FunctionArguments& arguments);
Value distinct(const FunctionArguments& arguments);
Value compact(const FunctionArguments& arguments);
Value coalesce(const FunctionArguments& arguments);
Value coalescelist(const FunctionArguments& arguments);
Value slice(const FunctionArguments& arguments);
Value index(const FunctionArguments& arguments);
Value reverse(const FunctionArguments& arguments);
Value sort(const FunctionArguments& arguments);
Value range(const FunctionArguments& arguments);
Value zipmap(const FunctionArguments& arguments);
Value toset(const FunctionArguments& arguments);
Value tolist(const FunctionArguments& arguments);
Value tomap(const FunctionArguments& arguments);
Value one(const FunctionArguments& arguments);
Value setunion(const FunctionArguments& arguments);

// Numbers (function_numbers.cpp).
Value min(const FunctionArguments& arguments);
Value max(const FunctionArguments& arguments);
Value sum(const FunctionArguments& arguments);
Value abs(const FunctionArguments& arguments);
Value ceil(const FunctionArguments& arguments);
Value floor(const FunctionArguments& arguments);
Value tonumber(const FunctionArguments& arguments);
Value tobool(const FunctionArguments& arguments);
Value tostring(const FunctionArguments& arguments);

// Strings (function_strings.cpp).
Value format(const FunctionArguments& arguments);
Value join(const FunctionArguments& arguments);
Value split(const FunctionArguments& arguments);
Value upper(const FunctionArguments& arguments);
Value lower(const FunctionArguments& arguments);
Value replace(const FunctionArguments& arguments);
Value substr(const FunctionArguments& arguments);
Value trimspace(const FunctionArguments& arguments);
Value trimprefix(const FunctionArguments& arguments);
Value trimsuffix(const FunctionArguments& arguments);
Value startswith(const FunctionArguments& arguments);
Value endswith(const FunctionArguments& arguments);
Value jsonencode(const FunctionArguments& arguments);

} // namespace costgate::ingest::functions
