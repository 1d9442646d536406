#pragma once

#include "config_file.hpp"
#include "run_options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace costgate::cli {

/// One run of the pipeline: a project of costgate.yml, or the inputs given as flags.
struct ProjectRun {
    /// Empty for a run made of command-line inputs.
    std::string name;
    /// Where the project's inputs are configured (`costgate.yml:12:5`); empty for a run
    /// made of command-line inputs.
    std::string origin;
    RunOptions options;
};

/// What one `check` or `estimate` invocation runs: the command line's flags over the
/// config file's projects and defaults.
struct Invocation {
    /// The config file used, if any.
    std::optional<ConfigFile> config;
    std::vector<ProjectRun> runs;
    /// Output format and file, after flags and config.
    std::string format;
    std::string out;
    /// Policies judging the total of a multi-project run (`scope: total` budgets): the
    /// config's top-level policies, or --policy.
    std::vector<std::string> total_policies;
};

/// Merges `flags` (empty values were not given) with the config file: `flags.config`, or
/// the nearest costgate.yml above the working directory. `--plan`/`--k8s` make one run of
/// those inputs; otherwise each config project is a run. Throws UsageError when there is
/// nothing to price.
Invocation resolve_invocation(const RunOptions& flags);

/// Every value of the merged configuration with where it came from, for
/// `costgate config show`.
std::string describe_invocation(const Invocation& invocation, const RunOptions& flags);

} // namespace costgate::cli
