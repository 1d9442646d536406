#include "hcl_json.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/json_document.hpp"
#include "hcl_parse.hpp"

#include <algorithm>
#include <map>
#include <simdjson.h>

namespace costgate::ingest {

namespace {

namespace ondemand = simdjson::ondemand;

/// How many labels each top-level block type of Terraform's configuration has.
const std::map<std::string, std::size_t, std::less<>> k_block_labels = {
    {"resource", 2},  {"data", 2},     {"module", 1}, {"variable", 1},
    {"output", 1},    {"provider", 1}, {"check", 1},  {"locals", 0},
    {"terraform", 0}, {"moved", 0},    {"import", 0}, {"removed", 0}};

/// Meta blocks of resources that say nothing about the resource's attributes.
bool is_skipped_block(std::string_view name) {
    return name == "lifecycle" || name == "provisioner" || name == "connection";
}

template <typename T> T take(simdjson::simdjson_result<T> result, const char* what) {
    T value{};
    if (std::move(result).get(value) != simdjson::SUCCESS)
        throw InputError({}, what);
    return value;
}

class JsonConverter {
  public:
    JsonConverter(const util::InputText& input, bool templates)
        : m_input(input), m_file(std::make_shared<const std::string>(input.name)),
          m_templates(templates) {
        for (std::size_t i = 0; i < input.text.size(); ++i)
            if (input.text[i] == '\n')
                m_line_starts.push_back(i + 1);
    }

    HclBody read_configuration() {
        HclBody body;
        ondemand::document document = open();
        for (auto field : take(document.get_object(), "expected a JSON object")) {
            ondemand::field member = take(std::move(field), "invalid member");
            const std::string key(take(member.unescaped_key(), "invalid key"));
            if (key == "//")
                continue;
            const auto labels = k_block_labels.find(key);
            if (labels == k_block_labels.end()) {
                ondemand::value value = member.value();
                fail(value, "unknown top-level key \"" + key + "\" in a .tf.json file");
            }
            add_blocks(body, key, {}, labels->second, member.value(),
                       key == "resource" || key == "data");
        }
        return body;
    }

    HclBody read_variables() {
        HclBody body;
        ondemand::document document = open();
        for (auto field : take(document.get_object(), "expected a JSON object")) {
            ondemand::field member = take(std::move(field), "invalid member");
            const std::string key(take(member.unescaped_key(), "invalid key"));
            ondemand::value value = member.value();
            const HclPosition where = position(value);
            body.attributes.push_back({key, expression(value), where});
        }
        return body;
    }

  private:
    ondemand::document open() {
        // nlohmann/json checks the document first, so every syntax error is reported with the
        // same line, column and wording as the other JSON inputs.
        util::parse_json_document(m_input);
        m_padded = simdjson::padded_string(m_input.text);
        auto result = m_parser.iterate(m_padded);
        if (result.error() != simdjson::SUCCESS)
            throw InputError({m_input.name}, simdjson::error_message(result.error()));
        return std::move(result).value_unsafe();
    }

    /// Blocks of `type` whose remaining `labels` are nested object keys: `{"aws_instance":
    /// {"web": {...}}}`. A body may also be an array of bodies (repeated blocks).
    void add_blocks(HclBody& body, const std::string& type, std::vector<std::string> labels,
                    std::size_t remaining, ondemand::value value, bool resource_body) {
        const HclPosition where = position(value);
        if (remaining == 0) {
            if (take(value.type(), "invalid value") == ondemand::json_type::array) {
                for (auto item : take(value.get_array(), "invalid array"))
                    add_blocks(body, type, labels, 0, take(std::move(item), "invalid element"),
                               resource_body);
                return;
            }
            HclBlockNode block{type, std::move(labels), std::make_unique<HclBody>(), where};
            read_body(*block.body, value, resource_body);
            body.blocks.push_back(std::move(block));
            return;
        }
        for (auto field : take(value.get_object(), "expected an object of block labels")) {
            ondemand::field member = take(std::move(field), "invalid member");
            std::vector<std::string> more = labels;
            more.emplace_back(take(member.unescaped_key(), "invalid key"));
            if (more.back() == "//")
                continue;
            add_blocks(body, type, std::move(more), remaining - 1, member.value(), resource_body);
        }
    }

