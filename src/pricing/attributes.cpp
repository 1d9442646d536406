#include "costgate/pricing/attributes.hpp"

#include "costgate/model/error.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace costgate::pricing {

namespace {

// Every number a pricer reads is a size or a count (GB, IOPS, nodes, MiB); none is
// negative and none comes near a billion, and the bound keeps casts to int defined.
constexpr double k_max_attribute_number = 1e9;

// The value as written, for messages (a 10 MB value would make a 10 MB message).
std::string written(JsonValue found) {
    constexpr std::size_t k_longest = 80;
    const std::string text =
        found.to_nlohmann().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return text.size() > k_longest ? text.substr(0, k_longest) + "..." : text;
}

// A value of the wrong type or out of range is bad input, never "not set" (which would
// price a default): the estimator adds the resource's file and address to this
// location-less InputError.
[[noreturn]] void wrong_value(std::string_view name, std::string_view expected, JsonValue found) {
    throw InputError({}, "\"" + std::string(name) + "\" must be " + std::string(expected) +
                             ", found " + written(found));
}

constexpr std::string_view k_number_range = "a number from 0 to 1e9";

double in_range(std::string_view name, double number, JsonValue found) {
    if (!std::isfinite(number) || number < 0 || number > k_max_attribute_number)
        wrong_value(name, k_number_range, found);
    return number + 0.0; // -0 is 0
}

// Terraform converts a number given to a string attribute (`engine_version = 5.7`,
// `cache_cluster_size = 0.5`) to its decimal text, so a plan shows "5.7"; Terraform source
// read without a plan still holds the number. Fixed notation, the shortest digits that
// read back as the number, as Terraform writes it.
std::optional<std::string> number_as_text(JsonValue found) {
    if (!found.is_number())
        return std::nullopt;
    std::array<char, 400> buffer{}; // fixed notation of the largest double is 309 digits
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                            found.number() + 0.0, std::chars_format::fixed);
    if (error != std::errc())
        return std::nullopt;
    return std::string(buffer.data(), end);
}

} // namespace

JsonValue Attributes::value(std::string_view name) const {
    const JsonValue found = m_values.find(name);
    return found.is_null() ? JsonValue() : found;
}

bool Attributes::is_unknown(std::string_view name) const {
    return m_unknown.find(name).boolean();
}

std::optional<std::string> Attributes::string(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const JsonValue found = value(name);
    if (!found)
        return std::nullopt;
    if (auto number = number_as_text(found))
        return number;
    if (!found.is_string())
        wrong_value(name, "a string", found);
    return std::string(found.string());
}

std::optional<double> Attributes::number(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const JsonValue found = value(name);
    if (found.is_number())
        return in_range(name, found.number(), found);
    if (!found)
        return std::nullopt;
    // Some providers keep numbers in string attributes ("100"); text that is not one is
    // refused like a list or an object.
    double number = 0.0;
    const std::string_view text = found.is_string() ? found.string() : std::string_view();
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (!found.is_string() || text.empty() || error != std::errc() ||
        end != text.data() + text.size())
        wrong_value(name, k_number_range, found);
    return in_range(name, number, found);
}

std::optional<bool> Attributes::boolean(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const JsonValue found = value(name);
    if (!found)
        return std::nullopt;
    if (!found.is_boolean())
        wrong_value(name, "true or false", found);
    return found.boolean();
}

std::optional<std::string> Attributes::text(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const JsonValue found = value(name);
    if (!found)
        return std::nullopt;
    if (found.is_boolean())
        return found.boolean() ? "true" : "false";
    if (auto number = number_as_text(found))
        return number;
    if (!found.is_string())
        wrong_value(name, "a string, a number or true or false", found);
    return std::string(found.string());
}

std::vector<std::string> Attributes::strings(std::string_view name) const {
    std::vector<std::string> result;
    const JsonValue found = is_unknown(name) ? JsonValue() : value(name);
    if (!found)
        return result;
    if (!found.is_array())
        wrong_value(name, "a list of strings", found);
    // An element unknown until apply is null; it names nothing yet.
    for (const JsonValue item : found.children()) {
        if (item.is_string())
            result.emplace_back(item.string());
        else if (auto number = number_as_text(item))
            result.push_back(std::move(*number));
        else if (!item.is_null())
            wrong_value(name, "a list of strings", found);
    }
    return result;
}

std::vector<Attributes> Attributes::blocks(std::string_view name) const {
    std::vector<Attributes> result;
    const JsonValue found = value(name);
    if (!found.is_array())
        return result;
    // Element i of the block matches element i of its unknown paths, when those are a list.
    const JsonValue unknown = m_unknown.find(name);
    JsonValue::Children unknown_elements =
        unknown.is_array() ? unknown.children() : JsonValue().children();
    auto unknown_element = unknown_elements.begin();
    for (const JsonValue element : found.children()) {
        const bool has_unknown = unknown_element != unknown_elements.end();
        result.emplace_back(element, has_unknown ? *unknown_element : JsonValue());
        if (has_unknown)
            ++unknown_element;
    }
    return result;
}

} // namespace costgate::pricing
