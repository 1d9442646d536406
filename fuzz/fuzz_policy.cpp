// Fuzz target: policy files (parse_policy).
#include "costgate/policy/policy.hpp"
#include "fuzz_support.hpp"

using namespace costgate::policy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    costgate::fuzz::expecting_input_errors(
        [&] { costgate::policy::parse_policy("fuzz.yaml", costgate::fuzz::bytes_of(data, size)); });
    return 0;
}
