#include "launch_template.hpp"

namespace costgate::pricing::aws {

namespace {

// What a launch template or launch configuration sets. It is another resource's state: a
// value of another type reads as not set (the group is then unpriced, naming what is
// missing) rather than as an error about the group.
std::optional<LaunchSpec> spec_of(JsonValue launch) {
    if (!launch)
        return std::nullopt;
    const JsonValue market = launch.find("instance_market_options");
    const bool spot = (market.is_array() && market[0].find("market_type").is_string("spot")) ||
                      !launch.find("spot_price").string().empty();
    return LaunchSpec{std::string(launch.find("instance_type").string()), spot};
}

JsonValue launch_configuration(const Attributes& group, const PricingContext& context) {
    if (const auto name = group.string("launch_configuration"))
        if (const JsonValue found = context.find_state("aws_launch_configuration", "name", *name))
            return found;
    return context.referenced_state("launch_configuration", "aws_launch_configuration");
}

JsonValue launch_template(const Attributes& group, const PricingContext& context) {
    const auto blocks = group.blocks("launch_template");
    if (blocks.empty())
        return {};
    for (const char* key : {"name", "id"})
        if (const auto value = blocks.front().string(key))
            if (const JsonValue found = context.find_state("aws_launch_template", key, *value))
                return found;
    return context.referenced_state("launch_template", "aws_launch_template");
}

} // namespace

std::optional<LaunchSpec> launch_spec(const Attributes& group, const PricingContext& context) {
    if (auto spec = spec_of(launch_configuration(group, context)))
        return spec;
    return spec_of(launch_template(group, context));
}

} // namespace costgate::pricing::aws
