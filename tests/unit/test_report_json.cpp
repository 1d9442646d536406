#include "costgate/report/renderer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace costgate;
using namespace costgate::report;
using Json = nlohmann::json;

namespace {

CostComponent instance_hours() {
    // 730 h x 0.09688 = 70.7224, which the report rounds to 70.72.
    return {"Instance usage (m5.large)",
            "hours",
            730.0,
            0.09688,
            Money::from_double(70.7224),
            false,
            "aws/ec2/m5.large/us-east-1",
            "aws-price-list",
            "2026-07-20"};
}

CostComponent requests() {
    return {"Requests",
            "1M requests",
            std::nullopt,
            0.2,
            std::nullopt,
            true,
            "aws/lambda/requests/us-east-1",
            "aws-price-list",
            "2024-07-01"};
}

Resource resource(const std::string& address) {
    Resource r;
    r.address = address;
    r.type = "aws_instance";
    r.file = "plan.json";
    r.region = "us-east-1";
    return r;
}

/// Two resources (one priced with a usage-based component, one unpriced without a region)
/// and three findings (run-wide warn, exempted fail, info).
Report sample_report() {
    Report report;
    report.tool_version = "9.9.9";
    report.catalog_version = "2026.11.22";
    report.catalog_as_of = "2026-07-30";
    report.inputs = {"plan.json"};
    report.policies_evaluated = true;

    Resource priced = resource("aws_instance.a");
    priced.action = Action::replace;
    priced.tags = {{"cost-centre", "cc-1"}, {"team", "data"}};
    Resource unpriced = resource("aws_instance.b");
    unpriced.region = "";

    ResourceEstimate a;
    a.monthly_before = Money::from_double(12.5);
    a.monthly_after = Money::from_double(70.7224);
    a.monthly_delta = Money::from_double(58.2224);
    a.components = {instance_hours(), requests()};
    a.components.push_back({"Storage", "GB-months", 0.5, 0.08, Money::from_double(0.04), false,
                            "aws/ebs/gp3/us-east-1", "aws-price-list", "2026-07-20"});
    ResourceEstimate b;
    b.priced = false;
    b.notes = {"instance_type is not known until apply"};
    b.unpriced = {{"instance_type", "instance_type is not known until apply", ""}};
    b.unknowns.after = b.unknowns.delta_up = true;
    report.estimate.resources = {{priced, a}, {unpriced, b}};
    report.estimate.totals.add(a);
    report.estimate.totals.add(b);
    report.estimate.cost_centre_tag = "cost-centre";
    report.estimate.by_cost_centre["cc-1"].add(a);
    report.estimate.by_cost_centre["(untagged)"].add(b);

    report.findings.push_back(
        {"budget", Severity::warn, std::nullopt, "near the budget", "p.yaml", 3, std::nullopt, ""});
    report.findings.push_back({"tags", Severity::fail, std::string("aws_instance.b"), "missing",
                               "plan.json", 0, std::string("approved (expires 2026-12-31)"), ""});
    report.findings.push_back({"tags-info", Severity::info, std::string("aws_instance.a"), "fyi",
                               "plan.json", 0, std::nullopt, ""});
    return report;
}

std::string render(const Report& report) {
    std::ostringstream out;
    find_renderer("json")(report, {}, out);
    return out.str();
}

std::vector<std::string> keys_of(const nlohmann::ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : object.items())
        keys.push_back(key);
    return keys;
}

} // namespace

TEST_CASE("the JSON report starts with the schema, tool, currency, result and catalog",
          "[report][json]") {
    const Json json = Json::parse(render(sample_report()));
    CHECK(json["schema_version"] == 1);
    CHECK(json["tool"] == Json{{"name", "costgate"}, {"version", "9.9.9"}});
    CHECK(json["currency"] == "USD");
    CHECK(json["result"] == "warn");
    CHECK(json["catalog"] == Json{{"version", "2026.11.22"}, {"as_of", "2026-07-30"}});
    CHECK(json["inputs"] == Json::array({"plan.json"}));
}

TEST_CASE("the JSON summary totals money as numbers rounded to cents", "[report][json]") {
    const std::string text = render(sample_report());
    const Json summary = Json::parse(text)["summary"];
    CHECK(summary["monthly_before"] == 12.5);
    CHECK(summary["monthly_after"] == 70.72);
    CHECK(summary["monthly_delta"] == 58.22);
    CHECK(summary["resources"] == 2);
    CHECK(summary["priced"] == 1);
    CHECK(summary["unpriced"] == 1);
    CHECK(summary["partial"] == 0);
    CHECK(summary["complete"] == false);
    CHECK_THAT(text, Catch::Contains("\"monthly_after\": 70.72,"));
    CHECK_THAT(text, !Catch::Contains("70.7224"));
}

