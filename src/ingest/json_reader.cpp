#include "json_reader.hpp"

#include "costgate/util/json_document.hpp"

#include <simdjson.h>
#include <stdexcept>
#include <string>
#include <unordered_set>

namespace costgate::ingest {

namespace {

namespace dom = simdjson::dom;
namespace ondemand = simdjson::ondemand;
using Kind = JsonKeep::Kind;

static_assert(util::k_input_padding >= simdjson::SIMDJSON_PADDING,
              "simdjson parses the text in place");

/// Text read is given back in steps of at least this size (a system call each).
constexpr std::size_t k_release_step = 8 << 20;
/// What stands in for a child cut out of its container: the spaces keep it from running
/// into what comes before or after.
constexpr std::string_view k_placeholder = " 0 ";

constexpr JsonKeep k_check{Kind::check};
constexpr JsonKeep k_whole{Kind::whole};

enum class Shape { object, array, scalar };

/// Own trees and checked values are not members of the object being built.
bool left_out(const JsonKeep& keep) {
    return keep.kind == Kind::check || keep.kind == Kind::own_tree;
}

/// How a member of an object kept as `keep` is kept.
const JsonKeep& member_keep(const JsonKeep& keep, std::string_view key) {
    switch (keep.kind) {
    case Kind::fields:
        for (const JsonKeep::Field& field : keep.fields)
            if (field.first == key)
                return *field.second;
        return k_check;
    case Kind::each_member:
        return *keep.child;
    case Kind::each_element: // not an array: kept whole
        return k_whole;
    default:
        return keep;
    }
}

/// How an element of an array kept as `keep` is kept.
const JsonKeep& element_keep(const JsonKeep& keep) {
    switch (keep.kind) {
    case Kind::each_element:
        return *keep.child;
    case Kind::fields:
    case Kind::each_member: // not an object: kept whole
        return k_whole;
    default:
        return keep;
    }
}

} // namespace

struct JsonReader::Level {
    dom::parser dom;
    /// For a piece holding an integer beyond 64 bits, which the DOM parser rejects and JSON
    /// allows (nlohmann/json reads it as a double, and so does On-Demand's get_double).
    ondemand::parser ondemand;
    /// A split container's text with its cut-out children replaced, with simdjson's padding.
    std::string text;
};

/// One pass of JsonReader::read.
class JsonReader::Walk {
  public:
    Walk(JsonReader& reader, JsonTreeSink& sink) : m_reader(reader), m_sink(sink) {}

    JsonTree run(const JsonKeep& keep) {
        const std::string_view text = m_reader.m_input.text;
        m_split = split_json(text, m_reader.m_pieces.max_piece, m_reader.m_pieces.min_cut);
        JsonTreeBuilder& out = builder(0);
        if (m_split.nodes.empty())
            read_piece({0, text.size()}, JsonSplitNode::k_whole, keep, &out, 0);
        else
            read_piece(m_split.nodes.back().span,
                       static_cast<std::uint32_t>(m_split.nodes.size() - 1), keep, &out, 0);
        release(text.size());
        return out.finish();
    }

  private:
    /// Parses one piece (a split container's text, or a child cut out whole) with the parsers
    /// of the next level, and walks it.
    void read_piece(JsonSpan span, std::uint32_t node, const JsonKeep& keep, JsonTreeBuilder* out,
                    int depth) {
        Level& level = next_level();
        const JsonSplitNode* split =
            node == JsonSplitNode::k_whole ? nullptr : &m_split.nodes[node];
        const std::string_view text = split ? container_text(*split, level.text)
                                            : m_reader.m_input.text.substr(span.begin, span.size());
        dom::element root;
        const simdjson::error_code error =
            level.dom.parse(text.data(), text.size(), false).get(root);
        if (!error)
            walk(root, split, keep, out, depth);
        else if (error == simdjson::NUMBER_ERROR)
            read_on_demand(level, text, split, keep, out, depth);
        else
            reject(error);
        --m_level;
        if (!split)
            release(span.end);
    }

