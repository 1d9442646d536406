#include "costgate/policy/match.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace costgate;
using namespace costgate::policy;

namespace {

Resource resource(const std::string& address, const std::string& type, Action action,
                  std::map<std::string, std::string> tags = {}) {
    Resource r;
    r.address = address;
    r.type = type;
    r.action = action;
    r.tags = std::move(tags);
    return r;
}

} // namespace

TEST_CASE("an empty match selects every resource being created or changed", "[policy][match]") {
    const Match match;
    CHECK(match.matches(resource("aws_instance.a", "aws_instance", Action::create)));
    CHECK(match.matches(resource("aws_instance.a", "aws_instance", Action::update)));
    CHECK(match.matches(resource("aws_instance.a", "aws_instance", Action::replace)));
    CHECK_FALSE(match.matches(resource("aws_instance.a", "aws_instance", Action::remove)));
    CHECK_FALSE(match.matches(resource("aws_instance.a", "aws_instance", Action::no_op)));
    CHECK_FALSE(match.matches(resource("aws_instance.a", "aws_instance", Action::read)));
}

TEST_CASE("listed actions replace the default ones", "[policy][match]") {
    Match match;
    match.actions = {Action::no_op, Action::remove};
    CHECK(match.matches(resource("aws_instance.a", "aws_instance", Action::no_op)));
    CHECK(match.matches(resource("aws_instance.a", "aws_instance", Action::remove)));
    CHECK_FALSE(match.matches(resource("aws_instance.a", "aws_instance", Action::create)));
}

TEST_CASE("a match selects by any of its type and address globs", "[policy][match]") {
    Match match;
    match.types = {"google_*", "aws_inst*"};
    CHECK(match.matches(resource("aws_instance.a", "aws_instance", Action::create)));
    CHECK(match.matches(resource("google_compute_disk.d", "google_compute_disk", Action::create)));
    CHECK_FALSE(match.matches(resource("aws_ebs_volume.v", "aws_ebs_volume", Action::create)));

    match.addresses = {"module.app.*", "aws_instance.web[*]"};
    CHECK(match.matches(resource("module.app.aws_instance.a", "aws_instance", Action::create)));
    CHECK(match.matches(resource("aws_instance.web[2]", "aws_instance", Action::create)));
    CHECK_FALSE(match.matches(resource("aws_instance.a", "aws_instance", Action::create)));
    CHECK_FALSE(
        match.matches(resource("module.app.aws_ebs_volume.v", "aws_ebs_volume", Action::create)));
}

TEST_CASE("a match selects by source", "[policy][match]") {
    Resource deployment = resource("default/Deployment/web", "Deployment", Action::create);
    deployment.source = Source::kubernetes;
    const Resource instance = resource("aws_instance.a", "aws_instance", Action::create);
    Match match;
    match.sources = {Source::kubernetes};
    CHECK(match.matches(deployment));
    CHECK_FALSE(match.matches(instance));
    match.sources = {Source::terraform, Source::kubernetes};
    CHECK(match.matches(deployment));
    CHECK(match.matches(instance));
}

TEST_CASE("a match selects by tag keys and value globs", "[policy][match]") {
    const Resource staging =
        resource("aws_instance.a", "aws_instance", Action::create, {{"env", "staging"}});
    Match match;
    match.tags = {{"env", {"prod", "stag*"}}};
    CHECK(match.matches(staging));
    CHECK_FALSE(match.matches(
        resource("aws_instance.b", "aws_instance", Action::create, {{"env", "production"}})));
    CHECK_FALSE(match.matches(resource("aws_instance.c", "aws_instance", Action::create)));

    SECTION("every listed key must be present") {
        match.tags["team"] = {"*"};
        CHECK_FALSE(match.matches(staging));
        CHECK(match.matches(resource("aws_instance.d", "aws_instance", Action::create,
                                     {{"env", "staging"}, {"team", "data"}})));
    }
    SECTION("a key with no values accepts any value") {
        match.tags["team"] = {};
        CHECK_FALSE(match.matches(staging));
        CHECK(match.matches(resource("aws_instance.d", "aws_instance", Action::create,
                                     {{"env", "staging"}, {"team", ""}})));
    }
}

