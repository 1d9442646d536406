// Fuzz target: Kubernetes manifests, YAML or JSON (read_k8s_manifest_text), then pricing and
// rendering.
#include "costgate/ingest/k8s_manifests.hpp"
#include "fuzz_support.hpp"

using namespace costgate::ingest;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    costgate::fuzz::expecting_input_errors([&] {
        const costgate::util::InputText input{
            "fuzz.yaml",
            costgate::util::decode_text("fuzz.yaml", costgate::fuzz::bytes_of(data, size))};
        costgate::fuzz::price_and_render(costgate::ingest::read_k8s_manifest_text(input));
    });
    return 0;
}
