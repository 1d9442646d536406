#pragma once

#include "costgate/model/json_tree.hpp"
#include "costgate/util/input_file.hpp"
#include "json_reader.hpp"

#include <optional>
#include <vector>

namespace costgate::ingest {

/// One `resource_changes` entry as the plan reader takes it: the resource's states as
/// trees of their own (they are moved into the Resource), everything else it reads in
/// `fields`.
struct PlanEntry {
    /// `address`, `type`, `mode`, `name`, `module_address`, `provider_name`, `deposed`,
    /// `previous_address` and `change` with only its `actions`; the entry whole when it is
    /// not an object, and `change` whole when that is not an object.
    JsonTree fields;
    /// `change.before` and `change.after`; absent when the key is missing.
    std::optional<JsonTree> before;
    std::optional<JsonTree> after;
    /// `change.after_unknown` when it is an object, without what says nothing (`false`, and
    /// members with no `true` inside; Terraform writes `[]` and `{}` for every nested
    /// attribute). Arrays keep their length, so element i still matches the attribute's.
    std::optional<JsonTree> after_unknown;
};

/// What costgate reads of a plan document.
struct PlanDocument {
    /// The top level with `format_version`, `variables`, `errored`, `complete`,
    /// `deferred_changes`, `configuration` (provider configurations, and resources'
    /// `address`, `provider_config_key` and the `references` of the expressions of
    /// k_reference_attributes, through `module_calls`), `planned_values.root_module` with
    /// markers for its `resources` and `child_modules`, `resource_changes` as that many nulls
    /// when it is an array, and markers for `plan_format_version`, `lineage`, `serial` and
    /// `values`.
    JsonTree top;
    /// The elements of `resource_changes`, when it is an array.
    std::vector<PlanEntry> entries;
};

/// Reads a plan with JsonReader: the whole text is checked as JSON (errors are InputErrors
/// naming the file with the line and column, or the JSON path), and its text is given back
/// as it is read. `pieces` are JsonReader's.
PlanDocument read_plan_document(const util::InputText& input, JsonPieces pieces = {});

} // namespace costgate::ingest
