#include "ebs_storage.hpp"
#include "pricers.hpp"

namespace costgate::pricing::aws {

namespace {

// What Terraform leaves unset comes from the AMI; AWS's public AMIs mostly boot from an
// 8 GB gp2 volume, the same default Infracost assumes. Always reported as an assumption.
constexpr double k_assumed_root_size_gb = 8;
constexpr const char* k_assumed_root_type = "gp2";

void add_root_volume(StateCost& cost, const Attributes& attributes, const PricingContext& context) {
    const std::vector<Attributes> blocks = attributes.blocks("root_block_device");
    EbsVolume volume{k_assumed_root_type, k_assumed_root_size_gb, std::nullopt, std::nullopt};
    std::vector<std::string> assumed;
    if (blocks.empty()) {
        assumed.emplace_back("size and type");
    } else {
        const Attributes& root = blocks.front();
        if (auto size = root.number("volume_size"))
            volume.size_gb = *size;
        else
            assumed.emplace_back("size");
        if (auto type = root.string("volume_type"); type && !type->empty())
            volume.type = *type;
        else
            assumed.emplace_back("type");
        volume.iops = root.number("iops");
        volume.throughput_mbps = root.number("throughput");
    }
    if (!assumed.empty())
        cost.notes.push_back(
            "root volume " + assumed.front() + " not in the plan (set by the AMI); assumed " +
            std::to_string(static_cast<int>(volume.size_gb)) + " GB " + volume.type);
    add_ebs_components(cost, volume, "root_block_device: ", context);
}

// Terraform marks the whole ebs_block_device list unknown when the configuration declares
// none (the AMI's own mappings fill it at apply); declared devices appear as known entries.
void add_ebs_block_devices(StateCost& cost, const Attributes& attributes,
                           const PricingContext& context) {
    const std::vector<Attributes> blocks = attributes.blocks("ebs_block_device");
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::string label = "ebs_block_device[" + std::to_string(i) + "]";
        // After apply, a volume attached with aws_volume_attachment is listed here too; it
        // is priced once, on its aws_ebs_volume.
        if (const auto volume_id = blocks[i].string("volume_id"))
            if (context.find_state("aws_ebs_volume", "id", *volume_id)) {
                cost.notes.push_back(label + " (" + *volume_id +
                                     ") is priced on its aws_ebs_volume");
                continue;
            }
        const auto size = blocks[i].number("volume_size");
        if (!size) {
            mark_unknown(cost, label + ".volume_size");
            continue;
        }
        const auto type = blocks[i].string("volume_type");
        EbsVolume volume{type && !type->empty() ? *type : "gp2", *size, blocks[i].number("iops"),
                         blocks[i].number("throughput")};
        add_ebs_components(cost, volume, label + ": ", context);
    }
}

} // namespace

StateCost price_instance(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto instance_type = attributes.string("instance_type");
    if (attributes.is_unknown("instance_type")) {
        mark_unknown(cost, "instance_type");
    } else if (!instance_type) {
        cost.add_unpriced("Instance usage (launch template)",
                          "no instance_type (a launch template's type is not priced yet)");
    }
    const std::string tenancy = attributes.string("tenancy").value_or("default");
    if (tenancy != "default") {
        cost.add_unpriced("Instance usage (" + tenancy + " tenancy)",
                          "tenancy \"" + tenancy +
                              "\": only shared-tenancy prices are in the catalog");
    }
    const auto market = attributes.blocks("instance_market_options");
    const bool spot = !market.empty() && market.front().string("market_type") == "spot";
    if (cost.priced()) {
        context.add(cost,
                    "Instance usage (Linux/UNIX, " + std::string(spot ? "spot" : "on-demand") +
                        ", " + *instance_type + ")",
                    "hours", k_hours_per_month, "ec2", *instance_type);
        cost.notes.push_back("priced as Linux: the plan does not say which OS the AMI runs");
        if (spot)
            cost.notes.emplace_back(k_spot_at_on_demand_note);
    }
    add_root_volume(cost, attributes, context);
    add_ebs_block_devices(cost, attributes, context);
    return cost;
}

} // namespace costgate::pricing::aws
