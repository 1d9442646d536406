#include "costgate/ingest/terraform_plan.hpp"
#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::ingest;

namespace {

using Tags = std::map<std::string, std::string>;
using Notes = std::vector<std::string>;

std::vector<Resource> read(const std::string& text, const std::string& default_region = "") {
    return read_terraform_plan({"plan.json", text}, {default_region});
}

/// A plan whose resource_changes are `changes` (a JSON array), with `top_level` (members
/// followed by a comma) spliced in before them.
std::string plan(const std::string& changes, const std::string& top_level = "") {
    return R"({"format_version": "1.2", )" + top_level + R"("resource_changes": )" + changes + "}";
}

/// One managed aws_instance.a change; `extra` (members followed by a comma) is spliced in.
std::string change(const std::string& change_object, const std::string& extra = "") {
    return R"({"address": "aws_instance.a", "mode": "managed", "type": "aws_instance",
        "name": "a", "provider_name": "registry.terraform.io/hashicorp/aws", )" +
           extra + R"("change": )" + change_object + "}";
}

Resource read_one(const std::string& text, const std::string& default_region = "") {
    const auto resources = read(text, default_region);
    REQUIRE(resources.size() == 1);
    return resources.front();
}

/// A plan with the one change aws_instance.a, and `top_level` as plan() splices it.
std::string plan_of(const std::string& change_object, const std::string& top_level = "") {
    return plan("[" + change(change_object) + "]", top_level);
}

Resource read_change(const std::string& change_object, const std::string& extra = "") {
    return read_one(plan("[" + change(change_object, extra) + "]"));
}

Action action_of(const std::string& actions) {
    return read_change(R"({"actions": )" + actions +
                       R"(, "before": {"x": 1}, "after": {"x": 2}, "after_unknown": {}})")
        .action;
}

/// The message of the InputError reading `text` throws, or fails the test.
std::string error_of(const std::string& text) {
    try {
        read(text);
    } catch (const InputError& error) {
        return error.what();
    }
    FAIL("no InputError for " << text);
    return {};
}

const std::string k_create = R"({"actions": ["create"], "before": null, "after": {}})";

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

TEST_CASE("each action keeps the states it has", "[ingest][terraform]") {
    const auto created = read_change(k_create);
    CHECK_FALSE(created.before.has_value());
    REQUIRE(created.after.has_value());
    const auto deleted =
        read_change(R"({"actions": ["delete"], "before": {"x": 1}, "after": null})");
    CHECK(deleted.before.value().to_nlohmann() == nlohmann::json{{"x", 1}});
    CHECK_FALSE(deleted.after.has_value());
    const auto forgotten = read_change(R"({"actions": ["forget"], "before": {}, "after": null})");
    CHECK(forgotten.notes == Notes{"removed from Terraform state, not destroyed"});
    const auto unknown = read_change(R"({"actions": ["create"], "before": null,
        "after": {"ami": "ami-1"}, "after_unknown": {"id": true}})");
    CHECK(unknown.after_unknown.to_nlohmann() == nlohmann::json{{"id", true}});
    CHECK(unknown.file == "plan.json");
    CHECK(unknown.source == Source::terraform);
}

TEST_CASE("data sources are skipped and module instances keep their addresses",
          "[ingest][terraform]") {
    const auto resources = read(plan(R"([
        {"address": "data.aws_ami.x", "mode": "data", "type": "aws_ami", "name": "x",
         "change": {"actions": ["read"], "before": null, "after": {}}},
        {"address": "module.app[0].aws_instance.web[1]", "module_address": "module.app[0]",
         "mode": "managed", "type": "aws_instance", "name": "web", "index": 1,
         "provider_name": "aws", "change": {"actions": ["create"], "before": null, "after": {}}},
        {"address": "module.m[\"eu.x\"].google_compute_disk.d[\"a\"]",
         "module_address": "module.m[\"eu.x\"]", "mode": "managed",
         "type": "google_compute_disk", "name": "d", "index": "a",
         "provider_name": "registry.terraform.io/hashicorp/google-beta",
         "change": {"actions": ["create"], "before": null, "after": {}}},
        {"address": "azurerm_public_ip.p", "mode": "managed", "type": "azurerm_public_ip",
         "name": "p", "change": {"actions": ["create"], "before": null, "after": {}}}])"));
    REQUIRE(resources.size() == 3);
    CHECK(resources[0].address == "module.app[0].aws_instance.web[1]");
    CHECK(resources[0].provider == "aws");
    CHECK(resources[1].address == R"(module.m["eu.x"].google_compute_disk.d["a"])");
    CHECK(resources[1].provider == "google-beta");
    // Without a provider_name the type's prefix names the provider.
    CHECK(resources[2].provider == "azurerm");
}

