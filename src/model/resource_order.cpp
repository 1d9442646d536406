#include "costgate/model/resource_order.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <tuple>

namespace costgate {

namespace {

bool listed_before(const Resource& a, const Resource& b) {
    return std::tie(a.address, a.source, a.file) < std::tie(b.address, b.source, b.file);
}

// What the sort moves: the address to compare (most differ there) and where the resource
// is. Sorting the resources themselves moved each several hundred-byte Resource about
// n log n times, through a buffer of n more: a tenth of a 100,000-resource run.
struct SortKey {
    std::string_view address;
    std::size_t index;
};

// Moves each resource once, to where `order` says (order[i]: the index of the resource that
// goes to position i), following the permutation's cycles.
void apply_order(std::vector<Resource>& resources, std::vector<std::size_t>& order) {
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start] == start)
            continue; // in place, or placed by an earlier cycle
        Resource held = std::move(resources[start]);
        std::size_t at = start;
        while (order[at] != start) {
            const std::size_t from = order[at];
            resources[at] = std::move(resources[from]);
            order[at] = at;
            at = from;
        }
        resources[at] = std::move(held);
        order[at] = at;
    }
}

} // namespace

void sort_resources(std::vector<Resource>& resources) {
    // Terraform lists a plan's resources by address already: one pass for the usual case.
    if (std::is_sorted(resources.begin(), resources.end(), listed_before))
        return;
    std::vector<SortKey> keys;
    keys.reserve(resources.size());
    for (std::size_t i = 0; i < resources.size(); ++i)
        keys.push_back({resources[i].address, i});
    std::stable_sort(keys.begin(), keys.end(), [&](const SortKey& a, const SortKey& b) {
        if (a.address != b.address)
            return a.address < b.address;
        return listed_before(resources[a.index], resources[b.index]);
    });
    std::vector<std::size_t> order;
    order.reserve(keys.size());
    for (const SortKey& key : keys)
        order.push_back(key.index);
    apply_order(resources, order);
}

} // namespace costgate
