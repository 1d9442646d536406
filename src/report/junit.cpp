#include "renderers.hpp"
#include "text_format.hpp"

#include <map>
#include <set>

namespace costgate::report {

namespace {

std::string xml(const std::string& text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '&':
            escaped += "&amp;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&apos;";
            break;
        default:
            // XML 1.0 allows no control characters but tab and line breaks.
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                escaped += c;
        }
    }
    return escaped;
}

/// One test case: a rule on one resource (or the run), with its findings.
struct Case {
    std::vector<const Finding*> findings;
    bool failed() const {
        for (const Finding* finding : findings)
            if (finding->severity == Severity::fail && !finding->exempted_by)
                return true;
        return false;
    }
};

} // namespace

void render_junit(const Report& report, const RenderOptions&, std::ostream& out) {
    // rule → resource (or "(run)") → findings; every evaluated rule is a suite, so a rule
    // that found nothing shows as one passing case.
    std::map<std::string, std::map<std::string, Case>> suites;
    for (const RuleSummary& rule : report.rules)
        suites[rule.id];
    for (const Finding& finding : report.findings) {
        const std::string name = (finding.project.empty() ? "" : finding.project + ": ") +
                                 finding.resource.value_or("(run)");
        suites[finding.rule][name].findings.push_back(&finding);
    }
    int tests = 0;
    int failures = 0;
    std::string body;
    for (const auto& [rule, cases] : suites) {
        int suite_failures = 0;
        std::string suite_body;
        if (cases.empty())
            suite_body += "    <testcase classname=\"" + xml(rule) + "\" name=\"no findings\"/>\n";
        for (const auto& [name, test] : cases) {
            suite_body +=
                "    <testcase classname=\"" + xml(rule) + "\" name=\"" + xml(name) + "\">\n";
            std::string output;
            for (const Finding* finding : test.findings) {
                std::string line =
                    "[" + std::string(to_string(finding->severity)) + "] " + finding->message;
                if (finding->exempted_by)
                    line += " (exempted: " + *finding->exempted_by + ")";
                if (finding->severity == Severity::fail && !finding->exempted_by)
                    suite_body +=
                        "      <failure type=\"" + xml(rule) + "\" message=\"" +
                        xml(finding->message) + "\">" +
                        xml(text::finding_file(*finding, report) +
                            (finding->line > 0 ? ":" + std::to_string(finding->line) : "") + ": " +
                            finding->message) +
                        "</failure>\n";
                output += line + "\n";
            }
            suite_body += "      <system-out>" + xml(output) + "</system-out>\n    </testcase>\n";
            suite_failures += test.failed() ? 1 : 0;
        }
        const int suite_tests = cases.empty() ? 1 : static_cast<int>(cases.size());
        tests += suite_tests;
        failures += suite_failures;
        body += "  <testsuite name=\"" + xml(rule) + "\" tests=\"" + std::to_string(suite_tests) +
                "\" failures=\"" + std::to_string(suite_failures) +
                "\" errors=\"0\" skipped=\"0\">\n" + suite_body + "  </testsuite>\n";
    }
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"costgate\" tests=\""
        << std::to_string(tests) << "\" failures=\"" << std::to_string(failures)
        << "\" errors=\"0\">\n"
        << body << "</testsuites>\n";
}

} // namespace costgate::report
