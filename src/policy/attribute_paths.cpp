#include "attribute_paths.hpp"

#include <charconv>
#include <optional>

namespace costgate::policy {

namespace {

// One level of list per path step: Terraform never nests lists of blocks directly, and
// stopping there keeps the walk shallow on hostile input.
void collect(JsonValue node, std::string_view path, std::vector<JsonValue>& values,
             bool in_list = false) {
    if (node.is_array()) {
        if (!in_list)
            for (const JsonValue element : node.children())
                collect(element, path, values, true);
        return;
    }
    if (path.empty()) {
        if (!node.is_null())
            values.push_back(node);
        return;
    }
    const std::size_t dot = path.find('.');
    if (const JsonValue found = node.find(path.substr(0, dot)))
        collect(found, dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1),
                values);
}

} // namespace

std::vector<JsonValue> values_at(JsonValue root, std::string_view path) {
    std::vector<JsonValue> values;
    collect(root, path, values);
    return values;
}

std::optional<double> largest_number_at(JsonValue root,
                                        const std::vector<std::string_view>& paths) {
    std::optional<double> largest;
    for (const std::string_view path : paths)
        for (const JsonValue value : values_at(root, path)) {
            std::optional<double> number;
            if (value.is_number())
                number = value.number();
            else if (value.is_string()) {
                const std::string_view text = value.string();
                double parsed = 0;
                const auto [end, error] =
                    std::from_chars(text.data(), text.data() + text.size(), parsed);
                if (error == std::errc() && end == text.data() + text.size())
                    number = parsed;
            }
            if (number && (!largest || *number > *largest))
                largest = number;
        }
    return largest;
}

} // namespace costgate::policy
