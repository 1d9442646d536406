#include "json_writer.hpp"
#include "renderers.hpp"
#include "text_format.hpp"

#include <algorithm>

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

void render_gitlab(const Report& report, const RenderOptions&, std::ostream& sink) {
    JsonWriter out(sink);
    out.begin_array();
    for (const Finding& finding : report.findings) {
        // Exempted findings do not count, and Code Quality has no way to show them as such.
        if (finding.exempted_by)
            continue;
        out.begin_object();
        out.key("description").string(finding.message);
        out.key("check_name").string(finding.rule);
        out.key("fingerprint").string(text::fingerprint(finding, true));
        out.key("severity").string(severity_of(finding.severity));
        out.key("location").begin_object();
        out.key("path").string(text::finding_file(finding, report));
        out.key("lines").begin_object();
        out.key("begin").integer(std::max(finding.line, 1));
        out.end_object();
        out.end_object();
        out.end_object();
    }
    out.end_array();
    out.finish();
    sink << '\n';
}

} // namespace costgate::report
