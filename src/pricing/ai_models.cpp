#include "costgate/pricing/ai_models.hpp"

#include "costgate/util/embedded_files.hpp"
#include "costgate/util/glob.hpp"
#include "costgate/util/yaml_map.hpp"

#include <algorithm>
#include <vector>

namespace costgate::pricing {

namespace {

constexpr std::string_view k_families_file = "src/pricing/types/smaller_models.yaml";

/// Models of a family (globs) and the smaller model of that family.
struct Family {
    std::vector<std::string> models;
    std::string smaller;
};

std::vector<Family> read_families() {
    const std::string file(k_families_file);
    util::YamlMap top =
        util::load_versioned_document(file, util::embedded_file(k_families_file), "model families");
    std::vector<Family> families;
    for (const YAML::Node& node : top.get("families")) {
        util::YamlMap entry(file, node, "family");
        families.push_back({entry.string_list("models"), entry.required_string("smaller")});
        entry.finish();
    }
    top.finish();
    return families;
}

} // namespace

std::optional<std::string> smaller_model_of(std::string_view model) {
    static const std::vector<Family> k_families = read_families();
    for (const Family& family : k_families)
        if (std::any_of(family.models.begin(), family.models.end(),
                        [&](const std::string& glob) { return util::glob_match(glob, model); }))
            return family.smaller;
    return std::nullopt;
}

std::optional<std::string> foundation_model_of(std::string_view arn) {
    constexpr std::string_view k_marker = ":foundation-model/";
    const std::size_t at = arn.find(k_marker);
    if (at == std::string_view::npos || at + k_marker.size() == arn.size())
        return std::nullopt;
    return std::string(arn.substr(at + k_marker.size()));
}

} // namespace costgate::pricing
