#include "ebs_storage.hpp"
#include "pricers.hpp"

namespace costgate::pricing::aws {

StateCost price_ebs_volume(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    const auto size = attributes.number("size");
    if (!size) {
        if (attributes.is_unknown("size")) {
            mark_unknown(cost, "size");
        } else {
            cost.add_unpriced("size", "no size (a snapshot's size is not known from the plan)");
        }
        return cost;
    }
    auto type = attributes.string("type");
    if (!type || type->empty()) {
        // AWS creates gp2 volumes when no type is given.
        type = "gp2";
        cost.notes.push_back("type not set: AWS's default gp2 assumed");
    }
    add_ebs_components(cost,
                       {*type, *size, attributes.number("iops"), attributes.number("throughput")},
                       "", context);
    return cost;
}

} // namespace costgate::pricing::aws
