#pragma once

#include "hcl_syntax.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <tree_sitter/api.h>
#include <utility>
#include <vector>

namespace costgate::ingest {

/// Converts tree-sitter's concrete syntax tree of one text into the syntax model of
/// hcl_syntax.hpp: blocks and expressions in hcl_converter.cpp, string templates and
/// heredocs in hcl_template.cpp. Throws InputError at the node it cannot convert.
class HclConverter {
  public:
    HclConverter(std::string_view text, std::shared_ptr<const std::string> file)
        : m_text(text), m_file(std::move(file)) {}

    HclBody body(TSNode node, int depth = 0);
    HclExpressionPtr expression(TSNode node, int depth);
    HclExpressionPtr template_of(TSNode node, int depth);

  private:
    /// Expressions nest no deeper than this: far beyond real configuration, shallow enough
    /// that the recursive conversion and evaluation cannot overflow the stack.
    static constexpr int k_max_depth = 200;

    // Shared by both halves (hcl_converter.cpp).
    HclExpressionPtr make(HclExpression::Kind kind, TSNode node) const;
    HclPosition position(TSNode node) const;
    std::string_view text_of(TSNode node) const;
    [[noreturn]] void fail(TSNode node, const std::string& what) const;

    // Blocks and expressions (hcl_converter.cpp).
    HclBlockNode block(TSNode node, int depth);
    HclExpressionPtr primary(TSNode node, int depth);
    HclExpressionPtr literal(TSNode node);
    /// A quoted string without interpolations (block labels, plain string literals).
    std::string string_literal(TSNode node);
    HclExpressionPtr object(TSNode node, int depth);
    HclExpressionPtr call(TSNode node, int depth);
    HclExpressionPtr operation(TSNode node, int depth);
    HclExpressionPtr for_expression(TSNode node, int depth);
    /// Reads `for KEY, VALUE in COLLECTION` (a for expression's or a `%{ for }` directive's):
    /// the names into `loop`, the collection as its first operand.
    void loop_intro(HclExpression& loop, TSNode intro, int depth);
    HclExpressionPtr traversal(HclExpressionPtr base, TSNode node, int depth);

    // String templates and heredocs (hcl_template.cpp).
    /// Adds the parts of a template found between byte `begin` and `end`, where the
    /// structural nodes are children[from, to): interpolations, directives, and the raw
    /// text between them as literal parts.
    void add_parts(const std::vector<TSNode>& children, std::size_t from, std::size_t to,
                   std::uint32_t begin, std::uint32_t end, bool quoted, HclExpression& into,
                   int depth);
    void directive(TSNode node, bool quoted, HclExpression& into, int depth);
    /// Whether a `~` strips the whitespace before and after an interpolation or directive
    /// marker node (`${~ x ~}`, `%{~ if c ~}`).
    static std::pair<bool, bool> strip_markers(TSNode node);
    static void strip_last_literal(HclExpression& into, bool strip);
    void add_literal(HclExpression& into, std::uint32_t begin, std::uint32_t end, bool quoted,
                     TSNode where);
    /// The smallest indentation of the non-blank lines in [begin, end) (for `<<-`).
    std::size_t common_indent(std::size_t begin, std::size_t end) const;
    /// Removes the heredoc's common indentation from the lines that start inside a literal
    /// part beginning at byte `begin` of the text.
    std::string remove_indent(const std::string& text, std::uint32_t begin) const;
    /// A template's literal text: `$${` and `%%{` give `${` and `%{`; quoted strings also
    /// resolve backslash escapes.
    std::string unescape(std::string_view raw, bool quoted, TSNode where) const;

    std::string_view m_text;
    std::shared_ptr<const std::string> m_file;
    std::size_t m_heredoc_indent = 0;
    bool m_strip_next = false;
};

} // namespace costgate::ingest
