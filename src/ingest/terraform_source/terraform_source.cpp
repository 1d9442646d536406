#include "costgate/ingest/terraform_source.hpp"

#include "module_instance.hpp"
#include "variable_values.hpp"

#include <spdlog/spdlog.h>

namespace costgate::ingest {

std::vector<Resource> read_terraform_source(const std::string& directory,
                                            const TerraformSourceOptions& options) {
    SourceRun run;
    run.root_directory = std::filesystem::path(directory).lexically_normal().string();
    run.default_region = options.default_region;
    const ModuleConfig& root = run.config_for(directory);
    ModuleInstance instance(run, root, root_variable_values(root, options.var_files, options.vars));
    std::vector<Resource> resources;
    instance.collect_resources(resources);
    spdlog::debug("{}: {} resources from {} module directories", directory, resources.size(),
                  run.configs.size());
    return resources;
}

} // namespace costgate::ingest
