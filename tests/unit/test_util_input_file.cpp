#include "costgate/model/error.hpp"
#include "costgate/util/input_file.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>

using namespace costgate;
using namespace costgate::util;

using costgate::InputError;
using costgate::util::decode_text;
using costgate::util::read_input;

namespace {

std::string bytes(std::initializer_list<unsigned char> list) {
    return std::string(list.begin(), list.end());
}

/// This file's own folder under the system's temporary directory.
std::filesystem::path temp_dir() {
    const auto dir = std::filesystem::temp_directory_path() / "costgate_test_ingest_input_file";
    std::filesystem::create_directories(dir);
    return dir;
}

std::string write_file(const std::string& name, const std::string& contents) {
    const auto path = (temp_dir() / name).string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << contents;
    return path;
}

/// The message of the InputError that decode_text throws, or fails the test.
std::string decode_error(const std::string& input) {
    try {
        decode_text("plan.json", input);
    } catch (const InputError& error) {
        return error.what();
    }
    FAIL("decode_text accepted malformed input");
    return {};
}

} // namespace

TEST_CASE("UTF-8 text passes through and a UTF-8 BOM is dropped", "[ingest]") {
    CHECK(decode_text("p.json", "{}") == "{}");
    CHECK(decode_text("p.json", "\xEF\xBB\xBF{}") == "{}");
    CHECK(decode_text("p.json", "{\"name\": \"caf\xC3\xA9\"}") == "{\"name\": \"caf\xC3\xA9\"}");
    // Only a leading BOM is a BOM.
    CHECK(decode_text("p.json", "{}\xEF\xBB\xBF") == "{}\xEF\xBB\xBF");
}

TEST_CASE("UTF-16 with a byte order mark is converted to UTF-8", "[ingest]") {
    SECTION("little endian") {
        CHECK(decode_text("p.json", bytes({0xFF, 0xFE, '{', 0, '}', 0})) == "{}");
    }
    SECTION("big endian") {
        CHECK(decode_text("p.json", bytes({0xFE, 0xFF, 0, '{', 0, '}'})) == "{}");
    }
    SECTION("two- and three-byte UTF-8 sequences") {
        // U+00E9 and U+20AC, big endian.
        CHECK(decode_text("p.json", bytes({0xFE, 0xFF, 0x00, 0xE9, 0x20, 0xAC})) ==
              "\xC3\xA9\xE2\x82\xAC");
    }
    SECTION("a surrogate pair, little endian") {
        // U+1F600 is D83D DE00.
        CHECK(decode_text("p.json", bytes({0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE})) ==
              "\xF0\x9F\x98\x80");
    }
    SECTION("a surrogate pair, big endian") {
        CHECK(decode_text("p.json", bytes({0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00, 0x00, '!'})) ==
              "\xF0\x9F\x98\x80!");
    }
    SECTION("a byte order mark alone") {
        CHECK(decode_text("p.json", bytes({0xFF, 0xFE})).empty());
    }
}

TEST_CASE("malformed UTF-16 is an error naming the input", "[ingest]") {
    SECTION("odd byte count") {
        CHECK_THAT(decode_error(bytes({0xFF, 0xFE, '{', 0, '}'})),
                   Catch::StartsWith("plan.json: ") && Catch::Contains("odd number of bytes"));
    }
    SECTION("a low surrogate without a high one") {
        CHECK_THAT(decode_error(bytes({0xFF, 0xFE, 0x00, 0xDC, '{', 0})),
                   Catch::StartsWith("plan.json: ") && Catch::Contains("unpaired surrogate"));
    }
    SECTION("a high surrogate followed by a normal character") {
        CHECK_THAT(decode_error(bytes({0xFF, 0xFE, 0x3D, 0xD8, '{', 0})),
                   Catch::StartsWith("plan.json: ") && Catch::Contains("unpaired surrogate"));
    }
    SECTION("a high surrogate at the end") {
        CHECK_THAT(decode_error(bytes({0xFE, 0xFF, 0, '{', 0xD8, 0x3D})),
                   Catch::StartsWith("plan.json: ") && Catch::Contains("surrogate"));
    }
}

TEST_CASE("NUL bytes without a byte order mark are an error naming the input", "[ingest]") {
    // UTF-16LE without its BOM, as some editors save it.
    CHECK_THAT(decode_error(bytes({'{', 0, '}', 0})),
               Catch::StartsWith("plan.json: ") && Catch::Contains("NUL"));
    CHECK_THAT(decode_error(std::string("{\"a\": 1}\0", 9)), Catch::Contains("plan.json"));
}

