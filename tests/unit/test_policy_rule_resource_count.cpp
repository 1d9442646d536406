#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_nat_cap = R"(rules:
  - id: nat-cap
    kind: resource_count
    max: 2
    match: {types: [aws_nat_gateway]}
)";

} // namespace

TEST_CASE("resource_count caps how many selected resources exist after the change",
          "[policy][rules][resource_count]") {
    PolicyRun run;
    run.add("aws_nat_gateway.a", "aws_nat_gateway", "{}", {}, Action::no_op);
    run.add("aws_nat_gateway.b", "aws_nat_gateway", "{}", {}, Action::create);
    run.add("aws_nat_gateway.c", "aws_nat_gateway", "{}", {}, Action::create);
    run.add("aws_nat_gateway.gone", "aws_nat_gateway", "{}", {}, Action::remove);
    run.add("aws_eip.x", "aws_eip", "{}");
    const auto findings = run.evaluate(k_nat_cap);
    REQUIRE(findings.size() == 1);
    CHECK_FALSE(findings[0].resource);
    CHECK(findings[0].message == "3 resources selected by rule nat-cap exist after the change (2 "
                                 "before), over the limit of 2; added: aws_nat_gateway.b, "
                                 "aws_nat_gateway.c");
}

TEST_CASE("resource_count leaves a count that was already over the cap to earlier debt",
          "[policy][rules][resource_count]") {
    PolicyRun run;
    for (const char* name : {"a", "b", "c"})
        run.add(std::string("aws_nat_gateway.") + name, "aws_nat_gateway", "{}", {}, Action::no_op);
    CHECK(run.evaluate(k_nat_cap).empty());
    run.add("aws_nat_gateway.d", "aws_nat_gateway", "{}", {}, Action::create);
    CHECK(run.evaluate(k_nat_cap).size() == 1);
}

TEST_CASE("resource_count caps the nodes of each node group at its scaling ceiling",
          "[policy][rules][resource_count]") {
    PolicyRun run;
    run.add("aws_eks_node_group.big", "aws_eks_node_group",
            R"({"scaling_config": [{"desired_size": 3, "max_size": 20, "min_size": 1}]})");
    run.add("google_container_node_pool.small", "google_container_node_pool",
            R"({"node_count": 2, "autoscaling": [{"max_node_count": 8}]})");
    run.add("azurerm_kubernetes_cluster.aks", "azurerm_kubernetes_cluster",
            R"({"default_node_pool": [{"node_count": 12}]})");
    const auto findings =
        run.evaluate("rules:\n  - id: nodes\n    kind: resource_count\n    max_nodes: 10\n");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].resource == "aws_eks_node_group.big");
    CHECK(findings[0].message == "aws_eks_node_group.big may run 20 nodes, over the limit of 10");
    CHECK(findings[1].resource == "azurerm_kubernetes_cluster.aks");
}

TEST_CASE("resource_count does not match resources outside its selection",
          "[policy][rules][resource_count]") {
    PolicyRun run;
    for (const char* name : {"a", "b", "c"})
        run.add(std::string("aws_eip.") + name, "aws_eip", "{}");
    CHECK(run.evaluate(k_nat_cap).empty());
}

TEST_CASE("resource_count findings can be exempted until the exemption expires",
          "[policy][rules][resource_count]") {
    PolicyRun run;
    for (const char* name : {"a", "b", "c"})
        run.add(std::string("aws_nat_gateway.") + name, "aws_nat_gateway", "{}");
    check_exemptions_apply(run, k_nat_cap, "nat-cap", "*");
}
