#include "plan_on_demand.hpp"

#include "valid_json_reader.hpp"

namespace costgate::ingest {

namespace {

using nlohmann::json;
namespace ondemand = simdjson::ondemand;

// Entries read are given back in steps of this size (a system call each).
constexpr std::size_t k_release_step = 8 << 20;

template <typename T> T take(simdjson::simdjson_result<T> result) {
    T value{};
    check_ondemand(std::move(result).get(value));
    return value;
}

bool is_one_of(std::string_view key, std::initializer_list<std::string_view> keys) {
    for (std::string_view candidate : keys)
        if (key == candidate)
            return true;
    return false;
}

// Only what ProviderRegions reads: resources' address and provider_config_key, and the
// modules of module_calls, recursively. Unexpected shapes are kept whole.
json module_outline(ondemand::value module) {
    if (take(module.type()) != ondemand::json_type::object)
        return to_nlohmann(module);
    json out = json::object();
    for (auto member : take(module.get_object())) {
        ondemand::field field = take(std::move(member));
        const std::string key(take(field.unescaped_key()));
        ondemand::value value = field.value();
        if (key == "resources" && take(value.type()) == ondemand::json_type::array) {
            json resources = json::array();
            for (auto item : take(value.get_array())) {
                ondemand::value resource = take(std::move(item));
                if (take(resource.type()) != ondemand::json_type::object) {
                    resources.push_back(to_nlohmann(resource));
                    continue;
                }
                json kept = json::object();
                for (auto resource_member : take(resource.get_object())) {
                    ondemand::field resource_field = take(std::move(resource_member));
                    const std::string name(take(resource_field.unescaped_key()));
                    if (name == "address" || name == "provider_config_key")
                        kept[name] = to_nlohmann(resource_field.value());
                }
                resources.push_back(std::move(kept));
            }
            out[key] = std::move(resources);
        } else if (key == "module_calls" && take(value.type()) == ondemand::json_type::object) {
            json calls = json::object();
            for (auto call_member : take(value.get_object())) {
                ondemand::field call_field = take(std::move(call_member));
                const std::string name(take(call_field.unescaped_key()));
                ondemand::value call = call_field.value();
                if (take(call.type()) != ondemand::json_type::object) {
                    calls[name] = to_nlohmann(call);
                    continue;
                }
                json kept = json::object();
                for (auto call_entry : take(call.get_object())) {
                    ondemand::field entry = take(std::move(call_entry));
                    if (take(entry.unescaped_key()) == "module")
                        kept["module"] = module_outline(entry.value());
                }
                calls[name] = std::move(kept);
            }
            out[key] = std::move(calls);
        } else if (key == "resources" || key == "module_calls") {
            out[key] = to_nlohmann(value);
        }
    }
    return out;
}

json configuration_outline(ondemand::value configuration) {
    if (take(configuration.type()) != ondemand::json_type::object)
        return to_nlohmann(configuration);
    json out = json::object();
    for (auto member : take(configuration.get_object())) {
        ondemand::field field = take(std::move(member));
        const std::string key(take(field.unescaped_key()));
        if (key == "provider_config")
            out[key] = to_nlohmann(field.value());
        else if (key == "root_module")
            out[key] = module_outline(field.value());
    }
    return out;
}

} // namespace

std::optional<OnDemandPlan> OnDemandPlan::open(const util::InputText& input) {
    std::optional<JsonOutline> outline = outline_json(input.text, "resource_changes");
    if (!outline)
        return std::nullopt;
    std::optional<OnDemandPlan> plan(OnDemandPlan(input, std::move(*outline)));
    if (!plan->build_skeleton())
        return std::nullopt;
    // planned_values and prior_state, half of a plan, are not looked at again.
    input.release(0, plan->m_changes.begin);
    input.release(plan->m_changes.end, input.text.size());
    plan->m_released = plan->m_changes.begin;
    return plan;
}

std::string_view OnDemandPlan::text_of(const JsonSpan& span) const {
    return std::string_view(m_input->text).substr(span.begin, span.end - span.begin);
}

bool OnDemandPlan::build_skeleton() {
    bool has_changes = false;
    for (const JsonOutline::Member& member : m_outline.members) {
        const std::string key(member.key);
        const std::string_view text = text_of(member.value);
        if (key == "resource_changes") {
            has_changes = text.starts_with('[');
            m_changes = member.value;
            m_skeleton[key] = json::array();
        } else if (is_one_of(key, {"format_version", "variables", "errored", "complete",
                                   "deferred_changes"})) {
            m_skeleton[key] = json::parse(text);
        } else if (key == "configuration" && !text.starts_with('{')) {
            m_skeleton[key] = json::parse(text);
        } else if (key == "configuration") {
            ondemand::document document = take(m_parser.iterate(m_slice.copy(text)));
            m_skeleton[key] = configuration_outline(take(document.get_value()));
        } else if (is_one_of(key, {"plan_format_version", "lineage", "serial", "values",
                                   "planned_values"})) {
            m_skeleton[key] = nullptr; // tested for presence only
        }
    }
    if (!has_changes)
        return false;
    m_skeleton["resource_changes"] = json::array();
    m_skeleton["resource_changes"].get_ref<json::array_t&>().resize(m_outline.elements.size());
    return true;
}

PlanEntry OnDemandPlan::entry(std::size_t index) {
    const JsonSpan span = m_outline.elements.at(index);
    const std::string_view text = text_of(span);
    if (!text.starts_with('{'))
        return PlanEntry::from_json(
            json::parse(text)); // not an object: the reader reports its type
    if (span.end - m_released >= k_release_step) {
        m_input->release(m_released, span.begin);
        m_released = span.begin;
    }
    PlanEntry entry;
    ValidJsonReader reader(text);
    m_builder.begin_object();
    reader.enter_object();
    std::string_view key;
    while (reader.next_key(key)) {
        if (key == "change" && reader.peek() == '{') {
            m_builder.key(key);
            read_change(reader, entry);
        } else if (is_one_of(key, {"address", "type", "mode", "provider_name", "deposed",
                                   "module_address", "name", "previous_address", "change"})) {
            m_builder.key(key);
            reader.read(m_builder);
        } else {
            reader.skip();
        }
    }
    m_builder.end_object();
    entry.fields = m_builder.finish();
    return entry;
}

void OnDemandPlan::read_change(ValidJsonReader& reader, PlanEntry& entry) {
    m_builder.begin_object();
    reader.enter_object();
    std::string_view key;
    while (reader.next_key(key)) {
        std::optional<JsonTree>* state = key == "before"          ? &entry.before
                                         : key == "after"         ? &entry.after
                                         : key == "after_unknown" ? &entry.after_unknown
                                                                  : nullptr;
        if (state) {
            reader.read(m_state_builder);
            *state = m_state_builder.finish();
        } else if (key == "actions") {
            m_builder.key(key);
            reader.read(m_builder);
        } else {
            reader.skip();
        }
    }
    m_builder.end_object();
}

} // namespace costgate::ingest
