#include "costgate/pricing/instance_specs.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/csv.hpp"
#include "costgate/util/embedded_files.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <string>

namespace costgate::pricing {

namespace {

using SpecTable = std::map<std::string, InstanceSpec, std::less<>>;

template <typename Number>
Number parse_number(const util::CsvRow& row, std::size_t field, std::string_view file) {
    const std::string& text = row.fields.at(field);
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        throw InputError({std::string(file), row.line, 0, {}}, "bad number \"" + text + "\"");
    return value;
}

// provider → type → spec, read once from the embedded CSVs
// (provider,instance_type,vcpus,memory_gib,gpus,source,source_detail,as_of).
const std::map<std::string, SpecTable, std::less<>>& spec_tables() {
    static const auto k_tables = [] {
        std::map<std::string, SpecTable, std::less<>> tables;
        for (const util::EmbeddedFile& file : util::embedded_files()) {
            if (!file.name.starts_with("src/pricing/specs/") || !file.name.ends_with(".csv"))
                continue;
            const std::vector<util::CsvRow> rows = util::parse_csv(file.name, file.contents);
            for (std::size_t i = 1; i < rows.size(); ++i) {
                const util::CsvRow& row = rows[i];
                if (row.fields.size() < 5)
                    throw InputError({std::string(file.name), row.line, 0, {}}, "too few fields");
                tables[row.fields[0]][row.fields[1]] = {parse_number<int>(row, 2, file.name),
                                                        parse_number<double>(row, 3, file.name),
                                                        parse_number<int>(row, 4, file.name)};
            }
        }
        return tables;
    }();
    return k_tables;
}

// `custom-4-16384`, `n2-custom-4-16384`, `n2-custom-4-16384-ext`: vCPUs and MiB.
std::optional<InstanceSpec> gcp_custom(std::string_view type) {
    const std::size_t custom = type.find("custom-");
    if (custom == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = type.substr(custom + 7);
    int vcpus = 0;
    long mib = 0;
    auto [after_vcpus, error] = std::from_chars(rest.data(), rest.data() + rest.size(), vcpus);
    if (error != std::errc() || after_vcpus == rest.data() + rest.size() || *after_vcpus != '-')
        return std::nullopt;
    const char* end = rest.data() + rest.size();
    auto [after_mib, error_mib] = std::from_chars(after_vcpus + 1, end, mib);
    if (error_mib != std::errc() ||
        (after_mib != end && std::string_view(after_mib, end) != "-ext"))
        return std::nullopt;
    return InstanceSpec{vcpus, static_cast<double>(mib) / 1024.0, 0};
}

} // namespace

std::optional<InstanceSpec> find_instance_spec(std::string_view provider, std::string_view type) {
    if (provider == "gcp")
        if (auto custom = gcp_custom(type))
            return custom;
    if (provider == "aws")
        for (const std::string_view prefix : {"db.", "cache."})
            if (type.starts_with(prefix))
                type.remove_prefix(prefix.size());
    const auto& tables = spec_tables();
    const auto table = tables.find(provider);
    if (table == tables.end())
        return std::nullopt;
    const auto found = table->second.find(type);
    return found == table->second.end() ? std::nullopt : std::optional(found->second);
}

std::optional<std::string> canonical_instance_type(std::string_view provider,
                                                   std::string_view type) {
    const auto& tables = spec_tables();
    const auto table = tables.find(provider);
    if (table == tables.end())
        return std::nullopt;
    if (table->second.contains(type))
        return std::string(type);
    const auto same = [&](const auto& row) {
        return std::ranges::equal(row.first, type, [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
        });
    };
    const auto found = std::ranges::find_if(table->second, same);
    return found == table->second.end() ? std::nullopt : std::optional(found->first);
}

} // namespace costgate::pricing
