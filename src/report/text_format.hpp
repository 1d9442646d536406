#pragma once

#include "costgate/model/money.hpp"
#include "costgate/model/report.hpp"

#include <string>

/// Small formatting helpers the text renderers share.
namespace costgate::report::text {

/// `$1,234.56` for USD, `EUR 1,234.56` otherwise; `signed` adds `+` to positive amounts.
std::string money(Money amount, const std::string& currency, bool with_sign = false);

/// A stable 64-bit FNV-1a hash of a finding's rule, resource and project (and message, when
/// `with_message`), as 16 hex digits: the same finding gets the same fingerprint from run
/// to run.
std::string fingerprint(const Finding& finding, bool with_message = false);

/// The file a finding points at: its own, else the report's first input.
std::string finding_file(const Finding& finding, const Report& report);

} // namespace costgate::report::text
