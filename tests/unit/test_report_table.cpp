#include "costgate/report/renderer.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

using namespace costgate;
using namespace costgate::report;

namespace {

const std::string k_long_address =
    "module.platform_" + std::string(106, 'x') + ".aws_instance.web[\"primary\"]";

/// A report whose texts all try to overflow 100 columns: a 150-character address, a long
/// component name, a long note, cost centre, finding message and exemption reason.
Report wide_report() {
    Report report;
    report.tool_version = "9.9.9";
    report.catalog_version = "2026.11.22";
    report.catalog_as_of = "2026-07-30";
    report.policies_evaluated = true;

    Resource priced;
    priced.address = k_long_address;
    priced.type = "aws_instance";
    priced.action = Action::create;
    Resource unpriced;
    unpriced.address = "aws_instance.unknown_type";
    unpriced.type = "aws_instance";

    ResourceEstimate a;
    a.monthly_before = Money();
    a.monthly_after = a.monthly_delta = Money::from_double(70.7224);
    a.components.push_back({"Instance usage (Linux/UNIX, on-demand, " + std::string(80, 'n') + ")",
                            "hours", 730.0, 0.09688, Money::from_double(70.7224), false, "k", "s",
                            "2026-07-20"});
    a.components.push_back({"Données stockées à très long terme — " + std::string(70, 'e'),
                            "GB-months", std::nullopt, 0.023, std::nullopt, true, "k", "s",
                            "2026-07-20"});
    a.notes = {"region taken from provider aws.east " + std::string(100, 'r')};
    ResourceEstimate b;
    b.priced = false;
    report.estimate.resources = {{priced, a}, {unpriced, b}};
    report.estimate.totals.add(a);
    report.estimate.totals.add(b);
    report.estimate.cost_centre_tag = "cost-centre";
    report.estimate.by_cost_centre["platform-" + std::string(90, 'c')].add(a);

    report.findings.push_back({"cost-centre-tag", Severity::fail, k_long_address,
                               k_long_address + " is missing required tag(s): cost-centre, team",
                               "plan.json", 0, std::string(std::string(120, 'a') + " FIN-1"), ""});
    report.findings.push_back({"monthly-increase", Severity::warn, std::nullopt,
                               "Monthly increase of $70.72 has reached 50% of the $100.00 budget",
                               "p.yaml", 3, std::nullopt, ""});
    return report;
}

std::string render(const Report& report, bool colour) {
    return find_renderer("table")(report, RenderOptions{colour});
}

std::string strip_ansi(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b') {
            i = text.find('m', i);
            if (i == std::string::npos)
                break;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::size_t display_columns(const std::string& line) {
    return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

} // namespace

TEST_CASE("no table line is wider than 100 columns", "[report][table]") {
    const Report report = wide_report();
    REQUIRE(k_long_address.size() == 150);
    for (const bool colour : {false, true}) {
        const std::string table = strip_ansi(render(report, colour));
        for (const std::string& line : lines_of(table)) {
            INFO("colour " << colour << ": " << line);
            CHECK(display_columns(line) <= 100);
        }
    }
}

TEST_CASE("a long address is wrapped, not lost", "[report][table]") {
    std::string table = render(wide_report(), false);
    table.erase(std::remove(table.begin(), table.end(), '\n'), table.end());
    CHECK_THAT(table, Catch::Contains(k_long_address));
}

TEST_CASE("the table shows totals, unpriced resources and the result", "[report][table]") {
    const std::string table = render(wide_report(), false);
    const auto lines = lines_of(table);
    const auto total = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
        return line.rfind("Total", 0) == 0;
    });
    REQUIRE(total != lines.end());
    CHECK_THAT(*total, Catch::EndsWith("0.00       70.72      +70.72"));
    CHECK_THAT(table, Catch::Contains("2 resources: 1 priced, 1 unpriced"));
    CHECK_THAT(table, Catch::Contains("aws_instance.unknown_type"));
    const auto unpriced_row = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return l.rfind("aws_instance.unknown_type", 0) == 0;
    });
    REQUIRE(unpriced_row != lines.end());
    CHECK_THAT(*unpriced_row, Catch::EndsWith("unpriced"));
    CHECK_THAT(table, Catch::Contains("Result: warn"));
}

TEST_CASE("the table leaves the result out when no policy was evaluated", "[report][table]") {
    Report report = wide_report();
    report.policies_evaluated = false;
    report.findings.clear();
    CHECK_THAT(render(report, false), !Catch::Contains("Result:"));
}

TEST_CASE("the table uses ANSI colours only when asked", "[report][table]") {
    const Report report = wide_report();
    CHECK(render(report, false).find('\x1b') == std::string::npos);
    const std::string coloured = render(report, true);
    CHECK_THAT(coloured, Catch::Contains("\x1b[31mfail"));
    CHECK_THAT(coloured, Catch::Contains("\x1b[0m"));
    CHECK(strip_ansi(coloured) == render(report, false));
}

TEST_CASE("renderers are looked up by name", "[report]") {
    CHECK(find_renderer("table") != nullptr);
    CHECK(find_renderer("json") != nullptr);
    CHECK(find_renderer("nope") == nullptr);
    CHECK(find_renderer("") == nullptr);
    CHECK(find_renderer("TABLE") == nullptr);
}

TEST_CASE("renderer names are sorted and each has a renderer", "[report]") {
    const std::vector<std::string> names = renderer_names();
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
    CHECK(std::find(names.begin(), names.end(), "table") != names.end());
    CHECK(std::find(names.begin(), names.end(), "json") != names.end());
    for (const std::string& name : names) {
        INFO(name);
        CHECK(find_renderer(name) != nullptr);
    }
}
