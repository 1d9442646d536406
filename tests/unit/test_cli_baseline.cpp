#include "cli/baseline.hpp"
#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::util;
using namespace costgate::cli;

namespace {

Report report_with(std::initializer_list<std::pair<const char*, double>> resources) {
    Report report;
    report.estimate.cost_centre_tag = "cost-centre";
    for (const auto& [address, after] : resources) {
        Resource resource;
        resource.address = address;
        resource.type = "aws_instance";
        report.resources.push_back(resource);
        ResourceEstimate estimate;
        estimate.monthly_before = Money{};
        estimate.monthly_after = Money::from_double(after);
        estimate.monthly_delta = Money::from_double(after);
        report.estimate.resources.push_back(estimate);
    }
    return report;
}

const InputText k_base{"base.json", R"({"schema_version": 1, "currency": "USD", "resources": [
  {"address": "aws_instance.a", "type": "aws_instance", "source": "terraform", "monthly_after": 70.08,
   "tags": {"cost-centre": "cc-1"}},
  {"address": "aws_instance.gone", "type": "aws_instance", "source": "terraform", "monthly_after": 30,
   "tags": {"cost-centre": "cc-2"}},
  {"address": "aws_instance.other", "type": "aws_instance", "source": "terraform", "monthly_after": 5,
   "project": "elsewhere"}]})"};

} // namespace

TEST_CASE("a base report's monthly costs become the run's before", "[cli][baseline]") {
    Report report = report_with({{"aws_instance.a", 140.16}, {"aws_instance.new", 10}});
    apply_baseline(report, k_base, "");
    REQUIRE(report.resources.size() == 3);
    CHECK(report.resources[0].address == "aws_instance.a");
    CHECK(report.estimate.resources[0].monthly_before == Money::from_double(70.08));
    CHECK(report.estimate.resources[0].monthly_delta == Money::from_double(70.08));
    CHECK(report.resources[1].address == "aws_instance.gone");
    CHECK(report.resources[1].action == Action::remove);
    CHECK(report.estimate.resources[1].monthly_delta == Money::from_double(-30));
    CHECK(report.estimate.resources[2].monthly_before == Money{});
    CHECK(report.estimate.totals.monthly_before == Money::from_double(100.08));
    CHECK(report.estimate.totals.monthly_after == Money::from_double(150.16));
    CHECK(report.estimate.totals.monthly_delta == Money::from_double(50.08));
    CHECK(report.estimate.by_cost_centre.at("cc-2").monthly_delta == Money::from_double(-30));
}

TEST_CASE("a base report's resources are matched within one project", "[cli][baseline]") {
    Report report = report_with({{"aws_instance.other", 5}});
    apply_baseline(report, k_base, "elsewhere");
    REQUIRE(report.resources.size() == 1);
    CHECK(report.estimate.totals.monthly_delta == Money{});
}

TEST_CASE("a base that is not a costgate report is bad input naming the file", "[cli][baseline]") {
    Report report = report_with({});
    CHECK_THROWS_WITH(apply_baseline(report, {"plan.json", R"({"resource_changes": []})"}, ""),
                      Catch::StartsWith("plan.json"));
    CHECK_THROWS_AS(
        apply_baseline(report, {"b.json", R"({"schema_version": 1, "resources": [1]})"}, ""),
        InputError);
    CHECK_THROWS_WITH(
        apply_baseline(
            report, {"b.json", R"({"schema_version": 1, "currency": "EUR", "resources": []})"}, ""),
        Catch::Contains("the base report prices in EUR, this run in USD"));
}
