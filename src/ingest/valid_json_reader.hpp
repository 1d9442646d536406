#pragma once

#include "costgate/model/json_tree.hpp"

#include <string>
#include <string_view>

namespace costgate::ingest {

/// Reads JSON text that outline_json has accepted, checking nothing: it trusts the text to
/// be valid and nested at most 1,000 levels, which is what lets it go straight from the text
/// to a JsonTree without a tokenizer in between. Numbers become what nlohmann/json's parser
/// makes of them (non-negative integers unsigned, integers beyond 64 bits doubles); a
/// number too large for a double, which nlohmann/json rejects (and outline_json too, so plan
/// entries never meet one), throws OnDemandUnsupported.
class ValidJsonReader {
  public:
    explicit ValidJsonReader(std::string_view text)
        : m_at(text.data()), m_end(text.data() + text.size()) {}

    /// The first character of the next value: `{`, `[`, `"`, `t`, `f`, `n`, `-` or a digit.
    char peek() {
        skip_space();
        return *m_at;
    }
    /// Adds the next value to `builder`.
    void read(JsonTreeBuilder& builder);
    /// Steps over the next value.
    void skip();

    /// Steps into the object that is the next value.
    void enter_object() {
        skip_space();
        ++m_at;
    }
    /// The key of the next member of the object stepped into, leaving the reader at its
    /// value; false (and the object left) when there are no more. The view lives until the
    /// next call.
    bool next_key(std::string_view& key);

  private:
    void skip_space() {
        while (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t')
            ++m_at;
    }
    std::string_view read_string();
    void skip_string();
    void read_number(JsonTreeBuilder& builder);

    const char* m_at;
    const char* m_end;
    /// Unescaped text of the last string that had escapes.
    std::string m_unescaped;
};

} // namespace costgate::ingest
