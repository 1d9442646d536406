#include "pricers.hpp"

namespace costgate::pricing::aws {

namespace {

// `family`, `family:3` or an ARN ending in `task-definition/family:3` → `family`.
std::string task_family(std::string reference) {
    if (const std::size_t slash = reference.rfind('/'); slash != std::string::npos)
        reference.erase(0, slash + 1);
    if (const std::size_t colon = reference.find(':'); colon != std::string::npos)
        reference.erase(colon);
    return reference;
}

} // namespace

StateCost price_ecs_service(const Attributes& attributes, const PricingContext& context) {
    StateCost cost;
    if (attributes.string("launch_type").value_or("EC2") != "FARGATE") {
        cost.notes.emplace_back(
            "not a Fargate service: its tasks run on instances priced elsewhere");
        return cost;
    }
    const auto count = attributes.number("desired_count");
    if (!count) {
        mark_unknown(cost, "desired_count");
        return cost;
    }
    // By the family the plan knows, else through the configuration's reference: the ARN
    // of a task definition created with the service is known only after apply.
    const auto reference = attributes.string("task_definition");
    JsonValue task =
        reference ? context.find_state("aws_ecs_task_definition", "family", task_family(*reference))
                  : JsonValue();
    if (!task)
        task = context.referenced_state("task_definition", "aws_ecs_task_definition");
    if (!task && !reference) {
        mark_unknown(cost, "task_definition");
        return cost;
    }
    const std::string family =
        reference ? task_family(*reference) : std::string(task.find("family").string());
    const Attributes definition(task, JsonValue());
    const auto cpu_units = definition.number("cpu");
    const auto memory_mb = definition.number("memory");
    if (!task || !cpu_units || !memory_mb) {
        cost.add_unpriced("Fargate tasks (" + family + ")",
                          "the task definition " + family +
                              " (with cpu and memory) is not in the plan");
        return cost;
    }
    context.add(cost, "Fargate vCPU", "vCPU-months", *count * *cpu_units / 1024, "ecs_fargate",
                "fargate_vcpu");
    context.add(cost, "Fargate memory", "GB-months", *count * *memory_mb / 1024, "ecs_fargate",
                "fargate_memory");
    return cost;
}

} // namespace costgate::pricing::aws
