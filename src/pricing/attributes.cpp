#include "costgate/pricing/attributes.hpp"

#include "costgate/model/error.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace costgate::pricing {

namespace {

// Every number a pricer reads is a size or a count (GB, IOPS, nodes, MiB); none is
// negative and none comes near a billion, and the bound keeps casts to int defined.
constexpr double k_max_attribute_number = 1e9;

// Out-of-range numbers are bad input, not something to price: the estimator adds the
// resource's file and address to this location-less InputError.
std::optional<double> in_range(std::string_view name, double number, JsonValue found) {
    if (!std::isfinite(number) || number < 0 || number > k_max_attribute_number)
        throw InputError(
            {},
            "\"" + std::string(name) + "\" must be a number from 0 to 1e9, found " +
                found.to_nlohmann().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return number;
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
    if (!found.is_string())
        return std::nullopt;
    return std::string(found.string());
}

std::optional<double> Attributes::number(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const JsonValue found = value(name);
    if (found.is_number())
        return in_range(name, found.number(), found);
    if (found.is_string()) {
        const std::string_view text = found.string();
        double number = 0.0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error == std::errc() && end == text.data() + text.size())
            return in_range(name, number, found);
    }
    return std::nullopt;
}

std::optional<bool> Attributes::boolean(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const JsonValue found = value(name);
    if (!found.is_boolean())
        return std::nullopt;
    return found.boolean();
}

std::vector<std::string> Attributes::strings(std::string_view name) const {
    std::vector<std::string> result;
    const JsonValue found = is_unknown(name) ? JsonValue() : value(name);
    if (!found.is_array())
        return result;
    for (const JsonValue item : found.children())
        if (item.is_string())
            result.emplace_back(item.string());
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
