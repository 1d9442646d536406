#include "cheaper_choices.hpp"
#include "resource_capacity.hpp"
#include "rule_kinds.hpp"

namespace costgate::policy {

namespace {

/// Selected resources that can run on spot or preemptible capacity must: instances, node
/// groups and pools, scale sets (their resource_types.yaml `spot_when`) and Kubernetes
/// workloads (a node selector or required node affinity on a spot node label). Types
/// without such a choice are not judged. With `match: {gpu: true}` and an environment
/// selection it is "GPU training in non-production runs on spot", where an interrupted
/// run costs a retry and on-demand GPUs cost up to several times more. Where the catalog
/// has the machine's spot price (Compute Engine), the finding gives it, and for a GPU
/// machine the cheapest region the policy allows.
class SpotRequired final : public Rule {
  public:
    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource) || runs_on_spot(resource) != false)
                continue;
            const std::string how = resource.source == Source::kubernetes
                                        ? "its pods select no spot nodes"
                                        : "it asks for on-demand capacity";
            const std::string suggestion = gpu_machine_suggestions(input, priced);
            findings.push_back(finding(&priced,
                                       resource.address +
                                           " must run on spot or preemptible capacity, but " + how +
                                           (suggestion.empty() ? "" : "; " + suggestion),
                                       {{"suggestion", suggestion}}));
        }
    }
};

} // namespace

std::unique_ptr<Rule> parse_spot_required(util::YamlMap&) {
    return std::make_unique<SpotRequired>();
}

} // namespace costgate::policy
