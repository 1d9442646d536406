#include "costgate/ingest/base_report.hpp"
#include "costgate/ingest/k8s_manifests.hpp"
#include "costgate/ingest/state_diff.hpp"
#include "costgate/ingest/terraform_plan.hpp"
#include "costgate/ingest/terraform_source.hpp"
#include "costgate/ingest/terraform_sources.hpp"
#include "costgate/ingest/unique_addresses.hpp"
#include "costgate/model/error.hpp"
#include "costgate/model/resource_order.hpp"
#include "costgate/policy/evaluator.hpp"
#include "costgate/pricing/baseline.hpp"
#include "costgate/pricing/estimator.hpp"
#include "costgate/report/renderer.hpp"
#include "costgate/version.hpp"
#include "project_runs.hpp"
#include "run_files.hpp"
#include "run_log.hpp"
#include "run_options.hpp"
#include "suggest.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <spdlog/spdlog.h>
#include <unistd.h>

namespace costgate::cli {

namespace {

std::string format_list() {
    std::string names;
    for (const std::string& name : report::renderer_names())
        names += (names.empty() ? "" : ", ") + name;
    return names;
}

} // namespace

namespace {

std::string joined(const std::vector<std::string>& values) {
    std::string text;
    for (const std::string& value : values)
        text += (text.empty() ? "" : ", ") + value;
    return text;
}

/// Moves `from`'s resources to the end of `to`: the whole vector when `to` is empty (one
/// input, the usual case, needs no second array).
void append(std::vector<Resource>& to, std::vector<Resource> from) {
    if (to.empty())
        to = std::move(from);
    else
        std::move(from.begin(), from.end(), std::back_inserter(to));
}

std::vector<Resource> read_inputs(const RunOptions& options, const std::string& log_prefix) {
    std::vector<Resource> resources;
    const ingest::PlanReadOptions plan_options{options.region};
    for (const std::string& path : options.plans) {
        const run_log::StageTimer timer(log_prefix, "read " + path);
        const util::InputText input = util::read_input(path);
        const std::size_t bytes = input.text.size();
        std::vector<Resource> plan = ingest::read_terraform_plan(input, plan_options);
        // Two plans may both hold `aws_instance.web` (two roots); one plan may not.
        ingest::check_addresses_unique(plan, "plan");
        if (const std::string tf_dir =
                options.tf_dir.empty() ? ingest::default_tf_dir(path) : options.tf_dir;
            !tf_dir.empty()) {
            spdlog::debug("{}{}: locating declarations in {}", log_prefix, input.name, tf_dir);
            ingest::locate_declarations(tf_dir, plan);
        }
        spdlog::debug("{}{}: Terraform plan, {} bytes, {} managed resources", log_prefix,
                      input.name, bytes, plan.size());
        append(resources, std::move(plan));
    }
    if (!options.terraform.empty()) {
        const run_log::StageTimer timer(log_prefix, "read Terraform source");
        const ingest::TerraformSourceOptions source_options{options.var_files, options.vars,
                                                            options.region};
        const auto read_roots = [&](const std::vector<std::string>& roots) {
            std::vector<Resource> read;
            for (const std::string& root : roots)
                append(read, ingest::read_terraform_source(root, source_options));
            return read;
        };
        std::vector<Resource> source = read_roots(options.terraform);
        if (!options.base_terraform.empty())
            source =
                ingest::diff_resource_states(std::move(source), read_roots(options.base_terraform));
        spdlog::debug("{}{} resources from Terraform source in {}", log_prefix, source.size(),
                      joined(options.terraform));
        append(resources, std::move(source));
    }
    if (!options.k8s.empty()) {
        const run_log::StageTimer timer(log_prefix, "read Kubernetes manifests");
        std::vector<Resource> manifests = ingest::read_k8s_manifests(options.k8s);
        if (!options.base_k8s.empty())
            manifests = ingest::diff_resource_states(std::move(manifests),
                                                     ingest::read_k8s_manifests(options.base_k8s));
        spdlog::debug("{}{} Kubernetes objects from {}", log_prefix, manifests.size(),
                      joined(options.k8s));
        append(resources, std::move(manifests));
    }
    sort_resources(resources);
    return resources;
}

// --report FMT=FILE flags, else the config's `reports:`; checked before any work is done.
std::vector<std::pair<std::string, report::RenderFunction>>
extra_reports(const Invocation& invocation, const RunOptions& flags) {
    std::vector<std::pair<std::string, std::string>> wanted;
    for (const std::string& entry : flags.reports) {
        const std::size_t equals = entry.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == entry.size())
            throw UsageError("--report takes FMT=FILE (e.g. sarif=costgate.sarif), found \"" +
                             entry + "\"");
        wanted.emplace_back(entry.substr(0, equals), entry.substr(equals + 1));
    }
    if (flags.reports.empty() && invocation.config)
        for (const auto& [format, file] : invocation.config->reports.value)
            wanted.emplace_back(format, file);
    std::vector<std::pair<std::string, report::RenderFunction>> reports;
    for (const auto& [format, file] : wanted) {
        const report::RenderFunction render = report::find_renderer(format);
        if (!render)
            throw UsageError("unknown report format \"" + format + "\" (known: " + format_list() +
                             ")" + did_you_mean(format, report::renderer_names()));
        reports.emplace_back(file, render);
    }
    return reports;
}

// Judges the prices the run used, not the catalog's newest date: a catalog refreshed
// last month may still price a resource with a row from years ago.
void warn_if_stale(const Report& report, int max_age_days) {
    const PricesUsed used = prices_used(report.estimate);
    const std::string as_of = used.oldest.empty() ? report.catalog_as_of : used.oldest;
    const auto date = util::Date::parse(as_of);
    if (!date)
        return;
    const long age = util::Date::today().days_since_epoch() - date->days_since_epoch();
    if (age <= max_age_days)
        return;
    const std::string what = used.oldest.empty()
                                 ? "the embedded prices are"
                                 : "the oldest price used (" + used.oldest_key + ") is";
    spdlog::warn("{} as of {} ({} days old, more than {}): rebuild the catalog or overlay current "
                 "prices with --catalog (docs/catalog.md)",
                 what, as_of, age, max_age_days);
}

// A report holds every resource's attribute trees: millions of small allocations on a
// large plan. Freeing them one by one just before the process exits, when the system
// takes the memory back at once, was a third of a 10,000-resource check (clang's
// -disable-free skips the same work). Reachable from a static, so not a leak to
// LeakSanitizer.
const Report& keep_until_exit(Report report) {
    static auto* const kept = new std::vector<std::unique_ptr<const Report>>();
    kept->push_back(std::make_unique<const Report>(std::move(report)));
    return *kept->back();
}

bool use_colour(const std::string& out) {
    return (out.empty() || out == "-") && isatty(STDOUT_FILENO) &&
           std::getenv("NO_COLOR") == nullptr;
}

} // namespace

