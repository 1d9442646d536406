#pragma once

#include <optional>
#include <string_view>

namespace costgate {

/// Parses a Kubernetes resource quantity (`2`, `0.5`, `500m`, `256M`, `1Gi`, `1e3`, `2.5E-3`)
/// into its value in base units: cores for CPU, bytes for memory, a count for GPUs.
/// Suffixes: n u m k M G T P E (powers of 1000) and Ki Mi Gi Ti Pi Ei (powers of 1024).
/// Returns nullopt for anything else, including negative values, NaN and infinities.
std::optional<double> parse_quantity(std::string_view text);

} // namespace costgate
