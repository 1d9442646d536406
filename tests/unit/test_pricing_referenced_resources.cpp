// Resources priced through what another resource of the same plan holds, found by the
// references of the plan's configuration (Resource::references): the ids and names that
// would link them are known only after apply.
#include "pricing_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::testing;

namespace {

/// The estimate of `resources.front()`, estimated with the rest of `resources` in the run.
ResourceEstimate estimate_first(const std::vector<Resource>& resources) {
    static const pricing::Catalog catalog = pricing::Catalog::embedded();
    return pricing::estimate_costs(resources, catalog, pricing::Usage(), {})
        .resources.at(0)
        .estimate;
}

Resource created(const std::string& address, const std::string& type, const std::string& after,
                 const std::string& after_unknown = "{}") {
    return terraform_resource(address, type, Action::create, "", after, after_unknown);
}

Resource referring(Resource resource, const std::string& attribute,
                   std::vector<std::string> addresses) {
    resource.references[attribute] = std::move(addresses);
    return resource;
}

const std::string k_unknown_template = R"({"launch_template": [{"id": true, "name": true}]})";

} // namespace

TEST_CASE("an autoscaling group takes its instance type from the launch template it refers to",
          "[pricing][aws]") {
    const Resource group =
        created("aws_autoscaling_group.g", "aws_autoscaling_group",
                R"({"desired_capacity": 2, "launch_template": [{"version": "$Latest"}]})",
                k_unknown_template);
    const Resource launch_template =
        created("aws_launch_template.t", "aws_launch_template", R"({"instance_type": "t3.micro"})");

    // Before, a template created with its group left the group unpriced.
    const ResourceEstimate linked = estimate_first(
        {referring(group, "launch_template", {"aws_launch_template.t"}), launch_template});
    REQUIRE(linked.priced);
    // 2 instances x 730 hours x $0.0104 (t3.micro, us-east-1) = $15.184.
    CHECK(linked.monthly_after->to_cents_string() == "15.18");
    CHECK(linked.components.at(0).name == "Instances (Linux/UNIX, on-demand, t3.micro)");

    SECTION("without the reference it stays unpriced, naming what is missing") {
        const ResourceEstimate alone = estimate_first({group, launch_template});
        CHECK_FALSE(alone.priced);
        CHECK(alone.unpriced.at(0).reason.find("not in the plan") != std::string::npos);
    }
    SECTION("a reference to a resource of another type is no launch template") {
        const ResourceEstimate other = estimate_first(
            {referring(group, "launch_template", {"aws_instance.t"}),
             created("aws_instance.t", "aws_instance", R"({"instance_type": "m5.large"})")});
        CHECK_FALSE(other.priced);
    }
}

TEST_CASE("an autoscaling group takes its instance type from the launch configuration it refers "
          "to",
          "[pricing][aws]") {
    const ResourceEstimate estimate =
        estimate_first({referring(created("aws_autoscaling_group.g", "aws_autoscaling_group",
                                          R"({"min_size": 2, "launch_template": []})",
                                          R"({"launch_configuration": true})"),
                                  "launch_configuration", {"aws_launch_configuration.c"}),
                        created("aws_launch_configuration.c", "aws_launch_configuration",
                                R"({"instance_type": "t2.micro"})")});
    REQUIRE(estimate.priced);
    // No desired_capacity: min_size 2 x 730 hours x $0.0116 (t2.micro, us-east-1) = $16.936.
    CHECK(estimate.monthly_after->to_cents_string() == "16.94");
}

TEST_CASE("an EKS node group without instance_types takes its launch template's",
          "[pricing][aws]") {
    const Resource node_group = created(
        "aws_eks_node_group.n", "aws_eks_node_group",
        R"({"scaling_config": [{"desired_size": 3}], "launch_template": [{"version": "1"}]})",
        k_unknown_template);
    const Resource launch_template =
        created("aws_launch_template.t", "aws_launch_template", R"({"instance_type": "t3.large"})");
    // Before, such node groups were unpriced ("not priced yet").
    const ResourceEstimate estimate = estimate_first(
        {referring(node_group, "launch_template", {"aws_launch_template.t"}), launch_template});
    REQUIRE(estimate.priced);
    // 3 nodes x 730 hours x $0.0832 (t3.large) = $182.208; 3 x 20 GB gp2 x $0.10 = $6.00.
    CHECK(estimate.monthly_after->to_cents_string() == "188.21");
    CHECK(estimate.components.at(0).name == "Nodes (Linux/UNIX, on-demand, t3.large)");

    const ResourceEstimate unlinked = estimate_first({node_group, launch_template});
    CHECK_FALSE(unlinked.priced);
    CHECK(unlinked.unpriced.at(0).reason ==
          "the launch template (with its instance_type) is not in the plan");
}