const CLI::Validator& non_empty() {
    // An empty value would read as "not given" and be ignored, or name no file.
    static const CLI::Validator k_non_empty(
        [](const std::string& value) { return value.empty() ? "must not be empty" : ""; }, "");
    return k_non_empty;
}

void add_run_options(CLI::App& command, RunOptions& options) {
    command
        .add_option("--config", options.config,
                    "costgate.yml to use (default: the nearest costgate.yml or .costgate.yml in "
                    "the working directory or above)")
        ->type_name("FILE")
        ->check(non_empty());
    command
        .add_option("--plan", options.plans,
                    "Terraform plan JSON (terraform show -json); - for stdin; repeatable")
        ->type_name("FILE")
        ->check(non_empty());
    command
        .add_option("--tf-dir", options.tf_dir,
                    "Terraform configuration whose .tf files declare the plan's resources, for "
                    "finding locations (default: the plan's directory when it holds .tf files)")
        ->type_name("DIR")
        ->check(non_empty());
    command
        .add_option("--terraform", options.terraform,
                    "Terraform root module estimated from its source, without a plan; repeatable")
        ->type_name("DIR")
        ->check(non_empty());
    command
        .add_option("--base-terraform", options.base_terraform,
                    "Terraform source of the state before the change (e.g. a worktree of the main "
                    "branch); repeatable")
        ->type_name("DIR")
        ->check(non_empty());
    command
        .add_option("--var-file", options.var_files,
                    "Variable definitions file for the --terraform roots; repeatable")
        ->type_name("FILE")
        ->check(non_empty());
    command.add_option("--var", options.vars, "A --terraform root variable's value; repeatable")
        ->type_name("NAME=VALUE")
        ->check(non_empty());
    command
        .add_option("--k8s", options.k8s,
                    "Kubernetes manifests: file, directory or - for stdin; repeatable")
        ->type_name("PATH")
        ->check(non_empty());
    command
        .add_option("--base-k8s", options.base_k8s,
                    "Kubernetes manifests of the state before the change (e.g. the main branch)")
        ->type_name("PATH")
        ->check(non_empty());
    command
        .add_option("--cluster", options.cluster,
                    "Cluster profile pricing Kubernetes workloads: default, eks, gke, "
                    "gke-autopilot, aks (or one from a --catalog overlay); default: the "
                    "policies' settings.cluster, else default")
        ->type_name("PROFILE")
        ->check(non_empty());
    command
        .add_option("--catalog", options.catalogs,
                    "Price overlay (CSV or YAML, docs/catalog.md); repeatable, later files win")
        ->type_name("FILE")
        ->check(non_empty());
    command.add_option("--usage", options.usage, "Usage file (YAML) for usage-priced resources")
        ->type_name("FILE")
        ->check(non_empty());
    command.add_option("--region", options.region, "Region for resources whose plan does not say")
        ->type_name("REGION")
        ->check(non_empty());
    command
        .add_option("--format", options.format,
                    "Output format: " + format_list() +
                        " (default: costgate.yml's format, else table)")
        ->type_name("FMT")
        ->check(non_empty());
    command.add_option("--out", options.out, "Write the report to FILE instead of stdout")
        ->type_name("FILE")
        ->check(non_empty());
    command
        .add_option("--report", options.reports,
                    "Also write format FMT to FILE (e.g. sarif=costgate.sarif); repeatable")
        ->type_name("FMT=FILE")
        ->check(non_empty());
    command
        .add_option("--compare-to", options.compare_to,
                    "A costgate JSON report of the base branch: its monthly costs are the "
                    "\"before\" of this run")
        ->type_name("BASE.json")
        ->check(non_empty());
    command
        .add_option("--max-catalog-age", options.max_catalog_age_days,
                    "Warn when the embedded prices are older than DAYS")
        ->type_name("DAYS")
        ->check(CLI::Range(0, 36500))
        ->default_str("180");
    command
        .add_option("--cost-centre-tag", options.cost_centre_tag,
                    "Tag key of the cost-centre breakdown (default: cost-centre)")
        ->type_name("KEY")
        ->check(non_empty());
}

