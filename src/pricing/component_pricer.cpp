// Prices a type described by component rules (resource_types.yaml): each applicable part is a
// quantity times one catalog price.
#include "costgate/pricing/resource_type.hpp"

#include <algorithm>

namespace costgate::pricing {

namespace {

// The attributes holding the last step of `path` (`cluster_config.instance_count`: the
// first `cluster_config` block), and that step; nullopt when a block on the way is absent.
std::optional<std::pair<Attributes, std::string>> descend(const Attributes& attributes,
                                                          std::string_view path) {
    Attributes at = attributes;
    std::size_t dot;
    while ((dot = path.find('.')) != std::string_view::npos) {
        const std::vector<Attributes> blocks = at.blocks(path.substr(0, dot));
        if (blocks.empty())
            return std::nullopt;
        at = blocks.front();
        path.remove_prefix(dot + 1);
    }
    return std::pair{at, std::string(path)};
}

enum class Read { value, absent, unknown };

// The text of a string or boolean attribute (`true`/`false`), or the type's default when
// absent, null or empty.
Read text_of(const ResourceType& type, const Attributes& attributes, const std::string& path,
             std::string& text) {
    const auto at = descend(attributes, path);
    if (at && at->first.is_unknown(at->second))
        return Read::unknown;
    if (const auto value = at ? at->first.text(at->second) : std::nullopt;
        value && !value->empty()) {
        text = *value;
        return Read::value;
    }
    if (const auto found = type.defaults.find(path); found != type.defaults.end()) {
        text = found->second;
        return Read::value;
    }
    return Read::absent;
}

bool is_one_of(const std::string& text, const std::vector<std::string>& values) {
    return std::find(values.begin(), values.end(), text) != values.end();
}

// The rule's product with each `{attribute}` replaced by its value (text or number); false
// (recording the rule's part as unpriced on `cost`) when one is absent or unknown.
bool expand(const ResourceType& type, const Attributes& attributes, const ComponentRule& rule,
            std::string& expanded, StateCost& cost) {
    const std::string& product = rule.product;
    expanded.clear();
    std::size_t at = 0;
    while (at < product.size()) {
        const std::size_t open = product.find('{', at);
        const std::size_t close = open == std::string::npos ? open : product.find('}', open);
        if (close == std::string::npos) {
            expanded += product.substr(at);
            break;
        }
        expanded += product.substr(at, open - at);
        const std::string path = product.substr(open + 1, close - open - 1);
        std::string value;
        // A number (a Redis cache's `capacity`) reads as Terraform writes it: Attributes::text.
        const Read read = text_of(type, attributes, path, value);
        switch (read) {
        case Read::unknown:
            mark_unknown(cost, path);
            return false;
        case Read::absent:
            cost.add_unpriced(rule.name, path + " is not in the plan");
            return false;
        case Read::value:
            for (const auto& [old_suffix, new_suffix] : type.value_suffixes)
                if (value.ends_with(old_suffix)) {
                    value.replace(value.size() - old_suffix.size(), old_suffix.size(), new_suffix);
                    break;
                }
            expanded += value;
        }
        at = close + 1;
    }
    return true;
}

// The number at `path` of the resource that, as `type` says, holds what this one knows only
// after apply (with a note saying where it came from); nullopt when there is none.
std::optional<double> referenced_number(const ResourceType& type, const std::string& path,
                                        const PricingContext& context, StateCost& cost) {
    const auto found = type.referenced.find(path);
    if (found == type.referenced.end())
        return std::nullopt;
    const ResourceType::Referenced& from = found->second;
    const Attributes other(context.referenced_state(from.through, from.type), JsonValue());
    const auto number = other.number(from.attribute);
    if (number)
        cost.notes.push_back(path + " taken from the " + from.attribute + " of the " + from.type +
                             " that " + from.through + " refers to");
    return number;
}

// The quantity of a non-usage rule before its factor; nullopt (with a note) when unknown.
std::optional<double> plan_quantity(const ResourceType& type, const ComponentRule& rule,
                                    const Attributes& attributes, const PricingContext& context,
                                    StateCost& cost) {
    if (rule.quantity == ComponentRule::Quantity::one)
        return 1.0;
    const auto at = descend(attributes, rule.key);
    if (at && at->first.is_unknown(at->second)) {
        if (const auto number = referenced_number(type, rule.key, context, cost))
            return number;
        mark_unknown(cost, rule.key);
        return std::nullopt;
    }
    if (rule.quantity == ComponentRule::Quantity::count) {
        if (const JsonValue list = at ? at->first.json().find(at->second) : JsonValue();
            list.is_array())
            return static_cast<double>(list.size());
    } else if (at) {
        if (const auto number = at->first.number(at->second))
            return number;
    }
    if (const auto number = referenced_number(type, rule.key, context, cost))
        return number;
    cost.add_unpriced(rule.name, rule.key + " is not in the plan");
    return std::nullopt;
}

// The parts of `type` that apply to this state, each quantity x one catalog price. A
// configuration no part applies to is not free: it is a price costgate lacks.
StateCost price_components(const ResourceType& type, const Attributes& attributes,
                           const PricingContext& context) {
    StateCost cost;
    std::string value;
    std::string product;
    std::size_t applied = 0;
    for (const ComponentRule& rule : type.components) {
        if (!rule.when_attribute.empty()) {
            const Read read = text_of(type, attributes, rule.when_attribute, value);
            if (read == Read::unknown) {
                mark_unknown(cost, rule.when_attribute);
                return cost;
            }
            if (read == Read::absent || !is_one_of(value, rule.when_values))
                continue;
        }
        ++applied;
        if (!expand(type, attributes, rule, product, cost))
            continue;
        if (rule.quantity == ComponentRule::Quantity::usage) {
            const std::optional<double> used = context.usage(rule.key);
            context.add_usage(cost, rule.name, rule.unit,
                              used ? std::optional<double>(*used * rule.factor) : std::nullopt,
                              rule.service, product, rule.region);
        } else if (const auto quantity = plan_quantity(type, rule, attributes, context, cost)) {
            context.add(cost, rule.name, rule.unit, *quantity * rule.factor, rule.service, product,
                        rule.region);
        }
    }
    if (applied == 0) {
        const std::string& attribute = type.components.front().when_attribute;
        cost.add_unpriced(
            type.type,
            "no price for " + type.type + " with " + attribute + " " +
                (text_of(type, attributes, attribute, value) == Read::value ? value : "not set"));
    }
    return cost;
}

} // namespace

StateCost ResourceType::price(const Attributes& attributes, const PricingContext& context) const {
    if (pricer)
        return pricer(attributes, context);
    if (!free_attribute.empty()) {
        std::string value;
        switch (text_of(*this, attributes, free_attribute, value)) {
        case Read::unknown: {
            StateCost cost;
            mark_unknown(cost, free_attribute);
            return cost;
        }
        case Read::value:
            if (is_one_of(value, free_values)) {
                StateCost cost;
                cost.notes.push_back(free_attribute + " " + value + ": no charge");
                return cost;
            }
            break;
        case Read::absent:
            break;
        }
    }
    StateCost cost = price_components(*this, attributes, context);
    if (cost.priced())
        cost.notes.insert(cost.notes.end(), notes.begin(), notes.end());
    return cost;
}

} // namespace costgate::pricing
