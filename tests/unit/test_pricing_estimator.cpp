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

TEST_CASE("either state being unpriceable leaves the resource partly priced",
          "[pricing][estimator]") {
    for (const Action action : {Action::update, Action::replace}) {
        INFO(to_string(action));
        // Before: the $10.00 after the change was dropped from every total.
        const auto before_bad = estimate_one(volume("v", action, k_unpriceable, k_small));
        CHECK_FALSE(before_bad.priced);
        CHECK(before_bad.partial);
        CHECK(before_bad.monthly_before->to_cents_string() == "0.00");
        CHECK(before_bad.monthly_after->to_cents_string() == "10.00");
        CHECK(before_bad.monthly_delta->to_signed_cents_string() == "+10.00");
        CHECK(before_bad.unknowns.delta_down);
        CHECK(has_note(before_bad, "gp9"));
        CHECK_FALSE(estimate_one(volume("v", action, k_small, k_unpriceable)).priced);
    }
    const auto removed = estimate_one(volume("v", Action::remove, k_unpriceable, ""));
    CHECK_FALSE(removed.priced);
    CHECK_FALSE(removed.partial);
    CHECK_FALSE(removed.monthly_before.has_value());
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
    SECTION("a resource of a provider outside the cloud bill adds nothing and is not unpriced") {
        auto resource =
            terraform_resource("datadog_monitor.m", "datadog_monitor", Action::create, "", "{}");
        CHECK(resource.provider == "datadog");
        const auto outside = estimate_one(resource);
        CHECK(outside.priced);
        CHECK_FALSE(outside.free);
        CHECK(outside.outside_cloud_bill);
        CHECK(outside.monthly_after == Money{});
        CHECK(has_note(
            outside,
            "outside the cloud bill: provider datadog (never on an AWS, GCP or Azure bill)"));
        // The provider decides, not the type's prefix: hashicorp/test's test_instance.
        resource = terraform_resource("test_instance.t", "test_instance", Action::create, "", "{}");
        CHECK(estimate_one(resource).outside_cloud_bill);
        resource.provider = "mycloud";
        CHECK_FALSE(estimate_one(resource).priced);
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

namespace {

// Rows of the embedded catalog, repeated here so that these cases keep their figures when
// the catalog grows (a test catalog with only the rows each case needs).
const std::string k_partial_catalog =
    "provider,service,product,region,unit,price,terms,source,source_detail,as_of\n"
    "aws,rds,db.m5.large|PostgreSQL|multi-az,us-east-1,hour,0.356,on-demand,"
    "github.com/QuinnyPig/aws-price-watcher,processed/rds-postgresql-ondemand.json @9ce8f7f,"
    "2025-06-17\n"
    "aws,rds,backup_storage,us-east-1,GB-month,0.095,,github.com/QuinnyPig/aws-price-watcher,"
    "raw/rds-storage.json @a6645eb2,2025-06-17\n"
    "gcp,compute_engine,n1-standard-8,us-central1,hour,0.379998,on-demand,"
    "github.com/Cyclenerd/google-cloud-pricing-cost-calculator,pricing.yml @fd66b26f,2026-07-30\n"
    "gcp,persistent_disk,pd-standard,us-central1,GB-month,0.04,,"
    "github.com/Cyclenerd/google-cloud-pricing-cost-calculator,pricing.yml @fd66b26f,2026-07-30\n"
    "aws,ec2,m5.large,mx-central-1,hour,0.096,on-demand,overlay,a team's own price,2026-01-01\n";

Estimate estimate_partial(std::vector<Resource> resources) {
    Catalog catalog;
    catalog.add_csv("partial.csv", k_partial_catalog);
    return pricing::estimate_costs(std::move(resources), catalog, pricing::Usage(), {});
}

std::vector<std::string> unpriced_names(const ResourceEstimate& estimate) {
    std::vector<std::string> names;
    for (const UnpricedComponent& part : estimate.unpriced)
        names.push_back(part.name);
    return names;
}

} // namespace

TEST_CASE("a Multi-AZ database keeps its instance hours when its storage has no price",
          "[pricing][estimator][partial]") {
    // Before: the whole instance was dropped from the totals because gp3 storage is unpriced.
    const Estimate estimate = estimate_partial({terraform_resource(
        "aws_db_instance.db", "aws_db_instance", Action::create, "",
        R"({"instance_class": "db.m5.large", "engine": "postgres", "multi_az": true,
            "allocated_storage": 100, "storage_type": "gp3"})")});
    const ResourceEstimate& db = estimate.resources.at(0).estimate;
    CHECK_FALSE(db.priced);
    CHECK(db.partial);
    // 730 hours x $0.356 (the Multi-AZ price: primary and standby) = $259.88
    CHECK(db.monthly_after->to_cents_string() == "259.88");
    CHECK(db.monthly_delta->to_signed_cents_string() == "+259.88");
    CHECK(unpriced_names(db) == std::vector<std::string>{"Storage (gp3)"});
    CHECK(db.unknowns.after);
    CHECK(db.unknowns.delta_up);
    CHECK_FALSE(db.unknowns.before);
    CHECK_FALSE(db.unknowns.delta_down);
    CHECK(estimate.totals.monthly_after.to_cents_string() == "259.88");
    CHECK(estimate.totals.unpriced == 1);
    CHECK(estimate.totals.partial == 1);
    CHECK_FALSE(estimate.totals.complete());
}

TEST_CASE("a VM keeps its machine and disk when its GPU has no price",
          "[pricing][estimator][partial]") {
    auto vm = terraform_resource("google_compute_instance.gpu", "google_compute_instance",
                                 Action::create, "",
                                 R"({"machine_type": "n1-standard-8",
            "boot_disk": [{"initialize_params": [{"size": 50, "type": "pd-standard"}]}],
            "guest_accelerator": [{"type": "nvidia-tesla-t4", "count": 1}]})");
    vm.region = "us-central1";
    const Estimate estimate = estimate_partial({vm});
    const ResourceEstimate& gpu = estimate.resources.at(0).estimate;
    CHECK(gpu.partial);
    // 730 hours x $0.379998 = $277.40; 50 GB x $0.04 = $2.00
    CHECK(gpu.monthly_after->to_cents_string() == "279.40");
    CHECK(unpriced_names(gpu) == std::vector<std::string>{"GPUs (1 x nvidia-tesla-t4)"});
    CHECK(estimate.totals.monthly_after.to_cents_string() == "279.40");
}

TEST_CASE("an instance priced by an overlay keeps its price when its root volume has none",
          "[pricing][estimator][partial]") {
    auto instance = terraform_resource("aws_instance.app", "aws_instance", Action::create, "",
                                       R"({"instance_type": "m5.large"})");
    instance.region = "mx-central-1";
    const ResourceEstimate estimate = estimate_partial({instance}).resources.at(0).estimate;
    CHECK(estimate.partial);
    // 730 hours x $0.096 (the overlay's price) = $70.08; the assumed 8 GB gp2 root volume
    // has no price in mx-central-1.
    CHECK(estimate.monthly_after->to_cents_string() == "70.08");
    REQUIRE(estimate.unpriced.size() == 1);
    CHECK(estimate.unpriced[0].name == "root_block_device: Storage (general purpose SSD, gp2)");
    CHECK(estimate.unpriced[0].price_key == "aws/ebs/gp2/mx-central-1");
    CHECK(estimate.unpriced[0].reason == "no price in the catalog for aws/ebs/gp2/mx-central-1");
}

TEST_CASE("what an incomplete figure leaves out depends on the action",
          "[pricing][estimator][partial]") {
    // The unpriceable gp9 volume has no priced component: its amounts stay absent.
    const auto created = estimate_one(volume("v", Action::create, "", k_unpriceable));
    CHECK_FALSE(created.partial);
    CHECK_FALSE(created.monthly_after.has_value());
    CHECK(created.unknowns.after);
    CHECK(created.unknowns.delta_up);
    CHECK_FALSE(created.unknowns.delta_down);

    const auto removed = estimate_one(volume("v", Action::remove, k_unpriceable, ""));
    CHECK(removed.unknowns.before);
    CHECK(removed.unknowns.delta_down);
    CHECK_FALSE(removed.unknowns.after);
    CHECK_FALSE(removed.unknowns.delta_up);

    // An unchanged resource's unpriced parts are the same before and after.
    const auto unchanged = estimate_one(volume("v", Action::no_op, k_unpriceable, k_unpriceable));
    CHECK(unchanged.unknowns.before);
    CHECK(unchanged.unknowns.after);
    CHECK_FALSE(unchanged.unknowns.delta_up);
    CHECK_FALSE(unchanged.unknowns.delta_down);

    // An update from a priced size to an unpriceable type: the $10.00 before is known and
    // counted, the after is not (so the delta of -$10.00 may be higher).
    const auto changed = estimate_one(volume("v", Action::update, k_small, k_unpriceable));
    CHECK(changed.partial);
    CHECK(changed.monthly_before->to_cents_string() == "10.00");
    CHECK(changed.monthly_after->to_cents_string() == "0.00");
    CHECK(changed.unknowns.delta_up);
    CHECK_FALSE(changed.unknowns.delta_down);
}

TEST_CASE("plan attributes of the wrong type are bad input naming the resource, never defaults",
          "[pricing][estimator]") {
    // {type, attributes, message}: each was priced with a default before (gp2, one node).
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"aws_ebs_volume", R"({"size": "abc", "type": "gp3"})", "\"size\" must be a number"},
        {"aws_ebs_volume", R"({"size": [100], "type": "gp3"})", "found [100]"},
        {"aws_ebs_volume", R"({"size": 100, "type": ["gp3"]})",
         "\"type\" must be a string, found [\"gp3\"]"},
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
