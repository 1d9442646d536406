#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace costgate::util {

/// One CSV record and the line it starts on.
struct CsvRow {
    int line = 0;
    std::vector<std::string> fields;
};

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). Blank lines and lines
/// starting with `#` are skipped. Throws InputError `name:line` on an unterminated quote.
std::vector<CsvRow> parse_csv(std::string_view name, std::string_view text);

/// One CSV record, fields quoted when they hold a comma, quote or line break, ending in "\n".
std::string format_csv_row(const std::vector<std::string>& fields);

} // namespace costgate::util
