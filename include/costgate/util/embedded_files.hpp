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

/// The embedded file named `name`, or nullptr.
const EmbeddedFile* find_embedded_file(std::string_view name);

/// The contents of the embedded file named `name`; throws std::logic_error (an internal
/// error) when the build did not embed it.
std::string_view embedded_file(std::string_view name);

} // namespace costgate::util