TEST_CASE("deposed objects and moved resources are kept with notes", "[ingest][terraform]") {
    const auto deposed = read_change(R"({"actions": ["delete"], "before": {}, "after": null})",
                                     R"("deposed": "0a1b2c3d", )");
    CHECK(deposed.address == "aws_instance.a (deposed 0a1b2c3d)");
    CHECK(deposed.action == Action::remove);
    const auto moved = read_change(R"({"actions": ["no-op"], "before": {}, "after": {}})",
                                   R"("previous_address": "aws_instance.old", )");
    CHECK(moved.address == "aws_instance.a");
    CHECK(moved.notes == Notes{"moved from aws_instance.old"});
}

TEST_CASE("the region comes from the resource, then its provider, then the default",
          "[ingest][terraform]") {
    const std::string configuration = R"("variables": {"region": {"value": "ap-south-1"}},
      "configuration": {"provider_config": {
        "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}},
        "aws.west": {"name": "aws", "alias": "west",
                     "expressions": {"region": {"constant_value": "us-west-2"}}}},
      "root_module": {
        "resources": [{"address": "aws_instance.a", "provider_config_key": "KEY"}],
        "module_calls": {"app": {"module": {"resources": [
            {"address": "aws_instance.a", "provider_config_key": "module.app:aws"}]}}}}}, )";
    auto with_key = [&](const std::string& key) {
        std::string top = configuration;
        return top.replace(top.find("KEY"), 3, key);
    };
    SECTION("an availability zone in the attributes") {
        const std::string zoned = R"({"actions": ["create"], "before": null,
                                      "after": {"availability_zone": "us-east-2b"}})";
        CHECK(read_one(plan_of(zoned, with_key("aws"))).region == "us-east-2");
    }
    SECTION("the default provider configuration") {
        CHECK(read_one(plan_of(k_create, with_key("aws"))).region == "eu-west-1");
    }
    SECTION("an aliased provider through provider_config_key") {
        const auto west = read_one(plan_of(k_create, with_key("aws.west")));
        CHECK(west.region == "us-west-2");
    }
    SECTION("a module that inherits the root provider") {
        const std::string in_module = R"([{"address": "module.app[\"x\"].aws_instance.a[0]",
            "module_address": "module.app[\"x\"]", "mode": "managed", "type": "aws_instance",
            "name": "a", "index": 0, "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["create"], "before": null, "after": {}}}])";
        CHECK(read_one(plan(in_module, with_key("aws.west"))).region == "eu-west-1");
    }
    SECTION("a root provider whose region is a variable") {
        const std::string top = R"("variables": {"region": {"value": "ap-south-1"}},
          "configuration": {"provider_config": {"aws": {"name": "aws",
            "expressions": {"region": {"references": ["var.region"]}}}}}, )";
        CHECK(read_one(plan_of(k_create, top)).region == "ap-south-1");
    }
    SECTION("the default region when nothing says") {
        const auto defaulted = read_one(plan_of(k_create), "ca-central-1");
        CHECK(defaulted.region == "ca-central-1");
        CHECK(defaulted.notes == Notes{"region ca-central-1 from --region"});
    }
    SECTION("the default region does not override the provider's") {
        const auto configured = read_one(plan_of(k_create, with_key("aws")), "ca-central-1");
        CHECK(configured.region == "eu-west-1");
        CHECK(configured.notes.empty());
    }
    SECTION("empty when nothing says") {
        CHECK(read_one(plan_of(k_create)).region.empty());
    }
}

TEST_CASE("tags come from tags_all, tags or labels of the state that will exist",
          "[ingest][terraform]") {
    SECTION("tags_all wins over tags") {
        const auto both = read_change(R"({"actions": ["create"], "before": null,
            "after": {"tags": {"a": "1"}, "tags_all": {"a": "1", "env": "prod"}}})");
        CHECK(both.tags == Tags{{"a", "1"}, {"env", "prod"}});
    }
    SECTION("tags when tags_all is only known after apply") {
        const auto unknown = read_change(R"({"actions": ["create"], "before": null,
            "after": {"tags": {"a": "1"}}, "after_unknown": {"tags_all": true}})");
        CHECK(unknown.tags == Tags{{"a", "1"}});
    }
    SECTION("GCP labels") {
        const auto labelled = read_change(R"({"actions": ["update"], "before": {},
            "after": {"labels": {"team": "data"}}})");
        CHECK(labelled.tags == Tags{{"team", "data"}});
    }
    SECTION("the before state's tags for a delete") {
        const auto deleted = read_change(R"({"actions": ["delete"],
            "before": {"tags_all": {"cost-centre": "cc-7"}}, "after": null})");
        CHECK(deleted.tags == Tags{{"cost-centre", "cc-7"}});
    }
    SECTION("the after state's tags for an update") {
        const auto updated = read_change(R"({"actions": ["update"],
            "before": {"tags": {"v": "old"}}, "after": {"tags": {"v": "new"}}})");
        CHECK(updated.tags == Tags{{"v", "new"}});
    }
}

