#include "costgate/ingest/base_report.hpp"
#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::ingest;

TEST_CASE("a base report keeps one project's resources with their monthly after",
          "[ingest][base_report]") {
    const util::InputText input{"base.json", R"({"schema_version": 1, "currency": "USD",
      "resources": [
        {"address": "aws_instance.a", "type": "aws_instance", "source": "terraform",
         "monthly_after": 70.08, "tags": {"team": "a", "odd": 1}},
        {"address": "ns/Pod/p", "type": "Pod", "source": "kubernetes", "monthly_after": null},
        {"address": "aws_instance.b", "type": "aws_instance", "source": "terraform",
         "monthly_after": 1, "project": "other"}]})"};
    const BaseReport report = read_base_report(input, "");
    CHECK(report.name == "base.json");
    CHECK(report.currency == "USD");
    REQUIRE(report.resources.size() == 2);
    CHECK(report.resources[0].monthly_after == Money::from_double(70.08));
    CHECK(report.resources[0].tags == std::map<std::string, std::string>{{"team", "a"}});
    CHECK(report.resources[1].source == Source::kubernetes);
    CHECK_FALSE(report.resources[1].monthly_after);
    CHECK(read_base_report(input, "other").resources.size() == 1);
}

TEST_CASE("a base that is not a costgate report is bad input naming the file",
          "[ingest][base_report]") {
    CHECK_THROWS_WITH(read_base_report({"plan.json", R"({"resource_changes": []})"}, ""),
                      Catch::StartsWith("plan.json"));
    CHECK_THROWS_AS(read_base_report({"b.json", R"({"schema_version": 1, "resources": [1]})"}, ""),
                    InputError);
    CHECK_THROWS_WITH(read_base_report({"b.json", R"({"schema_version": 1, "resources": [
            {"address": "x", "type": "t", "source": "terraform", "monthly_after": "12"}]})"},
                                       ""),
                      Catch::Contains("resources[0].monthly_after"));
}

TEST_CASE("a base report with a cost it never writes is bad input naming the JSON path",
          "[ingest][base_report]") {
    const auto with_after = [](const std::string& amount) {
        return util::InputText{"b.json", R"({"schema_version": 1, "resources": [
            {"address": "x", "type": "t", "source": "terraform", "monthly_after": )" +
                                             amount + "}]}"};
    };
    for (const char* bad : {"-5", "-0.01", "1e13", "\"12\"", "[1]", "true"})
        CHECK_THROWS_WITH(read_base_report(with_after(bad), ""),
                          Catch::Contains("resources[0].monthly_after"));
    for (const char* good : {"0", "0.01", "1e12", "null"})
        CHECK_NOTHROW(read_base_report(with_after(good), ""));
}

TEST_CASE("a plan given as the base report, or a report listing a resource twice, is refused",
          "[ingest][base_report]") {
    CHECK_THROWS_WITH(read_base_report({"plan.json", R"({"format_version": "1.2"})"}, ""),
                      Catch::Contains("not a Terraform plan"));
    CHECK_THROWS_WITH(read_base_report({"b.json", R"({"resources": []})"}, ""),
                      Catch::Contains("schema_version"));
    const util::InputText twice{"b.json", R"({"schema_version": 1, "resources": [
        {"address": "x", "type": "t", "source": "terraform", "monthly_after": 1},
        {"address": "x", "type": "t", "source": "kubernetes", "monthly_after": 1},
        {"address": "x", "type": "t", "source": "terraform", "monthly_after": 2}]})"};
    CHECK_THROWS_WITH(read_base_report(twice, ""),
                      Catch::Contains("resources[2]") && Catch::Contains("also at resources[0]"));
}
