#include "costgate/model/json_tree.hpp"

#include "costgate/model/error.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

namespace costgate {

namespace {

using detail::JsonNode;
using Type = JsonValue::Type;

constexpr std::uint32_t k_no_key = std::numeric_limits<std::uint32_t>::max();

static_assert(sizeof(JsonNode) == 16, "a value takes 16 bytes");

// Every default JsonTree's value: a null needs no memory of its own.
const JsonNode k_null_node = [] {
    JsonNode node{};
    node.key = k_no_key;
    node.type = static_cast<std::uint8_t>(Type::null);
    return node;
}();

bool is_container(const JsonNode& node) {
    return node.type == static_cast<std::uint8_t>(Type::object) ||
           node.type == static_cast<std::uint8_t>(Type::array);
}

/// The node after `node` and its descendants.
const JsonNode* next_sibling(const JsonNode* node) {
    return node + 1 + (is_container(*node) ? node->children.descendants : 0);
}

std::string_view key_of(const JsonNode& node, const char* strings) {
    if (node.key == k_no_key)
        return {};
    std::uint32_t length = 0;
    std::memcpy(&length, strings + node.key, sizeof length);
    return {strings + node.key + sizeof length, length};
}

void add_nlohmann(JsonTreeBuilder& builder, const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        builder.null();
        return;
    case nlohmann::json::value_t::boolean:
        builder.boolean(value.get<bool>());
        return;
    case nlohmann::json::value_t::number_integer:
        builder.integer(value.get<std::int64_t>());
        return;
    case nlohmann::json::value_t::number_unsigned:
        builder.unsigned_integer(value.get<std::uint64_t>());
        return;
    case nlohmann::json::value_t::number_float:
        builder.floating(value.get<double>());
        return;
    case nlohmann::json::value_t::string:
        builder.string(value.get_ref<const std::string&>());
        return;
    case nlohmann::json::value_t::object:
        builder.begin_object();
        for (const auto& [key, member] : value.items()) {
            builder.key(key);
            add_nlohmann(builder, member);
        }
        builder.end_object();
        return;
    case nlohmann::json::value_t::array:
        builder.begin_array();
        for (const nlohmann::json& element : value)
            add_nlohmann(builder, element);
        builder.end_array();
        return;
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded:
        break;
    }
    // Neither comes out of nlohmann/json's text parser or the YAML reader.
    throw std::invalid_argument("JsonTree holds JSON values only, not " +
                                std::string(value.type_name()));
}

} // namespace

bool JsonValue::is_number() const {
    const Type kind = type();
    return kind == Type::number_integer || kind == Type::number_unsigned ||
           kind == Type::number_float;
}

std::string_view JsonValue::type_name() const {
    switch (type()) {
    case Type::object:
        return "object";
    case Type::array:
        return "array";
    case Type::string:
        return "string";
    case Type::boolean:
        return "boolean";
    case Type::null:
        return "null";
    case Type::number_integer:
    case Type::number_unsigned:
    case Type::number_float:
        break;
    }
    return "number";
}

bool JsonValue::boolean() const {
    return is_boolean() && m_node->boolean;
}

double JsonValue::number() const {
    switch (type()) {
    case Type::number_integer:
        return static_cast<double>(m_node->integer);
    case Type::number_unsigned:
        return static_cast<double>(m_node->unsigned_integer);
    case Type::number_float:
        return m_node->floating;
    default:
        return 0;
    }
}

std::string_view JsonValue::string() const {
    if (!is_string())
        return {};
    return {m_strings + m_node->text.offset, m_node->text.length};
}

std::size_t JsonValue::size() const {
    return is_object() || is_array() ? m_node->children.count : 0;
}

JsonValue JsonValue::find(std::string_view key) const {
    if (!is_object())
        return {};
    for (const JsonValue member : children()) {
        const int order = member.key().compare(key);
        if (order == 0)
            return member;
        if (order > 0)
            break; // members are sorted
    }
    return {};
}

JsonValue JsonValue::operator[](std::size_t index) const {
    if (!is_array())
        return {};
    for (const JsonValue element : children())
        if (index-- == 0)
            return element;
    return {};
}

std::string_view JsonValue::key() const {
    return m_node ? key_of(*m_node, m_strings) : std::string_view();
}

JsonValue::Children JsonValue::children() const {
    if (!is_object() && !is_array())
        return {nullptr, nullptr, m_strings};
    return {m_node + 1, next_sibling(m_node), m_strings};
}

JsonValue::Iterator JsonValue::Children::begin() const {
    return Iterator(first, strings);
}

JsonValue::Iterator JsonValue::Children::end() const {
    return Iterator(last, strings);
}

JsonValue::Iterator& JsonValue::Iterator::operator++() {
    m_node = next_sibling(m_node);
    return *this;
}

