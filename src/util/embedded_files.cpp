#include "costgate/util/embedded_files.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace costgate::util {

const EmbeddedFile* find_embedded_file(std::string_view name) {
    const std::vector<EmbeddedFile>& files = embedded_files();
    const auto found = std::lower_bound(
        files.begin(), files.end(), name,
        [](const EmbeddedFile& file, std::string_view wanted) { return file.name < wanted; });
    return found != files.end() && found->name == name ? &*found : nullptr;
}

std::string_view embedded_file(std::string_view name) {
    if (const EmbeddedFile* file = find_embedded_file(name))
        return file->contents;
    // The build embeds every data file the code names: a missing one is a costgate bug.
    throw std::logic_error("missing embedded file " + std::string(name));
}

} // namespace costgate::util
