#include "renderers.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace costgate::report {

namespace {

constexpr std::size_t k_width = 100;
constexpr std::size_t k_address_width = 52;
constexpr std::size_t k_money_width = 12;

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
    return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

bool starts_char(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}

// Display columns of UTF-8 text (one per code point).
std::size_t columns(const std::string& text) {
    std::size_t count = 0;
    for (const char byte : text)
        count += starts_char(byte);
    return count;
}

// Cuts text to `width` display columns (UTF-8 aware), marking the cut with "...".
std::string fit(const std::string& text, std::size_t width) {
    if (columns(text) <= width)
        return text;
    std::string out;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (starts_char(text[i]) && ++kept > width - 3)
            break;
        out += text[i];
    }
    return out + "...";
}

// Splits text into lines of at most `width` display columns, breaking at the last space
// that fits (dropping it) or, failing that, between code points. Nothing is lost, so long
// addresses and messages stay whole but never widen the table.
std::vector<std::string> wrap(std::string text, std::size_t width) {
    std::vector<std::string> lines;
    while (columns(text) > width) {
        std::size_t cut = 0;
        for (std::size_t seen = 0; cut < text.size(); ++cut)
            if (starts_char(text[cut]) && seen++ == width)
                break;
        const std::size_t space = text.rfind(' ', cut);
        const bool at_space = space != std::string::npos && space > 0;
        lines.push_back(text.substr(0, at_space ? space : cut));
        text.erase(0, at_space ? space + 1 : cut);
    }
    lines.push_back(text);
    return lines;
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

std::string money_columns(const std::string& before, const std::string& after,
                          const std::string& delta) {
    return pad_left(before, k_money_width) + pad_left(after, k_money_width) +
           pad_left(delta, k_money_width);
}

void render_resource(std::ostringstream& out, const Resource& resource,
                     const ResourceEstimate& estimate, const Styler& style) {
    const std::string action(to_string(resource.action));
    const std::string numbers = estimate.priced
                                    ? money_columns(money_or(estimate.monthly_before, "-"),
                                                    money_or(estimate.monthly_after, "-"),
                                                    delta_or(estimate.monthly_delta, "-"))
                                    : money_columns("", "", "unpriced");
    const std::size_t name_width = k_width - 3 * k_money_width - 10;
    if (resource.address.size() > name_width) {
        for (const std::string& line : wrap(resource.address, k_width))
            out << style.bold(line) << '\n';
        out << pad_right("", name_width);
    } else {
        out << style.bold(pad_right(resource.address, name_width));
    }
    out << pad_left(action, 10) << (estimate.priced ? numbers : style.yellow(numbers)) << '\n';

    for (const CostComponent& component : estimate.components) {
        std::string detail =
            component.monthly_quantity
                ? number(*component.monthly_quantity) + " " + component.unit + " x " +
                      number(component.unit_price)
                : "usage-based, " + number(component.unit_price) + " per " + component.unit;
        std::string cost = component.monthly_cost ? component.monthly_cost->to_cents_string() : "-";
        const std::string left = "    " + component.name + "  " + style.dim(detail);
        const std::size_t room = k_width - k_money_width - 4;
        const std::string plain_left = "    " + component.name + "  " + detail;
        const std::string shown = plain_left.size() > room
                                      ? "    " + fit(component.name + "  " + detail, room - 4)
                                      : left;
        const std::size_t shown_width = plain_left.size() > room ? room : plain_left.size();
        out << shown << std::string(k_width - k_money_width - shown_width, ' ')
            << pad_left(cost, k_money_width) << '\n';
    }
    for (const std::string& note : estimate.notes)
        out << "    " << style.dim("note: " + fit(note, k_width - 10)) << '\n';
}

// Resources in report order; in a multi-project run, grouped under a line per project in
// config order.
void render_resources(std::ostringstream& out, const Report& report, const Styler& style) {
    if (report.estimate.resources.empty()) {
        out << "  (no resources)\n";
        return;
    }
    std::vector<std::string> groups;
    for (const ProjectSummary& project : report.projects)
        groups.push_back(project.name);
    if (groups.empty())
        groups.emplace_back();
    for (const std::string& group : groups) {
        if (!group.empty()) {
            const auto project =
                std::find_if(report.projects.begin(), report.projects.end(),
                             [&](const ProjectSummary& p) { return p.name == group; });
            std::string inputs;
            for (const std::string& input : project->inputs)
                inputs += (inputs.empty() ? "" : ", ") + input;
            out << style.bold(fit("Project " + group + (inputs.empty() ? "" : " (" + inputs + ")"),
                                  k_width))
                << '\n';
        }
        for (const PricedResource& priced : report.estimate.resources)
            if (priced.resource.project == group)
                render_resource(out, priced.resource, priced.estimate, style);
    }
}

void render_projects(std::ostringstream& out, const Report& report, const Styler& style) {
    if (report.projects.empty())
        return;
    out << '\n' << style.bold("By project") << '\n';
    for (const ProjectSummary& project : report.projects) {
        const std::string result =
            report.policies_evaluated ? std::string(to_string(project.result)) : "";
        out << pad_right("  " + fit(project.name, k_address_width - 4),
                         k_width - 3 * k_money_width - 10)
            << pad_left(result, 10)
            << money_columns(project.totals.monthly_before.to_cents_string(),
                             project.totals.monthly_after.to_cents_string(),
                             project.totals.monthly_delta.to_signed_cents_string())
            << '\n';
    }
}

void render_breakdown(std::ostringstream& out, const Estimate& estimate, const Styler& style) {
    if (estimate.by_cost_centre.empty())
        return;
    out << '\n' << style.bold("By " + estimate.cost_centre_tag) << '\n';
    for (const auto& [name, totals] : estimate.by_cost_centre)
        out << pad_right("  " + fit(name, k_address_width - 4), k_width - 3 * k_money_width)
            << money_columns(totals.monthly_before.to_cents_string(),
                             totals.monthly_after.to_cents_string(),
                             totals.monthly_delta.to_signed_cents_string())
            << '\n';
}

void render_findings(std::ostringstream& out, const Report& report, const Styler& style) {
    if (report.findings.empty())
        return;
    out << '\n' << style.bold("Findings") << '\n';
    for (const Finding& finding : report.findings) {
        std::string label(to_string(finding.severity));
        label = finding.severity == Severity::fail   ? style.red(pad_right(label, 5))
                : finding.severity == Severity::warn ? style.yellow(pad_right(label, 5))
                                                     : pad_right(label, 5);
        // "  fail  " takes 8 columns; longer findings continue on lines indented as much.
        const std::string text = (finding.project.empty() ? "" : "[" + finding.project + "] ") +
                                 finding.rule + ": " + finding.message;
        const std::string exempted =
            finding.exempted_by ? "[exempted: " + *finding.exempted_by + "]" : "";
        const std::string indent(8, ' ');
        if (columns(text) + (exempted.empty() ? 0 : 1 + columns(exempted)) <= k_width - 8) {
            out << "  " << label << " " << text;
            if (!exempted.empty())
                out << style.dim(" " + exempted);
        } else {
            const std::vector<std::string> lines = wrap(text, k_width - 8);
            out << "  " << label << " " << lines[0];
            for (std::size_t i = 1; i < lines.size(); ++i)
                out << '\n' << indent << lines[i];
            if (!exempted.empty())
                for (const std::string& line : wrap(exempted, k_width - 8))
                    out << '\n' << indent << style.dim(line);
        }
        out << '\n';
    }
}

} // namespace

std::string render_table(const Report& report, const RenderOptions& options) {
    const Styler style(options.colour);
    const Estimate& estimate = report.estimate;
    std::ostringstream out;
    out << style.bold("costgate") << " - monthly cost in " << report.currency << ", catalog "
        << report.catalog_version << " (prices as of " << report.catalog_as_of << ")\n\n";
    out << style.bold(pad_right("Resource", k_width - 3 * k_money_width - 10) +
                      pad_left("Action", 10) + money_columns("Before", "After", "Delta"))
        << '\n'
        << std::string(k_width, '-') << '\n';
    render_resources(out, report, style);

    const CostTotals& totals = estimate.totals;
    out << std::string(k_width, '-') << '\n'
        << style.bold(pad_right("Total", k_width - 3 * k_money_width) +
                      money_columns(totals.monthly_before.to_cents_string(),
                                    totals.monthly_after.to_cents_string(),
                                    totals.monthly_delta.to_signed_cents_string()))
        << '\n';
    out << totals.resources << " resources: " << totals.priced << " priced, " << totals.unpriced
        << " unpriced\n";
    render_projects(out, report, style);
    render_breakdown(out, estimate, style);
    render_findings(out, report, style);
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
    return out.str();
}

} // namespace costgate::report
