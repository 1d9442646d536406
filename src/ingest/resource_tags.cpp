#include "resource_tags.hpp"

#include <vector>

namespace costgate {

namespace {

using Pointer = nlohmann::json::json_pointer;

// Where a resource keeps its tags, in order of preference (see resource_tags.hpp);
// google_sql_database_instance keeps its labels in its settings block.
const std::vector<Pointer>& tag_paths() {
    static const std::vector<Pointer> paths = {Pointer("/tags_all"), Pointer("/tags"),
                                               Pointer("/terraform_labels"), Pointer("/labels"),
                                               Pointer("/settings/0/user_labels")};
    return paths;
}

} // namespace

std::map<std::string, std::string> resource_tags(const Resource& resource) {
    const bool after = resource.after.has_value();
    const nlohmann::json* attributes = after             ? &*resource.after
                                       : resource.before ? &*resource.before
                                                         : nullptr;
    if (!attributes || !attributes->is_object())
        return {};
    for (const Pointer& path : tag_paths()) {
        if (after && resource.after_unknown.contains(path) &&
            resource.after_unknown.at(path) == true)
            continue;
        if (!attributes->contains(path))
            continue;
        const nlohmann::json& found = attributes->at(path);
        if (!found.is_object() || found.empty())
            continue;
        std::map<std::string, std::string> tags;
        for (const auto& [name, value] : found.items())
            tags[name] = value.is_string() ? value.get<std::string>() : value.dump();
        return tags;
    }
    return {};
}

} // namespace costgate
