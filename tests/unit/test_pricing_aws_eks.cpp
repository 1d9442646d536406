#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

ResourceEstimate node_group(const std::string& capacity_type) {
    return estimate_one(terraform_resource(
        "aws_eks_node_group.ng", "aws_eks_node_group", Action::create, "",
        R"({"instance_types": ["t3.medium"], "disk_size": 20, "capacity_type": ")" + capacity_type +
            R"(", "scaling_config": [{"desired_size": 2}]})"));
}

} // namespace

TEST_CASE("an EKS spot node group is priced at the on-demand rate as its ceiling",
          "[pricing][aws]") {
    // Before, spot node groups were unpriced. 2 nodes x 730 hours x $0.0416 = $60.736;
    // 2 x 20 GB gp2 x $0.10 = $4.00; $64.736 in all.
    const ResourceEstimate spot = node_group("SPOT");
    REQUIRE(spot.priced);
    CHECK(spot.monthly_after->to_cents_string() == "64.74");
    CHECK(spot.components.at(0).name == "Nodes (Linux/UNIX, spot, t3.medium)");
    CHECK(has_note(spot, "spot capacity priced at the on-demand rate, an upper bound"));

    const ResourceEstimate on_demand = node_group("ON_DEMAND");
    CHECK(on_demand.monthly_after == spot.monthly_after);
    CHECK(on_demand.components.at(0).name == "Nodes (Linux/UNIX, on-demand, t3.medium)");
    CHECK_FALSE(has_note(on_demand, "spot"));
}

TEST_CASE("an EKS cluster pays its control plane at the standard-support rate", "[pricing][aws]") {
    // 1 cluster-month x aws/eks/eks_cluster_standard_support/eu-west-1 73 = 73.00.
    Resource cluster =
        terraform_resource("aws_eks_cluster.c", "aws_eks_cluster", Action::create, "", "{}");
    cluster.region = "eu-west-1";
    const ResourceEstimate standard = estimate_one(cluster);
    REQUIRE(standard.priced);
    REQUIRE(standard.components.size() == 1);
    CHECK(standard.components[0].price_key == "aws/eks/eks_cluster_standard_support/eu-west-1");
    CHECK(standard.monthly_after->to_cents_string() == "73.00");
    CHECK_FALSE(has_note(standard, "extended-support"));

    // An upgrade policy that allows extended support says what a version past standard
    // support would cost instead; the version's support window is not known here.
    const ResourceEstimate extended =
        estimate_one(terraform_resource("aws_eks_cluster.c", "aws_eks_cluster", Action::create, "",
                                        R"({"upgrade_policy": [{"support_type": "EXTENDED"}]})"));
    CHECK(extended.monthly_after->to_cents_string() == "73.00");
    CHECK(has_note(extended, "extended-support rate"));
}
