#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace costgate::util {

/// Bytes after the end of an InputText's text that may be read (and are never part of it):
/// simdjson parses a text in place when this many follow it.
constexpr std::size_t k_input_padding = 64;

/// The text of one input, decoded to UTF-8. Copies share the text, and at least
/// k_input_padding bytes after it are readable.
class InputText {
  public:
    /// An input holding `text`.
    InputText(std::string name, std::string text);

    /// The name to use in messages: the path as given, or `<stdin>`.
    std::string name;
    /// The text; it lives as long as any copy of this InputText.
    std::string_view text;

    /// Gives back the memory under text[begin, end) (whole pages of it) when the text was
    /// read into memory of its own, for a reader that will not look at that part again:
    /// afterwards it reads as zero bytes. Peak memory on a 400 MB plan depends on it.
    /// Returns whether any was given back.
    bool release(std::size_t begin, std::size_t end) const;

  private:
    class Storage;
    InputText(std::string name, std::shared_ptr<const Storage> storage, std::string_view text);
    friend InputText read_input(const std::string& path);

    std::shared_ptr<const Storage> m_storage;
};

/// Reads a file (or standard input for `-`) whole. A UTF-8 byte order mark is dropped
/// and UTF-16 (with a byte order mark, as PowerShell's `>` writes) is converted to
/// UTF-8. Throws InputError naming the path when it is missing, a directory, unreadable,
/// empty, larger than 512 MiB (COSTGATE_MAX_INPUT_MB changes the limit), or not valid
/// UTF-8 or UTF-16 (with the line and column of the first bad byte).
InputText read_input(const std::string& path);

/// Decodes and validates raw bytes as read_input does; exposed for tests and fuzzers.
std::string decode_text(const std::string& name, std::string bytes);

} // namespace costgate::util
