#pragma once

#include <memory>
#include <string_view>
#include <tree_sitter/api.h>
#include <vector>

namespace costgate::ingest {

/// tree-sitter's concrete syntax tree of one HCL text, parsed with the vendored HCL
/// grammar. The text must outlive the tree. Text that is not valid HCL still gives a tree,
/// with ERROR and missing nodes where it goes wrong.
class HclTree {
  public:
    explicit HclTree(std::string_view text);

    TSNode root() const { return ts_tree_root_node(m_tree.get()); }

  private:
    struct ParserDeleter {
        void operator()(TSParser* parser) const { ts_parser_delete(parser); }
    };
    struct TreeDeleter {
        void operator()(TSTree* tree) const { ts_tree_delete(tree); }
    };
    std::unique_ptr<TSParser, ParserDeleter> m_parser;
    std::unique_ptr<TSTree, TreeDeleter> m_tree;
};

/// The children of `node` (all of them, or only the named ones), read with a cursor:
/// ts_node_child(node, i) walks from the first child each time, so looping over it is
/// quadratic in the number of children, which an invalid text can make huge.
std::vector<TSNode> children_of(TSNode node);
std::vector<TSNode> named_children_of(TSNode node);

/// Whether `node` is of the grammar's node type `type` ("block", "expression", ...).
bool has_type(TSNode node, const char* type);

/// The first named child of `node` of `type`, or a null node.
TSNode child_of_type(TSNode node, const char* type);

} // namespace costgate::ingest
