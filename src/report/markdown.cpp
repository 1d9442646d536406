#include "renderers.hpp"
#include "text_format.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace costgate::report {

namespace {

// GitHub refuses comments over 65,536 characters; the breakdown stops short of that.
constexpr std::size_t k_comment_limit = 65536;
constexpr std::size_t k_reserve = 2048;
constexpr std::size_t k_top_changes = 10;

// User-controlled text (addresses, tags, messages) inside a table cell: no table breaks,
// no HTML, no accidental emphasis.
std::string cell(const std::string& text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
        case '|':
            escaped += "\\|";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '&':
            escaped += "&amp;";
            break;
        case '\n':
        case '\r':
            escaped += ' ';
            break;
        case '\\':
        case '*':
        case '_':
        case '`':
        case '[':
        case ']':
        case '~':
            escaped += '\\';
            escaped += c;
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

std::string amount(const std::optional<Money>& value, const std::string& currency,
                   bool with_sign = false) {
    return value ? text::money(*value, currency, with_sign) : "unpriced";
}

std::string headline(const Report& report) {
    const CostTotals& totals = report.estimate.totals;
    std::string result;
    if (report.policies_evaluated)
        result = report.result() == Result::fail   ? " · **FAIL**"
                 : report.result() == Result::warn ? " · **WARN**"
                                                   : " · **PASS**";
    return "## costgate: " + text::money(totals.monthly_delta, report.currency, true) +
           " a month, " + text::money(totals.monthly_after, report.currency) + " in total" +
           result + "\n\n";
}

std::string totals_table(const Report& report) {
    const CostTotals& totals = report.estimate.totals;
    return "| Monthly before | Monthly after | Change | Resources | Unpriced |\n"
           "| ---: | ---: | ---: | ---: | ---: |\n| " +
           text::money(totals.monthly_before, report.currency) + " | " +
           text::money(totals.monthly_after, report.currency) + " | " +
           text::money(totals.monthly_delta, report.currency, true) + " | " +
           std::to_string(totals.resources) + " | " + std::to_string(totals.unpriced) + " |\n\n";
}

std::string projects_table(const Report& report) {
    if (report.projects.empty())
        return "";
    std::string text =
        "| Project | Result | Before | After | Change |\n| --- | --- | ---: | ---: | ---: |\n";
    for (const ProjectSummary& project : report.projects)
        text += "| " + cell(project.name) + " | " +
                (report.policies_evaluated ? std::string(to_string(project.result)) : "-") + " | " +
                text::money(project.totals.monthly_before, report.currency) + " | " +
                text::money(project.totals.monthly_after, report.currency) + " | " +
                text::money(project.totals.monthly_delta, report.currency, true) + " |\n";
    return text + "\n";
}

std::string resource_row(const Report& report, const PricedResource& priced) {
    const Resource& resource = priced.resource;
    const ResourceEstimate& estimate = priced.estimate;
    return "| " + cell(resource.address) + " | " + std::string(to_string(resource.action)) + " | " +
           amount(estimate.monthly_before, report.currency) + " | " +
           amount(estimate.monthly_after, report.currency) + " | " +
           amount(estimate.monthly_delta, report.currency, true) + " |\n";
}

const char* k_resource_header =
    "| Resource | Action | Before | After | Change |\n| --- | --- | ---: | ---: | ---: |\n";

std::string top_changes(const Report& report) {
    std::vector<const PricedResource*> changed;
    for (const PricedResource& priced : report.estimate.resources) {
        const auto& delta = priced.estimate.monthly_delta;
        if (!delta || delta->micros() != 0)
            changed.push_back(&priced);
    }
    if (changed.empty())
        return "";
    // Largest changes first; unpriced ones last; address order breaks ties.
    std::stable_sort(changed.begin(), changed.end(),
                     [](const PricedResource* a, const PricedResource* b) {
                         const auto& x = a->estimate.monthly_delta;
                         const auto& y = b->estimate.monthly_delta;
                         if (!x || !y)
                             return x.has_value() && !y.has_value();
                         return std::llabs(x->micros()) > std::llabs(y->micros());
                     });
    std::string text = "### Top changes\n\n" + std::string(k_resource_header);
    for (std::size_t n = 0; n < changed.size() && n < k_top_changes; ++n)
        text += resource_row(report, *changed[n]);
    if (changed.size() > k_top_changes)
        text += "\n" + std::to_string(changed.size() - k_top_changes) +
                " more changed resources in the full breakdown below.\n";
    return text + "\n";
}

std::string findings_section(const Report& report) {
    if (!report.policies_evaluated)
        return "";
    if (report.findings.empty())
        return "### Findings\n\nNo policy findings.\n\n";
    // Findings may fill at most half a comment; the rest is for the breakdown.
    const std::size_t budget = k_comment_limit / 2;
    std::string text =
        "### Findings\n\n| Severity | Rule | Resource | Message |\n| --- | --- | --- | --- |\n";
    std::size_t shown = 0;
    for (const Finding& finding : report.findings) {
        if (text.size() > budget) {
            text += "\n" + std::to_string(report.findings.size() - shown) +
                    " more findings are not shown, to stay within GitHub's comment size; the JSON "
                    "report has them all.\n";
            break;
        }
        ++shown;
        text += "| " + std::string(to_string(finding.severity)) +
                (finding.exempted_by ? " (exempted)" : "") + " | " + cell(finding.rule) + " | " +
                cell(finding.resource.value_or("")) + " | " + cell(finding.message) +
                (finding.exempted_by ? " — exempted: " + cell(*finding.exempted_by) : "") + " |\n";
    }
    return text + "\n";
}

std::string footer(const Report& report) {
    return "<sub>costgate " + report.tool_version + " · catalog " + report.catalog_version +
           ", prices as of " + report.catalog_as_of + " · " + report.currency +
           " a month of 730 hours</sub>\n";
}

} // namespace

std::string render_markdown(const Report& report, const RenderOptions&) {
    std::string text = headline(report) + totals_table(report) + projects_table(report) +
                       top_changes(report) + findings_section(report);
    const std::string tail = footer(report);
    std::string details = "<details><summary>Full breakdown (" +
                          std::to_string(report.estimate.resources.size()) +
                          " resources)</summary>\n\n" + k_resource_header;
    std::size_t shown = 0;
    for (; shown < report.estimate.resources.size(); ++shown) {
        const std::string row = resource_row(report, report.estimate.resources[shown]);
        if (text.size() + details.size() + row.size() + tail.size() + k_reserve > k_comment_limit)
            break;
        details += row;
    }
    if (shown < report.estimate.resources.size())
        details += "\n" + std::to_string(report.estimate.resources.size() - shown) +
                   " more resources are not shown, to stay within GitHub's comment size; the "
                   "JSON report has them all.\n";
    if (!report.estimate.by_cost_centre.empty()) {
        details += "\n| Cost centre | Before | After | Change |\n| --- | ---: | ---: | ---: |\n";
        for (const auto& [centre, totals] : report.estimate.by_cost_centre)
            details += "| " + cell(centre) + " | " +
                       text::money(totals.monthly_before, report.currency) + " | " +
                       text::money(totals.monthly_after, report.currency) + " | " +
                       text::money(totals.monthly_delta, report.currency, true) + " |\n";
    }
    details += "\n</details>\n\n";
    if (text.size() + details.size() + tail.size() > k_comment_limit)
        details = "The full breakdown is too long for a comment; see the JSON report.\n\n";
    return text + details + tail;
}

} // namespace costgate::report
