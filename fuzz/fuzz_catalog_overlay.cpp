// Fuzz target: --catalog overlays (Catalog::add_overlay), the same bytes read as CSV and
// as YAML.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = costgate::fuzz::bytes_of(data, size);
    for (const char* name : {"fuzz.csv", "fuzz.yaml"}) {
        costgate::fuzz::expecting_input_errors([&] {
            costgate::pricing::Catalog catalog = costgate::pricing::Catalog::embedded();
            catalog.add_overlay(name, text);
        });
    }
    return 0;
}
