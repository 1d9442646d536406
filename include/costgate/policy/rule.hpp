#pragma once

#include "costgate/model/estimate.hpp"
#include "costgate/model/finding.hpp"
#include "costgate/model/resource.hpp"
#include "costgate/policy/match.hpp"
#include "costgate/policy/message_template.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/util/date.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace costgate::policy {

class Rule;

/// What rules are evaluated against.
struct EvaluationInput {
    /// The priced resources, totals and breakdowns.
    const Estimate& estimate;
    /// The day exemptions and expiry tags are judged on.
    util::Date today;
    /// The currency the estimate is in, for amounts in finding messages.
    std::string currency = "USD";
    /// The catalog the estimate was priced from, for findings that suggest a cheaper
    /// choice (a smaller model, spot capacity, another region); none when null.
    const pricing::Catalog* catalog = nullptr;
    /// The rules of the policy being evaluated (set by evaluate_policy), for suggestions
    /// that must respect another rule: a cheaper region only where the policy allows it.
    const std::vector<std::unique_ptr<Rule>>* rules = nullptr;
};

/// A rule's own values for one finding's message (`{limit}`, `{missing}`, ...).
using MessageValues = std::vector<std::pair<std::string, std::string>>;

/// Placeholders every message template may use: the finding's `{message}`, `{rule}` and
/// `{severity}`, and for findings about a resource `{address}`, `{type}`, `{name}`,
/// `{source}`, `{action}`, `{region}`, `{namespace}`, `{module}`, `{file}`,
/// `{monthly_before}`, `{monthly_after}`, `{monthly_delta}` and `{tag.KEY}`.
bool is_common_placeholder(std::string_view name);

/// A policy rule of some kind. Each kind lives in src/policy/rules/<kind>.cpp and is
/// registered in src/policy/rule_kinds.cpp.
class Rule {
  public:
    virtual ~Rule() = default;

    /// Appends this rule's findings (severity, message, resource, location filled in).
    virtual void evaluate(const EvaluationInput& input, std::vector<Finding>& findings) const = 0;

    /// Whether this rule lets `resource` run in `region`: nullopt when it has no say (not a
    /// `regions` rule, or one that does not select the resource).
    virtual std::optional<bool> allows_region(const Resource& /*resource*/,
                                              std::string_view /*region*/) const {
        return std::nullopt;
    }

    std::string id;
    /// The rule kind's name (`required_tags`, `budget`, ...).
    std::string kind;
    /// What the rule is for, in the policy author's words (may be empty).
    std::string description;
    Severity severity = Severity::fail;
    Match match;
    /// In a multi-project run, judged once on the total of all projects rather than in
    /// each project (`scope: total` of budgets).
    bool judges_total = false;
    /// The author's `message:`; empty means the kind's own message.
    MessageTemplate message;
    /// Where the rule is declared.
    std::string file;
    int line = 0;

  protected:
    /// A finding of this rule's id and severity about `priced` (or run-wide when null),
    /// worded by the rule's message template when it has one, else `text`.
    Finding finding(const PricedResource* priced, std::string text,
                    const MessageValues& values = {}) const;
};

} // namespace costgate::policy
