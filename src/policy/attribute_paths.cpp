#include "attribute_paths.hpp"

#include <charconv>
#include <optional>

namespace costgate {

namespace {

// One level of list per path step: Terraform never nests lists of blocks directly, and
// stopping there keeps the walk shallow on hostile input.
void collect(const nlohmann::json& node, std::string_view path,
             std::vector<const nlohmann::json*>& values, bool in_list = false) {
    if (node.is_array()) {
        if (!in_list)
            for (const nlohmann::json& element : node)
                collect(element, path, values, true);
        return;
    }
    if (path.empty()) {
        if (!node.is_null())
            values.push_back(&node);
        return;
    }
    if (!node.is_object())
        return;
    const std::size_t dot = path.find('.');
    const auto found = node.find(std::string(path.substr(0, dot)));
    if (found != node.end())
        collect(*found, dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1),
                values);
}

} // namespace

std::vector<const nlohmann::json*> values_at(const nlohmann::json& root, std::string_view path) {
    std::vector<const nlohmann::json*> values;
    collect(root, path, values);
    return values;
}

std::optional<double> largest_number_at(const nlohmann::json& root,
                                        const std::vector<std::string_view>& paths) {
    std::optional<double> largest;
    for (const std::string_view path : paths)
        for (const nlohmann::json* value : values_at(root, path)) {
            std::optional<double> number;
            if (value->is_number())
                number = value->get<double>();
            else if (value->is_string()) {
                const std::string& text = value->get_ref<const std::string&>();
                double parsed = 0;
                const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
                if (error == std::errc() && end == text.data() + text.size())
                    number = parsed;
            }
            if (number && (!largest || *number > *largest))
                largest = number;
        }
    return largest;
}

} // namespace costgate
