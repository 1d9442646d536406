// Fuzz target: Money. Any double either converts or throws std::range_error; converted
// amounts format as cents that read back to within half a cent, and sums stay exact.
#include "costgate/model/money.hpp"
#include "fuzz_support.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace {

void check_formats(costgate::Money money) {
    const std::string text = money.to_cents_string();
    const double back = std::strtod(text.c_str(), nullptr);
    if (std::fabs(back - money.to_double()) > 0.005 + 1e-9 * std::fabs(back))
        std::abort();
    if (money.to_signed_cents_string().empty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    double amounts[2] = {0, 0};
    std::memcpy(amounts, data, std::min(size, sizeof amounts));
    try {
        const costgate::Money a = costgate::Money::from_double(amounts[0]);
        const costgate::Money b = costgate::Money::from_double(amounts[1]);
        check_formats(a);
        check_formats(b);
        try {
            const costgate::Money sum = a + b;
            if (sum - b != a)
                std::abort();
            check_formats(sum);
        } catch (const std::overflow_error&) {
        }
    } catch (const std::range_error&) {
    }
    return 0;
}
