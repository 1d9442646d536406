#include "costgate/util/csv.hpp"

#include "costgate/model/error.hpp"

namespace costgate::util {

std::vector<CsvRow> parse_csv(std::string_view name, std::string_view text) {
    std::vector<CsvRow> rows;
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\n' || text[i] == '\r') {
            line += text[i] == '\n';
            ++i;
            continue;
        }
        if (text[i] == '#') {
            while (i < text.size() && text[i] != '\n')
                ++i;
            continue;
        }
        CsvRow row{line, {}};
        std::string field;
        bool row_done = false;
        while (!row_done) {
            if (i < text.size() && text[i] == '"') {
                const int quote_line = line;
                ++i;
                while (true) {
                    if (i >= text.size())
                        throw InputError({std::string(name), quote_line, 0, {}},
                                         "unterminated quoted field");
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    line += text[i] == '\n';
                    field += text[i++];
                }
            }
            // Unquoted text runs to the next separator; copied in one piece.
            std::size_t end = i;
            while (end < text.size() && text[end] != ',' && text[end] != '\n' && text[end] != '\r')
                ++end;
            field.append(text.data() + i, end - i);
            i = end;
            row.fields.push_back(std::move(field));
            field.clear();
            if (i < text.size() && text[i] == ',') {
                ++i;
            } else {
                row_done = true;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string format_csv_row(const std::vector<std::string>& fields) {
    std::string row;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string& field = fields[i];
        if (i > 0)
            row += ',';
        if (field.find_first_of(",\"\r\n") == std::string::npos) {
            row += field;
            continue;
        }
        row += '"';
        for (char c : field)
            row += c == '"' ? std::string("\"\"") : std::string(1, c);
        row += '"';
    }
    return row + "\n";
}

} // namespace costgate::util
