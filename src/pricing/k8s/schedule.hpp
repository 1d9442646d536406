#pragma once

#include <optional>
#include <string>

namespace costgate::k8s {

/// How many times a CronJob schedule fires in a 730-hour month: five cron fields
/// (minute hour day-of-month month day-of-week) with `*`, lists, ranges, steps and
/// month/day names, or @hourly, @daily, @midnight, @weekly, @monthly, @yearly,
/// @annually. Counted over 730 hours from a Monday 00:00 at the start of a 30-day month,
/// so rare schedules (monthly, yearly) are averaged over the year. Nullopt when invalid.
std::optional<double> runs_per_month(const std::string& schedule);

} // namespace costgate::k8s
