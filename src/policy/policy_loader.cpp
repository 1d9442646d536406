#include "costgate/model/error.hpp"
#include "costgate/policy/policy.hpp"
#include "costgate/util/input_file.hpp"
#include "costgate/util/yaml_map.hpp"
#include "rules/rule_kinds.hpp"
#include "rules/rule_options.hpp"

#include <algorithm>
#include <cctype>

namespace costgate::policy {

namespace {

Action parse_action(const util::YamlMap& map, const YAML::Node& node) {
    static const std::pair<const char*, Action> k_actions[] = {
        {"create", Action::create},   {"update", Action::update}, {"delete", Action::remove},
        {"replace", Action::replace}, {"no-op", Action::no_op},   {"read", Action::read}};
    for (const auto& [name, action] : k_actions)
        if (node.IsScalar() && node.Scalar() == name)
            return action;
    map.fail(node, "unknown action \"" + (node.IsScalar() ? node.Scalar() : std::string("?")) +
                       "\" (expected create, update, delete, replace, no-op or read)");
}

std::vector<Source> parse_sources(util::YamlMap& map) {
    std::vector<Source> sources;
    for (const std::string& source : map.string_list("sources")) {
        if (source == "terraform")
            sources.push_back(Source::terraform);
        else if (source == "kubernetes")
            sources.push_back(Source::kubernetes);
        else
            map.fail(map.get("sources"),
                     "unknown source \"" + source + "\" (expected terraform or kubernetes)");
    }
    return sources;
}

std::map<std::string, std::vector<std::string>> parse_tag_values(util::YamlMap& map) {
    std::map<std::string, std::vector<std::string>> tags;
    const YAML::Node node = map.get("tags");
    if (!node.IsDefined() || node.IsNull())
        return tags;
    util::YamlMap tag_map(map.file(), node, "match.tags");
    for (const auto& entry : tag_map.entries()) {
        const std::string key = entry.first.Scalar();
        tags[key] = glob_list(tag_map, key);
        if (tags[key].empty())
            tag_map.fail(entry.second,
                         "tag \"" + key + "\" needs at least one value (\"*\" for any)");
    }
    tag_map.finish();
    return tags;
}

// The selection keys shared by `match` and its `exclude`.
void parse_selection(util::YamlMap& map, Match& match) {
    match.types = glob_list(map, "types");
    match.addresses = glob_list(map, "addresses");
    match.modules = glob_list(map, "modules");
    match.sources = parse_sources(map);
    match.namespaces = glob_list(map, "namespaces");
    match.tags = parse_tag_values(map);
    match.gpu = map.optional_bool("gpu");
}

Match parse_match(const std::string& file, const YAML::Node& node) {
    util::YamlMap map(file, node, "match");
    Match match;
    parse_selection(map, match);
    if (const YAML::Node actions = map.get("actions"); actions.IsDefined() && !actions.IsNull()) {
        if (!actions.IsSequence() || actions.size() == 0)
            map.fail(actions, "\"actions\" must be a non-empty list");
        match.actions.clear();
        for (const YAML::Node& action : actions)
            match.actions.insert(parse_action(map, action));
    }
    if (const YAML::Node exclude = map.get("exclude"); exclude.IsDefined() && !exclude.IsNull()) {
        util::YamlMap exclude_map(file, exclude, "match.exclude");
        auto excluded = std::make_shared<Match>();
        parse_selection(exclude_map, *excluded);
        exclude_map.finish();
        if (exclude.size() == 0)
            map.fail(exclude, "\"exclude\" must not be empty: it would exclude everything");
        match.exclude = std::move(excluded);
    }
    map.finish();
    return match;
}

// Letters, digits, '-', '_' and '.', starting with a letter or digit (checked by hand:
// std::regex recurses per character and overflows the stack on long input).
bool valid_rule_id(const std::string& id) {
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    return !id.empty() && word(id.front()) && std::all_of(id.begin(), id.end(), [&](char c) {
        return word(c) || c == '-' || c == '_' || c == '.';
    });
}

MessageTemplate parse_message(util::YamlMap& map, const RuleKind& kind) {
    const auto text = map.optional_string("message");
    if (!text)
        return {};
    try {
        return MessageTemplate::parse(*text, [&](std::string_view name) {
            if (is_common_placeholder(name))
                return true;
            std::string_view own = kind.placeholders;
            while (!own.empty()) {
                const std::size_t space = own.find(' ');
                if (own.substr(0, space) == name)
                    return true;
                own = space == std::string_view::npos ? std::string_view() : own.substr(space + 1);
            }
            return false;
        });
    } catch (const std::invalid_argument& error) {
        map.fail(map.get("message"), std::string("message template: ") + error.what() +
                                         " (see docs/policies.md for the placeholders)");
    }
}

std::unique_ptr<Rule> parse_rule(const std::string& file, const YAML::Node& node) {
    util::YamlMap map(file, node, "rule");
    const std::string id = map.required_string("id");
    if (!valid_rule_id(id))
        map.fail(map.get("id"),
                 "rule id \"" + id + "\" may use only letters, digits, '-', '_' and '.'");
    const std::string kind_name = map.required_string("kind");
    const RuleKind* kind = find_rule_kind(kind_name);
    if (!kind)
        map.fail(map.get("kind"),
                 "unknown rule kind \"" + kind_name + "\" (known: " + rule_kind_names() + ")");
    const Severity severity = severity_option(map, "severity").value_or(Severity::fail);
    const std::string description = map.optional_string("description").value_or("");
    MessageTemplate message = parse_message(map, *kind);
    Match match;
    if (kind->takes_match)
        if (const YAML::Node node_match = map.get("match");
            node_match.IsDefined() && !node_match.IsNull())
            match = parse_match(file, node_match);

    std::unique_ptr<Rule> rule = kind->parse(map);
    map.finish();
    rule->id = id;
    rule->kind = kind_name;
    rule->description = description;
    rule->severity = severity;
    rule->match = std::move(match);
    rule->message = std::move(message);
    rule->file = file;
    rule->line = util::yaml_location(file, node).line;
    return rule;
}

Exemption parse_exemption(const std::string& file, const YAML::Node& node) {
    util::YamlMap map(file, node, "exemption");
    Exemption exemption;
    exemption.rule = map.required_string("rule");
    exemption.resource = map.required_string("resource");
    exemption.reason = map.required_string("reason");
    const std::string expires = map.required_string("expires");
    const auto date = util::Date::parse(expires);
    if (!date)
        map.fail(map.get("expires"), "expires \"" + expires + "\" is not a valid YYYY-MM-DD date");
    exemption.expires = *date;
    if (exemption.reason.find_first_not_of(" \t") == std::string::npos)
        map.fail(map.get("reason"), "an exemption needs a reason");
    map.finish();
    exemption.file = file;
    exemption.line = util::yaml_location(file, node).line;
    exemption.rule_location = util::yaml_location(file, map.get("rule"));
    return exemption;
}

} // namespace

Policy parse_policy(std::string_view name, std::string_view yaml) {
    const std::string file(name);
    util::YamlMap map = util::load_versioned_document(file, yaml, "policy");

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
                    throw InputError(util::yaml_location(file, rule["id"]),
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
            policy.exemptions.push_back(parse_exemption(file, exemption));
    }
    if (const YAML::Node settings = map.get("settings");
        settings.IsDefined() && !settings.IsNull()) {
        util::YamlMap settings_map(file, settings, "settings");
        if (const auto cluster = settings_map.optional_string("cluster")) {
            if (cluster->empty())
                settings_map.fail(settings_map.get("cluster"), "\"cluster\" must not be empty");
            policy.cluster_profile = *cluster;
            policy.cluster_profile_location =
                util::yaml_location(file, settings_map.get("cluster"));
        }
        settings_map.finish();
    }
    map.finish();
    return policy;
}

Policy load_policy_file(const std::string& path) {
    const util::InputText input = util::read_input(path);
    return parse_policy(input.name, input.text);
}

Policy load_policy_files(const std::vector<std::string>& paths) {
    Policy policy;
    for (const std::string& path : paths)
        policy.merge(load_policy_file(path));
    policy.check_exemptions();
    return policy;
}

} // namespace costgate::policy
