#include "costgate/pricing/attributes.hpp"

#include "costgate/error.hpp"

#include <charconv>
#include <cmath>

namespace costgate {

namespace {

// Every number a pricer reads is a size or a count (GB, IOPS, nodes, MiB); none is
// negative and none comes near a billion, and the bound keeps casts to int defined.
constexpr double k_max_attribute_number = 1e9;

// Out-of-range numbers are bad input, not something to price: the estimator adds the
// resource's file and address to this location-less InputError.
std::optional<double> in_range(std::string_view name, double number, const nlohmann::json& found) {
    if (!std::isfinite(number) || number < 0 || number > k_max_attribute_number)
        throw InputError({},
                         "\"" + std::string(name) + "\" must be a number from 0 to 1e9, found " +
                             found.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return number;
}

const nlohmann::json* child(const nlohmann::json* object, std::string_view name) {
    if (!object || !object->is_object())
        return nullptr;
    const auto found = object->find(name);
    return found == object->end() ? nullptr : &*found;
}

} // namespace

const nlohmann::json* Attributes::value(std::string_view name) const {
    const nlohmann::json* found = child(m_values, name);
    return found && !found->is_null() ? found : nullptr;
}

bool Attributes::is_unknown(std::string_view name) const {
    const nlohmann::json* unknown = child(m_unknown, name);
    return unknown && unknown->is_boolean() && unknown->get<bool>();
}

std::optional<std::string> Attributes::string(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const nlohmann::json* found = value(name);
    if (!found || !found->is_string())
        return std::nullopt;
    return found->get<std::string>();
}

std::optional<double> Attributes::number(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const nlohmann::json* found = value(name);
    if (!found)
        return std::nullopt;
    if (found->is_number())
        return in_range(name, found->get<double>(), *found);
    if (found->is_string()) {
        const std::string& text = found->get_ref<const std::string&>();
        double number = 0.0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error == std::errc() && end == text.data() + text.size())
            return in_range(name, number, *found);
    }
    return std::nullopt;
}

std::optional<bool> Attributes::boolean(std::string_view name) const {
    if (is_unknown(name))
        return std::nullopt;
    const nlohmann::json* found = value(name);
    if (!found || !found->is_boolean())
        return std::nullopt;
    return found->get<bool>();
}

std::vector<std::string> Attributes::strings(std::string_view name) const {
    std::vector<std::string> result;
    const nlohmann::json* found = is_unknown(name) ? nullptr : value(name);
    if (!found || !found->is_array())
        return result;
    for (const nlohmann::json& item : *found)
        if (item.is_string())
            result.push_back(item.get<std::string>());
    return result;
}

std::vector<Attributes> Attributes::blocks(std::string_view name) const {
    std::vector<Attributes> result;
    const nlohmann::json* found = value(name);
    if (!found || !found->is_array())
        return result;
    const nlohmann::json* unknown = child(m_unknown, name);
    for (std::size_t i = 0; i < found->size(); ++i) {
        const nlohmann::json* element_unknown =
            unknown && unknown->is_array() && i < unknown->size() ? &(*unknown)[i] : nullptr;
        result.emplace_back(&(*found)[i], element_unknown);
    }
    return result;
}

} // namespace costgate
