// Fuzz target: the tree-sitter HCL parse behind --tf-dir's block outline (outline_hcl) and
// --terraform's syntax model (parse_hcl). Any bytes give blocks or none, never a crash, a
// hang or deep recursion; every outlined block has a type and a line within the text; the
// syntax model is built or the input is an InputError (exit 2).
#include "fuzz_support.hpp"
#include "ingest/hcl_outline.hpp"
#include "ingest/terraform_source/hcl_parse.hpp"

#include <algorithm>
#include <cstdlib>

using namespace costgate::ingest;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = costgate::fuzz::bytes_of(data, size);
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const costgate::ingest::HclBlock& block : costgate::ingest::outline_hcl(text))
        if (block.type.empty() || block.line < 1 || block.line > lines)
            std::abort();
    costgate::fuzz::expecting_input_errors(
        [&] { costgate::ingest::parse_hcl(costgate::util::InputText("fuzz.tf", text)); });
    return 0;
}