nlohmann::json JsonValue::to_nlohmann() const {
    switch (type()) {
    case Type::null:
        return nullptr;
    case Type::boolean:
        return m_node->boolean;
    case Type::number_integer:
        return m_node->integer;
    case Type::number_unsigned:
        return m_node->unsigned_integer;
    case Type::number_float:
        return m_node->floating;
    case Type::string:
        return std::string(string());
    case Type::object: {
        nlohmann::json object = nlohmann::json::object();
        auto& members = object.get_ref<nlohmann::json::object_t&>();
        for (const JsonValue member : children())
            members.emplace_hint(members.end(), std::string(member.key()), member.to_nlohmann());
        return object;
    }
    case Type::array: {
        nlohmann::json array = nlohmann::json::array();
        for (const JsonValue element : children())
            array.push_back(element.to_nlohmann());
        return array;
    }
    }
    return nullptr;
}

std::string JsonValue::dump() const {
    return to_nlohmann().dump();
}

bool operator==(JsonValue a, JsonValue b) {
    if (!a || !b)
        return !a && !b;
    if (a.is_number() && b.is_number()) {
        if (a.type() == Type::number_integer && b.type() == Type::number_integer)
            return a.m_node->integer == b.m_node->integer;
        if (a.type() == Type::number_unsigned && b.type() == Type::number_unsigned)
            return a.m_node->unsigned_integer == b.m_node->unsigned_integer;
        return a.number() == b.number();
    }
    if (a.type() != b.type() || a.size() != b.size())
        return false;
    switch (a.type()) {
    case Type::boolean:
        return a.boolean() == b.boolean();
    case Type::string:
        return a.string() == b.string();
    case Type::object:
    case Type::array: {
        const JsonValue::Children b_children = b.children();
        auto b_child = b_children.begin();
        for (const JsonValue a_child : a.children()) {
            if (a_child.key() != (*b_child).key() || !(a_child == *b_child))
                return false;
            ++b_child;
        }
        return true;
    }
    default:
        return true; // null
    }
}

JsonTree::JsonTree() : m_nodes(&k_null_node), m_strings(nullptr) {}

JsonTree::JsonTree(JsonTree&& other) noexcept
    : m_block(std::move(other.m_block)), m_nodes(std::exchange(other.m_nodes, &k_null_node)),
      m_strings(std::exchange(other.m_strings, nullptr)) {}

JsonTree& JsonTree::operator=(JsonTree&& other) noexcept {
    m_block = std::move(other.m_block);
    m_nodes = std::exchange(other.m_nodes, &k_null_node);
    m_strings = std::exchange(other.m_strings, nullptr);
    return *this;
}

JsonTree::JsonTree(const nlohmann::json& value) {
    JsonTreeBuilder builder;
    add_nlohmann(builder, value);
    *this = builder.finish();
}

nlohmann::json JsonTree::to_nlohmann() const {
    return root().to_nlohmann();
}

JsonNode& JsonTreeBuilder::add(Type type) {
    JsonNode& node = m_nodes.emplace_back();
    node.type = static_cast<std::uint8_t>(type);
    node.key = k_no_key;
    node.unsigned_integer = 0;
    if (!m_open.empty() && m_nodes[m_open.back()].type == static_cast<std::uint8_t>(Type::object)) {
        if (!m_has_key)
            throw std::logic_error("JsonTreeBuilder: an object member without a key");
        node.key = m_key;
        m_has_key = false;
    }
    return node;
}

std::uint32_t JsonTreeBuilder::store(std::string_view text, bool length_prefixed) {
    const std::size_t offset = m_strings.size();
    const std::size_t prefix = length_prefixed ? sizeof(std::uint32_t) : 0;
    if (offset + prefix + text.size() >= k_no_key)
        throw InputError({}, "a resource's attributes hold more than 4 GiB of text");
    if (length_prefixed) {
        const auto length = static_cast<std::uint32_t>(text.size());
        m_strings.append(reinterpret_cast<const char*>(&length), sizeof length);
    }
    m_strings.append(text);
    return static_cast<std::uint32_t>(offset);
}

void JsonTreeBuilder::null() {
    add(Type::null);
}

void JsonTreeBuilder::boolean(bool value) {
    add(Type::boolean).boolean = value;
}

void JsonTreeBuilder::integer(std::int64_t value) {
    add(Type::number_integer).integer = value;
}

void JsonTreeBuilder::unsigned_integer(std::uint64_t value) {
    add(Type::number_unsigned).unsigned_integer = value;
}

void JsonTreeBuilder::floating(double value) {
    add(Type::number_float).floating = value;
}

void JsonTreeBuilder::string(std::string_view value) {
    const std::uint32_t offset = store(value, false);
    JsonNode& node = add(Type::string);
    node.text = {offset, static_cast<std::uint32_t>(value.size())};
}