TEST_CASE("reading a missing path, a directory or an empty file names the path", "[ingest]") {
    const auto dir = temp_dir();
    SECTION("missing") {
        const auto missing = (dir / "missing.json").string();
        std::filesystem::remove(missing);
        CHECK_THROWS_AS(read_input(missing), InputError);
        CHECK_THROWS_WITH(read_input(missing),
                          Catch::StartsWith(missing + ": ") && Catch::Contains("no such file"));
    }
    SECTION("a directory") {
        CHECK_THROWS_AS(read_input(dir.string()), InputError);
        CHECK_THROWS_WITH(read_input(dir.string()), Catch::StartsWith(dir.string() + ": ") &&
                                                        Catch::Contains("is a directory"));
    }
    SECTION("an empty file") {
        const auto empty = write_file("empty.json", "");
        CHECK_THROWS_AS(read_input(empty), InputError);
        CHECK_THROWS_WITH(read_input(empty),
                          Catch::StartsWith(empty + ": ") && Catch::Contains("is empty"));
    }
    SECTION("a file of only whitespace") {
        const auto blank = write_file("blank.json", "  \r\n\t\n");
        CHECK_THROWS_WITH(read_input(blank),
                          Catch::StartsWith(blank + ": ") && Catch::Contains("is empty"));
    }
}

TEST_CASE("reading a file returns its decoded text under its own name", "[ingest]") {
    SECTION("UTF-8 with a BOM") {
        const auto path = write_file("bom.json", "\xEF\xBB\xBF{\"a\": 1}");
        const auto input = read_input(path);
        CHECK(input.name == path);
        CHECK(input.text == "{\"a\": 1}");
    }
    SECTION("UTF-16LE, as PowerShell writes it") {
        const auto path = write_file("utf16.json", bytes({0xFF, 0xFE, '{', 0, '}', 0, '\n', 0}));
        CHECK(read_input(path).text == "{}\n");
    }
    SECTION("malformed UTF-16 names the file") {
        const auto path = write_file("odd.json", bytes({0xFF, 0xFE, '{'}));
        CHECK_THROWS_WITH(read_input(path), Catch::StartsWith(path + ": "));
    }
}

TEST_CASE("invalid UTF-8 is an error at its line and column", "[ingest][input]") {
    CHECK_THROWS_WITH(decode_text("p.json", "{\n  \"a\": \"x" + bytes({0xFF}) + "\"}"),
                      "p.json:2:10: invalid UTF-8 (byte 0xFF): save the file as UTF-8");
    // Overlong forms, UTF-16 surrogates, code points past U+10FFFF, truncated sequences.
    for (const std::string& bad :
         {bytes({0xC0, 0xAF}), bytes({0xE0, 0x80, 0xAF}), bytes({0xED, 0xA0, 0x80}),
          bytes({0xF4, 0x90, 0x80, 0x80}), bytes({0xE2, 0x82}), bytes({0x80})})
        CHECK_THROWS_AS(decode_text("p.json", "a" + bad), InputError);
    const std::string valid = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x92\xB8 \xF4\x8F\xBF\xBF";
    CHECK(decode_text("p.json", valid) == valid);
}

TEST_CASE("inputs larger than the limit fail before being read whole", "[ingest][input]") {
    const std::string path = write_file("big.json", std::string(2 * 1024 * 1024, ' ') + "{}");
    ::setenv("COSTGATE_MAX_INPUT_MB", "1", 1);
    CHECK_THROWS_WITH(read_input(path), path +
                                            ": is larger than 1 MiB, the most costgate reads (set "
                                            "COSTGATE_MAX_INPUT_MB to raise it)");
    ::setenv("COSTGATE_MAX_INPUT_MB", "3", 1);
    CHECK(read_input(path).text.size() == 2 * 1024 * 1024 + 2);
    for (const char* bad : {"abc", "0", "-5", "2GB"}) {
        ::setenv("COSTGATE_MAX_INPUT_MB", bad, 1);
        CHECK_THROWS_AS(read_input(path), UsageError);
    }
    ::unsetenv("COSTGATE_MAX_INPUT_MB");
}

TEST_CASE("text after a UTF-8 byte order mark is checked too", "[ingest][input]") {
    // Found by fuzz_k8s: the BOM path skipped the check and the JSON renderer threw.
    CHECK_THROWS_WITH(decode_text("m.yaml", "\xEF\xBB\xBFname: " + bytes({0x97})),
                      "m.yaml:1:7: invalid UTF-8 (byte 0x97): save the file as UTF-8");
    CHECK(decode_text("m.yaml", "\xEF\xBB\xBFname: caf\xC3\xA9") == "name: caf\xC3\xA9");
}

TEST_CASE("release gives back whole pages of a file's text and nothing around them",
          "[ingest][input]") {
    const std::size_t page = 4096 * 16; // a multiple of any page size in use
    const std::string contents = "{" + std::string(4 * page, 'x') + "}";
    const costgate::util::InputText input = read_input(write_file("release.json", contents));
    REQUIRE(input.text == contents);
    input.release(1, 2 * page + 1);
    // The partial pages at both ends stay; what is given back reads as zeros.
    CHECK(input.text.substr(0, 2) == "{x");
    CHECK(input.text[page] == '\0');
    CHECK(input.text[2 * page - 1] == '\0');
    CHECK(input.text.substr(2 * page) == contents.substr(2 * page));
    // Text held in a string (standard input, decoded UTF-16, tests) is never touched.
    const costgate::util::InputText held("held.json", contents);
    held.release(0, contents.size());
    CHECK(held.text == contents);
}
