#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace costgate {

enum class Severity { info, warn, fail };

/// `info`, `warn`, `fail`.
std::string_view to_string(Severity severity);

/// One policy result.
struct Finding {
    std::string rule;
    Severity severity = Severity::fail;
    /// Address of the resource, or absent for run-wide rules such as budgets.
    std::optional<std::string> resource;
    std::string message;
    std::string file;
    int line = 0;
    /// Reason of the exemption that covers this finding; an exempted finding is still
    /// reported but does not count towards the result.
    std::optional<std::string> exempted_by;
    /// The project of a multi-project run (costgate.yml) the finding belongs to; empty for
    /// single runs and for rules on the run's total.
    std::string project;
};

} // namespace costgate
