#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace costgate::pricing {

/// The model id of a Bedrock foundation-model ARN
/// (`arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1` ->
/// `anthropic.claude-v2:1`), or nullopt when the text names no foundation model (a custom
/// model's ARN). Pricing and the allowed_models rule read models the same way.
std::optional<std::string> foundation_model_of(std::string_view arn);

/// The smaller model of `model`'s family (`gpt-4o-2024-08-06` -> `gpt-4o-mini`), from
/// src/pricing/types/smaller_models.yaml; nullopt when the list names none.
std::optional<std::string> smaller_model_of(std::string_view model);

} // namespace costgate::pricing
