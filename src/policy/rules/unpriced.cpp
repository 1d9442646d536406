#include "rule_kinds.hpp"

namespace costgate::policy {

namespace {

/// Resources costgate could not price (not in the catalog, nor known to be free), so a
/// team can decide whether an unknown cost warns or blocks. Free resources never match.
class Unpriced final : public Rule {
  public:
    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const Resource& resource : input.resources) {
            if (!match.matches(resource))
                continue;
            const ResourceEstimate& estimate = input.estimate_of(resource);
            if (estimate.priced || estimate.free)
                continue;
            std::string notes;
            for (const std::string& note : estimate.notes)
                notes += (notes.empty() ? "" : "; ") + note;
            findings.push_back(finding(input, &resource,
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
