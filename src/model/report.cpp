#include "costgate/model/report.hpp"

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

FindingCounts count_findings(const std::vector<Finding>& findings) {
    FindingCounts counts;
    for (const Finding& finding : findings) {
        if (finding.exempted_by)
            continue;
        ++(finding.severity == Severity::fail   ? counts.fail
           : finding.severity == Severity::warn ? counts.warn
                                                : counts.info);
    }
    return counts;
}

int Report::exit_code() const {
    return result() == Result::fail ? 1 : 0;
}

} // namespace costgate
