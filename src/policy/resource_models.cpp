#include "resource_models.hpp"

#include "attribute_paths.hpp"
#include "costgate/pricing/ai_models.hpp"
#include "costgate/pricing/resource_type.hpp"

namespace costgate::policy {

std::vector<std::string> models_of(const Resource& resource) {
    std::vector<std::string> models;
    const pricing::ResourceType* described = pricing::find_resource_type(resource.type);
    if (!resource.after || !described || described->model_attribute.empty())
        return models;
    for (const JsonValue value : values_at(*resource.after, described->model_attribute))
        if (value.is_string() && !value.string().empty())
            models.push_back(
                pricing::foundation_model_of(value.string()).value_or(std::string(value.string())));
    return models;
}

} // namespace costgate::policy
