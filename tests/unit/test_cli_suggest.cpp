#include "cli/suggest.hpp"

#include <catch2/catch.hpp>

using namespace costgate::cli;

TEST_CASE("nearest_name finds likely typos and nothing else", "[cli][suggest]") {
    const std::vector<std::string> commands = {"check",  "estimate", "policy", "catalog",
                                               "config", "init",     "version"};
    CHECK(nearest_name("chek", commands) == "check");
    CHECK(nearest_name("ckeck", commands) == "check");
    CHECK(nearest_name("estiamte", commands) == "estimate"); // a swap is one edit
    CHECK(nearest_name("polciy", commands) == "policy");
    CHECK(nearest_name("confg", commands) == "config");
    CHECK(nearest_name("zzzz", commands) == std::nullopt);
    CHECK(nearest_name("x", commands) == std::nullopt);
    const std::vector<std::string> formats = {"github",   "gitlab", "json", "junit",
                                              "markdown", "sarif",  "table"};
    CHECK(nearest_name("markdwn", formats) == "markdown");
    CHECK(nearest_name("jsn", formats) == "json");
    CHECK(nearest_name("tabel", formats) == "table");
    CHECK(did_you_mean("sraif", formats) == "; did you mean \"sarif\"?");
    CHECK(did_you_mean("pdf", formats).empty());
}

TEST_CASE("explain_parse_error names the nearest subcommand or option", "[cli][suggest]") {
    CLI::App app;
    app.add_flag("-v,--verbose");
    std::string level;
    app.add_option("--log-level", level);
    CLI::App* check = app.add_subcommand("check");
    std::string format;
    check->add_option("--format", format);
    CLI::App* policy = app.add_subcommand("policy");
    policy->add_subcommand("validate");
    policy->add_subcommand("test");

    CHECK(explain_parse_error(app, {"chek", "--plan", "p.json"}, "A subcommand is required") ==
          "unknown command \"chek\"; did you mean \"check\"?");
    CHECK(explain_parse_error(app, {"--log-level", "debug", "zzzz"}, "m") ==
          "unknown command \"zzzz\" (commands: check, policy)");
    CHECK(explain_parse_error(app, {"policy", "valdate", "p.yaml"}, "m") ==
          "unknown command \"valdate\" of \"policy\"; did you mean \"validate\"?");
    CHECK(explain_parse_error(app, {"check", "--formt", "json"}, "not expected: --formt") ==
          "not expected: --formt (did you mean --format?)");
    CHECK(explain_parse_error(app, {"check", "--format=json", "--verbos"}, "m") ==
          "m (did you mean --verbose?)");
    // A value that looks like a subcommand is a value; nothing to add to a good line.
    CHECK(explain_parse_error(app, {"--log-level", "check", "check"}, "m") == "m");
    CHECK(explain_parse_error(app, {}, "A subcommand is required") == "A subcommand is required");
}
