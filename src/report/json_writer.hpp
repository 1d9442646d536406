#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace costgate::report {

/// Writes one JSON document to a stream as it goes, in costgate's format for every JSON
/// output (the report, SARIF, Code Quality): two-space indentation, `"key": value`, `{}`
/// and `[]` for empty containers; strings with UTF-8 copied as is and `"`, `\` and control
/// characters escaped (`\n`, `\t`, ... where JSON has a short form, else `\u00xx`);
/// doubles in plain decimal notation, never with an exponent, with the fewest digits that
/// read back as the same double and `.0` on a whole one, so it reads back as a double.
///
/// The caller drives the structure (inside an object, key() before each value); the writer
/// does not check that the calls form a valid document.
///
/// The document goes to the sink in pieces of about `chunk` bytes, so a report of tens of
/// megabytes (a 10,000-resource plan) is never held whole: as one string it grew past its
/// reservation and was copied, and was the run's peak memory (docs/performance.md).
class JsonWriter {
  public:
    static constexpr std::size_t k_default_chunk = 64 * 1024;

    /// Starts an empty document written to `sink`, which must outlive the writer.
    explicit JsonWriter(std::ostream& sink, std::size_t chunk = k_default_chunk);

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    /// Names the next member of the current object; returns *this to write its value.
    JsonWriter& key(std::string_view name);

    /// Throws std::logic_error on invalid UTF-8: every input is checked when it is read, so a
    /// report string that is not UTF-8 is a bug.
    void string(std::string_view text);
    void integer(std::int64_t value);
    /// `730.0`, `0.1`, `0.00001`; NaN and infinities as `null`.
    void number(double value);
    void boolean(bool value);
    void null();

    /// Writes what is still buffered to the sink; call it once the document is complete.
    /// The sink's state tells whether every write succeeded.
    void finish();

  private:
    /// Nothing after a key; else, inside an array, what begin_item() writes.
    void begin_value();
    /// `,` unless it is the first item, a newline, and the indentation of the container;
    /// first hands a full buffer to the sink (between items, so that write_string can
    /// take back a string it started).
    void begin_item();
    void end_container(char close);
    void write_string(std::string_view text);
    /// Writes the buffer to the sink and empties it.
    void hand_over();

    std::ostream& m_sink;
    std::size_t m_chunk;
    /// What is written and not yet handed to the sink.
    std::string m_out;
    /// One entry per open container, innermost last: whether it has an item yet.
    std::vector<bool> m_has_items;
    bool m_after_key = false;
};

} // namespace costgate::report
