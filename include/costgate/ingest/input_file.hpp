#pragma once

#include <string>

namespace costgate {

/// The text of one input, decoded to UTF-8.
struct InputText {
    /// The name to use in messages: the path as given, or `<stdin>`.
    std::string name;
    std::string text;
};

/// Reads a file (or standard input for `-`) whole. A UTF-8 byte order mark is dropped
/// and UTF-16 (with a byte order mark, as PowerShell's `>` writes) is converted to
/// UTF-8. Throws InputError naming the path when it is missing, a directory, unreadable,
/// empty, larger than 512 MiB (COSTGATE_MAX_INPUT_MB changes the limit), or not valid
/// UTF-8 or UTF-16 (with the line and column of the first bad byte).
InputText read_input(const std::string& path);

/// Decodes and validates raw bytes as read_input does; exposed for tests and fuzzers.
std::string decode_text(const std::string& name, std::string bytes);

} // namespace costgate
