#include "plan_completeness.hpp"

#include "costgate/model/error.hpp"
#include "costgate/util/json_document.hpp"

#include <spdlog/spdlog.h>

namespace costgate::ingest {

namespace {

// The address of a deferred change, for the message (empty when it has none).
std::string deferred_address(const nlohmann::json& deferred) {
    const auto change = deferred.find("resource_change");
    if (change == deferred.end() || !change->is_object())
        return {};
    const auto address = change->find("address");
    return address != change->end() && address->is_string() ? address->get<std::string>() : "";
}

} // namespace

void check_plan_is_whole(const util::InputText& input, const nlohmann::json& plan) {
    if (!plan.is_object())
        return;
    if (const auto errored = plan.find("errored"); errored != plan.end()) {
        if (!errored->is_boolean())
            util::throw_shape_error(input, "errored",
                                    "expected true or false, found " +
                                        util::json_type_name(*errored));
        if (errored->get<bool>())
            util::throw_shape_error(input, "errored",
                                    "the plan errored (terraform plan failed), so its changes "
                                    "are incomplete: fix the plan's errors and plan again");
    }
    const auto complete = plan.find("complete");
    if (complete != plan.end() && !complete->is_boolean())
        util::throw_shape_error(input, "complete",
                                "expected true or false, found " + util::json_type_name(*complete));
    if (const auto deferred = plan.find("deferred_changes");
        deferred != plan.end() && !deferred->is_null()) {
        if (!deferred->is_array())
            util::throw_shape_error(input, "deferred_changes",
                                    "expected an array, found " + util::json_type_name(*deferred));
        if (!deferred->empty()) {
            const std::string address = deferred_address(deferred->front());
            util::throw_shape_error(
                input, "deferred_changes[0]",
                std::to_string(deferred->size()) + " change(s) deferred to a later plan" +
                    (address.empty() ? "" : " (" + address + " first)") +
                    " are not in resource_changes, so their cost is unknown: costgate prices "
                    "complete plans only");
        }
    }
    if (complete != plan.end() && !complete->get<bool>())
        spdlog::warn("{}: the plan is not complete (complete: false, as with -target): only the "
                     "changes it holds are priced",
                     input.name);
}

} // namespace costgate::ingest
