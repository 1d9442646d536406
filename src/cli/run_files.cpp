#include "run_files.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/input_path.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <spdlog/spdlog.h>

namespace costgate::cli {

namespace {

namespace fs = std::filesystem;

/// Where a path was given, for messages: `--plan plan.json` or `project app: plan.json`.
std::string described(const ProjectRun& run, const char* flag, const std::string& path) {
    return (run.name.empty() ? std::string(flag) : "project " + run.name + ":") + " " + path;
}

/// Every file and folder a run reads, with the flag that names it.
std::vector<std::pair<const char*, std::string>> inputs_of(const RunOptions& options) {
    std::vector<std::pair<const char*, std::string>> inputs;
    const auto add = [&](const char* flag, const std::vector<std::string>& paths) {
        for (const std::string& path : paths)
            inputs.emplace_back(flag, path);
    };
    add("--plan", options.plans);
    add("--terraform", options.terraform);
    add("--base-terraform", options.base_terraform);
    add("--k8s", options.k8s);
    add("--base-k8s", options.base_k8s);
    add("--var-file", options.var_files);
    add("--policy", options.policies);
    add("--catalog", options.catalogs);
    for (const auto& [flag, path] :
         {std::pair{"--usage", options.usage}, std::pair{"--compare-to", options.compare_to},
          std::pair{"--config", options.config}})
        if (!path.empty())
            inputs.emplace_back(flag, path);
    return inputs;
}

bool is_manifest_name(const fs::path& file) {
    const fs::path extension = file.extension();
    return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

/// True when `file` (which need not exist) lies below the folder `folder`.
bool lies_in(const fs::path& file, const std::string& folder) {
    std::error_code error;
    if (!fs::is_directory(folder, error))
        return false;
    const fs::path base = fs::weakly_canonical(folder, error);
    const fs::path target = fs::weakly_canonical(fs::absolute(file, error), error);
    const auto [end, unused] =
        std::mismatch(base.begin(), base.end(), target.begin(), target.end());
    return !error && end == base.end();
}

[[noreturn]] void write_failed(const std::string& where) {
    throw UsageError("cannot write " + where + ": " +
                     (errno != 0 ? std::strerror(errno) : "write error"));
}

// Opens `path` with `mode` (trunc or app) and renders the report into it.
void write_file(const std::string& path, std::ios::openmode mode, report::RenderFunction render,
                const Report& report, const report::RenderOptions& options) {
    std::ofstream file(path, std::ios::binary | mode);
    if (!file)
        write_failed(path);
    render(report, options, file);
    if (!file.flush())
        write_failed(path);
    file.close();
    if (!file)
        write_failed(path);
}

} // namespace

void read_repeated_inputs_once(Invocation& invocation) {
    for (ProjectRun& run : invocation.runs)
        for (const auto& [flag, paths] : {std::pair{"--plan", &run.options.plans},
                                          std::pair{"--terraform", &run.options.terraform},
                                          std::pair{"--k8s", &run.options.k8s}}) {
            std::map<util::FileIdentity, std::string> seen;
            std::vector<std::string> kept;
            for (const std::string& path : *paths) {
                const auto file = path == "-" ? std::nullopt : util::file_identity(path);
                const auto [known, added] = file ? seen.emplace(*file, described(run, flag, path))
                                                 : std::pair{seen.end(), true};
                if (!added) {
                    spdlog::warn("{}: the same file as {}; read once", described(run, flag, path),
                                 known->second);
                    continue;
                }
                kept.push_back(path);
            }
            *paths = std::move(kept);
        }
}

void check_inputs_given_once(const Invocation& invocation) {
    std::map<util::FileIdentity, std::string> seen;
    std::string standard_input;
    for (const ProjectRun& run : invocation.runs)
        for (const auto& [flag, path] : inputs_of(run.options)) {
            // Policies, catalogs and usage files are shared by projects on purpose; only the
            // inputs that are priced must not repeat.
            const std::string_view name(flag);
            if (name != "--plan" && name != "--terraform" && name != "--k8s")
                continue;
            const std::string here = described(run, flag, path);
            if (path == "-") {
                if (!standard_input.empty())
                    throw UsageError(here + ": standard input is given twice (also " +
                                     standard_input + ")");
                standard_input = here;
                continue;
            }
            const auto file = util::file_identity(path);
            if (!file)
                continue;
            const auto [known, added] = seen.emplace(*file, here);
            if (!added)
                throw UsageError(here + ": the same input as " + known->second +
                                 ": its resources would be counted twice");
        }
}

void check_output_targets(const Invocation& invocation, const std::vector<std::string>& outputs) {
    std::map<std::string, std::string> targets;
    for (const std::string& output : outputs) {
        if (output.empty() || output == "-")
            continue;
        std::error_code error;
        const std::string canonical =
            fs::weakly_canonical(fs::absolute(output, error), error).string();
        if (const auto [known, added] = targets.emplace(canonical, output); !added)
            throw UsageError(output + ": two reports would be written to this file (it is also " +
                             known->second + "); give each format its own file");
        const auto file = util::file_identity(output);
        for (const ProjectRun& run : invocation.runs)
            for (const auto& [flag, path] : inputs_of(run.options)) {
                if (file && util::file_identity(path) == file)
                    throw UsageError(output + ": the report would overwrite an input (" +
                                     described(run, flag, path) + ")");
                const std::string_view name(flag);
                if ((name == "--k8s" || name == "--base-k8s") && is_manifest_name(output) &&
                    lies_in(output, path))
                    throw UsageError(output +
                                     ": the report would be written into the manifests "
                                     "folder " +
                                     path + ", and read as a manifest next time");
            }
        if (invocation.config && file && util::file_identity(invocation.config->path) == file)
            throw UsageError(output + ": the report would overwrite the config " +
                             invocation.config->path);
    }
}

void write_report(const std::string& path, report::RenderFunction render, const Report& report,
                  const report::RenderOptions& options) {
    errno = 0;
    if (path.empty() || path == "-") {
        render(report, options, std::cout);
        if (!std::cout.flush())
            write_failed("the report to standard output");
        return;
    }
    write_file(path, std::ios::trunc, render, report, options);
}

void append_report(const std::string& path, report::RenderFunction render, const Report& report,
                   const report::RenderOptions& options) {
    errno = 0;
    write_file(path, std::ios::app, render, report, options);
}

} // namespace costgate::cli
