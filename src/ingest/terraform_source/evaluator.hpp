#pragma once

#include "diagnostics.hpp"
#include "hcl_syntax.hpp"

#include <string>
#include <utility>
#include <vector>

namespace costgate::ingest {

/// What the names in one module instance's expressions refer to.
class EvalScope {
  public:
    virtual ~EvalScope() = default;
    /// The value of `root` (`var`, `local`, `module`, `path`, `count`, `each`, `terraform`,
    /// `self`, `data` or a resource type) followed by `.attribute` when `attribute` is not
    /// null (`var.size`: root `var`, attribute `size`). Throws InputError at `where` for a
    /// name that does not exist.
    virtual Value reference(const std::string& root, const std::string* attribute,
                            const HclPosition& where) = 0;
};

/// Evaluates expressions the way Terraform does before a plan: whatever depends on an
/// unknown value is unknown. Errors Terraform would report (a missing map key, a wrong
/// type, a call that fails) throw InputError at the expression's `file:line:column`.
class Evaluator {
  public:
    Evaluator(EvalScope& scope, SourceDiagnostics& diagnostics)
        : m_scope(scope), m_diagnostics(diagnostics) {}

    Value evaluate(const HclExpression& expression);

    /// Binds `name` (a dynamic block's iterator) for the expressions evaluated until unbind().
    void bind(std::string name, Value value) {
        m_bindings.emplace_back(std::move(name), std::move(value));
    }
    void unbind() { m_bindings.pop_back(); }

  private:
    Value variable(const HclExpression& expression, const std::string* attribute);
    Value get_attr(const HclExpression& expression);
    Value index(const HclExpression& expression);
    Value splat(const HclExpression& expression);
    Value call(const HclExpression& expression);
    Value try_call(const HclExpression& expression, bool can);
    Value conditional(const HclExpression& expression);
    Value binary(const HclExpression& expression);
    Value unary(const HclExpression& expression);
    Value object(const HclExpression& expression);
    Value template_(const HclExpression& expression);
    bool template_parts(const HclExpression& expression, std::string& out);
    Value for_expression(const HclExpression& expression);

    /// Calls `each(key, value)` for every element of a for expression's collection.
    template <typename Each>
    void for_each_element(const HclExpression& loop, const Value& collection, Each each);

    [[noreturn]] static void fail(const HclExpression& expression, const std::string& what);

    EvalScope& m_scope;
    SourceDiagnostics& m_diagnostics;
    std::vector<std::pair<std::string, Value>> m_bindings;
    std::vector<Value> m_splat_items;
    int m_depth = 0;
};

} // namespace costgate::ingest
