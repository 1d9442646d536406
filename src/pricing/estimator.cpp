#include "costgate/pricing/estimator.hpp"

#include "costgate/model/error.hpp"
#include "costgate/pricing/pricer.hpp"

#include <algorithm>

namespace costgate::pricing {

namespace {

bool has_before(Action action) {
    return action != Action::create;
}
bool has_after(Action action) {
    return action != Action::remove;
}

void append_unique(std::vector<std::string>& notes, const std::vector<std::string>& more) {
    for (const std::string& note : more)
        if (std::find(notes.begin(), notes.end(), note) == notes.end())
            notes.push_back(note);
}

StateCost price_state(PriceFunction pricer, JsonValue values, JsonValue unknown,
                      const PricingContext& context) {
    return pricer(Attributes(values, unknown), context);
}

// Pricers, attributes and Money report bad numbers without knowing the resource; name it.
[[noreturn]] void fail_for(const Resource& resource, const std::string& what) {
    throw InputError({resource.file, resource.line}, resource.address + ": " + what);
}

ResourceEstimate estimate_resource(const Resource& resource, const std::vector<Resource>& resources,
                                   const ResourcesByType& by_type, const Catalog& catalog,
                                   const Usage& usage, const EstimateOptions& options) {
    ResourceEstimate estimate;
    estimate.notes = resource.notes;
    const PriceFunction pricer = find_pricer(resource.type);
    if (!pricer) {
        if (is_free_resource(resource.type)) {
            estimate.free = true;
            estimate.monthly_before = estimate.monthly_after = estimate.monthly_delta = Money{};
            estimate.notes.emplace_back("free resource type");
        } else {
            estimate.priced = false;
            estimate.notes.push_back("resource type " + resource.type + " is not supported yet");
        }
        return estimate;
    }

    const PricingContext context(catalog, usage, resource, resources, options.cluster_profile,
                                 &by_type);
    StateCost before;
    StateCost after;
    if (has_before(resource.action) && resource.before)
        before = price_state(pricer, *resource.before, JsonValue(), context);
    if (has_after(resource.action) && resource.after)
        after = price_state(pricer, *resource.after, resource.after_unknown, context);
    // An unchanged resource's "after" is its current state; read actions have no before.
    if (resource.action == Action::no_op || resource.action == Action::read)
        before = after;

    append_unique(estimate.notes, after.notes);
    append_unique(estimate.notes, before.notes);
    estimate.priced = before.priced && after.priced;
    estimate.components = has_after(resource.action) ? after.components : before.components;
    if (estimate.priced) {
        estimate.monthly_before = before.monthly();
        estimate.monthly_after = after.monthly();
        estimate.monthly_delta = *estimate.monthly_after - *estimate.monthly_before;
        if (has_after(resource.action))
            estimate.monthly_after_max = after.monthly_max;
    }
    return estimate;
}

} // namespace

Estimate estimate_costs(std::vector<Resource> resources, const Catalog& catalog, const Usage& usage,
                        const EstimateOptions& options) {
    // Every resource is priced before any is moved into the estimate: pricers look at the
    // other resources of the run (an HPA, a launch template).
    std::vector<ResourceEstimate> estimates;
    estimates.reserve(resources.size());
    const ResourcesByType by_type(resources);
    for (const Resource& resource : resources) {
        try {
            estimates.push_back(
                estimate_resource(resource, resources, by_type, catalog, usage, options));
        } catch (const InputError& error) {
            if (!error.where().file.empty())
                throw;
            fail_for(resource, error.what());
        } catch (const std::overflow_error& error) {
            fail_for(resource, error.what());
        }
    }
    Estimate estimate;
    estimate.cost_centre_tag = options.cost_centre_tag;
    estimate.resources.reserve(resources.size());
    for (std::size_t i = 0; i < resources.size(); ++i)
        estimate.add({std::move(resources[i]), std::move(estimates[i])});
    return estimate;
}

} // namespace costgate::pricing
