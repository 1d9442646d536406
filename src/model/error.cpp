#include "costgate/error.hpp"

namespace costgate {

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
