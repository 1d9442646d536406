#include "costgate/error.hpp"
#include "costgate/ingest/terraform_plan.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

namespace {

std::vector<Resource> read(const std::string& text, const std::string& region = "") {
    return read_terraform_plan({"plan.json", text}, {region});
}

// A plan with one resource change; `change` and `extra` are spliced in as JSON.
std::string plan_with(const std::string& change, const std::string& extra = "",
                      const std::string& top_level = "") {
    return R"({"format_version": "1.2", )" + top_level +
           R"("resource_changes": [{"address": "aws_instance.a",
        "mode": "managed", "type": "aws_instance", "name": "a",
        "provider_name": "registry.terraform.io/hashicorp/aws", )" +
           extra + R"("change": )" + change + "}]}";
}

Action action_of(const std::string& actions) {
    const auto resources =
        read(plan_with(R"({"actions": )" + actions +
                       R"(, "before": {"x": 1}, "after": {"x": 2}, "after_unknown": {}})"));
    REQUIRE(resources.size() == 1);
    return resources.front().action;
}

} // namespace

TEST_CASE("every Terraform action maps to a costgate action", "[ingest][terraform]") {
    CHECK(action_of(R"(["create"])") == Action::create);
    CHECK(action_of(R"(["update"])") == Action::update);
    CHECK(action_of(R"(["delete"])") == Action::remove);
    CHECK(action_of(R"(["delete", "create"])") == Action::replace);
    CHECK(action_of(R"(["create", "delete"])") == Action::replace);
    CHECK(action_of(R"(["no-op"])") == Action::no_op);
    CHECK(action_of(R"(["read"])") == Action::read);
    CHECK(action_of(R"(["forget"])") == Action::no_op);
}

TEST_CASE("data sources are skipped and managed resources kept", "[ingest][terraform]") {
    const auto resources = read(R"({"format_version": "1.0", "resource_changes": [
        {"address": "data.aws_ami.x", "mode": "data", "type": "aws_ami", "name": "x",
         "change": {"actions": ["read"], "before": null, "after": {}}},
        {"address": "module.m[\"k\"].aws_instance.y[0]", "module_address": "module.m[\"k\"]", "mode": "managed",
         "type": "aws_instance", "name": "y", "index": 0, "provider_name": "aws",
         "change": {"actions": ["create"], "before": null, "after": {}}}]})");
    REQUIRE(resources.size() == 1);
    CHECK(resources[0].address == "module.m[\"k\"].aws_instance.y[0]");
    CHECK(resources[0].provider == "aws");
    CHECK(resources[0].file == "plan.json");
    CHECK_FALSE(resources[0].before.has_value());
    CHECK(resources[0].after.has_value());
}

TEST_CASE("deposed objects, moves and forgets are kept with notes", "[ingest][terraform]") {
    const auto deposed = read(plan_with(R"({"actions": ["delete"], "before": {}, "after": null})",
                                        R"("deposed": "0a1b", )"));
    CHECK(deposed.front().address == "aws_instance.a (deposed 0a1b)");
    const auto moved = read(plan_with(R"({"actions": ["no-op"], "before": {}, "after": {}})",
                                      R"("previous_address": "aws_instance.old", )"));
    CHECK(moved.front().notes == std::vector<std::string>{"moved from aws_instance.old"});
}

