#include "renderers.hpp"
#include "text_format.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace costgate::report {

namespace {

using Json = nlohmann::ordered_json;

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

Json rule_json(const RuleSummary& rule) {
    const std::string description =
        rule.description.empty() ? "costgate " + rule.kind + " rule " + rule.id : rule.description;
    std::string help = description + " (costgate rule kind `" + rule.kind + "`";
    if (!rule.file.empty())
        help += ", declared at " + rule.file + ":" + std::to_string(rule.line);
    help += "; see docs/policies.md)";
    return Json{{"id", rule.id},
                {"name", rule.id},
                {"shortDescription", {{"text", description}}},
                {"fullDescription", {{"text", description}}},
                {"help", {{"text", help}, {"markdown", help}}},
                {"defaultConfiguration", {{"level", level_of(rule.severity)}}},
                {"properties", {{"kind", rule.kind}}}};
}

} // namespace

std::string render_sarif(const Report& report, const RenderOptions&) {
    Json rules = Json::array();
    std::map<std::string, std::size_t> index;
    for (const RuleSummary& rule : report.rules) {
        index[rule.id] = rules.size();
        rules.push_back(rule_json(rule));
    }
    Json results = Json::array();
    for (const Finding& finding : report.findings) {
        if (!index.contains(finding.rule)) {
            index[finding.rule] = rules.size();
            rules.push_back(rule_json({finding.rule, "built-in", "", finding.severity, "", 0}));
        }
        Json result{
            {"ruleId", finding.rule},
            {"ruleIndex", index[finding.rule]},
            {"level", level_of(finding.severity)},
            {"message", {{"text", finding.message}}},
            {"locations",
             {{{"physicalLocation",
                {{"artifactLocation", {{"uri", text::finding_file(finding, report)}}},
                 // GitHub code scanning needs a line; resources without one point at
                 // the top of their file.
                 {"region", {{"startLine", std::max(finding.line, 1)}}}}}}}},
            {"partialFingerprints", {{"costgateFindingHash/v1", text::fingerprint(finding)}}}};
        if (finding.resource)
            result["properties"] = {{"resource", *finding.resource}};
        if (finding.exempted_by)
            result["suppressions"] = {
                {{"kind", "external"}, {"justification", *finding.exempted_by}}};
        results.push_back(std::move(result));
    }
    const Json document{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs",
         {{{"tool",
            {{"driver",
              {{"name", "costgate"}, {"version", report.tool_version}, {"rules", rules}}}}},
           {"results", results}}}}};
    return document.dump(2) + "\n";
}

} // namespace costgate::report
