#pragma once

#include "hcl_syntax.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::ingest {

/// A `variable` block.
struct VariableConfig {
    const HclExpression* fallback = nullptr;
    const HclExpression* type = nullptr;
    HclPosition position;
};

/// A `resource` block.
struct ResourceConfig {
    std::string type;
    std::string name;
    const HclBody* body = nullptr;
    HclPosition position;
};

/// A `module` block: its source and the body holding its inputs and meta-arguments.
struct ModuleCallConfig {
    std::string name;
    /// The `source` as written (a string literal in valid configuration).
    std::string source;
    const HclBody* body = nullptr;
    HclPosition position;
};

/// A `provider` block: `aws`, or `aws.west` for one with `alias = "west"`.
struct ProviderConfig {
    std::string address;
    const HclBody* body = nullptr;
};

/// What the configuration files of one module directory declare. Owns their syntax.
struct ModuleConfig {
    std::filesystem::path directory;
    std::vector<std::unique_ptr<HclBody>> files;
    std::map<std::string, VariableConfig, std::less<>> variables;
    std::map<std::string, const HclAttribute*, std::less<>> locals;
    std::map<std::string, const HclAttribute*, std::less<>> outputs;
    /// Managed resources in file order (files sorted by name).
    std::vector<ResourceConfig> resources;
    std::map<std::string, ModuleCallConfig, std::less<>> module_calls;
    std::vector<ProviderConfig> providers;

    /// The managed resource `TYPE.NAME` (`address`) of this module, or nullptr.
    const ResourceConfig* resource(std::string_view address) const;
};

/// Reads the `.tf`, `.tf.json`, `.tofu` and `.tofu.json` files of `directory` (not its
/// subfolders), in name order; where `NAME.tofu` and `NAME.tf` both exist, OpenTofu reads
/// only the `.tofu` file, and so does costgate. Syntax errors and blocks declared twice
/// throw InputError with `file:line:column`; a directory without configuration files
/// throws InputError naming it.
ModuleConfig load_module_config(const std::filesystem::path& directory);

} // namespace costgate::ingest
