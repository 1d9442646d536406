#pragma once

#include "costgate/model/json_tree.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::pricing {

/// Read-only access to one state of a resource's attributes together with the matching
/// part of Terraform's `after_unknown`, so a pricer can tell "absent" from "not known
/// until apply".
class Attributes {
  public:
    /// `unknown` is absent when nothing is unknown (states that exist already).
    Attributes(JsonValue values, JsonValue unknown) : m_values(values), m_unknown(unknown) {}

    /// The attribute tree itself, for pricers that walk nested structures such as a
    /// Kubernetes pod spec.
    JsonValue json() const { return m_values; }

    /// True when `name` is only known after apply.
    bool is_unknown(std::string_view name) const;
    // The readers below give nullopt (or nothing) when `name` is absent, null or unknown
    // until apply. A value of the wrong type is never read as absent: it throws InputError
    // without a location (the estimator adds the resource's file and address).

    /// The string value of `name`; a number is read as Terraform converts it for a string
    /// attribute (`0.5` -> "0.5"), as Terraform source read without a plan still holds it.
    std::optional<std::string> string(std::string_view name) const;
    /// The numeric value of `name` (a number, or a string holding one): from 0 to 1e9, -0
    /// read as 0.
    std::optional<double> number(std::string_view name) const;
    /// The boolean value of `name` (JSON booleans only).
    std::optional<bool> boolean(std::string_view name) const;
    /// A string, a number as string() reads it, or a boolean as `true`/`false`: what a resource
    /// type's data row compares or puts into a price key (`log_group_class`, `fifo_queue`).
    std::optional<std::string> text(std::string_view name) const;
    /// The string elements of a list or set attribute such as `instance_types`, numbers as
    /// string() reads them (null elements, unknown until apply, are left out).
    std::vector<std::string> strings(std::string_view name) const;
    /// The elements of a nested block or list attribute, e.g. `root_block_device`.
    std::vector<Attributes> blocks(std::string_view name) const;

  private:
    JsonValue value(std::string_view name) const;

    JsonValue m_values;
    JsonValue m_unknown;
};

} // namespace costgate::pricing
