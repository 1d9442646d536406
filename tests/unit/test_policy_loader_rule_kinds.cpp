#include "costgate/model/error.hpp"
#include "costgate/policy/policy.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::policy;
using Catch::StartsWith;

namespace {

/// The InputError message for a one-rule policy whose rule body (after id) is `body`;
/// the body starts on line 4, column 5.
std::string error_of_rule(const std::string& body) {
    try {
        parse_policy("p.yaml", "version: 1\nrules:\n  - id: r\n" + body);
    } catch (const InputError& error) {
        return error.what();
    }
    FAIL("no InputError for:\n" << body);
    return {};
}

} // namespace

TEST_CASE("every rule kind refuses a rule that sets none of its limits", "[policy][loader]") {
    for (const char* kind :
         {"budget", "instance_types", "kubernetes", "regions", "resource_cost", "resource_count"})
        CHECK_THAT(error_of_rule(std::string("    kind: ") + kind + "\n"),
                   StartsWith("p.yaml:3:5: " + std::string(kind) + " needs"));
    CHECK_THAT(error_of_rule("    kind: expiry\n"),
               StartsWith("p.yaml:3:5: rule is missing \"tag\""));
}

TEST_CASE("a pattern RE2 refuses is an error at its file, line and column", "[policy][loader]") {
    const auto [pattern, why] = GENERATE(table<std::string, std::string>({
        {"(?=cc-)cc-[0-9]+", "invalid perl operator: (?="},
        {"cc-(?!000)[0-9]{3}", "invalid perl operator: (?!"},
        {"(?<=cc)-[0-9]+", "invalid perl operator: (?<"},
        {"(cc)-\\1", "invalid escape sequence: \\1"},
        {"cc-[0-9]{2000}", "invalid repetition size: {2000}"},
        {"cc-([0-9]", "missing ): cc-([0-9]"},
    }));
    CAPTURE(pattern);
    // Single-quoted YAML keeps backslashes as they are.
    CHECK(error_of_rule("    kind: required_tags\n    tags: [{key: cc, pattern: '" + pattern +
                        "'}]\n") ==
          "p.yaml:5:31: \"pattern\" is not a valid regular expression (RE2 syntax: no "
          "lookaround or backreferences): " +
              why);
}

TEST_CASE("rule options of the wrong shape are reported where they are", "[policy][loader]") {
    CHECK_THAT(error_of_rule("    kind: required_tags\n    tags: [{key: cc, pattern: \"([\"}]\n"),
               StartsWith("p.yaml:5:31: \"pattern\" is not a valid regular expression"));
    CHECK_THAT(error_of_rule("    kind: required_tags\n    tags: [{key: cc, values: [a]}]\n"),
               StartsWith("p.yaml:5:22: unknown key \"values\" in required tag"));
    CHECK_THAT(error_of_rule("    kind: required_tags\n    tags: [cc]\n    ignore_case: yes\n"),
               StartsWith("p.yaml:6:18: \"ignore_case\" must be true or false"));
    CHECK_THAT(error_of_rule("    kind: resource_count\n    max: 2.5\n"),
               StartsWith("p.yaml:5:10: \"max\" must be a whole number from 0 to"));
    CHECK_THAT(
        error_of_rule("    kind: kubernetes\n    max_memory_per_container: lots\n"),
        StartsWith("p.yaml:5:31: \"max_memory_per_container\" must be a Kubernetes quantity"));
    CHECK_THAT(error_of_rule("    kind: kubernetes\n    requests_required: [gpu]\n"),
               StartsWith("p.yaml:5:24: \"requests_required\" lists cpu, memory"));
    CHECK_THAT(error_of_rule("    kind: kubernetes\n    gpu_approval: {}\n"),
               StartsWith("p.yaml:5:19: \"gpu_approval\" needs \"labels\" or \"annotations\""));
    CHECK_THAT(
        error_of_rule("    kind: instance_types\n    allow: [t3.*]\n    unknown_specs: maybe\n"),
        StartsWith("p.yaml:6:20: \"unknown_specs\" must be info, warn, fail or ignore"));
    CHECK_THAT(error_of_rule("    kind: budget\n    budgets: {cc-1: many}\n"),
               StartsWith("p.yaml:5:21: \"cc-1\" must be a number"));
    CHECK_THAT(error_of_rule("    kind: expiry\n    tag: expires\n    max_days: 0\n"),
               StartsWith("p.yaml:6:15: \"max_days\" must be a whole number from 1 to"));
    CHECK_THAT(error_of_rule("    kind: regions\n    allow: [\"**\"]\n"),
               StartsWith("p.yaml:5:12: glob \"**\" is only stars"));
}

TEST_CASE("match keys and message templates are checked", "[policy][loader]") {
    const std::string rule = "    kind: regions\n    allow: [eu-*]\n";
    CHECK_THAT(error_of_rule(rule + "    match: {exclude: {}}\n"),
               StartsWith("p.yaml:6:22: \"exclude\" must not be empty"));
    CHECK_THAT(error_of_rule(rule + "    match: {exclude: {actions: [create]}}\n"),
               StartsWith("p.yaml:6:23: unknown key \"actions\" in match.exclude"));
    CHECK_THAT(error_of_rule(rule + "    match: {tags: {env: []}}\n"),
               StartsWith("p.yaml:6:25: tag \"env\" needs at least one value"));
    CHECK_THAT(error_of_rule(rule + "    message: \"{address} is in {regon}\"\n"),
               StartsWith("p.yaml:6:14: message template: unknown placeholder {regon}"));
    CHECK_THAT(error_of_rule(rule + "    message: \"{address\"\n"),
               StartsWith("p.yaml:6:14: message template: a '{' without its '}'"));
    CHECK_NOTHROW(parse_policy("p.yaml", "version: 1\nrules:\n  - id: r\n" + rule +
                                             "    message: \"{address} in {region} ({allowed}) "
                                             "{tag.team}\"\n"));
}

TEST_CASE("exemptions need a reason that is more than blanks", "[policy][loader]") {
    try {
        parse_policy("p.yaml", "version: 1\nexemptions:\n  - rule: r\n    resource: x\n"
                               "    reason: \"  \"\n    expires: 2026-12-01\n");
        FAIL("no error");
    } catch (const InputError& error) {
        CHECK_THAT(error.what(), StartsWith("p.yaml:5:13: an exemption needs a reason"));
    }
}
