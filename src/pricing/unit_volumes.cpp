#include "costgate/pricing/unit_volumes.hpp"

#include "costgate/util/glob.hpp"
#include "costgate/util/yaml_map.hpp"
#include "usage_values.hpp"

#include <algorithm>

namespace costgate::pricing {

namespace {

// Units are printed in every report's tables and headings: short, one line, no controls.
constexpr std::size_t k_max_unit_length = 64;

UnitVolume read_volume(const std::string& file, const YAML::Node& node, const std::string& what) {
    util::YamlMap map(file, node, what);
    UnitVolume volume;
    volume.unit = map.required_string("unit");
    // Code points: the bytes that do not continue a UTF-8 sequence.
    const auto length = std::count_if(volume.unit.begin(), volume.unit.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    });
    if (static_cast<std::size_t>(length) > k_max_unit_length ||
        std::any_of(volume.unit.begin(), volume.unit.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        map.fail(map.get("unit"), "\"unit\" must be one line of at most " +
                                      std::to_string(k_max_unit_length) + " characters");
    if (!map.has("monthly_units"))
        map.fail("the unit \"" + volume.unit + "\" of " + what +
                 " needs a volume: \"monthly_units\" (units a month)");
    const YAML::Node units = map.get("monthly_units");
    const double count = util::yaml_number(map, units, "\"monthly_units\"");
    if (count < 1 || count != static_cast<double>(static_cast<std::int64_t>(count)) ||
        count > static_cast<double>(k_max_monthly_units))
        map.fail(units, "\"monthly_units\" must be a whole number from 1 to 2^53: a cost per "
                        "1,000 units of no volume has no meaning");
    volume.monthly_units = static_cast<std::int64_t>(count);
    map.finish();
    return volume;
}

} // namespace

UnitVolumes UnitVolumes::parse(const std::string& file, const YAML::Node& node) {
    UnitVolumes volumes;
    if (!node.IsDefined() || node.IsNull())
        return volumes;
    util::YamlMap top(file, node, "unit_volumes");
    if (const YAML::Node project = top.get("project"); project.IsDefined() && !project.IsNull())
        volumes.m_project = read_volume(file, project, "unit_volumes.project");
    if (const YAML::Node resources = top.get("resources");
        resources.IsDefined() && !resources.IsNull()) {
        util::YamlMap by_address(file, resources, "unit_volumes.resources");
        for (const auto& entry : by_address.entries()) {
            const std::string pattern = entry.first.Scalar();
            volumes.m_resources.push_back(
                {pattern, read_volume(file, by_address.get(pattern), "\"" + pattern + "\""),
                 util::yaml_location(file, entry.first)});
        }
    }
    top.finish();
    return volumes;
}

std::optional<UnitVolume> UnitVolumes::of_resource(std::string_view address) const {
    for (const Entry& entry : m_resources)
        if (entry.pattern == address)
            return entry.volume;
    for (const Entry& entry : m_resources)
        if (util::glob_match(entry.pattern, address))
            return entry.volume;
    return std::nullopt;
}

std::vector<std::string>
UnitVolumes::unmatched_addresses(const std::vector<Resource>& resources) const {
    std::vector<std::string> messages;
    for (const Entry& entry : m_resources)
        if (!names_some_resource(entry.pattern, resources))
            messages.push_back(entry.where.to_string() + ": unit_volumes.resources \"" +
                               entry.pattern +
                               "\" matches no resource of this run: its volume is not used");
    return messages;
}

} // namespace costgate::pricing
