#pragma once

#include "costgate/model/resource.hpp"

#include <map>
#include <string>

namespace costgate::ingest {

/// The tags of the state that will exist (before, for deletes): `tags_all` (which holds
/// the AWS provider's default_tags) over `tags`, then GCP `terraform_labels` over
/// `labels`, then Cloud SQL's `settings[0].user_labels`. A map that is unknown until apply
/// is skipped for the next one. A null value is a tag not set; numbers and booleans are kept
/// as their JSON text; a list or an object throws InputError naming the file and resource.
std::map<std::string, std::string> resource_tags(const Resource& resource);

} // namespace costgate::ingest
