#include "commands.hpp"
#include "run_options.hpp"

#include <memory>

namespace costgate::cli {

void add_check_command(CLI::App& command, int& exit_code) {
    auto options = std::make_shared<RunOptions>();
    add_run_options(command, *options);
    command
        .add_option("--policy", options->policies,
                    "Policy file (YAML); repeatable, merged in order (default: costgate.yml's "
                    "policies)")
        ->type_name("FILE")
        ->check(non_empty());
    command.callback([options, &exit_code] { exit_code = run_pipeline(*options, true); });
}

void add_estimate_command(CLI::App& command, int& exit_code) {
    auto options = std::make_shared<RunOptions>();
    add_run_options(command, *options);
    command.callback([options, &exit_code] { exit_code = run_pipeline(*options, false); });
}

} // namespace costgate::cli
