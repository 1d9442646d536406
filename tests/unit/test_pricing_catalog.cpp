#include "costgate/error.hpp"
#include "costgate/policy/date.hpp"
#include "costgate/pricing/catalog.hpp"
#include "pricing/csv.hpp"

#include <catch2/catch.hpp>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace costgate;

namespace {

const std::string k_header =
    "provider,service,product,region,unit,price,terms,source,source_detail,as_of\n";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream stream(path);
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
}

double to_double(const std::string& text) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

} // namespace

TEST_CASE("the embedded catalog prices the acceptance instance and volume", "[catalog]") {
    const Catalog catalog = Catalog::embedded();
    const PriceEntry* m5 = catalog.find("aws", "ec2", "m5.large", "us-east-1");
    REQUIRE(m5 != nullptr);
    CHECK(m5->price == 0.096);
    CHECK(m5->unit == "hour");
    CHECK(m5->key() == "aws/ec2/m5.large/us-east-1");
    const PriceEntry* gp3 = catalog.find("aws", "ebs", "gp3", "us-east-1");
    REQUIRE(gp3 != nullptr);
    CHECK(gp3->price == 0.08);
    CHECK(catalog.find("aws", "ec2", "m5.large", "mars-north-1") == nullptr);
    CHECK(catalog.find("aws", "no_such_service", "x", "us-east-1") == nullptr);
    CHECK_FALSE(catalog.version().empty());
    CHECK(Date::parse(catalog.as_of()));
    CHECK(catalog.currency() == "USD");
}

TEST_CASE("every embedded price has a source and a date", "[catalog]") {
    const Catalog catalog = Catalog::embedded();
    REQUIRE(catalog.entries().size() > 10'000);
    for (const auto& [key, entry] : catalog.entries()) {
        INFO(key);
        CHECK_FALSE(entry.source.empty());
        CHECK(Date::parse(entry.as_of));
        CHECK(entry.as_of <= catalog.as_of());
    }
}

TEST_CASE("catalog lookups agree with sampled public list prices", "[catalog]") {
    const Catalog catalog = Catalog::embedded();
    const std::string name = "reference_sample.csv";
    const auto rows = parse_csv(
        name, read_file(std::filesystem::path(COSTGATE_SOURCE_DIR) / "tests/data" / name));
    REQUIRE(rows.size() > 61);
    std::map<std::string, int> per_provider;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& f = rows[i].fields;
        INFO(f[0] << "/" << f[1] << "/" << f[2] << "/" << f[3]);
        const PriceEntry* entry = catalog.find(f[0], f[1], f[2], f[3]);
        REQUIRE(entry != nullptr);
        CHECK(entry->price == to_double(f[4]));
        CHECK(entry->source == f[5]);
        ++per_provider[f[0]];
    }
    CHECK(per_provider.size() == 3);
}

TEST_CASE("overlay rows replace embedded prices and later rows win", "[catalog]") {
    Catalog catalog = Catalog::embedded();
    catalog.add_csv("negotiated.csv",
                    k_header +
                        "aws,ec2,m5.large,us-east-1,hour,0.07,EDP,contract,FIN-1,2026-01-01\n"
                        "aws,ec2,m5.large,us-east-1,hour,0.06,EDP,contract,FIN-2,2026-02-01\n");
    CHECK(catalog.find("aws", "ec2", "m5.large", "us-east-1")->price == 0.06);
    CHECK(catalog.find("aws", "ec2", "m5.xlarge", "us-east-1")->price == 0.192);
}

TEST_CASE("malformed catalog rows are errors naming file and line", "[catalog]") {
    Catalog catalog;
    CHECK_THROWS_WITH(catalog.add_csv("c.csv", "provider,service\n"),
                      Catch::StartsWith("c.csv:1: catalog header"));
    CHECK_THROWS_WITH(catalog.add_csv("c.csv", k_header + "aws,ec2,x,us-east-1,hour,0.1\n"),
                      Catch::StartsWith("c.csv:2: expected 10 fields"));
    CHECK_THROWS_WITH(
        catalog.add_csv("c.csv", k_header + "aws,ec2,x,us-east-1,hour,-1,,s,,2026-01-01\n"),
        Catch::StartsWith("c.csv:2: price \"-1\""));
    CHECK_THROWS_WITH(
        catalog.add_csv("c.csv", k_header + "aws,ec2,x,us-east-1,hour,abc,,s,,2026-01-01\n"),
        Catch::Contains("not a non-negative number"));
    CHECK_THROWS_WITH(
        catalog.add_csv("c.csv", k_header + "aws,ec2,x,us-east-1,hour,1,,s,,2026-02-30\n"),
        Catch::StartsWith("c.csv:2: as_of"));
    CHECK_THROWS_WITH(
        catalog.add_csv("c.csv", k_header + "\n\naws,ec2,,us-east-1,hour,1,,s,,2026-01-01\n"),
        Catch::StartsWith("c.csv:4: product is empty"));
    CHECK_THROWS_WITH(
        catalog.add_csv("c.csv", k_header + "aws,ec2,x,us-east-1,hour,1,,s,,2026-01-01\n\"open"),
        Catch::StartsWith("c.csv:3: unterminated"));
}

TEST_CASE("CSV parsing handles quotes, CRLF and comments", "[catalog]") {
    const auto rows = parse_csv(
        "t.csv", "# comment\r\na,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\nd,\"multi\nline\",e\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].line == 2);
    CHECK(rows[0].fields == std::vector<std::string>{"a", "b,c", "say \"hi\""});
    CHECK(rows[1].line == 4);
    CHECK(rows[1].fields == std::vector<std::string>{"d", "multi\nline", "e"});
}
