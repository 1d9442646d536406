#pragma once

#include <string>

namespace costgate::ingest {

/// hashicorp/setup-terraform's wrapper prints `[command]terraform show -json ...` before
/// the JSON and `%0A` plus `::set-output ...` workflow commands after it. When `text`
/// starts with such a `[command]` line, returns it without the wrapper lines; otherwise
/// returns it unchanged. Nothing else is stripped, so other trailing data stays an error.
std::string unwrap_setup_terraform_output(std::string text);

} // namespace costgate::ingest
