#include "yaml_documents.hpp"

#include "costgate/util/json_document.hpp"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <map>
#include <new>
#include <optional>
#include <yaml.h>

namespace costgate::ingest {

namespace {

// Legitimate anchors repeat a block a few times; beyond this many values per byte of input
// the aliases are a "billion laughs" bomb.
constexpr std::size_t k_values_per_byte = 10;
constexpr std::size_t k_min_value_budget = 100'000;

constexpr std::string_view k_str_tag = "tag:yaml.org,2002:str";
constexpr std::string_view k_merge_tag = "tag:yaml.org,2002:merge";

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), text) != words.end();
}

// Skips the digits at `at`; returns how many there were.
std::size_t skip_digits(std::string_view text, std::size_t& at) {
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9')
        ++at;
    return at - start;
}

// The YAML 1.2 core schema's integers: [-+]?[0-9]+ (hand-written: std::regex recurses per
// character and overflows the stack on long scalars).
bool is_int(std::string_view text) {
    std::size_t at = text.starts_with('-') || text.starts_with('+') ? 1 : 0;
    return skip_digits(text, at) > 0 && at == text.size();
}

// The core schema's floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_float(std::string_view text) {
    std::size_t at = text.starts_with('-') || text.starts_with('+') ? 1 : 0;
    const std::size_t integer_digits = skip_digits(text, at);
    std::size_t fraction_digits = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        fraction_digits = skip_digits(text, at);
    }
    if (integer_digits == 0 && fraction_digits == 0)
        return false;
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        if (at < text.size() && (text[at] == '-' || text[at] == '+'))
            ++at;
        if (skip_digits(text, at) == 0)
            return false;
    }
    return at == text.size();
}

template <typename Number> std::optional<Number> parse_number(std::string_view text) {
    Number value{};
    const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || stop != end)
        return std::nullopt;
    return value;
}

nlohmann::json plain_scalar(std::string_view text) {
    if (is_one_of(text, {"~", "null", "Null", "NULL", ""}))
        return nullptr;
    if (is_one_of(text, {"true", "True", "TRUE"}))
        return true;
    if (is_one_of(text, {"false", "False", "FALSE"}))
        return false;
    if (is_int(text))
        if (const auto value = parse_number<long long>(text))
            return *value;
    if (is_float(text))
        if (const auto value = parse_number<double>(text))
            return *value;
    return std::string(text);
}

