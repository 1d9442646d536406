#include "resource_tags.hpp"

#include "costgate/model/error.hpp"

#include <array>
#include <charconv>
#include <vector>

namespace costgate::ingest {

namespace {

// Where a resource keeps its tags, in order of preference (see resource_tags.hpp);
// google_sql_database_instance keeps its labels in its settings block.
using TagPath = std::vector<std::string_view>;
const std::array<TagPath, 5> k_tag_paths = {TagPath{"tags_all"}, TagPath{"tags"},
                                            TagPath{"terraform_labels"}, TagPath{"labels"},
                                            TagPath{"settings", "0", "user_labels"}};

// The value at `path`, read as a JSON pointer reads it: a step into an array is an index.
JsonValue value_at(JsonValue value, const TagPath& path) {
    for (const std::string_view step : path) {
        if (value.is_array()) {
            std::size_t index = 0;
            const auto [end, error] =
                std::from_chars(step.data(), step.data() + step.size(), index);
            value = error == std::errc() && end == step.data() + step.size() ? value[index]
                                                                             : JsonValue();
        } else {
            value = value.find(step);
        }
    }
    return value;
}

std::string path_text(const TagPath& path) {
    std::string text;
    for (const std::string_view step : path)
        text += (text.empty() ? "" : ".") + std::string(step);
    return text;
}

} // namespace

std::map<std::string, std::string> resource_tags(const Resource& resource) {
    const bool after = resource.after.has_value();
    const JsonValue attributes = after             ? resource.after->root()
                                 : resource.before ? resource.before->root()
                                                   : JsonValue();
    if (!attributes.is_object())
        return {};
    for (const TagPath& path : k_tag_paths) {
        if (after && value_at(resource.after_unknown, path).boolean())
            continue;
        const JsonValue found = value_at(attributes, path);
        if (!found.is_object() || found.empty())
            continue;
        std::map<std::string, std::string> tags;
        for (const JsonValue value : found.children()) {
            // A null tag is a tag not set (as the providers drop it); a list or an object
            // is no tag value at all, and reading it as text would satisfy required_tags.
            if (value.is_null())
                continue;
            if (value.is_array() || value.is_object())
                throw InputError({resource.file},
                                 resource.address + ": tag \"" + std::string(value.key()) +
                                     "\" in " + path_text(path) + " must be a string, found " +
                                     std::string(value.type_name()));
            tags.emplace(value.key(),
                         value.is_string() ? std::string(value.string()) : value.dump());
        }
        return tags;
    }
    return {};
}

} // namespace costgate::ingest
