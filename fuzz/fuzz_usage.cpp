// Fuzz target: usage files (Usage::parse).
#include "costgate/pricing/usage.hpp"
#include "fuzz_support.hpp"

using namespace costgate::pricing;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    costgate::fuzz::expecting_input_errors([&] {
        const costgate::pricing::Usage usage =
            costgate::pricing::Usage::parse("fuzz.yaml", costgate::fuzz::bytes_of(data, size));
        usage.value("aws_nat_gateway.a", "aws_nat_gateway", "monthly_data_processed_gb");
    });
    return 0;
}
