#include "hcl_syntax.hpp"

namespace costgate::ingest {

const HclAttribute* HclBody::attribute(std::string_view name) const {
    for (const HclAttribute& attribute : attributes)
        if (attribute.name == name)
            return &attribute;
    return nullptr;
}

} // namespace costgate::ingest
