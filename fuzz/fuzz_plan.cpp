// Fuzz target: Terraform plan JSON (read_terraform_plan), then pricing and rendering.
#include "costgate/ingest/terraform_plan.hpp"
#include "fuzz_support.hpp"

using namespace costgate::ingest;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    costgate::fuzz::expecting_input_errors([&] {
        const costgate::util::InputText input{
            "fuzz.json",
            costgate::util::decode_text("fuzz.json", costgate::fuzz::bytes_of(data, size))};
        costgate::fuzz::price_and_render(
            costgate::ingest::read_terraform_plan(input, {"us-east-1"}));
    });
    return 0;
}