Report build_report(const RunOptions& options, const policy::Policy* policy,
                    const util::Date& today, policy::RuleSelection selection) {
    const std::string log_prefix = run_log::prefix(options.project);
    pricing::Catalog catalog = pricing::Catalog::embedded();
    for (const std::string& path : options.catalogs) {
        const util::InputText overlay = util::read_input(path);
        catalog.add_overlay(overlay.name, overlay.text);
        spdlog::debug("{}{}: price overlay, {} bytes", log_prefix, overlay.name,
                      overlay.text.size());
    }
    const pricing::Usage usage =
        options.usage.empty() ? pricing::Usage() : pricing::Usage::load_file(options.usage);
    if (!options.usage.empty())
        spdlog::debug("{}{}: usage file", log_prefix, options.usage);
    Report report;
    report.tool_version = k_version;
    report.currency = catalog.currency();
    report.catalog_version = catalog.version();
    report.catalog_as_of = catalog.as_of();
    report.inputs = options.plans;
    report.inputs.insert(report.inputs.end(), options.terraform.begin(), options.terraform.end());
    report.inputs.insert(report.inputs.end(), options.k8s.begin(), options.k8s.end());
    // Sorted, so giving the same inputs in another order gives byte-identical output.
    std::sort(report.inputs.begin(), report.inputs.end());
    const std::string cluster = !options.cluster.empty() ? options.cluster
                                : policy && !policy->cluster_profile.empty()
                                    ? policy->cluster_profile
                                    : "default";
    // A mistyped profile would leave every workload unpriced and every budget unconfirmed.
    const bool named = !options.cluster.empty() || (policy && !policy->cluster_profile.empty());
    if (named && !catalog.has_cluster_profile(cluster)) {
        const std::string message = "unknown cluster profile \"" + cluster +
                                    "\" (costgate catalog list --provider k8s shows the profiles; "
                                    "an overlay can add one, docs/kubernetes.md)";
        if (options.cluster.empty())
            throw InputError(policy->cluster_profile_location, "settings.cluster: " + message);
        throw UsageError("--cluster: " + message);
    }
    const std::string cost_centre_tag =
        options.cost_centre_tag.empty() ? "cost-centre" : options.cost_centre_tag;
    std::vector<Resource> resources = read_inputs(options, log_prefix);
    for (const std::string& unmatched : usage.unmatched_addresses(resources))
        spdlog::warn("{}", unmatched);
    {
        const run_log::StageTimer timer(log_prefix,
                                        "price " + std::to_string(resources.size()) + " resources");
        spdlog::debug("{}catalog {} (prices as of {}), cluster profile {}", log_prefix,
                      catalog.version(), catalog.as_of(), cluster);
        report.estimate = pricing::estimate_costs(std::move(resources), catalog, usage,
                                                  {cost_centre_tag, cluster});
    }
    run_log::log_prices(report.estimate, log_prefix);
    if (!options.compare_to.empty()) {
        const run_log::StageTimer timer(log_prefix, "compare to " + options.compare_to);
        pricing::apply_baseline(
            report.estimate, report.currency,
            ingest::read_base_report(util::read_input(options.compare_to), options.project));
    }
    pricing::add_unit_costs(report.estimate, usage.unit_volumes());
    if (policy) {
        const run_log::StageTimer timer(
            log_prefix, "evaluate " + std::to_string(policy->rules.size()) + " rules");
        report.findings = policy::evaluate_policy(
            *policy, {report.estimate, today, report.currency, &catalog}, selection);
        report.rules = policy::describe_rules(*policy);
        report.policies_evaluated = true;
    }
    return report;
}

