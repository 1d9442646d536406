#pragma once

#include "costgate/model/estimate.hpp"

#include <chrono>
#include <string>

/// What -v (debug) and -vv (trace) say about a run on stderr: the inputs read, the
/// catalog rows that priced the resources, and how long each stage took.
namespace costgate::cli::run_log {

/// Measures one stage of a run and logs its duration at debug level when it ends.
class StageTimer {
  public:
    /// `prefix` names the project in a multi-project run (`[network] `), else empty.
    StageTimer(std::string prefix, std::string stage);
    ~StageTimer();
    StageTimer(const StageTimer&) = delete;
    StageTimer& operator=(const StageTimer&) = delete;

  private:
    std::string m_prefix;
    std::string m_stage;
    std::chrono::steady_clock::time_point m_start;
};

/// `[name] ` for a project's log lines, "" outside a multi-project run.
std::string prefix(const std::string& project);

/// Logs the catalog rows the estimate used: at debug level one line a row (key, price, as-of
/// date, source, how many components of how many resources it priced), at trace level one
/// line a component (address, component, quantity x unit price = cost, row), and the
/// unpriced resources with their notes.
void log_prices(const Estimate& estimate, const std::string& prefix);

} // namespace costgate::cli::run_log
