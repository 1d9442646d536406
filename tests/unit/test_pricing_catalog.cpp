#include "costgate/model/error.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/util/csv.hpp"
#include "costgate/util/date.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace costgate;
using namespace costgate::util;
using namespace costgate::pricing;

namespace {

const std::string k_header =
    "provider,service,product,region,unit,price,terms,source,source_detail,as_of\n";
const std::string k_row = "aws,ec2,x,us-east-1,hour,0.1,,contract,,2026-01-01\n";

bool is_iso_date(const std::string& text) {
    static const std::regex k_date(R"(\d{4}-\d{2}-\d{2})");
    return std::regex_match(text, k_date) && Date::parse(text).has_value();
}

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

/// The message of the InputError adding `csv` as c.csv throws, or fails the test.
std::string add_error(const std::string& csv) {
    Catalog catalog;
    try {
        catalog.add_csv("c.csv", csv);
    } catch (const InputError& error) {
        return error.what();
    }
    FAIL("no InputError for " << csv);
    return {};
}

} // namespace

TEST_CASE("the embedded catalog prices the acceptance instance and volume", "[catalog]") {
    const Catalog catalog = Catalog::embedded();
    const PriceEntry* m5 = catalog.find("aws", "ec2", "m5.large", "us-east-1");
    REQUIRE(m5 != nullptr);
    CHECK(m5->price == 0.096);
    CHECK(m5->unit == "hour");
    CHECK(m5->key() == "aws/ec2/m5.large/us-east-1");
    CHECK_FALSE(m5->source.empty());
    CHECK(is_iso_date(m5->as_of));
    CHECK_FALSE(m5->overlay);
    const PriceEntry* gp3 = catalog.find("aws", "ebs", "gp3", "us-east-1");
    REQUIRE(gp3 != nullptr);
    CHECK(gp3->price == 0.08);
    CHECK(gp3->unit == "GB-month");
    CHECK_FALSE(gp3->source.empty());
    CHECK(is_iso_date(gp3->as_of));
    CHECK(catalog.find("aws", "ec2", "m5.large", "mars-north-1") == nullptr);
    CHECK(catalog.find("aws", "no_such_service", "x", "us-east-1") == nullptr);
    CHECK(catalog.find("nocloud", "ec2", "m5.large", "us-east-1") == nullptr);
}

TEST_CASE("the embedded catalog has a version, a date and a currency", "[catalog]") {
    const Catalog catalog = Catalog::embedded();
    CHECK_FALSE(catalog.version().empty());
    CHECK(is_iso_date(catalog.as_of()));
    CHECK(catalog.currency() == "USD");
}

