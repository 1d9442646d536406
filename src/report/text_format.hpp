#pragma once

#include "costgate/model/money.hpp"
#include "costgate/model/report.hpp"

#include <string>
#include <string_view>
#include <vector>

/// Small formatting helpers the text renderers share.
namespace costgate::report::text {

/// A stable 64-bit FNV-1a hash of a finding's rule, resource and project (and message, when
/// `with_message`), as 16 hex digits: the same finding gets the same fingerprint from run
/// to run.
std::string fingerprint(const Finding& finding, bool with_message = false);

/// The file a finding points at: its own, else the report's first input.
std::string finding_file(const Finding& finding, const Report& report);

/// "prices as of DATE" for a report's header: the as-of dates of the prices the estimate
/// used (`OLDEST to NEWEST` when they differ), else the catalog's date.
std::string prices_as_of(const Report& report);

/// User-controlled text (addresses, tags, messages) made safe to print on one line of a
/// terminal or a CI log: control characters (newlines, ESC, DEL, C1) and the Unicode
/// bidirectional and line-separator controls (U+202E and kin, which reorder what a reader
/// sees) become visible escapes (`\n`, `\x1b`, `\u202e`); a backslash becomes `\\` so an
/// escape cannot be forged. Bytes that are not UTF-8 are shown as `\xNN`.
std::string printable(std::string_view text);

/// `output` with every line that would start a CI workflow command (`::error ...`, after
/// optional blanks, as GitHub's runner reads them) prefixed with a backslash, so report
/// text cannot issue commands when the report is printed in a job log.
std::string without_workflow_commands(std::string output);

/// Splits `text` into lines of at most `width` code points, breaking after the last space
/// that fits (dropping it) or, failing that, between code points. Nothing is lost. Linear
/// in the length of `text`.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

/// Display columns of UTF-8 text (one per code point).
std::size_t columns(std::string_view text);

} // namespace costgate::report::text
