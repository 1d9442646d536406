#pragma once

#include <optional>
#include <string>

namespace costgate::pricing::k8s {

/// How many times a CronJob schedule fires in a 730-hour month: five cron fields
/// (minute hour day-of-month month day-of-week) with `*`, lists, ranges, steps and
/// month/day names, or @hourly, @daily, @midnight, @weekly, @monthly, @yearly,
/// @annually. Counted over a calendar year and scaled to 730 hours, so monthly and yearly
/// schedules average out as they do on a bill. Nullopt when invalid.
std::optional<double> runs_per_month(const std::string& schedule);

} // namespace costgate::pricing::k8s
