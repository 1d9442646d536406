#include "costgate/pricing/pricer.hpp"
#include "costgate/util/embedded_files.hpp"

#include <set>
#include <string>

namespace costgate::pricing {

namespace {

std::set<std::string, std::less<>> load_free_resources() {
    std::set<std::string, std::less<>> types;
    for (const util::EmbeddedFile& file : util::embedded_files()) {
        // free_resources.txt (Kubernetes, Terraform-internal) and free_resources_<provider>.txt.
        if (!file.name.starts_with("src/pricing/catalog/free_resources") || !file.name.ends_with(".txt"))
            continue;
        std::string_view rest = file.contents;
        while (!rest.empty()) {
            const std::size_t end = rest.find('\n');
            std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
                line.remove_suffix(1);
            if (!line.empty() && line.front() != '#')
                types.emplace(line);
        }
    }
    return types;
}

} // namespace

bool is_free_resource(std::string_view type) {
    static const std::set<std::string, std::less<>> k_types = load_free_resources();
    return k_types.contains(type);
}

} // namespace costgate::pricing
