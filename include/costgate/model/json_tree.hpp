#pragma once

#include "costgate/model/json_arena.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace costgate {

namespace detail {

/// One value of a JsonTree. Values are stored in document pre-order: a container is
/// followed by its descendants, so its children are found by skipping subtrees.
struct JsonNode {
    struct Text {
        std::uint32_t offset;
        std::uint32_t length;
    };
    struct Children {
        std::uint32_t count;
        /// Nodes below this one (relative, so a subtree can be moved as a block).
        std::uint32_t descendants;
    };
    /// Offset in the tree's string pool of this object member's key (a 4-byte length,
    /// then the bytes); k_no_key for array elements and the root.
    std::uint32_t key;
    std::uint8_t type;
    union {
        bool boolean;
        std::int64_t integer;
        std::uint64_t unsigned_integer;
        double floating;
        Text text;
        Children children;
    };
};

} // namespace detail

/// A read-only view of one value in a JsonTree, or of nothing (default-constructed, or what
/// find() and operator[] give for a missing member or element). Views stay valid while the
/// tree lives, also when the tree is moved.
class JsonValue {
  public:
    enum class Type : std::uint8_t {
        null,
        boolean,
        number_integer,
        number_unsigned,
        number_float,
        string,
        object,
        array,
    };

    class Iterator;
    struct Children {
        Iterator begin() const;
        Iterator end() const;
        const detail::JsonNode* first;
        const detail::JsonNode* last;
        const char* strings;
    };

    JsonValue() = default;

    /// False for the absent value.
    explicit operator bool() const { return m_node != nullptr; }

    /// The type of a present value (null for the absent one).
    Type type() const { return m_node ? static_cast<Type>(m_node->type) : Type::null; }
    bool is_null() const { return type() == Type::null; }
    bool is_boolean() const { return type() == Type::boolean; }
    bool is_number() const;
    bool is_string() const { return type() == Type::string; }
    bool is_object() const { return type() == Type::object; }
    bool is_array() const { return type() == Type::array; }
    /// `object`, `array`, `string`, `number`, `boolean` or `null`, as nlohmann/json names them.
    std::string_view type_name() const;

    /// The value of a boolean; false for any other type.
    bool boolean() const;
    /// The value of a number of any kind as a double; 0 for other types.
    double number() const;
    /// The text of a string; empty for other types.
    std::string_view string() const;
    /// True when this is the string `text`.
    bool is_string(std::string_view text) const { return is_string() && string() == text; }

    /// Members of an object or elements of an array; 0 for anything else.
    std::size_t size() const;
    bool empty() const { return size() == 0; }
    /// The member `key` of an object; absent when this is not an object or has no such key.
    JsonValue find(std::string_view key) const;
    /// Element `index` of an array (found by walking the elements before it); absent when
    /// this is not an array or is shorter.
    JsonValue operator[](std::size_t index) const;
    /// The key of an object member (empty for anything else).
    std::string_view key() const;
    /// The members of an object (in key order) or the elements of an array; nothing for
    /// other types.
    Children children() const;

    /// The value as nlohmann/json, for code that prints it.
    nlohmann::json to_nlohmann() const;
    /// The value printed as nlohmann::json::dump() prints it.
    std::string dump() const;

    /// Equal as nlohmann/json compares: numbers by value whatever their kind, objects by
    /// their members, arrays element by element. Two absent values are equal.
    friend bool operator==(JsonValue a, JsonValue b);

  private:
    friend class JsonTree;
    friend class JsonTreeBuilder;
    friend class Iterator;
    JsonValue(const detail::JsonNode* node, const char* strings)
        : m_node(node), m_strings(strings) {}

    const detail::JsonNode* m_node = nullptr;
    const char* m_strings = nullptr;
};

