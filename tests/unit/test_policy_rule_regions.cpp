#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_regions = R"(rules:
  - id: eu-only
    kind: regions
    allow: ["eu-*", europe-west1]
    deny: [eu-south-2]
)";

} // namespace

TEST_CASE("regions reports resources outside the allowed regions or in a denied one",
          "[policy][rules][regions]") {
    PolicyRun run;
    run.add("aws_instance.us", "aws_instance", "{}").region = "us-east-1";
    run.add("aws_instance.eu", "aws_instance", "{}").region = "eu-west-1";
    run.add("aws_instance.spain", "aws_instance", "{}").region = "eu-south-2";
    run.add("google_compute_instance.b", "google_compute_instance", "{}").region = "europe-west1";
    const auto findings = run.evaluate(k_regions);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].resource == "aws_instance.spain");
    CHECK(findings[1].resource == "aws_instance.us");
    CHECK(findings[1].message == "aws_instance.us is in region us-east-1, which is not allowed "
                                 "(allowed: eu-*, europe-west1; denied: eu-south-2)");
}

TEST_CASE("regions skips resources without a region and outside the selection",
          "[policy][rules][regions]") {
    PolicyRun run;
    run.add("team/Deployment/api", "Deployment", "{}");
    run.add("aws_iam_role.r", "aws_iam_role", "{}").region = "";
    run.add("aws_instance.us", "aws_instance", "{}").region = "us-east-1";
    CHECK(run.evaluate(k_regions + "    match: {types: [\"google_*\"]}\n").empty());
    CHECK(run.evaluate(k_regions).size() == 1);
}

TEST_CASE("regions findings can be exempted until the exemption expires",
          "[policy][rules][regions]") {
    PolicyRun run;
    run.add("aws_instance.us", "aws_instance", "{}");
    check_exemptions_apply(run, k_regions, "eu-only", "aws_instance.*");
}
