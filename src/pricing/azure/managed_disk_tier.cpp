#include "managed_disk_tier.hpp"

#include <array>
#include <utility>

namespace costgate::pricing::azure {

namespace {

// Azure's managed disk tiers: the tier number and its size in GiB, the same numbering
// for Standard HDD (S), Standard SSD (E) and Premium SSD (P). S tiers start at 4.
constexpr std::array<std::pair<int, double>, 14> k_tiers = {{{1, 4},
                                                             {2, 8},
                                                             {3, 16},
                                                             {4, 32},
                                                             {6, 64},
                                                             {10, 128},
                                                             {15, 256},
                                                             {20, 512},
                                                             {30, 1024},
                                                             {40, 2048},
                                                             {50, 4096},
                                                             {60, 8192},
                                                             {70, 16384},
                                                             {80, 32767}}};

struct DiskKind {
    const char* storage_account_type;
    const char* prefix;
    const char* letter;
    int smallest_tier;
};

constexpr DiskKind k_kinds[] = {
    {"Standard_LRS", "standard_hdd_", "S", 4},
    {"StandardSSD_LRS", "standard_ssd_", "E", 1},
    {"Premium_LRS", "premium_ssd_", "P", 1},
};

} // namespace

void add_managed_disks(StateCost& cost, const std::string& storage_account_type, double size_gb,
                       double count, const std::string& label, const PricingContext& context) {
    const DiskKind* kind = nullptr;
    for (const DiskKind& candidate : k_kinds)
        if (storage_account_type == candidate.storage_account_type)
            kind = &candidate;
    if (!kind) {
        cost.add_unpriced(label + " (" + storage_account_type + ")",
                          "no managed disk prices for " + storage_account_type + " in the catalog");
        return;
    }
    for (const auto& [tier, tier_size] : k_tiers) {
        if (tier < kind->smallest_tier || size_gb > tier_size)
            continue;
        const std::string name = std::string(kind->letter) + std::to_string(tier);
        context.add(cost, label + " (" + storage_account_type + ", " + name + ")", "disk-months",
                    count, "managed_disks", kind->prefix + name + "_LRS");
        return;
    }
    cost.add_unpriced(label + " (" + storage_account_type + ")",
                      "disk size " + std::to_string(static_cast<long>(size_gb)) +
                          " GB is above the largest tier");
}

} // namespace costgate::pricing::azure
