#pragma once

#include "costgate/ingest/base_report.hpp"
#include "costgate/model/estimate.hpp"

#include <string>

namespace costgate::pricing {

/// Takes the "before" of a run from a costgate report of the base branch (`--compare-to`):
/// each resource's monthly_before becomes its monthly_after in the base (matched by source
/// and address; 0 when the base lacks it, with a note), and base resources missing from
/// this run are added as deletions, so totals, breakdowns and budgets see the change
/// against the base even when the inputs hold only the new state. Throws InputError when
/// the base prices in another currency than `currency`.
void apply_baseline(Estimate& estimate, const std::string& currency,
                    const ingest::BaseReport& base);

} // namespace costgate::pricing
