#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/policy/rule.hpp"
#include "costgate/pricing/catalog.hpp"
#include "token_components.hpp"

#include <string>

namespace costgate::policy {

/// `gpt-4o-mini, the smaller model of its family, costs $0.60 per 1M output tokens (6% of
/// the price)`: the smaller model of `price`'s family (src/pricing/types/smaller_models.yaml)
/// where the catalog prices it for the same service, kind of token and region, for less.
/// Empty when there is none.
std::string smaller_model_text(const pricing::Catalog& catalog, const TokenPrice& price,
                               const std::string& currency);

/// `spot n1-standard-8 in us-central1 costs $0.13402 an hour (35.27% of the on-demand
/// $0.379998)`: the spot price of the resource's on-demand machine where the catalog has
/// one (`<service>_spot`, as Compute Engine has). Empty when there is none.
std::string spot_price_text(const pricing::Catalog& catalog, const PricedResource& priced,
                            const std::string& currency);

/// `the same p3.2xlarge in us-west-2, which the policy allows, costs $3.06 an hour (75.18% of
/// $4.07 in ap-southeast-2)`: the cheapest region the catalog prices the resource's GPU
/// machine in (same service and product) that every `regions` rule selecting the resource
/// allows. Empty for machines without GPUs, when no `regions` rule of the policy selects the
/// resource (costgate does not move a workload where the policy says nothing of where it may
/// run), or when no allowed region is cheaper.
std::string cheaper_region_text(const EvaluationInput& input, const PricedResource& priced);

/// The cheaper choices for a GPU machine that findings about its cost name: its spot price
/// and the cheapest allowed region, joined by `; ` (empty when there are none).
std::string gpu_machine_suggestions(const EvaluationInput& input, const PricedResource& priced);

} // namespace costgate::policy