    void read_body(HclBody& body, ondemand::value value, bool resource_body) {
        if (take(value.type(), "invalid value") != ondemand::json_type::object)
            fail(value, "expected an object holding a block's body");
        for (auto field : take(value.get_object(), "expected an object")) {
            ondemand::field member = take(std::move(field), "invalid member");
            const std::string key(take(member.unescaped_key(), "invalid key"));
            ondemand::value item = member.value();
            if (key == "//")
                continue;
            if (resource_body && is_skipped_block(key))
                continue;
            if (resource_body && key == "dynamic") {
                add_blocks(body, "dynamic", {}, 1, item, false);
                continue;
            }
            if (key == "content" && !resource_body) {
                add_blocks(body, "content", {}, 0, item, true);
                continue;
            }
            const HclPosition where = position(item);
            body.attributes.push_back({key, expression(item), where});
        }
    }

    HclExpressionPtr expression(ondemand::value value) {
        auto result = std::make_unique<HclExpression>();
        result->position = position(value);
        switch (take(value.type(), "invalid value")) {
        case ondemand::json_type::object:
            result->kind = HclExpression::Kind::object;
            for (auto field : take(value.get_object(), "invalid object")) {
                ondemand::field member = take(std::move(field), "invalid member");
                auto key = std::make_unique<HclExpression>();
                key->position = result->position;
                key->value =
                    Value::string(std::string(take(member.unescaped_key(), "invalid key")));
                result->operands.push_back(std::move(key));
                result->operands.push_back(expression(member.value()));
            }
            return result;
        case ondemand::json_type::array:
            result->kind = HclExpression::Kind::tuple;
            for (auto item : take(value.get_array(), "invalid array"))
                result->operands.push_back(expression(take(std::move(item), "invalid element")));
            return result;
        case ondemand::json_type::string: {
            const std::string_view text = take(value.get_string(), "invalid string");
            if (m_templates && (text.find("${") != std::string_view::npos ||
                                text.find("%{") != std::string_view::npos))
                return parse_hcl_template(text, result->position);
            result->value = Value::string(std::string(text));
            return result;
        }
        case ondemand::json_type::number:
            result->value = Value::number(take(value.get_double(), "number out of range"));
            return result;
        case ondemand::json_type::boolean:
            result->value = Value::boolean(take(value.get_bool(), "invalid boolean"));
            return result;
        case ondemand::json_type::null:
            return result;
        }
        return result;
    }

    HclPosition position(ondemand::value& value) {
        const char* at = nullptr;
        if (value.current_location().get(at) != simdjson::SUCCESS)
            return {m_file, 0, 0};
        const std::size_t offset = static_cast<std::size_t>(at - m_padded.data());
        const auto line = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
        const std::size_t line_start = line == m_line_starts.begin() ? 0 : *(line - 1);
        return {m_file, static_cast<int>(line - m_line_starts.begin()) + 1,
                static_cast<int>(offset - line_start) + 1};
    }

    [[noreturn]] void fail(ondemand::value& value, const std::string& what) {
        const HclPosition where = position(value);
        throw InputError({m_input.name, where.line, where.column}, what);
    }

    const util::InputText& m_input;
    std::shared_ptr<const std::string> m_file;
    bool m_templates;
    std::vector<std::size_t> m_line_starts;
    simdjson::padded_string m_padded;
    ondemand::parser m_parser;
};

template <typename Read> HclBody convert(const util::InputText& input, bool templates, Read read) {
    JsonConverter converter(input, templates);
    try {
        return read(converter);
    } catch (const InputError& error) {
        if (!error.where().file.empty())
            throw;
        throw InputError({input.name}, error.what());
    }
}

} // namespace

HclBody parse_hcl_json(const util::InputText& input) {
    return convert(input, true,
                   [](JsonConverter& converter) { return converter.read_configuration(); });
}

HclBody parse_tfvars_json(const util::InputText& input) {
    return convert(input, false,
                   [](JsonConverter& converter) { return converter.read_variables(); });
}

} // namespace costgate::ingest