TEST_CASE("JSON components carry exactly the contract's fields", "[report][json]") {
    const auto json = nlohmann::ordered_json::parse(render(sample_report()));
    const auto& components = json["resources"][0]["components"];
    REQUIRE(components.size() == 3);
    CHECK(keys_of(components[0]) ==
          std::vector<std::string>{"name", "unit", "monthly_quantity", "unit_price", "monthly_cost",
                                   "usage_based", "price_key", "price_source", "price_as_of"});
    const auto& hours = components[0];
    CHECK(hours["name"] == "Instance usage (m5.large)");
    CHECK(hours["unit"] == "hours");
    CHECK(hours["monthly_quantity"].is_number_integer());
    CHECK(hours["monthly_quantity"] == 730);
    CHECK(hours["unit_price"] == 0.09688);
    CHECK(hours["monthly_cost"] == 70.72);
    CHECK(hours["usage_based"] == false);
    CHECK(hours["price_key"] == "aws/ec2/m5.large/us-east-1");
    CHECK(hours["price_source"] == "aws-price-list");
    CHECK(hours["price_as_of"] == "2026-07-20");
    CHECK(components[2]["monthly_quantity"] == 0.5);
    CHECK(components[2]["monthly_cost"] == 0.04);
}

TEST_CASE("a usage-based component without usage has no quantity or cost", "[report][json]") {
    const auto usage = Json::parse(render(sample_report()))["resources"][0]["components"][1];
    CHECK(usage["usage_based"] == true);
    CHECK(usage["monthly_quantity"].is_null());
    CHECK(usage["monthly_cost"].is_null());
    CHECK(usage["unit_price"] == 0.2);
}

TEST_CASE("JSON resources carry their identity, money, tags and notes", "[report][json]") {
    const Json resources = Json::parse(render(sample_report()))["resources"];
    REQUIRE(resources.size() == 2);
    const Json& priced = resources[0];
    for (const char* key :
         {"address", "type", "source", "file", "action", "region", "monthly_before",
          "monthly_after", "monthly_delta", "priced", "tags", "notes", "components"})
        CHECK(priced.contains(key));
    CHECK(priced["address"] == "aws_instance.a");
    CHECK(priced["type"] == "aws_instance");
    CHECK(priced["source"] == "terraform");
    CHECK(priced["file"] == "plan.json");
    CHECK(priced["action"] == "replace");
    CHECK(priced["region"] == "us-east-1");
    CHECK(priced["monthly_before"] == 12.5);
    CHECK(priced["monthly_after"] == 70.72);
    CHECK(priced["monthly_delta"] == 58.22);
    CHECK(priced["priced"] == true);
    CHECK(priced["tags"] == Json{{"cost-centre", "cc-1"}, {"team", "data"}});
    CHECK(priced["notes"] == Json::array());
}

TEST_CASE("an unpriced resource has null money, never zero", "[report][json]") {
    const Json unpriced = Json::parse(render(sample_report()))["resources"][1];
    CHECK(unpriced["priced"] == false);
    CHECK(unpriced["monthly_before"].is_null());
    CHECK(unpriced["monthly_after"].is_null());
    CHECK(unpriced["monthly_delta"].is_null());
    CHECK(unpriced["region"].is_null());
    CHECK(unpriced["tags"] == Json::object());
    CHECK(unpriced["components"] == Json::array());
    CHECK(unpriced["notes"] == Json::array({"instance_type is not known until apply"}));
    CHECK(unpriced["partial"] == false);
    CHECK(unpriced["unpriced_components"] ==
          Json::array({Json{{"name", "instance_type"},
                            {"reason", "instance_type is not known until apply"},
                            {"price_key", nullptr}}}));
    // A fully priced resource keeps the fields it had.
    const Json priced = Json::parse(render(sample_report()))["resources"][0];
    CHECK_FALSE(priced.contains("partial"));
    CHECK_FALSE(priced.contains("unpriced_components"));
}

