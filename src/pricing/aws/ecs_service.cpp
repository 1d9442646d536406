#include "pricers.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

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

// A task's size as ECS takes it: CPU in units or vCPUs ("1 vCPU" is 1,024 units), memory
// in MiB or GB ("2 GB" is 2,048 MiB). Other text is refused by Attributes::number.
std::optional<double> task_size(JsonValue task, std::string_view name, std::string_view unit) {
    const JsonValue value = task.find(name);
    if (value.is_string() && value.string().size() > unit.size()) {
        std::string_view text = value.string();
        std::string suffix(text.substr(text.size() - unit.size()));
        std::ranges::transform(suffix, suffix.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        text.remove_suffix(unit.size());
        while (!text.empty() && text.back() == ' ')
            text.remove_suffix(1);
        double amount = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), amount);
        constexpr double k_units_per_vcpu_or_mib_per_gb = 1024;
        if (suffix == unit && error == std::errc() && end == text.data() + text.size() &&
            amount > 0 && amount < 1e6)
            return amount * k_units_per_vcpu_or_mib_per_gb;
    }
    return Attributes(task, JsonValue()).number(name);
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
    const auto cpu_units = task ? task_size(task, "cpu", "vcpu") : std::nullopt;
    const auto memory_mb = task ? task_size(task, "memory", "gb") : std::nullopt;
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
