#include "commands.hpp"
#include "costgate/policy/policy.hpp"

#include <iostream>
#include <memory>

namespace costgate {

void add_policy_command(CLI::App& command, int& exit_code) {
    command.require_subcommand(1);
    CLI::App* validate = command.add_subcommand("validate", "Check policy files without any input");
    auto files = std::make_shared<std::vector<std::string>>();
    validate->add_option("FILE", *files, "Policy files, merged in order")->required();
    validate->callback([files, &exit_code] {
        const Policy merged = load_policy_files(*files);
        std::cout << files->size() << (files->size() == 1 ? " policy file" : " policy files")
                  << " valid: " << merged.rules.size() << " rules, " << merged.exemptions.size()
                  << " exemptions\n";
        exit_code = 0;
    });
}

} // namespace costgate
