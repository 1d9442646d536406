#include "costgate/model/finding.hpp"
#include "costgate/model/report.hpp"
#include "costgate/model/resource.hpp"

namespace costgate {

std::string_view to_string(Action action) {
    switch (action) {
    case Action::create:
        return "create";
    case Action::update:
        return "update";
    case Action::remove:
        return "delete";
    case Action::replace:
        return "replace";
    case Action::no_op:
        return "no-op";
    case Action::read:
        return "read";
    }
    return "unknown";
}

std::string_view to_string(Source source) {
    return source == Source::terraform ? "terraform" : "kubernetes";
}

std::string_view to_string(Severity severity) {
    switch (severity) {
    case Severity::info:
        return "info";
    case Severity::warn:
        return "warn";
    case Severity::fail:
        return "fail";
    }
    return "unknown";
}

std::string_view to_string(Result result) {
    switch (result) {
    case Result::pass:
        return "pass";
    case Result::warn:
        return "warn";
    case Result::fail:
        return "fail";
    }
    return "unknown";
}

} // namespace costgate