int run_pipeline(const RunOptions& flags, bool with_policy) {
    Invocation invocation = resolve_invocation(flags);
    const report::RenderFunction render = report::find_renderer(invocation.format);
    if (!render)
        throw UsageError("unknown format \"" + invocation.format + "\" (known: " + format_list() +
                         ")" + did_you_mean(invocation.format, report::renderer_names()));
    if (with_policy)
        for (const ProjectRun& run : invocation.runs)
            if (run.options.policies.empty())
                throw UsageError(
                    "check needs a policy: give --policy FILE or set policies in " +
                    (invocation.config ? invocation.config->path : std::string("costgate.yml")));
    const std::vector<std::pair<std::string, report::RenderFunction>> extra =
        extra_reports(invocation, flags);
    read_repeated_inputs_once(invocation);
    check_inputs_given_once(invocation);
    std::vector<std::string> outputs{invocation.out};
    for (const auto& report_file : extra)
        outputs.push_back(report_file.first);
    check_output_targets(invocation, outputs);
    const Report& report =
        keep_until_exit(run_invocation(invocation, with_policy, util::Date::today()));
    warn_if_stale(report, flags.max_catalog_age_days);
    if (invocation.config && invocation.config->currency.set() &&
        invocation.config->currency.value != report.currency)
        throw UsageError(invocation.config->currency.origin + ": the config expects prices in " +
                         invocation.config->currency.value + ", but the catalogs price in " +
                         report.currency);
    {
        const run_log::StageTimer timer("", "render and write " + invocation.format);
        write_report(invocation.out, render, report, {use_colour(invocation.out)});
    }
    for (const auto& [file, report_render] : extra)
        write_report(file, report_render, report, {false});
    // The github format's step summary: GitHub shows this file's Markdown on the run page.
    if (invocation.format == "github")
        if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary && *summary)
            append_report(summary, report::find_renderer("markdown"), report, {false});
    return report.exit_code();
}

} // namespace costgate::cli
