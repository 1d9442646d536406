#include "costgate/ingest/base_report.hpp"
#include "costgate/model/error.hpp"
#include "costgate/pricing/baseline.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;

namespace {

Estimate estimate_with(std::initializer_list<std::pair<const char*, double>> resources) {
    Estimate estimate;
    estimate.cost_centre_tag = "cost-centre";
    for (const auto& [address, after] : resources) {
        PricedResource priced;
        priced.resource.address = address;
        priced.resource.type = "aws_instance";
        priced.estimate.monthly_before = Money{};
        priced.estimate.monthly_after = Money::from_double(after);
        priced.estimate.monthly_delta = Money::from_double(after);
        estimate.add(std::move(priced));
    }
    return estimate;
}

const util::InputText k_base{"base.json", R"({"schema_version": 1, "currency": "USD", "resources": [
  {"address": "aws_instance.a", "type": "aws_instance", "source": "terraform", "monthly_after": 70.08,
   "tags": {"cost-centre": "cc-1"}},
  {"address": "aws_instance.gone", "type": "aws_instance", "source": "terraform", "monthly_after": 30,
   "tags": {"cost-centre": "cc-2"}},
  {"address": "team-a/Deployment/old", "type": "Deployment", "source": "kubernetes", "monthly_after": 12},
  {"address": "aws_instance.other", "type": "aws_instance", "source": "terraform", "monthly_after": 5,
   "project": "elsewhere"}]})"};

} // namespace

TEST_CASE("a base report's monthly costs become the run's before", "[pricing][baseline]") {
    Estimate estimate = estimate_with({{"aws_instance.a", 140.16}, {"aws_instance.new", 10}});
    apply_baseline(estimate, "USD", ingest::read_base_report(k_base, ""));
    REQUIRE(estimate.resources.size() == 4);
    const PricedResource& a = estimate.resources[0];
    CHECK(a.resource.address == "aws_instance.a");
    CHECK(a.estimate.monthly_before == Money::from_double(70.08));
    CHECK(a.estimate.monthly_delta == Money::from_double(70.08));
    const PricedResource& gone = estimate.resources[1];
    CHECK(gone.resource.address == "aws_instance.gone");
    CHECK(gone.resource.action == Action::remove);
    CHECK(gone.estimate.monthly_delta == Money::from_double(-30));
    CHECK(estimate.resources[2].estimate.monthly_before == Money{});
    const PricedResource& old = estimate.resources[3];
    CHECK(old.resource.address == "team-a/Deployment/old");
    CHECK(old.resource.k8s_namespace == "team-a");
    // 70.08 + 30 + 12 before; 140.16 + 10 after.
    CHECK(estimate.totals.monthly_before == Money::from_double(112.08));
    CHECK(estimate.totals.monthly_after == Money::from_double(150.16));
    CHECK(estimate.totals.monthly_delta == Money::from_double(38.08));
    CHECK(estimate.by_cost_centre.at("cc-2").monthly_delta == Money::from_double(-30));
    CHECK(estimate.by_namespace.at("team-a").monthly_delta == Money::from_double(-12));
}

TEST_CASE("a base report's resources are matched within one project", "[pricing][baseline]") {
    Estimate estimate = estimate_with({{"aws_instance.other", 5}});
    apply_baseline(estimate, "USD", ingest::read_base_report(k_base, "elsewhere"));
    REQUIRE(estimate.resources.size() == 1);
    CHECK(estimate.resources[0].resource.project.empty());
    CHECK(estimate.totals.monthly_delta == Money{});
}

TEST_CASE("a base in another currency is bad input naming the file", "[pricing][baseline]") {
    Estimate estimate = estimate_with({});
    CHECK_THROWS_WITH(
        apply_baseline(
            estimate, "USD",
            ingest::read_base_report(
                {"b.json", R"({"schema_version": 1, "currency": "EUR", "resources": []})"}, "")),
        Catch::Contains("the base report prices in EUR, this run in USD"));
}
