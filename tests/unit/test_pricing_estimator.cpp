#include "costgate/ingest/k8s_manifests.hpp"
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::ingest;
using namespace costgate::pricing;
using namespace costgate::testing;

namespace {

const std::string k_small = R"({"size": 100, "type": "gp2"})";  // $10.00 a month
const std::string k_large = R"({"size": 1000, "type": "gp2"})"; // $100.00 a month
const std::string k_unpriceable = R"({"size": 100, "type": "gp9"})";

Resource volume(const std::string& address, Action action, const std::string& before,
                const std::string& after) {
    return terraform_resource(address, "aws_ebs_volume", action, before, after);
}

/// "before after delta" of a priced estimate.
std::string costs(const ResourceEstimate& estimate) {
    REQUIRE(estimate.priced);
    return estimate.monthly_before->to_cents_string() + " " +
           estimate.monthly_after->to_cents_string() + " " +
           estimate.monthly_delta->to_signed_cents_string();
}

Estimate estimate_all(const std::vector<Resource>& resources,
                      const std::string& tag = "cost-centre") {
    return pricing::estimate_costs(resources, Catalog::embedded(), pricing::Usage(), {tag});
}

} // namespace

TEST_CASE("each action prices the states it has", "[pricing][estimator]") {
    CHECK(costs(estimate_one(volume("v", Action::create, "", k_small))) == "0.00 10.00 +10.00");
    CHECK(costs(estimate_one(volume("v", Action::remove, k_small, ""))) == "10.00 0.00 -10.00");
    CHECK(costs(estimate_one(volume("v", Action::update, k_small, k_large))) ==
          "10.00 100.00 +90.00");
    CHECK(costs(estimate_one(volume("v", Action::update, k_large, k_small))) ==
          "100.00 10.00 -90.00");
    // An unchanged resource costs what its current state costs, before and after.
    CHECK(costs(estimate_one(volume("v", Action::no_op, k_small, k_small))) == "10.00 10.00 0.00");
    CHECK(costs(estimate_one(volume("v", Action::read, "", k_small))) == "10.00 10.00 0.00");
}

TEST_CASE("a replacement counts the full before and the full after", "[pricing][estimator]") {
    CHECK(costs(estimate_one(volume("v", Action::replace, k_large, k_small))) ==
          "100.00 10.00 -90.00");
    const auto same = estimate_one(volume("v", Action::replace, k_small, k_small));
    CHECK(costs(same) == "10.00 10.00 0.00");
    REQUIRE(same.components.size() == 1);
    CHECK(same.components[0].monthly_cost == Money::from_double(10));
}

TEST_CASE("a deleted resource shows the components it stops costing", "[pricing][estimator]") {
    const auto estimate = estimate_one(volume("v", Action::remove, k_large, ""));
    CHECK(estimate.monthly_after == Money{});
    REQUIRE(estimate.components.size() == 1);
    CHECK(estimate.components[0].monthly_cost->to_cents_string() == "100.00");
}

TEST_CASE("either state being unpriceable leaves the resource unpriced", "[pricing][estimator]") {
    for (const Action action : {Action::update, Action::replace}) {
        INFO(to_string(action));
        const auto before_bad = estimate_one(volume("v", action, k_unpriceable, k_small));
        CHECK_FALSE(before_bad.priced);
        CHECK_FALSE(before_bad.monthly_before.has_value());
        CHECK_FALSE(before_bad.monthly_after.has_value());
        CHECK_FALSE(before_bad.monthly_delta.has_value());
        CHECK(has_note(before_bad, "gp9"));
        CHECK_FALSE(estimate_one(volume("v", action, k_small, k_unpriceable)).priced);
    }
    CHECK_FALSE(estimate_one(volume("v", Action::remove, k_unpriceable, "")).priced);
}

TEST_CASE("ingest notes are kept and pricer notes are not repeated", "[pricing][estimator]") {
    auto resource = volume("v", Action::update, R"({"size": 10})", R"({"size": 20})");
    resource.notes.push_back("moved from aws_ebs_volume.old");
    const auto estimate = estimate_one(resource);
    REQUIRE(estimate.notes.size() == 2);
    CHECK(estimate.notes[0] == "moved from aws_ebs_volume.old");
    CHECK(estimate.notes[1] == "type not set: AWS's default gp2 assumed");
}

TEST_CASE("free and unsupported types are told apart", "[pricing][estimator]") {
    SECTION("a free type costs an explicit zero") {
        const auto free = estimate_one(terraform_resource(
            "aws_security_group.s", "aws_security_group", Action::create, "", "{}"));
        CHECK(free.priced);
        CHECK(free.free);
        CHECK(free.monthly_before == Money{});
        CHECK(free.monthly_after == Money{});
        CHECK(free.monthly_delta == Money{});
        CHECK(free.components.empty());
        CHECK(has_note(free, "free resource type"));
    }
    SECTION("an unsupported type is unpriced, never zero") {
        const auto unknown = estimate_one(terraform_resource(
            "aws_quantum_computer.q", "aws_quantum_computer", Action::create, "", "{}"));
        CHECK_FALSE(unknown.priced);
        CHECK_FALSE(unknown.free);
        CHECK_FALSE(unknown.monthly_after.has_value());
        CHECK(has_note(unknown, "aws_quantum_computer is not supported yet"));
    }
}

