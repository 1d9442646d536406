// RDS Extended Support: which engine versions are past standard support is data
// (src/pricing/types/rds_extended_support.yaml); the vCPUs come from the instance specs.
#include "rds_extended_support.hpp"

#include "costgate/pricing/instance_specs.hpp"
#include "costgate/util/embedded_files.hpp"
#include "costgate/util/yaml_map.hpp"
#include "pricers.hpp"

#include <vector>

namespace costgate::pricing::aws {

namespace {

constexpr std::string_view k_support_file = "src/pricing/types/rds_extended_support.yaml";

struct ExtendedSupport {
    std::string engine;
    std::string major;
    std::string rate;
    std::string charged_from;
};

std::vector<ExtendedSupport> read_extended_support(const std::string& file, std::string_view yaml) {
    util::YamlMap top = util::load_versioned_document(file, yaml, "RDS Extended Support");
    std::vector<ExtendedSupport> result;
    for (const YAML::Node& node : top.get("engines")) {
        util::YamlMap entry(file, node, "engine");
        result.push_back({entry.required_string("engine"), entry.required_string("major"),
                          entry.required_string("rate"), entry.required_string("charged_from")});
        entry.finish();
    }
    top.finish();
    return result;
}

const std::vector<ExtendedSupport>& extended_support() {
    static const std::vector<ExtendedSupport> k_entries =
        read_extended_support(std::string(k_support_file), util::embedded_file(k_support_file));
    return k_entries;
}

// The entry whose major version `version` is (`5.7.44` is 5.7), or nullptr.
const ExtendedSupport* find_entry(const std::string& engine, const std::string& version) {
    for (const ExtendedSupport& entry : extended_support())
        if (entry.engine == engine &&
            (version == entry.major || version.starts_with(entry.major + ".")))
            return &entry;
    return nullptr;
}

} // namespace

void add_extended_support(StateCost& cost, const Attributes& attributes, const std::string& engine,
                          const std::string& instance_class, bool multi_az,
                          const PricingContext& context) {
    const auto version = attributes.string("engine_version");
    if (!version)
        return;
    const ExtendedSupport* entry = find_entry(engine, *version);
    if (!entry)
        return;
    const std::string name = "Extended Support (" + entry->rate + " " + entry->major + ")";
    const auto spec = find_instance_spec("aws", instance_class);
    if (!spec) {
        cost.add_unpriced(name, "the vCPU count of " + instance_class + " is not known");
        return;
    }
    const double instances = multi_az ? 2 : 1;
    const std::size_t unpriced = cost.unpriced.size();
    context.add(cost, name, "vCPU-hours", instances * spec->vcpus * k_hours_per_month, "rds",
                "extended_support_year_1|" + entry->rate);
    if (cost.unpriced.size() == unpriced)
        cost.notes.push_back(entry->rate + " " + entry->major +
                             " is past standard support (charged since " + entry->charged_from +
                             "): priced at the year-1 rate; AWS charges more from the third year");
}

} // namespace costgate::pricing::aws
