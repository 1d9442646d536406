// Fuzz target: Kubernetes quantities (parse_quantity). A parsed value must be finite and
// not negative, as the header promises.
#include "costgate/model/quantity.hpp"
#include "fuzz_support.hpp"

#include <cmath>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = costgate::fuzz::bytes_of(data, size);
    if (const auto value = costgate::parse_quantity(text);
        value && (!std::isfinite(*value) || *value < 0))
        std::abort();
    return 0;
}