TEST_CASE("what is not a plan is an error naming the file and where", "[ingest][terraform]") {
    CHECK_THAT(error_of("[1, 2]"),
               Catch::StartsWith("plan.json: not a Terraform plan") && Catch::Contains("array"));
    CHECK_THAT(error_of(R"({"format_version": "1.0", "values": {}})"),
               Catch::StartsWith("plan.json: ") && Catch::Contains("Terraform state"));
    CHECK_THAT(error_of(R"({"version": 4, "lineage": "x", "serial": 1})"),
               Catch::StartsWith("plan.json: ") && Catch::Contains("Terraform state"));
    CHECK_THAT(error_of(R"({"plan_format_version": "1.1"})"),
               Catch::StartsWith("plan.json: ") && Catch::Contains("redacted"));
    CHECK_THAT(error_of(R"({"terraform_version": "1.5.0"})"),
               Catch::StartsWith("plan.json: ") && Catch::Contains("no format_version"));
    CHECK_THAT(error_of(R"({"format_version": "2.0"})"),
               Catch::StartsWith("plan.json: at format_version: ") && Catch::Contains("2.0"));
    CHECK_THAT(error_of(R"({"format_version": "1.0", "resource_changes": {}})"),
               Catch::StartsWith("plan.json: at resource_changes: expected an array"));
    const std::string exploding = R"([{"address": "x", "type": "t",
                                       "change": {"actions": ["explode"]}}])";
    CHECK_THAT(error_of(plan(exploding)),
               Catch::StartsWith("plan.json: at resource_changes[0].change.actions: ") &&
                   Catch::Contains("explode"));
    CHECK_THAT(error_of(plan("[" + change(k_create) + "," + change(R"({"actions": []})") + "]")),
               Catch::StartsWith("plan.json: at resource_changes[1].change.actions: ") &&
                   Catch::Contains("non-empty array"));
    CHECK_THAT(error_of(plan(R"([{"type": "t", "change": {}}])")),
               Catch::StartsWith("plan.json: at resource_changes[0]: missing \"address\""));
}

TEST_CASE("malformed JSON is an error naming the file, line and column", "[ingest][terraform]") {
    CHECK_THAT(error_of("{\n  \"format_version\": \"1.0\",\n  \"resource_changes\": ["),
               Catch::StartsWith("plan.json:3:") && Catch::Contains("invalid JSON"));
    CHECK_THAT(error_of("{\"format_version\": \"1.0\"}\n{}"),
               Catch::StartsWith("plan.json:2:1: ") && Catch::Contains("after the end"));
    CHECK_THAT(error_of("{\"format_version\": \"1.0\"} garbage"),
               Catch::StartsWith("plan.json:1:27: ") && Catch::Contains("after the end"));
}

TEST_CASE("hashicorp/setup-terraform's wrapper is removed", "[ingest][terraform]") {
    const std::string wrapped = "[command]/usr/bin/terraform show -json plan\n" +
                                plan_of(k_create) +
                                "%0A\n::set-output name=stderr::\n::set-output name=exitcode::0\n";
    CHECK(read_one(wrapped).address == "aws_instance.a");
    // Without the leading [command] line the trailing lines are garbage.
    CHECK_THROWS_AS(read(plan_of(k_create) + "\n::set-output name=x::"), InputError);
}

TEST_CASE("a UTF-16 plan reads the same once decoded", "[ingest][terraform]") {
    const std::string utf8 = plan_of(k_create);
    std::string utf16 = "\xFF\xFE";
    for (const char c : utf8)
        utf16 += std::string{c, '\0'};
    const std::string decoded = util::decode_text("plan.json", utf16);
    CHECK(decoded == utf8);
    CHECK(read_one(decoded).address == "aws_instance.a");
}

TEST_CASE("a key repeated with a different value is an error at its JSON path", "[ingest][plan]") {
    CHECK_THROWS_WITH(
        read(plan("[]", R"("format_version": "1.1", )")),
        "plan.json: at format_version: duplicate key \"format_version\" with different values");
    CHECK_THROWS_WITH(
        read(plan_of(R"({"actions": ["create"], "after": {"size": 1, "size": 2}})")),
        "plan.json: at resource_changes[0].change.after.size: duplicate key \"size\" with "
        "different values");
    // Some tools write identical repeats; they change nothing and are accepted.
    CHECK(
        read_one(plan_of(R"({"actions": ["create"], "after": {"a": {"b": [1]}, "a": {"b": [1]}}})"))
            .after->to_nlohmann()
            .at("a") == nlohmann::json::parse(R"({"b": [1]})"));
}

