#include "rule_kinds.hpp"

namespace costgate::policy {

namespace {

/// Resources costgate could not price (not in the catalog, nor known to be free), so a
/// team can decide whether an unknown cost warns or blocks. Free resources never match.
class Unpriced final : public Rule {
  public:
    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource))
                continue;
            const ResourceEstimate& estimate = priced.estimate;
            if (estimate.priced || estimate.free)
                continue;
            std::string notes;
            for (const std::string& note : estimate.notes)
                notes += (notes.empty() ? "" : "; ") + note;
            findings.push_back(finding(&priced,
                                       resource.address + " could not be priced" +
                                           (notes.empty() ? "" : ": " + notes),
                                       {{"notes", notes}}));
        }
    }
};

} // namespace

std::unique_ptr<Rule> parse_unpriced(util::YamlMap&) {
    return std::make_unique<Unpriced>();
}

} // namespace costgate::policy
