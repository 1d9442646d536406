#include "policy_test_suite.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/input_path.hpp"
#include "costgate/util/yaml_map.hpp"

#include <algorithm>
#include <filesystem>

namespace costgate::cli {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> relative_paths(util::YamlMap& map, const std::string& key,
                                        const fs::path& base) {
    std::vector<std::string> paths;
    for (const std::string& path : map.string_list(key))
        paths.push_back(path == "-" ? path : (base / path).lexically_normal().string());
    return paths;
}

std::optional<Severity> parse_severity(util::YamlMap& map) {
    const auto text = map.optional_string("severity");
    if (!text)
        return std::nullopt;
    for (const Severity severity : {Severity::info, Severity::warn, Severity::fail})
        if (*text == to_string(severity))
            return severity;
    map.fail(map.get("severity"),
             "\"severity\" must be info, warn or fail, found \"" + *text + "\"");
}

ExpectedFinding parse_expected_finding(const std::string& file, const YAML::Node& node) {
    util::YamlMap map(file, node, "expected finding");
    ExpectedFinding expected;
    expected.rule = map.required_string("rule");
    if (map.has("resource")) {
        const YAML::Node resource = map.get("resource");
        if (resource.IsNull())
            expected.resource = std::optional<std::string>();
        else if (resource.IsScalar())
            expected.resource = std::optional<std::string>(resource.Scalar());
        else
            map.fail(resource, "\"resource\" must be an address or null");
    }
    expected.severity = parse_severity(map);
    expected.message = map.optional_string("message");
    expected.exempted = map.optional_bool("exempted");
    expected.line = util::yaml_location(file, node).line;
    map.finish();
    return expected;
}

PolicyTestCase parse_case(const std::string& file, const YAML::Node& node, const fs::path& base) {
    util::YamlMap map(file, node, "test case");
    PolicyTestCase test;
    test.name = map.required_string("name");
    test.line = util::yaml_location(file, node).line;
    test.inputs.plans = relative_paths(map, "plan", base);
    test.inputs.k8s = relative_paths(map, "k8s", base);
    test.inputs.base_k8s = relative_paths(map, "base_k8s", base);
    test.inputs.catalogs = relative_paths(map, "catalog", base);
    if (const auto usage = map.optional_string("usage"))
        test.inputs.usage = (base / *usage).lexically_normal().string();
    test.inputs.cluster = map.optional_string("cluster").value_or("");
    test.inputs.region = map.optional_string("region").value_or("");
    test.inputs.cost_centre_tag = map.optional_string("cost_centre_tag").value_or("cost-centre");
    if (test.inputs.plans.empty() && test.inputs.k8s.empty())
        map.fail("test case \"" + test.name + "\" needs \"plan\" or \"k8s\" inputs");
    if (!test.inputs.base_k8s.empty() && test.inputs.k8s.empty())
        map.fail("test case \"" + test.name + "\" has \"base_k8s\" without \"k8s\"");

    const YAML::Node expect = map.get("expect");
    if (!expect.IsDefined() || expect.IsNull())
        map.fail("test case \"" + test.name + "\" is missing \"expect\"");
    util::YamlMap expectations(file, expect, "expect");
    if (const auto result = expectations.optional_string("result")) {
        for (const Result candidate : {Result::pass, Result::warn, Result::fail})
            if (*result == to_string(candidate))
                test.result = candidate;
        if (!test.result)
            expectations.fail(expectations.get("result"),
                              "\"result\" must be pass, warn or fail, found \"" + *result + "\"");
    }
    const YAML::Node findings = expectations.get("findings");
    if (findings.IsDefined() && !findings.IsNull()) {
        if (!findings.IsSequence())
            expectations.fail(findings, "\"findings\" must be a list");
        for (const YAML::Node& finding : findings)
            test.findings.push_back(parse_expected_finding(file, finding));
    }
    test.allow_other_findings = expectations.optional_bool("allow_other_findings").value_or(false);
    expectations.finish();
    map.finish();
    return test;
}

bool matches(const ExpectedFinding& expected, const Finding& actual) {
    return expected.rule == actual.rule &&
           (!expected.resource || *expected.resource == actual.resource) &&
           (!expected.severity || *expected.severity == actual.severity) &&
           (!expected.message || actual.message.find(*expected.message) != std::string::npos) &&
           (!expected.exempted || *expected.exempted == actual.exempted_by.has_value());
}

std::string describe(const ExpectedFinding& expected) {
    std::string text = "rule " + expected.rule;
    if (expected.resource)
        text += ", resource " + expected.resource->value_or("(none)");
    if (expected.severity)
        text += ", severity " + std::string(to_string(*expected.severity));
    if (expected.message)
        text += ", message containing \"" + *expected.message + "\"";
    if (expected.exempted)
        text += *expected.exempted ? ", exempted" : ", not exempted";
    return text;
}

std::string describe(const Finding& finding) {
    return "[" + std::string(to_string(finding.severity)) + "] " + finding.rule + " " +
           finding.resource.value_or("(run-wide)") + ": " + finding.message +
           (finding.exempted_by ? " (exempted: " + *finding.exempted_by + ")" : "");
}

} // namespace

