#pragma once

#include "value.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::ingest {

/// A function call that cannot succeed (wrong argument type or count, index out of range);
/// the evaluator reports it at the call's position.
class FunctionError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

using FunctionArguments = std::vector<Value>;
using FunctionBody = Value (*)(const FunctionArguments& arguments);

/// One Terraform function costgate evaluates.
struct FunctionSpec {
    std::string_view name;
    std::size_t min_arguments;
    /// k_variadic when any number of arguments from min_arguments on is taken.
    std::size_t max_arguments;
    /// When false, a call with an argument that is or holds an unknown value gives an
    /// unknown result without calling `body`; when true, `body` handles unknowns itself.
    bool handles_unknown;
    FunctionBody body;
};

inline constexpr std::size_t k_variadic = static_cast<std::size_t>(-1);

/// The function `name`, or null when costgate does not evaluate it (its result is then
/// unknown). `try` and `can` are the evaluator's own: they catch errors of their arguments.
const FunctionSpec* find_function(std::string_view name);

} // namespace costgate::ingest
