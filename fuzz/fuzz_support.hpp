#pragma once

#include "costgate/model/error.hpp"
#include "costgate/model/resource.hpp"
#include "costgate/pricing/catalog.hpp"
#include "costgate/pricing/estimator.hpp"
#include "costgate/report/renderer.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace costgate::fuzz {

using namespace costgate::pricing;
using namespace costgate::report;

/// The fuzzer's bytes as a string.
inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Runs `body`, accepting the errors costgate reports as bad input or usage (exit 2).
/// Any other exception escapes, and libFuzzer reports it as a crash: the CLI would have
/// printed "internal error" without naming the file.
template <class Body> void expecting_input_errors(Body body) {
    try {
        body();
    } catch (const InputError&) {
    } catch (const UsageError&) {
    }
}

/// Prices resources against the embedded catalog and renders them in every format, so
/// what a reader accepts is also what the rest of the pipeline must survive.
inline void price_and_render(std::vector<Resource> resources) {
    static const Catalog catalog = Catalog::embedded();
    Report report;
    report.tool_version = "fuzz";
    report.estimate = estimate_costs(std::move(resources), catalog, Usage(), {});
    for (const std::string& name : renderer_names()) {
        std::ostringstream out;
        find_renderer(name)(report, {}, out);
    }
}

} // namespace costgate::fuzz