TEST_CASE("every embedded price has a source and a date no newer than the catalog's", "[catalog]") {
    const Catalog catalog = Catalog::embedded();
    REQUIRE(catalog.entries().size() > 10'000);
    for (const auto& [key, entry] : catalog.entries()) {
        INFO(key);
        CHECK(key == entry.key());
        CHECK_FALSE(entry.source.empty());
        CHECK(is_iso_date(entry.as_of));
        CHECK(entry.as_of <= catalog.as_of());
        CHECK(entry.price >= 0);
    }
}

TEST_CASE("catalog lookups agree with sampled public list prices", "[catalog]") {
    const Catalog catalog = Catalog::embedded();
    const std::string name = "reference_sample.csv";
    const auto path = std::filesystem::path(COSTGATE_SOURCE_DIR) / "tests/data" / name;
    const auto rows = parse_csv(name, read_file(path));
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

TEST_CASE("regional prices come out within 1% of the shared facts they were drawn from",
          "[catalog]") {
    const Catalog catalog = Catalog::embedded();
    const std::string name = "regional_sample.csv";
    const auto path = std::filesystem::path(COSTGATE_SOURCE_DIR) / "tests/data" / name;
    const auto rows = parse_csv(name, read_file(path));
    REQUIRE(rows.size() > 90);
    std::set<std::string> providers;
    std::set<std::string> regions;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& f = rows[i].fields;
        INFO(f[0] << "/" << f[1] << "/" << f[2] << "/" << f[3] << " from " << f[8]);
        const PriceEntry* entry = catalog.find(f[0], f[1], f[2], f[3]);
        REQUIRE(entry != nullptr);
        const double expected = to_double(f[5]);
        CHECK(std::abs(entry->price - expected) <= 0.01 * expected);
        CHECK(entry->unit == f[4]);
        CHECK(entry->source == f[6]);
        CHECK(entry->as_of == f[7]);
        providers.insert(f[0]);
        regions.insert(f[3]);
    }
    CHECK(providers.size() == 3);
    CHECK(regions.size() > 40);
}

TEST_CASE("overlay rows replace embedded prices and later files replace earlier ones",
          "[catalog]") {
    Catalog catalog = Catalog::embedded();
    catalog.add_csv(
        "a.csv", k_header + "aws,ec2,m5.large,us-east-1,hour,0.06,EDP,contract,FIN-2,2026-02-01\n");
    const PriceEntry* m5 = catalog.find("aws", "ec2", "m5.large", "us-east-1");
    REQUIRE(m5 != nullptr);
    CHECK(m5->price == 0.06);
    CHECK(m5->terms == "EDP");
    CHECK(m5->source == "contract");
    CHECK(m5->source_detail == "FIN-2");
    CHECK(m5->as_of == "2026-02-01");
    CHECK(m5->overlay);
    // Rows the overlay does not name keep their embedded price.
    CHECK(catalog.find("aws", "ec2", "m5.xlarge", "us-east-1")->price == 0.192);

    SECTION("a later file replaces an earlier one") {
        catalog.add_csv("b.csv",
                        k_header + "aws,ec2,m5.large,us-east-1,hour,0.05,,contract,,2026-03-01\n");
        CHECK(catalog.find("aws", "ec2", "m5.large", "us-east-1")->price == 0.05);
    }
    SECTION("new products are added and listed") {
        catalog.add_csv("b.csv",
                        k_header + "aws,ec2,x9.huge,us-east-1,hour,9,,contract,,2026-03-01\n");
        CHECK(catalog.find("aws", "ec2", "x9.huge", "us-east-1")->price == 9);
        CHECK(catalog.entries().count("aws/ec2/x9.huge/us-east-1") == 1);
    }
}

TEST_CASE("an overlay added before the embedded service is loaded still wins", "[catalog]") {
    // The embedded ebs prices are parsed lazily, after this overlay.
    Catalog catalog = Catalog::embedded();
    catalog.add_csv("c.csv",
                    k_header + "aws,ebs,gp3,us-east-1,GB-month,0.07,,contract,,2026-01-01\n");
    CHECK(catalog.find("aws", "ebs", "gp3", "us-east-1")->price == 0.07);
    CHECK(catalog.find("aws", "ebs", "gp2", "us-east-1")->price == 0.1);
}

TEST_CASE("a bad header is an error naming file and line", "[catalog]") {
    CHECK_THAT(add_error("provider,service\n"), Catch::StartsWith("c.csv:1: catalog header"));
    CHECK_THAT(add_error("# prices\n\nprovider,service,product\n"),
               Catch::StartsWith("c.csv:3: catalog header"));
    CHECK_THAT(add_error("# only a comment\n"),
               Catch::StartsWith("c.csv: ") && Catch::Contains("no header row"));
}

TEST_CASE("malformed catalog rows are errors naming file and line", "[catalog]") {
    SECTION("wrong field count") {
        CHECK_THAT(add_error(k_header + "aws,ec2,x,us-east-1,hour,0.1\n"),
                   Catch::StartsWith("c.csv:2: expected 10 fields, found 6"));
        CHECK_THAT(
            add_error(k_header + k_row + "\naws,ec2,x,us-east-1,hour,0.1,,s,,2026-01-01,x\n"),
            Catch::StartsWith("c.csv:4: expected 10 fields, found 11"));
    }
    SECTION("a price that is negative or not a number") {
        for (const std::string price : {"-1", "abc", "0.1x", "", "nan", "inf", "1,5"}) {
            INFO(price);
            const std::string row = "aws,ec2,x,us-east-1,hour,\"" + price + "\",,s,,2026-01-01\n";
            CHECK_THAT(add_error(k_header + row),
                       Catch::StartsWith("c.csv:2: price \"" + price + "\"") &&
                           Catch::Contains("not a non-negative number"));
        }
    }
    SECTION("an as_of that is not a YYYY-MM-DD date") {
        for (const std::string as_of : {"2026-02-30", "2026/01/01", "yesterday", ""}) {
            INFO(as_of);
            CHECK_THAT(add_error(k_header + "aws,ec2,x,us-east-1,hour,1,,s,," + as_of + "\n"),
                       Catch::StartsWith("c.csv:2: as_of \"" + as_of + "\""));
        }
    }
    SECTION("an empty required field") {
        const std::vector<std::pair<std::string, std::string>> rows{
            {"provider", ",ec2,x,us-east-1,hour,1,,s,,2026-01-01"},
            {"service", "aws,,x,us-east-1,hour,1,,s,,2026-01-01"},
            {"product", "aws,ec2,,us-east-1,hour,1,,s,,2026-01-01"},
            {"region", "aws,ec2,x,,hour,1,,s,,2026-01-01"},
            {"unit", "aws,ec2,x,us-east-1,,1,,s,,2026-01-01"},
            {"source", "aws,ec2,x,us-east-1,hour,1,,,,2026-01-01"}};
        for (const auto& [column, row] : rows) {
            INFO(column);
            CHECK_THAT(add_error(k_header + "\n# note\n" + row + "\n"),
                       Catch::StartsWith("c.csv:4: " + column + " is empty"));
        }
    }
    SECTION("an unterminated quote") {
        CHECK_THAT(add_error(k_header + k_row + "\"open"),
                   Catch::StartsWith("c.csv:3: unterminated"));
    }
}

TEST_CASE("optional catalog fields may be empty", "[catalog]") {
    Catalog catalog;
    catalog.add_csv("c.csv", k_header + k_row);
    const PriceEntry* entry = catalog.find("aws", "ec2", "x", "us-east-1");
    REQUIRE(entry != nullptr);
    CHECK(entry->terms.empty());
    CHECK(entry->source_detail.empty());
    CHECK(entry->price == 0.1);
}

TEST_CASE("an overlay price in another time unit is converted at 730 hours a month", "[catalog]") {
    Catalog catalog = Catalog::embedded();
    // m5.large at 50 a month is 50 / 730 = 0.0684931... an hour; an ALB at 0.0225 an hour
    // is 0.0225 x 730 = 16.425 a month.
    catalog.add_csv("a.csv", k_header +
                                 "aws,ec2,m5.large,us-east-1,month,50,,contract,,2026-01-01\n"
                                 "aws,elb,alb,us-east-1,hour,0.0225,,c,,2026-01-01\n");
    const PriceEntry* m5 = catalog.find("aws", "ec2", "m5.large", "us-east-1");
    REQUIRE(m5);
    CHECK(m5->unit == "hour");
    CHECK(m5->price * 730 == Approx(50));
    CHECK(m5->adjustment == "converted from 50 per month");
    const PriceEntry* alb = catalog.find("aws", "elb", "alb", "us-east-1");
    REQUIRE(alb);
    CHECK(alb->unit == "month");
    CHECK(alb->price == Approx(16.425));
    // The unit the embedded catalog uses, or a new product in a known service, is kept.
    catalog.add_csv("b.csv", k_header + "aws,ec2,m9.huge,eu-west-1,hour,9,,c,,2026-01-01\n");
    CHECK(catalog.find("aws", "ec2", "m9.huge", "eu-west-1")->adjustment.empty());
    // A cluster profile of the user's own takes the overlay's unit.
    catalog.add_csv("c.csv", k_header + "k8s,mine,cpu,any,vCPU-week,1,,c,,2026-01-01\n");
    CHECK(catalog.find("k8s", "mine", "cpu", "any")->unit == "vCPU-week");
}

TEST_CASE("overlay prices costgate would misread are errors at the overlay's line", "[catalog]") {
    // {row, message after "a.csv:3: "}; line 2 is a good row.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"aws,ec2,m5.large,us-east-1,GB-month,1,,c,,2026-01-01",
         "unit \"GB-month\" for aws/ec2/m5.large/us-east-1: costgate prices this product per "
         "\"hour\""},
        {"aws,ec2,m9.huge,us-east-1,GB,1,,c,,2026-01-01",
         "unit \"GB\" for aws/ec2/m9.huge/us-east-1: costgate prices aws/ec2 per \"hour\" "
         "(write the price in that unit; hours and months convert)"},
        {"awz,ec2,m5.large,us-east-1,hour,1,,c,,2026-01-01",
         "unknown provider \"awz\" (costgate prices anthropic, aws, azure, gcp, k8s, openai)"},
        {"aws,ec2,m5.large,us-east-1,hour,1e7,,c,,2026-01-01",
         "price 10000000 for aws/ec2/m5.large/us-east-1 is not below 1,000,000 a unit"},
        {"aws,ec2,x,us-east-1,hour,0.2,,contract,,2026-01-01",
         "the price of aws/ec2/x/us-east-1 is given twice in this overlay (also at a.csv:2)"},
    };
    for (const auto& [row, message] : cases) {
        CAPTURE(row);
        Catalog catalog = Catalog::embedded();
        CHECK_THROWS_WITH(catalog.add_csv("a.csv", k_header + k_row + row + "\n"),
                          Catch::StartsWith("a.csv:3: " + message));
    }
}

