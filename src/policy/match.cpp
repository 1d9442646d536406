#include "costgate/policy/match.hpp"

#include <algorithm>

namespace costgate {

bool glob_match(std::string_view pattern, std::string_view text) {
    // Iterative matcher with single-star backtracking: linear in practice, no recursion.
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star = std::string_view::npos;
    std::size_t star_text = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            star_text = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++star_text;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

namespace {

bool any_glob(const std::vector<std::string>& patterns, std::string_view text) {
    return patterns.empty() ||
           std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& pattern) { return glob_match(pattern, text); });
}

} // namespace

bool Match::matches(const Resource& resource) const {
    if (!actions.contains(resource.action))
        return false;
    if (!sources.empty() &&
        std::find(sources.begin(), sources.end(), resource.source) == sources.end())
        return false;
    if (!any_glob(types, resource.type) || !any_glob(addresses, resource.address))
        return false;
    for (const auto& [key, values] : tags) {
        const auto found = resource.tags.find(key);
        if (found == resource.tags.end() || !any_glob(values, found->second))
            return false;
    }
    return true;
}

} // namespace costgate
