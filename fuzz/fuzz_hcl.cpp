// Fuzz target: the Terraform block outline (outline_hcl) that --tf-dir reads .tf files
// with. Any bytes give blocks or none, never a crash, a hang or deep recursion; every block
// has a type and a line within the text.
#include "fuzz_support.hpp"
#include "ingest/hcl_outline.hpp"

#include <algorithm>
#include <cstdlib>

using namespace costgate::ingest;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = costgate::fuzz::bytes_of(data, size);
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const costgate::ingest::HclBlock& block : costgate::ingest::outline_hcl(text))
        if (block.type.empty() || block.line < 1 || block.line > lines)
            std::abort();
    return 0;
}
