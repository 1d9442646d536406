#include "cheaper_choices.hpp"
#include "rule_kinds.hpp"
#include "rule_options.hpp"
#include "token_components.hpp"

#include <algorithm>
#include <map>

namespace costgate::policy {

namespace {

/// Selected resources billed per token may not use a model whose price per 1M tokens is
/// over a cap: one cap for every kind of token, or one per kind (`input`, `output`,
/// `cached_input`). A deployment is judged on the unit prices, with or without usage, so
/// the choice of model is caught before the tokens are spent. Where the catalog prices the
/// smaller model of the same family for less, the finding names it and its share of the
/// price.
class TokenPrices final : public Rule {
  public:
    /// Kind of token -> cap per 1M tokens; `*` for every kind.
    std::map<std::string, double> caps;

    void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const override {
        for (const PricedResource& priced : input.estimate.resources) {
            const Resource& resource = priced.resource;
            if (!match.matches(resource))
                continue;
            for (const CostComponent& component : priced.estimate.components) {
                const auto price = token_price_of(component);
                if (!price)
                    continue;
                const auto cap = cap_of(price->kind);
                if (!cap || price->per_million <= *cap + 1e-12)
                    continue;
                const std::string value = format_unit_price(price->per_million, input.currency);
                const std::string limit = format_unit_price(*cap, input.currency);
                const std::string suggestion =
                    input.catalog ? smaller_model_text(*input.catalog, *price, input.currency) : "";
                findings.push_back(finding(&priced,
                                           resource.address + " uses " + price->model + " at " +
                                               value + " per 1M " + kind_text(price->kind) +
                                               " tokens, over the " + limit + " cap" +
                                               (suggestion.empty() ? "" : "; " + suggestion),
                                           {{"model", price->model},
                                            {"kind", price->kind},
                                            {"value", value},
                                            {"limit", limit},
                                            {"suggestion", suggestion}}));
            }
        }
    }

  private:
    std::optional<double> cap_of(const std::string& token_kind) const {
        if (const auto found = caps.find(token_kind); found != caps.end())
            return found->second;
        if (const auto every = caps.find("*"); every != caps.end())
            return every->second;
        return std::nullopt;
    }

    static std::string kind_text(std::string token_kind) {
        std::replace(token_kind.begin(), token_kind.end(), '_', ' ');
        return token_kind;
    }
};

double price_cap(util::YamlMap& map, const YAML::Node& node, const std::string& what) {
    const double cap = util::yaml_number(map, node, what);
    if (cap < 0 || cap > 1e6)
        map.fail(node, what + " must be from 0 to 1,000,000");
    return cap;
}

} // namespace

std::unique_ptr<Rule> parse_token_prices(util::YamlMap& map) {
    auto rule = std::make_unique<TokenPrices>();
    const std::string key = "max_price_per_million_tokens";
    const YAML::Node node = map.get(key);
    if (!node.IsDefined() || node.IsNull())
        map.fail("token_prices needs \"" + key +
                 "\": a price per 1M tokens, or one per kind of token (input, output, "
                 "cached_input)");
    if (node.IsMap()) {
        util::YamlMap kinds(map.file(), node, "\"" + key + "\"");
        for (const auto& entry : node)
            rule->caps[entry.first.Scalar()] =
                price_cap(kinds, entry.second, "the cap of \"" + entry.first.Scalar() + "\"");
        if (rule->caps.empty())
            map.fail(node, "\"" + key + "\" names no kind of token");
    } else {
        rule->caps["*"] = price_cap(map, node, "\"" + key + "\"");
    }
    return rule;
}

} // namespace costgate::policy
