#include "costgate/pricing/estimator.hpp"

#include "costgate/model/error.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "inherited_regions.hpp"

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

// The parts of either state that lack a price, each once, after-state parts first.
std::vector<UnpricedComponent> unpriced_parts(const StateCost& before, const StateCost& after) {
    std::vector<UnpricedComponent> parts = after.unpriced;
    for (const UnpricedComponent& part : before.unpriced)
        if (std::find(parts.begin(), parts.end(), part) == parts.end())
            parts.push_back(part);
    return parts;
}

// Sets whether the resource is priced, partly priced or unpriced, and its amounts: a
// partly priced resource counts what its priced components cost, and its unknowns say
// which amounts leave something out. Nothing priced leaves the amounts absent.
void set_amounts(ResourceEstimate& estimate, Action action, const StateCost& before,
                 const StateCost& after) {
    estimate.unpriced = unpriced_parts(before, after);
    estimate.priced = estimate.unpriced.empty();
    const bool anything_priced = !before.components.empty() || !after.components.empty();
    estimate.partial = !estimate.priced && anything_priced;
    if (!estimate.priced) {
        Unknowns& unknowns = estimate.unknowns;
        unknowns.before = has_before(action) && !before.priced();
        unknowns.after = has_after(action) && !after.priced();
        // An unchanged resource's two states are one: what is unpriced in it cancels out.
        const bool unchanged = action == Action::no_op || action == Action::read;
        unknowns.delta_up = unknowns.after && !unchanged;
        unknowns.delta_down = unknowns.before && !unchanged;
    }
    if (estimate.priced || estimate.partial) {
        estimate.monthly_before = before.monthly();
        estimate.monthly_after = after.monthly();
        estimate.monthly_delta = *estimate.monthly_after - *estimate.monthly_before;
    }
}

StateCost price_state(const ResourceType& type, JsonValue values, JsonValue unknown,
                      const PricingContext& context) {
    return type.price(Attributes(values, unknown), context);
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
    const ResourceType* type = find_resource_type(resource.type);
    if (!type || !type->priced()) {
        if (resource.source == Source::terraform && is_outside_cloud_bill(resource.provider)) {
            estimate.outside_cloud_bill = true;
            estimate.monthly_before = estimate.monthly_after = estimate.monthly_delta = Money{};
            estimate.notes.push_back("outside the cloud bill: provider " + resource.provider +
                                     " (never on an AWS, GCP or Azure bill)");
        } else if (is_free_resource(resource.type)) {
            estimate.free = true;
            estimate.monthly_before = estimate.monthly_after = estimate.monthly_delta = Money{};
            estimate.notes.emplace_back("free resource type");
        } else {
            StateCost unsupported;
            unsupported.add_unpriced(resource.type,
                                     "resource type " + resource.type + " is not supported yet");
            append_unique(estimate.notes, unsupported.notes);
            set_amounts(estimate, resource.action,
                        has_before(resource.action) ? unsupported : StateCost(),
                        has_after(resource.action) ? unsupported : StateCost());
        }
        return estimate;
    }

    const PricingContext context(catalog, usage, resource, resources, options.cluster_profile,
                                 &by_type);
    StateCost before;
    StateCost after;
    if (has_before(resource.action) && resource.before)
        before = price_state(*type, *resource.before, JsonValue(), context);
    if (has_after(resource.action) && resource.after)
        after = price_state(*type, *resource.after, resource.after_unknown, context);
    // An unchanged resource's "after" is its current state; read actions have no before.
    if (resource.action == Action::no_op || resource.action == Action::read)
        before = after;

    append_unique(estimate.notes, after.notes);
    append_unique(estimate.notes, before.notes);
    append_unique(estimate.notes, usage.notes(resource.address, resource.type));
    estimate.components = has_after(resource.action) ? after.components : before.components;
    set_amounts(estimate, resource.action, before, after);
    if (estimate.priced && has_after(resource.action))
        estimate.monthly_after_max = after.monthly_max;
    return estimate;
}

} // namespace

Estimate estimate_costs(std::vector<Resource> resources, const Catalog& catalog, const Usage& usage,
                        const EstimateOptions& options) {
    // Every resource is priced before any is moved into the estimate: pricers look at the
    // other resources of the run (an HPA, a launch template).
    std::vector<ResourceEstimate> estimates;
    estimates.reserve(resources.size());
    inherit_regions(resources);
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
