#include "pricers.hpp"

namespace costgate::pricing::aws {

namespace {

struct StorageClass {
    const char* usage_key;
    const char* name;
    const char* product;
};

constexpr StorageClass k_classes[] = {
    {"standard_storage_gb", "Storage (Standard)", "standard_first_50TB"},
    {"standard_ia_storage_gb", "Storage (Standard-IA)", "standard_ia"},
    {"onezone_ia_storage_gb", "Storage (One Zone-IA)", "onezone_ia"},
    {"glacier_flexible_retrieval_storage_gb", "Storage (Glacier Flexible Retrieval)",
     "glacier_flexible_retrieval"},
    {"glacier_deep_archive_storage_gb", "Storage (Glacier Deep Archive)", "glacier_deep_archive"},
};

// The catalog has Standard's first pricing tier only.
constexpr double k_standard_first_tier_gb = 50 * 1024;

} // namespace

StateCost price_s3_bucket(const Attributes&, const PricingContext& context) {
    StateCost cost;
    bool any_usage = false;
    for (const StorageClass& storage : k_classes) {
        const auto gb = context.usage(storage.usage_key);
        if (!gb)
            continue;
        any_usage = true;
        // Above the first tier only the first 50 TB are priced: the rest is left out rather
        // than charged at the first tier's higher price.
        const bool tiered = std::string_view(storage.usage_key) == "standard_storage_gb" &&
                            *gb > k_standard_first_tier_gb;
        context.add_usage(cost, tiered ? "Storage (Standard, first 50 TB)" : storage.name,
                          "GB-months", tiered ? k_standard_first_tier_gb : *gb, "s3",
                          storage.product);
        if (tiered)
            cost.add_unpriced(
                "Storage (Standard, above 50 TB)",
                "Standard storage above 50 TB is priced in tiers the catalog does not have yet");
    }
    if (!any_usage)
        context.add_usage(cost, k_classes[0].name, "GB-months", std::nullopt, "s3",
                          k_classes[0].product);
    return cost;
}

} // namespace costgate::pricing::aws
