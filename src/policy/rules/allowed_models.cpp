#include "costgate/util/glob.hpp"
#include "resource_models.hpp"
#include "rule_kinds.hpp"
#include "rule_options.hpp"

#include <algorithm>

namespace costgate::policy {

namespace {

/// Selected resources that serve or call an AI model (Bedrock provisioned throughput, Azure
/// OpenAI deployments, Kubernetes workloads calling a hosted model) must use one of the
/// allowed models: a list of names or globs, so a team
/// reaches for the approved model rather than the largest one.
class AllowedModels final : public Rule {
  public:
    std::vector<std::string> models;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource))
                continue;
            for (const std::string& model : models_of(priced)) {
                const bool allowed =
                    std::any_of(models.begin(), models.end(), [&](const std::string& glob) {
                        return util::glob_match(glob, model);
                    });
                if (!allowed)
                    findings.push_back(
                        finding(&priced,
                                resource.address + " serves model " + model +
                                    ", which is not allowed (allowed: " + join_list(models) + ")",
                                {{"model", model}, {"allowed", join_list(models)}}));
            }
        }
    }
};

} // namespace

std::unique_ptr<Rule> parse_allowed_models(util::YamlMap& map) {
    auto rule = std::make_unique<AllowedModels>();
    rule->models = glob_list(map, "models");
    if (rule->models.empty())
        map.fail("allowed_models needs \"models\": the model names or globs allowed");
    return rule;
}

} // namespace costgate::policy