TEST_CASE("totals skip unpriced resources and break down by cost centre", "[pricing][estimator]") {
    auto tagged = volume("a", Action::create, "", k_small);
    tagged.tags["cost-centre"] = "cc-1";
    auto other = volume("b", Action::update, k_small, k_large);
    other.tags["cost-centre"] = "cc-2";
    auto removed = volume("c", Action::remove, k_small, "");
    removed.tags["team"] = "x";
    const auto unpriced = volume("d", Action::create, "", k_unpriceable);
    const auto free = terraform_resource("s", "aws_security_group", Action::create, "", "{}");
    const Estimate estimate = estimate_all({tagged, other, removed, unpriced, free});

    REQUIRE(estimate.resources.size() == 5);
    CHECK(estimate.resources[3].estimate.priced == false);
    CHECK(estimate.resources[4].estimate.free);
    CHECK(estimate.cost_centre_tag == "cost-centre");
    CHECK(estimate.totals.monthly_before.to_cents_string() == "20.00");
    CHECK(estimate.totals.monthly_after.to_cents_string() == "110.00");
    CHECK(estimate.totals.monthly_delta.to_signed_cents_string() == "+90.00");
    CHECK(estimate.totals.resources == 5);
    CHECK(estimate.totals.priced == 4);
    CHECK(estimate.totals.unpriced == 1);

    REQUIRE(estimate.by_cost_centre.size() == 3);
    CHECK(estimate.by_cost_centre.at("cc-1").monthly_after.to_cents_string() == "10.00");
    CHECK(estimate.by_cost_centre.at("cc-2").monthly_delta.to_signed_cents_string() == "+90.00");
    const CostTotals& untagged = estimate.by_cost_centre.at("(untagged)");
    CHECK(untagged.resources == 3);
    CHECK(untagged.priced == 2);
    CHECK(untagged.unpriced == 1);
    CHECK(untagged.monthly_delta.to_signed_cents_string() == "-10.00");
    CHECK(estimate.by_namespace.empty());
}

TEST_CASE("the cost-centre tag key is configurable", "[pricing][estimator]") {
    auto tagged = volume("a", Action::create, "", k_small);
    tagged.tags["team"] = "data";
    tagged.tags["cost-centre"] = "cc-1";
    const Estimate estimate =
        estimate_all({tagged, volume("b", Action::create, "", k_large)}, "team");
    CHECK(estimate.cost_centre_tag == "team");
    CHECK(estimate.by_cost_centre.at("data").monthly_after.to_cents_string() == "10.00");
    CHECK(estimate.by_cost_centre.at("(untagged)").monthly_after.to_cents_string() == "100.00");
    CHECK(estimate.by_cost_centre.count("cc-1") == 0);
}

TEST_CASE("an empty run has zero totals and no breakdown", "[pricing][estimator]") {
    const Estimate estimate = estimate_all({});
    CHECK(estimate.resources.empty());
    CHECK(estimate.totals.resources == 0);
    CHECK(estimate.totals.monthly_after == Money{});
    CHECK(estimate.by_cost_centre.empty());
}

TEST_CASE("absurd numbers are bad input naming the resource, never a negative or clipped cost",
          "[pricing][estimator]") {
    CHECK_THROWS_WITH(
        estimate_all(
            {volume("aws_ebs_volume.v", Action::create, "", R"({"size": -100, "type": "gp3"})")}),
        "plan.json: aws_ebs_volume.v: \"size\" must be a number from 0 to 1e9, found -100");
    CHECK_THROWS_WITH(estimate_all({volume("aws_ebs_volume.v", Action::create, "",
                                           R"({"size": 1e308, "type": "gp3"})")}),
                      Catch::Contains("aws_ebs_volume.v: \"size\" must be a number from 0 to 1e9"));
    CHECK_THROWS_WITH(estimate_all({volume("aws_ebs_volume.v", Action::create, "",
                                           R"({"size": "-5", "type": "gp3"})")}),
                      Catch::Contains("\"size\" must be a number from 0 to 1e9, found \"-5\""));
}

TEST_CASE("Kubernetes counts out of range are bad input at the object's line",
          "[pricing][estimator]") {
    for (const char* replicas : {"1e308", "-3", "1.5", "4294967296"}) {
        const std::string manifest =
            std::string("---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n"
                        "spec:\n  replicas: ") +
            replicas +
            "\n  template:\n    spec:\n      containers:\n      - name: a\n"
            "        resources: {requests: {cpu: '1', memory: 1Gi}}\n";
        CHECK_THROWS_WITH(
            estimate_all(read_k8s_manifest_text({"app.yaml", manifest})),
            Catch::StartsWith("app.yaml:2: default/Deployment/web: spec.replicas must be a whole "
                              "number from 0 to 2147483647"));
    }
}