    void read_on_demand(Level& level, std::string_view text, const JsonSplitNode* split,
                        const JsonKeep& keep, JsonTreeBuilder* out, int depth) {
        ondemand::document document;
        check(level.ondemand
                  .iterate(simdjson::padded_string_view(text.data(), text.size(),
                                                        text.size() + simdjson::SIMDJSON_PADDING))
                  .get(document));
        ondemand::json_type type{};
        check(document.type().get(type));
        if (type != ondemand::json_type::object && type != ondemand::json_type::array) {
            // A lone number at the top: On-Demand reads numbers inside a container.
            std::string wrapped = "[" + std::string(text) + "]";
            wrapped.reserve(wrapped.size() + simdjson::SIMDJSON_PADDING);
            check(level.ondemand.iterate(wrapped).get(document));
            ondemand::array array;
            check(document.get_array().get(array));
            for (auto element : array) {
                ondemand::value value;
                check(std::move(element).get(value));
                walk(value, nullptr, keep, out, depth);
            }
            return;
        }
        ondemand::value root;
        check(document.get_value().get(root));
        walk(root, split, keep, out, depth);
        const char* trailing = nullptr;
        if (document.current_location().get(trailing) != simdjson::OUT_OF_BOUNDS)
            reject(simdjson::TRAILING_CONTENT);
    }

    /// The text of a split container with the children cut out replaced by k_placeholder.
    std::string_view container_text(const JsonSplitNode& split, std::string& buffer) const {
        const std::string_view text = m_reader.m_input.text;
        buffer.clear();
        std::size_t at = split.span.begin;
        for (const JsonSplitNode::Child& child : split.children) {
            buffer.append(text.substr(at, child.span.begin - at));
            buffer.append(k_placeholder);
            at = child.span.end;
        }
        buffer.append(text.substr(at, split.span.end - at));
        buffer.reserve(buffer.size() + simdjson::SIMDJSON_PADDING);
        return buffer;
    }

    /// Walks `node` (with `split`, the split container whose text it is the root of),
    /// building into `out` (nothing when null) what `keep` says and checking the rest.
    template <class Node>
    void walk(Node& node, const JsonSplitNode* split, const JsonKeep& keep, JsonTreeBuilder* out,
              int depth) {
        if (keep.kind == Kind::own_tree) {
            JsonTreeBuilder& own = builder(++m_own_trees);
            walk(node, split, *keep.child, &own, depth);
            --m_own_trees;
            m_sink.take(keep.slot, own);
            own.clear(); // for the next tree, whether the sink kept this one or not
            return;
        }
        if (keep.kind == Kind::marker && out)
            out->null();
        const bool checked = keep.kind == Kind::check || keep.kind == Kind::marker;
        const JsonKeep& kept = checked ? k_check : keep;
        if (checked)
            out = nullptr;
        const Shape shape = shape_of(node);
        if (shape == Shape::scalar) {
            scalar(node, out);
            return;
        }
        if (depth >= static_cast<int>(util::k_max_document_depth))
            reject("nesting deeper than " + std::to_string(util::k_max_document_depth) + " levels");
        std::size_t cut = 0; // the next child cut out of `split`
        std::uint32_t index = 0;
        // A child: the value in the text parsed, or its piece when it was cut out.
        const auto child = [&](auto& value, const JsonKeep& child_keep, JsonTreeBuilder* to) {
            if (split && cut < split->children.size() && split->children[cut].index == index) {
                const JsonSplitNode::Child& piece = split->children[cut++];
                read_piece(piece.span, piece.node, child_keep, to, depth + 1);
            } else {
                walk(value, nullptr, child_keep, to, depth + 1);
            }
            ++index;
        };
        if (shape == Shape::array) {
            const JsonKeep& each = element_keep(kept);
            if (out)
                out->begin_array();
            elements(node, [&](auto& value) {
                if (out && left_out(each))
                    out->null();
                child(value, each, left_out(each) ? nullptr : out);
            });
            if (out)
                out->end_array();
            return;
        }
        if (out)
            out->begin_object();
        Keys& keys = keys_at(depth);
        members(node, [&](std::string_view key, auto& value) {
            const bool repeated = keys.repeated(key);
            if (repeated)
                repeated_key();
            const JsonKeep& member = repeated ? k_check : member_keep(kept, key);
            if (out && !left_out(member))
                out->key(key);
            child(value, member, left_out(member) ? nullptr : out);
        });
        if (out)
            out->end_object();
    }

