#include "hcl_outline.hpp"

#include "terraform_source/hcl_tree.hpp"

#include <cstring>

namespace costgate::ingest {

namespace {

using ingest::HclTree;

bool is(TSNode node, const char* type) {
    return std::strcmp(ts_node_type(node), type) == 0;
}

class Outliner {
  public:
    explicit Outliner(std::string_view text) : m_text(text) {}

    /// The blocks among `parent`'s children. Where the text is not valid HCL, tree-sitter
    /// wraps what it could not parse in ERROR nodes; a block header found in one
    /// (`TYPE "label" ... {`) still counts.
    void outline(TSNode parent, std::vector<HclBlock>& blocks, int depth = 0) const {
        // ERROR nodes nested deeper than this are crafted input, not configuration.
        constexpr int k_max_error_depth = 64;
        const std::vector<TSNode> children = ingest::children_of(parent);
        for (std::size_t i = 0; i < children.size(); ++i) {
            const TSNode child = children[i];
            if (is(child, "block")) {
                if (HclBlock found = block(child); !found.type.empty())
                    blocks.push_back(std::move(found));
            } else if ((is(child, "body") || is(child, "ERROR")) && depth < k_max_error_depth) {
                outline(child, blocks, depth + 1);
            } else if (is(parent, "ERROR") && is(child, "identifier")) {
                i = header_in_error(children, i, blocks);
            }
        }
    }

  private:
    HclBlock block(TSNode node) const {
        HclBlock block;
        block.line = static_cast<int>(ts_node_start_point(node).row) + 1;
        for (const TSNode child : ingest::named_children_of(node)) {
            if (is(child, "identifier") && block.type.empty())
                block.type = text_of(child);
            else if (is(child, "identifier") || is(child, "string_lit"))
                block.labels.push_back(label(child));
            else if (is(child, "body"))
                add_strings(child, block);
        }
        return block;
    }

    /// Reads `TYPE label... {` starting at children[at] of an ERROR node; returns the index
    /// of the last child it used.
    std::size_t header_in_error(const std::vector<TSNode>& children, std::size_t at,
                                std::vector<HclBlock>& blocks) const {
        HclBlock block;
        block.type = text_of(children[at]);
        block.line = static_cast<int>(ts_node_start_point(children[at]).row) + 1;
        std::size_t i = at + 1;
        for (; i < children.size(); ++i) {
            const TSNode child = children[i];
            if (is(child, "string_lit") || is(child, "identifier")) {
                block.labels.push_back(label(child));
            } else {
                if (is(child, "block_start") || is(child, "{"))
                    blocks.push_back(std::move(block));
                return i;
            }
        }
        return i;
    }

    /// The body's own attributes whose value is a plain string literal.
    void add_strings(TSNode body, HclBlock& block) const {
        for (const TSNode attribute : ingest::named_children_of(body)) {
            if (!is(attribute, "attribute") || ts_node_named_child_count(attribute) != 2)
                continue;
            const TSNode expression = ts_node_named_child(attribute, 1);
            if (ts_node_named_child_count(expression) != 1)
                continue;
            const TSNode literal = ts_node_named_child(expression, 0);
            if (is(literal, "literal_value") && is(ts_node_named_child(literal, 0), "string_lit"))
                block.strings[text_of(ts_node_named_child(attribute, 0))] =
                    label(ts_node_named_child(literal, 0));
        }
    }

    /// A label's text: an identifier as written, a string literal without its quotes (the
    /// simple escapes resolved).
    std::string label(TSNode node) const {
        if (!is(node, "string_lit"))
            return text_of(node);
        const std::vector<TSNode> children = ingest::children_of(node);
        if (children.size() < 2)
            return {};
        const std::uint32_t begin = ts_node_end_byte(children.front());
        const std::uint32_t end = ts_node_start_byte(children.back());
        std::string value;
        for (std::uint32_t i = begin; i < end; ++i) {
            if (m_text[i] == '\\' && i + 1 < end) {
                value += m_text[i + 1] == 'n' ? '\n' : m_text[i + 1];
                ++i;
            } else {
                value += m_text[i];
            }
        }
        return value;
    }

    std::string text_of(TSNode node) const {
        const std::uint32_t begin = ts_node_start_byte(node);
        return std::string(m_text.substr(begin, ts_node_end_byte(node) - begin));
    }

    std::string_view m_text;
};

} // namespace

std::vector<HclBlock> outline_hcl(std::string_view text) {
    const HclTree tree(text);
    std::vector<HclBlock> blocks;
    Outliner(text).outline(tree.root(), blocks);
    return blocks;
}

} // namespace costgate::ingest
