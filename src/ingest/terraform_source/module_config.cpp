#include "module_config.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/input_file.hpp"
#include "costgate/util/input_path.hpp"
#include "hcl_json.hpp"
#include "hcl_parse.hpp"

#include <algorithm>
#include <set>
#include <spdlog/spdlog.h>

namespace costgate::ingest {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.ends_with(suffix);
}

bool is_configuration_file(const fs::path& file) {
    const std::string name = file.filename().string();
    return !name.starts_with(".") && (ends_with(name, ".tf") || ends_with(name, ".tf.json") ||
                                      ends_with(name, ".tofu") || ends_with(name, ".tofu.json"));
}

/// The configuration files of a directory, as Terraform or OpenTofu picks them.
std::vector<fs::path> configuration_files(const fs::path& directory) {
    if (util::input_path_kind(directory.string()) != util::PathKind::directory)
        throw InputError({directory.string()}, "not a directory");
    std::vector<fs::path> files = util::list_files(directory, {false, is_configuration_file, {}});
    std::set<std::string> names;
    for (const fs::path& file : files)
        names.insert(file.filename().string());
    std::erase_if(files, [&](const fs::path& file) {
        const std::string name = file.filename().string();
        if (ends_with(name, ".tf"))
            return names.contains(name.substr(0, name.size() - 3) + ".tofu");
        if (ends_with(name, ".tf.json"))
            return names.contains(name.substr(0, name.size() - 8) + ".tofu.json");
        return false;
    });
    std::sort(files.begin(), files.end());
    return files;
}

bool is_override_file(const std::string& name) {
    for (const std::string_view base : {"override", "_override"})
        for (const std::string_view extension : {".tf", ".tf.json", ".tofu", ".tofu.json"})
            if (name.ends_with(std::string(base) + std::string(extension)))
                return true;
    return false;
}

[[noreturn]] void fail(const HclPosition& where, const std::string& what) {
    throw InputError({where.file ? *where.file : std::string(), where.line, where.column}, what);
}

class ConfigBuilder {
  public:
    explicit ConfigBuilder(ModuleConfig& config) : m_config(config) {}

    void add_file(const HclBody& file) {
        for (const HclBlockNode& block : file.blocks)
            add_block(block);
        if (!file.attributes.empty())
            fail(file.attributes.front().position,
                 "unexpected attribute \"" + file.attributes.front().name + "\" at the top level");
    }

  private:
    void add_block(const HclBlockNode& block) {
        const HclBody& body = *block.body;
        if (block.type == "resource") {
            expect_labels(block, 2);
            if (!m_resources.insert(block.labels[0] + "." + block.labels[1]).second)
                fail(block.position,
                     "resource " + block.labels[0] + "." + block.labels[1] + " is declared twice");
            m_config.resources.push_back({block.labels[0], block.labels[1], &body, block.position});
        } else if (block.type == "variable") {
            expect_labels(block, 1);
            const HclAttribute* fallback = body.attribute("default");
            const HclAttribute* type = body.attribute("type");
            VariableConfig variable{fallback ? fallback->expression.get() : nullptr,
                                    type ? type->expression.get() : nullptr, block.position};
            if (!m_config.variables.emplace(block.labels[0], variable).second)
                fail(block.position, "variable \"" + block.labels[0] + "\" is declared twice");
        } else if (block.type == "locals") {
            for (const HclAttribute& local : body.attributes)
                if (!m_config.locals.emplace(local.name, &local).second)
                    fail(local.position, "local value \"" + local.name + "\" is declared twice");
        } else if (block.type == "output") {
            expect_labels(block, 1);
            if (const HclAttribute* value = body.attribute("value"))
                if (!m_config.outputs.emplace(block.labels[0], value).second)
                    fail(block.position, "output \"" + block.labels[0] + "\" is declared twice");
        } else if (block.type == "module") {
            expect_labels(block, 1);
            add_module_call(block);
        } else if (block.type == "provider") {
            expect_labels(block, 1);
            std::string address = block.labels[0];
            if (const HclAttribute* alias = body.attribute("alias");
                alias && alias->expression->kind == HclExpression::Kind::literal &&
                alias->expression->value.is_string())
                address += "." + alias->expression->value.as_string();
            m_config.providers.push_back({std::move(address), &body});
        }
        // data, terraform, moved, import, removed and check blocks declare nothing priced.
    }

    void add_module_call(const HclBlockNode& block) {
        const HclAttribute* source = block.body->attribute("source");
        if (!source || source->expression->kind != HclExpression::Kind::literal ||
            !source->expression->value.is_string())
            fail(block.position, "module \"" + block.labels[0] + "\" needs a source string");
        ModuleCallConfig call{block.labels[0], source->expression->value.as_string(),
                              block.body.get(), block.position};
        if (!m_config.module_calls.emplace(block.labels[0], std::move(call)).second)
            fail(block.position, "module \"" + block.labels[0] + "\" is declared twice");
    }

    static void expect_labels(const HclBlockNode& block, std::size_t count) {
        if (block.labels.size() != count)
            fail(block.position, block.type + " blocks take " + std::to_string(count) + " label" +
                                     (count == 1 ? "" : "s") + ", found " +
                                     std::to_string(block.labels.size()));
    }

    ModuleConfig& m_config;
    std::set<std::string> m_resources;
};

} // namespace

const ResourceConfig* ModuleConfig::resource(std::string_view address) const {
    const std::size_t dot = address.find('.');
    if (dot == std::string_view::npos)
        return nullptr;
    const auto found = std::ranges::find_if(resources, [&](const ResourceConfig& config) {
        return config.type == address.substr(0, dot) && config.name == address.substr(dot + 1);
    });
    return found == resources.end() ? nullptr : &*found;
}

ModuleConfig load_module_config(const fs::path& directory) {
    ModuleConfig config;
    config.directory = directory;
    const std::vector<fs::path> files = configuration_files(directory);
    if (files.empty())
        throw InputError(
            {directory.string()},
            "no Terraform configuration files (.tf, .tf.json, .tofu) in this directory");
    ConfigBuilder builder(config);
    for (const fs::path& file : files) {
        const std::string name = file.lexically_normal().string();
        if (is_override_file(file.filename().string())) {
            spdlog::warn("{}: override files are not merged without a plan; the file is skipped",
                         name);
            continue;
        }
        const util::InputText input = util::read_input(name);
        const bool json = name.ends_with(".json");
        config.files.push_back(
            std::make_unique<HclBody>(json ? parse_hcl_json(input) : parse_hcl(input)));
        builder.add_file(*config.files.back());
    }
    return config;
}

} // namespace costgate::ingest
