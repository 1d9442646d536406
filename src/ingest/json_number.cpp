#include "json_number.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace costgate::ingest {

std::optional<double> json_double(std::string_view token) {
    double value = 0;
    if (std::from_chars(token.data(), token.data() + token.size(), value).ec != std::errc())
        // Out of range: strtod (what nlohmann/json calls) gives inf on overflow and the
        // nearest subnormal or 0 on underflow. It needs a terminated copy.
        value = std::strtod(std::string(token).c_str(), nullptr);
    if (!std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace costgate::ingest
