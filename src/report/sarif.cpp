#include "json_writer.hpp"
#include "renderers.hpp"
#include "text_format.hpp"

#include <algorithm>
#include <map>

namespace costgate::report {

namespace {

const char* level_of(Severity severity) {
    switch (severity) {
    case Severity::fail:
        return "error";
    case Severity::warn:
        return "warning";
    case Severity::info:
        return "note";
    }
    return "note";
}

void rule_json(JsonWriter& out, const RuleSummary& rule) {
    const std::string description =
        rule.description.empty() ? "costgate " + rule.kind + " rule " + rule.id : rule.description;
    std::string help = description + " (costgate rule kind `" + rule.kind + "`";
    if (!rule.file.empty())
        help += ", declared at " + rule.file + ":" + std::to_string(rule.line);
    help += "; see docs/policies.md)";
    out.begin_object();
    out.key("id").string(rule.id);
    out.key("name").string(rule.id);
    out.key("shortDescription").begin_object();
    out.key("text").string(description);
    out.end_object();
    out.key("fullDescription").begin_object();
    out.key("text").string(description);
    out.end_object();
    out.key("help").begin_object();
    out.key("text").string(help);
    out.key("markdown").string(help);
    out.end_object();
    out.key("defaultConfiguration").begin_object();
    out.key("level").string(level_of(rule.severity));
    out.end_object();
    out.key("properties").begin_object();
    out.key("kind").string(rule.kind);
    out.end_object();
    out.end_object();
}

void result_json(JsonWriter& out, const Finding& finding, std::size_t rule_index,
                 const Report& report) {
    out.begin_object();
    out.key("ruleId").string(finding.rule);
    out.key("ruleIndex").integer(static_cast<std::int64_t>(rule_index));
    out.key("level").string(level_of(finding.severity));
    out.key("message").begin_object();
    out.key("text").string(finding.message);
    out.end_object();
    out.key("locations").begin_array();
    out.begin_object();
    out.key("physicalLocation").begin_object();
    out.key("artifactLocation").begin_object();
    out.key("uri").string(text::finding_file(finding, report));
    out.end_object();
    // GitHub code scanning needs a line; resources without one point at the top of their
    // file.
    out.key("region").begin_object();
    out.key("startLine").integer(std::max(finding.line, 1));
    out.end_object();
    out.end_object();
    out.end_object();
    out.end_array();
    out.key("partialFingerprints").begin_object();
    out.key("costgateFindingHash/v1").string(text::fingerprint(finding));
    out.end_object();
    if (finding.resource) {
        out.key("properties").begin_object();
        out.key("resource").string(*finding.resource);
        out.end_object();
    }
    if (finding.exempted_by) {
        out.key("suppressions").begin_array();
        out.begin_object();
        out.key("kind").string("external");
        out.key("justification").string(*finding.exempted_by);
        out.end_object();
        out.end_array();
    }
    out.end_object();
}

} // namespace

void render_sarif(const Report& report, const RenderOptions&, std::ostream& sink) {
    // Rules as the policy declares them, then the built-in ones findings name.
    std::vector<RuleSummary> rules = report.rules;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < rules.size(); ++i)
        index[rules[i].id] = i;
    for (const Finding& finding : report.findings) {
        if (!index.contains(finding.rule)) {
            index[finding.rule] = rules.size();
            rules.push_back({finding.rule, "built-in", "", finding.severity, "", 0});
        }
    }
    JsonWriter out(sink);
    out.begin_object();
    out.key("$schema").string("https://json.schemastore.org/sarif-2.1.0.json");
    out.key("version").string("2.1.0");
    out.key("runs").begin_array();
    out.begin_object();
    out.key("tool").begin_object();
    out.key("driver").begin_object();
    out.key("name").string("costgate");
    out.key("version").string(report.tool_version);
    out.key("rules").begin_array();
    for (const RuleSummary& rule : rules)
        rule_json(out, rule);
    out.end_array();
    out.end_object();
    out.end_object();
    out.key("results").begin_array();
    for (const Finding& finding : report.findings)
        result_json(out, finding, index.at(finding.rule), report);
    out.end_array();
    out.end_object();
    out.end_array();
    out.end_object();
    out.finish();
    sink << '\n';
}

} // namespace costgate::report
