#include "costgate/model/error.hpp"
#include "pricing/catalog_pack.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::pricing;

namespace {

// A pack as tools/catalog/catalog_pack.py writes it: rows sorted by `product,region,`.
const std::string k_pack = "costgate catalog pack,1,aws,rds\n"
                           "profiles,2\n"
                           "hour,on-demand,example.com/calculator,2025-06-05\n"
                           "GB-month,,example.com/golden,2026-05-03\n"
                           "strings,4\n"
                           "rds.json @7 (copy)\n"
                           "\" [key \"\"db t3.micro\"\"\"\n"
                           "\", location \"\"EU (Ireland)\"\"]\"\n"
                           "db.golden @2 [derived: $2.30 / 20 GB]\n"
                           "rows,4\n"
                           "db.t3.micro|MySQL|single-az,eu-west-1,0.018,0,0.1.2\n"
                           "db.t3.micro|MySQL|single-az,us-east-1,0.017,0,0.1\n"
                           "storage_gp2,eu-west-1,0.127,1,\n"
                           "storage_gp2,us-east-1,0.115,1,3\n";

std::string error_of(const std::string& text) {
    try {
        CatalogPack("p (embedded)", text);
    } catch (const InputError& error) {
        return error.what();
    }
    FAIL("no InputError for " << text);
    return {};
}

} // namespace

TEST_CASE("a pack finds every row by product and region", "[catalog]") {
    const CatalogPack pack("aws/rds (embedded)", k_pack);
    const auto micro = pack.find("db.t3.micro|MySQL|single-az", "eu-west-1");
    REQUIRE(micro);
    CHECK(micro->key() == "aws/rds/db.t3.micro|MySQL|single-az/eu-west-1");
    CHECK(micro->price == 0.018);
    CHECK(micro->unit == "hour");
    CHECK(micro->terms == "on-demand");
    CHECK(micro->source == "example.com/calculator");
    // The pieces, unquoted and joined: the source_detail as the facts wrote it.
    CHECK(micro->source_detail ==
          "rds.json @7 (copy) [key \"db t3.micro\", location \"EU (Ireland)\"]");
    CHECK(micro->as_of == "2025-06-05");
    CHECK_FALSE(micro->overlay);
    CHECK(pack.find("db.t3.micro|MySQL|single-az", "us-east-1")->price == 0.017);
    CHECK(pack.find("storage_gp2", "eu-west-1")->source_detail.empty());
    CHECK(pack.find("storage_gp2", "us-east-1")->source_detail ==
          "db.golden @2 [derived: $2.30 / 20 GB]");
}

TEST_CASE("a pack finds nothing for keys between, before and after its rows", "[catalog]") {
    const CatalogPack pack("aws/rds (embedded)", k_pack);
    CHECK_FALSE(pack.find("db.t3.micro|MySQL|single-az", "us-east"));
    CHECK_FALSE(pack.find("db.t3.micro|MySQL", "us-east-1"));
    CHECK_FALSE(pack.find("a", "us-east-1"));
    CHECK_FALSE(pack.find("storage_gp2", "us-west-2"));
    CHECK_FALSE(pack.find("zzz", "us-east-1"));
}

TEST_CASE("a pack lists its rows in file order", "[catalog]") {
    const auto entries = CatalogPack("aws/rds (embedded)", k_pack).all();
    REQUIRE(entries.size() == 4);
    CHECK(entries.front().key() == "aws/rds/db.t3.micro|MySQL|single-az/eu-west-1");
    CHECK(entries.back().key() == "aws/rds/storage_gp2/us-east-1");
}

TEST_CASE("a malformed pack is an error naming the pack and line", "[catalog]") {
    CHECK(error_of("provider,service\n") ==
          "p (embedded):1:1: not a catalog pack "
          "(expected \"costgate catalog pack,1,PROVIDER,SERVICE\")");
    CHECK(error_of("costgate catalog pack,1,aws,rds\nprofiles,1\n") ==
          "p (embedded):2:1: the profiles section ends early");
    CHECK(error_of("costgate catalog pack,1,aws,rds\nprofiles,0\nrows,0\n") ==
          "p (embedded):3:1: expected the \"strings,COUNT\" section");
    const CatalogPack bad(
        "p (embedded)",
        "costgate catalog pack,1,aws,rds\nprofiles,0\nstrings,0\nrows,1\nx,us-east-1,-1,0,\n");
    try {
        bad.find("x", "us-east-1");
        FAIL("no InputError for a negative price");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()) ==
              "p (embedded):5:1: price \"-1\" is not a non-negative number");
    }
}
