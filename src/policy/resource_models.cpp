#include "resource_models.hpp"

#include "attribute_paths.hpp"
#include "costgate/pricing/ai_models.hpp"
#include "costgate/pricing/resource_type.hpp"
#include "token_components.hpp"

#include <algorithm>

namespace costgate::policy {

namespace {

void add_once(std::vector<std::string>& models, std::string model) {
    if (std::find(models.begin(), models.end(), model) == models.end())
        models.push_back(std::move(model));
}

} // namespace

std::vector<std::string> models_of(const PricedResource& priced) {
    const Resource& resource = priced.resource;
    std::vector<std::string> models;
    if (!resource.after)
        return models;
    const pricing::ResourceType* described = pricing::find_resource_type(resource.type);
    if (described && !described->model_attribute.empty()) {
        for (const JsonValue value : values_at(*resource.after, described->model_attribute))
            if (value.is_string() && !value.string().empty())
                add_once(models, pricing::foundation_model_of(value.string())
                                     .value_or(std::string(value.string())));
        return models;
    }
    for (const CostComponent& component : priced.estimate.components)
        if (const auto price = token_price_of(component))
            add_once(models, price->model);
    for (const UnpricedComponent& part : priced.estimate.unpriced)
        if (const auto model = token_model_of_key(part.price_key))
            add_once(models, *model);
    return models;
}

} // namespace costgate::policy
