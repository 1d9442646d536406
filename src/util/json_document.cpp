#include "costgate/util/json_document.hpp"

#include "costgate/model/error.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace costgate::util {

namespace {

using nlohmann::json;

SourceLocation location_of_byte(const InputText& input, std::size_t byte) {
    // nlohmann reports the count of bytes read, i.e. one past the offending byte.
    return SourceLocation::at_offset(input.name, input.text, byte > 0 ? byte - 1 : 0);
}

// nlohmann's message is "[json.exception.parse_error.101] parse error at line L, column C:
// syntax error ..."; keep only the part after the position, which we report ourselves.
std::string describe_parse_error(const nlohmann::json::exception& error) {
    const std::string message = error.what();
    if (message.find("expected end of input") != std::string::npos)
        return "unexpected data after the end of the JSON document";
    const std::size_t colon = message.find(": ", message.find("parse error"));
    return colon == std::string::npos ? message : message.substr(colon + 2);
}

// Messages show at most this much of a JSON path (a 100,000-level path is not helpful).
constexpr std::size_t k_max_path_shown = 120;

/// Builds the document as nlohmann's own DOM parser does, and also rejects what that
/// parser silently accepts: a key repeated with a different value (it keeps the last, so
/// a plan could hide a resource; identical repeats, which some tools write, are harmless)
/// and nesting deeper than k_max_document_depth (recursive copies, comparisons and dumps
/// of such a value would overflow the stack). Both name the JSON path.
class StrictDocumentBuilder {
  public:
    StrictDocumentBuilder(const InputText& input, json& root) : m_input(input), m_root(root) {}

    bool null() { return add(nullptr); }
    bool boolean(bool value) { return add(value); }
    bool number_integer(json::number_integer_t value) { return add(value); }
    bool number_unsigned(json::number_unsigned_t value) { return add(value); }
    bool number_float(json::number_float_t value, const json::string_t& /*text*/) {
        return add(value);
    }
    bool string(json::string_t& value) { return add(std::move(value)); }
    bool binary(json::binary_t& value) { return add(json::binary(std::move(value))); }
    bool start_object(std::size_t /*size*/) { return open(json::value_t::object); }
    bool start_array(std::size_t /*size*/) { return open(json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t& name) {
        Frame& frame = m_stack.back();
        auto [entry, inserted] =
            frame.container->get_ref<json::object_t&>().emplace(std::move(name), nullptr);
        frame.key = &entry->first;
        frame.slot = &entry->second;
        if (!inserted) {
            // Read the repeated value aside; settle_repeat() compares it once complete.
            frame.first = &entry->second;
            frame.repeat = std::make_unique<json>();
            frame.slot = frame.repeat.get();
        }
        return true;
    }

    // Syntax errors and numbers out of range arrive here with the byte they were found at.
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& /*token*/, const Exception& error) {
        throw InputError(location_of_byte(m_input, position),
                         "invalid JSON: " + describe_parse_error(error));
    }

  private:
    struct Frame {
        json* container = nullptr;
        const std::string* key = nullptr;
        json* slot = nullptr;
        // A repeated key's first value, and its repeat (on the heap: frames move).
        json* first = nullptr;
        std::unique_ptr<json> repeat;
    };

    template <class Value> json* place(Value&& value) {
        if (m_stack.empty()) {
            m_root = json(std::forward<Value>(value));
            return &m_root;
        }
        Frame& frame = m_stack.back();
        if (frame.container->is_array()) {
            auto& array = frame.container->get_ref<json::array_t&>();
            array.emplace_back(std::forward<Value>(value));
            return &array.back();
        }
        *frame.slot = json(std::forward<Value>(value));
        return frame.slot;
    }

    template <class Value> bool add(Value&& value) {
        place(std::forward<Value>(value));
        settle_repeat();
        return true;
    }

    void settle_repeat() {
        if (m_stack.empty() || !m_stack.back().first)
            return;
        Frame& frame = m_stack.back();
        if (*frame.repeat != *frame.first)
            fail("duplicate key \"" + *frame.key + "\" with different values");
        frame.first = nullptr;
        frame.repeat.reset();
    }

    bool open(json::value_t type) {
        if (m_stack.size() >= k_max_document_depth)
            fail("nested deeper than " + std::to_string(k_max_document_depth) + " levels");
        Frame frame;
        frame.container = place(type);
        m_stack.push_back(std::move(frame));
        return true;
    }

    bool close() {
        m_stack.pop_back();
        settle_repeat();
        return true;
    }

    // The path of the value being read: `resource_changes[3].change.actions`.
    std::string path() const {
        std::string text;
        for (const Frame& frame : m_stack) {
            if (text.size() > k_max_path_shown)
                return text + "...";
            if (frame.container->is_array() && !frame.container->empty())
                text += "[" + std::to_string(frame.container->size() - 1) + "]";
            else if (frame.key)
                text += (text.empty() ? "" : ".") + *frame.key;
        }
        return text;
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw InputError({m_input.name, 0, 0, path()}, what);
    }

    const InputText& m_input;
    json& m_root;
    std::vector<Frame> m_stack;
};

} // namespace

nlohmann::json parse_json_document(const InputText& input) {
    json document;
    StrictDocumentBuilder builder(input, document);
    json::sax_parse(input.text, &builder);
    return document;
}

void throw_shape_error(const InputText& input, const std::string& path, const std::string& what) {
    throw InputError({input.name, 0, 0, path}, what);
}

std::string json_type_name(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::object:
        return "object";
    case nlohmann::json::value_t::array:
        return "array";
    case nlohmann::json::value_t::string:
        return "string";
    case nlohmann::json::value_t::boolean:
        return "boolean";
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return "number";
    default:
        return "unsupported value";
    }
}

} // namespace costgate::util
