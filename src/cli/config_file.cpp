#include "config_file.hpp"

#include "costgate/model/error.hpp"
#include "costgate/policy/match.hpp"
#include "costgate/util/glob.hpp"
#include "costgate/util/yaml_map.hpp"

#include <algorithm>
#include <set>

namespace costgate::cli {

namespace fs = std::filesystem;

std::optional<fs::path> find_config_file(const fs::path& start) {
    std::error_code error;
    fs::path folder = fs::absolute(start, error);
    if (error)
        return std::nullopt;
    for (;;) {
        for (const std::string_view name : k_config_names) {
            const fs::path candidate = folder / name;
            if (fs::is_regular_file(candidate, error))
                return fs::relative(candidate, fs::current_path(), error).lexically_normal();
        }
        if (!folder.has_parent_path() || folder.parent_path() == folder)
            return std::nullopt;
        folder = folder.parent_path();
    }
}

std::vector<std::string> expand_path_glob(const fs::path& base, const std::string& pattern) {
    std::vector<fs::path> matches{base};
    for (const fs::path& segment : fs::path(pattern)) {
        const std::string text = segment.string();
        std::vector<fs::path> next;
        for (const fs::path& folder : matches) {
            if (text.find_first_of("*?") == std::string::npos) {
                next.push_back(folder / segment);
                continue;
            }
            std::error_code error;
            for (const fs::directory_entry& entry : fs::directory_iterator(folder, error))
                if (util::glob_match(text, entry.path().filename().string()))
                    next.push_back(entry.path());
        }
        matches = std::move(next);
    }
    std::vector<std::string> files;
    for (const fs::path& match : matches) {
        std::error_code error;
        if (fs::exists(match, error))
            files.push_back(match.lexically_normal().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

namespace {

std::string origin_of(util::YamlMap& map, const std::string& key) {
    return util::yaml_location(map.file(), map.get(key)).to_string();
}

fs::path folder_of(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

std::string relative_to(const fs::path& base, const std::string& path) {
    if (path == "-")
        return path;
    return (base / path).lexically_normal().string();
}

void read_paths(util::YamlMap& map, const std::string& key, const fs::path& base, bool globs,
                Configured<std::vector<std::string>>& target) {
    if (!map.has(key))
        return;
    std::vector<std::string> paths;
    for (const std::string& entry : map.string_list(key)) {
        if (!globs || entry.find_first_of("*?") == std::string::npos) {
            paths.push_back(relative_to(base, entry));
            continue;
        }
        const std::vector<std::string> matches = expand_path_glob(base, entry);
        if (matches.empty())
            map.fail(map.get(key),
                     "\"" + entry + "\" matches no file (relative to " + base.string() + ")");
        paths.insert(paths.end(), matches.begin(), matches.end());
    }
    target.assign(std::move(paths), origin_of(map, key));
}

void read_string(util::YamlMap& map, const std::string& key, Configured<std::string>& target) {
    if (const auto value = map.optional_string(key))
        target.assign(*value, origin_of(map, key));
}

// Keys a project and the top level share.
void read_settings(util::YamlMap& map, const fs::path& base, RunSettings& settings) {
    read_paths(map, "policies", base, false, settings.policies);
    read_paths(map, "catalogs", base, false, settings.catalogs);
    if (const auto usage = map.optional_string("usage"))
        settings.usage.assign(relative_to(base, *usage), origin_of(map, "usage"));
    read_string(map, "cluster", settings.cluster);
    read_string(map, "region", settings.region);
    read_string(map, "cost_centre_tag", settings.cost_centre_tag);
}

ProjectConfig read_project(const std::string& file, const YAML::Node& node, const fs::path& base,
                           const RunSettings& defaults) {
    util::YamlMap map(file, node, "project");
    ProjectConfig project;
    project.name = map.required_string("name");
    project.origin = util::yaml_location(file, node).to_string();
    project.settings = defaults;
    read_paths(map, "plans", base, true, project.settings.plans);
    if (const auto tf_dir = map.optional_string("tf_dir"))
        project.settings.tf_dir.assign(relative_to(base, *tf_dir), origin_of(map, "tf_dir"));
    read_paths(map, "k8s", base, false, project.settings.k8s);
    read_paths(map, "base_k8s", base, false, project.settings.base_k8s);
    read_paths(map, "terraform", base, true, project.settings.terraform);
    read_paths(map, "var_files", base, false, project.settings.var_files);
    read_settings(map, base, project.settings);
    map.finish();
    if (project.settings.plans.value.empty() && project.settings.k8s.value.empty() &&
        project.settings.terraform.value.empty())
        map.fail("project \"" + project.name + "\" needs \"plans\", \"terraform\" or \"k8s\"");
    return project;
}

} // namespace

ConfigFile parse_config_file(const std::string& path, std::string_view yaml) {
    util::YamlMap map = util::load_versioned_document(path, yaml, "config file");
    const fs::path base = folder_of(path);
    ConfigFile config;
    config.path = path;
    read_settings(map, base, config.defaults);
    read_string(map, "currency", config.currency);
    read_string(map, "format", config.format);
    if (const YAML::Node reports = map.get("reports"); reports.IsDefined() && !reports.IsNull()) {
        util::YamlMap report_map(path, reports, "reports");
        std::map<std::string, std::string> files;
        for (const auto& entry : report_map.entries()) {
            const std::string format = entry.first.Scalar();
            const auto file = report_map.optional_string(format);
            if (!file || file->empty())
                report_map.fail(entry.second, "report \"" + format + "\" needs a file name");
            files[format] = relative_to(base, *file);
        }
        report_map.finish();
        config.reports.assign(std::move(files), util::yaml_location(path, reports).to_string());
    }
    const YAML::Node projects = map.get("projects");
    if (projects.IsDefined() && !projects.IsNull()) {
        if (!projects.IsSequence())
            map.fail(projects, "\"projects\" must be a list");
        std::set<std::string> names;
        for (const YAML::Node& node : projects) {
            ProjectConfig project = read_project(path, node, base, config.defaults);
            if (!names.insert(project.name).second)
                throw InputError(util::yaml_location(path, node["name"]),
                                 "project name \"" + project.name + "\" is used twice");
            config.projects.push_back(std::move(project));
        }
    }
    map.finish();
    return config;
}

} // namespace costgate::cli
