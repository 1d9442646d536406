#include "resource_tags.hpp"

namespace costgate {

std::map<std::string, std::string> resource_tags(const Resource& resource) {
    const bool after = resource.after.has_value();
    const nlohmann::json* attributes = after             ? &*resource.after
                                       : resource.before ? &*resource.before
                                                         : nullptr;
    if (!attributes || !attributes->is_object())
        return {};
    for (const char* key : {"tags_all", "tags", "terraform_labels", "labels"}) {
        if (after && resource.after_unknown.is_object()) {
            const auto unknown = resource.after_unknown.find(key);
            if (unknown != resource.after_unknown.end() && *unknown == true)
                continue;
        }
        const auto found = attributes->find(key);
        if (found == attributes->end() || !found->is_object() || found->empty())
            continue;
        std::map<std::string, std::string> tags;
        for (const auto& [name, value] : found->items())
            tags[name] = value.is_string() ? value.get<std::string>() : value.dump();
        return tags;
    }
    return {};
}

} // namespace costgate
