#pragma once

#include "costgate/model/resource.hpp"

#include <string>
#include <vector>

namespace costgate::ingest {

/// What to read a Terraform root module's source with, besides its files.
struct TerraformSourceOptions {
    /// `--var-file`: variable definitions files, applied in order after the root's
    /// terraform.tfvars and *.auto.tfvars.
    std::vector<std::string> var_files;
    /// `--var NAME=VALUE`, applied in order after every file.
    std::vector<std::string> vars;
    /// Region for resources whose attributes and provider configuration give none.
    std::string default_region;
};

/// Reads the Terraform (or OpenTofu) root module in `directory` without a plan: its `.tf`,
/// `.tf.json` and `.tofu` files, its variable values (TF_VAR_ environment variables,
/// terraform.tfvars, terraform.tfvars.json, *.auto.tfvars in name order, then `options`),
/// and the modules it calls from local paths. Expressions are evaluated as far as they can
/// be without a provider (docs/terraform.md); what cannot be known (other resources'
/// attributes, data sources, variables without a value) is unknown, as in a plan.
///
/// Each resource instance becomes a Resource as a plan gives it for a create: its address
/// (`module.app.aws_instance.web[0]`), `after` with `after_unknown`, region (its own
/// attributes, else its provider configuration's), tags (with AWS default_tags), and the
/// file and line of its `resource` block. Syntax errors and invalid configuration throw
/// InputError with `file:line:column`.
std::vector<Resource> read_terraform_source(const std::string& directory,
                                            const TerraformSourceOptions& options);

} // namespace costgate::ingest
