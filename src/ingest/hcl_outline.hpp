#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::ingest {

/// A top-level block of a Terraform (HCL native syntax) file: `resource "aws_instance" "web" {`.
struct HclBlock {
    /// `resource`, `data`, `module`, `variable`, ...
    std::string type;
    /// The quoted or bare labels after the type, unquoted.
    std::vector<std::string> labels;
    /// 1-based line of the block's header.
    int line = 0;
    /// The block's own attributes (not nested blocks') whose value is a plain string
    /// literal, such as a module's `source = "./modules/app"`.
    std::map<std::string, std::string> strings;
};

/// The top-level blocks of `text`, in order, from the same tree-sitter parse the source
/// reader uses (so comments, templates and heredocs are never mistaken for structure).
/// Text that is not valid HCL yields whatever blocks could be recognised, never an error:
/// the configuration is Terraform's to validate.
std::vector<HclBlock> outline_hcl(std::string_view text);

} // namespace costgate::ingest
