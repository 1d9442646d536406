#include "costgate/model/error.hpp"
#include "costgate/util/csv.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::util;

using costgate::InputError;
using costgate::util::CsvRow;
using costgate::util::format_csv_row;
using costgate::util::parse_csv;

namespace {

using Fields = std::vector<std::string>;

std::vector<Fields> fields_of(const std::string& text) {
    std::vector<Fields> result;
    for (const CsvRow& row : parse_csv("t.csv", text))
        result.push_back(row.fields);
    return result;
}

std::vector<int> lines_of(const std::string& text) {
    std::vector<int> result;
    for (const CsvRow& row : parse_csv("t.csv", text))
        result.push_back(row.line);
    return result;
}

} // namespace

TEST_CASE("plain CSV splits on commas and line breaks", "[pricing][csv]") {
    CHECK(fields_of("a,b,c\nd,e,f\n") == std::vector<Fields>{{"a", "b", "c"}, {"d", "e", "f"}});
    CHECK(lines_of("a,b,c\nd,e,f\n") == std::vector<int>{1, 2});
    SECTION("the last row needs no line break") {
        CHECK(fields_of("a,b\nc,d") == std::vector<Fields>{{"a", "b"}, {"c", "d"}});
    }
    SECTION("empty fields are kept, including a trailing one") {
        CHECK(fields_of(",a,,b,\n") == std::vector<Fields>{{"", "a", "", "b", ""}});
    }
    SECTION("spaces are part of a field") {
        CHECK(fields_of(" a , b \n") == std::vector<Fields>{{" a ", " b "}});
    }
    SECTION("an empty text has no rows") {
        CHECK(parse_csv("t.csv", "").empty());
    }
}

TEST_CASE("quoted fields may hold commas, quotes and line breaks", "[pricing][csv]") {
    SECTION("a comma") {
        CHECK(fields_of("a,\"b,c\",d\n") == std::vector<Fields>{{"a", "b,c", "d"}});
    }
    SECTION("doubled quotes are one quote") {
        CHECK(fields_of("\"say \"\"hi\"\"\",x\n") == std::vector<Fields>{{"say \"hi\"", "x"}});
        CHECK(fields_of("\"\"\"\"\n") == std::vector<Fields>{{"\""}});
    }
    SECTION("an empty quoted field") {
        CHECK(fields_of("\"\",a\n") == std::vector<Fields>{{"", "a"}});
    }
    SECTION("a line break inside quotes continues the row and counts lines") {
        const std::string text = "d,\"multi\nline\",e\nnext,row\n";
        CHECK(fields_of(text) == std::vector<Fields>{{"d", "multi\nline", "e"}, {"next", "row"}});
        CHECK(lines_of(text) == std::vector<int>{1, 3});
    }
    SECTION("a # inside a quoted field or after the first field is data") {
        CHECK(fields_of("a,# not a comment\n\"# not either\",b\n") ==
              std::vector<Fields>{{"a", "# not a comment"}, {"# not either", "b"}});
    }
}

TEST_CASE("CRLF line endings do not leak into fields", "[pricing][csv]") {
    const std::string text = "a,b\r\n\"c\",d\r\ne,\"f\"\r\n";
    CHECK(fields_of(text) == std::vector<Fields>{{"a", "b"}, {"c", "d"}, {"e", "f"}});
    CHECK(lines_of(text) == std::vector<int>{1, 2, 3});
}

TEST_CASE("comments and blank lines are skipped but still counted", "[pricing][csv]") {
    const std::string text = "# header comment\r\n\r\nh1,h2\n\n# between rows\n\nv1,v2\n# end";
    CHECK(fields_of(text) == std::vector<Fields>{{"h1", "h2"}, {"v1", "v2"}});
    CHECK(lines_of(text) == std::vector<int>{3, 7});
}

TEST_CASE("an unterminated quote is an error naming the file and its line", "[pricing][csv]") {
    SECTION("on the last line") {
        CHECK_THROWS_AS(parse_csv("prices.csv", "a,b\nc,\"open\n"), InputError);
        CHECK_THROWS_WITH(parse_csv("prices.csv", "a,b\nc,\"open\n"),
                          "prices.csv:2: unterminated quoted field");
    }
    SECTION("the line the quote opened on, not where the text ends") {
        const std::string text = "# c\na,b\n\"open,\nmore\nand more";
        try {
            parse_csv("prices.csv", text);
            FAIL("no error for an unterminated quote");
        } catch (const InputError& error) {
            CHECK(error.where().file == "prices.csv");
            CHECK(error.where().line == 3);
            CHECK_THAT(error.what(), Catch::StartsWith("prices.csv:3: "));
        }
    }
}

TEST_CASE("rows are formatted with quotes only where needed", "[pricing][csv]") {
    CHECK(format_csv_row({"a", "b", ""}) == "a,b,\n");
    CHECK(format_csv_row({"a,b", "say \"hi\"", "two\nlines", "cr\r"}) ==
          "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n");
    SECTION("a formatted row parses back to its fields") {
        const Fields fields{"aws", "a,b", "\"quoted\"", "multi\nline", "", "# hash"};
        const auto rows = parse_csv("t.csv", format_csv_row(fields) + format_csv_row({"x"}));
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].fields == fields);
        CHECK(rows[1].fields == Fields{"x"});
        CHECK(rows[1].line == 3);
    }
}
