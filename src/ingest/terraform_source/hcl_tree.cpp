#include "hcl_tree.hpp"

#include <cstdint>

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace costgate::ingest {

HclTree::HclTree(std::string_view text) : m_parser(ts_parser_new()) {
    ts_parser_set_language(m_parser.get(), tree_sitter_hcl());
    m_tree.reset(ts_parser_parse_string(m_parser.get(), nullptr, text.data(),
                                        static_cast<std::uint32_t>(text.size())));
}

} // namespace costgate::ingest
