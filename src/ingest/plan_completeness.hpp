#pragma once

#include "costgate/model/json_tree.hpp"
#include "costgate/util/input_file.hpp"

namespace costgate::ingest {

/// Refuses a plan that is not a whole plan, whose prices would be too low in silence:
/// `errored: true` (terraform plan failed part-way) and changes Terraform deferred to a
/// later plan (`deferred_changes`, which resource_changes leaves out). Throws InputError
/// naming the file and the JSON path. `complete: false` alone (a `-target` plan) is priced
/// with a warning: the plan holds every change it will make.
///
/// `plan` is the top level of the document: `errored`, `complete` and `deferred_changes`
/// with their values.
void check_plan_is_whole(const util::InputText& input, JsonValue plan);

} // namespace costgate::ingest
