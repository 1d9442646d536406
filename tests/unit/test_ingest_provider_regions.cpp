#include "ingest/provider_regions.hpp"

#include <catch2/catch.hpp>

using costgate::ProviderRegions;
using costgate::strip_instance_keys;

TEST_CASE("instance keys are stripped from addresses", "[ingest]") {
    CHECK(strip_instance_keys(R"(module.a["x.y"].module.b[0].aws_instance.c[1])") ==
          "module.a.module.b.aws_instance.c");
    CHECK(strip_instance_keys(R"(aws_instance.c["a]b"])") == "aws_instance.c");
    CHECK(strip_instance_keys("aws_instance.c") == "aws_instance.c");
}

TEST_CASE("module resources find their provider's region", "[ingest]") {
    const auto plan = nlohmann::json::parse(R"({"configuration": {
        "provider_config": {
            "aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-east-1"}}},
            "module.pinned:aws": {"name": "aws", "module_address": "module.pinned",
                                  "expressions": {"region": {"constant_value": "eu-central-1"}}},
            "module.blank:aws": {"name": "aws", "module_address": "module.blank"}},
        "root_module": {"module_calls": {
            "inherits": {"module": {"resources": [{"address": "aws_instance.a", "provider_config_key": "module.inherits:aws"}],
                "module_calls": {"deep": {"module": {"resources": [{"address": "aws_instance.b", "provider_config_key": "deep:aws"}]}}}}},
            "pinned": {"module": {"resources": [{"address": "aws_instance.c", "provider_config_key": "module.pinned:aws"}]}},
            "blank": {"module": {"resources": [{"address": "aws_instance.d", "provider_config_key": "module.blank:aws"}]}}}}}})");
    const ProviderRegions regions(plan);
    CHECK(regions.region_for("module.inherits.aws_instance.a", "aws") == "us-east-1");
    CHECK(regions.region_for("module.inherits.module.deep.aws_instance.b", "aws") == "us-east-1");
    CHECK(regions.region_for("module.pinned.aws_instance.c", "aws") == "eu-central-1");
    // A module's own provider block without a region does not inherit the root's.
    CHECK(regions.region_for("module.blank.aws_instance.d", "aws").empty());
    CHECK(regions.region_for("aws_instance.not_in_configuration", "aws") == "us-east-1");
    CHECK(regions.region_for("google_compute_instance.x", "google").empty());
}
