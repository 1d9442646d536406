#include "catalog_pack.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace costgate::pricing {

namespace {

constexpr std::string_view k_magic = "costgate catalog pack,1,";

// The line starting at `at` (without its '\n'); `at` moves to the next line.
std::string_view next_line(std::string_view text, std::size_t& at) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = std::min(end + 1, text.size());
    return line;
}

// The `index`-th comma-separated field of a line whose fields hold no quotes.
std::string_view plain_field(std::string_view line, int index) {
    for (; index > 0; --index) {
        const std::size_t comma = line.find(',');
        if (comma == std::string_view::npos)
            return {};
        line.remove_prefix(comma + 1);
    }
    return line.substr(0, line.find(','));
}

std::optional<std::size_t> to_count(std::string_view text) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// A pack string line: a CSV field, quoted when it holds a comma or a quote.
std::string unquote(std::string_view line) {
    if (!line.starts_with('"'))
        return std::string(line);
    std::string text;
    for (std::size_t i = 1; i + 1 < line.size(); ++i) {
        text += line[i];
        if (line[i] == '"')
            ++i; // a doubled quote stands for one
    }
    return text;
}

} // namespace

bool CatalogPack::is_pack(std::string_view text) {
    return text.starts_with(k_magic);
}

CatalogPack::CatalogPack(std::string name, std::string_view text)
    : m_name(std::move(name)), m_text(text) {
    std::size_t at = 0;
    const std::string_view magic = next_line(text, at);
    if (!is_pack(magic))
        fail(magic, "not a catalog pack (expected \"costgate catalog pack,1,PROVIDER,SERVICE\")");
    m_provider = plain_field(magic, 2);
    m_service = plain_field(magic, 3);
    std::size_t count = 0;
    const std::string_view profiles = section("profiles", at, count);
    for (const util::CsvRow& row : util::parse_csv(m_name, profiles)) {
        if (row.fields.size() != 4)
            fail(profiles, "a profile needs unit, terms, source and as_of");
        m_profiles.push_back({row.fields[0], row.fields[1], row.fields[2], row.fields[3]});
    }
    if (m_profiles.size() != count)
        fail(profiles, "profiles section holds " + std::to_string(m_profiles.size()) +
                           " lines, not " + std::to_string(count));
    m_strings = section("strings", at, m_string_count);
    m_rows = section("rows", at, count);
}

std::string_view CatalogPack::section(std::string_view label, std::size_t& at,
                                      std::size_t& count) const {
    const std::string_view header = next_line(m_text, at);
    const auto parsed = to_count(plain_field(header, 1));
    if (plain_field(header, 0) != label || !parsed)
        fail(header, "expected the \"" + std::string(label) + ",COUNT\" section");
    count = *parsed;
    const std::size_t begin = at;
    for (std::size_t line = 0; line < count; ++line) {
        if (at >= m_text.size())
            fail(header, "the " + std::string(label) + " section ends early");
        next_line(m_text, at);
    }
    return m_text.substr(begin, at - begin);
}

std::size_t CatalogPack::first_row_from(std::string_view key) const {
    // Binary search over byte offsets: each probe takes the first row starting at or after it.
    std::size_t low = 0;
    std::size_t high = m_rows.size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        const std::size_t start = middle == 0 ? 0 : m_rows.find('\n', middle - 1) + 1;
        if (start >= high) {
            high = middle;
            continue;
        }
        std::size_t next = start;
        const std::string_view row = next_line(m_rows, next);
        if (row.substr(0, key.size()) < key)
            low = next;
        else
            high = start;
    }
    return low;
}

std::optional<PriceEntry> CatalogPack::find(std::string_view product,
                                            std::string_view region) const {
    std::string key;
    key.reserve(product.size() + region.size() + 2);
    key.append(product).append(",").append(region).append(",");
    std::size_t at = first_row_from(key);
    if (at >= m_rows.size())
        return std::nullopt;
    const std::string_view row = next_line(m_rows, at);
    if (!row.starts_with(key))
        return std::nullopt;
    return entry_of(row);
}

std::vector<std::string> CatalogPack::regions_of(std::string_view product) const {
    const std::string prefix = std::string(product) + ",";
    std::vector<std::string> regions;
    for (std::size_t at = first_row_from(prefix); at < m_rows.size();) {
        const std::string_view row = next_line(m_rows, at);
        if (!row.starts_with(prefix))
            break;
        regions.emplace_back(plain_field(row, 1));
    }
    return regions;
}

std::vector<PriceEntry> CatalogPack::all() const {
    std::vector<PriceEntry> entries;
    for (std::size_t at = 0; at < m_rows.size();)
        entries.push_back(entry_of(next_line(m_rows, at)));
    return entries;
}

PriceEntry CatalogPack::entry_of(std::string_view row) const {
    const std::string_view price_text = plain_field(row, 2);
    double price = 0;
    const auto [end, error] =
        std::from_chars(price_text.data(), price_text.data() + price_text.size(), price);
    if (error != std::errc() || end != price_text.data() + price_text.size() ||
        !std::isfinite(price) || price < 0)
        fail(row, "price \"" + std::string(price_text) + "\" is not a non-negative number");
    const auto profile = to_count(plain_field(row, 3));
    if (!profile || *profile >= m_profiles.size())
        fail(row, "no profile " + std::string(plain_field(row, 3)));
    const Profile& terms = m_profiles[*profile];
    return PriceEntry{m_provider,
                      m_service,
                      std::string(plain_field(row, 0)),
                      std::string(plain_field(row, 1)),
                      terms.unit,
                      price,
                      terms.terms,
                      terms.source,
                      detail_of(plain_field(row, 4)),
                      terms.as_of,
                      false,
                      {}};
}

std::string CatalogPack::detail_of(std::string_view pieces) const {
    if (m_string_starts.empty() && m_string_count > 0) {
        m_string_starts.reserve(m_string_count);
        for (std::size_t at = 0; at < m_strings.size(); next_line(m_strings, at))
            m_string_starts.push_back(static_cast<std::uint32_t>(at));
    }
    std::string detail;
    while (!pieces.empty()) {
        const std::size_t dot = std::min(pieces.find('.'), pieces.size());
        const auto id = to_count(pieces.substr(0, dot));
        if (!id || *id >= m_string_starts.size())
            fail(pieces, "no string " + std::string(pieces.substr(0, dot)));
        std::size_t at = m_string_starts[*id];
        detail += unquote(next_line(m_strings, at));
        pieces.remove_prefix(std::min(dot + 1, pieces.size()));
    }
    return detail;
}

void CatalogPack::fail(std::string_view at, const std::string& message) const {
    // `at` is a view into the pack text, so its offset gives the line.
    const std::size_t offset =
        at.data() >= m_text.data() && at.data() <= m_text.data() + m_text.size()
            ? at.data() - m_text.data()
            : 0;
    throw InputError(SourceLocation::at_offset(m_name, m_text, offset), message);
}

} // namespace costgate::pricing
