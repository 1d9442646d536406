#include "costgate/util/embedded_files.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

TEST_CASE("an embedded file is found by its path in the source tree", "[util]") {
    const util::EmbeddedFile* types =
        util::find_embedded_file("src/pricing/types/resource_types.yaml");
    REQUIRE(types);
    CHECK(types->contents.find("types:") != std::string_view::npos);
    CHECK(util::embedded_file("policies/starter.yaml") ==
          util::find_embedded_file("policies/starter.yaml")->contents);
    CHECK_FALSE(util::find_embedded_file("src/pricing/types/nothing.yaml"));
    CHECK_THROWS_WITH(util::embedded_file("src/pricing/types/nothing.yaml"),
                      "missing embedded file src/pricing/types/nothing.yaml");
}
