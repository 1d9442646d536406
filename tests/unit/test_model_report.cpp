#include "costgate/model/report.hpp"

#include <catch2/catch.hpp>

using namespace costgate;

namespace {

Finding finding(Severity severity, std::optional<std::string> exempted_by = std::nullopt) {
    Finding result;
    result.rule = "r";
    result.severity = severity;
    result.message = "m";
    result.exempted_by = std::move(exempted_by);
    return result;
}

Report report_of(std::vector<Finding> findings) {
    Report report;
    report.findings = std::move(findings);
    return report;
}

} // namespace

TEST_CASE("a report without findings passes with exit code 0", "[model][report]") {
    const Report report;
    CHECK(report.result() == Result::pass);
    CHECK(report.exit_code() == 0);
}

TEST_CASE("info findings alone still pass", "[model][report]") {
    const Report report = report_of({finding(Severity::info), finding(Severity::info)});
    CHECK(report.result() == Result::pass);
    CHECK(report.exit_code() == 0);
}

TEST_CASE("a warn finding makes the result warn but the exit code 0", "[model][report]") {
    const Report report = report_of({finding(Severity::info), finding(Severity::warn)});
    CHECK(report.result() == Result::warn);
    CHECK(report.exit_code() == 0);
}

TEST_CASE("a fail finding makes the result fail and the exit code 1", "[model][report]") {
    const Report report = report_of({finding(Severity::fail)});
    CHECK(report.result() == Result::fail);
    CHECK(report.exit_code() == 1);
}

TEST_CASE("the worst severity wins whatever the order of findings", "[model][report]") {
    CHECK(report_of({finding(Severity::fail), finding(Severity::warn)}).result() == Result::fail);
    CHECK(report_of({finding(Severity::warn), finding(Severity::fail)}).result() == Result::fail);
    CHECK(report_of({finding(Severity::warn), finding(Severity::info)}).result() == Result::warn);
}

TEST_CASE("exempted findings do not count towards the result", "[model][report]") {
    SECTION("an exempted fail passes with exit code 0") {
        const Report report = report_of({finding(Severity::fail, "approved in FIN-1")});
        CHECK(report.result() == Result::pass);
        CHECK(report.exit_code() == 0);
    }
    SECTION("an exempted fail next to a warning leaves the warning") {
        const Report report =
            report_of({finding(Severity::fail, "approved"), finding(Severity::warn)});
        CHECK(report.result() == Result::warn);
        CHECK(report.exit_code() == 0);
    }
    SECTION("an exempted warning passes") {
        CHECK(report_of({finding(Severity::warn, "approved")}).result() == Result::pass);
    }
    SECTION("an exempted fail does not hide an unexempted one") {
        const Report report =
            report_of({finding(Severity::fail, "approved"), finding(Severity::fail)});
        CHECK(report.result() == Result::fail);
        CHECK(report.exit_code() == 1);
    }
}

TEST_CASE("results and severities print as pass, warn and fail", "[model][report]") {
    CHECK(to_string(Result::pass) == "pass");
    CHECK(to_string(Result::warn) == "warn");
    CHECK(to_string(Result::fail) == "fail");
    CHECK(to_string(Severity::info) == "info");
    CHECK(to_string(Severity::warn) == "warn");
    CHECK(to_string(Severity::fail) == "fail");
}

TEST_CASE("findings are counted by severity, leaving out exempted ones", "[model][report]") {
    const FindingCounts counts = count_findings(
        {finding(Severity::fail), finding(Severity::fail, "ticket-1"), finding(Severity::warn),
         finding(Severity::warn), finding(Severity::info), finding(Severity::info, "ok")});
    CHECK(counts.fail == 1);
    CHECK(counts.warn == 2);
    CHECK(counts.info == 1);
}