TEST_CASE("nesting deeper than 512 levels is an error, not a stack overflow", "[ingest][plan]") {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    CHECK_THROWS_WITH(read(plan_of(R"({"actions": ["create"], "after": {"x": )" + deep + "}}")),
                      Catch::StartsWith("plan.json: at resource_changes[0].change.after.x[0][0]") &&
                          Catch::EndsWith("...: nested deeper than 512 levels"));
    const std::string fine = std::string(500, '[') + std::string(500, ']');
    CHECK(read_one(plan_of(R"({"actions": ["create"], "after": {"x": )" + fine + "}}"))
              .after->root()
              .find("x"));
}

TEST_CASE("numbers beyond a double are a JSON error with line and column", "[ingest][plan]") {
    CHECK_THROWS_WITH(read("{\n  \"format_version\": 1e400}"),
                      Catch::StartsWith("plan.json:2:") && Catch::Contains("invalid JSON"));
}

TEST_CASE("a change whose name is not a string is read, not an internal error", "[ingest][plan]") {
    const auto resources =
        read(plan(R"([{"address": "aws_instance.a", "type": "aws_instance", "name": 5,
                       "change": {"actions": ["create"], "after": {}}}])"));
    REQUIRE(resources.size() == 1);
    CHECK(resources[0].address == "aws_instance.a");
}

TEST_CASE("a tag whose value is null is not set and a list or an object is bad input",
          "[ingest][plan]") {
    const Resource tagged = read_one(plan_of(
        R"({"actions": ["create"], "before": null, "after": {"tags": {"a": "x", "b": null, "c": 3, "d": true}}})"));
    CHECK(tagged.tags == Tags{{"a", "x"}, {"c", "3"}, {"d", "true"}});
    for (const char* value : {R"({"k": "v"})", R"(["v"])"})
        CHECK_THROWS_WITH(
            read(plan_of(
                std::string(
                    R"({"actions": ["create"], "before": null, "after": {"tags_all": {"cost-centre": )") +
                value + "}}}")),
            Catch::StartsWith(
                "plan.json: aws_instance.a: tag \"cost-centre\" in tags_all must be a "
                "string, found "));
}

TEST_CASE("a plan that errored or deferred changes is refused but a -target plan is priced",
          "[ingest][plan]") {
    const std::string create = R"({"actions": ["create"], "before": null, "after": {}})";
    CHECK_THROWS_WITH(read(plan_of(create, R"("errored": true, )")),
                      Catch::StartsWith("plan.json: at errored: the plan errored"));
    CHECK_THROWS_WITH(read(plan_of(create, R"("errored": "yes", )")),
                      "plan.json: at errored: expected true or false, found string");
    CHECK_THROWS_WITH(
        read(
            plan_of(create,
                    R"("complete": false, "deferred_changes": [{"reason": "provider_config_unknown",
                         "resource_change": {"address": "aws_instance.b"}}], )")),
        Catch::StartsWith("plan.json: at deferred_changes[0]: 1 change(s) deferred to a later plan "
                          "(aws_instance.b first)"));
    CHECK_THROWS_WITH(read(plan_of(create, R"("deferred_changes": {}, )")),
                      "plan.json: at deferred_changes: expected an array, found object");
    CHECK_THROWS_WITH(read(plan_of(create, R"("complete": 0, )")),
                      "plan.json: at complete: expected true or false, found number");
    // Whole plans, and a -target plan (complete: false, nothing deferred).
    for (const char* top : {R"("errored": false, "complete": true, )",
                            R"("complete": false, "deferred_changes": [], )",
                            R"("complete": false, )", R"("deferred_changes": null, )"})
        CHECK(read(plan_of(create, top)).size() == 1);
}

TEST_CASE("regions in a list of zones, a zone path or upper case are understood",
          "[ingest][terraform]") {
    const auto google = [](const std::string& after) {
        return read_one(plan(R"([{"address": "google_storage_bucket.b", "mode": "managed",
            "type": "google_storage_bucket", "name": "b",
            "provider_name": "registry.terraform.io/hashicorp/google",
            "change": {"actions": ["create"], "before": null, "after": )" +
                             after + "}}]"))
            .region;
    };
    // aws_rds_cluster names its zones in a list.
    CHECK(read_change(R"({"actions": ["create"], "before": null,
        "after": {"availability_zones": ["us-west-2a", "us-west-2b"]}})")
              .region == "us-west-2");
    // A bucket's multi-region is written in upper case; the catalog's keys are lower case.
    CHECK(google(R"({"location": "US"})") == "us");
    CHECK(google(R"({"location": "EUROPE-WEST2"})") == "europe-west2");
    // terraform-validator's plans give the zone as a resource path.
    CHECK(google(R"({"zone": "projects/foobar/global/zones/us-central1-a"})") == "us-central1");
}
