#include "incomplete_text.hpp"
#include "renderers.hpp"
#include "text_format.hpp"

namespace costgate::report {

namespace {

// GitHub's workflow command escaping: data loses %, CR and LF; properties also : and ,.
std::string escape_data(const std::string& text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
        case '%':
            escaped += "%25";
            break;
        case '\r':
            escaped += "%0D";
            break;
        case '\n':
            escaped += "%0A";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

std::string escape_property(const std::string& text) {
    std::string escaped;
    for (const char c : escape_data(text)) {
        switch (c) {
        case ':':
            escaped += "%3A";
            break;
        case ',':
            escaped += "%2C";
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

const char* command_of(const Finding& finding) {
    if (finding.exempted_by || finding.severity == Severity::info)
        return "notice";
    return finding.severity == Severity::fail ? "error" : "warning";
}

} // namespace

void render_github(const Report& report, const RenderOptions&, std::ostream& out) {
    std::string text;
    for (const Finding& finding : report.findings) {
        std::string properties = "file=" + escape_property(text::finding_file(finding, report));
        if (finding.line > 0)
            properties += ",line=" + std::to_string(finding.line);
        properties += ",title=" + escape_property("costgate " + finding.rule);
        std::string message = finding.message;
        if (finding.exempted_by)
            message += " (exempted: " + *finding.exempted_by + ")";
        text += "::" + std::string(command_of(finding)) + " " + properties +
                "::" + escape_data(message) + "\n";
    }
    const CostTotals& totals = report.estimate.totals;
    text += "costgate: " + text::total_delta(totals, report.currency) + " a month, " +
            text::total_after(totals, report.currency) + " in total, " +
            std::to_string(totals.unpriced) + " unpriced";
    if (report.policies_evaluated)
        text += "; result " + std::string(to_string(report.result()));
    out << text << '\n';
}

} // namespace costgate::report
