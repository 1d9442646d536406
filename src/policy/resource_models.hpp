#pragma once

#include "costgate/model/resource.hpp"

#include <string>
#include <vector>

namespace costgate::policy {

/// The AI models a resource's after state serves, where its type names one
/// (resource_types.yaml `model:`): a Bedrock foundation-model ARN gives its model id
/// (`anthropic.claude-v2:1`), an Azure OpenAI deployment its model name (`gpt-4o-mini`).
std::vector<std::string> models_of(const Resource& resource);

} // namespace costgate::policy
