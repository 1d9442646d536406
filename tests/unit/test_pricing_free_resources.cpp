#include "costgate/pricing/resource_type.hpp"
#include "costgate/util/embedded_files.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace costgate;
using namespace costgate::pricing;

TEST_CASE("types that cost nothing on a cloud bill are known free", "[pricing][free]") {
    // The examples of issue #17, from the aws, google and Kubernetes lists.
    for (const char* type : {"aws_alb_listener", "aws_alb_target_group", "aws_lambda_permission",
                             "aws_volume_attachment", "aws_default_vpc", "aws_default_subnet",
                             "google_folder_iam_binding", "google_folder_iam_member",
                             "google_folder_iam_policy", "azurerm_resource_group", "ConfigMap"}) {
        INFO(type);
        CHECK(is_free_resource(type));
    }
    CHECK_FALSE(is_free_resource("aws_instance"));
    CHECK_FALSE(is_free_resource("aws_alb_listener_x"));
}

TEST_CASE("no free type has a pricer", "[pricing][free]") {
    int free_types = 0;
    for (const util::EmbeddedFile& file : util::embedded_files()) {
        if (!file.name.starts_with("src/pricing/catalog/free_resources"))
            continue;
        std::istringstream lines{std::string(file.contents)};
        for (std::string type; std::getline(lines, type);) {
            if (type.empty() || type.starts_with('#'))
                continue;
            INFO(file.name << ": " << type);
            const ResourceType* described = find_resource_type(type);
            CHECK((described == nullptr || !described->priced()));
            ++free_types;
        }
    }
    CHECK(free_types > 1000);
}
