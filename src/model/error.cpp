#include "costgate/model/error.hpp"

#include <algorithm>

namespace costgate {

SourceLocation SourceLocation::at_offset(std::string file_name, std::string_view text,
                                         std::size_t offset) {
    const std::string_view before = text.substr(0, std::min(offset, text.size()));
    const std::size_t line_start = before.rfind('\n');
    const std::size_t column =
        line_start == std::string_view::npos ? before.size() : before.size() - line_start - 1;
    return {std::move(file_name),
            1 + static_cast<int>(std::count(before.begin(), before.end(), '\n')),
            static_cast<int>(column) + 1};
}

std::string SourceLocation::to_string() const {
    std::string text = file;
    if (line > 0) {
        text += ':' + std::to_string(line);
        if (column > 0)
            text += ':' + std::to_string(column);
    } else if (!json_path.empty()) {
        text += ": at " + json_path;
    }
    return text;
}

InputError::InputError(SourceLocation where, const std::string& what)
    : std::runtime_error(where.file.empty() ? what : where.to_string() + ": " + what),
      m_where(std::move(where)) {}

} // namespace costgate
