#include "provider_defaults.hpp"

#include <array>

namespace costgate::ingest {

namespace {

/// Where a provider keeps tags: the resource attribute, the attribute holding them merged
/// with the provider's defaults (empty when it has none), and where the provider block
/// sets those defaults (`default_tags { tags = ... }` is block `default_tags`, attribute
/// `tags`; a block name of "" means an attribute of the provider block itself).
struct Tagging {
    std::string_view provider;
    std::string_view attribute;
    std::string_view merged;
    std::string_view default_block;
    std::string_view default_attribute;
};

constexpr std::array k_tagging = {
    Tagging{"aws", "tags", "tags_all", "default_tags", "tags"},
    Tagging{"google", "labels", "terraform_labels", "", "default_labels"},
    Tagging{"azurerm", "tags", "", "", ""},
};

const Tagging* tagging_of(const std::string& provider) {
    for (const Tagging& tagging : k_tagging)
        if (tagging.provider == provider)
            return &tagging;
    return nullptr;
}

} // namespace

Value provider_default_tags(const std::string& provider, const HclBody& body,
                            Evaluator& evaluator) {
    const Tagging* tagging = tagging_of(provider);
    if (!tagging || tagging->default_attribute.empty())
        return {};
    if (tagging->default_block.empty()) {
        const HclAttribute* attribute = body.attribute(tagging->default_attribute);
        return attribute ? evaluator.evaluate(*attribute->expression) : Value();
    }
    for (const HclBlockNode& block : body.blocks)
        if (block.type == tagging->default_block)
            if (const HclAttribute* attribute = block.body->attribute(tagging->default_attribute))
                return evaluator.evaluate(*attribute->expression);
    // `.tf.json` writes the block as an object attribute: "default_tags": {"tags": {...}}.
    if (const HclAttribute* attribute = body.attribute(tagging->default_block)) {
        const Value block = evaluator.evaluate(*attribute->expression);
        if (block.is_map())
            if (const auto tags = block.as_map().find(tagging->default_attribute);
                tags != block.as_map().end())
                return tags->second;
    }
    return {};
}

Value add_provider_defaults(const std::string& provider, Value attributes,
                            const Value& default_tags) {
    const Tagging* tagging = tagging_of(provider);
    if (!tagging || !attributes.is_map())
        return attributes;
    Value::Map members = attributes.as_map();
    const Value own = members.emplace(std::string(tagging->attribute), Value()).first->second;
    if (!tagging->merged.empty()) {
        Value merged;
        if (own.is_unknown() || default_tags.is_unknown()) {
            merged = Value::unknown();
        } else {
            Value::Map tags = default_tags.is_map() ? default_tags.as_map() : Value::Map();
            if (own.is_map())
                for (const auto& [key, value] : own.as_map())
                    tags.insert_or_assign(key, value);
            merged = Value::map(std::move(tags));
        }
        members.insert_or_assign(std::string(tagging->merged), std::move(merged));
    }
    return Value::map(std::move(members));
}

} // namespace costgate::ingest
