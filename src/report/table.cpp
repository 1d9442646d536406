#include "incomplete_text.hpp"
#include "renderers.hpp"
#include "text_format.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace costgate::report {

namespace {

// The table is 100 columns wide unless its amounts need more: money columns are as wide
// as the widest amount (with two blanks before it) and the name column takes the rest, down
// to a minimum.
constexpr std::size_t k_width = 100;
constexpr std::size_t k_min_money_width = 12;
constexpr std::size_t k_min_name_width = 30;
constexpr std::size_t k_action_width = 10;

class Styler {
  public:
    explicit Styler(bool colour) : m_colour(colour) {}
    std::string bold(const std::string& text) const { return wrap("1", text); }
    std::string dim(const std::string& text) const { return wrap("2", text); }
    std::string red(const std::string& text) const { return wrap("31", text); }
    std::string yellow(const std::string& text) const { return wrap("33", text); }
    std::string green(const std::string& text) const { return wrap("32", text); }

  private:
    std::string wrap(const char* code, const std::string& text) const {
        return m_colour ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
    }
    bool m_colour;
};

std::string pad_right(const std::string& text, std::size_t width) {
    const std::size_t shown = text::columns(text);
    return shown >= width ? text : text + std::string(width - shown, ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
    const std::size_t shown = text::columns(text);
    return shown >= width ? text : std::string(width - shown, ' ') + text;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

std::string money_or(const std::optional<Money>& amount, const char* missing) {
    return amount ? amount->to_cents_string() : missing;
}

std::string delta_or(const std::optional<Money>& amount, const char* missing) {
    return amount ? amount->to_signed_cents_string() : missing;
}

/// Column widths, measured on the amounts the table will show.
struct Layout {
    std::size_t money = k_min_money_width;
    std::size_t name = k_width - k_action_width - 3 * k_min_money_width;

    std::size_t width() const { return name + k_action_width + 3 * money; }

    void fit_amount(const std::string& amount) {
        money = std::max(money, text::columns(amount) + 2);
    }
    void fit_totals(const CostTotals& totals) {
        fit_amount(totals.monthly_before.to_cents_string());
        fit_amount(totals.monthly_after.to_cents_string());
        fit_amount(totals.monthly_delta.to_signed_cents_string());
    }
    void fit_unit_cost(const std::optional<UnitCost>& cost);
};

// A cost per 1,000 units in the money columns: every millionth it has (`0.61725`).
std::string exact_or(const std::optional<Money>& amount, const char* missing) {
    return amount ? amount->to_exact_string() : missing;
}

std::string exact_delta_or(const std::optional<Money>& amount, const char* missing) {
    if (!amount)
        return missing;
    return amount->micros() > 0 ? "+" + amount->to_exact_string() : amount->to_exact_string();
}

void Layout::fit_unit_cost(const std::optional<UnitCost>& cost) {
    if (!cost)
        return;
    fit_amount(exact_or(cost->before, "-"));
    fit_amount(exact_or(cost->after, "-"));
    fit_amount(exact_delta_or(cost->delta, "-"));
}

Layout measure(const Report& report) {
    Layout layout;
    const Estimate& estimate = report.estimate;
    layout.fit_totals(estimate.totals);
    for (const PricedResource& priced : estimate.resources) {
        const ResourceEstimate& resource = priced.estimate;
        layout.fit_amount(money_or(resource.monthly_before, "-"));
        layout.fit_amount(money_or(resource.monthly_after, "-"));
        layout.fit_amount(delta_or(resource.monthly_delta, "-"));
        for (const CostComponent& component : resource.components)
            layout.fit_amount(money_or(component.monthly_cost, "-"));
        layout.fit_unit_cost(resource.unit_cost);
    }
    layout.fit_unit_cost(estimate.unit_cost);
    for (const ProjectSummary& project : report.projects) {
        layout.fit_totals(project.totals);
        layout.fit_unit_cost(project.unit_cost);
    }
    for (const auto& [name, totals] : estimate.by_cost_centre)
        layout.fit_totals(totals);
    const std::size_t rest = k_width - k_action_width - 3 * layout.money;
    layout.name = k_width > k_action_width + 3 * layout.money && rest >= k_min_name_width
                      ? rest
                      : k_min_name_width;
    return layout;
}

std::string money_columns(const Layout& layout, const std::string& before, const std::string& after,
                          const std::string& delta) {
    return pad_left(before, layout.money) + pad_left(after, layout.money) +
           pad_left(delta, layout.money);
}

std::string totals_columns(const Layout& layout, const CostTotals& totals) {
    return money_columns(layout, totals.monthly_before.to_cents_string(),
                         totals.monthly_after.to_cents_string(),
                         totals.monthly_delta.to_signed_cents_string());
}

// Writes `label` (printable text) indented by `indent`, wrapped to `width` columns, and
// `right` after its last line, which is padded to `width` first. Nothing of the label is
// cut, so long addresses, component details and unit prices stay whole.
void labelled_row(std::ostringstream& out, std::size_t indent, const std::string& label,
                  std::size_t width, const std::string& right, const Styler& style,
                  bool bold = false) {
    const std::string margin(indent, ' ');
    const std::vector<std::string> lines = text::wrap(label, width > indent ? width - indent : 1);
    const auto shown = [&](const std::string& line) { return bold ? style.bold(line) : line; };
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        out << margin << shown(lines[i]) << '\n';
    out << margin << shown(pad_right(lines.back(), width - indent)) << right << '\n';
}

// `per 1,000 requests (2,000,000 a month)` and the cost per 1,000 units before, after and
// its change, in the money columns; `, at least` when the amounts leave unpriced parts out.
void unit_cost_row(std::ostringstream& out, const Layout& layout, std::size_t indent,
                   const std::string& label, std::size_t label_width, const UnitCost& cost,
                   const Styler& style) {
    const bool known = cost.before || cost.after;
    const std::string numbers =
        known ? money_columns(layout, exact_or(cost.before, "-"), exact_or(cost.after, "-"),
                              exact_delta_or(cost.delta, "-"))
              : money_columns(layout, "", "", "unpriced");
    const bool whole = !cost.after_at_least && !cost.before_at_least && known;
    labelled_row(out, indent,
                 text::printable(label + " (" + format_volume(cost.volume) + " a month)" +
                                 (cost.after_at_least ? ", at least" : "")),
                 label_width, whole ? numbers : style.yellow(numbers), style);
}

void render_resource(std::ostringstream& out, const Layout& layout, const PricedResource& priced,
                     const Styler& style) {
    const ResourceEstimate& estimate = priced.estimate;
    // A partly priced resource shows what its priced components cost, in yellow.
    const std::string numbers = estimate.priced || estimate.partial
                                    ? money_columns(layout, money_or(estimate.monthly_before, "-"),
                                                    money_or(estimate.monthly_after, "-"),
                                                    delta_or(estimate.monthly_delta, "-"))
                                    : money_columns(layout, "", "", "unpriced");
    labelled_row(out, 0, text::printable(priced.resource.address), layout.name,
                 pad_left(std::string(to_string(priced.resource.action)), k_action_width) +
                     (estimate.priced ? numbers : style.yellow(numbers)),
                 style, true);
    if (estimate.unit_cost)
        unit_cost_row(out, layout, 4, per_thousand_label(estimate.unit_cost->volume),
                      layout.name + k_action_width, *estimate.unit_cost, style);

    const std::size_t detail_width = layout.width() - layout.money;
    for (const CostComponent& component : estimate.components) {
        const std::string detail =
            component.monthly_quantity
                ? number(*component.monthly_quantity) + " " + component.unit + " x " +
                      number(component.unit_price)
                : "usage-based, " + number(component.unit_price) + " per " + component.unit;
        const std::string cost = pad_left(money_or(component.monthly_cost, "-"), layout.money);
        const std::string name = text::printable(component.name);
        if (4 + text::columns(name) + 2 + text::columns(detail) <= detail_width - 4)
            out << "    " << name << "  " << style.dim(detail)
                << std::string(detail_width - 6 - text::columns(name) - text::columns(detail), ' ')
                << cost << '\n';
        else
            labelled_row(out, 4, name + "  " + detail, detail_width - 4, "    " + cost, style);
    }
    for (const UnpricedComponent& part : estimate.unpriced)
        labelled_row(out, 4, text::printable(part.name), detail_width - 4,
                     "    " + style.yellow(pad_left("unpriced", layout.money)), style);
    // A long note continues under its first word, so it reads as one note.
    for (const std::string& note : estimate.notes) {
        const std::vector<std::string> lines =
            text::wrap(text::printable(note), layout.width() - 10);
        for (std::size_t i = 0; i < lines.size(); ++i)
            out << (i == 0 ? "    " + style.dim("note: " + lines[i])
                           : std::string(10, ' ') + style.dim(lines[i]))
                << '\n';
    }
}

// An estimate that leaves unpriced parts out says so under its totals, with each
// resource that is not fully priced and why.
void render_unpriced(std::ostringstream& out, const Layout& layout, const Report& report,
                     const Styler& style) {
    const CostTotals& totals = report.estimate.totals;
    if (totals.complete())
        return;
    out << style.yellow("Incomplete: " + text::total_after(totals, report.currency) + " a month, " +
                        text::unpriced_summary(totals))
        << '\n';
    for (const text::UnpricedEntry& entry : text::unpriced_entries(report.estimate)) {
        const std::string known =
            entry.known
                ? "partly priced, " + format_money(*entry.known, report.currency) + " known; "
                : "";
        const std::vector<std::string> lines = text::wrap(
            text::printable(entry.address + ": " + known + entry.reasons), layout.width() - 4);
        for (std::size_t i = 0; i < lines.size(); ++i)
            out << (i == 0 ? "  " : "    ") << lines[i] << '\n';
    }
}

// Resources in report order; in a multi-project run, grouped under a line per project in
// config order.
void render_resources(std::ostringstream& out, const Layout& layout, const Report& report,
                      const Styler& style) {
    if (report.estimate.resources.empty()) {
        out << "  (no resources)\n";
        return;
    }
    std::vector<const ProjectSummary*> groups;
    for (const ProjectSummary& project : report.projects)
        groups.push_back(&project);
    if (groups.empty())
        groups.push_back(nullptr);
    for (const ProjectSummary* project : groups) {
        if (project) {
            std::string inputs;
            for (const std::string& input : project->inputs)
                inputs += (inputs.empty() ? "" : ", ") + input;
            for (const std::string& line :
                 text::wrap(text::printable("Project " + project->name +
                                            (inputs.empty() ? "" : " (" + inputs + ")")),
                            layout.width()))
                out << style.bold(line) << '\n';
        }
        const std::string group = project ? project->name : "";
        for (const PricedResource& priced : report.estimate.resources)
            if (priced.resource.project == group)
                render_resource(out, layout, priced, style);
    }
}

void render_projects(std::ostringstream& out, const Layout& layout, const Report& report,
                     const Styler& style) {
    if (report.projects.empty())
        return;
    out << '\n' << style.bold("By project") << '\n';
    for (const ProjectSummary& project : report.projects) {
        const std::string result =
            report.policies_evaluated ? std::string(to_string(project.result)) : "";
        labelled_row(out, 2, text::printable(project.name), layout.name,
                     pad_left(result, k_action_width) + totals_columns(layout, project.totals),
                     style);
        if (project.unit_cost)
            unit_cost_row(out, layout, 4, per_thousand_label(project.unit_cost->volume),
                          layout.name + k_action_width, *project.unit_cost, style);
    }
}

void render_breakdown(std::ostringstream& out, const Layout& layout, const Estimate& estimate,
                      const Styler& style) {
    if (estimate.by_cost_centre.empty())
        return;
    out << '\n' << style.bold("By " + text::printable(estimate.cost_centre_tag)) << '\n';
    for (const auto& [name, totals] : estimate.by_cost_centre)
        labelled_row(out, 2, text::printable(name), layout.name + k_action_width,
                     totals_columns(layout, totals), style);
}

void render_findings(std::ostringstream& out, const Layout& layout, const Report& report,
                     const Styler& style) {
    if (report.findings.empty())
        return;
    out << '\n' << style.bold("Findings") << '\n';
    const std::size_t room = layout.width() - 8;
    for (const Finding& finding : report.findings) {
        std::string label(to_string(finding.severity));
        label = finding.severity == Severity::fail   ? style.red(pad_right(label, 5))
                : finding.severity == Severity::warn ? style.yellow(pad_right(label, 5))
                                                     : pad_right(label, 5);
        // "  fail  " takes 8 columns; longer findings continue on lines indented as much.
        const std::string text =
            text::printable((finding.project.empty() ? "" : "[" + finding.project + "] ") +
                            finding.rule + ": " + finding.message);
        const std::string exempted =
            finding.exempted_by ? "[exempted: " + text::printable(*finding.exempted_by) + "]" : "";
        const std::string indent(8, ' ');
        if (text::columns(text) + (exempted.empty() ? 0 : 1 + text::columns(exempted)) <= room) {
            out << "  " << label << " " << text;
            if (!exempted.empty())
                out << style.dim(" " + exempted);
        } else {
            const std::vector<std::string> lines = text::wrap(text, room);
            out << "  " << label << " " << lines[0];
            for (std::size_t i = 1; i < lines.size(); ++i)
                out << '\n' << indent << lines[i];
            if (!exempted.empty())
                for (const std::string& line : text::wrap(exempted, room))
                    out << '\n' << indent << style.dim(line);
        }
        out << '\n';
    }
}

} // namespace

void render_table(const Report& report, const RenderOptions& options, std::ostream& sink) {
    const Styler style(options.colour);
    const Estimate& estimate = report.estimate;
    const Layout layout = measure(report);
    std::ostringstream out;
    out << style.bold("costgate") << " - monthly cost in " << report.currency << ", catalog "
        << report.catalog_version << " (" << text::prices_as_of(report) << ")\n\n";
    out << style.bold(pad_right("Resource", layout.name) + pad_left("Action", k_action_width) +
                      money_columns(layout, "Before", "After", "Delta"))
        << '\n'
        << std::string(layout.width(), '-') << '\n';
    render_resources(out, layout, report, style);

    const CostTotals& totals = estimate.totals;
    out << std::string(layout.width(), '-') << '\n'
        << style.bold(pad_right("Total", layout.name + k_action_width) +
                      totals_columns(layout, totals))
        << '\n';
    if (estimate.unit_cost) {
        std::string label = per_thousand_label(estimate.unit_cost->volume);
        label[0] = 'P';
        unit_cost_row(out, layout, 0, label, layout.name + k_action_width, *estimate.unit_cost,
                      style);
    }
    out << totals.resources << " resources: " << totals.priced << " priced, " << totals.unpriced
        << " unpriced\n";
    render_unpriced(out, layout, report, style);
    render_projects(out, layout, report, style);
    render_breakdown(out, layout, estimate, style);
    render_findings(out, layout, report, style);
    if (report.policies_evaluated) {
        const Result result = report.result();
        const std::string verdict(to_string(result));
        out << '\n'
            << "Result: "
            << (result == Result::fail   ? style.red(verdict)
                : result == Result::warn ? style.yellow(verdict)
                                         : style.green(verdict))
            << '\n';
    }
    sink << text::without_workflow_commands(out.str());
}

} // namespace costgate::report
