#include "costgate/ingest/terraform_plan.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::ingest;

namespace {

using References = std::map<std::string, std::vector<std::string>>;

/// A created resource at `address` (in module `module_address` when given).
std::string change(const std::string& address, const std::string& type,
                   const std::string& module_address = "") {
    const std::string module =
        module_address.empty() ? "" : R"("module_address": ")" + module_address + R"(", )";
    return R"({"address": ")" + address + R"(", "mode": "managed", "type": ")" + type +
           R"(", "name": "x", )" + module +
           R"("provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": ["create"], "before": null, "after": {}}})";
}

/// A plan with `changes` (JSON objects joined by commas) and the configuration root module
/// `root_module`.
std::string plan(const std::string& changes, const std::string& root_module) {
    return R"({"format_version": "1.2", "resource_changes": [)" + changes +
           R"(], "configuration": {"root_module": )" + root_module + "}}";
}

/// The references of the resource at `address` in `text`.
References references_of(const std::string& text, const std::string& address) {
    for (const Resource& resource : read_terraform_plan({"plan.json", text}, {}))
        if (resource.address == address)
            return resource.references;
    FAIL("no resource " << address);
    return {};
}

// A group whose launch_template block's id refers to `reference`, in a root module (or a
// module's) configuration.
std::string group_config(const std::string& reference) {
    return R"({"address": "aws_autoscaling_group.g", "provider_config_key": "aws",
        "expressions": {"desired_capacity": {"constant_value": 2},
          "launch_template": [{"id": {"references": [")" +
           reference + R"(.id", ")" + reference + R"("]},
                               "version": {"constant_value": "$Latest"}}]}})";
}

const std::string k_template_config =
    R"({"address": "aws_launch_template.t", "provider_config_key": "aws",
        "expressions": {"instance_type": {"constant_value": "t3.micro"}}})";

} // namespace

TEST_CASE("a reference in a nested block names the resource it refers to", "[ingest]") {
    const std::string text = plan(change("aws_autoscaling_group.g", "aws_autoscaling_group") + "," +
                                      change("aws_launch_template.t", "aws_launch_template"),
                                  R"({"resources": [)" + group_config("aws_launch_template.t") +
                                      "," + k_template_config + "]}");
    CHECK(references_of(text, "aws_autoscaling_group.g") ==
          References{{"launch_template", {"aws_launch_template.t"}}});
    // Constant values refer to nothing.
    CHECK(references_of(text, "aws_launch_template.t").empty());
}

TEST_CASE("references resolve in the referring resource's module instance", "[ingest]") {
    const std::string changes = change(R"(module.app[\"a\"].aws_autoscaling_group.g)",
                                       "aws_autoscaling_group", R"(module.app[\"a\"])") +
                                "," +
                                change(R"(module.app[\"a\"].aws_launch_template.t)",
                                       "aws_launch_template", R"(module.app[\"a\"])") +
                                "," +
                                change(R"(module.app[\"b\"].aws_launch_template.t)",
                                       "aws_launch_template", R"(module.app[\"b\"])");
    const std::string root = R"({"module_calls": {"app": {"module": {"resources": [)" +
                             group_config("aws_launch_template.t") + "," + k_template_config +
                             "]}}}}";
    CHECK(references_of(plan(changes, root), R"(module.app["a"].aws_autoscaling_group.g)") ==
          References{{"launch_template", {R"(module.app["a"].aws_launch_template.t)"}}});
}

TEST_CASE("a reference without an instance key names the only instance, or the one with the "
          "referring resource's key",
          "[ingest]") {
    const std::string root = R"({"resources": [)" + group_config("aws_launch_template.t") + "," +
                             k_template_config + "]}";
    SECTION("one instance") {
        const std::string changes = change("aws_autoscaling_group.g", "aws_autoscaling_group") +
                                    "," + change("aws_launch_template.t[0]", "aws_launch_template");
        CHECK(references_of(plan(changes, root), "aws_autoscaling_group.g") ==
              References{{"launch_template", {"aws_launch_template.t[0]"}}});
    }
    SECTION("the same key as the group (count.index)") {
        std::string changes;
        for (const char* index : {"0", "1"})
            changes +=
                change(std::string("aws_autoscaling_group.g[") + index + "]",
                       "aws_autoscaling_group") +
                "," +
                change(std::string("aws_launch_template.t[") + index + "]", "aws_launch_template") +
                ",";
        changes.pop_back();
        CHECK(references_of(plan(changes, root), "aws_autoscaling_group.g[1]") ==
              References{{"launch_template", {"aws_launch_template.t[1]"}}});
    }
    SECTION("several instances and no key to choose by: none") {
        const std::string changes = change("aws_autoscaling_group.g", "aws_autoscaling_group") +
                                    "," +
                                    change("aws_launch_template.t[0]", "aws_launch_template") +
                                    "," + change("aws_launch_template.t[1]", "aws_launch_template");
        CHECK(references_of(plan(changes, root), "aws_autoscaling_group.g").empty());
    }
    SECTION("a key in the reference names that instance") {
        const std::string keyed = R"({"resources": [)" + group_config("aws_launch_template.t[1]") +
                                  "," + k_template_config + "]}";
        const std::string changes = change("aws_autoscaling_group.g", "aws_autoscaling_group") +
                                    "," +
                                    change("aws_launch_template.t[0]", "aws_launch_template") +
                                    "," + change("aws_launch_template.t[1]", "aws_launch_template");
        CHECK(references_of(plan(changes, keyed), "aws_autoscaling_group.g") ==
              References{{"launch_template", {"aws_launch_template.t[1]"}}});
    }
}

TEST_CASE("variables, data sources, module outputs and resources not in the plan are no "
          "references",
          "[ingest]") {
    const std::string config =
        R"({"resources": [{"address": "aws_autoscaling_group.g", "expressions": {
            "launch_configuration": {"references": ["var.lc", "data.aws_launch_configuration.x",
                                                    "module.lc.name", "aws_launch_configuration.gone"]},
            "name": {"references": ["local.name", "each.key", "count.index", "path.module"]}}}]})";
    const std::string text = plan(change("aws_autoscaling_group.g", "aws_autoscaling_group") + "," +
                                      change("data.aws_launch_configuration.x", "x"),
                                  config);
    CHECK(references_of(text, "aws_autoscaling_group.g").empty());
}
