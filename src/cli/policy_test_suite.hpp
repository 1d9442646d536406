#pragma once

#include "costgate/model/finding.hpp"
#include "costgate/model/report.hpp"
#include "costgate/util/date.hpp"
#include "run_options.hpp"

#include <optional>
#include <string>
#include <vector>

namespace costgate::cli {

/// A finding a policy test expects; unset fields match anything.
struct ExpectedFinding {
    std::string rule;
    /// Set with `resource:`; `resource: null` expects a run-wide finding.
    std::optional<std::optional<std::string>> resource;
    std::optional<Severity> severity;
    /// A part of the message.
    std::optional<std::string> message;
    std::optional<bool> exempted;
    int line = 0;
};

/// One case of a policy test file: inputs, as `check` takes them, and what to expect.
struct PolicyTestCase {
    std::string name;
    int line = 0;
    RunOptions inputs;
    std::optional<Result> result;
    std::vector<ExpectedFinding> findings;
    /// Without it, every reported finding must be expected.
    bool allow_other_findings = false;
};

/// A `*_test.yaml` file: the policies under test, the day they are judged on, and cases.
struct PolicyTestFile {
    std::string path;
    std::vector<std::string> policies;
    util::Date today;
    std::vector<PolicyTestCase> cases;
};

/// Parses a policy test file; paths in it are relative to its folder. Throws InputError
/// `path:line:column` on anything malformed.
PolicyTestFile parse_policy_test_file(const std::string& path, std::string_view yaml);

/// The test files (`*_test.yaml`, `*_test.yml`) under `directory`, sorted; a file may be
/// given instead of a directory.
std::vector<std::string> find_policy_test_files(const std::string& directory);

/// Why a case failed, one line per problem; empty when it passed.
std::vector<std::string> compare_with_expectations(const PolicyTestCase& test,
                                                   const Report& report);

} // namespace costgate::cli
