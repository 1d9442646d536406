// Reads an Infracost usage file (infracost-usage.yml) as it is, so a team can switch to
// costgate without rewriting it.
#include "costgate/model/error.hpp"
#include "costgate/pricing/pricer.hpp"
#include "costgate/pricing/usage.hpp"
#include "costgate/util/csv.hpp"
#include "costgate/util/embedded_files.hpp"
#include "usage_values.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <spdlog/spdlog.h>

namespace costgate::pricing {

namespace {

constexpr std::string_view k_keys_file = "src/pricing/usage/infracost_keys.csv";

// Infracost's reserved-instance keys: costgate's catalog holds on-demand rates only.
constexpr std::array k_reservation_keys = {"reserved_instance_type", "reserved_instance_term",
                                           "reserved_instance_payment_option"};

// (type, Infracost key) → costgate key, from the embedded infracost_keys.csv.
using KeyMap = std::map<std::pair<std::string, std::string>, std::string>;

KeyMap load_key_map() {
    KeyMap keys;
    const std::vector<util::CsvRow> rows =
        util::parse_csv(k_keys_file, util::embedded_file(k_keys_file));
    for (std::size_t i = 1; i < rows.size(); ++i)
        keys[{rows[i].fields.at(0), rows[i].fields.at(1)}] = rows[i].fields.at(2);
    return keys;
}

const KeyMap& key_map() {
    static const KeyMap k_keys = load_key_map();
    return k_keys;
}

// Infracost's examples write large counts as `1_000_000` (YAML 1.1); costgate's reader
// takes digits only.
YAML::Node without_digit_separators(const YAML::Node& value) {
    if (!value.IsScalar() || value.Scalar().find('_') == std::string::npos)
        return value;
    std::string digits;
    for (char c : value.Scalar())
        if (c != '_')
            digits += c;
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(),
                                       [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
        return value;
    YAML::Node copy = YAML::Clone(value);
    copy = digits;
    return copy;
}

// The scalars of an entry, nested mappings flattened to `parent.key` (S3's
// `standard: {storage_gb: ...}`); a sequence is kept whole, to be listed as ignored.
void flatten(const YAML::Node& map, const std::string& prefix,
             std::vector<std::pair<std::string, YAML::Node>>& out) {
    for (const auto& item : map) {
        const std::string key = prefix + item.first.Scalar();
        if (item.second.IsMap())
            flatten(item.second, key + ".", out);
        else
            out.emplace_back(key, item.second);
    }
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words)
        text += (text.empty() ? "" : ", ") + word;
    return text;
}

} // namespace

bool is_infracost_usage(const YAML::Node& document) {
    if (!document.IsMap())
        return false;
    for (const auto& item : document)
        if (item.first.IsScalar() && item.first.Scalar() == "version")
            return item.second.IsScalar() &&
                   (item.second.Scalar() == "0.1" || item.second.Scalar() == "v0.1");
    return false;
}

Usage Usage::parse_infracost(const std::string& file, const YAML::Node& document) {
    util::YamlMap top(file, document, "usage file");
    top.get("version");
    // One entry (a type's defaults or an address's usage): mapped keys read as costgate's
    // own, the rest named in one warning.
    const auto read_entry = [&](const YAML::Node& name, const YAML::Node& body,
                                const std::string& type) {
        const std::string label = name.Scalar();
        Entry entry;
        if (body.IsNull())
            return entry;
        const util::YamlMap map(file, body, label);
        std::vector<std::pair<std::string, YAML::Node>> keys;
        flatten(body, "", keys);
        const std::vector<std::string_view> known = pricer_usage_keys(type);
        std::vector<std::string> ignored;
        std::map<std::string, std::string> reservation;
        for (const auto& [key, value] : keys) {
            if (std::find(k_reservation_keys.begin(), k_reservation_keys.end(), key) !=
                k_reservation_keys.end()) {
                reservation[key] = value.IsScalar() ? value.Scalar() : "?";
                continue;
            }
            const auto mapped = key_map().find({type, key});
            const std::string ours = mapped != key_map().end() ? mapped->second : key;
            if (!value.IsScalar() || std::find(known.begin(), known.end(), ours) == known.end()) {
                ignored.push_back(key);
                continue;
            }
            entry.values[ours] = read_usage_value(map, without_digit_separators(value), key);
        }
        const std::string where = util::yaml_location(file, name).to_string();
        if (!ignored.empty())
            spdlog::warn("{}: {}: Infracost usage keys costgate does not use, ignored: {}", where,
                         label, joined(ignored));
        if (!reservation.empty()) {
            std::vector<std::string> asked;
            for (const auto& [key, value] : reservation)
                asked.push_back(key + " " + value);
            const std::string note =
                "reserved instance asked in the usage file (" + joined(asked) +
                "): priced on demand, as costgate's catalog has no reserved rates (a catalog "
                "overlay discount can stand for the reservation)";
            spdlog::warn("{}: {}: {}", where, label, note);
            entry.notes.push_back(note);
        }
        return entry;
    };

    Usage usage;
    if (const YAML::Node defaults = top.get("resource_type_default_usage");
        defaults.IsDefined() && !defaults.IsNull()) {
        util::YamlMap by_type(file, defaults, "resource_type_default_usage");
        for (const auto& item : defaults)
            usage.m_by_type[item.first.Scalar()] =
                read_entry(item.first, by_type.get(item.first.Scalar()), item.first.Scalar());
    }
    if (const YAML::Node resources = top.get("resource_usage");
        resources.IsDefined() && !resources.IsNull()) {
        util::YamlMap by_address(file, resources, "resource_usage");
        for (const auto& item : resources) {
            const std::string address = item.first.Scalar();
            // Infracost's `[*]` (every instance) is a glob here already: `*` matches any
            // index or key.
            Usage::Entry entry =
                read_entry(item.first, by_address.get(address), usage_address_type(address));
            entry.where = util::yaml_location(file, item.first);
            usage.m_by_address.emplace_back(address, std::move(entry));
        }
    }
    top.finish();
    return usage;
}

} // namespace costgate::pricing
