#include "text_format.hpp"

#include <cstdint>
#include <cstdio>

namespace costgate::report::text {

std::string money(Money amount, const std::string& currency, bool with_sign) {
    std::string digits = amount.to_cents_string();
    std::string sign;
    if (!digits.empty() && digits.front() == '-') {
        sign = "-";
        digits.erase(0, 1);
    } else if (with_sign && amount.micros() > 0) {
        sign = "+";
    }
    const std::size_t point = digits.find('.');
    std::string grouped = digits.substr(point);
    for (std::size_t i = point, count = 0; i-- > 0; ++count) {
        if (count > 0 && count % 3 == 0)
            grouped.insert(grouped.begin(), ',');
        grouped.insert(grouped.begin(), digits[i]);
    }
    return sign + (currency == "USD" ? "$" : currency + " ") + grouped;
}

std::string fingerprint(const Finding& finding, bool with_message) {
    std::uint64_t hash = 14695981039346656037ULL;
    const auto mix = [&](const std::string& text) {
        for (const char c : text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
        hash ^= 0xff;
        hash *= 1099511628211ULL;
    };
    mix(finding.rule);
    mix(finding.resource.value_or(""));
    mix(finding.project);
    if (with_message)
        mix(finding.message);
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

std::string finding_file(const Finding& finding, const Report& report) {
    if (!finding.file.empty())
        return finding.file;
    return report.inputs.empty() ? std::string("costgate") : report.inputs.front();
}

} // namespace costgate::report::text
