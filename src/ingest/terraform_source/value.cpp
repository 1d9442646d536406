#include "value.hpp"

#include <charconv>
#include <cmath>

namespace costgate::ingest {

namespace {

const std::string k_empty_string;
const Value::List k_empty_list;
const Value::Map k_empty_map;

void write_after(const Value& value, JsonTreeBuilder& after) {
    switch (value.kind()) {
    case Value::Kind::null:
    case Value::Kind::unknown:
        after.null();
        return;
    case Value::Kind::boolean:
        after.boolean(value.as_bool());
        return;
    case Value::Kind::number: {
        // Whole numbers are written as integers, as Terraform's JSON does (`"size": 100`).
        const double number = value.as_number();
        if (std::trunc(number) == number && std::fabs(number) < 9e15)
            after.integer(static_cast<std::int64_t>(number));
        else
            after.floating(number);
        return;
    }
    case Value::Kind::string:
        after.string(value.as_string());
        return;
    case Value::Kind::list:
        after.begin_array();
        for (const Value& element : value.as_list())
            write_after(element, after);
        after.end_array();
        return;
    case Value::Kind::map:
        after.begin_object();
        for (const auto& [key, member] : value.as_map()) {
            after.key(key);
            write_after(member, after);
        }
        after.end_object();
        return;
    }
}

// Terraform's after_unknown shape: `true` where unknown, lists keep their length (`false`
// for known elements), maps keep only members with something unknown inside.
void write_unknown(const Value& value, JsonTreeBuilder& unknown) {
    if (value.is_list()) {
        unknown.begin_array();
        for (const Value& element : value.as_list()) {
            if (element.has_unknown())
                write_unknown(element, unknown);
            else
                unknown.boolean(false);
        }
        unknown.end_array();
    } else if (value.is_map()) {
        unknown.begin_object();
        for (const auto& [key, member] : value.as_map()) {
            if (!member.has_unknown())
                continue;
            unknown.key(key);
            write_unknown(member, unknown);
        }
        unknown.end_object();
    } else {
        unknown.boolean(true);
    }
}

} // namespace

Value Value::unknown() {
    Value value;
    value.m_kind = Kind::unknown;
    return value;
}

Value Value::boolean(bool flag) {
    Value value;
    value.m_kind = Kind::boolean;
    value.m_bool = flag;
    return value;
}

Value Value::number(double number) {
    Value value;
    value.m_kind = Kind::number;
    value.m_number = number;
    return value;
}

Value Value::string(std::string text) {
    Value value;
    value.m_kind = Kind::string;
    value.m_string = std::make_shared<const std::string>(std::move(text));
    return value;
}

Value Value::list(List elements) {
    Value value;
    value.m_kind = Kind::list;
    for (const Value& element : elements)
        value.m_bool = value.m_bool || element.has_unknown();
    value.m_list = std::make_shared<const List>(std::move(elements));
    return value;
}

Value Value::map(Map members) {
    Value value;
    value.m_kind = Kind::map;
    for (const auto& [key, member] : members)
        value.m_bool = value.m_bool || member.has_unknown();
    value.m_map = std::make_shared<const Map>(std::move(members));
    return value;
}

Value Value::resource(const Value& configured) {
    if (configured.is_list()) {
        List elements;
        for (const Value& element : configured.as_list())
            elements.push_back(resource(element));
        return list(std::move(elements));
    }
    if (!configured.is_map())
        return configured;
    Map members;
    for (const auto& [name, member] : configured.as_map())
        members.emplace(name, resource(member));
    Value value = map(std::move(members));
    value.m_unknown_members = true;
    return value;
}

// For lists and maps m_bool caches whether an element is unknown, so the check is O(1).
bool Value::has_unknown() const {
    return m_kind == Kind::unknown || ((m_kind == Kind::list || m_kind == Kind::map) && m_bool);
}

const std::string& Value::as_string() const {
    return m_string ? *m_string : k_empty_string;
}
const Value::List& Value::as_list() const {
    return m_list ? *m_list : k_empty_list;
}
const Value::Map& Value::as_map() const {
    return m_map ? *m_map : k_empty_map;
}

std::string_view Value::type_name() const {
    switch (m_kind) {
    case Kind::null:
        return "null";
    case Kind::boolean:
        return "bool";
    case Kind::number:
        return "number";
    case Kind::string:
        return "string";
    case Kind::list:
        return "list";
    case Kind::map:
        return "map";
    case Kind::unknown:
        return "unknown";
    }
    return "unknown";
}

bool operator==(const Value& a, const Value& b) {
    if (a.m_kind != b.m_kind)
        return false;
    switch (a.m_kind) {
    case Value::Kind::null:
    case Value::Kind::unknown:
        return true;
    case Value::Kind::boolean:
        return a.m_bool == b.m_bool;
    case Value::Kind::number:
        return a.m_number == b.m_number;
    case Value::Kind::string:
        return a.as_string() == b.as_string();
    case Value::Kind::list:
        return a.as_list() == b.as_list();
    case Value::Kind::map:
        return a.as_map() == b.as_map();
    }
    return false;
}

std::string format_number(double number) {
    if (std::trunc(number) == number && std::fabs(number) < 1e15)
        return std::to_string(static_cast<long long>(number));
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
    return error == std::errc() ? std::string(buffer, end) : std::to_string(number);
}

bool write_value(const Value& value, JsonTreeBuilder& after, JsonTreeBuilder& unknown) {
    write_after(value, after);
    if (!value.has_unknown())
        return false;
    write_unknown(value, unknown);
    return true;
}

} // namespace costgate::ingest
