#pragma once

#include "costgate/model/estimate.hpp"

#include <string>
#include <vector>

namespace costgate::policy {

/// The AI models a resource's after state serves or calls: where its type names one
/// (resource_types.yaml `model:`), that attribute (a Bedrock foundation-model ARN gives its
/// model id, `anthropic.claude-v2:1`; an Azure OpenAI deployment its model name,
/// `gpt-4o-mini`); otherwise the models its token parts are priced for, priced or not (a
/// Kubernetes workload calling a hosted model, src/pricing/k8s/hosted_model.hpp). Each once,
/// in the order found.
std::vector<std::string> models_of(const PricedResource& priced);

} // namespace costgate::policy
