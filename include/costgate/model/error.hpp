#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace costgate {

/// Where in an input a problem is: a file plus, when known, a line and column
/// (text formats) or a JSON path such as `resource_changes[3].change.actions`.
struct SourceLocation {
    SourceLocation() = default;
    SourceLocation(std::string file_name, int line_number = 0, int column_number = 0,
                   std::string path = {})
        : file(std::move(file_name)), line(line_number), column(column_number),
          json_path(std::move(path)) {}

    std::string file;
    int line = 0;
    int column = 0;
    std::string json_path;

    /// The line and column of the byte at `offset` (0-based, clamped to the end) of `text`,
    /// for readers that know only where in the text a problem is.
    static SourceLocation at_offset(std::string file_name, std::string_view text,
                                    std::size_t offset);

    /// `file:line:column`, `file:line`, `file: at JSON path P` or `file`.
    std::string to_string() const;
};

/// Bad input (a plan, manifest, policy, catalog or usage file): exit code 2.
/// The message starts with the location so the user can jump to it (code that does not
/// know the file throws it without one, for a caller to rethrow with the location).
class InputError : public std::runtime_error {
  public:
    InputError(SourceLocation where, const std::string& what);
    const SourceLocation& where() const { return m_where; }

  private:
    SourceLocation m_where;
};

/// Bad command-line usage (unknown format, conflicting flags): exit code 2.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace costgate
