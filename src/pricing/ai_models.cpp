#include "costgate/pricing/ai_models.hpp"

namespace costgate::pricing {

std::optional<std::string> foundation_model_of(std::string_view arn) {
    constexpr std::string_view k_marker = ":foundation-model/";
    const std::size_t at = arn.find(k_marker);
    if (at == std::string_view::npos || at + k_marker.size() == arn.size())
        return std::nullopt;
    return std::string(arn.substr(at + k_marker.size()));
}

} // namespace costgate::pricing
