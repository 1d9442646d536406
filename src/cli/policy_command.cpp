#include "commands.hpp"
#include "costgate/policy/policy.hpp"
#include "costgate/util/input_file.hpp"
#include "policy_test_suite.hpp"

#include <iostream>
#include <memory>

namespace costgate::cli {

namespace {

void add_validate(CLI::App& command, int& exit_code) {
    CLI::App* validate = command.add_subcommand("validate", "Check policy files without any input");
    auto files = std::make_shared<std::vector<std::string>>();
    validate->add_option("FILE", *files, "Policy files, merged in order")->required();
    validate->callback([files, &exit_code] {
        const policy::Policy merged = policy::load_policy_files(*files);
        std::cout << files->size() << (files->size() == 1 ? " policy file" : " policy files")
                  << " valid: " << merged.rules.size() << " rules, " << merged.exemptions.size()
                  << " exemptions\n";
        exit_code = 0;
    });
}

// Runs every case of every test file; a malformed test file or input stops the run
// (exit 2), a failed expectation only fails its case (exit 1).
int run_policy_tests(const std::string& directory) {
    int passed = 0;
    int failed = 0;
    for (const std::string& path : find_policy_test_files(directory)) {
        const util::InputText input = util::read_input(path);
        const PolicyTestFile file = parse_policy_test_file(input.name, input.text);
        const policy::Policy policy = policy::load_policy_files(file.policies);
        for (const PolicyTestCase& test : file.cases) {
            const Report report = build_report(test.inputs, &policy, file.today);
            const std::vector<std::string> problems = compare_with_expectations(test, report);
            std::cout << (problems.empty() ? "PASS " : "FAIL ") << file.path << ":" << test.line
                      << ": " << test.name << '\n';
            for (const std::string& problem : problems)
                std::cout << "    " << problem << '\n';
            ++(problems.empty() ? passed : failed);
        }
    }
    std::cout << passed + failed << (passed + failed == 1 ? " test, " : " tests, ") << passed
              << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}

void add_test(CLI::App& command, int& exit_code) {
    CLI::App* test = command.add_subcommand(
        "test", "Run policy test cases (*_test.yaml: inputs and the findings they must give)");
    auto directory = std::make_shared<std::string>();
    test->add_option("DIR", *directory, "Folder searched recursively for *_test.yaml, or one file")
        ->required();
    test->callback([directory, &exit_code] { exit_code = run_policy_tests(*directory); });
}

} // namespace

void add_policy_command(CLI::App& command, int& exit_code) {
    command.require_subcommand(1);
    add_validate(command, exit_code);
    add_test(command, exit_code);
}

} // namespace costgate::cli
