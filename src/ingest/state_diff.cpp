#include "costgate/ingest/state_diff.hpp"

#include <map>

namespace costgate::ingest {

std::vector<Resource> diff_resource_states(std::vector<Resource> head, std::vector<Resource> base) {
    std::map<std::string, Resource*> base_by_address;
    for (Resource& resource : base)
        base_by_address[resource.address] = &resource;
    for (Resource& resource : head) {
        const auto found = base_by_address.find(resource.address);
        if (found == base_by_address.end())
            continue;
        resource.before = found->second->after;
        resource.action = resource.before == resource.after &&
                                  found->second->after_unknown == resource.after_unknown
                              ? Action::no_op
                              : Action::update;
        base_by_address.erase(found);
    }
    for (auto& [address, resource] : base_by_address) {
        Resource removed = std::move(*resource);
        removed.before = std::move(removed.after);
        removed.after.reset();
        removed.action = Action::remove;
        head.push_back(std::move(removed));
    }
    return head;
}

} // namespace costgate::ingest