/// Walks the children of an object or array.
class JsonValue::Iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = JsonValue;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = JsonValue;

    Iterator() = default;
    JsonValue operator*() const { return JsonValue(m_node, m_strings); }
    Iterator& operator++();
    Iterator operator++(int) {
        Iterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const Iterator& other) const { return m_node == other.m_node; }

  private:
    friend struct JsonValue::Children;
    Iterator(const detail::JsonNode* node, const char* strings)
        : m_node(node), m_strings(strings) {}

    const detail::JsonNode* m_node = nullptr;
    const char* m_strings = nullptr;
};

/// An immutable JSON value in one flat block (values, then their strings) instead of a node
/// per value: resource states are held this way for a whole run, and a 100,000-resource plan
/// has tens of millions of attributes. Object members are kept sorted by key, as
/// nlohmann::json's std::map keeps them, so iterating gives the same order. Copies share the
/// block, which may hold other trees too (JsonArena).
class JsonTree {
  public:
    /// A null value.
    JsonTree();
    /// A copy of `value`.
    explicit JsonTree(const nlohmann::json& value);

    JsonTree(const JsonTree&) = default;
    JsonTree& operator=(const JsonTree&) = default;
    /// A moved-from tree is null rather than a view of the block it handed over.
    JsonTree(JsonTree&& other) noexcept;
    JsonTree& operator=(JsonTree&& other) noexcept;
    ~JsonTree() = default;

    JsonValue root() const { return JsonValue(m_nodes, m_strings); }
    operator JsonValue() const { return root(); }

    /// The value as nlohmann/json.
    nlohmann::json to_nlohmann() const;

    friend bool operator==(const JsonTree& a, const JsonTree& b) { return a.root() == b.root(); }

  private:
    friend class JsonTreeBuilder;
    JsonTree(std::shared_ptr<const std::byte[]> block, const detail::JsonNode* nodes,
             const char* strings)
        : m_block(std::move(block)), m_nodes(nodes), m_strings(strings) {}

    /// Holds m_nodes and m_strings; none for the null tree, whose node is static.
    std::shared_ptr<const std::byte[]> m_block;
    const detail::JsonNode* m_nodes;
    const char* m_strings;
};

/// Builds a JsonTree from a stream of events, as a SAX parser gives them: key() comes
/// before each object member's value. Keys of one object must be unique; members given out
/// of order are sorted when the object ends. One builder can build many trees: each is
/// built in the builder's own buffers, then copied once into its final block by finish().
class JsonTreeBuilder {
  public:
    /// A point to roll back to, between complete values.
    struct Mark {
        std::size_t nodes;
        std::size_t strings;
    };

    void null();
    void boolean(bool value);
    void integer(std::int64_t value);
    void unsigned_integer(std::uint64_t value);
    void floating(double value);
    void string(std::string_view value);
    void key(std::string_view key);
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();

    /// Copies `value` and everything below it.
    void value(JsonValue value);

    Mark mark() const { return {m_nodes.size(), m_strings.size()}; }
    /// Forgets everything added since `mark` (which must be outside any container opened
    /// since).
    void rollback(Mark mark);

    /// The value built (exactly one complete value must have been added), to read without
    /// copying it; valid until the builder changes.
    JsonValue root() const;

    /// The tree built (as root() requires), in a block of its own; the builder is then
    /// empty again.
    JsonTree finish();
    /// The same, carved from `arena`.
    JsonTree finish(JsonArena& arena);

    /// Forgets everything added, to build the next tree.
    void clear();

  private:
    detail::JsonNode& add(JsonValue::Type type);
    std::uint32_t store(std::string_view text, bool length_prefixed);
    void close(JsonValue::Type type);
    void sort_members(std::size_t object);

    /// An object member while sort_members() reorders them.
    struct Member {
        std::string_view key;
        const detail::JsonNode* begin;
        const detail::JsonNode* end;
    };

    std::vector<detail::JsonNode> m_nodes;
    // A string appends without zero-filling first, as a vector<char> would.
    std::string m_strings;
    std::vector<std::size_t> m_open;
    // Scratch space of sort_members(), kept to spare an allocation per object.
    std::vector<Member> m_members;
    std::vector<detail::JsonNode> m_reordered;
    std::uint32_t m_key = 0;
    bool m_has_key = false;
};

} // namespace costgate
