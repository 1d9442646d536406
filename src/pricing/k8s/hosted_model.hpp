#pragma once

#include "costgate/model/json_tree.hpp"
#include "costgate/pricing/pricer.hpp"
#include "model_tokens.hpp"

#include <optional>
#include <string>

namespace costgate::pricing::k8s {

/// The annotation naming the hosted model a workload calls.
inline constexpr std::string_view k_model_annotation = "costgate.io/model";

/// The hosted model a Kubernetes workload calls (an application sending prompts to Bedrock,
/// Azure OpenAI, Vertex AI, OpenAI or Anthropic): the usage file's `model` for it, else the
/// annotation `costgate.io/model` on the workload, else on its pod template. Written as the
/// catalog keys the model's prices, `PROVIDER/SERVICE/MODEL` (`openai/api/gpt-4o-mini`,
/// `aws/bedrock/anthropic.claude-3-haiku-20240307-v1:0`), priced at the list price that
/// names no region (`any`), or `PROVIDER/SERVICE/MODEL/REGION` to price it in one
/// (`azure/openai/gpt-4o-mini/global`). nullopt when neither names a model; InputError,
/// naming where the name was read, when it is not of that shape.
std::optional<HostedModel> hosted_model(JsonValue object, const PricingContext& context);

} // namespace costgate::pricing::k8s
