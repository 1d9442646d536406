#pragma once

#include <optional>
#include <string>

namespace costgate::util {

/// The value of environment variable `name`, or nullopt when it is unset or empty (CI
/// systems often pass an empty value for "not set").
std::optional<std::string> environment_variable(const char* name);

/// The whole number in environment variable `name`, nullopt when it is unset or empty.
/// Anything else than decimal digits giving a number in [min, max] throws UsageError naming
/// the variable: a setting that cannot be read is never ignored.
std::optional<long> whole_number_variable(const char* name, long min, long max);

} // namespace costgate::util
