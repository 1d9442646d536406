#pragma once

#include "costgate/model/money.hpp"
#include "costgate/model/resource.hpp"
#include "costgate/util/input_file.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace costgate::ingest {

/// One resource of a costgate JSON report, read back as the base of a comparison.
struct BaseResource {
    Source source = Source::terraform;
    std::string address;
    std::string type;
    std::map<std::string, std::string> tags;
    /// Absent when the base report could not price the resource.
    std::optional<Money> monthly_after;
};

/// The resources of one project of a costgate JSON report (`--compare-to BASE.json`).
struct BaseReport {
    /// The file, as messages and notes name it.
    std::string name;
    /// The project whose resources these are; empty for a single-project report.
    std::string project;
    /// Empty when the report does not say.
    std::string currency;
    /// In the report's order.
    std::vector<BaseResource> resources;
};

/// Reads a costgate JSON report (schema_version 1) and keeps the resources of `project`.
/// Throws InputError naming the file and the JSON path when it is not such a report.
BaseReport read_base_report(const util::InputText& input, const std::string& project);

} // namespace costgate::ingest