std::string_view text_of(const yaml_char_t* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// Owns one libyaml parser over `text`.
class Parser {
  public:
    explicit Parser(std::string_view text) {
        if (!yaml_parser_initialize(&m_parser))
            throw std::bad_alloc();
        yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
    }
    ~Parser() { yaml_parser_delete(&m_parser); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    bool next(yaml_event_t& event) { return yaml_parser_parse(&m_parser, &event) == 1; }
    const yaml_parser_t& state() const { return m_parser; }

  private:
    yaml_parser_t m_parser{};
};

// Owns the event libyaml filled in.
class Event {
  public:
    Event() = default;
    ~Event() { yaml_event_delete(&m_event); }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    yaml_event_t& get() { return m_event; }

  private:
    yaml_event_t m_event{};
};

// A value an anchor names, for its aliases to copy.
struct Anchored {
    nlohmann::json value;
    std::size_t values = 0; // nodes in it, which each alias adds to the budget
    std::size_t height = 0; // levels of nesting in it
};

// A mapping or sequence being filled in.
struct Frame {
    nlohmann::json value;
    std::string anchor;
    std::size_t values_before = 0;
    std::size_t height = 1;
    std::optional<std::string> key; // a mapping's key waiting for its value
    bool items = false;             // the top-level `items` sequence of a List
    // The mappings a `<<` merge key brings in, earliest first, and where that key is.
    std::optional<yaml_mark_t> merge_mark;
    bool key_is_merge = false;
    std::vector<nlohmann::json> merged;
};

class DocumentReader {
  public:
    DocumentReader(const std::string& file, std::string_view text)
        : m_file(file), m_text(text),
          m_budget(std::max(k_min_value_budget, k_values_per_byte * text.size())) {}

    std::vector<YamlDocument> read() {
        Parser parser(m_text);
        for (;;) {
            Event event;
            if (!parser.next(event.get()))
                syntax_error(parser.state());
            if (event.get().type == YAML_STREAM_END_EVENT)
                break;
            handle(event.get());
        }
        return std::move(m_documents);
    }

  private:
    void handle(const yaml_event_t& event) {
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            m_anchors.clear();
            m_document = YamlDocument();
            break;
        case YAML_DOCUMENT_END_EVENT:
            if (!m_document.value.is_null())
                m_documents.push_back(std::move(m_document));
            break;
        case YAML_SCALAR_EVENT:
            scalar(event);
            break;
        case YAML_ALIAS_EVENT:
            alias(event);
            break;
        case YAML_SEQUENCE_START_EVENT:
            start(nlohmann::json::array(), event.start_mark, event.data.sequence_start.anchor);
            break;
        case YAML_MAPPING_START_EVENT:
            start(nlohmann::json::object(), event.start_mark, event.data.mapping_start.anchor);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            end();
            break;
        default:
            break;
        }
    }

    void scalar(const yaml_event_t& event) {
        const auto& data = event.data.scalar;
        const std::string_view text(reinterpret_cast<const char*>(data.value), data.length);
        const std::string_view tag = text_of(data.tag);
        // An explicit tag other than !!str (or the non-specific "!") types the scalar by its
        // text, as yaml-cpp did; without one, only plain scalars are typed.
        const bool keep_string =
            tag.empty() ? data.style != YAML_PLAIN_SCALAR_STYLE : tag == "!" || tag == k_str_tag;
        count(1, 0, event.start_mark);
        if (at_key()) {
            if (data.anchor)
                remember(data.anchor, {std::string(text), 1, 0});
            // YAML's merge key is a plain `<<` (or one tagged !!merge); a quoted one is a key.
            const bool merge = text == "<<" && (tag.empty() ? data.style == YAML_PLAIN_SCALAR_STYLE
                                                            : tag == k_merge_tag);
            set_key(std::string(text), event.start_mark, merge);
            return;
        }
        note_start(event.start_mark);
        nlohmann::json value = keep_string ? nlohmann::json(std::string(text)) : plain_scalar(text);
        if (data.anchor)
            remember(data.anchor, {value, 1, 0});
        place(std::move(value), 0);
    }

    void alias(const yaml_event_t& event) {
        const std::string_view name = text_of(event.data.alias.anchor);
        for (const Frame& frame : m_stack)
            if (frame.anchor == name)
                fail(event.start_mark,
                     "alias *" + std::string(name) + " refers to a node that contains it");
        const auto found = m_anchors.find(name);
        if (found == m_anchors.end())
            fail(event.start_mark, "alias *" + std::string(name) + " has no anchor before it");
        const Anchored& anchored = found->second;
        count(anchored.values, anchored.height, event.start_mark);
        if (at_key()) {
            if (anchored.value.is_structured())
                throw YamlComplexKey(where(event.start_mark),
                                     "a mapping key that is a mapping or a sequence");
            set_key(anchored.value.is_string() ? anchored.value.get<std::string>()
                    : anchored.value.is_null() ? std::string()
                                               : anchored.value.dump(),
                    event.start_mark);
            return;
        }
        note_start(event.start_mark);
        place(anchored.value, anchored.height);
    }

    void start(nlohmann::json empty, const yaml_mark_t& mark, const yaml_char_t* anchor) {
        if (at_key())
            throw YamlComplexKey(where(mark), "a mapping key that is a mapping or a sequence");
        const std::size_t values_before = m_values;
        count(1, 1, mark);
        note_start(mark);
        Frame frame;
        frame.value = std::move(empty);
        frame.anchor = text_of(anchor);
        frame.values_before = values_before;
        frame.items = frame.value.is_array() && m_stack.size() == 1 && m_stack[0].key == "items";
        m_stack.push_back(std::move(frame));
    }

    void end() {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        // The mapping's own keys win over merged ones, and earlier merged mappings over later
        // ones, as YAML's merge key (and so kubectl) has it.
        for (nlohmann::json& merged : frame.merged)
            for (auto& [key, value] : merged.items())
                if (!frame.value.contains(key))
                    frame.value[key] = std::move(value);
        if (!frame.anchor.empty())
            m_anchors[frame.anchor] = {frame.value, m_values - frame.values_before, frame.height};
        place(std::move(frame.value), frame.height);
    }

    // Puts a finished value where it belongs: the document, a sequence, or a mapping's key.
    void place(nlohmann::json value, std::size_t height) {
        if (m_stack.empty()) {
            m_document.value = std::move(value);
            return;
        }
        Frame& parent = m_stack.back();
        parent.height = std::max(parent.height, height + 1);
        if (parent.value.is_array()) {
            parent.value.push_back(std::move(value));
            return;
        }
        if (parent.key_is_merge) {
            merge(parent, std::move(value));
            return;
        }
        parent.value.emplace(std::move(*parent.key), std::move(value));
        parent.key.reset();
    }

    // Records where the document and the elements of a List's `items` start.
    void note_start(const yaml_mark_t& mark) {
        if (m_stack.empty())
            m_document.line = static_cast<int>(mark.line) + 1;
        else if (m_stack.size() == 2 && m_stack.back().items)
            m_document.item_lines.push_back(static_cast<int>(mark.line) + 1);
    }

    bool at_key() const {
        return !m_stack.empty() && m_stack.back().value.is_object() && !m_stack.back().key;
    }

    void set_key(std::string key, const yaml_mark_t& mark, bool merge = false) {
        Frame& frame = m_stack.back();
        if (merge) {
            if (frame.merge_mark)
                fail(mark, "duplicate key \"<<\"");
            frame.merge_mark = mark;
        } else if (frame.value.contains(key)) {
            frame.value.erase(key);
            // A List's `items` given again: only the last sequence's elements remain.
            if (m_stack.size() == 1 && key == "items")
                m_document.item_lines.clear();
            m_document.repeated_keys.push_back({where(mark), key});
        }
        frame.key_is_merge = merge;
        frame.key = std::move(key);
    }

    // Keeps the value of a `<<` key: a mapping, or a list of mappings.
    void merge(Frame& frame, nlohmann::json value) {
        frame.key.reset();
        frame.key_is_merge = false;
        if (value.is_object()) {
            frame.merged.push_back(std::move(value));
            return;
        }
        const bool mappings = value.is_array() && std::all_of(value.begin(), value.end(),
                                                              [](const nlohmann::json& item) {
                                                                  return item.is_object();
                                                              });
        if (!mappings)
            fail(*frame.merge_mark,
                 "the merge key << takes a mapping or a list of mappings, found " +
                     std::string(value.type_name()));
        for (nlohmann::json& item : value)
            frame.merged.push_back(std::move(item));
    }

    // Callers check that there is an anchor first, so that no copy is made for nothing.
    void remember(const yaml_char_t* anchor, Anchored anchored) {
        m_anchors[std::string(text_of(anchor))] = std::move(anchored);
    }

    // Counts `values` more values of up to `height` levels about to be added at `mark`.
    void count(std::size_t values, std::size_t height, const yaml_mark_t& mark) {
        m_values += values;
        if (m_values > m_budget)
            fail(mark, "YAML aliases expand to more than " + std::to_string(m_budget) +
                           " values (an alias bomb?)");
        if (m_stack.size() + height > util::k_max_document_depth)
            fail(mark,
                 "nested deeper than " + std::to_string(util::k_max_document_depth) + " levels");
    }

    SourceLocation where(const yaml_mark_t& mark) const {
        return {m_file, static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
    }

    [[noreturn]] void fail(const yaml_mark_t& mark, const std::string& message) const {
        throw InputError(where(mark), message);
    }

    [[noreturn]] void syntax_error(const yaml_parser_t& parser) const {
        if (parser.error == YAML_MEMORY_ERROR)
            throw std::bad_alloc();
        std::string message =
            "invalid YAML: " + std::string(parser.problem ? parser.problem : "unreadable");
        if (parser.context)
            message += " (" + std::string(parser.context) + " at line " +
                       std::to_string(parser.context_mark.line + 1) + ", column " +
                       std::to_string(parser.context_mark.column + 1) + ")";
        // Reader errors (bad UTF-8, control characters) give a byte offset only.
        if (parser.error == YAML_READER_ERROR)
            throw YamlSyntaxError(SourceLocation::at_offset(m_file, m_text, parser.problem_offset),
                                  message);
        throw YamlSyntaxError(where(parser.problem_mark), message);
    }

    const std::string& m_file;
    std::string_view m_text;
    std::size_t m_budget;
    std::size_t m_values = 0;
    std::vector<Frame> m_stack;
    std::map<std::string, Anchored, std::less<>> m_anchors;
    YamlDocument m_document;
    std::vector<YamlDocument> m_documents;
};

} // namespace

std::vector<YamlDocument> read_yaml_documents(const std::string& file, std::string_view text) {
    return DocumentReader(file, text).read();
}

} // namespace costgate::ingest