TEST_CASE("every part of a match must hold", "[policy][match]") {
    Match match;
    match.types = {"aws_*"};
    match.addresses = {"module.app.*"};
    match.sources = {Source::terraform};
    match.tags = {{"env", {"staging"}}};
    Resource r =
        resource("module.app.aws_instance.a", "aws_instance", Action::update, {{"env", "staging"}});
    CHECK(match.matches(r));
    r.action = Action::remove;
    CHECK_FALSE(match.matches(r));
    r.action = Action::update;
    r.source = Source::kubernetes;
    CHECK_FALSE(match.matches(r));
    r.source = Source::terraform;
    r.tags["env"] = "prod";
    CHECK_FALSE(match.matches(r));
}

TEST_CASE("a resource's module path and namespace come from its address", "[policy][match]") {
    Resource tf = resource("module.app.module.db[\"a.b\"].aws_db_instance.main", "aws_db_instance",
                           Action::create);
    CHECK(resource_module(tf) == "module.app.module.db[\"a.b\"]");
    CHECK(resource_module(resource("aws_instance.web", "aws_instance", Action::create)).empty());
    CHECK(resource_namespace(tf).empty());
    Resource k8s = resource("team-a/Deployment/api", "Deployment", Action::create);
    k8s.source = Source::kubernetes;
    CHECK(resource_namespace(k8s) == "team-a");
    CHECK(resource_module(k8s).empty());
}

TEST_CASE("modules, namespaces and exclude narrow a selection", "[policy][match]") {
    Match by_module;
    by_module.modules = {"module.ml*"};
    CHECK(by_module.matches(resource("module.ml.aws_instance.t", "aws_instance", Action::create)));
    CHECK_FALSE(
        by_module.matches(resource("module.web.aws_instance.t", "aws_instance", Action::create)));
    CHECK_FALSE(by_module.matches(resource("aws_instance.t", "aws_instance", Action::create)));
    Match root;
    root.modules = {"root"};
    CHECK(root.matches(resource("aws_instance.t", "aws_instance", Action::create)));

    Match by_namespace;
    by_namespace.namespaces = {"prod-*"};
    Resource prod = resource("prod-eu/Deployment/api", "Deployment", Action::create);
    prod.source = Source::kubernetes;
    CHECK(by_namespace.matches(prod));
    CHECK_FALSE(by_namespace.matches(resource("aws_instance.t", "aws_instance", Action::create)));

    Match excluding;
    excluding.types = {"aws_*"};
    auto exclude = std::make_shared<Match>();
    exclude->tags = {{"env", {"prod"}}};
    excluding.exclude = exclude;
    CHECK(excluding.matches(
        resource("aws_instance.a", "aws_instance", Action::create, {{"env", "dev"}})));
    CHECK_FALSE(excluding.matches(
        resource("aws_instance.b", "aws_instance", Action::create, {{"env", "prod"}})));
}

TEST_CASE("selects ignores the action, matches does not", "[policy][match]") {
    const Match match;
    const Resource unchanged = resource("aws_instance.a", "aws_instance", Action::no_op);
    CHECK(match.selects(unchanged));
    CHECK_FALSE(match.matches(unchanged));
}

TEST_CASE("gpu selects resources that run on GPUs", "[policy][match]") {
    Match gpu;
    gpu.gpu = true;
    Match cpu;
    cpu.gpu = false;
    Resource job = resource("ml/Job/train", "Job", Action::create);
    job.source = Source::kubernetes;
    job.after = JsonTree(nlohmann::json::parse(
        R"({"spec": {"template": {"spec": {"containers": [{"resources": {"limits": {"nvidia.com/gpu": "2"}}}]}}}})"));
    CHECK(gpu.matches(job));
    CHECK_FALSE(cpu.matches(job));
    Resource accelerated =
        resource("google_compute_instance.t", "google_compute_instance", Action::create);
    accelerated.after = JsonTree(nlohmann::json::parse(
        R"({"machine_type": "n1-standard-8", "guest_accelerator": [{"type": "nvidia-tesla-t4", "count": 1}]})"));
    CHECK(gpu.matches(accelerated));
    Resource plain =
        resource("google_compute_instance.p", "google_compute_instance", Action::create);
    plain.after = JsonTree(
        nlohmann::json::parse(R"({"machine_type": "n1-standard-8", "guest_accelerator": []})"));
    CHECK_FALSE(gpu.matches(plain));
    CHECK(cpu.matches(plain));
}
