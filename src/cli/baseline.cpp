#include "baseline.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/json_document.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

namespace costgate::cli {

namespace {

struct BaseResource {
    const nlohmann::json* json;
    std::string path;
    bool used = false;
};

std::string string_at(const util::InputText& base, const nlohmann::json& object, const char* key,
                      const std::string& path) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        util::throw_shape_error(base, path + "." + key, "a string");
    return found->get<std::string>();
}

std::optional<Money> money_at(const util::InputText& base, const nlohmann::json& object,
                              const char* key, const std::string& path) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null())
        return std::nullopt;
    // Reports never hold negative costs: a negative one is an edited or foreign file.
    if (!found->is_number() || found->get<double>() < 0 || found->get<double>() > 1e12)
        util::throw_shape_error(base, path + "." + key,
                                "an amount from 0 to 1,000,000,000,000 or null");
    return Money::from_double(found->get<double>());
}

std::string key_of(const std::string& source, const std::string& address) {
    return source + '\n' + address;
}

// A base resource this run no longer has: its monthly cost goes away.
void add_deletion(Report& report, const util::InputText& base, const BaseResource& entry,
                  Money before) {
    const nlohmann::json& json = *entry.json;
    Resource resource;
    resource.address = string_at(base, json, "address", entry.path);
    resource.type = string_at(base, json, "type", entry.path);
    resource.source = string_at(base, json, "source", entry.path) == "kubernetes"
                          ? Source::kubernetes
                          : Source::terraform;
    if (resource.source == Source::kubernetes)
        if (const auto k8s = parse_kubernetes_address(resource.address)) {
            resource.k8s_namespace = k8s->k8s_namespace;
            resource.k8s_name = k8s->name;
        }
    resource.file = base.name;
    resource.action = Action::remove;
    if (const auto project = json.find("project"); project != json.end() && project->is_string())
        resource.project = project->get<std::string>();
    if (const auto tags = json.find("tags"); tags != json.end() && tags->is_object())
        for (const auto& [key, value] : tags->items())
            if (value.is_string())
                resource.tags[key] = value.get<std::string>();
    ResourceEstimate estimate;
    estimate.monthly_before = before;
    estimate.monthly_after = Money{};
    estimate.monthly_delta = Money{} - before;
    estimate.notes.push_back("in the --compare-to report " + base.name + " but not in this run");
    report.resources.push_back(std::move(resource));
    report.estimate.resources.push_back(std::move(estimate));
}

void recompute_totals(Report& report) {
    std::vector<std::size_t> order(report.resources.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Resource& x = report.resources[a];
        const Resource& y = report.resources[b];
        return std::tie(x.address, x.source, x.file) < std::tie(y.address, y.source, y.file);
    });
    std::vector<Resource> resources;
    Estimate estimate;
    estimate.cost_centre_tag = report.estimate.cost_centre_tag;
    for (const std::size_t i : order) {
        Resource& resource = report.resources[i];
        ResourceEstimate& cost = report.estimate.resources[i];
        estimate.totals.add(cost);
        const auto centre = resource.tags.find(estimate.cost_centre_tag);
        estimate.by_cost_centre[centre == resource.tags.end() ? "(untagged)" : centre->second].add(
            cost);
        if (resource.source == Source::kubernetes)
            estimate.by_namespace[resource.k8s_namespace].add(cost);
        resources.push_back(std::move(resource));
        estimate.resources.push_back(std::move(cost));
    }
    report.resources = std::move(resources);
    report.estimate = std::move(estimate);
}

} // namespace

void apply_baseline(Report& report, const util::InputText& base, const std::string& project) {
    const nlohmann::json document = util::parse_json_document(base);
    if (document.is_object() &&
        (document.contains("resource_changes") || document.contains("format_version")))
        throw InputError({base.name}, "--compare-to takes a costgate JSON report of the base "
                                      "branch (costgate estimate --format json), not a Terraform "
                                      "plan");
    const auto version = document.is_object() ? document.find("schema_version") : document.end();
    if (!document.is_object() || version == document.end() || *version != 1)
        util::throw_shape_error(base, "schema_version",
                                "1: --compare-to takes a costgate JSON report "
                                "(costgate estimate --format json)");
    const auto resources = document.find("resources");
    if (resources == document.end() || !resources->is_array())
        util::throw_shape_error(base, "resources", "an array");
    if (const auto currency = document.find("currency");
        currency != document.end() && currency->is_string() && *currency != report.currency)
        throw InputError({base.name, 0, 0, "currency"}, "the base report prices in " +
                                                            currency->get<std::string>() +
                                                            ", this run in " + report.currency);

    std::map<std::string, BaseResource> by_key;
    for (std::size_t i = 0; i < resources->size(); ++i) {
        const nlohmann::json& entry = (*resources)[i];
        const std::string path = "resources[" + std::to_string(i) + "]";
        if (!entry.is_object())
            util::throw_shape_error(base, path, "an object");
        const auto owner = entry.find("project");
        const std::string entry_project =
            owner != entry.end() && owner->is_string() ? owner->get<std::string>() : "";
        if (entry_project != project)
            continue;
        const std::string address = string_at(base, entry, "address", path);
        const auto [known, added] = by_key.emplace(
            key_of(string_at(base, entry, "source", path), address), BaseResource{&entry, path});
        if (!added)
            throw InputError({base.name, 0, 0, path},
                             address + " is listed twice (also at " + known->second.path + ")");
    }
    for (std::size_t i = 0; i < report.resources.size(); ++i) {
        const Resource& resource = report.resources[i];
        ResourceEstimate& estimate = report.estimate.resources[i];
        const auto found =
            by_key.find(key_of(std::string(to_string(resource.source)), resource.address));
        std::optional<Money> before = Money{};
        if (found != by_key.end()) {
            found->second.used = true;
            before = money_at(base, *found->second.json, "monthly_after", found->second.path);
        } else {
            estimate.notes.push_back("not in the --compare-to report " + base.name + ": new");
        }
        if (!estimate.priced)
            continue;
        if (!before) {
            estimate.priced = false;
            estimate.monthly_before = estimate.monthly_after = estimate.monthly_delta =
                std::nullopt;
            estimate.notes.push_back("unpriced in the --compare-to report " + base.name);
            continue;
        }
        estimate.monthly_before = before;
        estimate.monthly_delta = estimate.monthly_after.value_or(Money{}) - *before;
    }
    for (const auto& [key, entry] : by_key)
        if (!entry.used)
            if (const auto before = money_at(base, *entry.json, "monthly_after", entry.path))
                add_deletion(report, base, entry, *before);
    recompute_totals(report);
}

} // namespace costgate::cli
