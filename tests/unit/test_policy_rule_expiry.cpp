#include "policy_fixtures.hpp"

using namespace costgate;
using namespace costgate::policy;
using namespace costgate::testing;

namespace {

const std::string k_expiry = R"(rules:
  - id: preview-expiry
    kind: expiry
    tag: expires
    aliases: [ttl]
    max_days: 30
    match: {tags: {env: [preview]}}
)";

std::map<std::string, std::string> preview(const std::string& expires) {
    return {{"env", "preview"}, {"expires", expires}};
}

} // namespace

TEST_CASE("expiry needs a valid date that has not passed and is not too far away",
          "[policy][rules][expiry]") {
    PolicyRun run;
    run.add("aws_instance.ok", "aws_instance", "{}", preview("2026-12-01"));
    run.add("aws_instance.today", "aws_instance", "{}", preview("2026-11-22T18:00:00Z"));
    run.add("aws_instance.alias", "aws_instance", "{}",
            {{"env", "preview"}, {"ttl", "2026-12-22"}});
    run.add("aws_instance.none", "aws_instance", "{}", {{"env", "preview"}});
    run.add("aws_instance.bad", "aws_instance", "{}", preview("next week"));
    run.add("aws_instance.past", "aws_instance", "{}", preview("2026-11-21"));
    run.add("aws_instance.far", "aws_instance", "{}", preview("2027-01-01"));
    const auto findings = run.evaluate(k_expiry);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].message ==
          "aws_instance.bad has expires=\"next week\", which is not a YYYY-MM-DD date");
    CHECK(findings[1].message == "aws_instance.far expires on 2027-01-01, 40 days away, more than "
                                 "the 30 days allowed");
    CHECK(findings[2].message == "aws_instance.none has no expires tag with an expiry date");
    CHECK(findings[3].message == "aws_instance.past expired on 2026-11-21 (expires)");
}

TEST_CASE("expiry does not match resources outside its selection", "[policy][rules][expiry]") {
    PolicyRun run;
    run.add("aws_instance.prod", "aws_instance", "{}", {{"env", "prod"}});
    CHECK(run.evaluate(k_expiry).empty());
}

TEST_CASE("expiry findings can be exempted until the exemption expires",
          "[policy][rules][expiry]") {
    PolicyRun run;
    run.add("aws_instance.none", "aws_instance", "{}", {{"env", "preview"}});
    check_exemptions_apply(run, k_expiry, "preview-expiry", "aws_instance.none");
}
