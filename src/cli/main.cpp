#include "costgate/cli/main.hpp"

#include "commands.hpp"
#include "costgate/cli/revision.hpp"
#include "costgate/model/error.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/version.hpp"
#include "suggest.hpp"

#include <iostream>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace costgate::cli {

namespace {

constexpr int k_exit_bad_input = 2;
/// A costgate bug (a broken internal invariant, an exception no reader converted), so CI can
/// tell it from a bad plan: every known kind of bad input is an InputError or UsageError.
constexpr int k_exit_internal_error = 3;

struct Subcommand {
    const char* name;
    const char* description;
    void (*add)(CLI::App& command, int& exit_code);
};

// Every subcommand, in the order --help lists them.
constexpr Subcommand k_subcommands[] = {
    {"check", "Estimate the cost of a change and enforce policies (exit 1 on a fail finding)",
     &add_check_command},
    {"estimate", "Estimate the cost of a change, without policies", &add_estimate_command},
    {"policy", "Work with policy files", &add_policy_command},
    {"catalog", "Inspect the price catalog: list, show KEY, export", &add_catalog_command},
    {"config", "Show the merged configuration (costgate.yml and flags) with origins",
     &add_config_command},
    {"init", "Write a commented costgate.yml, a starter policy and optionally a CI snippet",
     &add_init_command},
    {"version", "Print the version, the git revision and the catalog's version and date",
     &add_version_command},
};

// Logs go to stderr only, so stdout stays machine-readable. --log-level wins over -v/-q.
void set_up_logging(int verbosity, bool quiet, const std::string& level) {
    auto logger = spdlog::stderr_color_mt("costgate");
    logger->set_pattern("costgate: %l: %v");
    logger->set_level(!level.empty()   ? spdlog::level::from_str(level)
                      : quiet          ? spdlog::level::err
                      : verbosity >= 2 ? spdlog::level::trace
                      : verbosity == 1 ? spdlog::level::debug
                                       : spdlog::level::warn);
    spdlog::set_default_logger(logger);
}

int report_error(const std::string& message, int exit_code = k_exit_bad_input) {
    std::cerr << "costgate: error: " << message << '\n';
    return exit_code;
}

int report_internal_error(const std::string& what) {
    return report_error("internal error (a costgate bug; please report it with the input): " + what,
                        k_exit_internal_error);
}

} // namespace

void add_version_command(CLI::App& command, int& exit_code) {
    command.callback([&exit_code] {
        const pricing::Catalog catalog = pricing::Catalog::embedded();
        std::cout << "costgate " << k_version << '\n'
                  << "revision " << k_revision << '\n'
                  << "catalog " << catalog.version() << " (prices as of " << catalog.as_of()
                  << ")\n";
        exit_code = 0;
    });
}

int costgate_main(int argc, char** argv) {
    CLI::App app{
        "costgate: estimate the monthly cost of Terraform changes and enforce cost policies"};
    app.require_subcommand(1);
    // Global options (-v, -q, --log-level) are taken after the subcommand too: the
    // subcommands, which inherit this, hand options they do not know to their parent.
    app.fallthrough();
    app.footer("Exit codes: 0 pass (warnings allowed), 1 a fail finding, 2 bad input, bad "
               "policy, bad usage or an output that cannot be written, 3 internal error (a "
               "costgate bug).");
    int verbosity = 0;
    bool quiet = false;
    app.add_flag("-v,--verbose", verbosity, "More log output on stderr (repeat for more)");
    app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
    std::string log_level;
    app.add_option("--log-level", log_level, "Log level on stderr (default warn)")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
        ->type_name("trace|debug|info|warn|error|off");
    app.set_version_flag("--version", std::string("costgate ") + k_version);

    int exit_code = 0;
    for (const Subcommand& subcommand : k_subcommands)
        subcommand.add(*app.add_subcommand(subcommand.name, subcommand.description), exit_code);
    app.parse_complete_callback([&] { set_up_logging(verbosity, quiet, log_level); });

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& success) {
        return app.exit(success);
    } catch (const CLI::ParseError& error) {
        report_error(explain_parse_error(app, std::vector<std::string>(argv + 1, argv + argc),
                                         error.what()));
        std::cerr << "Run with --help for usage.\n";
        return k_exit_bad_input;
    } catch (const InputError& error) {
        return report_error(error.what());
    } catch (const UsageError& error) {
        return report_error(error.what());
    } catch (const std::exception& error) {
        return report_internal_error(error.what());
    } catch (...) {
        return report_internal_error("an exception of unknown type");
    }
    return exit_code;
}

} // namespace costgate::cli
