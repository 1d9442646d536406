#include "costgate/pricing/instance_specs.hpp"
#include "costgate/util/csv.hpp"
#include "costgate/util/embedded_files.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace costgate;
using namespace costgate::util;
using namespace costgate::pricing;

namespace {

void check(std::string_view provider, std::string_view type, int vcpus, double memory_gib,
           int gpus) {
    INFO(provider << " " << type);
    const auto spec = find_instance_spec(provider, type);
    REQUIRE(spec);
    CHECK(spec->vcpus == vcpus);
    CHECK(spec->memory_gib == Approx(memory_gib));
    CHECK(spec->gpus == gpus);
}

} // namespace

TEST_CASE("the spec tables hold sourced, sorted, unique rows", "[pricing][specs]") {
    int files = 0;
    for (const EmbeddedFile& file : embedded_files()) {
        if (!file.name.starts_with("src/pricing/specs/") || !file.name.ends_with(".csv"))
            continue;
        ++files;
        const auto rows = parse_csv(file.name, file.contents);
        REQUIRE(rows.size() > 1);
        CHECK(rows[0].fields == std::vector<std::string>{"provider", "instance_type", "vcpus",
                                                         "memory_gib", "gpus", "source",
                                                         "source_detail", "as_of"});
        std::set<std::string> seen;
        std::string previous;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const auto& fields = rows[i].fields;
            REQUIRE(fields.size() == 8);
            CHECK(seen.insert(fields[1]).second);
            CHECK(previous < fields[1]);
            previous = fields[1];
            CHECK(std::stoi(fields[2]) > 0);
            CHECK(std::stod(fields[3]) > 0);
            CHECK(std::stoi(fields[4]) >= 0);
            CHECK_FALSE(fields[5].empty());
            CHECK(fields[7].size() == 10);
        }
    }
    CHECK(files >= 3);
}

TEST_CASE("well-known types have their published hardware", "[pricing][specs]") {
    check("aws", "m5.large", 2, 8, 0);
    check("aws", "t3.micro", 2, 1, 0);
    check("aws", "c5.9xlarge", 36, 72, 0);
    check("aws", "r5.24xlarge", 96, 768, 0);
    check("aws", "g5.48xlarge", 192, 768, 8);
    check("aws", "p4d.24xlarge", 96, 1152, 8);
    check("aws", "p3.2xlarge", 8, 61, 1);
    check("aws", "db.m5.large", 2, 8, 0);
    check("aws", "cache.t3.micro", 2, 1, 0);
    check("gcp", "n2-custom-8-32768", 8, 32, 0);
    check("gcp", "custom-2-5120-ext", 2, 5, 0);
    CHECK_FALSE(find_instance_spec("aws", "zz9.huge"));
    CHECK_FALSE(find_instance_spec("gcp", "n2-custom-x-1"));
}

// Figures as the sources print them: GCP vCPUs and memory from Cyclenerd's
// tools/machinetypes.csv @fd66b26f (`a2-highgpu-1g;12;False;85.00`), GPUs from its
// pricing.yml (`a2-highgpu-1g: a100: 1`); Azure from kubernetes/autoscaler's
// azure_instance_types.go @03e49d9c (`Standard_NC4as_T4_v3`: VCPU 4, MemoryMb 28672, GPU 1).
TEST_CASE("GCP machine types and Azure VM sizes have their generated hardware",
          "[pricing][specs]") {
    check("gcp", "a2-highgpu-1g", 12, 85, 1);
    check("gcp", "a2-ultragpu-1g", 12, 170, 1);
    check("gcp", "a2-megagpu-16g", 96, 1360, 16);
    check("gcp", "a3-highgpu-8g", 208, 1872, 8);
    check("gcp", "g2-standard-4", 4, 16, 1);
    check("gcp", "g2-standard-48", 48, 192, 4);
    check("gcp", "c3-standard-4", 4, 16, 0);
    check("gcp", "n1-standard-1", 1, 3.75, 0);
    check("gcp", "t2d-standard-1", 1, 4, 0);
    // A shared-core type has its guest vCPUs, not the fraction of a core it is billed for.
    check("gcp", "e2-micro", 2, 1, 0);
    check("azure", "Standard_NC4as_T4_v3", 4, 28, 1);
    check("azure", "Standard_NC24ads_A100_v4", 24, 220, 1);
    check("azure", "Standard_ND96asr_v4", 96, 900, 8);
    check("azure", "Standard_B2s", 2, 4, 0);
    // g4-standard-6 is priced with 1/8 of a GPU: not a whole count, so not in the table.
    CHECK_FALSE(find_instance_spec("gcp", "g4-standard-6"));
    CHECK_FALSE(find_instance_spec("azure", "a2-highgpu-1g"));
}
