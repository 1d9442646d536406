#pragma once

#include "costgate/pricing/pricer.hpp"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace costgate::pricing {

/// One part of a type priced from its data row: a quantity times one catalog price
/// (src/pricing/types/resource_types.yaml says how each field is written).
struct ComponentRule {
    /// Where the monthly quantity comes from before `factor` applies.
    enum class Quantity {
        one,       ///< 1 (a fee per resource)
        usage,     ///< the usage file's `key` (usage-based; absent means unknown, never 0)
        attribute, ///< the number at attribute path `key`
        count,     ///< how many elements the list at attribute path `key` has
    };

    std::string name;
    /// The unit the quantity is shown in (`months`, `hours`, `GB-months`).
    std::string unit;
    /// The catalog row: `service/product`; `{attribute}` in the product is replaced by the
    /// attribute's value.
    std::string service;
    std::string product;
    /// A fixed region for prices that have one (Route 53's `global`); empty: the resource's.
    std::string region;
    Quantity quantity = Quantity::one;
    std::string key;
    double factor = 1;
    /// Applies only when attribute `when_attribute` (or the type's default for it) is one of
    /// `when_values`; always when `when_attribute` is empty.
    std::string when_attribute;
    std::vector<std::string> when_values;
};

/// What costgate knows about one resource type, in one place: how it is priced (a C++
/// pricer or component rules), its usage keys, where it names its size and node counts,
/// and which catalog services its prices come from. Read from the embedded
/// src/pricing/types/resource_types.yaml.
struct ResourceType {
    std::string type;
    /// The C++ family that prices it, or nullptr.
    PriceFunction pricer = nullptr;
    /// The parts of a type priced from data (empty for pricer types).
    std::vector<ComponentRule> components;
    /// Usage-file keys it reads: the pricer's and the components'.
    std::vector<std::string> usage_keys;
    /// Attribute path naming its instance type, VM size, machine type or class; empty if none.
    std::string size_attribute;
    /// Attribute path naming the AI model it serves (the allowed_models rule); empty if none.
    std::string model_attribute;
    /// Attribute paths of its node counts (the largest is the scaling ceiling).
    std::vector<std::string> node_count_attributes;
    /// How it asks for spot or preemptible capacity: attribute path -> values meaning spot
    /// (`true` for a boolean); any one holding is enough (the spot_required rule). Empty
    /// when the type has no such choice.
    std::vector<std::pair<std::string, std::vector<std::string>>> spot_conditions;
    /// Catalog services its prices come from (`ec2`, `ebs`), for `catalog coverage`.
    std::vector<std::string> services;
    /// The provider's default for attributes a component's `when` reads.
    std::map<std::string, std::string, std::less<>> defaults;
    /// A number a component reads that the plan knows only after apply but another
    /// resource of the run holds: the one attribute `through` refers to, of type `type`, at
    /// `attribute` (a snapshot's volume_size is its volume's size).
    struct Referenced {
        std::string through;
        std::string type;
        std::string attribute;
    };
    std::map<std::string, Referenced, std::less<>> referenced;
    /// Attributes through which a type without a location of its own refers to the resource
    /// whose region it has (a SQL database's server_id), in the plan's configuration.
    std::vector<std::string> region_from;
    /// Attribute values written into a price key have a suffix `first` replaced by
    /// `second`: an old name of what the catalog keys by its new one.
    std::vector<std::pair<std::string, std::string>> value_suffixes;
    /// Configurations that cost nothing: attribute `free_attribute` is one of `free_values`
    /// (a gateway VPC endpoint, an internal address).
    std::string free_attribute;
    std::vector<std::string> free_values;
    /// Notes every priced estimate of the type carries (what the plan cannot tell).
    std::vector<std::string> notes;

    /// True when costgate can price it (a pricer or components).
    bool priced() const { return pricer != nullptr || !components.empty(); }
    /// One state's cost.
    StateCost price(const Attributes& attributes, const PricingContext& context) const;
};

/// The description of `type`, or nullptr when costgate knows nothing about it.
const ResourceType* find_resource_type(std::string_view type);

/// Every described type, sorted by type.
const std::vector<ResourceType>& resource_types();

/// Reads a resource types document (the embedded file's format); throws InputError
/// naming `name` and the line for a mistake. Exposed for tests.
std::vector<ResourceType> parse_resource_types(std::string_view name, std::string_view yaml);

/// The C++ pricer registered as `name` in src/pricing/registry.cpp, or nullptr.
PriceFunction find_pricer_function(std::string_view name);

} // namespace costgate::pricing
