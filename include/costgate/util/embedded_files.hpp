#pragma once

#include <string_view>
#include <vector>

namespace costgate::util {

/// A data file compiled into the binary (see cmake/EmbedFiles.cmake).
struct EmbeddedFile {
    /// Path in the source tree (`src/pricing/catalog/aws_ec2.csv`, `policies/starter.yaml`).
    std::string_view name;
    std::string_view contents;
};

/// Every embedded data file, sorted by name.
const std::vector<EmbeddedFile>& embedded_files();

} // namespace costgate::util
