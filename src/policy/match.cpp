#include "costgate/policy/match.hpp"

#include "resource_hardware.hpp"

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

std::string resource_namespace(const Resource& resource) {
    if (resource.source != Source::kubernetes)
        return {};
    return resource.address.substr(0, resource.address.find('/'));
}

std::string resource_module(const Resource& resource) {
    if (resource.source != Source::terraform)
        return {};
    // Module names cannot contain dots, but for_each keys can: walk `module.NAME[KEY].`
    // segments, skipping bracketed keys as a whole.
    std::size_t end = 0;
    std::size_t position = 0;
    const std::string& address = resource.address;
    while (address.compare(position, 7, "module.") == 0) {
        position += 7;
        while (position < address.size() && address[position] != '.') {
            if (address[position] == '[') {
                const std::size_t close = address.find("]", position);
                if (close == std::string::npos)
                    return address.substr(0, end);
                position = close;
            }
            ++position;
        }
        end = position;
        ++position;
    }
    return address.substr(0, end);
}

namespace {

bool any_glob(const std::vector<std::string>& patterns, std::string_view text) {
    return patterns.empty() ||
           std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& pattern) { return glob_match(pattern, text); });
}

bool selects_positively(const Match& match, const Resource& resource) {
    if (!match.sources.empty() &&
        std::find(match.sources.begin(), match.sources.end(), resource.source) ==
            match.sources.end())
        return false;
    if (!any_glob(match.types, resource.type) || !any_glob(match.addresses, resource.address))
        return false;
    if (!match.modules.empty()) {
        const std::string module = resource_module(resource);
        if (resource.source != Source::terraform ||
            !any_glob(match.modules, module.empty() ? "root" : module))
            return false;
    }
    if (!match.namespaces.empty() && (resource.source != Source::kubernetes ||
                                      !any_glob(match.namespaces, resource_namespace(resource))))
        return false;
    for (const auto& [key, values] : match.tags) {
        const auto found = resource.tags.find(key);
        if (found == resource.tags.end() || !any_glob(values, found->second))
            return false;
    }
    return !match.gpu || uses_gpus(resource) == *match.gpu;
}

} // namespace

bool Match::selects(const Resource& resource) const {
    return selects_positively(*this, resource) &&
           !(exclude && selects_positively(*exclude, resource));
}

bool Match::matches(const Resource& resource) const {
    return actions.contains(resource.action) && selects(resource);
}

} // namespace costgate
