#include "plan_completeness.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/json_document.hpp"

#include <spdlog/spdlog.h>

namespace costgate::ingest {

namespace {

// The address of a deferred change, for the message (empty when it has none).
std::string deferred_address(JsonValue deferred) {
    const JsonValue address = deferred.find("resource_change").find("address");
    return address.is_string() ? std::string(address.string()) : "";
}

std::string type_of(JsonValue value) {
    return std::string(value.type_name());
}

} // namespace

void check_plan_is_whole(const util::InputText& input, JsonValue plan) {
    if (!plan.is_object())
        return;
    if (const JsonValue errored = plan.find("errored")) {
        if (!errored.is_boolean())
            util::throw_shape_error(input, "errored",
                                    "expected true or false, found " + type_of(errored));
        if (errored.boolean())
            util::throw_shape_error(input, "errored",
                                    "the plan errored (terraform plan failed), so its changes "
                                    "are incomplete: fix the plan's errors and plan again");
    }
    const JsonValue complete = plan.find("complete");
    if (complete && !complete.is_boolean())
        util::throw_shape_error(input, "complete",
                                "expected true or false, found " + type_of(complete));
    if (const JsonValue deferred = plan.find("deferred_changes"); deferred && !deferred.is_null()) {
        if (!deferred.is_array())
            util::throw_shape_error(input, "deferred_changes",
                                    "expected an array, found " + type_of(deferred));
        if (!deferred.empty()) {
            const std::string address = deferred_address(deferred[0]);
            util::throw_shape_error(
                input, "deferred_changes[0]",
                std::to_string(deferred.size()) + " change(s) deferred to a later plan" +
                    (address.empty() ? "" : " (" + address + " first)") +
                    " are not in resource_changes, so their cost is unknown: costgate prices "
                    "complete plans only");
        }
    }
    if (complete && !complete.boolean())
        spdlog::warn("{}: the plan is not complete (complete: false, as with -target): only the "
                     "changes it holds are priced",
                     input.name);
}

} // namespace costgate::ingest
