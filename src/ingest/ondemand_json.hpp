#pragma once

#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <stdexcept>
#include <string_view>

namespace costgate::ingest {

/// A value simdjson's On-Demand API cannot give exactly as nlohmann/json would (an integer
/// beyond 64 bits, a number out of double range, ...): the reader falls back to
/// nlohmann/json for the whole document.
class OnDemandUnsupported : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The nlohmann/json value nlohmann::json::parse would build for `value` (non-negative
/// integers unsigned, negative ones signed, the last of duplicate keys). Throws
/// OnDemandUnsupported on anything it cannot convert exactly.
nlohmann::json to_nlohmann(simdjson::ondemand::value value);

/// Throws OnDemandUnsupported when `error` is set.
void check_ondemand(simdjson::error_code error);

/// A reusable buffer that copies a slice of a document with the padding simdjson needs.
class PaddedSlice {
  public:
    /// `text` copied, followed by simdjson's padding; valid until the next call.
    simdjson::padded_string_view copy(std::string_view text);

  private:
    std::string m_buffer;
};

} // namespace costgate::ingest