void JsonTreeBuilder::key(std::string_view key) {
    m_key = store(key, true);
    m_has_key = true;
}

void JsonTreeBuilder::begin_object() {
    add(Type::object);
    m_open.push_back(m_nodes.size() - 1);
}

void JsonTreeBuilder::begin_array() {
    add(Type::array);
    m_open.push_back(m_nodes.size() - 1);
}

void JsonTreeBuilder::end_object() {
    close(Type::object);
}

void JsonTreeBuilder::end_array() {
    close(Type::array);
}

void JsonTreeBuilder::close(Type type) {
    if (m_open.empty() || m_nodes[m_open.back()].type != static_cast<std::uint8_t>(type))
        throw std::logic_error("JsonTreeBuilder: unbalanced end of a container");
    const std::size_t container = m_open.back();
    m_open.pop_back();
    std::uint32_t count = 0;
    for (const JsonNode* child = &m_nodes[container] + 1; child != m_nodes.data() + m_nodes.size();
         child = next_sibling(child))
        ++count;
    m_nodes[container].children = {count,
                                   static_cast<std::uint32_t>(m_nodes.size() - container - 1)};
    if (type == Type::object)
        sort_members(container);
}

void JsonTreeBuilder::sort_members(std::size_t object) {
    const JsonNode* const first = &m_nodes[object] + 1;
    const JsonNode* const end = m_nodes.data() + m_nodes.size();
    bool sorted = true;
    std::string_view previous;
    for (const JsonNode* child = first; child != end && sorted; child = next_sibling(child)) {
        const std::string_view key = key_of(*child, m_strings.data());
        sorted = child == first || previous < key;
        previous = key;
    }
    if (sorted)
        return; // as Terraform and nlohmann/json write them
    m_members.clear();
    for (const JsonNode* child = first; child != end; child = next_sibling(child))
        m_members.push_back({key_of(*child, m_strings.data()), child, next_sibling(child)});
    std::sort(m_members.begin(), m_members.end(),
              [](const Member& a, const Member& b) { return a.key < b.key; });
    m_reordered.clear();
    for (const Member& member : m_members)
        m_reordered.insert(m_reordered.end(), member.begin, member.end);
    std::copy(m_reordered.begin(), m_reordered.end(),
              m_nodes.begin() + static_cast<std::ptrdiff_t>(object) + 1);
}

void JsonTreeBuilder::value(JsonValue value) {
    switch (value.type()) {
    case Type::null:
        null();
        return;
    case Type::boolean:
        boolean(value.boolean());
        return;
    case Type::number_integer:
        integer(value.m_node->integer);
        return;
    case Type::number_unsigned:
        unsigned_integer(value.m_node->unsigned_integer);
        return;
    case Type::number_float:
        floating(value.m_node->floating);
        return;
    case Type::string:
        string(value.string());
        return;
    case Type::object:
        begin_object();
        for (const JsonValue member : value.children()) {
            key(member.key());
            this->value(member);
        }
        end_object();
        return;
    case Type::array:
        begin_array();
        for (const JsonValue element : value.children())
            this->value(element);
        end_array();
        return;
    }
}

void JsonTreeBuilder::rollback(Mark mark) {
    m_nodes.resize(mark.nodes);
    m_strings.resize(mark.strings);
    m_has_key = false;
}

JsonValue JsonTreeBuilder::root() const {
    if (!m_open.empty() || m_nodes.empty() ||
        next_sibling(m_nodes.data()) != m_nodes.data() + m_nodes.size())
        throw std::logic_error("JsonTreeBuilder: a tree needs exactly one complete value");
    return JsonValue(m_nodes.data(), m_strings.data());
}

JsonTree JsonTreeBuilder::finish() {
    // An arena of blocks of no size gives the tree a block of its own, of its exact size.
    JsonArena own(0);
    return finish(own);
}

JsonTree JsonTreeBuilder::finish(JsonArena& arena) {
    root(); // refuses an incomplete tree
    const std::size_t nodes_size = m_nodes.size() * sizeof(JsonNode);
    // The strings follow the nodes, which keeps them aligned (a node takes 16 bytes).
    JsonArena::Space space = arena.allocate(nodes_size + m_strings.size());
    std::memcpy(space.data, m_nodes.data(), nodes_size);
    std::memcpy(space.data + nodes_size, m_strings.data(), m_strings.size());
    const auto* nodes = reinterpret_cast<const JsonNode*>(space.data);
    const auto* strings = reinterpret_cast<const char*>(space.data + nodes_size);
    clear();
    return JsonTree(std::move(space.block), nodes, strings);
}

void JsonTreeBuilder::clear() {
    m_nodes.clear();
    m_strings.clear();
    m_open.clear();
    m_has_key = false;
}

} // namespace costgate