    // The DOM parser has checked the whole piece.
    static Shape shape_of(dom::element node) {
        return node.is_object() ? Shape::object : node.is_array() ? Shape::array : Shape::scalar;
    }
    template <class Each> static void members(dom::element node, Each each) {
        for (dom::key_value_pair member : dom::object(node))
            each(member.key, member.value);
    }
    template <class Each> static void elements(dom::element node, Each each) {
        for (dom::element element : dom::array(node))
            each(element);
    }
    static void scalar(dom::element node, JsonTreeBuilder* out) {
        if (!out)
            return;
        switch (node.type()) {
        case dom::element_type::INT64: {
            // nlohmann/json keeps non-negative integers unsigned.
            const std::int64_t value = node.get_int64().value_unsafe();
            if (value < 0)
                out->integer(value);
            else
                out->unsigned_integer(static_cast<std::uint64_t>(value));
            return;
        }
        case dom::element_type::UINT64:
            out->unsigned_integer(node.get_uint64().value_unsafe());
            return;
        case dom::element_type::DOUBLE:
            out->floating(node.get_double().value_unsafe());
            return;
        case dom::element_type::STRING:
            out->string(node.get_string().value_unsafe());
            return;
        case dom::element_type::BOOL:
            out->boolean(node.get_bool().value_unsafe());
            return;
        default:
            out->null();
        }
    }

    // On-Demand checks as it goes: every call can fail.
    Shape shape_of(ondemand::value& node) {
        ondemand::json_type type{};
        check(node.type().get(type));
        return type == ondemand::json_type::object  ? Shape::object
               : type == ondemand::json_type::array ? Shape::array
                                                    : Shape::scalar;
    }
    template <class Each> void members(ondemand::value& node, Each each) {
        ondemand::object object;
        check(node.get_object().get(object));
        for (auto result : object) {
            ondemand::field field;
            check(std::move(result).get(field));
            std::string_view key;
            check(field.unescaped_key().get(key));
            ondemand::value value = field.value();
            each(key, value);
        }
    }
    template <class Each> void elements(ondemand::value& node, Each each) {
        ondemand::array array;
        check(node.get_array().get(array));
        for (auto result : array) {
            ondemand::value value;
            check(std::move(result).get(value));
            each(value);
        }
    }
    void scalar(ondemand::value& node, JsonTreeBuilder* out) {
        ondemand::json_type type{};
        check(node.type().get(type));
        switch (type) {
        case ondemand::json_type::number: {
            ondemand::number number;
            if (node.get_number().get(number) == simdjson::SUCCESS) {
                if (out && number.is_int64() && number.get_int64() < 0)
                    out->integer(number.get_int64());
                else if (out && number.is_int64())
                    out->unsigned_integer(static_cast<std::uint64_t>(number.get_int64()));
                else if (out && number.is_uint64())
                    out->unsigned_integer(number.get_uint64());
                else if (out)
                    out->floating(number.get_double());
                return;
            }
            // An integer beyond 64 bits, a double for nlohmann/json; or a number out of range.
            double value = 0;
            check(node.get_double().get(value));
            if (out)
                out->floating(value);
            return;
        }
        case ondemand::json_type::string: {
            std::string_view value;
            check(node.get_string().get(value));
            if (out)
                out->string(value);
            return;
        }
        case ondemand::json_type::boolean: {
            bool value = false;
            check(node.get_bool().get(value));
            if (out)
                out->boolean(value);
            return;
        }
        default: {
            bool null = false;
            check(node.is_null().get(null));
            if (!null)
                reject(simdjson::INCORRECT_TYPE);
            if (out)
                out->null();
        }
        }
    }

