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
    b.unpriced = {{"instance_type", "instance_type is not known until apply", ""}};
    b.unknowns.after = b.unknowns.delta_up = true;
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
    std::ostringstream out;
    find_renderer("table")(report, RenderOptions{colour}, out);
    return out.str();
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

TEST_CASE("the table says what an incomplete estimate leaves out", "[report][table]") {
    const std::string table = render(wide_report(), false);
    CHECK_THAT(table, Catch::Contains("Incomplete: at least $70.72 a month, 1 resource unpriced\n"
                                      "  aws_instance.unknown_type: instance_type is not known "
                                      "until apply\n"));
    const auto lines = lines_of(table);
    const auto part = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
        return line.rfind("    instance_type ", 0) == 0;
    });
    REQUIRE(part != lines.end());
    CHECK_THAT(*part, Catch::EndsWith("unpriced"));

    Report complete = wide_report();
    complete.estimate.resources.pop_back();
    complete.estimate.totals = CostTotals();
    complete.estimate.totals.add(complete.estimate.resources[0].estimate);
    CHECK_THAT(render(complete, false), !Catch::Contains("Incomplete"));
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

TEST_CASE("amounts past $10M widen the money columns instead of running together",
          "[report][table]") {
    Report report = wide_report();
    ResourceEstimate& big = report.estimate.resources[0].estimate;
    // 730 hours x 19,620 an hour = 14,322,600.00 a month.
    big.components[0].unit_price = 19620;
    big.components[0].monthly_cost = Money::from_double(730 * 19620.0);
    big.monthly_after = big.monthly_delta = Money::from_double(730 * 19620.0);
    report.estimate.totals = {};
    report.estimate.totals.add(big);
    report.estimate.totals.add(report.estimate.resources[1].estimate);
    const std::string table = render(report, false);
    CHECK_THAT(table, Catch::Contains("   14322600.00  +14322600.00"));
    CHECK_THAT(table, Catch::Contains("730 hours x 19620"));
    const auto lines = lines_of(table);
    const auto total = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
        return line.rfind("Total", 0) == 0;
    });
    REQUIRE(total != lines.end());
    CHECK_THAT(*total, Catch::EndsWith("  0.00   14322600.00  +14322600.00"));
}

TEST_CASE("component lines wrap instead of hiding the unit price", "[report][table]") {
    const std::string table = render(wide_report(), false);
    CHECK_THAT(table, !Catch::Contains("..."));
    std::string joined = table;
    std::replace(joined.begin(), joined.end(), '\n', ' ');
    CHECK_THAT(joined, Catch::Contains("730 hours x 0.09688"));
    CHECK_THAT(joined, Catch::Contains("usage-based, 0.023 per GB-months"));
}

TEST_CASE("hostile addresses are shown escaped, with no line of their own", "[report][table]") {
    Report report = wide_report();
    report.estimate.resources[1].resource.address =
        "aws_eip.ip[\"a\n::error::injected \x1b[31mred \xe2\x80\xae"
        "desrever\"]";
    const std::string table = render(report, false);
    CHECK(table.find('\x1b') == std::string::npos);
    CHECK(table.find("\xe2\x80\xae") == std::string::npos);
    CHECK(table.find("\n::") == std::string::npos);
    // Wrapped at the space, as any long address.
    CHECK_THAT(table, Catch::Contains("aws_eip.ip[\"a\\n::error::injected \\x1b[31mred\n"
                                      "\\u202edesrever\"]"));
}

TEST_CASE("a 10 MB address is wrapped whole (the unit tests' timeout guards its time)",
          "[report][table]") {
    Report report = wide_report();
    report.estimate.resources[1].resource.address = std::string(10 * 1024 * 1024, 'x');
    const std::string table = render(report, false);
    CHECK(table.size() > 10 * 1024 * 1024);
}
