#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

const std::string k_small = R"({"size": 100, "type": "gp2"})";  // $10.00 a month
const std::string k_large = R"({"size": 1000, "type": "gp2"})"; // $100.00 a month

Resource volume(const std::string& address, Action action, const std::string& before,
                const std::string& after) {
    return terraform_resource(address, "aws_ebs_volume", action, before, after);
}

} // namespace

TEST_CASE("each action prices the states it has", "[pricing][estimator]") {
    auto delta = [](const ResourceEstimate& e) {
        return e.monthly_before->to_cents_string() + " " + e.monthly_after->to_cents_string() +
               " " + e.monthly_delta->to_signed_cents_string();
    };
    CHECK(delta(estimate_one(volume("v", Action::create, "", k_small))) == "0.00 10.00 +10.00");
    CHECK(delta(estimate_one(volume("v", Action::remove, k_small, ""))) == "10.00 0.00 -10.00");
    CHECK(delta(estimate_one(volume("v", Action::update, k_small, k_large))) ==
          "10.00 100.00 +90.00");
    CHECK(delta(estimate_one(volume("v", Action::replace, k_large, k_small))) ==
          "100.00 10.00 -90.00");
    CHECK(delta(estimate_one(volume("v", Action::no_op, k_small, k_small))) == "10.00 10.00 0.00");
}

TEST_CASE("a deleted resource shows the components it stops costing", "[pricing][estimator]") {
    const auto estimate = estimate_one(volume("v", Action::remove, k_small, ""));
    REQUIRE(estimate.components.size() == 1);
    CHECK(estimate.components[0].monthly_cost->to_cents_string() == "10.00");
}

TEST_CASE("free and unsupported types are told apart", "[pricing][estimator]") {
    const auto free = estimate_one(
        terraform_resource("aws_security_group.s", "aws_security_group", Action::create, "", "{}"));
    CHECK(free.priced);
    CHECK(free.free);
    CHECK(free.monthly_after->micros() == 0);
    const auto unknown = estimate_one(terraform_resource(
        "aws_quantum_computer.q", "aws_quantum_computer", Action::create, "", "{}"));
    CHECK_FALSE(unknown.priced);
    CHECK_FALSE(unknown.monthly_after.has_value());
    CHECK(has_note(unknown, "not supported yet"));
}

TEST_CASE("totals skip unpriced resources and break down by cost centre", "[pricing][estimator]") {
    auto tagged = volume("a", Action::create, "", k_small);
    tagged.tags["cost-centre"] = "cc-1";
    auto other = volume("b", Action::create, "", k_large);
    other.tags["cost-centre"] = "cc-2";
    const auto untagged = volume("c", Action::create, "", k_small);
    const auto unpriced =
        terraform_resource("d", "aws_ebs_volume", Action::create, "", "{}", R"({"size": true})");
    const Estimate estimate = estimate_costs({tagged, other, untagged, unpriced},
                                             Catalog::embedded(), Usage(), {"cost-centre"});
    CHECK(estimate.totals.monthly_after.to_cents_string() == "120.00");
    CHECK(estimate.totals.resources == 4);
    CHECK(estimate.totals.priced == 3);
    CHECK(estimate.totals.unpriced == 1);
    CHECK(estimate.by_cost_centre.at("cc-1").monthly_after.to_cents_string() == "10.00");
    CHECK(estimate.by_cost_centre.at("cc-2").monthly_after.to_cents_string() == "100.00");
    CHECK(estimate.by_cost_centre.at("(untagged)").resources == 2);
    CHECK(estimate.by_cost_centre.at("(untagged)").unpriced == 1);
}
