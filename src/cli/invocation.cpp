#include "invocation.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/input_file.hpp"

#include <spdlog/spdlog.h>
#include <sstream>

namespace costgate::cli {

namespace {

// A flag given on the command line wins over the config's value.
template <typename T> void flag_over(const T& flag, const char* name, Configured<T>& setting) {
    if (!flag.empty())
        setting.assign(flag, std::string("--") + name);
}

RunSettings with_flags(RunSettings settings, const RunOptions& flags) {
    flag_over(flags.plans, "plan", settings.plans);
    flag_over(flags.tf_dir, "tf-dir", settings.tf_dir);
    flag_over(flags.k8s, "k8s", settings.k8s);
    flag_over(flags.base_k8s, "base-k8s", settings.base_k8s);
    flag_over(flags.terraform, "terraform", settings.terraform);
    flag_over(flags.var_files, "var-file", settings.var_files);
    flag_over(flags.policies, "policy", settings.policies);
    flag_over(flags.catalogs, "catalog", settings.catalogs);
    flag_over(flags.usage, "usage", settings.usage);
    flag_over(flags.cluster, "cluster", settings.cluster);
    flag_over(flags.region, "region", settings.region);
    flag_over(flags.cost_centre_tag, "cost-centre-tag", settings.cost_centre_tag);
    return settings;
}

RunOptions options_of(const RunSettings& settings, const RunOptions& flags) {
    RunOptions options = flags;
    options.plans = settings.plans.value;
    options.tf_dir = settings.tf_dir.value;
    options.k8s = settings.k8s.value;
    options.base_k8s = settings.base_k8s.value;
    options.terraform = settings.terraform.value;
    options.var_files = settings.var_files.value;
    options.policies = settings.policies.value;
    options.catalogs = settings.catalogs.value;
    options.usage = settings.usage.value;
    options.cluster = settings.cluster.value;
    options.region = settings.region.value;
    options.cost_centre_tag = settings.cost_centre_tag.value;
    return options;
}

std::optional<ConfigFile> load_config(const RunOptions& flags) {
    std::string path = flags.config;
    if (path.empty()) {
        const auto found = find_config_file(std::filesystem::current_path());
        if (!found)
            return std::nullopt;
        path = found->string();
    }
    const util::InputText text = util::read_input(path);
    ConfigFile config = parse_config_file(text.name, text.text);
    spdlog::info("using {} ({} projects)", config.path, config.projects.size());
    return config;
}

template <typename T> std::string joined(const std::vector<T>& values) {
    std::string text;
    for (const T& value : values)
        text += (text.empty() ? "" : ", ") + value;
    return text.empty() ? "(none)" : text;
}

void describe(std::ostringstream& out, const std::string& indent, const RunSettings& settings) {
    const auto line = [&](const char* key, const std::string& value, const std::string& origin) {
        out << indent << key << ": " << value << "    # " << origin << '\n';
    };
    line("plans", joined(settings.plans.value), settings.plans.origin);
    line("tf_dir",
         settings.tf_dir.value.empty() ? "(each plan's folder, when it holds .tf files)"
                                       : settings.tf_dir.value,
         settings.tf_dir.origin);
    line("k8s", joined(settings.k8s.value), settings.k8s.origin);
    line("base_k8s", joined(settings.base_k8s.value), settings.base_k8s.origin);
    line("terraform", joined(settings.terraform.value), settings.terraform.origin);
    line("var_files", joined(settings.var_files.value), settings.var_files.origin);
    line("policies", joined(settings.policies.value), settings.policies.origin);
    line("catalogs", joined(settings.catalogs.value), settings.catalogs.origin);
    line("usage", settings.usage.value.empty() ? "(none)" : settings.usage.value,
         settings.usage.origin);
    line("cluster",
         settings.cluster.value.empty() ? "(the policies' settings.cluster, else default)"
                                        : settings.cluster.value,
         settings.cluster.origin);
    line("region", settings.region.value.empty() ? "(from the plan)" : settings.region.value,
         settings.region.origin);
    line("cost_centre_tag", settings.cost_centre_tag.value, settings.cost_centre_tag.origin);
}

} // namespace

Invocation resolve_invocation(const RunOptions& flags) {
    Invocation invocation;
    invocation.config = load_config(flags);
    const ConfigFile* config = invocation.config ? &*invocation.config : nullptr;
    const RunSettings defaults = with_flags(config ? config->defaults : RunSettings{}, flags);
    if (!flags.plans.empty() || !flags.k8s.empty() || !flags.terraform.empty() || !config ||
        config->projects.empty()) {
        invocation.runs.push_back({"", "", options_of(defaults, flags)});
    } else {
        for (const ProjectConfig& project : config->projects) {
            const RunSettings& settings = project.settings;
            const std::string origin = settings.plans.set()       ? settings.plans.origin
                                       : settings.k8s.set()       ? settings.k8s.origin
                                       : settings.terraform.set() ? settings.terraform.origin
                                                                  : project.origin;
            invocation.runs.push_back(
                {project.name, origin, options_of(with_flags(settings, flags), flags)});
            invocation.runs.back().options.project = project.name;
        }
    }
    invocation.total_policies = defaults.policies.value;
    invocation.format = !flags.format.empty() ? flags.format
                        : config              ? config->format.value
                                              : "table";
    invocation.out = flags.out;
    for (const ProjectRun& run : invocation.runs) {
        if (run.options.plans.empty() && run.options.k8s.empty() && run.options.terraform.empty())
            throw UsageError(config ? "nothing to price: " + config->path +
                                          " has no projects; give --plan FILE, --terraform DIR "
                                          "and/or --k8s PATH"
                                    : "nothing to price: give --plan FILE, --terraform DIR and/or "
                                      "--k8s PATH, or describe the repository's projects in "
                                      "costgate.yml");
        if (!run.options.base_k8s.empty() && run.options.k8s.empty())
            throw UsageError("--base-k8s needs --k8s: it is the state the manifests change");
        if (!run.options.base_terraform.empty() && run.options.terraform.empty())
            throw UsageError(
                "--base-terraform needs --terraform: it is the source the change starts from");
    }
    return invocation;
}

std::string describe_invocation(const Invocation& invocation, const RunOptions& flags) {
    std::ostringstream out;
    const ConfigFile* config = invocation.config ? &*invocation.config : nullptr;
    out << "config: " << (config ? config->path : "(none found)") << '\n';
    const std::string format_origin = !flags.format.empty() ? "--format"
                                      : config              ? config->format.origin
                                                            : "default";
    out << "format: " << invocation.format << "    # " << format_origin << '\n';
    if (config) {
        out << "currency: "
            << (config->currency.value.empty() ? "(the catalog's)" : config->currency.value)
            << "    # " << config->currency.origin << '\n';
        for (const auto& [format, file] : config->reports.value)
            out << "report " << format << ": " << file << "    # " << config->reports.origin
                << '\n';
    }
    out << "defaults:\n";
    describe(out, "  ", with_flags(config ? config->defaults : RunSettings{}, flags));
    if (config && flags.plans.empty() && flags.k8s.empty() && flags.terraform.empty())
        for (const ProjectConfig& project : config->projects) {
            out << "project " << project.name << ":    # " << project.origin << '\n';
            describe(out, "  ", with_flags(project.settings, flags));
        }
    return out.str();
}

} // namespace costgate::cli
