#pragma once

#include <optional>
#include <string_view>

namespace costgate::ingest {

/// The double nlohmann/json's parser makes of the JSON number `token` (correctly rounded;
/// 0 or a subnormal when it is too small), or nullopt when the number is too large for a
/// double, which nlohmann/json rejects ("number overflow").
std::optional<double> json_double(std::string_view token);

} // namespace costgate::ingest
