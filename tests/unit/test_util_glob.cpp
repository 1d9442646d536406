#include "costgate/util/glob.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::util;

TEST_CASE("a star matches any run of characters, dots and brackets included", "[util][glob]") {
    CHECK(glob_match("aws_*", "aws_instance"));
    CHECK(glob_match("aws_*", "aws_"));
    CHECK_FALSE(glob_match("aws_*", "google_compute_instance"));
    CHECK(glob_match("module.*.aws_*", "module.app.aws_instance.web"));
    CHECK(glob_match("module.*.aws_*", "module.a.module.b.aws_eip.x"));
    CHECK_FALSE(glob_match("module.*.aws_*", "aws_instance.web"));
    CHECK(glob_match("*", ""));
    CHECK(glob_match("*", "anything[0].at[\"all\"]"));
    CHECK(glob_match("*a*b*c", "xxaxxbxxc"));
    CHECK_FALSE(glob_match("*a*b*c", "xxaxxcxxb"));
    CHECK(glob_match("*.web", "aws_instance.web"));
    CHECK_FALSE(glob_match("*.web", "aws_instance.web2"));
}

TEST_CASE("a question mark matches exactly one character", "[util][glob]") {
    CHECK(glob_match("t?.micro", "t3.micro"));
    CHECK_FALSE(glob_match("t?.micro", "t.micro"));
    CHECK_FALSE(glob_match("t?.micro", "t3a.micro"));
    CHECK_FALSE(glob_match("?", ""));
    CHECK(glob_match("aws_instance.web[?]", "aws_instance.web[7]"));
    CHECK_FALSE(glob_match("aws_instance.web[?]", "aws_instance.web[10]"));
}

TEST_CASE("brackets and every other character in a glob are literal", "[util][glob]") {
    CHECK(glob_match("aws_instance.web[*]", "aws_instance.web[0]"));
    CHECK(glob_match("aws_instance.web[*]", "aws_instance.web[\"a\"]"));
    CHECK_FALSE(glob_match("aws_instance.web[*]", "aws_instance.web"));
    CHECK_FALSE(glob_match("aws_instance.web[*]", "aws_instance.web0"));
    CHECK(glob_match("aws_instance.web[0]", "aws_instance.web[0]"));
    CHECK_FALSE(glob_match("aws_instance.web[0]", "aws_instance.web0"));
    CHECK_FALSE(glob_match("aws_instance.web[01]", "aws_instance.web[0]"));
    CHECK_FALSE(glob_match("AWS_*", "aws_instance"));
    CHECK(glob_match("", ""));
    CHECK_FALSE(glob_match("", "x"));
}
