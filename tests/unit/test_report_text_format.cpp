#include "report/text_format.hpp"

#include <catch2/catch.hpp>

using namespace costgate;
using namespace costgate::report;

TEST_CASE("printable shows control and bidirectional characters as escapes", "[report][text]") {
    CHECK(text::printable("aws_instance.web[\"a b\"]") == "aws_instance.web[\"a b\"]");
    CHECK(text::printable("a\n::error::x") == "a\\n::error::x");
    CHECK(text::printable("\r\t") == "\\r\\t");
    CHECK(text::printable("\x1b[31mred") == "\\x1b[31mred");
    CHECK(text::printable("\x7f") == "\\x7f");
    CHECK(text::printable("\xc2\x9b") == "\\x9b"); // C1 CSI
    CHECK(text::printable("abc\xe2\x80\xae"
                          "fed") == "abc\\u202efed"); // RIGHT-TO-LEFT OVERRIDE
    CHECK(text::printable("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");
    CHECK(text::printable("\xe2\x80\xa8") == "\\u2028");
    // A real backslash is doubled, so "\n" in an address cannot pass for an escape.
    CHECK(text::printable("a\\nb") == "a\\\\nb");
    // Other text, accents and emoji included, is kept; bytes that are not UTF-8 are shown.
    CHECK(text::printable("Données €") == "Données €");
    CHECK(text::printable("\xff") == "\\xff");
}

TEST_CASE("without_workflow_commands defuses lines that start a workflow command",
          "[report][text]") {
    CHECK(text::without_workflow_commands("ok\n::error::x\n  ::warning file=a::y\nlast ::x") ==
          "ok\n\\::error::x\n  \\::warning file=a::y\nlast ::x");
    CHECK(text::without_workflow_commands("::a") == "\\::a");
    CHECK(text::without_workflow_commands("") == "");
}

TEST_CASE("wrap breaks at spaces, else between code points, losing nothing", "[report][text]") {
    CHECK(text::wrap("short", 10) == std::vector<std::string>{"short"});
    CHECK(text::wrap("exactly10!", 10) == std::vector<std::string>{"exactly10!"});
    CHECK(text::wrap("one two three four", 9) ==
          std::vector<std::string>{"one two", "three", "four"});
    CHECK(text::wrap("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
    CHECK(text::wrap("éééééé", 4) == std::vector<std::string>{"éééé", "éé"});
    CHECK(text::wrap("", 4) == std::vector<std::string>{""});
}

TEST_CASE("wrap is linear: a 10 MB address (the unit tests' timeout guards its time)",
          "[report][text]") {
    // Issue #19: the old wrap erased each line from the front and counted the rest again,
    // quadratic in the address (minutes for 10 MB, past the 120 s each unit test has).
    const std::string address(10 * 1024 * 1024, 'a');
    const std::vector<std::string> lines = text::wrap(address, 100);
    CHECK(lines.size() == (address.size() + 99) / 100);
    CHECK(lines.back().size() == address.size() % 100);
}

TEST_CASE("prices_as_of shows the dates of the prices used", "[report][text]") {
    Report report;
    report.catalog_as_of = "2026-10-01";
    CHECK(text::prices_as_of(report) == "prices as of 2026-10-01");
    ResourceEstimate a;
    a.components.push_back({"x", "hours", 730.0, 0.1, Money::from_double(73), false,
                            "aws/ec2/m5.large/us-east-1", "s", "2026-07-20"});
    a.components.push_back({"y", "GB-months", 8.0, 0.1, Money::from_double(0.8), false,
                            "aws/ebs/gp2/us-east-1", "s", "2024-07-01"});
    report.estimate.add({Resource{}, a});
    CHECK(text::prices_as_of(report) == "prices as of 2024-07-01 to 2026-07-20");
    const PricesUsed used = prices_used(report.estimate);
    CHECK(used.oldest_key == "aws/ebs/gp2/us-east-1");
}
