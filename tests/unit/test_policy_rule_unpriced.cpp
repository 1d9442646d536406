#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_unpriced =
    "rules:\n  - id: unknown-cost\n    kind: unpriced\n    severity: warn\n";

} // namespace

TEST_CASE("unpriced reports resources without a price, with the pricer's notes",
          "[policy][rules][unpriced]") {
    PolicyRun run;
    run.add("aws_instance.priced", "aws_instance", "{}", {}, Action::create, 70.08);
    run.add("aws_mq_broker.b", "aws_mq_broker", "{}");
    const auto findings = run.evaluate(k_unpriced);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].resource == "aws_mq_broker.b");
    CHECK(findings[0].severity == Severity::warn);
    CHECK(findings[0].message == "aws_mq_broker.b could not be priced: no price for aws_mq_broker");
}

TEST_CASE("unpriced never reports free resources or resources outside the selection",
          "[policy][rules][unpriced]") {
    PolicyRun run;
    run.add("aws_iam_role.r", "aws_iam_role", "{}");
    run.estimate.resources.back().estimate.free = true;
    run.add("aws_mq_broker.b", "aws_mq_broker", "{}");
    CHECK(run.evaluate(k_unpriced + "    match: {types: [\"google_*\"]}\n").empty());
    CHECK(run.evaluate(k_unpriced).size() == 1);
}

TEST_CASE("unpriced findings can be exempted until the exemption expires",
          "[policy][rules][unpriced]") {
    PolicyRun run;
    run.add("aws_mq_broker.b", "aws_mq_broker", "{}");
    check_exemptions_apply(run, k_unpriced, "unknown-cost", "aws_mq_broker.b");
}
