#pragma once

#include "costgate/model/report.hpp"
#include "costgate/policy/evaluator.hpp"
#include "costgate/policy/policy.hpp"
#include "costgate/util/date.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace costgate::cli {

/// The inputs and outputs `check` and `estimate` share. As parsed from the command line,
/// empty values were not given (see invocation.hpp for the defaults that fill them).
struct RunOptions {
    /// --config: the costgate.yml to use instead of searching for one.
    std::string config;
    std::vector<std::string> plans;
    /// --tf-dir: the Terraform configuration declaring the plans' resources; empty for
    /// each plan's own directory when it holds `.tf` files.
    std::string tf_dir;
    std::vector<std::string> k8s;
    std::vector<std::string> base_k8s;
    /// --terraform: Terraform root modules estimated from source, without a plan.
    std::vector<std::string> terraform;
    /// --base-terraform: the roots' source before the change (e.g. the main branch).
    std::vector<std::string> base_terraform;
    /// --var-file and --var NAME=VALUE for the Terraform roots' variables.
    std::vector<std::string> var_files;
    std::vector<std::string> vars;
    /// Empty when --cluster is not given: the policies' settings.cluster, else `default`.
    std::string cluster;
    std::vector<std::string> policies;
    std::vector<std::string> catalogs;
    std::string usage;
    std::string region;
    std::string format;
    std::string out;
    /// --report FMT=FILE: further formats written besides stdout.
    std::vector<std::string> reports;
    std::string cost_centre_tag;
    /// --compare-to: a costgate JSON report of the base branch giving the "before".
    std::string compare_to;
    /// The costgate.yml project this run is (set by resolve_invocation), for matching the
    /// --compare-to report's resources.
    std::string project;
    /// Warn when the embedded prices are older than this many days.
    int max_catalog_age_days = 180;
};

/// Refuses an empty option value (`--plan ''`), which would otherwise read as "not given".
const CLI::Validator& non_empty();

/// Registers the shared options on a subcommand.
void add_run_options(CLI::App& command, RunOptions& options);

/// Reads the inputs, prices them with the embedded catalog and the options' overlays and
/// usage, and evaluates the `selection` of `policy`'s rules on `today` when one is given.
Report build_report(const RunOptions& options, const policy::Policy* policy,
                    const util::Date& today,
                    policy::RuleSelection selection = policy::RuleSelection::all);

/// Checks the options, builds the report (with the options' policies when `with_policy`),
/// renders and writes it. Returns the exit code the report calls for.
int run_pipeline(const RunOptions& options, bool with_policy);

} // namespace costgate::cli
