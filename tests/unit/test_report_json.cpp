#include "costgate/report/renderer.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

namespace {

Report sample_report() {
    Report report;
    report.tool_version = "9.9.9";
    report.catalog_version = "2026.11.22";
    report.catalog_as_of = "2026-07-30";
    report.inputs = {"plan.json"};
    Resource priced;
    priced.address = "aws_instance.a";
    priced.type = "aws_instance";
    priced.file = "plan.json";
    priced.region = "us-east-1";
    priced.tags = {{"cost-centre", "cc-1"}};
    Resource unpriced = priced;
    unpriced.address = "aws_instance.b";
    unpriced.region = "";
    report.resources = {priced, unpriced};

    ResourceEstimate a;
    a.monthly_before = Money();
    a.monthly_after = a.monthly_delta = Money::from_double(70.08);
    a.components.push_back({"Instance usage", "hours", 730.0, 0.096, Money::from_double(70.08),
                            false, "aws/ec2/m5.large/us-east-1", "src", "2026-07-20"});
    a.components.push_back({"I/O", "1M requests", std::nullopt, 0.05, std::nullopt, true,
                            "aws/ebs/x/us-east-1", "src", "2024-07-01"});
    ResourceEstimate b;
    b.priced = false;
    b.notes = {"instance_type is not known until apply"};
    report.estimate.resources = {a, b};
    report.estimate.totals.add(a);
    report.estimate.totals.add(b);
    report.estimate.cost_centre_tag = "cost-centre";
    report.estimate.by_cost_centre["cc-1"].add(a);
    report.findings.push_back(
        {"budget", Severity::warn, std::nullopt, "near", "p.yaml", 3, std::nullopt});
    report.findings.push_back({"tags", Severity::fail, std::string("aws_instance.b"), "missing",
                               "plan.json", 0, std::string("approved")});
    report.policies_evaluated = true;
    return report;
}

nlohmann::json render(const Report& report) {
    return nlohmann::json::parse(find_renderer("json")(report, {}));
}

} // namespace

TEST_CASE("the JSON report follows the schema_version 1 contract", "[report][json]") {
    const auto json = render(sample_report());
    CHECK(json["schema_version"] == 1);
    CHECK(json["tool"] == nlohmann::json{{"name", "costgate"}, {"version", "9.9.9"}});
    CHECK(json["currency"] == "USD");
    CHECK(json["result"] == "warn");
    CHECK(json["catalog"]["as_of"] == "2026-07-30");
    CHECK(json["summary"]["monthly_after"] == 70.08);
    CHECK(json["summary"]["resources"] == 2);
    CHECK(json["summary"]["unpriced"] == 1);
    CHECK(json["summary"]["findings"] == nlohmann::json{{"fail", 0}, {"warn", 1}, {"info", 0}});

    const auto& component = json["resources"][0]["components"][0];
    CHECK(component["monthly_quantity"].is_number_integer());
    CHECK(component["monthly_quantity"] == 730);
    CHECK(component["unit_price"] == 0.096);
    CHECK(component["monthly_cost"] == 70.08);
    CHECK(component["price_key"] == "aws/ec2/m5.large/us-east-1");
    CHECK(component["price_as_of"] == "2026-07-20");
    const auto& usage = json["resources"][0]["components"][1];
    CHECK(usage["usage_based"] == true);
    CHECK(usage["monthly_quantity"].is_null());
    CHECK(usage["monthly_cost"].is_null());

    const auto& unpriced = json["resources"][1];
    CHECK(unpriced["priced"] == false);
    CHECK(unpriced["monthly_before"].is_null());
    CHECK(unpriced["monthly_after"].is_null());
    CHECK(unpriced["region"].is_null());
    CHECK(unpriced["notes"][0] == "instance_type is not known until apply");

    CHECK(json["breakdown"]["by_cost_centre"]["cc-1"]["monthly_after"] == 70.08);
    CHECK(json["findings"][0]["resource"].is_null());
    CHECK(json["findings"][1]["exempted_by"] == "approved");
}

TEST_CASE("rendering is byte-identical across runs", "[report]") {
    const Report report = sample_report();
    for (const std::string& format : renderer_names()) {
        INFO(format);
        CHECK(find_renderer(format)(report, {}) == find_renderer(format)(report, {}));
    }
}

TEST_CASE("the table fits 100 columns and colours only when asked", "[report][table]") {
    Report report = sample_report();
    report.resources[0].address = "module." + std::string(140, 'x') + ".aws_instance.a";
    report.estimate.resources[0].components[0].name = std::string(120, 'n');
    const std::string plain = find_renderer("table")(report, {false});
    std::size_t start = 0;
    while (start < plain.size()) {
        const std::size_t end = plain.find('\n', start);
        const std::string line = plain.substr(start, end - start);
        std::size_t columns = 0;
        for (unsigned char c : line)
            columns += (c & 0xC0) != 0x80;
        if (line.find("module.xxx") != 0) {
            INFO(line);
            CHECK(columns <= 100);
        }
        start = end == std::string::npos ? plain.size() : end + 1;
    }
    CHECK(plain.find("unpriced") != std::string::npos);
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(find_renderer("table")(report, {true}).find("\x1b[") != std::string::npos);
}

TEST_CASE("renderers are looked up by name", "[report]") {
    CHECK(find_renderer("nope") == nullptr);
    CHECK(renderer_names() == std::vector<std::string>{"json", "table"});
}
