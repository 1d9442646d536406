#include "launch_template.hpp"

namespace costgate::pricing::aws {

namespace {

// The instance type a launch template or launch configuration sets (empty when it sets none).
std::optional<std::string> instance_type_of(JsonValue launch) {
    if (!launch)
        return std::nullopt;
    return std::string(launch.find("instance_type").string());
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

std::optional<std::string> launch_instance_type(const Attributes& group,
                                                const PricingContext& context) {
    if (const auto type = instance_type_of(launch_configuration(group, context)))
        return type;
    return instance_type_of(launch_template(group, context));
}

} // namespace costgate::pricing::aws