TEST_CASE("a YAML overlay's prices are checked at their file:line:column", "[catalog]") {
    Catalog catalog = Catalog::embedded();
    const std::string price = "  - {provider: aws, service: ec2, product: m5.large, region: "
                              "us-east-1, unit: hour, price: 0.05, source: c, as_of: 2026-01-01}\n";
    CHECK_THROWS_WITH(catalog.add_overlay("o.yaml", "version: 1\nprices:\n" + price + price),
                      Catch::StartsWith("o.yaml:4:5: the price of aws/ec2/m5.large/us-east-1 is "
                                        "given twice in this overlay (also at o.yaml:3:5)"));
    CHECK_THROWS_WITH(
        catalog.add_overlay("o.yaml", "version: 1\nprices:\n  - {provider: aws, service: ec2, "
                                      "product: m5.large, region: us-east-1, unit: hour, price: "
                                      "'0.05', source: c, as_of: 2026-01-01}\n"),
        Catch::StartsWith("o.yaml:3:") && Catch::Contains("\"price\" must be a number"));
}

TEST_CASE("the regions a product is priced in: embedded rows and overlay rows, sorted once",
          "[pricing][catalog]") {
    Catalog catalog = Catalog::embedded();
    // The embedded EC2 pack prices g5.xlarge in 16 regions, from ap-northeast-1 to us-west-2.
    const std::vector<std::string> regions = catalog.regions_of("aws", "ec2", "g5.xlarge");
    REQUIRE(regions.size() == 16);
    CHECK(std::is_sorted(regions.begin(), regions.end()));
    CHECK(regions.front() == "ap-northeast-1");
    CHECK(regions.back() == "us-west-2");
    // A prefix of a product is not the product; an unknown service has no regions.
    CHECK(catalog.regions_of("aws", "ec2", "g5.xlarg").empty());
    CHECK(catalog.regions_of("aws", "no_such_service", "g5.xlarge").empty());
    // An overlay adds its region; a region looked up before is not listed twice.
    CHECK(catalog.find("aws", "ec2", "g5.xlarge", "eu-west-1"));
    catalog.add_csv("a.csv",
                    k_header + "aws,ec2,g5.xlarge,eu-south-2,hour,1.2,,contract,,2026-01-01\n");
    const std::vector<std::string> with_overlay = catalog.regions_of("aws", "ec2", "g5.xlarge");
    CHECK(with_overlay.size() == 17);
    CHECK(std::count(with_overlay.begin(), with_overlay.end(), "eu-south-2") == 1);
    CHECK(std::count(with_overlay.begin(), with_overlay.end(), "eu-west-1") == 1);
}