TEST_CASE("a partly priced resource has the amounts of its priced components", "[report][json]") {
    Report report = sample_report();
    ResourceEstimate& b = report.estimate.resources[1].estimate;
    // 730 hours x 2 x $0.178 = $259.88 of instance hours; the gp3 storage has no price.
    b.partial = true;
    b.monthly_before = Money{};
    b.monthly_after = b.monthly_delta = Money::from_double(259.88);
    b.unpriced = {{"Storage (gp3)", "no RDS gp3 storage price in the catalog", ""}};
    report.estimate.totals = CostTotals();
    report.estimate.totals.add(report.estimate.resources[0].estimate);
    report.estimate.totals.add(b);
    const Json json = Json::parse(render(report));
    const Json& partial = json["resources"][1];
    CHECK(partial["priced"] == false);
    CHECK(partial["partial"] == true);
    CHECK(partial["monthly_after"] == 259.88);
    CHECK(partial["unpriced_components"][0]["name"] == "Storage (gp3)");
    // 70.7224 + 259.88, rounded at rendering
    CHECK(json["summary"]["monthly_after"] == 330.6);
    CHECK(json["summary"]["unpriced"] == 1);
    CHECK(json["summary"]["partial"] == 1);
    CHECK(json["summary"]["complete"] == false);
}

TEST_CASE("the JSON breakdown groups totals by cost centre", "[report][json]") {
    const Json breakdown = Json::parse(render(sample_report()))["breakdown"];
    CHECK(breakdown["cost_centre_tag"] == "cost-centre");
    const Json& cc = breakdown["by_cost_centre"]["cc-1"];
    CHECK(cc["monthly_after"] == 70.72);
    CHECK(cc["resources"] == 1);
    CHECK(cc["priced"] == 1);
    const Json& untagged = breakdown["by_cost_centre"]["(untagged)"];
    CHECK(untagged["unpriced"] == 1);
    CHECK(untagged["monthly_after"] == 0.0);
    CHECK(breakdown["by_namespace"] == Json::object());
}

TEST_CASE("JSON findings list every finding and count only unexempted ones", "[report][json]") {
    const Json json = Json::parse(render(sample_report()));
    const Json& findings = json["findings"];
    REQUIRE(findings.size() == 3);
    CHECK(findings[0] == Json{{"rule", "budget"},
                              {"severity", "warn"},
                              {"resource", nullptr},
                              {"message", "near the budget"},
                              {"file", "p.yaml"},
                              {"line", 3},
                              {"exempted_by", nullptr}});
    CHECK(findings[1]["resource"] == "aws_instance.b");
    CHECK(findings[1]["severity"] == "fail");
    CHECK(findings[1]["exempted_by"] == "approved (expires 2026-12-31)");
    CHECK(findings[2]["severity"] == "info");
    CHECK(json["summary"]["findings"] == Json{{"fail", 0}, {"warn", 1}, {"info", 1}});
}

TEST_CASE("an unexempted fail finding makes the JSON result fail", "[report][json]") {
    Report report = sample_report();
    report.findings[1].exempted_by.reset();
    const Json json = Json::parse(render(report));
    CHECK(json["result"] == "fail");
    CHECK(json["summary"]["findings"] == Json{{"fail", 1}, {"warn", 1}, {"info", 1}});
}

TEST_CASE("the JSON report is byte-identical when rendered twice", "[report][json]") {
    const Report report = sample_report();
    const std::string first = render(report);
    CHECK(render(report) == first);
    CHECK(render(sample_report()) == first);
    REQUIRE_FALSE(first.empty());
    CHECK(first.back() == '\n');
}

TEST_CASE("a JSON report streamed in many pieces is the document rendered whole",
          "[report][json]") {
    // 400 copies of the sample's resources and findings: about 600 KB, so the writer hands
    // its sink ten pieces or so (64 KiB each). nlohmann's dump(2) of the parsed report
    // renders the same format in one piece, with the keys in order.
    Report report = sample_report();
    const std::vector<PricedResource> resources = report.estimate.resources;
    const std::vector<Finding> findings = report.findings;
    for (int copy = 1; copy < 400; ++copy) {
        for (PricedResource priced : resources) {
            priced.resource.address += "_" + std::to_string(copy);
            report.estimate.resources.push_back(std::move(priced));
        }
        report.findings.insert(report.findings.end(), findings.begin(), findings.end());
    }
    const std::string streamed = render(report);
    REQUIRE(streamed.size() > 8 * 64 * 1024);
    CHECK(streamed == nlohmann::ordered_json::parse(streamed).dump(2) + "\n");
    CHECK(nlohmann::ordered_json::parse(streamed)["resources"].size() == 800);
}
