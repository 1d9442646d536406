#include "costgate/model/resource.hpp"

namespace costgate {

std::string resource_namespace(const Resource& resource) {
    if (resource.source != Source::kubernetes)
        return {};
    return resource.address.substr(0, resource.address.find('/'));
}

std::string resource_module(const Resource& resource) {
    if (resource.source != Source::terraform)
        return {};
    // Module names cannot contain dots, but for_each keys can: walk `module.NAME[KEY].`
    // segments, skipping bracketed keys as a whole.
    std::size_t end = 0;
    std::size_t position = 0;
    const std::string& address = resource.address;
    while (address.compare(position, 7, "module.") == 0) {
        position += 7;
        while (position < address.size() && address[position] != '.') {
            if (address[position] == '[') {
                const std::size_t close = address.find("]", position);
                if (close == std::string::npos)
                    return address.substr(0, end);
                position = close;
            }
            ++position;
        }
        end = position;
        ++position;
    }
    return address.substr(0, end);
}

} // namespace costgate