TEST_CASE("totals beyond Money's range are bad input naming the resource", "[pricing][estimator]") {
    // Each gateway's $4.5 trillion fits in Money; four of them do not.
    const Usage usage =
        Usage::parse("usage.yaml", "version: 1\nresource_type_default_usage:\n  aws_nat_gateway:\n"
                                   "    monthly_data_processed_gb: 1e14\n");
    std::vector<Resource> buckets;
    for (int i = 1; i <= 4; ++i)
        buckets.push_back(terraform_resource("aws_nat_gateway.b" + std::to_string(i),
                                             "aws_nat_gateway", Action::create, "", "{}"));
    CHECK(pricing::estimate_costs({buckets[0]}, Catalog::embedded(), usage, {})
              .totals.monthly_after.micros() > 0);
    CHECK_THROWS_WITH(estimate_costs(buckets, Catalog::embedded(), usage, {}),
                      Catch::StartsWith("plan.json: aws_nat_gateway.b") &&
                          Catch::Contains("more than"));
    const Usage absurd =
        Usage::parse("usage.yaml", "version: 1\nresource_type_default_usage:\n  aws_nat_gateway:\n"
                                   "    monthly_data_processed_gb: 1e300\n");
    CHECK_THROWS_WITH(estimate_costs({buckets[0]}, Catalog::embedded(), absurd, {}),
                      Catch::StartsWith("plan.json: aws_nat_gateway.b1: ") &&
                          Catch::Contains("makes a monthly cost beyond 9 trillion"));
}

TEST_CASE("manifest fields of the wrong type are bad input or ignored, never an internal error",
          "[pricing][estimator]") {
    // Found by fuzz_k8s: json::value() threw type_error for a container that is a string.
    const std::string head =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
        "    spec:\n      containers:\n";
    CHECK_THROWS_WITH(
        estimate_all(read_k8s_manifest_text({"app.yaml", head + "      - just a string\n"})),
        "app.yaml:1: default/Deployment/web: a container must be a mapping, found string");
    // A name or restartPolicy of another type, a LimitRange entry that is not a mapping and a
    // claim template whose name is a number are read as absent.
    const std::string odd =
        head + "      - {name: 7, resources: {requests: {cpu: '1', memory: 1Gi}}}\n"
               "      initContainers:\n      - {name: i, restartPolicy: [x]}\n"
               "  volumeClaimTemplates:\n  - {metadata: {name: 5}, spec: {resources: {requests: "
               "{storage: 1Gi}}}}\n---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\n"
               "spec: {limits: [Container, {type: 3}]}\n";
    const Estimate estimate = estimate_all(read_k8s_manifest_text({"app.yaml", odd}));
    REQUIRE(estimate.resources.size() == 2);
}

TEST_CASE("an autoscaling group whose launch template has no string instance_type is unpriced",
          "[pricing][estimator]") {
    // nlohmann's value("instance_type", std::string()) threw type_error on a number: "internal
    // error".
    const Resource group =
        terraform_resource("aws_autoscaling_group.a", "aws_autoscaling_group", Action::create, "",
                           R"({"desired_capacity": 2, "launch_template": [{"name": "lt"}]})");
    const Resource launch =
        terraform_resource("aws_launch_template.lt", "aws_launch_template", Action::create, "",
                           R"({"name": "lt", "instance_type": 5})");
    const Estimate estimate = estimate_all({group, launch});
    const ResourceEstimate& priced = estimate.resources.at(0).estimate;
    CHECK_FALSE(priced.priced);
    CHECK(has_note(priced, "with its instance_type) is not in the plan"));
}

TEST_CASE("plan attributes of the wrong type are bad input naming the resource, never defaults",
          "[pricing][estimator]") {
    // {type, attributes, message}: each was priced with a default before (gp2, one node).
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"aws_ebs_volume", R"({"size": "abc", "type": "gp3"})", "\"size\" must be a number"},
        {"aws_ebs_volume", R"({"size": [100], "type": "gp3"})", "found [100]"},
        {"aws_ebs_volume", R"({"size": 100, "type": 3})", "\"type\" must be a string, found 3"},
        {"aws_eks_node_group",
         R"({"instance_types": ["m5.large"], "scaling_config": [{"desired_size": "three"}]})",
         "\"desired_size\" must be a number from 0 to 1e9, found \"three\""},
    };
    for (const auto& [type, after, message] : cases) {
        CAPTURE(after);
        CHECK_THROWS_WITH(
            estimate_all({terraform_resource(type + ".x", type, Action::create, "", after)}),
            Catch::StartsWith("plan.json: " + type + ".x: ") && Catch::Contains(message));
    }
    // -0.0 GB is 0 GB, not "-0 GB-months".
    const Estimate zero =
        estimate_all({terraform_resource("aws_ebs_volume.z", "aws_ebs_volume", Action::create, "",
                                         R"({"size": -0.0, "type": "gp3"})")});
    const auto quantity = zero.resources.at(0).estimate.components.at(0).monthly_quantity;
    REQUIRE(quantity);
    CHECK(*quantity == 0);
    CHECK_FALSE(std::signbit(*quantity));
}
