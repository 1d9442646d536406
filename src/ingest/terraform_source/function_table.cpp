#include "function_library.hpp"

#include <algorithm>
#include <array>

namespace costgate::ingest {

namespace {

namespace f = functions;

// One line per function: name, argument counts, whether it handles unknown arguments
// itself (otherwise any unknown argument makes the result unknown), implementation.
// Sorted by name for the binary search below.
constexpr std::array k_functions = {
    FunctionSpec{"abs", 1, 1, false, f::abs},
    FunctionSpec{"ceil", 1, 1, false, f::ceil},
    FunctionSpec{"coalesce", 1, k_variadic, true, f::coalesce},
    FunctionSpec{"coalescelist", 1, k_variadic, true, f::coalescelist},
    FunctionSpec{"compact", 1, 1, false, f::compact},
    FunctionSpec{"concat", 0, k_variadic, true, f::concat},
    FunctionSpec{"contains", 2, 2, false, f::contains},
    FunctionSpec{"distinct", 1, 1, false, f::distinct},
    FunctionSpec{"element", 2, 2, true, f::element},
    FunctionSpec{"endswith", 2, 2, false, f::endswith},
    FunctionSpec{"flatten", 1, 1, true, f::flatten},
    FunctionSpec{"floor", 1, 1, false, f::floor},
    FunctionSpec{"format", 1, k_variadic, false, f::format},
    FunctionSpec{"index", 2, 2, false, f::index},
    FunctionSpec{"join", 2, k_variadic, false, f::join},
    FunctionSpec{"jsonencode", 1, 1, false, f::jsonencode},
    FunctionSpec{"keys", 1, 1, true, f::keys},
    FunctionSpec{"length", 1, 1, true, f::length},
    FunctionSpec{"lookup", 2, 3, true, f::lookup},
    FunctionSpec{"lower", 1, 1, false, f::lower},
    FunctionSpec{"max", 1, k_variadic, false, f::max},
    FunctionSpec{"merge", 0, k_variadic, true, f::merge},
    FunctionSpec{"min", 1, k_variadic, false, f::min},
    FunctionSpec{"one", 1, 1, true, f::one},
    FunctionSpec{"range", 1, 3, false, f::range},
    FunctionSpec{"replace", 3, 3, false, f::replace},
    FunctionSpec{"reverse", 1, 1, true, f::reverse},
    FunctionSpec{"setunion", 1, k_variadic, false, f::setunion},
    FunctionSpec{"slice", 3, 3, true, f::slice},
    FunctionSpec{"sort", 1, 1, false, f::sort},
    FunctionSpec{"split", 2, 2, false, f::split},
    FunctionSpec{"startswith", 2, 2, false, f::startswith},
    FunctionSpec{"substr", 3, 3, false, f::substr},
    FunctionSpec{"sum", 1, 1, false, f::sum},
    FunctionSpec{"tobool", 1, 1, false, f::tobool},
    FunctionSpec{"tolist", 1, 1, true, f::tolist},
    FunctionSpec{"tomap", 1, 1, true, f::tomap},
    FunctionSpec{"tonumber", 1, 1, false, f::tonumber},
    FunctionSpec{"toset", 1, 1, false, f::toset},
    FunctionSpec{"tostring", 1, 1, false, f::tostring},
    FunctionSpec{"trimprefix", 2, 2, false, f::trimprefix},
    FunctionSpec{"trimspace", 1, 1, false, f::trimspace},
    FunctionSpec{"trimsuffix", 2, 2, false, f::trimsuffix},
    FunctionSpec{"upper", 1, 1, false, f::upper},
    FunctionSpec{"values", 1, 1, true, f::values},
    FunctionSpec{"zipmap", 2, 2, false, f::zipmap},
};

constexpr bool sorted_by_name() {
    for (std::size_t i = 1; i < k_functions.size(); ++i)
        if (!(k_functions[i - 1].name < k_functions[i].name))
            return false;
    return true;
}
static_assert(sorted_by_name(), "keep k_functions sorted by name");

} // namespace

const FunctionSpec* find_function(std::string_view name) {
    // Terraform 1.8+ also accepts the built-ins as `core::NAME`.
    if (name.starts_with("core::"))
        name.remove_prefix(6);
    const auto found = std::lower_bound(
        k_functions.begin(), k_functions.end(), name,
        [](const FunctionSpec& spec, std::string_view key) { return spec.name < key; });
    return found != k_functions.end() && found->name == name ? &*found : nullptr;
}

} // namespace costgate::ingest
