#include "costgate/report.hpp"

namespace costgate {

Result Report::result() const {
    Result result = Result::pass;
    for (const Finding& finding : findings) {
        if (finding.exempted_by)
            continue;
        if (finding.severity == Severity::fail)
            return Result::fail;
        if (finding.severity == Severity::warn)
            result = Result::warn;
    }
    return result;
}

int Report::exit_code() const {
    return result() == Result::fail ? 1 : 0;
}

} // namespace costgate