TEST_CASE("the region comes from the resource, then its provider, then --region",
          "[ingest][terraform]") {
    const std::string config = R"("configuration": {"provider_config": {
        "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}},
        "aws.west": {"name": "aws", "alias": "west", "expressions": {"region": {"constant_value": "us-west-2"}}},
        "aws.var": {"name": "aws", "alias": "var", "expressions": {"region": {"references": ["var.region"]}}}},
      "root_module": {"resources": [{"address": "aws_instance.a", "provider_config_key": "KEY"}]}},
      "variables": {"region": {"value": "ap-south-1"}}, )";
    auto with_key = [&](const std::string& key) {
        std::string top = config;
        top.replace(top.find("KEY"), 3, key);
        return top;
    };
    const std::string create = R"({"actions": ["create"], "before": null, "after": {}})";
    SECTION("availability zone") {
        const auto r = read(plan_with(
            R"({"actions": ["create"], "before": null, "after": {"availability_zone": "us-east-2b"}})",
            "", with_key("aws")));
        CHECK(r.front().region == "us-east-2");
    }
    SECTION("default provider") {
        CHECK(read(plan_with(create, "", with_key("aws"))).front().region == "eu-west-1");
    }
    SECTION("aliased provider") {
        CHECK(read(plan_with(create, "", with_key("aws.west"))).front().region == "us-west-2");
    }
    SECTION("root variable") {
        CHECK(read(plan_with(create, "", with_key("aws.var"))).front().region == "ap-south-1");
    }
    SECTION("--region when nothing says") {
        const auto r = read(plan_with(create), "ca-central-1");
        CHECK(r.front().region == "ca-central-1");
        CHECK(r.front().notes == std::vector<std::string>{"region ca-central-1 from --region"});
    }
    SECTION("unknown") {
        CHECK(read(plan_with(create)).front().region.empty());
    }
}

TEST_CASE("tags_all wins over tags, and unknown maps fall through", "[ingest][terraform]") {
    CHECK(read(plan_with(R"({"actions": ["create"], "before": null,
        "after": {"tags": {"a": "1"}, "tags_all": {"a": "1", "b": "2"}}})"))
              .front()
              .tags.size() == 2);
    const auto unknown = read(plan_with(R"({"actions": ["create"], "before": null,
        "after": {"tags": {"a": "1"}}, "after_unknown": {"tags_all": true}})"));
    CHECK(unknown.front().tags == std::map<std::string, std::string>{{"a", "1"}});
    const auto deleted = read(plan_with(
        R"({"actions": ["delete"], "before": {"labels": {"team": "x"}}, "after": null})"));
    CHECK(deleted.front().tags.at("team") == "x");
}

TEST_CASE("what is not a plan is an error naming the file and where", "[ingest][terraform]") {
    auto message = [](const std::string& text) {
        try {
            read(text);
        } catch (const InputError& error) {
            return std::string(error.what());
        }
        FAIL("no InputError for " << text);
        return std::string();
    };
    CHECK_THAT(message("[1, 2]"),
               Catch::StartsWith("plan.json: not a Terraform plan") && Catch::Contains("array"));
    CHECK_THAT(message(R"({"format_version": "1.0", "values": {}})"),
               Catch::Contains("Terraform state"));
    CHECK_THAT(message(R"({"version": 4, "lineage": "x", "serial": 1})"),
               Catch::Contains("Terraform state"));
    CHECK_THAT(message(R"({"plan_format_version": "1.1"})"), Catch::Contains("redacted"));
    CHECK_THAT(message(R"({"terraform_version": "1.0"})"), Catch::Contains("no format_version"));
    CHECK_THAT(message(R"({"format_version": "2.0"})"),
               Catch::StartsWith("plan.json: at format_version"));
    CHECK_THAT(message(R"({"format_version": "1.0", "resource_changes": {}})"),
               Catch::StartsWith("plan.json: at resource_changes: expected an array"));
    CHECK_THAT(message(plan_with(R"({"actions": ["explode"]})")),
               Catch::StartsWith("plan.json: at resource_changes[0].change.actions"));
    CHECK_THAT(message(plan_with(R"({"actions": []})")), Catch::Contains("non-empty array"));
    CHECK_THAT(message("{\n  \"format_version\": \"1.0\",\n  \"resource_changes\": ["),
               Catch::StartsWith("plan.json:3:") && Catch::Contains("invalid JSON"));
    CHECK_THAT(message("{\"format_version\": \"1.0\"}\n{}"),
               Catch::StartsWith("plan.json:2:1:") && Catch::Contains("after the end"));
}

TEST_CASE("hashicorp/setup-terraform's wrapper is removed", "[ingest][terraform]") {
    const std::string wrapped =
        "[command]/usr/bin/terraform show -json plan\n" +
        plan_with(R"({"actions": ["create"], "before": null, "after": {}})") +
        "%0A\n::debug::exitcode: 0\n::set-output name=exitcode::0\n";
    CHECK(read(wrapped).size() == 1);
    CHECK_THROWS_AS(read(plan_with(R"({"actions": ["create"]})") + "\n::set-output name=x::"),
                    InputError);
}
