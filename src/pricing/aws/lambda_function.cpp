#include "pricers.hpp"

namespace costgate::pricing::aws {

namespace {

constexpr double k_default_memory_mb = 128;
// Lambda includes 512 MB of ephemeral storage in the duration price.
constexpr double k_included_ephemeral_mb = 512;

} // namespace

StateCost price_lambda_function(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto requests = context.usage("monthly_requests");
    const auto duration_ms = context.usage("request_duration_ms");
    const double memory_gb = attributes.number("memory_size").value_or(k_default_memory_mb) / 1024;
    std::optional<double> gb_seconds;
    if (requests && duration_ms)
        gb_seconds = *requests * (*duration_ms / 1000) * memory_gb;

    context.add_usage(cost, "Requests", "1M requests",
                      requests ? std::optional<double>(*requests / 1e6) : std::nullopt, "lambda",
                      "requests");
    const std::vector<std::string> architectures = attributes.strings("architectures");
    const bool arm = !architectures.empty() && architectures.front() == "arm64";
    context.add_usage(cost, arm ? "Duration (arm64)" : "Duration (x86_64)", "GB-seconds",
                      gb_seconds, "lambda",
                      arm ? "duration_arm_first_7.5B" : "duration_x86_first_6B");

    const auto storage = attributes.blocks("ephemeral_storage");
    const double storage_mb =
        storage.empty() ? k_included_ephemeral_mb
                        : storage.front().number("size").value_or(k_included_ephemeral_mb);
    if (storage_mb > k_included_ephemeral_mb) {
        std::optional<double> storage_gb_seconds;
        if (requests && duration_ms)
            storage_gb_seconds =
                *requests * (*duration_ms / 1000) * (storage_mb - k_included_ephemeral_mb) / 1024;
        context.add_usage(cost, "Ephemeral storage (above 512 MB)", "GB-seconds",
                          storage_gb_seconds, "lambda", "ephemeral_storage");
    }
    cost.notes.emplace_back(
        "duration priced at the first volume tier; the free tier is not deducted");
    return cost;
}

} // namespace costgate::pricing::aws
