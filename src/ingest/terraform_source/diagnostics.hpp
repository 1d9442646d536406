#pragma once

#include <set>
#include <string>

namespace costgate::ingest {

/// Warnings of one source read, each printed once (a function costgate does not evaluate
/// may be called by every instance of a module).
class SourceDiagnostics {
  public:
    /// Logs `message` as a warning unless one with the same `key` was logged already.
    void warn_once(const std::string& key, const std::string& message);

  private:
    std::set<std::string> m_warned;
};

} // namespace costgate::ingest
