#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::cli {

/// A configured value and where it came from: `costgate.yml:12:5`, `--format`, `default`.
template <typename T> struct Configured {
    T value{};
    std::string origin = "default";

    bool set() const { return origin != "default"; }
    void assign(T new_value, std::string new_origin) {
        value = std::move(new_value);
        origin = std::move(new_origin);
    }
};

/// The settings a run (a project, or the whole command line) is made of.
struct RunSettings {
    Configured<std::vector<std::string>> plans;
    /// The Terraform configuration declaring the plans' resources (finding locations).
    Configured<std::string> tf_dir;
    Configured<std::vector<std::string>> k8s;
    Configured<std::vector<std::string>> base_k8s;
    /// Terraform root modules estimated from source, and their variable files.
    Configured<std::vector<std::string>> terraform;
    Configured<std::vector<std::string>> var_files;
    Configured<std::vector<std::string>> policies;
    Configured<std::vector<std::string>> catalogs;
    Configured<std::string> usage;
    Configured<std::string> cluster;
    Configured<std::string> region;
    Configured<std::string> cost_centre_tag{"cost-centre"};
};

/// One project of a monorepo: a Terraform root or a Kubernetes overlay.
struct ProjectConfig {
    std::string name;
    std::string origin;
    RunSettings settings;
};

/// A `costgate.yml`: defaults for every run and the projects of the repository. Paths
/// in it are relative to its folder and are stored relative to the working directory.
struct ConfigFile {
    std::string path;
    /// Defaults every project inherits unless it sets its own (plans and manifests are
    /// per project).
    RunSettings defaults;
    Configured<std::string> currency;
    Configured<std::string> format{"table"};
    /// Format → file, written besides stdout.
    Configured<std::map<std::string, std::string>> reports;
    std::vector<ProjectConfig> projects;
};

/// The config file names looked for, in order, in each folder.
inline constexpr std::string_view k_config_names[] = {"costgate.yml", "costgate.yaml",
                                                      ".costgate.yml", ".costgate.yaml"};

/// The nearest config file in `start` or a folder above it, or nullopt.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start);

/// Parses a config file. Plan entries may be globs (`infra/*/plan.json`), expanded and
/// sorted; one matching nothing is an error. Unknown keys, wrong types, duplicate project
/// names are InputErrors with `path:line:column`.
ConfigFile parse_config_file(const std::string& path, std::string_view yaml);

/// Files matching `pattern` (`*` and `?` within one path segment), relative to `base`,
/// sorted.
std::vector<std::string> expand_path_glob(const std::filesystem::path& base,
                                          const std::string& pattern);

} // namespace costgate::cli