PolicyTestFile parse_policy_test_file(const std::string& path, std::string_view yaml) {
    util::YamlMap map = util::load_versioned_document(path, yaml, "policy test file");
    const fs::path base = fs::path(path).parent_path();
    PolicyTestFile file;
    file.path = path;
    file.policies = relative_paths(map, "policies", base);
    if (file.policies.empty())
        map.fail("policy test file needs \"policies\": the policy files under test");
    file.today = util::Date::today();
    if (const auto today = map.optional_string("today")) {
        const auto date = util::Date::parse(*today);
        if (!date)
            map.fail(map.get("today"),
                     "\"today\" must be a YYYY-MM-DD date, found \"" + *today + "\"");
        file.today = *date;
    }
    const YAML::Node cases = map.get("cases");
    if (!cases.IsDefined() || !cases.IsSequence() || cases.size() == 0)
        map.fail(cases.IsDefined() ? cases : map.get("version"),
                 "policy test file needs a non-empty \"cases\" list");
    for (const YAML::Node& test : cases)
        file.cases.push_back(parse_case(path, test, base));
    map.finish();
    return file;
}

std::vector<std::string> find_policy_test_files(const std::string& directory) {
    const util::PathKind kind = util::input_path_kind(directory);
    if (kind == util::PathKind::file)
        return {directory};
    if (kind != util::PathKind::directory)
        throw UsageError("policy test: " + directory + " is not a directory or file");
    std::vector<std::string> files;
    const auto is_test_file = [](const fs::path& file) {
        const std::string name = file.filename().string();
        return name.ends_with("_test.yaml") || name.ends_with("_test.yml");
    };
    for (const fs::path& file : util::list_files(directory, {true, is_test_file, {}}))
        files.push_back(file.string());
    if (files.empty())
        throw UsageError("policy test: no *_test.yaml files under " + directory);
    return files;
}

std::vector<std::string> compare_with_expectations(const PolicyTestCase& test,
                                                   const Report& report) {
    std::vector<std::string> problems;
    if (test.result && *test.result != report.result())
        problems.push_back("expected result " + std::string(to_string(*test.result)) + ", got " +
                           std::string(to_string(report.result())));
    std::vector<bool> used(report.findings.size(), false);
    for (const ExpectedFinding& expected : test.findings) {
        bool found = false;
        for (std::size_t i = 0; i < report.findings.size() && !found; ++i)
            if (!used[i] && matches(expected, report.findings[i]))
                used[i] = found = true;
        if (!found)
            problems.push_back("missing finding (line " + std::to_string(expected.line) +
                               "): " + describe(expected));
    }
    if (!test.allow_other_findings)
        for (std::size_t i = 0; i < report.findings.size(); ++i)
            if (!used[i])
                problems.push_back("unexpected finding: " + describe(report.findings[i]));
    return problems;
}

} // namespace costgate::cli
