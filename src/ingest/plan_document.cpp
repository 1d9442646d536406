#include "plan_document.hpp"

#include "costgate/ingest/terraform_plan.hpp"

#include <array>

namespace costgate::ingest {

namespace {

using Kind = JsonKeep::Kind;
using Field = JsonKeep::Field;

enum Slot { before, after, after_unknown, entry };

constexpr JsonKeep k_whole{Kind::whole};
constexpr JsonKeep k_marker{Kind::marker};

// resource_changes[]: each entry a tree of its own, its states trees of their own.
constexpr JsonKeep k_before{Kind::own_tree, {}, &k_whole, Slot::before};
constexpr JsonKeep k_after{Kind::own_tree, {}, &k_whole, Slot::after};
constexpr JsonKeep k_after_unknown{Kind::own_tree, {}, &k_whole, Slot::after_unknown};
constexpr Field k_change_fields[] = {{"actions", &k_whole},
                                     {"before", &k_before},
                                     {"after", &k_after},
                                     {"after_unknown", &k_after_unknown}};
constexpr JsonKeep k_change{Kind::fields, k_change_fields};
constexpr Field k_entry_fields[] = {{"address", &k_whole},       {"type", &k_whole},
                                    {"mode", &k_whole},          {"name", &k_whole},
                                    {"provider_name", &k_whole}, {"module_address", &k_whole},
                                    {"deposed", &k_whole},       {"previous_address", &k_whole},
                                    {"change", &k_change}};
constexpr JsonKeep k_entry_fields_kept{Kind::fields, k_entry_fields};
constexpr JsonKeep k_entry{Kind::own_tree, {}, &k_entry_fields_kept, Slot::entry};
constexpr JsonKeep k_changes{Kind::each_element, {}, &k_entry};

// configuration: what ProviderRegions and PlanReferences read, through nested module calls.
// Of each resource's expressions only those of k_reference_attributes are kept: keeping the
// references of every attribute made the 10k-resource benchmark an eighth slower.
extern const JsonKeep k_module;
constexpr Field k_expression_fields[] = {{"references", &k_whole}};
constexpr JsonKeep k_expression{Kind::fields, k_expression_fields};
constexpr auto k_reference_fields = [] {
    std::array<Field, k_reference_attributes.size()> fields;
    for (std::size_t i = 0; i < fields.size(); ++i)
        fields[i] = {k_reference_attributes[i], &k_expression};
    return fields;
}();
constexpr JsonKeep k_expressions{Kind::fields, k_reference_fields};
constexpr Field k_call_fields[] = {{"module", &k_module}};
constexpr JsonKeep k_call{Kind::fields, k_call_fields};
constexpr JsonKeep k_calls{Kind::each_member, {}, &k_call};
constexpr Field k_resource_fields[] = {
    {"address", &k_whole}, {"provider_config_key", &k_whole}, {"expressions", &k_expressions}};
constexpr JsonKeep k_resource{Kind::fields, k_resource_fields};
constexpr JsonKeep k_resources{Kind::each_element, {}, &k_resource};
constexpr Field k_module_fields[] = {{"resources", &k_resources}, {"module_calls", &k_calls}};
constexpr JsonKeep k_module{Kind::fields, k_module_fields};
constexpr Field k_configuration_fields[] = {{"provider_config", &k_whole},
                                            {"root_module", &k_module}};
constexpr JsonKeep k_configuration{Kind::fields, k_configuration_fields};

// prior_state: what data sources read, which can tell the region of a provider
// configuration the plan does not spell out (ProviderRegions).
extern const JsonKeep k_state_module;
constexpr Field k_state_values_fields[] = {{"arn", &k_whole}, {"name", &k_whole}};
constexpr JsonKeep k_state_values{Kind::fields, k_state_values_fields};
constexpr Field k_state_resource_fields[] = {{"address", &k_whole},
                                             {"mode", &k_whole},
                                             {"type", &k_whole},
                                             {"provider_name", &k_whole},
                                             {"values", &k_state_values}};
constexpr JsonKeep k_state_resource{Kind::fields, k_state_resource_fields};
constexpr JsonKeep k_state_resources{Kind::each_element, {}, &k_state_resource};
constexpr JsonKeep k_state_children{Kind::each_element, {}, &k_state_module};
constexpr Field k_state_module_fields[] = {{"resources", &k_state_resources},
                                           {"child_modules", &k_state_children}};
constexpr JsonKeep k_state_module{Kind::fields, k_state_module_fields};
constexpr Field k_state_values_root_fields[] = {{"root_module", &k_state_module}};
constexpr JsonKeep k_state_values_root{Kind::fields, k_state_values_root_fields};
constexpr Field k_prior_state_fields[] = {{"values", &k_state_values_root}};
constexpr JsonKeep k_prior_state{Kind::fields, k_prior_state_fields};

// planned_values: whether the root module has resources (a plan without resource_changes).
constexpr Field k_planned_root_fields[] = {{"resources", &k_marker}, {"child_modules", &k_marker}};
constexpr JsonKeep k_planned_root{Kind::fields, k_planned_root_fields};
constexpr Field k_planned_fields[] = {{"root_module", &k_planned_root}};
constexpr JsonKeep k_planned{Kind::fields, k_planned_fields};

// The keys that tell a plan from state files and HCP's redacted format are only marked;
// `errored`, `complete` and `deferred_changes` say whether the plan is whole.
constexpr Field k_top_fields[] = {{"format_version", &k_whole},
                                  {"variables", &k_whole},
                                  {"errored", &k_whole},
                                  {"complete", &k_whole},
                                  {"deferred_changes", &k_whole},
                                  {"configuration", &k_configuration},
                                  {"planned_values", &k_planned},
                                  {"resource_changes", &k_changes},
                                  {"prior_state", &k_prior_state},
                                  {"plan_format_version", &k_marker},
                                  {"lineage", &k_marker},
                                  {"serial", &k_marker},
                                  {"values", &k_marker}};
constexpr JsonKeep k_top{Kind::fields, k_top_fields};

/// Copies `unknown` without what says nothing; false when nothing is left of it.
bool copy_unknown_paths(JsonValue unknown, JsonTreeBuilder& out) {
    if (unknown.is_object()) {
        bool any = false;
        out.begin_object();
        for (const JsonValue member : unknown.children()) {
            const JsonTreeBuilder::Mark mark = out.mark();
            out.key(member.key());
            if (copy_unknown_paths(member, out))
                any = true;
            else
                out.rollback(mark);
        }
        out.end_object();
        return any;
    }
    if (unknown.is_array()) {
        bool any = false;
        out.begin_array();
        for (const JsonValue element : unknown.children())
            any = copy_unknown_paths(element, out) || any;
        out.end_array();
        return any;
    }
    out.value(unknown);
    return unknown.boolean();
}

/// Puts each entry together from the trees JsonReader hands over: its states first.
class EntrySink : public JsonTreeSink {
  public:
    explicit EntrySink(std::vector<PlanEntry>& entries) : m_entries(entries) {}

    void take(int slot, JsonTreeBuilder& built) override {
        switch (slot) {
        case Slot::before:
            m_next.before = built.finish(m_states);
            return;
        case Slot::after:
            m_next.after = built.finish(m_states);
            return;
        case Slot::after_unknown:
            if (built.root().is_object()) {
                copy_unknown_paths(built.root(), m_unknown);
                m_next.after_unknown = m_unknown.finish(m_states);
            }
            return;
        default:
            m_next.fields = built.finish(m_fields);
            m_entries.push_back(std::move(m_next));
            m_next = {};
        }
    }

  private:
    std::vector<PlanEntry>& m_entries;
    PlanEntry m_next;
    JsonTreeBuilder m_unknown;
    /// The states become the resources' and live for the whole run; the rest of an entry is
    /// read once and dropped with the plan document, so it is kept apart, and its blocks are
    /// freed then.
    JsonArena m_states;
    JsonArena m_fields;
};

} // namespace

PlanDocument read_plan_document(const util::InputText& input, JsonPieces pieces) {
    PlanDocument plan;
    EntrySink sink(plan.entries);
    plan.top = JsonReader(input, pieces).read(k_top, sink);
    return plan;
}

} // namespace costgate::ingest
