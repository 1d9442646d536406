#pragma once

#include "hcl_syntax.hpp"
#include "module_config.hpp"

#include <map>
#include <string>
#include <vector>

namespace costgate::ingest {

/// What a plan's configuration `references` would give Resource::references for a
/// resource body of `module` (module instance address prefix `prefix`): for each attribute
/// or block of ingest::k_reference_attributes, the single-instance resources of the same
/// module its expressions name (`launch_template { id = aws_launch_template.web.id }`).
/// Read from the syntax, as Terraform does, so an id known only after apply still names
/// its resource.
std::map<std::string, std::vector<std::string>>
configured_references(const HclBody& body, const ModuleConfig& module, const std::string& prefix);

} // namespace costgate::ingest
