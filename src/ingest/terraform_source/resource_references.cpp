#include "resource_references.hpp"

#include "costgate/ingest/terraform_plan.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace costgate::ingest {

namespace {

using Kind = HclExpression::Kind;

// Roots that name something other than a managed resource of the module.
constexpr std::array<std::string_view, 9> k_other_roots = {
    "count", "data", "each", "local", "module", "path", "self", "terraform", "var"};

void collect(const HclExpression& expression, std::vector<std::string>& names) {
    if (expression.kind == Kind::get_attr && expression.operands[0]->kind == Kind::variable &&
        std::ranges::find(k_other_roots, expression.operands[0]->name) == k_other_roots.end())
        names.push_back(expression.operands[0]->name + "." + expression.name);
    for (const auto& operand : expression.operands)
        if (operand)
            collect(*operand, names);
}

void collect(const HclBody& body, std::vector<std::string>& names) {
    for (const HclAttribute& attribute : body.attributes)
        collect(*attribute.expression, names);
    for (const HclBlockNode& block : body.blocks)
        collect(*block.body, names);
}

// A name of a resource declared once in the module (an instance of a counted one is known
// only by evaluating its index).
bool is_single_resource(const std::string& name, const ModuleConfig& module) {
    const ResourceConfig* resource = module.resource(name);
    return resource && !resource->body->attribute("count") &&
           !resource->body->attribute("for_each");
}

} // namespace

std::map<std::string, std::vector<std::string>>
configured_references(const HclBody& body, const ModuleConfig& module, const std::string& prefix) {
    std::map<std::string, std::vector<std::string>> references;
    for (const std::string_view attribute : k_reference_attributes) {
        std::vector<std::string> names;
        if (const HclAttribute* written = body.attribute(attribute))
            collect(*written->expression, names);
        for (const HclBlockNode& block : body.blocks)
            if (block.type == attribute)
                collect(*block.body, names);
        std::vector<std::string> addresses;
        for (const std::string& name : names)
            if (is_single_resource(name, module) &&
                std::ranges::find(addresses, prefix + name) == addresses.end())
                addresses.push_back(prefix + name);
        if (!addresses.empty())
            references.emplace(attribute, std::move(addresses));
    }
    return references;
}

} // namespace costgate::ingest
