#include "renderers.hpp"
#include "text_format.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace costgate::report {

namespace {

// Code Quality severities: info, minor, major, critical, blocker.
const char* severity_of(Severity severity) {
    switch (severity) {
    case Severity::fail:
        return "critical";
    case Severity::warn:
        return "minor";
    case Severity::info:
        return "info";
    }
    return "info";
}

} // namespace

std::string render_gitlab(const Report& report, const RenderOptions&) {
    nlohmann::ordered_json issues = nlohmann::ordered_json::array();
    for (const Finding& finding : report.findings) {
        // Exempted findings do not count, and Code Quality has no way to show them as such.
        if (finding.exempted_by)
            continue;
        issues.push_back({{"description", finding.message},
                          {"check_name", finding.rule},
                          {"fingerprint", text::fingerprint(finding, true)},
                          {"severity", severity_of(finding.severity)},
                          {"location",
                           {{"path", text::finding_file(finding, report)},
                            {"lines", {{"begin", std::max(finding.line, 1)}}}}}});
    }
    return issues.dump(2) + "\n";
}

} // namespace costgate::report
