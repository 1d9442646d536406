#include "costgate/policy/date.hpp"
#include "costgate/policy/match.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace costgate;

TEST_CASE("globs know star and question mark and nothing else", "[policy][match]") {
    CHECK(glob_match("aws_*", "aws_instance"));
    CHECK_FALSE(glob_match("aws_*", "google_compute_instance"));
    CHECK(glob_match("aws_instance.web[*]", "aws_instance.web[0]"));
    CHECK_FALSE(glob_match("aws_instance.web[0]", "aws_instance.web1"));
    CHECK(glob_match("module.*.aws_*", "module.a.module.b.aws_eip.x"));
    CHECK(glob_match("t?.micro", "t3.micro"));
    CHECK(glob_match("*", ""));
    CHECK_FALSE(glob_match("?", ""));
    CHECK(glob_match("*a*b*c", "xxaxxbxxc"));
    CHECK_FALSE(glob_match("*a*b*c", "xxaxxcxxb"));
}

TEST_CASE("a match selects by type, address, source, tags and action", "[policy][match]") {
    Resource r;
    r.address = "module.app.aws_instance.web";
    r.type = "aws_instance";
    r.action = Action::update;
    r.tags = {{"env", "staging"}};
    Match match;
    CHECK(match.matches(r));
    match.types = {"google_*", "aws_inst*"};
    match.addresses = {"module.app.*"};
    match.tags = {{"env", {"prod", "stag*"}}};
    CHECK(match.matches(r));
    match.sources = {Source::kubernetes};
    CHECK_FALSE(match.matches(r));
    match.sources = {Source::terraform};
    match.tags["team"] = {};
    CHECK_FALSE(match.matches(r));
    match.tags.erase("team");
    r.action = Action::remove;
    CHECK_FALSE(match.matches(r));
}

TEST_CASE("dates parse strictly and compare", "[policy][date]") {
    CHECK(Date::parse("2028-02-29") == Date{2028, 2, 29});
    CHECK_FALSE(Date::parse("2026-02-29"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026-1-01"));
    CHECK_FALSE(Date::parse("2026-01-01x"));
    CHECK(Date{2026, 12, 31} > Date{2026, 12, 1});
    CHECK(Date{2026, 1, 2}.to_string() == "2026-01-02");
    CHECK(Date{1970, 1, 2}.days_since_epoch() == 1);
    setenv("COSTGATE_TODAY", "2030-05-06", 1);
    CHECK(Date::today() == Date{2030, 5, 6});
    unsetenv("COSTGATE_TODAY");
    CHECK(Date::today() > Date{2026, 1, 1});
}
