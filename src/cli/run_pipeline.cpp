#include "costgate/error.hpp"
#include "costgate/ingest/k8s_manifests.hpp"
#include "costgate/ingest/terraform_plan.hpp"
#include "costgate/policy/evaluator.hpp"
#include "costgate/pricing/estimator.hpp"
#include "costgate/report/renderer.hpp"
#include "costgate/version.hpp"
#include "run_options.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <numeric>
#include <spdlog/spdlog.h>
#include <tuple>
#include <unistd.h>

namespace costgate {

namespace {

std::string format_list() {
    std::string names;
    for (const std::string& name : renderer_names())
        names += (names.empty() ? "" : ", ") + name;
    return names;
}

void check_inputs_given(const RunOptions& options) {
    if (options.plans.empty() && options.k8s.empty())
        throw UsageError("nothing to price: give --plan FILE and/or --k8s PATH");
    if (!options.base_k8s.empty() && options.k8s.empty())
        throw UsageError("--base-k8s needs --k8s: it is the state the manifests change");
}

std::vector<Resource> read_inputs(const RunOptions& options) {
    std::vector<Resource> resources;
    const PlanReadOptions plan_options{options.region};
    for (const std::string& path : options.plans) {
        const InputText input = read_input(path);
        std::vector<Resource> plan = read_terraform_plan(input, plan_options);
        spdlog::debug("{}: {} managed resources", input.name, plan.size());
        if (resources.empty())
            resources = std::move(plan); // one plan: no second array of resources
        else
            std::move(plan.begin(), plan.end(), std::back_inserter(resources));
    }
    if (!options.k8s.empty()) {
        std::vector<Resource> manifests = read_k8s_manifests(options.k8s);
        if (!options.base_k8s.empty())
            manifests = diff_k8s_manifests(std::move(manifests), read_k8s_manifests(options.base_k8s));
        spdlog::debug("{} Kubernetes objects", manifests.size());
        std::move(manifests.begin(), manifests.end(), std::back_inserter(resources));
    }
    std::stable_sort(resources.begin(), resources.end(), [](const Resource& a, const Resource& b) {
        return std::tie(a.address, a.source, a.file) < std::tie(b.address, b.source, b.file);
    });
    return resources;
}

void write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text << std::flush;
        return;
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file || !(file << text) || !file.flush())
        throw UsageError("cannot write " + path);
}

void warn_if_stale(const Catalog& catalog, int max_age_days) {
    const auto as_of = Date::parse(catalog.as_of());
    if (!as_of)
        return;
    const long age = Date::today().days_since_epoch() - as_of->days_since_epoch();
    if (age > max_age_days)
        spdlog::warn(
            "the embedded prices are as of {} ({} days old, more than {}): rebuild the catalog or "
            "overlay current prices with --catalog (docs/catalog.md)",
            catalog.as_of(), age, max_age_days);
}

bool use_colour(const std::string& out) {
    return (out.empty() || out == "-") && isatty(STDOUT_FILENO) &&
           std::getenv("NO_COLOR") == nullptr;
}

} // namespace

void add_run_options(CLI::App& command, RunOptions& options) {
    command
        .add_option("--plan", options.plans,
                    "Terraform plan JSON (terraform show -json); - for stdin; repeatable")
        ->type_name("FILE");
    command
        .add_option("--k8s", options.k8s,
                    "Kubernetes manifests: file, directory or - for stdin; repeatable")
        ->type_name("PATH");
    command
        .add_option("--base-k8s", options.base_k8s,
                    "Kubernetes manifests of the state before the change (e.g. the main branch)")
        ->type_name("PATH");
    command
        .add_option("--cluster", options.cluster,
                    "Cluster profile pricing Kubernetes workloads: default, eks, gke, "
                    "gke-autopilot, aks (or one from a --catalog overlay)")
        ->type_name("PROFILE")
        ->default_str("default");
    command
        .add_option("--catalog", options.catalogs,
                    "Price overlay (CSV or YAML, docs/catalog.md); repeatable, later files win")
        ->type_name("FILE");
    command.add_option("--usage", options.usage, "Usage file (YAML) for usage-priced resources")
        ->type_name("FILE");
    command.add_option("--region", options.region, "Region for resources whose plan does not say")
        ->type_name("REGION");
    command.add_option("--format", options.format, "Output format: " + format_list())
        ->type_name("FMT")
        ->default_str("table");
    command.add_option("--out", options.out, "Write the report to FILE instead of stdout")
        ->type_name("FILE");
    command
        .add_option("--max-catalog-age", options.max_catalog_age_days,
                    "Warn when the embedded prices are older than DAYS")
        ->type_name("DAYS")
        ->check(CLI::NonNegativeNumber)
        ->default_str("180");
    command
        .add_option("--cost-centre-tag", options.cost_centre_tag,
                    "Tag key of the cost-centre breakdown")
        ->type_name("KEY")
        ->default_str("cost-centre");
}

int run_pipeline(const RunOptions& options, bool with_policy) {
    check_inputs_given(options);
    const RenderFunction render = find_renderer(options.format);
    if (!render)
        throw UsageError("unknown format \"" + options.format + "\" (known: " + format_list() +
                         ")");

    Policy policy;
    for (const std::string& path : options.policies)
        policy.merge(load_policy_file(path));

    Catalog catalog = Catalog::embedded();
    warn_if_stale(catalog, options.max_catalog_age_days);
    for (const std::string& path : options.catalogs) {
        const InputText overlay = read_input(path);
        catalog.add_overlay(overlay.name, overlay.text);
    }
    const Usage usage = options.usage.empty() ? Usage() : Usage::load_file(options.usage);
    Report report;
    report.tool_version = k_version;
    report.currency = catalog.currency();
    report.catalog_version = catalog.version();
    report.catalog_as_of = catalog.as_of();
    report.inputs = options.plans;
    report.inputs.insert(report.inputs.end(), options.k8s.begin(), options.k8s.end());
    report.resources = read_inputs(options);
    report.estimate = estimate_costs(report.resources, catalog, usage, {options.cost_centre_tag, options.cluster});
    if (with_policy) {
        report.findings =
            evaluate_policy(policy, {report.resources, report.estimate}, Date::today());
        report.rules = describe_rules(policy);
        report.policies_evaluated = true;
    }
    // No renderer reads attribute trees; on a large plan they are most of the memory in use.
    for (Resource& resource : report.resources) {
        resource.before.reset();
        resource.after.reset();
        resource.after_unknown = nlohmann::json();
    }
    write_output(options.out, render(report, {use_colour(options.out)}));
    return report.exit_code();
}

} // namespace costgate
