#include "resource_tags.hpp"

namespace costgate {

namespace {

std::map<std::string, std::string> tags_from(const nlohmann::json& object) {
    std::map<std::string, std::string> tags;
    for (const auto& [name, value] : object.items())
        tags[name] = value.is_string() ? value.get<std::string>() : value.dump();
    return tags;
}

// google_sql_database_instance keeps its labels in settings[0].user_labels.
const nlohmann::json* settings_user_labels(const nlohmann::json& attributes) {
    const auto settings = attributes.find("settings");
    if (settings == attributes.end() || !settings->is_array() || settings->empty() ||
        !settings->front().is_object())
        return nullptr;
    const auto labels = settings->front().find("user_labels");
    return labels != settings->front().end() && labels->is_object() && !labels->empty()
               ? &*labels
               : nullptr;
}

} // namespace

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
        return tags_from(*found);
    }
    if (const auto* labels = settings_user_labels(*attributes))
        return tags_from(*labels);
    return {};
}

} // namespace costgate
