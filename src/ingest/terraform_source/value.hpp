#pragma once

#include "costgate/model/json_tree.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::ingest {

/// A Terraform value as costgate evaluates it without a provider: null, bool, number,
/// string, list (lists, tuples and sets), map (maps and objects), or unknown (known only
/// after apply: another resource's attribute, a data source, a variable without a value).
/// Copies share their elements.
class Value {
  public:
    enum class Kind { null, boolean, number, string, list, map, unknown };
    using List = std::vector<Value>;
    using Map = std::map<std::string, Value, std::less<>>;

    Value() = default;
    static Value unknown();
    static Value boolean(bool value);
    static Value number(double value);
    static Value string(std::string value);
    static Value list(List elements);
    static Value map(Map members);
    /// A resource's value before apply, from its evaluated configuration: the members it
    /// sets are known; any other member of it or of its blocks (an id, a computed
    /// attribute) reads as unknown. Written out, it holds what is set (so `tags =
    /// aws_vpc.main.tags` is known), and it counts as known to functions such as merge().
    static Value resource(const Value& configured);

    Kind kind() const { return m_kind; }
    bool is_null() const { return m_kind == Kind::null; }
    bool is_unknown() const { return m_kind == Kind::unknown; }
    bool is_bool() const { return m_kind == Kind::boolean; }
    bool is_number() const { return m_kind == Kind::number; }
    bool is_string() const { return m_kind == Kind::string; }
    bool is_list() const { return m_kind == Kind::list; }
    bool is_map() const { return m_kind == Kind::map; }
    /// True for the objects of `resource()` values, whose unlisted members are unknown, not
    /// absent.
    bool has_unknown_members() const { return m_unknown_members; }
    /// True when this value or any element or member is unknown.
    bool has_unknown() const;

    bool as_bool() const { return m_bool; }
    double as_number() const { return m_number; }
    const std::string& as_string() const;
    const List& as_list() const;
    const Map& as_map() const;

    /// `string`, `number`, `bool`, `list`, `map`, `null` or `unknown`, for messages.
    std::string_view type_name() const;

    friend bool operator==(const Value& a, const Value& b);

  private:
    Kind m_kind = Kind::null;
    bool m_bool = false;
    bool m_unknown_members = false;
    double m_number = 0;
    std::shared_ptr<const std::string> m_string;
    std::shared_ptr<const List> m_list;
    std::shared_ptr<const Map> m_map;
};

/// A number as Terraform prints it: integers without a fraction (`3`), others in the
/// shortest form that reads back the same (`0.5`).
std::string format_number(double number);

/// Writes `value` as a plan's `after` writes an attribute (unknowns as null) into `after`,
/// and `true` at the unknown paths into `unknown`. Returns false when nothing in `value`
/// is unknown (the caller may then drop what was written to `unknown`).
bool write_value(const Value& value, JsonTreeBuilder& after, JsonTreeBuilder& unknown);

} // namespace costgate::ingest
