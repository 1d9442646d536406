#include "costgate/pricing/pricer.hpp"
#include "costgate/util/embedded_files.hpp"

#include <set>
#include <string>

namespace costgate::pricing {

namespace {

using NameSet = std::set<std::string, std::less<>>;

// The names listed in the embedded `.txt` files whose path starts with `prefix`: one a
// line, `#` starts a comment line.
NameSet load_names(std::string_view prefix) {
    NameSet names;
    for (const util::EmbeddedFile& file : util::embedded_files()) {
        if (!file.name.starts_with(prefix) || !file.name.ends_with(".txt"))
            continue;
        std::string_view rest = file.contents;
        while (!rest.empty()) {
            const std::size_t end = rest.find('\n');
            std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
                line.remove_suffix(1);
            if (!line.empty() && line.front() != '#')
                names.emplace(line);
        }
    }
    return names;
}

} // namespace

bool is_free_resource(std::string_view type) {
    // free_resources.txt (Kubernetes) and free_resources_<provider>.txt (aws, google, azurerm).
    static const NameSet k_types = load_names("src/pricing/catalog/free_resources");
    return k_types.contains(type);
}

bool is_outside_cloud_bill(std::string_view provider) {
    static const NameSet k_providers = load_names("src/pricing/catalog/outside_cloud_bill");
    return k_providers.contains(provider);
}

} // namespace costgate::pricing
