#include "costgate/ingest/terraform_plan.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/json_document.hpp"
#include "plan_completeness.hpp"
#include "plan_document.hpp"
#include "plan_references.hpp"
#include "plan_unwrap.hpp"
#include "provider_regions.hpp"
#include "region.hpp"
#include "resource_tags.hpp"

#include <spdlog/spdlog.h>
#include <tuple>

namespace costgate::ingest {

namespace {

/// An empty object, for a state the plan leaves out.
JsonTree empty_object() {
    JsonTreeBuilder builder;
    builder.begin_object();
    builder.end_object();
    return builder.finish();
}

/// Reads one plan document, tracking JSON paths for messages.
class PlanReader {
  public:
    PlanReader(const util::InputText& input, PlanDocument& plan, const PlanReadOptions& options)
        : m_input(input), m_plan(plan.top), m_entries(plan.entries), m_options(options),
          m_provider_regions(plan.top) {}

    std::vector<Resource> read() {
        check_is_plan();
        check_plan_is_whole(m_input, m_plan);
        std::vector<Resource> resources;
        const JsonValue changes = m_plan.find("resource_changes");
        if (!changes || changes.is_null()) {
            if (has_planned_resources())
                spdlog::warn("{}: the plan has planned_values but no resource_changes; only "
                             "resource_changes are priced, so this plan adds nothing",
                             m_input.name);
            return resources;
        }
        if (!changes.is_array())
            fail("resource_changes",
                 "expected an array, found " + std::string(changes.type_name()));
        resources.reserve(m_entries.size());
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            const std::string path = "resource_changes[" + std::to_string(i) + "]";
            if (auto resource = read_change(m_entries[i], path))
                resources.push_back(std::move(*resource));
        }
        PlanReferences(m_plan).resolve(resources);
        return resources;
    }

  private:
    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        util::throw_shape_error(m_input, path, what);
    }

    [[noreturn]] void not_a_plan(const std::string& what) const {
        throw InputError({m_input.name}, "not a Terraform plan: " + what);
    }

    bool has(std::string_view key) const { return static_cast<bool>(m_plan.find(key)); }

    void check_is_plan() const {
        if (!m_plan.is_object())
            not_a_plan("expected a JSON object at the top level, found " +
                       std::string(m_plan.type_name()));
        if (has("plan_format_version") && !has("format_version"))
            not_a_plan("this is HCP Terraform's redacted plan format; run "
                       "`terraform show -json PLANFILE` to get the plan JSON costgate reads");
        const bool has_plan_keys =
            has("resource_changes") || has("planned_values") || has("configuration");
        if ((has("lineage") && has("serial")) || (has("values") && !has_plan_keys))
            not_a_plan("this looks like Terraform state; run `terraform plan -out plan.out` "
                       "then `terraform show -json plan.out`");
        const JsonValue version = m_plan.find("format_version");
        if (!version) {
            // Hand-trimmed plans (common in other tools' fixtures) drop the version but keep
            // the plan's own keys; those are read as the current format.
            if (!has_plan_keys)
                not_a_plan("it has no format_version (expected `terraform show -json` output)");
            return;
        }
        if (!version.is_string())
            fail("format_version", "expected a string, found " + std::string(version.type_name()));
        const std::string_view text = version.string();
        if (!text.starts_with("0.") && !text.starts_with("1."))
            fail("format_version", "unsupported plan format_version \"" + std::string(text) +
                                       "\" (costgate reads 0.x and 1.x)");
    }

    bool has_planned_resources() const {
        const JsonValue root = m_plan.find("planned_values").find("root_module");
        return root.find("resources") || root.find("child_modules");
    }

    std::string required_string(JsonValue object, const char* key, const std::string& path) const {
        const JsonValue found = object.find(key);
        if (!found)
            fail(path, std::string("missing \"") + key + "\"");
        if (!found.is_string())
            fail(path + "." + key, "expected a string, found " + std::string(found.type_name()));
        return std::string(found.string());
    }

    Action read_actions(JsonValue change, const std::string& path) const {
        const JsonValue actions = change.find("actions");
        if (!actions)
            fail(path, "missing \"actions\"");
        if (!actions.is_array() || actions.empty())
            fail(path + ".actions", "expected a non-empty array of action names");
        std::vector<std::string> names;
        for (const JsonValue name : actions.children()) {
            const std::string item_path = path + ".actions[" + std::to_string(names.size()) + "]";
            if (!name.is_string())
                fail(item_path, "expected an action name, found " + std::string(name.type_name()));
            names.emplace_back(name.string());
        }
        if (names.size() == 1) {
            const std::string& name = names.front();
            if (name == "create")
                return Action::create;
            if (name == "update")
                return Action::update;
            if (name == "delete")
                return Action::remove;
            if (name == "no-op" || name == "forget")
                return Action::no_op;
            if (name == "read")
                return Action::read;
        }
        if (names.size() == 2 && ((names[0] == "delete" && names[1] == "create") ||
                                  (names[0] == "create" && names[1] == "delete")))
            return Action::replace;
        std::string joined;
        for (const std::string& name : names)
            joined += (joined.empty() ? "" : ", ") + name;
        fail(path + ".actions", "unknown action combination [" + joined + "]");
    }

