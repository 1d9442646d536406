#include "costgate/error.hpp"
#include "costgate/ingest/input_file.hpp"
#include "costgate/policy/policy.hpp"
#include "rules/rule_kinds.hpp"
#include "util/yaml_map.hpp"

#include <algorithm>
#include <regex>

namespace costgate {

namespace {

Severity parse_severity(YamlMap& map) {
    const auto text = map.optional_string("severity");
    if (!text || *text == "fail")
        return Severity::fail;
    if (*text == "warn")
        return Severity::warn;
    if (*text == "info")
        return Severity::info;
    map.fail(map.get("severity"), "severity must be info, warn or fail, found \"" + *text + "\"");
}

Action parse_action(const YamlMap& map, const YAML::Node& node) {
    static const std::pair<const char*, Action> k_actions[] = {
        {"create", Action::create},   {"update", Action::update}, {"delete", Action::remove},
        {"replace", Action::replace}, {"no-op", Action::no_op},   {"read", Action::read}};
    for (const auto& [name, action] : k_actions)
        if (node.IsScalar() && node.Scalar() == name)
            return action;
    map.fail(node, "unknown action \"" + (node.IsScalar() ? node.Scalar() : std::string("?")) +
                       "\" (expected create, update, delete, replace, no-op or read)");
}

void check_globs(YamlMap& map, const std::string& key, const std::vector<std::string>& globs) {
    for (const std::string& glob : globs)
        if (glob.find_first_not_of('*') == std::string::npos && glob.size() > 1)
            map.fail(map.get(key), "glob \"" + glob + "\" is only stars; use \"*\"");
}

Match parse_match(const std::string& file, const YAML::Node& node) {
    YamlMap map(file, node, "match");
    Match match;
    match.types = map.string_list("types");
    check_globs(map, "types", match.types);
    match.addresses = map.string_list("addresses");
    check_globs(map, "addresses", match.addresses);
    for (const std::string& source : map.string_list("sources")) {
        if (source == "terraform")
            match.sources.push_back(Source::terraform);
        else if (source == "kubernetes")
            match.sources.push_back(Source::kubernetes);
        else
            map.fail(map.get("sources"),
                     "unknown source \"" + source + "\" (expected terraform or kubernetes)");
    }
    if (const YAML::Node tags = map.get("tags"); tags.IsDefined() && !tags.IsNull()) {
        YamlMap tag_map(file, tags, "match.tags");
        for (const auto& entry : tags) {
            const std::string key = entry.first.Scalar();
            match.tags[key] = tag_map.string_list(key);
        }
        tag_map.finish();
    }
    if (const YAML::Node actions = map.get("actions"); actions.IsDefined() && !actions.IsNull()) {
        if (!actions.IsSequence() || actions.size() == 0)
            map.fail(actions, "\"actions\" must be a non-empty list");
        match.actions.clear();
        for (const YAML::Node& action : actions)
            match.actions.insert(parse_action(map, action));
    }
    map.finish();
    return match;
}

std::unique_ptr<Rule> parse_rule(const std::string& file, const YAML::Node& node) {
    YamlMap map(file, node, "rule");
    static const std::regex k_id(R"([A-Za-z0-9][A-Za-z0-9_.\-]*)");
    const std::string id = map.required_string("id");
    if (!std::regex_match(id, k_id))
        map.fail(map.get("id"),
                 "rule id \"" + id + "\" may use only letters, digits, '-', '_' and '.'");
    const std::string kind = map.required_string("kind");
    const RuleParser parse = find_rule_kind(kind);
    if (!parse)
        map.fail(map.get("kind"),
                 "unknown rule kind \"" + kind + "\" (known: " + rule_kind_names() + ")");
    const Severity severity = parse_severity(map);
    const std::string description = map.optional_string("description").value_or("");
    Match match;
    if (rule_kind_takes_match(kind))
        if (const YAML::Node node_match = map.get("match");
            node_match.IsDefined() && !node_match.IsNull())
            match = parse_match(file, node_match);

    std::unique_ptr<Rule> rule = parse(map);
    map.finish();
    rule->id = id;
    rule->kind = kind;
    rule->description = description;
    rule->severity = severity;
    rule->match = std::move(match);
    rule->file = file;
    rule->line = yaml_location(file, node).line;
    return rule;
}

Exemption parse_exemption(const std::string& file, const YAML::Node& node, const Policy& policy) {
    YamlMap map(file, node, "exemption");
    Exemption exemption;
    exemption.rule = map.required_string("rule");
    exemption.resource = map.required_string("resource");
    exemption.reason = map.required_string("reason");
    const std::string expires = map.required_string("expires");
    const auto date = Date::parse(expires);
    if (!date)
        map.fail(map.get("expires"), "expires \"" + expires + "\" is not a valid YYYY-MM-DD date");
    exemption.expires = *date;
    map.finish();
    const bool declared = std::any_of(policy.rules.begin(), policy.rules.end(),
                                      [&](const auto& rule) { return rule->id == exemption.rule; });
    if (!declared)
        map.fail(map.get("rule"), "exemption names rule \"" + exemption.rule +
                                      "\", which this file does not declare");
    exemption.file = file;
    exemption.line = yaml_location(file, node).line;
    return exemption;
}

} // namespace

Policy parse_policy(std::string_view name, std::string_view yaml) {
    const std::string file(name);
    YamlMap map = load_versioned_document(file, yaml, "policy");

    Policy policy;
    const YAML::Node rules = map.get("rules");
    if (rules.IsDefined() && !rules.IsNull()) {
        if (!rules.IsSequence())
            map.fail(rules, "\"rules\" must be a list");
        for (const YAML::Node& rule : rules) {
            std::unique_ptr<Rule> parsed = parse_rule(file, rule);
            // Checked here rather than by merge() so the message can point at the id's column.
            for (const auto& earlier : policy.rules)
                if (earlier->id == parsed->id)
                    throw InputError(yaml_location(file, rule["id"]),
                                     "rule id \"" + parsed->id + "\" is already declared at " +
                                         file + ":" + std::to_string(earlier->line));
            policy.rules.push_back(std::move(parsed));
        }
    }
    const YAML::Node exemptions = map.get("exemptions");
    if (exemptions.IsDefined() && !exemptions.IsNull()) {
        if (!exemptions.IsSequence())
            map.fail(exemptions, "\"exemptions\" must be a list");
        for (const YAML::Node& exemption : exemptions)
            policy.exemptions.push_back(parse_exemption(file, exemption, policy));
    }
    map.finish();
    return policy;
}

Policy load_policy_file(const std::string& path) {
    const InputText input = read_input(path);
    return parse_policy(input.name, input.text);
}

} // namespace costgate
