#pragma once

#include <CLI/CLI.hpp>

namespace costgate::cli {

/// Each subcommand registers its options on `command` and sets `exit_code` from its
/// callback. Exceptions propagate to costgate_main, the one place that reports them.
void add_check_command(CLI::App& command, int& exit_code);
void add_estimate_command(CLI::App& command, int& exit_code);
void add_policy_command(CLI::App& command, int& exit_code);
void add_catalog_command(CLI::App& command, int& exit_code);
void add_config_command(CLI::App& command, int& exit_code);
void add_init_command(CLI::App& command, int& exit_code);
void add_version_command(CLI::App& command, int& exit_code);

} // namespace costgate::cli
