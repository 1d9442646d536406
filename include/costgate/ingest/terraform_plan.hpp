#pragma once

#include "costgate/model/resource.hpp"
#include "costgate/util/input_file.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::ingest {

/// The attributes through which a resource takes its price or region from another
/// resource of the same plan (a group's launch template, a service's task definition, a
/// snapshot's volume, a managed instance group's template in its `version`, the group an
/// autoscaler `target`s, a Compute Engine snapshot's `source_disk`, a SQL database's
/// server): the references of their configuration expressions become
/// Resource::references. Only these are kept, to keep reading large plans fast; a pricer,
/// or a `referenced:` or `region_from:` entry of src/pricing/types/resource_types.yaml,
/// that follows another attribute adds it here.
inline constexpr std::array<std::string_view, 11> k_reference_attributes = {"kubernetes_cluster_id",
                                                                            "launch_configuration",
                                                                            "launch_template",
                                                                            "loadbalancer_id",
                                                                            "server_id",
                                                                            "source_disk",
                                                                            "synapse_workspace_id",
                                                                            "target",
                                                                            "task_definition",
                                                                            "version",
                                                                            "volume_id"};

/// Options that influence how a plan is read.
struct PlanReadOptions {
    /// Region used when neither the resource nor its provider configuration gives one.
    std::string default_region;
};

/// Reads `terraform show -json` output (format_version 0.1 to 1.x, Terraform and
/// OpenTofu) into resources: managed resources of `resource_changes` only, one per
/// instance, with actions, before/after/after_unknown, region and tags resolved.
///
/// A plan wrapped by hashicorp/setup-terraform (a leading `[command]...` line and
/// trailing `::set-output` lines) is unwrapped. Anything that is not a plan (a state
/// file, HCP's redacted plan format, trailing garbage, wrong shapes) throws InputError
/// with the file name and the line/column or JSON path.
std::vector<Resource> read_terraform_plan(const util::InputText& input,
                                          const PlanReadOptions& options);

} // namespace costgate::ingest
