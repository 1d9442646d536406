#include "diagnostics.hpp"

#include <spdlog/spdlog.h>

namespace costgate::ingest {

void SourceDiagnostics::warn_once(const std::string& key, const std::string& message) {
    if (m_warned.insert(key).second)
        spdlog::warn("{}", message);
}

} // namespace costgate::ingest
