#include "costgate/error.hpp"
#include "costgate/ingest/input_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using costgate::decode_text;
using costgate::InputError;
using costgate::read_input;

namespace {

std::string bytes(std::initializer_list<unsigned char> list) { return std::string(list.begin(), list.end()); }

std::filesystem::path temp_dir() {
    const auto dir = std::filesystem::temp_directory_path() / "costgate_test_input_file";
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("UTF-8 text passes through and a UTF-8 BOM is dropped", "[ingest]") {
    CHECK(decode_text("p.json", "{}") == "{}");
    CHECK(decode_text("p.json", "\xEF\xBB\xBF{}") == "{}");
}

TEST_CASE("UTF-16 with a byte order mark is converted to UTF-8", "[ingest]") {
    SECTION("little endian") { CHECK(decode_text("p.json", bytes({0xFF, 0xFE, '{', 0, '}', 0})) == "{}"); }
    SECTION("big endian") { CHECK(decode_text("p.json", bytes({0xFE, 0xFF, 0, '{', 0, '}'})) == "{}"); }
    SECTION("non-ASCII and a surrogate pair") {
        // U+00E9 and U+1F600 (a surrogate pair: D83D DE00).
        CHECK(decode_text("p.json", bytes({0xFF, 0xFE, 0xE9, 0x00, 0x3D, 0xD8, 0x00, 0xDE})) ==
              "\xC3\xA9\xF0\x9F\x98\x80");
    }
}

TEST_CASE("malformed UTF-16 and NUL bytes are errors naming the input", "[ingest]") {
    CHECK_THROWS_WITH(decode_text("p.json", bytes({0xFF, 0xFE, '{'})), Catch::Contains("p.json") &&
                                                                          Catch::Contains("odd number"));
    CHECK_THROWS_WITH(decode_text("p.json", bytes({0xFF, 0xFE, 0x00, 0xDC})), Catch::Contains("unpaired surrogate"));
    CHECK_THROWS_WITH(decode_text("p.json", bytes({0xFF, 0xFE, 0x3D, 0xD8})), Catch::Contains("surrogate"));
    CHECK_THROWS_WITH(decode_text("p.json", bytes({'{', 0, '}', 0})),
                      Catch::Contains("p.json") && Catch::Contains("NUL"));
}

TEST_CASE("reading a file that is missing, a directory or empty names the path", "[ingest]") {
    const auto dir = temp_dir();
    const auto missing = (dir / "missing.json").string();
    CHECK_THROWS_WITH(read_input(missing), Catch::StartsWith(missing) && Catch::Contains("no such file"));
    CHECK_THROWS_WITH(read_input(dir.string()), Catch::Contains("is a directory"));
    const auto empty = (dir / "empty.json").string();
    std::ofstream(empty) << "  \n";
    CHECK_THROWS_WITH(read_input(empty), Catch::StartsWith(empty) && Catch::Contains("is empty"));
}

TEST_CASE("reading a file returns its decoded text under its own name", "[ingest]") {
    const auto path = (temp_dir() / "bom.json").string();
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF{\"a\": 1}";
    const auto input = read_input(path);
    CHECK(input.name == path);
    CHECK(input.text == "{\"a\": 1}");
}
