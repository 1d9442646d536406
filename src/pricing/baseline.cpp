#include "costgate/pricing/baseline.hpp"

#include "costgate/model/error.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace costgate::pricing {

namespace {

using Key = std::pair<Source, std::string>;

// Records that the base report left part of the resource's cost before the change out:
// monthly_before is then a lower bound, and the delta may be lower than it says.
void before_incomplete(ResourceEstimate& estimate, const ingest::BaseResource& entry,
                       const std::string& base_name) {
    const std::string reason = std::string(entry.monthly_after ? "partly priced" : "unpriced") +
                               " in the --compare-to report " + base_name;
    estimate.notes.push_back(reason);
    estimate.unpriced.push_back({"monthly cost before the change", reason, ""});
    estimate.priced = false;
    estimate.partial = estimate.monthly_after.has_value();
    estimate.unknowns.before = true;
    estimate.unknowns.delta_down = true;
}

// A base resource this run no longer has: its monthly cost goes away.
PricedResource deletion(const ingest::BaseReport& base, const ingest::BaseResource& entry) {
    PricedResource priced;
    Resource& resource = priced.resource;
    if (entry.source == Source::kubernetes)
        if (const auto k8s = parse_kubernetes_address(entry.address))
            resource = kubernetes_resource(k8s->kind, k8s->k8s_namespace, k8s->name);
    resource.address = entry.address;
    resource.type = entry.type;
    resource.source = entry.source;
    resource.file = base.name;
    resource.action = Action::remove;
    resource.project = base.project;
    resource.tags = entry.tags;
    ResourceEstimate& estimate = priced.estimate;
    estimate.notes.push_back("in the --compare-to report " + base.name + " but not in this run");
    if (entry.monthly_after) {
        estimate.monthly_before = *entry.monthly_after;
        estimate.monthly_after = Money{};
        estimate.monthly_delta = Money{} - *entry.monthly_after;
    }
    if (entry.partial || !entry.monthly_after)
        before_incomplete(estimate, entry, base.name);
    return priced;
}

// Sets the resource's before from the base (nullptr: not in the base, so new).
void take_before(PricedResource& priced, const ingest::BaseResource* entry,
                 const std::string& base_name) {
    ResourceEstimate& estimate = priced.estimate;
    if (!entry)
        estimate.notes.push_back("not in the --compare-to report " + base_name + ": new");
    // Without an amount after the change there is nothing to compare.
    if (!estimate.monthly_after)
        return;
    const Money before = entry ? entry->monthly_after.value_or(Money{}) : Money{};
    estimate.monthly_before = before;
    estimate.monthly_delta = *estimate.monthly_after - before;
    // The base replaces this run's own before state, and with it what that state left out.
    estimate.unknowns.before = estimate.unknowns.delta_down = false;
    if (entry && (entry->partial || !entry->monthly_after))
        before_incomplete(estimate, *entry, base_name);
}

} // namespace

void apply_baseline(Estimate& estimate, const std::string& currency,
                    const ingest::BaseReport& base) {
    if (!base.currency.empty() && base.currency != currency)
        throw InputError({base.name, 0, 0, "currency"}, "the base report prices in " +
                                                            base.currency + ", this run in " +
                                                            currency);
    // read_base_report refuses a key listed twice; `second` says it was matched.
    std::map<Key, std::pair<const ingest::BaseResource*, bool>> by_key;
    for (const ingest::BaseResource& entry : base.resources)
        by_key.emplace(Key{entry.source, entry.address}, std::pair(&entry, false));

    std::vector<PricedResource> resources = std::move(estimate.resources);
    for (PricedResource& priced : resources) {
        const auto found = by_key.find(Key{priced.resource.source, priced.resource.address});
        if (found != by_key.end())
            found->second.second = true;
        take_before(priced, found == by_key.end() ? nullptr : found->second.first, base.name);
    }
    for (const auto& [key, entry] : by_key)
        if (!entry.second)
            resources.push_back(deletion(base, *entry.first));
    std::stable_sort(resources.begin(), resources.end(), report_order);

    Estimate rebuilt;
    rebuilt.cost_centre_tag = estimate.cost_centre_tag;
    for (PricedResource& priced : resources)
        rebuilt.add(std::move(priced));
    estimate = std::move(rebuilt);
}

} // namespace costgate::pricing
