#pragma once

#include "costgate/model/json_tree.hpp"

#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace costgate::ingest {

/// One `resource_changes` entry as the plan reader takes it: the resource's states as
/// trees of their own (they are moved into the Resource), everything else in `fields`.
struct PlanEntry {
    /// The entry without `change.before`, `change.after` and `change.after_unknown`.
    JsonTree fields;
    /// The states; absent when the key is missing.
    std::optional<JsonTree> before;
    std::optional<JsonTree> after;
    std::optional<JsonTree> after_unknown;

    /// Splits an entry parsed by nlohmann/json (the whole-document path).
    static PlanEntry from_json(nlohmann::json entry);
};

} // namespace costgate::ingest
