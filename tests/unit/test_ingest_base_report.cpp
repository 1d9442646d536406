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
