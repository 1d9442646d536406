#include "costgate/ingest/terraform_sources.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/input_file.hpp"
#include "costgate/util/input_path.hpp"
#include "hcl_outline.hpp"
#include "provider_regions.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <spdlog/spdlog.h>

namespace costgate::ingest {

namespace fs = std::filesystem;

namespace {

bool is_tf_file(const fs::path& file) {
    return file.extension() == ".tf";
}

/// What the `.tf` files of one directory declare.
struct ModuleDirectory {
    /// `TYPE.NAME` of each `resource` block → where it is.
    std::map<std::string, std::pair<std::string, int>, std::less<>> resources;
    /// Module call name → its local source directory; calls to registry or git modules are
    /// absent.
    std::map<std::string, fs::path, std::less<>> modules;
};

/// The names of an address without instance keys: `module.a["x.y"].aws_instance.b[0]`
/// gives module, a, aws_instance, b.
std::vector<std::string> address_parts(const std::string& address) {
    std::vector<std::string> parts(1);
    for (const char c : strip_instance_keys(address)) {
        if (c == '.')
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

bool is_local_source(const std::string& source) {
    return source.starts_with("./") || source.starts_with("../") || source == "." || source == "..";
}

class Locator {
  public:
    explicit Locator(fs::path root) : m_root(std::move(root)) {}

    void locate(Resource& resource) {
        const std::vector<std::string> parts = address_parts(resource.address);
        fs::path directory = m_root;
        std::size_t at = 0;
        while (at + 1 < parts.size() && parts[at] == "module") {
            const ModuleDirectory& module = read(directory);
            const auto call = module.modules.find(parts[at + 1]);
            if (call == module.modules.end())
                return;
            directory = call->second;
            at += 2;
        }
        // Data sources (`data.TYPE.NAME`) are read, not managed: nothing to point at.
        if (parts.size() != at + 2 || parts[at] == "data")
            return;
        const ModuleDirectory& module = read(directory);
        const auto found = module.resources.find(parts[at] + "." + parts[at + 1]);
        if (found == module.resources.end())
            return;
        resource.declared_file = found->second.first;
        resource.declared_line = found->second.second;
    }

  private:
    const ModuleDirectory& read(const fs::path& directory) {
        const std::string key = directory.lexically_normal().string();
        if (const auto cached = m_directories.find(key); cached != m_directories.end())
            return cached->second;
        ModuleDirectory& module = m_directories[key];
        // A module folder that is not there (not checked out) only leaves its resources
        // without a declaration to point at.
        std::error_code missing;
        if (!fs::is_directory(directory, missing))
            return module;
        for (const fs::path& file : util::list_files(directory, {false, is_tf_file, {}}))
            add_file(file, module);
        return module;
    }

    void add_file(const fs::path& file, ModuleDirectory& module) {
        const std::string name = file.lexically_normal().string();
        const util::InputText input = util::read_input(name);
        for (const HclBlock& block : outline_hcl(input.text)) {
            if (block.type == "resource" && block.labels.size() == 2)
                module.resources.try_emplace(block.labels[0] + "." + block.labels[1], name,
                                             block.line);
            else if (block.type == "module" && block.labels.size() == 1)
                if (const auto source = block.strings.find("source");
                    source != block.strings.end() && is_local_source(source->second))
                    module.modules.try_emplace(block.labels[0],
                                               file.parent_path() / source->second);
        }
    }

    fs::path m_root;
    std::map<std::string, ModuleDirectory> m_directories;
};

bool has_tf_files(const fs::path& directory) {
    return !util::list_files(directory, {false, is_tf_file, {}}).empty();
}

} // namespace

std::string default_tf_dir(const std::string& plan_path) {
    if (plan_path.empty() || plan_path == "-")
        return {};
    const fs::path directory = fs::path(plan_path).parent_path();
    const fs::path searched = directory.empty() ? fs::path(".") : directory;
    return has_tf_files(searched) ? searched.string() : std::string();
}

void locate_declarations(const std::string& root, std::vector<Resource>& resources) {
    if (util::input_path_kind(root) != util::PathKind::directory)
        throw InputError({root}, "--tf-dir: not a directory");
    Locator locator{fs::path(root)};
    std::size_t located = 0;
    for (Resource& resource : resources) {
        if (resource.source != Source::terraform)
            continue;
        locator.locate(resource);
        located += resource.declared_line > 0 ? 1 : 0;
    }
    spdlog::debug("{}: {} of {} resources located in .tf files", root, located, resources.size());
}

} // namespace costgate::ingest
