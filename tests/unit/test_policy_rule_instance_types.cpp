#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_nonprod = R"(rules:
  - id: nonprod-types
    kind: instance_types
    allow: ["t3.*", "m5.large", "db.t3.*", "e2-*", "custom-*"]
    match: {tags: {env: [dev]}}
)";

const std::map<std::string, std::string> k_dev{{"env", "dev"}};

} // namespace

TEST_CASE("instance_types allows and denies types by glob on every kind of size attribute",
          "[policy][rules][instance_types]") {
    PolicyRun run;
    run.add("aws_instance.ok", "aws_instance", R"({"instance_type": "t3.micro"})", k_dev);
    run.add("aws_instance.big", "aws_instance", R"({"instance_type": "m5.24xlarge"})", k_dev);
    run.add("aws_db_instance.db", "aws_db_instance", R"({"instance_class": "db.r5.large"})", k_dev);
    run.add("aws_eks_node_group.ng", "aws_eks_node_group",
            R"({"instance_types": ["t3.large", "c5.xlarge"]})", k_dev);
    run.add("google_container_node_pool.p", "google_container_node_pool",
            R"({"node_config": [{"machine_type": "n2-standard-8"}]})", k_dev);
    run.add("aws_instance.prod", "aws_instance", R"({"instance_type": "m5.24xlarge"})",
            {{"env", "prod"}});
    const auto findings = run.evaluate(k_nonprod);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].resource == "aws_db_instance.db");
    CHECK(findings[1].message ==
          "aws_eks_node_group.ng uses c5.xlarge: the type is not in the allowed list");
    CHECK(findings[2].resource == "aws_instance.big");
    CHECK(findings[3].resource == "google_container_node_pool.p");
}

TEST_CASE("instance_types reads a Kubernetes workload's instance-type node selector",
          "[policy][rules][instance_types]") {
    PolicyRun run;
    run.add(
        "ml/Deployment/train", "Deployment",
        R"({"spec": {"template": {"spec": {"nodeSelector": {"node.kubernetes.io/instance-type": "p4d.24xlarge"}}}}})");
    const auto findings =
        run.evaluate("rules:\n  - id: no-p4\n    kind: instance_types\n    deny: [\"p4*\"]\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "ml/Deployment/train uses p4d.24xlarge: the type is denied");
}

TEST_CASE("instance_types caps vCPUs and memory of types whose specs are known",
          "[policy][rules][instance_types]") {
    PolicyRun run;
    run.add("google_compute_instance.big", "google_compute_instance",
            R"({"machine_type": "n2-custom-32-131072"})");
    run.add("google_compute_instance.small", "google_compute_instance",
            R"({"machine_type": "custom-2-4096"})");
    run.add("google_compute_instance.mystery", "google_compute_instance",
            R"({"machine_type": "zz-unknown-4"})");
    const auto findings = run.evaluate("rules:\n  - id: size\n    kind: instance_types\n    "
                                       "max_vcpus: 16\n    max_memory_gib: 64\n");
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].message ==
          "google_compute_instance.big uses n2-custom-32-131072: 128 GiB of memory, over the "
          "limit of 64 GiB");
    CHECK(findings[1].message ==
          "google_compute_instance.big uses n2-custom-32-131072: 32 vCPUs, over the limit of 16");
    CHECK(findings[2].resource == "google_compute_instance.mystery");
    CHECK(findings[2].severity == Severity::warn);
    CHECK(run.evaluate("rules:\n  - id: size\n    kind: instance_types\n    max_vcpus: 16\n"
                       "    unknown_specs: ignore\n")
              .size() == 1);
}

TEST_CASE("instance_types findings can be exempted until the exemption expires",
          "[policy][rules][instance_types]") {
    PolicyRun run;
    run.add("aws_instance.big", "aws_instance", R"({"instance_type": "m5.24xlarge"})", k_dev);
    check_exemptions_apply(run, k_nonprod, "nonprod-types", "aws_instance.big");
}
