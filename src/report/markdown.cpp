#include "incomplete_text.hpp"
#include "renderers.hpp"
#include "text_format.hpp"
#include "unit_cost_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace costgate::report {

namespace {

// GitHub refuses comments over 65,536 characters; the breakdown stops short of that.
constexpr std::size_t k_comment_limit = 65536;
constexpr std::size_t k_reserve = 2048;
constexpr std::size_t k_top_changes = 10;
constexpr std::size_t k_unpriced_listed = 20;

// User-controlled text (addresses, tags, messages) inside a table cell: control and
// bidirectional characters shown as escapes, no table breaks, no HTML, no accidental
// emphasis.
std::string cell(const std::string& raw) {
    std::string escaped;
    for (const char c : text::printable(raw)) {
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

std::string headline(const Report& report) {
    const CostTotals& totals = report.estimate.totals;
    std::string result;
    if (report.policies_evaluated)
        result = report.result() == Result::fail   ? " · **FAIL**"
                 : report.result() == Result::warn ? " · **WARN**"
                                                   : " · **PASS**";
    const std::string unpriced = text::unpriced_summary(totals);
    return "## costgate: " + text::total_delta(totals, report.currency) + " a month, " +
           text::total_after(totals, report.currency) + " in total" +
           (unpriced.empty() ? "" : ", " + unpriced) + result + "\n\n";
}

// Under the totals of an incomplete estimate: each resource that is not fully priced, and why.
std::string unpriced_section(const Report& report) {
    if (report.estimate.totals.complete())
        return "";
    const std::vector<text::UnpricedEntry> entries = text::unpriced_entries(report.estimate);
    std::string text = "### Unpriced resources\n\nThe amounts above leave out what these cost:\n\n";
    for (std::size_t n = 0; n < entries.size() && n < k_unpriced_listed; ++n)
        text +=
            "- " + cell(entries[n].address) + ": " +
            (entries[n].known
                 ? "partly priced, " + format_money(*entries[n].known, report.currency) + " known; "
                 : "") +
            cell(entries[n].reasons) + "\n";
    if (entries.size() > k_unpriced_listed)
        text += "- and " + std::to_string(entries.size() - k_unpriced_listed) +
                " more; the JSON report lists them all\n";
    return text + "\n";
}

// `Per 1,000 requests` with the cost before → after, when the project has a volume.
std::string unit_cost_header(const std::optional<UnitCost>& cost) {
    return cost ? " " + cell("Per 1,000 " + cost->volume.unit) + " |" : "";
}

std::string unit_cost_cell(const std::optional<UnitCost>& cost, const std::string& currency) {
    return cost ? " " + text::unit_cost_change(*cost, currency) + " |" : "";
}

std::string totals_table(const Report& report) {
    const CostTotals& totals = report.estimate.totals;
    const std::optional<UnitCost>& cost = report.estimate.unit_cost;
    return "| Monthly before | Monthly after | Change |" + unit_cost_header(cost) +
           " Resources | Unpriced |\n| ---: | ---: | ---: |" + (cost ? " ---: |" : "") +
           " ---: | ---: |\n| " + format_money(totals.monthly_before, report.currency) + " | " +
           format_money(totals.monthly_after, report.currency) + " | " +
           format_money(totals.monthly_delta, report.currency, true) + " |" +
           unit_cost_cell(cost, report.currency) + " " + std::to_string(totals.resources) + " | " +
           std::to_string(totals.unpriced) + " |\n" +
           (cost ? "\n" + cell(format_volume(cost->volume)) + " a month (usage file)" +
                       (cost->after_at_least ? "; the cost per 1,000 " + cell(cost->volume.unit) +
                                                   " leaves out what the unpriced resources cost"
                                             : "") +
                       ".\n"
                 : "") +
           "\n";
}

// A cost per 1,000 units with its volume: `$2.025 per 1,000 cases resolved`.
std::string unit_cost_with_unit(const std::optional<UnitCost>& cost, const std::string& currency) {
    if (!cost)
        return "-";
    const std::string label = cell(per_thousand_label(cost->volume));
    return cost->after ? text::unit_cost_change(*cost, currency) + " " + label
                       : "unpriced (" + label + ")";
}

std::string projects_table(const Report& report) {
    if (report.projects.empty())
        return "";
    const bool unit_costs =
        std::any_of(report.projects.begin(), report.projects.end(),
                    [](const ProjectSummary& project) { return project.unit_cost.has_value(); });
    std::string text = unit_costs ? "| Project | Result | Before | After | Change | Unit cost |\n"
                                    "| --- | --- | ---: | ---: | ---: | ---: |\n"
                                  : "| Project | Result | Before | After | Change |\n"
                                    "| --- | --- | ---: | ---: | ---: |\n";
    for (const ProjectSummary& project : report.projects)
        text += "| " + cell(project.name) + " | " +
                (report.policies_evaluated ? std::string(to_string(project.result)) : "-") + " | " +
                format_money(project.totals.monthly_before, report.currency) + " | " +
                format_money(project.totals.monthly_after, report.currency) + " | " +
                format_money(project.totals.monthly_delta, report.currency, true) + " |" +
                (unit_costs ? " " + unit_cost_with_unit(project.unit_cost, report.currency) + " |"
                            : "") +
                "\n";
    return text + "\n";
}

// Before, after and change of a resource. An unpriced one says why in its change cell,
// and leaves the side of a create or delete that does not exist empty; a partly priced one
// shows what its priced components cost.
std::string amount_cells(const Report& report, const PricedResource& priced) {
    const ResourceEstimate& estimate = priced.estimate;
    if (!estimate.priced && !estimate.partial) {
        std::string reasons;
        for (const std::string& note : estimate.notes)
            reasons += (reasons.empty() ? ": " : "; ") + note;
        const Action action = priced.resource.action;
        return std::string(action == Action::create ? "" : "unpriced") + " | " +
               (action == Action::remove ? "" : "unpriced") + " | unpriced" + cell(reasons);
    }
    const auto amount = [&](const std::optional<Money>& value, bool with_sign) {
        return value ? format_money(*value, report.currency, with_sign) : std::string("-");
    };
    return amount(estimate.monthly_before, false) + " | " + amount(estimate.monthly_after, false) +
           " | " + amount(estimate.monthly_delta, true) +
           (estimate.partial ? " (partly priced)" : "");
}

// Whether the resource tables have a column for the cost per 1,000 units: only when the
// usage file gives a resource a volume, so other comments keep their shape.
bool has_unit_costs(const Report& report) {
    return std::any_of(
        report.estimate.resources.begin(), report.estimate.resources.end(),
        [](const PricedResource& priced) { return priced.estimate.unit_cost.has_value(); });
}

/// Which columns the resource tables have.
struct ResourceColumns {
    bool project = false;
    bool unit_cost = false;
};

std::string resource_row(const Report& report, const PricedResource& priced,
                         ResourceColumns columns) {
    const Resource& resource = priced.resource;
    return "| " + (columns.project ? cell(resource.project) + " | " : std::string()) +
           cell(resource.address) + " | " + std::string(to_string(resource.action)) + " | " +
           amount_cells(report, priced) + " |" +
           (columns.unit_cost
                ? " " + unit_cost_with_unit(priced.estimate.unit_cost, report.currency) + " |"
                : "") +
           "\n";
}

std::string resource_header(ResourceColumns columns) {
    const bool with_project = columns.project;
    const bool unit_costs = columns.unit_cost;
    return std::string(with_project ? "| Project | Resource | Action | Before | After | Change |"
                                    : "| Resource | Action | Before | After | Change |") +
           (unit_costs ? " Unit cost |" : "") + "\n" +
           (with_project ? "| --- | --- | --- | ---: | ---: | ---: |"
                         : "| --- | --- | ---: | ---: | ---: |") +
           (unit_costs ? " ---: |" : "") + "\n";
}

// A change is a priced resource whose cost moves, or an unpriced one that is created,
// changed or deleted (an unpriced resource the plan leaves alone changes nothing).
bool is_change(const PricedResource& priced) {
    const auto& delta = priced.estimate.monthly_delta;
    if (delta)
        return delta->micros() != 0;
    const Action action = priced.resource.action;
    return action != Action::no_op && action != Action::read;
}

std::string top_changes(const Report& report) {
    std::vector<const PricedResource*> changed;
    for (const PricedResource& priced : report.estimate.resources)
        if (is_change(priced))
            changed.push_back(&priced);
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
    const ResourceColumns columns{!report.projects.empty(), has_unit_costs(report)};
    std::string text = "### Top changes\n\n" + resource_header(columns);
    for (std::size_t n = 0; n < changed.size() && n < k_top_changes; ++n)
        text += resource_row(report, *changed[n], columns);
    if (changed.size() > k_top_changes)
        text += "\n" + std::to_string(changed.size() - k_top_changes) +
                " more changed resources in the full breakdown below.\n";
    return text + "\n";
}

// The message without the resource's address in front: the Resource column shows it.
std::string message_of(const Finding& finding) {
    const std::string& message = finding.message;
    if (finding.resource && !finding.resource->empty() &&
        message.size() > finding.resource->size() + 1 &&
        message.compare(0, finding.resource->size(), *finding.resource) == 0 &&
        message[finding.resource->size()] == ' ')
        return message.substr(finding.resource->size() + 1);
    return message;
}

std::string findings_section(const Report& report) {
    if (!report.policies_evaluated)
        return "";
    if (report.findings.empty())
        return "### Findings\n\nNo policy findings.\n\n";
    // Findings may fill at most half a comment; the rest is for the breakdown.
    const std::size_t budget = k_comment_limit / 2;
    const bool with_project = !report.projects.empty();
    std::string text = with_project ? "### Findings\n\n| Severity | Project | Rule | Resource | "
                                      "Message |\n| --- | --- | --- | --- | --- |\n"
                                    : "### Findings\n\n| Severity | Rule | Resource | Message "
                                      "|\n| --- | --- | --- | --- |\n";
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
                (finding.exempted_by ? " (exempted)" : "") + " | " +
                (with_project ? cell(finding.project) + " | " : std::string()) +
                cell(finding.rule) + " | " + cell(finding.resource.value_or("")) + " | " +
                cell(message_of(finding)) +
                (finding.exempted_by ? " — exempted: " + cell(*finding.exempted_by) : "") + " |\n";
    }
    return text + "\n";
}

std::string footer(const Report& report) {
    return "<sub>costgate " + report.tool_version + " · catalog " + report.catalog_version + ", " +
           text::prices_as_of(report) + " · " + report.currency + " a month of 730 hours</sub>\n";
}

/// The collapsed breakdown: one table of every resource, or in a multi-project run one
/// collapsed table a project, each summarised by its previous, new and diff. Rows stop
/// short of the comment limit (`room` characters).
class Breakdown {
  public:
    Breakdown(const Report& report, std::size_t room)
        : m_report(report), m_room(room), m_columns{false, has_unit_costs(report)} {}

    std::string render() {
        const std::vector<PricedResource>& resources = m_report.estimate.resources;
        if (m_report.projects.empty()) {
            m_text = "<details><summary>Full breakdown (" + std::to_string(resources.size()) +
                     " resources)</summary>\n\n" + resource_header(m_columns);
            for (const PricedResource& priced : resources)
                add_row(priced);
            cost_centres();
            m_text += "\n</details>\n\n";
        } else {
            for (const ProjectSummary& project : m_report.projects) {
                const CostTotals& totals = project.totals;
                m_text += "<details><summary>" + cell(project.name) + ": " +
                          format_money(totals.monthly_before, m_report.currency) + " → " +
                          format_money(totals.monthly_after, m_report.currency) + " (" +
                          format_money(totals.monthly_delta, m_report.currency, true) + "), " +
                          std::to_string(totals.resources) + " resources</summary>\n\n" +
                          resource_header(m_columns);
                for (const PricedResource& priced : resources)
                    if (priced.resource.project == project.name)
                        add_row(priced);
                m_text += "\n</details>\n\n";
            }
            if (!m_report.estimate.by_cost_centre.empty()) {
                m_text += "<details><summary>By cost centre</summary>\n";
                cost_centres();
                m_text += "\n</details>\n\n";
            }
        }
        if (m_left_out > 0)
            m_text += std::to_string(m_left_out) +
                      " more resources are not shown, to stay within GitHub's comment size; the "
                      "JSON report has them all.\n\n";
        if (m_text.size() > m_room)
            return "The full breakdown is too long for a comment; see the JSON report.\n\n";
        return m_text;
    }

  private:
    void add_row(const PricedResource& priced) {
        const std::string row = resource_row(m_report, priced, m_columns);
        if (m_left_out > 0 || m_text.size() + row.size() + k_reserve > m_room)
            ++m_left_out;
        else
            m_text += row;
    }

    void cost_centres() {
        if (m_report.estimate.by_cost_centre.empty())
            return;
        m_text += "\n| Cost centre | Before | After | Change |\n| --- | ---: | ---: | ---: |\n";
        for (const auto& [centre, totals] : m_report.estimate.by_cost_centre)
            m_text += "| " + cell(centre) + " | " +
                      format_money(totals.monthly_before, m_report.currency) + " | " +
                      format_money(totals.monthly_after, m_report.currency) + " | " +
                      format_money(totals.monthly_delta, m_report.currency, true) + " |\n";
    }

    const Report& m_report;
    std::size_t m_room;
    ResourceColumns m_columns;
    std::string m_text;
    std::size_t m_left_out = 0;
};

} // namespace

void render_markdown(const Report& report, const RenderOptions&, std::ostream& out) {
    const std::string text = headline(report) + totals_table(report) + unpriced_section(report) +
                             projects_table(report) + top_changes(report) +
                             findings_section(report);
    const std::string tail = footer(report);
    const std::size_t used = text.size() + tail.size();
    Breakdown breakdown(report, used < k_comment_limit ? k_comment_limit - used : 0);
    out << text::without_workflow_commands(text + breakdown.render() + tail);
}

} // namespace costgate::report
