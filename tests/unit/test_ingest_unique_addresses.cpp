#include "costgate/ingest/unique_addresses.hpp"
#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::ingest;

namespace {

Resource at(const std::string& address, const std::string& file, int line) {
    Resource resource;
    resource.address = address;
    resource.file = file;
    resource.line = line;
    return resource;
}

} // namespace

TEST_CASE("an address given twice is refused at the second, naming the first",
          "[ingest][addresses]") {
    CHECK_NOTHROW(check_addresses_unique({at("a", "p.json", 0), at("b", "p.json", 0)}, "plan"));
    CHECK_THROWS_WITH(
        check_addresses_unique({at("a", "p.json", 0), at("b", "p.json", 0), at("a", "p.json", 0)},
                               "plan"),
        "p.json: a appears twice in the plan (first at p.json): it would be priced twice");
    CHECK_THROWS_WITH(
        check_addresses_unique({at("ns/Pod/x", "a.yaml", 3), at("ns/Pod/x", "b.yaml", 7)},
                               "Kubernetes manifests"),
        Catch::StartsWith("b.yaml:7: ns/Pod/x appears twice in the Kubernetes "
                          "manifests (first at a.yaml:3)"));
}
