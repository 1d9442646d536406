#include "hosted_model.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/k8s_object.hpp"

#include <algorithm>
#include <vector>

namespace costgate::pricing::k8s {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts(1);
    for (char c : text) {
        if (c == separator)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

HostedModel parse_reference(const std::string& reference, const std::string& where) {
    const std::vector<std::string> parts = split(reference, '/');
    const bool empty_part = std::any_of(parts.begin(), parts.end(),
                                        [](const std::string& part) { return part.empty(); });
    if ((parts.size() != 3 && parts.size() != 4) || empty_part)
        throw InputError({},
                         where + " \"" + reference +
                             "\" must be PROVIDER/SERVICE/MODEL or PROVIDER/SERVICE/MODEL/REGION "
                             "as the catalog keys the model's prices (openai/api/gpt-4o-mini, "
                             "aws/bedrock/amazon.nova-micro-v1:0/us-east-1)");
    return {parts[0], parts[1], parts[2], parts.size() == 4 ? parts[3] : "any"};
}

// The annotation's value on the workload, else on its pod template.
std::optional<std::pair<std::string, std::string>> annotated(JsonValue object,
                                                             const std::string& kind) {
    const std::pair<JsonValue, const char*> places[] = {
        {util::k8s::json_at(object, {"metadata"}), "metadata.annotations"},
        {util::k8s::pod_metadata(kind, object), "its pod template's metadata.annotations"}};
    for (const auto& [metadata, path] : places) {
        const JsonValue value = util::k8s::json_at(metadata, {"annotations", k_model_annotation});
        if (!value)
            continue;
        const std::string where =
            std::string(path) + "[\"" + std::string(k_model_annotation) + "\"]";
        if (!value.is_string())
            throw InputError({},
                             where + " must be a string, found " + std::string(value.type_name()));
        return std::pair(std::string(value.string()), where);
    }
    return std::nullopt;
}

} // namespace

std::optional<HostedModel> hosted_model(JsonValue object, const PricingContext& context) {
    if (const auto from_usage = context.usage_text("model"))
        return parse_reference(*from_usage, "usage \"model\"");
    if (const auto from_annotation = annotated(object, context.resource().type))
        return parse_reference(from_annotation->first, from_annotation->second);
    return std::nullopt;
}

} // namespace costgate::pricing::k8s
