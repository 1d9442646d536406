#pragma once

#include "costgate/policy/date.hpp"
#include "costgate/policy/policy.hpp"
#include "costgate/report.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace costgate {

/// The inputs and outputs `check` and `estimate` share.
struct RunOptions {
    std::vector<std::string> plans;
    std::vector<std::string> k8s;
    std::vector<std::string> base_k8s;
    /// Empty when --cluster is not given: the policies' settings.cluster, else `default`.
    std::string cluster;
    std::vector<std::string> policies;
    std::vector<std::string> catalogs;
    std::string usage;
    std::string region;
    std::string format = "table";
    std::string out;
    std::string cost_centre_tag = "cost-centre";
    /// Warn when the embedded prices are older than this many days.
    int max_catalog_age_days = 180;
};

/// Registers the shared options on a subcommand.
void add_run_options(CLI::App& command, RunOptions& options);

/// Throws UsageError when `options` name nothing to price or a base without a head.
void check_inputs_given(const RunOptions& options);

/// Reads the inputs, prices them with the embedded catalog and the options' overlays and
/// usage, and evaluates `policy` on `today` when one is given.
Report build_report(const RunOptions& options, const Policy* policy, const Date& today);

/// Checks the options, builds the report (with the options' policies when `with_policy`),
/// renders and writes it. Returns the exit code the report calls for.
int run_pipeline(const RunOptions& options, bool with_policy);

} // namespace costgate
