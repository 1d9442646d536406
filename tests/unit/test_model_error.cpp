#include "costgate/model/error.hpp"

#include <catch2/catch.hpp>

using costgate::SourceLocation;

TEST_CASE("a byte offset becomes a 1-based line and column", "[model][error]") {
    const std::string text = "ab\ncd\n\nx";
    CHECK(SourceLocation::at_offset("f", text, 0).to_string() == "f:1:1");
    CHECK(SourceLocation::at_offset("f", text, 1).to_string() == "f:1:2");
    CHECK(SourceLocation::at_offset("f", text, 2).to_string() == "f:1:3"); // the newline itself
    CHECK(SourceLocation::at_offset("f", text, 3).to_string() == "f:2:1");
    CHECK(SourceLocation::at_offset("f", text, 6).to_string() == "f:3:1");
    CHECK(SourceLocation::at_offset("f", text, 7).to_string() == "f:4:1");
    CHECK(SourceLocation::at_offset("f", text, 99).to_string() == "f:4:2"); // clamped to the end
    CHECK(SourceLocation::at_offset("f", "", 0).to_string() == "f:1:1");
}
