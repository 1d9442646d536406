#pragma once

#include "evaluator.hpp"

#include <string>

namespace costgate::ingest {

/// The tags or labels a provider configuration adds to every resource: AWS
/// `default_tags { tags = ... }`, Google `default_labels`; null when it sets none.
Value provider_default_tags(const std::string& provider, const HclBody& body, Evaluator& evaluator);

/// A resource's attributes with what its provider adds before a plan shows them: the tag
/// attribute (`tags`, Google `labels`) as null when unset, as a plan lists every attribute,
/// and the merged map (`tags_all`, `terraform_labels`) of `default_tags` under the
/// resource's own, as resource_tags() reads it. Other providers' attributes are unchanged.
Value add_provider_defaults(const std::string& provider, Value attributes,
                            const Value& default_tags);

} // namespace costgate::ingest
