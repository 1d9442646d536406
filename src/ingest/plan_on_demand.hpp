#pragma once

#include "costgate/util/input_file.hpp"
#include "json_outline.hpp"
#include "ondemand_json.hpp"
#include "plan_entry.hpp"
#include "valid_json_reader.hpp"

#include <nlohmann/json.hpp>
#include <optional>

namespace costgate::ingest {

/// The parts of a plan that costgate reads, taken from the text instead of building the
/// whole document: planned_values and prior_state (which repeat the resources) are only
/// checked for syntax, the configuration is outlined with simdjson's On-Demand API, and
/// each resource_changes entry is read into JsonTrees when the reader asks for it, keeping
/// only the fields it uses.
class OnDemandPlan {
  public:
    /// Nullopt when the fast path does not apply and the whole document must be parsed:
    /// invalid JSON (so nlohmann/json reports it exactly), a top level that is not an object,
    /// or resource_changes missing or not an array. Throws OnDemandUnsupported on values it
    /// cannot convert exactly. Once it has opened the plan, it gives back the memory of the
    /// text outside resource_changes (InputText::release), and entry() that of the entries
    /// read: the text can no longer be parsed whole.
    static std::optional<OnDemandPlan> open(const util::InputText& input);

    /// The top level as the reader sees it: format_version, variables, a pruned
    /// configuration (provider_config, resource addresses and provider keys, module calls),
    /// markers for the other keys it tests for, and resource_changes as that many nulls.
    const nlohmann::json& skeleton() const { return m_skeleton; }

    /// resource_changes[index] with the fields the reader uses; change holds only actions
    /// (before, after and after_unknown are the entry's states). Entries are read in order.
    PlanEntry entry(std::size_t index);

  private:
    OnDemandPlan(const util::InputText& input, JsonOutline outline)
        : m_input(&input), m_outline(std::move(outline)) {}

    bool build_skeleton();
    void read_change(ValidJsonReader& reader, PlanEntry& entry);
    std::string_view text_of(const JsonSpan& span) const;

    const util::InputText* m_input;
    JsonOutline m_outline;
    JsonSpan m_changes;
    /// The end of the text given back so far.
    std::size_t m_released = 0;
    nlohmann::json m_skeleton = nlohmann::json::object();
    simdjson::ondemand::parser m_parser;
    PaddedSlice m_slice;
    /// One for the entry's fields and one for its states, which are read in the middle.
    JsonTreeBuilder m_builder;
    JsonTreeBuilder m_state_builder;
};

} // namespace costgate::ingest
