#include "costgate/ingest/base_report.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/json_document.hpp"

#include <cmath>
#include <map>

namespace costgate::ingest {

namespace {

std::string string_at(const util::InputText& input, const nlohmann::json& object, const char* key,
                      const std::string& path) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        util::throw_shape_error(input, path + "." + key, "a string");
    return found->get<std::string>();
}

std::optional<Money> money_at(const util::InputText& input, const nlohmann::json& object,
                              const char* key, const std::string& path) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null())
        return std::nullopt;
    // Reports never hold negative costs: a negative one is an edited or foreign file.
    if (!found->is_number() || found->get<double>() < 0 || found->get<double>() > 1e12)
        util::throw_shape_error(input, path + "." + key,
                                "an amount from 0 to 1,000,000,000,000 or null");
    return Money::from_double(found->get<double>());
}

BaseResource base_resource(const util::InputText& input, const nlohmann::json& entry,
                           const std::string& path) {
    BaseResource resource;
    resource.source = string_at(input, entry, "source", path) == "kubernetes" ? Source::kubernetes
                                                                              : Source::terraform;
    resource.address = string_at(input, entry, "address", path);
    resource.type = string_at(input, entry, "type", path);
    if (const auto tags = entry.find("tags"); tags != entry.end() && tags->is_object())
        for (const auto& [key, value] : tags->items())
            if (value.is_string())
                resource.tags[key] = value.get<std::string>();
    resource.monthly_after = money_at(input, entry, "monthly_after", path);
    if (const auto partial = entry.find("partial"); partial != entry.end()) {
        if (!partial->is_boolean())
            util::throw_shape_error(input, path + ".partial", "true or false");
        resource.partial = partial->get<bool>();
    }
    return resource;
}

} // namespace

BaseReport read_base_report(const util::InputText& input, const std::string& project) {
    const nlohmann::json document = util::parse_json_document(input);
    if (document.is_object() &&
        (document.contains("resource_changes") || document.contains("format_version")))
        throw InputError({input.name}, "--compare-to takes a costgate JSON report of the base "
                                       "branch (costgate estimate --format json), not a Terraform "
                                       "plan");
    const auto version = document.is_object() ? document.find("schema_version") : document.end();
    if (!document.is_object() || version == document.end() || *version != 1)
        util::throw_shape_error(input, "schema_version",
                                "1: --compare-to takes a costgate JSON report "
                                "(costgate estimate --format json)");
    const auto resources = document.find("resources");
    if (resources == document.end() || !resources->is_array())
        util::throw_shape_error(input, "resources", "an array");
    BaseReport report;
    report.name = input.name;
    report.project = project;
    if (const auto currency = document.find("currency");
        currency != document.end() && currency->is_string())
        report.currency = currency->get<std::string>();
    std::map<std::pair<Source, std::string>, std::string> paths;
    for (std::size_t i = 0; i < resources->size(); ++i) {
        const nlohmann::json& entry = (*resources)[i];
        const std::string path = "resources[" + std::to_string(i) + "]";
        if (!entry.is_object())
            util::throw_shape_error(input, path, "an object");
        const auto owner = entry.find("project");
        if ((owner != entry.end() && owner->is_string() ? owner->get<std::string>() : "") !=
            project)
            continue;
        BaseResource resource = base_resource(input, entry, path);
        // A report never lists a resource twice: two entries would be two deletions.
        const auto [known, added] =
            paths.emplace(std::pair(resource.source, resource.address), path);
        if (!added)
            throw InputError({input.name, 0, 0, path},
                             resource.address + " is listed twice (also at " + known->second + ")");
        report.resources.push_back(std::move(resource));
    }
    return report;
}

} // namespace costgate::ingest
