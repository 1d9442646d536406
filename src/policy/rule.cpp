#include "costgate/policy/rule.hpp"

#include "costgate/error.hpp"
#include "costgate/policy/policy.hpp"

#include <map>

namespace costgate {

Finding Rule::finding(const Resource* resource, std::string message) const {
    Finding result;
    result.rule = id;
    result.severity = severity;
    result.message = std::move(message);
    if (resource) {
        result.resource = resource->address;
        result.file = resource->file;
        result.line = resource->line;
    } else {
        result.file = file;
        result.line = line;
    }
    return result;
}

void Policy::merge(Policy&& other) {
    std::map<std::string, const Rule*> declared;
    for (const auto& rule : rules)
        declared[rule->id] = rule.get();
    for (auto& rule : other.rules) {
        if (const auto found = declared.find(rule->id); found != declared.end())
            throw InputError({rule->file, rule->line, 0, {}},
                             "rule id \"" + rule->id + "\" is already declared at " +
                                 found->second->file + ":" + std::to_string(found->second->line));
        declared[rule->id] = rule.get();
        rules.push_back(std::move(rule));
    }
    for (Exemption& exemption : other.exemptions)
        exemptions.push_back(std::move(exemption));
}

} // namespace costgate