TEST_CASE("a Fargate service takes its tasks' size from the task definition it refers to",
          "[pricing][aws]") {
    const ResourceEstimate estimate =
        estimate_first({referring(created("aws_ecs_service.s", "aws_ecs_service",
                                          R"({"launch_type": "FARGATE", "desired_count": 2})",
                                          R"({"task_definition": true})"),
                                  "task_definition", {"aws_ecs_task_definition.t"}),
                        created("aws_ecs_task_definition.t", "aws_ecs_task_definition",
                                R"({"family": "web", "cpu": "512", "memory": "1024"})")});
    REQUIRE(estimate.priced);
    // 2 tasks x 0.5 vCPU x $29.55 a vCPU-month = $29.55; 2 x 1 GB x $3.245 = $6.49.
    CHECK(estimate.monthly_after->to_cents_string() == "36.04");
}

TEST_CASE("a task definition's size may be written in vCPUs and GB, as ECS takes it",
          "[pricing][aws]") {
    const auto service_with = [](const std::string& cpu, const std::string& memory) {
        return estimate_first(
            {referring(created("aws_ecs_service.s", "aws_ecs_service",
                               R"({"launch_type": "FARGATE", "desired_count": 1})",
                               R"({"task_definition": true})"),
                       "task_definition", {"aws_ecs_task_definition.t"}),
             created("aws_ecs_task_definition.t", "aws_ecs_task_definition",
                     R"({"family": "web", "cpu": ")" + cpu + R"(", "memory": ")" + memory +
                         R"("})")});
    };
    // Before, "1 vCPU" was refused as bad input (exit 2). 1 task x 1 vCPU x
    // aws/ecs_fargate/fargate_vcpu 29.55 = 29.55; 2 GB x fargate_memory 3.245 = 6.49.
    const ResourceEstimate words = service_with("1 vCPU", "2 GB");
    REQUIRE(words.priced);
    CHECK(words.monthly_after->to_cents_string() == "36.04");
    CHECK(service_with("1024", "2048").monthly_after == words.monthly_after);
    CHECK_THROWS_WITH(service_with("1 core", "2 GB"),
                      Catch::Contains("\"cpu\" must be a number from 0 to 1e9, found \"1 core\""));
}

TEST_CASE("a snapshot of a volume created with it is priced at the volume's size",
          "[pricing][aws]") {
    const Resource snapshot = created("aws_ebs_snapshot.s", "aws_ebs_snapshot", R"({})",
                                      R"({"volume_size": true, "volume_id": true})");
    const Resource volume =
        created("aws_ebs_volume.v", "aws_ebs_volume", R"({"size": 100, "type": "gp3"})");
    const ResourceEstimate estimate =
        estimate_first({referring(snapshot, "volume_id", {"aws_ebs_volume.v"}), volume});
    REQUIRE(estimate.priced);
    // 100 GB x $0.05 a GB-month (snapshot_standard, us-east-1) = $5.00.
    CHECK(estimate.monthly_after->to_cents_string() == "5.00");
    CHECK(has_note(estimate, "volume_size taken from the size of the aws_ebs_volume that "
                             "volume_id refers to"));
    // Before, its size was only "known after apply".
    CHECK_FALSE(estimate_first({snapshot, volume}).priced);
}

TEST_CASE("an Elasticsearch domain's instances are priced at the OpenSearch names' rates",
          "[pricing][aws]") {
    const ResourceEstimate estimate = estimate_one(created(
        "aws_elasticsearch_domain.d", "aws_elasticsearch_domain",
        R"({"cluster_config": [{"instance_type": "c4.2xlarge.elasticsearch", "instance_count": 2,
            "dedicated_master_enabled": false}], "ebs_options": [{"ebs_enabled": false}]})"));
    REQUIRE(estimate.priced);
    // 2 x 730 hours x $0.587 (c4.2xlarge.search, us-east-1) = $857.02.
    CHECK(estimate.monthly_after->to_cents_string() == "857.02");
    CHECK(estimate.components.at(0).price_key == "aws/opensearch/c4.2xlarge.search/us-east-1");
}