    static std::string provider_short_name(JsonValue entry, const std::string& type) {
        if (const JsonValue name = entry.find("provider_name"); name.is_string()) {
            const std::string_view full = name.string();
            return std::string(full.substr(full.rfind('/') + 1));
        }
        return type.substr(0, type.find('_'));
    }

    std::optional<Resource> read_change(PlanEntry& split, const std::string& path) const {
        const JsonValue entry = split.fields;
        if (!entry.is_object())
            fail(path, "expected an object, found " + std::string(entry.type_name()));
        if (entry.find("mode").is_string("data"))
            return std::nullopt;

        Resource resource;
        resource.source = Source::terraform;
        resource.file = m_input.name;
        resource.address = required_string(entry, "address", path);
        resource.type = required_string(entry, "type", path);
        resource.provider = provider_short_name(entry, resource.type);
        resource.cloud = cloud_of_provider(resource.provider);
        if (const JsonValue deposed = entry.find("deposed"); deposed.is_string())
            resource.address += " (deposed " + std::string(deposed.string()) + ")";

        const JsonValue change = entry.find("change");
        if (!change)
            fail(path, "missing \"change\"");
        if (!change.is_object())
            fail(path + ".change", "expected an object, found " + std::string(change.type_name()));
        resource.action = read_actions(change, path + ".change");
        if (change.find("actions")[0].is_string("forget"))
            resource.notes.push_back("removed from Terraform state, not destroyed");

        read_states(resource, split, path + ".change");
        resolve_region(resource, entry);
        resource.tags = resource_tags(resource);
        if (const JsonValue previous = entry.find("previous_address"); previous.is_string())
            resource.notes.push_back("moved from " + std::string(previous.string()));
        return resource;
    }

    void read_states(Resource& resource, PlanEntry& split, const std::string& path) const {
        for (auto [side, state, target] : {std::tuple{"before", &split.before, &resource.before},
                                           std::tuple{"after", &split.after, &resource.after}}) {
            if (!*state || state->value().root().is_null())
                continue;
            if (!state->value().root().is_object())
                fail(path + "." + side, "expected an object or null, found " +
                                            std::string(state->value().root().type_name()));
            *target = std::move(*state);
        }
        if (split.after_unknown)
            resource.after_unknown = std::move(*split.after_unknown);
        const bool needs_before = resource.action != Action::create;
        const bool needs_after = resource.action != Action::remove;
        if (needs_before && !resource.before && resource.action != Action::read)
            resource.before = empty_object();
        if (needs_after && !resource.after)
            resource.after = empty_object();
    }

    void resolve_region(Resource& resource, JsonValue entry) const {
        const JsonValue attributes = resource.after ? *resource.after : *resource.before;
        resource.region = region_from_attributes(resource.cloud, attributes);
        if (!resource.region.empty())
            return;
        std::string module_path;
        if (const JsonValue module = entry.find("module_address"); module.is_string())
            module_path = strip_instance_keys(std::string(module.string())) + ".";
        const std::string name(entry.find("name").string());
        resource.region = m_provider_regions.region_for(module_path + resource.type + "." + name,
                                                        resource.provider);
        if (resource.region.empty() && !m_options.default_region.empty()) {
            resource.region = m_options.default_region;
            resource.notes.push_back("region " + resource.region + " from --region");
        }
    }

    const util::InputText& m_input;
    JsonValue m_plan;
    std::vector<PlanEntry>& m_entries;
    const PlanReadOptions& m_options;
    ProviderRegions m_provider_regions;
};

} // namespace

std::vector<Resource> read_terraform_plan(const util::InputText& input,
                                          const PlanReadOptions& options) {
    std::optional<util::InputText> unwrapped;
    if (input.text.starts_with("[command]"))
        unwrapped =
            util::InputText{input.name, unwrap_setup_terraform_output(std::string(input.text))};
    const util::InputText& text = unwrapped ? *unwrapped : input;
    PlanDocument plan = read_plan_document(text);
    return PlanReader(text, plan, options).read();
}

} // namespace costgate::ingest
