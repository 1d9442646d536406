#include "ebs_storage.hpp"

#include <algorithm>

namespace costgate::pricing::aws {

namespace {

// gp3 includes a 3,000 IOPS and 125 MB/s baseline; io2's first price tier ends at 32,000.
constexpr double k_gp3_free_iops = 3000;
constexpr double k_gp3_free_throughput = 125;
constexpr double k_io2_first_tier_iops = 32000;

std::string storage_name(const std::string& type) {
    if (type == "gp2" || type == "gp3")
        return "Storage (general purpose SSD, " + type + ")";
    if (type == "io1" || type == "io2")
        return "Storage (provisioned IOPS SSD, " + type + ")";
    if (type == "st1")
        return "Storage (throughput optimized HDD, st1)";
    if (type == "sc1")
        return "Storage (cold HDD, sc1)";
    return "Storage (magnetic, standard)";
}

} // namespace

void add_ebs_components(StateCost& cost, const EbsVolume& volume, const std::string& label,
                        const PricingContext& context) {
    const std::string& type = volume.type;
    if (type != "gp2" && type != "gp3" && type != "io1" && type != "io2" && type != "st1" &&
        type != "sc1" && type != "standard") {
        cost.add_unpriced(label + "Storage (" + type + ")",
                          label + "unknown EBS volume type \"" + type + "\"");
        return;
    }
    const std::string product = type == "standard" ? "standard_magnetic" : type;
    context.add(cost, label + storage_name(type), "GB-months", volume.size_gb, "ebs", product);

    if (type == "gp3") {
        const double iops = std::max(0.0, volume.iops.value_or(k_gp3_free_iops) - k_gp3_free_iops);
        if (iops > 0)
            context.add(cost, label + "Provisioned IOPS (above 3,000)", "IOPS-months", iops, "ebs",
                        "gp3_provisioned_iops_above_3000");
        const double throughput = std::max(
            0.0, volume.throughput_mbps.value_or(k_gp3_free_throughput) - k_gp3_free_throughput);
        if (throughput > 0)
            context.add(cost, label + "Provisioned throughput (above 125 MB/s)", "MBps-months",
                        throughput, "ebs", "gp3_provisioned_throughput_above_125");
    } else if (type == "io1" || type == "io2") {
        if (!volume.iops) {
            cost.add_unpriced(label + "Provisioned IOPS",
                              label + "iops is required for " + type + " volumes");
            return;
        }
        const double iops = *volume.iops;
        if (type == "io1") {
            context.add(cost, label + "Provisioned IOPS", "IOPS-months", iops, "ebs",
                        "io1_provisioned_iops");
        } else {
            context.add(cost, label + "Provisioned IOPS (up to 32,000)", "IOPS-months",
                        std::min(iops, k_io2_first_tier_iops), "ebs",
                        "io2_provisioned_iops_first_tier");
            if (iops > k_io2_first_tier_iops) {
                cost.add_unpriced(label + "Provisioned IOPS (above 32,000)",
                                  label + "io2 IOPS above 32,000 are priced in tiers the catalog "
                                          "does not have yet");
            }
        }
    } else if (type == "standard") {
        const auto requests = context.usage("monthly_standard_io_requests");
        context.add_usage(cost, label + "I/O requests", "1M requests",
                          requests ? std::optional<double>(*requests / 1e6) : std::nullopt, "ebs",
                          "standard_magnetic_io_requests");
    }
}

} // namespace costgate::pricing::aws