TEST_CASE("a volume attached with aws_volume_attachment is priced once, on the volume",
          "[pricing][aws]") {
    // After apply the instance lists the attached volume in ebs_block_device too.
    const Resource instance = created("aws_instance.web", "aws_instance",
                                      R"({"instance_type": "m5.large",
                    "root_block_device": [{"volume_size": 8, "volume_type": "gp2"}],
                    "ebs_block_device": [{"device_name": "/dev/sdh", "volume_id": "vol-1",
                                          "volume_size": 100, "volume_type": "gp3"}]})");
    const Resource volume = created("aws_ebs_volume.data", "aws_ebs_volume",
                                    R"({"id": "vol-1", "size": 100, "type": "gp3"})");
    const ResourceEstimate estimate = estimate_first({instance, volume});
    REQUIRE(estimate.priced);
    // 730 hours x $0.096 (m5.large) = $70.08; 8 GB gp2 x $0.10 = $0.80. The 100 GB gp3
    // ($8.00) is the volume's, not the instance's; before, it was counted on both.
    CHECK(estimate.monthly_after->to_cents_string() == "70.88");
    CHECK(has_note(estimate, "ebs_block_device[0] (vol-1) is priced on its aws_ebs_volume"));
    // Without the volume resource in the run, the device is the instance's to price.
    CHECK(estimate_first({instance}).monthly_after->to_cents_string() == "78.88");
}

TEST_CASE("an autoscaling group whose launch template asks for spot says it is priced at its "
          "ceiling",
          "[pricing][aws]") {
    // Before, such a group was priced on demand with no word of spot.
    const ResourceEstimate estimate = estimate_first(
        {referring(created("aws_autoscaling_group.g", "aws_autoscaling_group",
                           R"({"desired_capacity": 2, "launch_template": [{"version": "1"}]})",
                           k_unknown_template),
                   "launch_template", {"aws_launch_template.t"}),
         created("aws_launch_template.t", "aws_launch_template",
                 R"({"instance_type": "t3.micro",
                     "instance_market_options": [{"market_type": "spot"}]})")});
    REQUIRE(estimate.priced);
    // 2 x 730 hours x $0.0104 (t3.micro on demand) = $15.184, the spot price's ceiling.
    CHECK(estimate.monthly_after->to_cents_string() == "15.18");
    CHECK(estimate.components.at(0).name == "Instances (Linux/UNIX, spot, t3.micro)");
    CHECK(has_note(estimate, "spot capacity priced at the on-demand rate, an upper bound"));
}

TEST_CASE("a type without a location of its own is in the region of the resource it belongs to",
          "[pricing][azure]") {
    Resource server = created("azurerm_mssql_server.main", "azurerm_mssql_server", "{}");
    server.region = "eastus";
    Resource database = referring(created("azurerm_mssql_database.orders", "azurerm_mssql_database",
                                          R"({"sku_name": "S1"})", R"({"server_id": true})"),
                                  "server_id", {"azurerm_mssql_server.main"});
    database.region.clear();

    SECTION("the server's region prices the database, with a note naming where it came from") {
        const ResourceEstimate estimate = estimate_first({database, server});
        // 730 hours x $0.04031506849 (azure/sql_database/S1/eastus) = $29.43.
        CHECK(estimate.monthly_after->to_cents_string() == "29.43");
        CHECK(std::ranges::count(estimate.notes,
                                 "region eastus from azurerm_mssql_server.main (server_id)") == 1);
    }
    SECTION("a load balancer rule, whichever comes first in the plan") {
        Resource balancer = created("azurerm_lb.main", "azurerm_lb", R"({"sku": "Standard"})");
        balancer.region = "westeurope";
        Resource rule = referring(created("azurerm_lb_rule.https", "azurerm_lb_rule", "{}"),
                                  "loadbalancer_id", {"azurerm_lb.main"});
        rule.region.clear();
        // 730 hours x $0.01 (azure/load_balancer/rule/westeurope) = $7.30.
        CHECK(estimate_first({rule, balancer}).monthly_after->to_cents_string() == "7.30");
        const auto both = pricing::estimate_costs({balancer, rule}, pricing::Catalog::embedded(),
                                                  pricing::Usage(), {});
        CHECK(both.resources.at(1).estimate.monthly_after->to_cents_string() == "7.30");
    }
    SECTION("no region is taken from a resource not in the plan, or from two at once") {
        const Resource orphan = referring(database, "server_id", {"azurerm_mssql_server.gone"});
        CHECK_FALSE(estimate_first({orphan, server}).priced);
        Resource other = server;
        other.address = "azurerm_mssql_server.other";
        const Resource ambiguous = referring(
            database, "server_id", {"azurerm_mssql_server.main", "azurerm_mssql_server.other"});
        CHECK_FALSE(estimate_first({ambiguous, server, other}).priced);
    }
    SECTION("a region of its own is kept") {
        Resource placed = database;
        placed.region = "westus";
        // No S1 price in westus: the database stays where the plan put it, unpriced.
        CHECK_FALSE(estimate_first({placed, server}).priced);
    }
}
