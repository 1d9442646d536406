#include "costgate/util/environment.hpp"

#include "costgate/model/error.hpp"

#include <charconv>
#include <cstdlib>

namespace costgate::util {

std::optional<std::string> environment_variable(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0')
        return std::nullopt;
    return std::string(value);
}

std::optional<long> whole_number_variable(const char* name, long min, long max) {
    const auto text = environment_variable(name);
    if (!text)
        return std::nullopt;
    long value = 0;
    const char* end = text->data() + text->size();
    const auto [stop, error] = std::from_chars(text->data(), end, value);
    if (error != std::errc() || stop != end || value < min || value > max)
        throw UsageError(std::string(name) + " must be a whole number from " + std::to_string(min) +
                         " to " + std::to_string(max) + ", found \"" + *text + "\"");
    return value;
}

} // namespace costgate::util