    /// The keys of an object being read, to find one given twice.
    class Keys {
      public:
        void clear() {
            m_keys.clear();
            m_order = Order::sorted;
            m_index.clear();
        }
        /// Adds `key`; true when the object has had it already.
        bool repeated(std::string_view key) {
            switch (m_order) {
            case Order::sorted:
                // Terraform writes maps with their keys sorted: then the last key is the one
                // to compare with.
                if (m_keys.empty() || m_keys.back() < key)
                    break;
                m_order = Order::unsorted;
                [[fallthrough]];
            case Order::unsorted:
                for (const std::string_view seen : m_keys)
                    if (seen == key)
                        return true;
                if (m_keys.size() < k_max_listed)
                    break;
                m_order = Order::indexed;
                m_index.insert(m_keys.begin(), m_keys.end());
                [[fallthrough]];
            case Order::indexed:
                return !m_index.insert(key).second;
            }
            m_keys.push_back(key);
            return false;
        }

      private:
        /// Past this many keys out of order, they are looked up in a hash set.
        static constexpr std::size_t k_max_listed = 32;
        enum class Order { sorted, unsorted, indexed };
        std::vector<std::string_view> m_keys;
        Order m_order = Order::sorted;
        std::unordered_set<std::string_view> m_index;
    };

    Keys& keys_at(int depth) {
        while (m_keys.size() <= static_cast<std::size_t>(depth))
            m_keys.emplace_back();
        Keys& keys = m_keys[static_cast<std::size_t>(depth)];
        keys.clear();
        return keys;
    }

    JsonTreeBuilder& builder(std::size_t own_trees) {
        while (m_builders.size() <= own_trees)
            m_builders.emplace_back();
        return m_builders[own_trees];
    }

    Level& next_level() {
        std::deque<std::unique_ptr<Level>>& levels = m_reader.m_levels;
        if (levels.size() <= m_level)
            levels.push_back(std::make_unique<Level>());
        return *levels[m_level++];
    }

    /// Gives back the text before `end`, in steps of k_release_step (and all at the end).
    void release(std::size_t end) {
        std::size_t& released = m_reader.m_released;
        if (end - released < k_release_step && end < m_reader.m_input.text.size())
            return;
        if (m_reader.m_input.release(released, end))
            m_reader.m_gave_back = true;
        released = end;
    }

    void check(simdjson::error_code error) {
        if (error != simdjson::SUCCESS)
            reject(error);
    }
    [[noreturn]] void reject(simdjson::error_code error) { reject(simdjson::error_message(error)); }
    [[noreturn]] void reject(const std::string& reason) { m_reader.reject(reason); }

    /// A key seen twice in one object: an error unless both values are the same, which only
    /// nlohmann/json's reading of the whole document tells.
    void repeated_key() {
        if (!m_reader.m_whole_accepted)
            m_reader.parse_whole();
        m_reader.m_whole_accepted = true;
    }

    JsonReader& m_reader;
    JsonTreeSink& m_sink;
    JsonSplit m_split;
    std::size_t m_level = 0;
    std::size_t m_own_trees = 0;
    std::deque<JsonTreeBuilder> m_builders;
    std::deque<Keys> m_keys;
};

JsonReader::JsonReader(const util::InputText& input, JsonPieces pieces)
    : m_input(input), m_pieces(pieces) {}

JsonReader::~JsonReader() = default;

JsonTree JsonReader::read(const JsonKeep& keep, JsonTreeSink& sink) {
    return Walk(*this, sink).run(keep);
}

void JsonReader::parse_whole() const {
    // The text given back reads as zero bytes now: read the file again.
    if (m_gave_back)
        util::parse_json_document(util::read_input(m_input.name));
    else
        util::parse_json_document(m_input);
}

void JsonReader::reject(const std::string& reason) const {
    parse_whole();
    throw std::logic_error(m_input.name + ": simdjson rejects the JSON (" + reason +
                           ") that nlohmann/json reads without error");
}

} // namespace costgate::ingest
