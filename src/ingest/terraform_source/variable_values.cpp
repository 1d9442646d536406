#include "variable_values.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/input_file.hpp"
#include "evaluator.hpp"
#include "hcl_json.hpp"
#include "hcl_parse.hpp"
#include "type_constraint.hpp"

#include <algorithm>
#include <filesystem>
#include <spdlog/spdlog.h>
#include <unistd.h>

extern char** environ;

namespace costgate::ingest {

namespace fs = std::filesystem;

namespace {

/// Variable files and `--var` values are constants: they cannot refer to anything.
class ConstantScope final : public EvalScope {
  public:
    Value reference(const std::string& root, const std::string*,
                    const HclPosition& where) override {
        throw InputError({where.file ? *where.file : std::string(), where.line, where.column},
                         "variable values cannot refer to \"" + root +
                             "\": only constants are allowed here");
    }
};

class ValueCollector {
  public:
    explicit ValueCollector(const ModuleConfig& root)
        : m_root(root), m_evaluator(m_scope, m_diagnostics) {}

    void add_file(const std::string& path) {
        const util::InputText input = util::read_input(path);
        const HclBody body = path.ends_with(".json") ? parse_tfvars_json(input) : parse_hcl(input);
        if (!body.blocks.empty()) {
            const HclPosition& where = body.blocks.front().position;
            throw InputError({path, where.line, where.column},
                             "a variables file holds only NAME = VALUE lines");
        }
        for (const HclAttribute& attribute : body.attributes)
            m_values.insert_or_assign(attribute.name, m_evaluator.evaluate(*attribute.expression));
    }

    /// A `NAME=VALUE` from --var or the environment (`origin` names it in messages).
    void add_text(const std::string& name, const std::string& text, const std::string& origin) {
        const auto declared = m_root.variables.find(name);
        if (declared != m_root.variables.end() && declared->second.type &&
            !is_primitive(*declared->second.type)) {
            const HclExpressionPtr expression = parse_hcl_expression(origin, text);
            m_values.insert_or_assign(name, m_evaluator.evaluate(*expression));
        } else {
            m_values.insert_or_assign(name, Value::string(text));
        }
    }

    std::map<std::string, Value> take() { return std::move(m_values); }

  private:
    bool is_primitive(const HclExpression& type) {
        if (type.kind == HclExpression::Kind::literal && type.value.is_string()) {
            const HclExpressionPtr parsed =
                parse_hcl_expression(*type.position.file, type.value.as_string());
            return is_primitive(*parsed);
        }
        const TypeConstraint constraint = parse_type_constraint(type, m_evaluator);
        return constraint.is_primitive() || constraint.kind == TypeConstraint::Kind::any;
    }

    const ModuleConfig& m_root;
    ConstantScope m_scope;
    SourceDiagnostics m_diagnostics;
    Evaluator m_evaluator;
    std::map<std::string, Value> m_values;
};

/// The variable files Terraform loads by itself from the root directory, in its order.
std::vector<std::string> automatic_files(const fs::path& directory) {
    std::vector<std::string> files;
    for (const char* name : {"terraform.tfvars", "terraform.tfvars.json"})
        if (std::error_code error; fs::is_regular_file(directory / name, error))
            files.push_back((directory / name).lexically_normal().string());
    std::vector<std::string> automatic;
    std::error_code error;
    for (fs::directory_iterator entry(directory, error), end; !error && entry != end;
         entry.increment(error)) {
        const std::string name = entry->path().filename().string();
        if (entry->is_regular_file() &&
            (name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json")))
            automatic.push_back(entry->path().lexically_normal().string());
    }
    std::sort(automatic.begin(), automatic.end());
    files.insert(files.end(), automatic.begin(), automatic.end());
    return files;
}

} // namespace

std::map<std::string, Value> root_variable_values(const ModuleConfig& root,
                                                  const std::vector<std::string>& var_files,
                                                  const std::vector<std::string>& vars) {
    ValueCollector collector(root);
    std::vector<std::pair<std::string, std::string>> environment;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view text(*entry);
        const std::size_t equals = text.find('=');
        if (text.starts_with("TF_VAR_") && equals != std::string_view::npos)
            environment.emplace_back(text.substr(7, equals - 7), text.substr(equals + 1));
    }
    std::sort(environment.begin(), environment.end());
    for (const auto& [name, text] : environment)
        collector.add_text(name, text, "TF_VAR_" + name);
    for (const std::string& file : automatic_files(root.directory))
        collector.add_file(file);
    for (const std::string& file : var_files)
        collector.add_file(file);
    for (const std::string& assignment : vars) {
        const std::size_t equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0)
            throw UsageError("--var takes NAME=VALUE, found \"" + assignment + "\"");
        const std::string name = assignment.substr(0, equals);
        if (!root.variables.contains(name))
            spdlog::warn("--var {}: {} declares no variable \"{}\"", name, root.directory.string(),
                         name);
        collector.add_text(name, assignment.substr(equals + 1), "--var " + name);
    }
    return collector.take();
}

} // namespace costgate::ingest
