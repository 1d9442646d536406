#include "hcl_tree.hpp"

#include <cstdint>
#include <cstring>

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace costgate::ingest {

HclTree::HclTree(std::string_view text) : m_parser(ts_parser_new()) {
    ts_parser_set_language(m_parser.get(), tree_sitter_hcl());
    m_tree.reset(ts_parser_parse_string(m_parser.get(), nullptr, text.data(),
                                        static_cast<std::uint32_t>(text.size())));
}

namespace {

std::vector<TSNode> children(TSNode node, bool named_only) {
    std::vector<TSNode> found;
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
        do {
            const TSNode child = ts_tree_cursor_current_node(&cursor);
            if (!named_only || ts_node_is_named(child))
                found.push_back(child);
        } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    return found;
}

} // namespace

std::vector<TSNode> children_of(TSNode node) {
    return children(node, false);
}

std::vector<TSNode> named_children_of(TSNode node) {
    return children(node, true);
}

bool has_type(TSNode node, const char* type) {
    return std::strcmp(ts_node_type(node), type) == 0;
}

TSNode child_of_type(TSNode node, const char* type) {
    for (const TSNode child : named_children_of(node))
        if (has_type(child, type))
            return child;
    return TSNode{};
}

} // namespace costgate::ingest
