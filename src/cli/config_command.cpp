#include "commands.hpp"
#include "invocation.hpp"

#include <iostream>
#include <memory>

namespace costgate::cli {

void add_config_command(CLI::App& command, int& exit_code) {
    command.require_subcommand(1);
    CLI::App* show = command.add_subcommand(
        "show",
        "Print the merged configuration (costgate.yml and flags), each value with its origin");
    auto flags = std::make_shared<RunOptions>();
    add_run_options(*show, *flags);
    show->add_option("--policy", flags->policies, "Policy file (YAML); repeatable")
        ->type_name("FILE");
    show->callback([flags, &exit_code] {
        std::cout << describe_invocation(resolve_invocation(*flags), *flags);
        exit_code = 0;
    });
}

} // namespace costgate::cli
